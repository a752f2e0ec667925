"use strict";
exports.id = 436;
exports.ids = [436];
exports.modules = {

/***/ 45726:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L1: () => (/* binding */ copyImage),
/* harmony export */   W: () => (/* binding */ CopySession)
/* harmony export */ });
/* unused harmony export MAX_INDEX_DEPTH */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96748);
/* harmony import */ var _oci_media_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22939);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77126);





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
 * first (a mount from the target repository itself — present, or an upload session opened in the
 * same request —, a mount from another target repository, then a streamed upload — each unique
 * blob uploaded at most once per session), index children by digest, the tag last; then makes
 * sure that the target reference resolves to the source digest (the registry's answer to the PUT
 * names it, else a HEAD). A target tag that already points at the same digest costs a HEAD on
 * each side (`skipped`); one that points elsewhere is a `conflict` unless
 * `overwrite`. Nothing is ever written to the source.
 * @throws RegistryError when the source reference does not exist or the copy fails after retries
 */
async function copyImage(request, options = {}) {
    const { source, sourceRepository, reference, target, targetRepository } = request;
    const targetReference = request.targetReference ?? reference;
    const session = options.session ?? new CopySession();
    const dryRun = options.dryRun === true;
    const byDigest = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH)(reference);
    const missing = () => new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('not-found', `${source.host}/${sourceRepository}:${reference} does not exist`, {
        status: 404,
        code: 'MANIFEST_UNKNOWN',
        host: source.host,
    });
    // The target first. When it has the reference (a re-run), a HEAD of the source says whether it
    // is the same: a HEAD is not a pull where registries count pulls. When it has not, the source's
    // manifest is read in one GET — by digest, or by tag with the digest computed from the bytes
    // read, so a tag moved in the meantime cannot swap the content under us.
    const listedAbsent = options.targetTags !== undefined &&
        !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH)(targetReference) &&
        !options.targetTags.has(targetReference);
    const existing = listedAbsent ? undefined : await target.headManifest(targetRepository, targetReference);
    let sourceHead = byDigest
        ? { digest: reference }
        : undefined;
    if (existing && !sourceHead)
        sourceHead = await source.headManifest(sourceRepository, reference);
    if (existing && !sourceHead)
        throw missing();
    const result = {
        action: 'copied',
        digest: sourceHead?.digest ?? '',
        mediaType: sourceHead?.mediaType ?? '',
        bytesUploaded: 0,
        size: 0,
        blobsUploaded: 0,
        blobsMounted: 0,
        blobsSkipped: 0,
        manifestsPut: 0,
        dryRun,
    };
    if (existing && sourceHead) {
        if (existing.digest === sourceHead.digest) {
            session.noteManifest(target.host, targetRepository, existing.digest);
            return { ...result, action: 'skipped', mediaType: result.mediaType || existing.mediaType };
        }
        if (!options.overwrite)
            return { ...result, action: 'conflict', existingDigest: existing.digest };
    }
    const known = request.sourceManifest;
    const manifest = byDigest && known?.digest === reference
        ? known
        : await source
            .getManifest(sourceRepository, sourceHead?.digest ?? reference)
            .catch((error) => {
            throw error instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl && error.status === 404 ? missing() : error;
        });
    result.digest = manifest.digest;
    result.mediaType = manifest.mediaType;
    const walk = { request, options, session, result, counted: new Set() };
    const confirmed = await copyManifestTree(walk, manifest, targetReference, { seen: new Set(), depth: 0 });
    // The PUT's answer named the digest stored under the reference; otherwise ask.
    if (!dryRun && !confirmed) {
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
/**
 * Copies a manifest and what it names (blobs, index children), then the manifest itself; true
 * when the registry's answer to its PUT confirmed the digest stored under `targetReference`.
 */
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
        return false;
    const { digest, confirmed } = await target.putManifestConfirmed(targetRepository, targetReference, manifest);
    result.manifestsPut++;
    session.noteManifest(target.host, targetRepository, manifest.digest);
    return confirmed && digest === manifest.digest;
}
/**
 * Makes sure the target repository has a blob: known, a mount from itself (present) or from
 * another target repository, or an upload (once per session). A dry run only HEADs.
 */
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
        const skipped = () => {
            session.noteBlob(host, targetRepository, blob.digest);
            session.blobsSkipped++;
            result.blobsSkipped++;
        };
        const from = session.mountSource(host, targetRepository, blob.digest);
        if (!options.dryRun) {
            // A mount source only hoped to hold the blob (another shard's home for it) may answer 202
            // even where this repository has it already (a shard run again): ask this repository first.
            if (from !== undefined && !session.hasBlob(host, from, blob.digest))
                if ((await target.headBlob(targetRepository, blob.digest)) !== undefined)
                    return skipped();
            // Otherwise one request where HEAD then POST took two: a mount answers 201 when the
            // repository holds the blob (from another repository known to hold it, or already), else
            // opens the upload session — the spec's answer for any mount a registry cannot do. Without
            // another repository known to hold it, the mount is from the repository itself (most blobs).
            const mount = await target.mountBlob(targetRepository, blob.digest, from ?? targetRepository);
            if (!mount.mounted)
                return upload(walk, blob, mount.location);
            if (from === undefined)
                return skipped();
            session.noteBlob(host, targetRepository, blob.digest);
            session.blobsMounted++;
            result.blobsMounted++;
            return;
        }
        // Dry run: planned, the first repository uploads it, every other one mounts it.
        if ((await target.headBlob(targetRepository, blob.digest)) !== undefined)
            return skipped();
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
    });
}
/** Uploads a blob the target repository lacks (into the session a mount answer opened, if any). */
async function upload(walk, blob, location) {
    const { request, session, result } = walk;
    const host = request.target.host;
    try {
        await streamBlob(walk, blob, location);
    }
    catch (error) {
        // Retried where it failed already; the next image that needs it fails at once.
        session.noteFailedBlob(host, blob.digest, error);
        throw error;
    }
    session.noteBlob(host, request.targetRepository, blob.digest);
    session.bytesUploaded += blob.size;
    result.bytesUploaded += blob.size;
    session.blobsUploaded++;
    result.blobsUploaded++;
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

/***/ 74436:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  push: () => (/* binding */ push)
});

// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(83460);
// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(75873);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(24903);
// EXTERNAL MODULE: ./lib/src/copy/copy.js
var copy_copy = __webpack_require__(45726);
// EXTERNAL MODULE: ./lib/src/copy/platforms.js
var platforms = __webpack_require__(68623);
// EXTERNAL MODULE: ./lib/src/copy/select.js
var copy_select = __webpack_require__(5823);
// EXTERNAL MODULE: ./lib/src/oci/client.js + 15 modules
var client = __webpack_require__(71543);
// EXTERNAL MODULE: ./lib/src/oci/media.js
var media = __webpack_require__(22939);
// EXTERNAL MODULE: ./lib/src/oci/reference.js
var oci_reference = __webpack_require__(77126);
// EXTERNAL MODULE: ./lib/src/tags/targets.js
var targets = __webpack_require__(38301);
// EXTERNAL MODULE: ./lib/src/push/plan.js
var push_plan = __webpack_require__(73479);
// EXTERNAL MODULE: ./lib/src/push/execute.js
var execute = __webpack_require__(21077);
;// CONCATENATED MODULE: ./lib/src/push/from.js
/**
 * `push --from REF@DIGEST`: the image is already in one registry (build-push-action pushed it, or it
 * was built elsewhere); copy it by digest to the other registries the timeline names with the
 * copy engine — the index whole (children first, attestation manifests included), then cosign's
 * `.sig/.att/.sbom` tags and the OCI referrers that describe it, the tags last — then check the
 * digests. No Docker engine is involved.
 */










/**
 * Reads `--from`: `host/repository[:tag]@sha256:…` in the old or the new registry. An image in the
 * new registry needs `--repository` (its old path) unless the manifest has no `paths` rules.
 * @throws UsageError for anything else
 */
function parseFrom(manifest, text, oldPath) {
    const expected = `--from: expected host/repository@sha256:<64 hex> in ${manifest.registries.old.host} or ${manifest.registries.new.host}, found "${text}"`;
    const host = (0,targets/* hostPart */.O1)(text);
    const role = host === undefined ? undefined : (0,targets/* roleOfHost */.g2)(manifest, host);
    if (host === undefined || role === undefined)
        throw new errors/* UsageError */.eb(expected);
    let parsed;
    try {
        parsed = (0,oci_reference/* parseRepositoryReference */.Dp)(text.slice(host.length + 1));
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`${expected}: ${error.message}`);
    }
    if (parsed.digest === undefined || !(0,oci_reference/* isValidDigest */.fH)(parsed.digest))
        throw new errors/* UsageError */.eb(expected);
    const oldRepository = role === 'old' ? parsed.repository : oldPath(parsed.repository);
    if (oldRepository === undefined)
        throw new errors/* UsageError */.eb(`--from names the new registry: give the image's path in the old registry with --repository`);
    return {
        role,
        host,
        repository: parsed.repository,
        digest: parsed.digest,
        oldRepository,
        ...(parsed.tag !== undefined && { tag: parsed.tag }),
    };
}
/**
 * Copies the image `from` names to every target of the plan, then checks every tag for one digest
 * (the answer to its PUT, else a HEAD).
 * The image's manifest is read once; its copy starts at once, while the source's tags and
 * referrers are listed (the signatures and attestations go after the image, the tags last).
 */
