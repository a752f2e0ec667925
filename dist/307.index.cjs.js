"use strict";
exports.id = 307;
exports.ids = [307];
exports.modules = {

/***/ 77381:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LB: () => (/* binding */ readRefsFile),
/* harmony export */   eA: () => (/* binding */ writeRefsFile),
/* harmony export */   hV: () => (/* binding */ buildRefsFile)
/* harmony export */ });
/* unused harmony exports REFS_FILE_VERSION, parseRefsFile */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8835);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92041);
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
 * reference with neither means `latest`, as Docker reads it). An optional `prefixes` list holds the
 * repository path prefixes of references built from variables (`old/$PROJECT/app` gives `""`,
 * `old/team/api:$TAG` gives `team/api`) and of registry prefixes (`REGISTRY ?= old/staging`): any
 * tag of any repository under one may be used (`""` = all of them). copy-tags cannot pin a tag
 * there: it reports which repositories under each prefix its rules copy tags of (select.ts).
 */




const REFS_FILE_VERSION = 1;
/** Builds the document: references deduplicated and sorted, so the file diffs cleanly. */
function buildRefsFile(registry, references, prefixes = []) {
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
    const uniquePrefixes = [...new Set(prefixes)].sort();
    return {
        version: REFS_FILE_VERSION,
        registry: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeHost */ .cS)(registry),
        references: sorted,
        ...(uniquePrefixes.length > 0 && { prefixes: uniquePrefixes }),
    };
}
/** Writes the file (for `guard --export-refs`). */
async function writeRefsFile(file, registry, references, prefixes = []) {
    const document = buildRefsFile(registry, references, prefixes);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, `${JSON.stringify(document, null, 2)}\n`);
    }
    catch (error) {
        // A path that cannot be written is the user's to fix (bad input), not a bug with a stack.
        const code = error.code;
        const reason = code === 'ENOENT'
            ? `its folder ${node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(file)} does not exist`
            : code === 'EISDIR'
                ? 'it is a folder'
                : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
                    ? `not allowed to write there (${code})`
                    : String(code ?? error);
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL([{ file, message: `cannot write the references file: ${reason}` }]);
    }
    return document;
}
/**
 * Reads and validates a references file.
 * @throws ConfigError with the file, line and column (JSON syntax) or key path of every problem
 */
async function readRefsFile(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL([
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
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL([{ file, ...where, message: `expected JSON: ${message}` }]);
    }
    const problems = [];
    const problem = (path, message) => problems.push({ file, path, message });
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL([{ file, message: 'expected an object with version, registry and references' }]);
    }
    const document = data;
    for (const key of Object.keys(document)) {
        if (!['version', 'registry', 'references', 'prefixes'].includes(key))
            problem(key, 'unknown key (expected version, registry, references, prefixes)');
    }
    if (document['version'] !== REFS_FILE_VERSION)
        problem('version', `expected ${REFS_FILE_VERSION}, found ${JSON.stringify(document['version'])}`);
    const registry = document['registry'];
    if (typeof registry !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidHost */ .HO)(registry))
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
            if (typeof repository !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidRepositoryPath */ .M0)(repository))
                problem(`${at}.repository`, `expected a repository path in the old registry (no host), found ${JSON.stringify(repository)}`);
            if (tag !== undefined && (typeof tag !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidTag */ .r_)(tag)))
                problem(`${at}.tag`, `expected a tag, found ${JSON.stringify(tag)}`);
            if (digest !== undefined && (typeof digest !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidDigest */ .fH)(digest)))
                problem(`${at}.digest`, `expected a digest such as sha256:<64 hex>, found ${JSON.stringify(digest)}`);
            parsed.push({
                repository: repository,
                ...(tag !== undefined && { tag: tag }),
                ...(digest !== undefined && { digest: digest }),
            });
        });
    }
    const prefixes = document['prefixes'];
    if (prefixes !== undefined &&
        (!Array.isArray(prefixes) ||
            !prefixes.every((prefix) => typeof prefix === 'string' && (prefix === '' || (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidRepositoryPath */ .M0)(prefix)))))
        problem('prefixes', `expected a list of repository path prefixes, found ${JSON.stringify(prefixes)}`);
    if (problems.length > 0)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(problems);
    return {
        version: REFS_FILE_VERSION,
        registry: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeHost */ .cS)(registry),
        references: parsed,
        ...(Array.isArray(prefixes) && prefixes.length > 0 && { prefixes: prefixes }),
    };
}
function lineAndColumn(text, position) {
    const before = text.slice(0, position).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}


/***/ }),

/***/ 13103:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BA: () => (/* binding */ isNotUtf8),
/* harmony export */   CS: () => (/* binding */ listFiles),
/* harmony export */   ON: () => (/* binding */ treePath),
/* harmony export */   QC: () => (/* reexport safe */ _shared_file_names_js__WEBPACK_IMPORTED_MODULE_3__.Q),
/* harmony export */   dw: () => (/* binding */ nameBytes),
/* harmony export */   un: () => (/* binding */ isEscaped)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _shared_file_names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65147);
/* harmony import */ var _shared_process_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70953);






class NotAGitWorkTree extends Error {
}
/** True for a name displayName() escaped: it has to be turned back into bytes to be opened. */
const isEscaped = (name) => name.includes('\\');
/** True for an escaped name whose bytes are not valid UTF-8 (GitHub cannot point an annotation at it). */
const isNotUtf8 = (name) => 
// Most names have no backslash at all: no escape to look for (asked once per finding).
name.includes('\\') && /\\x[0-9a-f]{2}/.test(name.replaceAll('\\\\', ''));
/** The bytes of a name displayName() gave (the inverse of displayName). */
function nameBytes(name) {
    if (!isEscaped(name))
        return Buffer.from(name, 'utf8');
    const parts = [];
    for (const [, escaped, hex, text] of name.matchAll(/(\\\\)|\\x([0-9a-f]{2})|([^\\]+)/g))
        parts.push(escaped ? Buffer.from('\\') : hex ? Buffer.from([parseInt(hex, 16)]) : Buffer.from(text, 'utf8'));
    return Buffer.concat(parts);
}
/** The path to open for a file listed under root: a Buffer when its name is not plain UTF-8. */
function treePath(root, name) {
    if (!isEscaped(name))
        return node_path__WEBPACK_IMPORTED_MODULE_2__.join(root, name);
    return Buffer.concat([Buffer.from(`${root}/`), nameBytes(name)]);
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
/**
 * The NUL-separated names `git ls-files -z ARGS` prints, in batches as they arrive (through the
 * shared process seam, streaming its stdout).
 */
async function* gitList(root, args) {
    const batches = [];
    let wake;
    // Names are bytes (not always UTF-8): split the raw output, and name each with displayName().
    let rest = Buffer.alloc(0);
    let finished = false;
    const run = (0,_shared_process_js__WEBPACK_IMPORTED_MODULE_4__/* .runProgram */ .mB)('git', ['ls-files', '-z', ...args], {
        cwd: root,
        onStdout: (chunk) => {
            const bytes = rest.length ? Buffer.concat([rest, chunk]) : chunk;
            const last = bytes.lastIndexOf(0);
            rest = Buffer.from(bytes.subarray(last + 1));
            if (last < 0)
                return;
            const whole = bytes.subarray(0, last);
            // The common case, every name valid UTF-8 without a backslash (as displayName keeps it): one
            // decode for the whole chunk. A NUL cannot complete a UTF-8 sequence, so no name is cut wrong.
            const names = !whole.includes(0x5c) && (0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(whole)
                ? whole.toString('utf8').split('\0')
                : whole
                    .toString('latin1')
                    .split('\0')
                    .map((name) => (0,_shared_file_names_js__WEBPACK_IMPORTED_MODULE_3__/* .displayName */ .Q)(Buffer.from(name, 'latin1')));
            batches.push(names);
            wake?.();
        },
    }).finally(() => {
        finished = true;
        wake?.();
    });
    run.catch(() => undefined); // awaited below
    while (!finished || batches.length > 0) {
        if (batches.length === 0) {
            await new Promise((resolve) => (wake = resolve));
            wake = undefined;
            continue;
        }
        yield batches.shift();
    }
    let result;
    try {
        result = await run;
    }
    catch (error) {
        throw error.code === 'ENOENT' ? new NotAGitWorkTree() : error;
    }
    if (rest.length)
        yield [(0,_shared_file_names_js__WEBPACK_IMPORTED_MODULE_3__/* .displayName */ .Q)(rest)];
    if (result.code !== 0) {
        if (/not a git repository/i.test(result.stderr))
            throw new NotAGitWorkTree();
        throw new Error(`git ls-files ${args.join(' ')} failed in ${root}: ${result.stderr.trim()}`);
    }
}
/** Every file under root (not .git), following symlinks to directories unless they loop. */
async function* walk(root) {
    // Real paths of the directories on the way down: a symlink back to one of them is a loop.
    // Names are read as bytes and shown with displayName(); paths are opened with treePath() (real
    // paths are compared as latin1 strings, which keep every byte).
    const realKey = async (full) => (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(full, { encoding: 'buffer' })).toString('latin1');
    async function* visit(relative, ancestors) {
        let read;
        try {
            read = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(relative ? treePath(root, relative) : root, {
                withFileTypes: true,
                encoding: 'buffer',
            });
        }
        catch {
            yield [{ skipped: relative || '.', reason: 'unreadable' }];
            return;
        }
        const entries = read.map((entry) => ({ entry, shown: (0,_shared_file_names_js__WEBPACK_IMPORTED_MODULE_3__/* .displayName */ .Q)(entry.name) }));
        entries.sort((a, b) => (a.shown < b.shown ? -1 : 1));
        const here = [];
        const below = [];
        for (const { entry, shown } of entries) {
            const name = relative ? `${relative}/${shown}` : shown;
            const full = treePath(root, name);
            if (entry.isDirectory()) {
                if (shown === '.git')
                    continue;
                below.push([name, new Set([...ancestors, await realKey(full)])]);
            }
            else if (entry.isSymbolicLink()) {
                let real;
                let target;
                try {
                    real = await realKey(full);
                    target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(full);
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
                        below.push([name, new Set([...ancestors, real])]);
                }
                else if (target.isFile())
                    here.push({ file: name });
                else
                    here.push({ skipped: name, reason: 'not a file', detail: special(target) });
            }
            else if (entry.isFile())
                here.push({ file: name });
            else {
                const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(full).catch(() => undefined);
                here.push(info
                    ? { skipped: name, reason: 'not a file', detail: special(info) }
                    : { skipped: name, reason: 'unreadable' });
            }
        }
        if (here.length)
            yield here;
        for (const [name, seen] of below)
            yield* visit(name, seen);
    }
    yield* visit('', new Set([await realKey(root)]));
}
/** What a FIFO, socket or device is, for the note saying it was not read. */
function special(info) {
    return info.isFIFO()
        ? 'a FIFO (named pipe): not read'
        : info.isSocket()
            ? 'a socket: not read'
            : 'a device: not read';
}


/***/ }),

/***/ 75345:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ movedRepositoryPrefixes),
/* harmony export */   Qd: () => (/* binding */ categoryOf),
/* harmony export */   Si: () => (/* binding */ resolveCandidate),
/* harmony export */   cl: () => (/* binding */ spellings),
/* harmony export */   pG: () => (/* binding */ oldIsDockerHub),
/* harmony export */   w4: () => (/* binding */ DOCKER_HUB_NAMES),
/* harmony export */   wE: () => (/* binding */ candidateFrom)
/* harmony export */ });
/* unused harmony exports isOldHost, VARIABLE */
/* harmony import */ var _manifest_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11742);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92041);
/* harmony import */ var _source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93423);



/** A finding's category: reference, registry-setting, compat, history or vendored. */
const categoryOf = (finding) => finding.review?.category ?? (finding.kind === 'registry-setting' ? 'registry-setting' : 'reference');
/** Docker Hub's names: one registry, however it is spelt. */
const DOCKER_HUB_NAMES = [
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com',
];
/** True when the old registry is Docker Hub: references without a host are then references to it. */
const oldIsDockerHub = (hosts) => hosts.old === _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCKER_HUB */ .Xb;
/** Lower-case spellings of the old registry to search text for (Docker Hub's four names when it is Docker Hub). */
function spellings(hosts) {
    return [...new Set([...hosts.oldNames, ...(oldIsDockerHub(hosts) ? DOCKER_HUB_NAMES : [])])];
}
/**
 * When the old registry is Docker Hub: the literal beginnings of the repositories the paths mapping
 * moves (`rootlesscontainers/` for `rootlesscontainers/*`), lower case. A word starting so, written
 * without a host, names one of those images wherever it is (a script's argument, a code span).
 */
