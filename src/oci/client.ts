import type { Readable } from 'node:stream';
import { SecretRegistry } from '../shared/secrets.js';
import * as blobs from './blobs.js';
import { resolveCredentials, type CredentialSource, type Credentials } from './credentials.js';
import * as manifests from './manifests.js';
import type { Descriptor } from './media.js';
import * as tags from './tags.js';
import { Transport, type TransportOptions } from './transport.js';
import * as uploads from './uploads.js';

export { RegistryError } from './errors.js';
export type { RetryEvent } from './transport.js';
export type { ManifestHead, ManifestBytes } from './manifests.js';
export type { BlobDownload } from './blobs.js';
export { nextLink } from './tags.js';
export { withQuery } from './uploads.js';

/**
 * The registry client the rest of cutover uses: one object per registry, its methods the
 * distribution API's operations. It is a facade over the layers of src/oci — the transport
 * (retries, read-only guard, concurrency slot, redirects, auth), the authorizers (auth/), and the
 * resource modules (tags, manifests, blobs, uploads) — and holds no protocol logic itself.
 */

/** Tuning and safety switches for one registry client. */
export interface RegistryClientOptions extends TransportOptions {
  /** Upload blobs in PATCH chunks of this many bytes instead of one streamed PUT. */
  chunkSize?: number;
  /** Entries asked for per page of tags or repositories (1–1000, default 1000). */
  pageSize?: number;
  /** Told about what the registry said that was left out (a listed tag that is not a valid tag). */
  onWarning?: (message: string) => void;
}

/** Where a client connects and who it says it is. */
export interface RegistryClientInit {
  host: string;
  /** Plain HTTP; refused unless the host is loopback or `allowInsecure` says the manifest asked for it. */
  insecure: boolean;
  credentials?: Credentials;
  options?: RegistryClientOptions;
}

/**
 * A client for one OCI distribution registry: anonymous, Basic or Bearer (challenge flow with a
 * token per scope set), retries with backoff, bounded concurrency, manual redirects that drop
 * Authorization when they leave the registry's origin.
 */
export class RegistryClient {
  /** `host[:port]` as the manifest names it. */
  readonly host: string;
  /** `https://host` or, for loopback and insecure registries, `http://host`. */
  readonly baseUrl: string;
  /** Counters for reports and tests. */
  readonly stats: Transport['stats'];

  private readonly transport: Transport;
  private readonly options: RegistryClientOptions;

  /**
   * The client for a registry of the manifest. Credentials come from the manifest's env names or
   * the Docker config (masked); plain HTTP only for loopback hosts or `insecure: true`.
   */
  static async forRegistry<Spec extends CredentialSource & { insecure: boolean }>(
    spec: Spec,
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
    this.options = init.options ?? {};
    this.transport = new Transport(init);
    this.host = this.transport.host;
    this.baseUrl = this.transport.baseUrl;
    this.stats = this.transport.stats;
  }

  private get pageSize(): number {
    return Math.max(1, Math.min(1000, Math.floor(this.options.pageSize ?? 1000)));
  }

  /** True when this client refuses writes. */
  get readOnly(): boolean {
    return this.transport.readOnly;
  }

  /** Every tag of a repository, following `Link` pagination (pages of up to 1000); [] when the repository is unknown. */
  listTags(repository: string): Promise<string[]> {
    return tags.listTags(this.transport, repository, this.pageSize, this.options.onWarning);
  }

  /**
   * Every repository the registry's catalog lists (pages of up to 1000).
   * @throws RegistryError when the registry does not serve or allow the catalog (401, 403, 404)
   */
  listRepositories(): Promise<string[]> {
    return tags.listRepositories(this.transport, this.pageSize, this.options.onWarning);
  }

  /** HEAD a manifest by tag or digest; undefined when the registry answers 404. */
  headManifest(repository: string, reference: string): Promise<manifests.ManifestHead | undefined> {
    return manifests.headManifest(this.transport, repository, reference);
  }

  /**
   * GET a manifest by tag or digest; its digest is computed from the raw bytes and checked.
   * @throws RegistryError (kind `not-found`, status 404, when absent)
   */
  getManifest(repository: string, reference: string): Promise<manifests.ManifestBytes> {
    return manifests.getManifest(this.transport, repository, reference);
  }

  /** PUT a manifest's exact bytes under a tag or its digest; returns the digest, checked. */
  putManifest(
    repository: string,
    reference: string,
    manifest: { mediaType: string; bytes: Buffer },
  ): Promise<string> {
    return manifests.putManifest(this.transport, repository, reference, manifest);
  }

  /**
   * {@link putManifest}, also telling whether the registry's answer named the digest it stored
   * (then the reference is known to resolve to it without a HEAD).
   */
  putManifestConfirmed(
    repository: string,
    reference: string,
    manifest: { mediaType: string; bytes: Buffer },
  ): Promise<manifests.PutManifestAnswer> {
    return manifests.putManifestConfirmed(this.transport, repository, reference, manifest);
  }

  /** The OCI referrers of a manifest, or undefined when the registry does not serve the referrers API. */
  listReferrers(repository: string, digest: string): Promise<Descriptor[] | undefined> {
    return manifests.listReferrers(this.transport, repository, digest);
  }

  /** HEAD a blob; its size, or undefined when the repository does not have it. */
  headBlob(repository: string, digest: string): Promise<number | undefined> {
    return blobs.headBlob(this.transport, repository, digest);
  }

  /** Reads a small blob (an image config) whole, checking its digest. */
  readBlob(repository: string, digest: string, maxBytes?: number): Promise<Buffer> {
    return blobs.readBlob(this.transport, repository, digest, maxBytes);
  }

  /** Streams a blob; the concurrency slot is held until the stream ends or is destroyed. */
  getBlob(repository: string, digest: string, expectedSize?: number): Promise<blobs.BlobDownload> {
    return blobs.getBlob(this.transport, repository, digest, expectedSize);
  }

  /** Asks the registry to mount a blob from another of its repositories. */
  mountBlob(
    repository: string,
    digest: string,
    from: string,
  ): Promise<{ mounted: true } | { mounted: false; location?: string }> {
    return uploads.mountBlob(this.transport, repository, digest, from);
  }

  /**
   * Uploads a blob from a stream (one PUT, or PATCH chunks), retried as a whole: `open` is called
   * once per attempt. Returns the bytes sent.
   */
  uploadBlob(
    repository: string,
    digest: string,
    size: number,
    open: () => Promise<Readable>,
    session?: string,
  ): Promise<number> {
    return uploads.uploadBlob(this.transport, {
      repository,
      digest,
      size,
      open,
      session,
      chunkSize: this.options.chunkSize,
    });
  }

  /** Opens an upload session; returns its absolute location (query string kept). */
  startUpload(repository: string): Promise<string> {
    return uploads.startUpload(this.transport, repository);
  }
}
