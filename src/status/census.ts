/**
 * The reference census: what every repository of the manifest still says about the old registry.
 * Each repository's default branch is read through the GitHub API (its head commit, then its
 * tarball), unpacked into a temporary directory and searched by guard's own scanner, so the census
 * finds exactly what `cutover guard` would find in that repository. A tarball is not the whole
 * tree (`export-ignore` in `.gitattributes` leaves files out of it), so the tree is listed too and
 * every file the tarball lacks is read by its blob. Results are kept by commit SHA: an unchanged
 * repository costs one request. A repository that cannot be read, or only in part, or unpacks past
 * the caps (`--census-limits`), is "unknown", never "clean".
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Manifest } from '../manifest/model.js';
import { DEFAULT_MANIFEST_PATHS } from '../manifest/load.js';
import { applyPolicy } from '../guard/policy.js';
import { scanTree } from '../guard/scan.js';
import { startReaders, type ReaderPool } from '../guard/readers.js';
import type { FindingKind } from '../guard/finding.js';
import {
  DEFAULT_UNPACK_LIMITS,
  downloadTarball,
  headCommit,
  TooLargeError,
  unpackTarball,
  type UnpackLimits,
} from '../github/tarball.js';
import { blobBytes, treeFiles } from '../github/tree.js';
import { UsageError } from '../shared/errors.js';
import type { GitHub } from '../github/octokit.js';
import { httpStatus } from '../github/http-status.js';
import { mapLimited } from '../shared/limiter.js';

/** One reference to the old registry left in a repository. */
export interface CensusReference {
  file: string;
  line: number;
  column: number;
  kind: FindingKind;
  /** As written. */
  reference: string;
  /** Its tag or digest comes from a variable: which image it pulls is only known at build time. */
  dynamic: boolean;
  /** The line on GitHub, at the commit scanned. */
  url: string;
}

/** What the census learnt about one repository. */
export interface RepoCensus {
  repo: string;
  /** `clean`: no unignored reference; `references`: some left; `unknown`: it could not be read. */
  state: 'clean' | 'references' | 'unknown';
  /** The commit scanned (absent when even the head could not be read). */
  commit?: string;
  /** Unignored references, in file order. */
  references: CensusReference[];
  /** References the manifest's allow-lists or an inline `cutover: ignore` excuse. */
  ignored: number;
  /** Why the repository could not be read (`too large to census: …`, `partial — unknown: …`, …). */
  reason?: string;
  /** Files the tarball left out (`export-ignore`), read one by one through the tree. */
  exportIgnored?: number;
  /** The result was taken from the cache (the default branch has not moved). */
  cached: boolean;
}

/** The census of every repository. */
export interface Census {
  repos: RepoCensus[];
  /** Repositories the admin left out (`--census-exclude`): not read, and not counted either way. */
  excluded: string[];
  /** GitHub API requests made. */
  requests: number;
  elapsedMs: number;
}

/** Results kept between runs, by repository and commit. */
interface CacheFile {
  version: 1;
  /** What the results depend on besides the commit: the old names and the allow-lists. */
  fingerprint: string;
  repos: Record<string, RepoCensus>;
}

/** How a census is taken. */
export interface CensusOptions {
  manifest: Manifest;
  github: GitHub;
  /** The day the policy is applied on (allow-lists do not depend on it, severities do). */
  today: string;
  concurrency: number;
  /** A JSON file keeping results by commit between runs (`--census-cache`). */
  cacheFile?: string;
  /** Where links point: GITHUB_SERVER_URL or https://github.com. */
  serverUrl: string;
  /** Files larger than this are not searched. */
  maxFileSize?: number;
  /** How much one repository may unpack to (`--census-limits`); default {@link DEFAULT_UNPACK_LIMITS}. */
  limits?: UnpackLimits;
  /** Repositories not to read (`--census-exclude`), e.g. one too large to census. */
  exclude?: string[];
  onProgress?(done: number, total: number, repo: RepoCensus): void;
}

const TEN_MEGABYTES = 10 * 1000 * 1000;
/** Files a tarball lacks that are read one by one; past this the repository is only partly known. */
const MISSING_FILES_READ = 1000;

