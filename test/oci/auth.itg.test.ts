import { createReadStream, existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { seedImage } from '../harness/images.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { skopeo } from '../harness/skopeo.js';
import { startTokenServer, type TokenServer } from '../harness/token-server.js';
import { RegistryClient } from '../../src/oci/client.js';
import { copyImage, CopySession } from '../../src/copy/copy.js';

const USER = { username: 'robot', password: 'token-flow-secret' };

describe('Bearer token flow against docker-registry with auth: token', () => {
  let tokens: TokenServer;
  let secured: TestRegistry;
  let plain: TestRegistry;
  let digest: string;
  beforeAll(async () => {
    tokens = await startTokenServer({ users: { [USER.username]: USER.password }, stingyFirstToken: true });
    [secured, plain] = await Promise.all([
      startRegistry({ token: tokens.config, auth: USER }),
      startRegistry(),
    ]);
    digest = await seedImage(plain, 'app/web:1.0', { layers: [{ seed: 'bearer', size: 70_000 }] });
  });
  afterAll(async () => {
    await Promise.all([secured?.stop(), plain?.stop()]);
    await tokens?.stop();
  });

  test('the registry challenges with realm and service; the client fetches, caches and widens tokens', async () => {
    const challenge = await fetch(`${secured.url}/v2/`);
    expect(challenge.status).toBe(401);
    expect(challenge.headers.get('www-authenticate')).toContain(`realm="${tokens.config.realm}"`);

    const source = new RegistryClient({ host: plain.host, insecure: true, options: { readOnly: true } });
    const target = new RegistryClient({
      host: secured.host,
      insecure: true,
      credentials: { kind: 'basic', ...USER, source: 'test' },
    });
    const session = new CopySession();
    const first = await copyImage(
      { source, sourceRepository: 'app/web', reference: '1.0', target, targetRepository: 'app/web' },
      { session },
    );
    expect(first).toMatchObject({ action: 'copied', digest });
    // A mount names two repositories: one token request with both scopes, repeated.
    const mounted = await copyImage(
      { source, sourceRepository: 'app/web', reference: '1.0', target, targetRepository: 'mirror/web' },
      { session },
    );
    expect(mounted).toMatchObject({ action: 'copied', blobsMounted: 2, bytesUploaded: 0 });
    expect(tokens.requests).toContainEqual({
      account: USER.username,
      scopes: ['repository:app/web:pull', 'repository:mirror/web:pull,push'],
      authorised: true,
    });
    // The first push token lacked push: the registry said insufficient_scope and the client asked again.
    const pushScopes = tokens.requests.filter((r) => r.scopes.join(' ') === 'repository:app/web:pull,push');
    expect(pushScopes.length).toBe(2);
    // Tokens are cached per scope set: a re-run of both copies fetches none, and there are far
    // fewer token requests than registry requests.
    const fetched = target.stats.tokensFetched;
    for (const targetRepository of ['app/web', 'mirror/web'])
      expect(
        await copyImage(
          { source, sourceRepository: 'app/web', reference: '1.0', target, targetRepository },
          { session },
        ),
      ).toMatchObject({ action: 'skipped' });
    expect(target.stats.tokensFetched).toBe(fetched);
    expect(target.stats.tokensFetched).toBeLessThanOrEqual(8);
    expect(target.stats.requests).toBeGreaterThan(target.stats.tokensFetched * 2);

    expect(await skopeo.digest(secured, 'app/web:1.0')).toBe(digest);
    expect(await skopeo.digest(secured, 'mirror/web:1.0')).toBe(digest);
    const reader = await RegistryClient.forRegistry(
      {
        role: 'new',
        host: secured.host,
        aliases: [],
        insecure: true,
        credentials: { usernameEnv: 'U', passwordEnv: 'P' },
      },
      { U: USER.username, P: USER.password },
    );
    expect(await reader.listTags('mirror/web')).toEqual(['1.0']);
  });

  test('wrong credentials: the token service refuses, and the error says so without the secret', async () => {
    const client = new RegistryClient({
      host: secured.host,
      insecure: true,
      credentials: {
        kind: 'basic',
        username: USER.username,
        password: 'not-the-password',
        source: 'env X/Y',
      },
    });
    const error = await client.listTags('app/web').catch((e: Error) => e);
    expect(String(error)).toMatch(
      /token service 127\.0\.0\.1:\d+ refused repository:app\/web:pull .*HTTP 401, credentials from env X\/Y/,
    );
  });
});

describe('redirects', () => {
  let blobHost: http.Server;
  let registry: TestRegistry;
  const seen: { path: string; authorization?: string }[] = [];
  beforeAll(async () => {
    // A second host serving the registry's storage, as a CDN would behind distribution's redirect middleware.
    let storage = '';
    blobHost = http.createServer((request, response) => {
      seen.push({
        path: request.url ?? '',
        ...(request.headers.authorization && { authorization: request.headers.authorization }),
      });
      const file = path.join(storage, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
      if (!file.startsWith(storage) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      createReadStream(file).pipe(response);
    });
    await new Promise<void>((resolve) => blobHost.listen(0, '127.0.0.1', resolve));
    const port = (blobHost.address() as AddressInfo).port;
    registry = await startRegistry({
      auth: { username: 'reader', password: 'redirect-secret' },
      redirectBlobsTo: `http://127.0.0.1:${port}/`,
    });
    storage = path.join(registry.dir, 'data');
  });
  afterAll(async () => {
    await registry?.stop();
    await new Promise<void>((resolve) => blobHost.close(() => resolve()));
  });

  test('blob downloads follow a redirect to another host without the Authorization header', async () => {
    const digest = await seedImage(registry, 'cdn/app:1', { layers: [{ seed: 'cdn', size: 40_000 }] });
    const target = await startRegistry();
    try {
      const source = new RegistryClient({
        host: registry.host,
        insecure: true,
        credentials: { kind: 'basic', username: 'reader', password: 'redirect-secret', source: 'test' },
        options: { readOnly: true },
      });
      const client = new RegistryClient({ host: target.host, insecure: true });
      const result = await copyImage({
        source,
        sourceRepository: 'cdn/app',
        reference: '1',
        target: client,
        targetRepository: 'app',
      });
      expect(result.action).toBe('copied');
      expect(await skopeo.digest(target, 'app:1')).toBe(digest);
      expect(seen.filter((r) => r.path.includes('/blobs/sha256/')).length).toBeGreaterThanOrEqual(2);
      expect(seen.filter((r) => r.authorization !== undefined)).toEqual([]);
    } finally {
      await target.stop();
    }
  });
});
