import { basename } from 'node:path';
import type { EvidenceRecord } from '../evidence.js';
import { isValidDigest, isValidHost, isValidRepositoryPath, isValidTag } from '../../oci/reference.js';

/**
 * Small readers shared by the vendor formats: every value a vendor sends is checked before use, and a
 * value of the wrong shape becomes a short reason (`repositoryName: expected a string`).
 */

/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `key` when it is a non-empty string. */
export function optionalString(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The string at `key`, or an error naming the key. */
export function requiredString(object: JsonObject, key: string, where = key): string {
  const value = object[key];
  if (typeof value !== 'string' || value.length === 0) throw new Error(`${where}: expected a string`);
  return value;
}

/** The object at `key`, or undefined when absent or null. */
export function optionalObject(object: JsonObject, key: string): JsonObject | undefined {
  const value = object[key];
  return isObject(value) ? value : undefined;
}

/**
 * A time as vendors write it, in milliseconds since the epoch: ISO 8601 (`2020-09-30T10:12:44Z`, with
 * an offset or nanoseconds), RFC 2822 (`Tue, 18 Jun 2024 18:59:13 -0000`, Quay), Log Analytics' CSV
 * (`9/30/2020, 10:12:44.123 AM`), or a number of seconds (the AWS CLI v1) or milliseconds (Artifactory)
 * since the epoch. Throws on anything else: a pull at an unknown time cannot be placed in a window.
 */
export function parseTime(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Seconds until 2286 are below 1e10; milliseconds since 1970-04 are above.
    return value < 1e10 ? Math.round(value * 1000) : value;
  }
  if (typeof value === 'string' && value.length > 0) {
    if (/^\d+(\.\d+)?$/.test(value)) return parseTime(Number(value), where);
    let text = value.replace(/(\.\d{3})\d+/, '$1');
    // A time without a zone is UTC here (Harbor's `2020-04-09 02:36:00`), never the machine's zone.
    if (/^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(text)) text = `${text.replace(' ', 'T')}Z`;
    const usual = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d\d):(\d\d)(\.\d+)? ([AP]M)$/.exec(text);
    if (usual !== null) return logAnalyticsTime(usual);
    const parsed = Date.parse(text);
    if (!Number.isNaN(parsed)) return parsed;
  }
  throw new Error(`${where}: expected a time, found ${JSON.stringify(value)}`);
}

/** Log Analytics' CSV time (`9/30/2020, 10:12:44.123 AM`, always UTC: the column is `[UTC]`). */
function logAnalyticsTime(match: RegExpExecArray): number {
  const [, month, day, year, hour, minute, second, fraction, half] = match;
  const hour24 = (Number(hour) % 12) + (half === 'PM' ? 12 : 0);
  const millis = fraction === undefined ? 0 : Math.round(Number(fraction) * 1000);
  return Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    hour24,
    Number(minute),
    Number(second),
    millis,
  );
}

/** The reference of a pull split into tag or digest (`1.4.2` → tag, `sha256:…` → digest). */
export function tagOrDigest(reference: string, where: string): { tag?: string; digest?: string } {
  if (isValidDigest(reference)) return { digest: reference };
  if (isValidTag(reference)) return { tag: reference };
  throw new Error(`${where}: "${reference}" is neither a tag nor a digest`);
}

/** Checks a repository path (`team/api`) and returns it. */
export function repositoryPath(path: string, where: string): string {
  if (!isValidRepositoryPath(path)) throw new Error(`${where}: "${path}" is not a repository path`);
  return path;
}

/**
 * Splits `name[:tag][@digest]` (Harbor's `resource`, the generic form's repository) into its parts.
 * The name is a repository path; a host in front is returned apart when the first component looks like
 * one (has a `.` or a `:`, or is `localhost`), as Docker decides.
 */
export function splitImageName(
  text: string,
  where: string,
): { registry?: string; repository: string; tag?: string; digest?: string } {
  let rest = text;
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      if (!isValidHost(first)) throw new Error(`${where}: "${first}" is not a registry host`);
      registry = first.toLowerCase();
      rest = rest.slice(slash + 1);
    }
  }
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isValidDigest(digest)) throw new Error(`${where}: "${digest}" is not a digest`);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!isValidTag(tag)) throw new Error(`${where}: "${tag}" is not a tag`);
  }
  const result: { registry?: string; repository: string; tag?: string; digest?: string } = {
    repository: repositoryPath(rest, where),
  };
  if (registry !== undefined) result.registry = registry;
  if (tag !== undefined) result.tag = tag;
  if (digest !== undefined) result.digest = digest;
  return result;
}

/**
 * The repository and reference of a manifest request path (`/v2/team/api/manifests/1.4.2`), or
 * undefined for any other path (blobs, tags lists, the catalogue). A query string is ignored.
 */
export function manifestPath(uri: string): { repository: string; reference: string } | undefined {
  const path = uri.split('?', 1)[0]!;
  const match = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(path);
  if (match === null) return undefined;
  return { repository: decodeURIComponent(match[1]!), reference: decodeURIComponent(match[2]!) };
}

/** A client address without its port (`10.2.0.7:51234` → `10.2.0.7`, `[::1]:5000` → `::1`). */
export function addressWithoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed !== null) return bracketed[1]!;
  const parts = address.split(':');
  return parts.length === 2 && /^\d+$/.test(parts[1]!) ? parts[0]! : address;
}

/** The evidence file's name without its folder and extensions (`dumps/prod-eu.json.gz` → `prod-eu`). */
export function baseName(fileName: string): string {
  const name = basename(fileName);
  const dot = name.indexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Parses one line of JSON lines; undefined when the line is not a JSON object. */
export function parseJsonObject(line: string): JsonObject | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Parses one line of JSON lines, or throws the reason a bad line is skipped. */
export function requireJsonObject(line: string): JsonObject {
  const object = parseJsonObject(line);
  if (object === undefined) throw new Error('not a JSON object');
  return object;
}

/** How many problems a document format keeps to show (the rest are only counted). */
const SHOWN_PROBLEMS = 5;

/**
 * Reads each entry of a document's list with `read`: an entry it throws on is counted as skipped, and the
 * first few reasons are kept, located (`Records[3].requestParameters: expected an object`).
 */
export function readEach(
  entries: readonly unknown[],
  where: (index: number) => string,
  read: (entry: unknown) => EvidenceRecord[],
): { records: EvidenceRecord[]; skipped: number; problems: string[] } {
  const records: EvidenceRecord[] = [];
  const problems: string[] = [];
  let skipped = 0;
  entries.forEach((entry, index) => {
    try {
      records.push(...read(entry));
    } catch (error) {
      skipped += 1;
      if (problems.length < SHOWN_PROBLEMS) problems.push(`${where(index)}${(error as Error).message}`);
    }
  });
  return { records, skipped, problems };
}
