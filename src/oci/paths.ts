import { RegistryError } from './errors.js';
import { isValidDigest, isValidRepositoryPath, isValidTag } from './reference.js';

/**
 * Registry URL paths, built only from parts that passed the distribution grammar. A repository,
 * tag or digest that came from a server (a tag list, an index, a referrer) cannot turn into a path
 * elsewhere (`../../victim/app/manifests/latest`): it is refused before any request is made.
 */

function refuse(what: string, value: string): never {
  throw new RegistryError(
    'invalid-response',
    `refusing to build a registry URL from ${what} ${JSON.stringify(value.slice(0, 200))}: it is not valid by the distribution grammar`,
    { code: 'INVALID_NAME', final: true },
  );
}

function repositoryPart(repository: string): string {
  if (!isValidRepositoryPath(repository)) refuse('the repository name', repository);
  return repository;
}

function digestPart(digest: string): string {
  if (!isValidDigest(digest)) refuse('the digest', digest);
  return digest;
}

/** `/v2/<repository>/manifests/<tag or digest>`. */
export function manifestPath(repository: string, reference: string): string {
  if (!isValidTag(reference) && !isValidDigest(reference)) refuse('the tag or digest', reference);
  return `/v2/${repositoryPart(repository)}/manifests/${reference}`;
}

/** `/v2/<repository>/blobs/<digest>`. */
export function blobPath(repository: string, digest: string): string {
  return `/v2/${repositoryPart(repository)}/blobs/${digestPart(digest)}`;
}

/** `/v2/<repository>/blobs/uploads/`, with a mount query when `mount` is given. */
export function uploadsPath(repository: string, mount?: { digest: string; from: string }): string {
  const base = `/v2/${repositoryPart(repository)}/blobs/uploads/`;
  if (!mount) return base;
  return `${base}?mount=${encodeURIComponent(digestPart(mount.digest))}&from=${encodeURIComponent(repositoryPart(mount.from))}`;
}

/** `/v2/<repository>/tags/list?n=<page size>`. */
export function tagsPath(repository: string, pageSize: number): string {
  return `/v2/${repositoryPart(repository)}/tags/list?n=${pageSize}`;
}

/** `/v2/<repository>/referrers/<digest>`. */
export function referrersPath(repository: string, digest: string): string {
  return `/v2/${repositoryPart(repository)}/referrers/${digestPart(digest)}`;
}
