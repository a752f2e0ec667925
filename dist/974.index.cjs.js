"use strict";
exports.id = 974;
exports.ids = [974];
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

/***/ 91517:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ hostPart),
/* harmony export */   g: () => (/* binding */ roleOfHost)
/* harmony export */ });
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92041);

/** The role of a registry host in the manifest (aliases of the old one included), if it is one. */
function roleOfHost(manifest, host) {
    const wanted = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeHost */ .cS)(host);
    const { old, new: next } = manifest.registries;
    if ([old.host, ...old.aliases].some((name) => (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeHost */ .cS)(name) === wanted))
        return 'old';
    if ((0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeHost */ .cS)(next.host) === wanted)
        return 'new';
    return undefined;
}
/** The first path component when it names a registry host (`.` or `:` in it, or `localhost`). */
function hostPart(text) {
    const slash = text.indexOf('/');
    if (slash < 0)
        return undefined;
    const first = text.slice(0, slash);
    return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined;
}


/***/ }),

/***/ 11742:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ mapRepository)
/* harmony export */ });
function globToRegExp(glob) {
    const body = glob
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('(.*)');
    return new RegExp(`^${body}$`);
}
/**
 * The new registry's repository path for an old one: the first `paths` rule whose `from`
 * matches wins, each `*` in `to` taking the next capture; no match keeps the path.
 */
function mapRepository(oldPath, rules) {
    for (const rule of rules) {
        const match = globToRegExp(rule.from).exec(oldPath);
        if (!match)
            continue;
        let capture = 1;
        return rule.to.replace(/\*/g, () => match[capture++] ?? '');
    }
    return oldPath;
}


/***/ }),

/***/ 24998:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ planPush)
/* harmony export */ });
/* unused harmony export ownPathOf */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8835);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(11742);
/* harmony import */ var _timeline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16399);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92041);




/** True for a local image ID (`sha256:…` or a hex prefix), which names no repository. */
function isImageId(text) {
    return /^sha256:[a-f0-9]{12,64}$/.test(text) || /^[a-f0-9]{12,64}$/.test(text);
}
/**
 * The repository path and tag a local image name gives: `registry.example.com/team/api:1.2` →
 * `team/api`, `1.2`; `api:build` → `api`, `build` (no `library/` as Docker Hub would add). An
 * image ID gives neither.
 * @throws UsageError when the name is not a valid reference
 */
function ownPathOf(image) {
    if (isImageId(image))
        return {};
    try {
        const slash = image.indexOf('/');
        const first = slash >= 0 ? image.slice(0, slash) : '';
        const hasHost = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
        if (hasHost && (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidHost */ .HO)(first)) {
            const parsed = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(image);
            return { repository: parsed.repository, ...(parsed.tag !== undefined && { tag: parsed.tag }) };
        }
        const parsed = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRepositoryReference */ .Dp)(image);
        return { repository: parsed.repository, ...(parsed.tag !== undefined && { tag: parsed.tag }) };
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--image: expected a local image name or ID, found "${image}": ${error.message}`);
    }
}
/**
 * Plans a push on `today`: the repository (given, or the image's own path), the tags (given, or
 * the image's tag, or `latest`), and the registries the timeline sends it to — the new registry
 * under the path the manifest's `paths` map it to.
 * @throws UsageError for an invalid repository or tag, or an image ID without `--repository`
 */
function planPush(manifest, today, request) {
    const own = ownPathOf(request.image);
    const repository = request.repository ?? own.repository;
    if (!repository) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--image ${request.image} is an image ID: name the repository with --repository`);
    }
    if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidRepositoryPath */ .M0)(repository)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--repository: expected a repository path such as "team/api" (lower-case letters, digits, . _ - separators, components joined by /), found "${repository}"`);
    }
    const tags = request.tags.length > 0 ? [...new Set(request.tags)] : [own.tag ?? 'latest'];
    for (const tag of tags) {
        if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidTag */ .r_)(tag)) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--tag: expected a tag (letters, digits, _ . -, at most 128, not starting with . or -), found "${tag}"`);
        }
    }
    const phase = (0,_timeline_js__WEBPACK_IMPORTED_MODULE_2__/* .phaseAt */ .BA)(manifest.timeline, today);
    const paths = { old: repository, new: (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .mapRepository */ .T)(repository, manifest.paths) };
    if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidRepositoryPath */ .M0)(paths.new)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`the manifest's paths map "${repository}" to "${paths.new}", which is not a valid repository path`);
    }
    const targets = (0,_timeline_js__WEBPACK_IMPORTED_MODULE_2__/* .pushTargets */ .XV)(phase).map((role) => {
        const registry = manifest.registries[role];
        return { role, registry, repository: paths[role], name: `${registry.host}/${paths[role]}` };
    });
    const reason = (0,_timeline_js__WEBPACK_IMPORTED_MODULE_2__/* .oldRegistrySkippedReason */ .FN)(manifest.timeline, phase);
    const skipped = reason && !targets.some((target) => target.role === 'old')
        ? [{ role: 'old', host: manifest.registries.old.host, reason }]
        : [];
    if (phase === 'before') {
        skipped.push({
            role: 'new',
            host: manifest.registries.new.host,
            reason: `the new registry opens on ${manifest.timeline.available}`,
        });
    }
    return { phase, repository, tags, targets, skipped };
}


