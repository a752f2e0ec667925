import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import type { ManifestBytes, RegistryClient } from '../oci/client.js';
import { RegistryError } from '../oci/errors.js';
import {
  algorithmOf,
  isForeignBlob,
  parseImageManifest,
  sha256Digest,
  type Descriptor,
} from '../oci/media.js';
import { isValidDigest } from '../oci/reference.js';

/** Indexes nested deeper than this are refused (real images nest one or two levels). */
export const MAX_INDEX_DEPTH = 8;

/** What copyImage did with one tag or digest. */
export type CopyAction = 'copied' | 'skipped' | 'conflict';

/** One tag (or digest) to copy, from a repository of one registry to a repository of another. */
export interface CopyRequest {
  source: RegistryClient;
  sourceRepository: string;
  /** A tag or a digest in the source repository. */
  reference: string;
  target: RegistryClient;
  targetRepository: string;
  /** The tag (or digest) to write; defaults to `reference`. */
  targetReference?: string;
  /**
   * The source manifest, already read by the caller (its digest computed from its bytes): used
   * instead of a second GET when `reference` is that digest, ignored otherwise.
   */
  sourceManifest?: ManifestBytes;
}

export interface CopyOptions {
  /** Replace a target tag that points at a different digest (default: report a conflict). */
  overwrite?: boolean;
  /** Plan only: nothing is written; `bytesUploaded` is what would be sent. */
  dryRun?: boolean;
  /** State shared by every copy of a run: each unique blob is uploaded at most once, then mounted. */
  session?: CopySession;
  /**
   * The tags the target repository had when it was listed a moment ago (copy-tags lists each
   * target repository once instead of a HEAD per tag): a target tag not in it is taken as absent
   * without a HEAD of its own; one in it is HEADed and compared as always.
   */
  targetTags?: ReadonlySet<string>;
}

/** The outcome of copyImage. */
export interface CopyResult {
  action: CopyAction;
  /** The source digest (the target's, after a copy: they are equal, verified). */
  digest: string;
  mediaType: string;
  /** With `conflict`: what the target tag points at instead. */
  existingDigest?: string;
  /** Blob bytes this copy sent (or, dry run, would send). */
  bytesUploaded: number;
  /** Manifest plus unique blob bytes of the image (0 when skipped: not looked at). */
  size: number;
  blobsUploaded: number;
  blobsMounted: number;
  blobsSkipped: number;
  manifestsPut: number;
  dryRun: boolean;
}

/**
 * Per-run state of the copy engine: which target repositories hold which blobs, uploads in
 * flight (so a blob is uploaded at most once per run and mounted everywhere else), and totals.
 */
export class CopySession {
  bytesUploaded = 0;
  /** Bytes sent so far, counted as they stream (for progress lines). */
  bytesStreamed = 0;
  blobsUploaded = 0;
  blobsMounted = 0;
  blobsSkipped = 0;

  /** target host + digest → target repositories known to hold it. */
  private readonly holders = new Map<string, Set<string>>();
  /** target host + digest → the first ensure of that blob, others wait for it. */
  private readonly pending = new Map<string, Promise<unknown>>();
  /** target host + repository + digest → manifests known present. */
  private readonly manifests = new Set<string>();
  /** target host + digest → why the blob could not be copied: not tried again in this run. */
  private readonly failedBlobs = new Map<string, unknown>();

  /** Records that a target repository holds a blob. */
  noteBlob(host: string, repository: string, digest: string): void {
    const key = `${host} ${digest}`;
    const set = this.holders.get(key) ?? new Set<string>();
    set.add(repository);
    this.holders.set(key, set);
  }

  /** True when the run already knows the repository holds the blob. */
  hasBlob(host: string, repository: string, digest: string): boolean {
    return this.holders.get(`${host} ${digest}`)?.has(repository) ?? false;
  }

  /** Some other repository of the target that holds the blob, to mount from. */
  mountSource(host: string, repository: string, digest: string): string | undefined {
    for (const holder of this.holders.get(`${host} ${digest}`) ?? [])
      if (holder !== repository) return holder;
    return undefined;
  }

  noteManifest(host: string, repository: string, digest: string): void {
    this.manifests.add(`${host} ${repository} ${digest}`);
  }

