"use strict";
exports.id = 24;
exports.ids = [24];
exports.modules = {

/***/ 11024:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ RegistryClient)
});

// UNUSED EXPORTS: RegistryError, nextLink, withQuery

// EXTERNAL MODULE: ./lib/src/shared/secrets.js
var secrets = __webpack_require__(78763);
;// CONCATENATED MODULE: ./lib/src/oci/auth/challenge.js
/**
 * Registry authentication: the `WWW-Authenticate` challenge (Basic, or Bearer with realm, service
 * and scope), and the token cache, one token per set of scopes.
 */
/**
 * Parses a `WWW-Authenticate` header: `Bearer realm="https://auth/token",service="reg",scope="repository:a:pull",error="insufficient_scope"`.
 * Quoted values may contain commas and escaped quotes. Only the first challenge is read; registries send one.
 */
function parseChallenge(header) {
    if (!header)
        return undefined;
    const match = /^\s*([A-Za-z][\w-]*)\s*(.*)$/s.exec(header);
    if (!match)
        return undefined;
    const params = {};
    const pairs = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?\s*/g;
    let pair;
    while ((pair = pairs.exec(match[2])) !== null) {
        params[pair[1].toLowerCase()] = pair[2] !== undefined ? pair[2].replace(/\\(.)/g, '$1') : pair[3];
    }
    return { scheme: match[1].toLowerCase(), params };
}
/** The pull (or pull+push) scope for a repository, as the token service understands it. */
function repositoryScope(repository, actions) {
    return `repository:${repository}:${actions}`;
}
/**
 * Merges scope lists: the same resource's actions are united (`repository:a:pull` + `repository:a:push`
 * → `repository:a:pull,push`), resources sorted so that equal sets give equal cache keys.
 */
function mergeScopes(...lists) {
    const byResource = new Map();
    for (const scope of lists.flat()) {
        for (const single of scope.split(' ').filter(Boolean)) {
            const colon = single.lastIndexOf(':');
            const resource = colon > 0 ? single.slice(0, colon) : single;
            const actions = colon > 0 ? single.slice(colon + 1).split(',') : [];
            const set = byResource.get(resource) ?? new Set();
            for (const action of actions)
                if (action)
                    set.add(action);
            byResource.set(resource, set);
        }
    }
    return [...byResource.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([resource, actions]) => `${resource}:${[...actions].sort().join(',')}`);
}
/** Tokens by scope set, dropped a little before they expire. */
class TokenCache {
    tokens = new Map();
    /** A valid token covering exactly `scopes`, if cached. */
    get(scopes, now = Date.now()) {
        const key = scopes.join(' ');
        const cached = this.tokens.get(key);
        if (!cached)
            return undefined;
        if (cached.expiresAt <= now) {
            this.tokens.delete(key);
            return undefined;
        }
        return cached.token;
    }
    /** Stores a token for `scopes`, valid for `expiresInSeconds` (less a safety margin). */
    set(scopes, token, expiresInSeconds, now = Date.now()) {
        const margin = Math.min(30, expiresInSeconds / 4);
        this.tokens.set(scopes.join(' '), { token, expiresAt: now + (expiresInSeconds - margin) * 1000 });
    }
}

// EXTERNAL MODULE: ./lib/src/oci/errors.js
var errors = __webpack_require__(29949);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./lib/src/oci/http.js
/**
 * One HTTP exchange on node:http/https, nothing more: streams both ways with backpressure (a
 * download piped into an upload holds a few socket buffers, whatever the blob's size), keep-alive
 * agents, an idle timeout. Retries, auth and redirects are the transport's (transport.ts).
 * Node's https honours NODE_EXTRA_CA_CERTS for its default CAs.
 */




/** No byte either way for this long ends a request (default of {@link HttpRequestInit.timeoutMs}). */
const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
/** Keep-alive agents for one client. */
function keepAliveAgents() {
    return { http: new external_node_http_.Agent({ keepAlive: true }), https: new external_node_https_.Agent({ keepAlive: true }) };
}
/** Sends a request; resolves with the answer as soon as its headers arrive. */
function httpRequest(url, init) {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    return new Promise((resolve, reject) => {
        const request = (secure ? external_node_https_ : external_node_http_).request(target, {
            method: init.method,
            headers: init.headers,
            agent: secure ? init.agents.https : init.agents.http,
            timeout: init.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
            ...(init.signal && { signal: init.signal }),
        });
        let answer;
        const limit = init.answerTimeout;
        const unanswered = limit &&
            setTimeout(() => {
                const silent = Object.assign(new Error(`in ${Math.round(limit.ms / 1000)} s`), { code: limit.code });
                request.destroy(silent);
            }, limit.ms);
        if (unanswered)
            request.once('close', () => clearTimeout(unanswered));
        request.on('response', (response) => {
            if (unanswered)
                clearTimeout(unanswered);
            answer = response;
            const headers = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
                if (Array.isArray(value))
                    for (const item of value)
                        headers.append(name, item);
                else if (value !== undefined)
                    headers.set(name, value);
            }
            // A broken body surfaces on the stream's consumer; keep it from becoming an unhandled error.
            response.on('error', () => undefined);
            resolve({ status: response.statusCode ?? 0, headers, body: response });
        });
        // The socket's idle timer runs while the answer streams too, so a body that stalls ends here.
        request.on('timeout', () => {
            const seconds = Math.round((init.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS) / 1000);
            const stalled = Object.assign(new Error(`no data for ${seconds} s`), { code: 'IDLE_TIMEOUT' });
            // The answer's reader sees why it ended, not a bare "aborted".
            answer?.destroy(stalled);
            request.destroy(stalled);
        });
        request.on('error', (error) => {
            if (init.body instanceof external_node_stream_.Readable)
                init.body.destroy();
            reject(error);
        });
        if (init.body instanceof external_node_stream_.Readable) {
            init.body.on('error', (error) => request.destroy(error));
            init.body.pipe(request);
        }
        else
            request.end(init.body);
    });
}
/** Reads and discards the body, so the connection can be reused. */
function drain(answer) {
    const body = answer.body;
    // `complete` only says the bytes arrived; the socket is freed once the stream has been read.
    if (body.readableEnded || body.destroyed)
        return Promise.resolve();
    return new Promise((resolve) => {
        body.once('end', () => resolve());
        body.once('close', () => resolve());
        body.once('error', () => resolve());
        body.resume();
    });
}
/** The whole body, refusing more than `maxBytes`. */
async function readAll(answer, maxBytes) {
    const chunks = [];
    let total = 0;
    for await (const chunk of answer.body) {
        total += chunk.length;
        if (total > maxBytes) {
            answer.body.destroy();
            throw new errors/* RegistryError */.gl('invalid-response', `answer larger than ${maxBytes} bytes`, {
                status: answer.status,
            });
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}
/** The body as text ('' when it cannot be read). */
async function readText(answer, maxBytes = 1024 * 1024) {
    try {
        return (await readAll(answer, maxBytes)).toString('utf8');
    }
    catch {
        return '';
    }
}

;// CONCATENATED MODULE: ./lib/src/oci/urls.js

/**
 * URLs the transport is sent to: origins compared with their ports written out, URLs shown in
 * messages without their query, and where a redirect, an upload `Location` or a pagination `Link`
 * may lead (never from https down to plain HTTP).
 */
/** The origin of a URL with its port always written (`https://h:443`), so https and http never look alike. */
function originOf(url) {
    const port = url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '');
    return `${url.protocol}//${url.hostname.toLowerCase()}:${port}`;
}
/** `host/path` of a URL, for messages (no query: upload locations carry state there). */
function describeUrl(url) {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
}
/**
 * Where a redirect, an upload `Location` or a pagination `Link` leads, resolved against the URL
 * that answered. Leaving HTTPS for plain HTTP is refused for a TLS registry: the next request
 * could carry credentials or an upload session's state in clear text.
 */
function followUrl(host, from, location) {
    let next;
    try {
        next = new URL(location, from);
    }
    catch {
        throw new errors/* RegistryError */.gl('invalid-response', `${describeUrl(from)}: redirect to an invalid URL`, {
            host,
            final: true,
        });
    }
    if (new URL(from).protocol === 'https:' && next.protocol !== 'https:') {
        throw new errors/* RegistryError */.gl('refused', `${describeUrl(from)}: the registry sent us from https to ${next.protocol}//${next.host}${next.pathname}: refusing to continue over plain HTTP`, { host, final: true, url: from });
    }
    return next.href;
}

;// CONCATENATED MODULE: ./lib/src/oci/body.js



/** JSON answers (tag lists, catalogs, referrers) larger than this are refused. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
/** The whole body of an answer, refusing more than `maxBytes` (announced or actual). */
async function readBody(response, maxBytes, url) {
    const length = Number(response.headers.get('content-length'));
    if (response.headers.has('content-length') && Number.isFinite(length) && length > maxBytes) {
        response.body.destroy();
        throw new errors/* RegistryError */.gl('invalid-response', `${describeUrl(url)}: answer of ${length} bytes is too large (at most ${maxBytes})`, {
            status: response.status,
            url,
            final: true,
        });
    }
    try {
        return await readAll(response, maxBytes);
    }
    catch (error) {
        if (error instanceof errors/* RegistryError */.gl)
            throw error;
        throw new errors/* RegistryError */.gl('unreachable', `${describeUrl(url)}: ${error.message}`, {
            url,
            cause: error,
        });
    }
}
/** The body parsed as JSON. */
async function readJson(response, url) {
    const bytes = await readBody(response, MAX_JSON_BYTES, url);
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw new errors/* RegistryError */.gl('invalid-response', `${describeUrl(url)}: the answer is not JSON`, {
            status: response.status,
            url,
        });
    }
}

