"use strict";
exports.id = 328;
exports.ids = [328];
exports.modules = {

/***/ 75873:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ defineCommand)
/* harmony export */ });
/** Declares a command with its option types inferred from its option definitions. */
function defineCommand(command) {
    return command;
}


/***/ }),

/***/ 50248:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LB: () => (/* binding */ readRefsFile),
/* harmony export */   eA: () => (/* binding */ writeRefsFile),
/* harmony export */   hV: () => (/* binding */ buildRefsFile)
/* harmony export */ });
/* unused harmony exports REFS_FILE_VERSION, parseRefsFile */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83460);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77126);
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
 * repository path prefixes of references built from variables (`old/$PROJECT/app`) and of registry
 * prefixes (`REGISTRY ?= old/staging`): every repository under one may be used (`""` = all of them).
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
        registry: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeHost */ .cS)(registry),
        references: sorted,
        ...(uniquePrefixes.length > 0 && { prefixes: uniquePrefixes }),
    };
}
/** Writes the file (for `guard --export-refs`). */
async function writeRefsFile(file, registry, references, prefixes = []) {
    const document = buildRefsFile(registry, references, prefixes);
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
        if (!['version', 'registry', 'references', 'prefixes'].includes(key))
            problem(key, 'unknown key (expected version, registry, references, prefixes)');
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
    const prefixes = document['prefixes'];
    if (prefixes !== undefined &&
        (!Array.isArray(prefixes) ||
            !prefixes.every((prefix) => typeof prefix === 'string' && (prefix === '' || (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidRepositoryPath */ .M0)(prefix)))))
        problem('prefixes', `expected a list of repository path prefixes, found ${JSON.stringify(prefixes)}`);
    if (problems.length > 0)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(problems);
    return {
        version: REFS_FILE_VERSION,
        registry: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeHost */ .cS)(registry),
        references: parsed,
        ...(Array.isArray(prefixes) && prefixes.length > 0 && { prefixes: prefixes }),
    };
}
function lineAndColumn(text, position) {
    const before = text.slice(0, position).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}


/***/ }),

/***/ 5823:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ selectImages),
/* harmony export */   YC: () => (/* binding */ createdOf)
/* harmony export */ });
/* unused harmony exports ARTIFACT_TAG, referencedImages, tagMatcher */
/* harmony import */ var _shared_limiter_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17903);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70636);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86626);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83460);
/* harmony import */ var _manifest_paths_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(31959);
/* harmony import */ var _oci_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11103);
/* harmony import */ var _oci_media_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22939);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77126);
/**
 * Which old tags copy-tags copies: the manifest's `copy:` rules, OR-combined. Inside one rule every
 * condition given must hold (repository globs, tag globs with `!` excludes, a semver range,
 * `referenced`), then `newest: N` keeps the N most recently created of what is left.
 */








/** Cosign's tag scheme for signatures, attestations and SBOMs attached to a digest. */
const ARTIFACT_TAG = /^sha256-([a-f0-9]{64})\.(sig|att|sbom)$/;
/**
 * Applies the manifest's copy rules to the old registry.
 * @throws ConfigError when a references file names another registry
 */
