import { constants as fsConstants } from 'node:fs';
import { copyFile, lstat, mkdir, readFile, readlink, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../shared/errors.js';
import { mapLimited } from '../shared/limiter.js';
import { displayName } from '../shared/file-names.js';
import { git, runGit, splitNul } from '../shared/process.js';

/** What we know about one file of the developer's tree, from a single lstat. */
export interface FileStat {
  kind: 'file' | 'symlink';
  size: number;
  mtimeMs: number;
  atimeMs: number;
  /** Git's view of the mode: only the executable bit matters for regular files. */
  executable: boolean;
}

/** The git settings that decide how git compares a file's content and mode. */
export interface GitView {
  /** `-c` arguments that give a throwaway repository the same view as the developer's. */
  configArgs: string[];
  /** core.fileMode: when false, git ignores the executable bit. */
  fileMode: boolean;
}

/** The developer's repository as the check sees it: its current files, untouched. */
export interface Repository {
  /** Absolute path of the work tree's top level. */
  top: string;
  /** Tracked plus untracked-but-not-ignored files that exist, by repository-relative path. */
  files: Map<string, FileStat>;
  /** Tracked files that .gitignore would ignore: git still sees them, so the check does too. */
  trackedIgnored: Set<string>;
  /** The repository's info/exclude, which a scratch copy's listing must honour too. */
  infoExclude: string;
  /** The repository's object store, which scratch copies borrow (read-only) for their history. */
  objects: string;
  /** The commit checked out, if there is one. */
  head?: string;
  /** The repository's tags as packed-refs lines (`<id> refs/tags/v1`), for `git describe`. */
  tags: string;
  /** A shallow clone's list of boundary commits (CI checkouts are shallow by default). */
  shallow?: string;
  view: GitView;
  /**
   * Listed entries that are neither copied nor checked, with why: FIFOs, sockets and devices (never
   * opened, so nothing hangs on them) and names that are not UTF-8 (shown escaped, `caf\\xe9`).
   */
  skipped: { path: string; reason: string }[];
}

/**
 * Reads the developer's repository without changing anything: the top level, the files git sees
 * (`git ls-files --cached --others --exclude-standard`) with one lstat each, and the settings that
 * decide line endings and modes.
 * @throws UsageError when `cwd` is not inside a git work tree
 */
export async function openRepository(cwd: string): Promise<Repository> {
  let top: string;
  let infoExclude: string;
  let objects: string;
  let shallowFile: string;
  try {
    const lines = (
      await git(
        [
          'rev-parse',
          '--show-toplevel',
          '--git-path',
          'info/exclude',
          '--git-path',
          'objects',
          '--git-path',
          'shallow',
        ],
        cwd,
      )
    )
      .toString('utf8')
      .split('\n');
    top = lines[0]!;
    infoExclude = path.resolve(cwd, lines[1]!);
    objects = path.resolve(cwd, lines[2]!);
    shallowFile = path.resolve(cwd, lines[3]!);
  } catch (error) {
    throw new UsageError(
      `check-generated needs a git work tree: ${cwd} is not inside one (${(error as Error).message.split('\n').pop()})`,
    );
  }
  const [listed, ignored, config, head, tags, shallow] = await Promise.all([
    git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], top),
    git(['ls-files', '-z', '--cached', '--ignored', '--exclude-standard'], top),
    // Exit 1 when none of these is set.
    runGit(['config', '-z', '--get-regexp', '^core\\.(autocrlf|eol|filemode|excludesfile)$'], top, {
      answers: [1],
    }),
    // Exit 1 in a repository without commits.
    runGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], top, { answers: [1] }),
    git(['for-each-ref', '--format=%(objectname) %(refname)', 'refs/tags'], top),
    readFile(shallowFile, 'utf8').catch(() => undefined),
  ]);
  const settings = new Map<string, string>();
  for (const entry of splitNul(config.stdout)) {
    const newline = entry.indexOf('\n');
    settings.set(entry.slice(0, newline).toLowerCase(), entry.slice(newline + 1));
  }
  const configArgs = ['-c', 'core.safecrlf=false'];
  for (const key of ['core.autocrlf', 'core.eol', 'core.excludesfile']) {
    const value = settings.get(key);
    if (value !== undefined) configArgs.push('-c', `${key}=${value}`);
  }
  const fileMode = !/^(false|no|off|0)$/i.test(settings.get('core.filemode') ?? 'true');
  const skipped: Repository['skipped'] = [];
  const paths: string[] = [];
  // Split as bytes (latin1 keeps each byte): names are not always UTF-8.
  for (const name of new Set(listed.toString('latin1').split('\0').filter(Boolean))) {
    const shown = displayName(Buffer.from(name, 'latin1'));
    // Valid UTF-8 without a backslash comes back as the same bytes; anything else is only noted.
    if (Buffer.from(shown, 'utf8').equals(Buffer.from(name, 'latin1'))) paths.push(shown);
    else skipped.push({ path: shown, reason: 'a file name that is not UTF-8: not copied or checked' });
  }
  const stats = await mapLimited(paths, 32, (file) => statOf(path.join(top, file)));
  const files = new Map<string, FileStat>();
  paths.forEach((file, index) => {
    const stat = stats[index];
    // Files deleted from the work tree but still in the index, and submodules, are not copied.
    if (stat) files.set(file, stat);
  });
  for (const file of paths.filter((_, index) => !stats[index])) {
    const special = await specialKind(path.join(top, file));
    if (special) skipped.push({ path: file, reason: `${special}: not copied or checked` });
  }
  return {
    top,
    files,
    trackedIgnored: new Set(splitNul(ignored)),
    infoExclude,
    objects,
    tags: tags.toString('utf8'),
    ...(shallow !== undefined && { shallow }),
    ...(head.code === 0 && { head: head.stdout.toString('utf8').trim() }),
    view: { configArgs, fileMode },
    skipped,
  };
}

