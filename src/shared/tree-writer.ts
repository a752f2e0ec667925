import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fstatSync,
  lstatSync,
  openSync,
  readlinkSync,
  renameSync,
  symlinkSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { lstat, mkdir, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { OperationalError } from './errors.js';

/**
 * Writing into a working tree without ever leaving it. Every folder on the way to a written file
 * must be a real folder inside the root (symbolic links to folders are not followed, wherever they
 * point); the file itself is replaced, never written through (a symbolic link in its place is
 * replaced by the new file, not followed); new content goes to a temporary file with a random name
 * created exclusively (`wx`, so a link planted there makes the write fail instead of redirecting
 * it) and is then renamed into place.
 *
 * A check and a write are two steps, and a folder may be swapped for a link between them. So the
 * write does not go by name: the file's folder is opened once (`O_DIRECTORY | O_NOFOLLOW`), the
 * handle's real path is compared with the folder checked, and the temporary file is created and
 * renamed through that handle (`/proc/self/fd/N/name`, Linux's `openat`): whatever is renamed or
 * linked meanwhile, the write lands in the folder that was checked, or not at all. (Without
 * /proc, the folder's device and inode are compared again right before the rename.)
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

type Name = string | Buffer;

function bytesOf(name: Name): Buffer {
  return typeof name === 'string' ? Buffer.from(name) : name;
}

function shown(name: Name): string {
  return typeof name === 'string' ? name : name.toString('utf8');
}

/** `file` as its folder and its last name, bytes kept as they are. */
function splitName(file: Name): { folder: Buffer; name: Buffer } {
  const bytes = bytesOf(file);
  const slash = bytes.lastIndexOf(0x2f);
  return {
    folder: slash <= 0 ? Buffer.from('/') : bytes.subarray(0, slash),
    name: bytes.subarray(slash + 1),
  };
}

/** A random temporary name for `name` that nobody can predict. */
function temporaryName(name: Buffer): Buffer {
  return Buffer.concat([Buffer.from('.'), name, Buffer.from(`.${randomBytes(8).toString('hex')}.tmp`)]);
}

const PROC_FD = '/proc/self/fd';

/** A folder held open: names are resolved in it, not by its path, until `close`. */
interface PinnedFolder {
  at(name: Buffer): Buffer;
  /** Refuses when the folder at the path is no longer the one held (without /proc only). */
  recheck(): void;
  close(): void;
}

/**
 * Opens `folder` (a real path: no link anywhere in it) and checks that what was opened is that
 * folder: opened without following a last link, and its real path (from /proc) the path given.
 * @throws OperationalError `refused` when the folder is a link, or resolves elsewhere
 */
function pinFolder(folder: Buffer, file: Name): PinnedFolder {
  let fd: number;
  try {
    fd = openSync(folder, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'ENOTDIR')
      throw refusedWrite(shown(file), `${shown(folder)} is no longer a folder (a link was put in its place)`);
    throw error;
  }
  const refuse = (now: string) => {
    closeSync(fd);
    return refusedWrite(shown(file), `${shown(folder)} changed while writing (it is now ${now})`);
  };
  if (existsSync(PROC_FD)) {
    const real = readlinkSync(`${PROC_FD}/${fd}`, { encoding: 'buffer' });
    if (!real.equals(folder)) throw refuse(real.toString('utf8'));
    const prefix = Buffer.from(`${PROC_FD}/${fd}/`);
    return {
      at: (name) => Buffer.concat([prefix, name]),
      recheck: () => undefined,
      close: () => closeSync(fd),
    };
  }
  const held = fstatSync(fd);
  return {
    at: (name) => Buffer.concat([folder, Buffer.from('/'), name]),
    recheck() {
      const now = lstatSync(folder);
      if (now.dev !== held.dev || now.ino !== held.ino || !now.isDirectory())
        throw refuse('another folder or a link');
    },
    close: () => closeSync(fd),
  };
}

/**
 * Replaces `file` — whose folder is a real path inside the tree, checked by the caller — with a
 * regular file holding `content` and having `mode`: a temporary file with a random name is created
 * exclusively in the folder held open, then renamed over `file` in that same folder (a link in
 * `file`'s place is replaced, never followed; a folder swapped for a link is never written through).
 * @throws OperationalError `refused` when the folder changed between the check and the write
 */
export function replaceFileSync(file: Name, content: Buffer | string, mode: number): void {
  const { folder, name } = splitName(file);
  const pinned = pinFolder(folder, file);
  try {
    const temporary = pinned.at(temporaryName(name));
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
    const fd = openSync(temporary, flags, mode & 0o7777);
    try {
      try {
        const bytes = typeof content === 'string' ? Buffer.from(content) : content;
        for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
        // open() applies the umask; the generator's mode is what the file must have.
        fchmodSync(fd, mode & 0o7777);
      } finally {
        closeSync(fd);
      }
      pinned.recheck();
      renameSync(temporary, pinned.at(name));
    } catch (error) {
      try {
        unlinkSync(temporary);
      } catch {
        // already renamed or never made
      }
      throw error;
    }
  } finally {
    pinned.close();
  }
}

/**
 * {@link replaceFileSync} for async callers. `anyFolder`: the file is not in a tree but where the
 * user said (a patch file), and links on the way there are the user's: the folder is resolved first.
 */
export async function replaceFile(
  file: string,
  content: Buffer | string,
  mode: number,
  { anyFolder = false }: { anyFolder?: boolean } = {},
): Promise<void> {
  const target = anyFolder ? path.join(await realpath(path.dirname(file)), path.basename(file)) : file;
  replaceFileSync(target, content, mode);
}

/** Replaces `file` with a symbolic link to `target` (made under a random name in the folder held open, then renamed). */
export async function replaceWithLink(file: string, target: string): Promise<void> {
  const { folder, name } = splitName(file);
  const pinned = pinFolder(folder, file);
  try {
    const temporary = pinned.at(temporaryName(name));
    symlinkSync(target, temporary);
    try {
      pinned.recheck();
      renameSync(temporary, pinned.at(name));
    } catch (error) {
      unlinkSync(temporary);
      throw error;
    }
  } finally {
    pinned.close();
  }
}
