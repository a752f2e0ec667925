import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { prestart } from '../src/prestart.js';
import { listFiles, type Listed } from '../src/scan/files.js';
import { takeReaders } from '../src/scan/readers.js';
import { requireTool } from './harness/tools.js';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A git work tree with a tracked file and a sub-directory; returns its path. */
function repo(): string {
  requireTool('git');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-prestart-'));
  temporary.push(dir);
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'tracked.txt'), 'tracked\n');
  writeFileSync(path.join(dir, 'sub/inner.txt'), 'inner\n');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'fixture');
  return dir;
}

async function names(root: string): Promise<string[]> {
  const all: Listed[] = [];
  for await (const batch of listFiles(root)) all.push(...batch);
  return all.map((listed) => ('file' in listed ? listed.file : `skipped:${listed.skipped}`)).sort();
}

/** Long enough for git to list a three-file repository, so what the early listing saw is settled. */
const SETTLE_MS = 1500;

describe('prestart (guard starts listing before its code has loaded)', () => {
  it('lists the directory named by --path early; the scan takes that listing once', async () => {
    const dir = repo();
    prestart(['guard', '--manifest', 'm.yml', '--path', 'sub'], {}, dir);
    await sleep(SETTLE_MS);
    // Created after the early listing: absent from it, present in any listing made afterwards.
    writeFileSync(path.join(dir, 'sub/late.txt'), 'late\n');
    expect(await names(path.join(dir, 'sub'))).toEqual(['inner.txt']);
    expect(await names(path.join(dir, 'sub'))).toEqual(['inner.txt', 'late.txt']);
    await takeReaders().close();
  });

  it('reads --path=value and defaults to the working directory', async () => {
    const dir = repo();
    prestart(['guard', '--path=sub'], {}, dir);
    await sleep(SETTLE_MS);
    writeFileSync(path.join(dir, 'sub/late.txt'), 'late\n');
    expect(await names(path.join(dir, 'sub'))).toEqual(['inner.txt']);
    await takeReaders().close();

    const other = repo();
    prestart(['guard'], {}, other);
    await sleep(SETTLE_MS);
    writeFileSync(path.join(other, 'late.txt'), 'late\n');
    expect(await names(other)).toEqual(['sub/inner.txt', 'tracked.txt']);
    await takeReaders().close();
  });

  it('takes the path input in an action', async () => {
    const dir = repo();
    prestart([], { GITHUB_ACTIONS: 'true', INPUT_COMMAND: 'guard', INPUT_PATH: ' sub ' }, dir);
    await sleep(SETTLE_MS);
    writeFileSync(path.join(dir, 'sub/late.txt'), 'late\n');
    expect(await names(path.join(dir, 'sub'))).toEqual(['inner.txt']);
    await takeReaders().close();
  });

  it('ignores an early listing of another directory', async () => {
    const dir = repo();
    prestart(['guard', '--path', 'sub'], {}, dir);
    await sleep(SETTLE_MS);
    writeFileSync(path.join(dir, 'late.txt'), 'late\n');
    expect(await names(dir)).toEqual(['late.txt', 'sub/inner.txt', 'tracked.txt']);
    await takeReaders().close();
  });

  it('starts nothing for other commands or for --help', async () => {
    for (const args of [['validate'], ['guard', '--help'], ['plan', '--path', '.']]) {
      const dir = repo();
      prestart(args, {}, dir);
      await sleep(SETTLE_MS);
      writeFileSync(path.join(dir, 'late.txt'), 'late\n');
      expect(await names(dir)).toEqual(['late.txt', 'sub/inner.txt', 'tracked.txt']);
    }
  });

  it('reports a directory that is not a git work tree through the walk, early or not', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-prestart-plain-'));
    temporary.push(dir);
    writeFileSync(path.join(dir, 'a.txt'), 'a\n');
    prestart(['guard'], {}, dir);
    expect(await names(dir)).toEqual(['a.txt']);
    expect(await names(dir)).toEqual(['a.txt']);
    await takeReaders().close();
  });
});
