/**
 * guard on a tree of realistic whole files (issue 13): Compose projects with host-less images and
 * multi-stage Dockerfiles, Helm charts in each values convention, Chart.yaml/Chart.lock with oci://
 * dependencies, shell scripts with defaults, a Makefile, a cloudbuild file with $PROJECT_ID, a
 * Kustomization, a Go module whose path starts with the registry host, package manifests, Markdown,
 * an upper-case host and a CRLF file. The same tree is scanned with two manifests: the old registry
 * is `registry.old.example.com` (cutover-old.yml) or Docker Hub (cutover-hub.yml), so what one finds
 * is a non-finding for the other.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRefsFile } from '../../src/copy/refs-file.js';
import { runnerFiles } from '../harness/actions-env.js';
import { ROOT, runAction, runCli } from '../harness/cli.js';
import { requireTool } from '../harness/tools.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/guard/real');
const FIXED = path.join(ROOT, 'test/fixtures/guard/real-fixed');
const NOW = '2026-10-01';
const temporary: string[] = [];

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of the tree, committed to git (line endings kept as they are). */
function tree(): string {
  requireTool('git');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-guard-real-'));
  temporary.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'core.autocrlf=false', ...args], { cwd: dir });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'fixture');
  return dir;
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  kind: string;
  reference: string;
  normalized: string;
  replacement: string;
  severity: string;
  dynamic: boolean;
}

async function guard(dir: string, manifest: 'old' | 'hub', args: string[] = []) {
  const run = await runCli(
    ['guard', '--manifest', `cutover-${manifest}.yml`, '--now', NOW, '--json', ...args],
    {
      cwd: dir,
    },
  );
  const json = JSON.parse(run.stdout) as Record<string, unknown> & { findings: JsonFinding[] };
  return { ...run, json };
}

const SHA = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

