import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runnerFiles } from '../harness/actions-env.js';
import { runAction, runCli, type CliRun } from '../harness/cli.js';
import { freePort } from '../harness/daemon.js';
import {
  answer,
  digestOf,
  forward,
  imageIndex,
  oneTagRegistry,
  startHostileRegistry,
  type Exchange,
  type HostileRegistry,
} from '../harness/hostile-registry.js';
import { seedImage } from '../harness/images.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { selfSignedCertificate } from '../harness/tls.js';
import { RegistryClient } from '../../src/oci/client.js';

/**
 * copy-tags against hostile and failing registries (issue #12): each case ends within its figure,
 * with the stated error and exit code, and nothing is written outside the selected target
 * repositories (read from the real target registry's catalog).
 */

const TAGS = Array.from({ length: 40 }, (_, i) => `v${i}`);

interface ManifestSpec {
  oldHost: string;
  newHost: string;
  /** Copy rules, each a YAML flow map (`{ images: ['app'] }`). */
  copy: string[];
  repos?: string[];
  oldCredentials?: boolean;
  newCredentials?: boolean;
  /** The new registry speaks TLS (a loopback host is otherwise plain HTTP). */
  newTls?: boolean;
}

let dir: string;
let counter = 0;

function manifestFile(spec: ManifestSpec): string {
  const file = path.join(dir, `cutover-${counter++}.yml`);
  const credentials = (prefix: string) =>
    `credentials: { username-env: ${prefix}_USER, password-env: ${prefix}_PASS }`;
  writeFileSync(
    file,
    [
      'version: 1',
      'registries:',
      '  old:',
      `    host: '${spec.oldHost}'`,
      '    read-only: 2030-01-01',
      '    shutdown: 2030-02-01',
      ...(spec.oldCredentials ? [`    ${credentials('OLD')}`] : []),
      '  new:',
      `    host: '${spec.newHost}'`,
      '    available: 2029-01-01',
      ...(spec.newTls ? ['    insecure: false'] : []),
      ...(spec.newCredentials ? [`    ${credentials('NEW')}`] : []),
      ...(spec.repos
        ? ['repos:', ...spec.repos.map((repo) => `  acme/${repo}: { produces: [${repo}] }`)]
        : []),
      'copy:',
      ...spec.copy.map((rule) => `  - ${rule}`),
      '',
    ].join('\n'),
  );
  return file;
}

