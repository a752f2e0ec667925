"use strict";
exports.id = 53;
exports.ids = [53];
exports.modules = {

/***/ 74053:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bP: () => (/* binding */ RegistryClient)
});

// UNUSED EXPORTS: RegistryError, nextLink, withQuery

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./lib/src/shared/secrets.js
var secrets = __webpack_require__(48694);
;// CONCATENATED MODULE: ./lib/src/oci/auth.js
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

// EXTERNAL MODULE: ./lib/src/oci/credentials.js
var oci_credentials = __webpack_require__(22857);
// EXTERNAL MODULE: ./lib/src/oci/http.js
var http = __webpack_require__(11103);
// EXTERNAL MODULE: ./lib/src/oci/media.js
var media = __webpack_require__(22939);
// EXTERNAL MODULE: ./lib/src/oci/reference.js
var oci_reference = __webpack_require__(77126);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
;// CONCATENATED MODULE: ./lib/src/oci/transport.js
/**
 * One HTTP exchange on node:http/https: streams both ways with backpressure (a download piped into
 * an upload holds a few socket buffers, whatever the blob's size), keep-alive agents, a socket
 * timeout. Node's https honours NODE_EXTRA_CA_CERTS for its default CAs.
 */



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
            timeout: init.timeoutMs ?? 120_000,
        });
        request.on('response', (response) => {
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
        request.on('timeout', () => request.destroy(Object.assign(new Error('socket timeout'), { code: 'ETIMEDOUT' })));
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
            throw new Error(`answer larger than ${maxBytes} bytes`);
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

;// CONCATENATED MODULE: ./lib/src/oci/client.js









const MAX_REDIRECTS = 5;
const MAX_JSON_BYTES = 64 * 1024 * 1024;
/** Chunks after a 413: under nginx's default client_max_body_size (1 MiB), the commonest limit. */
const FALLBACK_CHUNK_SIZE = 1_000_000;
const USER_AGENT = 'cutover (registry client)';
/**
 * A client for one OCI distribution registry, on Node's fetch: anonymous, Basic or Bearer
 * (challenge flow with a token per scope set), retries with backoff, bounded concurrency, manual
 * redirects that drop Authorization when they leave the host.
 */
class RegistryClient {
    /** `host[:port]` as the manifest names it. */
    host;
    /** `https://host` or, for loopback and insecure registries, `http://host`. */
    baseUrl;
    /** Counters for reports and tests. */
    stats = { requests: 0, retries: 0, tokensFetched: 0 };
    credentials;
    limiter;
    secrets;
    retry;
    options;
    scheme = 'unknown';
    bearer;
    tokens = new TokenCache();
    pendingTokens = new Map();
    agents = keepAliveAgents();
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
        this.host = init.host.toLowerCase();
        this.baseUrl = `${init.insecure ? 'http' : 'https'}://${this.host}`;
        this.credentials = init.credentials;
        this.options = init.options ?? {};
        this.secrets = this.options.secrets ?? new secrets/* SecretRegistry */.k();
        if (this.credentials?.kind === 'basic')
            this.secrets.addBasic(this.credentials.username, this.credentials.password);
        if (this.credentials?.kind === 'identity-token')
            this.secrets.addToken(this.credentials.token);
        this.limiter = new http/* Limiter */.jG(this.options.concurrency ?? 8);
        this.retry = { ...http/* DEFAULT_RETRY */.vI, ...this.options.retry };
    }
    get pageSize() {
        return Math.max(1, Math.min(1000, Math.floor(this.options.pageSize ?? 1000)));
    }
    /** True when this client refuses writes. */
    get readOnly() {
        return this.options.readOnly === true;
    }
    // ---------------------------------------------------------------- tags and repositories
    /** Every tag of a repository, following `Link` pagination (pages of up to 1000); [] when the repository is unknown. */
    async listTags(repository) {
        const tags = [];
        for await (const page of this.pages(`/v2/${repository}/tags/list?n=${this.pageSize}`, [repositoryScope(repository, 'pull')], `list tags of ${repository}`)) {
            if (page === undefined)
                return tags;
            tags.push(...(page.tags ?? []));
        }
        return tags;
    }
    /**
     * Every repository the registry's catalog lists (pages of up to 1000).
     * @throws RegistryError when the registry does not serve or allow the catalog (401, 403, 404)
     */
    async listRepositories() {
        const names = [];
        for await (const page of this.pages(`/v2/_catalog?n=${this.pageSize}`, ['registry:catalog:*'], 'list repositories', false)) {
            names.push(...(page?.repositories ?? []));
        }
        return names;
    }
    async *pages(first, scopes, what, missingIsEmpty = true) {
        let next = first;
        const seen = new Set();
        while (next !== undefined) {
            seen.add(next);
            const { response, url } = await this.send({ method: 'GET', url: next, scopes });
            if (response.status === 404 && missingIsEmpty) {
                await drain(response);
                yield undefined;
                return;
            }
            if (response.status !== 200)
                throw await this.failure(response, url, what);
            yield (await readJson(response, url));
            // The registry builds the cursor; we only follow it (relative to the page we asked for).
            const link = nextLink(response.headers.get('link'));
            next = link === undefined ? undefined : new URL(link, url).href;
            if (next !== undefined && seen.has(next))
                next = undefined;
        }
    }
    // ---------------------------------------------------------------- manifests
    /** HEAD a manifest by tag or digest; undefined when the registry answers 404. */
    async headManifest(repository, reference) {
        const { response, url } = await this.send({
            method: 'HEAD',
            url: `/v2/${repository}/manifests/${reference}`,
            scopes: [repositoryScope(repository, 'pull')],
            headers: { accept: media/* MANIFEST_ACCEPT */.dY },
        });
        if (response.status === 404)
            return undefined;
        if (response.status !== 200)
            throw await this.failure(response, url, `HEAD ${repository}:${reference}`);
        const digest = response.headers.get('docker-content-digest');
        const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
        const length = Number(response.headers.get('content-length'));
        if (!digest || !(0,oci_reference/* isValidDigest */.fH)(digest) || !mediaType || !Number.isFinite(length)) {
            // Some registries leave headers out of HEAD answers; the bytes always tell.
            const manifest = await this.getManifest(repository, reference);
            return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
        }
        return { digest, mediaType, size: length };
    }
    /**
     * GET a manifest by tag or digest with the full Accept list; the digest is computed from the
     * raw bytes and checked against the one asked for and the one the registry announces.
     * @throws RegistryError (status 404 when absent)
     */
    async getManifest(repository, reference) {
        const { response, url } = await this.send({
            method: 'GET',
            url: `/v2/${repository}/manifests/${reference}`,
            scopes: [repositoryScope(repository, 'pull')],
            headers: { accept: media/* MANIFEST_ACCEPT */.dY },
        });
        if (response.status !== 200)
            throw await this.failure(response, url, `GET ${repository}:${reference}`);
        const bytes = await readBody(response, MAX_JSON_BYTES, url);
        const digest = (0,media/* sha256Digest */.sI)(bytes);
        const expected = reference.includes(':') ? reference : response.headers.get('docker-content-digest');
        if (expected?.startsWith('sha256:') && expected !== digest) {
            throw new http/* RegistryError */.gl(`${this.host}/${repository}:${reference}: the manifest's bytes hash to ${digest}, not ${expected}`, 200, 'DIGEST_INVALID', url);
        }
        const mediaType = (0,media/* parseManifest */.Ng)(bytes, response.headers.get('content-type') ?? undefined).mediaType;
        return { digest, mediaType, bytes };
    }
    /**
     * PUT a manifest's exact bytes under a tag or its digest; returns the digest, checked against
     * what the registry announces.
     */
    async putManifest(repository, reference, manifest) {
        const { response, url } = await this.send({
            method: 'PUT',
            url: `/v2/${repository}/manifests/${reference}`,
            scopes: [repositoryScope(repository, 'pull,push')],
            headers: { 'content-type': manifest.mediaType },
            body: manifest.bytes,
        });
        if (response.status !== 201 && response.status !== 200)
            throw await this.failure(response, url, `PUT manifest ${repository}:${reference}`);
        await drain(response);
        const digest = (0,media/* sha256Digest */.sI)(manifest.bytes);
        const announced = response.headers.get('docker-content-digest');
        if (announced && announced.startsWith('sha256:') && announced !== digest) {
            throw new http/* RegistryError */.gl(`${this.host}/${repository}:${reference}: the registry stored ${announced}, expected ${digest}`, response.status, 'DIGEST_INVALID', url);
        }
        return digest;
    }
    /**
     * The OCI referrers of a manifest (signatures, SBOMs, attestations attached with `subject`), or
     * undefined when the registry does not serve the referrers API.
     */
    async listReferrers(repository, digest) {
        const { response, url } = await this.send({
            method: 'GET',
            url: `/v2/${repository}/referrers/${digest}`,
            scopes: [repositoryScope(repository, 'pull')],
            headers: { accept: 'application/vnd.oci.image.index.v1+json' },
        });
        if (response.status === 404 || response.status === 405 || response.status === 400) {
            await drain(response);
            return undefined;
        }
        if (response.status !== 200)
            throw await this.failure(response, url, `referrers of ${repository}@${digest}`);
        const type = response.headers.get('content-type') ?? '';
        const index = (await readJson(response, url));
        if (!type.includes('application/vnd.oci.image.index.v1+json') && !Array.isArray(index.manifests))
            return undefined;
        return index.manifests ?? [];
    }
    // ---------------------------------------------------------------- blobs
    /** HEAD a blob; its size, or undefined when the repository does not have it. */
    async headBlob(repository, digest) {
        const { response, url } = await this.send({
            method: 'HEAD',
            url: `/v2/${repository}/blobs/${digest}`,
            scopes: [repositoryScope(repository, 'pull')],
        });
        if (response.status === 404)
            return undefined;
        if (response.status !== 200)
            throw await this.failure(response, url, `HEAD blob ${repository}@${digest}`);
        const length = Number(response.headers.get('content-length'));
        return Number.isFinite(length) ? length : 0;
    }
    /** Reads a small blob (an image config) whole, checking its digest. */
    async readBlob(repository, digest, maxBytes = MAX_JSON_BYTES) {
        const { stream } = await this.getBlob(repository, digest);
        const chunks = [];
        let total = 0;
        for await (const chunk of stream) {
            total += chunk.length;
            if (total > maxBytes) {
                stream.destroy();
                throw new http/* RegistryError */.gl(`blob ${repository}@${digest} is larger than ${maxBytes} bytes`, 200);
            }
            chunks.push(chunk);
        }
        const bytes = Buffer.concat(chunks);
        if (digest.startsWith('sha256:') && (0,media/* sha256Digest */.sI)(bytes) !== digest)
            throw new http/* RegistryError */.gl(`blob ${repository}@${digest} does not match its digest`, 200, 'DIGEST_INVALID');
        return bytes;
    }
    /**
     * Streams a blob. The concurrency slot is held until the stream ends or is destroyed, so
     * downloads count against the host's limit for as long as they last.
     */
    async getBlob(repository, digest) {
        const { response, url, release } = await this.send({
            method: 'GET',
            url: `/v2/${repository}/blobs/${digest}`,
            scopes: [repositoryScope(repository, 'pull')],
            headers: { 'accept-encoding': 'identity' },
            holdSlot: true,
        });
        if (response.status !== 200) {
            release();
            throw await this.failure(response, url, `GET blob ${repository}@${digest}`);
        }
        const stream = response.body;
        stream.once('close', release);
        return { stream, size: Number(response.headers.get('content-length')) || 0 };
    }
    /**
     * Asks the registry to mount a blob from another of its repositories. True when it answers 201;
     * any other answer means "upload it" (an upload session the registry opened is returned for that).
     */
    async mountBlob(repository, digest, from) {
        const { response, url } = await this.send({
            method: 'POST',
            url: `/v2/${repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`,
            scopes: mergeScopes([repositoryScope(repository, 'pull,push'), repositoryScope(from, 'pull')]),
        });
        await drain(response);
        if (response.status === 201)
            return { mounted: true };
        const location = response.headers.get('location');
        if (response.status === 202 && location)
            return { mounted: false, location: new URL(location, url).href };
        return { mounted: false };
    }
    /**
     * Uploads a blob from a stream: one streamed PUT (after POST), or PATCH chunks when `chunkSize`
     * is set or the registry refuses the single PUT as too large. `open` is called once per attempt.
     * Memory stays at most one chunk, whatever the blob's size. Returns the bytes sent.
     */
    async uploadBlob(repository, digest, size, open, session) {
        const location = session ?? (await this.startUpload(repository));
        if (this.options.chunkSize !== undefined)
            return this.uploadChunked(repository, digest, location, await open(), this.options.chunkSize);
        const stream = await open();
        const target = withQuery(location, 'digest', digest);
        const { response, url } = await this.send({
            method: 'PUT',
            url: target,
            scopes: [repositoryScope(repository, 'pull,push')],
            headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
            body: stream,
        }).catch((error) => {
            stream.destroy();
            throw error;
        });
        if (response.status === 413) {
            // A proxy in front of the registry limits request size: fall back to chunks.
            await drain(response);
            stream.destroy();
            return this.uploadChunked(repository, digest, await this.startUpload(repository), await open(), FALLBACK_CHUNK_SIZE);
        }
        if (response.status !== 201) {
            stream.destroy();
            throw await this.failure(response, url, `upload blob ${repository}@${digest}`);
        }
        await drain(response);
        return size;
    }
    /** Opens an upload session; returns its absolute location (query string kept). */
    async startUpload(repository) {
        const { response, url } = await this.send({
            method: 'POST',
            url: `/v2/${repository}/blobs/uploads/`,
            scopes: [repositoryScope(repository, 'pull,push')],
        });
        const location = response.headers.get('location');
        if (response.status !== 202 || !location)
            throw await this.failure(response, url, `start an upload to ${repository}`);
        await drain(response);
        return new URL(location, url).href;
    }
    async uploadChunked(repository, digest, firstLocation, stream, chunkSize) {
        let location = firstLocation;
        let offset = 0;
        try {
            for await (const chunk of chunksOf(stream, chunkSize)) {
                const { response, url } = await this.send({
                    method: 'PATCH',
                    url: location,
                    scopes: [repositoryScope(repository, 'pull,push')],
                    headers: {
                        'content-type': 'application/octet-stream',
                        'content-length': String(chunk.length),
                        'content-range': `${offset}-${offset + chunk.length - 1}`,
                    },
                    // A chunk is a Buffer, but replaying a PATCH after the registry took part of it is unsafe.
                    body: external_node_stream_.Readable.from([chunk]),
                });
                const next = response.headers.get('location');
                if (response.status !== 202 || !next)
                    throw await this.failure(response, url, `upload chunk of ${repository}@${digest}`);
                await drain(response);
                location = new URL(next, url).href;
                offset += chunk.length;
            }
        }
        finally {
            stream.destroy();
        }
        const { response, url } = await this.send({
            method: 'PUT',
            url: withQuery(location, 'digest', digest),
            scopes: [repositoryScope(repository, 'pull,push')],
            headers: { 'content-length': '0' },
        });
        if (response.status !== 201)
            throw await this.failure(response, url, `finish upload of ${repository}@${digest}`);
        await drain(response);
        return offset;
    }
    // ---------------------------------------------------------------- transport
    /**
     * Sends one request: authorises it (Basic, or a Bearer token for its scopes), follows redirects
     * by hand (dropping Authorization off-host), answers one auth challenge, and retries 408/429/5xx
     * and dropped connections with backoff while the body can be replayed.
     */
    async send(init) {
        if (this.readOnly && init.method !== 'GET' && init.method !== 'HEAD') {
            throw new http/* RegistryError */.gl(`refusing ${init.method} ${init.url}: ${this.host} is read-only for cutover (the old registry is never written to)`, 0, 'READ_ONLY');
        }
        const release = await this.limiter.acquire();
        let url = new URL(init.url, this.baseUrl).href;
        let method = init.method;
        const replayable = !(init.body instanceof external_node_stream_.Readable);
        let attempt = 0;
        let redirects = 0;
        let authAnswers = 0;
        try {
            for (;;) {
                this.stats.requests++;
                const target = new URL(url);
                const sameHost = target.host.toLowerCase() === this.host;
                const headers = { 'user-agent': USER_AGENT, ...init.headers };
                if (sameHost) {
                    const authorization = await this.authorization(init.scopes);
                    if (authorization)
                        headers['authorization'] = authorization;
                }
                let response;
                try {
                    response = await httpRequest(url, {
                        method,
                        headers,
                        ...(init.body !== undefined && { body: init.body }),
                        agents: this.agents,
                    });
                }
                catch (error) {
                    const reason = (0,http/* networkErrorCode */.a0)(error) ?? 'connection failed';
                    if ((0,http/* isPermanentNetworkError */.Ht)(reason)) {
                        throw new http/* RegistryError */.gl(`${method} ${describeUrl(url)}: ${reason}${/CERT|SELF_SIGNED|VERIFY/.test(reason) ? ' (a private CA? add it with NODE_EXTRA_CA_CERTS)' : ''}`, -1, 'NETWORK', url);
                    }
                    if (!replayable || attempt >= this.retry.retries) {
                        throw new http/* RegistryError */.gl(`${method} ${describeUrl(url)}: ${reason}`, 0, 'NETWORK', url);
                    }
                    await this.backoff(method, url, 0, reason, attempt++);
                    continue;
                }
                const location = response.headers.get('location');
                if ([301, 302, 303, 307, 308].includes(response.status) && location && replayable) {
                    await drain(response);
                    if (++redirects > MAX_REDIRECTS)
                        throw new http/* RegistryError */.gl(`${method} ${describeUrl(url)}: too many redirects`, response.status);
                    url = new URL(location, url).href;
                    if (response.status === 303)
                        method = 'GET';
                    continue;
                }
                if (response.status === 401 && sameHost && authAnswers < 2) {
                    const challenge = parseChallenge(response.headers.get('www-authenticate'));
                    if (challenge && (await this.answer(challenge, init.scopes, headers['authorization']))) {
                        await drain(response);
                        authAnswers++;
                        if (!replayable)
                            throw new http/* RegistryError */.gl(`${method} ${describeUrl(url)}: authorisation expired mid-upload`, 401);
                        continue;
                    }
                }
                if ((0,http/* isRetryableStatus */.PS)(response.status) && replayable && attempt < this.retry.retries) {
                    const retryAfter = response.headers.get('retry-after');
                    await drain(response);
                    await this.backoff(method, url, response.status, `HTTP ${response.status}`, attempt++, retryAfter);
                    continue;
                }
                // A HEAD answer has no body, but Node frees the socket only once it has been read.
                if (method === 'HEAD')
                    await drain(response);
                if (init.holdSlot)
                    return { response, url, release };
                return { response, url, release: () => undefined };
            }
        }
        catch (error) {
            release();
            throw error;
        }
        finally {
            if (!init.holdSlot)
                release();
        }
    }
    async backoff(method, url, status, reason, attempt, retryAfter) {
        const delayMs = (0,http/* retryDelay */.a2)(attempt, this.retry, retryAfter);
        this.stats.retries++;
        this.options.onRetry?.({
            host: this.host,
            method,
            path: describeUrl(url),
            status,
            reason,
            attempt: attempt + 1,
            delayMs,
        });
        await (0,http/* sleep */.yy)(delayMs);
    }
    /** The Authorization header for a request needing `scopes`, once the registry's scheme is known. */
    async authorization(scopes) {
        if (this.scheme === 'basic' && this.credentials?.kind === 'basic')
            return basicHeader(this.credentials);
        if (this.scheme === 'bearer')
            return `Bearer ${await this.token(mergeScopes(scopes))}`;
        return undefined;
    }
    /**
     * Learns from a 401 challenge. True when the request is worth sending again: it went out without
     * credentials and we now know how to send them (Basic, or a Bearer token from the realm), or a
     * Bearer token did not cover what the challenge's insufficient_scope names (asked for once).
     */
    async answer(challenge, scopes, sent) {
        if (challenge.scheme === 'basic') {
            if (this.credentials?.kind !== 'basic')
                return false;
            this.scheme = 'basic';
            return sent === undefined;
        }
        if (challenge.scheme !== 'bearer' || !challenge.params['realm'])
            return false;
        const realm = challenge.params['realm'];
        const service = challenge.params['service'];
        this.scheme = 'bearer';
        this.bearer = { realm, ...(service !== undefined && { service }) };
        if (sent === undefined)
            return true;
        const key = mergeScopes(scopes);
        // Another request already replaced the token that failed: use the new one.
        const current = this.tokens.get(key);
        if (current !== undefined && `Bearer ${current}` !== sent)
            return true;
        // Ask once for what the challenge names, together with our own scopes (shared by concurrent requests).
        const wanted = mergeScopes(scopes, challenge.params['scope'] ? [challenge.params['scope']] : []);
        const refreshKey = `refresh ${key.join(' ')}`;
        let pending = this.pendingTokens.get(refreshKey);
        if (!pending) {
            pending = this.fetchToken(wanted)
                .then(({ token, expiresIn }) => {
                this.tokens.set(key, token, expiresIn);
                return token;
            })
                .finally(() => this.pendingTokens.delete(refreshKey));
            this.pendingTokens.set(refreshKey, pending);
        }
        await pending;
        return true;
    }
    async token(scopes) {
        const cached = this.tokens.get(scopes);
        if (cached)
            return cached;
        const key = scopes.join(' ');
        let pending = this.pendingTokens.get(key);
        if (!pending) {
            pending = this.fetchToken(scopes)
                .then(({ token, expiresIn }) => {
                this.tokens.set(scopes, token, expiresIn);
                return token;
            })
                .finally(() => this.pendingTokens.delete(key));
            this.pendingTokens.set(key, pending);
        }
        return pending;
    }
    /** Asks the Bearer realm for a token covering `scopes` (repeated `scope` parameters). */
    async fetchToken(scopes) {
        const { realm, service } = this.bearer;
        const realmUrl = new URL(realm);
        if (realmUrl.protocol !== 'https:' &&
            !(0,oci_reference/* isLoopbackHost */.cW)(realmUrl.host) &&
            !this.baseUrl.startsWith('http:')) {
            throw new http/* RegistryError */.gl(`the token realm ${realm} is plain HTTP: refusing to send credentials there`, 0);
        }
        let attempt = 0;
        for (;;) {
            let response;
            try {
                response = await this.tokenRequest(realmUrl, service, scopes);
            }
            catch (error) {
                if (attempt >= this.retry.retries)
                    throw new http/* RegistryError */.gl(`token from ${realmUrl.host}: ${(0,http/* networkErrorCode */.a0)(error)}`, 0, 'NETWORK');
                await this.backoff('GET', realm, 0, (0,http/* networkErrorCode */.a0)(error) ?? 'connection failed', attempt++);
                continue;
            }
            if ((0,http/* isRetryableStatus */.PS)(response.status) && attempt < this.retry.retries) {
                const retryAfter = response.headers.get('retry-after');
                await drain(response);
                await this.backoff('GET', realm, response.status, `HTTP ${response.status}`, attempt++, retryAfter);
                continue;
            }
            if (response.status !== 200) {
                const text = (await readText(response)).slice(0, 300);
                throw new http/* RegistryError */.gl(`the token service ${realmUrl.host} refused ${scopes.join(' ') || 'access'} for ${this.host} (HTTP ${response.status}${this.credentials ? `, credentials from ${this.credentials.source}` : ', anonymous'}): ${text}`, response.status === 401 || response.status === 403 ? response.status : 401, 'UNAUTHORIZED');
            }
            const body = JSON.parse((await readAll(response, 1024 * 1024)).toString('utf8'));
            const token = body.token ?? body.access_token;
            if (!token)
                throw new http/* RegistryError */.gl(`the token service ${realmUrl.host} answered without a token`, 401);
            this.secrets.addToken(token);
            this.stats.tokensFetched++;
            return { token, expiresIn: body.expires_in && body.expires_in > 0 ? body.expires_in : 60 };
        }
    }
    tokenRequest(realm, service, scopes) {
        if (this.credentials?.kind === 'identity-token') {
            // An identity token is a refresh token: the OAuth2 POST flow exchanges it.
            const form = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: this.credentials.token,
                client_id: 'cutover',
                ...(service !== undefined && { service }),
                scope: scopes.join(' '),
            });
            return httpRequest(realm.href, {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': USER_AGENT },
                body: Buffer.from(form.toString()),
                agents: this.agents,
            });
        }
        const url = new URL(realm);
        if (service !== undefined)
            url.searchParams.set('service', service);
        for (const scope of scopes)
            url.searchParams.append('scope', scope);
        const headers = { 'user-agent': USER_AGENT };
        if (this.credentials?.kind === 'basic') {
            headers['authorization'] = basicHeader(this.credentials);
            url.searchParams.set('account', this.credentials.username);
        }
        return httpRequest(url.href, { method: 'GET', headers, agents: this.agents });
    }
    /** A RegistryError from a failed answer, with the registry's own error code and message. */
    async failure(response, url, what) {
        const text = await readText(response);
        let code;
        let message;
        try {
            const first = JSON.parse(text).errors?.[0];
            code = first?.code;
            message = first?.message;
        }
        catch {
            message = text.slice(0, 200) || undefined;
        }
        const hint = response.status === 401
            ? this.credentials
                ? ` (credentials from ${this.credentials.source} were refused)`
                : ' (no credentials found: set the manifest credentials env names or docker login)'
            : '';
        return new http/* RegistryError */.gl(`${this.host}: ${what}: HTTP ${response.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}${hint}`, response.status, code, url);
    }
}
function basicHeader(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
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
/** Adds a query parameter to a URL, keeping the query it has (upload locations carry state there). */
function withQuery(location, name, value) {
    const url = new URL(location);
    url.searchParams.append(name, value);
    return url.href;
}
function describeUrl(url) {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
}
async function readBody(response, maxBytes, url) {
    const length = Number(response.headers.get('content-length'));
    if (Number.isFinite(length) && length > maxBytes) {
        response.body.destroy();
        throw new http/* RegistryError */.gl(`${describeUrl(url)}: answer of ${length} bytes is too large`, response.status);
    }
    try {
        return await readAll(response, maxBytes);
    }
    catch (error) {
        throw new http/* RegistryError */.gl(`${describeUrl(url)}: ${error.message}`, 0, 'NETWORK', url);
    }
}
async function readJson(response, url) {
    const bytes = await readBody(response, MAX_JSON_BYTES, url);
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw new http/* RegistryError */.gl(`${describeUrl(url)}: the answer is not JSON`, response.status);
    }
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


/***/ }),

