"use strict";
exports.id = 369;
exports.ids = [369,145];
exports.modules = {

/***/ 86145:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ authConfigFor),
/* harmony export */   DockerEngine: () => (/* binding */ DockerEngine)
/* harmony export */ });
/* unused harmony exports EnginePushError, engineOptions */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var dockerode__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(39040);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8835);





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
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`DOCKER_HOST: expected unix:///path/to/docker.sock or tcp://host:port, found ${JSON.stringify(host)}`);
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
    const certs = env['DOCKER_CERT_PATH'] || node_path__WEBPACK_IMPORTED_MODULE_2__.join(env['HOME'] || node_os__WEBPACK_IMPORTED_MODULE_1__.homedir(), '.docker');
    const read = (name) => {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2__.join(certs, name));
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
        this.docker = new dockerode__WEBPACK_IMPORTED_MODULE_3__(options);
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
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`cannot reach the Docker engine at ${this.address} (set DOCKER_HOST): ${error.message}`);
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


/***/ }),

/***/ 30369:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deliver: () => (/* binding */ deliver),
  judgeProvenance: () => (/* binding */ judgeProvenance)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/docker/engine.js
var docker_engine = __webpack_require__(86145);
// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
// EXTERNAL MODULE: ./lib/src/shared/progress.js
var progress = __webpack_require__(34767);
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
var reference = __webpack_require__(92041);
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
    if (slash <= 0 || !hosts.has((0,reference/* normalizeHost */.cS)(text.slice(0, slash))))
        return false;
    try {
        return hosts.has((0,reference/* parseReference */.F2)(text).registry);
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
    const hosts = new Set([old.host, ...old.aliases].map(reference/* normalizeHost */.cS));
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
var timeline = __webpack_require__(16399);
// EXTERNAL MODULE: ./lib/src/oci/client.js + 17 modules
var client = __webpack_require__(11024);
// EXTERNAL MODULE: ./lib/src/oci/credentials.js
var oci_credentials = __webpack_require__(90870);
// EXTERNAL MODULE: ./lib/src/copy/copy.js + 2 modules
var copy = __webpack_require__(68334);
;// CONCATENATED MODULE: ./lib/src/push/copy-step.js



/**
 * The copy mode's second step: the copy-tags engine copies the digest just pushed from one
 * registry to another and writes the tag there. Blobs go registry to registry as stored, so
 * nothing is compressed again and the digest cannot change. A push replaces its own tags (as
 * `docker push` does), so a tag that points elsewhere is overwritten, not reported as a conflict.
 */
function pushViaCopy(clientFor, print) {
    const session = new copy/* CopySession */.W();
    return async (from, to, tag, digest) => {
        print(`copying ${digest} from ${from.name} to ${to.name}:${tag} (registry to registry)`);
        const started = session.bytesStreamed;
        const line = new progress/* ProgressLine */.g(print, (seconds) => `copying to ${to.registry.host}: ${(0,markdown/* formatBytes */.z3)(session.bytesStreamed - started)}, ${(0,progress/* formatRate */.C)(session.bytesStreamed - started, seconds)}, ${seconds.toFixed(1)} s`);
        // The engine's events drive the push's line; a copy has none, so a timer asks every second.
        const timer = setInterval(() => line.tick(), 1000);
        try {
            const result = await (0,copy/* copyImage */.L1)({
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

// EXTERNAL MODULE: ./lib/src/push/execute.js
var execute = __webpack_require__(87620);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
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
async function deliver({ plan, image, imageName, engine, mode, env, secrets, progress: log, signal, }) {
    const credentials = new Map();
    const clients = new Map();
    let outcomes;
    for (const target of plan.targets) {
        credentials.set(target.role, await (0,oci_credentials/* resolveCredentials */.z)(target.registry, env, secrets));
        clients.set(target.role, await client/* RegistryClient */.bP.forRegistry(target.registry, env, {
            secrets,
            onWaiting: (line) => log.info(line),
            ...(signal && { signal }),
        }));
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
        outcomes = await (0,execute/* pushImage */.GH)({
            engine,
            imageId: image.id,
            targets: plan.targets,
            tags: plan.tags,
            mode,
            auth: (target) => (0,docker_engine/* authConfigFor */.Cs)(target.registry.host, credentials.get(target.role)),
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
    return { outcomes, verification: await (0,execute/* verifyDigests */.nF)(outcomes, plan.tags, (role) => clients.get(role)) };
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
//# sourceMappingURL=369.index.cjs.js.map
