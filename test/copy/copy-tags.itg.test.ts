import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runnerFiles } from '../harness/actions-env.js';
import { runAction, runCli } from '../harness/cli.js';
import { startFaultyProxy, type FaultyProxy } from '../harness/faulty-proxy.js';
import { seedImage } from '../harness/images.js';
import { writeManifest } from '../harness/manifest.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { skopeo } from '../harness/skopeo.js';
import { RegistryClient } from '../../src/oci/client.js';
import { writeRefsFile } from '../../src/copy/refs-file.js';

const TWO_ARCH = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64' },
];
const OLD_AUTH = { username: 'copier', password: 'copy-tags-secret' };
const CREDENTIALS = { OLD_USER: OLD_AUTH.username, OLD_PASS: OLD_AUTH.password };

function manifestFor(dir: string, oldHost: string, newHost: string): string {
  return writeManifest(dir, {
    old: { host: oldHost, credentials: { usernameEnv: 'OLD_USER', passwordEnv: 'OLD_PASS' } },
    new: newHost,
    paths: [{ from: 'legacy/*', to: '*' }],
    repos: {
      'acme/gateway': { produces: ['gateway'], consumes: ['api:3.1.0', 'api:9.9.9'] },
      'acme/api': { produces: ['api', 'many/tags'] },
    },
    copy: [
      { images: ['base/*'], tags: ['*', '!*-rc*'], newest: 2 },
      { images: ['legacy/*'], semver: '>=1.0 <3' },
      { images: ['many/*'] },
      { referenced: true },
    ],
  });
}

/** What the rules must select from the seeded old registry: old reference → new reference. */
function expectedCopies(digests: Record<string, string>): Record<string, string> {
  const copies: Record<string, string> = {
    'base/jdk:2.0.0': 'base/jdk:2.0.0',
    'base/jdk:1.1.0': 'base/jdk:1.1.0',
    'legacy/billing:1.0.0': 'billing:1.0.0',
    'legacy/billing:2.5.0': 'billing:2.5.0',
    'api:3.1.0': 'api:3.1.0',
    [`api:sha256-${digests['api:3.1.0']!.slice(7)}.sig`]: `api:sha256-${digests['api:3.1.0']!.slice(7)}.sig`,
    [`api@${digests['api:3.2.0']}`]: `api@${digests['api:3.2.0']}`,
    'tools/builder:2.3.0': 'tools/builder:2.3.0',
  };
  for (let i = 0; i < 40; i++) copies[`many/tags:v${i}`] = `many/tags:v${i}`;
  return copies;
}

