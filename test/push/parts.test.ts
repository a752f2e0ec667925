import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { engineOptions } from '../../src/docker/engine.js';
import { readTarStream } from '../../src/docker/export.js';
import { PushProgress } from '../../src/docker/progress.js';
import { findOldRegistryTraces } from '../../src/docker/provenance.js';
import { isRefusal, isTransient } from '../../src/push/execute.js';
import { ownPathOf, planPush } from '../../src/manifest/push-plan.js';
import { parseManifest } from '../../src/manifest/parse.js';
import { manifestYaml } from '../harness/manifest.js';

describe('reading an engine export (tar) as it streams', () => {
  test('small files in memory, large ones streamed; GNU long names and PAX paths', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-tar-'));
    try {
      const long = `${'deep/'.repeat(30)}layer.tar`;
      mkdirSync(path.join(dir, path.dirname(long)), { recursive: true });
      const big = randomBytes(300_000);
      writeFileSync(path.join(dir, long), big);
      writeFileSync(path.join(dir, 'manifest.json'), '[{"Config":"c.json","Layers":[]}]');
      writeFileSync(path.join(dir, 'empty'), '');
      for (const format of ['gnu', 'pax']) {
        const archive = path.join(os.tmpdir(), `cutover-${format}-${process.pid}.tar`);
        execFileSync('tar', [
          '-C',
          dir,
          `--format=${format}`,
          '-cf',
          archive,
          'manifest.json',
          'empty',
          long,
        ]);
        const contents = await readTarStream(
          createReadStream(archive, { highWaterMark: 7000 }),
          100_000,
          (name, size, body) => text(body.setEncoding('latin1')).then((data) => ({ name, size, data })),
        );
        rmSync(archive);
        expect([...contents.files.keys()].sort()).toEqual(['empty', 'manifest.json']);
        expect(contents.files.get('manifest.json')!.toString()).toBe('[{"Config":"c.json","Layers":[]}]');
        const streamed = contents.streamed.get(long);
        expect(streamed).toMatchObject({ name: long, size: 300_000 });
        expect(Buffer.from(streamed!.data, 'latin1').equals(big)).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a consumer that fails fails the read instead of hanging it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-tar-'));
    try {
      writeFileSync(path.join(dir, 'layer.tar'), randomBytes(2_000_000));
      execFileSync('tar', ['-C', dir, '-cf', path.join(dir, 'a.tar'), 'layer.tar']);
      await expect(
        readTarStream(createReadStream(path.join(dir, 'a.tar')), 1000, async (_name, _size, body) => {
          body.destroy();
          throw new Error('disk full');
        }),
      ).rejects.toThrow('disk full');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the progress line', () => {
  test('folds per-layer events of several registries into few lines with percent, bytes and rate', () => {
    const lines: string[] = [];
    const progress = new PushProgress('pushing to 2 registries', (line) => lines.push(line), 60_000);
    for (const host of ['old.example', 'new.example']) {
      progress.update(host, { status: 'Preparing', id: 'layer1' });
      for (let current = 0; current <= 10_000_000; current += 500_000) {
        progress.update(host, {
          status: 'Pushing',
          id: 'layer1',
          progressDetail: { current, total: 10_000_000 },
        });
      }
    }
    progress.update('old.example', { status: 'Pushed', id: 'layer1' });
    expect(progress.totals()).toEqual({ sent: 20_000_000, total: 20_000_000, layers: 2, finished: 1 });
    progress.update('new.example', { status: 'Pushed', id: 'layer1' });
    progress.done();
    // 42 progress events, two lines: the first and the final one.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^pushing to 2 registries: 100% \(20\.0 MB of 20\.0 MB, [\d.]+ [kM]B\/s, 2\/2 layers, [\d.]+ s\)$/,
    );
  });
});

describe('what the image says about where it came from', () => {
  const old = {
    role: 'old' as const,
    host: 'registry.old.example.com',
    aliases: ['old.internal:5000'],
    insecure: false,
  };
  const image = (labels: Record<string, string>, history: string[] = []) => ({
    id: 'sha256:x',
    repoTags: [],
    labels,
    history,
    size: 0,
  });

  test('base-image labels and history steps naming the old host or an alias, matched exactly', () => {
    expect(
      findOldRegistryTraces(
        image(
          { 'org.opencontainers.image.base.name': 'registry.old.example.com/base/jdk:17' },
          [
            'COPY /app /app # buildkit',
            'COPY --from=old.internal:5000/tools/builder:2 /bin/tool /bin/tool # buildkit',
          ].reverse(),
        ),
        old,
      ),
    ).toEqual([
      {
        where: 'label org.opencontainers.image.base.name',
        reference: 'registry.old.example.com/base/jdk:17',
      },
      { where: 'history step 2', reference: 'old.internal:5000/tools/builder:2' },
    ]);
    expect(
      findOldRegistryTraces(
        image({ 'org.opencontainers.image.base.name': 'registry.old.example.com.evil.io/base/jdk:17' }, [
          'RUN curl https://registry.old.example.com/v2/ # not an image reference',
          'FROM registry.new.example.com/base/jdk:17',
        ]),
        old,
      ),
    ).toEqual([]);
  });
});

describe('planning a push', () => {
  test("the image's own path and tag", () => {
    expect(ownPathOf('registry.old.example.com/team/api:1.2')).toEqual({
      repository: 'team/api',
      tag: '1.2',
    });
    expect(ownPathOf('api:build')).toEqual({ repository: 'api', tag: 'build' });
    expect(ownPathOf('localhost:5000/api')).toEqual({ repository: 'api' });
    expect(ownPathOf('sha256:' + 'a'.repeat(64))).toEqual({});
    expect(() => ownPathOf('Bad Name')).toThrow('--image: expected a local image name or ID');
  });

  test('targets per phase, the new path from the manifest paths', () => {
    const manifest = parseManifest(
      manifestYaml({
        old: 'old.example.com',
        new: 'new.example.com',
        timeline: { available: '2030-03-01', readOnly: '2030-04-01', shutdown: '2030-05-01' },
        paths: [{ from: 'legacy/*', to: 'moved/*' }],
      }),
      'cutover.yml',
    );
    const plan = (day: string) => planPush(manifest, day, { image: 'legacy/api:1', tags: [] });
    expect(plan('2030-02-01').targets.map((t) => t.name)).toEqual(['old.example.com/legacy/api']);
    expect(plan('2030-03-01').targets.map((t) => t.name)).toEqual([
      'old.example.com/legacy/api',
      'new.example.com/moved/api',
    ]);
    expect(plan('2030-04-01')).toMatchObject({
      tags: ['1'],
      targets: [{ role: 'new', name: 'new.example.com/moved/api' }],
      skipped: [
        { role: 'old', host: 'old.example.com', reason: 'the old registry is read-only since 2030-04-01' },
      ],
    });
    expect(plan('2030-05-01').skipped[0]!.reason).toBe('the old registry was shut down on 2030-05-01');
    expect(() => planPush(manifest, '2030-03-01', { image: 'api', tags: ['-bad'] })).toThrow(
      '--tag: expected a tag',
    );
  });
});

describe('classifying engine and registry errors', () => {
  test.each([
    [
      'Get "http://127.0.0.1:5000/v2/": read tcp 127.0.0.1:1->127.0.0.1:5000: read: connection reset by peer',
      true,
      false,
    ],
    ['received unexpected HTTP status: 503 Service Unavailable', true, false],
    [
      'error parsing HTTP 405 response body: invalid character \'M\' looking for beginning of value: "Method not allowed\\n"',
      false,
      true,
    ],
    ['unauthorized: authentication required', false, false],
    ['denied: requested access to the resource is denied', false, false],
  ])('%s', (message, transient, refusal) => {
    expect([isTransient(message), isRefusal(message)]).toEqual([transient, refusal]);
  });
});

describe('finding the Docker engine', () => {
  test('DOCKER_HOST as a unix socket, plain TCP, TLS with client certificates, or bad', () => {
    expect(engineOptions({})).toEqual({ socketPath: '/var/run/docker.sock' });
    expect(engineOptions({ DOCKER_HOST: 'unix:///tmp/x/docker.sock' })).toEqual({
      socketPath: '/tmp/x/docker.sock',
    });
    expect(engineOptions({ DOCKER_HOST: 'tcp://10.0.0.5:2375' })).toEqual({
      host: '10.0.0.5',
      port: 2375,
      protocol: 'http',
    });
    const certs = mkdtempSync(path.join(os.tmpdir(), 'cutover-certs-'));
    writeFileSync(path.join(certs, 'ca.pem'), 'CA');
    writeFileSync(path.join(certs, 'cert.pem'), 'CERT');
    writeFileSync(path.join(certs, 'key.pem'), 'KEY');
    const tls = engineOptions({
      DOCKER_HOST: 'tcp://engine.example:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: certs,
    });
    rmSync(certs, { recursive: true, force: true });
    expect(tls).toMatchObject({ host: 'engine.example', port: 2376, protocol: 'https' });
    expect([tls.ca, tls.cert, tls.key].map(String)).toEqual(['CA', 'CERT', 'KEY']);
    expect(() => engineOptions({ DOCKER_HOST: 'ssh://me@engine' })).toThrow(
      'DOCKER_HOST: expected unix:///path/to/docker.sock or tcp://host:port, found "ssh://me@engine"',
    );
  });
});
