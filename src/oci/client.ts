import { Readable } from 'node:stream';
import type { RegistrySpec } from '../manifest/model.js';
import { SecretRegistry } from '../shared/secrets.js';
import { mergeScopes, parseChallenge, repositoryScope, TokenCache, type Challenge } from './auth.js';
import { resolveCredentials, type Credentials } from './credentials.js';
import {
  DEFAULT_RETRY,
  Limiter,
  networkErrorCode,
  RegistryError,
  isPermanentNetworkError,
  isRetryableStatus,
  retryDelay,
  sleep,
  type RetryPolicy,
} from './http.js';
import { MANIFEST_ACCEPT, parseManifest, sha256Digest, type Descriptor } from './media.js';
import { isLoopbackHost, isValidDigest } from './reference.js';
import { drain, httpRequest, keepAliveAgents, readAll, readText, type HttpAnswer } from './transport.js';

export { RegistryError } from './http.js';

/** Tuning and safety switches for one registry client. */
export interface RegistryClientOptions {
  /** Requests in flight to this host at once (default 8). */
  concurrency?: number;
  /** Retry policy for 408/429/5xx and dropped connections. */
  retry?: Partial<RetryPolicy>;
  /** Refuse every request that could change the registry (the old registry is never written to). */
  readOnly?: boolean;
  /** Upload blobs in PATCH chunks of this many bytes instead of one streamed PUT. */
  chunkSize?: number;
  /** Told about every retry, for the log. */
  onRetry?: (event: RetryEvent) => void;
  /** Entries asked for per page of tags or repositories (1–1000, default 1000). */
  pageSize?: number;
  /** The run's secret registry: credentials and tokens are added to it before use. */
  secrets?: SecretRegistry;
}

/** One retried request, for logs. */
export interface RetryEvent {
  host: string;
  method: string;
  path: string;
  status: number;
  reason: string;
  attempt: number;
  delayMs: number;
}

/** What a HEAD on a manifest tells. */
export interface ManifestHead {
  digest: string;
  mediaType: string;
  size: number;
}

/** A manifest as stored: its raw bytes and the digest of those bytes. */
export interface ManifestBytes {
  digest: string;
  mediaType: string;
  bytes: Buffer;
}

/** A streamed blob download; the stream must be consumed or destroyed. */
export interface BlobDownload {
  stream: Readable;
  size: number;
}

/** Where a client connects and who it says it is. */
export interface RegistryClientInit {
  host: string;
  /** Plain HTTP; refused unless the host is loopback or `allowInsecure` says the manifest asked for it. */
  insecure: boolean;
  credentials?: Credentials;
  options?: RegistryClientOptions;
}

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface SendInit {
  method: Method;
  /** A path under the registry (`/v2/…`) or an absolute URL (upload locations, redirects). */
  url: string;
  scopes: string[];
  headers?: Record<string, string>;
  /** A Buffer is replayed on retries; a stream is sent once (callers retry the whole transfer). */
  body?: Buffer | Readable;
  /** Keep the concurrency slot until the caller releases it (streamed downloads). */
  holdSlot?: boolean;
}

interface Sent {
  response: HttpAnswer;
  url: string;
  release: () => void;
}

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
export class RegistryClient {
  /** `host[:port]` as the manifest names it. */
  readonly host: string;
  /** `https://host` or, for loopback and insecure registries, `http://host`. */
  readonly baseUrl: string;
  /** Counters for reports and tests. */
  readonly stats = { requests: 0, retries: 0, tokensFetched: 0 };

  private readonly credentials: Credentials | undefined;
  private readonly limiter: Limiter;
  private readonly secrets: SecretRegistry;
  private readonly retry: RetryPolicy;
  private readonly options: RegistryClientOptions;
  private scheme: 'unknown' | 'basic' | 'bearer' = 'unknown';
  private bearer: { realm: string; service?: string } | undefined;
  private readonly tokens = new TokenCache();
  private readonly pendingTokens = new Map<string, Promise<string>>();
  private readonly agents = keepAliveAgents();

