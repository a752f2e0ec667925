import { createHash } from 'node:crypto';
import { OperationalError } from '../shared/errors.js';

/** Manifest media types the client accepts and copies. */
export const MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
} as const;

/** The Accept header for manifests: Docker v2 schema 2 and manifest list, OCI manifest and index. */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifestList,
  MEDIA_TYPES.dockerManifest,
].join(', ');

/** A content descriptor, as manifests and indexes list them. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  urls?: string[];
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
  artifactType?: string;
}

/** The parts of a manifest or index the copy needs. */
export interface ParsedManifest {
  mediaType: string;
  /** True for an OCI index or a Docker manifest list: children are manifests. */
  isIndex: boolean;
  /** Child manifests (indexes only). */
  manifests: Descriptor[];
  /** Config and layers (image manifests only), in order. */
  blobs: Descriptor[];
  config?: Descriptor;
  subject?: Descriptor;
}

/** `sha256:<hex>` of some bytes: digests always come from the raw bytes, never re-serialised JSON. */
export function sha256Digest(bytes: Buffer | Uint8Array): string {
  return digestOf(bytes, 'sha256');
}

/** The digest algorithms cutover verifies (see isValidDigest). */
export type DigestAlgorithm = 'sha256' | 'sha512';

/** `<algorithm>:<hex>` of some bytes. */
export function digestOf(bytes: Buffer | Uint8Array, algorithm: DigestAlgorithm): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** The algorithm of a valid digest (`sha256:…` → sha256). */
export function algorithmOf(digest: string): DigestAlgorithm {
  return digest.startsWith('sha512:') ? 'sha512' : 'sha256';
}

/** True when `bytes` hash to `digest` with the digest's own algorithm. */
export function matchesDigest(bytes: Buffer | Uint8Array, digest: string): boolean {
  return digestOf(bytes, algorithmOf(digest)) === digest;
}

/**
 * Reads an image manifest's or index's structure from the registry's bytes (`parseManifest` in
 * src/manifest reads cutover.yml). The media type comes from the document when it names one, else
 * from the registry's Content-Type (OCI allows either).
 * @throws OperationalError (`invalid-response`) for bytes that are not a schema-2 manifest or index
 */
export function parseImageManifest(bytes: Buffer, contentType?: string): ParsedManifest {
  let document: {
    schemaVersion?: number;
    mediaType?: string;
    manifests?: Descriptor[];
    config?: Descriptor;
    layers?: Descriptor[];
    subject?: Descriptor;
  };
  try {
    document = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new OperationalError('invalid-response', `the manifest is not JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (document.schemaVersion !== 2) {
    throw new OperationalError(
      'invalid-response',
      `unsupported manifest schemaVersion ${String(document.schemaVersion)} (Docker schema 1 is not copied; convert the image first)`,
    );
  }
  const contentMediaType = contentType?.split(';')[0]?.trim();
  const mediaType =
    document.mediaType ??
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
export function isForeignBlob(descriptor: Descriptor): boolean {
  return (descriptor.urls?.length ?? 0) > 0 && /foreign|nondistributable/.test(descriptor.mediaType);
}
