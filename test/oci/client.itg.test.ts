import { startFaultyProxy } from '../harness/faulty-proxy.js';
import { seedImage } from '../harness/images.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { skopeo } from '../harness/skopeo.js';
import type { RegistrySpec } from '../../src/manifest/model.js';
import { RegistryClient, RegistryError, nextLink, withQuery } from '../../src/oci/client.js';
import { copyImage, CopySession } from '../../src/copy/copy.js';
import { parseChallenge, mergeScopes } from '../../src/oci/auth/challenge.js';
import { parseRetryAfter, retryDelay } from '../../src/shared/retry.js';

const TWO_ARCH = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64' },
];

function spec(registry: TestRegistry, role: 'old' | 'new' = 'old'): RegistrySpec {
  return {
    role,
    host: registry.host,
    aliases: [],
    insecure: true,
    ...(registry.auth && { credentials: { usernameEnv: 'REG_USER', passwordEnv: 'REG_PASS' } }),
  };
}

function envFor(registry: TestRegistry): NodeJS.ProcessEnv {
  return registry.auth ? { REG_USER: registry.auth.username, REG_PASS: registry.auth.password } : {};
}

describe('RegistryClient against real registries', () => {
  let old: TestRegistry;
  let next: TestRegistry;
  let single: string;
  let multi: string;
  beforeAll(async () => {
    [old, next] = await Promise.all([
      startRegistry({ auth: { username: 'reader', password: 'client-test-pass' } }),
      startRegistry(),
    ]);
    single = await seedImage(old, 'team/api:1.0.0', {
      layers: [
        { seed: 'base', size: 300_000 },
        { seed: 'api-1', size: 50_000 },
      ],
    });
    multi = await seedImage(old, 'base/multi:2.0', {
      layers: [{ seed: 'multi', size: 20_000 }],
      platforms: TWO_ARCH,
    });
  });
  afterAll(async () => {
    await Promise.all([old?.stop(), next?.stop()]);
  });

  test('Basic auth from the manifest env names; HEAD and GET agree with skopeo', async () => {
    const client = await RegistryClient.forRegistry(spec(old), envFor(old));
    expect(client.host).toBe(old.host);
    expect(await client.listTags('team/api')).toEqual(['1.0.0']);
    const head = await client.headManifest('team/api', '1.0.0');
    expect(head).toMatchObject({ digest: single, mediaType: 'application/vnd.oci.image.manifest.v1+json' });
    const got = await client.getManifest('team/api', '1.0.0');
    expect(got.digest).toBe(await skopeo.digest(old, 'team/api:1.0.0'));
    expect(got.bytes.length).toBe(head!.size);
    const index = await client.getManifest('base/multi', multi);
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(await client.headManifest('team/api', 'nope')).toBeUndefined();
    expect(await client.listTags('no/such-repo')).toEqual([]);
  });

  test('wrong or missing credentials fail with a clear 401', async () => {
    const anonymous = await RegistryClient.forRegistry(
      { ...spec(old), credentials: undefined } as RegistrySpec,
      {},
    );
    await expect(anonymous.listTags('team/api')).rejects.toThrow(/HTTP 401.*no credentials found/);
    const wrong = await RegistryClient.forRegistry(spec(old), { REG_USER: 'reader', REG_PASS: 'wrong-pass' });
    await expect(wrong.headManifest('team/api', '1.0.0')).rejects.toMatchObject({ status: 401 });
  });

  test('a read-only client refuses every write before it reaches the network', async () => {
    const client = await RegistryClient.forRegistry(spec(old), envFor(old), { readOnly: true });
    await expect(client.startUpload('team/api')).rejects.toThrow(/read-only for cutover/);
    expect(client.stats.requests).toBe(0);
  });

  test('many tags in one repository; repositories listed across Link pages', async () => {
    const target = await RegistryClient.forRegistry(spec(next, 'new'), {}, { pageSize: 7 });
    const copy = await copyImage({
      source: await RegistryClient.forRegistry(spec(old), envFor(old), { readOnly: true }),
      sourceRepository: 'team/api',
      reference: '1.0.0',
      target,
      targetRepository: 'many/tags',
    });
    const manifest = await target.getManifest('many/tags', copy.digest);
    const names = Array.from({ length: 300 }, (_, i) => `t${String(i).padStart(4, '0')}`);
    for (let i = 0; i < names.length; i += 50) {
      await Promise.all(names.slice(i, i + 50).map((tag) => target.putManifest('many/tags', tag, manifest)));
    }
    expect(new Set(await target.listTags('many/tags'))).toEqual(new Set([...names, '1.0.0']));
    expect((await skopeo.tags(next, 'many/tags')).length).toBe(301);
    // docker-registry 2.8 pages its catalog (not yet its tags): 20 repositories in pages of 7.
    const session = new CopySession();
    const source = await RegistryClient.forRegistry(spec(old), envFor(old), { readOnly: true });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        copyImage(
          {
            source,
            sourceRepository: 'team/api',
            reference: '1.0.0',
            target,
            targetRepository: `paged/r${i}`,
          },
          { session },
        ),
      ),
    );
    const before = target.stats.requests;
    const repositories = await target.listRepositories();
    const pages = target.stats.requests - before;
    expect(repositories.filter((name) => name.startsWith('paged/')).length).toBe(20);
    expect(new Set(repositories).size).toBe(repositories.length);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(repositories.length / 7));
    expect(pages).toBeLessThanOrEqual(Math.ceil(repositories.length / 7) + 1);
    // Twenty concurrent copies of one image: each blob uploaded once, mounted 19 times.
    expect(session.blobsUploaded).toBe(3);
    expect(session.blobsMounted).toBe(57);
  }, 180_000);

  test('copyImage: single image copied with its digest, re-run skipped, conflict kept unless --overwrite', async () => {
    const source = await RegistryClient.forRegistry(spec(old), envFor(old), { readOnly: true });
    const target = await RegistryClient.forRegistry(spec(next, 'new'), {});
    const request = {
      source,
      sourceRepository: 'team/api',
      reference: '1.0.0',
      target,
      targetRepository: 'api',
    };
    const first = await copyImage(request);
    expect(first).toMatchObject({ action: 'copied', digest: single, blobsUploaded: 3, manifestsPut: 1 });
    expect(first.bytesUploaded).toBeGreaterThan(350_000);
    expect(await skopeo.digest(next, 'api:1.0.0')).toBe(single);

    const before = { source: source.stats.requests, target: target.stats.requests };
    const again = await copyImage(request);
    expect(again).toMatchObject({ action: 'skipped', digest: single, bytesUploaded: 0 });
    expect(target.stats.requests - before.target).toBe(1); // one HEAD
    expect(source.stats.requests - before.source).toBe(1);

    // A different image already under the tag: a conflict, untouched.
    const other = await seedImage(next, 'api:2.0.0', { layers: [{ seed: 'other', size: 1000 }] });
    const conflict = await copyImage({ ...request, targetReference: '2.0.0' });
    expect(conflict).toMatchObject({ action: 'conflict', digest: single, existingDigest: other });
    expect(await skopeo.digest(next, 'api:2.0.0')).toBe(other);
    const overwritten = await copyImage({ ...request, targetReference: '2.0.0' }, { overwrite: true });
    expect(overwritten.action).toBe('copied');
    expect(await skopeo.digest(next, 'api:2.0.0')).toBe(single);
  });

  test('copyImage: a multi-arch index is copied whole, children by digest, blobs mounted across repositories', async () => {
    const source = await RegistryClient.forRegistry(spec(old), envFor(old), { readOnly: true });
    const target = await RegistryClient.forRegistry(spec(next, 'new'), {});
    const session = new CopySession();
    const first = await copyImage(
      { source, sourceRepository: 'base/multi', reference: '2.0', target, targetRepository: 'base/multi' },
      { session },
    );
    expect(first).toMatchObject({ action: 'copied', digest: multi, manifestsPut: 3, blobsUploaded: 4 });
    expect(await skopeo.digest(next, 'base/multi:2.0')).toBe(multi);
    const index = (await skopeo.manifest(next, 'base/multi:2.0')) as { manifests: { digest: string }[] };
    for (const child of index.manifests) {
      expect(await skopeo.digest(next, `base/multi@${child.digest}`)).toBe(child.digest);
    }
    // Same content to another repository: every blob mounted, no byte uploaded.
    const second = await copyImage(
      { source, sourceRepository: 'base/multi', reference: '2.0', target, targetRepository: 'mirror/multi' },
      { session },
    );
    expect(second).toMatchObject({ action: 'copied', blobsMounted: 4, blobsUploaded: 0, bytesUploaded: 0 });
    expect(session.blobsUploaded).toBe(4);
    expect(await skopeo.digest(next, 'mirror/multi:2.0')).toBe(multi);
  });

  test('dry run writes nothing and counts deduplicated bytes', async () => {
    const source = await RegistryClient.forRegistry(spec(old), envFor(old), { readOnly: true });
    const target = await RegistryClient.forRegistry(spec(next, 'new'), {});
    const session = new CopySession();
    const plan = await copyImage(
      { source, sourceRepository: 'team/api', reference: '1.0.0', target, targetRepository: 'dry/api' },
      { dryRun: true, session },
    );
    const twice = await copyImage(
      { source, sourceRepository: 'team/api', reference: '1.0.0', target, targetRepository: 'dry/api2' },
      { dryRun: true, session },
    );
    expect(plan).toMatchObject({ action: 'copied', dryRun: true, manifestsPut: 0 });
    expect(plan.bytesUploaded).toBe(plan.size - (await source.getManifest('team/api', '1.0.0')).bytes.length);
    expect(twice.bytesUploaded).toBe(0);
    expect(twice.blobsMounted).toBe(3);
    expect(await skopeo.tags(next, 'dry/api')).toEqual([]);
  });

  test('chunked uploads (PATCH with Content-Range) keep the digest', async () => {
    const source = await RegistryClient.forRegistry(spec(old), envFor(old), { readOnly: true });
    const target = await RegistryClient.forRegistry(spec(next, 'new'), {}, { chunkSize: 64 * 1024 });
    const result = await copyImage({
      source,
      sourceRepository: 'team/api',
      reference: '1.0.0',
      target,
      targetRepository: 'chunked/api',
    });
    expect(result.action).toBe('copied');
    expect(await skopeo.digest(next, 'chunked/api:1.0.0')).toBe(single);
    const sizeOfLayer = await target.headBlob(
      'chunked/api',
      ((await skopeo.manifest(next, 'chunked/api:1.0.0')) as { layers: { digest: string }[] }).layers[0]!
        .digest,
    );
    expect(sizeOfLayer).toBeGreaterThan(64 * 1024);
  });

  test('a proxy refusing large bodies (413) makes the upload fall back to chunks', async () => {
    const big = await seedImage(old, 'team/big:1', { layers: [{ seed: 'big', size: 2_500_000 }] });
    const proxy = await startFaultyProxy(next, { seed: 3, maxRequestBytes: 1_048_576 });
    try {
      const source = await RegistryClient.forRegistry(spec(old), envFor(old), { readOnly: true });
      const target = new RegistryClient({ host: proxy.host, insecure: true });
      const result = await copyImage({
        source,
        sourceRepository: 'team/big',
        reference: '1',
        target,
        targetRepository: 'big',
      });
      expect(result.action).toBe('copied');
      expect(proxy.counts.tooLarge).toBe(1);
      expect(await skopeo.digest(next, 'big:1')).toBe(big);
    } finally {
      await proxy.stop();
    }
  });

  test('a missing source reference is a 404 RegistryError', async () => {
    const source = await RegistryClient.forRegistry(spec(old), envFor(old), { readOnly: true });
    const target = await RegistryClient.forRegistry(spec(next, 'new'), {});
    await expect(
      copyImage({
        source,
        sourceRepository: 'team/api',
        reference: 'missing',
        target,
        targetRepository: 'x',
      }),
    ).rejects.toBeInstanceOf(RegistryError);
  });
});

