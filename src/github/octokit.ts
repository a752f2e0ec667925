/**
 * The one place GitHub API clients are made (rollout, the status dashboard and census, the central
 * manifest). It is `@octokit/rest` (not `@actions/github`'s `getOctokit`: that brings a second
 * copy of `@actions/http-client` and grows the bundle by 67 kB) and wraps every request in the shared {@link retry} loop with GitHub's rate-limit rules — the
 * behaviour of `@octokit/plugin-throttling` and `@octokit/plugin-retry`, written over cutover's own
 * retry and limiter instead of a second retry loop and Bottleneck:
 * - primary limit (403/429 with `x-ratelimit-remaining: 0`): wait until `x-ratelimit-reset`;
 * - secondary limit (403/429 with `retry-after`, or a "secondary rate limit" message): wait what
 *   the server asks, else a minute, as GitHub's documentation says;
 * - 5xx and dropped connections: exponential backoff;
 * - a limit answer pauses every request of this client, not just the one that got it;
 * - requests that create content (POST/PATCH/PUT/DELETE) go one at a time with a gap between them.
 */
import { Octokit } from '@octokit/rest';
import { UsageError } from '../shared/errors.js';
import { Limiter } from '../shared/limiter.js';
import { parseRetryAfter, retry, sleep, type RetryPolicy, type RetryVerdict } from '../shared/retry.js';
import type { SecretRegistry } from '../shared/secrets.js';
import { httpStatus } from './http-status.js';
import {
  answerTimedFetch,
  GITHUB_FIRST_ANSWER_TIMEOUT_MS,
  GitHubUnreachableError,
  unreachableFailure,
} from './reach.js';

export { httpStatus };

/** A GitHub API client as the factory makes it. */
export type GitHub = Octokit;

/** One wait caused by GitHub's limits or a failure, for progress lines. */
export interface GitHubWait {
  /** `primary` and `secondary` rate limits, or `error` for 5xx and network failures. */
  kind: 'primary' | 'secondary' | 'error';
  delayMs: number;
  attempt: number;
  /** `METHOD /path` of the request that got the answer. */
  request: string;
  reason: string;
}

/** How a client paces itself; defaults follow GitHub's best practices for integrators. */
export interface GitHubClientSettings {
  /** Retries of one request; waits longer than `maxDelayMs` are cut to it. */
  retry?: Partial<RetryPolicy>;
  /** Gap between two content-creating requests (GitHub asks for at least one second). */
  writeGapMs?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Told about each wait (the command turns it into a log line). */
  onWait?(wait: GitHubWait): void;
  /** Environment variables holding the token, first set wins (default GITHUB_TOKEN, GH_TOKEN). */
  tokenVariables?: string[];
  /** Until the API has answered once, a request without an answer this long fails (default 10 s). */
  firstAnswerTimeoutMs?: number;
  /** Told what a request waits for once it has waited 5 s for an answer (a line for the log). */
  onWaiting?(line: string): void;
}

/** Retries for GitHub: limits ask for waits of a minute or until the hour's reset. */
export const GITHUB_RETRY_POLICY: RetryPolicy = { retries: 8, baseMs: 1000, maxDelayMs: 15 * 60_000 };

/** Without a header, GitHub asks integrators to wait at least a minute after a secondary limit. */
const SECONDARY_DEFAULT_WAIT_MS = 60_000;

/**
 * Makes the client: token from GITHUB_TOKEN (masked), API base from GITHUB_API_URL so GitHub
 * Enterprise Server and the tests' local API server work unchanged.
 */
export function createOctokit(
  env: NodeJS.ProcessEnv,
  secrets: SecretRegistry,
  purpose: string,
  settings: GitHubClientSettings = {},
): GitHub {
  const token = (settings.tokenVariables ?? ['GITHUB_TOKEN', 'GH_TOKEN'])
    .map((name) => env[name])
    .find((value) => value);
  if (!token) {
    throw new UsageError(
      `GITHUB_TOKEN is not set: ${purpose} needs the GitHub API (in a workflow: env: GITHUB_TOKEN: \${{ github.token }})`,
    );
  }
  secrets.addToken(token);
  return githubClient(token, env['GITHUB_API_URL'] || 'https://api.github.com', settings);
}

