"use strict";
exports.id = 57;
exports.ids = [57];
exports.modules = {

/***/ 17057:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOctokit: () => (/* binding */ createOctokit)
});

// UNUSED EXPORTS: GITHUB_RETRY_POLICY, classifyGitHubFailure, githubClient, httpStatus

// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 22 modules
var dist_src = __webpack_require__(60891);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/shared/limiter.js
var limiter = __webpack_require__(17870);
// EXTERNAL MODULE: ./lib/src/shared/retry.js
var retry = __webpack_require__(17916);
// EXTERNAL MODULE: ./lib/src/github/http-status.js
var http_status = __webpack_require__(14501);
;// CONCATENATED MODULE: ./lib/src/github/reach.js

/**
 * Reaching the GitHub API at all: a request that gets no answer (headers) in time is ended, and a
 * failure without an answer — a name that does not resolve, a server that accepts and never
 * answers, a refused connection — is told in those words, naming the request with its path filled
 * in (`GET /repos/acme/app`, never the template), instead of Octokit's "500" for anything that
 * never reached GitHub.
 */
/** Until the API has answered once, a request without an answer this long fails (10 s). */
const GITHUB_FIRST_ANSWER_TIMEOUT_MS = 10_000;
/** A request that has waited this long for an answer is reported (5 s). */
const GITHUB_WAITING_NOTICE_MS = 5_000;
/** The code of the error a request ends with when the API did not answer in time. */
const NO_ANSWER = 'NO_ANSWER';
/** A request to GitHub that got no answer at all. */
class GitHubUnreachableError extends errors/* OperationalError */.LE {
    code;
    final;
    name = 'GitHubUnreachableError';
    constructor(message, code, 
    /** True when another attempt cannot help (the name does not resolve, the API never answered). */
    final, options = {}) {
        super(code === NO_ANSWER ? 'timeout' : 'unreachable', message, options);
        this.code = code;
        this.final = final;
    }
}
/**
 * `fetch` that ends a request without an answer after `timeoutMs` (when given) and says what it
 * waits for after {@link GITHUB_WAITING_NOTICE_MS}; the body, once the answer has come, is not timed.
 */
function answerTimedFetch(fetch, options) {
    return async (input, init) => {
        const controller = new AbortController();
        const started = Date.now();
        let silent = false;
        const timer = options.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                silent = true;
                controller.abort();
            }, options.timeoutMs);
        const notice = setTimeout(() => {
            const host = new URL(String(input instanceof Request ? input.url : input)).host;
            options.onWaiting?.(`waiting for ${host} to answer ${options.name} (${Math.round((Date.now() - started) / 1000)} s)`);
        }, GITHUB_WAITING_NOTICE_MS);
        notice.unref();
        const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
        try {
            return await fetch(input, { ...init, signal });
        }
        catch (error) {
            if (silent)
                throw Object.assign(new Error(`in ${Math.round(options.timeoutMs / 1000)} s`), {
                    code: NO_ANSWER,
                    cause: error,
                });
            throw error;
        }
        finally {
            clearTimeout(timer);
            clearTimeout(notice);
        }
    };
}
/** The first error with a code in a chain of causes (Octokit's RequestError → fetch's TypeError → the socket's). */
function coded(error) {
    for (let current = error, depth = 0; current && depth < 6; depth++) {
        const code = current.code;
        if (typeof code === 'string' && code !== '')
            return { code, message: current.message };
        current = current.cause;
    }
    return undefined;
}
/**
 * The failure of a request that never got an answer, in words, or undefined when GitHub did
 * answer (an Octokit RequestError with a real response). `answeredBefore`: the API answered an
 * earlier request of this client, so another attempt may help.
 */
function unreachableFailure(error, request, answeredBefore) {
    if (error instanceof GitHubUnreachableError)
        return error;
    if (error.response !== undefined)
        return undefined;
    const status = error.status;
    // Octokit calls anything that did not reach GitHub a 500 without a response.
    if (status !== undefined && status !== 500)
        return undefined;
    const found = coded(error.cause ?? error);
    const code = found?.code ?? 'no connection';
    const host = new URL(request.url).host;
    if (code === NO_ANSWER)
        return new GitHubUnreachableError(`${request.name}: no answer from ${host} ${found.message}: it accepts connections but sends nothing back`, code, !answeredBefore, { hint: `check GITHUB_API_URL (${host}) and that it is reachable from here`, cause: error });
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL')
        return new GitHubUnreachableError(`${request.name}: cannot resolve ${new URL(request.url).hostname} (${code})`, code, !answeredBefore || code !== 'EAI_AGAIN', {
            hint: 'check GITHUB_API_URL and DNS from this machine',
            cause: error,
        });
    return new GitHubUnreachableError(`${request.name}: GitHub (${host}) could not be reached: ${code}`, code, !answeredBefore, {
        cause: error,
    });
}

;// CONCATENATED MODULE: ./lib/src/github/octokit.js
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