function movedRepositoryPrefixes(hosts) {
    if (!oldIsDockerHub(hosts))
        return [];
    const prefixes = hosts.paths
        .map((rule) => rule.from.slice(0, rule.from.indexOf('*') >>> 0).toLowerCase())
        .filter((prefix) => prefix.includes('/') && !prefix.startsWith('library/'));
    return [...new Set(prefixes)];
}
/** True when a written host names the old registry (any case, any of Docker Hub's names). */
function isOldHost(host, hosts) {
    return hosts.oldNames.includes((0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeHost */ .cS)(host));
}
/** A first path component that is a registry host, as Docker decides it. */
function looksLikeHost(first) {
    return first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
}
/** Variable syntax that leaves a reference's value unknown here. */
const VARIABLE = /\$\{|\$\(|\$[A-Za-z_]|\{\{/;
/**
 * Turns a candidate into a finding when it is a reference to the old registry (host compared
 * case-insensitively, aliases and Docker Hub's names included; no host at all means Docker Hub where
 * an image is certain), with the edits that rewrite it. Undefined for anything else.
 */
function resolveCandidate(candidate, hosts, file) {
    let value = candidate.value;
    if (/^docker:\/\//i.test(value.text))
        value = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .sub */ .jb)(value, 'docker://'.length);
    const slash = value.text.indexOf('/');
    const first = slash > 0 ? value.text.slice(0, slash) : value.text;
    const hasHost = slash > 0 ? looksLikeHost(first) : candidate.prefix === true && looksLikeHost(first);
    if (hasHost ? !isOldHost(first, hosts) : !(candidate.certain && oldIsDockerHub(hosts)))
        return undefined;
    // `FROM scratch` is the empty image, never pulled.
    if (!hasHost && value.text === 'scratch')
        return undefined;
    const hostEnd = hasHost ? first.length : -1;
    if (candidate.prefix)
        return prefixFinding({ candidate, value, hostEnd, hosts, file });
    let partialTag = candidate.partial;
    const variableAt = value.text.search(VARIABLE);
    if (variableAt >= 0) {
        // A variable in the tag or digest only (`api:$(VERSION)`): the repository is still known.
        if (!/[^/:@]+[:@][^/]*$/.test(value.text.slice(hostEnd + 1, variableAt)))
            return dynamicFinding({ candidate, value, hostEnd, hosts, file });
        value = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .sub */ .jb)(value, 0, variableAt);
        partialTag = true;
    }
    let end = value.text.length;
    // An unresolved ${TAG} leaves "repo:" behind; the repository is still known.
    if (partialTag)
        while (end > 0 && /[:@]/.test(value.text[end - 1]))
            end--;
    if (end < value.text.length)
        value = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .sub */ .jb)(value, 0, end);
    let image;
    try {
        image = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .parseReference */ .F2)(value.text);
    }
    catch {
        // `${REGISTRY}/${PROJECT}/base` with PROJECT unknown: the path is built at run time.
        return partialTag ? dynamicFinding({ candidate, value, hostEnd, hosts, file }) : undefined;
    }
    // A tag built from a variable (`api:$TAG`, `api:v${VERSION}`) is unknown, whatever literal part it
    // has: the reference is `dynamic` (a digest written beside it still pins the image).
    const partial = partialTag && image.digest === undefined;
    if (partial)
        delete image.tag;
    const newRepository = (0,_manifest_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .mapRepository */ .T)(image.repository, hosts.paths);
    const moved = { registry: hosts.newHost, repository: newRepository };
    if (image.tag !== undefined)
        moved.tag = image.tag;
    if (image.digest !== undefined)
        moved.digest = image.digest;
    const replacement = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .formatReference */ .FH)(moved);
    // parseReference's object is new: it becomes the old registry's image in place (no copy per finding).
    const oldImage = image;
    oldImage.registry = hosts.old;
    const { edits, unfixable } = editsFor(value, hostEnd, image.repository, newRepository, hosts.newHost);
    const finding = {
        file,
        offset: candidate.at,
        reference: candidate.written,
        normalized: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .formatReference */ .FH)(oldImage),
        kind: partial ? 'dynamic' : candidate.kind,
        replacement,
        image: oldImage,
        partial,
        dynamic: partial,
        edits,
    };
    if (candidate.repository && image.tag === undefined && image.digest === undefined)
        finding.wholeRepository = true;
    const why = candidate.unfixable ?? unfixable;
    if (why !== undefined)
        finding.unfixable = why;
    return finding;
}
/** A candidate from the text where it is written and its expansion. */
function candidateFrom(kind, written, expanded) {
    return {
        kind,
        at: written.offsets[0] ?? 0,
        written: written.text,
        value: expanded.value,
        partial: expanded.partial,
    };
}
/**
 * A reference whose repository (or more) is a variable with no value here (`old.example.com/$PROJECT/base`):
 * it breaks at shutdown like any other, so it is a finding; --fix moves only its host.
 */
function dynamicFinding(at) {
    const { candidate, value, hostEnd, hosts } = at;
    if (hostEnd < 0)
        return undefined;
    // Variables expanded to nothing leave no trace in the value: show the path as written then.
    const rest = VARIABLE.test(value.text)
        ? value.text.slice(hostEnd + 1)
        : candidate.written.slice(candidate.written.indexOf('/') + 1);
    // The literal repository path before the first variable, up to a whole component.
    const variableAt = rest.search(VARIABLE);
    const literal = variableAt < 0 ? rest : rest.slice(0, variableAt);
    const repository = literal.slice(0, literal.lastIndexOf('/') + 1).replace(/\/$/, '');
    // The paths mapping works on whole repository paths; with a variable in the path it cannot be applied.
    const probe = repository === '' ? 'x' : `${repository}/x`;
    return {
        ...hostOnly(at, 'dynamic'),
        normalized: `${hosts.old}/${rest}`,
        replacement: `${hosts.newHost}/${rest}`,
        image: { registry: hosts.old, repository },
        ...((0,_manifest_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .mapRepository */ .T)(probe, hosts.paths) !== probe && {
            unfixable: `the paths mapping moves ${repository}/…, which is built from variables here: rewrite it by hand`,
        }),
    };
}
/** A registry prefix (`REGISTRY ?= old.example.com/staging`): not an image; --fix moves only its host. */
function prefixFinding(at) {
    const { value, hostEnd, hosts } = at;
    if (hostEnd < 0)
        return undefined;
    const path = value.text.slice(hostEnd + 1);
    if (path !== '' &&
        !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path))
        return undefined;
    const mapped = path === '' ? '' : (0,_manifest_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .mapRepository */ .T)(path, hosts.paths);
    const setting = path === '' && at.candidate.setting === true;
    return {
        ...hostOnly(at, setting ? 'registry-setting' : 'registry-prefix'),
        ...(setting &&
            hosts.paths.length > 0 && {
            note: `a registry setting holds the host alone: the paths mapping (${hosts.paths.map((rule) => `${rule.from} → ${rule.to}`).join(', ')}) does not apply to it; check the repository paths set beside it`,
        }),
        normalized: path === '' ? hosts.old : `${hosts.old}/${path}`,
        replacement: mapped === '' ? hosts.newHost : `${hosts.newHost}/${mapped}`,
        image: { registry: hosts.old, repository: path },
        ...(mapped !== path && {
            unfixable: `the prefix ${path} maps to ${mapped} only for some repositories: check the paths mapping by hand`,
        }),
    };
}
/** The parts dynamic and prefix findings share: the host edit, and no known tag. */
function hostOnly({ candidate, value, hostEnd, hosts, file }, kind) {
    const hostRange = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .contiguousRange */ .Um)(value, 0, hostEnd);
    return {
        file,
        offset: candidate.at,
        reference: candidate.written,
        kind,
        partial: true,
        dynamic: true,
        edits: hostRange
            ? [
                {
                    start: hostRange[0],
                    end: hostRange[1],
                    expect: value.text.slice(0, hostEnd),
                    text: hosts.newHost,
                },
            ]
            : [],
        ...(!hostRange && { unfixable: 'the registry host is not written in one piece here' }),
    };
}
/**
 * The edits that move a reference to the new registry: the host (and the repository path when the
 * mapping changes it) replaced where they are written, which may be an ARG default or a split
 * `registry:`/`repository:` pair. Nothing else in the file changes.
 */
function editsFor(value, hostEnd, repository, newRepository, newHost) {
    const repoStart = hostEnd + 1;
    // Docker Hub's official images may be written without `library/`.
    const written = [repository, repository.replace(/^library\//, '')].find((name) => value.text.slice(repoStart, repoStart + name.length) === name &&
        /^(?:$|[:@])/.test(value.text.slice(repoStart + name.length, repoStart + name.length + 1)));
    const repoRange = written ? (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .contiguousRange */ .Um)(value, repoStart, repoStart + written.length) : undefined;
    if (hostEnd < 0) {
        // No host written: the name becomes host/name, where it is written.
        return repoRange
            ? {
                edits: [
                    { start: repoRange[0], end: repoRange[1], expect: written, text: `${newHost}/${newRepository}` },
                ],
            }
            : { edits: [], unfixable: 'the image name is not written in one piece here' };
    }
    const hostRange = (0,_source_js__WEBPACK_IMPORTED_MODULE_1__/* .contiguousRange */ .Um)(value, 0, hostEnd);
    if (!hostRange)
        return { edits: [], unfixable: 'the registry host is not written in one piece here' };
    const expect = (range, text) => ({
        start: range[0],
        end: range[1],
        expect: text,
    });
    if (newRepository === repository && written === repository) {
        // The commonest edit, built directly (one per finding).
        return {
            edits: [
                { start: hostRange[0], end: hostRange[1], expect: value.text.slice(0, hostEnd), text: newHost },
            ],
        };
    }
    if (!repoRange) {
        // The host edit is kept so that --fix knows this finding shares it (an ARG default, say).
        return {
            edits: [{ ...expect(hostRange, value.text.slice(0, hostEnd)), text: newHost }],
            unfixable: `the repository path ${repository} (→ ${newRepository}) is not written literally here`,
        };
    }
    if (repoRange[0] === hostRange[1] + 1) {
        return {
            edits: [
                {
                    ...expect([hostRange[0], repoRange[1]], value.text.slice(0, repoStart + written.length)),
                    text: `${newHost}/${newRepository}`,
                },
            ],
        };
    }
    return {
        edits: [
            { ...expect(hostRange, value.text.slice(0, hostEnd)), text: newHost },
            { ...expect(repoRange, written), text: newRepository },
        ],
    };
}


/***/ }),

/***/ 10620:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ applyPolicy)
/* harmony export */ });
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14006);
/* harmony import */ var _manifest_timeline_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16399);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92041);



/**
 * Gives every finding the severity of the day (info before the new registry opens, a warning with
 * the days left, an error from `guard.fail-from`) and marks the ones the manifest allows:
 * `guard.allow.files` globs match the file path; `guard.allow.references` globs match the normalised
 * reference (`registry.old.example.com/base/jdk:17`), the path with its tag (`base/jdk:17`) or the
 * bare repository (`base/jdk`). Inline `cutover: ignore` was already marked by the scanner.
 * The findings given are completed in place and returned as the result's findings.
 */
function applyPolicy(findings, manifest, today) {
    const policy = (0,_manifest_timeline_js__WEBPACK_IMPORTED_MODULE_1__/* .referencePolicy */ .OQ)(manifest.timeline, today);
    const allowFile = picomatch__WEBPACK_IMPORTED_MODULE_2__(manifest.guard.allowFiles.length ? manifest.guard.allowFiles : ['\0'], {
        dot: true,
    });
    const allowReference = picomatch__WEBPACK_IMPORTED_MODULE_2__(manifest.guard.allowReferences.length ? manifest.guard.allowReferences : ['\0'], { dot: true });
    return {
        policy,
        findings: findings.map((finding) => {
            let ignored = finding.ignored;
            if (!ignored && manifest.guard.allowFiles.length && allowFile(finding.file))
                ignored = 'allow-files';
            if (!ignored &&
                manifest.guard.allowReferences.length &&
                [finding.normalized, (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRepositoryReference */ .$)(finding.image), finding.image.repository].some((form) => allowReference(form)))
                ignored = 'allow-references';
            // Completed in place, as locate() completes its own: thousands of findings are not copied
            // for two more fields. Markdown prose names an image for readers, not for a build: it never
            // fails the check.
            const decided = finding;
            // Compatibility logic, history and vendored files pull nothing: reported, never failing.
            decided.severity = finding.prose || finding.review ? 'info' : policy.severity;
            if (ignored)
                decided.ignored = ignored;
            return decided;
        }),
    };
}


/***/ }),

/***/ 61358:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ startReaders)
});

// UNUSED EXPORTS: ReaderPool

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
// EXTERNAL MODULE: ./lib/src/shared/limiter.js
var limiter = __webpack_require__(17870);
;// CONCATENATED MODULE: ./lib/src/guard/reader-thread.js
/**
 * Files are read back to back into one reused buffer, each followed by a NUL byte, and the buffer
 * is searched once per needle when it is full: a needle never contains NUL, so no match spans two
 * files, and the NUL after each file also bounds the binary check (a NUL anywhere in the file). Per
 * file that leaves open, read and close (fstat only when the read fills the room left) and one
 * memchr; nothing is decoded or parsed here. Binaries and files over the size limit are skipped;
 * the files that contain one of the needles, in any letter case, are reported.
 *
 * Hosts compare case-insensitively, so the search folds ASCII case: one Horspool pass per needle
 * over the buffer (a byte table of shifts for both cases). It costs about what two `Buffer.indexOf`
 * passes for the lower- and upper-case spellings cost (less when measured alone), and it also finds
 * mixed case.
 */
