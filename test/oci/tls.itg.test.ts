import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../harness/cli.js';
import { writeManifest } from '../harness/manifest.js';
import { seedImage } from '../harness/images.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { skopeo } from '../harness/skopeo.js';
import { selfSignedCertificate } from '../harness/tls.js';

describe('HTTPS registries with a private CA', () => {
  let dir: string;
  let source: TestRegistry;
  let secure: TestRegistry;
  let digest: string;
  let certificate: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-tls-'));
    const made = selfSignedCertificate(dir, '/CN=127.0.0.1', 'IP:127.0.0.1');
    certificate = made.certificate;
    const key = made.key;
    [source, secure] = await Promise.all([startRegistry(), startRegistry({ tls: { certificate, key } })]);
    digest = await seedImage(source, 'app:1', { layers: [{ seed: 'tls', size: 5_000 }] });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([source?.stop(), secure?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('HTTPS is verified; NODE_EXTRA_CA_CERTS adds the private CA, as in Node', async () => {
    const manifest = writeManifest(dir, {
      old: source.host,
      new: { host: secure.host, insecure: false },
      timeline: { available: '2029-01-01', readOnly: '2030-01-01', shutdown: '2030-02-01' },
      copy: [{ images: ['app'] }],
    });
    const refused = await runCli(['copy-tags', '--manifest', manifest, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).failed[0].error).toMatch(
      /SELF_SIGNED|CERT.*add it with NODE_EXTRA_CA_CERTS/,
    );
    expect(await skopeo.tags(secure, 'app')).toEqual([]);

    const trusted = await runCli(['copy-tags', '--manifest', manifest, '--json'], {
      env: { NODE_EXTRA_CA_CERTS: certificate },
    });
    expect(trusted.code).toBe(0);
    expect(JSON.parse(trusted.stdout).copied).toHaveLength(1);
    expect(await skopeo.digest(secure, 'app:1')).toBe(digest);
  }, 60_000);
});