// EXTERNAL MODULE: ./lib/src/oci/media.js
var media = __webpack_require__(21732);
// EXTERNAL MODULE: ./lib/src/oci/reference.js
var oci_reference = __webpack_require__(92041);
;// CONCATENATED MODULE: ./lib/src/oci/paths.js


/**
 * Registry URL paths, built only from parts that passed the distribution grammar. A repository,
 * tag or digest that came from a server (a tag list, an index, a referrer) cannot turn into a path
 * elsewhere (`../../victim/app/manifests/latest`): it is refused before any request is made.
 */
function refuse(what, value) {
    throw new errors/* RegistryError */.gl('invalid-response', `refusing to build a registry URL from ${what} ${JSON.stringify(value.slice(0, 200))}: it is not valid by the distribution grammar`, { code: 'INVALID_NAME', final: true });
}
function repositoryPart(repository) {
    if (!(0,oci_reference/* isValidRepositoryPath */.M0)(repository))
        refuse('the repository name', repository);
    return repository;
}
function digestPart(digest) {
    if (!(0,oci_reference/* isValidDigest */.fH)(digest))
        refuse('the digest', digest);
    return digest;
}
/** `/v2/<repository>/manifests/<tag or digest>`. */
function manifestPath(repository, reference) {
    if (!(0,oci_reference/* isValidTag */.r_)(reference) && !(0,oci_reference/* isValidDigest */.fH)(reference))
        refuse('the tag or digest', reference);
    return `/v2/${repositoryPart(repository)}/manifests/${reference}`;
}
/** `/v2/<repository>/blobs/<digest>`. */
function blobPath(repository, digest) {
    return `/v2/${repositoryPart(repository)}/blobs/${digestPart(digest)}`;
}
/** `/v2/<repository>/blobs/uploads/`, with a mount query when `mount` is given. */
function uploadsPath(repository, mount) {
    const base = `/v2/${repositoryPart(repository)}/blobs/uploads/`;
    if (!mount)
        return base;
    return `${base}?mount=${encodeURIComponent(digestPart(mount.digest))}&from=${encodeURIComponent(repositoryPart(mount.from))}`;
}
/** `/v2/<repository>/tags/list?n=<page size>`. */
function tagsPath(repository, pageSize) {
    return `/v2/${repositoryPart(repository)}/tags/list?n=${pageSize}`;
}
/** `/v2/<repository>/referrers/<digest>`. */
function referrersPath(repository, digest) {
    return `/v2/${repositoryPart(repository)}/referrers/${digestPart(digest)}`;
}

;// CONCATENATED MODULE: ./lib/src/oci/blobs.js





/** HEAD a blob; its size, or undefined when the repository does not have it. */
async function headBlob(transport, repository, digest) {
    const what = `HEAD blob ${repository}@${digest}`;
    const { response, url } = await transport.send({
        method: 'HEAD',
        url: blobPath(repository, digest),
        scopes: [repositoryScope(repository, 'pull')],
        what,
    });
    if (response.status === 404)
        return undefined;
    if (response.status !== 200)
        throw await transport.failure(response, url, what);
    const length = Number(response.headers.get('content-length'));
    return Number.isFinite(length) ? length : 0;
}
/**
 * Streams a blob. The concurrency slot is held until the stream ends or is destroyed, so
 * downloads count against the host's limit for as long as they last. With `expectedSize` (the
 * descriptor's), an answer announcing another length is refused before a byte is read.
 */
async function getBlob(transport, repository, digest, expectedSize) {
    const what = `GET blob ${repository}@${digest}`;
    const { response, url, release } = await transport.send({
        method: 'GET',
        url: blobPath(repository, digest),
        scopes: [repositoryScope(repository, 'pull')],
        headers: { 'accept-encoding': 'identity' },
        holdSlot: true,
        what,
    });
    if (response.status !== 200) {
        release();
        throw await transport.failure(response, url, what);
    }
    const stream = response.body;
    stream.once('close', release);
    const size = Number(response.headers.get('content-length'));
    if (expectedSize !== undefined && response.headers.has('content-length') && size !== expectedSize) {
        stream.destroy();
        throw new errors/* RegistryError */.gl('invalid-response', `${transport.host}: ${what}: Content-Length says ${response.headers.get('content-length')} bytes, the manifest says ${expectedSize}`, { url, host: transport.host, final: true });
    }
    // A download that stalls or drops counts against this host's breaker, and whoever reads the
    // stream (an upload to another registry) can say where it came from.
    stream.once('error', (error) => {
        Object.assign(error, { registryRequest: `${transport.host}: ${what}` });
        transport.noteStreamFailure(error);
    });
    return { stream, size: Number.isFinite(size) ? size : 0 };
}
/** Reads a small blob (an image config) whole, checking its digest. */
async function readBlob(transport, repository, digest, maxBytes = MAX_JSON_BYTES) {
    const { stream } = await getBlob(transport, repository, digest);
    const chunks = [];
    let total = 0;
    for await (const chunk of stream) {
        total += chunk.length;
        if (total > maxBytes) {
            stream.destroy();
            throw new errors/* RegistryError */.gl('invalid-response', `blob ${repository}@${digest} is larger than ${maxBytes} bytes`, {
                host: transport.host,
                final: true,
            });
        }
        chunks.push(chunk);
    }
    const bytes = Buffer.concat(chunks);
    if (!(0,media/* matchesDigest */._j)(bytes, digest))
        throw new errors/* RegistryError */.gl('digest-mismatch', `blob ${repository}@${digest} does not match its digest`, {
            code: 'DIGEST_INVALID',
            host: transport.host,
            final: true,
        });
    return bytes;
}

// EXTERNAL MODULE: ./lib/src/oci/credentials.js
var oci_credentials = __webpack_require__(90870);
;// CONCATENATED MODULE: ./lib/src/oci/manifests.js







/** Manifests: HEAD, GET (verified against their digest), PUT, and the referrers API. */
/**
 * The largest manifest read or written: the distribution spec lets registries refuse manifests
 * over 4 MiB, and no real image manifest comes near it.
 */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Sends a HEAD or GET for a manifest with the full Accept list; `what` names it in errors. */
async function readManifest(transport, method, repository, reference) {
    const what = `${method} ${repository}:${reference}`;
    const { response, url } = await transport.send({
        method,
        url: manifestPath(repository, reference),
        scopes: [repositoryScope(repository, 'pull')],
        headers: { accept: media/* MANIFEST_ACCEPT */.dY },
        what,
    });
    return { response, url, what };
}
/** HEAD a manifest by tag or digest; undefined when the registry answers 404. */
async function headManifest(transport, repository, reference) {
    const { response, url, what } = await readManifest(transport, 'HEAD', repository, reference);
    if (response.status === 404)
        return undefined;
    if (response.status !== 200)
        throw await transport.failure(response, url, what);
    const digest = response.headers.get('docker-content-digest');
    const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
    const length = Number(response.headers.get('content-length'));
    if (Number.isFinite(length) && length > MAX_MANIFEST_BYTES)
        throw tooLarge(transport, what, length, url);
    if ((0,oci_reference/* isValidDigest */.fH)(reference) && digest?.startsWith(`${(0,media/* algorithmOf */.Hy)(reference)}:`) && digest !== reference) {
        throw new errors/* RegistryError */.gl('digest-mismatch', `${transport.host}: ${what}: the registry says the manifest is ${digest.slice(0, 80)}`, { code: 'DIGEST_INVALID', url, host: transport.host, final: true });
    }
    if (!digest ||
        !(0,oci_reference/* isValidDigest */.fH)(digest) ||
        !mediaType ||
        !response.headers.has('content-length') ||
        !Number.isFinite(length)) {
        // Some registries leave headers out of HEAD answers; the bytes always tell.
        const manifest = await getManifest(transport, repository, reference);
        return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
    }
    return { digest, mediaType, size: length };
}
/**
 * GET a manifest by tag or digest with the full Accept list; the digest is computed from the raw
 * bytes and checked against the one asked for and the one the registry announces.
 * @throws RegistryError (kind `not-found`, status 404, when absent)
 */
async function getManifest(transport, repository, reference) {
    const { response, url, what } = await readManifest(transport, 'GET', repository, reference);
    if (response.status !== 200)
        throw await transport.failure(response, url, what);
    const announcedLength = Number(response.headers.get('content-length'));
    if (Number.isFinite(announcedLength) && announcedLength > MAX_MANIFEST_BYTES)
        throw tooLarge(transport, what, announcedLength, url);
    const bytes = await readBody(response, MAX_MANIFEST_BYTES, url);
    if (response.headers.has('content-length') && announcedLength !== bytes.length) {
        throw new errors/* RegistryError */.gl('invalid-response', `${transport.host}: ${what}: Content-Length says ${response.headers.get('content-length')} bytes, the body has ${bytes.length}`, { url, host: transport.host, final: true });
    }
    // By digest: the bytes must hash to it, with its own algorithm. By tag: to what the registry announces.
    const announced = response.headers.get('docker-content-digest');
    const expected = (0,oci_reference/* isValidDigest */.fH)(reference) ? reference : announced;
    if (expected !== null && (!(0,oci_reference/* isValidDigest */.fH)(expected) || !(0,media/* matchesDigest */._j)(bytes, expected))) {
        throw new errors/* RegistryError */.gl('digest-mismatch', `${transport.host}/${repository}:${reference}: the manifest's bytes do not hash to ${expected.slice(0, 140)} (sha256 of the bytes: ${(0,media/* sha256Digest */.sI)(bytes)})`, { code: 'DIGEST_INVALID', url, host: transport.host, final: true });
    }
    const digest = (0,oci_reference/* isValidDigest */.fH)(reference) ? reference : (0,media/* sha256Digest */.sI)(bytes);
    const mediaType = (0,media/* parseImageManifest */.Sw)(bytes, response.headers.get('content-type') ?? undefined).mediaType;
    return { digest, mediaType, bytes };
}
/**
 * PUT a manifest's exact bytes under a tag or its digest; returns the digest, checked against
 * what the registry announces.
 */
