"use strict";
exports.id = 727;
exports.ids = [727];
exports.modules = {

/***/ 61346:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ defineCommand)
/* harmony export */ });
/** Declares a command with its option types inferred from its option definitions. */
function defineCommand(command) {
    return command;
}


/***/ }),

/***/ 90870:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ resolveCredentials)
/* harmony export */ });
/* unused harmony export dockerConfigPath */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8835);
/* harmony import */ var _shared_process_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70953);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(92041);






/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
function dockerConfigPath(env) {
    return node_path__WEBPACK_IMPORTED_MODULE_2__.join(env['DOCKER_CONFIG'] || node_path__WEBPACK_IMPORTED_MODULE_2__.join(env['HOME'] || node_os__WEBPACK_IMPORTED_MODULE_1__.homedir(), '.docker'), 'config.json');
}
async function readDockerConfig(env) {
    const file = dockerConfigPath(env);
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL([
            { file, message: `the Docker config is not valid JSON: ${error.message}` },
        ]);
    }
}
/** The host an `auths` key names: keys may be URLs (`https://index.docker.io/v1/`) or bare hosts. */
function authKeyHost(key) {
    return (0,_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeHost */ .cS)(key.replace(/^[a-z]+:\/\//i, '').split('/')[0]);
}
/** How long a credential helper may take (they may ask a keychain or a cloud API). */
const HELPER_TIMEOUT_MS = 30_000;
/** Asks `docker-credential-<helper> get` for a host's credentials; undefined when it has none. */
async function runHelper(helper, host, env) {
    const program = `docker-credential-${helper}`;
    let result;
    try {
        result = await (0,_shared_process_js__WEBPACK_IMPORTED_MODULE_4__/* .runProgram */ .mB)(program, ['get'], {
            cwd: node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir(),
            env,
            input: host,
            timeoutMs: HELPER_TIMEOUT_MS,
            stderrLimit: 4096,
        });
    }
    catch (error) {
        if (error.code === 'ENOENT')
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`the Docker config names credential helper "${helper}", but ${program} is not installed`);
        throw error;
    }
    const stdout = result.stdout.toString('utf8');
    if (result.code !== 0 || result.timedOut) {
        if (/not found|no credentials/i.test(`${stdout}${result.stderr}`))
            return undefined;
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationalError */ .LE(result.timedOut ? 'timeout' : 'failed', `${program} get failed for ${host}: ${result.timedOut ? `no answer in ${HELPER_TIMEOUT_MS / 1000} s` : result.stderr.trim() || `exit code ${result.code}`}`);
    }
    try {
        return JSON.parse(stdout);
    }
    catch {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationalError */ .LE('failed', `${program} get returned something that is not JSON`);
    }
}
/**
 * The credentials for a registry: the manifest's environment variables when it names them,
 * else the Docker config (credHelpers, credsStore, then auths). Every secret is masked before it
 * is returned. Undefined means anonymous.
 */
async function resolveCredentials(registry, env, secrets) {
    const names = registry.credentials;
    if (names?.usernameEnv || names?.passwordEnv) {
        const username = names.usernameEnv ? env[names.usernameEnv] : undefined;
        const password = names.passwordEnv ? env[names.passwordEnv] : undefined;
        secrets.add(password);
        if (password)
            secrets.addBasic(username ?? '', password);
        if (!password) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`credentials for ${registry.host}: environment variable ${names.passwordEnv ?? '(password-env)'} is not set`);
        }
        if (!username && names.usernameEnv) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`credentials for ${registry.host}: environment variable ${names.usernameEnv} is not set`);
        }
        return {
            kind: 'basic',
            username: username ?? '',
            password,
            source: `env ${[names.usernameEnv, names.passwordEnv].filter(Boolean).join('/')}`,
        };
    }
    const config = await readDockerConfig(env);
    if (!config)
        return undefined;
    const hosts = [registry.host, ...(registry.aliases ?? [])];
    for (const host of hosts) {
        const helper = config.credHelpers?.[host] ?? config.credsStore;
        if (helper) {
            const found = await runHelper(helper, host, env);
            if (found?.Secret) {
                if (found.Username === '<token>')
                    secrets.addToken(found.Secret);
                else
                    secrets.addBasic(found.Username ?? '', found.Secret);
                if (found.Username === '<token>')
                    return { kind: 'identity-token', token: found.Secret, source: `docker-credential-${helper}` };
                return {
                    kind: 'basic',
                    username: found.Username ?? '',
                    password: found.Secret,
                    source: `docker-credential-${helper}`,
                };
            }
        }
        const entry = Object.entries(config.auths ?? {}).find(([key]) => authKeyHost(key) === host)?.[1];
        if (!entry)
            continue;
        if (entry.identitytoken) {
            secrets.addToken(entry.identitytoken);
            return { kind: 'identity-token', token: entry.identitytoken, source: 'docker config (identitytoken)' };
        }
        if (entry.auth) {
            secrets.add(entry.auth);
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            const password = decoded.slice(colon + 1);
            secrets.addBasic(decoded.slice(0, colon), password);
            return { kind: 'basic', username: decoded.slice(0, colon), password, source: 'docker config (auths)' };
        }
        if (entry.password) {
            secrets.addBasic(entry.username ?? '', entry.password);
            return {
                kind: 'basic',
                username: entry.username ?? '',
                password: entry.password,
                source: 'docker config (auths)',
            };
        }
    }
    return undefined;
}