  /**
   * The client for a registry of the manifest. Credentials come from the manifest's env names or
   * the Docker config (masked); plain HTTP only for loopback hosts or `insecure: true`.
   */
  static async forRegistry(
    spec: RegistrySpec,
    env: NodeJS.ProcessEnv,
    options: RegistryClientOptions = {},
  ): Promise<RegistryClient> {
    const credentials = await resolveCredentials(spec, env, options.secrets ?? new SecretRegistry());
    return new RegistryClient({
      host: spec.host,
      insecure: spec.insecure,
      ...(credentials && { credentials }),
      options,
    });
  }

  constructor(init: RegistryClientInit) {
    this.host = init.host.toLowerCase();
    this.baseUrl = `${init.insecure ? 'http' : 'https'}://${this.host}`;
    this.credentials = init.credentials;
    this.options = init.options ?? {};
    this.secrets = this.options.secrets ?? new SecretRegistry();
    if (this.credentials?.kind === 'basic')
      this.secrets.addBasic(this.credentials.username, this.credentials.password);
    if (this.credentials?.kind === 'identity-token') this.secrets.addToken(this.credentials.token);
    this.limiter = new Limiter(this.options.concurrency ?? 8);
    this.retry = { ...DEFAULT_RETRY, ...this.options.retry };
  }

  private get pageSize(): number {
    return Math.max(1, Math.min(1000, Math.floor(this.options.pageSize ?? 1000)));
  }

  /** True when this client refuses writes. */
  get readOnly(): boolean {
    return this.options.readOnly === true;
  }

  // ---------------------------------------------------------------- tags and repositories

  /** Every tag of a repository, following `Link` pagination (pages of up to 1000); [] when the repository is unknown. */
  async listTags(repository: string): Promise<string[]> {
    const tags: string[] = [];
    for await (const page of this.pages<{ tags?: string[] | null }>(
      `/v2/${repository}/tags/list?n=${this.pageSize}`,
      [repositoryScope(repository, 'pull')],
      `list tags of ${repository}`,
    )) {
      if (page === undefined) return tags;
      tags.push(...(page.tags ?? []));
    }
    return tags;
  }

  /**
   * Every repository the registry's catalog lists (pages of up to 1000).
   * @throws RegistryError when the registry does not serve or allow the catalog (401, 403, 404)
   */
  async listRepositories(): Promise<string[]> {
    const names: string[] = [];
    for await (const page of this.pages<{ repositories?: string[] | null }>(
      `/v2/_catalog?n=${this.pageSize}`,
      ['registry:catalog:*'],
      'list repositories',
      false,
    )) {
      names.push(...(page?.repositories ?? []));
    }
    return names;
  }

  private async *pages<T>(
    first: string,
    scopes: string[],
    what: string,
    missingIsEmpty = true,
  ): AsyncGenerator<T | undefined> {
    let next: string | undefined = first;
    const seen = new Set<string>();
    while (next !== undefined) {
      seen.add(next);
      const { response, url } = await this.send({ method: 'GET', url: next, scopes });
      if (response.status === 404 && missingIsEmpty) {
        await drain(response);
        yield undefined;
        return;
      }
      if (response.status !== 200) throw await this.failure(response, url, what);
      yield (await readJson(response, url)) as T;
      // The registry builds the cursor; we only follow it (relative to the page we asked for).
      const link = nextLink(response.headers.get('link'));
      next = link === undefined ? undefined : new URL(link, url).href;
      if (next !== undefined && seen.has(next)) next = undefined;
    }
  }

  // ---------------------------------------------------------------- manifests

