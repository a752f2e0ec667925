import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { Limiter } from '../shared/limiter.js';
import { readerThread, type BatchFile, type BatchResult, type ReaderSetup } from './reader-thread.js';

export type { BatchFile, BatchResult, SkipReason, Verdict } from './reader-thread.js';

/** Batches queued on one thread at most, so listing never runs far ahead of reading. */
const QUEUED = 16;

/**
 * What a thread evaluates: the typed reader function's compiled text, called with what it needs of
 * Node. `eval` workers are CommonJS, so `require` is there, from lib/ and from the bundle alike.
 */
const READER_SOURCE = `(${String(readerThread)})(require('node:worker_threads').parentPort, require('node:fs'), require('node:buffer').isUtf8);`;

/**
 * Starts the reader threads: one per core available (the main thread lists and parses between
 * batches), at most 4. Booting a thread takes tens of milliseconds, so a command starts them before
 * it reads its manifest and hands them to scanTree(); until then they do not keep the process alive.
 */
export function startReaders(threads = Math.max(1, Math.min(4, os.availableParallelism()))): ReaderPool {
  return new ReaderPool(threads);
}

/** Reader threads; at most QUEUED batches in flight per thread (the shared Limiter counts them). */
export class ReaderPool {
  private readonly workers: {
    worker: Worker;
    /** Batches sent to this thread, answered in order. */
    queue: { resolve: (result: BatchResult) => void; reject: (error: Error) => void }[];
  }[];
  private readonly inFlight: Limiter;

  constructor(count: number) {
    this.inFlight = new Limiter(count * QUEUED);
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(READER_SOURCE, { eval: true });
      const entry = { worker, queue: [] as (typeof this.workers)[number]['queue'] };
      worker.on('message', (result: BatchResult) => entry.queue.shift()?.resolve(result));
      worker.on('error', (error) => {
        for (const waiting of entry.queue.splice(0)) waiting.reject(error);
      });
      // After the listeners: adding a 'message' listener refs the thread's port again.
      worker.unref();
      return entry;
    });
  }

  /** What to search for, and where; from now on the threads keep the process alive until close(). */
  configure(data: ReaderSetup): void {
    for (const { worker } of this.workers) {
      worker.postMessage(data);
      worker.ref();
    }
  }

  /**
   * Sends a batch to the least busy thread, first waiting while every thread has QUEUED batches (so
   * the caller's listing pauses too). Resolves once sent, with the result to come.
   */
  async send(files: BatchFile[]): Promise<{ result: Promise<BatchResult> }> {
    const release = await this.inFlight.acquire();
    // With every slot counted, the least busy thread has fewer than QUEUED batches.
    const entry = this.workers.reduce((a, b) => (b.queue.length < a.queue.length ? b : a));
    const result = new Promise<BatchResult>((resolve, reject) => {
      entry.queue.push({ resolve, reject });
      entry.worker.postMessage(files);
    });
    result.then(release, release);
    return { result };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
  }
}