/***/ }),

/***/ 51477:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   mW: () => (/* binding */ fitSummary),
/* harmony export */   o0: () => (/* binding */ writeSummaryFile),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   z3: () => (/* binding */ formatBytes),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* unused harmony exports cell, SUMMARY_LIMIT_BYTES, SUMMARY_CUT_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8835);



/** Escapes text for a Markdown table cell. */
function cell(text) {
    return String(text ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
/**
 * Data (a file name, a server's message) as inline Markdown text that renders as itself: no link,
 * image, emphasis, HTML tag, entity or @-mention can be made from it. Markdown punctuation is
 * backslash-escaped, an `@` before a name gets a zero-width space (GitHub mentions a user or team
 * from the rendered text, where a backslash is already gone), and line breaks become spaces.
 * Pipes are left to {@link cell} in tables.
 */
function escapeMarkdown(text) {
    return String(text ?? '')
        .replace(/\r\n|\r|\n/g, ' ')
        .replace(/[\\`*_{}[\]()<>#!~&]/g, '\\$&')
        .replace(/@(?=[A-Za-z0-9])/g, '@\u200b');
}
/** Data as an inline code span: the fence is longer than any run of backticks inside (CommonMark). */
function code(text) {
    const value = String(text ?? '').replace(/\r\n|\r|\n/g, ' ');
    const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${value}${pad}${fence}`;
}
/** Data inside HTML (`<code>…</code>`, `<summary>`): the five characters HTML gives meaning to. */
function escapeHtml(text) {
    return String(text ?? '').replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]);
}
/** A fenced code block whose fence no line of `body` can close (longer than any backtick run in it). */
function fence(body, info = '') {
    const longest = Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((run) => run.length));
    const marks = '`'.repeat(longest + 1);
    return `${marks}${info}\n${body}\n${marks}`;
}
/** A GitHub-flavoured Markdown table. */
function table(headers, rows) {
    const head = `| ${headers.map(cell).join(' | ')} |`;
    const rule = `| ${headers.map(() => '---').join(' | ')} |`;
    return [head, rule, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}
/** A human byte count: 1.5 MB. */
function formatBytes(bytes) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
/** `1 repository`, `2 repositories`: a count with its noun in the right number. */
function plural(count, one, many = `${one}s`) {
    return `${groupThousands(count)} ${count === 1 ? one : many}`;
}
/**
 * `12,345`: what toLocaleString('en-US') writes for an integer, without starting ICU's number
 * formatting (its first call alone cost `plan` 5 % of its CPU at 2,000 repositories).
 */
function groupThousands(count) {
    if (!Number.isInteger(count))
        return count.toLocaleString('en-US');
    return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}
/** A collapsible section: GitHub shows `summary` and hides `body` until it is opened. */
function details(summary, body, open = false) {
    return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
/** GitHub refuses a job summary larger than 1 MiB per step. */
const SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** Past this, long tables are cut so the summary stays well under {@link SUMMARY_LIMIT_BYTES}. */
const SUMMARY_CUT_BYTES = 900 * 1000;
/**
 * Joins the parts of a summary; when they come to more than `budget` bytes, the cuttable parts are
 * replaced by their `cut` text, last parts first, until the whole fits (or nothing is left to cut).
 */
function fitSummary(parts, budget = SUMMARY_CUT_BYTES) {
    const texts = parts.map((part) => part.text);
    let size = texts.reduce((sum, text) => sum + Buffer.byteLength(text) + 1, 0);
    for (let index = parts.length - 1; index >= 0 && size > budget; index--) {
        const cut = parts[index].cut;
        if (cut === undefined)
            continue;
        size += Buffer.byteLength(cut) - Buffer.byteLength(texts[index]);
        texts[index] = cut;
    }
    return texts.join('\n');
}
/** Writes a summary's Markdown to a file the user named (`--summary FILE`), relative to `cwd`. */
function writeSummaryFile(cwd, file, markdown) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(cwd, file), markdown.endsWith('\n') ? markdown : `${markdown}\n`);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--summary ${file}: cannot write it (${error.code})`);
    }
}


/***/ }),

/***/ 70953:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $Y: () => (/* binding */ git),
  nA: () => (/* binding */ onInterrupt),
  _Z: () => (/* binding */ processExists),
  EO: () => (/* binding */ runGit),
  mB: () => (/* binding */ runProgram),
  K5: () => (/* binding */ splitNul)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./lib/src/shared/isolation.js


let probed;
/** The command prefix that isolates a program on this machine (probed once per run). */
function prefix() {
    if (probed)
        return probed;
    if (process.platform !== 'linux')
        return (probed = { unavailable: `not on Linux (${process.platform})` });
    const root = external_node_os_.userInfo().uid === 0;
    const namespaces = ['--pid', '--fork', '--mount-proc', '--kill-child'];
    const candidate = root
        ? [
            'unshare',
            ...namespaces,
            '--',
            'setpriv',
            '--bounding-set=-all',
            '--inh-caps=-all',
            '--no-new-privs',
            '--',
        ]
        : ['unshare', '--user', '--map-current-user', ...namespaces, '--'];
    // The probe proves the whole chain: a new /proc in which this shell is process 1, with no parent.
    const probe = (0,external_node_child_process_.spawnSync)(candidate[0], [...candidate.slice(1), 'sh', '-c', 'echo "$$ $PPID"'], {
        encoding: 'utf8',
        timeout: 10_000,
    });
    if (probe.error)
        probed = {
            unavailable: `${candidate[0]} cannot be started (${probe.error.code})`,
        };
    else if (probe.status !== 0 || probe.stdout.trim() !== '1 0')
        probed = {
            unavailable: `${candidate.slice(0, -1).join(' ')} failed (exit ${probe.status}): ${probe.stderr.trim().split('\n').pop() ?? ''}`,
        };
    else
        probed = { prefix: candidate };
    return probed;
}
/** `file args` wrapped so that it runs isolated, or the reason this machine cannot isolate it. */
function isolated(file, args) {
    const found = prefix();
    if ('unavailable' in found)
        return found;
    return { file: found.prefix[0], args: [...found.prefix.slice(1), file, ...args] };
}

;// CONCATENATED MODULE: ./lib/src/shared/process.js



/** Error output kept by default: enough for any message, bounded for a program that floods it. */
const DEFAULT_STDERR_LIMIT = 1 << 20;
/**
 * Output kept up to a byte limit — the first bytes (`head`) or the last (`tail`) — with a count of
 * the bytes dropped, so that memory stays bounded however much a program writes.
 */
class KeptBytes {
    keep;
    limit;
    chunks = [];
    size = 0;
    dropped = 0;
    constructor(keep, limit) {
        this.keep = keep;
        this.limit = limit;
    }
    add(chunk) {
        if (this.keep === 'head') {
            const room = Math.max(0, this.limit - this.size);
            const kept = chunk.length <= room ? chunk : chunk.subarray(0, room);
            if (kept.length > 0) {
                // A copy, so that a kept slice does not pin the whole chunk it came from.
                this.chunks.push(kept === chunk ? chunk : Buffer.from(kept));
                this.size += kept.length;
            }
            this.dropped += chunk.length - kept.length;
            return;
        }
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.limit && this.chunks.length > 0) {
            const first = this.chunks[0];
            const excess = this.size - this.limit;
            if (first.length <= excess) {
                this.chunks.shift();
                this.size -= first.length;
                this.dropped += first.length;
            }
            else {
                this.chunks[0] = Buffer.from(first.subarray(excess));
                this.size -= excess;
                this.dropped += excess;
            }
        }
    }
    bytes() {
        return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    }
}
/** How long a program stopped for its time limit gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 5000;
/** Process groups started with a time limit and still running; stopped if cutover itself is. */
const groups = new Set();
function stopGroups(signal) {
    for (const pid of groups)
        signalGroup(pid, signal);
}
function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    }
    catch {
        // already gone
    }
}
/** Synchronous clean-ups (removing scratch directories) run when cutover is stopped by a signal. */
const cleanups = new Set();
let forwarding = false;
/**
 * A program in its own process group does not get the terminal's Ctrl-C or the runner's cancel
 * signal; pass SIGINT and SIGTERM on, run the registered clean-ups, then end as the signal would
 * have ended us.
 */
function forwardSignals() {
    if (forwarding)
        return;
    forwarding = true;
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.once(signal, () => {
            stopGroups(signal);
            for (const cleanup of cleanups) {
                try {
                    cleanup();
                }
                catch {
                    // Best effort: the next run removes what is left (see the callers).
                }
            }
            process.kill(process.pid, signal);
        });
    }
    process.once('exit', () => stopGroups('SIGKILL'));
}
/**
 * Registers a synchronous clean-up to run if cutover is stopped by SIGINT or SIGTERM (after the
 * programs it started are signalled), for things a `finally` would otherwise undo. Returns a
 * function that unregisters it, to call when the work ends normally.
 */
function onInterrupt(cleanup) {
    forwardSignals();
    cleanups.add(cleanup);
    return () => void cleanups.delete(cleanup);
}
/** True when a process with this id exists (on this machine). */
function processExists(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: it exists, it is just not ours to signal.
        return error.code === 'EPERM';
    }
}
/**
 * Runs a program with an argument array (never a shell string built from data) and collects its
 * output. Resolves with the exit code; rejects only when the program cannot be started at all.
 */
function runProgram(file, args, options) {
    if (options.isolate) {
        const wrapped = isolated(file, args);
        if ('unavailable' in wrapped) {
            if (options.isolate === 'required') {
                return Promise.reject(new errors/* OperationalError */.LE('refused', `not running ${file}: it would be able to read the credentials in this process's environment, and it cannot be isolated here: ${wrapped.unavailable}`, {
                    hint: 'install util-linux (unshare, setpriv) and allow user namespaces (sysctl kernel.unprivileged_userns_clone=1; on Ubuntu 24.04 kernel.apparmor_restrict_unprivileged_userns=0), or run this step without credentials in its environment',
                }));
            }
        }
        else {
            file = wrapped.file;
            args = wrapped.args;
        }
    }
    return new Promise((resolve, reject) => {
        const limited = options.timeoutMs !== undefined;
        const child = (0,external_node_child_process_.spawn)(file, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            stdio: ['pipe', 'pipe', 'pipe'],
            // Its own process group, so that a time limit stops what a shell command started as well.
            detached: limited,
        });
        let timedOut = false;
        const timers = [];
        if (limited && child.pid !== undefined) {
            const pid = child.pid;
            forwardSignals();
            groups.add(pid);
            timers.push(setTimeout(() => {
                timedOut = true;
                signalGroup(pid, 'SIGTERM');
                timers.push(setTimeout(() => signalGroup(pid, 'SIGKILL'), KILL_GRACE_MS));
            }, options.timeoutMs));
        }
        const stdout = new KeptBytes('head', options.stdoutLimit ?? Infinity);
        const stderr = new KeptBytes('tail', options.stderrLimit ?? DEFAULT_STDERR_LIMIT);
        child.stdout.on('data', (chunk) => {
            if (options.onStdout)
                options.onStdout(chunk);
            else
                stdout.add(chunk);
            options.onOutput?.(chunk, 'stdout');
        });
        child.stderr.on('data', (chunk) => {
            stderr.add(chunk);
            options.onOutput?.(chunk, 'stderr');
        });
        const settle = () => {
            for (const timer of timers)
                clearTimeout(timer);
            if (child.pid !== undefined)
                groups.delete(child.pid);
        };
        child.on('error', (error) => {
            settle();
            reject(error);
        });
        child.on('close', (code, signal) => {
            settle();
            resolve({
                code: code ?? 128,
                ...(signal && { signal }),
                stdout: stdout.bytes(),
                stderr: stderr.bytes().toString('utf8'),
                stdoutDropped: stdout.dropped,
                stderrDropped: stderr.dropped,
                ...(timedOut && { timedOut }),
            });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input);
    });
}
/**
 * The one way cutover's checks run git: an argument array, no optional locks (a check never
 * writes the developer's index), the C locale for output that is parsed. Exit 0 and the codes in
 * `answers` resolve; any other exit becomes an OperationalError carrying git's message.
 */