/***/ }),

/***/ 77108:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ platformName),
/* harmony export */   CI: () => (/* binding */ partsOf),
/* harmony export */   H3: () => (/* binding */ isAttestation)
/* harmony export */ });
/** True for Buildx's attestation manifests (and any child whose platform is unknown/unknown). */
function isAttestation(child) {
    return (child.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
        (child.platform?.os === 'unknown' && child.platform.architecture === 'unknown'));
}
/** `os/architecture[/variant]` of an index child. */
function platformName(child) {
    const { os = '?', architecture = '?', variant } = child.platform ?? {};
    return `${os}/${architecture}${variant ? `/${variant}` : ''}`;
}
/** Splits a parsed manifest into platforms and attestation manifests. */
function partsOf(parsed) {
    if (!parsed.isIndex)
        return { platforms: [], attestations: 0, children: [] };
    return {
        platforms: parsed.manifests.filter((child) => !isAttestation(child)).map(platformName),
        attestations: parsed.manifests.filter(isAttestation).length,
        children: parsed.manifests,
    };
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

/***/ 68164:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vd: () => (/* binding */ planTags),
/* harmony export */   je: () => (/* binding */ plannedReferences)
/* harmony export */ });
/* unused harmony export parseTagLine */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8835);
/* harmony import */ var _manifest_hosts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91517);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92041);
/* harmony import */ var _manifest_push_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24998);
/**
 * Today's full references for an image about to be built: the tags a build should push (old,
 * both, or new registry, by the timeline), in the form docker/build-push-action's `tags:` takes.
 */




/**
 * Reads one line of `--tags`: a bare tag (`1.2`, with `--repository`), `repository:tag` (what
 * docker/metadata-action writes for `images: api`), or `old-host/repository:tag`.
 * @throws UsageError naming the line, for anything else
 */
