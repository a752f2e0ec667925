"use strict";
exports.id = 769;
exports.ids = [769];
exports.modules = {

/***/ 68334:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* reexport */ CopySession),
  yM: () => (/* binding */ MAX_INDEX_DEPTH),
  oQ: () => (/* binding */ MAX_MANIFESTS_PER_IMAGE),
  L1: () => (/* binding */ copyImage)
});

// EXTERNAL MODULE: ./lib/src/oci/errors.js
var errors = __webpack_require__(29949);
// EXTERNAL MODULE: ./lib/src/oci/media.js
var media = __webpack_require__(21732);
// EXTERNAL MODULE: ./lib/src/oci/reference.js
var oci_reference = __webpack_require__(92041);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./lib/src/copy/blob-transfer.js




/**
 * The blobs of the copy engine: each one known, mounted (from the target repository itself or
 * another that holds it) or streamed from the source with its size and digest checked on the way,
 * uploaded at most once per run.
 */
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
    const hash = (0,external_node_crypto_.createHash)((0,media/* algorithmOf */.Hy)(blob.digest));
    let total = 0;
    const mismatch = (message) => new errors/* RegistryError */.gl('digest-mismatch', `${host}: blob ${blob.digest}: ${message}`, {
        code: 'DIGEST_INVALID',
        host,
        final: true,
    });
    const verifier = new external_node_stream_.Transform({
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
            const actual = `${(0,media/* algorithmOf */.Hy)(blob.digest)}:${hash.digest('hex')}`;
            callback(actual === blob.digest ? null : mismatch(`the bytes hash to ${actual}`));
        },
    });
    stream.on('error', (error) => verifier.destroy(error));
    verifier.on('close', () => stream.destroy());
    return stream.pipe(verifier);
}

