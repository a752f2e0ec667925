import { chmod, lstat, readFile, readlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import { pathInside, replaceFile, replaceWithLink } from '../shared/tree-writer.js';
import type { StaleFile } from './check.js';
import type { Repository } from './repository.js';
import type { Attempt } from './run.js';

/**
 * --fix: brings the stale owned files of the working tree to what the generator writes now. Every
 * target is checked before anything is written (a refusal leaves the tree as it was): no write
 * leaves the tree or passes through a symbolic link, and a link in a file's place is replaced, not
 * written through.
 * @throws OperationalError `refused` when a target lies beneath a symbolic link
 */
export async function fixInPlace(repo: Repository, first: Attempt, stale: StaleFile[]): Promise<string[]> {
  for (const file of stale) await pathInside(repo.top, file.path, false);
  for (const file of stale) {
    const target = await pathInside(repo.top, file.path, true);
    const source = path.join(first.copy.dir, file.path);
    const generated = first.after.get(file.path);
    if (file.kind === 'orphaned' || !generated) {
      // unlink removes a link itself, never what it points to.
      await unlink(target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    } else if (generated.kind === 'symlink') {
      await replaceWithLink(target, await readlink(source));
    } else {
      const mode = (await lstat(source)).mode;
      const current = await lstat(target).catch(() => undefined);
      // A mode change alone keeps the tree's bytes (its line endings may differ from the generator's).
      if (file.kind === 'mode' && current?.isFile()) await chmod(target, mode & 0o7777);
      else await replaceFile(target, await readFile(source), mode);
    }
  }
  return stale.map((file) => file.path);
}
