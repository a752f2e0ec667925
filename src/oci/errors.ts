import { OperationalError, type OperationalKind } from '../shared/errors.js';

/**
 * The registry client's failures, in the one taxonomy of src/shared/errors.ts: every failed
 * registry request is an {@link OperationalError} whose `kind` says what happened; the HTTP status
 * (when there was an answer), the registry's error code and the URL are kept for callers and logs.
 */

/** Details of a {@link RegistryError}. */
export interface RegistryErrorDetails {
  /** The HTTP status of the answer, when there was one. */
  status?: number;
  /** The registry's own error code (`MANIFEST_UNKNOWN`, `DIGEST_INVALID`…) or ours (`READ_ONLY`). */
  code?: string;
  url?: string;
  /** The registry host the request went to (`host[:port]`). */
  host?: string;
  /** What the server asked us to wait (`Retry-After`), in milliseconds. */
  retryAfterMs?: number;
  /** True when another attempt cannot help whatever the kind (a certificate error, an open breaker). */
  final?: boolean;
  hint?: string;
  cause?: unknown;
}

/** A failed registry request: what kind of failure, and the answer's status when there was one. */
export class RegistryError extends OperationalError {
  override name = 'RegistryError';
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly url: string | undefined;
  readonly host: string | undefined;
  readonly retryAfterMs: number | undefined;
  private readonly final: boolean;

  constructor(kind: OperationalKind, message: string, details: RegistryErrorDetails = {}) {
    super(kind, message, {
      ...(details.hint !== undefined && { hint: details.hint }),
      ...(details.cause !== undefined && { cause: details.cause }),
    });
    this.status = details.status;
    this.code = details.code;
    this.url = details.url;
    this.host = details.host;
    this.retryAfterMs = details.retryAfterMs;
    this.final = details.final === true;
  }

  /** True for failures worth another try: dropped connections, time-outs, 408, 429 and 5xx. */
  get retryable(): boolean {
    if (this.final) return false;
    if (this.status !== undefined) return isRetryableStatus(this.status);
    return this.kind === 'unreachable' || this.kind === 'timeout' || this.kind === 'rate-limited';
  }
}

/** Statuses a request is retried on. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** The kind of failure an HTTP status stands for. */
export function kindOfStatus(status: number): OperationalKind {
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 409) return 'conflict';
  // The registry is there but its backend is not (a gateway or an overloaded service).
  if (status === 502 || status === 503) return 'unreachable';
  if (status >= 500) return 'failed';
  if (status >= 400) return 'refused';
  return 'invalid-response';
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

/** True for codes that mean the request ran out of time rather than being refused. */
export function isTimeoutCode(code: string | undefined): boolean {
  return code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || code === 'IDLE_TIMEOUT';
}

/** True when a request got no answer at all: refused, dropped, timed out, or its host's breaker is open. */
export function isConnectionFailure(error: unknown): boolean {
  return (
    error instanceof RegistryError &&
    error.status === undefined &&
    (error.kind === 'unreachable' || error.kind === 'timeout')
  );
}