/** Old registry registry.old.example.com: every finding at file:line:column, with its kind. */
const EXPECTED_OLD: [string, number, number, string, string][] = [
  // workflow env: a registry variable holding the host alone is a registry setting; an image variable is an image
  ['.github/workflows/ci.yml', 4, 13, 'registry-setting', 'registry.old.example.com'],
  ['.github/workflows/ci.yml', 5, 12, 'text', 'registry.old.example.com/ci/builder:5'],
  ['.github/workflows/ci.yml', 14, 16, 'workflow-service', 'registry.old.example.com/ci/redis:7'],
  // skopeo and oras in a run: block
  ['.github/workflows/ci.yml', 25, 38, 'shell-tool', 'registry.old.example.com/ci/redis:7'],
  ['.github/workflows/ci.yml', 26, 21, 'shell-tool', 'registry.old.example.com/ci/config:3'],
  // Makefile: REGISTRY ?= …/staging is a prefix; an upper-case host; an alias with $(VERSION)
  ['Makefile', 1, 13, 'registry-prefix', 'registry.old.example.com/staging'],
  ['Makefile', 2, 9, 'text', 'registry.old.example.com/base/jdk:17'],
  ['Makefile', 10, 14, 'dynamic', 'registry.old.example.com/team/api'],
  // oci:// chart repositories are prefixes (the chart name is appended)
  ['charts/api/Chart.lock', 3, 21, 'registry-prefix', 'registry.old.example.com/charts'],
  ['charts/api/Chart.yaml', 7, 23, 'registry-prefix', 'registry.old.example.com/charts'],
  [
    'charts/api/templates/deployment.yaml',
    12,
    19,
    'dynamic',
    'registry.old.example.com/{{ .Values.debug.repository }}:latest',
  ],
  // global.imageRegistry inherited by image.repository, placed where the registry is named
  ['charts/api/values.yaml', 2, 18, 'helm-image', 'registry.old.example.com/team/api:1.4.0'],
  // registry: + image: siblings
  ['charts/api/values.yaml', 11, 15, 'helm-image', 'registry.old.example.com/team/envoy:v1.29'],
  ['cloudbuild/cloudbuild.yaml', 3, 28, 'dynamic', 'registry.old.example.com/$PROJECT_ID/base:$_TAG'],
  ['cloudbuild/cloudbuild.yaml', 5, 21, 'dynamic', 'registry.old.example.com/$PROJECT_ID/base:$_TAG'],
  ['cloudbuild/cloudbuild.yaml', 7, 6, 'dynamic', 'registry.old.example.com/$PROJECT_ID/base:$_TAG'],
  // a compose file that does not name the registry, brought in by the .env beside it
  ['compose/env-only/.env', 2, 12, 'text', 'registry.old.example.com/team/app:3'],
  ['compose/env-only/compose.yaml', 3, 12, 'compose-image', 'registry.old.example.com/team/app:3'],
  ['compose/voting/.env', 1, 12, 'text', 'registry.old.example.com/team/vote:1.4'],
  // image: ${VOTE_IMAGE}, set in the .env beside the compose file: reported where it is used
  ['compose/voting/docker-compose.yml', 7, 12, 'compose-image', 'registry.old.example.com/team/vote:1.4'],
  ['compose/voting/docker-compose.yml', 19, 12, 'compose-image', 'registry.old.example.com/team/worker:2.1'],
  // FROM OLD-REGISTRY.INTERNAL/… (an alias, upper case)
  [
    'compose/voting/worker/Dockerfile',
    7,
    6,
    'dockerfile-from',
    'registry.old.example.com/base/dotnet-runtime:8.0',
  ],
  // CRLF line endings
  ['deploy/job.yaml', 10, 18, 'kubernetes-image', 'registry.old.example.com/team/migrate:3'],
  // prose (info), a fenced block and an inline code span (commands)
  ['docs/guide.md', 3, 28, 'text', 'registry.old.example.com/team/api:1.4'],
  ['docs/guide.md', 7, 13, 'shell-docker', 'registry.old.example.com/team/api:1.4'],
  ['docs/guide.md', 10, 17, 'shell-docker', 'registry.old.example.com/team/api:1.4'],
  // Go string constants are images; the module path and the import are not
  ['gomod/images/images.go', 6, 13, 'text', 'registry.old.example.com/base/jdk:17'],
  ['gomod/images/images.go', 7, 13, 'text', 'registry.old.example.com/team/envoy:v1.29'],
  ['k8s/deployment.yaml', 24, 18, 'kubernetes-image', 'registry.old.example.com/team/api:1.4'],
  ['kustomize/kustomization.yaml', 7, 14, 'kustomize-image', 'registry.old.example.com/team/api:1.5'],
  // a package.json script is a command; its dependencies are not images
  ['package.json', 4, 36, 'shell-docker', 'registry.old.example.com/team/ui:2.0'],
  // oras, skopeo (docker:// transport, an alias in upper case, a continued line), crane, cosign
  ['scripts/mirror.sh', 4, 11, 'shell-tool', 'registry.old.example.com/team/sbom:1.0'],
  ['scripts/mirror.sh', 5, 11, 'shell-tool', `registry.old.example.com/team/sbom@sha256:${SHA}`],
  ['scripts/mirror.sh', 6, 22, 'shell-tool', 'registry.old.example.com/team/api:1.4'],
  ['scripts/mirror.sh', 7, 31, 'shell-tool', 'registry.old.example.com/team/worker:2.1'],
  ['scripts/mirror.sh', 9, 12, 'shell-tool', 'registry.old.example.com/base/jdk:17'],
  ['scripts/mirror.sh', 10, 10, 'shell-tool', 'registry.old.example.com/team/api:1.4'],
  ['scripts/mirror.sh', 11, 14, 'shell-tool', 'registry.old.example.com/team/ui:2.0'],
  ['scripts/mirror.sh', 12, 32, 'shell-tool', 'registry.old.example.com/team/api:1.4'],
  ['scripts/mirror.sh', 13, 13, 'shell-tool', 'registry.old.example.com/team/api:1.4'],
  // commands that take a repository (every tag of it): exported as prefixes, not as latest
  ['scripts/mirror.sh', 14, 40, 'shell-tool', 'registry.old.example.com/team/vote'],
  ['scripts/mirror.sh', 15, 10, 'shell-tool', 'registry.old.example.com/team/worker'],
  ['scripts/mirror.sh', 16, 16, 'shell-tool', 'registry.old.example.com/team/sbom'],
  ['scripts/mirror.sh', 17, 27, 'shell-tool', 'registry.old.example.com/team/app'],
  // a tag with a literal part and a variable: dynamic
  ['scripts/mirror.sh', 18, 13, 'dynamic', 'registry.old.example.com/team/api'],
  // logins to the old registry fail with it: registry prefixes (any letter case, piped passwords)
  ['scripts/mirror.sh', 19, 12, 'registry-prefix', 'registry.old.example.com'],
  ['scripts/mirror.sh', 22, 42, 'registry-prefix', 'registry.old.example.com'],
  ['scripts/mirror.sh', 23, 21, 'registry-prefix', 'registry.old.example.com'],
  // ${RUNNER:-…} and ${REGISTRY-…} defaults
  ['scripts/release.sh', 4, 8, 'text', `registry.old.example.com/team/runner:v2@sha256:${SHA}`],
  ['scripts/release.sh', 5, 10, 'registry-setting', 'registry.old.example.com'],
  ['scripts/release.sh', 8, 13, 'dynamic', 'registry.old.example.com/team/api'],
  ['scripts/release.sh', 9, 19, 'shell-tool', `registry.old.example.com/team/api@sha256:${SHA}`],
  ['scripts/release.sh', 10, 31, 'registry-prefix', 'registry.old.example.com/charts'],
];

