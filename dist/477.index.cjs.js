"use strict";
exports.id = 477;
exports.ids = [477];
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

/***/ 77381:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LB: () => (/* binding */ readRefsFile),
/* harmony export */   eA: () => (/* binding */ writeRefsFile),
/* harmony export */   hV: () => (/* binding */ buildRefsFile)
/* harmony export */ });
/* unused harmony exports REFS_FILE_VERSION, parseRefsFile */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8835);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92041);
/**
 * The references file: old-registry image references found in code, written by
 * `cutover guard --export-refs FILE` and read by `cutover copy-tags --refs FILE` (rules with
 * `referenced: true`). One module owns the format so both sides agree:
 *
 * ```json
 * { "version": 1, "registry": "registry.old.example.com",
 *   "references": [{ "repository": "team/api", "tag": "1.4.2" },
 *                  { "repository": "base/jdk", "digest": "sha256:…" }] }
 * ```
 * `repository` is the path inside the old registry (no host); `tag` and `digest` are optional (a
 * reference with neither means `latest`, as Docker reads it).
 */



const REFS_FILE_VERSION = 1;
/** Builds the document: references deduplicated and sorted, so the file diffs cleanly. */
function buildRefsFile(registry, references) {
    const unique = new Map();
    for (const ref of references) {
        const clean = {
            repository: ref.repository,
            ...(ref.tag !== undefined && { tag: ref.tag }),
            ...(ref.digest !== undefined && { digest: ref.digest }),
        };
        unique.set(`${clean.repository}:${clean.tag ?? ''}@${clean.digest ?? ''}`, clean);
    }
    const sorted = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, ref]) => ref);
    return { version: REFS_FILE_VERSION, registry: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeHost */ .cS)(registry), references: sorted };
}
/** Writes the file (for `guard --export-refs`). */
async function writeRefsFile(file, registry, references) {
    const document = buildRefsFile(registry, references);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, `${JSON.stringify(document, null, 2)}\n`);
    return document;
}
/**
 * Reads and validates a references file.
 * @throws ConfigError with the file, line and column (JSON syntax) or key path of every problem
 */
async function readRefsFile(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL([
            { file, message: `cannot read the references file: ${error.code ?? error}` },
        ]);
    }
    return parseRefsFile(text, file);
}
/** Validates the text of a references file; see readRefsFile. */
function parseRefsFile(text, file) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        const message = error.message;
        const position = Number(/position (\d+)/.exec(message)?.[1]);
        const where = Number.isFinite(position) ? lineAndColumn(text, position) : {};
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL([{ file, ...where, message: `expected JSON: ${message}` }]);
    }
    const problems = [];
    const problem = (path, message) => problems.push({ file, path, message });
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL([{ file, message: 'expected an object with version, registry and references' }]);
    }
    const document = data;
    for (const key of Object.keys(document)) {
        if (!['version', 'registry', 'references'].includes(key))
            problem(key, 'unknown key (expected version, registry, references)');
    }
    if (document['version'] !== REFS_FILE_VERSION)
        problem('version', `expected ${REFS_FILE_VERSION}, found ${JSON.stringify(document['version'])}`);
    const registry = document['registry'];
    if (typeof registry !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidHost */ .HO)(registry))
        problem('registry', `expected the old registry's host[:port], found ${JSON.stringify(registry)}`);
    const references = document['references'];
    const parsed = [];
    if (!Array.isArray(references)) {
        problem('references', `expected a list of references, found ${JSON.stringify(references)}`);
    }
    else {
        references.forEach((entry, index) => {
            const at = `references[${index}]`;
            if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
                problem(at, `expected an object with repository, tag and/or digest, found ${JSON.stringify(entry)}`);
                return;
            }
            const ref = entry;
            for (const key of Object.keys(ref)) {
                if (!['repository', 'tag', 'digest'].includes(key))
                    problem(`${at}.${key}`, 'unknown key (expected repository, tag, digest)');
            }
            const { repository, tag, digest } = ref;
            if (typeof repository !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidRepositoryPath */ .M0)(repository))
                problem(`${at}.repository`, `expected a repository path in the old registry (no host), found ${JSON.stringify(repository)}`);
            if (tag !== undefined && (typeof tag !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidTag */ .r_)(tag)))
                problem(`${at}.tag`, `expected a tag, found ${JSON.stringify(tag)}`);
            if (digest !== undefined && (typeof digest !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidDigest */ .fH)(digest)))
                problem(`${at}.digest`, `expected a digest such as sha256:<64 hex>, found ${JSON.stringify(digest)}`);
            parsed.push({
                repository: repository,
                ...(tag !== undefined && { tag: tag }),
                ...(digest !== undefined && { digest: digest }),
            });
        });
    }
    if (problems.length > 0)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(problems);
    return { version: REFS_FILE_VERSION, registry: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeHost */ .cS)(registry), references: parsed };
}
function lineAndColumn(text, position) {
    const before = text.slice(0, position).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}


/***/ }),

/***/ 56477:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  guard: () => (/* binding */ guard)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var shared_errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
// EXTERNAL MODULE: ./lib/src/shared/progress.js
var shared_progress = __webpack_require__(34767);
;// CONCATENATED MODULE: ./lib/src/guard/fix.js


const spanKey = (edit) => `${edit.start}:${edit.end}`;
/**
 * Rewrites findings in place, byte for byte: each accepted finding's edits are spliced into the file
 * at their offsets and nothing else changes (line endings, comments, encoding stay). `refuse` may
 * hold a finding back with a reason (for example: not in the new registry). An edit shared by
 * several findings (one ARG default used by two FROM lines) is applied only when all of them are
 * accepted. Files are replaced atomically, keeping their mode.
 */