async function putManifest(transport, repository, reference, manifest) {
    return (await putManifestConfirmed(transport, repository, reference, manifest)).digest;
}
/** {@link putManifest}, also telling whether the registry's answer named the digest it stored. */
async function putManifestConfirmed(transport, repository, reference, manifest) {
    const what = `PUT manifest ${repository}:${reference}`;
    if (manifest.bytes.length > MAX_MANIFEST_BYTES)
        throw tooLarge(transport, what, manifest.bytes.length);
    const { response, url } = await transport.send({
        method: 'PUT',
        url: manifestPath(repository, reference),
        scopes: [repositoryScope(repository, 'pull,push')],
        headers: { 'content-type': manifest.mediaType },
        body: manifest.bytes,
        what,
    });
    if (response.status !== 201 && response.status !== 200)
        throw await transport.failure(response, url, what);
    await drain(response);
    const digest = (0,oci_reference/* isValidDigest */.fH)(reference) ? reference : (0,media/* sha256Digest */.sI)(manifest.bytes);
    const announced = response.headers.get('docker-content-digest');
    if (announced && announced.startsWith(digest.split(':')[0]) && announced !== digest) {
        throw new errors/* RegistryError */.gl('digest-mismatch', `${transport.host}/${repository}:${reference}: the registry stored ${announced}, expected ${digest}`, { status: response.status, code: 'DIGEST_INVALID', url, host: transport.host, final: true });
    }
    return { digest, confirmed: announced === digest };
}
/**
 * The OCI referrers of a manifest (signatures, SBOMs, attestations attached with `subject`), or
 * undefined when the registry does not serve the referrers API.
 */
async function listReferrers(transport, repository, digest) {
    const what = `referrers of ${repository}@${digest}`;
    const { response, url } = await transport.send({
        method: 'GET',
        url: referrersPath(repository, digest),
        scopes: [repositoryScope(repository, 'pull')],
        headers: { accept: 'application/vnd.oci.image.index.v1+json' },
        what,
    });
    if (response.status === 404 || response.status === 405 || response.status === 400) {
        await drain(response);
        return undefined;
    }
    if (response.status !== 200)
        throw await transport.failure(response, url, what);
    const type = response.headers.get('content-type') ?? '';
    const index = (await readJson(response, url));
    if (!type.includes('application/vnd.oci.image.index.v1+json') && !Array.isArray(index.manifests))
        return undefined;
    return index.manifests ?? [];
}
function tooLarge(transport, what, size, url) {
    return new errors/* RegistryError */.gl('invalid-response', `${transport.host}: ${what}: a manifest of ${size} bytes is larger than the ${MAX_MANIFEST_BYTES} bytes (4 MiB) cutover accepts`, { host: transport.host, final: true, ...(url !== undefined && { url }) });
}

;// CONCATENATED MODULE: ./lib/src/oci/tags.js






/** Every tag of a repository; [] when the repository is unknown. */
function listTags(transport, repository, pageSize, warn = () => undefined) {
    return listNames(transport, {
        first: tagsPath(repository, pageSize),
        scopes: [repositoryScope(repository, 'pull')],
        what: `list tags of ${repository}`,
        field: 'tags',
        valid: oci_reference/* isValidTag */.r_,
        listed: `${transport.host}/${repository} lists tag`,
        missingIsEmpty: true,
        warn,
    });
}
/** One paged name list (tags or the catalog): every valid name of every page, the others reported. */
async function listNames(transport, list) {
    const names = new Set();
    let added = 0;
    for await (const page of pages(transport, list.first, list.scopes, list.what, list.missingIsEmpty, () => added)) {
        if (page === undefined)
            break;
        added = 0;
        for (const name of validNames(page[list.field], list.valid, list.listed, list.warn)) {
            if (names.has(name))
                continue;
            names.add(name);
            added++;
        }
    }
    return [...names];
}
/** The strings of a listed page that pass `valid`; the others are reported, not returned. */
function validNames(listed, valid, what, warn) {
    if (listed === undefined || listed === null)
        return [];
    if (!Array.isArray(listed))
        throw new errors/* RegistryError */.gl('invalid-response', `${what}s that are not a list`, { final: true });
    const names = [];
    for (const name of listed) {
        if (typeof name === 'string' && valid(name))
            names.push(name);
        else
            warn(`${what} ${JSON.stringify(name)?.slice(0, 200)}, which is not valid: left out`);
    }
    return names;
}
/**
 * Every repository the registry's catalog lists.
 * @throws RegistryError when the registry does not serve or allow the catalog (401, 403, 404)
 */
function listRepositories(transport, pageSize, warn = () => undefined) {
    return listNames(transport, {
        first: `/v2/_catalog?n=${pageSize}`,
        scopes: ['registry:catalog:*'],
        what: 'list repositories',
        field: 'repositories',
        valid: oci_reference/* isValidRepositoryPath */.M0,
        listed: `${transport.host}'s catalog lists repository`,
        missingIsEmpty: false,
        warn,
    });
}
/**
 * Pages followed per list at most: 10,000 pages of up to 1000 names (or of the 100 some registries
 * cap a page at) is more than any repository holds. A registry that links on past it is refused.
 */
const MAX_PAGES = 10_000;
/** Pages in a row that add no new name while linking to another: a registry that is not advancing. */
const MAX_IDLE_PAGES = 3;
async function* pages(transport, first, scopes, what, missingIsEmpty = true, fresh = () => 1) {
    let next = first;
    const seen = new Set();
    let idle = 0;
    const refuse = (why) => new errors/* RegistryError */.gl('invalid-response', `${transport.host}: ${what}: ${why}`, {
        host: transport.host,
        final: true,
        hint: 'the list is incomplete, so nothing was chosen from it: ask the registry’s operators',
    });
    while (next !== undefined) {
        if (seen.size >= MAX_PAGES)
            throw refuse(`more than ${MAX_PAGES} pages (the page cap), and the registry still links to another`);
        seen.add(next);
        const { response, url } = await transport.send({ method: 'GET', url: next, scopes, what });
        if (response.status === 404 && missingIsEmpty) {
            await drain(response);
            yield undefined;
            return;
        }
        if (response.status !== 200)
            throw await transport.failure(response, url, what);
        const page = (await readJson(response, url));
        yield page;
        // The registry builds the cursor; we only follow it (relative to the page we asked for).
        const link = nextLink(response.headers.get('link'));
        next = link === undefined ? undefined : transport.follow(url, link);
        if (next !== undefined && new URL(next).origin !== new URL(url).origin)
            throw new errors/* RegistryError */.gl('invalid-response', `${transport.host}: ${what}: the next page is on another server (${next})`, {
                host: transport.host,
                final: true,
            });
        // A link back to a page already read ends the list (a registry that wraps around).
        if (next !== undefined && seen.has(next))
            next = undefined;
        idle = next !== undefined && fresh(page) === 0 ? idle + 1 : 0;
        if (idle >= MAX_IDLE_PAGES)
            throw refuse(`the ${what.startsWith('list tags') ? 'tag list' : 'catalog'} is not advancing: ${idle} pages in a row brought no new name and linked to yet another page`);
    }
}
/** The `rel="next"` target of a Link header, as written (maybe relative). */
function nextLink(header) {
    if (!header)
        return undefined;
    for (const part of header.split(/,(?=\s*<)/)) {
        const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
        if (match && /\brel\s*=\s*"?next"?/i.test(match[2]))
            return match[1];
    }
    return undefined;
}