/***/ 22857:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ resolveCredentials)
/* harmony export */ });
/* unused harmony export dockerConfigPath */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83460);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(77126);






/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
function dockerConfigPath(env) {
    return node_path__WEBPACK_IMPORTED_MODULE_3__.join(env['DOCKER_CONFIG'] || node_path__WEBPACK_IMPORTED_MODULE_3__.join(env['HOME'] || node_os__WEBPACK_IMPORTED_MODULE_2__.homedir(), '.docker'), 'config.json');
}
async function readDockerConfig(env) {
    const file = dockerConfigPath(env);
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL([
            { file, message: `the Docker config is not valid JSON: ${error.message}` },
        ]);
    }
}
/** The host an `auths` key names: keys may be URLs (`https://index.docker.io/v1/`) or bare hosts. */
function authKeyHost(key) {
    return (0,_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeHost */ .cS)(key.replace(/^[a-z]+:\/\//i, '').split('/')[0]);
}
function runHelper(helper, host, env) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(`docker-credential-${helper}`, ['get'], { env, timeout: 30_000 }, (error, stdout, stderr) => {
            if (error) {
                if (error.code === 'ENOENT') {
                    reject(new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`the Docker config names credential helper "${helper}", but docker-credential-${helper} is not installed`));
                }
                else if (/not found|no credentials/i.test(`${stdout}${stderr}`))
                    resolve(undefined);
                else
                    reject(new Error(`docker-credential-${helper} get failed for ${host}: ${stderr.trim() || error.message}`));
                return;
            }
            try {
                resolve(JSON.parse(stdout));
            }
            catch {
                reject(new Error(`docker-credential-${helper} get returned something that is not JSON`));
            }
        });
        child.stdin?.end(host);
    });
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
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`credentials for ${registry.host}: environment variable ${names.passwordEnv ?? '(password-env)'} is not set`);
        }
        if (!username && names.usernameEnv) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`credentials for ${registry.host}: environment variable ${names.usernameEnv} is not set`);
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
    const hosts = [registry.host, ...registry.aliases];
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

