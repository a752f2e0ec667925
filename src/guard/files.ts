import { isUtf8 } from 'node:buffer';
import type { Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { displayName } from '../shared/file-names.js';
import { runProgram } from '../shared/process.js';

export { displayName };

/** A file to scan, or a place the walk could not go. */
export type Listed =
  | { file: string }
  | { skipped: string; reason: 'symlink loop' | 'unreadable' | 'not a file'; detail?: string };

class NotAGitWorkTree extends Error {}

/** True for a name displayName() escaped: it has to be turned back into bytes to be opened. */
export const isEscaped = (name: string): boolean => name.includes('\\');

/** True for an escaped name whose bytes are not valid UTF-8 (GitHub cannot point an annotation at it). */
export const isNotUtf8 = (name: string): boolean =>
  // Most names have no backslash at all: no escape to look for (asked once per finding).
  name.includes('\\') && /\\x[0-9a-f]{2}/.test(name.replaceAll('\\\\', ''));

/** The bytes of a name displayName() gave (the inverse of displayName). */
export function nameBytes(name: string): Buffer {
  if (!isEscaped(name)) return Buffer.from(name, 'utf8');
  const parts: Buffer[] = [];
  for (const [, escaped, hex, text] of name.matchAll(/(\\\\)|\\x([0-9a-f]{2})|([^\\]+)/g))
    parts.push(
      escaped ? Buffer.from('\\') : hex ? Buffer.from([parseInt(hex, 16)]) : Buffer.from(text!, 'utf8'),
    );
  return Buffer.concat(parts);
}

/** The path to open for a file listed under root: a Buffer when its name is not plain UTF-8. */
export function treePath(root: string, name: string): string | Buffer {
  if (!isEscaped(name)) return path.join(root, name);
  return Buffer.concat([Buffer.from(`${root}/`), nameBytes(name)]);
}

/**
 * The files of a working tree, streamed in batches: tracked plus untracked-but-not-ignored files
 * as git lists them (`git ls-files -z --cached --others --exclude-standard`), or every file under
 * `root` when it is not in a git work tree. Paths are relative to `root`, `/`-separated.
 */
export async function* listFiles(root: string): AsyncGenerator<Listed[]> {
  try {
    yield* gitFiles(root);
  } catch (error) {
    if (!(error instanceof NotAGitWorkTree)) throw error;
    yield* walk(root);
  }
}

/**
 * Tracked files from the index (streamed at once) and untracked-but-not-ignored files from a
 * directory walk, as two git processes side by side: `ls-files --cached --others` prints nothing
 * until its walk is over.
 */
async function* gitFiles(root: string): AsyncGenerator<Listed[]> {
  const others = collect(gitList(root, ['--others', '--exclude-standard']));
  others.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  let previous = '';
  for await (const names of gitList(root, ['--cached'])) {
    // --cached lists a conflicted file once per stage; keep one.
    const unique = names.filter((name) => name !== previous && ((previous = name), true));
    yield unique.map((file) => ({ file }));
  }
  yield (await others).map((file) => ({ file }));
}

async function collect(batches: AsyncGenerator<string[]>): Promise<string[]> {
  const all: string[] = [];
  for await (const names of batches) all.push(...names);
  return all;
}

/**
 * The NUL-separated names `git ls-files -z ARGS` prints, in batches as they arrive (through the
 * shared process seam, streaming its stdout).
 */
async function* gitList(root: string, args: string[]): AsyncGenerator<string[]> {
  const batches: string[][] = [];
  let wake: (() => void) | undefined;
  // Names are bytes (not always UTF-8): split the raw output, and name each with displayName().
  let rest = Buffer.alloc(0);
  let finished = false;
  const run = runProgram('git', ['ls-files', '-z', ...args], {
    cwd: root,
    onStdout: (chunk) => {
      const bytes = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      const last = bytes.lastIndexOf(0);
      rest = Buffer.from(bytes.subarray(last + 1));
      if (last < 0) return;
      const whole = bytes.subarray(0, last);
      // The common case, every name valid UTF-8 without a backslash (as displayName keeps it): one
      // decode for the whole chunk. A NUL cannot complete a UTF-8 sequence, so no name is cut wrong.
      const names =
        !whole.includes(0x5c) && isUtf8(whole)
          ? whole.toString('utf8').split('\0')
          : whole
              .toString('latin1')
              .split('\0')
              .map((name) => displayName(Buffer.from(name, 'latin1')));
      batches.push(names);
      wake?.();
    },
  }).finally(() => {
    finished = true;
    wake?.();
  });
  run.catch(() => undefined); // awaited below
  while (!finished || batches.length > 0) {
    if (batches.length === 0) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      continue;
    }
    yield batches.shift()!;
  }
  let result;
  try {
    result = await run;
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? new NotAGitWorkTree() : error;
  }
  if (rest.length) yield [displayName(rest)];
  if (result.code !== 0) {
    if (/not a git repository/i.test(result.stderr)) throw new NotAGitWorkTree();
    throw new Error(`git ls-files ${args.join(' ')} failed in ${root}: ${result.stderr.trim()}`);
  }
}

