import type { DocumentFormat, EvidenceRecord, LineFormat } from '../evidence.js';
import {
  isObject,
  manifestPath,
  optionalObject,
  optionalString,
  parseJsonObject,
  parseTime,
  readEach,
  repositoryPath,
  requireJsonObject,
  tagOrDigest,
  type JsonObject,
} from './fields.js';

/**
 * Google Cloud audit log entries of Artifact Registry (Data Access logs, `DATA_READ` enabled):
 * `protoPayload.methodName` `Docker-GetManifest` or `Docker-HeadManifest`, the request path in
 * `protoPayload.request.requestUrl` (`/v2/PROJECT/REPOSITORY/IMAGE/manifests/REFERENCE`), the caller in
 * `authenticationInfo.principalEmail` and `requestMetadata.callerIp|callerSuppliedUserAgent`. Two shapes:
 * one LogEntry per line (a log sink's export to Cloud Storage), or the array `gcloud logging read
 * --format=json` prints. Entries of other methods and services are passed over.
 */

const PULL_METHODS = new Set(['Docker-GetManifest', 'Docker-HeadManifest']);
/** google.rpc.Code → the HTTP status a client saw. */
const RPC_STATUS: Record<number, number> = { 3: 400, 5: 404, 7: 403, 8: 429, 16: 401 };

/** The pull record of one LogEntry (none unless it is a manifest GET or HEAD of Artifact Registry). */
export function auditLogPulls(entry: JsonObject): EvidenceRecord[] {
  const payload = optionalObject(entry, 'protoPayload');
  if (payload === undefined || payload.serviceName !== 'artifactregistry.googleapis.com') return [];
  const method = optionalString(payload, 'methodName');
  if (method === undefined || !PULL_METHODS.has(method)) return []; // blobs, tags lists, pushes
  const request = optionalObject(payload, 'request');
  const url = request === undefined ? undefined : optionalString(request, 'requestUrl');
  if (url === undefined) throw new Error('protoPayload.request.requestUrl: expected a string');
  const path = manifestPath(url);
  if (path === undefined) throw new Error(`protoPayload.request.requestUrl: "${url}" is not a manifest path`);
  const code = optionalObject(payload, 'status')?.code;
  const status = typeof code === 'number' && code !== 0 ? (RPC_STATUS[code] ?? 500) : 200;
  const metadata = optionalObject(payload, 'requestMetadata') ?? {};
  const caller = optionalString(metadata, 'callerIp');
  return [
    {
      type: 'pull',
      time: parseTime(entry.timestamp, 'timestamp'),
      registry: registryHost(payload),
      repository: repositoryPath(path.repository, 'protoPayload.request.requestUrl'),
      ...tagOrDigest(path.reference, 'protoPayload.request.requestUrl'),
      method: method === 'Docker-HeadManifest' ? 'HEAD' : 'GET',
      status,
      // Google's front end appends its own tag to the caller's agent.
      agent: optionalString(metadata, 'callerSuppliedUserAgent')?.replace(/,gzip\(gfe\)$/, ''),
      identity: optionalString(optionalObject(payload, 'authenticationInfo') ?? {}, 'principalEmail'),
      address: caller === 'gcp-internal-ip' ? undefined : caller,
    },
  ];
}

/**
 * The host clients pulled from: `LOCATION-docker.pkg.dev` from the resource name
 * (`projects/P/locations/L/repositories/R/…`); a gcr.io repository (`R` is `gcr.io`, `eu.gcr.io`, …) is
 * served under its own name.
 */
function registryHost(payload: JsonObject): string | undefined {
  const name = optionalString(payload, 'resourceName') ?? '';
  const match = /^projects\/[^/]+\/locations\/([a-z0-9-]+)\/repositories\/([^/]+)/.exec(name);
  if (match === null) return undefined;
  const repository = decodeURIComponent(match[2]!);
  if (/^(?:[a-z]+\.)?gcr\.io$/.test(repository)) return repository;
  return `${match[1]}-docker.pkg.dev`;
}

function isAuditLogEntry(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  const payload = optionalObject(value, 'protoPayload');
  return (
    payload !== undefined &&
    typeof payload['@type'] === 'string' &&
    payload['@type'].endsWith('google.cloud.audit.AuditLog') &&
    typeof value.timestamp === 'string'
  );
}

/** One LogEntry per line, as a log sink writes them to Cloud Storage. */
export const googleAuditLinesFormat: LineFormat = {
  name: 'google-cloud-audit-lines',
  style: 'lines',
  needles: [...PULL_METHODS],
  sniff(head) {
    return head.length > 0 && isAuditLogEntry(parseJsonObject(head[0]!));
  },
  open() {
    return (line) => auditLogPulls(requireJsonObject(line));
  },
};

/** The JSON array `gcloud logging read … --format=json` prints. */
export const googleAuditFormat: DocumentFormat = {
  name: 'google-cloud-audit',
  style: 'document',
  sniff(document) {
    return Array.isArray(document) && document.length > 0 && document.every(isAuditLogEntry);
  },
  read(document) {
    return readEach(
      document as unknown[],
      (index) => `[${index}].`,
      (entry) => auditLogPulls(entry as JsonObject),
    );
  },
};
