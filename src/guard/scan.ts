import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findReferences, IMAGE_FILE_NAMES } from './detect.js';
import { movedRepositoryPrefixes, oldIsDockerHub, spellings, type Finding, type Hosts } from './finding.js';
import { displayName, isEscaped, listFiles, nameBytes, treePath } from './files.js';
import { ignoredInline, LinePositions } from './positions.js';
import { reviewFindings } from './review.js';
import type { Variables } from './source.js';
import {
  startReaders,
  type BatchFile,
  type BatchResult,
  type ReaderPool,
  type SkipReason,
} from './readers.js';

export type { SkipReason } from './readers.js';

export interface ScanOptions {
  /** The directory scanned; findings are relative to it. */
  root: string;
  hosts: Hosts;
  /** Files larger than this many bytes are skipped and counted. */
  maxFileSize: number;
  /** Relative paths never scanned (the manifest itself names the old host). */
  exclude?: ReadonlySet<string>;
  /** Reader threads; default: the cores available, at most 4. */
  threads?: number;
  /**
   * Reader threads started earlier with startReaders() (they take a while to boot); the caller closes
   * them, and may scan other trees with them first. Without: threads started and closed here.
   */
  readers?: ReaderPool;
  /** Called after each batch of files, for progress lines. */
  onProgress?: (stats: ScanStats) => void;
}

export interface ScanStats {
  /** Files listed. */
  files: number;
  /** Files read and searched. */
  scanned: number;
  bytes: number;
  /** Files containing one of the old registry's names, which were then parsed. */
  parsed: number;
  /** Parsed files that are not valid UTF-8 (searched byte by byte all the same). */
  invalidUtf8: number;
  skipped: Record<SkipReason, number>;
}

/** A finding located in its file, before the policy gives it a severity. */
export type LocatedFinding = Omit<Finding, 'severity'>;

export interface ScanResult {
  findings: LocatedFinding[];
  stats: ScanStats;
  /** Skipped and invalid-UTF-8 files, the first few of each reason, for the report. */
  notes: { file: string; reason: SkipReason | 'invalid UTF-8'; detail?: string }[];
}

const BATCH = 256;
/**
 * The first batch is smaller, and each next one twice as large up to BATCH: the main thread, which
 * parses the hits, starts on the first ones sooner instead of waiting for a full batch to be read.
 */
const FIRST_BATCH = 16;
/** Bytes of hits a thread sends back with one batch (more are read here again): bounds the memory in flight. */
const CONTENTS_PER_BATCH = 1024 * 1024;
const NOTES_PER_REASON = 20;

/**
 * Scans a working tree for references to the old registry. File names stream from git (or a walk)
 * in batches to a few reader threads, which search every file's bytes for the registry's names with
 * Buffer.indexOf; only the files that contain one are decoded and parsed, here.
 */
