import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliRun } from '../harness/cli.js';
import {
  answer,
  cutShort,
  digestOf,
  forward,
  startHostileRegistry,
  type HostileRegistry,
} from '../harness/hostile-registry.js';
import { seedImage } from '../harness/images.js';
import { writeManifest } from '../harness/manifest.js';
import { startDelayingProxy, type DelayingProxy } from '../harness/proxies.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';

/**
 * `push --from` against hostile registries (issue 24, items 4 and 10): referrers that do not exist
 * are warnings, skipped and counted, and the image and its tags are still pushed, in a bounded
 * number of requests; `--deadline` ends a push as it ends copy-tags.
 */

/** The old registry is read-only that day: push --from writes to the new one only. */
const NOW = ['--now', '2020-10-15'];

async function timed(run: Promise<CliRun>): Promise<CliRun & { seconds: number }> {
  const started = Date.now();
  const result = await run;
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

describe('push --from against hostile registries', () => {
  let dir: string;
  let source: TestRegistry;
  let target: TestRegistry;
  let digest: string;
  let counter = 0;
  const stopping: { stop(): Promise<unknown> }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-push-hostile-'));
    [source, target] = await Promise.all([startRegistry(), startRegistry()]);
    stopping.push(source, target);
    digest = await seedImage(source, 'app:1.0', { layers: [{ seed: 'push-hostile', size: 4_000 }] });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(stopping.map((server) => server.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  function push(oldHost: string, newHost: string, extra: string[] = []) {
    const manifest = writeManifest(dir, { old: oldHost, new: newHost }, `cutover-${counter++}.yml`);
    return timed(
      runCli(
        [
          'push',
          '--manifest',
          manifest,
          '--from',
          `${oldHost}/app@${digest}`,
          '--tag',
          '1.0',
          ...NOW,
          ...extra,
        ],
        { timeoutMs: 120_000 },
      ),
    );
  }

  test('a referrers answer listing 5,000 manifests that do not exist: skipped with a warning and the count, the image and its tag pushed', async () => {
    const listed = Array.from({ length: 5_000 }, (_, i) => ({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      digest: digestOf(Buffer.from(`missing referrer ${i}`)),
      size: 500 + i,
    }));
    const lying: HostileRegistry = await startHostileRegistry({
      handle: cutShort((exchange) => {
        if (exchange.path.startsWith('/v2/app/referrers/'))
          return answer(
            exchange.response,
            200,
            { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: listed },
            { 'content-type': 'application/vnd.oci.image.index.v1+json' },
          );
        return forward(exchange, source.url);
      }, 20_000),
    });
    stopping.push(lying);
    const run = await push(lying.host, target.host);
    expect(run.stderr).not.toMatch(/internal error/i);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/5000 referrers? of .* skipped/);
    // 10,000 requests before (a HEAD and a GET for each), then nothing pushed.
    expect(lying.requests.length).toBeLessThan(300);
    const head = await fetch(`${target.url}/v2/app/manifests/1.0`, {
      method: 'HEAD',
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('docker-content-digest')).toBe(digest);
  }, 150_000);

  test('--deadline ends a push to a registry that answers slowly, saying which deadline passed', async () => {
    const behind = await startRegistry();
    const slow: DelayingProxy = await startDelayingProxy(behind, 1_500);
    stopping.push(slow, behind);
    const run = await push(source.host, slow.host, ['--deadline', '2s']);
    expect(run.code).toBe(1);
    expect(run.seconds).toBeLessThan(10);
    expect(run.stdout + run.stderr).toContain('the --deadline of 2 s passed');
  }, 60_000);
});
