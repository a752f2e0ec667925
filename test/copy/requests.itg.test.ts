import { copyImage } from '../../src/copy/copy.js';
import { copySelection, type CopyTagsReport } from '../../src/copy/copy-tags.js';
import { ShardSession } from '../../src/copy/shards.js';
import { parseImageManifest } from '../../src/oci/media.js';
import type { Selection } from '../../src/copy/select.js';
import { RegistryClient } from '../../src/oci/client.js';
import { seedImageHttp } from '../harness/http-seed.js';
import type { ImageSpec } from '../harness/images.js';
import { startCountingProxy, type CountingProxy } from '../harness/proxies.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';

const APP_TAGS = ['v1', 'v2', 'v3', 'v4', 'v5'];

/** Every image shares a base layer; each tag adds its own. */
const specOf = (name: string): ImageSpec => ({
  layers: [
    { seed: 'requests-base', size: 60_000 },
    { seed: name, size: 4_000 },
  ],
});

/** app:v1…v5 (five tags: the target is listed) and solo:1.0 (one tag: a HEAD is as cheap). */
const SELECTION: Selection = {
  images: [
    ...APP_TAGS.map((tag) => ({
      sourceRepository: 'app',
      reference: tag,
      targetRepository: 'app',
      reasons: ['test'],
    })),
    { sourceRepository: 'solo', reference: '1.0', targetRepository: 'solo', reasons: ['test'] },
  ],
  missing: [],
  repositories: ['app', 'solo'],
  warnings: [],
};

describe('copy-tags asks the target registry as little as the protocol allows', () => {
  let old: TestRegistry;
  let target: TestRegistry;
  let proxy: CountingProxy;
  let source: RegistryClient;
  /** The target through the counting proxy. */
  let client: RegistryClient;
  const digests: Record<string, string> = {};
  let otherV4: string;

  beforeAll(async () => {
    old = await startRegistry();
    target = await startRegistry();
    for (const tag of APP_TAGS)
      digests[`app:${tag}`] = await seedImageHttp(old, `app:${tag}`, specOf(`app:${tag}`));
    digests['solo:1.0'] = await seedImageHttp(old, 'solo:1.0', specOf('solo:1.0'));
    // The target already has app:v4 with other content, and two tags nobody selected.
    otherV4 = await seedImageHttp(target, 'app:v4', { layers: [{ seed: 'someone else', size: 3_000 }] });
    for (const tag of ['old-1', 'old-2']) await seedImageHttp(target, `app:${tag}`, specOf(`target-${tag}`));
    proxy = await startCountingProxy(target);
    source = new RegistryClient({ host: old.host, insecure: true, options: { readOnly: true } });
    client = new RegistryClient({ host: proxy.host, insecure: true });
  }, 60_000);

  afterAll(async () => {
    await proxy?.stop();
    await Promise.all([old?.stop(), target?.stop()]);
  });

  const copy = (): Promise<CopyTagsReport> =>
    copySelection({
      selection: SELECTION,
      source,
      target: client,
      oldHost: old.host,
      newHost: proxy.host,
      dryRun: false,
      overwrite: false,
      concurrency: 4,
      progress: () => undefined,
      progressIntervalMs: 60_000,
    });
  const actions = (report: CopyTagsReport) =>
    Object.fromEntries(report.outcomes.map((outcome) => [outcome.source.split('/').pop()!, outcome.action]));
  /** The requests the registry answered (whatever the answer), `METHOD /path?query`, matching pattern. */
  const requests = (pattern: RegExp) =>
    proxy
      .log()
      .map((line) => line.replace(/ \d{3}$/, ''))
      .filter((line) => pattern.test(line));

  test('one tag list per repository instead of a HEAD per tag; a listed tag with another digest is still a conflict, untouched; no blob HEADs', async () => {
    proxy.reset();
    const report = await copy();
    expect(actions(report)).toEqual({
      'app:v1': 'copied',
      'app:v2': 'copied',
      'app:v3': 'copied',
      'app:v4': 'conflict',
      'app:v5': 'copied',
      'solo:1.0': 'copied',
    });
    expect(report.outcomes.find((outcome) => outcome.action === 'conflict')?.existingDigest).toBe(otherV4);
    // app's list was read once (docker-registry 2.8 answers every tag in one page; Link pages are
    // followed by the client's listTags); solo (one tag) was not listed.
    expect(requests(/^GET \/v2\/app\/tags\/list/)).toEqual(['GET /v2/app/tags/list?n=1000']);
    expect(requests(/\/v2\/solo\/tags\/list/)).toEqual([]);
    // HEADs only for the tag the list names (to compare digests) and for solo's one tag.
    expect(requests(/^HEAD \/v2\/[^/]+\/manifests\//).sort()).toEqual([
      'HEAD /v2/app/manifests/v4',
      'HEAD /v2/solo/manifests/1.0',
    ]);
    // Blobs: a mount POST answers whether the repository holds a blob; a HEAD never precedes it.
    expect(requests(/^HEAD \/v2\/[^/]+\/blobs\//)).toEqual([]);
    expect(requests(/^POST \/v2\/[^/]+\/blobs\/uploads\/\?.*from=/).length).toBeGreaterThan(0);
    // The base layer went once; the other repository mounted it.
    expect(report.session.blobsMounted).toBe(1);
    expect(requests(/^PUT \/v2\/app\/manifests\/v4$/)).toEqual([]);
    for (const [reference, digest] of Object.entries(digests)) {
      const [repository, tag] = reference.split(':') as [string, string];
      expect((await client.headManifest(repository, tag))?.digest).toBe(
        reference === 'app:v4' ? otherV4 : digest,
      );
    }
  });

  test('a re-run: the list names every tag, so each is HEADed and compared; nothing is written', async () => {
    proxy.reset();
    const report = await copy();
    expect(actions(report)).toMatchObject({
      'app:v1': 'skipped',
      'app:v4': 'conflict',
      'solo:1.0': 'skipped',
    });
    expect(requests(/^HEAD \/v2\/app\/manifests\//)).toHaveLength(APP_TAGS.length);
    expect(requests(/^(PUT|POST|PATCH|DELETE) /)).toEqual([]);
    expect((await client.headManifest('app', 'v4'))?.digest).toBe(otherV4);
  });

  test("a blob only hinted to live in another shard's repository is HEADed where it is needed first: a shard run again does not upload what it has", async () => {
    // The target repository holds the base layer already (a killed shard's work); the hint names a
    // home that does not: a mount from there would answer 202 and the layer would go again.
    await seedImageHttp(target, 'again:seeded', specOf('again:seeded'));
    const blobsOf = async (repository: string, tag: string) =>
      parseImageManifest((await source.getManifest(repository, tag)).bytes).blobs;
    const soloBlobs = new Set((await blobsOf('solo', '1.0')).map((blob) => blob.digest));
    // The base layer: the one blob app:v1 shares with solo:1.0.
    const base = (await blobsOf('app', 'v1')).find((blob) => soloBlobs.has(blob.digest))!;
    const session = new ShardSession();
    session.hint(client.host, 'elsewhere', base.digest);
    const result = await copyImage(
      { source, sourceRepository: 'app', reference: 'v1', target: client, targetRepository: 'again' },
      { session },
    );
    expect(result).toMatchObject({ action: 'copied', blobsSkipped: 1, blobsMounted: 0 });
    expect(result.bytesUploaded).toBeLessThan(base.size);
  });
});