async function pushFrom(input) {
    const { from, plan, clientFor, progress } = input;
    const source = clientFor(from.role);
    const session = new copy_copy/* CopySession */.W();
    const top = await source.getManifest(from.repository, from.digest);
    const parts = (0,platforms/* partsOf */.CI)((0,media/* parseManifest */.Ng)(top.bytes, top.mediaType));
    const found = artifactsOf(source, from.repository, [from.digest, ...parts.children.map((c) => c.digest)]);
    // Reported once the listing is in; the image is being copied meanwhile.
    void found.then((artifacts) => progress(`copying ${from.host}/${from.repository}@${from.digest}${parts.platforms.length > 0 ? ` (${parts.platforms.length} platforms, ${parts.attestations} attestation manifests)` : ''}${artifacts.length > 0 ? ` and ${artifacts.length} signatures/attestations/referrers` : ''} to ${plan.targets.map((t) => t.name).join(' and ')}`), () => undefined);
    const stored = new Map();
    const outcomes = await Promise.all(plan.targets.map((target) => copyTo({ from, top, source, target, tags: plan.tags, found, session, stored, clientFor, progress })));
    const artifacts = await found;
    const result = {
        outcomes,
        artifacts: artifacts.map((reference) => (0,oci_reference/* formatRepositoryReference */.$)({ repository: from.repository, ...reference })),
        platforms: parts.platforms,
        attestations: parts.attestations,
        bytesUploaded: session.bytesUploaded,
    };
    if (!outcomes.some((outcome) => outcome.status !== 'failed'))
        return result;
    const verification = await (0,execute/* verifyDigests */.nF)(outcomes, plan.tags, clientFor, stored);
    return { ...result, verification };
}
/** cosign's tags for any of `digests`, and the OCI referrers of the top digest (API, else the fallback tag). */
async function artifactsOf(source, repository, digests) {
    const prefixes = new Set(digests.map((digest) => `sha256-${digest.slice('sha256:'.length)}`));
    const [tags, referrers] = await Promise.all([
        source.listTags(repository).catch(() => []),
        source.listReferrers(repository, digests[0]),
    ]);
    // cosign's `.sig/.att/.sbom`, and the OCI 1.1 referrers fallback tag (`sha256-<hex>`, an index).
    const artifactTags = tags.filter((tag) => (copy_select/* ARTIFACT_TAG */.cZ.test(tag) || /^sha256-[a-f0-9]{64}$/.test(tag)) && prefixes.has(tag.slice(0, 71)));
    return [
        ...artifactTags.sort().map((tag) => ({ tag })),
        ...(referrers ?? []).map((referrer) => ({ digest: referrer.digest })),
    ];
}
/**
 * One target: the image by digest (skipped when the source repository is the target), the
 * artifacts (a differing artifact tag is kept and reported), then every tag; a failure is an outcome.
 */
async function copyTo(context) {
    const { from, source, target, session } = context;
    const started = Date.now();
    const destination = context.clientFor(target.role);
    const copy = (reference, targetReference, overwrite) => (0,copy_copy/* copyImage */.L1)({
        source,
        sourceRepository: from.repository,
        reference,
        target: destination,
        targetRepository: target.repository,
        targetReference,
        sourceManifest: context.top,
    }, { overwrite, session });
    const base = { role: target.role, host: target.registry.host, repository: target.repository };
    try {
        await copy(from.digest, from.digest, false);
        const artifacts = await context.found;
        const copied = await Promise.all(artifacts.map((artifact) => {
            const reference = 'tag' in artifact ? artifact.tag : artifact.digest;
            return copy(reference, reference, false).then((result) => ({ reference, result }));
        }));
        for (const { reference, result } of copied)
            if (result.action === 'conflict')
                context.progress(`kept ${target.name}:${reference}: it points at ${result.existingDigest}, the source has ${result.digest}`);
        // A push replaces its own tags (as `docker push` does); the tags go last, when all is there:
        // the image's bytes are PUT under each tag, and an answer naming the digest stored is its check.
        await Promise.all(context.tags.map(async (tag) => {
            const answer = await destination.putManifestConfirmed(target.repository, tag, context.top);
            if (answer.confirmed && answer.digest === from.digest)
                context.stored.set(`${target.registry.host}/${target.repository}:${tag}`, answer.digest);
        }));
        return {
            ...base,
            references: context.tags.map((tag) => `${target.name}:${tag}`),
            status: 'copied',
            digest: from.digest,
            attempts: 1,
            seconds: (Date.now() - started) / 1000,
        };
    }
    catch (error) {
        return {
            ...base,
            references: [],
            status: 'failed',
            error: error.message.replace(/\s+/g, ' ').trim(),
            ...(error.status === 405 && { refused: true }),
            attempts: 1,
            seconds: (Date.now() - started) / 1000,
        };
    }
}
/**
 * Plans and runs `push --from`: the plan is push's (the same timeline rules), the source is read
 * with a read-only client unless its registry is also a target.
 */
