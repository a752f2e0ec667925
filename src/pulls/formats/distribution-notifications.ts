/**
 * The distribution registry's notifications (`notifications.endpoints` in its configuration): envelopes
 * `{"events": [ … ]}` POSTed to an endpoint, kept one per line (JSON lines, as the receiver in
 * docs/pulls.md writes them), or one envelope or an array of envelopes or events as a document.
 *
 * An event with `action: pull` whose target is a manifest is an image pull (a HEAD is one too: the
 * registry sends the event for both); a blob's pull event is not an image pull.
 */
import type { DocumentFormat, EvidenceRecord, LineFormat } from '../evidence.js';
import { addressWithoutPort, parseTime } from './distribution-request.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** True for an event as the registry sends it: an action and a target. */
function isEvent(value: unknown): value is Json {
  return isObject(value) && typeof value['action'] === 'string' && isObject(value['target']);
}

function isEnvelope(value: unknown): value is { events: unknown[] } {
  return isObject(value) && Array.isArray(value['events']);
}

/** True when an event's target is a manifest (by its URL, its tag, or its media type), not a blob. */
function isManifestTarget(target: Json): boolean {
  const url = text(target['url']);
  if (url !== undefined) return url.includes('/manifests/');
  if (text(target['tag']) !== undefined) return true;
  const mediaType = text(target['mediaType']) ?? '';
  return /manifest|image\.index/.test(mediaType);
}

/** The pull record of one event, or undefined for another action or a blob; throws for a malformed event. */
function pullOfEvent(event: unknown, where: string): EvidenceRecord | undefined {
  if (!isEvent(event)) throw new Error(`${where}: expected an event with "action" and "target"`);
  if (event['action'] !== 'pull') return undefined;
  const target = event['target'] as Json;
  if (!isManifestTarget(target)) return undefined;
  const repository = text(target['repository']);
  if (repository === undefined) throw new Error(`${where}.target.repository: expected a repository name`);
  const record: EvidenceRecord & { type: 'pull' } = {
    type: 'pull',
    time: parseTime(event['timestamp'], `${where}.timestamp`),
    repository,
  };
  const tag = text(target['tag']);
  const digest = text(target['digest']);
  if (tag !== undefined) record.tag = tag;
  if (digest !== undefined) record.digest = digest;
  const request = isObject(event['request']) ? event['request'] : {};
  const method = text(request['method']);
  if (method !== undefined) record.method = method;
  const agent = text(request['useragent']);
  if (agent !== undefined) record.agent = agent;
  const address = text(request['addr']);
  const bare = address === undefined ? undefined : addressWithoutPort(address);
  if (bare !== undefined) record.address = bare;
  const identity = isObject(event['actor']) ? text(event['actor']['name']) : undefined;
  if (identity !== undefined) record.identity = identity;
  return record;
}

/** The events of an envelope or a lone event. */
function eventsOf(value: unknown): unknown[] {
  if (isEnvelope(value)) return value.events;
  if (isEvent(value)) return [value];
  throw new Error('expected an envelope {"events": […]} or an event');
}

/** One envelope (or one event) per line. */
export const distributionNotificationLines: LineFormat = {
  name: 'distribution registry notifications',
  style: 'lines',
  // An envelope without a pull event has nothing to count.
  needles: ['"pull"'],
  sniff(head) {
    // At least half of the first lines (a damaged line or two does not make it something else).
    const readable = head.filter((line) => {
      try {
        const value: unknown = JSON.parse(line);
        return isEnvelope(value) ? value.events.length > 0 && isEvent(value.events[0]) : isEvent(value);
      } catch {
        return false;
      }
    });
    return readable.length > 0 && readable.length * 2 >= head.length;
  },
  open() {
    return (line) => {
      const records: EvidenceRecord[] = [];
      eventsOf(JSON.parse(line)).forEach((event, index) => {
        const record = pullOfEvent(event, `events[${index}]`);
        if (record) records.push(record);
      });
      return records;
    };
  },
};

/** One envelope, or an array of envelopes or events, as a JSON document. */
export const distributionNotificationDocument: DocumentFormat = {
  name: 'distribution registry notifications',
  style: 'document',
  sniff(document) {
    if (isEnvelope(document)) return document.events.length === 0 || isEvent(document.events[0]);
    return (
      Array.isArray(document) && document.length > 0 && (isEnvelope(document[0]) || isEvent(document[0]))
    );
  },
  read(document) {
    const records: EvidenceRecord[] = [];
    const problems: string[] = [];
    let skipped = 0;
    const visit = (event: unknown, where: string) => {
      try {
        const record = pullOfEvent(event, where);
        if (record) records.push(record);
      } catch (error) {
        skipped++;
        if (problems.length < 5) problems.push((error as Error).message);
      }
    };
    if (isEnvelope(document)) document.events.forEach((event, i) => visit(event, `events[${i}]`));
    else
      (document as unknown[]).forEach((entry, i) => {
        if (isEnvelope(entry)) entry.events.forEach((event, j) => visit(event, `[${i}].events[${j}]`));
        else visit(entry, `[${i}]`);
      });
    return { records, skipped, problems };
  },
};