/** Retries for GitHub: limits ask for waits of a minute or until the hour's reset. */
const GITHUB_RETRY_POLICY = { retries: 8, baseMs: 1000, maxDelayMs: 15 * 60_000 };
/** Without a header, GitHub asks integrators to wait at least a minute after a secondary limit. */
const SECONDARY_DEFAULT_WAIT_MS = 60_000;
/**
 * Makes the client: token from GITHUB_TOKEN (masked), API base from GITHUB_API_URL so GitHub
 * Enterprise Server and the tests' local API server work unchanged.
 */
function createOctokit(env, secrets, purpose, settings = {}) {
    const token = (settings.tokenVariables ?? ['GITHUB_TOKEN', 'GH_TOKEN'])
        .map((name) => env[name])
        .find((value) => value);
    if (!token) {
        throw new errors/* UsageError */.eb(`GITHUB_TOKEN is not set: ${purpose} needs the GitHub API (in a workflow: env: GITHUB_TOKEN: \${{ github.token }})`);
    }
    secrets.addToken(token);
    return githubClient(token, env['GITHUB_API_URL'] || 'https://api.github.com', settings);
}
/** A client for `baseUrl` with the given token; {@link createOctokit} is the usual door. */
function githubClient(token, baseUrl, settings = {}) {
    const octokit = new dist_src/* Octokit */.E({
        auth: token,
        baseUrl,
        userAgent: 'cutover',
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
    });
    const policy = { ...GITHUB_RETRY_POLICY, ...settings.retry };
    const writeGapMs = settings.writeGapMs ?? 1000;
    const inFlight = new limiter/* Limiter */.jG(settings.concurrency ?? 10);
    const writes = new limiter/* Limiter */.jG(1);
    let lastWrite = 0;
    let pausedUntil = 0;
    // Whether the API has answered anything yet; once it failed to (unresolvable, silent), the
    // client's later requests fail at once with that reason instead of each waiting in turn.
    let answered = false;
    let unreachable;
    octokit.hook.wrap('request', async (request, options) => {
        // The request as sent, its path filled in (`GET /repos/acme/app`), for every message.
        const { url } = octokit.request.endpoint.parse(options);
        const name = `${options.method} ${new URL(url).pathname}`;
        const isWrite = !['GET', 'HEAD'].includes(options.method);
        const fetch = options.request?.fetch ?? globalThis.fetch;
        const attempt = async () => {
            if (unreachable)
                throw new GitHubUnreachableError(`${name}: not sent: ${unreachable.message}`, unreachable.code, true, {
                    ...(unreachable.hint !== undefined && { hint: unreachable.hint }),
                });
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
            }
            catch (error) {
                const failure = unreachableFailure(error, { name, url }, answered);
                if (!failure) {
                    if (error.response !== undefined)
                        answered = true;
                    throw error;
                }
                if (failure.final)
                    unreachable ??= failure;
                throw failure;
            }
        };
        const send = () => (0,retry/* retry */.L5)(async () => {
            // A limit answer to any request holds back every request of this client.
            while (Date.now() < pausedUntil)
                await (0,retry/* sleep */.yy)(pausedUntil - Date.now());
            return inFlight.run(attempt);
        }, {
            policy,
            classify: classifyGitHubFailure,
            onRetry: (event) => {
                const verdict = classifyGitHubFailure(event.error);
                const kind = verdict.reason.startsWith('primary')
                    ? 'primary'
                    : verdict.reason.startsWith('secondary')
                        ? 'secondary'
                        : 'error';
                if (kind !== 'error')
                    pausedUntil = Math.max(pausedUntil, Date.now() + event.delayMs);
                settings.onWait?.({
                    kind,
                    delayMs: event.delayMs,
                    attempt: event.attempt,
                    request: name,
                    reason: event.reason,
                });
            },
        });
        if (!isWrite)
            return send();
        return writes.run(async () => {
            const gap = lastWrite + writeGapMs - Date.now();
            if (gap > 0)
                await (0,retry/* sleep */.yy)(gap);
            try {
                return await send();
            }
            finally {
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
function classifyGitHubFailure(error, now = Date.now()) {
    if (error instanceof GitHubUnreachableError)
        return { retryable: !error.final, reason: `network: ${error.code}` };
    const status = (0,http_status/* httpStatus */.n)(error);
    if (status === undefined) {
        const code = error.cause?.code;
        return { retryable: true, reason: `network: ${String(code ?? error.message)}` };
    }
    const headers = responseHeaders(error);
    if (status === 403 || status === 429) {
        const retryAfterMs = (0,retry/* parseRetryAfter */.mu)(headers['retry-after'], now);
        if (retryAfterMs !== undefined)
            return { retryable: true, reason: `secondary rate limit (HTTP ${status})`, retryAfterMs };
        if (headers['x-ratelimit-remaining'] === '0') {
            const reset = Number(headers['x-ratelimit-reset']);
            const waitMs = Number.isFinite(reset) ? Math.max(0, reset * 1000 - now) + 1000 : 60_000;
            return { retryable: true, reason: `primary rate limit (HTTP ${status})`, retryAfterMs: waitMs };
        }
        if (status === 429 || /secondary rate limit|abuse/i.test(error.message))
            return {
                retryable: true,
                reason: `secondary rate limit (HTTP ${status})`,
                retryAfterMs: SECONDARY_DEFAULT_WAIT_MS,
            };
        return { retryable: false, reason: `HTTP ${status}` };
    }
    return { retryable: status >= 500, reason: `HTTP ${status}` };
}
function responseHeaders(error) {
    const headers = error.response?.headers ?? {};
    return Object.fromEntries(Object.entries(headers).map(([key, value]) => [
        key.toLowerCase(),
        value === undefined ? undefined : String(value),
    ]));
}


/***/ }),

/***/ 17870:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bB: () => (/* binding */ mapLimited),
/* harmony export */   jG: () => (/* binding */ Limiter),
/* harmony export */   vP: () => (/* binding */ forEachLimited)
/* harmony export */ });
/**
 * The one concurrency limiter. Registries, the GitHub API and the machine's cores all want bounded
 * fan-out; every bounded loop in cutover goes through here so the behaviour (first come, first
 * served; a finished task hands its slot straight to the next) is written once.
 */
/** Counting semaphore: at most `limit` holders at once, waiters served first come, first served. */
class Limiter {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!Number.isInteger(limit) || limit < 1)
            throw new RangeError(`concurrency must be ≥ 1, got ${limit}`);
    }
    /** Holders right now (for tests and progress lines). */
    get running() {
        return this.active;
    }
    /** Waiting for a slot right now. */
    get queued() {
        return this.waiting.length;
    }
    /** Waits for a slot; the returned function gives it back (extra calls are ignored). */
    async acquire() {
        if (this.active >= this.limit)
            await new Promise((resolve) => this.waiting.push(resolve));
        else
            this.active++;
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            const next = this.waiting.shift();
            // The slot passes straight to the next waiter, so `active` stays the same.
            if (next)
                next();
            else
                this.active--;
        };
    }
    /** Runs `work` inside a slot. */
    async run(work) {
        const release = await this.acquire();
        try {
            return await work();
        }
        finally {
            release();
        }
    }
}
/**
 * Runs `work` over `items` with at most `limit` in flight and returns the results in input order.
 * The first failure rejects the whole call once the tasks already started have settled.
 */
