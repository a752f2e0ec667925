"use strict";
exports.id = 935;
exports.ids = [935];
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

/***/ 9345:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L1: () => (/* binding */ copyImage),
/* harmony export */   W: () => (/* binding */ CopySession)
/* harmony export */ });
/* unused harmony export MAX_INDEX_DEPTH */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29949);
/* harmony import */ var _oci_media_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(21732);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92041);





/** Indexes nested deeper than this are refused (real images nest one or two levels). */
const MAX_INDEX_DEPTH = 8;
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
    /** target host + digest → target repositories known to hold it. */
    holders = new Map();
    /** target host + digest → the first ensure of that blob, others wait for it. */
    pending = new Map();
    /** target host + repository + digest → manifests known present. */
    manifests = new Set();
    /** target host + digest → why the blob could not be copied: not tried again in this run. */
    failedBlobs = new Map();
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
    /** Records that a blob could not be copied to a target host; later images needing it fail at once. */
    noteFailedBlob(host, digest, error) {
        this.failedBlobs.set(`${host} ${digest}`, error);
    }
    /** Why a blob already failed in this run, if it did. */
    failedBlob(host, digest) {
        return this.failedBlobs.get(`${host} ${digest}`);
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
        (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH)(reference) ? { digest: reference } : source.headManifest(sourceRepository, reference),
        target.headManifest(targetRepository, targetReference),
    ]);
    if (!sourceHead) {
        throw new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('not-found', `${source.host}/${sourceRepository}:${reference} does not exist`, {
            status: 404,
            code: 'MANIFEST_UNKNOWN',
            host: source.host,
        });
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
    await copyManifestTree(walk, manifest, targetReference, { seen: new Set(), depth: 0 });
    if (!dryRun) {
        const written = await target.headManifest(targetRepository, targetReference);
        if (written?.digest !== manifest.digest) {
            throw new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('digest-mismatch', `${target.host}/${targetRepository}:${targetReference} resolves to ${written?.digest ?? 'nothing'} after the copy, expected ${manifest.digest}`, { code: 'VERIFY_FAILED', host: target.host, final: true });
        }
    }
    return result;
}
/**
 * The walk's path after entering `manifest`. A manifest found below itself — under its digest,
 * or with the same bytes under another algorithm's digest — is an index that names itself (or a
 * cycle): refused, as is nesting deeper than {@link MAX_INDEX_DEPTH}.
 */
function enter(walk, manifest, ancestors) {
    const { source, sourceRepository } = walk.request;
    const where = `${source.host}/${sourceRepository}@${manifest.digest.slice(0, 80)}`;
    if (ancestors.depth >= MAX_INDEX_DEPTH)
        throw new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('invalid-response', `${where}: indexes nested deeper than ${MAX_INDEX_DEPTH} levels`, {
            host: source.host,
            final: true,
        });
    const content = (0,_oci_media_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256Digest */ .sI)(manifest.bytes);
    if (ancestors.seen.has(manifest.digest) || ancestors.seen.has(content))
        throw new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('invalid-response', `${where}: the index names itself (a manifest with the same bytes appears again below it): refusing to walk a cycle`, { host: source.host, final: true });
    return { seen: new Set([...ancestors.seen, manifest.digest, content]), depth: ancestors.depth + 1 };
}
async function copyManifestTree(walk, manifest, targetReference, ancestors) {
    const { request, session, result, options } = walk;
    const { source, target, sourceRepository, targetRepository } = request;
    const path = enter(walk, manifest, ancestors);
    const parsed = (0,_oci_media_js__WEBPACK_IMPORTED_MODULE_3__/* .parseManifest */ .Ng)(manifest.bytes, manifest.mediaType);
    result.size += manifest.bytes.length;
    if (parsed.isIndex) {
        for (const child of parsed.manifests)
            checkDescriptor(walk, child, 'manifest');
        // Children by digest first, so the index (and its tag) never points at something missing.
        const children = [...new Map(parsed.manifests.map((child) => [child.digest, child])).values()];
        await Promise.all(children.map(async (child) => {
            if (session.hasManifest(target.host, targetRepository, child.digest))
                return;
            const present = await target.headManifest(targetRepository, child.digest);
            if (present?.digest === child.digest) {
                session.noteManifest(target.host, targetRepository, child.digest);
                result.size += child.size;
                return;
            }
            const childManifest = await source.getManifest(sourceRepository, child.digest);
            if (childManifest.bytes.length !== child.size)
                throw new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('invalid-response', `${source.host}/${sourceRepository}@${child.digest}: the index says ${child.size} bytes, the manifest has ${childManifest.bytes.length}`, { host: source.host, final: true });
            await copyManifestTree(walk, childManifest, child.digest, path);
        }));
    }
    else {
        for (const blob of parsed.blobs)
            checkDescriptor(walk, blob, 'blob');
        await Promise.all(parsed.blobs
            .filter((blob) => !(0,_oci_media_js__WEBPACK_IMPORTED_MODULE_3__/* .isForeignBlob */ .Go)(blob))
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
        const failed = session.failedBlob(host, blob.digest);
        if (failed !== undefined)
            throw failed;
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
        try {
            await streamBlob(walk, blob, location);
        }
        catch (error) {
            // Retried where it failed already; the next image that needs it fails at once.
            session.noteFailedBlob(host, blob.digest, error);
            throw error;
        }
        session.noteBlob(host, targetRepository, blob.digest);
        session.bytesUploaded += blob.size;
        result.bytesUploaded += blob.size;
        session.blobsUploaded++;
        result.blobsUploaded++;
    });
}
/**
 * Streams a blob from source to target. The target's transport retries the upload as a whole
 * (a new session and a new download from the source for each attempt); the bytes of a failed
 * attempt are taken back out of the progress count.
 */
