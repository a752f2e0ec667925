import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../harness/cli.js';
import { seedImageHttp } from '../harness/http-seed.js';
import { PLATFORMS } from '../harness/images.js';
import { writeManifest } from '../harness/manifest.js';
import { crane, oras, regctl } from '../harness/peers.js';
import { startCountingProxy, type CountingProxy } from '../harness/proxies.js';
import { startReferrersRegistry } from '../harness/referrers-registry.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';

const READ_ONLY = '2020-10-15';
const SBOM_TYPE = 'application/spdx+json';
const SIGNATURE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

/** An SPDX document as syft writes one for a small Go service image. */
const SPDX = JSON.stringify({
  spdxVersion: 'SPDX-2.3',
  dataLicense: 'CC0-1.0',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'app/web',
  documentNamespace: 'https://anchore.com/syft/image/app-web-3c1f5a8e',
  creationInfo: { created: '2020-09-20T10:00:00Z', creators: ['Tool: syft-1.18.1'] },
  packages: [
    {
      name: 'golang.org/x/net',
      SPDXID: 'SPDXRef-Package-go-module-golang.org-x-net',
      versionInfo: 'v0.33.0',
      downloadLocation: 'NOASSERTION',
      externalRefs: [
        {
          referenceCategory: 'PACKAGE-MANAGER',
          referenceType: 'purl',
          referenceLocator: 'pkg:golang/golang.org/x/net@v0.33.0',
        },
      ],
    },
  ],
});

/** A Sigstore bundle as `cosign sign --new-bundle-format` attaches it (certificate and log entry cut short). */
const BUNDLE = JSON.stringify({
  mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  verificationMaterial: { publicKey: { hint: 'k8x2lQ0Yq1Uj6rE4vT1dB0aH5sW7mZ3c' }, tlogEntries: [] },
  messageSignature: {
    messageDigest: { algorithm: 'SHA2_256', digest: 'n2fCz0tW5q0cO1uZk6S3e8J2yA1mV7dQ4bX9pR0hT6g=' },
    signature:
      'MEYCIQCq3nV7w2b1kZ9Jt4xP0oL6sE5rD8cF1aH3gM2yU7iW0QIhAJ9tK5vB2nX8mZ1cQ4wE7rT0yU3iO6pA9sD2fG5hJ8kL',
  },
});

interface Seeded {
  digest: string;
  sbom: string;
  signature: string;
  cosign: string;
}

