"use strict";
exports.id = 625;
exports.ids = [625,177];
exports.modules = {

/***/ 34066:
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

/***/ 53836:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ selectImages),
/* harmony export */   YC: () => (/* binding */ createdOf),
/* harmony export */   cZ: () => (/* binding */ ARTIFACT_TAG)
/* harmony export */ });
/* unused harmony exports referencedImages, tagMatcher */
/* harmony import */ var _shared_limiter_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17870);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(14006);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62088);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8835);
/* harmony import */ var _manifest_paths_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(11742);
/* harmony import */ var _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29949);
/* harmony import */ var _oci_media_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(21732);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92041);
/* harmony import */ var _platforms_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(34066);
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
    const glob = options.only ? picomatch__WEBPACK_IMPORTED_MODULE_5__(options.only) : () => true;
    const only = (repository) => glob(repository) && (options.repositoryFilter?.(repository) ?? true);
    const referenced = referencedImages(manifest, options.refsFiles).filter((ref) => only(ref.repository));
    const rules = manifest.copy;
    // Repositories: the catalog when the registry serves it, else every name the manifest knows.
    let repositories;
    let catalogRefused;
    if (rules.some((rule) => rule.images !== undefined)) {
        try {
            repositories = await source.listRepositories();
        }
        catch (error) {
            if (!(error instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl) || ![401, 403, 404, 405].includes(error.status ?? 0))
                throw error;
            repositories = [
                ...new Set([
                    ...manifest.repos.flatMap((repo) => [...repo.produces, ...repo.consumes.map((c) => c.repository)]),
                    ...referenced.map((ref) => ref.repository),
                ]),
            ].sort();
            catalogRefused = `HTTP ${error.status}`;
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
        ...(catalogRefused !== undefined && { catalogRefused }),
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
        const child = parsed.manifests.find((m) => !(0,_platforms_js__WEBPACK_IMPORTED_MODULE_8__/* .isAttestation */ .H3)(m));
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

/***/ 43177:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokit: () => (/* binding */ createOctokit),
/* harmony export */   httpStatus: () => (/* binding */ httpStatus)
/* harmony export */ });
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60891);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8835);


/**
 * The one place Octokit clients are made: token from GITHUB_TOKEN (masked), API base from
 * GITHUB_API_URL so GitHub Enterprise Server and the tests' local API server work unchanged.
 */
function createOctokit(env, secrets, purpose) {
    const token = env['GITHUB_TOKEN'] || env['GH_TOKEN'];
    if (!token) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`GITHUB_TOKEN is not set: ${purpose} needs the GitHub API (in a workflow: env: GITHUB_TOKEN: \${{ github.token }})`);
    }
    secrets.addToken(token);
    return new _octokit_rest__WEBPACK_IMPORTED_MODULE_1__/* .Octokit */ .E({
        auth: token,
        baseUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
        userAgent: 'cutover',
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
    });
}
/** The HTTP status of an Octokit RequestError, if it is one. */
function httpStatus(error) {
    const status = error.status;
    return typeof status === 'number' ? status : undefined;
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


/***/ }),

/***/ 85006:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  status: () => (/* binding */ command_status)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
;// CONCATENATED MODULE: ./lib/src/github/dashboard.js

/** GitHub refuses issue bodies longer than this. */
const ISSUE_BODY_LIMIT = 65_536;
/** Marks the issues cutover keeps, so a person can tell it is generated. */
const DASHBOARD_MARKER = '<!-- cutover:dashboard — this body is rewritten by `cutover status --dashboard` -->';
/**
 * Parses `--dashboard`: `owner/repo#N`, `owner/repo:Title`, `#N` or a bare title (both in
 * GITHUB_REPOSITORY).
 * @throws UsageError naming what was expected
 */
