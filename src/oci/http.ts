export { Limiter } from '../shared/limiter.js';
/**
 * The transport pieces of the registry client that know nothing about registries: a per-host
 * concurrency limiter, the retry policy (exponential backoff with jitter, Retry-After in both its
 * forms), and the error type every failed request becomes.
 */

/** A failed registry request: the status (0 for a dropped connection), the registry's error code and the URL. */
export class RegistryError extends Error {
  override name = 'RegistryError';
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly url?: string,
  ) {
    super(message);
  }

  /** True for answers worth another try: 408, 429, 5xx and dropped connections. */
  get retryable(): boolean {
    return isRetryableStatus(this.status);
  }
}

/** Statuses a request is retried on. Status 0 stands for a connection that failed or dropped. */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** How retries behave; the defaults suit CI against a busy registry. */
export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  /** First backoff step in milliseconds; it doubles on each attempt. */
  baseMs: number;
  /** No single wait is longer than this, Retry-After included. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 6, baseMs: 200, maxDelayMs: 30_000 };

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
 * The wait before attempt `attempt + 1`: what Retry-After asks for when given, else exponential
 * backoff with jitter (between half and all of `base·2^attempt`), both capped by `maxDelayMs`.
 */
export function retryDelay(
  attempt: number,
  policy: RetryPolicy,
  retryAfter?: string | null,
  random: () => number = Math.random,
): number {
  const asked = parseRetryAfter(retryAfter);
  if (asked !== undefined) return Math.min(asked, policy.maxDelayMs);
  const step = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The error code of a dropped or refused connection (ECONNRESET, ECONNREFUSED…), else its message. */
export function networkErrorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return (error as NodeJS.ErrnoException)?.code ?? cause?.code ?? cause?.message ?? (error as Error)?.message;
}

/**
 * True for connection failures that another attempt cannot fix: certificate problems (unknown CA,
 * wrong name, expired) and names that do not resolve.
 */
export function isPermanentNetworkError(code: string | undefined): boolean {
  return (
    code !== undefined &&
    (/CERT|SELF_SIGNED|ERR_TLS|UNABLE_TO_VERIFY|HOSTNAME/.test(code) || code === 'ENOTFOUND')
  );
}
