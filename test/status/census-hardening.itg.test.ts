import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { BUNDLE } from '../harness/cli.js';
import { serveRepositories, startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { gitIn } from '../harness/git.js';
import { peakResidentKiB } from '../harness/memory.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';

/**
 * Issue 24 points 1, 2 and 8 for the census (`status --scan-repos`): a tarball is not the whole tree
 * (export-ignore), a small gzip can unpack to gigabytes, and file names are data in Markdown.
 */

interface CensusJson {
  exitCriteria: { met: boolean; reasons: string[] };
  census: {
    requests: number;
    excluded: string[];
    repos: {
      repo: string;
      state: string;
      reason?: string;
      exportIgnored?: number;
      references: { file: string; line: number; kind: string }[];
    }[];
  };
}

/** One ustar header block for a plain file of `size` bytes. */
function tarHeader(name: string, size: number): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 'utf8');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  header.write('        ', 148);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return header;
}

/**
 * A decompression bomb in GitHub's tarball layout: one file of `size` zero bytes (a few hundred kB
 * gzipped), then a small Dockerfile naming the old registry, then the end of the archive.
 */
async function bomb(size: number, dockerfile: string): Promise<Buffer> {
  const gzip = createGzip({ level: 1 });
  const out: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const write = (chunk: Buffer) =>
    new Promise<void>((resolve) => (gzip.write(chunk) ? resolve() : gzip.once('drain', () => resolve())));
  const top = `acme-bomb-${'b'.repeat(7)}/`;
  await write(tarHeader(`${top}assets/model.bin`, size));
  const zeros = Buffer.alloc(1 << 20);
  for (let left = size; left > 0; left -= zeros.length)
    await write(zeros.subarray(0, Math.min(left, zeros.length)));
  await write(Buffer.alloc((512 - (size % 512)) % 512));
  const text = Buffer.from(dockerfile);
  await write(tarHeader(`${top}Dockerfile`, text.length));
  await write(Buffer.concat([text, Buffer.alloc((512 - (text.length % 512)) % 512)]));
  gzip.end(Buffer.alloc(1024));
  await done;
  return Buffer.concat(out);
}