/** Takes the census of every repository in the manifest. */
export async function takeCensus(options: CensusOptions): Promise<Census> {
  const started = performance.now();
  const { manifest } = options;
  const { old, new: next } = manifest.registries;
  const oldNames = [...new Set([old.host, ...old.aliases])];
  const fingerprint = JSON.stringify([oldNames, manifest.guard.allowFiles, manifest.guard.allowReferences]);
  const cache = readCache(options.cacheFile, fingerprint);
  let requests = 0;
  let done = 0;
  const counted = async <T>(request: Promise<T>) => {
    requests++;
    return request;
  };
  // One reader thread per repository scanned at a time, reused from one repository to the next:
  // booting a thread costs tens of milliseconds, a minute of CPU over 2,000 repositories.
  const idleReaders: ReaderPool[] = [];
  const allReaders: ReaderPool[] = [];
  const withReaders = async <T>(use: (readers: ReaderPool) => Promise<T>): Promise<T> => {
    let readers = idleReaders.pop();
    if (!readers) allReaders.push((readers = startReaders(1)));
    try {
      return await use(readers);
    } finally {
      idleReaders.push(readers);
    }
  };
  const excluded = new Set(options.exclude ?? []);
  const read = manifest.repos.filter((repo) => !excluded.has(repo.name));
  const repos = await mapLimited(read, options.concurrency, async ({ name: repo }) => {
    let result: RepoCensus;
    let commit: string | undefined;
    try {
      const head = await counted(headCommit(options.github, repo));
      commit = head;
      const known = cache.repos[repo];
      if (known && known.commit === head && known.state !== 'unknown') result = { ...known, cached: true };
      else {
        const tarball = await counted(downloadTarball(options.github, repo, head));
        result = await withReaders((readers) =>
          scanTarball(tarball, repo, head, options, readers, counted, {
            old: old.host,
            oldNames,
            newHost: next.host,
            paths: manifest.paths,
          }),
        );
      }
    } catch (error) {
      result = {
        repo,
        state: 'unknown',
        ...(commit !== undefined && { commit }),
        references: [],
        ignored: 0,
        reason:
          error instanceof TooLargeError
            ? `too large to census: ${error.message} (raise the cap with --census-limits, or leave the repository out with --census-exclude)`
            : error instanceof PartialTree
              ? `partial — unknown: ${error.message}`
              : unreadable(
                  error,
                  commit === undefined ? 'reading its default branch' : 'reading its tarball',
                ),
        cached: false,
      };
    }
    cache.repos[repo] = result;
    options.onProgress?.(++done, read.length, result);
    return result;
  }).finally(() => Promise.all(allReaders.map((readers) => readers.close())));
  if (options.cacheFile) writeFileSync(options.cacheFile, `${JSON.stringify(cache, null, 2)}\n`);
  return {
    repos,
    excluded: manifest.repos.filter((repo) => excluded.has(repo.name)).map((repo) => repo.name),
    requests,
    elapsedMs: performance.now() - started,
  };
}

/** A file's path for a URL in Markdown: each segment encoded, parentheses too (they would end a link). */
function urlPath(file: string): string {
  return file
    .split('/')
    .map((part) =>
      encodeURIComponent(part).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');
}

/** The tree could be read only in part: the repository's references are not known. */
class PartialTree extends Error {}

/**
 * Parses `--census-limits`: `total=2GB,files=200000,file=500MB` (any of the three; sizes in B, kB,
 * MB, GB, KiB, MiB, GiB), on top of {@link DEFAULT_UNPACK_LIMITS}.
 * @throws UsageError naming the part that is wrong and what was expected
 */
export function parseUnpackLimits(text: string | undefined): UnpackLimits {
  const limits = { ...DEFAULT_UNPACK_LIMITS };
  if (!text) return limits;
  const keys: Record<string, keyof UnpackLimits> = { total: 'totalBytes', files: 'files', file: 'fileBytes' };
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [, key = '', value = ''] = /^([a-z]+)=(.*)$/.exec(part) ?? [];
    const field = keys[key];
    const number = /^(\d+(?:\.\d+)?)\s*(B|kB|KB|MB|GB|KiB|MiB|GiB)?$/i.exec(value);
    if (!field || !number)
      throw new UsageError(
        `--census-limits: "${part}" is not one of total=SIZE, files=COUNT, file=SIZE (e.g. total=4GB,files=300000,file=1GB)`,
      );
    const units: Record<string, number> = {
      b: 1,
      kb: 1e3,
      mb: 1e6,
      gb: 1e9,
      kib: 1024,
      mib: 1024 ** 2,
      gib: 1024 ** 3,
    };
    const amount = Number(number[1]) * (field === 'files' ? 1 : units[(number[2] ?? 'b').toLowerCase()]!);
    if (field === 'files' && number[2])
      throw new UsageError(`--census-limits: "${part}": files is a count, without a unit`);
    limits[field] = Math.floor(amount);
  }
  return limits;
}

