import { Readable } from 'node:stream';
import { Limiter } from '../shared/limiter.js';
import { retry, type RetryPolicy, type RetryVerdict } from '../shared/retry.js';
import { SecretRegistry } from '../shared/secrets.js';
import { USER_AGENT } from '../shared/version.js';
import { parseChallenge } from './auth/challenge.js';
import type { AuthContext, Authorizer } from './auth/authorizer.js';
import { NegotiatedAuthorizer } from './auth/negotiate.js';
import type { Credentials } from './credentials.js';
import { RegistryError, isRetryableStatus, networkErrorCode } from './errors.js';
import { answerFailure, bodyFailure, connectionFailure, deadlineFailure, NO_ANSWER } from './failures.js';
import { HostHealth, type HealthPolicy } from './health.js';
import { DEFAULT_IDLE_TIMEOUT_MS, drain, httpRequest, keepAliveAgents, type HttpAnswer } from './http.js';
import { describeUrl, followUrl, originOf } from './urls.js';
import { parseRetryAfter } from '../shared/retry.js';

export { describeUrl, originOf };

/**
 * The registry transport: every request to a registry goes through {@link Transport.send} (or,
 * for a multi-request operation such as an upload, {@link Transport.retrying} around
 * {@link Transport.sendOnce}). This is the ONE place where requests are retried (with a per-host
 * retry budget, `Retry-After` honoured up to the policy's cap); it also holds the read-only guard,
 * the per-host concurrency slot (released while a retry waits), the host's circuit breaker
 * (health.ts), the run's deadline, the authorizer (the 401 challenge), redirects (Authorization
 * only ever sent to the registry's own origin, never from https down to http; urls.ts), and the
 * time to a first answer (a host that never answered fails in seconds; failures.ts says why).
 */

/** Tuning and safety switches of one registry's transport. */
export interface TransportOptions {
  /** Requests in flight to this host at once (default 8). */
  concurrency?: number;
  /** Retry policy for 408/429/5xx, time-outs and dropped connections. */
  retry?: Partial<RetryPolicy>;
  /** Refuse every request that could change the registry (the old registry is never written to). */
  readOnly?: boolean;
  /** Told about every retry, for the log. */
  onRetry?: (event: RetryEvent) => void;
  /** The run's secret registry: credentials and tokens are added to it before use. */
  secrets?: SecretRegistry;
  /** No byte either way for this long ends a request (default 30 s). */
  idleTimeoutMs?: number;
  /**
   * Until the host has answered once in this run, a request without an answer (headers) after
   * this long fails at once, without a retry, as "no answer from HOST" (default 10 s): a host that
   * accepts connections and never answers is not waited for request after request.
   */
  firstAnswerTimeoutMs?: number;
  /** Told, once a request has waited this long for an answer, what it waits for (default 5 s). */
  waitingNoticeMs?: number;
  /** Gets the line saying what a request waits for (see {@link waitingNoticeMs}). */
  onWaiting?: (line: string) => void;
  /** Circuit breaker, rate-limit and retry-budget limits (defaults in health.ts). */
  health?: Partial<HealthPolicy>;
  /**
   * The run's deadline: when it fires, requests in flight are aborted and later ones fail at
   * once as `timeout`; its `reason` (an Error) says which deadline.
   */
  signal?: AbortSignal;
}

/** One retried request, for logs. */
export interface RetryEvent {
  host: string;
  method: string;
  path: string;
  /** The HTTP status that was retried, 0 when there was no answer. */
  status: number;
  reason: string;
  attempt: number;
  delayMs: number;
}

/** Where a transport connects and who it says it is. */
export interface TransportInit {
  /** `host[:port]`, lower-case. */
  host: string;
  /** Plain HTTP (loopback or `insecure: true`). */
  insecure: boolean;
  credentials?: Credentials | undefined;
  options?: TransportOptions;
}

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A request body: bytes, or a factory called for each attempt (and each redirect or auth
 * answer), so a streamed body is opened anew every time it has to be sent again.
 */
export type RequestBody = Buffer | (() => Promise<Readable>);

