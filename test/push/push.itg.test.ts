import { randomBytes } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runActionStep } from '../harness/actions-env.js';
import { runCli, type CliRun } from '../harness/cli.js';
import { startDockerd, type TestDockerd } from '../harness/dockerd.js';
import { manifestYaml } from '../harness/manifest.js';
import { startDroppingProxy } from '../harness/proxies.js';
import { seedImage } from '../harness/images.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { skopeo } from '../harness/skopeo.js';
import { verifyDigests, type TargetOutcome } from '../../src/push/execute.js';
import { RegistryClient } from '../../src/oci/client.js';

// One timeline for every run: each test picks a day in a phase with --now.
const DAYS = {
  before: '2030-02-15',
  dual: '2030-03-15',
  newOnly: '2030-04-05',
  afterFailFrom: '2030-04-20',
  retired: '2030-05-10',
};
const OLD_AUTH = { username: 'ci-old', password: 'old-Secret-4711' };
const NEW_AUTH = { username: 'ci-new', password: 'new-Secret-0815' };

function manifestText(oldHost: string, newHost: string): string {
  return manifestYaml({
    old: {
      host: oldHost,
      aliases: ['old-alias.example.com'],
      credentials: { usernameEnv: 'OLD_USER', passwordEnv: 'OLD_PASSWORD' },
    },
    new: newHost,
    timeline: {
      available: '2030-03-01',
      readOnly: '2030-04-01',
      shutdown: '2030-05-01',
      failFrom: '2030-04-15',
    },
    paths: [{ from: 'legacy/*', to: 'moved/*' }],
  });
}