async function runGit(args, cwd, options = {}) {
    const result = await runProgram('git', args, {
        cwd,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', ...options.env },
        ...(options.input !== undefined && { input: options.input }),
    });
    if (result.code !== 0 && !options.answers?.includes(result.code)) {
        throw new errors/* OperationalError */.LE('failed', `git ${args.join(' ')} failed (exit ${result.code}): ${result.stderr.trim()}`);
    }
    return result;
}
/** Runs `git` ({@link runGit}) and returns its stdout; any exit but 0 is an OperationalError. */
async function git(args, cwd, input) {
    return (await runGit(args, cwd, input === undefined ? {} : { input })).stdout;
}
/** Splits NUL-separated output (`-z`) into its entries. */
function splitNul(output) {
    return output.toString('utf8').split('\0').filter(Boolean);
}


/***/ }),

/***/ 64709:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ annotateProblems),
/* harmony export */   u: () => (/* binding */ annotateAll)
/* harmony export */ });
/** Shows annotations through `annotateMany` where the reporter has it, else one by one. */
function annotateAll(reporter, annotations) {
    if (reporter.annotateMany)
        reporter.annotateMany(annotations);
    else
        for (const annotation of annotations)
            reporter.annotate(annotation);
}
/** Annotates located configuration problems (for example the manifest's warnings) at their file and line. */
function annotateProblems(reporter, problems, severity = 'warning') {
    for (const problem of problems) {
        reporter.annotate({
            severity,
            message: problem.path ? `${problem.path}: ${problem.message}` : problem.message,
            file: problem.file,
            ...(problem.line !== undefined && { line: problem.line }),
            ...(problem.column !== undefined && { column: problem.column }),
        });
    }
}


