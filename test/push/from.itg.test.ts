import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runActionStep } from '../harness/actions-env.js';
import { runCli } from '../harness/cli.js';
import { PLATFORMS } from '../harness/images.js';
import { startCountingProxy } from '../harness/proxies.js';
import { seedImageHttp } from '../harness/http-seed.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { skopeo } from '../harness/skopeo.js';

const DAYS = { dual: '2030-03-15', newOnly: '2030-04-05' };
const OLD_AUTH = { username: 'ci-old', password: 'old-Secret-4711' };
const NEW_AUTH = { username: 'ci-new', password: 'new-Secret-0815' };
const ATTESTATION = 'attestation-manifest';

function manifestText(oldHost: string, newHost: string): string {
  return [
    'version: 1',
    'registries:',
    '  old:',
    `    host: "${oldHost}"`,
    '    read-only: 2030-04-01',
    '    shutdown: 2030-05-01',
    '    credentials: { username-env: OLD_USER, password-env: OLD_PASSWORD }',
    '  new:',
    `    host: "${newHost}"`,
    '    available: 2030-03-01',
    '    credentials: { username-env: NEW_USER, password-env: NEW_PASSWORD }',
    'paths:',
    "  - { from: 'legacy/*', to: 'moved/*' }",
    '',
  ].join('\n');
}

interface IndexDocument {
  mediaType: string;
  manifests: {
    digest: string;
    mediaType: string;
    platform: { os: string; architecture: string };
    annotations?: Record<string, string>;
  }[];
}

