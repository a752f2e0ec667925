import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { findReferences } from './detect.js';
import type { Finding, Hosts } from './finding.js';
import { listFiles } from './files.js';
import { ignoredInline, LineIndex } from './positions.js';

/** Why a file was not searched. */
export type SkipReason = 'binary' | 'too large' | 'symlink loop' | 'unreadable' | 'not a file';

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
  /** Reader threads started earlier with startReaders() (they take a while to boot); closed here. */
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
const NOTES_PER_REASON = 20;
const QUEUED = 16;

/** What a reader thread says about one file it did not simply pass over. */
type Verdict = [file: string, outcome: 'hit' | SkipReason, detail?: string];
interface BatchResult {
  verdicts: Verdict[];
  scanned: number;
  bytes: number;
}

/**
 * The reader thread: plain CommonJS with Node built-ins only, so it runs from the bundle with
 * `eval`. Files are read back to back into one reused buffer, each followed by a NUL byte, and the
 * buffer is searched once per registry name when it is full: a name never contains NUL, so no match
 * spans two files, and the NUL after each file also bounds the binary sniff (a NUL in the first
 * 8 kB). Per file that leaves open, read and close (fstat only when the read fills the room left)
 * and one memchr; nothing is allocated, decoded or parsed here. Binaries and files over the size
 * limit are skipped; the files that contain one of the registry's names are reported.
 */
