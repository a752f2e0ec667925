import { startDockerd, type TestDockerd } from './dockerd.js';
import { seedImage } from './images.js';
import { startRegistry, type TestRegistry } from './registry.js';
import { skopeo } from './skopeo.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

describe('the test harness talks to real servers', () => {
  let open: TestRegistry;
  let locked: TestRegistry;
  let dockerd: TestDockerd;
  beforeAll(async () => {
    [open, locked, dockerd] = await Promise.all([
      startRegistry(),
      startRegistry({ auth: { username: 'ci', password: 'harness-pass' } }),
      startDockerd(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([open?.stop(), locked?.stop(), dockerd?.stop()]);
  });

  test('a registry without auth answers /v2/; one with htpasswd demands Basic credentials', async () => {
    expect((await fetch(`${open.url}/v2/`)).status).toBe(200);
    const anonymous = await fetch(`${locked.url}/v2/`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm="cutover-test"/);
    const authorised = await fetch(`${locked.url}/v2/`, {
      headers: { authorization: `Basic ${Buffer.from('ci:harness-pass').toString('base64')}` },
    });
    expect(authorised.status).toBe(200);
  });

  test('seeded single and multi-arch images are witnessed by skopeo with their digests', async () => {
    const single = await seedImage(locked, 'base/jdk:1.0.0', { layers: [{ seed: 'base', size: 4096 }] });
    const multi = await seedImage(open, 'base/multi:2.0', {
      layers: [{ seed: 'm', size: 2048 }],
      platforms: [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm64' },
      ],
    });
    expect(await skopeo.digest(locked, 'base/jdk:1.0.0')).toBe(single);
    expect(await skopeo.digest(open, 'base/multi:2.0')).toBe(multi);
    expect((await skopeo.manifest(open, 'base/multi:2.0'))['manifests']).toHaveLength(2);
    expect(await skopeo.tags(locked, 'base/jdk')).toEqual(['1.0.0']);
    expect(await skopeo.digest(open, 'base/jdk:nope')).toBeUndefined();
  });

  test('read-only mode refuses pushes and keeps serving pulls', async () => {
    const registry = await startRegistry();
    try {
      await seedImage(registry, 'app:1', { layers: [{ seed: 'ro', size: 1024 }] });
      await registry.setReadOnly(true);
      await expect(seedImage(registry, 'app:2', { layers: [{ seed: 'ro2', size: 1024 }] })).rejects.toThrow();
      expect(await skopeo.tags(registry, 'app')).toEqual(['1']);
    } finally {
      await registry.stop();
    }
  });

  test('dockerd imports a tarball and pushes it to a loopback registry', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-import-'));
    writeFileSync(path.join(dir, 'hello.txt'), 'hello from the harness\n');
    const tarball = path.join(dir, 'rootfs.tar');
    execFileSync('tar', ['-C', dir, '-cf', tarball, 'hello.txt']);
    const reference = `${open.host}/harness/hello:1`;
    await dockerd.docker(['import', tarball, reference]);
    await dockerd.docker(['push', reference]);
    const pushed = await dockerd.docker(['inspect', '--format', '{{index .RepoDigests 0}}', reference]);
    expect(await skopeo.digest(open, 'harness/hello:1')).toBe(pushed.split('@')[1]);
  });
});
