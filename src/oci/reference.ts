/**
 * Image references per the distribution grammar (github.com/distribution/reference):
 * `[host[:port]/]path[:tag][@digest]`, with Docker's normalisation rules for docker.io.
 */

const alphaNumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphaNumeric}(?:${separator}${alphaNumeric})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const hostPattern = `(?:${domainName}|${ipv6})(?::[0-9]+)?`;

const repositoryPathRe = new RegExp(`^${pathComponent}(?:/${pathComponent})*$`);
const hostRe = new RegExp(`^${hostPattern}$`);
const tagRe = /^[\w][\w.-]{0,127}$/;
/** The digest algorithms cutover can verify, and the length of their hex encoding. */
const digestRe = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

/** The registry Docker assumes when a reference names none. */
export const DOCKER_HUB = 'docker.io';
const MAX_NAME_LENGTH = 255;

/** A parsed, normalised image reference. */
export interface ImageReference {
  /** `host[:port]`, lower-case; docker.io for Docker Hub. */
  registry: string;
  /** Repository path inside the registry, e.g. `library/alpine`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** A repository path relative to a registry, as the manifest writes it (`api`, `base/jdk:1.2`). */
export interface RepositoryReference {
  repository: string;
  tag?: string;
  digest?: string;
}

/** Thrown for text that is not a valid reference; the message says what is wrong. */
export class InvalidReferenceError extends Error {
  override name = 'InvalidReferenceError';
}

/** True for `host[:port]` (domain, IPv4 or bracketed IPv6). */
export function isValidHost(host: string): boolean {
  return hostRe.test(host);
}

/** True for a repository path such as `team/api` (lower-case components, `/`-separated). */
export function isValidRepositoryPath(path: string): boolean {
  return path.length <= MAX_NAME_LENGTH && repositoryPathRe.test(path);
}

/** True for a tag: word characters, dots and dashes, at most 128, not starting with `.` or `-`. */
export function isValidTag(tag: string): boolean {
  return tagRe.test(tag);
}

/**
 * True for `algorithm:hex` with an algorithm cutover verifies: `sha256:` and 64, or `sha512:` and
 * 128, lower-case hex characters (the OCI image spec's registered algorithms).
 */
export function isValidDigest(digest: string): boolean {
  return digestRe.test(digest);
}

/** Lower-cases a registry host and folds Docker Hub's historical names onto `docker.io`. */
export function normalizeHost(host: string): string {
  const lower = host.toLowerCase();
  if (
    lower === 'index.docker.io' ||
    lower === 'registry-1.docker.io' ||
    lower === 'registry.hub.docker.com'
  ) {
    return DOCKER_HUB;
  }
  return lower;
}

function splitDigestAndTag(text: string): { name: string; tag?: string; digest?: string } {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isValidDigest(digest)) throw new InvalidReferenceError(`invalid digest "${digest}"`);
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!isValidTag(tag)) {
      throw new InvalidReferenceError(
        `invalid tag "${tag}" (word characters, "." and "-", at most 128, not starting with "." or "-")`,
      );
    }
  }
  return { name: rest, tag, digest };
}

/**
 * Parses a repository path relative to a registry (`base/jdk`, `api:1.4.2`, `api@sha256:…`).
 * @throws InvalidReferenceError with a reason
 */
export function parseRepositoryReference(text: string): RepositoryReference {
  const { name, tag, digest } = splitDigestAndTag(text);
  if (!isValidRepositoryPath(name)) {
    throw new InvalidReferenceError(
      `invalid repository path "${name}" (lower-case letters, digits and separators . _ __ -, components joined by /)`,
    );
  }
  // Built field by field: a conditional spread costs more than the parse (thousands of calls in guard).
  const reference: RepositoryReference = { repository: name };
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}

/**
 * Parses a full image reference and normalises it the way Docker does: a first component with a
 * `.` or `:` (or `localhost`) is the registry, otherwise Docker Hub, where single names gain `library/`.
 * @throws InvalidReferenceError with a reason
 */
export function parseReference(text: string): ImageReference {
  if (text.length === 0) throw new InvalidReferenceError('empty reference');
  if (/\s/.test(text)) throw new InvalidReferenceError(`reference "${text}" contains white space`);
  const slash = text.indexOf('/');
  const first = slash >= 0 ? text.slice(0, slash) : '';
  const hasRegistry =
    slash >= 0 &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  let registry = DOCKER_HUB;
  let remainder = text;
  if (hasRegistry) {
    if (!isValidHost(first)) throw new InvalidReferenceError(`invalid registry host "${first}"`);
    registry = normalizeHost(first);
    remainder = text.slice(slash + 1);
  }
  const { repository, tag, digest } = parseRepositoryReference(remainder);
  const reference: ImageReference = {
    registry,
    repository: registry === DOCKER_HUB && !repository.includes('/') ? `library/${repository}` : repository,
  };
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}

/** Renders `registry/repository[:tag][@digest]`. */
export function formatReference(ref: ImageReference): string {
  return `${ref.registry}/${formatRepositoryReference(ref)}`;
}

/** Renders `repository[:tag][@digest]`. */
export function formatRepositoryReference(ref: RepositoryReference): string {
  return `${ref.repository}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/** True when a host is loopback: `localhost`, 127.0.0.0/8 or `[::1]`, with or without a port. */
export function isLoopbackHost(host: string): boolean {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return name === 'localhost' || name === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(name);
}