// EXTERNAL MODULE: ./lib/src/shared/limiter.js
var limiter = __webpack_require__(17870);
// EXTERNAL MODULE: ./lib/src/shared/retry.js
var retry = __webpack_require__(17916);
// EXTERNAL MODULE: ./lib/src/shared/version.js + 1 modules
var version = __webpack_require__(56894);
;// CONCATENATED MODULE: ./lib/src/oci/auth/authorizer.js
/** The `Basic …` header value for a user name and password. */
function basicHeader(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

;// CONCATENATED MODULE: ./lib/src/oci/auth/basic.js

/** HTTP Basic: the user name and password on every request, once the registry asked for them. */
const basicScheme = {
    challenge: 'basic',
    create(_challenge, context) {
        const credentials = context.credentials;
        if (credentials?.kind !== 'basic')
            return undefined;
        context.secrets.addBasic(credentials.username, credentials.password);
        const header = basicHeader(credentials);
        return {
            authorize: () => Promise.resolve(header),
            // Worth another try only when the request went out without them; a refused password stays refused.
            answer: (_again, _scopes, sent) => Promise.resolve(sent === undefined),
        };
    },
};

;// CONCATENATED MODULE: ./lib/src/oci/auth/bearer.js





/** A token answer larger than this is not a token answer. */
const MAX_TOKEN_ANSWER_BYTES = 1024 * 1024;
/** Lifetime assumed when the token service names none (the distribution spec's default). */
const DEFAULT_TOKEN_SECONDS = 60;
/**
 * Bearer tokens from the challenge's realm (distribution's token flow): one token per scope set,
 * cached until shortly before it expires, fetched once for all the requests that need it at the
 * same time (single flight), asked for again with the scope an `insufficient_scope` challenge names.
 * Anonymous, or with the Basic credentials; identity-token.ts changes only how the token is asked for.
 */
class BearerAuthorizer {
    context;
    realm;
    service;
    tokens = new TokenCache();
    /** Token fetches in flight by cache key: concurrent requests share one. */
    pending = new Map();
    constructor(challenge, context) {
        this.context = context;
        this.realm = challenge.params['realm'];
        this.service = challenge.params['service'];
    }
    async authorize(scopes) {
        const key = mergeScopes(scopes);
        const token = this.tokens.get(key) ?? (await this.fetchShared(key, key));
        return `Bearer ${token}`;
    }
    async answer(challenge, scopes, sent) {
        if (!challenge.params['realm'])
            return false;
        this.realm = challenge.params['realm'];
        this.service = challenge.params['service'];
        if (sent === undefined)
            return true;
        const key = mergeScopes(scopes);
        // Another request already replaced the token that failed: use the new one.
        const current = this.tokens.get(key);
        if (current !== undefined && `Bearer ${current}` !== sent)
            return true;
        // Ask once for what the challenge names together with our own scopes, cached under our key.
        const wanted = mergeScopes(scopes, challenge.params['scope'] ? [challenge.params['scope']] : []);
        await this.fetchShared(key, wanted, 'refresh');
        return true;
    }
    /** The one token fetch: shared by every request asking for the same key at the same time. */
    fetchShared(key, wanted, purpose = 'get') {
        const flight = `${purpose} ${key.join(' ')}`;
        let pending = this.pending.get(flight);
        if (!pending) {
            pending = this.fetchToken(wanted)
                .then(({ token, expiresIn }) => {
                this.tokens.set(key, token, expiresIn);
                return token;
            })
                .finally(() => this.pending.delete(flight));
            this.pending.set(flight, pending);
        }
        return pending;
    }
    /** Asks the realm for a token covering `scopes`; every token is masked before it is used. */
    async fetchToken(scopes) {
        const realm = this.realmUrl();
        const response = await this.requestToken(realm, this.service, scopes);
        if (response.status !== 200) {
            const text = this.context.secrets.redact((await readText(response)).slice(0, 300));
            const credentials = this.context.credentials;
            const retryable = (0,errors/* isRetryableStatus */.PS)(response.status);
            if (retryable)
                await drain(response);
            throw new errors/* RegistryError */.gl(retryable ? (0,errors/* kindOfStatus */.o3)(response.status) : 'refused', `the token service ${realm.host} refused ${scopes.join(' ') || 'access'} for ${this.context.registryHost} (HTTP ${response.status}${credentials ? `, credentials from ${credentials.source}` : ', anonymous'}): ${text}`, {
                status: retryable ? response.status : response.status === 403 ? 403 : 401,
                code: 'UNAUTHORIZED',
                host: this.context.registryHost,
            });
        }
        let body;
        try {
            body = JSON.parse((await readAll(response, MAX_TOKEN_ANSWER_BYTES)).toString('utf8'));
        }
        catch (error) {
            throw new errors/* RegistryError */.gl('invalid-response', `the token service ${realm.host} answered something that is not a token`, {
                host: this.context.registryHost,
                cause: error,
            });
        }
        const token = typeof body.token === 'string' ? body.token : body.access_token;
        if (typeof token !== 'string' || token === '')
            throw new errors/* RegistryError */.gl('invalid-response', `the token service ${realm.host} answered without a token`, {
                status: 401,
                host: this.context.registryHost,
            });
        this.context.secrets.addToken(token);
        this.context.stats.tokensFetched++;
        const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_SECONDS;
        return { token, expiresIn };
    }
    /** The realm, refused when it would carry credentials over plain HTTP from a TLS registry. */
    realmUrl() {
        let realm;
        try {
            realm = new URL(this.realm);
        }
        catch {
            throw new errors/* RegistryError */.gl('invalid-response', `the registry named a token realm that is not a URL: ${this.realm}`, {
                host: this.context.registryHost,
                final: true,
            });
        }
        if (realm.protocol !== 'https:' && !(0,oci_reference/* isLoopbackHost */.cW)(realm.host) && !this.context.plainHttp) {
            throw new errors/* RegistryError */.gl('refused', `the token realm ${realm.href} is plain HTTP: refusing to send credentials there`, { host: this.context.registryHost, final: true });
        }
        return realm;
    }
    /** The token request: GET with `service`, repeated `scope` and, with a password, Basic auth. */
    requestToken(realm, service, scopes) {
        const url = new URL(realm);
        if (service !== undefined)
            url.searchParams.set('service', service);
        for (const scope of scopes)
            url.searchParams.append('scope', scope);
        const headers = {};
        const credentials = this.context.credentials;
        if (credentials?.kind === 'basic') {
            headers['authorization'] = basicHeader(credentials);
            url.searchParams.set('account', credentials.username);
        }
        return this.context.request(url.href, { method: 'GET', headers });
    }
}
/** Bearer, anonymous or with a user name and password. */
const bearerScheme = {
    challenge: 'bearer',
    create(challenge, context) {
        if (!challenge.params['realm'] || context.credentials?.kind === 'identity-token')
            return undefined;
        if (context.credentials?.kind === 'basic')
            context.secrets.addBasic(context.credentials.username, context.credentials.password);
        return new BearerAuthorizer(challenge, context);
    },
};

;// CONCATENATED MODULE: ./lib/src/oci/auth/identity-token.js

/**
 * Bearer with an identity token (`docker login` to registries that hand out refresh tokens, a
 * credential helper answering `<token>`): the OAuth2 POST flow exchanges it for access tokens.
 */
class IdentityTokenAuthorizer extends BearerAuthorizer {
    requestToken(realm, service, scopes) {
        const credentials = this.context.credentials;
        if (credentials?.kind !== 'identity-token')
            throw new TypeError('identity-token authorizer without a token');
        const form = new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: credentials.token,
            client_id: 'cutover',
            ...(service !== undefined && { service }),
            scope: scopes.join(' '),
        });
        return this.context.request(realm.href, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: Buffer.from(form.toString()),
        });
    }
}
/** Bearer, exchanging an identity token. */
const identityTokenScheme = {
    challenge: 'bearer',
    create(challenge, context) {
        if (!challenge.params['realm'] || context.credentials?.kind !== 'identity-token')
            return undefined;
        context.secrets.addToken(context.credentials.token);
        return new IdentityTokenAuthorizer(challenge, context);
    },
};

;// CONCATENATED MODULE: ./lib/src/oci/auth/negotiate.js



/** Every scheme the client speaks, the first that can answer a challenge wins. A new scheme goes here. */
const SCHEMES = [identityTokenScheme, bearerScheme, basicScheme];
/**
 * The registry's authorizer: anonymous until the first 401, then whichever scheme the challenge
 * names (and our credentials can answer), kept for every later request.
 */
class NegotiatedAuthorizer {
    context;
    current;
    constructor(context) {
        this.context = context;
    }
    authorize(scopes) {
        return this.current ? this.current.authorizer.authorize(scopes) : Promise.resolve(undefined);
    }
    async answer(challenge, scopes, sent) {
        if (this.current?.scheme === challenge.scheme)
            return this.current.authorizer.answer(challenge, scopes, sent);
        for (const scheme of SCHEMES) {
            if (scheme.challenge !== challenge.scheme)
                continue;
            const authorizer = scheme.create(challenge, this.context);
            if (!authorizer)
                continue;
            this.current = { scheme: scheme.challenge, authorizer };
            return authorizer.answer(challenge, scopes, sent);
        }
        return false;
    }
}

;// CONCATENATED MODULE: ./lib/src/oci/failures.js



/**
 * The transport's failures in words: a request that got no answer (refused, unresolvable, silent,
 * dropped), a streamed body that failed, the run's deadline, and an answer that is an error (with
 * the registry's own code and message, masked).
 */
/** The code a request fails with when its host accepted the connection and never answered. */
const NO_ANSWER = 'NO_ANSWER';
/** Codes of a name that does not resolve (EAI_AGAIN: the resolver itself failed, maybe for now). */
function isResolveCode(code) {
    return code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL';
}
/** A request that got no answer: refused, not resolved, silent, dropped or timed out. */
function connectionFailure(host, error, method, url) {
    if (error instanceof errors/* RegistryError */.gl)
        return error;
    const code = (0,errors/* networkErrorCode */.a0)(error) ?? 'connection failed';
    const where = `${method} ${describeUrl(url)}`;
    if (code === NO_ANSWER)
        return new errors/* RegistryError */.gl('timeout', `no answer from ${host} ${error.message} (${where}): it accepts connections but sends nothing back`, {
            code,
            url,
            host,
            final: true,
            cause: error,
            hint: `check that ${host} is up: something accepts its connections (a load balancer, a proxy) but nothing answers`,
        });
    if (isResolveCode(code))
        return new errors/* RegistryError */.gl('unreachable', `cannot resolve ${new URL(url).hostname} (${where}): ${code}`, {
            code,
            url,
            host,
            final: code !== 'EAI_AGAIN',
            cause: error,
            hint: 'check the host name in the manifest, and DNS from this machine',
        });
    const permanent = (0,errors/* isPermanentNetworkError */.Ht)(code);
    const hint = /CERT|SELF_SIGNED|VERIFY/.test(code) ? ' (a private CA? add it with NODE_EXTRA_CA_CERTS)' : '';
    return new errors/* RegistryError */.gl((0,errors/* isTimeoutCode */.Dh)(code) ? 'timeout' : 'unreachable', `${where}: ${code}${hint}`, {
        code,
        url,
        host,
        final: permanent,
        cause: error,
    });
}
/**
 * A request whose streamed body failed. A body that stalled (its source sent nothing for the idle
 * time) is not sent again: it would stall again; a dropped one is (a new stream each time).
 */
