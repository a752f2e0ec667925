/**
 * What the distribution registry's three kinds of log lines share: a request to
 * `/v2/<name>/manifests/<reference>` is an image pull when it is a GET or a HEAD; a blob, a tag list or
 * the `/v2/` ping is not.
 */
import type { EvidenceRecord } from '../evidence.js';

const MANIFEST_PATH = /^\/v2\/(.+)\/manifests\/([^/?#]+)/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/** A repository and the tag or digest of a manifest request URI, or undefined for any other URI. */
export function manifestTarget(
  uri: string,
): { repository: string; tag?: string; digest?: string } | undefined {
  const match = MANIFEST_PATH.exec(uri);
  if (!match) return undefined;
  const repository = match[1]!;
  const reference = decodeURIComponent(match[2]!);
  return DIGEST.test(reference) ? { repository, digest: reference } : { repository, tag: reference };
}

/**
 * A client address without its port: `10.0.0.7:51234` → `10.0.0.7`, `[::1]:5000` → `::1`; a bare
 * IPv6 address (more than one colon) is kept as it is. A list (`X-Forwarded-For`) keeps its first.
 */
export function addressWithoutPort(text: string): string | undefined {
  const first = text.split(',')[0]!.trim();
  if (first === '' || first === '-') return undefined;
  if (first.startsWith('[')) {
    const end = first.indexOf(']');
    return end > 0 ? first.slice(1, end) : first;
  }
  const colon = first.indexOf(':');
  return colon >= 0 && colon === first.lastIndexOf(':') ? first.slice(0, colon) : first;
}

/** The fields one request line carries, whatever its kind. */
export interface RequestFields {
  time: number | undefined;
  method: string;
  uri: string;
  status: number | undefined;
  agent?: string | undefined;
  identity?: string | undefined;
  /** As logged, perhaps with a port. */
  remote?: string | undefined;
  /** `vars.name` / `vars.reference`, when the registry logged them (it does on errors). */
  name?: string | undefined;
  reference?: string | undefined;
}

/** The pull record of a request line, or undefined when the request is not a manifest GET or HEAD. */
export function pullOfRequest(fields: RequestFields): (EvidenceRecord & { type: 'pull' }) | undefined {
  if (fields.method !== 'GET' && fields.method !== 'HEAD') return undefined;
  const target = manifestTarget(fields.uri);
  if (!target) return undefined;
  const record: EvidenceRecord & { type: 'pull' } = {
    type: 'pull',
    time: fields.time,
    repository: fields.name || target.repository,
    method: fields.method,
  };
  if (target.tag !== undefined) record.tag = target.tag;
  if (target.digest !== undefined) record.digest = target.digest;
  if (fields.status !== undefined) record.status = fields.status;
  if (fields.agent) record.agent = fields.agent;
  if (fields.identity && fields.identity !== '-') record.identity = fields.identity;
  const address = fields.remote === undefined ? undefined : addressWithoutPort(fields.remote);
  if (address !== undefined) record.address = address;
  return record;
}

const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

/** An access log's time (`03/Dec/2026:19:23:40 +0000`), in milliseconds, or NaN. */
export function parseCommonLogTime(text: string): number {
  const match = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(text);
  const month = match ? MONTHS[match[2]!] : undefined;
  if (!match || month === undefined) return Number.NaN;
  const offset = (Number(match[8]) * 60 + Number(match[9])) * 60_000 * (match[7] === '-' ? -1 : 1);
  return (
    Date.UTC(
      Number(match[3]),
      month,
      Number(match[1]),
      Number(match[4]),
      Number(match[5]),
      Number(match[6]),
    ) - offset
  );
}

/** An RFC 3339 time (nanoseconds allowed), in milliseconds; throws for anything else. */
export function parseTime(text: unknown, what: string): number {
  const time = typeof text === 'string' ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time))
    throw new Error(`${what}: expected an RFC 3339 time, found ${JSON.stringify(text)}`);
  return time;
}