function readerThread(port, fs, isUtf8) {
    const CHUNK = 2 * 1024 * 1024;
    /** Below this much room left in the chunk, the files held are searched before the next is read. */
    const ROOM = 64 * 1024;
    const FOLD = new Uint8Array(256);
    for (let byte = 0; byte < 256; byte++)
        FOLD[byte] = byte >= 65 && byte <= 90 ? byte + 32 : byte;
    const fold = (needle) => {
        const bytes = Uint8Array.from(needle.toLowerCase(), (char) => char.charCodeAt(0) & 0xff);
        const length = bytes.length;
        const shift = new Uint8Array(256).fill(Math.min(length, 255));
        const set = (byte, distance) => {
            shift[byte] = distance;
            if (byte >= 97 && byte <= 122)
                shift[byte - 32] = distance;
        };
        for (let index = 0; index < length - 1; index++)
            set(bytes[index], Math.min(length - 1 - index, 255));
        const last = shift[bytes[length - 1]];
        set(bytes[length - 1], 0);
        return { bytes, shift, last };
    };
    /** The first match of a folded needle in `view` at or after `from`, ignoring ASCII case; -1 if none. */
    const find = (view, { bytes, shift, last }, from) => {
        const length = bytes.length;
        const end = view.length;
        let at = from + length - 1;
        while (at < end) {
            const distance = shift[view[at]];
            if (distance !== 0) {
                at += distance;
                continue;
            }
            let matched = 1;
            while (matched < length && FOLD[view[at - matched]] === bytes[length - 1 - matched])
                matched++;
            if (matched === length)
                return at - length + 1;
            at += last;
        }
        return -1;
    };
    let wanted = [];
    /** Every needle as given (wanted drops those another one finds), for the matches of a hit's bytes. */
    let every = [];
    let prefix = '';
    let maxSize = 0;
    let always;
    let contents = 0;
    let chunk = Buffer.allocUnsafe(CHUNK);
    const special = (info) => info.isFIFO()
        ? 'a FIFO (named pipe): not read'
        : info.isSocket()
            ? 'a socket: not read'
            : info.isCharacterDevice() || info.isBlockDevice()
                ? 'a device: not read'
                : 'a directory (a submodule or a link to one)';
    const failure = (error) => {
        const code = error?.code;
        if (code === 'ESPIPE' || code === 'EAGAIN')
            return ['not a file', 'a FIFO (named pipe): not read'];
        // A socket (or a link to one) cannot be opened at all.
        if (code === 'ENXIO')
            return ['not a file', 'a socket: not read'];
        if (code === 'ELOOP')
            return ['symlink loop', 'too many levels of symbolic links'];
        if (code === 'EISDIR')
            return ['not a file', 'a directory (a submodule or a link to one)'];
        if (code === 'ENOENT')
            return ['unreadable', 'listed but missing (deleted?)'];
        if (code === 'EACCES')
            return ['unreadable', 'permission denied'];
        return ['unreadable', String(error?.message)];
    };
    const readFully = (fd, buffer, length, size) => {
        let got;
        while (length < size && (got = fs.readSync(fd, buffer, length, size - length, length)) > 0)
            length += got;
        return length;
    };
    port.on('message', (message) => {
        if (!Array.isArray(message)) {
            // A needle that contains another (index.docker.io, docker.io) is found by that one.
            every = message.needles.map(fold);
            wanted = message.needles
                .filter((needle, index, all) => !all.some((other, at) => at !== index &&
                needle.toLowerCase().includes(other.toLowerCase()) &&
                (needle.length > other.length || at < index)))
                .map(fold);
            prefix = message.root === '.' ? '' : `${message.root}/`;
            maxSize = message.maxSize;
            always = message.always === undefined ? undefined : new RegExp(message.always, 'i');
            contents = message.contents ?? 0;
            return;
        }
        const files = message;
        // [index in files, file, outcome, detail]: sorted back into the order of the batch at the end.
        const verdicts = [];
        let scanned = 0;
        let bytes = 0;
        // The hits' bytes, copied out of the chunk while the budget lasts, then transferred with the answer.
        let budget = contents;
        const transfer = [];
        const hit = (index, file, start, end) => {
            if (contents === 0) {
                verdicts.push([index, file, 'hit']);
                return;
            }
            const view = chunk.subarray(start, end);
            const matches = every.map((needle) => {
                const found = [];
                for (let at = find(view, needle, 0); at >= 0; at = find(view, needle, at + needle.bytes.length))
                    found.push(at);
                return found;
            });
            const utf8 = isUtf8?.(view);
            if (end - start > budget) {
                // Read again by the main thread: the positions are checked against what it reads.
                verdicts.push([index, file, 'hit', undefined, undefined, matches, utf8, end - start]);
                return;
            }
            budget -= end - start;
            const copy = new Uint8Array(end - start);
            copy.set(view);
            transfer.push(copy.buffer);
            verdicts.push([index, file, 'hit', undefined, copy, matches, utf8]);
        };
        // The files held in the chunk: where each starts, and its index in files.
        let used = 0;
        const starts = [];
        const held = [];
        const search = () => {
            if (held.length === 0)
                return;
            const view = chunk.subarray(0, used);
            const found = new Uint8Array(held.length);
            for (const needle of wanted) {
                let at = find(view, needle, 0);
                while (at >= 0) {
                    let low = 0;
                    let high = starts.length - 1;
                    while (low < high) {
                        const middle = (low + high + 1) >> 1;
                        if (starts[middle] <= at)
                            low = middle;
                        else
                            high = middle - 1;
                    }
                    if (!found[low]) {
                        found[low] = 1;
                        // Each file is followed by its NUL: the next file starts one byte after it ends.
                        const end = low + 1 < starts.length ? starts[low + 1] - 1 : used - 1;
                        hit(held[low], files[held[low]], starts[low], end);
                    }
                    at = low + 1 < starts.length ? find(view, needle, starts[low + 1]) : -1;
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
                // Non-blocking: a FIFO (or a link to one) must not hang the thread; regular files ignore it.
                const where = typeof file === 'string' ? prefix + file : Buffer.concat([Buffer.from(prefix), file]);
                fd = fs.openSync(where, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
                if (chunk.length - used < ROOM)
                    search();
                const want = Math.min(chunk.length - used - 1, maxSize + 1);
                let at = used;
                let length = fs.readSync(fd, chunk, at, want, 0);
                // A full read may be a large file or a device; an empty one an empty file or a FIFO.
                if (length === want || length === 0) {
                    const info = fs.fstatSync(fd);
                    if (!info.isFile()) {
                        verdicts.push([index, file, 'not a file', special(info)]);
                        continue;
                    }
                    if (info.size > maxSize) {
                        verdicts.push([index, file, 'too large', `${info.size} bytes`]);
                        continue;
                    }
                    if (info.size > length) {
                        // It does not fit behind the files held: search those, then read it alone.
                        search();
                        const before = chunk;
                        if (info.size + 1 > chunk.length)
                            chunk = Buffer.allocUnsafe(info.size + 1);
                        before.copy(chunk, 0, at, at + length);
                        at = 0;
                        length = readFully(fd, chunk, length, info.size);
                    }
                }
                chunk[at + length] = 0;
                const nul = chunk.indexOf(0, at);
                if (nul < at + length) {
                    verdicts.push([index, file, 'binary']);
                    continue;
                }
                scanned++;
                bytes += length;
                if (always?.test(typeof file === 'string' ? file : Buffer.from(file).toString('latin1'))) {
                    // Read by name: no need to search it (nor to keep it in the chunk). Without its bytes: there
                    // may be thousands of these (every YAML file), and the main thread, which parses them all,
                    // would fall behind with the batches' bytes piling up in memory.
                    verdicts.push([index, file, 'hit']);
                    continue;
                }
                starts.push(at);
                held.push(index);
                used = at + length + 1;
            }
            catch (error) {
                verdicts.push([index, file, ...failure(error)]);
            }
            finally {
                if (fd !== undefined)
                    fs.closeSync(fd);
            }
        }
        search();
        // A huge file's buffer is not kept for the next batch.
        if (chunk.length > CHUNK)
            chunk = Buffer.allocUnsafe(CHUNK);
        verdicts.sort((a, b) => a[0] - b[0]);
        port.postMessage({
            verdicts: verdicts.map(([, ...verdict]) => verdict),
            scanned,
            bytes,
        }, transfer);
    });
}

;// CONCATENATED MODULE: ./lib/src/guard/readers.js




/** Batches queued on one thread at most, so listing never runs far ahead of reading. */
const QUEUED = 16;
/**
 * What a thread evaluates: the typed reader function's compiled text, called with what it needs of
 * Node. `eval` workers are CommonJS, so `require` is there, from lib/ and from the bundle alike.
 */
const READER_SOURCE = `(${String(readerThread)})(require('node:worker_threads').parentPort, require('node:fs'), require('node:buffer').isUtf8);`;
/**
 * Starts the reader threads: one per core available (the main thread lists and parses between
 * batches), at most 4. Booting a thread takes tens of milliseconds, so a command starts them before
 * it reads its manifest and hands them to scanTree(); until then they do not keep the process alive.
 */
function startReaders(threads = Math.max(1, Math.min(4, external_node_os_.availableParallelism()))) {
    return new ReaderPool(threads);
}
/** Reader threads; at most QUEUED batches in flight per thread (the shared Limiter counts them). */
class ReaderPool {
    workers;
    inFlight;
    constructor(count) {
        this.inFlight = new limiter/* Limiter */.jG(count * QUEUED);
        this.workers = Array.from({ length: count }, () => {
            const worker = new external_node_worker_threads_.Worker(READER_SOURCE, { eval: true });
            const entry = { worker, queue: [] };
            worker.on('message', (result) => entry.queue.shift()?.resolve(result));
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
    /**
     * Sends a batch to the least busy thread, first waiting while every thread has QUEUED batches (so
     * the caller's listing pauses too). Resolves once sent, with the result to come.
     */
    async send(files) {
        const release = await this.inFlight.acquire();
        // With every slot counted, the least busy thread has fewer than QUEUED batches.
        const entry = this.workers.reduce((a, b) => (b.queue.length < a.queue.length ? b : a));
        const result = new Promise((resolve, reject) => {
            entry.queue.push({ resolve, reject });
            entry.worker.postMessage(files);
        });
        result.then(release, release);
        return { result };
    }
    async close() {
        await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
    }
}


/***/ }),

/***/ 80082:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w: () => (/* binding */ scanTree)
});

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/guard/finding.js
var guard_finding = __webpack_require__(75345);
// EXTERNAL MODULE: ./lib/src/guard/source.js
var guard_source = __webpack_require__(93423);
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
        result.push((0,guard_source/* sub */.jb)(mapped, start, index));
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
                parts.push((0,guard_source/* slice */.di)(source, line.start, line.start + trimmedEnd.length - 1));
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
            parts.push((0,guard_source/* slice */.di)(source, line.start, line.end));
            break;
        }
        const instruction = (0,guard_source/* trim */.Bq)((0,guard_source/* concat */.xW)(parts));
        const keyword = /^[A-Za-z]+/.exec(instruction.text)?.[0]?.toUpperCase();
        if (!keyword)
            continue;
        const args = (0,guard_source/* sub */.jb)(instruction, keyword.length);
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
                    scope.set(name, (0,guard_source/* expand */.fT)((0,guard_source/* unquote */._n)((0,guard_source/* sub */.jb)(word, eq + 1)), scope, escape).value);
                }
                break;
            case 'FROM': {
                const tokens = words(args).filter((word) => !word.text.startsWith('--'));
                const image = tokens[0];
                if (image) {
                    const expanded = (0,guard_source/* expand */.fT)((0,guard_source/* unquote */._n)(image), globalArgs, escape);
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
                        fromValue((0,guard_source/* sub */.jb)(word, '--from='.length), 'dockerfile-copy-from');
                    }
                    else if (/^--mount=/i.test(word.text)) {
                        const options = (0,guard_source/* sub */.jb)(word, '--mount='.length);
                        let start = 0;
                        for (const field of options.text.split(',')) {
                            if (/^from=/i.test(field))
                                fromValue((0,guard_source/* sub */.jb)(options, start + 'from='.length, start + field.length), 'dockerfile-mount-from');
                            start += field.length + 1;
                        }
                    }
                }
                break;
        }
        function fromValue(value, kind) {
            const expanded = (0,guard_source/* expand */.fT)((0,guard_source/* unquote */._n)(value), scope, escape);
            const text = expanded.value.text.toLowerCase();
            if (/^\d+$/.test(text) || stages.has(text))
                return;
            candidates.push(candidate(kind, value, expanded));
        }
    }
    return candidates;
}
function candidate(kind, written, expanded) {
    // FROM and --from name an image (stage names are left out before): without a host, Docker Hub's.
    return { ...(0,guard_finding/* candidateFrom */.wE)(kind, written, expanded), certain: true };
}

;// CONCATENATED MODULE: ./lib/src/guard/shell.js


const COMMAND = /(?:^|[\s;&|(`])(?:sudo\s+)?(docker|podman|nerdctl)\s+(?:image\s+|container\s+)?(pull|run|create)\b/g;
/** Options of `run`/`create`/`pull` that take a value as the next word. */
const WITH_VALUE = new Set([
    'a attach add-host annotation blkio-weight cap-add cap-drop cgroup-parent cgroupns cidfile cpu-period',
    'cpu-quota cpu-shares cpus cpuset-cpus cpuset-mems c device device-cgroup-rule dns dns-option',
    'dns-search domainname entrypoint e env env-file expose gpus group-add health-cmd health-interval',
    'health-retries health-start-period health-timeout h hostname ip ip6 ipc isolation kernel-memory',
    'l label label-file link log-driver log-opt mac-address m memory memory-reservation memory-swap',
    'mount name network net network-alias platform p publish pull restart runtime security-opt',
    'shm-size stop-signal stop-timeout storage-opt sysctl tmpfs ulimit u user userns uts v volume',
    'volume-driver volumes-from w workdir pid pids-limit',
]
    .join(' ')
    .split(' '));
/** The image argument of every container command line in a file. */
function commandCandidates(source) {
    const candidates = [];
    for (const match of source.matchAll(COMMAND)) {
        const argsStart = match.index + match[0].length;
        // The arguments run to the end of the line, continued lines included.
        let end = argsStart;
        for (;;) {
            const newline = source.indexOf('\n', end);
            if (newline < 0) {
                end = source.length;
                break;
            }
            const line = source.slice(end, newline).replace(/\r$/, '');
            if (!line.endsWith('\\')) {
                end = newline;
                break;
            }
            end = newline + 1;
        }
        let skipNext = false;
        for (const word of words((0,guard_source/* slice */.di)(source, argsStart, end))) {
            const text = word.text;
            if (text === '\\')
                continue;
            if (/^[;&|)#`]/.test(text))
                break;
            if (text.startsWith('-')) {
                const name = text.replace(/^-+/, '');
                if (!name.includes('=') && WITH_VALUE.has(name))
                    skipNext = true;
                continue;
            }
            if (skipNext) {
                skipNext = false;
                continue;
            }
            const value = (0,guard_source/* unquote */._n)(word);
            const expanded = (0,guard_source/* expand */.fT)(value);
            candidates.push({
                kind: 'shell-docker',
                at: value.offsets[0] ?? argsStart,
                written: value.text,
                value: expanded.value,
                partial: expanded.partial,
                certain: true,
            });
            break;
        }
    }
    return candidates;
}

