/**
 * The CNCF distribution registry's logs (`docker-registry`, `registry:2`, `registry:3`): its
 * application log (logrus, `log.formatter: json` or `text`) and its access log (Apache combined
 * format, on stdout unless `log.accesslog.disabled`). `docker logs registry` mixes the two (stderr and
 * stdout), so each format reads every kind of line, and a request both logs name is counted once.
 *
 * The application log's "response completed" line of a GET or HEAD of `/v2/<name>/manifests/<ref>` is
 * an image pull; "response completed with error" is a failed one (its status says so). Every other
 * line (start-up messages, blobs, uploads, the `/v2/` ping) yields nothing.
 */
import type { EvidenceRecord, LineFormat } from '../evidence.js';
import { parseCommonLogTime, parseTime, pullOfRequest, type RequestFields } from './distribution-request.js';

type Pull = EvidenceRecord & { type: 'pull' };
type LineKind = 'json' | 'text' | 'access';

/** `host ident user [time] "METHOD URI PROTO" status size "referer" "agent"` (referer and agent optional). */
const COMBINED =
  /^(\S+) \S+ (\S+) \[([^\]]+)\] "([A-Z]+) (\S+)[^"]*" (\d{3}) \S+(?: "(?:[^"\\]|\\.)*" "((?:[^"\\]|\\.)*)")?/;
const TEXT_START = /^time="[^"]*" level=\w+ msg=/;

/** Which kind of registry log line this is, or undefined. */
function kindOf(line: string): LineKind | undefined {
  if (line.startsWith('{')) return 'json';
  if (TEXT_START.test(line)) return 'text';
  if (COMBINED.test(line)) return 'access';
  return undefined;
}

function jsonFields(line: string): Record<string, unknown> {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('expected a JSON object');
  return value as Record<string, unknown>;
}

/** The fields {@link applicationRequest} reads, as their `"key":` in a JSON line. */
const JSON_KEYS = [
  'msg',
  'http.request.method',
  'http.request.uri',
  'http.response.status',
  'time',
  'http.request.useragent',
  'auth.user.name',
  'http.request.remoteaddr',
  'vars.name',
  'vars.reference',
].map((key) => [key, `"${key}":`] as const);
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The few fields a pull needs, cut out of a plain JSON log line without parsing all of it (a month of
 * logs is millions of manifest lines; JSON.parse builds every field of each). Only for the lines
 * logrus writes: one flat object, no escapes, no blanks after a key's colon, values strings or numbers.
 * Any other line is undefined, and JSON.parse reads it (the same fields, the same errors).
 */
function plainJsonFields(line: string): Record<string, unknown> | undefined {
  if (line.charCodeAt(line.length - 1) !== 0x7d /* } */ || line.includes('\\') || line.indexOf('{', 1) >= 0)
    return undefined;
  const fields: Record<string, unknown> = {};
  for (const [key, quoted] of JSON_KEYS) {
    // The last one, as JSON.parse keeps the last of repeated keys.
    const at = line.lastIndexOf(quoted);
    if (at < 0) continue;
    const start = at + quoted.length;
    if (line.charCodeAt(start) === 0x22 /* " */) {
      const end = line.indexOf('"', start + 1);
      if (end < 0) return undefined;
      fields[key] = line.slice(start + 1, end);
    } else {
      let end = start;
      while (end < line.length && line[end] !== ',' && line[end] !== '}') end++;
      const raw = line.slice(start, end);
      if (!NUMBER.test(raw)) return undefined;
      fields[key] = Number(raw);
    }
  }
  return fields;
}

/** Go's `%q` quoting as logrus writes it: JSON's escapes, plus `\x..`, `\a`, `\v`, `\U........`. */
function unquoteGo(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted
      .slice(1, -1)
      .replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, escape: string) => {
        if (/^[xuU]/.test(escape)) return String.fromCodePoint(parseInt(escape.slice(1), 16));
        return (
          ({ n: '\n', t: '\t', r: '\r', a: '\x07', v: '\x0b', b: '\b', f: '\f' } as Record<string, string>)[
            escape
          ] ?? escape
        );
      });
  }
}

/** logrus text: `key=value` pairs, values bare or Go-quoted. */
function textFields(line: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const pair = /([^\s=]+)=("(?:[^"\\]|\\.)*"|\S*)/g;
  for (let match = pair.exec(line); match; match = pair.exec(line)) {
    const raw = match[2]!;
    fields[match[1]!] = raw.startsWith('"') ? unquoteGo(raw) : raw;
  }
  return fields;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The request of an application log line, or undefined for a line that is not a completed request. */
function applicationRequest(fields: Record<string, unknown>): RequestFields | undefined {
  const message = fields['msg'];
  if (typeof message !== 'string' || !message.startsWith('response completed')) return undefined;
  const method = text(fields['http.request.method']);
  const uri = text(fields['http.request.uri']);
  if (method === undefined || uri === undefined)
    throw new Error('a completed request without its method or URI');
  const status = Number(fields['http.response.status']);
  return {
    time: parseTime(fields['time'], 'time'),
    method,
    uri,
    status: Number.isInteger(status) ? status : undefined,
    agent: text(fields['http.request.useragent']),
    identity: text(fields['auth.user.name']),
    remote: text(fields['http.request.remoteaddr']),
    name: text(fields['vars.name']),
    reference: text(fields['vars.reference']),
  };
}

