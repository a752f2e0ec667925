"use strict";
exports.id = 86;
exports.ids = [86];
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

/***/ 96926:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U0: () => (/* binding */ replaceFileSync),
/* harmony export */   Vn: () => (/* binding */ replaceWithLink),
/* harmony export */   _l: () => (/* binding */ pathInside),
/* harmony export */   fR: () => (/* binding */ replaceFile)
/* harmony export */ });
/* unused harmony export refusedWrite */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8835);





/**
 * Writing into a working tree without ever leaving it. Every folder on the way to a written file
 * must be a real folder inside the root (symbolic links to folders are not followed, wherever they
 * point); the file itself is replaced, never written through (a symbolic link in its place is
 * replaced by the new file, not followed); new content goes to a temporary file with a random name
 * created exclusively (`wx`, so a link planted there makes the write fail instead of redirecting
 * it) and is then renamed into place.
 *
 * A check and a write are two steps, and a folder may be swapped for a link between them. So the
 * write does not go by name: the file's folder is opened once (`O_DIRECTORY | O_NOFOLLOW`), the
 * handle's real path is compared with the folder checked, and the temporary file is created and
 * renamed through that handle (`/proc/self/fd/N/name`, Linux's `openat`): whatever is renamed or
 * linked meanwhile, the write lands in the folder that was checked, or not at all. (Without
 * /proc, the folder's device and inode are compared again right before the rename.)
 */
/** A write refused because it would leave the root or pass through a symbolic link. */
function refusedWrite(relative, why) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .OperationalError */ .LE('refused', `not writing ${relative}: ${why}`, {
        hint: 'writes stay inside the working tree and never follow symbolic links; replace the link with a folder, or fix the file by hand',
    });
}
/**
 * The absolute path where `relative` (a `/`-separated path inside `root`) may be written: each of
 * its folders is checked (and, with `create`, made) as a real folder inside the root's real path.
 * @throws OperationalError `refused` for `..`, absolute paths, or a folder that is a symbolic link
 */
async function pathInside(root, relative, create) {
    const parts = relative.split('/');
    if (node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute(relative) || parts.some((part) => part === '' || part === '.' || part === '..')) {
        throw refusedWrite(relative, 'the path leaves the working tree');
    }
    const top = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(root);
    let folder = top;
    for (const part of parts.slice(0, -1)) {
        folder = node_path__WEBPACK_IMPORTED_MODULE_3__.join(folder, part);
        const kind = await kindOf(folder);
        if (kind === 'missing' && create) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(folder).catch((error) => {
                if (error.code !== 'EEXIST')
                    throw error;
            });
            if ((await kindOf(folder)) !== 'folder')
                throw refusedWrite(relative, `${folder} changed while writing`);
        }
        else if (kind === 'link') {
            const target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readlink)(folder);
            throw refusedWrite(relative, `${node_path__WEBPACK_IMPORTED_MODULE_3__.relative(top, folder)} is a symbolic link (to ${target}), which writes do not follow`);
        }
        else if (kind === 'other') {
            throw refusedWrite(relative, `${node_path__WEBPACK_IMPORTED_MODULE_3__.relative(top, folder)} is not a folder`);
        }
        else if (kind === 'missing') {
            // Nothing below a missing folder can be a link yet.
            return node_path__WEBPACK_IMPORTED_MODULE_3__.join(top, ...parts);
        }
    }
    // Belt and braces: the folder's real path is the one walked (no link slipped in on the way).
    if (create && (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(folder)) !== folder) {
        throw refusedWrite(relative, `${node_path__WEBPACK_IMPORTED_MODULE_3__.relative(top, folder)} resolves outside the path walked`);
    }
    return node_path__WEBPACK_IMPORTED_MODULE_3__.join(top, ...parts);
}
async function kindOf(file) {
    try {
        const stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(file);
        return stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'folder' : 'other';
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return 'missing';
        throw error;
    }
}
function bytesOf(name) {
    return typeof name === 'string' ? Buffer.from(name) : name;
}
function shown(name) {
    return typeof name === 'string' ? name : name.toString('utf8');
}
/** `file` as its folder and its last name, bytes kept as they are. */
function splitName(file) {
    const bytes = bytesOf(file);
    const slash = bytes.lastIndexOf(0x2f);
    return {
        folder: slash <= 0 ? Buffer.from('/') : bytes.subarray(0, slash),
        name: bytes.subarray(slash + 1),
    };
}
/** A random temporary name for `name` that nobody can predict. */
function temporaryName(name) {
    return Buffer.concat([Buffer.from('.'), name, Buffer.from(`.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex')}.tmp`)]);
}
const PROC_FD = '/proc/self/fd';
/**
 * Opens `folder` (a real path: no link anywhere in it) and checks that what was opened is that
 * folder: opened without following a last link, and its real path (from /proc) the path given.
 * @throws OperationalError `refused` when the folder is a link, or resolves elsewhere
 */