describe('the census on hostile and unusual repositories', () => {
  let old: TestRegistry;
  let next: TestRegistry;
  let api: GitHubApi;
  let dir: string;
  let manifest: string;
  const served = new Map<string, string | number | Buffer>();
  const BOMB_BYTES = 700_000_000;
  const MARKDOWN_NAME = 'x](https:evil.example#) cc @acme ![i](https:evil.example) y.yml';

  const write = (name: string, files: Record<string, string>) => {
    const root = path.join(dir, 'repos', name.replace('/', '--'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    const git = gitIn(root);
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'change');
    served.set(name, root);
  };

  /** `status --scan-repos --json`, spawned here to watch its peak memory. */
  const status = (extra: string[] = []) =>
    new Promise<{ code: number; json: CensusJson; stderr: string; peakMiB: number; summary: string }>(
      // A run that fails on bad input resolves too (its JSON and summary then empty), for its exit code.
      (resolve, reject) => {
        const summary = path.join(dir, `summary-${Math.random().toString(36).slice(2)}.md`);
        const child = spawn(
          process.execPath,
          [
            BUNDLE,
            'status',
            '--manifest',
            manifest,
            '--now',
            '2020-09-20',
            '--json',
            '--scan-repos',
            '--summary',
            summary,
            ...extra,
          ],
          {
            env: {
              PATH: process.env['PATH'],
              HOME: process.env['HOME'],
              GITHUB_TOKEN: 'ghp_censushardening0000',
              GITHUB_API_URL: api.url,
              GITHUB_SERVER_URL: 'https://github.test',
            },
          },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const exited = new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
        void Promise.all([exited, peakResidentKiB(child.pid, exited)]).then(([code, peakKiB]) => {
          if (code === 2) return resolve({ code, json: {} as CensusJson, stderr, peakMiB: 0, summary: '' });
          try {
            resolve({
              code,
              json: JSON.parse(stdout) as CensusJson,
              stderr,
              peakMiB: peakKiB / 1024,
              summary: readFileSync(summary, 'utf8'),
            });
          } catch {
            reject(new Error(`status printed no JSON (exit ${code}):\n${stderr}`));
          }
        });
      },
    );

  beforeAll(async () => {
    [old, next, api] = await Promise.all([startRegistry(), startRegistry(), startGitHubApi()]);
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-census-hardening-'));
    manifest = path.join(dir, 'cutover.yml');
    writeFileSync(
      manifest,
      [
        'version: 1',
        'registries:',
        `  old: { host: '${old.host}', read-only: 2020-10-01, shutdown: 2020-11-01 }`,
        `  new: { host: '${next.host}', available: 2020-09-01 }`,
        'repos:',
        '  acme/attrs: { owner: team-a }',
        '  acme/bomb: { owner: team-b }',
        '  acme/names: { owner: team-c }',
        '  acme/fixtures: { owner: team-c }',
      ].join('\n'),
    );
    const o = old.host;
    // The release tarball is kept small: the Dockerfile, CI and test fixtures are export-ignored —
    // as real projects do to slim `git archive` — and so is .gitattributes itself.
    write('acme/attrs', {
      '.gitattributes': [
        '# keep release archives small',
        '.gitattributes export-ignore',
        '.github/ export-ignore',
        'Dockerfile export-ignore',
        'test/fixtures/** export-ignore',
        '*.png binary',
        '',
      ].join('\n'),
      Dockerfile: `FROM ${o}/base/node:20-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n`,
      '.github/workflows/ci.yml': `name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    container: ${o}/base/node:20\n    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n      - run: npm test\n`,
      'src/index.js': "export const greeting = 'hello';\n",
      'package.json': '{ "name": "attrs", "version": "1.0.0" }\n',
    });
    write('acme/names', {
      [`deploy/${MARKDOWN_NAME}`]: `services:\n  web:\n    image: ${o}/web:1.0\n`,
    });
    // A test-data repository whose 1,200 fixtures are export-ignored: too many to read one by one.
    write('acme/fixtures', {
      '.gitattributes': 'fixtures/** export-ignore\n',
      'README.md': '# fixtures\n',
      ...Object.fromEntries(
        Array.from({ length: 1200 }, (_, i) => [
          `fixtures/case-${i}.yaml`,
          `name: case-${i}\nimage: ${o}/app:${i}\n`,
        ]),
      ),
    });
    served.set('acme/bomb', await bomb(BOMB_BYTES, `FROM ${o}/base/alpine:3.19\n`));
    serveRepositories(api, served);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([old?.stop(), next?.stop(), api?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('export-ignore: files left out of the tarball are read through the tree, never a false "clean"', async () => {
    const run = await status(['--census-exclude', 'acme/bomb']);
    expect(api.violations).toEqual([]);
    const attrs = run.json.census.repos.find((repo) => repo.repo === 'acme/attrs')!;
    expect(attrs.state).toBe('references');
    expect(attrs.references.map((ref) => `${ref.file}:${ref.line}`).sort()).toEqual([
      '.github/workflows/ci.yml:6',
      'Dockerfile:1',
    ]);
    // Three files were missing from the tarball (.gitattributes, Dockerfile, the workflow).
    expect(attrs.exportIgnored).toBe(3);
    expect(run.json.exitCriteria.reasons.join('\n')).toContain(
      'acme/attrs still references the old registry',
    );
  }, 120_000);

  test('a 700 MB file in a small gzip: "too large to census" with the figure, bounded memory; excluding it is the way out', async () => {
    const run = await status();
    const bombed = run.json.census.repos.find((repo) => repo.repo === 'acme/bomb')!;
    process.stderr.write(
      `census with a ${BOMB_BYTES / 1e6} MB file in its tarball: peak ${run.peakMiB.toFixed(0)} MiB\n`,
    );
    expect(bombed.state).toBe('unknown');
    expect(bombed.reason).toContain(
      'too large to census: assets/model.bin is 700.0 MB, over the 500.0 MB cap',
    );
    expect(bombed.reason).toContain('--census-exclude');
    expect(run.peakMiB).toBeLessThan(400);
    expect(run.json.exitCriteria.met).toBe(false);
    expect(run.json.exitCriteria.reasons.join('\n')).toContain('acme/bomb could not be read');
    // The admin leaves it out: it blocks nothing, and is listed as left out.
    const excluded = await status(['--census-exclude', 'acme/bomb']);
    expect(excluded.json.census.excluded).toEqual(['acme/bomb']);
    expect(excluded.json.census.repos.map((repo) => repo.repo)).not.toContain('acme/bomb');
    expect(excluded.json.exitCriteria.reasons.join('\n')).not.toContain('acme/bomb');
  }, 180_000);

  test('the admin raises the cap: the archive streams past the large file (memory still bounded) and finds what follows', async () => {
    const run = await status(['--census-limits', 'file=1GB']);
    const bombed = run.json.census.repos.find((repo) => repo.repo === 'acme/bomb')!;
    process.stderr.write(
      `census streaming a ${BOMB_BYTES / 1e6} MB file: peak ${run.peakMiB.toFixed(0)} MiB\n`,
    );
    expect(bombed.state).toBe('references');
    expect(bombed.references.map((ref) => ref.file)).toEqual(['Dockerfile']);
    expect(run.peakMiB).toBeLessThan(400);
    const bad = await status(['--census-limits', 'file=lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--census-limits: "file=lots" is not one of total=SIZE, files=COUNT, file=SIZE',
    );
  }, 180_000);

  test('a file name made of Markdown stays text in the summary: no link, image or @-mention', async () => {
    const run = await status(['--census-exclude', 'acme/bomb']);
    const names = run.json.census.repos.find((repo) => repo.repo === 'acme/names')!;
    expect(names.references.map((ref) => ref.file)).toEqual([`deploy/${MARKDOWN_NAME}`]);
    const row = run.summary.split('\n').find((line) => line.startsWith('| acme/names '))!;
    expect(row).toBeDefined();
    // The one link in the row is cutover's own, to the file on GitHub.
    expect(row.match(/(?<!\\)\]\(/g)).toHaveLength(1);
    expect(row).toContain('](https://github.test/acme/names/blob/');
    expect(row).not.toMatch(/(?<!\\)!(?<!\\)\[/);
    expect(row).not.toMatch(/@acme\b/);
    expect(row).not.toMatch(/(?<!\\)\]\(https:evil/);
  }, 120_000);
});
