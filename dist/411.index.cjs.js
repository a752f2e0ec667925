"use strict";
exports.id = 411;
exports.ids = [411];
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
    const existing = await target.headManifest(targetRepository, targetReference);
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
    const manifest = await source
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
        if (from === undefined && !options.dryRun) {
            // One request where HEAD then POST took two (most blobs of a run): a mount from the
            // repository itself answers 201 when it holds the blob, else opens the upload session —
            // the spec's answer for any mount a registry cannot do.
            const self = await target.mountBlob(targetRepository, blob.digest, targetRepository);
            if (self.mounted)
                return skipped();
            return upload(walk, blob, self.location);
        }
        if ((await target.headBlob(targetRepository, blob.digest)) !== undefined)
            return skipped();
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
        await upload(walk, blob, location);
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

/***/ 92792:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  push: () => (/* binding */ push)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../../main/node_modules/dockerode/lib/docker.js
var docker = __webpack_require__(51166);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(83460);
;// CONCATENATED MODULE: ./lib/src/docker/engine.js





/** The engine refused or failed a push; `message` is the engine's own words. */
class EnginePushError extends Error {
    name = 'EnginePushError';
}
/**
 * Where the engine is: `DOCKER_HOST` (`unix://…`, `tcp://host:port`, `http(s)://…`), else the default
 * socket. Read from the environment the command was given, not from the process, so tests and
 * actions can point it at another engine.
 */
function engineOptions(env) {
    const host = env['DOCKER_HOST']?.trim();
    if (!host)
        return { socketPath: '/var/run/docker.sock' };
    if (host.startsWith('unix://'))
        return { socketPath: host.slice('unix://'.length) };
    const match = /^(tcp|http|https):\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?\/?$/.exec(host);
    if (!match) {
        throw new errors/* UsageError */.eb(`DOCKER_HOST: expected unix:///path/to/docker.sock or tcp://host:port, found ${JSON.stringify(host)}`);
    }
    const tls = match[1] === 'https' || Boolean(env['DOCKER_TLS_VERIFY']);
    const options = {
        host: match[2].replace(/^\[|\]$/g, ''),
        port: Number(match[3] ?? (tls ? 2376 : 2375)),
        protocol: tls ? 'https' : 'http',
    };
    if (!tls)
        return options;
    // As the docker CLI: client certificates from DOCKER_CERT_PATH, else ~/.docker.
    const certs = env['DOCKER_CERT_PATH'] || external_node_path_.join(env['HOME'] || external_node_os_.homedir(), '.docker');
    const read = (name) => {
        try {
            return (0,external_node_fs_.readFileSync)(external_node_path_.join(certs, name));
        }
        catch {
            return undefined;
        }
    };
    const [ca, cert, key] = [read('ca.pem'), read('cert.pem'), read('key.pem')];
    return { ...options, ...(ca && { ca }), ...(cert && { cert }), ...(key && { key }) };
}
/** The `X-Registry-Auth` document the engine expects for one registry. */
function authConfigFor(host, credentials) {
    if (!credentials)
        return undefined;
    if (credentials.kind === 'identity-token') {
        return { serveraddress: host, identitytoken: credentials.token };
    }
    return { serveraddress: host, username: credentials.username, password: credentials.password };
}
/** A small seam over dockerode: the few engine calls push makes, with errors in the engine's words. */
class DockerEngine {
    docker;
    /** Where the engine is, for messages. */
    address;
    constructor(env) {
        const options = engineOptions(env);
        this.docker = new docker(options);
        this.address = options.socketPath
            ? `unix://${String(options.socketPath)}`
            : `${String(options.protocol)}://${String(options.host)}:${String(options.port)}`;
    }
    /** Fails with a UsageError naming DOCKER_HOST when the engine does not answer. */
    async ping() {
        try {
            await this.docker.ping();
        }
        catch (error) {
            throw new errors/* UsageError */.eb(`cannot reach the Docker engine at ${this.address} (set DOCKER_HOST): ${error.message}`);
        }
    }
    /** The local image `reference` (name:tag or ID), or undefined when the engine has no such image. */
    async inspectImage(reference) {
        const image = this.docker.getImage(reference);
        let info;
        try {
            info = await image.inspect();
        }
        catch (error) {
            if (error.statusCode === 404)
                return undefined;
            throw error;
        }
        const history = (await image.history());
        return {
            id: info.Id,
            repoTags: info.RepoTags ?? [],
            labels: info.Config?.Labels ?? {},
            history: history.map((step) => step.CreatedBy ?? ''),
            size: info.Size,
        };
    }
    /** Names `imageId` as `repository:tag` in the engine (what `docker tag` does). */
    async tag(imageId, repository, tag) {
        await this.docker.getImage(imageId).tag({ repo: repository, tag });
    }
    /** Removes the name `reference` only; the image and its other names stay (`docker rmi --no-prune` on a tag). */
    async untag(reference) {
        await this.docker.getImage(reference).remove({ noprune: true });
    }
    /** The image as `docker save` writes it (a tar of its config and uncompressed layers). */
    async exportImage(imageId) {
        return this.docker.getImage(imageId).get();
    }
    /** The image ID a name points at, or undefined. */
    async imageIdOf(reference) {
        return (await this.inspectImage(reference))?.id;
    }
    /**
     * Pushes `repository:tag` (a name that includes the registry host) and returns the manifest
     * digest the engine reports. Every event goes to `onEvent`; an error event rejects with
     * EnginePushError carrying the engine's message.
     */
    async push(repository, tag, auth, onEvent) {
        const stream = await this.docker
            .getImage(repository)
            .push({ tag, ...(auth && { authconfig: auth }) })
            .catch((error) => {
            throw new EnginePushError(error.message);
        });
        return new Promise((resolve, reject) => {
            let result;
            let failure;
            this.docker.modem.followProgress(stream, (error) => {
                if (error)
                    reject(new EnginePushError(error.message));
                else if (failure)
                    reject(new EnginePushError(failure));
                else if (!result)
                    reject(new EnginePushError('the engine finished the push without reporting a digest'));
                else
                    resolve(result);
            }, (event) => {
                if (event.error || event.errorDetail)
                    failure ??= event.errorDetail?.message ?? event.error;
                if (event.aux?.Digest)
                    result = { digest: event.aux.Digest, size: event.aux.Size ?? 0 };
                onEvent(event);
            });
        });
    }
}

// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(75873);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(24903);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(21610);
// EXTERNAL MODULE: ./lib/src/shared/progress.js
var progress = __webpack_require__(88456);
;// CONCATENATED MODULE: ./lib/src/docker/progress.js


/**
 * Folds the engine's per-layer push events, from every registry at once, into one steady line:
 * `pushing app:1 to 2 registries: 45% (54.0 MB of 120.0 MB, 31.2 MB/s, 1.7 s)`. The engine sends
 * several events per layer per second; the log gets at most one line per interval.
 */
class PushProgress {
    what;
    layers = new Map();
    line;
    constructor(what, print, intervalMs) {
        this.what = what;
        this.line = new progress/* ProgressLine */.g(print, (seconds) => this.render(seconds), intervalMs);
    }
    /** Takes one event of the push to `target` (a registry host) and prints if the interval has passed. */
    update(target, event) {
        if (!event.id || event.aux)
            return;
        const key = `${target}\u0000${event.id}`;
        const layer = this.layers.get(key) ?? { current: 0, total: 0, done: false };
        this.layers.set(key, layer);
        const detail = event.progressDetail ?? {};
        if (event.status === 'Pushing') {
            if (detail.total)
                layer.total = Math.max(layer.total, detail.total);
            // The engine counts tar headers too, so current may pass total; never show more than 100%.
            if (detail.current !== undefined)
                layer.current = Math.max(layer.current, detail.current);
        }
        else if (event.status === 'Pushed' ||
            event.status === 'Layer already exists' ||
            event.status?.startsWith('Mounted from')) {
            layer.done = true;
        }
        else {
            // Preparing, Waiting: nothing moved yet, so nothing worth a line.
            return;
        }
        this.line.tick();
    }
    /** Prints the final line. */
    done() {
        this.line.done();
    }
    /** Bytes sent so far and bytes known to send, over every layer and registry. */
    totals() {
        let sent = 0;
        let total = 0;
        let finished = 0;
        for (const layer of this.layers.values()) {
            total += layer.total;
            sent += layer.done ? layer.total : Math.min(layer.current, layer.total);
            if (layer.done)
                finished++;
        }
        return { sent, total, layers: this.layers.size, finished };
    }
    render(seconds) {
        const { sent, total, layers, finished } = this.totals();
        const percent = layers > 0 && finished === layers ? 100 : total > 0 ? Math.floor((sent / total) * 100) : 0;
        return `${this.what}: ${percent}% (${(0,markdown/* formatBytes */.z3)(sent)} of ${(0,markdown/* formatBytes */.z3)(total)}, ${(0,progress/* formatRate */.C)(sent, seconds)}, ${finished}/${layers} layers, ${seconds.toFixed(1)} s)`;
    }
}

