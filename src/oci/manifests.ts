import { repositoryScope } from './auth.js';
import { MAX_JSON_BYTES, readBody, readJson } from './body.js';
import { RegistryError } from './errors.js';
import { drain } from './http.js';
import { MANIFEST_ACCEPT, parseManifest, sha256Digest, type Descriptor } from './media.js';
import { isValidDigest } from './reference.js';
import type { Transport } from './transport.js';

/** Manifests: HEAD, GET (verified against their digest), PUT, and the referrers API. */

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

/** HEAD a manifest by tag or digest; undefined when the registry answers 404. */
export async function headManifest(
  transport: Transport,
  repository: string,
  reference: string,
): Promise<ManifestHead | undefined> {
  const what = `HEAD ${repository}:${reference}`;
  const { response, url } = await transport.send({
    method: 'HEAD',
    url: `/v2/${repository}/manifests/${reference}`,
    scopes: [repositoryScope(repository, 'pull')],
    headers: { accept: MANIFEST_ACCEPT },
    what,
  });
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw await transport.failure(response, url, what);
  const digest = response.headers.get('docker-content-digest');
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim();
  const length = Number(response.headers.get('content-length'));
  if (!digest || !isValidDigest(digest) || !mediaType || !Number.isFinite(length)) {
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
  const what = `GET ${repository}:${reference}`;
  const { response, url } = await transport.send({
    method: 'GET',
    url: `/v2/${repository}/manifests/${reference}`,
    scopes: [repositoryScope(repository, 'pull')],
    headers: { accept: MANIFEST_ACCEPT },
    what,
  });
  if (response.status !== 200) throw await transport.failure(response, url, what);
  const bytes = await readBody(response, MAX_JSON_BYTES, url);
  const digest = sha256Digest(bytes);
  const expected = reference.includes(':') ? reference : response.headers.get('docker-content-digest');
  if (expected?.startsWith('sha256:') && expected !== digest) {
    throw new RegistryError(
      'digest-mismatch',
      `${transport.host}/${repository}:${reference}: the manifest's bytes hash to ${digest}, not ${expected}`,
      { code: 'DIGEST_INVALID', url, host: transport.host, final: true },
    );
  }
  const mediaType = parseManifest(bytes, response.headers.get('content-type') ?? undefined).mediaType;
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
  const what = `PUT manifest ${repository}:${reference}`;
  const { response, url } = await transport.send({
    method: 'PUT',
    url: `/v2/${repository}/manifests/${reference}`,
    scopes: [repositoryScope(repository, 'pull,push')],
    headers: { 'content-type': manifest.mediaType },
    body: manifest.bytes,
    what,
  });
  if (response.status !== 201 && response.status !== 200) throw await transport.failure(response, url, what);
  await drain(response);
  const digest = sha256Digest(manifest.bytes);
  const announced = response.headers.get('docker-content-digest');
  if (announced && announced.startsWith('sha256:') && announced !== digest) {
    throw new RegistryError(
      'digest-mismatch',
      `${transport.host}/${repository}:${reference}: the registry stored ${announced}, expected ${digest}`,
      { status: response.status, code: 'DIGEST_INVALID', url, host: transport.host, final: true },
    );
  }
  return digest;
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
    url: `/v2/${repository}/referrers/${digest}`,
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