function accessRequest(line: string): RequestFields {
  const match = COMBINED.exec(line);
  if (!match) throw new Error('not a combined-format access log line');
  const time = parseCommonLogTime(match[3]!);
  if (Number.isNaN(time)) throw new Error(`unreadable time [${match[3]}]`);
  const agent = match[7] === undefined ? undefined : unquoteGo(`"${match[7]}"`);
  return {
    time,
    method: match[4]!,
    uri: match[5]!,
    status: Number(match[6]),
    agent: agent === '' || agent === '-' ? undefined : agent,
    identity: match[2],
    remote: match[1],
  };
}

/**
 * How many requests one kind of line may wait for its twin from the other log (memory stays bounded);
 * while only one kind has been seen, a few (a log of one kind has no twins; a mixed one shows both soon).
 */
const PENDING_LIMIT = 4096;
const PENDING_ALONE = 16;

/**
 * A line parser for a registry log of any kind. A request the application log and the access log both
 * name (same address, method, URI and status, in either order) is one pull: the first line counts, its
 * twin is dropped. A log of one kind only never finds twins.
 */
function registryLogParser(): (line: string) => EvidenceRecord[] {
  // For each kind of line, the requests still waiting for their twin from the other kind.
  const pending = { application: new Map<string, number>(), access: new Map<string, number>() };
  const seen = { application: false, access: false };
  const twinFound = (kind: 'application' | 'access', pull: Pull): boolean => {
    const key = `${pull.address ?? ''} ${pull.method ?? ''} ${pull.repository} ${pull.tag ?? pull.digest ?? ''} ${pull.status ?? ''}`;
    const other = pending[kind === 'application' ? 'access' : 'application'];
    const waiting = other.get(key);
    if (waiting !== undefined) {
      if (waiting > 1) other.set(key, waiting - 1);
      else other.delete(key);
      return true;
    }
    const mine = pending[kind];
    mine.set(key, (mine.get(key) ?? 0) + 1);
    seen[kind] = true;
    if (mine.size > (seen.application && seen.access ? PENDING_LIMIT : PENDING_ALONE))
      mine.delete(mine.keys().next().value!);
    return false;
  };
  return (line) => {
    const kind = kindOf(line);
    if (kind === undefined) throw new Error('not a registry log line (JSON, logrus text or access log)');
    const request =
      kind === 'access'
        ? accessRequest(line)
        : applicationRequest(
            kind === 'json' ? (plainJsonFields(line) ?? jsonFields(line)) : textFields(line),
          );
    const pull = request && pullOfRequest(request);
    if (!pull) return [];
    if (request.reference !== undefined && pull.tag === undefined && pull.digest === undefined)
      pull.tag = request.reference;
    return twinFound(kind === 'access' ? 'access' : 'application', pull) ? [] : [pull];
  };
}

/** True when `line` is a registry application log line (it names the registry's Go runtime or a request). */
function isApplicationLine(fields: Record<string, unknown>): boolean {
  return (
    typeof fields['msg'] === 'string' &&
    typeof fields['level'] === 'string' &&
    ('go.version' in fields || 'http.request.method' in fields || 'instance.id' in fields)
  );
}

/**
 * The kinds of the head's registry log lines; undefined when fewer than half of the head's lines are
 * (a damaged line or two among the first ones does not make a log something else).
 */
function headKinds(head: readonly string[]): LineKind[] | undefined {
  const kinds: LineKind[] = [];
  for (const line of head) {
    const kind = kindOf(line);
    if (kind === undefined) continue;
    if (kind !== 'access') {
      try {
        if (!isApplicationLine(kind === 'json' ? jsonFields(line) : textFields(line))) continue;
      } catch {
        continue;
      }
    }
    kinds.push(kind);
  }
  return kinds.length > 0 && kinds.length * 2 >= head.length ? kinds : undefined;
}

/** Every line this format reads contains one of these: a pull is a request for a manifest. */
const NEEDLES = ['/manifests/'];

function registryLog(name: string, claims: (kinds: LineKind[]) => boolean): LineFormat {
  return {
    name,
    style: 'lines',
    needles: NEEDLES,
    sniff(head) {
      const kinds = headKinds(head);
      return kinds !== undefined && kinds.length > 0 && claims(kinds);
    },
    open: registryLogParser,
  };
}

/** The application log as JSON (`log.formatter: json`), perhaps mixed with the access log. */
export const distributionJsonLog = registryLog('distribution registry log (JSON)', (kinds) =>
  kinds.includes('json'),
);

/** The application log as logrus text (the default formatter), perhaps mixed with the access log. */
export const distributionTextLog = registryLog('distribution registry log (text)', (kinds) =>
  kinds.includes('text'),
);

/**
 * The access log alone (Apache combined format, as the registry, or a proxy in front of it, writes it):
 * claimed only when one of the head's requests is to the registry API (`/v2/`).
 */
export const distributionAccessLog: LineFormat = {
  ...registryLog('distribution registry access log', (kinds) => kinds.every((kind) => kind === 'access')),
  sniff(head) {
    const kinds = headKinds(head);
    return (
      kinds !== undefined &&
      kinds.length > 0 &&
      kinds.every((kind) => kind === 'access') &&
      head.some((line) => / \/v2\//.test(line))
    );
  },
};