async function selectImages(options) {
    const { manifest, source } = options;
    const old = manifest.registries.old;
    const warnings = [];
    const only = options.only ? picomatch__WEBPACK_IMPORTED_MODULE_5__(options.only) : () => true;
    const referenced = referencedImages(manifest, options.refsFiles).filter((ref) => only(ref.repository));
    const rules = manifest.copy;
    // Repositories: the catalog when the registry serves it, else every name the manifest knows.
    let repositories;
    if (rules.some((rule) => rule.images !== undefined)) {
        try {
            repositories = await source.listRepositories();
        }
        catch (error) {
            if (!(error instanceof _oci_http_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl) || ![401, 403, 404, 405].includes(error.status))
                throw error;
            repositories = [
                ...new Set([
                    ...manifest.repos.flatMap((repo) => [...repo.produces, ...repo.consumes.map((c) => c.repository)]),
                    ...referenced.map((ref) => ref.repository),
                ]),
            ].sort();
            warnings.push(`${old.host} does not list its repositories (HTTP ${error.status}); matched the copy rules against the ${repositories.length} repositories the manifest and references name`);
        }
    }
    else
        repositories = [];
    repositories = repositories.filter((repo) => only(repo));
    const wantedRepos = new Set();
    for (const rule of rules) {
        const matches = rule.images ? picomatch__WEBPACK_IMPORTED_MODULE_5__(rule.images) : () => true;
        for (const repo of repositories)
            if (rule.images && matches(repo))
                wantedRepos.add(repo);
        if (rule.referenced)
            for (const ref of referenced)
                if (matches(ref.repository))
                    wantedRepos.add(ref.repository);
    }
    const tagLists = new Map();
    await (0,_shared_limiter_js__WEBPACK_IMPORTED_MODULE_6__/* .forEachLimited */ .vP)([...wantedRepos].sort(), options.concurrency ?? 8, async (repo) => {
        tagLists.set(repo, await source.listTags(repo));
    });
    const chosen = new Map();
    const choose = (repository, reference, reason) => {
        const key = `${repository}\n${reference}`;
        const entry = chosen.get(key);
        if (entry) {
            if (!entry.reasons.includes(reason))
                entry.reasons.push(reason);
            return;
        }
        chosen.set(key, {
            sourceRepository: repository,
            reference,
            targetRepository: (0,_manifest_paths_js__WEBPACK_IMPORTED_MODULE_7__/* .mapRepository */ .T)(repository, manifest.paths),
            reasons: [reason],
        });
    };
    const missing = new Map();
    for (const [index, rule] of rules.entries()) {
        const reason = `copy[${index}]`;
        const repoMatches = rule.images ? picomatch__WEBPACK_IMPORTED_MODULE_5__(rule.images) : () => true;
        const tagFilter = tagMatcher(rule.tags);
        const range = rule.semver;
        const repos = [...wantedRepos].filter((repo) => rule.images ? repoMatches(repo) : referenced.some((ref) => ref.repository === repo));
        for (const repo of repos.sort()) {
            const tags = tagLists.get(repo) ?? [];
            const present = new Set(tags);
            let candidates = tags.filter((tag) => !ARTIFACT_TAG.test(tag) && tagFilter(tag));
            if (range !== undefined)
                candidates = candidates.filter((tag) => satisfies(tag, range));
            if (rule.referenced) {
                const pinned = referenced.filter((ref) => ref.repository === repo);
                const pinnedTags = new Set(pinned.filter((ref) => !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH)(ref.reference)).map((r) => r.reference));
                candidates = candidates.filter((tag) => pinnedTags.has(tag));
                for (const ref of pinned) {
                    const byDigest = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH)(ref.reference);
                    if (!byDigest &&
                        !(tagFilter(ref.reference) && (range === undefined || satisfies(ref.reference, range))))
                        continue;
                    if (!byDigest && !present.has(ref.reference)) {
                        missing.set(`${repo}:${ref.reference}`, {
                            repository: repo,
                            reference: ref.reference,
                            referencedBy: ref.by,
                        });
                        continue;
                    }
                    if (byDigest) {
                        if ((await source.headManifest(repo, ref.reference)) === undefined) {
                            missing.set(`${repo}@${ref.reference}`, {
                                repository: repo,
                                reference: ref.reference,
                                referencedBy: ref.by,
                            });
                            continue;
                        }
                        choose(repo, ref.reference, `${reason} (referenced)`);
                    }
                }
            }
            if (rule.newest !== undefined)
                candidates = await newest(source, repo, candidates, rule.newest, options.concurrency ?? 8);
            for (const tag of candidates)
                choose(repo, tag, rule.referenced ? `${reason} (referenced)` : reason);
        }
    }
    // Signatures, attestations and SBOMs travel with what they describe: cosign's tags, and OCI
    // referrers where the registry serves the referrers API (probed once, then trusted).
    const images = [...chosen.values()];
    let referrersServed;
    await (0,_shared_limiter_js__WEBPACK_IMPORTED_MODULE_6__/* .forEachLimited */ .vP)(images.slice(), options.concurrency ?? 8, async (image) => {
        const tags = tagLists.get(image.sourceRepository) ?? [];
        const artifacts = tags.filter((tag) => ARTIFACT_TAG.test(tag));
        if (artifacts.length === 0 && referrersServed === false)
            return;
        const byDigest = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH)(image.reference);
        const digest = byDigest
            ? image.reference
            : (await source.headManifest(image.sourceRepository, image.reference))?.digest;
        if (!digest)
            return;
        const subject = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .formatRepositoryReference */ .$)({
            repository: image.sourceRepository,
            ...(byDigest ? { digest } : { tag: image.reference }),
        });
        const prefix = `sha256-${digest.slice('sha256:'.length)}.`;
        for (const tag of artifacts.filter((t) => t.startsWith(prefix)))
            choose(image.sourceRepository, tag, `signature of ${subject}`);
        if (referrersServed === false)
            return;
        const referrers = await source.listReferrers(image.sourceRepository, digest);
        if (referrers === undefined) {
            referrersServed = false;
            return;
        }
        referrersServed = true;
        for (const referrer of referrers)
            choose(image.sourceRepository, referrer.digest, `referrer of ${subject}`);
    });
    return {
        images: [...chosen.values()].sort((a, b) => a.sourceRepository === b.sourceRepository
            ? compareTags(a.reference, b.reference)
            : a.sourceRepository < b.sourceRepository
                ? -1
                : 1),
        missing: [...missing.values()],
        repositories: [...wantedRepos].sort(),
        warnings,
    };
}
/** Every reference pinned in repos.*.consumes (with a tag or digest) and in the references files. */
function referencedImages(manifest, refsFiles) {
    const old = manifest.registries.old;
    const byKey = new Map();
    const add = (ref, by) => {
        const reference = ref.digest ?? ref.tag ?? 'latest';
        const key = `${ref.repository}\n${reference}`;
        const entry = byKey.get(key) ?? { repository: ref.repository, reference, by: [] };
        if (!entry.by.includes(by))
            entry.by.push(by);
        byKey.set(key, entry);
    };
    for (const repo of manifest.repos) {
        for (const consumed of repo.consumes) {
            if (consumed.tag === undefined && consumed.digest === undefined)
                continue;
            add(consumed, repo.name);
        }
    }
    for (const { file, refs } of refsFiles) {
        if (refs.registry !== old.host && !old.aliases.includes(refs.registry)) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL([
                {
                    file,
                    path: 'registry',
                    message: `the references are for ${refs.registry}, but the manifest's old registry is ${old.host}${old.aliases.length ? ` (aliases ${old.aliases.join(', ')})` : ''}`,
                },
            ]);
        }
        for (const ref of refs.references)
            add(ref, file);
    }
    return [...byKey.values()];
}
/** A tag predicate from include globs and `!`-prefixed exclude globs; no include means all. */
function tagMatcher(globs) {
    if (!globs || globs.length === 0)
        return () => true;
    const include = globs.filter((glob) => !glob.startsWith('!'));
    const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
    const included = include.length > 0 ? picomatch__WEBPACK_IMPORTED_MODULE_5__(include, { dot: true }) : () => true;
    const excluded = exclude.length > 0 ? picomatch__WEBPACK_IMPORTED_MODULE_5__(exclude, { dot: true }) : () => false;
    return (tag) => included(tag) && !excluded(tag);
}
function satisfies(tag, range) {
    const version = semver__WEBPACK_IMPORTED_MODULE_0__.valid(tag, { loose: true });
    return version !== null && semver__WEBPACK_IMPORTED_MODULE_0__.satisfies(version, range, { loose: true });
}
/** Orders tags newest-version first when both are versions, else by name. */
function compareTags(a, b) {
    const va = semver__WEBPACK_IMPORTED_MODULE_0__.valid(a, { loose: true });
    const vb = semver__WEBPACK_IMPORTED_MODULE_0__.valid(b, { loose: true });
    if (va && vb && va !== vb)
        return semver__WEBPACK_IMPORTED_MODULE_0__.rcompare(va, vb, true);
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * The `count` most recently created tags, by the image config's `created` (for an index: its
 * first child's), ties broken by semver (higher first) and then by name.
 */
async function newest(source, repository, tags, count, concurrency) {
    const created = new Map();
    await (0,_shared_limiter_js__WEBPACK_IMPORTED_MODULE_6__/* .forEachLimited */ .vP)(tags, concurrency, async (tag) => {
        created.set(tag, await createdOf(source, repository, tag));
    });
    return [...tags]
        .sort((a, b) => (created.get(b) ?? 0) - (created.get(a) ?? 0) || compareTags(a, b))
        .slice(0, count);
}
/** When an image was built: its config's `created`, as milliseconds (0 when unknown). */
async function createdOf(source, repository, reference) {
    let manifest = await source.getManifest(repository, reference);
    let parsed = (0,_oci_media_js__WEBPACK_IMPORTED_MODULE_3__/* .parseManifest */ .Ng)(manifest.bytes, manifest.mediaType);
    for (let depth = 0; parsed.isIndex && depth < 3; depth++) {
        const child = parsed.manifests.find((m) => !m.platform || m.platform.architecture !== 'unknown');
        if (!child)
            return 0;
        manifest = await source.getManifest(repository, child.digest);
        parsed = (0,_oci_media_js__WEBPACK_IMPORTED_MODULE_3__/* .parseManifest */ .Ng)(manifest.bytes, manifest.mediaType);
    }
    if (!parsed.config)
        return 0;
    try {
        const config = JSON.parse((await source.readBlob(repository, parsed.config.digest, 4 * 1024 * 1024)).toString('utf8'));
        const time = config.created ? Date.parse(config.created) : NaN;
        return Number.isNaN(time) ? 0 : time;
    }
    catch {
        return 0;
    }
}


/***/ }),

/***/ 31959:
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

/***/ 17903:
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

/***/ 21610:
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

/***/ 88456:
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