/** One request to the registry. */
export interface RegistryRequest {
  method: Method;
  /** A path under the registry (`/v2/…`) or an absolute URL (upload locations, pagination). */
  url: string;
  scopes: string[];
  /** What the request is for, in error messages (`GET team/api:1.0`). */
  what: string;
  headers?: Record<string, string>;
  body?: RequestBody;
  /** Keep the concurrency slot until the caller releases it (streamed downloads). */
  holdSlot?: boolean;
}

/** An answer that is not a retryable failure; its body is the caller's to read or drain. */
export interface RegistryAnswer {
  response: HttpAnswer;
  /** The URL that answered (after redirects). */
  url: string;
  /** Gives the slot back (only needed with `holdSlot`; extra calls are ignored). */
  release: () => void;
}

const MAX_REDIRECTS = 5;
/** 401 answers followed by a new attempt within one request (a new token, a widened scope). */
const MAX_AUTH_ANSWERS = 2;
/** How much longer than the idle timeout a request sending a streamed body waits (see exchange). */
const STREAMED_BODY_GRACE_MS = 5_000;
/** Defaults of {@link TransportOptions.firstAnswerTimeoutMs} and {@link TransportOptions.waitingNoticeMs}. */
export const FIRST_ANSWER_TIMEOUT_MS = 10_000;
export const WAITING_NOTICE_MS = 5_000;

/** The transport of one registry; see the module comment. */
export class Transport {
  readonly host: string;
  readonly baseUrl: string;
  /** Counters for reports and tests. */
  readonly stats = { requests: 0, retries: 0, tokensFetched: 0 };
  readonly secrets: SecretRegistry;
  readonly credentials: Credentials | undefined;

  private readonly options: TransportOptions;
  private readonly limiter: Limiter;
  private readonly authorizer: Authorizer;
  private readonly agents = keepAliveAgents();
  /** Breaker, rate limiting and retry budget of this host. */
  readonly health: HostHealth;
  /** When the last "waiting for" line was given (one per interval, however many requests wait). */
  private lastNoticeAt = 0;

  constructor(init: TransportInit) {
    this.host = init.host.toLowerCase();
    this.baseUrl = `${init.insecure ? 'http' : 'https'}://${this.host}`;
    this.credentials = init.credentials;
    this.options = init.options ?? {};
    this.secrets = this.options.secrets ?? new SecretRegistry();
    if (this.credentials?.kind === 'basic')
      this.secrets.addBasic(this.credentials.username, this.credentials.password);
    if (this.credentials?.kind === 'identity-token') this.secrets.addToken(this.credentials.token);
    this.limiter = new Limiter(this.options.concurrency ?? 8);
    this.health = new HostHealth(this.host, this.options.health);
    const context: AuthContext = {
      registryHost: this.host,
      plainHttp: init.insecure,
      credentials: this.credentials,
      secrets: this.secrets,
      stats: this.stats,
      // A token service that cannot be reached fails the request that needed the token, as a
      // connection failure: the request is then retried as a whole.
      request: (url, request) =>
        this.exchange(url, { ...request, headers: { 'user-agent': USER_AGENT, ...request.headers } }).catch(
          (error: unknown) => {
            throw connectionFailure(this.host, error, request.method, url);
          },
        ),
    };
    this.authorizer = new NegotiatedAuthorizer(context);
  }

  /** True when this transport refuses writes. */
  get readOnly(): boolean {
    return this.options.readOnly === true;
  }

  /** Sends a request, retried as a whole on 408/429/5xx, time-outs and dropped connections. */
  send(request: RegistryRequest): Promise<RegistryAnswer> {
    return this.retrying(request.method, request.url, () => this.sendOnce(request));
  }

