import { opendir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { runProgram } from '../shared/process.js';

/** A file to scan, or a place the walk could not go. */
export type Listed = { file: string } | { skipped: string; reason: 'symlink loop' | 'unreadable' };

class NotAGitWorkTree extends Error {}

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
  let rest = '';
  let finished = false;
  const run = runProgram('git', ['ls-files', '-z', ...args], {
    cwd: root,
    onStdout: (chunk) => {
      const names = (rest + chunk.toString('utf8')).split('\0');
      rest = names.pop()!;
      if (names.length) batches.push(names);
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
  if (rest) yield [rest];
  if (result.code !== 0) {
    if (/not a git repository/i.test(result.stderr)) throw new NotAGitWorkTree();
    throw new Error(`git ls-files ${args.join(' ')} failed in ${root}: ${result.stderr.trim()}`);
  }
}

/** Every file under root (not .git), following symlinks to directories unless they loop. */
async function* walk(root: string): AsyncGenerator<Listed[]> {
  // Real paths of the directories on the way down: a symlink back to one of them is a loop.
  async function* visit(dir: string, relative: string, ancestors: Set<string>): AsyncGenerator<Listed[]> {
    let handle;
    try {
      handle = await opendir(dir);
    } catch {
      yield [{ skipped: relative || '.', reason: 'unreadable' }];
      return;
    }
    const entries = [];
    for await (const entry of handle) entries.push(entry);
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    const here: Listed[] = [];
    const below: [string, string, Set<string>][] = [];
    for (const entry of entries) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === '.git') continue;
        below.push([full, name, new Set([...ancestors, await realpath(full)])]);
      } else if (entry.isSymbolicLink()) {
        let real: string;
        let target;
        try {
          real = await realpath(full);
          target = await stat(full);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          here.push({ skipped: name, reason: code === 'ELOOP' ? 'symlink loop' : 'unreadable' });
          continue;
        }
        if (target.isDirectory()) {
          if (ancestors.has(real)) here.push({ skipped: name, reason: 'symlink loop' });
          else below.push([full, name, new Set([...ancestors, real])]);
        } else if (target.isFile()) here.push({ file: name });
      } else if (entry.isFile()) here.push({ file: name });
    }
    if (here.length) yield here;
    for (const [full, name, seen] of below) yield* visit(full, name, seen);
  }
  yield* visit(root, '', new Set([await realpath(root)]));
}
