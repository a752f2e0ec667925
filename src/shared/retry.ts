/**
 * The one retry loop. Every retried operation in cutover (a registry request, a token fetch, a
 * blob upload, an engine push) goes through {@link retry}, so backoff, `Retry-After` and the
 * progress events are the same everywhere and retries never nest by accident.
 */

/** How retries behave; the defaults suit CI against a busy registry. */
export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  /** First backoff step in milliseconds; it doubles on each attempt. */
  baseMs: number;
  /** No single wait is longer than this, a server's `Retry-After` included. */
  maxDelayMs: number;
}

/** The policy used when a caller names none. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 6, baseMs: 200, maxDelayMs: 30_000 };

/** What the caller says about one failure. */
export interface RetryVerdict {
  /** Another attempt could succeed (a dropped connection, 429, 5xx…). */
  retryable: boolean;
  /** Short reason for the log, e.g. `HTTP 503` or `ECONNRESET`. */
  reason: string;
  /** The wait the server asked for (`Retry-After`), in milliseconds. */
  retryAfterMs?: number;
}

/** One retry about to happen, for progress lines. */
export interface RetryEvent {
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  reason: string;
  error: unknown;
}

/** Options for {@link retry}. */
export interface RetryOptions {
  policy?: Partial<RetryPolicy>;
  /** Decides whether a failure is worth another attempt. */
  classify(error: unknown): RetryVerdict;
  onRetry?(event: RetryEvent): void;
  /** Stops waiting and retrying when aborted (the rejection is the last error). */
  signal?: AbortSignal;
  /** For tests: the random source of the jitter. */
  random?: () => number;
}

/**
 * Runs `operation` (called again for each attempt, with the attempt number from 0, so a streamed
 * body is made anew each time) until it succeeds, fails with an error `classify` calls final, or the
 * policy's retries are spent; the last error is rethrown as it was.
 */
export async function retry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const verdict = options.classify(error);
      if (!verdict.retryable || attempt >= policy.retries || options.signal?.aborted) throw error;
      const delayMs = retryDelay(attempt, policy, verdict.retryAfterMs, options.random);
      options.onRetry?.({ attempt: attempt + 1, delayMs, reason: verdict.reason, error });
      await sleep(delayMs, options.signal);
      if (options.signal?.aborted) throw error;
    }
  }
}

/**
 * Milliseconds a `Retry-After` header asks for: delta-seconds or an HTTP-date. Undefined when
 * absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The wait before attempt `attempt + 1`: what the server asked for when it did, else exponential
 * backoff with jitter (between half and all of `base·2^attempt`), both capped by `maxDelayMs`.
 */
export function retryDelay(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const step = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}

/** Resolves after `ms` milliseconds, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