  /** HEAD a manifest by tag or digest; undefined when the registry answers 404. */
  async headManifest(repository: string, reference: string): Promise<ManifestHead | undefined> {
    const { response, url } = await this.send({
      method: 'HEAD',
      url: `/v2/${repository}/manifests/${reference}`,
      scopes: [repositoryScope(repository, 'pull')],
      headers: { accept: MANIFEST_ACCEPT },
    });
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw await this.failure(response, url, `HEAD ${repository}:${reference}`);
    const digest = response.headers.get('docker-content-digest');
    const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
    const length = Number(response.headers.get('content-length'));
    if (!digest || !isValidDigest(digest) || !mediaType || !Number.isFinite(length)) {
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
  async getManifest(repository: string, reference: string): Promise<ManifestBytes> {
    const { response, url } = await this.send({
      method: 'GET',
      url: `/v2/${repository}/manifests/${reference}`,
      scopes: [repositoryScope(repository, 'pull')],
      headers: { accept: MANIFEST_ACCEPT },
    });
    if (response.status !== 200) throw await this.failure(response, url, `GET ${repository}:${reference}`);
    const bytes = await readBody(response, MAX_JSON_BYTES, url);
    const digest = sha256Digest(bytes);
    const expected = reference.includes(':') ? reference : response.headers.get('docker-content-digest');
    if (expected?.startsWith('sha256:') && expected !== digest) {
      throw new RegistryError(
        `${this.host}/${repository}:${reference}: the manifest's bytes hash to ${digest}, not ${expected}`,
        200,
        'DIGEST_INVALID',
        url,
      );
    }
    const mediaType = parseManifest(bytes, response.headers.get('content-type') ?? undefined).mediaType;
    return { digest, mediaType, bytes };
  }

  /**
   * PUT a manifest's exact bytes under a tag or its digest; returns the digest, checked against
   * what the registry announces.
   */
  async putManifest(
    repository: string,
    reference: string,
    manifest: { mediaType: string; bytes: Buffer },
  ): Promise<string> {
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
    const digest = sha256Digest(manifest.bytes);
    const announced = response.headers.get('docker-content-digest');
    if (announced && announced.startsWith('sha256:') && announced !== digest) {
      throw new RegistryError(
        `${this.host}/${repository}:${reference}: the registry stored ${announced}, expected ${digest}`,
        response.status,
        'DIGEST_INVALID',
        url,
      );
    }
    return digest;
  }

  /**
   * The OCI referrers of a manifest (signatures, SBOMs, attestations attached with `subject`), or
   * undefined when the registry does not serve the referrers API.
   */
  async listReferrers(repository: string, digest: string): Promise<Descriptor[] | undefined> {
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
    const index = (await readJson(response, url)) as { manifests?: Descriptor[] };
    if (!type.includes('application/vnd.oci.image.index.v1+json') && !Array.isArray(index.manifests))
      return undefined;
    return index.manifests ?? [];
  }

  // ---------------------------------------------------------------- blobs

  /** HEAD a blob; its size, or undefined when the repository does not have it. */
  async headBlob(repository: string, digest: string): Promise<number | undefined> {
    const { response, url } = await this.send({
      method: 'HEAD',
      url: `/v2/${repository}/blobs/${digest}`,
      scopes: [repositoryScope(repository, 'pull')],
    });
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw await this.failure(response, url, `HEAD blob ${repository}@${digest}`);
    const length = Number(response.headers.get('content-length'));
    return Number.isFinite(length) ? length : 0;
  }

  /** Reads a small blob (an image config) whole, checking its digest. */
  async readBlob(repository: string, digest: string, maxBytes = MAX_JSON_BYTES): Promise<Buffer> {
    const { stream } = await this.getBlob(repository, digest);
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        stream.destroy();
        throw new RegistryError(`blob ${repository}@${digest} is larger than ${maxBytes} bytes`, 200);
      }
      chunks.push(chunk as Buffer);
    }
    const bytes = Buffer.concat(chunks);
    if (digest.startsWith('sha256:') && sha256Digest(bytes) !== digest)
      throw new RegistryError(
        `blob ${repository}@${digest} does not match its digest`,
        200,
        'DIGEST_INVALID',
      );
    return bytes;
  }

