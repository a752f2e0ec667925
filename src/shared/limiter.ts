/**
 * The one concurrency limiter. Registries, the GitHub API and the machine's cores all want bounded
 * fan-out; every bounded loop in cutover goes through here so the behaviour (first come, first
 * served; a finished task hands its slot straight to the next) is written once.
 */

/** Counting semaphore: at most `limit` holders at once, waiters served first come, first served. */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency must be ≥ 1, got ${limit}`);
  }

  /** Holders right now (for tests and progress lines). */
  get running(): number {
    return this.active;
  }

  /** Waiting for a slot right now. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Waits for a slot; the returned function gives it back (extra calls are ignored). */
  async acquire(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` stays the same.
      if (next) next();
      else this.active--;
    };
  }

  /** Runs `work` inside a slot. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/**
 * Runs `work` over `items` with at most `limit` in flight and returns the results in input order.
 * The first failure rejects the whole call once the tasks already started have settled.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await work(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
  return results;
}

/** {@link mapLimited} for work whose results are not needed. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  await mapLimited(items, limit, work);
}
