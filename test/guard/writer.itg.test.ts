/**
 * guard's --fix writer stays inside the tree (issue 12, point 4): a symbolically linked directory is
 * not written through, the temporary file has a random name and is created exclusively, and a FIFO
 * (or a link to one) is skipped with a note instead of hanging the scan. Everything outside the tree
 * is checked byte for byte.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyFixes } from '../../src/guard/fix.js';
import type { Finding } from '../../src/guard/finding.js';
import { scanTree } from '../../src/guard/scan.js';
import { runCli } from '../harness/cli.js';
import { requireTool } from '../harness/tools.js';

const MANIFEST = [
  'version: 1',
  'registries:',
  '  old: { host: registry.old.example.com, read-only: 2030-10-01, shutdown: 2030-11-01 }',
  '  new: { host: registry.new.example.com, available: 2030-09-01 }',
  '',
].join('\n');
const LINE = 'FROM registry.old.example.com/base/jdk:17\n';
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A scratch area with the tree (`tree/`) and a place outside it (`outside/`). */
function scratch(): { tree: string; outside: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-guard-writer-'));
  temporary.push(dir);
  const tree = path.join(dir, 'tree');
  const outside = path.join(dir, 'outside');
  mkdirSync(tree);
  mkdirSync(outside);
  writeFileSync(path.join(tree, 'cutover.yml'), MANIFEST);
  return { tree, outside };
}

/** Every file below `dir` with its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    try {
      files[name] = readFileSync(path.join(dir, name)).toString('base64');
    } catch {
      files[name] = '(not a file)';
    }
  return files;
}

describe('guard --fix stays inside the tree', () => {
  test('a symbolically linked directory (outside git) is scanned but never written through', async () => {
    const { tree, outside } = scratch();
    writeFileSync(path.join(outside, 'Dockerfile'), LINE);
    writeFileSync(path.join(tree, 'Dockerfile'), LINE);
    symlinkSync(outside, path.join(tree, 'linked'));
    const before = snapshot(outside);
    const run = await runCli(
      ['guard', '--manifest', 'cutover.yml', '--now', '2030-09-15', '--fix', '--json'],
      {
        cwd: tree,
      },
    );
    const fixes = (JSON.parse(run.stdout) as { fix: { file: string; rewritten: boolean; reason?: string }[] })
      .fix;
    expect(fixes).toEqual([
      expect.objectContaining({ file: 'Dockerfile', rewritten: true }),
      expect.objectContaining({
        file: 'linked/Dockerfile',
        rewritten: false,
        reason: 'inside linked, a symbolic link to a directory: not written through',
      }),
    ]);
    expect(snapshot(outside)).toEqual(before);
    expect(readFileSync(path.join(tree, 'Dockerfile'), 'utf8')).toBe(
      'FROM registry.new.example.com/base/jdk:17\n',
    );
  });

  test('a symlink planted where the temporary file used to go (pid-named) is not followed', async () => {
    const { tree, outside } = scratch();
    writeFileSync(path.join(tree, 'Dockerfile'), LINE);
    writeFileSync(path.join(outside, 'victim'), 'precious\n');
    // The name the writer used before issue 12 (`<file>.cutover-<pid>.tmp`): predictable, opened without O_EXCL.
    symlinkSync(path.join(outside, 'victim'), path.join(tree, `Dockerfile.cutover-${process.pid}.tmp`));
    const before = snapshot(outside);
    const scan = await scanTree({
      root: tree,
      hosts: {
        old: 'registry.old.example.com',
        oldNames: ['registry.old.example.com'],
        newHost: 'registry.new.example.com',
        paths: [],
      },
      maxFileSize: 1 << 20,
      exclude: new Set(['cutover.yml']),
      threads: 1,
    });
    const findings = scan.findings.map((finding) => ({ ...finding, severity: 'warning' }) as Finding);
    expect(findings.map((finding) => finding.file)).toEqual(['Dockerfile']);
    const outcomes = applyFixes(tree, findings, new Map());
    expect(outcomes).toEqual([expect.objectContaining({ file: 'Dockerfile', rewritten: true })]);
    expect(snapshot(outside)).toEqual(before);
    expect(readFileSync(path.join(tree, 'Dockerfile'), 'utf8')).toBe(
      'FROM registry.new.example.com/base/jdk:17\n',
    );
    // No temporary file is left behind (only the planted link, untouched).
    expect(readdirSync(tree).filter((name) => name.includes('.cutover-'))).toEqual([
      `Dockerfile.cutover-${process.pid}.tmp`,
    ]);
  });

  test('a tracked symlink to a FIFO is skipped with a note, not read (the scan does not hang)', async () => {
    requireTool('git');
    requireTool('mkfifo');
    const { tree, outside } = scratch();
    execFileSync('mkfifo', [path.join(outside, 'pipe')]);
    symlinkSync(path.join(outside, 'pipe'), path.join(tree, 'pipe-link'));
    writeFileSync(path.join(tree, 'Dockerfile'), LINE);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: tree, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'fifo');
    const started = Date.now();
    const run = await runCli(['guard', '--manifest', 'cutover.yml', '--now', '2030-09-15', '--json'], {
      cwd: tree,
    });
    expect(Date.now() - started).toBeLessThan(30_000);
    const json = JSON.parse(run.stdout) as {
      findings: { file: string }[];
      notes: { file: string; reason: string; detail?: string }[];
      scan: { skipped: Record<string, number> };
    };
    expect(json.findings.map((finding) => finding.file)).toEqual(['Dockerfile']);
    expect(json.notes).toContainEqual({
      file: 'pipe-link',
      reason: 'not a file',
      detail: 'a FIFO (named pipe): not read',
    });
    expect(json.scan.skipped['not a file']).toBe(1);
  });

  test('a rewrite that changes the width of an aligned Go block says to run gofmt', async () => {
    const { tree } = scratch();
    const go = [
      'package images',
      '',
      'const (',
      '\tBase    = "registry.old.example.com/base/jdk:17"',
      '\tSidecar = "registry.old.example.com/team/envoy:v1.29"',
      ')',
      '',
      'var single = "registry.old.example.com/x:1"',
      '',
    ].join('\n');
    writeFileSync(path.join(tree, 'images.go'), go);
    const scan = await scanTree({
      root: tree,
      hosts: {
        old: 'registry.old.example.com',
        oldNames: ['registry.old.example.com'],
        newHost: 'cr.example.com',
        paths: [],
      },
      maxFileSize: 1 << 20,
      exclude: new Set(['cutover.yml']),
      threads: 1,
    });
    const findings = scan.findings.map((finding) => ({ ...finding, severity: 'warning' }) as Finding);
    const outcomes = applyFixes(tree, findings, new Map());
    expect(outcomes.map((outcome) => [outcome.line, outcome.rewritten, outcome.note])).toEqual([
      [4, true, 'the rewrite changes the width of a column-aligned Go block: run gofmt'],
      [5, true, 'the rewrite changes the width of a column-aligned Go block: run gofmt'],
      [8, true, undefined],
    ]);
    expect(readFileSync(path.join(tree, 'images.go'), 'utf8')).toBe(
      go.replaceAll('registry.old.example.com', 'cr.example.com'),
    );
  });
});