  /**
   * Streams a blob. The concurrency slot is held until the stream ends or is destroyed, so
   * downloads count against the host's limit for as long as they last.
   */
  async getBlob(repository: string, digest: string): Promise<BlobDownload> {
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
  async mountBlob(
    repository: string,
    digest: string,
    from: string,
  ): Promise<{ mounted: true } | { mounted: false; location?: string }> {
    const { response, url } = await this.send({
      method: 'POST',
      url: `/v2/${repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`,
      scopes: mergeScopes([repositoryScope(repository, 'pull,push'), repositoryScope(from, 'pull')]),
    });
    await drain(response);
    if (response.status === 201) return { mounted: true };
    const location = response.headers.get('location');
    if (response.status === 202 && location) return { mounted: false, location: new URL(location, url).href };
    return { mounted: false };
  }

  /**
   * Uploads a blob from a stream: one streamed PUT (after POST), or PATCH chunks when `chunkSize`
   * is set or the registry refuses the single PUT as too large. `open` is called once per attempt.
   * Memory stays at most one chunk, whatever the blob's size. Returns the bytes sent.
   */
  async uploadBlob(
    repository: string,
    digest: string,
    size: number,
    open: () => Promise<Readable>,
    session?: string,
  ): Promise<number> {
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
    }).catch((error: unknown) => {
      stream.destroy();
      throw error;
    });
    if (response.status === 413) {
      // A proxy in front of the registry limits request size: fall back to chunks.
      await drain(response);
      stream.destroy();
      return this.uploadChunked(
        repository,
        digest,
        await this.startUpload(repository),
        await open(),
        FALLBACK_CHUNK_SIZE,
      );
    }
    if (response.status !== 201) {
      stream.destroy();
      throw await this.failure(response, url, `upload blob ${repository}@${digest}`);
    }
    await drain(response);
    return size;
  }

  /** Opens an upload session; returns its absolute location (query string kept). */
  async startUpload(repository: string): Promise<string> {
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

  private async uploadChunked(
    repository: string,
    digest: string,
    firstLocation: string,
    stream: Readable,
    chunkSize: number,
  ): Promise<number> {
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
          body: Readable.from([chunk]),
        });
        const next = response.headers.get('location');
        if (response.status !== 202 || !next)
          throw await this.failure(response, url, `upload chunk of ${repository}@${digest}`);
        await drain(response);
        location = new URL(next, url).href;
        offset += chunk.length;
      }
    } finally {
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
  private async send(init: SendInit): Promise<Sent> {
    if (this.readOnly && init.method !== 'GET' && init.method !== 'HEAD') {
      throw new RegistryError(
        `refusing ${init.method} ${init.url}: ${this.host} is read-only for cutover (the old registry is never written to)`,
        0,
        'READ_ONLY',
      );
    }
    const release = await this.limiter.acquire();
    let url = new URL(init.url, this.baseUrl).href;
    let method = init.method;
    const replayable = !(init.body instanceof Readable);
    let attempt = 0;
    let redirects = 0;
    let authAnswers = 0;
    try {
      for (;;) {
        this.stats.requests++;
        const target = new URL(url);
        const sameHost = target.host.toLowerCase() === this.host;
        const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...init.headers };
        if (sameHost) {
          const authorization = await this.authorization(init.scopes);
          if (authorization) headers['authorization'] = authorization;
        }
        let response: HttpAnswer;
        try {
          response = await httpRequest(url, {
            method,
            headers,
            ...(init.body !== undefined && { body: init.body }),
            agents: this.agents,
          });
        } catch (error) {
          const reason = networkErrorCode(error) ?? 'connection failed';
          if (isPermanentNetworkError(reason)) {
            throw new RegistryError(
              `${method} ${describeUrl(url)}: ${reason}${/CERT|SELF_SIGNED|VERIFY/.test(reason) ? ' (a private CA? add it with NODE_EXTRA_CA_CERTS)' : ''}`,
              -1,
              'NETWORK',
              url,
            );
          }
          if (!replayable || attempt >= this.retry.retries) {
            throw new RegistryError(`${method} ${describeUrl(url)}: ${reason}`, 0, 'NETWORK', url);
          }
          await this.backoff(method, url, 0, reason, attempt++);
          continue;
        }
        const location = response.headers.get('location');
        if ([301, 302, 303, 307, 308].includes(response.status) && location && replayable) {
          await drain(response);
          if (++redirects > MAX_REDIRECTS)
            throw new RegistryError(`${method} ${describeUrl(url)}: too many redirects`, response.status);
          url = new URL(location, url).href;
          if (response.status === 303) method = 'GET';
          continue;
        }
        if (response.status === 401 && sameHost && authAnswers < 2) {
          const challenge = parseChallenge(response.headers.get('www-authenticate'));
          if (challenge && (await this.answer(challenge, init.scopes, headers['authorization']))) {
            await drain(response);
            authAnswers++;
            if (!replayable)
              throw new RegistryError(`${method} ${describeUrl(url)}: authorisation expired mid-upload`, 401);
            continue;
          }
        }
        if (isRetryableStatus(response.status) && replayable && attempt < this.retry.retries) {
          const retryAfter = response.headers.get('retry-after');
          await drain(response);
          await this.backoff(method, url, response.status, `HTTP ${response.status}`, attempt++, retryAfter);
          continue;
        }
        // A HEAD answer has no body, but Node frees the socket only once it has been read.
        if (method === 'HEAD') await drain(response);
        if (init.holdSlot) return { response, url, release };
        return { response, url, release: () => undefined };
      }
    } catch (error) {
      release();
      throw error;
    } finally {
      if (!init.holdSlot) release();
    }
  }

  private async backoff(
    method: string,
    url: string,
    status: number,
    reason: string,
    attempt: number,
    retryAfter?: string | null,
  ): Promise<void> {
    const delayMs = retryDelay(attempt, this.retry, retryAfter);
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
    await sleep(delayMs);
  }

  /** The Authorization header for a request needing `scopes`, once the registry's scheme is known. */
  private async authorization(scopes: string[]): Promise<string | undefined> {
    if (this.scheme === 'basic' && this.credentials?.kind === 'basic') return basicHeader(this.credentials);
    if (this.scheme === 'bearer') return `Bearer ${await this.token(mergeScopes(scopes))}`;
    return undefined;
  }

  /**
   * Learns from a 401 challenge. True when the request is worth sending again: it went out without
   * credentials and we now know how to send them (Basic, or a Bearer token from the realm), or a
   * Bearer token did not cover what the challenge's insufficient_scope names (asked for once).
   */
  private async answer(challenge: Challenge, scopes: string[], sent: string | undefined): Promise<boolean> {
    if (challenge.scheme === 'basic') {
      if (this.credentials?.kind !== 'basic') return false;
      this.scheme = 'basic';
      return sent === undefined;
    }
    if (challenge.scheme !== 'bearer' || !challenge.params['realm']) return false;
    const realm = challenge.params['realm'];
    const service = challenge.params['service'];
    this.scheme = 'bearer';
    this.bearer = { realm, ...(service !== undefined && { service }) };
    if (sent === undefined) return true;
    const key = mergeScopes(scopes);
    // Another request already replaced the token that failed: use the new one.
    const current = this.tokens.get(key);
    if (current !== undefined && `Bearer ${current}` !== sent) return true;
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

  private async token(scopes: string[]): Promise<string> {
    const cached = this.tokens.get(scopes);
    if (cached) return cached;
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
  private async fetchToken(scopes: string[]): Promise<{ token: string; expiresIn: number }> {
    const { realm, service } = this.bearer!;
    const realmUrl = new URL(realm);
    if (
      realmUrl.protocol !== 'https:' &&
      !isLoopbackHost(realmUrl.host) &&
      !this.baseUrl.startsWith('http:')
    ) {
      throw new RegistryError(
        `the token realm ${realm} is plain HTTP: refusing to send credentials there`,
        0,
      );
    }
    let attempt = 0;
    for (;;) {
      let response: HttpAnswer;
      try {
        response = await this.tokenRequest(realmUrl, service, scopes);
      } catch (error) {
        if (attempt >= this.retry.retries)
          throw new RegistryError(`token from ${realmUrl.host}: ${networkErrorCode(error)}`, 0, 'NETWORK');
        await this.backoff('GET', realm, 0, networkErrorCode(error) ?? 'connection failed', attempt++);
        continue;
      }
      if (isRetryableStatus(response.status) && attempt < this.retry.retries) {
        const retryAfter = response.headers.get('retry-after');
        await drain(response);
        await this.backoff('GET', realm, response.status, `HTTP ${response.status}`, attempt++, retryAfter);
        continue;
      }
      if (response.status !== 200) {
        const text = (await readText(response)).slice(0, 300);
        throw new RegistryError(
          `the token service ${realmUrl.host} refused ${scopes.join(' ') || 'access'} for ${this.host} (HTTP ${response.status}${this.credentials ? `, credentials from ${this.credentials.source}` : ', anonymous'}): ${text}`,
          response.status === 401 || response.status === 403 ? response.status : 401,
          'UNAUTHORIZED',
        );
      }
      const body = JSON.parse((await readAll(response, 1024 * 1024)).toString('utf8')) as {
        token?: string;
        access_token?: string;
        expires_in?: number;
      };
      const token = body.token ?? body.access_token;
      if (!token) throw new RegistryError(`the token service ${realmUrl.host} answered without a token`, 401);
      this.secrets.addToken(token);
      this.stats.tokensFetched++;
      return { token, expiresIn: body.expires_in && body.expires_in > 0 ? body.expires_in : 60 };
    }
  }

  private tokenRequest(realm: URL, service: string | undefined, scopes: string[]): Promise<HttpAnswer> {
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
    if (service !== undefined) url.searchParams.set('service', service);
    for (const scope of scopes) url.searchParams.append('scope', scope);
    const headers: Record<string, string> = { 'user-agent': USER_AGENT };
    if (this.credentials?.kind === 'basic') {
      headers['authorization'] = basicHeader(this.credentials);
      url.searchParams.set('account', this.credentials.username);
    }
    return httpRequest(url.href, { method: 'GET', headers, agents: this.agents });
  }

  /** A RegistryError from a failed answer, with the registry's own error code and message. */
  private async failure(response: HttpAnswer, url: string, what: string): Promise<RegistryError> {
    const text = await readText(response);
    let code: string | undefined;
    let message: string | undefined;
    try {
      const first = (JSON.parse(text) as { errors?: { code?: string; message?: string }[] }).errors?.[0];
      code = first?.code;
      message = first?.message;
    } catch {
      message = text.slice(0, 200) || undefined;
    }
    const hint =
      response.status === 401
        ? this.credentials
          ? ` (credentials from ${this.credentials.source} were refused)`
          : ' (no credentials found: set the manifest credentials env names or docker login)'
        : '';
    return new RegistryError(
      `${this.host}: ${what}: HTTP ${response.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}${hint}`,
      response.status,
      code,
      url,
    );
  }
}

function basicHeader(credentials: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

/** The `rel="next"` target of a Link header, as written (maybe relative). */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /\brel\s*=\s*"?next"?/i.test(match[2]!)) return match[1];
  }
  return undefined;
}

/** Adds a query parameter to a URL, keeping the query it has (upload locations carry state there). */
export function withQuery(location: string, name: string, value: string): string {
  const url = new URL(location);
  url.searchParams.append(name, value);
  return url.href;
}

function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}

async function readBody(response: HttpAnswer, maxBytes: number, url: string): Promise<Buffer> {
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > maxBytes) {
    response.body.destroy();
    throw new RegistryError(`${describeUrl(url)}: answer of ${length} bytes is too large`, response.status);
  }
  try {
    return await readAll(response, maxBytes);
  } catch (error) {
    throw new RegistryError(`${describeUrl(url)}: ${(error as Error).message}`, 0, 'NETWORK', url);
  }
}

async function readJson(response: HttpAnswer, url: string): Promise<unknown> {
  const bytes = await readBody(response, MAX_JSON_BYTES, url);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new RegistryError(`${describeUrl(url)}: the answer is not JSON`, response.status);
  }
}

/** Splits a stream into Buffers of exactly `size` bytes (the last may be shorter). */
async function* chunksOf(stream: Readable, size: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const data of stream) {
    let chunk = data as Buffer;
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
  if (held > 0) yield Buffer.concat(parts);
}