function parseTagLine(manifest, line, number, repository) {
    const where = `--tags line ${number} ("${line}")`;
    if (!line.includes(':') && !line.includes('/') && !line.includes('@')) {
        if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidTag */ .r_)(line))
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: expected a tag (letters, digits, _ . -, at most 128, not starting with . or -)`);
        if (!repository)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: a bare tag needs --repository (the image's path in the old registry)`);
        return { repository, tag: line };
    }
    const host = (0,_manifest_hosts_js__WEBPACK_IMPORTED_MODULE_1__/* .hostPart */ .O)(line);
    if (host !== undefined) {
        const role = (0,_manifest_hosts_js__WEBPACK_IMPORTED_MODULE_1__/* .roleOfHost */ .g)(manifest, host);
        if (role !== 'old')
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: name images by their path in the old registry ${manifest.registries.old.host} (or without a host); ${role === 'new' ? 'the manifest’s paths give the new registry’s path' : `${host} is not a registry of the manifest`}`);
    }
    let parsed;
    try {
        parsed = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRepositoryReference */ .Dp)(host === undefined ? line : line.slice(host.length + 1));
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: ${error.message}`);
    }
    if (parsed.digest !== undefined)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: expected a tag, not a digest`);
    return { repository: repository ?? parsed.repository, tag: parsed.tag ?? 'latest' };
}
/**
 * Plans today's references for the given lines: grouped by repository, each sent where `push`
 * would send it (the same read-only and shutdown rules).
 * @throws UsageError for a line that is not a tag or image name, or no line at all
 */
function planTags(manifest, today, request) {
    const lines = request.lines.map((line) => line.trim()).filter((line) => line.length > 0);
    if (lines.length === 0 && request.repository === undefined)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('--tags: expected at least one tag or image name (one per line)');
    const wanted = new Map();
    if (lines.length === 0)
        wanted.set(request.repository, ['latest']);
    lines.forEach((line, index) => {
        const { repository, tag } = parseTagLine(manifest, line, index + 1, request.repository);
        const tags = wanted.get(repository) ?? [];
        if (!tags.includes(tag))
            tags.push(tag);
        wanted.set(repository, tags);
    });
    const images = [];
    let phase = 'dual';
    let skipped = [];
    for (const [repository, tags] of wanted) {
        const plan = (0,_manifest_push_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .planPush */ .M)(manifest, today, { image: repository, repository, tags });
        phase = plan.phase;
        skipped = plan.skipped;
        images.push({ repository, tags: plan.tags, targets: plan.targets });
    }
    const references = plannedReferences({ images }).map((planned) => planned.reference);
    const registries = [...new Set(images.flatMap((image) => image.targets.map((t) => t.registry.host)))];
    return { today, phase, images, references, registries, skipped };
}
/** Every reference of a plan with its registry, target by target. */
function plannedReferences(plan) {
    return plan.images.flatMap((image) => image.targets.flatMap((target) => image.tags.map((tag) => ({
        role: target.role,
        host: target.registry.host,
        repository: target.repository,
        tag,
        reference: `${target.name}:${tag}`,
    }))));
}


/***/ }),

/***/ 28526:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verify: () => (/* binding */ command_verify)
});

// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(61346);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(61714);
// EXTERNAL MODULE: ./lib/src/oci/client.js + 17 modules
var client = __webpack_require__(11024);
// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
;// CONCATENATED MODULE: ./lib/src/verify/present.js

function contents(check) {
    if (check.platforms.length === 0)
        return 'single image';
    return `${check.platforms.length} platform${check.platforms.length === 1 ? '' : 's'} (${check.platforms.join(', ')})${check.attestations > 0 ? ` + ${check.attestations} attestation manifest${check.attestations === 1 ? '' : 's'}` : ''}`;
}
/** Turns the report into log lines, the summary, `--json` and outputs; any problem fails the step. */
function presentVerify(report, reporter) {
    for (const check of report.checks)
        if (check.digest !== undefined)
            reporter.info(`${check.reference}: ${check.digest}, ${contents(check)}`);
    for (const problem of report.problems)
        reporter.error(problem.message);
    const ok = report.problems.length === 0;
    if (ok)
        reporter.info(`verified: ${report.checks.length} reference${report.checks.length === 1 ? '' : 's'} resolve to ${report.expected}`);
    reporter.summary([
        `### cutover verify: ${ok ? '✅' : '❌'} ${report.checks.length} references${report.expected ? `, expected \`${report.expected}\`` : ''}`,
        '',
        (0,markdown/* table */.tp)(['Reference', 'Digest', 'Contents', 'Result'], report.checks.map((check) => {
            const problems = report.problems.filter((problem) => problem.reference === check.reference);
            return [
                `\`${check.reference}\``,
                check.digest ? `\`${check.digest}\`` : '—',
                check.digest ? contents(check) : '',
                problems.length === 0 ? '✅' : `❌ ${problems.map((problem) => problem.kind).join(', ')}`,
            ];
        })),
        '',
    ].join('\n'));
    return {
        exitCode: ok ? 0 : 1,
        ...(!ok && {
            failureMessage: `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}: ${report.problems.map((problem) => problem.message).join('; ')}`,
        }),
        outputs: { digest: ok ? (report.expected ?? '') : '' },
        json: {
            ok,
            expected: report.expected ?? null,
            references: report.checks.map((check) => ({
                reference: check.reference,
                registry: check.host,
                digest: check.digest ?? null,
                platforms: check.platforms,
                attestations: check.attestations,
                missingChildren: check.missingChildren,
            })),
            problems: report.problems,
        },
    };
}