// EXTERNAL MODULE: ./lib/src/oci/reference.js
var oci_reference = __webpack_require__(77126);
;// CONCATENATED MODULE: ./lib/src/docker/provenance.js

/** Labels that name the image an image was built from (OCI annotations and common build tools). */
const BASE_IMAGE_LABELS = [
    'org.opencontainers.image.base.name',
    'org.label-schema.base-image',
    'io.buildah.base-image',
];
/** Words in a history step that could be image references: `FROM x`, `COPY --from=x`, `--mount=from=x`. */
function candidateWords(text) {
    return text
        .split(/[\s"'=,;]+/)
        .map((word) => word.replace(/^[([{]+|[)\]}]+$/g, ''))
        .filter((word) => word.includes('/') && !word.startsWith('/') && !word.includes('://'));
}
/** True when `text` is a full reference whose registry is exactly the old host or one of its aliases. */
function namesRegistry(text, hosts) {
    const slash = text.indexOf('/');
    if (slash <= 0 || !hosts.has((0,oci_reference/* normalizeHost */.cS)(text.slice(0, slash))))
        return false;
    try {
        return hosts.has((0,oci_reference/* parseReference */.F2)(text).registry);
    }
    catch {
        return false;
    }
}
/**
 * Finds where a built image names the old registry: its base-image labels and the `created_by` of
 * its history (`COPY --from=…`, `FROM …` recorded by some builders). Hosts match exactly, aliases
 * included, so `registry.old.example.com.evil.io` is not the old registry.
 */
function findOldRegistryTraces(image, old) {
    const hosts = new Set([old.host, ...old.aliases].map(oci_reference/* normalizeHost */.cS));
    const traces = [];
    for (const label of BASE_IMAGE_LABELS) {
        const value = image.labels[label]?.trim();
        if (value && namesRegistry(value, hosts))
            traces.push({ where: `label ${label}`, reference: value });
    }
    // The engine lists history newest first; people count Dockerfile steps from the top.
    const steps = [...image.history].reverse();
    steps.forEach((createdBy, index) => {
        for (const word of new Set(candidateWords(createdBy))) {
            if (namesRegistry(word, hosts))
                traces.push({ where: `history step ${index + 1}`, reference: word });
        }
    });
    return traces;
}

// EXTERNAL MODULE: ./lib/src/manifest/timeline.js
var timeline = __webpack_require__(46108);
// EXTERNAL MODULE: ./lib/src/oci/client.js + 15 modules
var client = __webpack_require__(71543);
// EXTERNAL MODULE: ./lib/src/oci/credentials.js
var oci_credentials = __webpack_require__(22857);
// EXTERNAL MODULE: ./lib/src/copy/copy.js
var copy_copy = __webpack_require__(45726);
;// CONCATENATED MODULE: ./lib/src/push/copy-step.js



/**
 * The copy mode's second step: the copy-tags engine copies the digest just pushed from one
 * registry to another and writes the tag there. Blobs go registry to registry as stored, so
 * nothing is compressed again and the digest cannot change. A push replaces its own tags (as
 * `docker push` does), so a tag that points elsewhere is overwritten, not reported as a conflict.
 */
function pushViaCopy(clientFor, print) {
    const session = new copy_copy/* CopySession */.W();
    return async (from, to, tag, digest) => {
        print(`copying ${digest} from ${from.name} to ${to.name}:${tag} (registry to registry)`);
        const started = session.bytesStreamed;
        const line = new progress/* ProgressLine */.g(print, (seconds) => `copying to ${to.registry.host}: ${(0,markdown/* formatBytes */.z3)(session.bytesStreamed - started)}, ${(0,progress/* formatRate */.C)(session.bytesStreamed - started, seconds)}, ${seconds.toFixed(1)} s`);
        // The engine's events drive the push's line; a copy has none, so a timer asks every second.
        const timer = setInterval(() => line.tick(), 1000);
        try {
            const result = await (0,copy_copy/* copyImage */.L1)({
                source: clientFor(from.role),
                sourceRepository: from.repository,
                reference: digest,
                target: clientFor(to.role),
                targetRepository: to.repository,
                targetReference: tag,
            }, { overwrite: true, session });
            line.done();
            return result.digest;
        }
        finally {
            clearInterval(timer);
        }
    };
}

// EXTERNAL MODULE: ./lib/src/shared/retry.js
var retry = __webpack_require__(57717);
;// CONCATENATED MODULE: ./lib/src/push/execute.js

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
        const value = await (0,retry/* retry */.L5)(() => {
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
 * digest everywhere (and equal to the one the push reported).
 */
async function verifyDigests(outcomes, tags, readerFor) {
    const done = outcomes.filter((result) => result.status !== 'failed');
    const seen = await Promise.all(done.flatMap((result) => tags.map(async (tag) => {
        const head = await readerFor(result.role).headManifest(result.repository, tag);
        return {
            host: result.host,
            reference: `${result.host}/${result.repository}:${tag}`,
            digest: head?.digest,
        };
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
;// CONCATENATED MODULE: ./lib/src/docker/export.js



function octal(block, start, length) {
    const text = block
        .toString('latin1', start, start + length)
        .replace(/\0.*$/s, '')
        .trim();
    return text ? parseInt(text, 8) : 0;
}
function cString(block, start, length) {
    return block.toString('utf8', start, start + length).replace(/\0.*$/s, '');
}
/** PAX extended headers (`path=…`) override the next entry's name. */
function paxPath(data) {
    for (const record of data.toString('utf8').split('\n')) {
        const match = /^\d+ path=(.*)$/.exec(record);
        if (match)
            return match[1];
    }
    return undefined;
}
/**
 * Reads a tar stream (ustar, GNU long names, PAX paths) once, front to back: regular files smaller
 * than `streamFrom` bytes are kept in memory, larger ones are handed to `consume` as a stream while
 * the archive is still arriving (with backpressure), so nothing is written to disk twice.
 */
async function readTarStream(source, streamFrom, consume) {
    const files = new Map();
    const consumers = new Map();
    let state = { kind: 'header' };
    let header = Buffer.alloc(0);
    let longName;
    const finish = (body) => {
        if (body.sink)
            body.sink.end();
        else if (body.meta) {
            const data = Buffer.concat(body.chunks ?? []);
            longName = body.meta === 'L' ? cString(data, 0, data.length) : paxPath(data);
        }
        else
            files.set(body.name, Buffer.concat(body.chunks ?? []));
        return { kind: 'skip', remaining: body.padding };
    };
    for await (const chunk of source) {
        let offset = 0;
        while (offset < chunk.length && state.kind !== 'end') {
            if (state.kind === 'skip') {
                const take = Math.min(state.remaining, chunk.length - offset);
                offset += take;
                state =
                    state.remaining - take === 0
                        ? { kind: 'header' }
                        : { kind: 'skip', remaining: state.remaining - take };
                continue;
            }
            if (state.kind === 'header') {
                const take = Math.min(512 - header.length, chunk.length - offset);
                header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
                offset += take;
                if (header.length < 512)
                    continue;
                const block = header;
                header = Buffer.alloc(0);
                if (block.every((byte) => byte === 0)) {
                    state = { kind: 'end' };
                    continue;
                }
                const size = octal(block, 124, 12);
                const type = String.fromCharCode(block[156] || 48);
                const prefix = cString(block, 345, 155);
                const base = cString(block, 0, 100);
                const name = (longName ?? (prefix ? `${prefix}/${base}` : base)).replace(/^\.\//, '');
                const padding = (512 - (size % 512)) % 512;
                let body;
                if (type === 'L' || type === 'x') {
                    body = { kind: 'body', name, remaining: size, padding, meta: type, chunks: [] };
                }
                else if (type === '0' || type === '\0') {
                    longName = undefined;
                    if (size >= streamFrom) {
                        const sink = new external_node_stream_.PassThrough();
                        const consumer = consume(name, size, sink);
                        // Awaited below; caught here so an early failure is not an unhandled rejection meanwhile.
                        consumer.catch(() => undefined);
                        consumers.set(name, consumer);
                        body = { kind: 'body', name, remaining: size, padding, sink, consumer };
                    }
                    else
                        body = { kind: 'body', name, remaining: size, padding, chunks: [] };
                }
                else {
                    longName = undefined;
                    state = { kind: 'skip', remaining: size + padding };
                    if (size + padding === 0)
                        state = { kind: 'header' };
                    continue;
                }
                state = size === 0 ? finish(body) : body;
                if (state.kind === 'skip' && state.remaining === 0)
                    state = { kind: 'header' };
                continue;
            }
            const take = Math.min(state.remaining, chunk.length - offset);
            const piece = chunk.subarray(offset, offset + take);
            offset += take;
            state.remaining -= take;
            if (state.sink) {
                if (!state.sink.write(piece))
                    await Promise.race([(0,external_node_events_.once)(state.sink, 'drain'), state.consumer]);
            }
            else
                state.chunks.push(piece);
            if (state.remaining === 0) {
                state = finish(state);
                if (state.kind === 'skip' && state.remaining === 0)
                    state = { kind: 'header' };
            }
        }
    }
    if (state.kind === 'body')
        throw new errors/* OperationalError */.LE('invalid-response', `the archive ends inside ${state.name}`);
    const streamed = new Map();
    for (const [name, consumer] of consumers)
        streamed.set(name, await consumer);
    return { files, streamed };
}
/** The image config and layer names an engine's export (`docker save`) declares in its manifest.json. */
function describedImage(files, imageId) {
    const manifest = files.get('manifest.json');
    if (!manifest)
        throw new errors/* OperationalError */.LE('invalid-response', `the engine's export of ${imageId} has no manifest.json`);
    const [described] = JSON.parse(manifest.toString('utf8'));
    if (!described)
        throw new errors/* OperationalError */.LE('invalid-response', `the engine's export of ${imageId} describes no image`);
    return { config: described.Config, layers: described.Layers };
}

;// CONCATENATED MODULE: ./lib/src/push/upload.js








/** The media types `docker push` writes; pulls of every engine and registry understand them. */
const DOCKER_MEDIA = {
    manifest: 'application/vnd.docker.distribution.manifest.v2+json',
    config: 'application/vnd.docker.container.image.v1+json',
    layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
};
/** Share of a layer's first MiB that deflate must save for the layer to be compressed at all. */
const WORTH_COMPRESSING = 0.05;
const SAMPLE_BYTES = 1 << 20;
function sha256(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
/** A pass-through that hashes and counts what flows by. */
function digester() {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let count = 0;
    const stream = new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            hash.update(chunk);
            count += chunk.length;
            callback(null, chunk);
        },
    });
    return Object.assign(stream, { digest: () => `sha256:${hash.digest('hex')}`, bytes: () => count });
}
/**
 * Compresses one layer tar to `out` with gzip. Layers whose first MiB deflate cannot shrink by 5 %
 * (already-compressed content: archives, media, random data) are written as stored gzip blocks:
 * still gzip, so every puller reads them, without spending seconds of CPU on nothing. A layer that
 * already is gzip (the containerd image store exports layers as pushed) is kept as it is.
 */
async function compressLayer(body, out) {
    const iterator = body[Symbol.asyncIterator]();
    const head = [];
    let headBytes = 0;
    let ended = false;
    while (headBytes < SAMPLE_BYTES) {
        const next = await iterator.next();
        if (next.done) {
            ended = true;
            break;
        }
        head.push(next.value);
        headBytes += next.value.length;
    }
    const source = external_node_stream_.Readable.from((async function* () {
        yield* head;
        if (ended)
            return;
        for (let next = await iterator.next(); !next.done; next = await iterator.next())
            yield next.value;
    })());
    const sample = Buffer.concat(head).subarray(0, SAMPLE_BYTES);
    if (sample[0] === 0x1f && sample[1] === 0x8b) {
        const blob = digester();
        await (0,external_node_stream_promises_.pipeline)(source, blob, (0,external_node_fs_.createWriteStream)(out));
        return { digest: blob.digest(), size: blob.bytes(), stored: false, file: out };
    }
    const saved = sample.length === 0 ? 0 : 1 - (0,external_node_zlib_.deflateRawSync)(sample, { level: 1 }).length / sample.length;
    const stored = saved < WORTH_COMPRESSING;
    const raw = digester();
    const compressed = digester();
    await (0,external_node_stream_promises_.pipeline)(source, raw, (0,external_node_zlib_.createGzip)({ level: stored ? external_node_zlib_.constants.Z_NO_COMPRESSION : external_node_zlib_.constants.Z_DEFAULT_COMPRESSION }), compressed, (0,external_node_fs_.createWriteStream)(out));
    return { digest: compressed.digest(), size: compressed.bytes(), diffId: raw.digest(), stored, file: out };
}
/**
 * Exports an image from the engine (`docker save`) and turns it into the blobs and manifest
 * `docker push` would send, compressing each layer once while the export streams in (nothing is
 * written to disk but the compressed layers). The layers' uncompressed digests are checked against
 * the config's diff_ids and the config against the image ID, so what is uploaded is the image that
 * was built.
 */
async function prepareImage(engine, imageId, dir) {
    let count = 0;
    const layerFile = () => external_node_path_.join(dir, `layer-${count++}.tar.gz`);
    const contents = await readTarStream((await engine.exportImage(imageId)), SAMPLE_BYTES, (_name, _size, body) => compressLayer(body, layerFile()));
    const described = describedImage(contents.files, imageId);
    const config = contents.files.get(described.config);
    if (!config)
        throw new errors/* OperationalError */.LE('invalid-response', `the engine's export of ${imageId} lacks its config ${described.config}`);
    const configDigest = sha256(config);
    if (configDigest !== imageId) {
        throw new errors/* OperationalError */.LE('invalid-response', `the engine exported a config with digest ${configDigest}, not the image ID ${imageId}`);
    }
    const diffIds = JSON.parse(config.toString('utf8')).rootfs
        ?.diff_ids;
    if (!diffIds || diffIds.length !== described.layers.length) {
        throw new errors/* OperationalError */.LE('invalid-response', `the image config lists ${diffIds?.length ?? 0} layers, the export has ${described.layers.length}`);
    }
    const layers = await Promise.all(described.layers.map(async (name, index) => {
        const small = contents.files.get(name);
        const layer = contents.streamed.get(name) ?? (small && (await compressLayer(external_node_stream_.Readable.from([small]), layerFile())));
        if (!layer)
            throw new errors/* OperationalError */.LE('invalid-response', `the engine's export of ${imageId} lacks layer ${name}`);
        if (layer.diffId !== undefined && layer.diffId !== diffIds[index]) {
            throw new errors/* OperationalError */.LE('invalid-response', `layer ${index + 1} of the export hashes to ${layer.diffId}, the config says ${diffIds[index]}`);
        }
        return { digest: layer.digest, size: layer.size, file: layer.file, stored: layer.stored };
    }));
    const bytes = Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: DOCKER_MEDIA.manifest,
        config: { mediaType: DOCKER_MEDIA.config, size: config.length, digest: configDigest },
        layers: layers.map((layer) => ({
            mediaType: DOCKER_MEDIA.layer,
            size: layer.size,
            digest: layer.digest,
        })),
    }, null, 3));
    return {
        manifest: { mediaType: DOCKER_MEDIA.manifest, bytes, digest: sha256(bytes) },
        config: { digest: configDigest, size: config.length, bytes: config },
        layers,
    };
}
/**
 * Uploads a prepared image to one registry: blobs it lacks (layers concurrently), then the
 * manifest under every tag. Progress arrives as engine-style events so one line covers all.
 * Returns the manifest digest the registry stored.
 */
async function uploadImage(image, client, repository, tags, onEvent) {
    const blobs = [...image.layers, image.config];
    // Announce every blob first, so the progress line's total is the whole image from the start.
    for (const blob of blobs) {
        onEvent({
            status: 'Pushing',
            id: blob.digest.slice(7, 19),
            progressDetail: { current: 0, total: blob.size },
        });
    }
    await Promise.all(blobs.map(async (blob) => {
        const id = blob.digest.slice(7, 19);
        if ((await client.headBlob(repository, blob.digest)) !== undefined) {
            onEvent({ status: 'Layer already exists', id });
            return;
        }
        let sent = 0;
        await client.uploadBlob(repository, blob.digest, blob.size, async () => {
            sent = 0;
            const counter = new external_node_stream_.Transform({
                transform(chunk, _encoding, callback) {
                    sent += chunk.length;
                    onEvent({ status: 'Pushing', id, progressDetail: { current: sent, total: blob.size } });
                    callback(null, chunk);
                },
            });
            const source = blob.file ? (0,external_node_fs_.createReadStream)(blob.file) : external_node_stream_.Readable.from([blob.bytes]);
            source.on('error', (error) => counter.destroy(error));
            return source.pipe(counter);
        });
        onEvent({ status: 'Pushed', id });
    }));
    let digest = image.manifest.digest;
    for (const tag of tags)
        digest = await client.putManifest(repository, tag, image.manifest);
    return digest;
}

;// CONCATENATED MODULE: ./lib/src/push/deliver.js













/** The image itself must not come from the retired registry after the cutoff. */
function judgeProvenance(image, manifest, today) {
    const traces = findOldRegistryTraces(image, manifest.registries.old);
    const policy = (0,timeline/* referencePolicy */.OQ)(manifest.timeline, today);
    return { traces, policy, blocked: traces.length > 0 && policy.severity === 'error' };
}
/** Pushes to every target the plan names, then HEADs every tag everywhere for one digest. */
async function deliver({ plan, image, imageName, engine, mode, env, secrets, progress: log, }) {
    const credentials = new Map();
    const clients = new Map();
    let outcomes;
    for (const target of plan.targets) {
        credentials.set(target.role, await (0,oci_credentials/* resolveCredentials */.z)(target.registry, env, secrets));
        clients.set(target.role, await client/* RegistryClient */.bP.forRegistry(target.registry, env, { secrets }));
    }
    for (const skipped of plan.skipped)
        log.info(`not pushing to ${skipped.host}: ${skipped.reason}`);
    log.info(`pushing ${imageName} (${(0,markdown/* formatBytes */.z3)(image.size)}) as ${plan.tags.join(', ')} to ${plan.targets.map((t) => t.name).join(' and ')} (phase ${plan.phase}, mode ${mode})`);
    // Upload mode compresses once, before any registry is touched; the others let the engine do it.
    const scratch = await (0,promises_.mkdtemp)(external_node_path_.join(env['RUNNER_TEMP'] || external_node_os_.tmpdir(), 'cutover-push-'));
    try {
        let prepared;
        if (mode === 'upload') {
            const started = Date.now();
            prepared = await prepareImage(engine, image.id, scratch);
            const stored = prepared.layers.filter((layer) => layer.stored).length;
            log.info(`exported and compressed ${prepared.layers.length} layer${prepared.layers.length === 1 ? '' : 's'} once in ${((Date.now() - started) / 1000).toFixed(1)} s (${(0,markdown/* formatBytes */.z3)(prepared.layers.reduce((sum, layer) => sum + layer.size, 0))}${stored ? `; ${stored} incompressible, stored` : ''}), manifest ${prepared.manifest.digest}`);
        }
        const progress = new PushProgress(`pushing to ${plan.targets.length} registr${plan.targets.length === 1 ? 'y' : 'ies'}`, (line) => log.info(line));
        outcomes = await pushImage({
            engine,
            imageId: image.id,
            targets: plan.targets,
            tags: plan.tags,
            mode,
            auth: (target) => authConfigFor(target.registry.host, credentials.get(target.role)),
            ...(prepared && {
                upload: (target) => uploadImage(prepared, clients.get(target.role), target.repository, plan.tags, (event) => progress.update(target.registry.host, event)),
            }),
            copy: pushViaCopy((role) => clients.get(role), (line) => log.info(line)),
            onEvent: (target, event) => progress.update(target.registry.host, event),
            onRetry: (target, attempt, error, delayMs) => log.warning(`${target.registry.host}: attempt ${attempt} failed (${error}); retrying in ${(delayMs / 1000).toFixed(0)} s`),
        });
        progress.done();
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
    if (!outcomes.some((outcome) => outcome.status !== 'failed'))
        return { outcomes };
    return { outcomes, verification: await verifyDigests(outcomes, plan.tags, (role) => clients.get(role)) };
}

// EXTERNAL MODULE: ./lib/src/copy/platforms.js
var platforms = __webpack_require__(68623);
// EXTERNAL MODULE: ./lib/src/copy/select.js
var copy_select = __webpack_require__(5823);
// EXTERNAL MODULE: ./lib/src/oci/media.js
var media = __webpack_require__(22939);
// EXTERNAL MODULE: ./lib/src/tags/targets.js
var targets = __webpack_require__(38301);
// EXTERNAL MODULE: ./lib/src/manifest/paths.js
var paths = __webpack_require__(31959);
// EXTERNAL MODULE: ./lib/src/push/plan.js
var push_plan = __webpack_require__(73479);
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
 * new registry needs `--repository` (its old path) unless the manifest's paths keep its path.
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
/** Copies the image `from` names to every target of the plan, then HEADs every tag for one digest. */
async function pushFrom(input) {
    const { from, plan, clientFor, progress } = input;
    const source = clientFor(from.role);
    const session = new copy_copy/* CopySession */.W();
    const top = await source.getManifest(from.repository, from.digest);
    const parts = (0,platforms/* partsOf */.CI)((0,media/* parseManifest */.Ng)(top.bytes, top.mediaType));
    const artifacts = await artifactsOf(source, from.repository, [
        from.digest,
        ...parts.children.map((c) => c.digest),
    ]);
    progress(`copying ${from.host}/${from.repository}@${from.digest}${parts.platforms.length > 0 ? ` (${parts.platforms.length} platforms, ${parts.attestations} attestation manifests)` : ''}${artifacts.length > 0 ? ` and ${artifacts.length} signatures/attestations/referrers` : ''} to ${plan.targets.map((t) => t.name).join(' and ')}`);
    const outcomes = await Promise.all(plan.targets.map((target) => from_copyTo({ from, source, target, tags: plan.tags, artifacts, session, clientFor, progress })));
    const result = {
        outcomes,
        artifacts: artifacts.map((reference) => (0,oci_reference/* formatRepositoryReference */.$)({ repository: from.repository, ...reference })),
        platforms: parts.platforms,
        attestations: parts.attestations,
        bytesUploaded: session.bytesUploaded,
    };
    if (!outcomes.some((outcome) => outcome.status !== 'failed'))
        return result;
    const verification = await verifyDigests(outcomes, plan.tags, clientFor);
    return { ...result, verification };
}
/** cosign's tags for any of `digests`, and the OCI referrers of the top digest (API, else the fallback tag). */
async function artifactsOf(source, repository, digests) {
    const prefixes = new Set(digests.map((digest) => `sha256-${digest.slice('sha256:'.length)}`));
    const tags = await source.listTags(repository).catch(() => []);
    // cosign's `.sig/.att/.sbom`, and the OCI 1.1 referrers fallback tag (`sha256-<hex>`, an index).
    const artifactTags = tags.filter((tag) => (copy_select/* ARTIFACT_TAG */.cZ.test(tag) || /^sha256-[a-f0-9]{64}$/.test(tag)) && prefixes.has(tag.slice(0, 71)));
    const referrers = (await source.listReferrers(repository, digests[0])) ?? [];
    return [
        ...artifactTags.sort().map((tag) => ({ tag })),
        ...referrers.map((referrer) => ({ digest: referrer.digest })),
    ];
}
/**
 * One target: the image by digest (skipped when the source repository is the target), the
 * artifacts (a differing artifact tag is kept and reported), then every tag; a failure is an outcome.
 */
async function from_copyTo(context) {
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
    }, { overwrite, session });
    const base = { role: target.role, host: target.registry.host, repository: target.repository };
    try {
        await copy(from.digest, from.digest, false);
        for (const artifact of context.artifacts) {
            const reference = 'tag' in artifact ? artifact.tag : artifact.digest;
            const result = await copy(reference, reference, false);
            if (result.action === 'conflict')
                context.progress(`kept ${target.name}:${reference}: it points at ${result.existingDigest}, the source has ${result.digest}`);
        }
        // A push replaces its own tags (as `docker push` does); the tags go last, when all is there.
        let digest = from.digest;
        for (const tag of context.tags)
            digest = (await copy(from.digest, tag, true)).digest;
        return {
            ...base,
            references: context.tags.map((tag) => `${target.name}:${tag}`),
            status: 'copied',
            digest,
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
    const from = parseFrom(manifest, request.from, (newPath) => request.repository ?? ((0,paths/* mapRepository */.T)(newPath, manifest.paths) === newPath ? newPath : undefined));
    const plan = (0,push_plan/* planPush */.M)(manifest, today, {
        image: from.oldRepository,
        repository: request.repository ?? from.oldRepository,
        tags: request.tags.length > 0 ? request.tags : [from.tag ?? 'latest'],
    });
    const clients = new Map();
    for (const role of new Set([from.role, ...plan.targets.map((target) => target.role)]))
        clients.set(role, await client/* RegistryClient */.bP.forRegistry(manifest.registries[role], context.env, {
            secrets: context.secrets,
            readOnly: !plan.targets.some((target) => target.role === role),
        }));
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
        mode: cli_option/* option */.uK.choice(PUSH_MODES, 'push: push from the engine to each registry; copy: push once, then copy registry to registry by digest; upload: export from the engine, compress once, upload to every registry at once.', { default: DEFAULT_MODE }),
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