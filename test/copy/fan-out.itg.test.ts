import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliRun } from '../harness/cli.js';
import {
  cutShort,
  endlessTagPages,
  fanOutImage,
  servingImage,
  startHostileRegistry,
  type HostileRegistry,
} from '../harness/hostile-registry.js';
import { writeManifest } from '../harness/manifest.js';
import { peakResidentKiB } from '../harness/memory.js';
import { startCountingProxy, type CountingProxy } from '../harness/proxies.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';

/**
 * Hostile fan-out (issue 24, items 3 and 4): an index whose children share grandchildren is walked
 * once per distinct manifest, not once per path; an image with more manifests than the budget is
 * refused before it is walked; a tag list whose pages never end stops at the cycle check or the page
 * cap. Each stand-in answers 404 after a few thousand requests, so the old code's endless walks stay
 * bounded (and fail the request-count assertions).
 */

/** Requests the stand-ins serve before answering 404 to everything. */
const STAND_IN_BUDGET = 20_000;

async function timed(run: Promise<CliRun>): Promise<CliRun & { seconds: number }> {
  const started = Date.now();
  const result = await run;
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

describe('fan-out of nested indexes and endless tag pages', () => {
  let dir: string;
  let counter = 0;
  const stopping: { stop(): Promise<unknown> }[] = [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-fan-out-'));
  });
  afterAll(async () => {
    await Promise.all(stopping.map((server) => server.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function hostile(
    handle: Parameters<typeof startHostileRegistry>[0]['handle'],
  ): Promise<HostileRegistry> {
    const registry = await startHostileRegistry({ handle: cutShort(handle, STAND_IN_BUDGET) });
    stopping.push(registry);
    return registry;
  }
  /** A real target registry behind a counting proxy. */
  async function target(): Promise<{ registry: TestRegistry; proxy: CountingProxy }> {
    const registry = await startRegistry();
    const proxy = await startCountingProxy(registry);
    stopping.push(proxy, registry);
    return { registry, proxy };
  }
  /** copy-tags of every old repository, timed, with the peak resident memory of the process (MiB). */
  async function copyTags(oldHost: string, newHost: string, extra: string[] = []) {
    const manifest = writeManifest(
      dir,
      { old: oldHost, new: newHost, copy: [{ images: ['*'] }] },
      `cutover-${counter++}.yml`,
    );
    let finished = () => {};
    const exited = new Promise<void>((resolve) => (finished = resolve));
    let peak = Promise.resolve(0);
    const result = await timed(
      runCli(['copy-tags', '--manifest', manifest, '--json', ...extra], {
        timeoutMs: 120_000,
        onStart: (pid) => (peak = peakResidentKiB(pid, exited)),
      }),
    );
    finished();
    return { ...result, peakMiB: (await peak) / 1024 };
  }

  test('an index of 10 indexes sharing 10 children, 5 deep: each manifest copied once, a few hundred requests', async () => {
    const image = fanOutImage(10, 5);
    const bytes = [...image.manifests.values()].reduce((sum, manifest) => sum + manifest.length, 0);
    expect(image.manifests.size).toBe(51);
    expect(bytes).toBeLessThan(100_000);
    const source = await hostile(servingImage('nest', image));
    const { registry, proxy } = await target();
    const run = await copyTags(source.host, proxy.host);
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.code).toBe(0);
    // 111,000 requests to each registry before; now about three per distinct manifest.
    expect(source.requests.length).toBeLessThan(1_000);
    expect(proxy.requests()).toBeLessThan(1_000);
    expect(run.seconds).toBeLessThan(60);
    // 2.1 GB before it was stopped.
    expect(run.peakMiB).toBeLessThan(400);
    const head = await fetch(`${registry.url}/v2/nest/manifests/1`, {
      method: 'HEAD',
      headers: { accept: 'application/vnd.oci.image.index.v1+json' },
    });
    expect(head.headers.get('docker-content-digest')).toBe(image.top);
  }, 150_000);

  test('the shared-blob hinting of a shard reads each distinct manifest once', async () => {
    const image = fanOutImage(10, 5);
    const source = await hostile(servingImage('nest', image));
    const { proxy } = await target();
    const run = await copyTags(source.host, proxy.host, ['--shard', '1/1', '--dry-run']);
    expect(run.code).toBe(0);
    const manifestReads = source.requests.filter((request) => request.path.includes('/manifests/'));
    // The hints read 1,111 manifests before (depth capped at 3), then the walk 111,000.
    expect(manifestReads.length).toBeLessThan(200);
  }, 150_000);

  test('an image of more manifests than the budget (1,100 platforms) is refused before its children are read', async () => {
    const image = fanOutImage(1_100, 1);
    const source = await hostile(servingImage('wide', image));
    const { proxy } = await target();
    const run = await copyTags(source.host, proxy.host);
    expect(run.code).toBe(1);
    const failed = (JSON.parse(run.stdout) as { failed: { error: string }[] }).failed;
    expect(failed[0]!.error).toMatch(/more than 1000 manifests/);
    expect(
      source.requests.filter((request) => request.path.includes('/manifests/sha256')).length,
    ).toBeLessThan(50);
  }, 150_000);

  test('tag pages that are empty and always link to one more: stopped, saying so, within 20 s', async () => {
    const source = await hostile(endlessTagPages('app'));
    const { proxy } = await target();
    const run = await copyTags(source.host, proxy.host);
    expect(run.code).toBe(1);
    expect(run.seconds).toBeLessThan(20);
    expect(run.stdout + run.stderr).toMatch(/tag list .*is not advancing/);
    expect(source.requests.length).toBeLessThan(50);
  }, 150_000);

  test('tag pages that never end (one new tag each): stopped at the page cap', async () => {
    const source = await hostile(endlessTagPages('app', true));
    const { proxy } = await target();
    const run = await copyTags(source.host, proxy.host);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/more than 10000 pages/);
    expect(source.requests.length).toBeLessThanOrEqual(10_010);
  }, 150_000);
});
