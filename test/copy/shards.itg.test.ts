import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLE, runCli } from '../harness/cli.js';
import { startFaultyProxy, type FaultyProxy, type UploadRecord } from '../harness/faulty-proxy.js';
import { PLATFORMS, type ImageSpec } from '../harness/images.js';
import { seedImageHttp } from '../harness/http-seed.js';
import { writeManifest } from '../harness/manifest.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { skopeo } from '../harness/skopeo.js';

const REPOSITORIES = Array.from({ length: 8 }, (_, index) => `org/app${index}`);
const TAGS = ['1.0', '1.1', '1.2', '2.0', 'latest'];

/** Every repository shares the base layer; three of them are multi-platform with Buildx attestations. */
function specOf(repository: string, tag: string): ImageSpec {
  const spec: ImageSpec = {
    shared: [{ seed: 'base-os', size: 400_000 }],
    layers: [
      { seed: `${repository}-deps`, size: 100_000 },
      { seed: `${repository}:${tag}`, size: 20_000 },
    ],
  };
  if (repository === 'org/app0' || repository === 'org/app1')
    return { ...spec, platforms: PLATFORMS.two, attestations: true };
  if (repository === 'org/app2')
    return { ...spec, platforms: PLATFORMS.four, attestations: true, mediaTypes: 'docker' };
  return spec;
}

/**
 * Uploads that started after another upload of the same blob had completed — anywhere in the
 * target (`registry`), or in the same repository (`repository`: what HEAD before upload prevents).
 */
function uploadsAfterCompletion(uploads: UploadRecord[], scope: 'registry' | 'repository'): UploadRecord[] {
  const completed = uploads.filter((upload) => upload.digest !== undefined);
  return completed.filter((upload) =>
    completed.some(
      (other) =>
        other !== upload &&
        other.digest === upload.digest &&
        (scope === 'registry' || other.repository === upload.repository) &&
        other.completedAt! < upload.startedAt,
    ),
  );
}