async function deliverFrom(manifest, today, request, context) {
    // Without `paths` rules both registries use the same paths; with them, the old path of a new
    // one is not knowable (several rules could lead there), so it must be given.
    const from = parseFrom(manifest, request.from, (newPath) => request.repository ?? (manifest.paths.length === 0 ? newPath : undefined));
    const plan = (0,push_plan/* planPush */.M)(manifest, today, {
        image: from.oldRepository,
        repository: request.repository ?? from.oldRepository,
        tags: request.tags.length > 0 ? request.tags : [from.tag ?? 'latest'],
    });
    const roles = [...new Set([from.role, ...plan.targets.map((target) => target.role)])];
    const clients = new Map(await Promise.all(roles.map(async (role) => [
        role,
        await client/* RegistryClient */.bP.forRegistry(manifest.registries[role], context.env, {
            secrets: context.secrets,
            readOnly: !plan.targets.some((target) => target.role === role),
        }),
    ])));
    for (const skipped of plan.skipped)
        context.progress(`not pushing to ${skipped.host}: ${skipped.reason}`);
    const result = await pushFrom({
        from,
        plan,
        clientFor: (role) => clients.get(role),
        progress: context.progress,
    });
    return { from, plan, result };
}

// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(21610);
// EXTERNAL MODULE: ./lib/src/manifest/timeline.js
var timeline = __webpack_require__(46108);
;// CONCATENATED MODULE: ./lib/src/push/present.js


/** The report of `push --from`: no engine image, so no provenance to judge (it was judged where it was built). */
function fromReport(manifest, today, from, plan, result) {
    const { outcomes, verification, ...copied } = result;
    return {
        outcomes,
        ...(verification && { verification }),
        manifest,
        today,
        plan,
        image: `${from.host}/${from.repository}@${from.digest}`,
        imageId: from.digest,
        mode: 'from',
        provenance: { traces: [], policy: (0,timeline/* referencePolicy */.OQ)(manifest.timeline, today), blocked: false },
        copied,
    };
}
/** Logs what the image's provenance means today, before anything is pushed. */
function presentProvenance(provenance, reporter) {
    for (const trace of provenance.traces) {
        const message = `the image was built from the old registry (${trace.where}: ${trace.reference}): ${provenance.policy.message}`;
        if (provenance.policy.severity === 'error')
            reporter.error(message);
        else if (provenance.policy.severity === 'warning')
            reporter.warning(message);
        else
            reporter.info(message);
    }
}
/** Turns the report into log lines, the summary, `--json` and outputs. */
function presentPush(report, reporter) {
    const { plan, outcomes, verification, manifest, provenance } = report;
    const failures = describeFailures(outcomes, manifest, report.today);
    for (const failure of failures)
        reporter.error(failure);
    if (verification?.mismatch) {
        const [a, b] = verification.mismatch;
        reporter.error(`digests differ: ${a.reference} is ${a.digest ?? 'missing'}, ${b.reference} is ${b.digest ?? 'missing'}`);
    }
    const digest = verification?.ok ? verification.seen[0]?.digest : undefined;
    const pushed = outcomes.flatMap((outcome) => (outcome.status === 'failed' ? [] : outcome.references));
    for (const reference of pushed)
        reporter.info(`pushed ${reference}${digest ? `@${digest}` : ''}`);
    const failureMessage = provenance.blocked
        ? `the image was built from the old registry ${manifest.registries.old.host}, retired for builds since ${manifest.timeline.failFrom}: nothing pushed`
        : failures.length > 0
            ? failures.join('; ')
            : verification?.mismatch
                ? `digests differ: ${verification.mismatch.map((seen) => `${seen.reference} ${seen.digest ?? 'missing'}`).join(' vs ')}`
                : undefined;
    reporter.summary(summaryOf(report, digest, failureMessage));
    return {
        exitCode: failureMessage ? 1 : 0,
        ...(failureMessage && { failureMessage }),
        outputs: {
            digest: digest ?? '',
            pushed: pushed.join('\n'),
            skipped: plan.skipped.map((skipped) => `${skipped.host}: ${skipped.reason}`).join('\n'),
        },
        json: {
            image: report.image,
            imageId: report.imageId,
            repository: plan.repository,
            tags: plan.tags,
            today: report.today,
            phase: plan.phase,
            mode: report.mode,
            digest: digest ?? null,
            pushed,
            skipped: plan.skipped.map(({ host, reason }) => ({ registry: host, reason })),
            registries: outcomes,
            verified: verification?.ok ?? false,
            ...(verification?.mismatch && { mismatch: verification.mismatch }),
            oldRegistryTraces: provenance.traces.map((trace) => ({
                ...trace,
                severity: provenance.policy.severity,
            })),
            ...(report.copied && {
                platforms: report.copied.platforms,
                attestations: report.copied.attestations,
                artifacts: report.copied.artifacts,
                bytesUploaded: report.copied.bytesUploaded,
            }),
            ...(failureMessage && { failure: failureMessage }),
        },
    };
}
/** One sentence per failed registry, with what to change when the old one refused writes early. */
function describeFailures(outcomes, manifest, today) {
    const done = outcomes.filter((outcome) => outcome.status !== 'failed').map((outcome) => outcome.host);
    return outcomes
        .filter((outcome) => outcome.status === 'failed')
        .map((outcome) => {
        const others = done.length > 0 ? ` (${done.join(' and ')} took the image; ${outcome.host} did not)` : '';
        if (outcome.refused && outcome.role === 'old' && today < manifest.timeline.readOnly) {
            const at = manifest.locator.valueAt(['registries', 'old', 'read-only']);
            return `${outcome.host} refused the push (${outcome.error}) although the manifest says it is writable until ${manifest.timeline.readOnly}: if the old registry is read-only already, change registries.old.read-only (${manifest.source}:${at.line}:${at.column}) to the day it became read-only${others}`;
        }
        return `push to ${outcome.host}/${outcome.repository} failed after ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}: ${outcome.error}${others}`;
    });
}
function summaryOf(report, digest, failure) {
    const { plan, outcomes, provenance } = report;
    const icon = { pushed: '✅ pushed', copied: '✅ copied', failed: '❌ failed' };
    return [
        `### cutover push: \`${report.image}\``,
        '',
        `On **${report.today}** (phase **${plan.phase}**, mode \`${report.mode}\`)${digest ? ` every registry has \`${digest}\`` : ''}.`,
        '',
        (0,markdown/* table */.tp)(['Registry', 'References', 'Result', 'Digest', 'Attempts', 'Time'], [
            ...outcomes.map((outcome) => [
                `\`${outcome.host}\``,
                (outcome.status === 'failed'
                    ? plan.tags.map((tag) => `${outcome.host}/${outcome.repository}:${tag}`)
                    : outcome.references).join('\n'),
                outcome.status === 'failed' ? `${icon.failed}: ${outcome.error ?? ''}` : icon[outcome.status],
                outcome.digest ? `\`${outcome.digest}\`` : '',
                outcome.attempts,
                `${outcome.seconds.toFixed(1)} s`,
            ]),
            ...plan.skipped.map((skipped) => [
                `\`${skipped.host}\``,
                '',
                `⏭️ skipped: ${skipped.reason}`,
                '',
                '',
                '',
            ]),
        ]),
        ...(provenance.traces.length > 0
            ? [
                '',
                (0,markdown/* table */.tp)(['Built from the old registry', 'Reference', 'Severity'], provenance.traces.map((trace) => [
                    trace.where,
                    `\`${trace.reference}\``,
                    provenance.policy.severity,
                ])),
            ]
            : []),
        ...(failure ? ['', `**Failed:** ${failure}`] : []),
    ].join('\n');
}

