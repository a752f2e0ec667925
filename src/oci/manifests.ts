import { repositoryScope } from './auth/challenge.js';
import { readBody, readJson } from './body.js';
import { RegistryError } from './errors.js';
import { drain } from './http.js';
import {
  algorithmOf,
  MANIFEST_ACCEPT,
  matchesDigest,
  parseImageManifest,
  sha256Digest,
  type Descriptor,
} from './media.js';
import { manifestPath, referrersPath } from './paths.js';
import { isValidDigest } from './reference.js';
import type { Transport } from './transport.js';

/** Manifests: HEAD, GET (verified against their digest), PUT, and the referrers API. */

/**
 * The largest manifest read or written: the distribution spec lets registries refuse manifests
 * over 4 MiB, and no real image manifest comes near it.
 */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

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

/** Sends a HEAD or GET for a manifest with the full Accept list; `what` names it in errors. */
async function readManifest(
  transport: Transport,
  method: 'HEAD' | 'GET',
  repository: string,
  reference: string,
) {
  const what = `${method} ${repository}:${reference}`;
  const { response, url } = await transport.send({
    method,
    url: manifestPath(repository, reference),
    scopes: [repositoryScope(repository, 'pull')],
    headers: { accept: MANIFEST_ACCEPT },
    what,
  });
  return { response, url, what };
}

/** HEAD a manifest by tag or digest; undefined when the registry answers 404. */
export async function headManifest(
  transport: Transport,
  repository: string,
  reference: string,
): Promise<ManifestHead | undefined> {
  const { response, url, what } = await readManifest(transport, 'HEAD', repository, reference);
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw await transport.failure(response, url, what);
  const digest = response.headers.get('docker-content-digest');
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > MAX_MANIFEST_BYTES) throw tooLarge(transport, what, length, url);
  if (isValidDigest(reference) && digest?.startsWith(`${algorithmOf(reference)}:`) && digest !== reference) {
    throw new RegistryError(
      'digest-mismatch',
      `${transport.host}: ${what}: the registry says the manifest is ${digest.slice(0, 80)}`,
      { code: 'DIGEST_INVALID', url, host: transport.host, final: true },
    );
  }
  if (
    !digest ||
    !isValidDigest(digest) ||
    !mediaType ||
    !response.headers.has('content-length') ||
    !Number.isFinite(length)
  ) {
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
export async function getManifest(
  transport: Transport,
  repository: string,
  reference: string,
): Promise<ManifestBytes> {
  const { response, url, what } = await readManifest(transport, 'GET', repository, reference);
  if (response.status !== 200) throw await transport.failure(response, url, what);
  const announcedLength = Number(response.headers.get('content-length'));
  if (Number.isFinite(announcedLength) && announcedLength > MAX_MANIFEST_BYTES)
    throw tooLarge(transport, what, announcedLength, url);
  const bytes = await readBody(response, MAX_MANIFEST_BYTES, url);
  if (response.headers.has('content-length') && announcedLength !== bytes.length) {
    throw new RegistryError(
      'invalid-response',
      `${transport.host}: ${what}: Content-Length says ${response.headers.get('content-length')} bytes, the body has ${bytes.length}`,
      { url, host: transport.host, final: true },
    );
  }
  // By digest: the bytes must hash to it, with its own algorithm. By tag: to what the registry announces.
  const announced = response.headers.get('docker-content-digest');
  const expected = isValidDigest(reference) ? reference : announced;
  if (expected !== null && (!isValidDigest(expected) || !matchesDigest(bytes, expected))) {
    throw new RegistryError(
      'digest-mismatch',
      `${transport.host}/${repository}:${reference}: the manifest's bytes do not hash to ${expected.slice(0, 140)} (sha256 of the bytes: ${sha256Digest(bytes)})`,
      { code: 'DIGEST_INVALID', url, host: transport.host, final: true },
    );
  }
  const digest = isValidDigest(reference) ? reference : sha256Digest(bytes);
  const mediaType = parseImageManifest(bytes, response.headers.get('content-type') ?? undefined).mediaType;
  return { digest, mediaType, bytes };
}

/**
 * PUT a manifest's exact bytes under a tag or its digest; returns the digest, checked against
 * what the registry announces.
 */
export async function putManifest(
  transport: Transport,
  repository: string,
  reference: string,
  manifest: { mediaType: string; bytes: Buffer },
): Promise<string> {
  return (await putManifestConfirmed(transport, repository, reference, manifest)).digest;
}

/** What a manifest PUT stored, and whether the registry's answer said so. */
export interface PutManifestAnswer {
  digest: string;
  /**
   * The registry answered with exactly this digest (`Docker-Content-Digest`): the reference now
   * resolves to it, no HEAD needed to know.
   */
  confirmed: boolean;
}

/** {@link putManifest}, also telling whether the registry's answer named the digest it stored. */
export async function putManifestConfirmed(
  transport: Transport,
  repository: string,
  reference: string,
  manifest: { mediaType: string; bytes: Buffer },
): Promise<PutManifestAnswer> {
  const what = `PUT manifest ${repository}:${reference}`;
  if (manifest.bytes.length > MAX_MANIFEST_BYTES) throw tooLarge(transport, what, manifest.bytes.length);
  const { response, url } = await transport.send({
    method: 'PUT',
    url: manifestPath(repository, reference),
    scopes: [repositoryScope(repository, 'pull,push')],
    headers: { 'content-type': manifest.mediaType },
    body: manifest.bytes,
    what,
  });
  if (response.status !== 201 && response.status !== 200) throw await transport.failure(response, url, what);
  await drain(response);
  const digest = isValidDigest(reference) ? reference : sha256Digest(manifest.bytes);
  const announced = response.headers.get('docker-content-digest');
  if (announced && announced.startsWith(digest.split(':')[0]!) && announced !== digest) {
    throw new RegistryError(
      'digest-mismatch',
      `${transport.host}/${repository}:${reference}: the registry stored ${announced}, expected ${digest}`,
      { status: response.status, code: 'DIGEST_INVALID', url, host: transport.host, final: true },
    );
  }
  return { digest, confirmed: announced === digest };
}

/**
 * The OCI referrers of a manifest (signatures, SBOMs, attestations attached with `subject`), or
 * undefined when the registry does not serve the referrers API.
 */
export async function listReferrers(
  transport: Transport,
  repository: string,
  digest: string,
): Promise<Descriptor[] | undefined> {
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
  if (response.status !== 200) throw await transport.failure(response, url, what);
  const type = response.headers.get('content-type') ?? '';
  const index = (await readJson(response, url)) as { manifests?: Descriptor[] };
  if (!type.includes('application/vnd.oci.image.index.v1+json') && !Array.isArray(index.manifests))
    return undefined;
  return index.manifests ?? [];
}

function tooLarge(transport: Transport, what: string, size: number, url?: string): RegistryError {
  return new RegistryError(
    'invalid-response',
    `${transport.host}: ${what}: a manifest of ${size} bytes is larger than the ${MAX_MANIFEST_BYTES} bytes (4 MiB) cutover accepts`,
    { host: transport.host, final: true, ...(url !== undefined && { url }) },
  );
}