describe('cutover copy-tags against real registries', () => {
  let old: TestRegistry;
  const digests: Record<string, string> = {};
  let dir: string;
  let refsFile: string;
  const opened: { stop(): Promise<unknown> }[] = [];

  async function freshTarget(): Promise<TestRegistry> {
    const registry = await startRegistry();
    opened.push(registry);
    return registry;
  }

  beforeAll(async () => {
    old = await startRegistry({ auth: OLD_AUTH });
    opened.push(old);
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-copy-tags-'));
    const base = { seed: 'shared-base', size: 200_000 };
    const seed = async (reference: string, spec: Parameters<typeof seedImage>[2]) => {
      digests[reference] = await seedImage(old, reference, spec);
    };
    await seed('base/jdk:1.0.0', {
      layers: [base, { seed: 'jdk-1.0', size: 10_000 }],
      created: '2021-01-01T00:00:00Z',
    });
    await seed('base/jdk:1.1.0', {
      layers: [base, { seed: 'jdk-1.1', size: 10_000 }],
      created: '2021-02-01T00:00:00Z',
    });
    await seed('base/jdk:1.2.0-rc1', {
      layers: [base, { seed: 'jdk-rc', size: 10_000 }],
      created: '2021-04-01T00:00:00Z',
    });
    await seed('base/jdk:2.0.0', {
      layers: [base, { seed: 'jdk-2.0', size: 10_000 }],
      created: '2021-03-01T00:00:00Z',
    });
    for (const version of ['0.9.0', '1.0.0', '2.5.0', '3.0.0'])
      await seed(`legacy/billing:${version}`, {
        layers: [base, { seed: `billing-${version}`, size: 5_000 }],
      });
    await seed('api:3.1.0', { layers: [base, { seed: 'api-3.1', size: 8_000 }], platforms: TWO_ARCH });
    await seed('api:3.2.0', { layers: [base, { seed: 'api-3.2', size: 8_000 }], platforms: TWO_ARCH });
    await seed(`api:sha256-${digests['api:3.1.0']!.slice(7)}.sig`, {
      layers: [{ seed: 'signature', size: 300 }],
    });
    await seed('tools/builder:2.3.0', { layers: [base, { seed: 'builder', size: 4_000 }] });
    await seed('tools/builder:2.4.0', { layers: [base, { seed: 'builder-2.4', size: 4_000 }] });
    // Many tags: one image under 40 tags, written with the client (skopeo per tag would be slow).
    await seed('many/tags:v0', { layers: [base, { seed: 'many', size: 2_000 }] });
    const client = new RegistryClient({
      host: old.host,
      insecure: true,
      credentials: { kind: 'basic', ...OLD_AUTH, source: 'test' },
    });
    const manifest = await client.getManifest('many/tags', 'v0');
    for (let i = 1; i < 40; i++) {
      await client.putManifest('many/tags', `v${i}`, manifest);
      digests[`many/tags:v${i}`] = manifest.digest;
    }
    refsFile = path.join(dir, 'refs.json');
    await writeRefsFile(refsFile, old.host, [
      { repository: 'tools/builder', tag: '2.3.0' },
      { repository: 'api', digest: digests['api:3.2.0']! },
    ]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(opened.map((server) => server.stop()));
  });

  async function expectCopied(target: TestRegistry, copies: Record<string, string>): Promise<void> {
    for (const [from, to] of Object.entries(copies)) {
      const expected = await skopeo.digest(old, from);
      expect(expected).toBeDefined();
      expect([to, await skopeo.digest(target, to)]).toEqual([to, expected]);
    }
  }

  test('dry run lists the selection with deduplicated bytes and writes nothing; then the copy, then a no-op re-run', async () => {
    const target = await freshTarget();
    const manifest = manifestFor(dir, old.host, target.host);
    const copies = expectedCopies(digests);
    const args = ['copy-tags', '--manifest', manifest, '--refs', refsFile, '--json'];

    const dry = await runCli([...args, '--dry-run'], { env: CREDENTIALS });
    expect(dry.stderr).not.toContain(OLD_AUTH.password);
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout);
    expect(plan.dryRun).toBe(true);
    expect(plan.copied.map((c: { source: string }) => c.source.slice(old.host.length + 1)).sort()).toEqual(
      Object.keys(copies).sort(),
    );
    // The shared base layer counts once: well under the sum of every image's size.
    const sumOfSizes = plan.images.reduce((sum: number, image: { size: number }) => sum + image.size, 0);
    expect(plan.bytesUploaded).toBeGreaterThan(200_000);
    expect(plan.bytesUploaded).toBeLessThan(sumOfSizes / 5);
    expect(await skopeo.tags(target, 'base/jdk')).toEqual([]);
    expect(plan.missing).toEqual([{ repository: 'api', reference: '9.9.9', referencedBy: ['acme/gateway'] }]);
    expect(dry.stderr).toMatch(/cutover\.yml:\d+:\d+: warning: api:9\.9\.9 is referenced \(acme\/gateway\)/);

    const runner = runnerFiles();
    const copy = await runCli(args, {
      env: {
        ...CREDENTIALS,
        GITHUB_OUTPUT: runner.env['GITHUB_OUTPUT'],
        GITHUB_STEP_SUMMARY: runner.env['GITHUB_STEP_SUMMARY'],
      },
    });
    expect(copy.code).toBe(0);
    const result = JSON.parse(copy.stdout);
    expect(result.copied).toHaveLength(Object.keys(copies).length);
    expect(result.failed).toEqual([]);
    expect(result.conflicts).toEqual([]);
    expect(result.bytesUploaded).toBe(plan.bytesUploaded);
    expect(result.blobsMounted).toBeGreaterThan(0);
    await expectCopied(target, copies);
    // Not selected: the rc, the oldest jdk, billing outside the range, the unpinned builder and api tag.
    expect(await skopeo.tags(target, 'base/jdk')).toEqual(['1.1.0', '2.0.0']);
    expect(await skopeo.tags(target, 'billing')).toEqual(['1.0.0', '2.5.0']);
    expect(await skopeo.tags(target, 'tools/builder')).toEqual(['2.3.0']);
    expect(await skopeo.tags(target, 'legacy/billing')).toEqual([]);
    // The old registry is only read: its tags are what they were.
    expect(await skopeo.tags(old, 'legacy/billing')).toEqual(['0.9.0', '1.0.0', '2.5.0', '3.0.0']);
    expect(await skopeo.tags(old, 'billing')).toEqual([]);
    expect(runner.outputs()).toMatchObject({
      copied: String(result.copied.length),
      conflicts: '0',
      failed: '0',
    });
    expect(runner.summary()).toContain('| Source | Target | Digest | Size | Action |');
    expect(runner.summary()).toContain(
      `| \`${old.host}/legacy/billing:1.0.0\` | \`${target.host}/billing:1.0.0\` |`,
    );
    expect(copy.stderr).toMatch(
      /copy-tags: \d+\/\d+ tags \(copied \d+, skipped \d+, conflicts 0, failed 0\), .* uploaded, .*\/s/,
    );

    const again = await runCli(args, { env: CREDENTIALS });
    expect(again.code).toBe(0);
    const rerun = JSON.parse(again.stdout);
    expect(rerun.copied).toEqual([]);
    expect(rerun.skipped).toHaveLength(Object.keys(copies).length);
    expect(rerun.bytesUploaded).toBe(0);
  }, 240_000);

  test('a tag with another digest in the target is a conflict (exit 1, untouched) until --overwrite', async () => {
    const target = await freshTarget();
    const manifest = manifestFor(dir, old.host, target.host);
    const squatter = await seedImage(target, 'billing:2.5.0', { layers: [{ seed: 'squatter', size: 1000 }] });
    const args = ['copy-tags', '--manifest', manifest, '--only', 'legacy/*', '--json'];
    const first = await runCli(args, { env: CREDENTIALS });
    expect(first.code).toBe(1);
    const result = JSON.parse(first.stdout);
    expect(result.conflicts).toEqual([
      {
        source: `${old.host}/legacy/billing:2.5.0`,
        target: `${target.host}/billing:2.5.0`,
        digest: digests['legacy/billing:2.5.0'],
        existingDigest: squatter,
      },
    ]);
    expect(result.copied.map((c: { target: string }) => c.target)).toEqual([`${target.host}/billing:1.0.0`]);
    expect(first.stderr).toContain('not overwritten (use --overwrite to replace it)');
    expect(await skopeo.digest(target, 'billing:2.5.0')).toBe(squatter);
    expect(await skopeo.tags(target, 'base/jdk')).toEqual([]); // --only

    const forced = await runCli([...args, '--overwrite'], { env: CREDENTIALS });
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).copied).toHaveLength(1);
    expect(await skopeo.digest(target, 'billing:2.5.0')).toBe(digests['legacy/billing:2.5.0']);
  }, 120_000);

  test('the composite action reads its inputs, sets outputs and writes the summary (dry run)', async () => {
    const target = await freshTarget();
    const manifest = manifestFor(dir, old.host, target.host);
    const runner = runnerFiles();
    const result = await runAction(['copy-tags'], {
      env: {
        ...runner.env,
        ...CREDENTIALS,
        INPUT_MANIFEST: manifest,
        INPUT_DRY_RUN: 'true',
        INPUT_ONLY: 'legacy/*',
        INPUT_REFS: `${refsFile}\n`,
        INPUT_CONCURRENCY: '3',
      },
    });
    expect(result.code).toBe(0);
    // The runner is told to mask the password before anything else; it appears nowhere else.
    expect(result.stdout).toMatch(/^::add-mask::copy-tags-secret$/m);
    expect(result.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(OLD_AUTH.password);
    expect(runner.outputs()).toMatchObject({ copied: '2', skipped: '0', conflicts: '0', failed: '0' });
    expect(Number(runner.outputs()['bytes-uploaded'])).toBeGreaterThan(200_000);
    expect(JSON.parse(runner.outputs()['json']!).dryRun).toBe(true);
    expect(runner.summary()).toContain('cutover copy-tags (dry run)');
    expect(runner.summary()).toContain('📋 would copy');
    expect(await skopeo.tags(target, 'billing')).toEqual([]);
  }, 60_000);

  test('bad input exits 2 with a located message', async () => {
    const target = await freshTarget();
    const manifest = manifestFor(dir, old.host, target.host);
    const zero = await runCli(['copy-tags', '--manifest', manifest, '--concurrency', '0'], {
      env: CREDENTIALS,
    });
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--concurrency: expected a whole number from 1 to 64, found "0"');
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "version": 1,\n  "registry": "x",\n  oops\n}\n');
    const syntax = await runCli(['copy-tags', '--manifest', manifest, '--refs', broken], {
      env: CREDENTIALS,
    });
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(new RegExp(`${broken}:4:3: expected JSON`));
    const elsewhere = path.join(dir, 'elsewhere.json');
    await writeRefsFile(elsewhere, 'registry.other.example.com', [{ repository: 'api', tag: '1' }]);
    const wrong = await runCli(['copy-tags', '--manifest', manifest, '--refs', elsewhere], {
      env: CREDENTIALS,
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      `${elsewhere}: registry: the references are for registry.other.example.com, but the manifest's old registry is ${old.host}`,
    );
    const noCredentials = await runCli(['copy-tags', '--manifest', manifest]);
    expect(noCredentials.code).toBe(2);
    expect(noCredentials.stderr).toContain('environment variable OLD_PASS is not set');
  }, 60_000);

  test('through proxies that drop connections and answer 429 and 500 at random, every selected tag arrives intact', async () => {
    const target = await freshTarget();
    const proxies: FaultyProxy[] = [
      await startFaultyProxy(old, {
        seed: 7,
        drop: 0.05,
        dropMidBody: 0.05,
        tooManyRequests: 0.05,
        serverError: 0.05,
        maxFaults: 30,
      }),
      await startFaultyProxy(target, {
        seed: 11,
        drop: 0.05,
        tooManyRequests: 0.05,
        serverError: 0.06,
        maxFaults: 40,
      }),
    ];
    opened.push(...proxies);
    const [oldProxy, newProxy] = proxies as [FaultyProxy, FaultyProxy];
    const manifest = manifestFor(dir, oldProxy.host, newProxy.host);
    // The references name the old registry by the host the manifest uses.
    const refs = path.join(dir, 'refs-proxied.json');
    const original = JSON.parse(readFileSync(refsFile, 'utf8'));
    writeFileSync(refs, JSON.stringify({ ...original, registry: oldProxy.host }));
    const run = await runCli(['copy-tags', '--manifest', manifest, '--refs', refs, '--json'], {
      env: CREDENTIALS,
    });
    const result = JSON.parse(run.stdout);
    expect(result.failed).toEqual([]);
    expect(run.code).toBe(0);
    const copies = expectedCopies(digests);
    expect(result.copied).toHaveLength(Object.keys(copies).length);
    await expectCopied(target, copies);
    for (const proxy of proxies) {
      expect(proxy.counts.drop + proxy.counts.tooManyRequests + proxy.counts.serverError).toBeGreaterThan(3);
    }
    expect(oldProxy.counts.tooManyRequests).toBeGreaterThan(0);
    expect(newProxy.counts.serverError).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/retry \d+ of (GET|HEAD|PUT|POST|PATCH) .* \(HTTP 429\)/);
  }, 240_000);
});
