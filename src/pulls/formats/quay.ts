import type { DocumentFormat, EvidenceRecord } from '../evidence.js';
import {
  isObject,
  optionalObject,
  optionalString,
  parseTime,
  readEach,
  repositoryPath,
  tagOrDigest,
} from './fields.js';

/**
 * Quay's usage logs, as its API returns them (`GET /api/v1/repository/NAMESPACE/NAME/logs` or
 * `/api/v1/organization/NAME/logs`, page after page with `next_page`): `{start_time, end_time, logs:
 * [{kind, metadata: {namespace, repo, tag | manifest_digest, user-agent, …}, ip, datetime, performer}]}`.
 * `pull_repo` entries are image pulls; the others (pushes, tag changes, logins) are passed over.
 */
export const quayFormat: DocumentFormat = {
  name: 'quay',
  style: 'document',
  sniff(document) {
    return (
      isObject(document) &&
      Array.isArray(document.logs) &&
      (typeof document.start_time === 'string' || typeof document.end_time === 'string') &&
      document.logs.every((entry) => isObject(entry) && typeof entry.kind === 'string' && 'datetime' in entry)
    );
  },
  read(document) {
    const logs = (document as { logs: unknown[] }).logs;
    return readEach(
      logs,
      (index) => `logs[${index}].`,
      (entry): EvidenceRecord[] => {
        if (!isObject(entry) || entry.kind !== 'pull_repo') return [];
        const metadata = optionalObject(entry, 'metadata');
        if (metadata === undefined) throw new Error('metadata: expected an object');
        const namespace = optionalString(metadata, 'namespace');
        const repo = optionalString(metadata, 'repo');
        if (namespace === undefined || repo === undefined)
          throw new Error('metadata: expected namespace and repo');
        const tag = optionalString(metadata, 'tag');
        const digest = optionalString(metadata, 'manifest_digest');
        const reference =
          tag !== undefined || digest !== undefined
            ? tagOrDigest(tag ?? digest!, tag !== undefined ? 'metadata.tag' : 'metadata.manifest_digest')
            : {};
        const performer = optionalObject(entry, 'performer');
        return [
          {
            type: 'pull',
            time: parseTime(entry.datetime, 'datetime'),
            repository: repositoryPath(`${namespace}/${repo}`, 'metadata.repo'),
            ...reference,
            digest: reference.digest ?? (digest !== undefined && tag !== undefined ? digest : undefined),
            agent: optionalString(metadata, 'user-agent'),
            identity:
              (performer === undefined ? undefined : optionalString(performer, 'name')) ??
              optionalString(metadata, 'username'),
            address: optionalString(entry, 'ip'),
          },
        ];
      },
    );
  },
};