/***/ 11103:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ht: () => (/* binding */ isPermanentNetworkError),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   a0: () => (/* binding */ networkErrorCode),
/* harmony export */   a2: () => (/* binding */ retryDelay),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   jG: () => (/* reexport safe */ _shared_limiter_js__WEBPACK_IMPORTED_MODULE_0__.jG),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony export parseRetryAfter */
/* harmony import */ var _shared_limiter_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17903);

/**
 * The transport pieces of the registry client that know nothing about registries: a per-host
 * concurrency limiter, the retry policy (exponential backoff with jitter, Retry-After in both its
 * forms), and the error type every failed request becomes.
 */
/** A failed registry request: the status (0 for a dropped connection), the registry's error code and the URL. */
class RegistryError extends Error {
    status;
    code;
    url;
    name = 'RegistryError';
    constructor(message, status, code, url) {
        super(message);
        this.status = status;
        this.code = code;
        this.url = url;
    }
    /** True for answers worth another try: 408, 429, 5xx and dropped connections. */
    get retryable() {
        return isRetryableStatus(this.status);
    }
}
/** Statuses a request is retried on. Status 0 stands for a connection that failed or dropped. */
function isRetryableStatus(status) {
    return status === 0 || status === 408 || status === 429 || (status >= 500 && status <= 599);
}
const DEFAULT_RETRY = { retries: 6, baseMs: 200, maxDelayMs: 30_000 };
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
 * The wait before attempt `attempt + 1`: what Retry-After asks for when given, else exponential
 * backoff with jitter (between half and all of `base·2^attempt`), both capped by `maxDelayMs`.
 */