;// CONCATENATED MODULE: ./lib/src/push/command.js







/** `cutover push`: pushes a locally built image where the timeline says, with one digest everywhere. */
const push = (0,command/* defineCommand */.N)({
    name: 'push',
    summary: 'Push a locally built image to the registries the timeline names today (old, both, or new), verified to one digest.',
    options: {
        image: cli_option/* option */.uK.string('The local image to push: name[:tag] or image ID (this or --from is required).', {
            expected: 'expected a local image name or ID',
        }),
        from: cli_option/* option */.uK.string('An image already in one registry, host/repository[:tag]@sha256:…: copied by digest (index, attestations, signatures, referrers) to the registries the timeline names; no Docker engine needed.', { pattern: /@sha256:[a-f0-9]{64}$/, expected: 'expected host/repository@sha256:<64 hex>' }),
        repository: cli_option/* option */.uK.string("Repository path in the old registry (default: the image's own path); the manifest's paths give the new registry's path."),
        tag: cli_option/* option */.uK.list("Tags to push (default: the image's tag, else latest)."),
        mode: cli_option/* option */.uK.choice(execute/* PUSH_MODES */.qf, 'push: push from the engine to each registry; copy: push once, then copy registry to registry by digest; upload: export from the engine, compress once, upload to every registry at once.', { default: execute/* DEFAULT_MODE */.Cm }),
    },
    outputs: [
        { name: 'digest', description: 'The manifest digest, identical in every registry pushed to.' },
        { name: 'pushed', description: 'Every reference pushed, host/repository:tag, one per line.' },
        { name: 'skipped', description: 'Registries left out today and why, "host: reason", one per line.' },
    ],
    async run({ options, manifest: load, today, reporter, env, secrets }) {
        // parse
        const manifest = await load();
        if (options.from !== undefined) {
            if (options.image !== undefined)
                throw new errors/* UsageError */.eb('give --image or --from, not both');
            const progress = (line) => reporter.info(line);
            const request = {
                from: options.from,
                tags: options.tag,
                ...(options.repository !== undefined && { repository: options.repository }),
            };
            // do: copy registry to registry by digest, then check for one digest everywhere
            const { from, plan, result } = await deliverFrom(manifest, today, request, { env, secrets, progress });
            return presentPush(fromReport(manifest, today, from, plan, result), reporter);
        }
        if (options.image === undefined)
            throw new errors/* UsageError */.eb('--image: expected a local image name or ID (or --from REF@DIGEST for an image already in a registry)');
        const plan = (0,push_plan/* planPush */.M)(manifest, today, {
            image: options.image,
            ...(options.repository !== undefined && { repository: options.repository }),
            tags: options.tag,
        });
        // The engine client (dockerode) and the engine paths load only here: `--from` never needs them.
        const { DockerEngine } = await Promise.all(/* import() */[__webpack_require__.e(166), __webpack_require__.e(126)]).then(__webpack_require__.bind(__webpack_require__, 63126));
        const { deliver, judgeProvenance } = await Promise.all(/* import() */[__webpack_require__.e(166), __webpack_require__.e(723)]).then(__webpack_require__.bind(__webpack_require__, 15723));
        const engine = new DockerEngine(env);
        await engine.ping();
        const image = await engine.inspectImage(options.image);
        if (!image)
            throw new errors/* UsageError */.eb(`--image: the Docker engine has no image "${options.image}" (build or pull it first)`);
        // do: refuse an image built from the retired registry, else push and check for one digest
        const provenance = judgeProvenance(image, manifest, today);
        presentProvenance(provenance, reporter);
        const delivery = provenance.blocked
            ? { outcomes: [] }
            : await deliver({
                plan,
                image,
                imageName: options.image,
                engine,
                mode: options.mode,
                env,
                secrets,
                progress: reporter,
            });
        // present
        return presentPush({
            ...delivery,
            manifest,
            today,
            plan,
            image: options.image,
            imageId: image.id,
            mode: options.mode,
            provenance,
        }, reporter);
    },
});


