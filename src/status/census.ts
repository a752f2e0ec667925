/**
 * The reference census: what every repository of the manifest still says about the old registry.
 * Each repository's default branch is read through the GitHub API (its head commit, then its
 * tarball), unpacked into a temporary directory and searched by guard's own scanner, so the census
 * finds exactly what `cutover guard` would find in that repository. Results are kept by commit SHA:
 * an unchanged repository costs one request. A repository that cannot be read is "unknown", never
 * "clean".
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Manifest } from '../manifest/model.js';
import { DEFAULT_MANIFEST_PATHS } from '../manifest/load.js';
import { applyPolicy } from '../guard/policy.js';
import { scanTree } from '../guard/scan.js';
import { startReaders, type ReaderPool } from '../guard/readers.js';
import type { FindingKind } from '../guard/finding.js';
import { downloadTarball, headCommit, unpackTarball } from '../github/tarball.js';
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
  /** Why the repository could not be read. */
  reason?: string;
  /** The result was taken from the cache (the default branch has not moved). */
  cached: boolean;
}

/** The census of every repository. */
export interface Census {
  repos: RepoCensus[];
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
  onProgress?(done: number, total: number, repo: RepoCensus): void;
}

const TEN_MEGABYTES = 10 * 1000 * 1000;

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
  const repos = await mapLimited(manifest.repos, options.concurrency, async ({ name: repo }) => {
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
          scanTarball(tarball, repo, head, options, readers, {
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
        reason: unreadable(
          error,
          commit === undefined ? 'reading its default branch' : 'reading its tarball',
        ),
        cached: false,
      };
    }
    cache.repos[repo] = result;
    options.onProgress?.(++done, manifest.repos.length, result);
    return result;
  }).finally(() => Promise.all(allReaders.map((readers) => readers.close())));
  if (options.cacheFile) writeFileSync(options.cacheFile, `${JSON.stringify(cache, null, 2)}\n`);
  return { repos, requests, elapsedMs: performance.now() - started };
}

async function scanTarball(
  tarball: Buffer,
  repo: string,
  commit: string,
  options: CensusOptions,
  readers: ReaderPool,
  hosts: Parameters<typeof scanTree>[0]['hosts'],
): Promise<RepoCensus> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-census-'));
  try {
    unpackTarball(tarball, dir, options.maxFileSize ?? TEN_MEGABYTES);
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
        url: `${options.serverUrl}/${repo}/blob/${commit}/${finding.file.split('/').map(encodeURIComponent).join('/')}#L${finding.line}`,
      })),
      ignored: findings.length - open.length,
      cached: false,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