function parseDashboardTarget(spec, env) {
    const text = spec.trim();
    const numbered = /^(?:([\w.-]+)\/([\w.-]+))?#(\d+)$/.exec(text);
    const titled = /^([\w.-]+)\/([\w.-]+):(.+)$/.exec(text);
    const here = () => {
        const repository = env['GITHUB_REPOSITORY'];
        const match = repository ? /^([\w.-]+)\/([\w.-]+)$/.exec(repository) : null;
        if (!match)
            throw new errors/* UsageError */.eb(`--dashboard ${JSON.stringify(spec)}: name the repository (owner/repo#N or owner/repo:Title); GITHUB_REPOSITORY is not set`);
        return { owner: match[1], repo: match[2] };
    };
    if (numbered) {
        const where = numbered[1] ? { owner: numbered[1], repo: numbered[2] } : here();
        return { ...where, number: Number(numbered[3]) };
    }
    if (titled)
        return { owner: titled[1], repo: titled[2], title: titled[3].trim() };
    if (!text)
        throw new errors/* UsageError */.eb('--dashboard: expected owner/repo#N, owner/repo:Title or a title');
    return { ...here(), title: text };
}
/** The body as it is written: the marker, the dashboard, cut to GitHub's limit if it must be. */
function dashboardBody(markdown) {
    const body = `${DASHBOARD_MARKER}\n\n${markdown}`;
    if (body.length <= ISSUE_BODY_LIMIT)
        return body;
    const note = '\n\n… (cut to GitHub’s issue size limit; the job summary has everything)';
    return body.slice(0, ISSUE_BODY_LIMIT - note.length) + note;
}
/**
 * Writes the dashboard into the issue: by number it updates that issue; by title it looks
 * through the open issues for that exact title first and creates the issue only when none has it.
 * An unchanged body is left alone, so watchers are not notified for nothing.
 */
async function updateDashboard(octokit, target, markdown) {
    const body = dashboardBody(markdown);
    const { owner, repo } = target;
    let existing;
    if ('number' in target) {
        existing = (await octokit.rest.issues.get({ owner, repo, issue_number: target.number })).data;
    }
    else {
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
            owner,
            repo,
            state: 'open',
            per_page: 100,
        })) {
            existing = page.data.find((issue) => issue.title === target.title && !issue.pull_request);
            if (existing)
                break;
        }
        if (!existing) {
            const created = await octokit.rest.issues.create({ owner, repo, title: target.title, body });
            return { number: created.data.number, url: created.data.html_url, action: 'created' };
        }
    }
    if (existing.body === body)
        return { number: existing.number, url: existing.html_url, action: 'unchanged' };
    const updated = await octokit.rest.issues.update({ owner, repo, issue_number: existing.number, body });
    return { number: updated.data.number, url: updated.data.html_url, action: 'updated' };
}

// EXTERNAL MODULE: ./lib/src/github/octokit.js
var github_octokit = __webpack_require__(43177);
// EXTERNAL MODULE: ./lib/src/plan/plan.js + 1 modules
var plan_plan = __webpack_require__(69772);
// EXTERNAL MODULE: ./lib/src/manifest/timeline.js
var timeline = __webpack_require__(16399);
// EXTERNAL MODULE: ./lib/src/oci/client.js + 15 modules
var client = __webpack_require__(47832);
// EXTERNAL MODULE: ./lib/src/copy/refs-file.js
var refs_file = __webpack_require__(77381);
// EXTERNAL MODULE: ./lib/src/shared/progress.js
var shared_progress = __webpack_require__(34767);
// EXTERNAL MODULE: ./lib/src/plan/render.js + 1 modules
var render = __webpack_require__(31413);
// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
// EXTERNAL MODULE: ./lib/src/manifest/paths.js
var paths = __webpack_require__(11742);
// EXTERNAL MODULE: ./lib/src/oci/errors.js
var oci_errors = __webpack_require__(29949);
// EXTERNAL MODULE: ./lib/src/copy/select.js
var copy_select = __webpack_require__(53836);
// EXTERNAL MODULE: ./lib/src/shared/limiter.js
var limiter = __webpack_require__(17870);
;// CONCATENATED MODULE: ./lib/src/status/status.js





/**
 * Asks both registries what is true now: per image, are the newest old tags in the new registry
 * with identical digests; per repository, is everything it consumes there; which tags only the old
 * registry has; and so whether the exit criteria are met. Never writes to either registry.
 */