/***/ }),

/***/ 35727:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validate: () => (/* binding */ validate)
});

// EXTERNAL MODULE: ./lib/src/oci/credentials.js
var oci_credentials = __webpack_require__(90870);
// EXTERNAL MODULE: ./lib/src/manifest/timeline.js
var manifest_timeline = __webpack_require__(16399);
// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(61346);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
// EXTERNAL MODULE: ./lib/src/shared/reporter.js
var shared_reporter = __webpack_require__(64709);
;// CONCATENATED MODULE: ./lib/src/validate/present.js



/** Turns a validation report into log lines, the job summary, `--json` and the action's outputs. */
function presentValidation(report, reporter) {
    const { manifest, today, phase, targets, policy, skipped, credentials } = report;
    const { timeline, registries } = manifest;
    (0,shared_reporter/* annotateProblems */.$)(reporter, manifest.warnings);
    reporter.info(`manifest ${manifest.source} is valid`);
    reporter.info(`old registry ${registries.old.host}, new registry ${registries.new.host}`);
    reporter.info(`${manifest.repos.length} repositories, ${manifest.copy.length} copy rules, ${manifest.generated.length} generators`);
    reporter.info(`credentials: old registry ${credentials.old}; new registry ${credentials.new}`);
    reporter.info(`on ${today}: phase ${phase}; pushes go to ${targets.join(' and ')}${skipped ? ` (${skipped})` : ''}`);
    reporter.info(`references to ${registries.old.host}: ${policy.severity} — ${policy.message}`);
    reporter.summary([
        `### cutover: manifest \`${manifest.source}\``,
        '',
        `On **${today}** the migration is in phase **${phase}**; builds push to ${targets.map((t) => `\`${t}\``).join(' and ')}.`,
        '',
        (0,markdown/* table */.tp)(['Date', 'Event', ''], [
            [
                timeline.available,
                `new registry \`${registries.new.host}\` available`,
                today >= timeline.available ? '✅' : '',
            ],
            [
                timeline.readOnly,
                `old registry \`${registries.old.host}\` read-only`,
                today >= timeline.readOnly ? '✅' : '',
            ],
            [timeline.failFrom, 'references to the old registry fail', today >= timeline.failFrom ? '✅' : ''],
            [timeline.shutdown, 'old registry shut down', today >= timeline.shutdown ? '✅' : ''],
        ]),
        '',
        ...manifest.warnings.map((warning) => `- ⚠️ ${(0,errors/* formatProblem */.Vw)(warning)}`),
    ].join('\n'));
    return {
        exitCode: 0,
        outputs: { phase, 'push-to': targets.join('\n') },
        json: {
            manifest: manifest.source,
            valid: true,
            today,
            phase,
            pushTo: targets,
            ...(skipped && { skipped: [{ registry: registries.old.host, reason: skipped }] }),
            referencePolicy: policy,
            timeline,
            registries: {
                old: {
                    host: registries.old.host,
                    aliases: registries.old.aliases,
                    insecure: registries.old.insecure,
                },
                new: {
                    host: registries.new.host,
                    aliases: registries.new.aliases,
                    insecure: registries.new.insecure,
                },
            },
            credentials,
            counts: {
                repos: manifest.repos.length,
                copyRules: manifest.copy.length,
                generators: manifest.generated.length,
            },
            warnings: manifest.warnings.map(errors/* formatProblem */.Vw),
        },
    };
}