/** Places that name a registry host and are not references to the old registry: file, line, column, why. */
const NOT_FOUND_OLD: [string, number, number, string][] = [
  ['gomod/go.mod', 1, 8, 'Go module path'],
  ['gomod/go.sum', 1, 1, 'go.sum'],
  ['gomod/go.sum', 2, 1, 'go.sum'],
  ['gomod/main.go', 6, 3, 'Go import'],
  ['compose/voting/vote/requirements.txt', 2, 1, 'requirements.txt'],
  ['package.json', 7, 6, 'package.json dependency'],
  ['Cargo.toml', 6, 29, 'Cargo.toml'],
  ['docs/guide.md', 4, 54, 'a path in a URL of another host'],
  ['scripts/release.sh', 12, 19, 'the registry API over https'],
  ['scripts/release.sh', 8, 54, 'the new registry'],
  ['scripts/mirror.sh', 6, 69, 'the new registry (docker://)'],
  ['scripts/mirror.sh', 20, 22, 'another registry whose name starts with the host'],
  ['scripts/mirror.sh', 21, 22, 'the new registry'],
  ['.github/workflows/ci.yml', 25, 83, 'the new registry in a run: block'],
];

/** Old registry Docker Hub: host-less references where an image is certain, and Docker Hub's other names. */
const EXPECTED_HUB: [string, number, number, string, string][] = [
  ['.github/workflows/ci.yml', 9, 16, 'workflow-container', 'docker.io/library/node:20-bookworm'],
  ['.github/workflows/ci.yml', 12, 16, 'workflow-service', 'docker.io/library/postgres:16'],
  ['.github/workflows/ci.yml', 17, 15, 'workflow-uses', 'docker.io/library/alpine:3.19'],
  ['.github/workflows/ci.yml', 21, 50, 'shell-docker', 'docker.io/library/redis:7'],
  ['.github/workflows/ci.yml', 22, 23, 'shell-docker', 'docker.io/library/ubuntu:22.04'],
  ['charts/web/Chart.lock', 3, 21, 'registry-prefix', 'docker.io/bitnamicharts'],
  ['charts/web/Chart.yaml', 7, 23, 'registry-prefix', 'docker.io/bitnamicharts'],
  ['charts/web/values.yaml', 5, 15, 'helm-image', 'docker.io/bitnami/nginx:1.25.3'],
  ['charts/web/values.yaml', 11, 15, 'helm-image', 'docker.io/bitnami/nginx-exporter:0.11.0'],
  ['compose/voting/docker-compose.yml', 11, 12, 'compose-image', 'docker.io/library/redis:7-alpine'],
  ['compose/voting/docker-compose.yml', 15, 13, 'compose-image', 'docker.io/library/postgres:16'],
  ['compose/voting/docker-compose.yml', 21, 12, 'compose-image', 'docker.io/dockersamples/result:latest'],
  ['compose/voting/vote/Dockerfile', 2, 6, 'dockerfile-from', 'docker.io/library/python:3.11-slim'],
  ['compose/voting/vote/Dockerfile', 9, 13, 'dockerfile-copy-from', 'docker.io/org/tool:1.2'],
  ['compose/voting/vote/Dockerfile', 12, 32, 'dockerfile-from', 'docker.io/library/golang:1.22'],
  ['deploy/job.yaml', 12, 18, 'kubernetes-image', 'docker.io/library/busybox:1.36'],
  ['k8s/deployment.yaml', 17, 18, 'kubernetes-image', 'docker.io/library/busybox:1.36'],
  ['k8s/deployment.yaml', 21, 18, 'kubernetes-image', 'docker.io/library/nginx:1.25'],
  ['k8s/deployment.yaml', 38, 22, 'kubernetes-image', 'docker.io/library/python:3.12'],
  ['kustomize/kustomization.yaml', 9, 11, 'kustomize-image', 'docker.io/library/nginx:1.25.4'],
  ['scripts/hub.sh', 3, 13, 'shell-docker', 'docker.io/library/alpine:3.19'],
  ['scripts/hub.sh', 5, 3, 'shell-docker', 'docker.io/curlimages/curl:8.5.0'],
  ['scripts/hub.sh', 6, 19, 'shell-docker', 'docker.io/library/golang:1.22'],
];