  /**
   * Runs an operation made of several requests (start an upload, then send it) as one retried
   * unit: its requests use {@link sendOnce}, and a retryable failure of this registry starts the
   * whole operation again. Failures of anything else (another registry feeding a body) are not
   * retried here: they were retried where they happened.
   */
  retrying<T>(method: string, url: string, operation: (attempt: number) => Promise<T>): Promise<T> {
    return retry(operation, {
      ...(this.options.retry && { policy: this.options.retry }),
      ...(this.options.signal && { signal: this.options.signal }),
      classify: (error) => this.classify(error),
      onRetry: (event) => {
        this.stats.retries++;
        const failure = event.error as RegistryError;
        this.options.onRetry?.({
          host: this.host,
          method,
          path: describeUrl(new URL(failure.url ?? url, this.baseUrl).href),
          status: failure.status ?? 0,
          reason: event.reason,
          attempt: event.attempt,
          delayMs: event.delayMs,
        });
      },
    });
  }

  private classify(error: unknown): RetryVerdict {
    if (!(error instanceof RegistryError) || error.host !== this.host)
      return { retryable: false, reason: String(error) };
    return {
      retryable: error.retryable && this.health.allowRetry(this.stats),
      reason: error.status !== undefined ? `HTTP ${error.status}` : (error.code ?? error.kind),
      ...(error.retryAfterMs !== undefined && { retryAfterMs: error.retryAfterMs }),
    };
  }

  /**
   * Sends a request once: authorises it, follows redirects by hand, answers up to two auth
   * challenges. Retryable answers (408, 429, 5xx) and connection failures are thrown as
   * {@link RegistryError}s for the retry layer; every other answer is returned.
   */
  async sendOnce(request: RegistryRequest): Promise<RegistryAnswer> {
    if (this.readOnly && request.method !== 'GET' && request.method !== 'HEAD') {
      throw new RegistryError(
        'refused',
        `refusing ${request.method} ${request.url}: ${this.host} is read-only for cutover (the old registry is never written to)`,
        { code: 'READ_ONLY', host: this.host, final: true },
      );
    }
    this.checkDeadline(request);
    const release = await this.limiter.acquire();
    let keep = false;
    try {
      this.checkDeadline(request);
      this.health.admit();
      const answer = await this.exchangeWithRegistry(request);
      keep = request.holdSlot === true;
      return { ...answer, release: keep ? release : () => undefined };
    } finally {
      if (!keep) release();
    }
  }