async function migrationStatus(options) {
    const { manifest, plan, old, next } = options;
    const target = (image) => (0,paths/* mapRepository */.T)(image, manifest.paths);
    let oldUnreachable;
    const fromOld = async (ask, fallback) => {
        if (oldUnreachable !== undefined)
            return fallback;
        try {
            return await ask();
        }
        catch (error) {
            if (!(0,oci_errors/* isConnectionFailure */.$B)(error))
                throw error;
            oldUnreachable = error.message;
            return fallback;
        }
    };
    // Images whose latest tags someone relies on: every produced image, and every image consumed unpinned.
    const images = new Set(manifest.repos.flatMap((repo) => repo.produces));
    for (const repo of manifest.repos)
        for (const consumed of repo.consumes)
            if (consumed.tag === undefined && consumed.digest === undefined)
                images.add(consumed.repository);
    const imageStatuses = await (0,limiter/* mapLimited */.bB)([...images].sort(), options.concurrency, async (image) => {
        const newPath = target(image);
        const oldTags = await fromOld(() => old.listTags(image), undefined);
        const newTags = await next.listTags(newPath);
        const producer = plan.graph.producerOf.get(image);
        const base = { image, target: newPath, ...(producer !== undefined && { producer }) };
        options.onProgress?.();
        if (oldTags === undefined)
            return {
                ...base,
                oldTags: 0,
                newTags: newTags.length,
                newest: [],
                oldOnlyTags: [],
                state: 'unknown',
            };
        const newest = await newestTags(old, image, oldTags, options.newest);
        const newSet = new Set(newTags);
        const checks = await (0,limiter/* mapLimited */.bB)(newest, 4, async (tag) => compare(old, next, image, newPath, tag, newSet.has(tag)));
        const state = oldTags.length === 0
            ? 'empty'
            : checks.some((c) => c.state === 'conflict')
                ? 'conflict'
                : checks.some((c) => c.state !== 'present')
                    ? 'behind'
                    : 'carried';
        const oldOnlyTags = oldTags.filter((tag) => !newSet.has(tag)).sort(compareTags);
        return { ...base, oldTags: oldTags.length, newTags: newTags.length, newest: checks, oldOnlyTags, state };
    });
    const imageByName = new Map(imageStatuses.map((status) => [status.image, status]));
    const pinnedKeys = new Map();
    for (const repo of manifest.repos) {
        for (const consumed of repo.consumes) {
            const reference = consumed.digest ?? consumed.tag;
            if (reference !== undefined)
                pinnedKeys.set(`${consumed.repository}\n${reference}`, { image: consumed.repository, reference });
        }
    }
    const pinned = await (0,limiter/* mapLimited */.bB)([...pinnedKeys.values()], options.concurrency, async (ref) => {
        const check = await compare(old, next, ref.image, target(ref.image), ref.reference, undefined);
        options.onProgress?.();
        return check;
    });
    const selection = await fromOld(() => (0,copy_select/* selectImages */.$g)({
        manifest,
        source: old,
        refsFiles: options.refsFiles ?? [],
        concurrency: options.concurrency,
    }), undefined);
    const copyRules = await (0,limiter/* mapLimited */.bB)(selection?.images ?? [], options.concurrency, async (selected) => {
        const check = await compare(old, next, selected.sourceRepository, selected.targetRepository, selected.reference, undefined);
        options.onProgress?.();
        return { ...check, reasons: selected.reasons };
    });
    const pinnedByKey = new Map(pinned.map((check) => [`${check.image}\n${check.reference}`, check]));
    const repos = manifest.repos.map((repo) => {
        const consumes = repo.consumes.map((consumed) => {
            const reference = consumed.digest ?? consumed.tag;
            const text = `${consumed.repository}${consumed.tag ? `:${consumed.tag}` : ''}${consumed.digest ? `@${consumed.digest}` : ''}`;
            if (reference !== undefined) {
                const check = pinnedByKey.get(`${consumed.repository}\n${reference}`);
                return check.state === 'present'
                    ? { text, ready: true }
                    : { text, ready: false, note: tagNote(check) };
            }
            const image = imageByName.get(consumed.repository);
            if (image.state === 'carried')
                return { text, ready: true };
            // With nothing to compare against (no old tags, or the old registry gone), tags in the new one suffice.
            if ((image.state === 'empty' || image.state === 'unknown') && image.newTags > 0)
                return { text, ready: true };
            return { text, ready: false, note: imageNote(image) };
        });
        return {
            repo: repo.name,
            ...(repo.owner !== undefined && { owner: repo.owner }),
            wave: plan.repos.get(repo.name).wave,
            ready: consumes.every((c) => c.ready),
            consumes,
        };
    });
    const oldOnly = [
        ...imageStatuses.flatMap((image) => image.newest.filter((c) => c.state === 'missing' || c.state === 'conflict')),
        ...pinned.filter((c) => c.state === 'missing' || c.state === 'conflict'),
        ...copyRules
            .filter((c) => c.state === 'missing' || c.state === 'conflict')
            .map(({ reasons: _reasons, ...check }) => check),
    ];
    // One tag can be due for several reasons; list it once.
    const seen = new Set();
    const oldOnlyUnique = oldOnly.filter((check) => {
        const key = `${check.image}\n${check.reference}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    const reasons = [];
    const waiting = repos.filter((repo) => !repo.ready);
    if (waiting.length > 0)
        reasons.push(`${waiting.length} of ${repos.length} repositories cannot pull everything from the new registry yet`);
    if (oldOnlyUnique.length > 0)
        reasons.push(`${oldOnlyUnique.length} tags are only in the old registry (or differ in the new one)`);
    if (selection && selection.missing.length > 0)
        reasons.push(`${selection.missing.length} referenced tags are in neither registry (${selection.missing.map((m) => `${m.repository}:${m.reference}`).join(', ')})`);
    if (oldUnreachable !== undefined)
        reasons.push(`the old registry could not be asked, so nothing can be compared with it any more: ${oldUnreachable}`);
    return {
        images: imageStatuses,
        pinned,
        copyRules,
        copyMissing: selection?.missing ?? [],
        repos,
        oldOnly: oldOnlyUnique,
        ...(oldUnreachable !== undefined && { oldUnreachable }),
        exitCriteria: { met: reasons.length === 0, reasons },
    };
}
/** Compares one tag or digest; `inNew` skips the HEAD when the tag list already says it is absent. */
async function compare(old, next, image, target, reference, inNew) {
    const [oldHead, newHead] = await Promise.all([
        old.headManifest(image, reference).catch((error) => {
            if ((0,oci_errors/* isConnectionFailure */.$B)(error))
                return undefined;
            throw error;
        }),
        inNew === false ? undefined : next.headManifest(target, reference),
    ]);
    const state = !newHead
        ? oldHead
            ? 'missing'
            : 'absent'
        : oldHead && oldHead.digest !== newHead.digest
            ? 'conflict'
            : 'present';
    return {
        image,
        target,
        reference,
        ...(oldHead && { oldDigest: oldHead.digest }),
        ...(newHead && { newDigest: newHead.digest }),
        state,
    };
}
/** Why a tag check is not `present`, in words. */
function tagNote(check) {
    const ref = `${check.image}${check.reference.includes(':') ? '@' : ':'}${check.reference}`;
    switch (check.state) {
        case 'missing':
            return `${ref} is only in the old registry: copy-tags has not carried it yet`;
        case 'conflict':
            return `${ref} differs in the new registry (${status_short(check.newDigest)} instead of ${status_short(check.oldDigest)})`;
        case 'absent':
            return `${ref} is in neither registry`;
        case 'present':
            return `${ref} is in the new registry`;
    }
}
/** Why an image is not carried, in words. */
function imageNote(image) {
    switch (image.state) {
        case 'behind': {
            const missing = image.newest.filter((c) => c.state !== 'present').map((c) => c.reference);
            return `${image.image}: ${missing.join(', ')} not yet in the new registry${image.producer ? ` (is ${image.producer} dual-pushing?)` : ''}`;
        }
        case 'conflict':
            return `${image.image}: the new registry has different images under ${image.newest
                .filter((c) => c.state === 'conflict')
                .map((c) => c.reference)
                .join(', ')}`;
        case 'empty':
            return `${image.image}: no tags in either registry`;
        case 'unknown':
            return `${image.image}: the old registry could not be asked`;
        case 'carried':
            return `${image.image}: carried`;
    }
}
function status_short(digest) {
    return digest ? digest.slice(0, 19) : 'nothing';
}
/**
 * The `count` most recently built tags: the image config's `created` (an index: its first
 * platform's), ties broken by version (higher first) and name. Only reads configs when there are
 * more tags than asked for.
 */
async function newestTags(client, repository, tags, count) {
    if (tags.length <= count)
        return [...tags].sort(compareTags);
    const created = new Map();
    await (0,limiter/* mapLimited */.bB)(tags, 4, async (tag) => created.set(tag, await (0,copy_select/* createdOf */.YC)(client, repository, tag)));
    return [...tags].sort((a, b) => created.get(b) - created.get(a) || compareTags(a, b)).slice(0, count);
}
function compareTags(a, b) {
    const va = semver.valid(a, { loose: true });
    const vb = semver.valid(b, { loose: true });
    if (va && vb && va !== vb)
        return semver.rcompare(va, vb, true);
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./lib/src/status/render.js



const IMAGE_STATE = {
    carried: '✅ carried',
    behind: '⏳ behind',
    conflict: '❌ conflict',
    empty: '— no tags',
    unknown: '❔ old registry unreachable',
};
/** Rows of the copy-rules table; the JSON has them all. */
const COPY_ROWS = 100;
const TAG_STATE = {
    present: '✅ identical',
    missing: '⏳ old only',
    conflict: '❌ differs',
    absent: '❌ in neither',
};
/** Colours repositories by what the registries say: ready, waiting, or held by a conflict. */
function stateColouring(status) {
    const byRepo = new Map(status.repos.map((repo) => [repo.repo, repo]));
    const conflicted = (name) => byRepo.get(name).consumes.some((c) => !c.ready && /differs|neither/.test(c.note ?? ''));
    return {
        classes: {
            ready: 'fill:#c8f7c5,stroke:#2a7a2a,color:#000',
            waiting: 'fill:#fff2c2,stroke:#a67c00,color:#000',
            conflict: 'fill:#ffd6d6,stroke:#c00,stroke-width:3px,color:#000',
        },
        classOf: (repo) => byRepo.get(repo.repo).ready ? 'ready' : conflicted(repo.repo) ? 'conflict' : 'waiting',
        note: (repo) => `wave ${repo.wave} · ${byRepo.get(repo.repo).ready ? 'ready' : 'waiting'}`,
    };
}
function render_short(digest) {
    return digest ? `\`${digest.slice(7, 19)}\`` : '';
}
/** The dashboard: exit criteria, the coloured graph, and tables per repository, image and pinned tag. */
function statusMarkdown(status, plan, context) {
    const ready = status.repos.filter((repo) => repo.ready).length;
    const carried = status.images.filter((image) => image.state === 'carried').length;
    const copied = status.pinned.filter((check) => check.state === 'present').length;
    const parts = [
        `### cutover status: \`${context.source}\` on ${context.today} (phase ${context.phase})`,
        '',
        status.exitCriteria.met
            ? `**Exit criteria met ✅**: every repository can pull from \`${context.newHost}\` and nothing that must survive is left only in \`${context.oldHost}\`.`
            : `**Exit criteria not met ❌**\n\n${status.exitCriteria.reasons.map((reason) => `- ${reason}`).join('\n')}`,
        '',
        `${ready} of ${status.repos.length} repositories ready to pull from the new registry · ${carried} of ${status.images.length} images carried (dual push) · ${copied} of ${status.pinned.length} pinned tags copied with identical digests.`,
        '',
        (0,render/* dependencyDiagram */.$b)(plan, stateColouring(status)),
        '',
        '#### Repositories',
        '',
        (0,markdown/* table */.tp)(['Wave', 'Repository', 'Owner', 'Ready', 'Still missing'], status.repos
            .slice()
            .sort((a, b) => a.wave - b.wave || a.repo.localeCompare(b.repo))
            .map((repo) => [
            repo.wave,
            repo.repo,
            repo.owner ?? '',
            repo.ready ? '✅' : '⏳',
            repo.consumes
                .filter((c) => !c.ready)
                .map((c) => c.note ?? c.text)
                .join('; '),
        ])),
        '',
        '#### Images (newest old tags in the new registry)',
        '',
        (0,markdown/* table */.tp)([
            'Image',
            'New path',
            'Producer',
            'Old tags',
            'New tags',
            'Newest old tags',
            'State',
            'Old only (lost at shutdown)',
        ], status.images.map((image) => [
            image.image,
            image.target,
            image.producer ?? '(none in the manifest)',
            image.oldTags,
            image.newTags,
            image.newest.map((check) => `${check.reference} ${TAG_STATE[check.state].split(' ')[0]}`).join(', '),
            IMAGE_STATE[image.state],
            image.oldOnlyTags.length > 5
                ? `${image.oldOnlyTags.slice(0, 5).join(', ')} and ${image.oldOnlyTags.length - 5} more`
                : image.oldOnlyTags.join(', '),
        ])),
        '',
    ];
    if (status.pinned.length > 0) {
        parts.push('#### Pinned tags (copy rules: referenced)', '', (0,markdown/* table */.tp)(['Reference', 'Old digest', 'New digest', 'State'], status.pinned.map((check) => [
            `${check.image}${check.reference.includes(':') ? '@' : ':'}${check.reference}`,
            render_short(check.oldDigest),
            render_short(check.newDigest),
            TAG_STATE[check.state],
        ])), '');
    }
    if (status.copyRules.length > 0) {
        const shown = status.copyRules.slice(0, COPY_ROWS);
        parts.push(`#### copy: rules (${status.copyRules.filter((c) => c.state === 'present').length} of ${status.copyRules.length} selected tags in the new registry)`, '', (0,markdown/* table */.tp)(['Reference', 'Chosen by', 'Old digest', 'New digest', 'State'], shown.map((check) => [
            `${check.image}${check.reference.includes(':') ? '@' : ':'}${check.reference}`,
            check.reasons.join(', '),
            render_short(check.oldDigest),
            render_short(check.newDigest),
            TAG_STATE[check.state],
        ])), ...(status.copyRules.length > shown.length
            ? ['', `… and ${status.copyRules.length - shown.length} more (see --json).`]
            : []), '');
    }
    if (status.oldOnly.length > 0) {
        parts.push('#### Left only in the old registry', '', ...status.oldOnly.map((check) => `- ${tagNote(check)}`), '');
    }
    return parts.join('\n');
}
/** The status as JSON. */
function statusJson(status) {
    return {
        exitCriteria: status.exitCriteria,
        repos: status.repos,
        images: status.images,
        pinned: status.pinned,
        copyRules: status.copyRules,
        copyMissing: status.copyMissing,
        oldOnly: status.oldOnly,
        ...(status.oldUnreachable !== undefined && { oldUnreachable: status.oldUnreachable }),
    };
}

// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(61346);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(61714);
;// CONCATENATED MODULE: ./lib/src/status/command.js












/** `cutover status`: what both registries say now, against the plan and the exit criteria. */
const command_status = (0,command/* defineCommand */.N)({
    name: 'status',
    summary: 'Ask both registries where the migration stands: dual push, repositories ready to pull, pinned tags copied, exit criteria.',
    options: {
        newest: cli_option/* option */.uK.int({ min: 1, default: 3, expected: 'expected at least 1' }, 'How many of each image’s newest old tags must be in the new registry.'),
        concurrency: cli_option/* option */.uK.int({ min: 1, max: 64, default: 8 }, 'Registry queries in flight at once.'),
        refs: cli_option/* option */.uK.list('References files from guard --export-refs, for the referenced copy rules.'),
        dashboard: cli_option/* option */.uK.string('Keep an issue’s body up to date: owner/repo#N, or owner/repo:Title (found among open issues, else created once); #N or a bare title mean GITHUB_REPOSITORY. Needs GITHUB_TOKEN.'),
    },
    outputs: [
        {
            name: 'exit-criteria',
            description: 'true when every repository is ready and nothing is left only in the old registry.',
        },
        { name: 'ready', description: 'Repositories ready to pull from the new registry, as "ready/total".' },
        { name: 'dashboard-url', description: 'The dashboard issue’s URL, when --dashboard is given.' },
    ],
    async run({ manifest: load, options, reporter, env, today, cwd, secrets }) {
        // parse
        const manifest = await load();
        const dashboard = options.dashboard ? parseDashboardTarget(options.dashboard, env) : undefined;
        const octokit = dashboard ? (0,github_octokit.createOctokit)(env, secrets, '--dashboard') : undefined;
        const { old: oldSpec, new: newSpec } = manifest.registries;
        // The old registry is only ever read; after its shutdown it may be gone, so few retries.
        const old = await client/* RegistryClient */.bP.forRegistry(oldSpec, env, {
            secrets,
            readOnly: true,
            concurrency: options.concurrency,
            retry: { retries: 1 },
        });
        const next = await client/* RegistryClient */.bP.forRegistry(newSpec, env, {
            secrets,
            readOnly: true,
            concurrency: options.concurrency,
        });
        // do
        const refsFiles = await Promise.all(options.refs.map(async (file) => ({ file, refs: await (0,refs_file/* readRefsFile */.LB)(external_node_path_.resolve(cwd, file)) })));
        const plan = (0,plan_plan/* planMigration */.E)(manifest);
        let asked = 0;
        const progress = new shared_progress/* ProgressLine */.g((line) => reporter.info(line), (seconds) => `status: ${asked} images and pinned references checked (${seconds.toFixed(0)} s)`);
        const result = await migrationStatus({
            manifest,
            plan,
            old,
            next,
            newest: options.newest,
            concurrency: options.concurrency,
            refsFiles,
            onProgress: () => {
                asked++;
                progress.tick();
            },
        });
        progress.done();
        const phase = (0,timeline/* phaseAt */.BA)(manifest.timeline, today);
        const markdown = statusMarkdown(result, plan, {
            source: manifest.source,
            today,
            phase,
            oldHost: oldSpec.host,
            newHost: newSpec.host,
        });
        const update = dashboard && octokit ? await updateDashboard(octokit, dashboard, markdown) : undefined;
        // report
        const ready = result.repos.filter((repo) => repo.ready).length;
        reporter.info(`on ${today} (phase ${phase}): ${ready}/${result.repos.length} repositories ready to pull from ${newSpec.host}`);
        for (const image of result.images) {
            reporter.info(`image ${image.image} → ${next.host}/${image.target}: ${image.state} (${image.state === 'unknown'
                ? `old registry unreachable; ${image.newTags} tags in the new registry`
                : image.newest.map((c) => `${c.reference} ${c.state}`).join(', ') || 'no tags in the old registry'})`);
        }
        for (const check of result.pinned)
            reporter.info(`pinned ${check.image} ${check.reference}: ${check.state}`);
        for (const repo of result.repos.filter((r) => !r.ready)) {
            reporter.info(`waiting: ${repo.repo} (wave ${repo.wave}) — ${repo.consumes
                .filter((c) => !c.ready)
                .map((c) => c.note)
                .join('; ')}`);
        }
        const conflicts = result.oldOnly.filter((check) => check.state === 'conflict');
        for (const check of conflicts)
            reporter.annotate({
                severity: 'error',
                message: `${check.image}:${check.reference} differs in the new registry`,
            });
        reporter.info(result.exitCriteria.met
            ? 'exit criteria met'
            : `exit criteria not met: ${result.exitCriteria.reasons.join('; ')}`);
        if (update)
            reporter.info(`dashboard ${update.action}: ${update.url}`);
        reporter.summary(markdown);
        return {
            // A tag that differs between the registries is a failed check; being mid-migration is not.
            exitCode: conflicts.length > 0 ? 1 : 0,
            ...(conflicts.length > 0 && {
                failureMessage: `${conflicts.length} tags differ between the old and the new registry`,
            }),
            outputs: {
                'exit-criteria': String(result.exitCriteria.met),
                ready: `${ready}/${result.repos.length}`,
                ...(update && { 'dashboard-url': update.url }),
            },
            json: {
                manifest: manifest.source,
                today,
                phase,
                ...statusJson(result),
                ...(update && { dashboard: update }),
            },
        };
    },
});


/***/ })

};
;