  hasManifest(host: string, repository: string, digest: string): boolean {
    return this.manifests.has(`${host} ${repository} ${digest}`);
  }

  /** Records that a blob could not be copied to a target host; later images needing it fail at once. */
  noteFailedBlob(host: string, digest: string, error: unknown): void {
    this.failedBlobs.set(`${host} ${digest}`, error);
  }

  /** Why a blob already failed in this run, if it did. */
  failedBlob(host: string, digest: string): unknown {
    return this.failedBlobs.get(`${host} ${digest}`);
  }

  /** Runs `work` as the single owner of a blob key; later callers wait for it, then do their own work. */
  async exclusive<T>(host: string, digest: string, work: () => Promise<T>): Promise<T> {
    const key = `${host} ${digest}`;
    for (;;) {
      const running = this.pending.get(key);
      if (!running) break;
      await running.catch(() => undefined);
    }
    const promise = work();
    this.pending.set(key, promise);
    try {
      return await promise;
    } finally {
      if (this.pending.get(key) === promise) this.pending.delete(key);
    }
  }
}

interface Walk {
  request: CopyRequest;
  options: CopyOptions;
  session: CopySession;
  result: CopyResult;
  /** Blob digests already counted in `result.size` for this image. */
  counted: Set<string>;
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
export async function copyImage(request: CopyRequest, options: CopyOptions = {}): Promise<CopyResult> {
  const { source, sourceRepository, reference, target, targetRepository } = request;
  const targetReference = request.targetReference ?? reference;
  const session = options.session ?? new CopySession();
  const dryRun = options.dryRun === true;

  const byDigest = isValidDigest(reference);
  const missing = () =>
    new RegistryError('not-found', `${source.host}/${sourceRepository}:${reference} does not exist`, {
      status: 404,
      code: 'MANIFEST_UNKNOWN',
      host: source.host,
    });
  // The target first. When it has the reference (a re-run), a HEAD of the source says whether it
  // is the same: a HEAD is not a pull where registries count pulls. When it has not, the source's
  // manifest is read in one GET — by digest, or by tag with the digest computed from the bytes
  // read, so a tag moved in the meantime cannot swap the content under us.
  const listedAbsent =
    options.targetTags !== undefined &&
    !isValidDigest(targetReference) &&
    !options.targetTags.has(targetReference);
  const existing = listedAbsent ? undefined : await target.headManifest(targetRepository, targetReference);
  let sourceHead: { digest: string; mediaType?: string } | undefined = byDigest
    ? { digest: reference }
    : undefined;
  if (existing && !sourceHead) sourceHead = await source.headManifest(sourceRepository, reference);
  if (existing && !sourceHead) throw missing();
  const result: CopyResult = {
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
    if (!options.overwrite) return { ...result, action: 'conflict', existingDigest: existing.digest };
  }
  const known = request.sourceManifest;
  const manifest =
    byDigest && known?.digest === reference
      ? known
      : await source
          .getManifest(sourceRepository, sourceHead?.digest ?? reference)
          .catch((error: unknown) => {
            throw error instanceof RegistryError && error.status === 404 ? missing() : error;
          });
  result.digest = manifest.digest;
  result.mediaType = manifest.mediaType;
  const walk: Walk = { request, options, session, result, counted: new Set() };
  const confirmed = await copyManifestTree(walk, manifest, targetReference, { seen: new Set(), depth: 0 });
  // The PUT's answer named the digest stored under the reference; otherwise ask.
  if (!dryRun && !confirmed) {
    const written = await target.headManifest(targetRepository, targetReference);
    if (written?.digest !== manifest.digest) {
      throw new RegistryError(
        'digest-mismatch',
        `${target.host}/${targetRepository}:${targetReference} resolves to ${written?.digest ?? 'nothing'} after the copy, expected ${manifest.digest}`,
        { code: 'VERIFY_FAILED', host: target.host, final: true },
      );
    }
  }
  return result;
}

/** The manifests above the one being walked (digests and sha256 of their bytes), and how many. */
interface Ancestors {
  seen: ReadonlySet<string>;
  depth: number;
}

/**
 * The walk's path after entering `manifest`. A manifest found below itself — under its digest,
 * or with the same bytes under another algorithm's digest — is an index that names itself (or a
 * cycle): refused, as is nesting deeper than {@link MAX_INDEX_DEPTH}.
 */
function enter(walk: Walk, manifest: ManifestBytes, ancestors: Ancestors): Ancestors {
  const { source, sourceRepository } = walk.request;
  const where = `${source.host}/${sourceRepository}@${manifest.digest.slice(0, 80)}`;
  if (ancestors.depth >= MAX_INDEX_DEPTH)
    throw new RegistryError(
      'invalid-response',
      `${where}: indexes nested deeper than ${MAX_INDEX_DEPTH} levels`,
      {
        host: source.host,
        final: true,
      },
    );
  const content = sha256Digest(manifest.bytes);
  if (ancestors.seen.has(manifest.digest) || ancestors.seen.has(content))
    throw new RegistryError(
      'invalid-response',
      `${where}: the index names itself (a manifest with the same bytes appears again below it): refusing to walk a cycle`,
      { host: source.host, final: true },
    );
  return { seen: new Set([...ancestors.seen, manifest.digest, content]), depth: ancestors.depth + 1 };
}

/**
 * Copies a manifest and what it names (blobs, index children), then the manifest itself; true
 * when the registry's answer to its PUT confirmed the digest stored under `targetReference`.
 */
async function copyManifestTree(
  walk: Walk,
  manifest: ManifestBytes,
  targetReference: string,
  ancestors: Ancestors,
): Promise<boolean> {
  const { request, session, result, options } = walk;
  const { source, target, sourceRepository, targetRepository } = request;
  const path = enter(walk, manifest, ancestors);
  const parsed = parseImageManifest(manifest.bytes, manifest.mediaType);
  result.size += manifest.bytes.length;
  if (parsed.isIndex) {
    for (const child of parsed.manifests) checkDescriptor(walk, child, 'manifest');
    // Children by digest first, so the index (and its tag) never points at something missing.
    const children = [...new Map(parsed.manifests.map((child) => [child.digest, child])).values()];
    await Promise.all(
      children.map(async (child) => {
        if (session.hasManifest(target.host, targetRepository, child.digest)) return;
        const present = await target.headManifest(targetRepository, child.digest);
        if (present?.digest === child.digest) {
          session.noteManifest(target.host, targetRepository, child.digest);
          result.size += child.size;
          return;
        }
        const childManifest = await source.getManifest(sourceRepository, child.digest);
        if (childManifest.bytes.length !== child.size)
          throw new RegistryError(
            'invalid-response',
            `${source.host}/${sourceRepository}@${child.digest}: the index says ${child.size} bytes, the manifest has ${childManifest.bytes.length}`,
            { host: source.host, final: true },
          );
        await copyManifestTree(walk, childManifest, child.digest, path);
      }),
    );
  } else {
    for (const blob of parsed.blobs) checkDescriptor(walk, blob, 'blob');
    await Promise.all(
      parsed.blobs
        .filter((blob) => !isForeignBlob(blob))
        .map(async (blob) => {
          if (!walk.counted.has(blob.digest)) {
            walk.counted.add(blob.digest);
            result.size += blob.size;
          }
          await ensureBlob(walk, blob);
        }),
    );
  }
  if (options.dryRun) return false;
  const { digest, confirmed } = await target.putManifestConfirmed(
    targetRepository,
    targetReference,
    manifest,
  );
  result.manifestsPut++;
  session.noteManifest(target.host, targetRepository, manifest.digest);
  return confirmed && digest === manifest.digest;
}

/**
 * Makes sure the target repository has a blob: known, a mount from itself (present) or from
 * another target repository, or an upload (once per session). A dry run only HEADs.
 */
async function ensureBlob(walk: Walk, blob: Descriptor): Promise<void> {
  const { request, session, result, options } = walk;
  const { target, targetRepository } = request;
  const host = target.host;
  if (session.hasBlob(host, targetRepository, blob.digest)) return;
  await session.exclusive(host, blob.digest, async () => {
    if (session.hasBlob(host, targetRepository, blob.digest)) return;
    const failed = session.failedBlob(host, blob.digest);
    if (failed !== undefined) throw failed;
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
        if ((await target.headBlob(targetRepository, blob.digest)) !== undefined) return skipped();
      // Otherwise one request where HEAD then POST took two: a mount answers 201 when the
      // repository holds the blob (from another repository known to hold it, or already), else
      // opens the upload session — the spec's answer for any mount a registry cannot do. Without
      // another repository known to hold it, the mount is from the repository itself (most blobs).
      const mount = await target.mountBlob(targetRepository, blob.digest, from ?? targetRepository);
      if (!mount.mounted) return upload(walk, blob, mount.location);
      if (from === undefined) return skipped();
      session.noteBlob(host, targetRepository, blob.digest);
      session.blobsMounted++;
      result.blobsMounted++;
      return;
    }
    // Dry run: planned, the first repository uploads it, every other one mounts it.
    if ((await target.headBlob(targetRepository, blob.digest)) !== undefined) return skipped();
    session.noteBlob(host, targetRepository, blob.digest);
    if (from) {
      session.blobsMounted++;
      result.blobsMounted++;
    } else {
      session.bytesUploaded += blob.size;
      result.bytesUploaded += blob.size;
      session.blobsUploaded++;
      result.blobsUploaded++;
    }
  });
}

