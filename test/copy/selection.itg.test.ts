import { SecretRegistry } from '../../src/shared/secrets.js';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedImage } from '../harness/images.js';
import { writeManifest } from '../harness/manifest.js';
import { startCountingProxy } from '../harness/proxies.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { loadManifest } from '../../src/manifest/load.js';
import { RegistryClient } from '../../src/oci/client.js';
import { buildRefsFile } from '../../src/copy/refs-file.js';
import { selectImages } from '../../src/copy/select.js';

describe('selection against a real registry', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
    const same = '2022-05-05T00:00:00Z';
    for (const tag of ['2.0.0', '10.0.0', '9.1.0'])
      await seedImage(registry, `svc/a:${tag}`, { layers: [{ seed: `a-${tag}`, size: 500 }], created: same });
    await seedImage(registry, 'svc/a:1.0.0', {
      layers: [{ seed: 'a-new', size: 500 }],
      created: '2023-01-01T00:00:00Z',
    });
    await seedImage(registry, 'other/b:1', { layers: [{ seed: 'b', size: 500 }] });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  test('newest N by created, ties broken by semver (not by name); --only narrows; rules OR-combine', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-select-'));
    const file = writeManifest(dir, {
      old: registry.host,
      new: 'registry.new.example.com',
      timeline: { available: '2029-01-01', readOnly: '2030-01-01', shutdown: '2030-02-01' },
      paths: [{ from: 'svc/*', to: 'services/*' }],
      copy: [
        { images: ['svc/*'], newest: 3 },
        { images: ['other/*'], tags: ['1'] },
      ],
    });
    const manifest = await loadManifest(file, dir, {}, new SecretRegistry());
    const source = new RegistryClient({ host: registry.host, insecure: true, options: { readOnly: true } });
    const all = await selectImages({ manifest, source, refsFiles: [] });
    expect(all.images.map((i) => `${i.sourceRepository}:${i.reference}→${i.targetRepository}`)).toEqual([
      'other/b:1→other/b',
      'svc/a:10.0.0→services/a',
      'svc/a:9.1.0→services/a',
      'svc/a:1.0.0→services/a',
    ]);
    const only = await selectImages({ manifest, source, refsFiles: [], only: 'other/*' });
    expect(only.images.map((i) => i.sourceRepository)).toEqual(['other/b']);
  });

  test('a registry without the referrers API is asked once, not once per image in flight', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-select-'));
    const file = writeManifest(dir, {
      old: registry.host,
      new: 'registry.new.example.com',
      timeline: { available: '2029-01-01', readOnly: '2030-01-01', shutdown: '2030-02-01' },
      copy: [{ images: ['*', '*/*'] }],
    });
    const manifest = await loadManifest(file, dir, {}, new SecretRegistry());
    const proxy = await startCountingProxy(registry);
    try {
      const source = new RegistryClient({ host: proxy.host, insecure: true, options: { readOnly: true } });
      const selection = await selectImages({ manifest, source, refsFiles: [], concurrency: 8 });
      // Five images, all in flight at once; docker-registry 2.8 answers 404 to the referrers API.
      expect(selection.images).toHaveLength(5);
      expect(proxy.log().filter((line) => line.includes('/referrers/'))).toEqual([
        expect.stringMatching(/^GET \/v2\/[a-z/]+\/referrers\/sha256:[0-9a-f]{64} 404$/),
      ]);
    } finally {
      await proxy.stop();
    }
  });

  test('prefixes (names and tags built at run time) pin nothing: the rules decide, and the warning says which repositories get tags and which none', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-select-'));
    const file = writeManifest(dir, {
      old: registry.host,
      new: 'registry.new.example.com',
      timeline: { available: '2029-01-01', readOnly: '2030-01-01', shutdown: '2030-02-01' },
      copy: [{ images: ['svc/*'], newest: 2 }, { referenced: true }],
    });
    const manifest = await loadManifest(file, dir, {}, new SecretRegistry());
    const source = new RegistryClient({ host: registry.host, insecure: true, options: { readOnly: true } });
    const pinned = [{ repository: 'other/b', tag: '1' }];
    // As guard --export-refs writes them: svc/$NAME:…, other/b:$TAG, a repository no rule reaches.
    const refs = buildRefsFile(registry.host, pinned, ['svc', 'other/b', 'gone/away']);
    const selection = await selectImages({ manifest, source, refsFiles: [{ file: 'refs.json', refs }] });
    const names = (images: typeof selection.images) =>
      images.map((i) => `${i.sourceRepository}:${i.reference} ${i.reasons.join('+')}`);
    expect(names(selection.images)).toEqual([
      'other/b:1 copy[1] (referenced)',
      'svc/a:10.0.0 copy[0]',
      'svc/a:1.0.0 copy[0]',
    ]);
    // The prefixes select nothing by themselves: the same images without them.
    const plain = await selectImages({
      manifest,
      source,
      refsFiles: [{ file: 'refs.json', refs: buildRefsFile(registry.host, pinned) }],
    });
    expect(names(plain.images)).toEqual(names(selection.images));
    expect(plain.dynamic).toEqual([]);
    expect(selection.dynamic).toEqual([
      { prefix: 'gone/away', by: ['refs.json'], repositories: [] },
      {
        prefix: 'other/b',
        by: ['refs.json'],
        repositories: [{ repository: 'other/b', chosen: { 'copy[1] (referenced)': 1 } }],
      },
      { prefix: 'svc', by: ['refs.json'], repositories: [{ repository: 'svc/a', chosen: { 'copy[0]': 2 } }] },
    ]);
    expect(selection.warnings).toEqual([
      'gone/away (and below) is used with names or tags built at run time (prefixes in refs.json): no tag can be pinned there, so only the copy rules decide which of its tags are copied; no repository under it is known here (no copy rule with images: matches it)',
      'other/b (and below) is used with names or tags built at run time (prefixes in refs.json): no tag can be pinned there, so only the copy rules decide which of its tags are copied; tags chosen: other/b (copy[1] (referenced): 1)',
      'svc (and below) is used with names or tags built at run time (prefixes in refs.json): no tag can be pinned there, so only the copy rules decide which of its tags are copied; tags chosen: svc/a (copy[0]: 2)',
    ]);
    // The whole registry ("" from old/$PROJECT/app): every repository, the ones without tags named.
    const narrow = writeManifest(dir, {
      old: registry.host,
      new: 'registry.new.example.com',
      timeline: { available: '2029-01-01', readOnly: '2030-01-01', shutdown: '2030-02-01' },
      copy: [{ images: ['svc/*'], tags: ['2.*'] }],
    });
    const whole = await selectImages({
      manifest: await loadManifest(narrow, dir, {}, new SecretRegistry()),
      source,
      refsFiles: [{ file: 'refs.json', refs: buildRefsFile(registry.host, [], ['']) }],
    });
    expect(whole.warnings).toEqual([
      'every repository of the old registry is used with names or tags built at run time (prefixes in refs.json): no tag can be pinned there, so only the copy rules decide which of its tags are copied; tags chosen: svc/a (copy[0]: 1); no tags chosen for other/b',
    ]);
  });
});