export async function scanTree(options: ScanOptions): Promise<ScanResult> {
  const stats: ScanStats = {
    files: 0,
    scanned: 0,
    bytes: 0,
    parsed: 0,
    invalidUtf8: 0,
    skipped: { binary: 0, 'too large': 0, 'symlink loop': 0, unreadable: 0, 'not a file': 0 },
  };
  const notes: ScanResult['notes'] = [];
  const noted = new Map<string, number>();
  const note = (file: string, reason: SkipReason | 'invalid UTF-8', detail?: string) => {
    const count = noted.get(reason) ?? 0;
    noted.set(reason, count + 1);
    if (count < NOTES_PER_REASON) notes.push({ file, reason, ...(detail !== undefined && { detail }) });
  };
  const skip = (file: string, reason: SkipReason, detail?: string) => {
    stats.skipped[reason]++;
    note(file, reason, detail);
  };
  const findings: LocatedFinding[] = [];
  // Compose reads `.env` beside the compose file: a `.env` naming the registry brings its compose
  // files in, and their `${VAR}` references are reported on the compose lines that use them.
  const composeByDir = new Map<string, string[]>();
  const inspected = new Set<string>();
  const envFiles = new Map<string, Variables | undefined>();
  const siblingEnv = (file: string): Variables | undefined => {
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    if (!envFiles.has(dir)) {
      let text: string | undefined;
      try {
        text = readFileSync(treePath(options.root, `${dir}.env`), 'latin1');
      } catch {
        text = undefined;
      }
      envFiles.set(dir, text === undefined ? undefined : dotenvVariables(text));
    }
    return envFiles.get(dir);
  };
  const inspect = (file: string, read?: Uint8Array, matches?: number[][], utf8?: boolean, size?: number) => {
    if (inspected.has(file)) return;
    inspected.add(file);
    let bytes: Buffer;
    try {
      bytes = read
        ? Buffer.from(read.buffer, read.byteOffset, read.byteLength)
        : readFileSync(treePath(options.root, file));
    } catch (error) {
      skip(file, 'unreadable', (error as Error).message);
      return;
    }
    stats.parsed++;
    // What the thread found holds for the bytes read here again unless the file changed meanwhile
    // (then it is searched and checked again here).
    const unchanged = read !== undefined || (size === bytes.length && sameMatches(bytes, needles, matches));
    const found = unchanged ? matches : undefined;
    if (!(unchanged && utf8 !== undefined ? utf8 : isUtf8(bytes))) {
      stats.invalidUtf8++;
      note(file, 'invalid UTF-8', 'searched byte by byte; columns count bytes after the first invalid one');
    }
    const env = COMPOSE_FILE.test(file) ? siblingEnv(file) : undefined;
    // The thread found the registry's names already: where, in the order of the needles sent.
    const occurrences =
      found && needles.flatMap((name, index) => found[index]!.map((at) => [at, name] as const));
    findings.push(...locate(file, bytes.toString('latin1'), options.hosts, env, occurrences));
  };

  const needles = [...spellings(options.hosts), ...movedRepositoryPrefixes(options.hosts)];
  const pool = options.readers ?? startReaders(options.threads);
  pool.configure({
    // Relative to the working directory when below it: the kernel resolves shorter paths faster.
    root: path.relative(process.cwd(), options.root) || '.',
    // Hosts compare case-insensitively: the threads' byte search folds ASCII case.
    needles,
    maxSize: options.maxFileSize,
    // The hits come back with their bytes: parsed here without a second open and read.
    contents: CONTENTS_PER_BATCH,
    // Docker Hub references need no host: every file that can hold an image by its grammar is read.
    ...(oldIsDockerHub(options.hosts) && { always: IMAGE_FILE_NAMES.source }),
  });
  const settle = (result: BatchResult) => {
    stats.scanned += result.scanned;
    stats.bytes += result.bytes;
    for (const [given, outcome, detail, bytes, matches, utf8, size] of result.verdicts) {
      const file = typeof given === 'string' ? given : displayName(Buffer.from(given));
      if (outcome === 'hit') inspect(file, bytes, matches, utf8, size);
      else skip(file, outcome, detail);
    }
    options.onProgress?.(stats);
  };
  try {
    let batch: BatchFile[] = [];
    let batchSize = FIRST_BATCH;
    const pending: Promise<void>[] = [];
    for await (const listedBatch of listFiles(options.root)) {
      for (const listed of listedBatch) {
        if ('skipped' in listed) {
          stats.files++;
          skip(listed.skipped, listed.reason, listed.detail);
          continue;
        }
        if (options.exclude?.has(listed.file)) continue;
        stats.files++;
        if (COMPOSE_FILE.test(listed.file)) {
          const dir = listed.file.slice(0, listed.file.lastIndexOf('/') + 1);
          composeByDir.set(dir, [...(composeByDir.get(dir) ?? []), listed.file]);
        }
        // A name that is not plain UTF-8 goes to the thread as its bytes.
        batch.push(isEscaped(listed.file) ? nameBytes(listed.file) : listed.file);
        if (batch.length >= batchSize) {
          batchSize = Math.min(BATCH, batchSize * 2);
          const { result } = await pool.send(batch);
          pending.push(result.then(settle));
          batch = [];
        }
      }
    }
    if (batch.length) pending.push((await pool.send(batch)).result.then(settle));
    await Promise.all(pending);
    for (const file of [...inspected].filter((name) => /(^|\/)\.env$/.test(name)))
      for (const compose of composeByDir.get(file.slice(0, -'.env'.length)) ?? []) inspect(compose);
  } finally {
    if (!options.readers) await pool.close();
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.offset - b.offset));
  return { findings, stats, notes };
}

/** True when every needle is still where the thread found it in bytes read again. */
function sameMatches(bytes: Buffer, needles: readonly string[], matches: number[][] | undefined): boolean {
  return (
    matches !== undefined &&
    needles.every((needle, index) =>
      matches[index]!.every(
        (at) => bytes.toString('latin1', at, at + needle.length).toLowerCase() === needle,
      ),
    )
  );
}

const COMPOSE_FILE = /(^|\/)(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i;

/**
 * The variables of a Compose `.env` file (`NAME=value`, `export` and quotes allowed, comments
 * skipped). Their characters are mapped nowhere (-1): a reference using one is fixed in `.env`.
 */
function dotenvVariables(text: string): Variables {
  const variables: Variables = new Map();
  for (const line of text.split('\n')) {
    const match =
      /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^#\r]*?))\s*(?:#.*)?\r?$/.exec(
        line,
      );
    if (!match) continue;
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    variables.set(match[1]!, { text: value, offsets: Array<number>(value.length).fill(-1) });
  }
  return variables;
}

function locate(
  file: string,
  source: string,
  hosts: Hosts,
  env?: Variables,
  occurrences?: readonly (readonly [number, string])[],
): LocatedFinding[] {
  const found = reviewFindings(file, source, hosts, findReferences(file, source, hosts, env, occurrences));
  if (found.length === 0) return [];
  // The findings come sorted by offset: their lines are counted in one pass up to the last one,
  // with no index of every line of a large file that names the registry on a few.
  const lines = new LinePositions(source);
  // The findings are this function's own: completed in place, then copied once. Their strings are
  // slices of the file's text, which keep the whole text alive: with Docker Hub, every values file
  // of a chart collection (26 MB) until the report. The copy holds only their own characters.
  return found.map((finding) => {
    const located = finding as LocatedFinding;
    const { line, column } = lines.position(finding.offset);
    located.line = line;
    located.column = column;
    if (ignoredInline(lines, line)) located.ignored = 'inline';
    return structuredClone(located);
  });
}