// EXTERNAL MODULE: ./lib/src/oci/reference.js
var reference = __webpack_require__(92041);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/manifest/hosts.js
var hosts = __webpack_require__(91517);
// EXTERNAL MODULE: ./lib/src/tags/targets.js
var targets = __webpack_require__(68164);
;// CONCATENATED MODULE: ./lib/src/verify/references.js




/**
 * The references to verify: lines naming one of the manifest's registries (what `cutover tags`
 * printed) are taken as they are; other lines (tags, `repository:tag`) are planned for today as
 * `cutover tags` would.
 * @throws UsageError for a line that is neither
 */
function referencesToVerify(manifest, today, request) {
    const full = [];
    const others = [];
    request.lines
        .map((line) => line.trim())
        .filter((line) => line.length > 0)
        .forEach((line, index) => {
        const host = (0,hosts/* hostPart */.O)(line);
        const role = host === undefined ? undefined : (0,hosts/* roleOfHost */.g)(manifest, host);
        if (host === undefined || role === undefined)
            return others.push(line);
        let parsed;
        try {
            parsed = (0,reference/* parseRepositoryReference */.Dp)(line.slice(host.length + 1));
        }
        catch (error) {
            throw new errors/* UsageError */.eb(`--tags line ${index + 1} ("${line}"): ${error.message}`);
        }
        const tag = parsed.digest ?? parsed.tag ?? 'latest';
        full.push({ role, host, repository: parsed.repository, tag, reference: line });
    });
    const planned = others.length > 0 || full.length === 0
        ? (0,targets/* plannedReferences */.je)((0,targets/* planTags */.Vd)(manifest, today, {
            lines: others,
            ...(request.repository !== undefined && { repository: request.repository }),
        }))
        : [];
    return [...full, ...planned];
}

// EXTERNAL MODULE: ./lib/src/verify/verify.js
var verify = __webpack_require__(8865);
;// CONCATENATED MODULE: ./lib/src/verify/command.js






/** `cutover verify`: after a push, every reference resolves to one digest in every registry. */
const command_verify = (0,command/* defineCommand */.N)({
    name: 'verify',
    summary: 'Check that every reference `cutover tags` produced resolves to the same digest in each registry, index children and attestation manifests included.',
    options: {
        tags: cli_option/* option */.uK.list('References to check: `cutover tags`’ tags output (host/repository:tag), or tags and repository:tag names planned for today as `cutover tags` does.'),
        repository: cli_option/* option */.uK.string('Repository path in the old registry, for bare tags in --tags.'),
        digest: cli_option/* option */.uK.string('The digest every reference must have (build-push-action’s digest output).', {
            pattern: /^sha256:[a-f0-9]{64}$/,
            expected: 'expected a digest sha256:<64 hex>',
        }),
        concurrency: cli_option/* option */.uK.int({ min: 1, max: 64, default: 8 }, 'Requests in flight per registry host (1–64).'),
    },
    outputs: [{ name: 'digest', description: 'The digest every reference resolves to (empty on failure).' }],
    async run({ options, manifest: load, today, reporter, env, secrets }) {
        // parse
        const manifest = await load();
        const references = referencesToVerify(manifest, today, {
            lines: options.tags.flatMap((value) => value.split('\n')),
            ...(options.repository !== undefined && { repository: options.repository }),
        });
        const clients = new Map();
        for (const role of new Set(references.map((reference) => reference.role)))
            clients.set(role, await client/* RegistryClient */.bP.forRegistry(manifest.registries[role], env, {
                concurrency: options.concurrency,
                readOnly: true,
                secrets,
                onWaiting: (line) => reporter.info(line),
            }));
        // do
        // The hint names a reference that can be copied from: the new registry's when there is one.
        const from = (references.find((reference) => reference.role === 'new') ?? references[0])?.reference;
        const good = (expected) => `${from?.replace(/:[^:/]+$/, '') ?? '<host/repository>'}@${expected ?? '<digest>'}`;
        const report = await (0,verify/* verifyReferences */.y)(references, (role) => clients.get(role), {
            ...(options.digest !== undefined && { expected: options.digest }),
            concurrency: options.concurrency,
            fix: (expected) => `push again, or copy the right image where it is wrong with \`cutover push --from ${good(expected)} --tag <tag>\``,
        });
        // present
        return presentVerify(report, reporter);
    },
});