/** Every file under root (not .git), following symlinks to directories unless they loop. */
async function* walk(root: string): AsyncGenerator<Listed[]> {
  // Real paths of the directories on the way down: a symlink back to one of them is a loop.
  // Names are read as bytes and shown with displayName(); paths are opened with treePath() (real
  // paths are compared as latin1 strings, which keep every byte).
  const realKey = async (full: string | Buffer) =>
    (await realpath(full, { encoding: 'buffer' })).toString('latin1');
  async function* visit(relative: string, ancestors: Set<string>): AsyncGenerator<Listed[]> {
    let read;
    try {
      read = await readdir(relative ? treePath(root, relative) : root, {
        withFileTypes: true,
        encoding: 'buffer',
      });
    } catch {
      yield [{ skipped: relative || '.', reason: 'unreadable' }];
      return;
    }
    const entries = read.map((entry) => ({ entry, shown: displayName(entry.name) }));
    entries.sort((a, b) => (a.shown < b.shown ? -1 : 1));
    const here: Listed[] = [];
    const below: [string, Set<string>][] = [];
    for (const { entry, shown } of entries) {
      const name = relative ? `${relative}/${shown}` : shown;
      const full = treePath(root, name);
      if (entry.isDirectory()) {
        if (shown === '.git') continue;
        below.push([name, new Set([...ancestors, await realKey(full)])]);
      } else if (entry.isSymbolicLink()) {
        let real: string;
        let target;
        try {
          real = await realKey(full);
          target = await stat(full);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          here.push({ skipped: name, reason: code === 'ELOOP' ? 'symlink loop' : 'unreadable' });
          continue;
        }
        if (target.isDirectory()) {
          if (ancestors.has(real)) here.push({ skipped: name, reason: 'symlink loop' });
          else below.push([name, new Set([...ancestors, real])]);
        } else if (target.isFile()) here.push({ file: name });
        else here.push({ skipped: name, reason: 'not a file', detail: special(target) });
      } else if (entry.isFile()) here.push({ file: name });
      else {
        const info = await stat(full).catch(() => undefined);
        here.push(
          info
            ? { skipped: name, reason: 'not a file', detail: special(info) }
            : { skipped: name, reason: 'unreadable' },
        );
      }
    }
    if (here.length) yield here;
    for (const [name, seen] of below) yield* visit(name, seen);
  }
  yield* visit('', new Set([await realKey(root)]));
}

/** What a FIFO, socket or device is, for the note saying it was not read. */
function special(info: Stats): string {
  return info.isFIFO()
    ? 'a FIFO (named pipe): not read'
    : info.isSocket()
      ? 'a socket: not read'
      : 'a device: not read';
}