/** Places that look like images to a careless reader and are not, with Docker Hub as the old registry. */
const NOT_FOUND_HUB: [string, number, string][] = [
  ['compose/voting/vote/Dockerfile', 7, 'FROM base: a stage'],
  ['compose/voting/vote/Dockerfile', 13, 'RUN --mount=from=base: a stage'],
  ['compose/voting/vote/Dockerfile', 15, 'FROM scratch'],
  ['compose/voting/vote/Dockerfile', 16, 'COPY --from=build: a stage'],
  ['compose/voting/vote/Dockerfile', 17, 'COPY --from=0: a stage index'],
  ['compose/voting/worker/Dockerfile', 2, 'mcr.microsoft.com: another registry'],
  ['k8s/deployment.yaml', 6, 'image: in annotations, not a pod spec'],
  ['k8s/deployment.yaml', 46, 'image: in a ConfigMap'],
  ['charts/api/values.yaml', 12, 'image: beside registry: is the path of another registry'],
  ['charts/api/values.yaml', 16, 'quay.io: another registry'],
  ['charts/web/Chart.yaml', 10, 'https chart repository'],
  ['scripts/hub.sh', 7, 'prose in an echo'],
  ['.github/workflows/ci.yml', 23, 'docker build -t "$REGISTRY/…": no image named'],
  ['compose/voting/docker-compose.yml', 7, 'image: ${VOTE_IMAGE} (set in .env to another registry)'],
];

const places = (json: { findings: JsonFinding[] }) =>
  json.findings.map((f) => [f.file, f.line, f.column, f.kind, f.normalized]);

/** Every file of the tree equals its fixed version (when the fix changes it) or the original. */
function expectTree(dir: string, fixed: string): void {
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(FIXTURE, relative), { withFileTypes: true })) {
      const name = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        walk(name);
        continue;
      }
      let expected: Buffer;
      try {
        expected = readFileSync(path.join(fixed, name));
      } catch {
        expected = readFileSync(path.join(FIXTURE, name));
      }
      expect([name, readFileSync(path.join(dir, name)).equals(expected)]).toEqual([name, true]);
    }
  };
  walk('');
}

