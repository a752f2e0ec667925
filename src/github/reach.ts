import { OperationalError } from '../shared/errors.js';

/**
 * Reaching the GitHub API at all: a request that gets no answer (headers) in time is ended, and a
 * failure without an answer — a name that does not resolve, a server that accepts and never
 * answers, a refused connection — is told in those words, naming the request with its path filled
 * in (`GET /repos/acme/app`, never the template), instead of Octokit's "500" for anything that
 * never reached GitHub.
 */

/** Until the API has answered once, a request without an answer this long fails (10 s). */
export const GITHUB_FIRST_ANSWER_TIMEOUT_MS = 10_000;
/** A request that has waited this long for an answer is reported (5 s). */
export const GITHUB_WAITING_NOTICE_MS = 5_000;

/** The code of the error a request ends with when the API did not answer in time. */
const NO_ANSWER = 'NO_ANSWER';

/** A request to GitHub that got no answer at all. */
export class GitHubUnreachableError extends OperationalError {
  override name = 'GitHubUnreachableError';
  constructor(
    message: string,
    readonly code: string,
    /** True when another attempt cannot help (the name does not resolve, the API never answered). */
    readonly final: boolean,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(code === NO_ANSWER ? 'timeout' : 'unreachable', message, options);
  }
}

/**
 * `fetch` that ends a request without an answer after `timeoutMs` (when given) and says what it
 * waits for after {@link GITHUB_WAITING_NOTICE_MS}; the body, once the answer has come, is not timed.
 */
export function answerTimedFetch(
  fetch: typeof globalThis.fetch,
  options: { timeoutMs: number | undefined; name: string; onWaiting?: ((line: string) => void) | undefined },
): typeof globalThis.fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const started = Date.now();
    let silent = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            silent = true;
            controller.abort();
          }, options.timeoutMs);
    const notice = setTimeout(() => {
      const host = new URL(String(input instanceof Request ? input.url : input)).host;
      options.onWaiting?.(
        `waiting for ${host} to answer ${options.name} (${Math.round((Date.now() - started) / 1000)} s)`,
      );
    }, GITHUB_WAITING_NOTICE_MS);
    notice.unref();
    const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    try {
      return await fetch(input, { ...init, signal });
    } catch (error) {
      if (silent)
        throw Object.assign(new Error(`in ${Math.round(options.timeoutMs! / 1000)} s`), {
          code: NO_ANSWER,
          cause: error,
        });
      throw error;
    } finally {
      clearTimeout(timer);
      clearTimeout(notice);
    }
  };
}

/** The first error with a code in a chain of causes (Octokit's RequestError → fetch's TypeError → the socket's). */
function coded(error: unknown): { code: string; message: string } | undefined {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return { code, message: (current as Error).message };
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The failure of a request that never got an answer, in words, or undefined when GitHub did
 * answer (an Octokit RequestError with a real response). `answeredBefore`: the API answered an
 * earlier request of this client, so another attempt may help.
 */
export function unreachableFailure(
  error: unknown,
  request: { name: string; url: string },
  answeredBefore: boolean,
): GitHubUnreachableError | undefined {
  if (error instanceof GitHubUnreachableError) return error;
  if ((error as { response?: unknown }).response !== undefined) return undefined;
  const status = (error as { status?: unknown }).status;
  // Octokit calls anything that did not reach GitHub a 500 without a response.
  if (status !== undefined && status !== 500) return undefined;
  const found = coded((error as { cause?: unknown }).cause ?? error);
  const code = found?.code ?? 'no connection';
  const host = new URL(request.url).host;
  if (code === NO_ANSWER)
    return new GitHubUnreachableError(
      `${request.name}: no answer from ${host} ${found!.message}: it accepts connections but sends nothing back`,
      code,
      !answeredBefore,
      { hint: `check GITHUB_API_URL (${host}) and that it is reachable from here`, cause: error },
    );
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL')
    return new GitHubUnreachableError(
      `${request.name}: cannot resolve ${new URL(request.url).hostname} (${code})`,
      code,
      !answeredBefore || code !== 'EAI_AGAIN',
      {
        hint: 'check GITHUB_API_URL and DNS from this machine',
        cause: error,
      },
    );
  return new GitHubUnreachableError(
    `${request.name}: GitHub (${host}) could not be reached: ${code}`,
    code,
    !answeredBefore,
    {
      cause: error,
    },
  );
}