function applyFixes(root, findings, refused) {
    const outcomes = [];
    const byFile = new Map();
    for (const finding of findings) {
        if (finding.ignored)
            continue;
        byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    }
    for (const [file, fileFindings] of byFile) {
        const reasons = new Map();
        for (const finding of fileFindings) {
            const reason = refused.get(finding) ?? finding.unfixable;
            if (reason !== undefined)
                reasons.set(finding, reason);
        }
        const users = new Map();
        for (const finding of fileFindings)
            for (const edit of finding.edits)
                users.set(spanKey(edit), [...(users.get(spanKey(edit)) ?? []), finding]);
        // An edit whose span is shared must be wanted by every finding using it, and spans must not overlap.
        for (let changed = true; changed;) {
            changed = false;
            for (const [key, sharing] of users) {
                const held = sharing.find((finding) => reasons.has(finding));
                if (!held)
                    continue;
                for (const finding of sharing) {
                    if (reasons.has(finding))
                        continue;
                    reasons.set(finding, `shares text at byte ${key.split(':')[0]} with ${held.normalized}, which is not rewritten`);
                    changed = true;
                }
            }
        }
        const full = external_node_path_.join(root, file);
        let bytes;
        try {
            // Replacing a symlink with a file would change the tree's shape; its target is fixed where it lives.
            if ((0,external_node_fs_.lstatSync)(full).isSymbolicLink())
                throw new Error('a symbolic link: fix the file it points to');
            bytes = (0,external_node_fs_.readFileSync)(full);
        }
        catch (error) {
            for (const finding of fileFindings)
                reasons.set(finding, error.message);
            bytes = Buffer.alloc(0);
        }
        const edits = new Map();
        for (const finding of fileFindings) {
            if (reasons.has(finding))
                continue;
            for (const edit of finding.edits) {
                const current = bytes.toString('latin1', edit.start, edit.end);
                if (current !== edit.expect) {
                    reasons.set(finding, `the file changed since the scan (expected "${edit.expect}" at byte ${edit.start})`);
                    break;
                }
                const earlier = edits.get(spanKey(edit));
                if (earlier && earlier.text !== edit.text) {
                    reasons.set(finding, `conflicting rewrites of "${edit.expect}" at byte ${edit.start}`);
                    break;
                }
            }
            if (!reasons.has(finding))
                for (const edit of finding.edits)
                    edits.set(spanKey(edit), edit);
        }
        const ordered = [...edits.values()].sort((a, b) => a.start - b.start);
        const overlapping = ordered.some((edit, index) => index > 0 && edit.start < ordered[index - 1].end);
        if (overlapping) {
            for (const finding of fileFindings)
                if (!reasons.has(finding))
                    reasons.set(finding, 'overlapping rewrites in this file; fix by hand');
        }
        else if (ordered.length > 0) {
            const pieces = [];
            let at = 0;
            for (const edit of ordered) {
                pieces.push(bytes.subarray(at, edit.start), Buffer.from(edit.text, 'latin1'));
                at = edit.end;
            }
            pieces.push(bytes.subarray(at));
            const temporary = `${full}.cutover-${process.pid}.tmp`;
            (0,external_node_fs_.writeFileSync)(temporary, Buffer.concat(pieces), { mode: (0,external_node_fs_.statSync)(full).mode & 0o7777 });
            (0,external_node_fs_.renameSync)(temporary, full);
        }
        for (const finding of fileFindings) {
            const reason = reasons.get(finding);
            outcomes.push({
                file,
                line: finding.line,
                column: finding.column,
                reference: finding.reference,
                replacement: finding.replacement,
                rewritten: reason === undefined,
                ...(reason !== undefined && { reason }),
            });
        }
    }
    return outcomes;
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
// EXTERNAL MODULE: ./lib/src/manifest/timeline.js
var timeline = __webpack_require__(16399);
// EXTERNAL MODULE: ./lib/src/oci/reference.js
var reference = __webpack_require__(92041);
;// CONCATENATED MODULE: ./lib/src/guard/policy.js



/**
 * Gives every finding the severity of the day (info before the new registry opens, a warning with
 * the days left, an error from `guard.fail-from`) and marks the ones the manifest allows:
 * `guard.allow.files` globs match the file path; `guard.allow.references` globs match the normalised
 * reference (`registry.old.example.com/base/jdk:17`), the path with its tag (`base/jdk:17`) or the
 * bare repository (`base/jdk`). Inline `cutover: ignore` was already marked by the scanner.
 */
function applyPolicy(findings, manifest, today) {
    const policy = (0,timeline/* referencePolicy */.OQ)(manifest.timeline, today);
    const allowFile = picomatch(manifest.guard.allowFiles.length ? manifest.guard.allowFiles : ['\0'], {
        dot: true,
    });
    const allowReference = picomatch(manifest.guard.allowReferences.length ? manifest.guard.allowReferences : ['\0'], { dot: true });
    return {
        policy,
        findings: findings.map((finding) => {
            let ignored = finding.ignored;
            if (!ignored && manifest.guard.allowFiles.length && allowFile(finding.file))
                ignored = 'allow-files';
            if (!ignored &&
                manifest.guard.allowReferences.length &&
                [finding.normalized, (0,reference/* formatRepositoryReference */.$)(finding.image), finding.image.repository].some((form) => allowReference(form)))
                ignored = 'allow-references';
            return { ...finding, severity: policy.severity, ...(ignored && { ignored }) };
        }),
    };
}

// EXTERNAL MODULE: ./lib/src/copy/refs-file.js
var refs_file = __webpack_require__(77381);
;// CONCATENATED MODULE: ./lib/src/guard/refs-file.js
/**
 * The old-registry references among the findings, for `--export-refs` (the file format is owned by
 * src/registry/refs-file.ts, which copy-tags reads). A reference without tag or digest is written
 * with `tag: latest`, as Docker pulls it; ignored findings and references whose tag comes from a
 * variable without a value are left out.
 */
function exportedReferences(findings) {
    return findings
        .filter((finding) => !finding.ignored && !finding.partial)
        .map(({ image: { repository, tag, digest } }) => ({
        repository,
        ...(tag !== undefined || digest === undefined ? { tag: tag ?? 'latest' } : {}),
        ...(digest !== undefined && { digest }),
    }));
}

;// CONCATENATED MODULE: ./lib/src/guard/renovate.js
const regexEscape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/**
 * A Renovate configuration that proposes the same moves as `--fix`: every name of the old registry
 * to the new host, then the manifest's `paths` rules. Renovate applies every matching rule and the
 * last one wins, while `paths` takes the first match, so the host-only rules come first and the path
 * rules follow in reverse order.
 */
function renovateConfig(manifest) {
    const { old, new: next } = manifest.registries;
    const names = [old.host, ...old.aliases];
    const rules = names.map((name) => ({
        description: `cutover: move images from ${name} to ${next.host}`,
        matchDatasources: ['docker'],
        matchPackageNames: [`${name}/**`],
        replacementNameTemplate: `{{{replace '^${regexEscape(name)}/' '${next.host}/' packageName}}}`,
    }));
    for (const rule of [...manifest.paths].reverse()) {
        for (const name of names) {
            if (!rule.from.includes('*')) {
                rules.push({
                    description: `cutover: ${name}/${rule.from} is ${next.host}/${rule.to}`,
                    matchDatasources: ['docker'],
                    matchPackageNames: [`${name}/${rule.from}`],
                    replacementName: `${next.host}/${rule.to}`,
                });
                continue;
            }
            const pattern = `^${regexEscape(name)}/${rule.from.split('*').map(regexEscape).join('(.*)')}$`;
            let capture = 1;
            const target = `${next.host}/${rule.to.replace(/\*/g, () => `$${capture++}`)}`;
            rules.push({
                description: `cutover: ${name}/${rule.from} moves to ${next.host}/${rule.to}`,
                matchDatasources: ['docker'],
                matchPackageNames: [`/${pattern}/`],
                replacementNameTemplate: `{{{replace '${pattern}' '${target}' packageName}}}`,
            });
        }
    }
    return { $schema: 'https://docs.renovatebot.com/renovate-schema.json', packageRules: rules };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./lib/src/guard/readers.js


/** Batches queued on one thread at most, so listing never runs far ahead of reading. */
const QUEUED = 16;
/**
 * The reader thread: plain CommonJS with Node built-ins only, so it runs from the bundle with
 * `eval`. Files are read back to back into one reused buffer, each followed by a NUL byte, and the
 * buffer is searched once per registry name when it is full: a name never contains NUL, so no match
 * spans two files, and the NUL after each file also bounds the binary sniff (a NUL in the first
 * 8 kB). Per file that leaves open, read and close (fstat only when the read fills the room left)
 * and one memchr; nothing is allocated, decoded or parsed here. Binaries and files over the size
 * limit are skipped; the files that contain one of the registry's names are reported.
 */
const READER = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
// Set by the first message, { root, needles, maxSize }: the thread boots before the manifest is read.
let wanted;
let prefix;
let maxSize;
const CHUNK = 2 * 1024 * 1024;
const SNIFF = 8192;
let chunk = Buffer.allocUnsafe(CHUNK);
function failure(error) {
  const code = error && error.code;
  if (code === 'ELOOP') return ['symlink loop', 'too many levels of symbolic links'];
  if (code === 'EISDIR') return ['not a file', 'a directory (a submodule or a link to one)'];
  if (code === 'ENOENT') return ['unreadable', 'listed but missing (deleted?)'];
  if (code === 'EACCES') return ['unreadable', 'permission denied'];
  return ['unreadable', String(error && error.message)];
}
function readFully(fd, buffer, length, size) {
  let got;
  while (length < size && (got = fs.readSync(fd, buffer, length, size - length, length)) > 0) length += got;
  return length;
}
parentPort.on('message', (files) => {
  if (!Array.isArray(files)) {
    wanted = files.needles.map((needle) => Buffer.from(needle, 'latin1'));
    prefix = files.root === '.' ? '' : files.root + '/';
    maxSize = files.maxSize;
    return;
  }
  // [index in files, file, outcome, detail]: sorted back into the order of the batch at the end.
  const verdicts = [];
  let scanned = 0;
  let bytes = 0;
  // The files held in the chunk: where each starts, and its index in files.
  let used = 0;
  const starts = [];
  const held = [];
  const search = () => {
    if (held.length === 0) return;
    const view = chunk.subarray(0, used);
    const found = new Uint8Array(held.length);
    for (const needle of wanted) {
      let at = view.indexOf(needle);
      while (at >= 0) {
        let low = 0;
        let high = starts.length - 1;
        while (low < high) {
          const middle = (low + high + 1) >> 1;
          if (starts[middle] <= at) low = middle;
          else high = middle - 1;
        }
        if (!found[low]) {
          found[low] = 1;
          verdicts.push([held[low], files[held[low]], 'hit']);
        }
        at = low + 1 < starts.length ? view.indexOf(needle, starts[low + 1]) : -1;
      }
    }
    used = 0;
    starts.length = 0;
    held.length = 0;
  };
  for (let index = 0; index < files.length; index++) {
    const file = files[index];
    let fd;
    try {
      fd = fs.openSync(prefix + file, 'r');
      if (chunk.length - used < 64 * 1024) search();
      const want = Math.min(chunk.length - used - 1, maxSize + 1);
      let at = used;
      let length = fs.readSync(fd, chunk, at, want, 0);
      if (length === want) {
        const info = fs.fstatSync(fd);
        if (!info.isFile()) { verdicts.push([index, file, 'not a file']); continue; }
        if (info.size > maxSize) { verdicts.push([index, file, 'too large', info.size + ' bytes']); continue; }
        if (info.size > length) {
          // It does not fit behind the files held: search those, then read it alone.
          search();
          const before = chunk;
          if (info.size + 1 > chunk.length) chunk = Buffer.allocUnsafe(info.size + 1);
          before.copy(chunk, 0, at, at + length);
          at = 0;
          length = readFully(fd, chunk, length, info.size);
        }
      }
      chunk[at + length] = 0;
      const nul = chunk.indexOf(0, at);
      if (nul < at + length && nul - at < SNIFF) { verdicts.push([index, file, 'binary']); continue; }
      scanned++;
      bytes += length;
      starts.push(at);
      held.push(index);
      used = at + length + 1;
    } catch (error) {
      const [reason, detail] = failure(error);
      verdicts.push([index, file, reason, detail]);
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
  search();
  // A huge file's buffer is not kept for the next batch.
  if (chunk.length > CHUNK) chunk = Buffer.allocUnsafe(CHUNK);
  verdicts.sort((a, b) => a[0] - b[0]);
  parentPort.postMessage({ verdicts: verdicts.map((verdict) => verdict.slice(1)), scanned, bytes });
});
`;
/**
 * Starts the reader threads: one per core available (the main thread lists and parses between
 * batches), at most 4. Booting a thread takes tens of milliseconds, so a command starts them before
 * it reads its manifest and hands them to scanTree(); until then they do not keep the process alive.
 */
function startReaders(threads = Math.max(1, Math.min(4, external_node_os_.availableParallelism()))) {
    return new ReaderPool(threads);
}
/** Reader threads with at most QUEUED batches queued on each, so listing never runs far ahead. */
class ReaderPool {
    workers;
    waiting = [];
    constructor(count) {
        this.workers = Array.from({ length: count }, () => {
            const worker = new external_node_worker_threads_.Worker(READER, { eval: true });
            const entry = { worker, queue: [] };
            worker.on('message', (result) => {
                entry.queue.shift()?.resolve(result);
                this.waiting.shift()?.();
            });
            worker.on('error', (error) => {
                for (const waiting of entry.queue.splice(0))
                    waiting.reject(error);
            });
            // After the listeners: adding a 'message' listener refs the thread's port again.
            worker.unref();
            return entry;
        });
    }
    /** What to search for, and where; from now on the threads keep the process alive until close(). */
    configure(data) {
        for (const { worker } of this.workers) {
            worker.postMessage(data);
            worker.ref();
        }
    }
    /** Sends a batch to the least busy thread. */
    run(files) {
        const entry = this.workers.reduce((a, b) => (b.queue.length < a.queue.length ? b : a));
        return new Promise((resolve, reject) => {
            entry.queue.push({ resolve, reject });
            entry.worker.postMessage(files);
        });
    }
    /** Resolves when some thread has fewer than QUEUED batches. */
    capacity() {
        if (this.workers.some((entry) => entry.queue.length < QUEUED))
            return Promise.resolve();
        return new Promise((resolve) => this.waiting.push(resolve));
    }
    async close() {
        await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
    }
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./lib/src/manifest/paths.js
var paths = __webpack_require__(11742);
;// CONCATENATED MODULE: ./lib/src/guard/source.js
/** The file's bytes `start..end` as mapped text. */
function slice(source, start, end) {
    const offsets = new Array(end - start);
    for (let index = 0; index < offsets.length; index++)
        offsets[index] = start + index;
    return { text: source.slice(start, end), offsets };
}
/** Joins mapped pieces. */
function concat(parts) {
    // One preallocated array: flatMap over thousands of per-character arrays dominated parsing.
    let length = 0;
    for (const part of parts)
        length += part.offsets.length;
    const offsets = new Array(length);
    let at = 0;
    for (const part of parts)
        for (const offset of part.offsets)
            offsets[at++] = offset;
    return { text: parts.map((part) => part.text).join(''), offsets };
}
/** Mapped text `start..end` of `mapped`. */
function sub(mapped, start, end = mapped.text.length) {
    return { text: mapped.text.slice(start, end), offsets: mapped.offsets.slice(start, end) };
}
/** The byte range `[start, end)` when text[from..to) is one contiguous run of file bytes, else undefined. */
function contiguousRange(mapped, from, to) {
    const first = mapped.offsets[from];
    if (first === undefined || first < 0 || to <= from)
        return undefined;
    for (let index = from + 1; index < to; index++) {
        if (mapped.offsets[index] !== first + (index - from))
            return undefined;
    }
    return [first, first + (to - from)];
}
/** Trims white space from both ends, keeping the mapping. */
function trim(mapped) {
    const start = mapped.text.length - mapped.text.trimStart().length;
    const end = mapped.text.trimEnd().length;
    return start >= end ? { text: '', offsets: [] } : sub(mapped, start, end);
}
/** Removes one pair of matching surrounding quotes. */
function unquote(mapped) {
    const { text } = mapped;
    if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0])
        return sub(mapped, 1, text.length - 1);
    return mapped;
}
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
/**
 * Expands shell/Compose/Dockerfile variables: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?message}`, `${VAR?message}`, `${VAR:+alternative}`, `${VAR+alternative}`, and `$$` (a literal
 * `$`, Compose's escape). An unknown variable expands to nothing, as it would with an empty environment,
 * and makes the result `partial`. `${{ … }}` (a GitHub expression) is left unexpanded and makes it partial.
 */
function expand(mapped, variables = new Map(), escape = '\\') {
    const { text } = mapped;
    const parts = [];
    let partial = false;
    let index = 0;
    let literalStart = 0;
    const flush = (end) => {
        if (end > literalStart)
            parts.push(sub(mapped, literalStart, end));
    };
    while (index < text.length) {
        const char = text[index];
        if (char === escape && text[index + 1] === '$') {
            flush(index);
            parts.push(sub(mapped, index + 1, index + 2));
            index += 2;
            literalStart = index;
            continue;
        }
        if (char !== '$') {
            index++;
            continue;
        }
        const next = text[index + 1];
        if (next === '$') {
            flush(index);
            parts.push(sub(mapped, index + 1, index + 2));
            index += 2;
            literalStart = index;
            continue;
        }
        if (next === '{') {
            if (text[index + 2] === '{') {
                partial = true;
                index += 3;
                continue;
            }
            const close = matchingBrace(text, index + 2);
            if (close < 0) {
                index++;
                continue;
            }
            flush(index);
            const inner = sub(mapped, index + 2, close);
            const name = NAME.exec(inner.text)?.[0];
            if (!name) {
                partial = true;
            }
            else {
                const rest = inner.text.slice(name.length);
                const operator = /^(:?[-?+=])/.exec(rest)?.[1];
                const value = variables.get(name);
                const set = value !== undefined;
                const nonEmpty = set && value.text !== '';
                if (!operator) {
                    if (value)
                        parts.push(value);
                    else
                        partial = true;
                }
                else {
                    const word = expand(sub(inner, name.length + operator.length), variables, escape);
                    const colon = operator.startsWith(':');
                    const useValue = colon ? nonEmpty : set;
                    if (operator.endsWith('-') || operator.endsWith('=')) {
                        parts.push(useValue ? value : word.value);
                        if (!useValue)
                            partial ||= word.partial;
                    }
                    else if (operator.endsWith('+')) {
                        if (useValue) {
                            parts.push(word.value);
                            partial ||= word.partial;
                        }
                    }
                    else if (useValue)
                        parts.push(value);
                    else
                        partial = true;
                }
            }
            index = close + 1;
            literalStart = index;
            continue;
        }
        const name = NAME.exec(text.slice(index + 1))?.[0];
        if (name) {
            flush(index);
            const value = variables.get(name);
            if (value)
                parts.push(value);
            else
                partial = true;
            index += 1 + name.length;
            literalStart = index;
            continue;
        }
        index++;
    }
    flush(text.length);
    return { value: concat(parts), partial };
}
function matchingBrace(text, from) {
    let depth = 1;
    for (let index = from; index < text.length; index++) {
        if (text[index] === '{')
            depth++;
        else if (text[index] === '}' && --depth === 0)
            return index;
    }
    return -1;
}

;// CONCATENATED MODULE: ./lib/src/guard/finding.js



/**
 * Turns a candidate into a finding when it is a valid reference to the old registry (exact host
 * match, aliases included), with the edits that rewrite it. Undefined for anything else.
 */
function resolveCandidate(candidate, hosts, file) {
    let value = candidate.value;
    if (value.text.startsWith('docker://'))
        value = sub(value, 'docker://'.length);
    let end = value.text.length;
    // An unresolved ${TAG} leaves "repo:" behind; the repository is still known.
    if (candidate.partial)
        while (end > 0 && /[:@/]/.test(value.text[end - 1]))
            end--;
    value = sub(value, 0, end);
    const slash = value.text.indexOf('/');
    if (slash <= 0)
        return undefined;
    const writtenHost = value.text.slice(0, slash);
    if (!hosts.oldNames.includes((0,reference/* normalizeHost */.cS)(writtenHost)))
        return undefined;
    let image;
    try {
        image = (0,reference/* parseReference */.F2)(value.text);
    }
    catch {
        return undefined;
    }
    const oldImage = { ...image, registry: hosts.old };
    const newRepository = (0,paths/* mapRepository */.T)(image.repository, hosts.paths);
    const replacement = (0,reference/* formatReference */.FH)({ ...image, registry: hosts.newHost, repository: newRepository });
    const { edits, unfixable } = editsFor(value, slash, image.repository, newRepository, hosts.newHost);
    return {
        file,
        offset: candidate.at,
        reference: candidate.written,
        normalized: (0,reference/* formatReference */.FH)(oldImage),
        kind: candidate.kind,
        replacement,
        image: oldImage,
        partial: candidate.partial && image.tag === undefined && image.digest === undefined,
        edits,
        ...(unfixable !== undefined && { unfixable }),
    };
}
/**
 * The edits that move a reference to the new registry: the host (and the repository path when the
 * mapping changes it) replaced where they are written, which may be an ARG default or a split
 * `registry:`/`repository:` pair. Nothing else in the file changes.
 */
function editsFor(value, slash, repository, newRepository, newHost) {
    const hostRange = contiguousRange(value, 0, slash);
    const repoStart = slash + 1;
    const repoWritten = value.text.slice(repoStart, repoStart + repository.length) === repository;
    const repoRange = repoWritten
        ? contiguousRange(value, repoStart, repoStart + repository.length)
        : undefined;
    if (!hostRange)
        return { edits: [], unfixable: 'the registry host is not written in one piece here' };
    const expect = (range, text) => ({
        start: range[0],
        end: range[1],
        expect: text,
    });
    if (newRepository === repository) {
        return { edits: [{ ...expect(hostRange, value.text.slice(0, slash)), text: newHost }] };
    }
    if (!repoRange) {
        // The host edit is kept so that --fix knows this finding shares it (an ARG default, say).
        return {
            edits: [{ ...expect(hostRange, value.text.slice(0, slash)), text: newHost }],
            unfixable: `the repository path ${repository} (→ ${newRepository}) is not written literally here`,
        };
    }
    if (repoRange[0] === hostRange[1] + 1) {
        return {
            edits: [
                {
                    ...expect([hostRange[0], repoRange[1]], value.text.slice(0, repoStart + repository.length)),
                    text: `${newHost}/${newRepository}`,
                },
            ],
        };
    }
    return {
        edits: [
            { ...expect(hostRange, value.text.slice(0, slash)), text: newHost },
            { ...expect(repoRange, repository), text: newRepository },
        ],
    };
}

;// CONCATENATED MODULE: ./lib/src/guard/dockerfile.js

function linesOf(source) {
    const lines = [];
    let start = 0;
    while (start <= source.length) {
        let end = source.indexOf('\n', start);
        if (end < 0)
            end = source.length;
        const next = end + 1;
        if (end > start && source[end - 1] === '\r')
            end--;
        lines.push({ start, end });
        start = next;
    }
    return lines;
}
/** Splits arguments on white space outside quotes, keeping each word's mapping. */
function words(mapped) {
    const result = [];
    const { text } = mapped;
    let index = 0;
    while (index < text.length) {
        while (index < text.length && /\s/.test(text[index]))
            index++;
        if (index >= text.length)
            break;
        const start = index;
        let quote;
        while (index < text.length && (quote || !/\s/.test(text[index]))) {
            const char = text[index];
            if (quote) {
                if (char === quote)
                    quote = undefined;
            }
            else if (char === '"' || char === "'")
                quote = char;
            index++;
        }
        result.push(sub(mapped, start, index));
    }
    return result;
}
/**
 * Finds image references in a Dockerfile the way BuildKit reads it: parser directives (`# escape=`),
 * line continuations, `ARG` defaults (global ones for `FROM`, stage ones after), `FROM [--platform=…]
 * image [AS name]` where a stage name is not an image, `COPY --from=` and `RUN --mount=…,from=…`.
 * Heredoc bodies are skipped (the plain-text pass still sees them).
 */
function dockerfileCandidates(source) {
    const lines = linesOf(source);
    let escape = '\\';
    let index = 0;
    // Parser directives: only at the very top, before any other line.
    for (; index < lines.length; index++) {
        const text = source.slice(lines[index].start, lines[index].end);
        const directive = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(text);
        if (!directive)
            break;
        if (directive[1].toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\'))
            escape = directive[2];
    }
    const candidates = [];
    const globalArgs = new Map();
    let stageArgs;
    const stages = new Set();
    let heredocEnd;
    while (index < lines.length) {
        const first = lines[index];
        const firstText = source.slice(first.start, first.end);
        index++;
        if (heredocEnd !== undefined) {
            if (firstText.replace(/^\t+/, '') === heredocEnd)
                heredocEnd = undefined;
            continue;
        }
        if (/^\s*(#|$)/.test(firstText))
            continue;
        // Join continuation lines: the escape character at the end of a line, comment lines skipped.
        const parts = [];
        let line = first;
        for (;;) {
            const text = source.slice(line.start, line.end);
            const trimmedEnd = text.trimEnd();
            if (trimmedEnd.endsWith(escape)) {
                parts.push(slice(source, line.start, line.start + trimmedEnd.length - 1));
                let next;
                while (index < lines.length) {
                    next = lines[index++];
                    if (!/^\s*(#|$)/.test(source.slice(next.start, next.end)))
                        break;
                    next = undefined;
                }
                if (!next)
                    break;
                line = next;
                continue;
            }
            parts.push(slice(source, line.start, line.end));
            break;
        }
        const instruction = trim(concat(parts));
        const keyword = /^[A-Za-z]+/.exec(instruction.text)?.[0]?.toUpperCase();
        if (!keyword)
            continue;
        const args = sub(instruction, keyword.length);
        const heredoc = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(args.text);
        if (heredoc && (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD'))
            heredocEnd = heredoc[1];
        const scope = stageArgs ?? globalArgs;
        switch (keyword) {
            case 'ARG':
                for (const word of words(args)) {
                    const eq = word.text.indexOf('=');
                    const name = eq < 0 ? word.text : word.text.slice(0, eq);
                    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
                        continue;
                    if (eq < 0) {
                        // A stage re-declaring a global ARG without a value inherits the global default.
                        const inherited = globalArgs.get(name);
                        if (stageArgs && inherited)
                            stageArgs.set(name, inherited);
                        continue;
                    }
                    scope.set(name, expand(unquote(sub(word, eq + 1)), scope, escape).value);
                }
                break;
            case 'FROM': {
                const tokens = words(args).filter((word) => !word.text.startsWith('--'));
                const image = tokens[0];
                if (image) {
                    const expanded = expand(unquote(image), globalArgs, escape);
                    if (!stages.has(expanded.value.text.toLowerCase()))
                        candidates.push(candidate('dockerfile-from', image, expanded));
                }
                if (tokens[1]?.text.toUpperCase() === 'AS' && tokens[2])
                    stages.add(tokens[2].text.toLowerCase());
                stageArgs = new Map();
                break;
            }
            case 'COPY':
            case 'ADD':
            case 'RUN':
                for (const word of words(args)) {
                    if (!word.text.startsWith('--'))
                        break;
                    if (/^--from=/i.test(word.text)) {
                        fromValue(sub(word, '--from='.length), 'dockerfile-copy-from');
                    }
                    else if (/^--mount=/i.test(word.text)) {
                        const options = sub(word, '--mount='.length);
                        let start = 0;
                        for (const field of options.text.split(',')) {
                            if (/^from=/i.test(field))
                                fromValue(sub(options, start + 'from='.length, start + field.length), 'dockerfile-mount-from');
                            start += field.length + 1;
                        }
                    }
                }
                break;
        }
        function fromValue(value, kind) {
            const expanded = expand(unquote(value), scope, escape);
            const text = expanded.value.text.toLowerCase();
            if (/^\d+$/.test(text) || stages.has(text))
                return;
            candidates.push(candidate(kind, value, expanded));
        }
    }
    return candidates;
}
function candidate(kind, written, expanded) {
    return {
        kind,
        at: written.offsets[0] ?? 0,
        written: written.text,
        value: expanded.value,
        partial: expanded.partial,
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./lib/src/guard/yaml.js


/**
 * Finds image references in YAML by structure, with exact byte positions from the parser (no
 * re-serialisation, so a fix touches only the reference): `image:` strings (with Compose
 * interpolation), the split `registry`/`repository`/`tag`/`digest` form of Helm values, workflow
 * `container:` (string or object), `services`, `uses: docker://…`, and action `runs.image`.
 * Documents with syntax errors (Helm templates, say) are left to the plain-text pass.
 */
function yamlCandidates(source, role, names = []) {
    const quick = plainImageLines(source, role, names);
    if (quick)
        return quick;
    const candidates = [];
    let documents;
    // Broken YAML (a Helm template, a fragment) makes the parser build many errors; their stack
    // traces are never read and cost more than the parse itself.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        documents = (0,dist/* parseAllDocuments */.hR)(source, { keepSourceTokens: false, uniqueKeys: false });
    }
    catch {
        return [];
    }
    finally {
        Error.stackTraceLimit = stackTraceLimit;
    }
    if (!Array.isArray(documents))
        return [];
    for (const document of documents) {
        if (document.errors.length > 0 || !document.contents)
            continue;
        const contents = document.contents;
        const isKubernetes = (0,dist/* isMap */.jh)(contents) && contents.has('apiVersion') && contents.has('kind') && role === 'yaml';
        const imageKind = role === 'compose'
            ? 'compose-image'
            : role === 'helm-values'
                ? 'helm-image'
                : isKubernetes
                    ? 'kubernetes-image'
                    : 'yaml-image';
        visit(contents, []);
        function visit(node, path) {
            if ((0,dist/* isSeq */.oP)(node)) {
                node.items.forEach((item, index) => visit(item, [...path, index]));
                return;
            }
            if (!(0,dist/* isMap */.jh)(node))
                return;
            const split = splitForm(node);
            if (split) {
                const key = path[path.length - 1];
                candidates.push({ ...split, kind: key === 'image' ? imageKind : 'helm-image' });
            }
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair) || !(0,dist/* isScalar */.jn)(pair.key))
                    continue;
                const key = String(pair.key.value);
                const child = [...path, key];
                const value = pair.value;
                if ((0,dist/* isScalar */.jn)(value) && typeof value.value === 'string') {
                    const kind = kindOfString(child);
                    if (kind) {
                        const found = scalarCandidate(value, kind);
                        if (found)
                            candidates.push(found);
                    }
                }
                visit(value, child);
            }
        }
        function kindOfString(path) {
            const key = path[path.length - 1];
            if (role === 'workflow' && path[0] === 'jobs') {
                if (path.length === 3 && key === 'container')
                    return 'workflow-container';
                if (path.length === 4 && path[2] === 'container' && key === 'image')
                    return 'workflow-container';
                if (path.length === 4 && path[2] === 'services')
                    return 'workflow-service';
                if (path.length === 5 && path[2] === 'services' && key === 'image')
                    return 'workflow-service';
            }
            if (role === 'action' && path.length === 2 && path[0] === 'runs' && key === 'image')
                return 'action-image';
            if (key === 'uses')
                return 'workflow-uses';
            if (key === 'image')
                return imageKind;
            return undefined;
        }
        function scalarCandidate(scalar, kind) {
            const mapped = scalarText(scalar);
            if (!mapped)
                return undefined;
            if (kind === 'workflow-uses' && !mapped.text.startsWith('docker://'))
                return undefined;
            const expanded = expand(mapped);
            return {
                kind,
                at: mapped.offsets[0] ?? scalar.range?.[0] ?? 0,
                written: mapped.text,
                value: expanded.value,
                partial: expanded.partial,
            };
        }
        /** Helm's split form: `{registry, repository, tag, digest}` (registry optional when repository has the host). */
        function splitForm(map) {
            const field = (name) => {
                const node = map.get(name, true);
                return (0,dist/* isScalar */.jn)(node) && (typeof node.value === 'string' || typeof node.value === 'number')
                    ? scalarText(node)
                    : undefined;
            };
            const repository = field('repository');
            if (!repository)
                return undefined;
            const registry = field('registry');
            const tag = field('tag');
            const digest = field('digest');
            if (!registry && !tag && !digest)
                return undefined;
            const synthetic = (text) => ({ text, offsets: Array(text.length).fill(-1) });
            const parts = [];
            if (registry && registry.text !== '')
                parts.push(registry, synthetic('/'));
            parts.push(repository);
            if (tag && tag.text !== '')
                parts.push(synthetic(':'), tag);
            if (digest && digest.text !== '')
                parts.push(synthetic('@'), digest);
            const expanded = expand(concat(parts));
            const written = registry ?? repository;
            return {
                at: written.offsets[0] ?? 0,
                written: expanded.value.text,
                value: expanded.value,
                partial: expanded.partial,
            };
        }
    }
    return candidates;
    /** A scalar's characters as written (quotes removed), mapped to their bytes. */
    function scalarText(scalar) {
        const range = scalar.range;
        if (!range)
            return undefined;
        const [start, end] = range;
        if (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE')
            return slice(source, start + 1, end - 1);
        if (scalar.type === 'PLAIN')
            return slice(source, start, end);
        return undefined;
    }
}
const IMAGE_LINE = /^([ \t]*(?:-[ \t]+)?image:[ \t]*)(["']?)([^\s"'#]+)\2[ \t]*(?:#.*)?\r?$/;
/**
 * The fast path, equal in result to the parse: when every line naming the registry is a plain
 * `image: value` line, the candidates are those values, read from the lines; positions are the same
 * bytes the parser would report. Anything else (the split Helm form, workflow and action roles where
 * the key path matters, values spread over lines) goes to the full parse, which costs far more.
 */
function plainImageLines(source, role, names) {
    if (names.length === 0 || role === 'workflow' || role === 'action')
        return undefined;
    const lineStarts = new Set();
    for (const name of names) {
        for (let at = source.indexOf(name); at >= 0; at = source.indexOf(name, at + name.length))
            lineStarts.add(source.lastIndexOf('\n', at) + 1);
    }
    const kubernetes = role === 'yaml' && /^apiVersion:/m.test(source) && /^kind:/m.test(source);
    const kind = role === 'compose'
        ? 'compose-image'
        : role === 'helm-values'
            ? 'helm-image'
            : kubernetes
                ? 'kubernetes-image'
                : 'yaml-image';
    const candidates = [];
    for (const start of [...lineStarts].sort((a, b) => a - b)) {
        const end = source.indexOf('\n', start);
        const line = source.slice(start, end < 0 ? source.length : end);
        const match = IMAGE_LINE.exec(line);
        if (!match)
            return undefined;
        const valueStart = start + match[1].length + match[2].length;
        const mapped = slice(source, valueStart, valueStart + match[3].length);
        const expanded = expand(mapped);
        candidates.push({
            kind,
            at: valueStart,
            written: mapped.text,
            value: expanded.value,
            partial: expanded.partial,
        });
    }
    return candidates;
}

;// CONCATENATED MODULE: ./lib/src/guard/detect.js




/** The role of a file from its path (relative, `/`-separated) and first bytes. */
function roleOf(file, source) {
    const base = file.slice(file.lastIndexOf('/') + 1);
    if (/^(Dockerfile|Containerfile)([._-].*)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base))
        return 'dockerfile';
    if (/\.ya?ml$/i.test(base)) {
        if (/(^|\/)\.github\/workflows\/[^/]+$/.test(file))
            return 'workflow';
        if (/^action\.ya?ml$/.test(base))
            return 'action';
        if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(base))
            return 'compose';
        if (/^values([.-][\w.-]+)?\.ya?ml$/i.test(base))
            return 'helm-values';
        return 'yaml';
    }
    if (/\.(sh|bash|zsh|ksh|mk)$/i.test(base) || /^(GNUmakefile|Makefile|makefile)$/.test(base))
        return 'shell';
    if (/^#!.*\b(sh|bash|zsh|ksh|dash)\b/.test(source.slice(0, 128)))
        return 'shell';
    return 'text';
}
const HOST_CHAR = /[A-Za-z0-9._-]/;
const REFERENCE_CHAR = /[A-Za-z0-9._\-/:@]/;
const DOCKER_COMMAND = /\b(?:docker|podman|nerdctl)\s+(?:image\s+|container\s+)?(?:pull|run|tag|push|create)\b/;
/**
 * Every reference to the old registry in one file (decoded latin1, so indexes are byte offsets):
 * first what the file's grammar understands (Dockerfile, YAML), then any other place the host is
 * written followed by a path — shell `docker pull/run/tag/push`, `FROM` in heredocs, plain text.
 */
function findReferences(file, source, hosts) {
    const role = roleOf(file, source);
    const structured = role === 'dockerfile'
        ? dockerfileCandidates(source)
        : role === 'text' || role === 'shell'
            ? []
            : yamlCandidates(source, role, hosts.oldNames);
    const findings = [];
    const covered = new Set();
    for (const candidate of structured) {
        const finding = resolveCandidate(candidate, hosts, file);
        if (!finding)
            continue;
        findings.push(finding);
        for (const edit of finding.edits)
            covered.add(edit.start);
        const hostAt = candidate.value.offsets[candidate.value.text.startsWith('docker://') ? 9 : 0];
        if (hostAt !== undefined && hostAt >= 0)
            covered.add(hostAt);
    }
    for (const name of hosts.oldNames) {
        let at = source.indexOf(name);
        while (at >= 0) {
            if (!covered.has(at)) {
                const candidate = textCandidate(source, at, name, role);
                const finding = candidate && resolveCandidate(candidate, hosts, file);
                if (finding)
                    findings.push(finding);
            }
            at = source.indexOf(name, at + name.length);
        }
    }
    return findings.sort((a, b) => a.offset - b.offset);
}
/** The reference-shaped word starting at a host occurrence, if the host is a whole host there. */
function textCandidate(source, at, name, role) {
    const before = source[at - 1];
    if (before !== undefined && HOST_CHAR.test(before))
        return undefined;
    if (before === '/' && source[at - 2] !== '/')
        return undefined;
    if (/https?:\/\/$/i.test(source.slice(Math.max(0, at - 8), at)))
        return undefined;
    if (source[at + name.length] !== '/')
        return undefined;
    let end = at + name.length;
    while (end < source.length && REFERENCE_CHAR.test(source[end]))
        end++;
    while (end > at && /[.:@/-]/.test(source[end - 1]))
        end--;
    const value = slice(source, at, end);
    return { kind: lineKind(source, at, role), at, written: value.text, value, partial: false };
}
/** Shell commands and heredoc `FROM` lines get their own kind; anything else is text. */
function lineKind(source, at, role) {
    let lineStart = source.lastIndexOf('\n', at - 1) + 1;
    const line = source.slice(lineStart, at);
    if (/^\s*FROM\s+(--\S+\s+)*$/i.test(line) && role !== 'dockerfile')
        return 'heredoc-from';
    // A docker command may start on an earlier line continued with a backslash.
    let command = line;
    for (let back = 0; back < 5 && lineStart > 0; back++) {
        if (DOCKER_COMMAND.test(command))
            return 'shell-docker';
        const previousEnd = lineStart - 1;
        const previousStart = source.lastIndexOf('\n', previousEnd - 1) + 1;
        const previous = source.slice(previousStart, previousEnd).replace(/\r$/, '');
        if (!previous.endsWith('\\'))
            break;
        command = previous + command;
        lineStart = previousStart;
    }
    return DOCKER_COMMAND.test(command) ? 'shell-docker' : 'text';
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./lib/src/guard/files.js



class NotAGitWorkTree extends Error {
}
/**
 * The files of a working tree, streamed in batches: tracked plus untracked-but-not-ignored files
 * as git lists them (`git ls-files -z --cached --others --exclude-standard`), or every file under
 * `root` when it is not in a git work tree. Paths are relative to `root`, `/`-separated.
 */
async function* listFiles(root) {
    try {
        yield* gitFiles(root);
    }
    catch (error) {
        if (!(error instanceof NotAGitWorkTree))
            throw error;
        yield* walk(root);
    }
}
/**
 * Tracked files from the index (streamed at once) and untracked-but-not-ignored files from a
 * directory walk, as two git processes side by side: `ls-files --cached --others` prints nothing
 * until its walk is over.
 */
async function* gitFiles(root) {
    const others = collect(gitList(root, ['--others', '--exclude-standard']));
    others.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    let previous = '';
    for await (const names of gitList(root, ['--cached'])) {
        // --cached lists a conflicted file once per stage; keep one.
        const unique = names.filter((name) => name !== previous && ((previous = name), true));
        yield unique.map((file) => ({ file }));
    }
    yield (await others).map((file) => ({ file }));
}
async function collect(batches) {
    const all = [];
    for await (const names of batches)
        all.push(...names);
    return all;
}
async function* gitList(root, args) {
    const child = (0,external_node_child_process_.spawn)('git', ['ls-files', '-z', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
    const closed = new Promise((resolve, reject) => {
        child.on('error', (error) => reject(error.code === 'ENOENT' ? new NotAGitWorkTree() : error));
        child.on('close', resolve);
    });
    closed.catch(() => undefined); // awaited below
    let rest = '';
    for await (const chunk of child.stdout) {
        const names = (rest + chunk.toString('utf8')).split('\0');
        rest = names.pop();
        if (names.length)
            yield names;
    }
    if (rest)
        yield [rest];
    const code = await closed;
    if (code !== 0) {
        if (/not a git repository/i.test(stderr))
            throw new NotAGitWorkTree();
        throw new Error(`git ls-files ${args.join(' ')} failed in ${root}: ${stderr.trim()}`);
    }
}
/** Every file under root (not .git), following symlinks to directories unless they loop. */
async function* walk(root) {
    // Real paths of the directories on the way down: a symlink back to one of them is a loop.
    async function* visit(dir, relative, ancestors) {
        let handle;
        try {
            handle = await (0,promises_.opendir)(dir);
        }
        catch {
            yield [{ skipped: relative || '.', reason: 'unreadable' }];
            return;
        }
        const entries = [];
        for await (const entry of handle)
            entries.push(entry);
        entries.sort((a, b) => (a.name < b.name ? -1 : 1));
        const here = [];
        const below = [];
        for (const entry of entries) {
            const name = relative ? `${relative}/${entry.name}` : entry.name;
            const full = external_node_path_.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name === '.git')
                    continue;
                below.push([full, name, new Set([...ancestors, await (0,promises_.realpath)(full)])]);
            }
            else if (entry.isSymbolicLink()) {
                let real;
                let target;
                try {
                    real = await (0,promises_.realpath)(full);
                    target = await (0,promises_.stat)(full);
                }
                catch (error) {
                    const code = error.code;
                    here.push({ skipped: name, reason: code === 'ELOOP' ? 'symlink loop' : 'unreadable' });
                    continue;
                }
                if (target.isDirectory()) {
                    if (ancestors.has(real))
                        here.push({ skipped: name, reason: 'symlink loop' });
                    else
                        below.push([full, name, new Set([...ancestors, real])]);
                }
                else if (target.isFile())
                    here.push({ file: name });
            }
            else if (entry.isFile())
                here.push({ file: name });
        }
        if (here.length)
            yield here;
        for (const [full, name, seen] of below)
            yield* visit(full, name, seen);
    }
    yield* visit(root, '', new Set([await (0,promises_.realpath)(root)]));
}

;// CONCATENATED MODULE: ./lib/src/guard/positions.js
/**
 * Line and column of byte offsets in a file held as latin1 text. Columns count characters, so a
 * UTF-8 sequence counts once (continuation bytes 0x80–0xBF are skipped), as editors and GitHub do.
 */
class LineIndex {
    source;
    starts = [0];
    constructor(source) {
        this.source = source;
        for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1))
            this.starts.push(at + 1);
    }
    /** 1-based line and column of a byte offset. */
    position(offset) {
        let low = 0;
        let high = this.starts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (this.starts[middle] <= offset)
                low = middle;
            else
                high = middle - 1;
        }
        const start = this.starts[low];
        let column = 1;
        for (let at = start; at < offset; at++) {
            const code = this.source.charCodeAt(at);
            if (code < 0x80 || code > 0xbf)
                column++;
        }
        return { line: low + 1, column };
    }
    /** The text of a 1-based line, without its line break. */
    lineText(line) {
        const start = this.starts[line - 1];
        if (start === undefined)
            return '';
        const next = this.starts[line];
        return this.source.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
    }
}
const IGNORE = 'cutover: ignore';
/**
 * True when a finding's line carries `cutover: ignore`, or the line above is a comment carrying it
 * (`#`, `//`, `--`, `;`, `<!--`, `/*`), so a whole-line comment can silence the next line.
 */
function ignoredInline(lines, line) {
    if (lines.lineText(line).includes(IGNORE))
        return true;
    if (line < 2)
        return false;
    const above = lines.lineText(line - 1).trim();
    return /^(#|\/\/|--|;|<!--|\/\*|\*)/.test(above) && above.includes(IGNORE);
}

;// CONCATENATED MODULE: ./lib/src/guard/scan.js







const BATCH = 256;
const NOTES_PER_REASON = 20;
/**
 * Scans a working tree for references to the old registry. File names stream from git (or a walk)
 * in batches to a few reader threads, which search every file's bytes for the registry's names with
 * Buffer.indexOf; only the files that contain one are decoded and parsed, here.
 */
async function scanTree(options) {
    const stats = {
        files: 0,
        scanned: 0,
        bytes: 0,
        parsed: 0,
        invalidUtf8: 0,
        skipped: { binary: 0, 'too large': 0, 'symlink loop': 0, unreadable: 0, 'not a file': 0 },
    };
    const notes = [];
    const noted = new Map();
    const note = (file, reason, detail) => {
        const count = noted.get(reason) ?? 0;
        noted.set(reason, count + 1);
        if (count < NOTES_PER_REASON)
            notes.push({ file, reason, ...(detail !== undefined && { detail }) });
    };
    const skip = (file, reason, detail) => {
        stats.skipped[reason]++;
        note(file, reason, detail);
    };
    const findings = [];
    const inspect = (file) => {
        let bytes;
        try {
            bytes = (0,external_node_fs_.readFileSync)(external_node_path_.join(options.root, file));
        }
        catch (error) {
            skip(file, 'unreadable', error.message);
            return;
        }
        stats.parsed++;
        if (!(0,external_node_buffer_.isUtf8)(bytes)) {
            stats.invalidUtf8++;
            note(file, 'invalid UTF-8', 'searched byte by byte; columns count bytes after the first invalid one');
        }
        findings.push(...locate(file, bytes.toString('latin1'), options.hosts));
    };
    const pool = options.readers ?? startReaders(options.threads);
    pool.configure({
        // Relative to the working directory when below it: the kernel resolves shorter paths faster.
        root: external_node_path_.relative(process.cwd(), options.root) || '.',
        needles: options.hosts.oldNames,
        maxSize: options.maxFileSize,
    });
    const settle = (result) => {
        stats.scanned += result.scanned;
        stats.bytes += result.bytes;
        for (const [file, outcome, detail] of result.verdicts) {
            if (outcome === 'hit')
                inspect(file);
            else
                skip(file, outcome, detail);
        }
        options.onProgress?.(stats);
    };
    try {
        let batch = [];
        const pending = [];
        for await (const listedBatch of listFiles(options.root)) {
            for (const listed of listedBatch) {
                if ('skipped' in listed) {
                    stats.files++;
                    skip(listed.skipped, listed.reason);
                    continue;
                }
                if (options.exclude?.has(listed.file))
                    continue;
                stats.files++;
                batch.push(listed.file);
                if (batch.length >= BATCH) {
                    pending.push(pool.run(batch).then(settle));
                    batch = [];
                    await pool.capacity();
                }
            }
        }
        if (batch.length)
            pending.push(pool.run(batch).then(settle));
        await Promise.all(pending);
    }
    finally {
        await pool.close();
    }
    findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.offset - b.offset));
    return { findings, stats, notes };
}
function locate(file, source, hosts) {
    const found = findReferences(file, source, hosts);
    if (found.length === 0)
        return [];
    const lines = new LineIndex(source);
    return found.map((finding) => {
        const { line, column } = lines.position(finding.offset);
        return {
            ...finding,
            line,
            column,
            ...(ignoredInline(lines, line) && { ignored: 'inline' }),
        };
    });
}

// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(61346);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(61714);
;// CONCATENATED MODULE: ./lib/src/guard/command.js














const DEFAULT_MAX_FILE_SIZE = '10MB';
/** GitHub shows about ten annotations per type and step; the summary carries the rest. */
const ACTION_ANNOTATIONS = 50;
const SUMMARY_ROWS = 1000;
/** `cutover guard`: finds references to the retiring registry, judges them by the timeline, fixes them on request. */
const guard = (0,command/* defineCommand */.N)({
    name: 'guard',
    summary: 'Find every reference to the old registry (Dockerfiles, Compose, Kubernetes, Helm, workflows, scripts, any text); warn before the cutoff, fail after, fix on request.',
    options: {
        path: cli_option/* option */.uK.string('The directory to scan.', { default: '.' }),
        fix: cli_option/* option */.uK.boolean('Rewrite the references in place to the new registry (paths mapping applied), changing nothing else. CLI only: an action never edits the checkout.', { cliOnly: true }),
        verify: cli_option/* option */.uK.boolean('Check that each replacement (tag or digest) exists in the new registry; with --fix, rewrite only those.'),
        renovate: cli_option/* option */.uK.boolean('Print a Renovate configuration (packageRules) that proposes the same moves.', {
            cliOnly: true,
        }),
        'export-refs': cli_option/* option */.uK.string('Write the old-registry references found (repository, tag, digest) to this file, for copy-tags --refs.'),
        'max-file-size': cli_option/* option */.uK.size('Skip (and count) files larger than this, e.g. 10MB, 512k.', {
            default: DEFAULT_MAX_FILE_SIZE,
        }),
    },
    outputs: [
        { name: 'findings', description: 'References to the old registry found (not counting ignored ones).' },
        { name: 'errors', description: 'Findings that fail the check (from guard.fail-from).' },
        { name: 'warnings', description: 'Findings reported as warnings (days left before they fail).' },
        { name: 'ignored', description: 'Findings ignored by allow-lists or inline "cutover: ignore".' },
        { name: 'skipped', description: 'Files not searched: binary, too large, unreadable, symlink loops.' },
    ],
    async run({ options, manifest: load, today, reporter, env, cwd, secrets, entry }) {
        // parse (the reader threads boot meanwhile)
        const readers = startReaders();
        const { manifest, root, hosts, exclude } = await (async () => {
            const manifest = await load();
            const root = external_node_path_.resolve(cwd, options.path);
            if (!(0,external_node_fs_.statSync)(root, { throwIfNoEntry: false })?.isDirectory())
                throw new shared_errors/* UsageError */.eb(`--path: expected a directory to scan, found ${(0,external_node_fs_.existsSync)(root) ? 'a file' : 'nothing'} at ${root}`);
            return { manifest, root, hosts: hostsOf(manifest), exclude: manifestInside(manifest, cwd, root) };
        })().catch(async (error) => {
            await readers.close();
            throw error;
        });
        // do
        const stats = { files: 0, bytes: 0, parsed: 0 };
        const progress = new shared_progress/* ProgressLine */.g((line) => reporter.info(line), (seconds) => `guard: ${stats.files} files, ${(0,markdown/* formatBytes */.z3)(stats.bytes)} searched (${(0,shared_progress/* formatRate */.C)(stats.bytes, seconds)}), ${stats.parsed} containing ${hosts.old}`);
        const scan = await scanTree({
            root,
            hosts,
            maxFileSize: options['max-file-size'],
            exclude,
            readers,
            onProgress: (current) => {
                Object.assign(stats, { files: current.files, bytes: current.bytes, parsed: current.parsed });
                progress.tick();
            },
        });
        progress.done();
        const { policy, findings } = applyPolicy(scan.findings, manifest, today);
        const counted = findings.filter((finding) => !finding.ignored);
        // Loaded on demand: the registry client (http, crypto) would cost every other run its start-up time.
        const unavailable = options.verify
            ? await (await Promise.all(/* import() */[__webpack_require__.e(832), __webpack_require__.e(251)]).then(__webpack_require__.bind(__webpack_require__, 93251))).verifyInNewRegistry(manifest, counted, env, secrets)
            : undefined;
        const fixes = options.fix ? applyFixes(root, findings, unavailable ?? new Map()) : undefined;
        const rewritten = new Set((fixes ?? []).filter((fix) => fix.rewritten).map((fix) => `${fix.file}:${fix.line}:${fix.column}`));
        const open = counted.filter((finding) => !rewritten.has(`${finding.file}:${finding.line}:${finding.column}`));
        const refs = (0,refs_file/* buildRefsFile */.hV)(hosts.old, exportedReferences(findings));
        if (options['export-refs'])
            await (0,refs_file/* writeRefsFile */.eA)(external_node_path_.resolve(cwd, options['export-refs']), hosts.old, refs.references);
        const renovate = options.renovate ? renovateConfig(manifest) : undefined;
        // report
        const errors = open.filter((finding) => finding.severity === 'error').length;
        const warnings = open.filter((finding) => finding.severity === 'warning').length;
        const ignored = findings.length - counted.length;
        const skipped = Object.values(scan.stats.skipped).reduce((sum, count) => sum + count, 0);
        annotate(reporter, counted, policy, rewritten, entry === 'action');
        reporter.info(`guard: ${counted.length} reference${counted.length === 1 ? '' : 's'} to ${hosts.old} in ${new Set(counted.map((f) => f.file)).size} files (${ignored} ignored); ${scan.stats.scanned} files searched, ${skipped} skipped`);
        reporter.info(`on ${today}: ${policy.severity} — ${policy.message}`);
        for (const fix of fixes ?? []) {
            if (!fix.rewritten)
                reporter.warning(`${fix.file}:${fix.line}:${fix.column}: not rewritten: ${fix.reason}`);
        }
        if (fixes)
            reporter.info(`fix: ${fixes.filter((fix) => fix.rewritten).length} of ${fixes.length} references rewritten`);
        if (options['export-refs'])
            reporter.info(`wrote ${refs.references.length} references to ${options['export-refs']}`);
        if (renovate && !options.json)
            process.stdout.write(`${JSON.stringify(renovate, null, 2)}\n`);
        reporter.summary(summaryOf(today, policy, hosts, scan, findings, fixes, unavailable));
        return {
            exitCode: errors > 0 ? 1 : 0,
            ...(errors > 0 && {
                failureMessage: `${errors} reference${errors === 1 ? '' : 's'} to the old registry ${hosts.old}: ${policy.message}`,
            }),
            outputs: {
                findings: String(counted.length),
                errors: String(errors),
                warnings: String(warnings),
                ignored: String(ignored),
                skipped: String(skipped),
            },
            json: {
                today,
                root,
                registry: hosts.old,
                policy,
                counts: { findings: counted.length, errors, warnings, ignored, skipped, rewritten: rewritten.size },
                findings: counted.map((finding) => jsonOf(finding, unavailable)),
                ignored: findings
                    .filter((finding) => finding.ignored)
                    .map((finding) => ({ ...jsonOf(finding), ignoredBy: finding.ignored })),
                scan: scan.stats,
                notes: scan.notes,
                ...(fixes && { fix: fixes }),
                ...(options['export-refs'] && { exportRefs: { file: options['export-refs'], ...refs } }),
                ...(renovate && { renovate }),
            },
        };
    },
});
function hostsOf(manifest) {
    const { old, new: next } = manifest.registries;
    return {
        old: old.host,
        oldNames: [...new Set([old.host, ...old.aliases])],
        newHost: next.host,
        paths: manifest.paths,
    };
}
/** The manifest names the old host by design; when it lives in the scanned tree it is not a finding. */
function manifestInside(manifest, cwd, root) {
    const relative = external_node_path_.relative(root, external_node_path_.resolve(cwd, manifest.source));
    return relative.startsWith('..') || external_node_path_.isAbsolute(relative)
        ? new Set()
        : new Set([relative.split(external_node_path_.sep).join('/')]);
}
function jsonOf(finding, unavailable) {
    const missing = unavailable?.get(finding);
    return {
        file: finding.file,
        line: finding.line,
        column: finding.column,
        reference: finding.reference,
        normalized: finding.normalized,
        kind: finding.kind,
        severity: finding.severity,
        replacement: finding.replacement,
        ...(unavailable && {
            inNewRegistry: missing === undefined,
            ...(missing !== undefined && { reason: missing }),
        }),
    };
}
function annotate(reporter, findings, policy, rewritten, inAction) {
    const shown = inAction ? findings.slice(0, ACTION_ANNOTATIONS) : findings;
    for (const finding of shown) {
        const fixed = rewritten.has(`${finding.file}:${finding.line}:${finding.column}`);
        reporter.annotate({
            severity: fixed ? 'info' : finding.severity,
            title: 'cutover guard: old registry reference',
            file: finding.file,
            line: finding.line,
            column: finding.column,
            message: fixed
                ? `rewritten: ${finding.normalized} → ${finding.replacement}`
                : `${finding.normalized} (${finding.kind}): ${policy.message}; use ${finding.replacement}`,
        });
    }
    if (shown.length < findings.length)
        reporter.info(`${findings.length - shown.length} more findings are listed in the job summary and the json output`);
}
function summaryOf(today, policy, hosts, scan, findings, fixes, unavailable) {
    const icon = { info: 'ℹ️', warning: '⚠️', error: '❌' }[policy.severity];
    const counted = findings.filter((finding) => !finding.ignored);
    const { stats } = scan;
    const lines = [
        `### cutover guard: references to \`${hosts.old}\``,
        '',
        `${icon} On **${today}**: ${counted.length} reference${counted.length === 1 ? '' : 's'} (${policy.severity}) — ${policy.message}.`,
        '',
        (0,markdown/* table */.tp)([
            'Files listed',
            'Searched',
            'Bytes',
            'Parsed',
            'Skipped: binary',
            'too large',
            'unreadable',
            'symlink loops',
            'not a file',
            'Invalid UTF-8',
            'Findings',
            'Ignored',
        ], [
            [
                stats.files,
                stats.scanned,
                (0,markdown/* formatBytes */.z3)(stats.bytes),
                stats.parsed,
                stats.skipped.binary,
                stats.skipped['too large'],
                stats.skipped.unreadable,
                stats.skipped['symlink loop'],
                stats.skipped['not a file'],
                stats.invalidUtf8,
                counted.length,
                findings.length - counted.length,
            ],
        ]),
    ];
    const byKind = new Map();
    for (const finding of counted)
        byKind.set(finding.kind, (byKind.get(finding.kind) ?? 0) + 1);
    if (byKind.size > 1) {
        lines.push('', '```mermaid', 'pie title Findings by kind', ...[...byKind].map(([kind, n]) => `  "${kind}" : ${n}`), '```');
    }
    const outcome = new Map((fixes ?? []).map((fix) => [`${fix.file}:${fix.line}:${fix.column}`, fix]));
    let rows = 0;
    const byFile = new Map();
    for (const finding of findings)
        byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    for (const [file, list] of byFile) {
        if (rows >= SUMMARY_ROWS)
            break;
        const shown = list.slice(0, SUMMARY_ROWS - rows);
        rows += shown.length;
        lines.push('', `#### \`${(0,markdown/* cell */.Hn)(file)}\` (${list.length})`, '', (0,markdown/* table */.tp)([
            'Line:col',
            'Reference',
            'Kind',
            'Severity',
            'Replacement',
            ...(fixes || unavailable ? ['Fix'] : []),
        ], shown.map((finding) => {
            const fix = outcome.get(`${finding.file}:${finding.line}:${finding.column}`);
            const missing = unavailable?.get(finding);
            const status = fix
                ? fix.rewritten
                    ? '✅ rewritten'
                    : `not rewritten: ${fix.reason}`
                : missing
                    ? `⛔ ${missing}`
                    : unavailable
                        ? '✅ in new registry'
                        : '';
            return [
                `${finding.line}:${finding.column}`,
                `\`${finding.reference}\``,
                finding.kind,
                finding.ignored ? `ignored (${finding.ignored})` : finding.severity,
                `\`${finding.replacement}\``,
                ...(fixes || unavailable ? [status] : []),
            ];
        })));
    }
    if (rows < findings.length)
        lines.push('', `… ${findings.length - rows} more findings in the json output.`);
    if (scan.notes.length > 0) {
        lines.push('', '#### Files not searched normally', '', (0,markdown/* table */.tp)(['File', 'Reason', 'Detail'], scan.notes.map((note) => [note.file, note.reason, note.detail ?? ''])));
    }
    return lines.join('\n');
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

/***/ 51477:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/** Escapes text for a Markdown table cell. */
function cell(text) {
    return String(text ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
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


/***/ }),

/***/ 34767:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ formatRate),
/* harmony export */   g: () => (/* binding */ ProgressLine)
/* harmony export */ });
/**
 * A progress line for CI logs: at most one line per interval, whatever the rate of updates,
 * plus a final line. Callers update counters; the line is rendered by `format`.
 */
class ProgressLine {
    print;
    format;
    intervalMs;
    lastPrinted = 0;
    started = Date.now();
    constructor(print, format, intervalMs = 5000) {
        this.print = print;
        this.format = format;
        this.intervalMs = intervalMs;
    }
    /** Prints when the interval has passed since the last line. */
    tick() {
        const now = Date.now();
        if (now - this.lastPrinted < this.intervalMs)
            return;
        this.lastPrinted = now;
        this.print(this.format((now - this.started) / 1000));
    }
    /** Prints the final line unconditionally. */
    done() {
        this.print(this.format((Date.now() - this.started) / 1000));
    }
    /** Seconds since the line was created. */
    elapsedSeconds() {
        return (Date.now() - this.started) / 1000;
    }
}
/** Bytes per second as a short human rate. */
function formatRate(bytes, seconds) {
    const rate = seconds > 0 ? bytes / seconds : 0;
    return rate >= 1e6 ? `${(rate / 1e6).toFixed(1)} MB/s` : `${(rate / 1e3).toFixed(0)} kB/s`;
}


/***/ })

};
;