describe('guard on realistic whole files (issue 13)', () => {
  test('old registry with its own host: every form at file:line:column, and the non-findings', async () => {
    const dir = tree();
    const run = await guard(dir, 'old');
    expect(run.code).toBe(0);
    expect(places(run.json)).toEqual(EXPECTED_OLD);
    for (const [file, line, column, why] of NOT_FOUND_OLD) {
      // The host is written there, so leaving it out is a decision, not an accident.
      const text = readFileSync(path.join(dir, file), 'latin1').split('\n')[line - 1]!;
      expect([why, /^registry\.(old|new)\.example\.com/i.test(text.slice(column - 1))]).toEqual([why, true]);
      const at = run.json.findings.filter((f) => f.file === file && f.line === line && f.column === column);
      expect([file, line, why, at]).toEqual([file, line, why, []]);
    }
    // severity: Markdown prose is info; everything else a warning on this date; dynamic parts flagged
    const byPlace = (file: string, line: number) =>
      run.json.findings.find((f) => f.file === file && f.line === line)!;
    expect(byPlace('docs/guide.md', 3).severity).toBe('info');
    expect(byPlace('docs/guide.md', 7).severity).toBe('warning');
    expect(byPlace('cloudbuild/cloudbuild.yaml', 3)).toMatchObject({
      severity: 'warning',
      dynamic: true,
      replacement: 'registry.new.example.com/$PROJECT_ID/base:$_TAG',
    });
    expect(byPlace('k8s/deployment.yaml', 24)).toMatchObject({ dynamic: false, severity: 'warning' });
    expect(byPlace('scripts/release.sh', 4)).toMatchObject({
      reference: `\${RUNNER:-registry.old.example.com/team/runner:v2@sha256:${SHA}}`,
      replacement: `registry.new.example.com/team/runner:v2@sha256:${SHA}`,
    });
  });

  test('Docker Hub as the old registry: host-less references in structured places, its four names, the non-findings', async () => {
    const dir = tree();
    const run = await guard(dir, 'hub');
    expect(run.code).toBe(0);
    expect(places(run.json)).toEqual(EXPECTED_HUB);
    const found = new Set(run.json.findings.map((f) => `${f.file}:${f.line}`));
    for (const [file, line, why] of NOT_FOUND_HUB)
      expect([file, line, why, found.has(`${file}:${line}`)]).toEqual([file, line, why, false]);
    // Files that cannot hold an image by name and do not name Docker Hub are not parsed.
    const scan = run.json['scan'] as { files: number; parsed: number };
    const parsedByName = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
      (name) => /(Dockerfile|\.ya?ml|\.sh|Makefile)$/.test(name) && !name.startsWith('.git/'),
    );
    expect(scan.parsed).toBe(parsedByName.length);
    expect(scan.parsed).toBeLessThan(scan.files);
  });

  test('validate accepts Docker Hub listed with its other names', async () => {
    const dir = tree();
    const run = await runCli(['validate', '--manifest', 'cutover-hub.yml'], { cwd: dir });
    expect(run.stderr).not.toContain('already named');
    expect(run.code).toBe(0);
  });

  test('--fix is byte-exact (CRLF, upper case, defaults, global registry), the Go module still builds, a rerun has only the unfixable left', async () => {
    requireTool('go');
    const dir = tree();
    const run = await guard(dir, 'old', ['--fix']);
    const fixes = run.json['fix'] as { file: string; line: number; rewritten: boolean; reason?: string }[];
    // A step that copies from the old registry to the new one stays: rewritten, it would copy the
    // new registry onto itself (with shell continuations, the whole command counts as the line).
    const migration =
      'this line also names the new registry registry.new.example.com: a copy from the old registry to the new one, which the rewrite would turn into a copy of the new registry onto itself; delete the step once the migration is done, or mark it "cutover: ignore"';
    const MIGRATION_STEPS: [string, number][] = [
      ['.github/workflows/ci.yml', 25],
      ['scripts/mirror.sh', 6],
      ['scripts/mirror.sh', 10],
      ['scripts/mirror.sh', 13],
      ['scripts/mirror.sh', 14],
      ['scripts/mirror.sh', 18],
      ['scripts/release.sh', 8],
    ];
    expect(fixes.filter((fix) => !fix.rewritten).map((fix) => [fix.file, fix.line, fix.reason])).toEqual(
      [
        ['compose/env-only/compose.yaml', 3, 'the value comes from .env, where it is rewritten'],
        ['compose/voting/docker-compose.yml', 7, 'the value comes from .env, where it is rewritten'],
        ['docs/guide.md', 3, 'Markdown prose: rewritten only with --fix-docs'],
        ...MIGRATION_STEPS.map(([file, line]) => [file, line, migration]),
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1])),
    );
    expectTree(dir, path.join(FIXED, 'old'));
    execFileSync('go', ['build', './...'], {
      cwd: path.join(dir, 'gomod'),
      env: { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local' },
    });
    const again = await guard(dir, 'old', ['--fix']);
    expect(
      places(again.json).filter(
        ([file, line]) => !MIGRATION_STEPS.some(([f, l]) => f === file && l === line),
      ),
    ).toEqual([['docs/guide.md', 3, 28, 'text', 'registry.old.example.com/team/api:1.4']]);
    expect(new Set(places(again.json).map(([file, line]) => `${file}:${line}`)).size).toBe(
      MIGRATION_STEPS.length + 1,
    );
    // With --fix-docs the prose moves too; only the migration steps are left, for their owner to delete.
    const docs = await guard(dir, 'old', ['--fix', '--fix-docs']);
    const docFixes = docs.json['fix'] as { file: string; line: number; rewritten: boolean }[];
    expect(docFixes.filter((fix) => fix.rewritten).map((fix) => [fix.file, fix.line])).toEqual([
      ['docs/guide.md', 3],
    ]);
    expect(docFixes.filter((fix) => !fix.rewritten).map((fix) => [fix.file, fix.line])).toEqual(
      MIGRATION_STEPS,
    );
    const left = (await guard(dir, 'old')).json.findings.map((f) => [f.file, f.line] as [string, number]);
    expect([...new Set(left.map(String))]).toEqual(MIGRATION_STEPS.map(String));
    expect(readFileSync(path.join(dir, 'docs/guide.md'), 'utf8')).toContain(
      'Our images used to live at registry.new.example.com/team/api:1.4 until the move.',
    );
  });

  test('--fix with Docker Hub: host-less names gain the new host (library/ kept), Kustomize names are left with the reason', async () => {
    const dir = tree();
    const run = await guard(dir, 'hub', ['--fix']);
    const fixes = run.json['fix'] as { file: string; line: number; rewritten: boolean; reason?: string }[];
    expect(fixes.filter((fix) => !fix.rewritten).map((fix) => [fix.file, fix.line, fix.reason])).toEqual([
      [
        'kustomize/kustomization.yaml',
        9,
        'Kustomize matches images by name: add newName: <new registry>/… beside name: nginx',
      ],
    ]);
    expect(fixes).toHaveLength(EXPECTED_HUB.length);
    expectTree(dir, path.join(FIXED, 'hub'));
    const again = await guard(dir, 'hub');
    expect(places(again.json)).toEqual([
      ['kustomize/kustomization.yaml', 9, 11, 'kustomize-image', 'docker.io/library/nginx:1.25.4'],
    ]);
  });

  test('--export-refs: images with their tags; dynamic references and registry prefixes as prefixes, never as latest', async () => {
    const dir = tree();
    const out = path.join(dir, 'refs.json');
    const run = await guard(dir, 'old', ['--export-refs', out]);
    expect(run.code).toBe(0);
    const refs = await readRefsFile(out);
    // $PROJECT_ID (the whole registry), the chart repository, REGISTRY ?= …/staging, team/api:$TAG,
    // and the repositories skopeo sync, crane ls, oras repo tags and skopeo list-tags take whole
    expect(refs.prefixes).toEqual([
      '',
      'charts',
      'staging',
      'team/api',
      'team/app',
      'team/sbom',
      'team/vote',
      'team/worker',
    ]);
    const names = refs.references.map(
      (ref) => `${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`,
    );
    expect(names).toEqual([
      'base/dotnet-runtime:8.0',
      'base/jdk:17',
      'ci/builder:5',
      'ci/config:3',
      'ci/redis:7',
      'team/api:1.4.0',
      'team/api:1.4',
      'team/api:1.5',
      `team/api@sha256:${SHA}`,
      'team/app:3',
      'team/envoy:v1.29',
      'team/migrate:3',
      `team/runner:v2@sha256:${SHA}`,
      'team/sbom:1.0',
      `team/sbom@sha256:${SHA}`,
      'team/ui:2.0',
      'team/vote:1.4',
      'team/worker:2.1',
    ]);
    // No repository taken whole by a command is exported with tag latest.
    expect(names.filter((name) => name.endsWith(':latest'))).toEqual([]);
    writeFileSync(out, JSON.stringify({ ...refs, prefixes: ['Not/A/Path'] }));
    await expect(readRefsFile(out)).rejects.toThrow(/prefixes/);
  });

  test('the job summary groups the findings by kind and by file', async () => {
    const dir = tree();
    const runner = runnerFiles();
    temporary.push(runner.dir);
    const run = await runAction(['guard'], {
      cwd: dir,
      env: { ...runner.env, INPUT_MANIFEST: 'cutover-old.yml', INPUT_NOW: NOW },
    });
    expect(run.code).toBe(0);
    const summary = runner.summary();
    expect(summary).toContain('#### By kind');
    expect(summary).toContain('| dynamic | 7 | 5 | 7 |');
    expect(summary).toContain('| shell-tool | 16 | 3 | 0 |');
    expect(summary).toContain('| registry-prefix | 7 | 5 | 7 |');
    expect(summary).toContain('| registry-setting | 2 | 2 | 2 |');
    expect(summary).toContain('| kubernetes-image | 2 | 2 | 0 |');
    expect(summary).toContain('#### By file');
    expect(summary).toContain('#### `cloudbuild/cloudbuild.yaml` (3)');
  });
});
