import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { OperationalError } from '../../src/shared/errors.js';
import { pathInside, replaceFile, replaceWithLink } from '../../src/shared/tree-writer.js';
import { changedPaths, removeTempDirs, snapshot, tempDir } from '../harness/generated.js';

afterAll(() => removeTempDirs());

/** A tree (`root/`) beside a folder outside it (`outside/`, one file). */
function layout() {
  const base = tempDir('cutover-tree-writer-');
  const root = path.join(base, 'root');
  const outside = path.join(base, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'target.txt'), 'outside\n');
  return { root, outside };
}

describe('writing inside a tree', () => {
  test('paths that leave the root are refused before anything is made', async () => {
    const { root, outside } = layout();
    for (const bad of ['../outside/target.txt', '/etc/passwd', 'a/../../outside/x', 'a//b', './a']) {
      await expect(pathInside(root, bad, true)).rejects.toMatchObject({ kind: 'refused' });
    }
    expect(readdirSync(root)).toEqual([]);
    expect(readFileSync(path.join(outside, 'target.txt'), 'utf8')).toBe('outside\n');
  });

  test('a folder on the way that is a symbolic link is refused, wherever it points', async () => {
    const { root, outside } = layout();
    symlinkSync('../outside', path.join(root, 'out'));
    mkdirSync(path.join(root, 'real'));
    symlinkSync('real', path.join(root, 'inside-link'));
    const before = snapshot(outside);
    const refusal = pathInside(root, 'out/deeper/file.txt', true);
    await expect(refusal).rejects.toBeInstanceOf(OperationalError);
    await expect(refusal).rejects.toThrow(
      'out is a symbolic link (to ../outside), which writes do not follow',
    );
    await expect(pathInside(root, 'inside-link/file.txt', true)).rejects.toMatchObject({ kind: 'refused' });
    expect(changedPaths(before, snapshot(outside))).toEqual([]);
  });

  test('missing folders are made; the path returned is under the real root', async () => {
    const { root } = layout();
    const file = await pathInside(root, 'a/b/c.txt', true);
    expect(lstatSync(path.join(root, 'a/b')).isDirectory()).toBe(true);
    expect(file.endsWith(path.join('root', 'a', 'b', 'c.txt'))).toBe(true);
  });

  test('replaceFile replaces a link in its place instead of writing through it, with the exact mode', async () => {
    const { root, outside } = layout();
    const link = path.join(root, 'file.txt');
    symlinkSync(path.join(outside, 'target.txt'), link);
    const before = snapshot(outside);
    await replaceFile(link, 'inside\n', 0o755);
    expect(changedPaths(before, snapshot(outside))).toEqual([]);
    expect(lstatSync(link).isFile()).toBe(true);
    expect(readFileSync(link, 'utf8')).toBe('inside\n');
    expect(lstatSync(link).mode & 0o777).toBe(0o755);
    expect(readdirSync(root)).toEqual(['file.txt']);
  });

  test('replaceWithLink replaces a file with a link (made beside it, renamed into place)', async () => {
    const { root } = layout();
    const file = path.join(root, 'latest');
    writeFileSync(file, 'a file\n');
    await replaceWithLink(file, 'colors.txt');
    expect(readlinkSync(file)).toBe('colors.txt');
    expect(readdirSync(root)).toEqual(['latest']);
  });
});