;// CONCATENATED MODULE: ./lib/src/validate/command.js




/** `cutover validate`: checks the manifest and shows the timeline on the chosen day. */
const validate = (0,command/* defineCommand */.N)({
    name: 'validate',
    summary: 'Validate the manifest and show the migration phase, push targets and reference policy on a day.',
    options: {},
    outputs: [
        { name: 'phase', description: 'Phase on the day: before, dual, new-only or retired.' },
        { name: 'push-to', description: 'Registry hosts a build pushes to on the day, one per line.' },
    ],
    async run({ manifest: load, today, reporter, env, secrets }) {
        const manifest = await load();
        const { timeline, registries } = manifest;
        const phase = (0,manifest_timeline/* phaseAt */.BA)(timeline, today);
        const targets = (0,manifest_timeline/* pushTargets */.XV)(phase).map((role) => registries[role].host);
        const policy = (0,manifest_timeline/* referencePolicy */.OQ)(timeline, today);
        const skipped = (0,manifest_timeline/* oldRegistrySkippedReason */.FN)(timeline, phase);
        const credentials = {
            old: await describeCredentials(registries.old, env, secrets),
            new: await describeCredentials(registries.new, env, secrets),
        };
        return presentValidation({ manifest, today, phase, targets, policy, skipped, credentials }, reporter);
    },
});
/** Where a registry's credentials come from, without showing them; never fails validation. */
async function describeCredentials(registry, env, secrets) {
    try {
        const credentials = await (0,oci_credentials/* resolveCredentials */.z)(registry, env, secrets);
        return credentials ? credentials.source : 'anonymous';
    }
    catch (error) {
        return `unavailable (${error.message})`;
    }
}


/***/ })

};
;
//# sourceMappingURL=727.index.cjs.js.map