function bodyFailure(host, error, method, url) {
    if (error instanceof errors/* RegistryError */.gl)
        return error;
    const code = (0,errors/* networkErrorCode */.a0)(error) ?? 'failed';
    const origin = error.registryRequest;
    return new errors/* RegistryError */.gl((0,errors/* isTimeoutCode */.Dh)(code) ? 'timeout' : 'unreachable', `${method} ${describeUrl(url)}: the body being sent failed${origin ? ` (${origin})` : ''}: ${code === 'IDLE_TIMEOUT' ? error.message : code}`, { code, url, host, final: (0,errors/* isTimeoutCode */.Dh)(code), cause: error });
}
/** The run's deadline passed (`signal.reason` says which). */
function deadlineFailure(host, what, signal, cause) {
    const reason = signal?.reason;
    const why = reason instanceof Error ? reason.message : 'the deadline passed';
    return new errors/* RegistryError */.gl('timeout', `${host}: ${what}: ${why}`, {
        host,
        code: 'DEADLINE',
        final: true,
        ...(cause !== undefined && { cause }),
    });
}
/** A RegistryError from a failed answer, with the registry's own error code and message (masked). */
async function answerFailure(context, response, url, what, retryAfterMs) {
    const { host, credentials } = context;
    const text = context.secrets.redact(await readText(response));
    let code;
    let message;
    try {
        const first = JSON.parse(text).errors?.[0];
        code = typeof first?.code === 'string' ? first.code : undefined;
        message = typeof first?.message === 'string' ? first.message : undefined;
    }
    catch {
        message = text.slice(0, 200) || undefined;
    }
    const hint = response.status === 401
        ? credentials
            ? ` (credentials from ${credentials.source} were refused)`
            : ' (no credentials found: set the manifest credentials env names or docker login)'
        : '';
    return new errors/* RegistryError */.gl((0,errors/* kindOfStatus */.o3)(response.status), `${host}: ${what}: HTTP ${response.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}${hint}`, {
        status: response.status,
        ...(code !== undefined && { code }),
        url,
        host,
        ...(retryAfterMs !== undefined && { retryAfterMs }),
    });
}

;// CONCATENATED MODULE: ./lib/src/oci/health.js

const DEFAULT_HEALTH_POLICY = {
    breakerThreshold: 5,
    breakerCooldownMs: 30_000,
    rateLimitBudgetMs: 60_000,
    retryBudgetMinimum: 20,
    retryBudgetRatio: 0.2,
};
/** The health of one host in one run. */
class HostHealth {
    host;
    now;
    policy;
    /** Connection failures in a row, when the run of them began, and the last reason. */
    failures = 0;
    failingSince;
    lastReason = '';
    /** Set while the breaker is open: when it may let a probe through. */
    openUntil;
    /** When the half-open breaker let its probe through (another may go after a cool-down). */
    probeStartedAt;
    rateLimitedSince;
    /** True once the host has answered anything in this run. */
    answeredOnce = false;
    constructor(host, policy = {}, now = Date.now) {
        this.host = host;
        this.now = now;
        this.policy = { ...DEFAULT_HEALTH_POLICY, ...policy };
    }
    /**
     * Called before every attempt: throws at once while the breaker is open (after the cool-down
     * one probe goes through, the others still fail) or once the host has been rate-limiting for
     * longer than the budget.
     */
    admit() {
        const now = this.now();
        if (this.openUntil !== undefined) {
            const probing = this.probeStartedAt !== undefined && now - this.probeStartedAt < this.policy.breakerCooldownMs;
            if (now < this.openUntil || probing)
                throw this.unreachable();
            this.probeStartedAt = now;
        }
        if (this.rateLimitedSince !== undefined && now - this.rateLimitedSince >= this.policy.rateLimitBudgetMs) {
            throw new errors/* RegistryError */.gl('rate-limited', `registry ${this.host} has answered only 429 (rate-limited) for ${lasted(now - this.rateLimitedSince)}: giving up on its remaining work`, { status: 429, host: this.host, final: true, hint: 'run again later, or lower --concurrency' });
        }
    }
    /** The host answered (any status but 429 also ends a rate-limited spell). */
    noteAnswer(status) {
        this.answeredOnce = true;
        this.failures = 0;
        this.failingSince = undefined;
        this.openUntil = undefined;
        this.probeStartedAt = undefined;
        if (status === 429)
            this.rateLimitedSince ??= this.now();
        else
            this.rateLimitedSince = undefined;
    }
    /**
     * A connection failed, dropped or timed out. `hopeless` (a host that never answered and let a
     * request wait for nothing) opens the breaker at once: its other requests would wait as long.
     */
    noteConnectionFailure(reason, hopeless = false) {
        const now = this.now();
        this.failures++;
        this.failingSince ??= now;
        this.lastReason = reason;
        if (hopeless || this.probeStartedAt !== undefined || this.failures >= this.policy.breakerThreshold) {
            this.openUntil = now + this.policy.breakerCooldownMs;
            this.probeStartedAt = undefined;
        }
    }
    /** True once the host has answered anything in this run (a first request gets less time to answer). */
    get answered() {
        return this.answeredOnce;
    }
    /** True while the breaker is open. */
    get open() {
        return this.openUntil !== undefined;
    }
    /** True when one more retry fits the host's budget. */
    allowRetry(stats) {
        return stats.retries < this.policy.retryBudgetMinimum + this.policy.retryBudgetRatio * stats.requests;
    }
    unreachable() {
        return new errors/* RegistryError */.gl('unreachable', `registry ${this.host} unreachable for ${lasted(this.now() - (this.failingSince ?? this.now()))} (${this.failures} connection failures in a row, last: ${this.lastReason}); its remaining work fails without trying`, {
            host: this.host,
            code: 'BREAKER_OPEN',
            final: true,
            hint: `check that ${this.host} is up and reachable from here`,
        });
    }
}
/**
 * How long a spell has lasted, by this machine's clock. Not a date: a run rehearsing another day
 * (`--now 2030-05-02`) would otherwise print today's date in its story.
 */
