import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, open, readlink, realpath, rename, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import { OperationalError } from './errors.js';

/**
 * Writing into a working tree without ever leaving it. Every folder on the way to a written file
 * must be a real folder inside the root (symbolic links to folders are not followed, wherever they
 * point); the file itself is replaced, never written through (a symbolic link in its place is
 * replaced by the new file, not followed); new content goes to a temporary file with a random name
 * created exclusively (`wx`, so a link planted there makes the write fail instead of redirecting
 * it) and is then renamed into place.
 */

/** A write refused because it would leave the root or pass through a symbolic link. */
export function refusedWrite(relative: string, why: string): OperationalError {
  return new OperationalError('refused', `not writing ${relative}: ${why}`, {
    hint: 'writes stay inside the working tree and never follow symbolic links; replace the link with a folder, or fix the file by hand',
  });
}

/**
 * The absolute path where `relative` (a `/`-separated path inside `root`) may be written: each of
 * its folders is checked (and, with `create`, made) as a real folder inside the root's real path.
 * @throws OperationalError `refused` for `..`, absolute paths, or a folder that is a symbolic link
 */
export async function pathInside(root: string, relative: string, create: boolean): Promise<string> {
  const parts = relative.split('/');
  if (path.isAbsolute(relative) || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw refusedWrite(relative, 'the path leaves the working tree');
  }
  const top = await realpath(root);
  let folder = top;
  for (const part of parts.slice(0, -1)) {
    folder = path.join(folder, part);
    const kind = await kindOf(folder);
    if (kind === 'missing' && create) {
      await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      if ((await kindOf(folder)) !== 'folder')
        throw refusedWrite(relative, `${folder} changed while writing`);
    } else if (kind === 'link') {
      const target = await readlink(folder);
      throw refusedWrite(
        relative,
        `${path.relative(top, folder)} is a symbolic link (to ${target}), which writes do not follow`,
      );
    } else if (kind === 'other') {
      throw refusedWrite(relative, `${path.relative(top, folder)} is not a folder`);
    } else if (kind === 'missing') {
      // Nothing below a missing folder can be a link yet.
      return path.join(top, ...parts);
    }
  }
  // Belt and braces: the folder's real path is the one walked (no link slipped in on the way).
  if (create && (await realpath(folder)) !== folder) {
    throw refusedWrite(relative, `${path.relative(top, folder)} resolves outside the path walked`);
  }
  return path.join(top, ...parts);
}

async function kindOf(file: string): Promise<'missing' | 'folder' | 'link' | 'other'> {
  try {
    const stat = await lstat(file);
    return stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'folder' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

/** A temporary name beside `file` that nobody can predict. */
function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
}

/**
 * Replaces `file` with a regular file holding `content` and having `mode`: written to a random
 * temporary name opened with `wx`, then renamed over `file` (which replaces a link, never follows it).
 */
export async function replaceFile(file: string, content: Buffer | string, mode: number): Promise<void> {
  const temporary = temporaryBeside(file);
  const handle = await open(temporary, 'wx', mode & 0o7777);
  try {
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    // open() applies the umask; the generator's mode is what the file must have.
    await chmod(temporary, mode & 0o7777);
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** Replaces `file` with a symbolic link to `target` (made under a random name, then renamed). */
export async function replaceWithLink(file: string, target: string): Promise<void> {
  const temporary = temporaryBeside(file);
  await symlink(target, temporary);
  try {
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
