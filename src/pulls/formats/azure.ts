import type { DocumentFormat, EvidenceRecord, LineFormat } from '../evidence.js';
import { CsvRow, headerColumns, normaliseColumn, splitCsvLine } from './csv.js';
import { isObject, parseTime, readEach, repositoryPath, tagOrDigest } from './fields.js';

/**
 * Azure Container Registry's `ContainerRegistryRepositoryEvents` table (resource logs sent to a Log
 * Analytics workspace by a diagnostic setting): one row per push, pull, untag or delete, with
 * `TimeGenerated`, `OperationName`, `LoginServer`, `Repository`, `Tag`, `Digest`, `Identity`,
 * `CallerIpAddress`, `ResultDescription` (the HTTP status). Two shapes: the CSV the portal's
 * Logs → Export → CSV writes (`TimeGenerated [UTC]` in its header), and the JSON array of rows
 * `az monitor log-analytics query` prints. Rows other than `Pull` are passed over.
 */

/** Reads one row, its values fetched by normalised column name (`timegenerated`, `loginserver`, …). */
function rowPulls(get: (column: string) => string | undefined): EvidenceRecord[] {
  if (get('operationname')?.toLowerCase() !== 'pull') return [];
  const repository = get('repository');
  if (repository === undefined) throw new Error('Repository: expected a repository');
  const tag = get('tag');
  const digest = get('digest');
  const reference = tagOrDigest(tag ?? digest ?? '', tag === undefined ? 'Digest' : 'Tag');
  const status = get('resultdescription');
  const address = get('calleripaddress');
  return [
    {
      type: 'pull',
      time: parseTime(get('timegenerated'), 'TimeGenerated'),
      registry: get('loginserver')?.toLowerCase(),
      repository: repositoryPath(repository, 'Repository'),
      ...reference,
      digest: reference.digest ?? (digest !== undefined ? tagOrDigest(digest, 'Digest').digest : undefined),
      status: status !== undefined && /^\d{3}$/.test(status) ? Number(status) : undefined,
      agent: get('useragent'),
      identity: get('identity'),
      address: address?.replace(/:\d+$/, ''),
    },
  ];
}

const REQUIRED = ['timegenerated', 'operationname', 'loginserver', 'repository'];

/** The portal's CSV export of the table (a header row, then one row per line). */
export const azureCsvFormat: LineFormat = {
  name: 'azure-acr-csv',
  style: 'lines',
  sniff(head) {
    if (head.length === 0) return false;
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

/** The rows `az monitor log-analytics query --analytics-query 'ContainerRegistryRepositoryEvents …'` prints. */
export const azureJsonFormat: DocumentFormat = {
  name: 'azure-acr-json',
  style: 'document',
  sniff(document) {
    return (
      Array.isArray(document) &&
      document.length > 0 &&
      document.every((row) => {
        if (!isObject(row)) return false;
        const keys = new Set(Object.keys(row).map(normaliseColumn));
        return REQUIRED.every((column) => keys.has(column));
      })
    );
  },
  read(document) {
    return readEach(
      document as unknown[],
      (index) => `[${index}].`,
      (row) => {
        const values = new Map<string, string>();
        for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
          if (typeof value === 'string' && value.length > 0) values.set(normaliseColumn(key), value);
          if (typeof value === 'number') values.set(normaliseColumn(key), String(value));
        }
        return rowPulls((column) => values.get(column));
      },
    );
  },
};