function lasted(ms) {
    return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./lib/src/oci/transport.js














const MAX_REDIRECTS = 5;
/** 401 answers followed by a new attempt within one request (a new token, a widened scope). */
const MAX_AUTH_ANSWERS = 2;
/** How much longer than the idle timeout a request sending a streamed body waits (see exchange). */
const STREAMED_BODY_GRACE_MS = 5_000;
/** Defaults of {@link TransportOptions.firstAnswerTimeoutMs} and {@link TransportOptions.waitingNoticeMs}. */
const FIRST_ANSWER_TIMEOUT_MS = 10_000;
const WAITING_NOTICE_MS = 5_000;
/** The transport of one registry; see the module comment. */
class Transport {
    host;
    baseUrl;
    /** Counters for reports and tests. */
    stats = { requests: 0, retries: 0, tokensFetched: 0 };
    secrets;
    credentials;
    options;
    limiter;
    authorizer;
    agents = keepAliveAgents();
    /** Breaker, rate limiting and retry budget of this host. */
    health;
    /** When the last "waiting for" line was given (one per interval, however many requests wait). */
    lastNoticeAt = 0;
    constructor(init) {
        this.host = init.host.toLowerCase();
        this.baseUrl = `${init.insecure ? 'http' : 'https'}://${this.host}`;
        this.credentials = init.credentials;
        this.options = init.options ?? {};
        this.secrets = this.options.secrets ?? new secrets/* SecretRegistry */.k();
        if (this.credentials?.kind === 'basic')
            this.secrets.addBasic(this.credentials.username, this.credentials.password);
        if (this.credentials?.kind === 'identity-token')
            this.secrets.addToken(this.credentials.token);
        this.limiter = new limiter/* Limiter */.jG(this.options.concurrency ?? 8);
        this.health = new HostHealth(this.host, this.options.health);
        const context = {
            registryHost: this.host,
            plainHttp: init.insecure,
            credentials: this.credentials,
            secrets: this.secrets,
            stats: this.stats,
            // A token service that cannot be reached fails the request that needed the token, as a
            // connection failure: the request is then retried as a whole.
            request: (url, request) => this.exchange(url, { ...request, headers: { 'user-agent': version/* USER_AGENT */._, ...request.headers } }).catch((error) => {
                throw connectionFailure(this.host, error, request.method, url);
            }),
        };
        this.authorizer = new NegotiatedAuthorizer(context);
    }
    /** True when this transport refuses writes. */
    get readOnly() {
        return this.options.readOnly === true;
    }
    /** Sends a request, retried as a whole on 408/429/5xx, time-outs and dropped connections. */
    send(request) {
        return this.retrying(request.method, request.url, () => this.sendOnce(request));
    }
    /**
     * Runs an operation made of several requests (start an upload, then send it) as one retried
     * unit: its requests use {@link sendOnce}, and a retryable failure of this registry starts the
     * whole operation again. Failures of anything else (another registry feeding a body) are not
     * retried here: they were retried where they happened.
     */
    retrying(method, url, operation) {
        return (0,retry/* retry */.L5)(operation, {
            ...(this.options.retry && { policy: this.options.retry }),
            ...(this.options.signal && { signal: this.options.signal }),
            classify: (error) => this.classify(error),
            onRetry: (event) => {
                this.stats.retries++;
                const failure = event.error;
                this.options.onRetry?.({
                    host: this.host,
                    method,
                    path: describeUrl(new URL(failure.url ?? url, this.baseUrl).href),
                    status: failure.status ?? 0,
                    reason: event.reason,
                    attempt: event.attempt,
                    delayMs: event.delayMs,
                });
            },
        });
    }
    classify(error) {
        if (!(error instanceof errors/* RegistryError */.gl) || error.host !== this.host)
            return { retryable: false, reason: String(error) };
        return {
            retryable: error.retryable && this.health.allowRetry(this.stats),
            reason: error.status !== undefined ? `HTTP ${error.status}` : (error.code ?? error.kind),
            ...(error.retryAfterMs !== undefined && { retryAfterMs: error.retryAfterMs }),
        };
    }
    /**
     * Sends a request once: authorises it, follows redirects by hand, answers up to two auth
     * challenges. Retryable answers (408, 429, 5xx) and connection failures are thrown as
     * {@link RegistryError}s for the retry layer; every other answer is returned.
     */
    async sendOnce(request) {
        if (this.readOnly && request.method !== 'GET' && request.method !== 'HEAD') {
            throw new errors/* RegistryError */.gl('refused', `refusing ${request.method} ${request.url}: ${this.host} is read-only for cutover (the old registry is never written to)`, { code: 'READ_ONLY', host: this.host, final: true });
        }
        this.checkDeadline(request);
        const release = await this.limiter.acquire();
        let keep = false;
        try {
            this.checkDeadline(request);
            this.health.admit();
            const answer = await this.exchangeWithRegistry(request);
            keep = request.holdSlot === true;
            return { ...answer, release: keep ? release : () => undefined };
        }
        finally {
            if (!keep)
                release();
        }
    }
    async exchangeWithRegistry(request) {
        let url = new URL(request.url, this.baseUrl).href;
        let method = request.method;
        let redirects = 0;
        let authAnswers = 0;
        for (;;) {
            this.stats.requests++;
            const ours = originOf(new URL(url)) === originOf(new URL(this.baseUrl));
            const headers = { 'user-agent': version/* USER_AGENT */._, ...request.headers };
            if (ours) {
                const authorization = await this.authorizer.authorize(request.scopes);
                if (authorization)
                    headers['authorization'] = authorization;
            }
            const body = typeof request.body === 'function' ? await request.body() : request.body;
            // A streamed body that fails (its source stalled or dropped) is not this host's failure.
            let bodyError;
            if (body instanceof external_node_stream_.Readable)
                body.once('error', (error) => (bodyError ??= error));
            let response;
            try {
                response = await this.exchange(url, { method, headers, ...(body !== undefined && { body }) }, body instanceof external_node_stream_.Readable, `${method} ${describeUrl(url)}`);
            }
            catch (error) {
                if (this.options.signal?.aborted)
                    throw this.deadlineError(request, error);
                if (bodyError !== undefined)
                    throw bodyFailure(this.host, bodyError, method, url);
                const failure = connectionFailure(this.host, error, method, url);
                const silent = failure.code === NO_ANSWER;
                this.health.noteConnectionFailure(silent ? `no answer from ${this.host}` : (failure.code ?? failure.kind), silent);
                throw failure;
            }
            this.health.noteAnswer(response.status);
            // An answer that is not a success may come before the body was sent: stop feeding it.
            if (body instanceof external_node_stream_.Readable && response.status >= 300)
                body.destroy();
            const location = response.headers.get('location');
            if ([301, 302, 303, 307, 308].includes(response.status) && location) {
                await drain(response);
                if (++redirects > MAX_REDIRECTS)
                    throw new errors/* RegistryError */.gl('invalid-response', `${method} ${describeUrl(url)}: too many redirects`, {
                        status: response.status,
                        url,
                        host: this.host,
                        final: true,
                    });
                url = this.follow(url, location);
                if (response.status === 303)
                    method = 'GET';
                continue;
            }
            if (response.status === 401 && ours && authAnswers < MAX_AUTH_ANSWERS) {
                const challenge = parseChallenge(response.headers.get('www-authenticate'));
                if (challenge &&
                    (await this.authorizer.answer(challenge, request.scopes, headers['authorization']))) {
                    await drain(response);
                    authAnswers++;
                    continue;
                }
            }
            if ((0,errors/* isRetryableStatus */.PS)(response.status)) {
                const retryAfterMs = (0,retry/* parseRetryAfter */.mu)(response.headers.get('retry-after'));
                throw await this.failure(response, url, request.what, retryAfterMs);
            }
            // A HEAD answer has no body, but Node frees the socket only once it has been read.
            if (method === 'HEAD')
                await drain(response);
            return { response, url };
        }
    }
    /** Where a redirect, an upload `Location` or a pagination `Link` leads (see {@link followUrl}). */
    follow(from, location) {
        return followUrl(this.host, from, location);
    }
    /**
     * One HTTP exchange with this transport's agents and idle timeout. While a streamed body is
     * sent, its source's own idle timeout is the one that should fire (it says whose silence it
     * was): this side waits a little longer. Until this host has answered once, a request to it
     * without a streamed body gets {@link TransportOptions.firstAnswerTimeoutMs} to answer; the log
     * is told what it waits for after {@link TransportOptions.waitingNoticeMs}.
     */
    async exchange(url, init, streamedBody = false, what = `${init.method} ${describeUrl(url)}`) {
        const idle = this.options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
        // A streamed body's request waits while it sends (a large upload): nothing to say about that.
        const notice = streamedBody ? undefined : this.noticeAfter(what);
        const firstContact = !this.health.answered && !streamedBody;
        try {
            return await httpRequest(url, {
                ...init,
                agents: this.agents,
                timeoutMs: streamedBody ? idle + STREAMED_BODY_GRACE_MS : idle,
                ...(firstContact && {
                    answerTimeout: {
                        ms: this.options.firstAnswerTimeoutMs ?? FIRST_ANSWER_TIMEOUT_MS,
                        code: NO_ANSWER,
                    },
                }),
                ...(this.options.signal && { signal: this.options.signal }),
            });
        }
        finally {
            clearTimeout(notice);
        }
    }
    /** Says what a request waits for once it has waited a while (one line per host and interval). */
    noticeAfter(what) {
        const { onWaiting } = this.options;
        if (!onWaiting)
            return undefined;
        const afterMs = this.options.waitingNoticeMs ?? WAITING_NOTICE_MS;
        const started = Date.now();
        const timer = setTimeout(() => {
            if (Date.now() - this.lastNoticeAt < afterMs)
                return;
            this.lastNoticeAt = Date.now();
            onWaiting(`waiting for ${this.host} to answer ${what} (${Math.round((Date.now() - started) / 1000)} s)`);
        }, afterMs);
        timer.unref();
        return timer;
    }
    /** A streamed answer of this host broke after its headers (a stalled or dropped download). */
    noteStreamFailure(error) {
        if (this.options.signal?.aborted)
            return;
        this.health.noteConnectionFailure((0,errors/* networkErrorCode */.a0)(error) ?? 'stream failed');
    }
    /** Fails at once when the run's deadline has passed. */
    checkDeadline(request) {
        if (this.options.signal?.aborted)
            throw this.deadlineError(request);
    }
    deadlineError(request, cause) {
        return deadlineFailure(this.host, request.what, this.options.signal, cause);
    }
    /** A RegistryError from a failed answer, with the registry's own error code and message (masked). */
    failure(response, url, what, retryAfterMs) {
        return answerFailure(this, response, url, what, retryAfterMs);
    }
}

;// CONCATENATED MODULE: ./lib/src/oci/uploads.js



/**
 * Blob uploads: cross-repository mounts, one streamed PUT, or PATCH chunks (when asked, or when a
 * proxy refuses the single PUT as too large). An upload is retried as a whole — a new session and
 * a new stream from `open` — because a registry may have kept part of a failed body.
 */
/** Chunks after a 413: under nginx's default client_max_body_size (1 MiB), the commonest limit. */
const FALLBACK_CHUNK_SIZE = 1_000_000;
/**
 * Asks the registry to mount a blob from another of its repositories. True when it answers 201;
 * any other answer means "upload it" (an upload session the registry opened is returned for that).
 */
async function mountBlob(transport, repository, digest, from) {
    const { response, url } = await transport.send({
        method: 'POST',
        url: uploadsPath(repository, { digest, from }),
        scopes: mergeScopes([repositoryScope(repository, 'pull,push')], [repositoryScope(from, 'pull')]),
        what: `mount ${from}@${digest} into ${repository}`,
    });
    await drain(response);
    if (response.status === 201)
        return { mounted: true };
    const location = response.headers.get('location');
    if (response.status === 202 && location)
        return { mounted: false, location: transport.follow(url, location) };
    return { mounted: false };
}
/** Opens an upload session; returns its absolute location (query string kept). */
function startUpload(transport, repository) {
    return openSession(transport, (request) => transport.send(request), repository);
}
async function openSession(transport, send, repository) {
    const what = `start an upload to ${repository}`;
    const { response, url } = await send({
        method: 'POST',
        url: uploadsPath(repository),
        scopes: [repositoryScope(repository, 'pull,push')],
        what,
    });
    const location = response.headers.get('location');
    if (response.status !== 202 || !location)
        throw await transport.failure(response, url, what);
    await drain(response);
    return transport.follow(url, location);
}
/**
 * Uploads a blob from a stream: one streamed PUT (after POST), or PATCH chunks when `chunkSize`
 * is set or the registry refuses the single PUT as too large. `open` is called once per attempt
 * (and per redirect or auth answer). Memory stays at most one chunk, whatever the blob's size.
 * Returns the bytes sent.
 */
function uploadBlob(transport, upload) {
    const { repository, digest, size, open, chunkSize } = upload;
    const send = (request) => transport.sendOnce(request);
    return transport.retrying('PUT', uploadsPath(repository), async (attempt) => {
        // A session from an earlier attempt may hold part of a body: every retry starts a new one.
        const location = attempt === 0 && upload.session !== undefined
            ? upload.session
            : await openSession(transport, send, repository);
        if (chunkSize !== undefined)
            return uploadChunked(transport, upload, location, await open(), chunkSize);
        const what = `upload blob ${repository}@${digest}`;
        const { response, url } = await send({
            method: 'PUT',
            url: withQuery(location, 'digest', digest),
            scopes: [repositoryScope(repository, 'pull,push')],
            headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
            body: open,
            what,
        });
        if (response.status === 413) {
            // A proxy in front of the registry limits request size: fall back to chunks.
            await drain(response);
            const chunked = await openSession(transport, send, repository);
            return uploadChunked(transport, upload, chunked, await open(), FALLBACK_CHUNK_SIZE);
        }
        if (response.status !== 201)
            throw await transport.failure(response, url, what);
        await drain(response);
        return size;
    });
}
async function uploadChunked(transport, upload, firstLocation, stream, chunkSize) {
    const { repository, digest } = upload;
    let location = firstLocation;
    let offset = 0;
    try {
        for await (const chunk of chunksOf(stream, chunkSize)) {
            const what = `upload chunk of ${repository}@${digest}`;
            const { response, url } = await transport.sendOnce({
                method: 'PATCH',
                url: location,
                scopes: [repositoryScope(repository, 'pull,push')],
                headers: {
                    'content-type': 'application/octet-stream',
                    'content-length': String(chunk.length),
                    'content-range': `${offset}-${offset + chunk.length - 1}`,
                },
                body: chunk,
                what,
            });
            const next = response.headers.get('location');
            if (response.status !== 202 || !next)
                throw await transport.failure(response, url, what);
            await drain(response);
            location = transport.follow(url, next);
            offset += chunk.length;
        }
    }
    finally {
        stream.destroy();
    }
    const what = `finish upload of ${repository}@${digest}`;
    const { response, url } = await transport.sendOnce({
        method: 'PUT',
        url: withQuery(location, 'digest', digest),
        scopes: [repositoryScope(repository, 'pull,push')],
        headers: { 'content-length': '0' },
        what,
    });
    if (response.status !== 201)
        throw await transport.failure(response, url, what);
    await drain(response);
    return offset;
}
/** Adds a query parameter to a URL, keeping the query it has (upload locations carry state there). */
function withQuery(location, name, value) {
    const url = new URL(location);
    url.searchParams.append(name, value);
    return url.href;
}
/** Splits a stream into Buffers of exactly `size` bytes (the last may be shorter). */
async function* chunksOf(stream, size) {
    let parts = [];
    let held = 0;
    for await (const data of stream) {
        let chunk = data;
        while (chunk.length > 0) {
            const take = Math.min(size - held, chunk.length);
            parts.push(chunk.subarray(0, take));
            held += take;
            chunk = chunk.subarray(take);
            if (held === size) {
                yield Buffer.concat(parts);
                parts = [];
                held = 0;
            }
        }
    }
    if (held > 0)
        yield Buffer.concat(parts);
}

;// CONCATENATED MODULE: ./lib/src/oci/client.js










/**
 * A client for one OCI distribution registry: anonymous, Basic or Bearer (challenge flow with a
 * token per scope set), retries with backoff, bounded concurrency, manual redirects that drop
 * Authorization when they leave the registry's origin.
 */
class RegistryClient {
    /** `host[:port]` as the manifest names it. */
    host;
    /** `https://host` or, for loopback and insecure registries, `http://host`. */
    baseUrl;
    /** Counters for reports and tests. */
    stats;
    transport;
    options;
    /**
     * The client for a registry of the manifest. Credentials come from the manifest's env names or
     * the Docker config (masked); plain HTTP only for loopback hosts or `insecure: true`.
     */
    static async forRegistry(spec, env, options = {}) {
        const credentials = await (0,oci_credentials/* resolveCredentials */.z)(spec, env, options.secrets ?? new secrets/* SecretRegistry */.k());
        return new RegistryClient({
            host: spec.host,
            insecure: spec.insecure,
            ...(credentials && { credentials }),
            options,
        });
    }
    constructor(init) {
        this.options = init.options ?? {};
        this.transport = new Transport(init);
        this.host = this.transport.host;
        this.baseUrl = this.transport.baseUrl;
        this.stats = this.transport.stats;
    }
    get pageSize() {
        return Math.max(1, Math.min(1000, Math.floor(this.options.pageSize ?? 1000)));
    }
    /** True when this client refuses writes. */
    get readOnly() {
        return this.transport.readOnly;
    }
    /** Every tag of a repository, following `Link` pagination (pages of up to 1000); [] when the repository is unknown. */
    listTags(repository) {
        return listTags(this.transport, repository, this.pageSize, this.options.onWarning);
    }
    /**
     * Every repository the registry's catalog lists (pages of up to 1000).
     * @throws RegistryError when the registry does not serve or allow the catalog (401, 403, 404)
     */
    listRepositories() {
        return listRepositories(this.transport, this.pageSize, this.options.onWarning);
    }
    /** HEAD a manifest by tag or digest; undefined when the registry answers 404. */
    headManifest(repository, reference) {
        return headManifest(this.transport, repository, reference);
    }
    /**
     * GET a manifest by tag or digest; its digest is computed from the raw bytes and checked.
     * @throws RegistryError (kind `not-found`, status 404, when absent)
     */
    getManifest(repository, reference) {
        return getManifest(this.transport, repository, reference);
    }
    /** PUT a manifest's exact bytes under a tag or its digest; returns the digest, checked. */
    putManifest(repository, reference, manifest) {
        return putManifest(this.transport, repository, reference, manifest);
    }
    /**
     * {@link putManifest}, also telling whether the registry's answer named the digest it stored
     * (then the reference is known to resolve to it without a HEAD).
     */
    putManifestConfirmed(repository, reference, manifest) {
        return putManifestConfirmed(this.transport, repository, reference, manifest);
    }
    /** The OCI referrers of a manifest, or undefined when the registry does not serve the referrers API. */
    listReferrers(repository, digest) {
        return listReferrers(this.transport, repository, digest);
    }
    /** HEAD a blob; its size, or undefined when the repository does not have it. */
    headBlob(repository, digest) {
        return headBlob(this.transport, repository, digest);
    }
    /** Reads a small blob (an image config) whole, checking its digest. */
    readBlob(repository, digest, maxBytes) {
        return readBlob(this.transport, repository, digest, maxBytes);
    }
    /** Streams a blob; the concurrency slot is held until the stream ends or is destroyed. */
    getBlob(repository, digest, expectedSize) {
        return getBlob(this.transport, repository, digest, expectedSize);
    }
    /** Asks the registry to mount a blob from another of its repositories. */
    mountBlob(repository, digest, from) {
        return mountBlob(this.transport, repository, digest, from);
    }
    /**
     * Uploads a blob from a stream (one PUT, or PATCH chunks), retried as a whole: `open` is called
     * once per attempt. Returns the bytes sent.
     */
    uploadBlob(repository, digest, size, open, session) {
        return uploadBlob(this.transport, {
            repository,
            digest,
            size,
            open,
            session,
            chunkSize: this.options.chunkSize,
        });
    }
    /** Opens an upload session; returns its absolute location (query string kept). */
    startUpload(repository) {
        return startUpload(this.transport, repository);
    }
}


/***/ }),

