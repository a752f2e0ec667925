import type { ManifestBytes, RegistryClient } from '../oci/client.js';
import { RegistryError } from '../oci/errors.js';
import { isForeignBlob, parseImageManifest, sha256Digest, type Descriptor } from '../oci/media.js';
import { isValidDigest } from '../oci/reference.js';
import { ensureBlob } from './blob-transfer.js';
import { CopySession } from './session.js';

export { CopySession };

/** Indexes nested deeper than this are refused (real images nest one or two levels). */
export const MAX_INDEX_DEPTH = 8;
/**
 * Distinct manifests one image may have (its index, nested indexes, platforms, attestations):
 * real images have a few dozen; past this the image is refused before its children are read.
 */
export const MAX_MANIFESTS_PER_IMAGE = 1000;

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

/** One image's copy: what was asked, the run's session, the result so far. */
export interface Walk {
  request: CopyRequest;
  options: CopyOptions;
  session: CopySession;
  result: CopyResult;
  /** Blob digests already counted in `result.size` for this image. */
  counted: Set<string>;
  /**
   * Index children of this image by digest, each copied once however many of its indexes name
   * it (an index of indexes sharing children is a DAG, not a tree): the first walk of a child is
   * its only one, the other parents wait for it. Its size is the image's manifest budget.
   */
  children: Map<string, Promise<void>>;
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
  const walk: Walk = { request, options, session, result, counted: new Set(), children: new Map() };
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
    const fresh = children.filter((child) => !walk.children.has(child.digest));
    if (walk.children.size + fresh.length + 1 > MAX_MANIFESTS_PER_IMAGE)
      throw new RegistryError(
        'invalid-response',
        `${source.host}/${sourceRepository}@${walk.result.digest}: the image has more than ${MAX_MANIFESTS_PER_IMAGE} manifests (the budget for one image): refusing to copy it`,
        { host: source.host, final: true },
      );
    // A child that is one of this walk's ancestors would wait for itself: a cycle, refused.
    for (const child of children)
      if (path.seen.has(child.digest))
        throw new RegistryError(
          'invalid-response',
          `${source.host}/${sourceRepository}@${child.digest.slice(0, 80)}: the index names itself (it appears again below itself): refusing to walk a cycle`,
          { host: source.host, final: true },
        );
    for (const child of fresh) {
      walk.children.set(
        child.digest,
        session.manifestOnce(target.host, targetRepository, child.digest, () => copyChild(walk, child, path)),
      );
    }
    await Promise.all(children.map((child) => walk.children.get(child.digest)));
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

/** One index child: known present in the target, else read from the source and copied whole. */
async function copyChild(walk: Walk, child: Descriptor, ancestors: Ancestors): Promise<void> {
  const { request, session, result } = walk;
  const { source, target, sourceRepository, targetRepository } = request;
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
  await copyManifestTree(walk, childManifest, child.digest, ancestors);
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