const READER = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
// Set by the first message, { root, needles, maxSize }: the thread boots before the manifest is read.
let wanted;
let prefix;
let maxSize;
const CHUNK = 2 * 1024 * 1024;
const SNIFF = 8192;
let chunk = Buffer.allocUnsafe(CHUNK);
function failure(error) {
  const code = error && error.code;
  if (code === 'ELOOP') return ['symlink loop', 'too many levels of symbolic links'];
  if (code === 'EISDIR') return ['not a file', 'a directory (a submodule or a link to one)'];
  if (code === 'ENOENT') return ['unreadable', 'listed but missing (deleted?)'];
  if (code === 'EACCES') return ['unreadable', 'permission denied'];
  return ['unreadable', String(error && error.message)];
}
function readFully(fd, buffer, length, size) {
  let got;
  while (length < size && (got = fs.readSync(fd, buffer, length, size - length, length)) > 0) length += got;
  return length;
}
parentPort.on('message', (files) => {
  if (!Array.isArray(files)) {
    wanted = files.needles.map((needle) => Buffer.from(needle, 'latin1'));
    prefix = files.root === '.' ? '' : files.root + '/';
    maxSize = files.maxSize;
    return;
  }
  // [index in files, file, outcome, detail]: sorted back into the order of the batch at the end.
  const verdicts = [];
  let scanned = 0;
  let bytes = 0;
  // The files held in the chunk: where each starts, and its index in files.
  let used = 0;
  const starts = [];
  const held = [];
  const search = () => {
    if (held.length === 0) return;
    const view = chunk.subarray(0, used);
    const found = new Uint8Array(held.length);
    for (const needle of wanted) {
      let at = view.indexOf(needle);
      while (at >= 0) {
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
          const middle = (low + high + 1) >> 1;
          if (starts[middle] <= at) low = middle;
          else high = middle - 1;
        }
        if (!found[low]) {
          found[low] = 1;
          verdicts.push([held[low], files[held[low]], 'hit']);
        }
        at = low + 1 < starts.length ? view.indexOf(needle, starts[low + 1]) : -1;
      }
    }
    used = 0;
    starts.length = 0;
    held.length = 0;
  };
  for (let index = 0; index < files.length; index++) {
    const file = files[index];
    let fd;
    try {
      fd = fs.openSync(prefix + file, 'r');
      if (chunk.length - used < 64 * 1024) search();
      const want = Math.min(chunk.length - used - 1, maxSize + 1);
      let at = used;
      let length = fs.readSync(fd, chunk, at, want, 0);
      if (length === want) {
        const info = fs.fstatSync(fd);
        if (!info.isFile()) { verdicts.push([index, file, 'not a file']); continue; }
        if (info.size > maxSize) { verdicts.push([index, file, 'too large', info.size + ' bytes']); continue; }
        if (info.size > length) {
          // It does not fit behind the files held: search those, then read it alone.
          search();
          const before = chunk;
          if (info.size + 1 > chunk.length) chunk = Buffer.allocUnsafe(info.size + 1);
          before.copy(chunk, 0, at, at + length);
          at = 0;
          length = readFully(fd, chunk, length, info.size);
        }
      }
      chunk[at + length] = 0;
      const nul = chunk.indexOf(0, at);
      if (nul < at + length && nul - at < SNIFF) { verdicts.push([index, file, 'binary']); continue; }
      scanned++;
      bytes += length;
      starts.push(at);
      held.push(index);
      used = at + length + 1;
    } catch (error) {
      const [reason, detail] = failure(error);
      verdicts.push([index, file, reason, detail]);
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
  search();
  // A huge file's buffer is not kept for the next batch.
  if (chunk.length > CHUNK) chunk = Buffer.allocUnsafe(CHUNK);
  verdicts.sort((a, b) => a[0] - b[0]);
  parentPort.postMessage({ verdicts: verdicts.map((verdict) => verdict.slice(1)), scanned, bytes });
});
`;

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
  const inspect = (file: string) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(options.root, file));
    } catch (error) {
      skip(file, 'unreadable', (error as Error).message);
      return;
    }
    stats.parsed++;
    if (!isUtf8(bytes)) {
      stats.invalidUtf8++;
      note(file, 'invalid UTF-8', 'searched byte by byte; columns count bytes after the first invalid one');
    }
    findings.push(...locate(file, bytes.toString('latin1'), options.hosts));
  };

  const pool = options.readers ?? startReaders(options.threads);
  pool.configure({
    // Relative to the working directory when below it: the kernel resolves shorter paths faster.
    root: path.relative(process.cwd(), options.root) || '.',
    needles: options.hosts.oldNames,
    maxSize: options.maxFileSize,
  });
  const settle = (result: BatchResult) => {
    stats.scanned += result.scanned;
    stats.bytes += result.bytes;
    for (const [file, outcome, detail] of result.verdicts) {
      if (outcome === 'hit') inspect(file);
      else skip(file, outcome, detail);
    }
    options.onProgress?.(stats);
  };
  try {
    let batch: string[] = [];
    const pending: Promise<void>[] = [];
    for await (const listedBatch of listFiles(options.root)) {
      for (const listed of listedBatch) {
        if ('skipped' in listed) {
          stats.files++;
          skip(listed.skipped, listed.reason);
          continue;
        }
        if (options.exclude?.has(listed.file)) continue;
        stats.files++;
        batch.push(listed.file);
        if (batch.length >= BATCH) {
          pending.push(pool.run(batch).then(settle));
          batch = [];
          await pool.capacity();
        }
      }
    }
    if (batch.length) pending.push(pool.run(batch).then(settle));
    await Promise.all(pending);
  } finally {
    await pool.close();
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.offset - b.offset));
  return { findings, stats, notes };
}

/**
 * Starts the reader threads: one per core available (the main thread lists and parses between
 * batches), at most 4. Booting a thread takes tens of milliseconds, so a command starts them before
 * it reads its manifest and hands them to scanTree(); until then they do not keep the process alive.
 */
export function startReaders(threads = Math.max(1, Math.min(4, os.availableParallelism()))): ReaderPool {
  return new ReaderPool(threads);
}

/** Reader threads with at most QUEUED batches queued on each, so listing never runs far ahead. */
export class ReaderPool {
  private readonly workers: {
    worker: Worker;
    queue: { resolve: (result: BatchResult) => void; reject: (error: Error) => void }[];
  }[];
  private waiting: (() => void)[] = [];

  constructor(count: number) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(READER, { eval: true });
      worker.unref();
      const entry = { worker, queue: [] as (typeof this.workers)[number]['queue'] };
      worker.on('message', (result: BatchResult) => {
        entry.queue.shift()?.resolve(result);
        this.waiting.shift()?.();
      });
      worker.on('error', (error) => {
        for (const waiting of entry.queue.splice(0)) waiting.reject(error);
      });
      return entry;
    });
  }

  /** What to search for, and where; from now on the threads keep the process alive until close(). */
  configure(data: { root: string; needles: string[]; maxSize: number }): void {
    for (const { worker } of this.workers) {
      worker.postMessage(data);
      worker.ref();
    }
  }

  /** Sends a batch to the least busy thread. */
  run(files: string[]): Promise<BatchResult> {
    const entry = this.workers.reduce((a, b) => (b.queue.length < a.queue.length ? b : a));
    return new Promise((resolve, reject) => {
      entry.queue.push({ resolve, reject });
      entry.worker.postMessage(files);
    });
  }

  /** Resolves when some thread has fewer than two batches. */
  capacity(): Promise<void> {
    if (this.workers.some((entry) => entry.queue.length < QUEUED)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
  }
}

function locate(file: string, source: string, hosts: Hosts): LocatedFinding[] {
  const found = findReferences(file, source, hosts);
  if (found.length === 0) return [];
  const lines = new LineIndex(source);
  return found.map((finding) => {
    const { line, column } = lines.position(finding.offset);
    return {
      ...finding,
      line,
      column,
      ...(ignoredInline(lines, line) && { ignored: 'inline' as const }),
    };
  });
}
