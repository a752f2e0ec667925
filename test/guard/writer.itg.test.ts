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
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { applyFixes } from '../../src/guard/fix.js';
import type { Finding } from '../../src/guard/finding.js';
import { scanTree } from '../../src/guard/scan.js';
import { runnerFiles } from '../harness/actions-env.js';
import { runAction, runCli } from '../harness/cli.js';
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

/** guard's scan of `tree` for the old registry (moving to `newHost`), as findings --fix takes. */
async function findingsIn(tree: string, newHost: string): Promise<Finding[]> {
  const scan = await scanTree({
    root: tree,
    hosts: { old: 'registry.old.example.com', oldNames: ['registry.old.example.com'], newHost, paths: [] },
    maxFileSize: 1 << 20,
    exclude: new Set(['cutover.yml']),
    threads: 1,
  });
  return scan.findings.map((finding) => ({ ...finding, severity: 'warning' }) as Finding);
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
    const findings = await findingsIn(tree, 'registry.new.example.com');
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

  test('a tracked file whose name is not UTF-8 is read by its bytes, reported escaped and fixed byte for byte', async () => {
    requireTool('git');
    const { tree } = scratch();
    // `dir/caf\xe9.Dockerfile` in Latin-1: not valid UTF-8.
    mkdirSync(path.join(tree, 'dir'));
    const name = Buffer.concat([
      Buffer.from(`${tree}/dir/caf`),
      Buffer.from([0xe9]),
      Buffer.from('.Dockerfile'),
    ]);
    // The Latin-1 byte sits on the rewritten line: bytes that are not UTF-8 elsewhere would mean the
    // file is not text, and it would not be written at all.
    const content = Buffer.concat([
      Buffer.from('# built by CI\r\n'),
      Buffer.from(LINE.trimEnd()),
      Buffer.from([0x20, 0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a]),
    ]);
    writeFileSync(name, content);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: tree, stdio: 'ignore' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'latin1');
    const escaped = 'dir/caf\\xe9.Dockerfile';
    const check = await runCli(['guard', '--manifest', 'cutover.yml', '--now', '2030-11-15', '--json'], {
      cwd: tree,
    });
    expect(check.code).toBe(1);
    const json = JSON.parse(check.stdout) as { findings: { file: string; line: number }[]; notes: unknown[] };
    expect(json.findings).toEqual([expect.objectContaining({ file: escaped, line: 2 })]);
    // The content is Latin-1 too: noted under the escaped name, not as unreadable.
    expect(json.notes).toEqual([expect.objectContaining({ file: escaped, reason: 'invalid UTF-8' })]);
    const runner = runnerFiles();
    temporary.push(runner.dir);
    const action = await runAction(['guard'], {
      cwd: tree,
      env: { ...runner.env, INPUT_MANIFEST: 'cutover.yml', INPUT_NOW: '2030-11-15' },
    });
    expect(action.code).toBe(1);
    // No file= property GitHub cannot resolve: the message names the file, escaped.
    expect(action.stdout).toContain(
      `::error title=cutover guard%3A old registry reference::${escaped}:2:6 (a file name that is not UTF-8`,
    );
    expect(action.stdout).not.toContain('file=dir/caf');
    expect(runner.summary()).toContain(`#### \`${escaped}\``);
    const fix = await runCli(
      ['guard', '--manifest', 'cutover.yml', '--now', '2030-11-15', '--fix', '--json'],
      {
        cwd: tree,
      },
    );
    const fixes = (JSON.parse(fix.stdout) as { fix: { file: string; rewritten: boolean }[] }).fix;
    expect(fixes).toEqual([expect.objectContaining({ file: escaped, rewritten: true })]);
    expect(readFileSync(name)).toEqual(
      Buffer.concat([
        Buffer.from('# built by CI\r\nFROM registry.new.example.com/base/jdk:17'),
        Buffer.from([0x20, 0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a]),
      ]),
    );
    expect(readdirSync(path.join(tree, 'dir'), { encoding: 'buffer' })).toEqual([
      name.subarray(tree.length + 5),
    ]);
  });

  test('outside git: a name that is not UTF-8 is found and fixed by its bytes; a FIFO and a socket are skipped with a note', async () => {
    requireTool('mkfifo');
    const { tree } = scratch();
    const name = Buffer.concat([Buffer.from(`${tree}/caf`), Buffer.from([0xe9]), Buffer.from('.Dockerfile')]);
    writeFileSync(name, LINE);
    execFileSync('mkfifo', [path.join(tree, 'pipe')]);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(tree, 'sock'), resolve));
    try {
      const run = await runCli(
        ['guard', '--manifest', 'cutover.yml', '--now', '2030-11-15', '--fix', '--json'],
        { cwd: tree },
      );
      const json = JSON.parse(run.stdout) as {
        fix: { file: string; rewritten: boolean }[];
        notes: { file: string; reason: string; detail?: string }[];
      };
      expect(json.fix).toEqual([expect.objectContaining({ file: 'caf\\xe9.Dockerfile', rewritten: true })]);
      expect(json.notes).toEqual([
        { file: 'pipe', reason: 'not a file', detail: 'a FIFO (named pipe): not read' },
        { file: 'sock', reason: 'not a file', detail: 'a socket: not read' },
      ]);
      expect(readFileSync(name)).toEqual(Buffer.from('FROM registry.new.example.com/base/jdk:17\n'));
    } finally {
      server.close();
    }
  });

  test('a tracked symlink to a socket is skipped with a note', async () => {
    requireTool('git');
    const { tree, outside } = scratch();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(outside, 'sock'), resolve));
    try {
      symlinkSync(path.join(outside, 'sock'), path.join(tree, 'sock-link'));
      writeFileSync(path.join(tree, 'Dockerfile'), LINE);
      const git = (...args: string[]) => execFileSync('git', args, { cwd: tree, stdio: 'ignore' });
      git('init', '-q');
      git('add', '-A');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'socket');
      const run = await runCli(['guard', '--manifest', 'cutover.yml', '--now', '2030-09-15', '--json'], {
        cwd: tree,
      });
      const json = JSON.parse(run.stdout) as { notes: unknown[]; scan: { skipped: Record<string, number> } };
      expect(json.notes).toContainEqual({
        file: 'sock-link',
        reason: 'not a file',
        detail: 'a socket: not read',
      });
      expect(json.scan.skipped['not a file']).toBe(1);
    } finally {
      server.close();
    }
  });

  test('a copy from the old registry to the new one is held back, across shell continuations; a longer host name is not the new registry', async () => {
    const { tree } = scratch();
    const script = [
      '#!/bin/sh',
      'skopeo copy --all \\',
      '  docker://registry.old.example.com/team/api:1.4 \\\r',
      '  docker://REGISTRY.NEW.EXAMPLE.COM/team/api:1.4',
      'crane digest registry.old.example.com/team/ui:2.0 # see registry.new.example.com.mirror.io',
      'docker tag registry.old.example.com/team/web:3 registry.new.example.com:443/team/web:3',
      '',
    ].join('\n');
    writeFileSync(path.join(tree, 'mirror.sh'), script);
    const findings = await findingsIn(tree, 'registry.new.example.com');
    const outcomes = applyFixes(tree, findings, new Map(), ['registry.new.example.com']);
    expect(
      outcomes.map((outcome) => [outcome.line, outcome.rewritten, outcome.reason?.split(':')[0]]),
    ).toEqual([
      [3, false, 'this line also names the new registry registry.new.example.com'],
      [5, true, undefined],
      [6, false, 'this line also names the new registry registry.new.example.com'],
    ]);
    expect(readFileSync(path.join(tree, 'mirror.sh'), 'utf8')).toBe(
      script.replace('crane digest registry.old.example.com/', 'crane digest registry.new.example.com/'),
    );
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
    const findings = await findingsIn(tree, 'cr.example.com');
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