describe('cutover push against a real engine and two real registries', () => {
  let dockerd: TestDockerd;
  let oldRegistry: TestRegistry;
  let newRegistry: TestRegistry;
  let work: string;
  let manifest: string;
  let env: NodeJS.ProcessEnv;
  let imageCount = 0;

  /** Imports a small image with incompressible content into the engine (no network needed). */
  async function importImage(
    name: string,
    options: { size?: number; changes?: string[] } = {},
  ): Promise<void> {
    const dir = mkdtempSync(path.join(work, 'rootfs-'));
    writeFileSync(path.join(dir, `data-${++imageCount}.bin`), randomBytes(options.size ?? 200_000));
    const tarball = path.join(dir, 'rootfs.tar');
    execFileSync('tar', ['-C', dir, '-cf', tarball, `data-${imageCount}.bin`]);
    await dockerd.docker([
      'import',
      ...(options.changes ?? []).flatMap((c) => ['--change', c]),
      tarball,
      name,
    ]);
    rmSync(dir, { recursive: true, force: true });
  }

  function push(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliRun> {
    return runCli(['push', '--manifest', manifest, ...args], { env: { ...env, ...extraEnv } });
  }

  beforeAll(async () => {
    [dockerd, oldRegistry, newRegistry] = await Promise.all([
      startDockerd(),
      startRegistry({ auth: OLD_AUTH }),
      startRegistry({ auth: NEW_AUTH }),
    ]);
    work = mkdtempSync(path.join(os.tmpdir(), 'cutover-push-'));
    manifest = path.join(work, 'cutover.yml');
    writeFileSync(manifest, manifestText(oldRegistry.host, newRegistry.host));
    // The old registry's credentials come from the manifest's env names, the new one's from the Docker config.
    const dockerConfig = path.join(work, 'docker-config');
    mkdirSync(dockerConfig);
    writeFileSync(
      path.join(dockerConfig, 'config.json'),
      JSON.stringify({
        auths: {
          [newRegistry.host]: {
            auth: Buffer.from(`${NEW_AUTH.username}:${NEW_AUTH.password}`).toString('base64'),
          },
        },
      }),
    );
    env = {
      DOCKER_HOST: dockerd.host,
      DOCKER_CONFIG: dockerConfig,
      OLD_USER: OLD_AUTH.username,
      OLD_PASSWORD: OLD_AUTH.password,
    };
  });

  afterAll(async () => {
    await Promise.all([dockerd?.stop(), oldRegistry?.stop(), newRegistry?.stop()]);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('before the new registry opens: the old registry only', async () => {
    await importImage('legacy/before:build');
    const run = await push([
      '--image',
      'legacy/before:build',
      '--tag',
      '1.0',
      '--now',
      DAYS.before,
      '--json',
    ]);
    expect(run.stderr).not.toContain('failed');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.phase).toBe('before');
    expect(result.pushed).toEqual([`${oldRegistry.host}/legacy/before:1.0`]);
    expect(await skopeo.digest(oldRegistry, 'legacy/before:1.0')).toBe(result.digest);
    expect(await skopeo.tags(newRegistry, 'moved/before')).toEqual([]);
    expect(result.skipped).toEqual([
      { registry: newRegistry.host, reason: 'the new registry opens on 2030-03-01' },
    ]);
  });

  test.each(['push', 'copy', 'upload'])(
    'the dual window (--mode %s): both registries, the new one under its mapped path, one digest',
    async (mode) => {
      const image = `legacy/dual-${mode}:build`;
      await importImage(image);
      const run = await push([
        '--image',
        image,
        '--tag',
        '2.0',
        '--tag',
        'latest',
        '--mode',
        mode,
        '--now',
        DAYS.dual,
        '--json',
      ]);
      expect(run.stderr).not.toContain('failed');
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result).toMatchObject({ phase: 'dual', mode, verified: true, skipped: [] });
      expect(result.pushed.sort()).toEqual(
        [
          `${oldRegistry.host}/legacy/dual-${mode}:2.0`,
          `${oldRegistry.host}/legacy/dual-${mode}:latest`,
          `${newRegistry.host}/moved/dual-${mode}:2.0`,
          `${newRegistry.host}/moved/dual-${mode}:latest`,
        ].sort(),
      );
      expect(result.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      for (const tag of ['2.0', 'latest']) {
        expect(await skopeo.digest(oldRegistry, `legacy/dual-${mode}:${tag}`)).toBe(result.digest);
        expect(await skopeo.digest(newRegistry, `moved/dual-${mode}:${tag}`)).toBe(result.digest);
      }
      const statuses = Object.fromEntries(
        (result.registries as TargetOutcome[]).map((outcome) => [outcome.role, outcome.status]),
      );
      expect(statuses).toEqual(
        mode === 'copy' ? { old: 'copied', new: 'pushed' } : { old: 'pushed', new: 'pushed' },
      );
      // The registries hold the image that was built: its config digest is the engine's image ID.
      const imageId = await dockerd.docker(['image', 'inspect', '--format', '{{.Id}}', image]);
      const stored = (await skopeo.manifest(newRegistry, `moved/dual-${mode}:2.0`)) as {
        config: { digest: string };
      };
      expect(stored.config.digest).toBe(imageId);
      if (mode === 'upload') {
        // Layers compressed by us must unpack in an engine: drop the image, pull it back, same ID.
        await dockerd.docker(['rmi', '--force', imageId]);
        const pulled = `${newRegistry.host}/moved/dual-upload:2.0`;
        await new Promise<void>((resolve, reject) =>
          execFile(
            'docker',
            ['pull', '--quiet', pulled],
            { env: { ...process.env, DOCKER_HOST: dockerd.host, DOCKER_CONFIG: env['DOCKER_CONFIG'] } },
            (error) => (error ? reject(error) : resolve()),
          ),
        );
        expect(await dockerd.docker(['image', 'inspect', '--format', '{{.Id}}', pulled])).toBe(imageId);
        await dockerd.docker(['rmi', pulled]);
      }
      // The engine keeps only the names it had: the temporary registry names are gone again.
      const names = await dockerd.docker(['images', '--format', '{{.Repository}}:{{.Tag}}']);
      expect(names).not.toContain(oldRegistry.host);
      if (mode !== 'upload') expect(names).toContain(image);
      // Secrets never reach the output.
      expect(run.stdout + run.stderr).not.toContain(OLD_AUTH.password);
    },
  );

  test('from read-only: the new registry only, with a notice that the old one was skipped and why', async () => {
    await importImage('legacy/ro:build');
    const run = await push(['--image', 'legacy/ro:build', '--tag', '3.0', '--now', DAYS.newOnly, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `not pushing to ${oldRegistry.host}: the old registry is read-only since 2030-04-01`,
    );
    const result = JSON.parse(run.stdout);
    expect(result.pushed).toEqual([`${newRegistry.host}/moved/ro:3.0`]);
    expect(result.skipped).toEqual([
      { registry: oldRegistry.host, reason: 'the old registry is read-only since 2030-04-01' },
    ]);
    expect(await skopeo.digest(newRegistry, 'moved/ro:3.0')).toBe(result.digest);
    expect(await skopeo.tags(oldRegistry, 'legacy/ro')).toEqual([]);
  });

  test('after shutdown: the new registry only; the action front door sets outputs and a summary table', async () => {
    await importImage('legacy/gone:build');
    const { run, runner } = await runActionStep('push', {
      ...env,
      INPUT_MANIFEST: manifest,
      INPUT_IMAGE: 'legacy/gone:build',
      INPUT_TAG: '4.0\n4',
      INPUT_NOW: DAYS.retired,
    });
    expect(run.stdout).not.toContain('::error');
    expect(run.code).toBe(0);
    const outputs = runner.outputs();
    expect(outputs['pushed']!.split('\n')).toEqual([
      `${newRegistry.host}/moved/gone:4.0`,
      `${newRegistry.host}/moved/gone:4`,
    ]);
    expect(outputs['skipped']).toBe(`${oldRegistry.host}: the old registry was shut down on 2030-05-01`);
    expect(outputs['digest']).toBe(await skopeo.digest(newRegistry, 'moved/gone:4.0'));
    expect(JSON.parse(outputs['json']!)).toMatchObject({ phase: 'retired', digest: outputs['digest'] });
    const summary = runner.summary();
    expect(summary).toContain('| Registry | References | Result | Digest | Attempts | Time |');
    expect(summary).toContain(`| \`${newRegistry.host}\` |`);
    expect(summary).toContain('⏭️ skipped: the old registry was shut down on 2030-05-01');
    rmSync(runner.dir, { recursive: true, force: true });
  });

  test.each(['push', 'upload'])(
    'the old registry refusing writes before its read-only date (--mode %s): new done, old failed, the date to change named',
    async (mode) => {
      await importImage(`legacy/refused-${mode}:build`);
      await oldRegistry.setReadOnly(true);
      try {
        const run = await push([
          '--image',
          `legacy/refused-${mode}:build`,
          '--tag',
          '5.0',
          '--mode',
          mode,
          '--now',
          DAYS.dual,
          '--json',
        ]);
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(
          new RegExp(
            `${oldRegistry.host.replace(/\./g, '\\.')} refused the push \\(.*405.*\\) although the manifest says it is writable until 2030-04-01: if the old registry is read-only already, change registries\\.old\\.read-only \\(${manifest.replace(/[.]/g, '\\.')}:6:16\\)`,
          ),
        );
        expect(run.stderr).toContain(`(${newRegistry.host} took the image; ${oldRegistry.host} did not)`);
        const result = JSON.parse(run.stdout);
        const byRole = Object.fromEntries((result.registries as TargetOutcome[]).map((o) => [o.role, o]));
        expect(byRole['new']).toMatchObject({ status: 'pushed' });
        expect(byRole['old']).toMatchObject({ status: 'failed', refused: true });
        expect(result.pushed).toEqual([`${newRegistry.host}/moved/refused-${mode}:5.0`]);
        expect(await skopeo.digest(newRegistry, `moved/refused-${mode}:5.0`)).toBe(result.digest);
        expect(await skopeo.tags(oldRegistry, `legacy/refused-${mode}`)).toEqual([]);
      } finally {
        await oldRegistry.setReadOnly(false);
      }
    },
  );

  test('wrong credentials fail with the registry named, and the password never shows', async () => {
    await importImage('legacy/creds:build');
    const run = await push(['--image', 'legacy/creds:build', '--now', DAYS.before, '--json'], {
      OLD_PASSWORD: 'Wrong-Password-123',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `push to ${oldRegistry.host.replace(/\./g, '\\.')}/legacy/creds failed after 1 attempt: .*(unauthorized|authentication required|HTTP 401)`,
        'i',
      ),
    );
    expect(run.stdout + run.stderr).not.toContain('Wrong-Password-123');
    expect(await skopeo.tags(oldRegistry, 'legacy/creds')).toEqual([]);
  });

  test.each(['push', 'upload'])(
    'transient errors are retried (--mode %s): dropped connections, then success',
    async (mode) => {
      const proxy = await startDroppingProxy(newRegistry, 2);
      const flakyManifest = path.join(work, `flaky-${mode}.yml`);
      writeFileSync(flakyManifest, manifestText(oldRegistry.host, proxy.host));
      const config = path.join(work, `flaky-config-${mode}`);
      mkdirSync(config);
      writeFileSync(
        path.join(config, 'config.json'),
        JSON.stringify({
          auths: { [proxy.host]: { username: NEW_AUTH.username, password: NEW_AUTH.password } },
        }),
      );
      try {
        await importImage(`legacy/flaky-${mode}:build`);
        const run = await runCli(
          [
            'push',
            '--manifest',
            flakyManifest,
            '--image',
            `legacy/flaky-${mode}:build`,
            '--tag',
            '6.0',
            '--mode',
            mode,
            '--now',
            DAYS.newOnly,
            '--json',
          ],
          { env: { ...env, DOCKER_CONFIG: config } },
        );
        // On failure, show what the run said.
        expect(run.code === 0 ? 'exit 0' : run.stderr).toBe('exit 0');
        expect(proxy.dropped()).toBe(2);
        const result = JSON.parse(run.stdout);
        if (mode === 'push') {
          // The engine gives up on a dropped connection at once; we try the push again.
          expect(run.stderr).toMatch(
            new RegExp(
              `${proxy.host}: attempt 1 failed \\(.*(connection reset by peer|EOF).*\\); retrying in 1 s`,
            ),
          );
          expect(result.registries[0]).toMatchObject({ status: 'pushed', attempts: 2 });
        } else {
          // The registry client retries the request itself; the push as a whole succeeds first time.
          expect(result.registries[0]).toMatchObject({ status: 'pushed', attempts: 1 });
        }
        expect(await skopeo.digest(newRegistry, `moved/flaky-${mode}:6.0`)).toBe(result.digest);
      } finally {
        await proxy.stop();
      }
    },
  );

  test('an image built from the old registry: a warning before the cutoff, a failure (nothing pushed) after', async () => {
    await importImage('legacy/based:build', {
      changes: [
        `LABEL org.opencontainers.image.base.name=${oldRegistry.host}/base/jdk:17`,
        // Only exact hosts count: a look-alike host is not the old registry.
        `LABEL org.label-schema.base-image=${oldRegistry.host.replace('127.0.0.1', '127.0.0.10')}/base/jdk:17`,
      ],
    });
    const early = await push([
      '--image',
      'legacy/based:build',
      '--tag',
      '7.0',
      '--now',
      DAYS.newOnly,
      '--json',
    ]);
    expect(early.code).toBe(0);
    expect(early.stderr).toContain(
      `warning: the image was built from the old registry (label org.opencontainers.image.base.name: ${oldRegistry.host}/base/jdk:17): 10 days left: references to the old registry fail from 2030-04-15`,
    );
    const earlyResult = JSON.parse(early.stdout);
    expect(earlyResult.oldRegistryTraces).toEqual([
      {
        where: 'label org.opencontainers.image.base.name',
        reference: `${oldRegistry.host}/base/jdk:17`,
        severity: 'warning',
      },
    ]);

    const late = await push([
      '--image',
      'legacy/based:build',
      '--tag',
      '7.1',
      '--now',
      DAYS.afterFailFrom,
      '--json',
    ]);
    expect(late.code).toBe(1);
    expect(late.stderr).toContain(
      `the image was built from the old registry ${oldRegistry.host}, retired for builds since 2030-04-15: nothing pushed`,
    );
    expect(JSON.parse(late.stdout).pushed).toEqual([]);
    expect(await skopeo.tags(newRegistry, 'moved/based')).toEqual(['7.0']);
  });

  test('an alias of the old registry in the image history counts too', async () => {
    await importImage('legacy/alias:build', {
      changes: ['LABEL org.opencontainers.image.base.name=old-alias.example.com/base/alpine:3'],
    });
    const run = await push(['--image', 'legacy/alias:build', '--now', DAYS.afterFailFrom]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('old-alias.example.com/base/alpine:3');
    expect(await skopeo.tags(newRegistry, 'moved/alias')).toEqual([]);
  });

  test('progress is one steady line, not one line per engine event', async () => {
    await importImage('legacy/progress:build', { size: 6_000_000 });
    const run = await push(['--image', 'legacy/progress:build', '--mode', 'push', '--now', DAYS.dual]);
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('pushing to 2 registries:'));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.at(-1)).toMatch(
      /^pushing to 2 registries: 100% \(12\.\d MB of 12\.\d MB, [\d.]+ [kM]B\/s, 2\/2 layers, [\d.]+ s\)$/,
    );
    expect(run.stderr).not.toMatch(/Pushing|Preparing|Waiting/);
  });

  test('bad input exits 2 with what was expected', async () => {
    const missing = await push(['--image', 'no/such:image', '--now', DAYS.dual]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--image: the Docker engine has no image "no/such:image"');
    const badTag = await push(['--image', 'legacy/before:build', '--tag', 'v1/beta', '--now', DAYS.dual]);
    expect(badTag.code).toBe(2);
    expect(badTag.stderr).toContain('--tag: expected a tag');
    const badMode = await push(['--image', 'legacy/before:build', '--mode', 'teleport', '--now', DAYS.dual]);
    expect(badMode.code).toBe(2);
    expect(badMode.stderr).toContain('--mode: expected push, copy, upload, found "teleport"');
    const noImage = await push(['--now', DAYS.dual]);
    expect(noImage.code).toBe(2);
    expect(noImage.stderr).toContain('--image: expected a local image name or ID');
  });

  test('verification names both digests when the registries disagree', async () => {
    // Two different images under the same tag, written independently: what a lost race would leave.
    const a = await seedImage(oldRegistry, 'legacy/race:1', { layers: [{ seed: 'race-a', size: 1024 }] });
    const b = await seedImage(newRegistry, 'moved/race:1', { layers: [{ seed: 'race-b', size: 1024 }] });
    const clients = {
      old: new RegistryClient({
        host: oldRegistry.host,
        insecure: true,
        credentials: { kind: 'basic', ...OLD_AUTH, source: 'test' },
      }),
      new: new RegistryClient({
        host: newRegistry.host,
        insecure: true,
        credentials: { kind: 'basic', ...NEW_AUTH, source: 'test' },
      }),
    };
    const outcomes: TargetOutcome[] = [
      {
        role: 'old',
        host: oldRegistry.host,
        repository: 'legacy/race',
        references: [],
        status: 'pushed',
        digest: a,
        attempts: 1,
        seconds: 0,
      },
      {
        role: 'new',
        host: newRegistry.host,
        repository: 'moved/race',
        references: [],
        status: 'pushed',
        digest: a,
        attempts: 1,
        seconds: 0,
      },
    ];
    const verification = await verifyDigests(outcomes, ['1'], (role) => clients[role]);
    expect(verification.ok).toBe(false);
    expect(verification.mismatch).toEqual([
      { host: oldRegistry.host, reference: `${oldRegistry.host}/legacy/race:1`, digest: a },
      { host: newRegistry.host, reference: `${newRegistry.host}/moved/race:1`, digest: b },
    ]);
    const same = await verifyDigests([outcomes[0]!], ['1'], (role) => clients[role]);
    expect(same.ok).toBe(true);

    // A tag whose PUT answer named the digest stored (push --from) is not read again; the digest
    // the answer named is compared like any other.
    const newReference = `${newRegistry.host}/moved/race:1`;
    const before = clients.new.stats.requests;
    const answered = await verifyDigests(
      outcomes,
      ['1'],
      (role) => clients[role],
      new Map([[newReference, a]]),
    );
    expect(clients.new.stats.requests).toBe(before);
    expect(answered.ok).toBe(true);
    expect(answered.seen).toContainEqual({ host: newRegistry.host, reference: newReference, digest: a });
    const disagreeing = await verifyDigests(
      outcomes,
      ['1'],
      (role) => clients[role],
      new Map([[newReference, b]]),
    );
    expect(disagreeing.mismatch?.[1]).toEqual({ host: newRegistry.host, reference: newReference, digest: b });
  });
});
