import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runnerFiles } from '../harness/actions-env.js';
import { readRefsFile } from '../../src/copy/refs-file.js';
import { ROOT, runAction, runCli } from '../harness/cli.js';
import { seedImage } from '../harness/images.js';
import { writeManifest } from '../harness/manifest.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { skopeo } from '../harness/skopeo.js';
import { requireTool } from '../harness/tools.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/guard/repo');
const FIXED = path.join(ROOT, 'test/fixtures/guard/fixed');
const temporary: string[] = [];

/** A fresh copy of the fixture repository, as a git work tree with everything committed. */
function fixtureRepo(options: { git?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-guard-'));
  temporary.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  if (options.git !== false) {
    requireTool('git');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'fixture');
  }
  return dir;
}

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  reference: string;
  normalized: string;
  kind: string;
  severity: string;
  replacement: string;
}

async function guard(dir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = await runCli(['guard', '--manifest', 'cutover.yml', '--json', ...args], { cwd: dir, env });
  let json: Record<string, unknown> & { findings: JsonFinding[] } = { findings: [] };
  try {
    json = JSON.parse(run.stdout);
  } catch {
    // left empty: the assertions on code and stderr say what went wrong
  }
  return { ...run, json };
}

/** Every form of issue 5, at the line and column where it is written (1-based, columns in characters). */
const EXPECTED: [string, number, number, string, string][] = [
  ['.github/workflows/ci.yml', 6, 16, 'workflow-container', 'registry.old.example.com/ci/runner:22'],
  ['.github/workflows/ci.yml', 9, 16, 'workflow-service', 'registry.old.example.com/postgres:16'],
  ['.github/workflows/ci.yml', 10, 14, 'workflow-service', 'registry.old.example.com/redis:7'],
  ['.github/workflows/ci.yml', 13, 15, 'workflow-uses', 'registry.old.example.com/tools/lint:1.0'],
  ['.github/workflows/ci.yml', 15, 23, 'shell-docker', 'registry.old.example.com/api:3.1.0'],
  ['.github/workflows/ci.yml', 17, 13, 'shell-docker', 'registry.old.example.com/tools/builder:2.3.0'],
  ['.github/workflows/ci.yml', 21, 14, 'workflow-container', 'registry.old.example.com/ci/runner:22'],
  // ARG REGISTRY substituted into FROM --platform=… ${REGISTRY}/base/jdk:${BASE_TAG} AS build
  ['Dockerfile', 5, 32, 'dockerfile-from', 'registry.old.example.com/base/jdk:17'],
  ['Dockerfile', 6, 13, 'dockerfile-copy-from', 'registry.old.example.com/tools/lint:1.0'],
  ['Dockerfile', 8, 28, 'dockerfile-mount-from', 'registry.old.example.com/legacy/sources:4.1'],
  // FROM ${TOOLS}, whose ARG default is ${TOOLS_IMAGE:-old-registry.internal/…} (an alias)
  ['Dockerfile', 12, 6, 'dockerfile-from', 'registry.old.example.com/tools/builder:2.3.0'],
  // FROM \ continued on the next line
  ['Dockerfile', 14, 3, 'dockerfile-from', 'registry.old.example.com/base/alpine:3.19'],
  ['Dockerfile', 17, 17, 'shell-docker', 'registry.old.example.com/ci/helper:5'],
  ['Makefile', 1, 10, 'text', 'registry.old.example.com/api'],
  // the tag is $(VERSION): a dynamic reference
  ['Makefile', 4, 14, 'dynamic', 'registry.old.example.com/api'],
  ['actions/scan/action.yml', 5, 10, 'action-image', 'registry.old.example.com/tools/scanner:1.2'],
  // # escape=` with a backtick continuation
  ['build.Dockerfile', 3, 6, 'dockerfile-from', 'registry.old.example.com/legacy/win:1.0'],
  ['build.Dockerfile', 7, 5, 'dockerfile-from', 'registry.old.example.com/base/nano:ltsc2022'],
  // the split registry/repository/tag form, and repository with the host plus a numeric-looking tag
  ['charts/api/values.yaml', 3, 13, 'helm-image', 'registry.old.example.com/legacy/api:3.1.0'],
  ['charts/api/values.yaml', 10, 17, 'helm-image', 'registry.old.example.com/proxy:1.20'],
  ['charts/api/values.yaml', 14, 10, 'helm-image', 'registry.old.example.com/metrics/exporter:0.9'],
  ['compose/docker-compose.yml', 3, 12, 'compose-image', 'registry.old.example.com/api:3.1.0'],
  // ${TAG:?…} has no value here: the tag is unknown (a dynamic reference), the repository is not
  ['compose/docker-compose.yml', 5, 13, 'dynamic', 'registry.old.example.com/legacy/worker'],
  ['compose/docker-compose.yml', 7, 13, 'compose-image', 'registry.old.example.com/web:1.0'],
  [
    'compose/docker-compose.yml',
    13,
    12,
    'compose-image',
    'registry.old.example.com/alt@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  ],
  ['deploy/k8s/api.yaml', 10, 18, 'kubernetes-image', 'registry.old.example.com/api-migrate:3.1.0'],
  ['deploy/k8s/api.yaml', 13, 19, 'kubernetes-image', 'registry.old.example.com/legacy/api:3.1.0'],
  ['deploy/k8s/api.yaml', 28, 22, 'kubernetes-image', 'registry.old.example.com/reports:2.0'],
  ['docs/deploy.md', 3, 34, 'shell-docker', 'registry.old.example.com/api:3.1.0'],
  [
    'docs/deploy.md',
    4,
    19,
    'text',
    'registry.old.example.com/base/jdk@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  ],
  ['scripts/release.sh', 3, 13, 'shell-docker', 'registry.old.example.com/base/jdk:17'],
  ['scripts/release.sh', 4, 12, 'shell-docker', 'registry.old.example.com/api:3.1.0'],
  ['scripts/release.sh', 5, 13, 'shell-docker', 'registry.old.example.com/api:3.1.0'],
  ['scripts/release.sh', 7, 6, 'heredoc-from', 'registry.old.example.com/base/alpine:3.19'],
  ['src/config.go', 4, 23, 'text', 'registry.old.example.com/worker:2.0'],
  ['src/config.go', 6, 24, 'text', 'registry.old.example.com/reports:2.0'],
  ['src/settings.json', 1, 12, 'text', 'registry.old.example.com/web:1.0'],
];

/** Findings in Markdown prose (issue 13): reported as info whatever the date, so they never fail the check. */
const PROSE = [['docs/deploy.md', 4]];
const FAILING = EXPECTED.length - PROSE.length;

describe('cutover guard', () => {
  test('finds every form at its exact line and column, and nothing else', async () => {
    const dir = fixtureRepo();
    const run = await guard(dir, ['--now', '2020-09-15']);
    expect(run.code).toBe(0);
    const found = run.json.findings.map((f) => [f.file, f.line, f.column, f.kind, f.normalized]);
    expect(found).toEqual(EXPECTED);
    // Decoys never match: a longer host, another port, a sub-domain, a URL, the new registry, Docker Hub.
    for (const finding of run.json.findings) {
      expect(finding.normalized).not.toMatch(/evil|:5000|sub\.registry|registry\.new|nginx|_catalog/);
    }
    const byPlace = (file: string, line: number) =>
      run.json.findings.find((f) => f.file === file && f.line === line)!;
    expect(byPlace('compose/docker-compose.yml', 3)).toMatchObject({
      reference: '${REGISTRY:-registry.old.example.com}/api:${API_TAG:-3.1.0}',
      replacement: 'registry.new.example.com/api:3.1.0',
    });
    // paths mapping legacy/* → *
    expect(byPlace('deploy/k8s/api.yaml', 13).replacement).toBe('registry.new.example.com/api:3.1.0');
    expect(byPlace('Dockerfile', 8).replacement).toBe('registry.new.example.com/sources:4.1');
    // Ignored: an allow-listed file, an allow-listed reference glob, two inline comments; still counted.
    const ignored = (run.json['ignored'] as (JsonFinding & { ignoredBy: string })[]).map((f) => [
      f.file,
      f.line,
      f.ignoredBy,
    ]);
    expect(ignored).toEqual([
      ['Dockerfile', 19, 'allow-references'],
      ['Dockerfile', 20, 'inline'],
      ['docs/deploy.md', 7, 'inline'],
      ['docs/history/2019.md', 1, 'allow-files'],
    ]);
    expect(run.json['counts']).toMatchObject({ findings: EXPECTED.length, ignored: 4, errors: 0 });
    // The manifest names the old host but is not a finding.
    expect(run.json.findings.some((f) => f.file === 'cutover.yml')).toBe(false);
  });

  test('findings on stderr: every one in a terminal, none beside --json, at most 50 workflow commands in a workflow', async () => {
    const dir = fixtureRepo();
    // 60 more findings than a workflow step shows.
    writeFileSync(
      path.join(dir, 'images.txt'),
      Array.from({ length: 60 }, (_, i) => `registry.old.example.com/many/item:${i}\n`).join(''),
    );
    const total = EXPECTED.length + 60;
    // (Prose in Markdown is info.)
    const lineOf = /^[^\s:]+:\d+:\d+: (?:warning|info): registry\.old\.example\.com\//gm;
    // For people: one `file:line:column: severity: …` line per finding.
    const plain = await runCli(['guard', '--manifest', 'cutover.yml', '--now', '2020-09-15'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain(
      'Dockerfile:5:32: warning: registry.old.example.com/base/jdk:17 (dockerfile-from)',
    );
    expect(plain.stderr.match(lineOf)).toHaveLength(total);
    // For machines: the document lists them all; stderr keeps the progress and the totals only.
    const json = await guard(dir, ['--now', '2020-09-15']);
    expect(json.json.findings).toHaveLength(total);
    expect(json.stderr.match(lineOf)).toBeNull();
    expect(json.stderr).toContain(`guard: ${total} references to registry.old.example.com in`);
    // In a workflow step (the CLI run by `run:`): workflow commands, capped as in the action, and
    // where the others are; with --json or without.
    for (const args of [[], ['--json']]) {
      const inWorkflow = await runCli(
        ['guard', '--manifest', 'cutover.yml', '--now', '2020-09-15', ...args],
        {
          cwd: dir,
          env: { GITHUB_ACTIONS: 'true' },
        },
      );
      expect(inWorkflow.code).toBe(0);
      expect(inWorkflow.stderr.match(/^::(?:warning|notice) title=cutover guard/gm)).toHaveLength(50);
      expect(inWorkflow.stderr).toContain(
        '::warning title=cutover guard%3A old registry reference,file=.github/workflows/ci.yml,line=6,col=16::',
      );
      expect(inWorkflow.stderr).toContain(
        `${total - 50} more findings are listed in the job summary and the json output`,
      );
    }
  });

  test('the policy follows the timeline: info, then a warning with the days left, then an error (exit 1)', async () => {
    const dir = fixtureRepo();
    const before = await guard(dir, ['--now', '2020-08-15']);
    expect(before.code).toBe(0);
    expect(before.json['policy']).toMatchObject({ severity: 'info', daysLeft: 61 });
    expect(new Set(before.json.findings.map((f) => f.severity))).toEqual(new Set(['info']));

    const dual = await guard(dir, ['--now', '2020-09-01']);
    expect(dual.code).toBe(0);
    expect(dual.json['policy']).toMatchObject({ severity: 'warning', daysLeft: 44 });
    expect(dual.stderr).toContain('44 days left: references to the old registry fail from 2020-10-15');

    const lastDay = await guard(dir, ['--now', '2020-10-14']);
    expect(lastDay.code).toBe(0);
    expect(lastDay.json['policy']).toMatchObject({ severity: 'warning', daysLeft: 1 });
    expect(lastDay.stderr).toContain('1 day left');

    const failing = await guard(dir, ['--now', '2020-10-15']);
    expect(failing.code).toBe(1);
    expect(failing.json['counts']).toMatchObject({ errors: FAILING, warnings: 0, ignored: 4 });
    expect(failing.stderr).toContain(`failed: ${FAILING} references to the old registry`);
    expect(failing.json.findings.filter((f) => f.severity === 'info').map((f) => [f.file, f.line])).toEqual(
      PROSE,
    );

    // Ignored findings never fail the check: with only those left, the run passes.
    const clean = fixtureRepo();
    for (const file of new Set(EXPECTED.map(([name]) => name)))
      rmSync(path.join(clean, file), { force: true });
    writeFileSync(
      path.join(clean, 'Dockerfile'),
      'FROM registry.old.example.com/base/ignored:1 # cutover: ignore\n',
    );
    const onlyIgnored = await guard(clean, ['--now', '2020-12-01']);
    expect(onlyIgnored.code).toBe(0);
    expect(onlyIgnored.json['counts']).toMatchObject({ findings: 0, errors: 0 });
    expect((onlyIgnored.json['counts'] as { ignored: number }).ignored).toBeGreaterThan(0);
  });

  test('asks git for the files: tracked and untracked, not ignored; counts binaries and symlink loops', async () => {
    const dir = fixtureRepo();
    writeFileSync(path.join(dir, '.gitignore'), 'build-output/\n');
    mkdirSync(path.join(dir, 'build-output'));
    writeFileSync(path.join(dir, 'build-output/image.txt'), 'registry.old.example.com/ignored/by-git:1\n');
    writeFileSync(path.join(dir, 'untracked.txt'), 'use registry.old.example.com/untracked/file:2\n');
    const binary = Buffer.concat([
      Buffer.from('\0\x01\x02'),
      Buffer.from('registry.old.example.com/in/binary:1'),
    ]);
    writeFileSync(path.join(dir, 'logo.png'), binary);
    symlinkSync('loop-b', path.join(dir, 'loop-a'));
    symlinkSync('loop-a', path.join(dir, 'loop-b'));
    execFileSync('git', ['add', 'loop-a', 'loop-b', 'logo.png'], { cwd: dir });
    const run = await guard(dir, ['--now', '2020-09-15']);
    expect(run.code).toBe(0);
    const files = new Set(run.json.findings.map((f) => f.file));
    expect(files.has('untracked.txt')).toBe(true);
    expect(files.has('build-output/image.txt')).toBe(false);
    expect(files.has('logo.png')).toBe(false);
    const scan = run.json['scan'] as { skipped: Record<string, number> };
    expect(scan.skipped).toMatchObject({ binary: 1, 'symlink loop': 2 });
    expect(run.json['notes']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'logo.png', reason: 'binary' }),
        expect.objectContaining({ file: 'loop-a', reason: 'symlink loop' }),
      ]),
    );
  });

  test('outside a git repository it walks the tree, and stops at a directory symlink loop', async () => {
    const dir = fixtureRepo({ git: false });
    symlinkSync('..', path.join(dir, 'src/parent'));
    const run = await guard(dir, ['--now', '2020-09-15']);
    expect(run.code).toBe(0);
    expect(run.json.findings.map((f) => [f.file, f.line, f.column, f.kind, f.normalized])).toEqual(EXPECTED);
    expect((run.json['scan'] as { skipped: Record<string, number> }).skipped['symlink loop']).toBe(1);
  });

  test('bad input is handled and counted: invalid UTF-8, CRLF, unreadable files, thousands of matches, 100 MB', async () => {
    const dir = fixtureRepo();
    // Latin-1 bytes before the reference: not UTF-8; the column counts the invalid byte once.
    writeFileSync(
      path.join(dir, 'latin1.txt'),
      Buffer.concat([
        Buffer.from('caf\xe9 \xff\xfe ', 'latin1'),
        Buffer.from('registry.old.example.com/enc/latin:1\n'),
      ]),
    );
    // CRLF and UTF-8 before the reference on the same line: columns count characters.
    writeFileSync(path.join(dir, 'crlf.md'), 'first line\r\nnaïve → registry.old.example.com/enc/crlf:2\r\n');
    symlinkSync('does-not-exist', path.join(dir, 'dangling'));
    execFileSync('git', ['add', 'dangling'], { cwd: dir });
    unlinkSync(path.join(dir, 'src/settings.json')); // tracked, then deleted from the working tree
    const many = Array.from({ length: 5000 }, (_, i) => `- registry.old.example.com/many/item:${i}\n`).join(
      '',
    );
    writeFileSync(path.join(dir, 'many.md'), many);
    // 100 MB of text with a reference at the very end, written at run time.
    const big = path.join(dir, 'big.log');
    const block = Buffer.alloc(1024 * 1024, 'x'.repeat(63) + '\n');
    writeFileSync(big, '');
    for (let i = 0; i < 100; i++) appendFileSync(big, block);
    appendFileSync(big, 'registry.old.example.com/huge/file:9\n');
    if (process.getuid?.() !== 0) {
      writeFileSync(path.join(dir, 'secret.txt'), 'registry.old.example.com/secret/x:1\n');
      chmodSync(path.join(dir, 'secret.txt'), 0o000);
    }

    const run = await guard(dir, ['--now', '2020-09-15']);
    expect(run.code).toBe(0);
    const at = (file: string) => run.json.findings.filter((f) => f.file === file);
    expect(at('latin1.txt').map((f) => [f.line, f.column, f.normalized])).toEqual([
      [1, 9, 'registry.old.example.com/enc/latin:1'],
    ]);
    expect(at('crlf.md').map((f) => [f.line, f.column, f.normalized])).toEqual([
      [2, 9, 'registry.old.example.com/enc/crlf:2'],
    ]);
    expect(at('many.md')).toHaveLength(5000);
    expect(at('many.md')[4999]).toMatchObject({
      line: 5000,
      column: 3,
      normalized: 'registry.old.example.com/many/item:4999',
    });
    expect(at('big.log')).toHaveLength(0);
    const scan = run.json['scan'] as { skipped: Record<string, number>; invalidUtf8: number };
    expect(scan.invalidUtf8).toBe(1);
    expect(scan.skipped['too large']).toBe(1);
    expect(scan.skipped['unreadable']).toBe(process.getuid?.() === 0 ? 2 : 3);
    expect(run.json['notes']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'big.log', reason: 'too large' }),
        expect.objectContaining({ file: 'dangling', reason: 'unreadable' }),
        expect.objectContaining({ file: 'src/settings.json', reason: 'unreadable' }),
        expect.objectContaining({ file: 'latin1.txt', reason: 'invalid UTF-8' }),
      ]),
    );

    // With a higher limit the 100 MB file is searched, and its last line is found.
    const large = await guard(dir, ['--now', '2020-09-15', '--max-file-size', '200MB']);
    expect(large.code).toBe(0);
    expect(
      large.json.findings.filter((f) => f.file === 'big.log').map((f) => [f.line, f.normalized]),
    ).toEqual([[100 * 16384 + 1, 'registry.old.example.com/huge/file:9']]);
    const badSize = await guard(dir, ['--max-file-size', 'huge']);
    expect(badSize.code).toBe(2);
    expect(badSize.stderr).toContain('--max-file-size: expected a size such as 10MB');
  });

  test('--fix rewrites in place, byte for byte, and only what it should', async () => {
    const dir = fixtureRepo();
    // --fix-docs: Markdown prose is rewritten too (without it, it is listed as not rewritten).
    const run = await guard(dir, ['--now', '2020-10-20', '--fix', '--fix-docs']);
    // Every reference was rewritten but the migration step `docker tag OLD/api NEW/api` (rewritten, it
    // would retag the new image as itself): it is left with the reason, and still fails the check.
    expect(run.code).toBe(1);
    const fixes = run.json['fix'] as { file: string; line: number; rewritten: boolean; reason?: string }[];
    expect(fixes.filter((fix) => !fix.rewritten).map((fix) => [fix.file, fix.line])).toEqual([
      ['scripts/release.sh', 4],
    ]);
    expect(fixes).toHaveLength(EXPECTED.length);
    const compare = (relative = '') => {
      for (const entry of readdirSync(path.join(FIXED, relative), { withFileTypes: true })) {
        const name = path.join(relative, entry.name);
        if (entry.isDirectory()) compare(name);
        else
          expect([
            name,
            readFileSync(path.join(dir, name)).equals(readFileSync(path.join(FIXED, name))),
          ]).toEqual([name, true]);
      }
    };
    compare();
    // The executable bit survives the atomic replace.
    const script = path.join(dir, 'scripts/release.sh');
    chmodSync(script, 0o755);
    const again = await guard(dir, ['--now', '2020-10-20', '--fix']);
    expect(again.json.findings.map((finding) => [finding.file, finding.line])).toEqual([
      ['scripts/release.sh', 4],
    ]);
    expect(statSync(script).mode & 0o777).toBe(0o755);
    // The working tree is untouched without --fix.
    const untouched = fixtureRepo();
    await guard(untouched, ['--now', '2020-10-20']);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: untouched, encoding: 'utf8' })).toBe('');
  });

  test('--fix lists what it cannot rewrite, with the reason', async () => {
    const dir = fixtureRepo();
    writeFileSync(
      path.join(dir, 'Dockerfile'),
      [
        'ARG REGISTRY=registry.old.example.com',
        'ARG PATH_PREFIX=legacy',
        'FROM ${REGISTRY}/${PATH_PREFIX}/billing:2 AS billing',
        'FROM ${REGISTRY}/base/jdk:17',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(dir, 'target.txt'), 'see registry.old.example.com/x:1\n');
    symlinkSync('target.txt', path.join(dir, 'linked.txt'));
    const run = await guard(dir, ['--now', '2020-09-15', '--fix']);
    const fixes = run.json['fix'] as { file: string; line: number; rewritten: boolean; reason?: string }[];
    const dockerfile = fixes.filter((fix) => fix.file === 'Dockerfile');
    expect(dockerfile).toEqual([
      expect.objectContaining({
        line: 3,
        rewritten: false,
        reason: 'the repository path legacy/billing (→ billing) is not written literally here',
      }),
      // Line 4 alone could move, but it shares the ARG default with line 3, which cannot.
      expect.objectContaining({ line: 4, rewritten: false, reason: expect.stringContaining('shares text') }),
    ]);
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toContain(
      'ARG REGISTRY=registry.old.example.com\n',
    );
    // A symlink is not replaced by a file; its target (scanned under its own name) is fixed.
    expect(fixes.filter((fix) => fix.file === 'linked.txt')).toEqual([
      expect.objectContaining({ rewritten: false, reason: 'a symbolic link: fix the file it points to' }),
    ]);
    expect(fixes.filter((fix) => fix.file === 'target.txt')).toEqual([
      expect.objectContaining({ rewritten: true }),
    ]);
    expect(readFileSync(path.join(dir, 'linked.txt'), 'utf8')).toBe('see registry.new.example.com/x:1\n');
    expect(run.stderr).toContain('Dockerfile:3:6: not rewritten: the repository path legacy/billing');
  });

  test('--export-refs writes the references for copy-tags --refs, deduplicated and sorted', async () => {
    const dir = fixtureRepo();
    const out = path.join(dir, 'refs.json');
    const run = await guard(dir, ['--now', '2020-09-15', '--export-refs', out]);
    expect(run.code).toBe(0);
    const refs = JSON.parse(readFileSync(out, 'utf8'));
    expect(refs).toEqual({
      version: 1,
      registry: 'registry.old.example.com',
      references: [
        {
          repository: 'alt',
          digest: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        },
        { repository: 'api-migrate', tag: '3.1.0' },
        { repository: 'api', tag: '3.1.0' },
        { repository: 'api', tag: 'latest' },
        { repository: 'base/alpine', tag: '3.19' },
        { repository: 'base/jdk', tag: '17' },
        {
          repository: 'base/jdk',
          digest: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        },
        { repository: 'base/nano', tag: 'ltsc2022' },
        { repository: 'ci/helper', tag: '5' },
        { repository: 'ci/runner', tag: '22' },
        { repository: 'legacy/api', tag: '3.1.0' },
        { repository: 'legacy/sources', tag: '4.1' },
        { repository: 'legacy/win', tag: '1.0' },
        { repository: 'metrics/exporter', tag: '0.9' },
        { repository: 'postgres', tag: '16' },
        { repository: 'proxy', tag: '1.20' },
        { repository: 'redis', tag: '7' },
        { repository: 'reports', tag: '2.0' },
        { repository: 'tools/builder', tag: '2.3.0' },
        { repository: 'tools/lint', tag: '1.0' },
        { repository: 'tools/scanner', tag: '1.2' },
        { repository: 'web', tag: '1.0' },
        { repository: 'worker', tag: '2.0' },
      ],
      // tags from variables: their repositories, never an image with tag latest
      prefixes: ['api', 'legacy/worker'],
    });
    // copy-tags reads it back with its own validating reader.
    expect(await readRefsFile(out)).toEqual(refs);
  });

  test('--renovate prints package rules that rename exactly as --fix does', async () => {
    const dir = fixtureRepo();
    const run = await runCli(['guard', '--manifest', 'cutover.yml', '--now', '2020-09-15', '--renovate'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    const config = JSON.parse(run.stdout) as {
      packageRules: {
        matchPackageNames: string[];
        replacementName?: string;
        replacementNameTemplate?: string;
      }[];
    };
    // Renovate applies every matching rule in order (the last one wins); its `replace` helper is a
    // global RegExp replace. Evaluate the rules that way and compare with guard's own replacements.
    const rename = (name: string) => {
      let result: string | undefined;
      for (const rule of config.packageRules) {
        const matches = rule.matchPackageNames.some((pattern) =>
          pattern.startsWith('/')
            ? new RegExp(pattern.slice(1, -1)).test(name)
            : pattern.endsWith('/**')
              ? name.startsWith(pattern.slice(0, -2))
              : name === pattern,
        );
        if (!matches) continue;
        if (rule.replacementName) result = rule.replacementName;
        const template = /^\{\{\{replace '(.*)' '(.*)' packageName\}\}\}$/.exec(
          rule.replacementNameTemplate ?? '',
        );
        if (template) result = name.replace(new RegExp(template[1]!, 'g'), template[2]!);
      }
      return result;
    };
    const json = await guard(dir, ['--now', '2020-09-15']);
    expect(json.json.findings.length).toBeGreaterThan(0);
    for (const finding of json.json.findings) {
      const name = finding.normalized.replace(/[:@].*$/, '');
      expect([name, rename(name)]).toEqual([name, finding.replacement.replace(/[:@].*$/, '')]);
    }
    expect(rename('old-registry.internal/legacy/a/b')).toBe('registry.new.example.com/a/b');
    expect(rename('registry.old.example.com.evil.io/x')).toBeUndefined();
  });

  test('in an action: outputs, annotations, and the full table grouped by file in the job summary', async () => {
    const dir = fixtureRepo();
    const runner = runnerFiles();
    temporary.push(runner.dir);
    const run = await runAction(['guard'], {
      cwd: dir,
      env: { ...runner.env, INPUT_MANIFEST: 'cutover.yml', INPUT_NOW: '2020-10-15' },
    });
    expect(run.code).toBe(1);
    expect(runner.outputs()).toMatchObject({
      findings: String(EXPECTED.length),
      errors: String(FAILING),
      warnings: '0',
      ignored: '4',
      skipped: '0',
    });
    expect(run.stdout).toContain(
      '::error title=cutover guard%3A old registry reference,file=Dockerfile,line=5,col=32::',
    );
    const summary = runner.summary();
    expect(summary).toContain('### cutover guard: references to `registry.old.example.com`');
    for (const file of new Set(EXPECTED.map(([file]) => file))) expect(summary).toContain(`#### \`${file}\``);
    expect(summary).toContain('| 5:32 | `${REGISTRY}/base/jdk:${BASE_TAG}` | dockerfile-from | error |');
    expect(summary).toContain('ignored (allow-files)');
  });

  test('bad flags exit 2 with a located message', async () => {
    const dir = fixtureRepo();
    const missing = await runCli(['guard', '--manifest', 'cutover.yml', '--path', 'nowhere'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--path: expected a directory to scan, found nothing at');
    const typo = await runCli(['guard', '--manifest', 'cutover.yml', '--fxi'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown flag --fxi; did you mean --fix?');
  });
});

describe('cutover guard --verify against a real registry', () => {
  let registry: TestRegistry;
  let digest: string;
  beforeAll(async () => {
    registry = await startRegistry();
    await seedImage(registry, 'api:3.1.0', { layers: [{ seed: 'api', size: 2048 }] });
    digest = await seedImage(registry, 'base/jdk:17', { layers: [{ seed: 'jdk', size: 2048 }] });
    await seedImage(registry, 'billing:2.0', { layers: [{ seed: 'billing', size: 2048 }] });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  function verifyRepo(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-guard-verify-'));
    temporary.push(dir);
    writeManifest(dir, {
      old: 'registry.old.example.com',
      new: registry.host,
      paths: [{ from: 'legacy/*', to: '*' }],
    });
    writeFileSync(
      path.join(dir, 'Dockerfile'),
      [
        'FROM registry.old.example.com/api:3.1.0 AS api',
        'FROM registry.old.example.com/base/jdk:18 AS missing-tag',
        `FROM registry.old.example.com/base/jdk@${digest}`,
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'compose.yaml'),
      'services:\n  billing:\n    image: registry.old.example.com/legacy/billing:2.0\n  worker:\n    image: registry.old.example.com/worker:1.0\n  unknown:\n    image: registry.old.example.com/api:${TAG}\n',
    );
    return dir;
  }

  test('--verify reports which replacements exist; with --fix only those are rewritten', async () => {
    const dir = verifyRepo();
    const checked = await guard(dir, ['--now', '2020-09-15', '--verify']);
    expect(checked.code).toBe(0);
    const status = checked.json.findings.map((f) => [
      f.file,
      f.line,
      (f as unknown as { inNewRegistry: boolean }).inNewRegistry,
    ]);
    expect(status).toEqual([
      ['Dockerfile', 1, true],
      ['Dockerfile', 2, false],
      ['Dockerfile', 3, true],
      ['compose.yaml', 3, true],
      ['compose.yaml', 5, false],
      ['compose.yaml', 7, false],
    ]);
    // Without --fix nothing changes.
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toContain(
      'FROM registry.old.example.com/api:3.1.0',
    );

    const fixed = await guard(dir, ['--now', '2020-09-15', '--verify', '--fix']);
    expect(fixed.code).toBe(0);
    const fixes = fixed.json['fix'] as { file: string; line: number; rewritten: boolean; reason?: string }[];
    expect(fixes.map((fix) => [fix.file, fix.line, fix.rewritten, fix.reason])).toEqual([
      ['Dockerfile', 1, true, undefined],
      [
        'Dockerfile',
        2,
        false,
        `${registry.host}/base/jdk:18 is not in the new registry (copy it first: cutover copy-tags)`,
      ],
      ['Dockerfile', 3, true, undefined],
      ['compose.yaml', 3, true, undefined],
      [
        'compose.yaml',
        5,
        false,
        `${registry.host}/worker:1.0 is not in the new registry (copy it first: cutover copy-tags)`,
      ],
      ['compose.yaml', 7, false, 'the tag comes from a variable with no value here, so it cannot be checked'],
    ]);
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(
      [
        `FROM ${registry.host}/api:3.1.0 AS api`,
        'FROM registry.old.example.com/base/jdk:18 AS missing-tag',
        `FROM ${registry.host}/base/jdk@${digest}`,
        '',
      ].join('\n'),
    );
    expect(readFileSync(path.join(dir, 'compose.yaml'), 'utf8')).toBe(
      `services:\n  billing:\n    image: ${registry.host}/billing:2.0\n  worker:\n    image: registry.old.example.com/worker:1.0\n  unknown:\n    image: registry.old.example.com/api:\${TAG}\n`,
    );
    // The rewritten references really resolve in the new registry, by an independent client.
    expect(await skopeo.digest(registry, 'base/jdk:17')).toBe(digest);
    expect(fixed.stderr).toContain('compose.yaml:5:12: not rewritten:');
  });
});