;// CONCATENATED MODULE: ./lib/src/copy/session.js
/**
 * The state one run of the copy engine shares between its images: which target repositories hold
 * which blobs and manifests, the uploads and manifest copies in flight (each done once, the others
 * wait), the blobs that failed, and the totals.
 */
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
    /** target host + repository + digest → the copy of that manifest in flight; others wait for it. */
    manifestsInFlight = new Map();
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
    /**
     * Copies a manifest once however many indexes of the run name it: while one copy of it to a
     * target repository is in flight, the others wait for that copy instead of making their own.
     */
    manifestOnce(host, repository, digest, work) {
        const key = `${host} ${repository} ${digest}`;
        const running = this.manifestsInFlight.get(key);
        if (running)
            return running;
        const promise = work().finally(() => this.manifestsInFlight.delete(key));
        this.manifestsInFlight.set(key, promise);
        return promise;
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

;// CONCATENATED MODULE: ./lib/src/copy/copy.js






/** Indexes nested deeper than this are refused (real images nest one or two levels). */
const MAX_INDEX_DEPTH = 8;
/**
 * Distinct manifests one image may have (its index, nested indexes, platforms, attestations):
 * real images have a few dozen; past this the image is refused before its children are read.
 */
const MAX_MANIFESTS_PER_IMAGE = 1000;
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
    const byDigest = (0,oci_reference/* isValidDigest */.fH)(reference);
    const missing = () => new errors/* RegistryError */.gl('not-found', `${source.host}/${sourceRepository}:${reference} does not exist`, {
        status: 404,
        code: 'MANIFEST_UNKNOWN',
        host: source.host,
    });
    // The target first. When it has the reference (a re-run), a HEAD of the source says whether it
    // is the same: a HEAD is not a pull where registries count pulls. When it has not, the source's
    // manifest is read in one GET — by digest, or by tag with the digest computed from the bytes
    // read, so a tag moved in the meantime cannot swap the content under us.
    const listedAbsent = options.targetTags !== undefined &&
        !(0,oci_reference/* isValidDigest */.fH)(targetReference) &&
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
            throw error instanceof errors/* RegistryError */.gl && error.status === 404 ? missing() : error;
        });
    result.digest = manifest.digest;
    result.mediaType = manifest.mediaType;
    const walk = { request, options, session, result, counted: new Set(), children: new Map() };
    const confirmed = await copyManifestTree(walk, manifest, targetReference, { seen: new Set(), depth: 0 });
    // The PUT's answer named the digest stored under the reference; otherwise ask.
    if (!dryRun && !confirmed) {
        const written = await target.headManifest(targetRepository, targetReference);
        if (written?.digest !== manifest.digest) {
            throw new errors/* RegistryError */.gl('digest-mismatch', `${target.host}/${targetRepository}:${targetReference} resolves to ${written?.digest ?? 'nothing'} after the copy, expected ${manifest.digest}`, { code: 'VERIFY_FAILED', host: target.host, final: true });
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
        throw new errors/* RegistryError */.gl('invalid-response', `${where}: indexes nested deeper than ${MAX_INDEX_DEPTH} levels`, {
            host: source.host,
            final: true,
        });
    const content = (0,media/* sha256Digest */.sI)(manifest.bytes);
    if (ancestors.seen.has(manifest.digest) || ancestors.seen.has(content))
        throw new errors/* RegistryError */.gl('invalid-response', `${where}: the index names itself (a manifest with the same bytes appears again below it): refusing to walk a cycle`, { host: source.host, final: true });
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
    const parsed = (0,media/* parseImageManifest */.Sw)(manifest.bytes, manifest.mediaType);
    result.size += manifest.bytes.length;
    if (parsed.isIndex) {
        for (const child of parsed.manifests)
            checkDescriptor(walk, child, 'manifest');
        // Children by digest first, so the index (and its tag) never points at something missing.
        const children = [...new Map(parsed.manifests.map((child) => [child.digest, child])).values()];
        const fresh = children.filter((child) => !walk.children.has(child.digest));
        if (walk.children.size + fresh.length + 1 > MAX_MANIFESTS_PER_IMAGE)
            throw new errors/* RegistryError */.gl('invalid-response', `${source.host}/${sourceRepository}@${walk.result.digest}: the image has more than ${MAX_MANIFESTS_PER_IMAGE} manifests (the budget for one image): refusing to copy it`, { host: source.host, final: true });
        // A child that is one of this walk's ancestors would wait for itself: a cycle, refused.
        for (const child of children)
            if (path.seen.has(child.digest))
                throw new errors/* RegistryError */.gl('invalid-response', `${source.host}/${sourceRepository}@${child.digest.slice(0, 80)}: the index names itself (it appears again below itself): refusing to walk a cycle`, { host: source.host, final: true });
        for (const child of fresh) {
            walk.children.set(child.digest, session.manifestOnce(target.host, targetRepository, child.digest, () => copyChild(walk, child, path)));
        }
        await Promise.all(children.map((child) => walk.children.get(child.digest)));
    }
    else {
        for (const blob of parsed.blobs)
            checkDescriptor(walk, blob, 'blob');
        await Promise.all(parsed.blobs
            .filter((blob) => !(0,media/* isForeignBlob */.Go)(blob))
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
/** One index child: known present in the target, else read from the source and copied whole. */
async function copyChild(walk, child, ancestors) {
    const { request, session, result } = walk;
    const { source, target, sourceRepository, targetRepository } = request;
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
        throw new errors/* RegistryError */.gl('invalid-response', `${source.host}/${sourceRepository}@${child.digest}: the index says ${child.size} bytes, the manifest has ${childManifest.bytes.length}`, { host: source.host, final: true });
    await copyManifestTree(walk, childManifest, child.digest, ancestors);
}
/** A descriptor from a manifest is used in URLs and sizes: its digest and size must be sane. */
function checkDescriptor(walk, descriptor, what) {
    const { source, sourceRepository } = walk.request;
    const valid = typeof descriptor.digest === 'string' &&
        (0,oci_reference/* isValidDigest */.fH)(descriptor.digest) &&
        Number.isSafeInteger(descriptor.size) &&
        descriptor.size >= 0;
    if (!valid)
        throw new errors/* RegistryError */.gl('invalid-response', `${source.host}/${sourceRepository}: a ${what} descriptor with digest ${JSON.stringify(descriptor.digest)?.slice(0, 150)} and size ${String(descriptor.size)} is not valid (sha256 or sha512 digests, whole sizes)`, { host: source.host, final: true });
}


/***/ }),

/***/ 1568:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ startDeadline)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8835);

/**
 * The run's `--deadline`: when it passes, every request listening to the signal is aborted and later
 * ones fail at once with the abort reason, a `timeout` OperationalError. The timer never keeps the
 * process alive. Without a limit the signal never aborts.
 */
function startDeadline(ms, flag = '--deadline') {
    const controller = new AbortController();
    if (ms === undefined)
        return { signal: controller.signal, expired: false, clear: () => undefined };
    const shown = ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
    const timer = setTimeout(() => controller.abort(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationalError */ .LE('timeout', `the ${flag} of ${shown} passed`)), ms);
    timer.unref();
    return {
        signal: controller.signal,
        get expired() {
            return controller.signal.aborted;
        },
        clear: () => clearTimeout(timer),
    };
}


/***/ })

};
;
//# sourceMappingURL=769.index.cjs.js.map