async function timed(run: Promise<CliRun>): Promise<CliRun & { seconds: number }> {
  const started = Date.now();
  const result = await run;
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

/** Runs `copy-tags --json` (and `extra` arguments) on a manifest with one copy `rule`, timed. */
function copyTags(
  oldHost: string,
  newHost: string,
  rule: string,
  extra: string[] = [],
): Promise<CliRun & { seconds: number }> {
  const manifest = manifestFile({ oldHost, newHost, copy: [rule] });
  return timed(runCli(['copy-tags', '--manifest', manifest, '--json', ...extra]));
}

async function catalog(registry: TestRegistry): Promise<string[]> {
  const response = await fetch(`${registry.url}/v2/_catalog`);
  return ((await response.json()) as { repositories: string[] }).repositories;
}

function json(run: CliRun): {
  failed: { source: string; error: string }[];
  copied: unknown[];
  warnings: string[];
} {
  return JSON.parse(run.stdout);
}

describe('copy-tags against hostile registries', () => {
  let source: TestRegistry;
  const stopping: { stop(): Promise<unknown> }[] = [];
  let appDigest: string;

  async function target(): Promise<TestRegistry> {
    const registry = await startRegistry();
    stopping.push(registry);
    return registry;
  }
  async function hostile(options: Parameters<typeof startHostileRegistry>[0]): Promise<HostileRegistry> {
    const registry = await startHostileRegistry(options);
    stopping.push(registry);
    return registry;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-hostile-'));
    source = await startRegistry();
    stopping.push(source);
    appDigest = await seedImage(source, 'app:1.0', {
      layers: [
        { seed: 'hostile-shared', size: 200_000 },
        { seed: 'hostile-app', size: 5_000 },
      ],
    });
    await seedImage(source, 'app:1.1', {
      layers: [
        { seed: 'hostile-shared', size: 200_000 },
        { seed: 'hostile-app-1.1', size: 5_000 },
      ],
    });
    // Forty tags of one image: the load of a real migration's many tags.
    const client = new RegistryClient({ host: source.host, insecure: true });
    const image = await client.getManifest('app', '1.0');
    await seedImage(source, 'many:v0', { layers: [{ seed: 'hostile-many', size: 2_000 }] });
    const many = await client.getManifest('many', 'v0');
    for (const tag of TAGS.slice(1)) await client.putManifest('many', tag, many);
    expect(image.digest).toBe(appDigest);
    // The same image in a two-level repository, where a three-step traversal reaches /v2/victim/….
    expect(
      await seedImage(source, 'team/app:1.0', {
        layers: [
          { seed: 'hostile-shared', size: 200_000 },
          { seed: 'hostile-app', size: 5_000 },
        ],
      }),
    ).toBe(appDigest);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(stopping.map((server) => server.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  test('target refusing connections: 40 tags fail within 10 s, naming the host; the breaker stops the retries', async () => {
    const closed = `127.0.0.1:${await freePort()}`;
    const run = await copyTags(source.host, closed, "{ images: ['many'] }");
    expect(run.code).toBe(1);
    expect(run.seconds).toBeLessThan(10);
    const result = json(run);
    expect(result.failed).toHaveLength(40);
    expect(run.stderr).toContain(`failures copying to ${closed}`);
    const opened = result.failed.filter((failure) =>
      failure.error.includes(`registry ${closed} unreachable for`),
    );
    expect(opened.length).toBeGreaterThan(30);
  }, 30_000);

  test('a registry answering 429 with Retry-After: 30 to everything: exit 1 within 2 minutes, "rate-limited"', async () => {
    const limited = await hostile({
      handle: ({ response }) =>
        answer(
          response,
          429,
          { errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] },
          { 'retry-after': '30' },
        ),
    });
    const run = await copyTags(source.host, limited.host, "{ images: ['many'] }");
    expect(run.code).toBe(1);
    expect(run.seconds).toBeLessThan(120);
    const result = json(run);
    expect(result.failed).toHaveLength(40);
    expect(result.failed.every((failure) => /rate-limited|HTTP 429/.test(failure.error))).toBe(true);
    expect(result.failed.some((failure) => failure.error.includes('rate-limited'))).toBe(true);
    // Retries were bounded: a few per tag, not six per request per image for hours.
    expect(limited.requests.length).toBeLessThan(40 * 4);
  }, 150_000);

  test('an index that names itself (a sha512 child served with the same bytes) is refused, not walked forever', async () => {
    const next = await target();
    const child = digestOf(Buffer.from('any other bytes'), 'sha512');
    const index = imageIndex([{ digest: child, size: 400 }]);
    const looping = await hostile({
      handle: oneTagRegistry('loop', 'application/vnd.oci.image.index.v1+json', (reference) => ({
        bytes: index,
        digest: reference === '1' ? digestOf(index) : child,
      })),
    });
    const run = await copyTags(looping.host, next.host, "{ images: ['loop'] }");
    expect(run.code).toBe(1);
    expect(run.seconds).toBeLessThan(15);
    expect(json(run).failed[0]!.error).toMatch(/do not hash to sha512:/);
    expect(looping.requests.length).toBeLessThan(20);
    expect(await catalog(next)).toEqual([]);
  }, 30_000);

  test('indexes nested deeper than 8 levels are refused', async () => {
    const next = await target();
    // Ten indexes, each naming the next by its true digest: valid, but deeper than any image.
    const levels: Buffer[] = [imageIndex([{ digest: digestOf(Buffer.from('leaf')), size: 4 }])];
    for (let i = 0; i < 10; i++)
      levels.unshift(imageIndex([{ digest: digestOf(levels[0]!), size: levels[0]!.length }]));
    const byDigest = new Map(levels.map((bytes) => [digestOf(bytes), bytes]));
    const deep = await hostile({
      handle: oneTagRegistry('deep', 'application/vnd.oci.image.index.v1+json', (reference) => {
        const bytes = reference === '1' ? levels[0] : byDigest.get(reference);
        return bytes && { bytes };
      }),
    });
    const run = await copyTags(deep.host, next.host, "{ images: ['deep'] }");
    expect(run.code).toBe(1);
    expect(json(run).failed[0]!.error).toMatch(/nested deeper than 8 levels/);
    expect(await catalog(next)).toEqual([]);
  }, 30_000);

  test('an index child whose size disagrees with its bytes is refused', async () => {
    const next = await target();
    const child = imageIndex([{ digest: digestOf(Buffer.from('leaf')), size: 4 }]);
    const top = imageIndex([{ digest: digestOf(child), size: child.length + 1 }]);
    const byDigest = new Map([
      [digestOf(top), top],
      [digestOf(child), child],
    ]);
    const lying = await hostile({
      handle: oneTagRegistry('sized', 'application/vnd.oci.image.index.v1+json', (reference) => {
        const bytes = reference === '1' ? top : byDigest.get(reference);
        return bytes && { bytes };
      }),
    });
    const run = await copyTags(lying.host, next.host, "{ images: ['sized'] }");
    expect(run.code).toBe(1);
    expect(json(run).failed[0]!.error).toMatch(/the index says \d+ bytes, the manifest has \d+/);
    expect(await catalog(next)).toEqual([]);
  }, 30_000);

  test('a listed tag that walks out of the repository (../../../victim/app/manifests/latest) is never used in a path', async () => {
    const next = await target();
    const traversal = '../../../victim/app/manifests/latest';
    const lying = await hostile({
      handle: async (exchange) => {
        const { path } = exchange;
        if (path.startsWith('/v2/_catalog'))
          return answer(exchange.response, 200, { repositories: ['team/app'] });
        if (path.startsWith('/v2/team/app/tags/list'))
          return answer(exchange.response, 200, { name: 'team/app', tags: ['1.0', traversal] });
        // Where the traversal leads on the old registry, a real image is served, as an attacker would.
        if (path.includes('victim'))
          return forward(exchange, source.url, { path: '/v2/team/app/manifests/1.0' });
        return forward(exchange, source.url);
      },
    });
    const run = await copyTags(lying.host, next.host, "{ images: ['team/*'] }");
    expect(run.stderr).toMatch(
      /lists tag "\.\.\/\.\.\/\.\.\/victim\/app\/manifests\/latest", which is not valid: left out/,
    );
    expect(run.code).toBe(0);
    expect(json(run).copied).toHaveLength(1);
    expect(await catalog(next)).toEqual(['team/app']);
    expect(lying.requests.filter((request) => request.path.includes('victim'))).toEqual([]);
  }, 60_000);

  test('a manifest over 4 MiB is refused before it is read whole', async () => {
    const next = await target();
    const padding = 'x'.repeat(5 * 1024 * 1024);
    const big = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: digestOf(Buffer.from('{}')),
          size: 2,
        },
        layers: [],
        annotations: { padding },
      }),
    );
    const oversized = await hostile({
      handle: oneTagRegistry('big', 'application/vnd.oci.image.manifest.v1+json', () => ({ bytes: big })),
    });
    const run = await copyTags(oversized.host, next.host, "{ images: ['big'] }");
    expect(run.code).toBe(1);
    expect(run.seconds).toBeLessThan(15);
    // The selection looks at every tag it picks (for signatures and referrers): it stops there.
    expect(JSON.parse(run.stdout)).toMatchObject({
      exitCode: 1,
      category: 'invalid-response',
      error: expect.stringMatching(
        /HEAD big:1: a manifest of \d+ bytes is larger than the 4194304 bytes \(4 MiB\)/,
      ),
    });
    expect(await catalog(next)).toEqual([]);
  }, 30_000);

  test('a blob whose Content-Length disagrees with its descriptor is refused, not uploaded', async () => {
    const next = await target();
    const layers = (await new RegistryClient({ host: source.host, insecure: true }).getManifest('app', '1.0'))
      .bytes;
    const layer = (JSON.parse(layers.toString('utf8')) as { layers: { digest: string }[] }).layers[0]!.digest;
    const lying = await hostile({
      handle: (exchange) => {
        if (exchange.path === `/v2/app/blobs/${layer}` && exchange.request.method === 'GET')
          return forward(exchange, source.url, {
            rewrite: (body) => ({ body: Buffer.concat([body, Buffer.alloc(100)]) }),
          });
        return forward(exchange, source.url);
      },
    });
    const run = await copyTags(lying.host, next.host, "{ images: ['app'], tags: ['1.0'] }");
    expect(run.code).toBe(1);
    expect(run.seconds).toBeLessThan(15);
    expect(json(run).failed[0]!.error).toMatch(/Content-Length says \d+ bytes, the manifest says \d+/);
    expect((await catalog(next)).every((repository) => repository === 'app')).toBe(true);
    expect((await fetch(`${next.url}/v2/app/blobs/${layer}`, { method: 'HEAD' })).status).toBe(404);
  }, 30_000);

  test('a source that stalls mid-body: the blob fails after 30 s of silence, once for every image that needs it', async () => {
    const next = await target();
    const client = new RegistryClient({ host: source.host, insecure: true });
    const manifestBytes = (await client.getManifest('app', '1.0')).bytes;
    const shared = (JSON.parse(manifestBytes.toString('utf8')) as { layers: { digest: string }[] }).layers[0]!
      .digest;
    let stalledDownloads = 0;
    const stalling = await hostile({
      handle: async (exchange) => {
        if (exchange.path === `/v2/app/blobs/${shared}` && exchange.request.method === 'GET') {
          stalledDownloads++;
          const bytes = Buffer.from(await (await fetch(`${source.url}${exchange.path}`)).arrayBuffer());
          exchange.response.writeHead(200, {
            'content-type': 'application/octet-stream',
            'content-length': String(bytes.length),
            'docker-content-digest': shared,
          });
          // Half the bytes, then silence with the connection open.
          exchange.response.write(bytes.subarray(0, bytes.length / 2));
          return;
        }
        return forward(exchange, source.url);
      },
    });
    const run = await copyTags(stalling.host, next.host, "{ images: ['app'] }");
    expect(run.code).toBe(1);
    expect(run.seconds).toBeGreaterThan(29);
    expect(run.seconds).toBeLessThan(50);
    const result = json(run);
    expect(result.failed).toHaveLength(2);
    for (const failure of result.failed) expect(failure.error).toMatch(/no data for 30 s/);
    // Not downloaded again, neither by a retry nor for the second image.
    expect(stalledDownloads).toBe(1);
    expect((await catalog(next)).every((repository) => repository === 'app')).toBe(true);
  }, 90_000);

  test('--deadline ends a run against a registry that never answers', async () => {
    const silent = await hostile({ handle: () => undefined });
    const run = await copyTags(source.host, silent.host, "{ images: ['many'] }", ['--deadline', '5s']);
    expect(run.code).toBe(1);
    expect(run.seconds).toBeLessThan(9);
    expect(json(run).failed.every((failure) => failure.error.includes('the --deadline of 5 s passed'))).toBe(
      true,
    );
  }, 30_000);

  describe('TLS registry sending us to plain HTTP (self-signed certificate)', () => {
    let certificate: string;
    let key: string;
    const USER = { NEW_USER: 'pusher', NEW_PASS: 'never-over-plain-http' };
    beforeAll(() => {
      ({ certificate, key } = selfSignedCertificate(dir, '/CN=127.0.0.1', 'IP:127.0.0.1'));
    });

    async function downgrading(misbehave: (exchange: Exchange) => boolean): Promise<HostileRegistry> {
      return hostile({
        tls: { certificate, key },
        handle: (exchange) => {
          const { request, response, scheme } = exchange;
          if (scheme === 'http') return answer(response, 404, { errors: [{ code: 'NOT_FOUND' }] });
          if (!request.headers.authorization)
            return answer(
              response,
              401,
              { errors: [{ code: 'UNAUTHORIZED' }] },
              { 'www-authenticate': 'Basic realm="hostile"' },
            );
          if (misbehave(exchange)) return;
          return answer(response, 404, { errors: [{ code: 'NOT_FOUND' }] });
        },
      });
    }

    async function run(registry: HostileRegistry): Promise<CliRun & { seconds: number }> {
      const manifest = manifestFile({
        oldHost: source.host,
        newHost: registry.host,
        newTls: true,
        newCredentials: true,
        copy: ["{ images: ['app'], tags: ['1.0'] }"],
      });
      return timed(
        runCli(['copy-tags', '--manifest', manifest, '--json'], {
          env: { ...USER, NODE_EXTRA_CA_CERTS: certificate },
        }),
      );
    }

    test('an https→http redirect is refused and no credential reaches the plain-HTTP side', async () => {
      const registry = await downgrading(({ response, path, plainHost }) => {
        response.writeHead(307, { location: `http://${plainHost}${path}`, 'content-length': '0' });
        response.end();
        return true;
      });
      const result = await run(registry);
      expect(result.code).toBe(1);
      expect(json(result).failed[0]!.error).toMatch(
        /from https to http:\/\/127\.0\.0\.1:\d+.*refusing to continue over plain HTTP/,
      );
      expect(registry.requests.filter((request) => request.scheme === 'http')).toEqual([]);
      expect(result.stdout + result.stderr).not.toContain(
        Buffer.from(`${USER.NEW_USER}:${USER.NEW_PASS}`).toString('base64'),
      );
    }, 30_000);

    test('an absolute http:// upload Location from a TLS registry is refused', async () => {
      const registry = await downgrading(({ request, response, path, plainHost }) => {
        if (request.method !== 'POST' || !path.includes('/blobs/uploads/')) return false;
        response.writeHead(202, {
          location: `http://${plainHost}/v2/app/blobs/uploads/session-1`,
          'content-length': '0',
        });
        response.end();
        return true;
      });
      const result = await run(registry);
      expect(result.code).toBe(1);
      expect(json(result).failed[0]!.error).toMatch(/refusing to continue over plain HTTP/);
      expect(registry.requests.filter((request) => request.scheme === 'http')).toEqual([]);
    }, 30_000);
  });

  test('a 401 that echoes the credentials back shows none of them: --json, stderr, the job summary', async () => {
    const OLD = { OLD_USER: 'reader', OLD_PASS: 'echo-me-if-you-can' };
    const encoded = Buffer.from(`${OLD.OLD_USER}:${OLD.OLD_PASS}`).toString('base64');
    const echoing = await hostile({
      handle: ({ request, response }) =>
        answer(
          response,
          401,
          {
            errors: [
              {
                code: 'UNAUTHORIZED',
                message: `denied: you sent ${request.headers.authorization ?? 'nothing'} (that is ${encoded.split('').join('')})`,
              },
            ],
          },
          { 'www-authenticate': 'Basic realm="echo"' },
        ),
    });
    const next = await target();
    const manifest = manifestFile({
      oldHost: echoing.host,
      newHost: next.host,
      oldCredentials: true,
      repos: ['app'],
      copy: ["{ images: ['app'] }"],
    });
    const cli = await runCli(['copy-tags', '--manifest', manifest, '--json'], { env: OLD });
    const runner = runnerFiles();
    const action = await runAction(['copy-tags'], {
      env: { ...OLD, ...runner.env, INPUT_MANIFEST: manifest },
    });
    expect(cli.code).toBe(1);
    expect(action.code).toBe(1);
    // The registry really did echo what it was sent.
    expect(echoing.requests.some((request) => request.authorization === `Basic ${encoded}`)).toBe(true);
    // The action announces each secret to the runner (`::add-mask::`) before anything else is written.
    const announced = (text: string) =>
      text
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n');
    expect(action.stdout).toContain(`::add-mask::${encoded}`);
    for (const text of [cli.stdout, cli.stderr, announced(action.stdout), action.stderr, runner.summary()]) {
      expect(text).not.toContain(encoded);
      expect(text).not.toContain(OLD.OLD_PASS);
    }
    expect(cli.stderr).toMatch(/HTTP 401/);
    expect(await catalog(next)).toEqual([]);
  }, 60_000);

  test('nothing selected because the catalog was refused: exit 1 saying so, unless --allow-empty', async () => {
    const refusing = await hostile({
      handle: ({ response }) =>
        answer(response, 403, { errors: [{ code: 'DENIED', message: 'catalog disabled' }] }),
    });
    const next = await target();
    const manifest = manifestFile({
      oldHost: refusing.host,
      newHost: next.host,
      copy: ["{ images: ['*'] }"],
    });
    const refused = await runCli(['copy-tags', '--manifest', manifest]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /nothing selected: 127\.0\.0\.1:\d+ refused to list its repositories \(HTTP 403\)/,
    );
    const allowed = await runCli(['copy-tags', '--manifest', manifest, '--allow-empty']);
    expect(allowed.code).toBe(0);
    expect(await catalog(next)).toEqual([]);
  }, 30_000);
});
