import { spawn } from 'node:child_process';
import { opendir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** A file to scan, or a place the walk could not go. */
export type Listed = { file: string } | { skipped: string; reason: 'symlink loop' | 'unreadable' };

/**
 * The files of a working tree, streamed: tracked plus untracked-but-not-ignored files as git lists
 * them (`git ls-files -z --cached --others --exclude-standard`), or every file under `root` when it
 * is not in a git work tree. Paths are relative to `root`, `/`-separated.
 */
export async function* listFiles(root: string): AsyncGenerator<Listed> {
  if (await insideGitWorkTree(root)) {
    yield* gitFiles(root);
    return;
  }
  yield* walk(root);
}

function insideGitWorkTree(root: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0 && out.trim() === 'true'));
  });
}

async function* gitFiles(root: string): AsyncGenerator<Listed> {
  const child = spawn('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  let rest = '';
  let previous = '';
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    const names = (rest + chunk.toString('utf8')).split('\0');
    rest = names.pop()!;
    for (const name of names) {
      // --cached lists a file once per conflict stage; keep one.
      if (name === previous) continue;
      previous = name;
      yield { file: name };
    }
  }
  if (rest) yield { file: rest };
  const code = await closed;
  if (code !== 0) throw new Error(`git ls-files failed in ${root}: ${stderr.trim()}`);
}

async function* walk(root: string): AsyncGenerator<Listed> {
  // Real paths of the directories on the way down: a symlink back to one of them is a loop.
  async function* visit(dir: string, relative: string, ancestors: Set<string>): AsyncGenerator<Listed> {
    let handle;
    try {
      handle = await opendir(dir);
    } catch {
      yield { skipped: relative || '.', reason: 'unreadable' };
      return;
    }
    const entries = [];
    for await (const entry of handle) entries.push(entry);
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === '.git' || entry.name === 'node_modules') continue;
        const real = await realpath(full);
        yield* visit(full, name, new Set([...ancestors, real]));
      } else if (entry.isSymbolicLink()) {
        let real: string;
        let target;
        try {
          real = await realpath(full);
          target = await stat(full);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          yield { skipped: name, reason: code === 'ELOOP' ? 'symlink loop' : 'unreadable' };
          continue;
        }
        if (target.isDirectory()) {
          if (ancestors.has(real)) yield { skipped: name, reason: 'symlink loop' };
          else yield* visit(full, name, new Set([...ancestors, real]));
        } else if (target.isFile()) yield { file: name };
      } else if (entry.isFile()) yield { file: name };
    }
  }
  yield* visit(root, '', new Set([await realpath(root)]));
}