describe('copy-tags across a matrix: --plan-shards, --shard I/N, --verify-only', () => {
  let old: TestRegistry;
  let work: string;
  const opened: { stop(): Promise<unknown> }[] = [];

  beforeAll(async () => {
    old = await startRegistry();
    opened.push(old);
    work = mkdtempSync(path.join(os.tmpdir(), 'cutover-shards-'));
    for (const repository of REPOSITORIES)
      for (const tag of TAGS) await seedImageHttp(old, `${repository}:${tag}`, specOf(repository, tag));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(opened.map((server) => server.stop()));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A fresh target registry behind a counting proxy (no faults), and a manifest naming the proxy. */
  async function freshTarget(
    name: string,
  ): Promise<{ target: TestRegistry; proxy: FaultyProxy; manifest: string }> {
    const target = await startRegistry();
    const proxy = await startFaultyProxy(target, { seed: 1 });
    opened.push(target, proxy);
    const manifest = writeManifest(
      work,
      {
        old: old.host,
        new: proxy.host,
        timeline: { available: '2020-09-01', readOnly: '2020-10-01', shutdown: '2020-11-01' },
        copy: [{ images: ['org/*'] }],
      },
      `${name}.yml`,
    );
    return { target, proxy, manifest };
  }

  test('4 shards over 40 tags in 8 repositories, concurrently against one target: disjoint, complete, each completed blob never uploaded again', async () => {
    const { target, proxy, manifest } = await freshTarget('four');
    const plan = await runCli(['copy-tags', '--manifest', manifest, '--plan-shards', '4', '--json']);
    expect(plan.code === 0 ? 'exit 0' : plan.stderr).toBe('exit 0');
    const planned = JSON.parse(plan.stdout);
    expect(planned.selected).toBe(40);
    expect(planned.shards.map((shard: { shard: string }) => shard.shard)).toEqual([
      '1/4',
      '2/4',
      '3/4',
      '4/4',
    ]);
    expect(planned.shards.flatMap((shard: { repositories: string[] }) => shard.repositories).sort()).toEqual(
      REPOSITORIES,
    );
    // Deterministic: the same plan again (what a re-run of the planning job gives).
    expect((await runCli(['copy-tags', '--manifest', manifest, '--plan-shards', '4', '--json'])).stdout).toBe(
      plan.stdout,
    );
    const matrix = await runCli(['copy-tags', '--manifest', manifest, '--plan-shards', '4']);
    expect(JSON.parse(matrix.stdout)).toEqual({ shard: ['1/4', '2/4', '3/4', '4/4'] });

    const runs = await Promise.all(
      ['1/4', '2/4', '3/4', '4/4'].map((shard) =>
        runCli(['copy-tags', '--manifest', manifest, '--shard', shard, '--json']),
      ),
    );
    const results = runs.map((run) => {
      expect(run.code === 0 ? 'exit 0' : run.stderr).toBe('exit 0');
      return JSON.parse(run.stdout);
    });
    results.forEach((result, index) =>
      expect(result.repositories).toEqual(planned.shards[index].repositories),
    );
    expect(results.reduce((sum, result) => sum + result.copied.length, 0)).toBe(40);

    const verify = await runCli(['copy-tags', '--manifest', manifest, '--verify-only', '--json']);
    expect(verify.code === 0 ? 'exit 0' : verify.stderr).toBe('exit 0');
    const verified = JSON.parse(verify.stdout);
    expect(verified.checks).toHaveLength(40);
    expect(verified.checks.every((check: { ok: boolean }) => check.ok)).toBe(true);
    // Attestation manifests are part of their image, never a platform.
    const app2 = verified.checks.find((check: { source: string }) => check.source.endsWith('org/app2:1.0'));
    expect(app2).toMatchObject({
      platforms: ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/s390x'],
      attestations: 4,
    });
    expect(verify.stderr).toContain(
      '(15 multi-platform images: 40 platform images and 40 attestation manifests)',
    );

    // skopeo as witness for one multi-platform tag: index and each child by digest.
    const digest = await skopeo.digest(old, 'org/app2:2.0');
    expect(await skopeo.digest(target, 'org/app2:2.0')).toBe(digest);
    const index = (await skopeo.manifest(target, `org/app2@${digest}`)) as {
      manifests: { digest: string }[];
    };
    for (const child of index.manifests)
      expect(await skopeo.digest(target, `org/app2@${child.digest}`)).toBe(child.digest);

    const completed = proxy.uploads.filter((upload) => upload.digest !== undefined);
    expect(completed.length).toBeGreaterThan(0);
    expect(uploadsAfterCompletion(proxy.uploads, 'registry')).toEqual([]);
    const shared = completed.filter((upload) => upload.bytes > 400_000);
    // The shared base layer: at most one upload per shard (those that raced before anyone finished).
    expect(new Set(shared.map((upload) => upload.digest)).size).toBe(1);
    expect(shared.length).toBeLessThanOrEqual(4);
  }, 240_000);

  test('a shard killed midway and run again converges; --verify-only fails before and passes after', async () => {
    const { manifest, proxy } = await freshTarget('killed');
    const child = spawn(process.execPath, [BUNDLE, 'copy-tags', '--manifest', manifest, '--shard', '1/2'], {
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'] },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Killed as soon as the first blob upload completed: the shard has most of its work left.
    while (!proxy.uploads.some((upload) => upload.digest !== undefined) && child.exitCode === null)
      await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill('SIGKILL');
    expect(await exited).toBeNull();

    const half = await runCli(['copy-tags', '--manifest', manifest, '--verify-only', '--json']);
    expect(half.code).toBe(1);
    expect(JSON.parse(half.stdout).problems.length).toBeGreaterThan(0);
    expect(half.stderr).toContain(
      'run copy-tags again (the shard that owns this repository, or all of them)',
    );

    const again = await runCli(['copy-tags', '--manifest', manifest, '--shard', '1/2', '--json']);
    expect(again.code === 0 ? 'exit 0' : again.stderr).toBe('exit 0');
    // What the killed run finished is not uploaded again.
    expect(JSON.parse(again.stdout).blobsSkipped).toBeGreaterThan(0);
    const other = await runCli(['copy-tags', '--manifest', manifest, '--shard', '2/2']);
    expect(other.code).toBe(0);
    const verify = await runCli(['copy-tags', '--manifest', manifest, '--verify-only']);
    expect(verify.code === 0 ? 'exit 0' : verify.stderr).toBe('exit 0');
    expect(uploadsAfterCompletion(proxy.uploads, 'repository')).toEqual([]);
  }, 240_000);

  test('--shard must be I/N within range', async () => {
    const { manifest } = await freshTarget('bad');
    const bad = await runCli(['copy-tags', '--manifest', manifest, '--shard', '5/4']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shard: expected I/N with 1 ≤ I ≤ N ≤ 256, found "5/4"');
  });
});