describe('push --from: an image already in a registry, copied by digest (no engine)', () => {
  let oldRegistry: TestRegistry;
  let newRegistry: TestRegistry;
  let work: string;
  let manifest: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    [oldRegistry, newRegistry] = await Promise.all([
      startRegistry({ auth: OLD_AUTH }),
      startRegistry({ auth: NEW_AUTH }),
    ]);
    work = mkdtempSync(path.join(os.tmpdir(), 'cutover-from-'));
    manifest = path.join(work, 'cutover.yml');
    writeFileSync(manifest, manifestText(oldRegistry.host, newRegistry.host));
    mkdirSync(path.join(work, 'docker-config'));
    env = {
      OLD_USER: OLD_AUTH.username,
      OLD_PASSWORD: OLD_AUTH.password,
      NEW_USER: NEW_AUTH.username,
      NEW_PASSWORD: NEW_AUTH.password,
      // No engine anywhere: a push that tried to use one would fail.
      DOCKER_HOST: 'unix:///nonexistent/docker.sock',
      DOCKER_CONFIG: path.join(work, 'docker-config'),
    };
  });

  afterAll(async () => {
    await Promise.all([oldRegistry?.stop(), newRegistry?.stop()]);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** `push --manifest <the manifest> --from <from>`, then `args`, with the registries' credentials. */
  function pushFrom(from: string, ...args: string[]) {
    return runCli(['push', '--manifest', manifest, '--from', from, ...args], { env });
  }

  /** skopeo's view: the index bytes' digest, and every child's (platforms and attestations) by digest. */
  async function expectSameImage(repository: string, reference: string, digest: string, children: number) {
    expect(await skopeo.digest(newRegistry, `${repository}:${reference}`)).toBe(digest);
    const index = (await skopeo.manifest(newRegistry, `${repository}@${digest}`)) as unknown as IndexDocument;
    expect(index.manifests).toHaveLength(children);
    for (const child of index.manifests)
      expect(await skopeo.digest(newRegistry, `${repository}@${child.digest}`)).toBe(child.digest);
    return index;
  }

  test('dual window: a 4-platform OCI index with attestations and a cosign signature, old → new, tags last', async () => {
    const digest = await seedImageHttp(oldRegistry, 'legacy/app:build', {
      shared: [{ seed: 'app-base', size: 300_000 }],
      layers: [{ seed: 'app-code', size: 50_000 }],
      platforms: PLATFORMS.four,
      attestations: true,
    });
    const signature = `sha256-${digest.slice(7)}.sig`;
    const signatureDigest = await seedImageHttp(oldRegistry, `legacy/app:${signature}`, {
      layers: [{ seed: `signature of ${digest}`, size: 500 }],
    });
    // docker-registry 2.8 serves no referrers API: OCI 1.1's fallback tag (sha256-<hex>) stands in.
    const referrers = `sha256-${digest.slice(7)}`;
    const referrersDigest = await seedImageHttp(oldRegistry, `legacy/app:${referrers}`, {
      layers: [{ seed: `referrers of ${digest}`, size: 300 }],
    });
    const run = await pushFrom(
      `${oldRegistry.host}/legacy/app@${digest}`,
      '--tag',
      '1.0',
      '--tag',
      '1',
      '--now',
      DAYS.dual,
      '--json',
    );
    expect(run.code === 0 ? 'exit 0' : run.stderr).toBe('exit 0');
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ mode: 'from', digest, verified: true, attestations: 4 });
    expect(result.platforms).toEqual(['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/s390x']);
    expect(result.pushed).toEqual([
      `${oldRegistry.host}/legacy/app:1.0`,
      `${oldRegistry.host}/legacy/app:1`,
      `${newRegistry.host}/moved/app:1.0`,
      `${newRegistry.host}/moved/app:1`,
    ]);
    const index = await expectSameImage('moved/app', '1.0', digest, 8);
    expect(
      index.manifests.filter((child) => child.annotations?.['vnd.docker.reference.type'] === ATTESTATION),
    ).toHaveLength(4);
    expect(await skopeo.digest(newRegistry, 'moved/app:1')).toBe(digest);
    expect(await skopeo.digest(newRegistry, `moved/app:${signature}`)).toBe(signatureDigest);
    // The old registry is a target in the dual window: its tags point at the same digest.
    expect(await skopeo.digest(oldRegistry, 'legacy/app:1.0')).toBe(digest);
    expect(await skopeo.digest(newRegistry, `moved/app:${referrers}`)).toBe(referrersDigest);
    expect(result.artifacts).toEqual([`legacy/app:${referrers}`, `legacy/app:${signature}`]);
    expect(run.stderr).toContain(
      '4 platforms, 4 attestation manifests) and 2 signatures/attestations/referrers',
    );

    // Again: nothing left to upload, same result.
    const again = await pushFrom(
      `${oldRegistry.host}/legacy/app@${digest}`,
      '--tag',
      '1.0',
      '--now',
      DAYS.dual,
      '--json',
    );
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ digest, bytesUploaded: 0 });
  });

  test("round trips: the image's manifest is read once; each tag is one PUT, verified by the registry's answer naming the digest", async () => {
    const digest = await seedImageHttp(oldRegistry, 'legacy/counted:build', {
      layers: [{ seed: 'counted-code', size: 20_000 }],
      platforms: PLATFORMS.two,
      attestations: true,
    });
    const [oldProxy, newProxy] = await Promise.all([
      startCountingProxy(oldRegistry),
      startCountingProxy(newRegistry),
    ]);
    try {
      const counted = path.join(work, 'counted.yml');
      writeFileSync(counted, manifestText(oldProxy.host, newProxy.host));
      const run = await runCli(
        [
          'push',
          '--manifest',
          counted,
          '--from',
          `${oldProxy.host}/legacy/counted@${digest}`,
          '--tag',
          '2.0',
          '--tag',
          '2',
          '--now',
          DAYS.newOnly,
          '--json',
        ],
        { env },
      );
      expect(run.code === 0 ? 'exit 0' : run.stderr).toBe('exit 0');
      expect(JSON.parse(run.stdout)).toMatchObject({ mode: 'from', digest, verified: true });
      // Answers other than the 401 challenges (each client's first request to a registry).
      const answered = (proxy: { log(): string[] }, path: string) =>
        proxy.log().filter((entry) => entry.includes(` ${path} `) && !entry.endsWith(' 401'));
      const top = `/v2/legacy/counted/manifests/${digest}`;
      expect(answered(oldProxy, top)).toEqual([`GET ${top} 200`]);
      for (const tag of ['2.0', '2'])
        expect(answered(newProxy, `/v2/moved/counted/manifests/${tag}`)).toEqual([
          `PUT /v2/moved/counted/manifests/${tag} 201`,
        ]);
      // skopeo, not cutover, says where the tags point.
      for (const tag of ['2.0', '2'])
        expect(await skopeo.digest(newRegistry, `moved/counted:${tag}`)).toBe(digest);
    } finally {
      await Promise.all([oldProxy.stop(), newProxy.stop()]);
    }
  });

  test('read-only day: a 2-platform Docker manifest list goes to the new registry only; the old one (read-only) is only read', async () => {
    const digest = await seedImageHttp(oldRegistry, 'legacy/lib:build', {
      shared: [{ seed: 'lib-base', size: 200_000 }],
      layers: [{ seed: 'lib-code', size: 20_000 }],
      platforms: PLATFORMS.two,
      attestations: true,
      mediaTypes: 'docker',
    });
    await oldRegistry.setReadOnly(true);
    try {
      const { run, runner } = await runActionStep('push', {
        ...env,
        INPUT_MANIFEST: manifest,
        INPUT_FROM: `${oldRegistry.host}/legacy/lib:build@${digest}`,
        INPUT_TAG: '2.0',
        INPUT_NOW: DAYS.newOnly,
      });
      expect(run.stdout).not.toContain('::error');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        `not pushing to ${oldRegistry.host}: the old registry is read-only since 2030-04-01`,
      );
      const outputs = runner.outputs();
      expect(outputs['digest']).toBe(digest);
      expect(outputs['pushed']).toBe(`${newRegistry.host}/moved/lib:2.0`);
      const index = await expectSameImage('moved/lib', '2.0', digest, 4);
      expect(index.mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json');
      expect(await skopeo.tags(oldRegistry, 'legacy/lib')).toEqual(['build']);
    } finally {
      await oldRegistry.setReadOnly(false);
    }
  });

  test('from the new registry (with --repository, its old path) back to the old one in the dual window', async () => {
    const digest = await seedImageHttp(newRegistry, 'moved/svc:ci', {
      layers: [{ seed: 'svc', size: 30_000 }],
      platforms: PLATFORMS.two,
      attestations: true,
    });
    const without = await pushFrom(`${newRegistry.host}/moved/svc@${digest}`, '--now', DAYS.dual);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain(
      "--from names the new registry: give the image's path in the old registry with --repository",
    );
    const run = await pushFrom(
      `${newRegistry.host}/moved/svc:ci@${digest}`,
      '--repository',
      'legacy/svc',
      '--now',
      DAYS.dual,
      '--json',
    );
    expect(run.code === 0 ? 'exit 0' : run.stderr).toBe('exit 0');
    // The tag in --from is the default tag; the new registry only gets the tag, the old one the image.
    expect(JSON.parse(run.stdout).pushed).toEqual([
      `${oldRegistry.host}/legacy/svc:ci`,
      `${newRegistry.host}/moved/svc:ci`,
    ]);
    expect(await skopeo.digest(oldRegistry, 'legacy/svc:ci')).toBe(digest);
    const index = (await skopeo.manifest(oldRegistry, `legacy/svc@${digest}`)) as unknown as IndexDocument;
    for (const child of index.manifests)
      expect(await skopeo.digest(oldRegistry, `legacy/svc@${child.digest}`)).toBe(child.digest);
  });

  test('bad --from exits 2 with what was expected', async () => {
    const noDigest = await pushFrom(`${oldRegistry.host}/legacy/app:1.0`, '--now', DAYS.dual);
    expect(noDigest.code).toBe(2);
    expect(noDigest.stderr).toContain('--from: expected host/repository@sha256:<64 hex>');
    const foreign = await pushFrom(`ghcr.io/x/app@sha256:${'a'.repeat(64)}`, '--now', DAYS.dual);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain(`in ${oldRegistry.host} or ${newRegistry.host}`);
    const both = await runCli(
      [
        'push',
        '--manifest',
        manifest,
        '--image',
        'x:1',
        '--from',
        `${oldRegistry.host}/legacy/app@sha256:${'a'.repeat(64)}`,
      ],
      { env },
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give --image or --from, not both');
  });
});