/***/ 90870:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ resolveCredentials)
/* harmony export */ });
/* unused harmony export dockerConfigPath */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8835);
/* harmony import */ var _shared_process_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70953);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(92041);






/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
function dockerConfigPath(env) {
    return node_path__WEBPACK_IMPORTED_MODULE_2__.join(env['DOCKER_CONFIG'] || node_path__WEBPACK_IMPORTED_MODULE_2__.join(env['HOME'] || node_os__WEBPACK_IMPORTED_MODULE_1__.homedir(), '.docker'), 'config.json');
}
async function readDockerConfig(env) {
    const file = dockerConfigPath(env);
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL([
            { file, message: `the Docker config is not valid JSON: ${error.message}` },
        ]);
    }
}
/** The host an `auths` key names: keys may be URLs (`https://index.docker.io/v1/`) or bare hosts. */
function authKeyHost(key) {
    return (0,_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeHost */ .cS)(key.replace(/^[a-z]+:\/\//i, '').split('/')[0]);
}
/** How long a credential helper may take (they may ask a keychain or a cloud API). */
const HELPER_TIMEOUT_MS = 30_000;
/** Asks `docker-credential-<helper> get` for a host's credentials; undefined when it has none. */
async function runHelper(helper, host, env) {
    const program = `docker-credential-${helper}`;
    let result;
    try {
        result = await (0,_shared_process_js__WEBPACK_IMPORTED_MODULE_4__/* .runProgram */ .mB)(program, ['get'], {
            cwd: node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir(),
            env,
            input: host,
            timeoutMs: HELPER_TIMEOUT_MS,
            stderrLimit: 4096,
        });
    }
    catch (error) {
        if (error.code === 'ENOENT')
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`the Docker config names credential helper "${helper}", but ${program} is not installed`);
        throw error;
    }
    const stdout = result.stdout.toString('utf8');
    if (result.code !== 0 || result.timedOut) {
        if (/not found|no credentials/i.test(`${stdout}${result.stderr}`))
            return undefined;
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationalError */ .LE(result.timedOut ? 'timeout' : 'failed', `${program} get failed for ${host}: ${result.timedOut ? `no answer in ${HELPER_TIMEOUT_MS / 1000} s` : result.stderr.trim() || `exit code ${result.code}`}`);
    }
    try {
        return JSON.parse(stdout);
    }
    catch {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationalError */ .LE('failed', `${program} get returned something that is not JSON`);
    }
}
/**
 * The credentials for a registry: the manifest's environment variables when it names them,
 * else the Docker config (credHelpers, credsStore, then auths). Every secret is masked before it
 * is returned. Undefined means anonymous.
 */
async function resolveCredentials(registry, env, secrets) {
    const names = registry.credentials;
    if (names?.usernameEnv || names?.passwordEnv) {
        const username = names.usernameEnv ? env[names.usernameEnv] : undefined;
        const password = names.passwordEnv ? env[names.passwordEnv] : undefined;
        secrets.add(password);
        if (password)
            secrets.addBasic(username ?? '', password);
        if (!password) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`credentials for ${registry.host}: environment variable ${names.passwordEnv ?? '(password-env)'} is not set`);
        }
        if (!username && names.usernameEnv) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`credentials for ${registry.host}: environment variable ${names.usernameEnv} is not set`);
        }
        return {
            kind: 'basic',
            username: username ?? '',
            password,
            source: `env ${[names.usernameEnv, names.passwordEnv].filter(Boolean).join('/')}`,
        };
    }
    const config = await readDockerConfig(env);
    if (!config)
        return undefined;
    const hosts = [registry.host, ...(registry.aliases ?? [])];
    for (const host of hosts) {
        const helper = config.credHelpers?.[host] ?? config.credsStore;
        if (helper) {
            const found = await runHelper(helper, host, env);
            if (found?.Secret) {
                if (found.Username === '<token>')
                    secrets.addToken(found.Secret);
                else
                    secrets.addBasic(found.Username ?? '', found.Secret);
                if (found.Username === '<token>')
                    return { kind: 'identity-token', token: found.Secret, source: `docker-credential-${helper}` };
                return {
                    kind: 'basic',
                    username: found.Username ?? '',
                    password: found.Secret,
                    source: `docker-credential-${helper}`,
                };
            }
        }
        const entry = Object.entries(config.auths ?? {}).find(([key]) => authKeyHost(key) === host)?.[1];
        if (!entry)
            continue;
        if (entry.identitytoken) {
            secrets.addToken(entry.identitytoken);
            return { kind: 'identity-token', token: entry.identitytoken, source: 'docker config (identitytoken)' };
        }
        if (entry.auth) {
            secrets.add(entry.auth);
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            const password = decoded.slice(colon + 1);
            secrets.addBasic(decoded.slice(0, colon), password);
            return { kind: 'basic', username: decoded.slice(0, colon), password, source: 'docker config (auths)' };
        }
        if (entry.password) {
            secrets.addBasic(entry.username ?? '', entry.password);
            return {
                kind: 'basic',
                username: entry.username ?? '',
                password: entry.password,
                source: 'docker config (auths)',
            };
        }
    }
    return undefined;
}