/** 'a FIFO', 'a socket' or 'a device' for such an entry (never opened), else undefined. */
async function specialKind(file: string): Promise<string | undefined> {
  const stat = await lstat(file).catch(() => undefined);
  if (stat?.isFIFO()) return 'a FIFO (named pipe)';
  if (stat?.isSocket()) return 'a socket';
  if (stat?.isCharacterDevice() || stat?.isBlockDevice()) return 'a device';
  return undefined;
}

/** One lstat, reduced to what git compares; undefined for missing files and directories. */
export async function statOf(file: string): Promise<FileStat | undefined> {
  try {
    const stat = await lstat(file);
    if (!stat.isFile() && !stat.isSymbolicLink()) return undefined;
    return {
      kind: stat.isSymbolicLink() ? 'symlink' : 'file',
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      atimeMs: stat.atimeMs,
      executable: stat.isFile() && (stat.mode & 0o111) !== 0,
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A scratch copy of the repository's files, where a generator may write whatever it likes. */
export interface ScratchCopy {
  dir: string;
  /** The files copied, with the stat each should still have unless something wrote to it. */
  copied: Map<string, FileStat>;
}

/**
 * Copies the repository's current files into `dir` (which must not exist yet). Regular files are
 * copied with copy-on-write clones where the file system has them (a real copy otherwise; never hard
 * links, because generators may rewrite files in place) and keep their modification times shifted
 * back by `shiftMs`, so that later writes stand out by stat alone and repeat runs see other times.
 * Files for which `skip` is true (the generator's own outputs, which it must write) are not copied.
 */
export async function makeScratchCopy(
  repo: Repository,
  dir: string,
  skip: (file: string) => boolean,
  shiftMs = 0,
): Promise<ScratchCopy> {
  const wanted = [...repo.files].filter(([file]) => !skip(file));
  const dirs = new Set<string>([dir]);
  // Folders of skipped files too: a folder that holds only outputs exists in the tree, so it exists
  // (empty) in the copy, and `protoc --go_out=gen` or `echo x > gen/out.txt` work there as they do
  // in the tree.
  for (const [file] of repo.files) dirs.add(path.dirname(path.join(dir, file)));
  // Parents first, so that every mkdir is a single system call.
  const ordered = [...dirs].sort((a, b) => a.length - b.length);
  for (const folder of ordered) await mkdir(folder, { recursive: true });
  const copied = new Map<string, FileStat>();
  await mapLimited(wanted, 16, async ([file, stat]) => {
    const source = path.join(repo.top, file);
    const target = path.join(dir, file);
    if (stat.kind === 'symlink') {
      await symlink(await readlink(source), target);
      copied.set(file, stat);
      return;
    }
    // COPYFILE_FICLONE: a reflink where supported (btrfs, xfs, APFS), else an ordinary copy.
    // copyFile keeps the permission bits, so the executable bit survives.
    await copyFile(source, target, fsConstants.COPYFILE_FICLONE);
    const mtimeMs = stat.mtimeMs - shiftMs;
    await utimes(target, stat.atimeMs / 1000, mtimeMs / 1000);
    copied.set(file, { ...stat, mtimeMs });
  });
  return { dir, copied };
}

/**
 * Gives a scratch copy a git repository of its own, so that generators which ask git
 * (`git rev-parse --show-toplevel`, `git describe`, `git ls-files`) work there as in the developer's
 * tree: HEAD is the developer's commit, the index holds its files, the tags are there, and objects
 * are read from the developer's store through `objects/info/alternates`, which git only reads.
 * Whatever a generator does with git stays in the copy.
 */
export async function lendHistory(repo: Repository, dir: string): Promise<void> {
  await git(['-c', 'init.defaultBranch=main', 'init', '-q', dir], dir);
  const gitDir = path.join(dir, '.git');
  await writeFile(path.join(gitDir, 'objects/info/alternates'), `${repo.objects}\n`);
  // One file however many tags there are (git sorts an unmarked packed-refs file itself).
  if (repo.tags) await writeFile(path.join(gitDir, 'packed-refs'), repo.tags);
  // Without it, git looks for the parents a shallow clone does not have, and fails.
  if (repo.shallow !== undefined) await writeFile(path.join(gitDir, 'shallow'), repo.shallow);
  if (repo.head === undefined) return;
  await git(['update-ref', '--no-deref', 'HEAD', repo.head], dir);
  await git(['read-tree', 'HEAD'], dir);
}

/** True when a copied file's stat shows that nothing wrote to it (or changed its mode). */
export function looksUntouched(expected: FileStat, now: FileStat): boolean {
  return (
    expected.kind === now.kind &&
    expected.size === now.size &&
    expected.executable === now.executable &&
    (expected.kind === 'symlink' || Math.abs(expected.mtimeMs - now.mtimeMs) < 1)
  );
}