/***/ }),

/***/ 8865:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ verifyReferences)
/* harmony export */ });
/* harmony import */ var _oci_media_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21732);
/* harmony import */ var _shared_limiter_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17870);
/* harmony import */ var _oci_platforms_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77108);



/**
 * Resolves every reference in its registry and compares the digests with `expected` (or the first
 * found); for an index, HEADs each child by digest in every repository that has the index.
 */
async function verifyReferences(references, clientFor, options = {}) {
    const concurrency = options.concurrency ?? 8;
    const heads = await (0,_shared_limiter_js__WEBPACK_IMPORTED_MODULE_1__/* .mapLimited */ .bB)(references, concurrency, async (ref) => ({
        ref,
        head: await clientFor(ref.role).headManifest(ref.repository, ref.tag),
    }));
    const expected = options.expected ?? heads.find((entry) => entry.head)?.head?.digest;
    // Each repository's index is read once, whatever number of tags point at it.
    const parts = new Map();
    const partsIn = (ref, digest) => {
        const key = `${ref.host} ${ref.repository} ${digest}`;
        let found = parts.get(key);
        if (!found) {
            found = (async () => {
                const client = clientFor(ref.role);
                const manifest = await client.getManifest(ref.repository, digest);
                const image = (0,_oci_platforms_js__WEBPACK_IMPORTED_MODULE_2__/* .partsOf */ .CI)((0,_oci_media_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageManifest */ .Sw)(manifest.bytes, manifest.mediaType));
                const present = await (0,_shared_limiter_js__WEBPACK_IMPORTED_MODULE_1__/* .mapLimited */ .bB)(image.children, concurrency, async (child) => (await client.headManifest(ref.repository, child.digest))?.digest === child.digest);
                const missingChildren = image.children
                    .filter((_, index) => !present[index])
                    .map((child) => `${child.digest} (${(0,_oci_platforms_js__WEBPACK_IMPORTED_MODULE_2__/* .platformName */ .$r)(child)})`);
                return { platforms: image.platforms, attestations: image.attestations, missingChildren };
            })();
            parts.set(key, found);
        }
        return found;
    };
    const checks = await Promise.all(heads.map(async ({ ref, head }) => {
        if (!head)
            return { ...ref, platforms: [], attestations: 0, missingChildren: [] };
        return { ...ref, digest: head.digest, ...(await partsIn(ref, head.digest)) };
    }));
    const fix = options.fix?.(expected) ?? 'push the image again';
    const problems = [];
    for (const check of checks) {
        if (check.digest === undefined)
            problems.push({
                reference: check.reference,
                kind: 'missing',
                message: `${check.reference} does not exist${expected ? ` (expected ${expected})` : ''}: ${fix}`,
            });
        else if (check.digest !== expected)
            problems.push({
                reference: check.reference,
                kind: 'differs',
                message: `${check.reference} is ${check.digest}, expected ${expected}: the tag was re-pointed or pushed apart; ${fix}`,
            });
        for (const child of check.missingChildren)
            problems.push({
                reference: check.reference,
                kind: 'missing-child',
                message: `${check.reference}: the registry lacks the index's child ${child}: ${fix}`,
            });
    }
    return { ...(expected !== undefined && { expected }), checks, problems };
}


/***/ })

};
;
//# sourceMappingURL=974.index.cjs.js.map