/** A client for `baseUrl` with the given token; {@link createOctokit} is the usual door. */
export function githubClient(token: string, baseUrl: string, settings: GitHubClientSettings = {}): GitHub {
  const octokit = new Octokit({
    auth: token,
    baseUrl,
    userAgent: 'cutover',
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  const policy = { ...GITHUB_RETRY_POLICY, ...settings.retry };
  const writeGapMs = settings.writeGapMs ?? 1000;
  const inFlight = new Limiter(settings.concurrency ?? 10);
  const writes = new Limiter(1);
  let lastWrite = 0;
  let pausedUntil = 0;

  // Whether the API has answered anything yet; once it failed to (unresolvable, silent), the
  // client's later requests fail at once with that reason instead of each waiting in turn.
  let answered = false;
  let unreachable: GitHubUnreachableError | undefined;

  octokit.hook.wrap('request', async (request, options) => {
    // The request as sent, its path filled in (`GET /repos/acme/app`), for every message.
    const { url } = octokit.request.endpoint.parse(options);
    const name = `${options.method} ${new URL(url).pathname}`;
    const isWrite = !['GET', 'HEAD'].includes(options.method);
    const fetch = options.request?.fetch ?? globalThis.fetch;
    const attempt = async () => {
      if (unreachable)
        throw new GitHubUnreachableError(
          `${name}: not sent: ${unreachable.message}`,
          unreachable.code,
          true,
          {
            ...(unreachable.hint !== undefined && { hint: unreachable.hint }),
          },
        );
      const timed = answerTimedFetch(fetch, {
        timeoutMs: answered ? undefined : (settings.firstAnswerTimeoutMs ?? GITHUB_FIRST_ANSWER_TIMEOUT_MS),
        name,
        onWaiting: settings.onWaiting,
      });
      try {
        // In place: the hooks inside this one (the token's) were given this very object.
        options.request = { ...options.request, fetch: timed };
        const response = await request(options);
        answered = true;
        return response;
      } catch (error) {
        const failure = unreachableFailure(error, { name, url }, answered);
        if (!failure) {
          if ((error as { response?: unknown }).response !== undefined) answered = true;
          throw error;
        }
        if (failure.final) unreachable ??= failure;
        throw failure;
      }
    };
    const send = () =>
      retry(
        async () => {
          // A limit answer to any request holds back every request of this client.
          while (Date.now() < pausedUntil) await sleep(pausedUntil - Date.now());
          return inFlight.run(attempt);
        },
        {
          policy,
          classify: classifyGitHubFailure,
          onRetry: (event) => {
            const verdict = classifyGitHubFailure(event.error);
            const kind = verdict.reason.startsWith('primary')
              ? 'primary'
              : verdict.reason.startsWith('secondary')
                ? 'secondary'
                : 'error';
            if (kind !== 'error') pausedUntil = Math.max(pausedUntil, Date.now() + event.delayMs);
            settings.onWait?.({
              kind,
              delayMs: event.delayMs,
              attempt: event.attempt,
              request: name,
              reason: event.reason,
            });
          },
        },
      );
    if (!isWrite) return send();
    return writes.run(async () => {
      const gap = lastWrite + writeGapMs - Date.now();
      if (gap > 0) await sleep(gap);
      try {
        return await send();
      } finally {
        lastWrite = Date.now();
      }
    });
  });
  return octokit;
}

/**
 * Whether a failed GitHub request is worth another attempt, and how long to wait: GitHub's
 * primary and secondary rate limits, 5xx answers and dropped connections are; other 4xx are final.
 */
export function classifyGitHubFailure(error: unknown, now = Date.now()): RetryVerdict {
  if (error instanceof GitHubUnreachableError)
    return { retryable: !error.final, reason: `network: ${error.code}` };
  const status = httpStatus(error);
  if (status === undefined) {
    const code = (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code;
    return { retryable: true, reason: `network: ${String(code ?? (error as Error).message)}` };
  }
  const headers = responseHeaders(error);
  if (status === 403 || status === 429) {
    const retryAfterMs = parseRetryAfter(headers['retry-after'], now);
    if (retryAfterMs !== undefined)
      return { retryable: true, reason: `secondary rate limit (HTTP ${status})`, retryAfterMs };
    if (headers['x-ratelimit-remaining'] === '0') {
      const reset = Number(headers['x-ratelimit-reset']);
      const waitMs = Number.isFinite(reset) ? Math.max(0, reset * 1000 - now) + 1000 : 60_000;
      return { retryable: true, reason: `primary rate limit (HTTP ${status})`, retryAfterMs: waitMs };
    }
    if (status === 429 || /secondary rate limit|abuse/i.test((error as Error).message))
      return {
        retryable: true,
        reason: `secondary rate limit (HTTP ${status})`,
        retryAfterMs: SECONDARY_DEFAULT_WAIT_MS,
      };
    return { retryable: false, reason: `HTTP ${status}` };
  }
  return { retryable: status >= 500, reason: `HTTP ${status}` };
}

function responseHeaders(error: unknown): Record<string, string | undefined> {
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers ?? {};
  return Object.fromEntries(
    Object.entries(headers).map(([key, value]) => [
      key.toLowerCase(),
      value === undefined ? undefined : String(value),
    ]),
  );
}
