"use strict";
exports.id = 575;
exports.ids = [575];
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

/***/ 45726:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ copyImage),
/* harmony export */   W: () => (/* binding */ CopySession)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var _oci_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11103);
/* harmony import */ var _oci_media_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22939);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77126);




/**
 * Per-run state of the copy engine: which target repositories hold which blobs, uploads in
 * flight (so a blob is uploaded at most once per run and mounted everywhere else), and totals.
 */
class CopySession {
    bytesUploaded = 0;
    /** Bytes sent so far, counted as they stream (for progress lines). */
    bytesStreamed = 0;
    blobsUploaded = 0;
    blobsMounted = 0;
    blobsSkipped = 0;
    retry;
    /** target host + digest → target repositories known to hold it. */
    holders = new Map();
    /** target host + digest → the first ensure of that blob, others wait for it. */
    pending = new Map();
    /** target host + repository + digest → manifests known present. */
    manifests = new Set();
    constructor(options = {}) {
        this.retry = { ..._oci_http_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_RETRY */ .vI, ...options.retry };
        this.onRetry = options.onRetry;
    }
    onRetry;
    /** Records that a target repository holds a blob. */
    noteBlob(host, repository, digest) {
        const key = `${host} ${digest}`;
        const set = this.holders.get(key) ?? new Set();
        set.add(repository);
        this.holders.set(key, set);
    }
    /** True when the run already knows the repository holds the blob. */
    hasBlob(host, repository, digest) {
        return this.holders.get(`${host} ${digest}`)?.has(repository) ?? false;
    }
    /** Some other repository of the target that holds the blob, to mount from. */
    mountSource(host, repository, digest) {
        for (const holder of this.holders.get(`${host} ${digest}`) ?? [])
            if (holder !== repository)
                return holder;
        return undefined;
    }
    noteManifest(host, repository, digest) {
        this.manifests.add(`${host} ${repository} ${digest}`);
    }
    hasManifest(host, repository, digest) {
        return this.manifests.has(`${host} ${repository} ${digest}`);
    }
    /** Runs `work` as the single owner of a blob key; later callers wait for it, then do their own work. */
    async exclusive(host, digest, work) {
        const key = `${host} ${digest}`;
        for (;;) {
            const running = this.pending.get(key);
            if (!running)
                break;
            await running.catch(() => undefined);
        }
        const promise = work();
        this.pending.set(key, promise);
        try {
            return await promise;
        }
        finally {
            if (this.pending.get(key) === promise)
                this.pending.delete(key);
        }
    }
}
/**
 * Copies one tag or digest from the source to the target registry, keeping its digest: blobs
 * first (HEAD, then a mount from another target repository, then a streamed upload — each unique
 * blob uploaded at most once per session), index children by digest, the tag last; then verifies
 * that the target reference resolves to the source digest. A target tag that already points at
 * the same digest costs one HEAD (`skipped`); one that points elsewhere is a `conflict` unless
 * `overwrite`. Nothing is ever written to the source.
 * @throws RegistryError when the source reference does not exist or the copy fails after retries
 */
