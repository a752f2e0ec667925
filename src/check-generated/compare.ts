import { readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { mapLimited } from '../shared/limiter.js';
import type { NonReproducible, StaleFile, StaleKind, UndeclaredWrite } from './check.js';
import { reproducibilityHint } from './hints.js';
import { capDiff, diffFile } from './patch.js';
import { looksUntouched, type FileStat, type Repository } from './repository.js';
import type { Attempt } from './run.js';
import type { Generator } from './select.js';
import { hashRepositoryFiles, type ShadowGit } from './shadow.js';

/** Compares the first run with the developer's tree: stale owned files and undeclared writes. */
export async function compareWithTree(
  repo: Repository,
  first: Attempt,
  generator: Generator,
  owns: (file: string) => boolean,
  shadow: ShadowGit,
  root: string,
  unstable: Set<string>,
): Promise<{ stale: StaleFile[]; undeclared: UndeclaredWrite[] }> {
  const found: { path: string; kind: StaleKind }[] = [];
  const undeclared: UndeclaredWrite[] = [];
  const contentDiffers: string[] = [];
  const modeDiffers = new Set<string>();
  const paths = [...new Set([...repo.files.keys(), ...first.after.keys()])].sort();
  await mapLimited(paths, 16, async (file) => {
    const before = repo.files.get(file);
    const after = first.after.get(file);
    if (owns(file)) {
      if (unstable.has(file)) return;
      if (before && !after) found.push({ path: file, kind: 'orphaned' });
      else if (!before && after) found.push({ path: file, kind: 'missing' });
      else if (before && after) {
        if (before.kind !== after.kind) return void found.push({ path: file, kind: 'modified' });
        if (repo.view.fileMode && before.executable !== after.executable) modeDiffers.add(file);
        if (!(await sameContent(path.join(repo.top, file), path.join(first.copy.dir, file), before, after))) {
          // Links are compared as links (their targets); only file contents go through git's filters.
          if (after.kind === 'symlink') found.push({ path: file, kind: 'modified' });
          else contentDiffers.push(file);
        }
      }
      return;
    }
    const change = !after
      ? 'deleted'
      : !before
        ? 'created'
        : !looksUntouched(first.copy.copied.get(file) ?? before, after) &&
            !(await sameContent(path.join(repo.top, file), path.join(first.copy.dir, file), before, after))
          ? 'modified'
          : undefined;
    if (change) undeclared.push({ path: file, generator: generator.name, change });
  });
  // Bytes differ: ask git whether they differ once line endings are normalised as it would.
  const [ours, theirs] = await Promise.all([
    hashRepositoryFiles(repo.top, contentDiffers),
    shadow.hashFiles(first.copy.dir, contentDiffers),
  ]);
  contentDiffers.forEach((file, position) => {
    if (ours[position] !== theirs[position]) found.push({ path: file, kind: 'modified' });
    else if (modeDiffers.has(file)) found.push({ path: file, kind: 'mode' });
    modeDiffers.delete(file);
  });
  for (const file of modeDiffers) found.push({ path: file, kind: 'mode' });
  const stale = await mapLimited(found, 8, async ({ path: file, kind }): Promise<StaleFile> => {
    const patch = await diffFile(
      file,
      kind === 'missing' ? undefined : path.join(repo.top, file),
      kind === 'orphaned' ? undefined : path.join(first.copy.dir, file),
      root,
    );
    return {
      path: file,
      generator: generator.name,
      kind,
      patch: patch.text,
      ...(patch.line !== undefined && kind !== 'missing' && { line: patch.line }),
    };
  });
  return {
    stale: stale.sort((a, b) => a.path.localeCompare(b.path)),
    undeclared: undeclared.sort((a, b) => a.path.localeCompare(b.path)),
  };
}

/** Compares repeat runs with the first: owned files that differ are non-reproducible. */
export async function compareRuns(
  first: Attempt,
  others: Attempt[],
  generator: Generator,
  owns: (file: string) => boolean,
  root: string,
): Promise<NonReproducible[]> {
  const seen = new Map<string, NonReproducible>();
  for (const other of others) {
    const paths = [...new Set([...first.after.keys(), ...other.after.keys()])].filter(owns).sort();
    await mapLimited(paths, 16, async (file) => {
      if (seen.has(file)) return;
      const a = first.after.get(file);
      const b = other.after.get(file);
      const left = path.join(first.copy.dir, file);
      const right = path.join(other.copy.dir, file);
      if (a && b && a.executable === b.executable && (await sameContent(left, right, a, b))) return;
      const [leftBytes, rightBytes] = await Promise.all([
        a?.kind === 'file' ? readFile(left) : undefined,
        b?.kind === 'file' ? readFile(right) : undefined,
      ]);
      const diff = await diffFile(file, a && left, b && right, root);
      const hint = reproducibilityHint(leftBytes, rightBytes);
      seen.set(file, {
        path: file,
        generator: generator.name,
        ...(hint !== undefined && { hint }),
        diff: capDiff(diff.text).text,
      });
    });
  }
  return [...seen.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Byte-for-byte (or link-target) equality of two files already known to exist. */
async function sameContent(left: string, right: string, a: FileStat, b: FileStat): Promise<boolean> {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'symlink') return (await readlink(left)) === (await readlink(right));
  if (a.size !== b.size) return false;
  const [x, y] = await Promise.all([readFile(left), readFile(right)]);
  return x.equals(y);
}
