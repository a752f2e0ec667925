import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runnerFiles } from '../harness/actions-env.js';
import { runAction, runCli } from '../harness/cli.js';
import { PLATFORMS, type ImageSpec } from '../harness/images.js';
import { seedImageHttp } from '../harness/http-seed.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';

const DUAL = '2030-03-15';

describe('cutover verify: every reference `tags` produced, one digest everywhere', () => {
  let oldRegistry: TestRegistry;
  let newRegistry: TestRegistry;
  let work: string;
  let manifest: string;

  beforeAll(async () => {
    [oldRegistry, newRegistry] = await Promise.all([startRegistry(), startRegistry()]);
    work = mkdtempSync(path.join(os.tmpdir(), 'cutover-verify-'));
    manifest = path.join(work, 'cutover.yml');
    writeFileSync(
      manifest,
      [
        'version: 1',
        'registries:',
        '  old:',
        `    host: "${oldRegistry.host}"`,
        '    read-only: 2030-04-01',
        '    shutdown: 2030-05-01',
        '  new:',
        `    host: "${newRegistry.host}"`,
        '    available: 2030-03-01',
        'paths:',
        "  - { from: 'legacy/*', to: 'moved/*' }",
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await Promise.all([oldRegistry?.stop(), newRegistry?.stop()]);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** What build-push-action does with `tags:` = cutover tags' output: the same image to every reference. */
  async function pushEverywhere(references: string[], spec: ImageSpec): Promise<string> {
    const digests = new Set<string>();
    for (const reference of references) {
      const registry = reference.startsWith(`${oldRegistry.host}/`) ? oldRegistry : newRegistry;
      digests.add(await seedImageHttp(registry, reference.slice(registry.host.length + 1), spec));
    }
    expect(digests.size).toBe(1);
    return [...digests][0]!;
  }

  test('passes after a multi-platform push (attestations counted apart from platforms), then fails once a tag is re-pointed in one registry', async () => {
    const runner = runnerFiles();
    const tags = await runAction(['tags'], {
      env: {
        ...runner.env,
        INPUT_MANIFEST: manifest,
        INPUT_TAGS: 'legacy/web:1.4\nlegacy/web:latest',
        INPUT_NOW: DUAL,
      },
    });
    expect(tags.code).toBe(0);
    const references = runner.outputs()['tags']!;
    expect(references.split('\n')).toHaveLength(4);
    const spec: ImageSpec = {
      shared: [{ seed: 'web-base', size: 100_000 }],
      layers: [{ seed: 'web', size: 10_000 }],
      platforms: PLATFORMS.four,
      attestations: true,
    };
    const digest = await pushEverywhere(references.split('\n'), spec);

    const verifier = runnerFiles();
    const ok = await runAction(['verify'], {
      env: {
        ...verifier.env,
        INPUT_MANIFEST: manifest,
        INPUT_TAGS: references,
        INPUT_DIGEST: digest,
        INPUT_NOW: DUAL,
      },
    });
    expect(ok.stdout).not.toContain('::error');
    expect(ok.code).toBe(0);
    expect(verifier.outputs()['digest']).toBe(digest);
    const result = JSON.parse(verifier.outputs()['json']!);
    expect(result.ok).toBe(true);
    expect(result.references).toHaveLength(4);
    for (const reference of result.references) {
      expect(reference.digest).toBe(digest);
      expect(reference.platforms).toEqual(['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/s390x']);
      expect(reference.attestations).toBe(4);
      expect(reference.missingChildren).toEqual([]);
    }
    expect(verifier.summary()).toContain(
      '4 platforms (linux/amd64, linux/arm64, linux/arm/v7, linux/s390x) + 4 attestation manifests',
    );
    expect(verifier.summary()).not.toContain('unknown/unknown');

    // Someone re-points one tag in the new registry only.
    const other = await seedImageHttp(newRegistry, 'moved/web:latest', {
      ...spec,
      layers: [{ seed: 'web-hotfix', size: 10_000 }],
    });
    const differs = await runCli([
      'verify',
      '--manifest',
      manifest,
      '--now',
      DUAL,
      '--json',
      ...references.split('\n').flatMap((r) => ['--tags', r]),
    ]);
    expect(differs.code).toBe(1);
    const failed = JSON.parse(differs.stdout);
    expect(failed.ok).toBe(false);
    expect(failed.problems).toEqual([
      expect.objectContaining({ reference: `${newRegistry.host}/moved/web:latest`, kind: 'differs' }),
    ]);
    expect(differs.stderr).toContain(`${newRegistry.host}/moved/web:latest is ${other}, expected ${digest}`);
    expect(differs.stderr).toContain(
      `cutover push --from ${newRegistry.host}/moved/web@${digest} --tag <tag>`,
    );
  });

  test('an index whose child (an attestation manifest) is gone from one registry fails, naming the child', async () => {
    const spec: ImageSpec = {
      layers: [{ seed: 'parts', size: 5_000 }],
      platforms: PLATFORMS.two,
      attestations: true,
    };
    const digest = await pushEverywhere(
      [`${oldRegistry.host}/legacy/parts:1`, `${newRegistry.host}/moved/parts:1`],
      spec,
    );
    const index = (await (
      await fetch(`${newRegistry.url}/v2/moved/parts/manifests/${digest}`, {
        headers: { accept: 'application/vnd.oci.image.index.v1+json' },
      })
    ).json()) as { manifests: { digest: string; annotations?: Record<string, string> }[] };
    const attestation = index.manifests.find(
      (child) => child.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest',
    )!;
    // The registry (storage delete enabled) lets a child go while the index stays: what a bad cleanup leaves.
    const deleted = await fetch(`${newRegistry.url}/v2/moved/parts/manifests/${attestation.digest}`, {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(202);
    const run = await runCli([
      'verify',
      '--manifest',
      manifest,
      '--now',
      DUAL,
      '--tags',
      'legacy/parts:1',
      '--json',
    ]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.problems).toEqual([
      expect.objectContaining({ reference: `${newRegistry.host}/moved/parts:1`, kind: 'missing-child' }),
    ]);
    expect(run.stderr).toContain(
      `the registry lacks the index's child ${attestation.digest} (unknown/unknown)`,
    );
  });

  test('a missing tag fails with what to do; without references from tags, lines are planned for today', async () => {
    const digest = await seedImageHttp(oldRegistry, 'legacy/solo:2', {
      layers: [{ seed: 'solo', size: 5_000 }],
    });
    const run = await runCli(['verify', '--manifest', manifest, '--now', DUAL, '--tags', 'legacy/solo:2']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${newRegistry.host}/moved/solo:2 does not exist (expected ${digest})`);
    expect(run.stderr).toContain('push again, or copy the right image where it is wrong');
    // On a day the old registry is no target, only the new registry is checked.
    await seedImageHttp(newRegistry, 'moved/solo:2', { layers: [{ seed: 'solo', size: 5_000 }] });
    const later = await runCli([
      'verify',
      '--manifest',
      manifest,
      '--now',
      '2030-04-02',
      '--tags',
      'legacy/solo:2',
      '--digest',
      digest,
    ]);
    expect(later.code).toBe(0);
    expect(later.stderr).toContain(`${newRegistry.host}/moved/solo:2: ${digest}, single image`);
    expect(later.stderr).not.toContain(oldRegistry.host);
  });
});