/***/ }),

/***/ 21077:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cm: () => (/* binding */ DEFAULT_MODE),
/* harmony export */   GH: () => (/* binding */ pushImage),
/* harmony export */   nF: () => (/* binding */ verifyDigests),
/* harmony export */   qf: () => (/* binding */ PUSH_MODES)
/* harmony export */ });
/* unused harmony exports PUSH_RETRY_POLICY, isTransient, isRefusal */
/* harmony import */ var _shared_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57717);

const PUSH_MODES = ['push', 'copy', 'upload'];
/**
 * The mode used when `--mode` is not given: the fastest in bench/push.ts (figures in
 * docs/readme/push.md). `upload` compresses once and sends the same bytes everywhere; `push` is
 * slowest because the engine compresses every layer again for each registry.
 */
const DEFAULT_MODE = 'upload';
/**
 * Retries of a whole push to one registry (the engine gives up on a dropped connection at once):
 * two more attempts, waiting about one second and then two.
 */
const PUSH_RETRY_POLICY = { retries: 2, baseMs: 1000, maxDelayMs: 30_000 };
const TRANSIENT = /connection refused|connection reset|broken pipe|unexpected EOF|\bEOF\b|i\/o timeout|timeout|timed out|TLS handshake|server misbehaving|too many requests|\b429\b|\b50[0234]\b|service unavailable|bad gateway|gateway timeout|internal server error|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|socket hang up/i;
const REFUSED = /\b405\b|method not allowed|UNSUPPORTED|read-?only|maintenance/i;
/** True when an engine or registry error is worth another attempt (dropped connections, 429, 5xx). */
function isTransient(message) {
    return (!isRefusal(message) && TRANSIENT.test(message) && !/unauthori[sz]ed|denied|no such image/i.test(message));
}
/** True when a registry refused to be written to (read-only or maintenance mode answers 405). */
function isRefusal(message) {
    return REFUSED.test(message);
}
/** Registries end their error texts with newlines; a report line wants one line. */
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** Runs `work`, retrying transient failures with the shared {@link retry}; reports how many attempts it took. */
async function withAttempts(work, policy, onRetry) {
    let attempts = 0;
    try {
        const value = await (0,_shared_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .retry */ .L5)(() => {
            attempts++;
            return work();
        }, {
            policy,
            classify: (error) => {
                const message = error.message;
                // The registry client marks its own errors (dropped connections, 408, 429, 5xx) as retryable.
                const retryable = !isRefusal(message) &&
                    (isTransient(message) || error.retryable === true);
                return { retryable, reason: message };
            },
            onRetry: (event) => onRetry(event.attempt, event.reason, event.delayMs),
        });
        return { value, attempts };
    }
    catch (error) {
        throw Object.assign(error, { attempts });
    }
}
/**
 * Gives the engine the names it pushes (`host/repository:tag`), then takes back the ones it did
 * not have before, so the developer's engine ends as it started.
 */
