import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { runnerFiles } from '../harness/actions-env.js';
import {
  buildAndPush,
  pushSbomScanner,
  scratchContext,
  startBuildkitd,
  type Buildkit,
} from '../harness/buildkit.js';
import { ROOT, runAction, runCli } from '../harness/cli.js';
import { writeManifest } from '../harness/manifest.js';
import { crane, regctl } from '../harness/peers.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { skopeo } from '../harness/skopeo.js';
import { requireTool } from '../harness/tools.js';

const run = promisify(execFile);
const DUAL = '2020-09-15';
const READ_ONLY = '2020-10-15';
const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const INDEX = 'application/vnd.oci.image.index.v1+json';

interface Index {
  mediaType: string;
  manifests: {
    digest: string;
    mediaType: string;
    platform?: { os: string; architecture: string };
    annotations?: Record<string, string>;
  }[];
}

/** The reusable workflow's `image` job, as committed. */
function imageJob(): { name?: string; uses?: string; run?: string; with?: Record<string, string> }[] {
  const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/cutover.yml'), 'utf8')) as {
    jobs: {
      image: { steps: { name?: string; uses?: string; run?: string; with?: Record<string, string> }[] };
    };
  };
  return workflow.jobs.image.steps;
}

/** The platform manifests and BuildKit's attestation manifests (one per platform) of an index. */
function partsOf(index: Index) {
  const attestations = index.manifests.filter(
    (m) => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest',
  );
  const platforms = index.manifests.filter((m) => !attestations.includes(m));
  return { platforms, attestations };
}

