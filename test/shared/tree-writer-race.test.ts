import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { pathInside, replaceFile } from '../../src/shared/tree-writer.js';
import { removeTempDirs, tempDir } from '../harness/generated.js';

/**
 * Issue 24 point 12: the check that a file's folders are real folders inside the tree and the
 * write are two steps (guard --fix and check-generated --fix both check, then write). A second
 * process swaps `deploy/` for a link to a folder outside the tree as fast as it can while the
 * writer checks and writes, attempt after attempt (bounded): the outside folder must never change.
 */

afterAll(() => removeTempDirs());

/** Swaps `folder` and `link` (a symbolic link to outside) in a tight loop until killed. */
const SWAPPER = `
const { renameSync } = require('node:fs');
const [folder, link, aside] = process.argv.slice(1);
for (;;) {
  try { renameSync(folder, aside); } catch { continue; }
  try { renameSync(link, folder); } catch {}
  try { renameSync(folder, link); } catch {}
  try { renameSync(aside, folder); } catch {}
}
`;

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

test('a folder swapped for a link between the check and the write: nothing is ever written outside the tree', async () => {
  const base = tempDir('cutover-write-race-');
  const root = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  const folder = path.join(root, 'deploy');
  const link = path.join(base, 'link');
  const aside = path.join(base, 'aside');
  mkdirSync(folder, { recursive: true });
  mkdirSync(outside);
  const original = 'FROM registry.old.example.com/base/node:20-alpine\n';
  writeFileSync(path.join(outside, 'Dockerfile'), original);
  symlinkSync(outside, link);
  const swapper = spawn(process.execPath, ['-e', SWAPPER, folder, link, aside], { stdio: 'ignore' });
  const ATTEMPTS = 3000;
  const counts = { written: 0, refused: 0, failed: 0 };
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        const target = await pathInside(root, 'deploy/Dockerfile', false);
        await replaceFile(target, `FROM registry.new.example.com/base/node:20-alpine # ${attempt}\n`, 0o644);
        counts.written++;
      } catch (error) {
        if ((error as { kind?: string }).kind === 'refused') counts.refused++;
        else counts.failed++;
      }
    }
  } finally {
    await stop(swapper);
    if (lstatSync(folder, { throwIfNoEntry: false })?.isSymbolicLink()) renameSync(folder, link);
    if (existsSync(aside)) renameSync(aside, folder);
  }
  expect(readdirSync(outside)).toEqual(['Dockerfile']);
  expect(readFileSync(path.join(outside, 'Dockerfile'), 'utf8')).toBe(original);
  // The race was real: writes landed inside, and some were refused or failed mid-swap.
  expect(counts.written).toBeGreaterThan(0);
  expect(counts.refused + counts.failed).toBeGreaterThan(0);
}, 60_000);