;// CONCATENATED MODULE: ./lib/src/guard/review.js
/** Vendored and third-party trees, Go's module cache, Yarn's cache. */
const VENDORED = /(^|\/)(vendor|third[_-]party|node_modules|bower_components|\.yarn\/cache|Godeps\/_workspace)\/|(^|\/)pkg\/mod\/(cache\/|[^/]+(\/[^/]+)*@v[^/]*\/)/;
/** A generated-file marker (Go's convention, and the common `DO NOT EDIT` banner) in the first lines. */
const GENERATED = /^(?:\/\/|#|\/\*|<!--|--)\s*(?:Code generated .* DO NOT EDIT\.?|.*\bDO NOT EDIT\b.*generated by\b.*)/im;
/** History: changelogs, release notes, advisories, captured command output. */
const HISTORY = /(^|\/)(CHANGELOG|CHANGES|HISTORY|NEWS)([._-][\w.-]*)?$|(^|\/)docs\/(releases?|release-notes|changelogs?)\/|(^|\/)(advisories|security-advisories|release-notes|changelogs)\/|\.(out|log|golden)$/i;
/** RELEASE*, *NOTES* (upper case: release.sh and notes.go are code; a Helm chart's templates/NOTES.txt is a template). */
const HISTORY_UPPER = /(^|\/)(RELEASE[^/]*|[^/]*NOTES[^/]*)$/;
/** Test files: Go's _test.go, *.test.* / *.spec.*, testdata/, __tests__/, spec/. */
const TEST_FILE = /(_test\.go|\.(test|spec)\.[\w]+)$|(^|\/)(testdata|__tests__|spec|__snapshots__)\//;
/** Source code, where a comparison or a branch can tell the registries apart. */
const CODE = /\.(go|ts|tsx|js|jsx|mjs|cjs|py|java|kt|rb|rs|cs|sh|bash)$/;
/** A comparison or a match on the same line as the occurrence. */
const COMPARISON = /[!=]==?|\bcase\b|\b(?:strings\.)?(?:HasPrefix|HasSuffix|Contains|EqualFold|TrimPrefix|CutPrefix)\s*\(|\.(?:startsWith|endsWith|includes|indexOf|match|matches|test|search|startswith|endswith|contains|find)\s*\(|\bregexp?\.|\bre\.(?:match|search|compile|fullmatch)\s*\(|=~|\bMatchString\s*\(|\bnot\s+in\b|\bin\s+\(/;
/** Why a file is vendored (its findings reported, never rewritten), or undefined. */
function vendoredReason(file, source) {
    if (VENDORED.test(file))
        return 'vendored: update upstream (a third-party tree is never edited in place)';
    if (GENERATED.test(source.slice(0, 2048)))
        return 'generated: change what it is generated from and regenerate it (marked DO NOT EDIT)';
    return undefined;
}
/** True for a history file: what happened, kept as it was written. */
const isHistory = (file) => HISTORY.test(file) || (HISTORY_UPPER.test(file) && !/(^|\/)templates\/NOTES\.txt$/.test(file));
/** True for a test file. */
const isTestFile = (file) => TEST_FILE.test(file);
/**
 * Marks a file's findings for review: vendored and history files are reported once per file (the
 * first finding, with the count), compatibility logic per finding; in a test file, when one finding
 * cannot be rewritten, none is (the input and the expected value name the host together).
 */
function reviewFindings(file, source, hosts, findings) {
    if (findings.length === 0)
        return findings;
    const vendored = vendoredReason(file, source);
    if (vendored !== undefined)
        return [once(findings, 'vendored', vendored)];
    if (isHistory(file))
        return [
            once(findings, 'history', 'history: kept as it was written (a changelog, release notes or captured output), never rewritten'),
        ];
    if (CODE.test(file))
        for (const finding of findings) {
            const why = compatReason(source, finding, hosts);
            if (why)
                finding.review = { category: 'compat', reason: why };
        }
    if (isTestFile(file)) {
        const held = findings.find((finding) => finding.review || finding.unfixable !== undefined);
        if (held)
            for (const finding of findings)
                if (finding !== held && !finding.review && finding.unfixable === undefined)
                    finding.unfixable = `a test file: every occurrence tied together is rewritten or none, and ${held.reference} (byte ${held.offset}) is not: ${held.review?.reason ?? held.unfixable}`;
    }
    return findings;
}
/** The first finding of a file, standing for all of them. */
function once(findings, category, reason) {
    const first = findings[0];
    const more = findings.length - 1;
    first.review = {
        category,
        reason: more > 0 ? `${reason}; ${more} more occurrence${more === 1 ? '' : 's'} in this file` : reason,
    };
    return first;
}
const COMPAT_REASON = 'code that tells the registries apart: review by hand; it pulls nothing';
/**
 * The host alone in a quoted literal (`"quay.io"`, `"quay.io/"`) inside a comparison or match in code:
 * no reference and no setting, but code that tells the registries apart, reported for review.
 */
function compatLiteral(file, source, at, name, hosts) {
    if (!CODE.test(file))
        return undefined;
    const quote = source[at - 1];
    if (quote !== '"' && quote !== "'" && quote !== '`')
        return undefined;
    const end = at + name.length + (source[at + name.length] === '/' ? 1 : 0);
    if (source[end] !== quote)
        return undefined;
    const lineStart = source.lastIndexOf('\n', at - 1) + 1;
    const line = source.slice(lineStart, source.indexOf('\n', at) >>> 0);
    if (!COMPARISON.test(line))
        return undefined;
    const written = source.slice(at, end);
    return {
        file,
        offset: at,
        reference: written,
        normalized: hosts.old,
        kind: 'text',
        replacement: hosts.newHost,
        image: { registry: hosts.old, repository: '' },
        partial: true,
        dynamic: true,
        edits: [],
        review: { category: 'compat', reason: COMPAT_REASON },
    };
}
/**
 * Why an occurrence is compatibility logic: inside a comparison or match on its line, or on a
 * statement that also names the new registry (the lines around it, in code).
 */
function compatReason(source, finding, hosts) {
    const offset = finding.offset;
    const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = source.indexOf('\n', offset) >>> 0;
    const line = source.slice(lineStart, lineEnd);
    if (COMPARISON.test(line))
        return COMPAT_REASON;
    // A script naming both registries around a line is a migration step (pull, tag, push), which fix.ts
    // holds back on the command line itself; only comparisons there tell the registries apart.
    if (/\.(sh|bash)$/.test(finding.file) || finding.kind === 'shell-docker' || finding.kind === 'shell-tool')
        return undefined;
    // The statement around it: the line before and after (a branch assigning each registry).
    let start = lineStart;
    for (let back = 0; back < 3 && start > 0; back++)
        start = source.lastIndexOf('\n', start - 2) + 1;
    let end = lineEnd;
    for (let ahead = 0; ahead < 3 && end < source.length; ahead++)
        end = source.indexOf('\n', end + 1) >>> 0;
    const around = source.slice(start, end).toLowerCase();
    const next = hosts.newHost.toLowerCase();
    for (let at = around.indexOf(next); at >= 0; at = around.indexOf(next, at + 1))
        if (!/[a-z0-9.-]/.test(around[at - 1] ?? ' ') && !/[a-z0-9-]/.test(around[at + next.length] ?? ' '))
            return COMPAT_REASON;
    return undefined;
}

;// CONCATENATED MODULE: ./lib/src/guard/settings.js
/**
 * Registry settings: a value that is a registry host alone (`imageRepository: quay.io`,
 * `IMAGE_HOST ?= quay.io`, `--image-repository=quay.io`, `ImageRepository: "quay.io"`, a ClusterClass
 * variable's `default:`, a Helm README values table row). Many tools are configured with the host on
 * its own; missed, the migration looks finished while they still pull from the old registry.
 */
/**
 * Names of keys, flags, variables and constants that hold a registry or an image repository prefix
 * (imageRegistry, image-repository, IMAGE_REGISTRY_PREFIX, wantRegistry, IMAGE_HOST, HUB …).
 */
const SETTING_NAME = /(registr(y|ies)|image[-_.]?repo(sitory)?|repo(sitory)?[-_.]?(prefix|base)|image[-_.]?(host|prefix)|container[-_.]?host|(^|[-_.])hub$|^hub[-_.]|(^|[-_.])namespace$)/i;
/** An assignment or key right before the value: shell, Makefile, Dockerfile ARG/ENV, YAML, JSON, Go/TS/Python/Java. */
const ASSIGNED = /(?:^|[\s;,{(])(?:export\s+|ARG\s+|ENV\s+|override\s+|const\s+|let\s+|var\s+|final\s+|static\s+|(?:public|private|protected)\s+)*-?\s*["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*(?::?\s*[A-Za-z_][\w.<>[\]]*\s*)?(?:\?=|:=|::=|\+=|=|:)\s*["'`]?$/;
/** A command-line flag right before the value: `--image-repository=`, `--registry `. */
const FLAG = /(?:^|[\s"'[,])--?([A-Za-z][\w-]*)(?:=|\s+)["']?$/;
/** True when a name says it holds a registry (or a repository prefix), not an image. */
const namesRegistry = (name) => SETTING_NAME.test(name) && !/tag|digest|pull[-_]?policy/i.test(name);
/**
 * The name of the key, flag, variable or constant whose value starts at `start` (a host written
 * alone there), looking at the text before it on its line; for a YAML or JSON-schema `default:`, the
 * variable or property it belongs to (a few lines up); for a Markdown table row, its first cell.
 */
function settingName(source, lineStart, start) {
    const before = source.slice(lineStart, start);
    if (/^\s*\|/.test(before)) {
        // A values table (helm-docs): | key | type | default | description |
        const key = /^\s*\|\s*`?([^|`]+?)`?\s*\|/.exec(before)?.[1];
        return key?.slice(key.lastIndexOf('.') + 1);
    }
    const flag = FLAG.exec(before)?.[1];
    if (flag !== undefined)
        return flag;
    const name = ASSIGNED.exec(before)?.[1];
    if (name === undefined)
        return undefined;
    if (!/^(default|example|value)$/i.test(name))
        return name.slice(name.lastIndexOf('.') + 1);
    // `default:` in a JSON schema or a ClusterClass variable: the property or variable it defaults.
    if (/^\s*["']?default["']?\s*:/.test(before) || /[{,]\s*["']?default["']?\s*:/.test(before)) {
        const sameLine = /["']?([A-Za-z_][\w-]*)["']?\s*:\s*\{[^{}]*$/.exec(before)?.[1];
        if (sameLine)
            return sameLine;
        return owningName(source, lineStart);
    }
    return undefined;
}
/** The variable a `default:` line belongs to: the nearest `name: X` or `X:` key less indented, a few lines up. */
function owningName(source, lineStart) {
    const indent = /^\s*/.exec(source.slice(lineStart, source.indexOf('\n', lineStart) >>> 0))[0].length;
    let end = lineStart - 1;
    for (let back = 0; back < 12 && end > 0; back++) {
        const start = source.lastIndexOf('\n', end - 1) + 1;
        const line = source.slice(start, end).replace(/\r$/, '');
        end = start - 1;
        const named = /^\s*-?\s*["']?name["']?\s*:\s*["']?([A-Za-z_][\w.-]*)/.exec(line)?.[1];
        if (named && namesRegistry(named))
            return named;
        const key = /^(\s*)-?\s*["']?([A-Za-z_][\w-]*)["']?\s*:\s*(?:\{\s*)?$/.exec(line);
        if (key && key[1].length < indent && namesRegistry(key[2]))
            return key[2];
    }
    return undefined;
}
/** Where a value written right after a host ends it: the host stands alone (an optional `/` after it). */
function hostAlone(source, hostEnd) {
    const rest = source.slice(hostEnd, hostEnd + 2);
    return /^\/?(?:$|[\s"'`,;)}\]|#]|\r)/.test(rest);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./lib/src/guard/yaml/image-forms.js


/** Kustomize's file, whose `images:` entries are read by their own rule. */
const kustomization = (file) => /(^|\/)kustomization\.ya?ml$/i.test(file);
/** A string scalar under an image key as a candidate (`uses:` only with `docker://`). */
function scalarCandidateOf(mapped, kind, env) {
    if (kind === 'workflow-uses' && !mapped.text.startsWith('docker://'))
        return undefined;
    const expanded = (0,guard_source/* expand */.fT)(mapped, env);
    return {
        ...(0,guard_finding/* candidateFrom */.wE)(kind, mapped, expanded),
        // The host comes from `.env` (mapped nowhere here): the `.env` line is the one rewritten.
        ...(env &&
            expanded.value.offsets[0] === -1 && { unfixable: 'the value comes from .env, where it is rewritten' }),
    };
}
const synthetic = (text) => ({ text, offsets: Array(text.length).fill(-1) });
/**
 * Helm's split form from a map's scalar fields: `{registry, repository, tag, digest}` (registry
 * optional when repository has the host, or inherited from the chart's global registry), the path
 * also spelt `image:`/`name:` beside a `registry:`.
 */
function splitFormOf(field, globalRegistry) {
    const ownRegistry = field('registry');
    const repository = field('repository') ?? (ownRegistry ? (field('image') ?? field('name')) : undefined);
    if (!repository)
        return undefined;
    const hostInPath = /^[^/]*[.:][^/]*\//.test(repository.text);
    const registry = ownRegistry ?? (hostInPath ? undefined : globalRegistry);
    const tag = field('tag');
    const digest = field('digest');
    if (!registry && !tag && !digest)
        return undefined;
    const parts = [];
    if (registry && registry.text !== '')
        parts.push(registry, synthetic('/'));
    parts.push(repository);
    if (tag && tag.text !== '')
        parts.push(synthetic(':'), tag);
    if (digest && digest.text !== '')
        parts.push(synthetic('@'), digest);
    const expanded = (0,guard_source/* expand */.fT)((0,guard_source/* concat */.xW)(parts));
    // With the global registry, the place reported is where that registry is named.
    const written = registry ?? repository;
    return {
        at: written.offsets[0] ?? 0,
        written: expanded.value.text,
        value: expanded.value,
        partial: expanded.partial,
    };
}
/**
 * `certain` for a value without a registry host in a place that certainly holds an image (only
 * host-less values need it: they mean Docker Hub there, and nothing elsewhere).
 */
function certainty(value, certain) {
    if (!certain)
        return {};
    const text = /^docker:\/\//i.test(value.text) ? value.text.slice('docker://'.length) : value.text;
    const slash = text.indexOf('/');
    const first = slash < 0 ? text : text.slice(0, slash);
    const hasHost = slash >= 0 && (/[.:]/.test(first) || first === 'localhost');
    return hasHost ? {} : { certain: true };
}
/** Kubernetes pod specs: where an `image:` is certainly a container image. */
function inPodSpec(path) {
    return path.some((key) => key === 'containers' || key === 'initContainers' || key === 'ephemeralContainers');
}

;// CONCATENATED MODULE: ./lib/src/guard/yaml/parsed.js



/** Documents of `source[region]` (undefined when a document of a part has syntax errors). */
function parseRegion(source, region, whole) {
    // Broken YAML (a Helm template, a fragment) makes the parser build many errors; their stack
    // traces are never read and cost more than the parse itself.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        const documents = (0,dist/* parseAllDocuments */.hR)(source.slice(region.start, region.end), {
            keepSourceTokens: false,
            uniqueKeys: false,
        });
        if (!Array.isArray(documents))
            return whole ? [] : undefined;
        if (!whole && documents.some((document) => document.errors.length > 0))
            return undefined;
        return documents;
    }
    catch {
        return whole ? [] : undefined;
    }
    finally {
        Error.stackTraceLimit = stackTraceLimit;
    }
}
/**
 * Candidates from parsing `region` of the file; `given` fixes what a subtree cannot tell: the kind
 * of its document and the chart's global registry. Undefined when a subtree does not parse alone.
 */
function parsedCandidates(source, role, file, region, given, env) {
    const whole = given === undefined;
    const documents = parseRegion(source, region, whole);
    if (!documents)
        return undefined;
    const base = region.start;
    const candidates = [];
    for (const document of documents) {
        if (document.errors.length > 0 || !document.contents)
            continue;
        const contents = document.contents;
        const isKubernetes = (0,dist/* isMap */.jh)(contents) && contents.has('apiVersion') && contents.has('kind') && role === 'yaml';
        const imageKind = given
            ? given.kind
            : role === 'compose'
                ? 'compose-image'
                : role === 'helm-values'
                    ? 'helm-image'
                    : isKubernetes
                        ? 'kubernetes-image'
                        : 'yaml-image';
        // Helm: a registry named once for every image of the chart.
        const globalRegistry = given
            ? given.globalRegistry
            : role === 'helm-values' && (0,dist/* isMap */.jh)(contents)
                ? ['global.imageRegistry', 'global.image.registry', 'image.registry']
                    .map((keys) => contents.getIn(keys.split('.'), true))
                    .map((node) => (0,dist/* isScalar */.jn)(node) && typeof node.value === 'string' && node.value !== ''
                    ? scalarText(node)
                    : undefined)
                    .find((found) => found !== undefined)
                : undefined;
        const isKustomization = kustomization(file);
        visit(contents, []);
        function visit(node, path) {
            if ((0,dist/* isSeq */.oP)(node)) {
                node.items.forEach((item, index) => visit(item, [...path, index]));
                return;
            }
            if (!(0,dist/* isMap */.jh)(node))
                return;
            if (isKustomization && path.length === 2 && path[0] === 'images') {
                const found = kustomizeImage(node);
                if (found)
                    candidates.push(found);
                return;
            }
            const split = splitForm(node);
            // In the split form, `image:`/`name:` beside `registry:` is only the path, not an image of its own.
            const pathKeys = split && node.has('registry') ? new Set(['image', 'name']) : new Set();
            if (split) {
                const key = path[path.length - 1];
                const kind = key === 'image' ? imageKind : 'helm-image';
                candidates.push({
                    ...split,
                    kind,
                    ...certainty(split.value, kind !== 'yaml-image' || inPodSpec(path)),
                });
            }
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair) || !(0,dist/* isScalar */.jn)(pair.key))
                    continue;
                const key = String(pair.key.value);
                const child = [...path, key];
                const value = pair.value;
                if ((0,dist/* isScalar */.jn)(value) && typeof value.value === 'string' && !pathKeys.has(key)) {
                    const kind = kindOfString(child);
                    if (kind) {
                        const found = scalarCandidate(value, kind);
                        if (found)
                            candidates.push({
                                ...found,
                                ...certainty(found.value, (kind !== 'yaml-image' && kind !== 'kubernetes-image') || inPodSpec(child)),
                            });
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
            return mapped && scalarCandidateOf(mapped, kind, env);
        }
        /** Helm's split form of a map's fields. */
        function splitForm(map) {
            return splitFormOf((name) => {
                const node = map.get(name, true);
                return (0,dist/* isScalar */.jn)(node) && (typeof node.value === 'string' || typeof node.value === 'number')
                    ? scalarText(node)
                    : undefined;
            }, globalRegistry);
        }
        /** Kustomize `images:` entries: `name` replaced by `newName` (and `newTag`/`digest`). */
        function kustomizeImage(map) {
            const field = (name) => {
                const node = map.get(name, true);
                return (0,dist/* isScalar */.jn)(node) && (typeof node.value === 'string' || typeof node.value === 'number')
                    ? scalarText(node)
                    : undefined;
            };
            const newName = field('newName');
            const name = newName ?? field('name');
            if (!name)
                return undefined;
            const tag = field('newTag');
            const digest = field('digest');
            const synthetic = (text) => ({ text, offsets: Array(text.length).fill(-1) });
            const parts = [name];
            if (tag && tag.text !== '')
                parts.push(synthetic(':'), tag);
            if (digest && digest.text !== '')
                parts.push(synthetic('@'), digest);
            const expanded = (0,guard_source/* expand */.fT)((0,guard_source/* concat */.xW)(parts));
            return {
                kind: 'kustomize-image',
                at: name.offsets[0] ?? 0,
                written: expanded.value.text,
                value: expanded.value,
                partial: expanded.partial,
                ...certainty(expanded.value, true),
                // `name` is what Kustomize matches in the resources: the move belongs in a newName.
                ...(!newName && {
                    unfixable: `Kustomize matches images by name: add newName: <new registry>/… beside name: ${name.text}`,
                }),
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
            return (0,guard_source/* slice */.di)(source, base + start + 1, base + end - 1);
        if (scalar.type === 'PLAIN')
            return (0,guard_source/* slice */.di)(source, base + start, base + end);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./lib/src/guard/yaml/regions.js
/** Indentation of the line starting at `start` (a `- ` item counts where its dash is). */
function indentAt(source, start) {
    let at = start;
    while (source[at] === ' ')
        at++;
    return at - start;
}
/** True for a line that holds nothing for the parser (blank, or a comment). */
function isBlank(source, start, end) {
    let at = start;
    while (at < end && (source[at] === ' ' || source[at] === '\t'))
        at++;
    return at === end || source[at] === '#' || source[at] === '\r' || source[at] === '\n';
}
/** Where the line before the one starting at `at` (> 0) starts. */
const previousLineStart = (source, at) => at < 2 ? 0 : source.lastIndexOf('\n', at - 2) + 1;
/** Where each line that names one of `names` (lower case) starts, in order, each once. */
function hostLineStarts(source, names, lower = source.toLowerCase()) {
    const starts = new Set();
    for (const name of names)
        for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length))
            starts.add(source.lastIndexOf('\n', at) + 1);
    return [...starts].sort((a, b) => a - b);
}
/**
 * Where the lines whose key is `key` start (after indentation or a list's `- `): a plain search, where
 * a multi-line regular expression would try every line of a 50 kB values file.
 */
function keyLineStarts(source, key) {
    const starts = [];
    for (let at = source.indexOf(key); at >= 0; at = source.indexOf(key, at + key.length)) {
        const lineStart = source.lastIndexOf('\n', at) + 1;
        let before = lineStart;
        while (before < at && (source[before] === ' ' || source[before] === '\t' || source[before] === '-'))
            before++;
        if (before === at)
            starts.push(lineStart);
    }
    return starts;
}
/**
 * The subtrees around every line that names the registry: from the line's parent (the nearest line
 * above with less indentation) to the first line after it that is not more indented than the
 * parent (a compact `- item` at the parent's indentation still belongs to it). Overlaps merge.
 * `alsoLines`: starts of other lines whose subtrees are wanted too (an inherited registry's images).
 */
function regionsOf(source, names, alsoLines = [], lineStarts = hostLineStarts(source, names)) {
    const starts = new Set([...lineStarts, ...alsoLines]);
    const regions = [];
    for (const lineStart of [...starts].sort((a, b) => a - b)) {
        if (regions.length > 0 && lineStart < regions[regions.length - 1].end)
            continue;
        const indent = indentAt(source, lineStart);
        let start = lineStart;
        for (let above = lineStart; indent > 0 && above > 0;) {
            const previous = previousLineStart(source, above);
            above = previous;
            const end = source.indexOf('\n', previous);
            if (isBlank(source, previous, end < 0 ? source.length : end))
                continue;
            if (/^---/.test(source.slice(previous, previous + 3)))
                break;
            if (indentAt(source, previous) < indent) {
                start = previous;
                break;
            }
        }
        const rootIndent = indentAt(source, start);
        const rootIsKey = /:\s*(#.*)?\r?$/.test(source.slice(start, source.indexOf('\n', start) >>> 0));
        let end = source.indexOf('\n', lineStart);
        end = end < 0 ? source.length : end + 1;
        while (end < source.length) {
            const lineEnd = source.indexOf('\n', end);
            const next = lineEnd < 0 ? source.length : lineEnd + 1;
            if (!isBlank(source, end, lineEnd < 0 ? source.length : lineEnd)) {
                const lineIndent = indentAt(source, end);
                const compactItem = rootIsKey && lineIndent === rootIndent && source[end + lineIndent] === '-';
                if (lineIndent <= rootIndent && !compactItem)
                    break;
            }
            end = next;
        }
        const last = regions[regions.length - 1];
        if (last && start < last.end)
            last.end = Math.max(last.end, end);
        else
            regions.push({ start, end });
    }
    return regions;
}
/** The kind of an `image:` in the document around `at` (what the whole parse reads from the root). */
function regionKind(source, at, role) {
    if (role === 'compose')
        return 'compose-image';
    if (role === 'helm-values')
        return 'helm-image';
    const separator = /^---/gm;
    let start = 0;
    let end = source.length;
    for (const match of source.matchAll(separator)) {
        if (match.index <= at)
            start = match.index;
        else {
            end = match.index;
            break;
        }
    }
    const document = source.slice(start, end);
    return /^apiVersion:/m.test(document) && /^kind:/m.test(document) ? 'kubernetes-image' : 'yaml-image';
}

;// CONCATENATED MODULE: ./lib/src/guard/yaml/simple-region.js


/**
 * `/^\s*(#.*)?\r?$/` on the line `start..end` (no line feed in it), without slicing it out: blanks
 * (what `\s` matches in latin1), then nothing, or a comment with no carriage return before its end.
 */
function blankOrComment(source, start, end) {
    let at = start;
    for (; at < end; at++) {
        const code = source.charCodeAt(at);
        if (!((code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0))
            break;
    }
    if (at === end)
        return true;
    if (source.charCodeAt(at) !== 0x23)
        return false;
    for (; at < end - 1; at++)
        if (source.charCodeAt(at) === 0x0d)
            return false;
    return true;
}
const KEY_LINE = /^( *)([A-Za-z0-9_.-]+):(?:[ \t]+([^\s#].*?))?[ \t]*(?:[ \t]#.*)?\r?$/;
/**
 * The string at a key path in a region made only of one-line `key: value` lines (the usual Helm
 * `global:` block), as the parser would give it: without the parser, whose first use in a run costs
 * more than all the reading. `'not simple'` for any other shape (lists, block or multi-line
 * scalars, anchors, tags, flow collections spread over lines), which the parser then reads.
 */
function simpleLookup(source, region, keys) {
    const path = [];
    let found;
    for (let start = region.start; start < region.end;) {
        const newline = source.indexOf('\n', start);
        const end = newline < 0 || newline >= region.end ? region.end : newline;
        const line = source.slice(start, end);
        const lineStart = start;
        start = end + 1;
        if (blankOrComment(source, lineStart, end))
            continue;
        const match = KEY_LINE.exec(line);
        if (!match)
            return 'not simple';
        const indent = match[1].length;
        const value = match[3];
        if (value !== undefined && /^[|>&*!%@`]/.test(value))
            return 'not simple';
        if (value !== undefined && /^[[{]/.test(value) && !/[\]}]$/.test(value))
            return 'not simple';
        while (path.length > 0 && path[path.length - 1].indent >= indent)
            path.pop();
        path.push({ indent, key: match[2] });
        if (found !== undefined || value === undefined || path.length !== keys.length)
            continue;
        if (!path.every((step, index) => step.key === keys[index]))
            continue;
        const child = SIMPLE_CHILD.exec(line);
        if (!child)
            return 'not simple';
        const quoted = child[3] ?? child[4];
        const text = quoted ?? child[5];
        if (quoted === undefined && (NOT_A_STRING.test(text) || NUMBER.test(text)))
            continue;
        if (text === '')
            continue;
        const at = lineStart + line.indexOf(text, indent + match[2].length + 1);
        found = (0,guard_source/* slice */.di)(source, at, at + text.length);
    }
    return found;
}
const SIMPLE_PARENT = /^( *)([A-Za-z0-9_.-]+):[ \t]*(?:#.*)?\r?$/;
const SIMPLE_CHILD = /^( *)([A-Za-z0-9_.-]+):[ \t]+(?:"([^"\\\n]*)"|'([^'\n]*)'|([^\s'"#{}[\]&*!|>%@`,?:-][^\s#]*))[ \t]*(?:#.*)?\r?$/;
/** The keys simpleRegion reads: the split form's fields, and the keys whose string is an image. */
const IMAGE_FIELDS = new Set(['registry', 'repository', 'image', 'name', 'tag', 'digest', 'uses']);
/** A child whose value is an empty flow collection (`key: []`, `key: {}`). */
const EMPTY_FLOW_CHILD = /^( *)([A-Za-z0-9_.-]+):[ \t]+(?:\[\]|\{\})[ \t]*(?:#.*)?\r?$/;
const NOT_A_STRING = /^(true|false|null|~|True|False|TRUE|FALSE|Null|NULL|[-+]?(\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN)$/;
const NUMBER = /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/;
/**
 * The cheap reading of a region that is one map of scalars under a key (`image:` then
 * `registry: …`, `repository: …`, `tag: …` lines), the commonest shape in Helm values: the same
 * candidates the parser would give, without it. Undefined for any other shape.
 */
function simpleRegion(source, region, imageKind, globalRegistry) {
    const fields = new Map();
    const strings = [];
    let parentKey;
    let parentIndent = -1;
    let childIndent = -1;
    for (let start = region.start; start < region.end;) {
        const newline = source.indexOf('\n', start);
        const end = newline < 0 || newline >= region.end ? region.end : newline;
        const next = end + 1;
        if (blankOrComment(source, start, end)) {
            start = next;
            continue;
        }
        const line = source.slice(start, end);
        if (parentKey === undefined) {
            const parent = SIMPLE_PARENT.exec(line);
            if (!parent)
                return undefined;
            parentKey = parent[2];
            parentIndent = parent[1].length;
            start = next;
            continue;
        }
        const child = SIMPLE_CHILD.exec(line);
        const empty = child ? undefined : EMPTY_FLOW_CHILD.exec(line);
        if (!child && !empty)
            return undefined;
        const indent = (child ?? empty)[1].length;
        if (childIndent < 0)
            childIndent = indent;
        if (indent !== childIndent || indent <= parentIndent)
            return undefined;
        // `imagePullSecrets: []`: neither a string nor a number, so nothing the candidates read.
        if (!child) {
            start = next;
            continue;
        }
        const key = child[2];
        // Only the fields of an image are read (pullPolicy, enabled … are only checked for shape).
        if (!IMAGE_FIELDS.has(key)) {
            start = next;
            continue;
        }
        const quoted = child[3] ?? child[4];
        const text = quoted ?? child[5];
        const valueStart = start + line.indexOf(text, indent + key.length + 1);
        const mapped = (0,guard_source/* slice */.di)(source, valueStart, valueStart + text.length);
        const isString = quoted !== undefined || (!NOT_A_STRING.test(text) && !NUMBER.test(text));
        const isNumber = quoted === undefined && NUMBER.test(text);
        if (!fields.has(key) && (isString || isNumber))
            fields.set(key, mapped);
        if (isString)
            strings.push([key, mapped]);
        start = next;
    }
    if (parentKey === undefined || childIndent < 0)
        return undefined;
    const candidates = [];
    const split = splitFormOf((name) => fields.get(name), globalRegistry);
    if (split) {
        const kind = parentKey === 'image' ? imageKind : 'helm-image';
        // splitFormOf's object is new: completed in place.
        const candidate = split;
        candidate.kind = kind;
        if (kind !== 'yaml-image' && certainty(split.value, true).certain)
            candidate.certain = true;
        candidates.push(candidate);
    }
    const pathKeys = split && fields.has('registry') ? new Set(['image', 'name']) : new Set();
    for (const [key, mapped] of strings) {
        if (pathKeys.has(key))
            continue;
        const kind = key === 'image' ? imageKind : key === 'uses' ? 'workflow-uses' : undefined;
        const found = kind && scalarCandidateOf(mapped, kind);
        if (found)
            candidates.push({
                ...found,
                ...certainty(found.value, kind !== 'yaml-image' && kind !== 'kubernetes-image'),
            });
    }
    return candidates;
}

;// CONCATENATED MODULE: ./lib/src/guard/yaml/helm-global.js





/** The line `key:` (nothing after it but blanks) at the top level of a file; found by a plain search. */
function topKeyLine(source, key) {
    const pattern = `${key}:`;
    const next = (from) => {
        const found = source.indexOf(`\n${pattern}`, from);
        return found < 0 ? -1 : found + 1;
    };
    for (let at = source.startsWith(pattern) ? 0 : next(0); at >= 0; at = next(at)) {
        const found = topKeyLineAt(source, at, key);
        if (found)
            return found;
    }
    return undefined;
}
/** The line starting at `at` when it is `key:` with nothing after it but blanks. */
function topKeyLineAt(source, at, key) {
    if (!source.startsWith(`${key}:`, at))
        return undefined;
    let end = at + key.length + 1;
    while (source[end] === ' ' || source[end] === '\t')
        end++;
    if (source[end] === '\r')
        end++;
    return end === source.length || source[end] === '\n' ? { start: at, end } : undefined;
}
/** A top-level `global:`/`image:` line that opens a flow mapping, an anchor, a tag or a comment. */
const OTHER_GLOBAL_BLOCK = /^(?:global|image):[ \t]*[{&!#]/;
/** True for a line helmGlobalRegistry reads as part of the block above it: indented, a comment, or empty. */
function continuesBlock(source, start) {
    const code = source.charCodeAt(start);
    // The end of the file, `#`, or what `\s` matches in latin1: tab, line feed, vertical tab, form
    // feed, carriage return, space, no-break space.
    return (Number.isNaN(code) || code === 0x23 || (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0);
}
/**
 * The lines that start the blocks holding the lines that name the registry: for each such line, the
 * nearest line at or above it that does not continue a block (see continuesBlock). One pass upwards
 * between consecutive lines, so the whole file is walked at most once.
 */
function blockHeads(source, lineStarts) {
    const heads = new Set();
    let previous = -1;
    let previousHead = -1;
    for (const lineStart of lineStarts) {
        let at = lineStart;
        let head;
        for (;;) {
            if (at === previous) {
                head = continuesBlock(source, at) ? previousHead : at;
                break;
            }
            if (!continuesBlock(source, at) || at === 0) {
                head = continuesBlock(source, at) ? -1 : at;
                break;
            }
            at = previousLineStart(source, at);
        }
        if (head >= 0)
            heads.add(head);
        previous = lineStart;
        previousHead = head;
    }
    return heads;
}
/** Helm's registry for every image of the chart: `global.imageRegistry`, `global.image.registry` or `image.registry`. */
function helmGlobalRegistry(source, names, lineStarts) {
    // The block of a global registry that names the old one holds a line naming it: the heads of those
    // lines' blocks say which `global:`/`image:` blocks are worth looking up (others change nothing).
    const heads = blockHeads(source, lineStarts);
    const headed = (top) => [...heads].some((head) => topKeyLineAt(source, head, top) !== undefined);
    if ([...heads].some((head) => OTHER_GLOBAL_BLOCK.test(source.slice(head, head + 64))))
        return 'parse all';
    for (const [top, ...keys] of [
        ['global', 'imageRegistry'],
        ['global', 'image', 'registry'],
        ['image', 'registry'],
    ]) {
        if (!headed(top))
            continue;
        const region = topKeyLine(source, top);
        if (!region)
            continue;
        while (region.end < source.length) {
            const lineEnd = source.indexOf('\n', region.end + 1);
            const next = lineEnd < 0 ? source.length : lineEnd;
            const line = source.slice(region.end + 1, next);
            if (!/^(\s|#|$)/.test(line))
                break;
            region.end = next;
        }
        // A global registry other than the old one changes no finding: not worth a parse. (No names:
        // Docker Hub, where any global registry decides whether a host-less repository is a reference.)
        const text = source.slice(region.start, region.end).toLowerCase();
        if (names.length > 0 && !names.some((name) => text.includes(name)))
            continue;
        const simple = simpleLookup(source, region, [top, ...keys]);
        if (simple !== 'not simple') {
            if (simple)
                return simple;
            continue;
        }
        const documents = parseRegion(source, region, false);
        const contents = documents?.[0]?.contents;
        if (!(0,dist/* isMap */.jh)(contents))
            continue;
        const node = contents.getIn([top, ...keys], true);
        if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== 'string' || node.value === '' || !node.range)
            continue;
        const [start, end] = node.range;
        if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')
            return (0,guard_source/* slice */.di)(source, region.start + start + 1, region.start + end - 1);
        if (node.type === 'PLAIN')
            return (0,guard_source/* slice */.di)(source, region.start + start, region.start + end);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./lib/src/guard/yaml/hub-values.js




/** A line that may hold a key the parse reads an image from (superset: the key may sit anywhere in it). */
const IMAGE_KEY = /(?:image|repository|registry|uses)["']?[ \t]*:/g;
/** A key with nothing after it on its line: its value is the block below. */
const BLOCK_KEY = /^[ \t]*(?:-[ \t]+)?[^\s#][^#]*:[ \t]*(?:#.*)?\r?$/;
/** Indentation of the line starting at `start` (a `- ` item counts where its dash is). */
function hub_values_indentAt(source, start) {
    let at = start;
    while (source[at] === ' ')
        at++;
    return at - start;
}
/**
 * Where the lines matching IMAGE_KEY start, in order. A key whose value is the block below (`image:`
 * over `registry:`/`repository:` lines) stands for the first line of that block: the subtree read is
 * then the block under the key, not the whole block of its parent (a component with probes,
 * affinity, resources …).
 */
function imageKeyLineStarts(source) {
    const starts = [];
    for (const match of source.matchAll(IMAGE_KEY)) {
        const lineStart = source.lastIndexOf('\n', match.index) + 1;
        const newline = source.indexOf('\n', match.index);
        const lineEnd = newline < 0 ? source.length : newline;
        let start = lineStart;
        if (BLOCK_KEY.test(source.slice(lineStart, lineEnd))) {
            let next = lineEnd + 1;
            while (next < source.length) {
                const end = source.indexOf('\n', next);
                const line = source.slice(next, end < 0 ? source.length : end);
                if (!/^[ \t]*(#.*)?\r?$/.test(line))
                    break;
                next = end < 0 ? source.length : end + 1;
            }
            if (next < source.length && hub_values_indentAt(source, next) > hub_values_indentAt(source, lineStart))
                start = next;
        }
        if (starts[starts.length - 1] !== start)
            starts.push(start);
    }
    return starts.sort((a, b) => a - b);
}
/**
 * Helm values when the old registry is Docker Hub, where every host-less image is a reference and no
 * host search narrows the file: the same candidates as the whole parse, read from the subtrees
 * around the lines with an image key only (a 50 kB values file holds a handful of images; the parse
 * of everything else was most of guard's time). Undefined when only the whole parse can tell: several
 * documents, Helm template syntax (the whole parse drops a document that does not parse), a global
 * block written another way, or a subtree that does not parse alone.
 */
function hubValuesCandidates(source, file) {
    if (/^(---|\.\.\.)/m.test(source) || source.includes('{{'))
        return undefined;
    const tops = [...keyLineStarts(source, 'global:'), ...keyLineStarts(source, 'image:')].filter((start) => source[start] !== ' ' && source[start] !== '-' && source[start] !== '\t');
    const globalRegistry = helmGlobalRegistry(source, [], tops.sort((a, b) => a - b));
    if (globalRegistry === 'parse all')
        return undefined;
    const found = [];
    for (const region of regionsOf(source, [], [], imageKeyLineStarts(source))) {
        const part = simpleRegion(source, region, 'helm-image', globalRegistry) ??
            parsedCandidates(source, 'helm-values', file, region, { kind: 'helm-image', globalRegistry });
        if (!part)
            return undefined;
        found.push(...part);
    }
    return found;
}

;// CONCATENATED MODULE: ./lib/src/guard/yaml/plain-lines.js

const IMAGE_LINE = /^([ \t]*(?:-[ \t]+)?image:[ \t]*)(["']?)([^\s"'#]+)\2[ \t]*(?:#.*)?\r?$/;
/**
 * The fast path, equal in result to the parse: when every line naming the registry is a plain
 * `image: value` line, the candidates are those values, read from the lines; positions are the same
 * bytes the parser would report. Anything else (the split Helm form, workflow and action roles where
 * the key path matters, values spread over lines) goes to the full parse, which costs far more.
 */
function plainImageLines(source, role, names, lineStarts) {
    if (names.length === 0 || role === 'workflow' || role === 'action')
        return undefined;
    const kubernetes = role === 'yaml' && /^apiVersion:/m.test(source) && /^kind:/m.test(source);
    const kind = role === 'compose'
        ? 'compose-image'
        : role === 'helm-values'
            ? 'helm-image'
            : kubernetes
                ? 'kubernetes-image'
                : 'yaml-image';
    const candidates = [];
    for (const start of lineStarts) {
        const end = source.indexOf('\n', start);
        const line = source.slice(start, end < 0 ? source.length : end);
        const match = IMAGE_LINE.exec(line);
        if (!match)
            return undefined;
        const valueStart = start + match[1].length + match[2].length;
        const mapped = (0,guard_source/* slice */.di)(source, valueStart, valueStart + match[3].length);
        const expanded = (0,guard_source/* expand */.fT)(mapped);
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

;// CONCATENATED MODULE: ./lib/src/guard/yaml.js







/**
 * Finds image references in YAML by structure, with exact byte positions from the parser (no
 * re-serialisation, so a fix touches only the reference): `image:` strings (with Compose
 * interpolation), the split `registry`/`repository`/`tag`/`digest` form of Helm values, workflow
 * `container:` (string or object), `services`, `uses: docker://…`, and action `runs.image`.
 * Documents with syntax errors (Helm templates, say) are left to the plain-text pass.
 */
function yamlCandidates(source, role, names = [], file = '', env, lineStarts) {
    // Where the lines that name the registry (in any case) start: found once per file.
    const hostLines = names.length > 0 ? (lineStarts ?? hostLineStarts(source, names)) : [];
    // Compose `.env` values naming the registry: the lines using them do not name it; read it all.
    if (env && [...env.values()].some((value) => names.some((name) => value.text.toLowerCase().includes(name))))
        return parsedCandidates(source, role, file, { start: 0, end: source.length }, undefined, env) ?? [];
    // Docker Hub (no names to search for): Helm values are read around their image keys only.
    const hubValues = names.length === 0 && role === 'helm-values' ? hubValuesCandidates(source, file) : undefined;
    if (hubValues)
        return hubValues;
    const quick = plainImageLines(source, role, names, hostLines);
    if (quick)
        return quick;
    // Parse only the subtrees around the lines that name the registry (when the registry is named:
    // host-less Docker Hub references need the whole file): the parse costs far more than the search.
    // (Kustomize's images: entries are read by their path from the root.)
    const partial = names.length > 0 && role !== 'workflow' && role !== 'action' && !kustomization(file);
    const globalRegistry = partial && role === 'helm-values' ? helmGlobalRegistry(source, names, hostLines) : undefined;
    // A global block written another way (`global: { imageRegistry: … }`, an anchor, a comment on
    // its line) is not looked up line by line: the whole parse reads it.
    if (globalRegistry === 'parse all')
        return parsedCandidates(source, role, file, { start: 0, end: source.length }) ?? [];
    // Every image of the chart without a registry of its own inherits the global one: the blocks of
    // their `repository:` lines are read too.
    const inherited = globalRegistry !== undefined && names.some((name) => globalRegistry.text.toLowerCase() === name);
    const regions = partial
        ? regionsOf(source, names, inherited ? keyLineStarts(source, 'repository:') : undefined, hostLines)
        : [];
    if (regions.length > 0) {
        const found = [];
        for (const region of regions) {
            const kind = regionKind(source, region.start, role);
            const part = simpleRegion(source, region, kind, globalRegistry) ??
                parsedCandidates(source, role, file, region, { kind, globalRegistry });
            // A fragment the parser cannot read alone (an alias, a flow collection cut in two): read it all.
            if (!part)
                return parsedCandidates(source, role, file, { start: 0, end: source.length }) ?? [];
            found.push(...part);
        }
        return found;
    }
    return parsedCandidates(source, role, file, { start: 0, end: source.length }) ?? [];
}

;// CONCATENATED MODULE: ./lib/src/guard/detect.js







/** The role of a file from its path (relative, `/`-separated) and first bytes. */
function roleOf(file, source) {
    const base = file.slice(file.lastIndexOf('/') + 1);
    if (/^(Dockerfile|Containerfile)([._-].*)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base))
        return 'dockerfile';
    // Chart.yaml names charts and their repositories, never an image by key: the text pass reads it.
    if (base === 'Chart.yaml')
        return 'text';
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
/** Other tools whose command lines name images or OCI artifacts. */
const TOOL_COMMAND = /\b(?:oras|crane|skopeo|cosign|helm|regctl)\s+[a-z]/;
/**
 * Tool commands whose argument is a repository, not an image: they list or sync its tags, so a
 * reference there without a tag means every tag of it (not `latest`).
 */
const REPOSITORY_COMMAND = /\b(?:crane\s+ls|skopeo\s+(?:list-tags|sync)|oras\s+repo\s+(?:tags|ls)|regctl\s+(?:tag|repo)\s+ls)\b/;
/**
 * A login to a registry, right before its host: the step fails the day the registry goes away like
 * any pull, so the host is a registry prefix (`--fix` moves it to the new registry's login).
 */
const LOGIN_COMMAND = /\b(?:(?:docker|podman|nerdctl|buildah|oras|skopeo|cosign)\s+login|helm\s+registry\s+login|crane\s+auth\s+login|regctl\s+registry\s+login)\b[^\n;&|]*\s$/;
/** `${NAME:-`, `${NAME-`, `${NAME:=`, `${NAME=` right before a default value. */
const DEFAULT_OPENER = /\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=]$/;
/** A variable assignment a value follows: shell, Makefile, Dockerfile ARG/ENV, YAML `KEY:`. */
const ASSIGNMENT = /(?:^|[\s;])(?:export\s+|ARG\s+|ENV\s+|override\s+)?-?\s*["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*(?:\?=|:=|::=|\+=|=|:)\s*["']?$/;
/** Variable names that hold a registry or a path prefix rather than an image. */
const PREFIX_NAME = /(REGISTRY|REGISTRIES|PREFIX|HUB|NAMESPACE|(^|_)REPO$|REPOSITORY_BASE|(^|_)ORG$)/i;
/** Files that name packages, not images: a host-like path there is a module or package name. */
const PACKAGE_FILES = /(^|\/)(go\.(mod|sum|work|work\.sum)|Cargo\.(toml|lock)|(requirements|constraints)[\w.-]*\.txt|Pipfile(\.lock)?|poetry\.lock|package-lock\.json|yarn\.lock|pnpm-lock\.yaml|composer\.(json|lock)|Gemfile(\.lock)?)$/;
/** Names of files that can hold an image reference by their grammar (read even without the host in them). */
const IMAGE_FILE_NAMES = /(^|\/)((Dockerfile|Containerfile)([._-][^/]*)?|[^/]*\.(dockerfile|containerfile|ya?ml|sh|bash|zsh|ksh|mk)|GNUmakefile|Makefile|makefile)$/i;
/**
 * Every reference to the old registry in one file (decoded latin1, so indexes are byte offsets):
 * first what the file's grammar understands (Dockerfile, YAML, container command lines), then any
 * other place the host is written (any case) followed by a path — shell `docker pull/run/tag/push`,
 * `FROM` in heredocs, variable defaults and assignments, plain text. Package manifests (go.mod,
 * go.sum, Cargo.toml, requirements.txt …), Go import lines and package.json dependencies name
 * packages, not images, and are left alone.
 */
function findReferences(file, source, hosts, env, found) {
    if (PACKAGE_FILES.test(file))
        return [];
    const role = roleOf(file, source);
    const hub = (0,guard_finding/* oldIsDockerHub */.pG)(hosts);
    // Hosts compare case-insensitively: their names are searched once, in the lower-cased file (or
    // given: the reader thread that found the file found them).
    const names = (0,guard_finding/* spellings */.cl)(hosts);
    const moved = new Set((0,guard_finding/* movedRepositoryPrefixes */.Cq)(hosts));
    const occurrences = found ?? occurrencesOf(source, moved.size ? [...names, ...moved] : names);
    const structured = role === 'dockerfile'
        ? dockerfileCandidates(source)
        : role === 'text' || role === 'shell' || (hub && !mayHoldDockerHubImage(file, source))
            ? []
            : yamlCandidates(source, role, hub ? [] : names, file, role === 'compose' ? env : undefined, hub
                ? []
                : [...new Set(occurrences.map(([at]) => source.lastIndexOf('\n', at) + 1))].sort((a, b) => a - b));
    // Host-less images on command lines matter only when they mean the old registry.
    if (hub && (role === 'shell' || role === 'workflow' || role === 'dockerfile'))
        structured.push(...commandCandidates(source));
    const findings = [];
    const covered = new Set();
    for (const candidate of structured) {
        // A command line in a Dockerfile RUN or a workflow step may be seen by two grammars.
        if (covered.has(candidate.at))
            continue;
        const finding = (0,guard_finding/* resolveCandidate */.Si)(candidate, hosts, file);
        if (!finding)
            continue;
        findings.push(finding);
        for (const edit of finding.edits)
            covered.add(edit.start);
        covered.add(candidate.at);
        const hostAt = candidate.value.offsets[/^docker:\/\//i.test(candidate.value.text) ? 9 : 0];
        if (hostAt !== undefined && hostAt >= 0)
            covered.add(hostAt);
    }
    const excluded = excludedLines(file, source);
    const markdown = /\.(md|markdown)$/i.test(file) ? fencedLines(source) : undefined;
    for (const [at, name] of occurrences) {
        if (covered.has(at) || excluded(at))
            continue;
        const candidate = moved.has(name)
            ? movedRepositoryCandidate(source, at, role)
            : textCandidate(file, source, at, name, role);
        const finding = (candidate && (0,guard_finding/* resolveCandidate */.Si)(candidate, hosts, file)) ??
            webLink(file, source, at, hosts) ??
            compatLiteral(file, source, at, name, hosts);
        if (!finding)
            continue;
        for (const edit of finding.edits)
            covered.add(edit.start);
        const prose = markdown !== undefined && finding.kind === 'text' && !markdown(at);
        findings.push(prose ? { ...finding, prose } : finding);
    }
    return findings.sort((a, b) => a.offset - b.offset);
}
/**
 * A link to the old registry's web pages (`https://quay.io/organization/x`): nothing pulls it, and the
 * new registry's pages live elsewhere, so it is reported for a person to point it at them.
 */
function webLink(file, source, at, hosts) {
    const scheme = /https?:\/\/$/i.exec(source.slice(Math.max(0, at - 8), at));
    if (!scheme)
        return undefined;
    const start = at - scheme[0].length;
    const url = /^[^\s)\]>"'`|]+/.exec(source.slice(start))[0];
    // The registry's API (`/v2/…`) is no web page: left to the rules for references, as before.
    if (/^https?:\/\/[^/]+\/v2(\/|$)/i.test(url))
        return undefined;
    return {
        file,
        offset: start,
        reference: url,
        normalized: url,
        kind: 'text',
        replacement: '',
        image: { registry: hosts.old, repository: '' },
        partial: true,
        dynamic: true,
        edits: [],
        unfixable: "a link to the old registry's web pages",
        review: {
            category: 'link',
            reason: "a link to the old registry's web pages: point it at the new registry's page by hand",
        },
    };
}
/** Where each of `names` (lower case) occurs in `source`, in any case, not overlapping: name by name. */
function occurrencesOf(source, names) {
    const lower = source.toLowerCase();
    const occurrences = [];
    for (const name of names)
        for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length))
            occurrences.push([at, name]);
    return occurrences;
}
/** An image key and the value written on its line (empty when the value is nested below). */
const IMAGE_KEY_LINE = /(?:^|[\s{,-])(?:image|repository|container|uses|newName)\s*:[ \t]*["']?([^\s"',}#\]]*)/gm;
/** A bare `{{ … }}` filling the rest of a line (then a comment at most). */
const TEMPLATE_VALUE = /^\{\{[^\n]*\}\}[ \t]*(?:#[^\n]*)?\r?$/;
/**
 * The cheap line scan before a YAML parse when the old registry is Docker Hub: only a file with an
 * image key whose value has no registry host (or one of Docker Hub's names, or a variable) can hold
 * a Docker Hub reference by structure; the others are left to the text pass. Kustomize files (whose
 * `name:` keys hold images) are always parsed.
 */
function mayHoldDockerHubImage(file, source) {
    if (/(^|\/)kustomization\.ya?ml$/i.test(file))
        return true;
    for (const match of source.matchAll(IMAGE_KEY_LINE)) {
        const value = match[1].replace(/^docker:\/\//i, '');
        if (value === '')
            continue;
        // A Helm template expression written bare (`image: {{ include … }}`) is a flow mapping to the
        // parser, whose key is a mapping: never an image string (templates/ of every chart).
        const valueStart = match.index + match[0].length - match[1].length;
        if (value.startsWith('{{') &&
            TEMPLATE_VALUE.test(source.slice(valueStart, source.indexOf('\n', valueStart) >>> 0)))
            continue;
        if (value.includes('$') || value.includes('{{'))
            return true;
        const slash = value.indexOf('/');
        const first = slash < 0 ? '' : value.slice(0, slash);
        if (slash < 0 || (!/[.:]/.test(first) && first !== 'localhost'))
            return true;
        if (guard_finding/* DOCKER_HUB_NAMES */.w4.includes(first.toLowerCase()))
            return true;
    }
    return false;
}
/** The reference-shaped word at a host occurrence, if the host is a whole host there. */
function textCandidate(file, source, at, name, role) {
    const before = source[at - 1];
    const lineStart = source.lastIndexOf('\n', at - 1) + 1;
    const opener = DEFAULT_OPENER.exec(source.slice(Math.max(lineStart, at - 80), at));
    const start = opener ? at - opener[0].length : at;
    if (!opener) {
        if (before !== undefined && HOST_CHAR.test(before))
            return undefined;
        if (before === '/' && source[at - 2] !== '/')
            return undefined;
        if (/https?:\/\/$/i.test(source.slice(Math.max(0, at - 8), at)))
            return undefined;
    }
    let end = wordEnd(source, start);
    while (end > at && /[.:@/-]/.test(source[end - 1]))
        end--;
    const written = (0,guard_source/* slice */.di)(source, start, end);
    const expanded = (0,guard_source/* expand */.fT)(written);
    const hostEnd = at + name.length;
    const lineBefore = source.slice(lineStart, start);
    const variable = ASSIGNMENT.exec(lineBefore)?.[1];
    const oci = /oci:\/\/$/i.test(source.slice(Math.max(0, at - 6), at));
    // A chart repository (Chart.yaml/Chart.lock `repository:`, `helm push … oci://…`) is a prefix: the
    // chart's name is appended to it.
    const chartRepository = oci && (/(^|\/)Chart\.(ya?ml|lock)$/.test(file) || /\bhelm\s+push\b/.test(source.slice(lineStart, at)));
    const login = lineBefore.includes('login') && LOGIN_COMMAND.test(lineBefore);
    // A host alone where a key, flag, variable or constant names a registry: a registry setting.
    const setting = !opener &&
        !oci &&
        !login &&
        hostAlone(source, hostEnd) &&
        namesRegistry(settingName(source, lineStart, start) ?? '');
    const prefix = (chartRepository ||
        login ||
        setting ||
        (variable !== undefined && PREFIX_NAME.test(variable) && !/image/i.test(variable))) &&
        !expanded.partial &&
        !/[:@]/.test(source.slice(hostEnd, end));
    if (!prefix && source[hostEnd] !== '/' && !(opener && expanded.value.text.includes('/')))
        return undefined;
    const { kind, command } = oci ? { kind: 'helm-chart', command: '' } : lineKind(source, at, role);
    return {
        kind,
        ...(kind === 'shell-tool' && REPOSITORY_COMMAND.test(command) && { repository: true }),
        at: start,
        written: written.text,
        value: expanded.value,
        partial: expanded.partial,
        ...(prefix && { prefix }),
        ...(prefix && !login && !chartRepository && hostAlone(source, hostEnd) && { setting: true }),
    };
}
/**
 * A Docker Hub repository the paths mapping moves, written without a host (`rootlesscontainers/usernetes`
 * as a script's argument or in a code span): an image, when it starts a word.
 */
function movedRepositoryCandidate(source, at, role) {
    if (at > 0 && /[A-Za-z0-9._\-/:@$]/.test(source[at - 1]))
        return undefined;
    let end = wordEnd(source, at);
    while (end > at && /[.:@/-]/.test(source[end - 1]))
        end--;
    const written = (0,guard_source/* slice */.di)(source, at, end);
    const expanded = (0,guard_source/* expand */.fT)(written);
    return {
        kind: lineKind(source, at, role).kind,
        at,
        written: written.text,
        value: expanded.value,
        partial: expanded.partial,
        certain: true,
    };
}
/** Where a reference-shaped word ends: reference characters and variable forms (`$X`, `${X}`, `$(X)`, `{{ x }}`). */
function wordEnd(source, start) {
    let end = start;
    while (end < source.length) {
        const char = source[end];
        if (REFERENCE_CHAR.test(char)) {
            end++;
            continue;
        }
        const next = source[end + 1];
        if (char === '$' && (next === '{' || next === '(')) {
            const close = source.indexOf(next === '{' ? '}' : ')', end + 2);
            if (close < 0 || source.slice(end, close).includes('\n'))
                break;
            end = close + 1;
        }
        else if (char === '$' && next !== undefined && /[A-Za-z_]/.test(next)) {
            end += 2;
            while (end < source.length && /\w/.test(source[end]))
                end++;
        }
        else if (char === '{' && next === '{') {
            const close = source.indexOf('}}', end + 2);
            if (close < 0 || source.slice(end, close).includes('\n'))
                break;
            end = close + 2;
        }
        else
            break;
    }
    return end;
}
/**
 * Shell commands and heredoc `FROM` lines get their own kind; anything else is text. With the
 * command's text before the reference (continued lines joined).
 */
function lineKind(source, at, role) {
    let lineStart = source.lastIndexOf('\n', at - 1) + 1;
    const line = source.slice(lineStart, at);
    if (/^\s*FROM\s+(--\S+\s+)*$/i.test(line) && role !== 'dockerfile')
        return { kind: 'heredoc-from', command: line };
    // A command may start on an earlier line continued with a backslash.
    let command = line;
    for (let back = 0; back < 5; back++) {
        if (DOCKER_COMMAND.test(command))
            return { kind: 'shell-docker', command };
        if (TOOL_COMMAND.test(command))
            return { kind: 'shell-tool', command };
        if (lineStart === 0)
            break;
        const previousEnd = lineStart - 1;
        const previousStart = source.lastIndexOf('\n', previousEnd - 1) + 1;
        const previous = source.slice(previousStart, previousEnd).replace(/\r$/, '');
        if (!previous.endsWith('\\'))
            break;
        command = previous + command;
        lineStart = previousStart;
    }
    return { kind: 'text', command };
}
/**
 * Byte offsets that name packages rather than images: Go import lines (and import blocks), the
 * dependency sections of package.json.
 */
function excludedLines(file, source) {
    const ranges = [];
    if (/\.go$/.test(file)) {
        for (const match of source.matchAll(/^import\s*\([^)]*\)|^import\s+(?:[\w.]+\s+)?"[^"\n]*"/gm))
            ranges.push([match.index, match.index + match[0].length]);
    }
    else if (/(^|\/)package\.json$/.test(file)) {
        for (const match of source.matchAll(/"(?:dev|peer|optional|bundle|bundled)?[dD]ependencies"\s*:\s*\{[^}]*\}/g))
            ranges.push([match.index, match.index + match[0].length]);
    }
    return (at) => ranges.some(([start, end]) => at >= start && at < end);
}
/** For Markdown: whether an offset is inside a fenced code block or an inline code span (not prose). */
function fencedLines(source) {
    const ranges = [];
    for (const match of source.matchAll(/^( {0,3})(```+|~~~+)[^\n]*\n[\s\S]*?(?:^\1?\2[ \t]*$|(?![\s\S]))/gm))
        ranges.push([match.index, match.index + match[0].length]);
    for (const match of source.matchAll(/`[^`\n]+`/g))
        ranges.push([match.index, match.index + match[0].length]);
    return (at) => ranges.some(([start, end]) => at >= start && at < end);
}

// EXTERNAL MODULE: ./lib/src/guard/files.js
var files = __webpack_require__(13103);
;// CONCATENATED MODULE: ./lib/src/guard/positions.js
/**
 * Line and column of byte offsets in a file held as latin1 text, given in increasing order (the
 * findings of a file, sorted): the lines are counted once up to the last offset, and no index of
 * every line is built — a large file names the registry on few of its lines. An offset before the
 * previous one starts over. Columns count characters, so a UTF-8 sequence counts once
 * (continuation bytes 0x80–0xBF are skipped), as editors and GitHub do.
 */
class LinePositions {
    source;
    /** The line reached (1-based), where it starts, and where its line break is (-1: none). */
    line = 1;
    start = 0;
    end;
    constructor(source) {
        this.source = source;
        this.end = source.indexOf('\n');
    }
    /** 1-based line and column of a byte offset. */
    position(offset) {
        if (offset < this.start) {
            this.line = 1;
            this.start = 0;
            this.end = this.source.indexOf('\n');
        }
        while (this.end >= 0 && this.end < offset) {
            this.line++;
            this.start = this.end + 1;
            this.end = this.source.indexOf('\n', this.start);
        }
        let column = 1;
        for (let at = this.start; at < offset; at++) {
            const code = this.source.charCodeAt(at);
            if (code < 0x80 || code > 0xbf)
                column++;
        }
        return { line: this.line, column };
    }
    /** The text of a 1-based line at or above the line reached, without its line break. */
    lineText(line) {
        if (line < 1 || line > this.line)
            return '';
        let start = this.start;
        let end = this.end < 0 ? this.source.length : this.end;
        for (let at = this.line; at > line; at--) {
            end = start - 1;
            start = start < 2 ? 0 : this.source.lastIndexOf('\n', start - 2) + 1;
        }
        return this.source.slice(start, end).replace(/\r$/, '');
    }
}
/** The comment that silences a finding on its line (or the line below a comment line). */
const IGNORE_MARK = 'cutover: ignore';
/**
 * True when a finding's line carries `cutover: ignore`, or the line above is a comment carrying it
 * (`#`, `//`, `--`, `;`, `<!--`, `/*`), so a whole-line comment can silence the next line.
 */
function ignoredInline(lines, line) {
    if (lines.lineText(line).includes(IGNORE_MARK))
        return true;
    if (line < 2)
        return false;
    const above = lines.lineText(line - 1).trim();
    return /^(#|\/\/|--|;|<!--|\/\*|\*)/.test(above) && above.includes(IGNORE_MARK);
}

// EXTERNAL MODULE: ./lib/src/guard/readers.js + 1 modules
var readers = __webpack_require__(61358);
;// CONCATENATED MODULE: ./lib/src/guard/scan.js









const BATCH = 256;
/**
 * The first batch is smaller, and each next one twice as large up to BATCH: the main thread, which
 * parses the hits, starts on the first ones sooner instead of waiting for a full batch to be read.
 */
const FIRST_BATCH = 16;
/** Bytes of hits a thread sends back with one batch (more are read here again): bounds the memory in flight. */
const CONTENTS_PER_BATCH = 1024 * 1024;
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
    // Compose reads `.env` beside the compose file: a `.env` naming the registry brings its compose
    // files in, and their `${VAR}` references are reported on the compose lines that use them.
    const composeByDir = new Map();
    const inspected = new Set();
    const envFiles = new Map();
    const siblingEnv = (file) => {
        const dir = file.slice(0, file.lastIndexOf('/') + 1);
        if (!envFiles.has(dir)) {
            let text;
            try {
                text = (0,external_node_fs_.readFileSync)((0,files/* treePath */.ON)(options.root, `${dir}.env`), 'latin1');
            }
            catch {
                text = undefined;
            }
            envFiles.set(dir, text === undefined ? undefined : dotenvVariables(text));
        }
        return envFiles.get(dir);
    };
    const inspect = (file, read, matches, utf8, size) => {
        if (inspected.has(file))
            return;
        inspected.add(file);
        let bytes;
        try {
            bytes = read
                ? Buffer.from(read.buffer, read.byteOffset, read.byteLength)
                : (0,external_node_fs_.readFileSync)((0,files/* treePath */.ON)(options.root, file));
        }
        catch (error) {
            skip(file, 'unreadable', error.message);
            return;
        }
        stats.parsed++;
        // What the thread found holds for the bytes read here again unless the file changed meanwhile
        // (then it is searched and checked again here).
        const unchanged = read !== undefined || (size === bytes.length && sameMatches(bytes, needles, matches));
        const found = unchanged ? matches : undefined;
        if (!(unchanged && utf8 !== undefined ? utf8 : (0,external_node_buffer_.isUtf8)(bytes))) {
            stats.invalidUtf8++;
            note(file, 'invalid UTF-8', 'searched byte by byte; columns count bytes after the first invalid one');
        }
        const env = COMPOSE_FILE.test(file) ? siblingEnv(file) : undefined;
        // The thread found the registry's names already: where, in the order of the needles sent.
        const occurrences = found && needles.flatMap((name, index) => found[index].map((at) => [at, name]));
        findings.push(...locate(file, bytes.toString('latin1'), options.hosts, env, occurrences));
    };
    const needles = [...(0,guard_finding/* spellings */.cl)(options.hosts), ...(0,guard_finding/* movedRepositoryPrefixes */.Cq)(options.hosts)];
    const pool = options.readers ?? (0,readers/* startReaders */.Z)(options.threads);
    pool.configure({
        // Relative to the working directory when below it: the kernel resolves shorter paths faster.
        root: external_node_path_.relative(process.cwd(), options.root) || '.',
        // Hosts compare case-insensitively: the threads' byte search folds ASCII case.
        needles,
        maxSize: options.maxFileSize,
        // The hits come back with their bytes: parsed here without a second open and read.
        contents: CONTENTS_PER_BATCH,
        // Docker Hub references need no host: every file that can hold an image by its grammar is read.
        ...((0,guard_finding/* oldIsDockerHub */.pG)(options.hosts) && { always: IMAGE_FILE_NAMES.source }),
    });
    const settle = (result) => {
        stats.scanned += result.scanned;
        stats.bytes += result.bytes;
        for (const [given, outcome, detail, bytes, matches, utf8, size] of result.verdicts) {
            const file = typeof given === 'string' ? given : (0,files/* displayName */.QC)(Buffer.from(given));
            if (outcome === 'hit')
                inspect(file, bytes, matches, utf8, size);
            else
                skip(file, outcome, detail);
        }
        options.onProgress?.(stats);
    };
    try {
        let batch = [];
        let batchSize = FIRST_BATCH;
        const pending = [];
        for await (const listedBatch of (0,files/* listFiles */.CS)(options.root)) {
            for (const listed of listedBatch) {
                if ('skipped' in listed) {
                    stats.files++;
                    skip(listed.skipped, listed.reason, listed.detail);
                    continue;
                }
                if (options.exclude?.has(listed.file))
                    continue;
                stats.files++;
                if (COMPOSE_FILE.test(listed.file)) {
                    const dir = listed.file.slice(0, listed.file.lastIndexOf('/') + 1);
                    composeByDir.set(dir, [...(composeByDir.get(dir) ?? []), listed.file]);
                }
                // A name that is not plain UTF-8 goes to the thread as its bytes.
                batch.push((0,files/* isEscaped */.un)(listed.file) ? (0,files/* nameBytes */.dw)(listed.file) : listed.file);
                if (batch.length >= batchSize) {
                    batchSize = Math.min(BATCH, batchSize * 2);
                    const { result } = await pool.send(batch);
                    pending.push(result.then(settle));
                    batch = [];
                }
            }
        }
        if (batch.length)
            pending.push((await pool.send(batch)).result.then(settle));
        await Promise.all(pending);
        for (const file of [...inspected].filter((name) => /(^|\/)\.env$/.test(name)))
            for (const compose of composeByDir.get(file.slice(0, -'.env'.length)) ?? [])
                inspect(compose);
    }
    finally {
        if (!options.readers)
            await pool.close();
    }
    findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.offset - b.offset));
    return { findings, stats, notes };
}
/** True when every needle is still where the thread found it in bytes read again. */
function sameMatches(bytes, needles, matches) {
    return (matches !== undefined &&
        needles.every((needle, index) => matches[index].every((at) => bytes.toString('latin1', at, at + needle.length).toLowerCase() === needle)));
}
const COMPOSE_FILE = /(^|\/)(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i;
/**
 * The variables of a Compose `.env` file (`NAME=value`, `export` and quotes allowed, comments
 * skipped). Their characters are mapped nowhere (-1): a reference using one is fixed in `.env`.
 */
function dotenvVariables(text) {
    const variables = new Map();
    for (const line of text.split('\n')) {
        const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^#\r]*?))\s*(?:#.*)?\r?$/.exec(line);
        if (!match)
            continue;
        const value = match[2] ?? match[3] ?? match[4] ?? '';
        variables.set(match[1], { text: value, offsets: Array(value.length).fill(-1) });
    }
    return variables;
}
function locate(file, source, hosts, env, occurrences) {
    const found = reviewFindings(file, source, hosts, findReferences(file, source, hosts, env, occurrences));
    if (found.length === 0)
        return [];
    // The findings come sorted by offset: their lines are counted in one pass up to the last one,
    // with no index of every line of a large file that names the registry on a few.
    const lines = new LinePositions(source);
    // The findings are this function's own: completed in place, then copied once. Their strings are
    // slices of the file's text, which keep the whole text alive: with Docker Hub, every values file
    // of a chart collection (26 MB) until the report. The copy holds only their own characters.
    return found.map((finding) => {
        const located = finding;
        const { line, column } = lines.position(finding.offset);
        located.line = line;
        located.column = column;
        if (ignoredInline(lines, line))
            located.ignored = 'inline';
        return structuredClone(located);
    });
}


/***/ }),

/***/ 93423:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ trim),
/* harmony export */   Um: () => (/* binding */ contiguousRange),
/* harmony export */   _n: () => (/* binding */ unquote),
/* harmony export */   di: () => (/* binding */ slice),
/* harmony export */   fT: () => (/* binding */ expand),
/* harmony export */   jb: () => (/* binding */ sub),
/* harmony export */   xW: () => (/* binding */ concat)
/* harmony export */ });
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
    let text = '';
    for (const part of parts) {
        length += part.offsets.length;
        text += part.text;
    }
    const offsets = new Array(length);
    let at = 0;
    for (const part of parts)
        for (const offset of part.offsets)
            offsets[at++] = offset;
    return { text, offsets };
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
    // Nothing to expand (the commonest case): the text itself (mapped texts are never changed in place).
    if (!text.includes('$'))
        return { value: mapped, partial: false };
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


/***/ }),

/***/ 65147:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ displayName)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);

/**
 * The name to show (and, in guard, to keep) for a path given as bytes: the UTF-8 text when the bytes are valid UTF-8 and
 * hold no backslash; otherwise an escaped form in which `\\` is a backslash and `\xHH` a byte that is
 * not printable ASCII (`dir/caf\xe9.txt`). The escaping is reversible (see nameBytes), so guard also
 * finds the file again by it (src/guard/files.ts nameBytes).
 */
function displayName(raw) {
    if (!raw.includes(0x5c) && (0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(raw))
        return raw.toString('utf8');
    if ((0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(raw))
        return raw.toString('utf8').replaceAll('\\', '\\\\');
    let name = '';
    for (const byte of raw)
        name +=
            byte === 0x5c
                ? '\\\\'
                : byte >= 0x20 && byte < 0x7f
                    ? String.fromCharCode(byte)
                    : `\\x${byte.toString(16).padStart(2, '0')}`;
    return name;
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
    lastLine;
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
        this.show(this.format((now - this.started) / 1000));
    }
    /** Prints the final line, unless the last line printed said exactly the same (a run shorter than a tick). */
    done() {
        this.show(this.format((Date.now() - this.started) / 1000));
    }
    show(line) {
        if (line === this.lastLine)
            return;
        this.lastLine = line;
        this.print(line);
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
//# sourceMappingURL=307.index.cjs.js.map