describe('protocol details', () => {
  test('challenges, scopes, Link and Retry-After are read the way registries write them', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a/b:pull,push repository:c:pull",error="insufficient_scope"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.example.com/token',
        service: 'registry.example.com',
        scope: 'repository:a/b:pull,push repository:c:pull',
        error: 'insufficient_scope',
      },
    });
    expect(mergeScopes(['repository:b:push'], ['repository:b:pull repository:a:pull'])).toEqual([
      'repository:a:pull',
      'repository:b:pull,push',
    ]);
    expect(nextLink('</v2/x/tags/list?last=t0999&n=1000>; rel="next"')).toBe(
      '/v2/x/tags/list?last=t0999&n=1000',
    );
    expect(nextLink('<https://a/b>; rel="prev", <https://a/c>; rel="next"')).toBe('https://a/c');
    expect(nextLink(null)).toBeUndefined();
    expect(withQuery('http://h/v2/r/blobs/uploads/u?_state=abc', 'digest', 'sha256:1')).toBe(
      'http://h/v2/r/blobs/uploads/u?_state=abc&digest=sha256%3A1',
    );
    expect(parseRetryAfter('3')).toBe(3000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    const policy = { retries: 5, baseMs: 100, maxDelayMs: 1000 };
    expect(retryDelay(0, policy, undefined, () => 0)).toBe(50);
    expect(retryDelay(3, policy, undefined, () => 1)).toBe(800);
    expect(retryDelay(9, policy, undefined, () => 1)).toBe(1000);
    expect(retryDelay(0, policy, parseRetryAfter('2'))).toBe(1000);
  });
});