async function streamBlob(walk, blob, location) {
    const { request, session } = walk;
    const { source, target, sourceRepository, targetRepository } = request;
    let streamed = 0;
    const forget = () => {
        session.bytesStreamed -= streamed;
        streamed = 0;
    };
    try {
        await target.uploadBlob(targetRepository, blob.digest, blob.size, async () => {
            forget();
            const download = await source.getBlob(sourceRepository, blob.digest, blob.size);
            return verifiedBytes(download.stream, blob, source.host, (n) => {
                streamed += n;
                session.bytesStreamed += n;
            });
        }, location);
    }
    catch (error) {
        forget();
        throw error;
    }
}
/**
 * Passes a blob's bytes on, counting them, and fails the stream — so the upload it feeds is
 * never completed — when they are more or fewer than the descriptor's size or do not hash to its
 * digest.
 */
function verifiedBytes(stream, blob, host, onBytes) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)((0,_oci_media_js__WEBPACK_IMPORTED_MODULE_3__/* .algorithmOf */ .Hy)(blob.digest));
    let total = 0;
    const mismatch = (message) => new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('digest-mismatch', `${host}: blob ${blob.digest}: ${message}`, {
        code: 'DIGEST_INVALID',
        host,
        final: true,
    });
    const verifier = new node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform({
        transform(chunk, _encoding, callback) {
            total += chunk.length;
            if (total > blob.size)
                return callback(mismatch(`more than the ${blob.size} bytes its descriptor says`));
            hash.update(chunk);
            onBytes(chunk.length);
            callback(null, chunk);
        },
        flush(callback) {
            if (total !== blob.size)
                return callback(mismatch(`${total} bytes, its descriptor says ${blob.size}`));
            const actual = `${(0,_oci_media_js__WEBPACK_IMPORTED_MODULE_3__/* .algorithmOf */ .Hy)(blob.digest)}:${hash.digest('hex')}`;
            callback(actual === blob.digest ? null : mismatch(`the bytes hash to ${actual}`));
        },
    });
    stream.on('error', (error) => verifier.destroy(error));
    verifier.on('close', () => stream.destroy());
    return stream.pipe(verifier);
}
/** A descriptor from a manifest is used in URLs and sizes: its digest and size must be sane. */
function checkDescriptor(walk, descriptor, what) {
    const { source, sourceRepository } = walk.request;
    const valid = typeof descriptor.digest === 'string' &&
        (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH)(descriptor.digest) &&
        Number.isSafeInteger(descriptor.size) &&
        descriptor.size >= 0;
    if (!valid)
        throw new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('invalid-response', `${source.host}/${sourceRepository}: a ${what} descriptor with digest ${JSON.stringify(descriptor.digest)?.slice(0, 150)} and size ${String(descriptor.size)} is not valid (sha256 or sha512 digests, whole sizes)`, { host: source.host, final: true });
}


/***/ }),

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


/***/ })

};
;