import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../harness/cli.js';
import { startFaultyProxy, type FaultyProxy } from '../harness/faulty-proxy.js';
import { seedImageHttp } from '../harness/http-seed.js';
import { writeManifest } from '../harness/manifest.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { skopeo } from '../harness/skopeo.js';

/**
 * Two shards that must upload the same large blob at the same moment, against one target. The
 * two repositories land in different shards of two (the stable hash says so; checked below), and
 * both images are built on the same 12 MB base layer. `race/one` sorts first, so it is the blob's
 * home: its shard uploads it, the other shard waits for it (HEAD every 200 ms, up to 10 s). A
 * proxy in front of the target holds the home shard's closing PUT of the base layer until the
 * other shard has given up waiting and sends its own: both bodies then stream into the registry
 * side by side and their commits race. With `refuseLast` the proxy answers the second commit 500,
 * as a registry answers an upload that lost such a race: that shard must upload again (a new
 * session, the bytes read again from the source) and never leave a corrupt or missing blob.
 */
const REPOSITORIES = ['race/one', 'race/two'];
const BASE_BYTES = 12_000_000;

describe('copy-tags --shard: two shards uploading the same blob at the same moment', () => {
  let old: TestRegistry;
  let work: string;
  let base: { digest: string; size: number };
  const opened: { stop(): Promise<unknown> }[] = [];

  beforeAll(async () => {
    old = await startRegistry();
    opened.push(old);
    work = mkdtempSync(path.join(os.tmpdir(), 'cutover-shard-race-'));
    for (const repository of REPOSITORIES)
      await seedImageHttp(old, `${repository}:1.0`, {
        layers: [
          { seed: 'race-base', size: BASE_BYTES },
          { seed: `${repository}-app`, size: 30_000 },
        ],
      });
    const manifest = (await skopeo.manifest(old, 'race/one:1.0')) as {
      layers: { digest: string; size: number }[];
    };
    base = manifest.layers.reduce((a, b) => (a.size >= b.size ? a : b));
    expect(base.size).toBeGreaterThan(BASE_BYTES / 2);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(opened.map((server) => server.stop()));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function targetBehind(
    name: string,
    refuseLast: boolean,
  ): Promise<{ target: TestRegistry; proxy: FaultyProxy; manifest: string }> {
    const target = await startRegistry();
    const proxy = await startFaultyProxy(target, {
      seed: 1,
      meet: { digest: base.digest, count: 2, timeoutMs: 60_000, refuseLast },
    });
    opened.push(target, proxy);
    const manifest = writeManifest(
      work,
      {
        old: old.host,
        new: proxy.host,
        timeline: { available: '2020-09-01', readOnly: '2020-10-01', shutdown: '2020-11-01' },
        copy: [{ images: ['race/*'] }],
      },
      `${name}.yml`,
    );
    return { target, proxy, manifest };
  }

  /** The blob as the target registry stores it in a repository (straight from it, not the proxy): its sha256 and size. */
  async function storedBlob(
    target: TestRegistry,
    repository: string,
  ): Promise<{ digest: string; size: number }> {
    const response = await fetch(`${target.url}/v2/${repository}/blobs/${base.digest}`);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, size: bytes.length };
  }

  test.each([
    { name: 'side by side', refuseLast: false },
    { name: 'the second commit refused once', refuseLast: true },
  ])(
    '$name: both shards exit 0, the blob is byte-identical, every tag verifies, uploaded bytes are counted',
    async ({ name, refuseLast }) => {
      const { target, proxy, manifest } = await targetBehind(name.replace(/\W+/g, '-'), refuseLast);
      const plan = await runCli(['copy-tags', '--manifest', manifest, '--plan-shards', '2', '--json']);
      expect(plan.code === 0 ? 'exit 0' : plan.stderr).toBe('exit 0');
      expect(
        JSON.parse(plan.stdout).shards.map((shard: { repositories: string[] }) => shard.repositories),
      ).toEqual([['race/two'], ['race/one']]);

      const runs = await Promise.all(
        ['1/2', '2/2'].map((shard) =>
          runCli(['copy-tags', '--manifest', manifest, '--shard', shard, '--json']),
        ),
      );
      const results = runs.map((run) => {
        expect(run.code === 0 ? 'exit 0' : run.stderr).toBe('exit 0');
        return JSON.parse(run.stdout) as { bytesUploaded: number; copied: unknown[] };
      });
      expect(results.map((result) => result.copied.length)).toEqual([1, 1]);

      // The race happened: both closing PUTs of the base layer were held and released together,
      // and both upload sessions were open (their POSTs answered) before the release.
      expect(proxy.meeting.met).toBe(2);
      expect(proxy.meeting.refused).toBe(refuseLast ? 1 : 0);
      const releasedAt = proxy.meeting.releasedAt!;
      const ofBase = proxy.uploads.filter((upload) => upload.bytes === base.size);
      const completed = ofBase.filter((upload) => upload.digest === base.digest);
      expect(completed.map((upload) => upload.repository).sort()).toEqual(REPOSITORIES);
      for (const upload of completed) expect(upload.completedAt!).toBeGreaterThanOrEqual(releasedAt);
      expect(ofBase.filter((upload) => upload.startedAt <= releasedAt)).toHaveLength(2);
      // The refused attempt sent the whole blob and was not completed; its shard uploaded again.
      expect(ofBase.filter((upload) => upload.digest === undefined)).toHaveLength(refuseLast ? 1 : 0);

      // What the shards report as uploaded is what completed at the target, byte for byte: the
      // refused attempt is not counted, and the base layer is in it twice (one per shard).
      const reported = results.reduce((sum, result) => sum + result.bytesUploaded, 0);
      const arrived = proxy.uploads
        .filter((upload) => upload.digest !== undefined)
        .reduce((sum, upload) => sum + upload.bytes, 0);
      expect(reported).toBe(arrived);
      expect(reported).toBeGreaterThanOrEqual(2 * base.size);
      const sent = proxy.uploads.reduce((sum, upload) => sum + upload.bytes, 0);
      expect(sent).toBe(arrived + (refuseLast ? base.size : 0));

      // Byte-identical in both repositories (read back from the registry, hashed here).
      for (const repository of REPOSITORIES)
        expect(await storedBlob(target, repository)).toEqual({ digest: base.digest, size: base.size });
      for (const repository of REPOSITORIES)
        expect(await skopeo.digest(target, `${repository}:1.0`)).toBe(
          await skopeo.digest(old, `${repository}:1.0`),
        );

      const verify = await runCli(['copy-tags', '--manifest', manifest, '--verify-only', '--json']);
      expect(verify.code === 0 ? 'exit 0' : verify.stderr).toBe('exit 0');
      const verified = JSON.parse(verify.stdout) as { checks: { ok: boolean }[] };
      expect(verified.checks).toHaveLength(2);
      expect(verified.checks.every((check) => check.ok)).toBe(true);
    },
    120_000,
  );
});