/***/ }),

/***/ 29949:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $B: () => (/* binding */ isConnectionFailure),
/* harmony export */   Dh: () => (/* binding */ isTimeoutCode),
/* harmony export */   Ht: () => (/* binding */ isPermanentNetworkError),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   a0: () => (/* binding */ networkErrorCode),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   o3: () => (/* binding */ kindOfStatus)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8835);

/** A failed registry request: what kind of failure, and the answer's status when there was one. */
class RegistryError extends _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationalError */ .LE {
    name = 'RegistryError';
    status;
    code;
    url;
    host;
    retryAfterMs;
    final;
    constructor(kind, message, details = {}) {
        super(kind, message, {
            ...(details.hint !== undefined && { hint: details.hint }),
            ...(details.cause !== undefined && { cause: details.cause }),
        });
        this.status = details.status;
        this.code = details.code;
        this.url = details.url;
        this.host = details.host;
        this.retryAfterMs = details.retryAfterMs;
        this.final = details.final === true;
    }
    /** True for failures worth another try: dropped connections, time-outs, 408, 429 and 5xx. */
    get retryable() {
        if (this.final)
            return false;
        if (this.status !== undefined)
            return isRetryableStatus(this.status);
        return this.kind === 'unreachable' || this.kind === 'timeout' || this.kind === 'rate-limited';
    }
}
/** Statuses a request is retried on. */
function isRetryableStatus(status) {
    return status === 408 || status === 429 || (status >= 500 && status <= 599);
}
/** The kind of failure an HTTP status stands for. */
function kindOfStatus(status) {
    if (status === 404)
        return 'not-found';
    if (status === 429)
        return 'rate-limited';
    if (status === 408 || status === 504)
        return 'timeout';
    if (status === 409)
        return 'conflict';
    // The registry is there but its backend is not (a gateway or an overloaded service).
    if (status === 502 || status === 503)
        return 'unreachable';
    if (status >= 500)
        return 'failed';
    if (status >= 400)
        return 'refused';
    return 'invalid-response';
}
/** The error code of a dropped or refused connection (ECONNRESET, ECONNREFUSED…), else its message. */
function networkErrorCode(error) {
    const cause = error?.cause;
    return error?.code ?? cause?.code ?? cause?.message ?? error?.message;
}
/**
 * True for connection failures that another attempt cannot fix: certificate problems (unknown CA,
 * wrong name, expired) and names that do not resolve.
 */
function isPermanentNetworkError(code) {
    return (code !== undefined &&
        (/CERT|SELF_SIGNED|ERR_TLS|UNABLE_TO_VERIFY|HOSTNAME/.test(code) || code === 'ENOTFOUND'));
}
/** True for codes that mean the request ran out of time rather than being refused. */
function isTimeoutCode(code) {
    return code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || code === 'IDLE_TIMEOUT';
}
/** True when a request got no answer at all: refused, dropped, timed out, or its host's breaker is open. */
function isConnectionFailure(error) {
    return (error instanceof RegistryError &&
        error.status === undefined &&
        (error.kind === 'unreachable' || error.kind === 'timeout'));
}


/***/ }),

/***/ 21732:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Go: () => (/* binding */ isForeignBlob),
/* harmony export */   Hy: () => (/* binding */ algorithmOf),
/* harmony export */   Sw: () => (/* binding */ parseImageManifest),
/* harmony export */   _j: () => (/* binding */ matchesDigest),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   sI: () => (/* binding */ sha256Digest)
/* harmony export */ });
/* unused harmony exports MEDIA_TYPES, digestOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8835);


/** Manifest media types the client accepts and copies. */
const MEDIA_TYPES = {
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
};
/** The Accept header for manifests: Docker v2 schema 2 and manifest list, OCI manifest and index. */
const MANIFEST_ACCEPT = [
    MEDIA_TYPES.ociIndex,
    MEDIA_TYPES.ociManifest,
    MEDIA_TYPES.dockerManifestList,
    MEDIA_TYPES.dockerManifest,
].join(', ');
/** `sha256:<hex>` of some bytes: digests always come from the raw bytes, never re-serialised JSON. */
function sha256Digest(bytes) {
    return digestOf(bytes, 'sha256');
}
/** `<algorithm>:<hex>` of some bytes. */
function digestOf(bytes, algorithm) {
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** The algorithm of a valid digest (`sha256:…` → sha256). */
function algorithmOf(digest) {
    return digest.startsWith('sha512:') ? 'sha512' : 'sha256';
}
/** True when `bytes` hash to `digest` with the digest's own algorithm. */
function matchesDigest(bytes, digest) {
    return digestOf(bytes, algorithmOf(digest)) === digest;
}
/**
 * Reads an image manifest's or index's structure from the registry's bytes (`parseManifest` in
 * src/manifest reads cutover.yml). The media type comes from the document when it names one, else
 * from the registry's Content-Type (OCI allows either).
 * @throws OperationalError (`invalid-response`) for bytes that are not a schema-2 manifest or index
 */
function parseImageManifest(bytes, contentType) {
    let document;
    try {
        document = JSON.parse(bytes.toString('utf8'));
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationalError */ .LE('invalid-response', `the manifest is not JSON: ${error.message}`, {
            cause: error,
        });
    }
    if (document.schemaVersion !== 2) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationalError */ .LE('invalid-response', `unsupported manifest schemaVersion ${String(document.schemaVersion)} (Docker schema 1 is not copied; convert the image first)`);
    }
    const contentMediaType = contentType?.split(';')[0]?.trim();
    const mediaType = document.mediaType ??
        (contentMediaType && contentMediaType !== 'application/json'
            ? contentMediaType
            : document.manifests
                ? MEDIA_TYPES.ociIndex
                : MEDIA_TYPES.ociManifest);
    const isIndex = Array.isArray(document.manifests) && !document.config;
    const blobs = isIndex ? [] : [...(document.config ? [document.config] : []), ...(document.layers ?? [])];
    return {
        mediaType,
        isIndex,
        manifests: isIndex ? (document.manifests ?? []) : [],
        blobs,
        ...(document.config && { config: document.config }),
        ...(document.subject && { subject: document.subject }),
    };
}
/**
 * Blobs that are not ours to copy: foreign or non-distributable layers that name external URLs
 * (Windows base layers); registries refuse to host them and clients fetch them from the URLs.
 */
function isForeignBlob(descriptor) {
    return (descriptor.urls?.length ?? 0) > 0 && /foreign|nondistributable/.test(descriptor.mediaType);
}


/***/ }),

/***/ 17916:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY_POLICY, retryDelay */
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
//# sourceMappingURL=24.index.cjs.js.map
