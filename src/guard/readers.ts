import os from 'node:os';
import { Worker } from 'node:worker_threads';

/** Why a file was not searched. */
export type SkipReason = 'binary' | 'too large' | 'symlink loop' | 'unreadable' | 'not a file';

/** Batches queued on one thread at most, so listing never runs far ahead of reading. */
const QUEUED = 16;

/** What a reader thread says about one file it did not simply pass over. */
export type Verdict = [file: string, outcome: 'hit' | SkipReason, detail?: string];
export interface BatchResult {
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
      const entry = { worker, queue: [] as (typeof this.workers)[number]['queue'] };
      worker.on('message', (result: BatchResult) => {
        entry.queue.shift()?.resolve(result);
        this.waiting.shift()?.();
      });
      worker.on('error', (error) => {
        for (const waiting of entry.queue.splice(0)) waiting.reject(error);
      });
      // After the listeners: adding a 'message' listener refs the thread's port again.
      worker.unref();
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

  /** Resolves when some thread has fewer than QUEUED batches. */
  capacity(): Promise<void> {
    if (this.workers.some((entry) => entry.queue.length < QUEUED)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
  }
}