function retryDelay(attempt, policy, retryAfter, random = Math.random) {
    const asked = parseRetryAfter(retryAfter);
    if (asked !== undefined)
        return Math.min(asked, policy.maxDelayMs);
    const step = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** attempt);
    return Math.round(step / 2 + random() * (step / 2));
}
/** Resolves after `ms` milliseconds. */
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
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


/***/ }),

/***/ 22939:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Go: () => (/* binding */ isForeignBlob),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   sI: () => (/* binding */ sha256Digest)
/* harmony export */ });
/* unused harmony exports MEDIA_TYPES, isIndexMediaType */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);

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
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}
/** True for media types whose children are manifests. */
function isIndexMediaType(mediaType) {
    return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerManifestList;
}
/**
 * Reads a manifest's structure. The media type comes from the document when it names one,
 * else from the registry's Content-Type (OCI allows either).
 * @throws Error for bytes that are not a schema-2 manifest or index
 */
function parseManifest(bytes, contentType) {
    let document;
    try {
        document = JSON.parse(bytes.toString('utf8'));
    }
    catch (error) {
        throw new Error(`the manifest is not JSON: ${error.message}`, { cause: error });
    }
    if (document.schemaVersion !== 2) {
        throw new Error(`unsupported manifest schemaVersion ${String(document.schemaVersion)} (Docker schema 1 is not copied; convert the image first)`);
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


/***/ })

};
;