async function scanTarball(
  tarball: Buffer,
  repo: string,
  commit: string,
  options: CensusOptions,
  readers: ReaderPool,
  counted: <T>(request: Promise<T>) => Promise<T>,
  hosts: Parameters<typeof scanTree>[0]['hosts'],
): Promise<RepoCensus> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-census-'));
  const limits = options.limits ?? DEFAULT_UNPACK_LIMITS;
  const maxFileSize = options.maxFileSize ?? TEN_MEGABYTES;
  try {
    if (tarball.length > limits.totalBytes)
      throw new TooLargeError(
        'totalBytes',
        `a ${tarball.length}-byte archive, over the ${limits.totalBytes}-byte cap`,
      );
    const unpacked = await unpackTarball(tarball, dir, maxFileSize, limits);
    const exportIgnored = await readMissing(
      repo,
      commit,
      new Set(unpacked.paths),
      dir,
      options,
      counted,
      limits,
    );
    const scan = await scanTree({
      root: dir,
      hosts,
      maxFileSize: options.maxFileSize ?? TEN_MEGABYTES,
      // Each repository's own manifest names the old host by design.
      exclude: new Set(DEFAULT_MANIFEST_PATHS),
      readers,
    });
    const { findings } = applyPolicy(scan.findings, options.manifest, options.today);
    const open = findings.filter((finding) => !finding.ignored);
    return {
      repo,
      state: open.length > 0 ? 'references' : 'clean',
      commit,
      references: open.map((finding) => ({
        file: finding.file,
        line: finding.line,
        column: finding.column,
        kind: finding.kind,
        reference: finding.reference,
        dynamic: finding.partial,
        url: `${options.serverUrl}/${repo}/blob/${commit}/${urlPath(finding.file)}#L${finding.line}`,
      })),
      ignored: findings.length - open.length,
      ...(exportIgnored > 0 && { exportIgnored }),
      cached: false,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Lists the whole tree and reads every file the tarball lacks (export-ignore) by its blob into
 * `dir`; returns how many were read. Files the scanner would skip for their size are not read.
 * @throws PartialTree when the tree listing is cut or too many files are missing to read one by one
 */
async function readMissing(
  repo: string,
  commit: string,
  unpacked: Set<string>,
  dir: string,
  options: CensusOptions,
  counted: <T>(request: Promise<T>) => Promise<T>,
  limits: UnpackLimits,
): Promise<number> {
  const tree = await counted(treeFiles(options.github, repo, commit));
  if (tree.truncated)
    throw new PartialTree(
      'GitHub cut the tree listing (over 100,000 entries), so files left out of the tarball cannot all be found',
    );
  const maxFileSize = options.maxFileSize ?? TEN_MEGABYTES;
  const missing = [...tree.files].filter(([file, entry]) => !unpacked.has(file) && entry.size <= maxFileSize);
  if (unpacked.size + missing.length > limits.files)
    throw new TooLargeError('files', `more than ${limits.files.toLocaleString('en-US')} files`);
  if (missing.length > MISSING_FILES_READ)
    throw new PartialTree(
      `${missing.length} files are left out of its tarball (export-ignore in .gitattributes), more than the ${MISSING_FILES_READ} read one by one`,
    );
  const root = path.resolve(dir);
  for (const [file, entry] of missing) {
    const target = path.resolve(root, file);
    if (!target.startsWith(root + path.sep))
      throw new PartialTree(`the tree names a path outside the repository: ${JSON.stringify(file)}`);
    const bytes = await counted(blobBytes(options.github, repo, entry));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  return missing.length;
}

function unreadable(error: unknown, doing: string): string {
  const status = httpStatus(error);
  const message = (error as Error).message.split('\n')[0];
  if (status === 404) return `${doing}: not found, or the token cannot read it (HTTP 404)`;
  return `${doing}: ${status ? `HTTP ${status}: ` : ''}${message}`;
}

function readCache(file: string | undefined, fingerprint: string): CacheFile {
  const empty: CacheFile = { version: 1, fingerprint, repos: {} };
  if (!file) return empty;
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    // A cache from other names or allow-lists says nothing about today's findings.
    return cache.version === 1 && cache.fingerprint === fingerprint && cache.repos ? cache : empty;
  } catch {
    return empty;
  }
}

/** The exit criteria's second half: which evidence says the repositories no longer name the old registry. */
export interface ReferenceEvidence {
  /** `census`: `--scan-repos`; `refs-files`: the `--refs` files guard exported; `none`: neither. */
  source: 'census' | 'refs-files' | 'none';
  /** Why the criteria are not met, from this evidence. */
  reasons: string[];
}

/** Judges the references half of the exit criteria from the census, else from the refs files. */
export function referenceEvidence(
  census: Census | undefined,
  refsFiles: { file: string; refs: { references: unknown[] } }[],
): ReferenceEvidence {
  if (census) {
    const reasons: string[] = [];
    for (const repo of census.repos) {
      if (repo.state === 'unknown')
        reasons.push(`${repo.repo} could not be read, so its references are unknown (${repo.reason})`);
      if (repo.state === 'references') {
        const first = repo.references.slice(0, 3).map((ref) => `${ref.file}:${ref.line}`);
        const more = repo.references.length - first.length;
        reasons.push(
          `${repo.repo} still references the old registry: ${repo.references.length} reference${repo.references.length === 1 ? '' : 's'} (${first.join(', ')}${more > 0 ? ` and ${more} more` : ''})`,
        );
      }
    }
    return { source: 'census', reasons };
  }
  if (refsFiles.length > 0) {
    const reasons = refsFiles
      .filter((file) => file.refs.references.length > 0)
      .map(
        (file) =>
          `${file.file} lists ${file.refs.references.length} reference${file.refs.references.length === 1 ? '' : 's'} to the old registry still in code`,
      );
    return { source: 'refs-files', reasons };
  }
  // Without evidence the references are unknown, and unknown is never clean: the registries alone
  // cannot tell whether a build still pulls from the old one.
  return {
    source: 'none',
    reasons: [
      "the repositories' references to the old registry were not checked: run with --scan-repos (or pass each repository's guard --export-refs file with --refs)",
    ],
  };
}