async function copyImage(request, options = {}) {
    const { source, sourceRepository, reference, target, targetRepository } = request;
    const targetReference = request.targetReference ?? reference;
    const session = options.session ?? new CopySession();
    const dryRun = options.dryRun === true;
    // Both HEADs at once: on a re-run they are all the work there is.
    const [sourceHead, existing] = await Promise.all([
        (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidDigest */ .fH)(reference) ? { digest: reference } : source.headManifest(sourceRepository, reference),
        target.headManifest(targetRepository, targetReference),
    ]);
    if (!sourceHead) {
        throw new _oci_http_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl(`${source.host}/${sourceRepository}:${reference} does not exist`, 404, 'MANIFEST_UNKNOWN');
    }
    const result = {
        action: 'copied',
        digest: sourceHead.digest,
        mediaType: 'mediaType' in sourceHead ? sourceHead.mediaType : '',
        bytesUploaded: 0,
        size: 0,
        blobsUploaded: 0,
        blobsMounted: 0,
        blobsSkipped: 0,
        manifestsPut: 0,
        dryRun,
    };
    if (existing) {
        if (existing.digest === sourceHead.digest) {
            session.noteManifest(target.host, targetRepository, existing.digest);
            return { ...result, action: 'skipped', mediaType: result.mediaType || existing.mediaType };
        }
        if (!options.overwrite)
            return { ...result, action: 'conflict', existingDigest: existing.digest };
    }
    // By digest, so a tag moved in the meantime cannot swap the content under us.
    const manifest = await source.getManifest(sourceRepository, sourceHead.digest);
    result.mediaType = manifest.mediaType;
    const walk = { request, options, session, result, counted: new Set() };
    await copyManifestTree(walk, manifest, targetReference);
    if (!dryRun) {
        const written = await target.headManifest(targetRepository, targetReference);
        if (written?.digest !== manifest.digest) {
            throw new _oci_http_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl(`${target.host}/${targetRepository}:${targetReference} resolves to ${written?.digest ?? 'nothing'} after the copy, expected ${manifest.digest}`, 0, 'VERIFY_FAILED');
        }
    }
    return result;
}
async function copyManifestTree(walk, manifest, targetReference) {
    const { request, session, result, options } = walk;
    const { source, target, sourceRepository, targetRepository } = request;
    const parsed = (0,_oci_media_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .Ng)(manifest.bytes, manifest.mediaType);
    result.size += manifest.bytes.length;
    if (parsed.isIndex) {
        // Children by digest first, so the index (and its tag) never points at something missing.
        await Promise.all(parsed.manifests.map(async (child) => {
            if (session.hasManifest(target.host, targetRepository, child.digest))
                return;
            const present = await target.headManifest(targetRepository, child.digest);
            if (present?.digest === child.digest) {
                session.noteManifest(target.host, targetRepository, child.digest);
                result.size += child.size;
                return;
            }
            const childManifest = await source.getManifest(sourceRepository, child.digest);
            await copyManifestTree(walk, childManifest, child.digest);
        }));
    }
    else {
        await Promise.all(parsed.blobs
            .filter((blob) => !(0,_oci_media_js__WEBPACK_IMPORTED_MODULE_2__/* .isForeignBlob */ .Go)(blob))
            .map(async (blob) => {
            if (!walk.counted.has(blob.digest)) {
                walk.counted.add(blob.digest);
                result.size += blob.size;
            }
            await ensureBlob(walk, blob);
        }));
    }
    if (options.dryRun)
        return;
    await target.putManifest(targetRepository, targetReference, manifest);
    result.manifestsPut++;
    session.noteManifest(target.host, targetRepository, manifest.digest);
}
/** Makes sure the target repository has a blob: known, HEAD, mount, or upload (once per session). */
async function ensureBlob(walk, blob) {
    const { request, session, result, options } = walk;
    const { target, targetRepository } = request;
    const host = target.host;
    if (session.hasBlob(host, targetRepository, blob.digest))
        return;
    await session.exclusive(host, blob.digest, async () => {
        if (session.hasBlob(host, targetRepository, blob.digest))
            return;
        if ((await target.headBlob(targetRepository, blob.digest)) !== undefined) {
            session.noteBlob(host, targetRepository, blob.digest);
            session.blobsSkipped++;
            result.blobsSkipped++;
            return;
        }
        const from = session.mountSource(host, targetRepository, blob.digest);
        if (options.dryRun) {
            // Planned: the first repository uploads it, every other one mounts it.
            session.noteBlob(host, targetRepository, blob.digest);
            if (from) {
                session.blobsMounted++;
                result.blobsMounted++;
            }
            else {
                session.bytesUploaded += blob.size;
                result.bytesUploaded += blob.size;
                session.blobsUploaded++;
                result.blobsUploaded++;
            }
            return;
        }
        let location;
        if (from) {
            const mount = await target.mountBlob(targetRepository, blob.digest, from);
            if (mount.mounted) {
                session.noteBlob(host, targetRepository, blob.digest);
                session.blobsMounted++;
                result.blobsMounted++;
                return;
            }
            location = mount.location;
        }
        await uploadWithRetries(walk, blob, location);
        session.noteBlob(host, targetRepository, blob.digest);
        session.bytesUploaded += blob.size;
        result.bytesUploaded += blob.size;
        session.blobsUploaded++;
        result.blobsUploaded++;
    });
}
/**
 * Streams a blob from source to target. A streamed body cannot be replayed, so a failed attempt
 * (429, 5xx, a dropped connection) starts over: a new upload session and a new download.
 */
async function uploadWithRetries(walk, blob, firstLocation) {
    const { request, session } = walk;
    const { source, target, sourceRepository, targetRepository } = request;
    let location = firstLocation;
    for (let attempt = 0;; attempt++) {
        let streamed = 0;
        try {
            await target.uploadBlob(targetRepository, blob.digest, blob.size, async () => {
                const download = await source.getBlob(sourceRepository, blob.digest);
                return countBytes(download.stream, (n) => {
                    streamed += n;
                    session.bytesStreamed += n;
                });
            }, location);
            return;
        }
        catch (error) {
            session.bytesStreamed -= streamed;
            location = undefined;
            const retryable = error instanceof _oci_http_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl ? error.retryable : true;
            if (!retryable || attempt >= session.retry.retries)
                throw error;
            const delay = (0,_oci_http_js__WEBPACK_IMPORTED_MODULE_1__/* .retryDelay */ .a2)(attempt, session.retry);
            session.onRetry?.(`retrying upload of ${blob.digest.slice(0, 19)} to ${target.host}/${targetRepository} in ${delay} ms: ${error.message}`);
            await (0,_oci_http_js__WEBPACK_IMPORTED_MODULE_1__/* .sleep */ .yy)(delay);
        }
    }
}
function countBytes(stream, onBytes) {
    const counter = new node_stream__WEBPACK_IMPORTED_MODULE_0__.Transform({
        transform(chunk, _encoding, callback) {
            onBytes(chunk.length);
            callback(null, chunk);
        },
    });
    stream.on('error', (error) => counter.destroy(error));
    counter.on('close', () => stream.destroy());
    return stream.pipe(counter);
}


/***/ }),

/***/ 68623:
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

/***/ 5823:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ selectImages),
/* harmony export */   YC: () => (/* binding */ createdOf),
/* harmony export */   cZ: () => (/* binding */ ARTIFACT_TAG)
/* harmony export */ });
/* unused harmony exports referencedImages, tagMatcher */
/* harmony import */ var _shared_limiter_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17903);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70636);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86626);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83460);
/* harmony import */ var _manifest_paths_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(31959);
/* harmony import */ var _oci_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11103);
/* harmony import */ var _oci_media_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22939);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77126);
/* harmony import */ var _platforms_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(68623);
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

/***/ 57717:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay */
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