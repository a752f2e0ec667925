import type { DocumentFormat, EvidenceRecord } from '../evidence.js';
import { isObject, optionalString, parseTime, readEach, requiredString, splitImageName } from './fields.js';

/**
 * Harbor's audit log, as its API returns it (`GET /api/v2.0/audit-logs?q=operation=pull`, a JSON array,
 * page after page; the console's Logs page shows the same entries): `{id, resource, resource_type,
 * operation, op_time, username}`, `resource` being `project/repository:tag` or `…@sha256:…`. Harbor
 * records who pulled, not from where nor with what client.
 */
export const harborFormat: DocumentFormat = {
  name: 'harbor',
  style: 'document',
  sniff(document) {
    return (
      Array.isArray(document) &&
      document.length > 0 &&
      document.every(
        (entry) =>
          isObject(entry) &&
          typeof entry.operation === 'string' &&
          typeof entry.resource_type === 'string' &&
          'op_time' in entry &&
          'resource' in entry,
      )
    );
  },
  read(document) {
    return readEach(
      document as unknown[],
      (index) => `[${index}].`,
      (entry): EvidenceRecord[] => {
        if (!isObject(entry) || entry.operation !== 'pull') return []; // pushes, deletions, logins
        // Harbor 2.13's extended log also says whether the operation succeeded.
        if (entry.operation_result === false) return [];
        const image = splitImageName(requiredString(entry, 'resource'), 'resource');
        return [
          {
            type: 'pull',
            time: parseTime(entry.op_time, 'op_time'),
            repository: image.repository,
            tag: image.tag,
            digest: image.digest,
            identity: optionalString(entry, 'username'),
          },
        ];
      },
    );
  },
};