describe("the reusable workflow's buildx job on a real BuildKit, then push --from and copy-tags of what it built", () => {
  let oldRegistry: TestRegistry;
  let newRegistry: TestRegistry;
  let buildkit: Buildkit;
  let work: string;
  let manifest: string;
  let digest: string;
  let references: string[];
  let scanner: string;

  beforeAll(async () => {
    requireTool('jq');
    [oldRegistry, newRegistry] = await Promise.all([startRegistry(), startRegistry()]);
    buildkit = await startBuildkitd([oldRegistry.host, newRegistry.host]);
    work = mkdtempSync(path.join(os.tmpdir(), 'cutover-buildx-'));
    manifest = writeManifest(work, { old: oldRegistry.host, new: newRegistry.host });
    // The SBOM generator BuildKit runs (the usual one is pulled from Docker Hub, out of reach here).
    scanner = await pushSbomScanner(buildkit, oldRegistry.host);
  }, 300_000);

  afterAll(async () => {
    await buildkit?.stop();
    await Promise.all([oldRegistry?.stop(), newRegistry?.stop()]);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('tags → log in → build-push (two platforms, provenance and SBOM attestations) → verify: one digest in both registries, witnessed by skopeo, crane and regctl', async () => {
    const steps = imageJob();
    const step = (name: string) => steps.find((s) => s.name === name)!;
    // The steps this test stands in for, in the workflow's order.
    expect(steps.map((s) => s.name ?? s.uses)).toEqual(
      expect.arrayContaining([
        'tags',
        "log in to today's registries",
        'build (push except on pull requests)',
        'verify',
      ]),
    );
    expect(step('build (push except on pull requests)').with?.['tags']).toBe(
      '${{ steps.targets.outputs.tags }}',
    );
    expect(step('verify').with?.['digest']).toBe('${{ steps.build.outputs.digest }}');

    // tags: docker/metadata-action's output for a push to main, as the step passes it.
    const tagsRunner = runnerFiles();
    const tags = await runAction(['tags'], {
      env: {
        ...tagsRunner.env,
        INPUT_MANIFEST: manifest,
        INPUT_NOW: DUAL,
        INPUT_REPOSITORY: 'team/api',
        INPUT_TAGS: 'team/api:main\nteam/api:sha-4f1c2e9',
      },
    });
    expect(tags.code).toBe(0);
    references = tagsRunner.outputs()['tags']!.split('\n');
    expect(references.sort()).toEqual(
      [
        `${oldRegistry.host}/team/api:main`,
        `${oldRegistry.host}/team/api:sha-4f1c2e9`,
        `${newRegistry.host}/team/api:main`,
        `${newRegistry.host}/team/api:sha-4f1c2e9`,
      ].sort(),
    );

    // log in: the step's own script over the tags step's JSON, run as the runner runs `run:` steps
    // (bash --noprofile --norc -eo pipefail FILE); no credentials here, so no docker login.
    const script = path.join(work, 'login.sh');
    writeFileSync(script, step("log in to today's registries").run!);
    const login = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      env: { PATH: process.env['PATH'], TARGETS: tagsRunner.outputs()['json']! },
    });
    expect(login.stderr).toBe('');

    // build-push-action: one BuildKit build, pushed to every reference at once.
    const context = scratchContext(path.join(work, 'api'), 'api', PLATFORMS);
    digest = await buildAndPush(buildkit, {
      context,
      platforms: PLATFORMS,
      tags: references,
      push: true,
      provenance: 'max',
      sbomGenerator: scanner,
    });

    const verifyRunner = runnerFiles();
    const verified = await runAction(['verify'], {
      env: {
        ...verifyRunner.env,
        INPUT_MANIFEST: manifest,
        INPUT_NOW: DUAL,
        INPUT_TAGS: references.join('\n'),
        INPUT_DIGEST: digest,
      },
    });
    expect(verified.code).toBe(0);
    expect(verifyRunner.outputs()['digest']).toBe(digest);

    for (const reference of references) {
      const registry = reference.startsWith(`${oldRegistry.host}/`) ? oldRegistry : newRegistry;
      const name = reference.slice(registry.host.length + 1);
      expect(await skopeo.digest(registry, name)).toBe(digest);
      expect(await crane.digest(registry, name)).toBe(digest);
      expect(await regctl.digest(registry, name)).toBe(digest);
    }
    const index = (await crane.manifest(newRegistry, `team/api@${digest}`)) as unknown as Index;
    expect(index.mediaType).toBe(INDEX);
    const { platforms, attestations } = partsOf(index);
    expect(platforms.map((m) => `${m.platform?.os}/${m.platform?.architecture}`).sort()).toEqual(PLATFORMS);
    // BuildKit's attestations: one manifest per platform, pointing at its platform, holding the
    // provenance and the SBOM (an SPDX document listing the files the image was built with).
    expect(attestations).toHaveLength(2);
    expect(attestations.map((m) => m.annotations?.['vnd.docker.reference.digest']).sort()).toEqual(
      platforms.map((m) => m.digest).sort(),
    );
    for (const attestation of attestations) {
      const body = (await crane.manifest(newRegistry, `team/api@${attestation.digest}`)) as {
        layers: { digest: string; annotations?: Record<string, string> }[];
      };
      const kinds = body.layers.map((layer) => layer.annotations?.['in-toto.io/predicate-type']);
      expect(kinds).toEqual(
        expect.arrayContaining(['https://spdx.dev/Document', expect.stringMatching(/slsa\.dev\/provenance/)]),
      );
      const sbom = body.layers.find(
        (layer) => layer.annotations?.['in-toto.io/predicate-type'] === 'https://spdx.dev/Document',
      )!;
      const statement = (await (
        await fetch(`${newRegistry.url}/v2/team/api/blobs/${sbom.digest}`)
      ).json()) as {
        predicate: { files: { fileName: string }[] };
      };
      expect(statement.predicate.files.map((f) => f.fileName).sort()).toEqual([
        '/usr/bin/app',
        '/usr/share/app/shared.bin',
      ]);
    }

    // Re-pointing one tag in one registry (a second build) is what verify exists to catch.
    const other = scratchContext(path.join(work, 'api-2'), 'api-2', PLATFORMS);
    await buildAndPush(buildkit, {
      context: other,
      platforms: PLATFORMS,
      tags: [`${newRegistry.host}/team/api:main`],
      push: true,
      provenance: 'max',
    });
    const stale = await runAction(['verify'], {
      env: {
        ...runnerFiles().env,
        INPUT_MANIFEST: manifest,
        INPUT_NOW: DUAL,
        INPUT_TAGS: references.join('\n'),
        INPUT_DIGEST: digest,
      },
    });
    expect(stale.code).toBe(1);
    expect(stale.stdout + stale.stderr).toContain(`${newRegistry.host}/team/api:main`);
  }, 600_000);

  test('push --from moves the BuildKit index (children, attestations, their blobs) to a fresh registry; copy-tags does the same by tag', async () => {
    expect(digest).toBeDefined();
    const [fresh, copies] = await Promise.all([startRegistry(), startRegistry()]);
    try {
      const fromManifest = writeManifest(work, { old: oldRegistry.host, new: fresh.host }, 'from.yml');
      const pushed = await runCli([
        'push',
        '--manifest',
        fromManifest,
        '--from',
        `${oldRegistry.host}/team/api@${digest}`,
        '--tag',
        '2.0',
        '--now',
        READ_ONLY,
      ]);
      expect(pushed.stderr).not.toMatch(/error/i);
      expect(pushed.code).toBe(0);

      const copyManifest = writeManifest(
        work,
        { old: oldRegistry.host, new: copies.host, copy: [{ images: ['team/api'], tags: ['sha-*'] }] },
        'copy.yml',
      );
      const copied = await runCli(['copy-tags', '--manifest', copyManifest, '--json', '--now', READ_ONLY]);
      expect(copied.code).toBe(0);

      const source = (await crane.manifest(oldRegistry, `team/api@${digest}`)) as unknown as Index;
      for (const [registry, tag] of [
        [fresh, '2.0'],
        [copies, 'sha-4f1c2e9'],
      ] as const) {
        expect(await skopeo.digest(registry, `team/api:${tag}`)).toBe(digest);
        expect(await crane.digest(registry, `team/api:${tag}`)).toBe(digest);
        // Every child — platform images and attestation manifests — and every blob they name.
        for (const child of source.manifests) {
          expect(await crane.digest(registry, `team/api@${child.digest}`)).toBe(child.digest);
          const body = (await crane.manifest(registry, `team/api@${child.digest}`)) as {
            config: { digest: string };
            layers: { digest: string }[];
          };
          for (const blob of [body.config, ...body.layers]) {
            const head = await fetch(`${registry.url}/v2/team/api/blobs/${blob.digest}`, { method: 'HEAD' });
            expect(`${blob.digest} ${head.status}`).toBe(`${blob.digest} 200`);
          }
        }
      }
      // copy-tags took only what its rule chose.
      expect(await crane.tags(copies, 'team/api')).toEqual(['sha-4f1c2e9']);
    } finally {
      await Promise.all([fresh.stop(), copies.stop()]);
    }
  }, 300_000);
});