async function withLocalNames(engine, imageId, names, work) {
    const created = [];
    try {
        for (const name of names) {
            const [repository, tag] = splitName(name);
            if ((await engine.imageIdOf(name)) === imageId)
                continue;
            await engine.tag(imageId, repository, tag);
            created.push(name);
        }
        return await work();
    }
    finally {
        for (const name of created)
            await engine.untag(name).catch(() => undefined);
    }
}
function splitName(name) {
    const colon = name.lastIndexOf(':');
    return [name.slice(0, colon), name.slice(colon + 1)];
}
/** Pushes every tag to one registry from the engine, tags one after the other (later ones only add a manifest). */
function pushFromEngine(input, target) {
    return forEveryTag(input, target, 'pushed', async (tag) => {
        const pushed = await input.engine.push(target.name, tag, input.auth(target), (event) => input.onEvent(target, event));
        return pushed.digest;
    });
}
/**
 * Runs `step` for every tag, one after the other, each with retries. The outcome carries the last
 * digest and the most attempts any tag needed; the first tag that still fails fails the target.
 */
async function forEveryTag(input, target, action, step) {
    const started = Date.now();
    let attempts = 0;
    let digest;
    try {
        for (const tag of input.tags) {
            const result = await withAttempts(() => step(tag), input.retry ?? PUSH_RETRY_POLICY, (attempt, error, delayMs) => input.onRetry(target, attempt, error, delayMs));
            attempts = Math.max(attempts, result.attempts);
            digest = result.value;
        }
        return outcome(target, input.tags, action, started, attempts, digest);
    }
    catch (error) {
        return failedOutcome(target, started, attempts, error);
    }
}
async function uploadTo(input, target, upload) {
    const started = Date.now();
    try {
        const result = await withAttempts(() => upload(target), input.retry ?? PUSH_RETRY_POLICY, (attempt, error, delayMs) => input.onRetry(target, attempt, error, delayMs));
        return outcome(target, input.tags, 'pushed', started, result.attempts, result.value);
    }
    catch (error) {
        return failedOutcome(target, started, 0, error);
    }
}
function copyTo(input, from, source, target) {
    return forEveryTag(input, target, 'copied', (tag) => input.copy(source, target, tag, from.digest));
}
/** The outcome of a target whose work failed after `attempts` tries (or as many as the error says). */
function failedOutcome(target, started, attempts, error) {
    const message = oneLine(error.message);
    return {
        ...outcome(target, [], 'failed', started, Math.max(attempts, error.attempts ?? 1)),
        error: message,
        ...(isRefusal(message) && { refused: true }),
    };
}
function outcome(target, tags, status, started, attempts, digest) {
    return {
        role: target.role,
        host: target.registry.host,
        repository: target.repository,
        references: tags.map((tag) => `${target.name}:${tag}`),
        status,
        ...(digest !== undefined && { digest }),
        attempts,
        seconds: (Date.now() - started) / 1000,
    };
}
/**
 * Puts the image in every target registry. `push` mode pushes from the engine to all of them at
 * once; `copy` mode pushes once (to the new registry when it is a target) and copies from there by
 * digest, so the bytes are compressed once and the digests are identical by construction. A
 * registry that fails does not stop the others; each outcome says what happened.
 */
async function pushImage(input) {
    if (input.mode === 'upload') {
        const upload = input.upload;
        // A caller bug, not a user's mistake: reported as an internal error with its stack.
        if (!upload)
            throw new TypeError('upload mode needs an upload step');
        return Promise.all(input.targets.map((target) => uploadTo(input, target, upload)));
    }
    const names = input.targets.flatMap((target) => input.tags.map((tag) => `${target.name}:${tag}`));
    return withLocalNames(input.engine, input.imageId, names, async () => {
        if (input.mode === 'push' || input.targets.length === 1) {
            return Promise.all(input.targets.map((target) => pushFromEngine(input, target)));
        }
        const primary = input.targets.find((target) => target.role === 'new') ?? input.targets[0];
        const others = input.targets.filter((target) => target !== primary);
        const first = await pushFromEngine(input, primary);
        const rest = await Promise.all(others.map((target) => first.status !== 'failed' && first.digest
            ? copyTo(input, first, primary, target)
            : // Nothing to copy from: the other registries still get their own push.
                pushFromEngine(input, target)));
        // Report in the timeline's order (old before new).
        const byRole = new Map([first, ...rest].map((result) => [result.role, result]));
        return input.targets.map((target) => byRole.get(target.role));
    });
}
/**
 * HEADs the manifest of every tag in every registry that reported success and requires a single
 * digest everywhere (and equal to the one the push reported). A tag in `stored` (by
 * `host/repository:tag`) is not read again: the registry's answer to its PUT named the digest it
 * stored under it.
 */