function pinFolder(folder, file) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(folder, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_DIRECTORY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ELOOP' || code === 'ENOTDIR')
            throw refusedWrite(shown(file), `${shown(folder)} is no longer a folder (a link was put in its place)`);
        throw error;
    }
    const refuse = (now) => {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        return refusedWrite(shown(file), `${shown(folder)} changed while writing (it is now ${now})`);
    };
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(PROC_FD)) {
        const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readlinkSync)(`${PROC_FD}/${fd}`, { encoding: 'buffer' });
        if (!real.equals(folder))
            throw refuse(real.toString('utf8'));
        const prefix = Buffer.from(`${PROC_FD}/${fd}/`);
        return {
            at: (name) => Buffer.concat([prefix, name]),
            recheck: () => undefined,
            close: () => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd),
        };
    }
    const held = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(fd);
    return {
        at: (name) => Buffer.concat([folder, Buffer.from('/'), name]),
        recheck() {
            const now = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(folder);
            if (now.dev !== held.dev || now.ino !== held.ino || !now.isDirectory())
                throw refuse('another folder or a link');
        },
        close: () => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd),
    };
}
/**
 * Replaces `file` — whose folder is a real path inside the tree, checked by the caller — with a
 * regular file holding `content` and having `mode`: a temporary file with a random name is created
 * exclusively in the folder held open, then renamed over `file` in that same folder (a link in
 * `file`'s place is replaced, never followed; a folder swapped for a link is never written through).
 * @throws OperationalError `refused` when the folder changed between the check and the write
 */
function replaceFileSync(file, content, mode) {
    const { folder, name } = splitName(file);
    const pinned = pinFolder(folder, file);
    try {
        const temporary = pinned.at(temporaryName(name));
        const flags = node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_EXCL | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW;
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(temporary, flags, mode & 0o7777);
        try {
            try {
                const bytes = typeof content === 'string' ? Buffer.from(content) : content;
                for (let at = 0; at < bytes.length;)
                    at += (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeSync)(fd, bytes, at, bytes.length - at);
                // open() applies the umask; the generator's mode is what the file must have.
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fchmodSync)(fd, mode & 0o7777);
            }
            finally {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
            }
            pinned.recheck();
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temporary, pinned.at(name));
        }
        catch (error) {
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(temporary);
            }
            catch {
                // already renamed or never made
            }
            throw error;
        }
    }
    finally {
        pinned.close();
    }
}
/**
 * {@link replaceFileSync} for async callers. `anyFolder`: the file is not in a tree but where the
 * user said (a patch file), and links on the way there are the user's: the folder is resolved first.
 */
async function replaceFile(file, content, mode, { anyFolder = false } = {}) {
    const target = anyFolder ? node_path__WEBPACK_IMPORTED_MODULE_3__.join(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(node_path__WEBPACK_IMPORTED_MODULE_3__.dirname(file)), node_path__WEBPACK_IMPORTED_MODULE_3__.basename(file)) : file;
    replaceFileSync(target, content, mode);
}
/** Replaces `file` with a symbolic link to `target` (made under a random name in the folder held open, then renamed). */
async function replaceWithLink(file, target) {
    const { folder, name } = splitName(file);
    const pinned = pinFolder(folder, file);
    try {
        const temporary = pinned.at(temporaryName(name));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.symlinkSync)(target, temporary);
        try {
            pinned.recheck();
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temporary, pinned.at(name));
        }
        catch (error) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(temporary);
            throw error;
        }
    }
    finally {
        pinned.close();
    }
}


/***/ })

};
;
//# sourceMappingURL=86.index.cjs.js.map