describe.each([
  ['the referrers API (a registry that serves it)', 'api', startReferrersRegistry],
  ['the tag schema (docker-registry, which answers 404 for the API)', 'tags', startRegistry],
] as const)('signatures and SBOMs through %s', (_, path_, start) => {
  let old: TestRegistry;
  let oldProxy: CountingProxy;
  let work: string;
  let seeded: Seeded;
  const fallbackTag = () => `sha256-${seeded.digest.slice('sha256:'.length)}`;

  beforeAll(async () => {
    old = await start();
    oldProxy = await startCountingProxy(old);
    work = mkdtempSync(path.join(os.tmpdir(), 'cutover-referrers-'));
    const digest = await seedImageHttp(old, 'app/web:1.0', {
      shared: [{ seed: 'web-base', size: 200_000 }],
      layers: [{ seed: 'web', size: 20_000 }],
      platforms: PLATFORMS.two,
    });
    // Attached as users do it: oras attach (OCI 1.1, subject), and cosign's legacy .sig tag.
    const sbom = await oras.attach(old, `app/web@${digest}`, SBOM_TYPE, {
      name: 'sbom.spdx.json',
      content: SPDX,
      mediaType: SBOM_TYPE,
    });
    const signature = await oras.attach(old, `app/web@${digest}`, SIGNATURE_TYPE, {
      name: 'signature.sigstore.json',
      content: BUNDLE,
      mediaType: SIGNATURE_TYPE,
    });
    const cosign = await oras.pushCosignSignature(old, 'app/web', digest);
    seeded = { digest, sbom, signature, cosign };
  }, 120_000);

  afterAll(async () => {
    await oldProxy?.stop();
    await old?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('oras kept the referrers where the registry keeps them: the API, or the sha256-<hex> fallback tag', async () => {
    const tags = await crane.tags(old, 'app/web');
    expect(tags.includes(fallbackTag())).toBe(path_ === 'tags');
    const discovered = await oras.discover(old, `app/web@${seeded.digest}`);
    expect(discovered.map((r) => r.digest).sort()).toEqual([seeded.sbom, seeded.signature].sort());
  });

  /** The old registry's requests that show which path found the referrers. */
  function referrerRequests(): string[] {
    return oldProxy
      .log()
      .filter((line) => line.includes('/referrers/') || line.includes(`/manifests/${fallbackTag()} `));
  }

  /** The referrers and the cosign tag arrived, readable by three independent clients. */
  async function expectCarried(target: TestRegistry): Promise<void> {
    const discovered = await oras.discover(target, `app/web@${seeded.digest}`);
    expect(discovered.map((r) => `${r.artifactType} ${r.digest}`).sort()).toEqual(
      [`${SBOM_TYPE} ${seeded.sbom}`, `${SIGNATURE_TYPE} ${seeded.signature}`].sort(),
    );
    const listed = await regctl.referrers(target, `app/web@${seeded.digest}`);
    expect(listed.map((r) => r.digest).sort()).toEqual([seeded.sbom, seeded.signature].sort());
    expect(await crane.digest(target, `app/web:${fallbackTag()}.sig`)).toBe(seeded.cosign);
    // The fallback tag exists on the target only when the source kept them that way.
    expect((await crane.tags(target, 'app/web')).includes(fallbackTag())).toBe(path_ === 'tags');
  }

  function expectPath(): void {
    const requests = referrerRequests();
    const api = `GET /v2/app/web/referrers/${seeded.digest}`;
    if (path_ === 'api') {
      expect(requests).toContain(`${api} 200`);
      expect(requests.filter((line) => line.includes(`/manifests/${fallbackTag()} `))).toEqual([]);
    } else {
      expect(requests).toContain(`${api} 404`);
      expect(
        requests.some(
          (line) => /^(GET|HEAD) /.test(line) && line.includes(`/manifests/${fallbackTag()} 200`),
        ),
      ).toBe(true);
    }
  }

  test("copy-tags carries them; the old registry's requests show the path taken", async () => {
    const target = await start();
    try {
      const manifest = writeManifest(
        work,
        { old: oldProxy.host, new: target.host, copy: [{ images: ['app/web'], tags: ['1.0'] }] },
        `copy-${path_}.yml`,
      );
      oldProxy.reset();
      const run = await runCli(['copy-tags', '--manifest', manifest, '--json', '--now', READ_ONLY]);
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.code).toBe(0);
      expect(await crane.digest(target, 'app/web:1.0')).toBe(seeded.digest);
      await expectCarried(target);
      expectPath();
    } finally {
      await target.stop();
    }
  }, 120_000);

  test("push --from carries them; the old registry's requests show the path taken", async () => {
    const target = await start();
    try {
      const manifest = writeManifest(work, { old: oldProxy.host, new: target.host }, `from-${path_}.yml`);
      oldProxy.reset();
      const run = await runCli([
        'push',
        '--manifest',
        manifest,
        '--from',
        `${oldProxy.host}/app/web@${seeded.digest}`,
        '--tag',
        '1.0',
        '--now',
        READ_ONLY,
      ]);
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.code).toBe(0);
      expect(await crane.digest(target, 'app/web:1.0')).toBe(seeded.digest);
      await expectCarried(target);
      expectPath();
    } finally {
      await target.stop();
    }
  }, 120_000);
});