  private async exchangeWithRegistry(
    request: RegistryRequest,
  ): Promise<{ response: HttpAnswer; url: string }> {
    let url = new URL(request.url, this.baseUrl).href;
    let method = request.method;
    let redirects = 0;
    let authAnswers = 0;
    for (;;) {
      this.stats.requests++;
      const ours = originOf(new URL(url)) === originOf(new URL(this.baseUrl));
      const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...request.headers };
      if (ours) {
        const authorization = await this.authorizer.authorize(request.scopes);
        if (authorization) headers['authorization'] = authorization;
      }
      const body = typeof request.body === 'function' ? await request.body() : request.body;
      // A streamed body that fails (its source stalled or dropped) is not this host's failure.
      let bodyError: unknown;
      if (body instanceof Readable) body.once('error', (error) => (bodyError ??= error));
      let response: HttpAnswer;
      try {
        response = await this.exchange(
          url,
          { method, headers, ...(body !== undefined && { body }) },
          body instanceof Readable,
          `${method} ${describeUrl(url)}`,
        );
      } catch (error) {
        if (this.options.signal?.aborted) throw this.deadlineError(request, error);
        if (bodyError !== undefined) throw bodyFailure(this.host, bodyError, method, url);
        const failure = connectionFailure(this.host, error, method, url);
        const silent = failure.code === NO_ANSWER;
        this.health.noteConnectionFailure(
          silent ? `no answer from ${this.host}` : (failure.code ?? failure.kind),
          silent,
        );
        throw failure;
      }
      this.health.noteAnswer(response.status);
      // An answer that is not a success may come before the body was sent: stop feeding it.
      if (body instanceof Readable && response.status >= 300) body.destroy();
      const location = response.headers.get('location');
      if ([301, 302, 303, 307, 308].includes(response.status) && location) {
        await drain(response);
        if (++redirects > MAX_REDIRECTS)
          throw new RegistryError('invalid-response', `${method} ${describeUrl(url)}: too many redirects`, {
            status: response.status,
            url,
            host: this.host,
            final: true,
          });
        url = this.follow(url, location);
        if (response.status === 303) method = 'GET';
        continue;
      }
      if (response.status === 401 && ours && authAnswers < MAX_AUTH_ANSWERS) {
        const challenge = parseChallenge(response.headers.get('www-authenticate'));
        if (
          challenge &&
          (await this.authorizer.answer(challenge, request.scopes, headers['authorization']))
        ) {
          await drain(response);
          authAnswers++;
          continue;
        }
      }
      if (isRetryableStatus(response.status)) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        throw await this.failure(response, url, request.what, retryAfterMs);
      }
      // A HEAD answer has no body, but Node frees the socket only once it has been read.
      if (method === 'HEAD') await drain(response);
      return { response, url };
    }
  }

  /** Where a redirect, an upload `Location` or a pagination `Link` leads (see {@link followUrl}). */
  follow(from: string, location: string): string {
    return followUrl(this.host, from, location);
  }

  /**
   * One HTTP exchange with this transport's agents and idle timeout. While a streamed body is
   * sent, its source's own idle timeout is the one that should fire (it says whose silence it
   * was): this side waits a little longer. Until this host has answered once, a request to it
   * without a streamed body gets {@link TransportOptions.firstAnswerTimeoutMs} to answer; the log
   * is told what it waits for after {@link TransportOptions.waitingNoticeMs}.
   */
  private async exchange(
    url: string,
    init: { method: string; headers: Record<string, string>; body?: Buffer | Readable },
    streamedBody = false,
    what = `${init.method} ${describeUrl(url)}`,
  ): Promise<HttpAnswer> {
    const idle = this.options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    // A streamed body's request waits while it sends (a large upload): nothing to say about that.
    const notice = streamedBody ? undefined : this.noticeAfter(what);
    const firstContact = !this.health.answered && !streamedBody;
    try {
      return await httpRequest(url, {
        ...init,
        agents: this.agents,
        timeoutMs: streamedBody ? idle + STREAMED_BODY_GRACE_MS : idle,
        ...(firstContact && {
          answerTimeout: {
            ms: this.options.firstAnswerTimeoutMs ?? FIRST_ANSWER_TIMEOUT_MS,
            code: NO_ANSWER,
          },
        }),
        ...(this.options.signal && { signal: this.options.signal }),
      });
    } finally {
      clearTimeout(notice);
    }
  }

  /** Says what a request waits for once it has waited a while (one line per host and interval). */
  private noticeAfter(what: string): NodeJS.Timeout | undefined {
    const { onWaiting } = this.options;
    if (!onWaiting) return undefined;
    const afterMs = this.options.waitingNoticeMs ?? WAITING_NOTICE_MS;
    const started = Date.now();
    const timer = setTimeout(() => {
      if (Date.now() - this.lastNoticeAt < afterMs) return;
      this.lastNoticeAt = Date.now();
      onWaiting(
        `waiting for ${this.host} to answer ${what} (${Math.round((Date.now() - started) / 1000)} s)`,
      );
    }, afterMs);
    timer.unref();
    return timer;
  }

  /** A streamed answer of this host broke after its headers (a stalled or dropped download). */
  noteStreamFailure(error: unknown): void {
    if (this.options.signal?.aborted) return;
    this.health.noteConnectionFailure(networkErrorCode(error) ?? 'stream failed');
  }

  /** Fails at once when the run's deadline has passed. */
  private checkDeadline(request: RegistryRequest): void {
    if (this.options.signal?.aborted) throw this.deadlineError(request);
  }

  private deadlineError(request: RegistryRequest, cause?: unknown): RegistryError {
    return deadlineFailure(this.host, request.what, this.options.signal, cause);
  }

  /** A RegistryError from a failed answer, with the registry's own error code and message (masked). */
  failure(response: HttpAnswer, url: string, what: string, retryAfterMs?: number): Promise<RegistryError> {
    return answerFailure(this, response, url, what, retryAfterMs);
  }
}