/** Uploads a blob the target repository lacks (into the session a mount answer opened, if any). */
async function upload(walk: Walk, blob: Descriptor, location: string | undefined): Promise<void> {
  const { request, session, result } = walk;
  const host = request.target.host;
  try {
    await streamBlob(walk, blob, location);
  } catch (error) {
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
async function streamBlob(walk: Walk, blob: Descriptor, location?: string): Promise<void> {
  const { request, session } = walk;
  const { source, target, sourceRepository, targetRepository } = request;
  let streamed = 0;
  const forget = () => {
    session.bytesStreamed -= streamed;
    streamed = 0;
  };
  try {
    await target.uploadBlob(
      targetRepository,
      blob.digest,
      blob.size,
      async () => {
        forget();
        const download = await source.getBlob(sourceRepository, blob.digest, blob.size);
        return verifiedBytes(download.stream, blob, source.host, (n) => {
          streamed += n;
          session.bytesStreamed += n;
        });
      },
      location,
    );
  } catch (error) {
    forget();
    throw error;
  }
}

/**
 * Passes a blob's bytes on, counting them, and fails the stream — so the upload it feeds is
 * never completed — when they are more or fewer than the descriptor's size or do not hash to its
 * digest.
 */
function verifiedBytes(
  stream: Readable,
  blob: Descriptor,
  host: string,
  onBytes: (n: number) => void,
): Readable {
  const hash = createHash(algorithmOf(blob.digest));
  let total = 0;
  const mismatch = (message: string) =>
    new RegistryError('digest-mismatch', `${host}: blob ${blob.digest}: ${message}`, {
      code: 'DIGEST_INVALID',
      host,
      final: true,
    });
  const verifier = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > blob.size)
        return callback(mismatch(`more than the ${blob.size} bytes its descriptor says`));
      hash.update(chunk);
      onBytes(chunk.length);
      callback(null, chunk);
    },
    flush(callback) {
      if (total !== blob.size) return callback(mismatch(`${total} bytes, its descriptor says ${blob.size}`));
      const actual = `${algorithmOf(blob.digest)}:${hash.digest('hex')}`;
      callback(actual === blob.digest ? null : mismatch(`the bytes hash to ${actual}`));
    },
  });
  stream.on('error', (error) => verifier.destroy(error));
  verifier.on('close', () => stream.destroy());
  return stream.pipe(verifier);
}

/** A descriptor from a manifest is used in URLs and sizes: its digest and size must be sane. */
function checkDescriptor(walk: Walk, descriptor: Descriptor, what: 'manifest' | 'blob'): void {
  const { source, sourceRepository } = walk.request;
  const valid =
    typeof descriptor.digest === 'string' &&
    isValidDigest(descriptor.digest) &&
    Number.isSafeInteger(descriptor.size) &&
    descriptor.size >= 0;
  if (!valid)
    throw new RegistryError(
      'invalid-response',
      `${source.host}/${sourceRepository}: a ${what} descriptor with digest ${JSON.stringify(descriptor.digest)?.slice(0, 150)} and size ${String(descriptor.size)} is not valid (sha256 or sha512 digests, whole sizes)`,
      { host: source.host, final: true },
    );
}
