import type { EvidenceRecord, LineFormat } from '../evidence.js';
import { CsvRow, headerColumns, splitCsvLine } from './csv.js';
import {
  parseJsonObject,
  parseTime,
  requireJsonObject,
  splitImageName,
  tagOrDigest,
  type JsonObject,
} from './fields.js';

/**
 * The generic form, for any registry or proxy cutover does not read natively (a CDN's or a load
 * balancer's access log turned into rows): one pull per row, as CSV with a header row naming the columns,
 * or as JSON lines with the same keys.
 *
 * | column | required | holds |
 * | --- | --- | --- |
 * | `time` | yes | ISO 8601 (`2026-11-30T08:15:02Z`; UTC when no offset) or seconds since the epoch |
 * | `repository` | yes | `team/api`, or with its host `registry.example.com/team/api` |
 * | `reference` | yes | a tag (`1.4.2`) or a digest (`sha256:…`) |
 * | `client` | no | the user agent, or any name of the client (`containerd/1.7.2`, `jenkins-eu`) |
 * | `digest` | no | the digest a tag resolved to |
 * | `identity`, `address`, `method`, `status` | no | who, from where, GET/HEAD, HTTP status |
 */

const REQUIRED = ['time', 'repository', 'reference'];

function rowPulls(get: (column: string) => string | undefined): EvidenceRecord[] {
  const repository = get('repository');
  const reference = get('reference');
  if (repository === undefined) throw new Error('repository: expected a repository');
  if (reference === undefined) throw new Error('reference: expected a tag or a digest');
  const image = splitImageName(repository, 'repository');
  const pulled = tagOrDigest(reference, 'reference');
  const resolved = get('digest');
  const status = get('status');
  if (status !== undefined && !/^\d{3}$/.test(status))
    throw new Error(`status: "${status}" is not an HTTP status`);
  return [
    {
      type: 'pull',
      time: parseTime(get('time'), 'time'),
      registry: image.registry,
      repository: image.repository,
      ...pulled,
      digest: pulled.digest ?? (resolved === undefined ? undefined : tagOrDigest(resolved, 'digest').digest),
      method: get('method')?.toUpperCase(),
      status: status === undefined ? undefined : Number(status),
      agent: get('client') ?? get('agent') ?? get('useragent'),
      identity: get('identity'),
      address: get('address'),
    },
  ];
}

/** CSV with a header row naming at least `time`, `repository` and `reference`. */
export const genericCsvFormat: LineFormat = {
  name: 'generic-csv',
  style: 'lines',
  sniff(head) {
    if (head.length === 0 || head[0]!.trimStart().startsWith('{')) return false;
    try {
      const columns = headerColumns(head[0]!);
      return REQUIRED.every((column) => columns.has(column));
    } catch {
      return false;
    }
  },
  open() {
    let columns: Map<string, number> | undefined;
    return (line) => {
      if (columns === undefined) {
        columns = headerColumns(line);
        return [];
      }
      const row = new CsvRow(columns, splitCsvLine(line));
      return rowPulls((column) => row.get(column));
    };
  },
};

function field(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** JSON lines with the keys `time`, `repository`, `reference` (and the optional ones). */
export const genericJsonLinesFormat: LineFormat = {
  name: 'generic-json-lines',
  style: 'lines',
  sniff(head) {
    const first = head.length > 0 ? parseJsonObject(head[0]!) : undefined;
    return first !== undefined && REQUIRED.every((key) => key in first);
  },
  open() {
    return (line) => {
      const object = requireJsonObject(line);
      return rowPulls((column) => field(object, column));
    };
  },
};