async function mapLimited(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (next < items.length && !failure) {
            const index = next++;
            try {
                results[index] = await work(items[index], index);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure)
        throw failure.error;
    return results;
}
/** {@link mapLimited} for work whose results are not needed. */
async function forEachLimited(items, limit, work) {
    await mapLimited(items, limit, work);
}


/***/ }),

/***/ 17916:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY_POLICY, retryDelay */
/**
 * The one retry loop. Every retried operation in cutover (a registry request, a token fetch, a
 * blob upload, an engine push) goes through {@link retry}, so backoff, `Retry-After` and the
 * progress events are the same everywhere and retries never nest by accident.
 */
/** The policy used when a caller names none. */
const DEFAULT_RETRY_POLICY = { retries: 6, baseMs: 200, maxDelayMs: 30_000 };
/**
 * Runs `operation` (called again for each attempt, with the attempt number from 0, so a streamed
 * body is made anew each time) until it succeeds, fails with an error `classify` calls final, or the
 * policy's retries are spent; the last error is rethrown as it was.
 */
async function retry(operation, options) {
    const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
    for (let attempt = 0;; attempt++) {
        try {
            return await operation(attempt);
        }
        catch (error) {
            const verdict = options.classify(error);
            if (!verdict.retryable || attempt >= policy.retries || options.signal?.aborted)
                throw error;
            const delayMs = retryDelay(attempt, policy, verdict.retryAfterMs, options.random);
            options.onRetry?.({ attempt: attempt + 1, delayMs, reason: verdict.reason, error });
            await sleep(delayMs, options.signal);
            if (options.signal?.aborted)
                throw error;
        }
    }
}
/**
 * Milliseconds a `Retry-After` header asks for: delta-seconds or an HTTP-date. Undefined when
 * absent or unreadable.
 */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/**
 * The wait before attempt `attempt + 1`: what the server asked for when it did, else exponential
 * backoff with jitter (between half and all of `base·2^attempt`), both capped by `maxDelayMs`.
 */
function retryDelay(attempt, policy, retryAfterMs, random = Math.random) {
    if (retryAfterMs !== undefined)
        return Math.min(retryAfterMs, policy.maxDelayMs);
    const step = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** attempt);
    return Math.round(step / 2 + random() * (step / 2));
}
/** Resolves after `ms` milliseconds, or at once when `signal` aborts. */
function sleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}


/***/ })

};
;
//# sourceMappingURL=57.index.cjs.js.map