async function verifyDigests(outcomes, tags, readerFor, stored = new Map()) {
    const done = outcomes.filter((result) => result.status !== 'failed');
    const seen = await Promise.all(done.flatMap((result) => tags.map(async (tag) => {
        const reference = `${result.host}/${result.repository}:${tag}`;
        const digest = stored.get(reference) ??
            (await readerFor(result.role).headManifest(result.repository, tag))?.digest;
        return { host: result.host, reference, digest };
    })));
    const reported = done.map((result) => ({
        host: result.host,
        reference: `${result.host}/${result.repository} (reported by the ${result.status === 'copied' ? 'copy' : 'engine'})`,
        digest: result.digest,
    }));
    const all = [...seen, ...reported];
    const first = all[0];
    const other = all.find((entry) => entry.digest !== first?.digest);
    return {
        ok: first !== undefined && other === undefined,
        seen,
        ...(first && other && { mismatch: [first, other] }),
    };
}


/***/ }),

/***/ 73479:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ planPush)
/* harmony export */ });
/* unused harmony export ownPathOf */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83460);
/* harmony import */ var _manifest_paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31959);
/* harmony import */ var _manifest_timeline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46108);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77126);




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
    const phase = (0,_manifest_timeline_js__WEBPACK_IMPORTED_MODULE_2__/* .phaseAt */ .BA)(manifest.timeline, today);
    const paths = { old: repository, new: (0,_manifest_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .mapRepository */ .T)(repository, manifest.paths) };
    if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidRepositoryPath */ .M0)(paths.new)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`the manifest's paths map "${repository}" to "${paths.new}", which is not a valid repository path`);
    }
    const targets = (0,_manifest_timeline_js__WEBPACK_IMPORTED_MODULE_2__/* .pushTargets */ .XV)(phase).map((role) => {
        const registry = manifest.registries[role];
        return { role, registry, repository: paths[role], name: `${registry.host}/${paths[role]}` };
    });
    const reason = (0,_manifest_timeline_js__WEBPACK_IMPORTED_MODULE_2__/* .oldRegistrySkippedReason */ .FN)(manifest.timeline, phase);
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

/***/ 38301:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O1: () => (/* binding */ hostPart),
/* harmony export */   Vd: () => (/* binding */ planTags),
/* harmony export */   g2: () => (/* binding */ roleOfHost),
/* harmony export */   je: () => (/* binding */ plannedReferences)
/* harmony export */ });
/* unused harmony export parseTagLine */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83460);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77126);
/* harmony import */ var _push_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73479);
/**
 * Today's full references for an image about to be built: the tags a build should push (old,
 * both, or new registry, by the timeline), in the form docker/build-push-action's `tags:` takes.
 */



/** The role of a registry host in the manifest (aliases of the old one included), if it is one. */
function roleOfHost(manifest, host) {
    const wanted = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeHost */ .cS)(host);
    const { old, new: next } = manifest.registries;
    if ([old.host, ...old.aliases].some((name) => (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeHost */ .cS)(name) === wanted))
        return 'old';
    if ((0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeHost */ .cS)(next.host) === wanted)
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
/**
 * Reads one line of `--tags`: a bare tag (`1.2`, with `--repository`), `repository:tag` (what
 * docker/metadata-action writes for `images: api`), or `old-host/repository:tag`.
 * @throws UsageError naming the line, for anything else
 */
function parseTagLine(manifest, line, number, repository) {
    const where = `--tags line ${number} ("${line}")`;
    if (!line.includes(':') && !line.includes('/') && !line.includes('@')) {
        if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidTag */ .r_)(line))
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: expected a tag (letters, digits, _ . -, at most 128, not starting with . or -)`);
        if (!repository)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: a bare tag needs --repository (the image's path in the old registry)`);
        return { repository, tag: line };
    }
    const host = hostPart(line);
    if (host !== undefined) {
        const role = roleOfHost(manifest, host);
        if (role !== 'old')
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: name images by their path in the old registry ${manifest.registries.old.host} (or without a host); ${role === 'new' ? 'the manifest’s paths give the new registry’s path' : `${host} is not a registry of the manifest`}`);
    }
    let parsed;
    try {
        parsed = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRepositoryReference */ .Dp)(host === undefined ? line : line.slice(host.length + 1));
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
        const plan = (0,_push_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .planPush */ .M)(manifest, today, { image: repository, repository, tags });
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


/***/ })

};
;