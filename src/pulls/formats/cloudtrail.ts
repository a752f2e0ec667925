import type { DocumentFormat, EvidenceRecord, LineFormat } from '../evidence.js';
import { ecrHost } from './ecr.js';
import {
  isObject,
  optionalObject,
  optionalString,
  parseJsonObject,
  parseTime,
  readEach,
  repositoryPath,
  requireJsonObject,
  requiredString,
  tagOrDigest,
  type JsonObject,
} from './fields.js';

/**
 * AWS CloudTrail events of ECR image pulls (`eventSource: ecr.amazonaws.com`, `eventName: BatchGetImage`:
 * the manifest fetch of every `docker pull`, kubelet and containerd pull; `GetDownloadUrlForLayer` is a
 * layer, not an image). Three shapes: a CloudTrail log file as the trail writes it to S3
 * (`{"Records": [...]}`, gzip-compressed), `aws cloudtrail lookup-events` output (`{"Events": [{…,
 * "CloudTrailEvent": "<the event as a JSON string>"}]}`), and one event per line (CloudTrail Lake or a
 * log pipeline's export). Events of other services are passed over.
 */

/** The pull records of one CloudTrail event (none unless it is a successful ECR BatchGetImage). */
export function cloudTrailPulls(event: JsonObject): EvidenceRecord[] {
  if (event.eventSource !== 'ecr.amazonaws.com' || event.eventName !== 'BatchGetImage') return [];
  if (optionalString(event, 'errorCode') !== undefined) return []; // denied or not found: nothing pulled
  const request = optionalObject(event, 'requestParameters');
  if (request === undefined) throw new Error('requestParameters: expected an object');
  const repository = repositoryPath(
    requiredString(request, 'repositoryName'),
    'requestParameters.repositoryName',
  );
  const time = parseTime(event.eventTime, 'eventTime');
  const registry = ecrHost(
    optionalString(request, 'registryId') ?? optionalString(event, 'recipientAccountId'),
    optionalString(event, 'awsRegion'),
  );
  const identity = optionalObject(event, 'userIdentity');
  const address = optionalString(event, 'sourceIPAddress');
  const common = {
    time,
    registry,
    repository,
    agent: optionalString(event, 'userAgent'),
    identity:
      identity === undefined
        ? undefined
        : (optionalString(identity, 'arn') ?? optionalString(identity, 'principalId')),
    // An AWS service acting for the caller is named, not addressed (`ecr.amazonaws.com`, `AWS Internal`).
    address: address !== undefined && /^[0-9a-fA-F.:]+$/.test(address) ? address : undefined,
  };
  const resolved = resolvedDigests(event);
  const failed = failedReferences(event);
  const ids = request.imageIds;
  if (!Array.isArray(ids)) throw new Error('requestParameters.imageIds: expected a list');
  const records: EvidenceRecord[] = [];
  ids.forEach((id, index) => {
    if (!isObject(id)) throw new Error(`requestParameters.imageIds[${index}]: expected an object`);
    const tag = optionalString(id, 'imageTag');
    const digest = optionalString(id, 'imageDigest');
    const reference = tagOrDigest(digest ?? tag ?? '', `requestParameters.imageIds[${index}]`);
    // BatchGetImage answers 200 and lists what it did not find: those were not pulled.
    if (failed.has(digest ?? tag ?? '')) return;
    const record: EvidenceRecord = { type: 'pull', ...common, ...reference };
    const resolvedDigest = reference.tag === undefined ? undefined : resolved.get(reference.tag);
    if (resolvedDigest !== undefined) record.digest = resolvedDigest;
    records.push(record);
  });
  return records;
}

/** The tags and digests `responseElements.failures` lists (`ImageNotFound`, `ImageTagDoesNotMatchDigest`). */
function failedReferences(event: JsonObject): Set<string> {
  const failed = new Set<string>();
  const failures = optionalObject(event, 'responseElements')?.failures;
  if (!Array.isArray(failures)) return failed;
  for (const failure of failures) {
    const id = isObject(failure) ? optionalObject(failure, 'imageId') : undefined;
    if (id === undefined) continue;
    const reference = optionalString(id, 'imageDigest') ?? optionalString(id, 'imageTag');
    if (reference !== undefined) failed.add(reference);
  }
  return failed;
}

/** Tag → digest from `responseElements.images`, when the trail kept the response. */
function resolvedDigests(event: JsonObject): Map<string, string> {
  const digests = new Map<string, string>();
  const images = optionalObject(event, 'responseElements')?.images;
  if (!Array.isArray(images)) return digests;
  for (const image of images) {
    const id = isObject(image) ? optionalObject(image, 'imageId') : undefined;
    const tag = id === undefined ? undefined : optionalString(id, 'imageTag');
    const digest = id === undefined ? undefined : optionalString(id, 'imageDigest');
    if (tag !== undefined && digest !== undefined && /^sha256:[a-f0-9]{64}$/.test(digest))
      digests.set(tag, digest);
  }
  return digests;
}

function isCloudTrailEvent(value: unknown): value is JsonObject {
  return isObject(value) && typeof value.eventVersion === 'string' && typeof value.eventSource === 'string';
}

/** `{"Records": [...]}` (a trail's log file) or `{"Events": [...]}` (`aws cloudtrail lookup-events`). */
export const cloudTrailFormat: DocumentFormat = {
  name: 'cloudtrail',
  style: 'document',
  sniff(document) {
    if (!isObject(document)) return false;
    if (Array.isArray(document.Records)) return document.Records.every(isCloudTrailEvent);
    return (
      Array.isArray(document.Events) &&
      document.Events.length > 0 &&
      document.Events.every((entry) => isObject(entry) && typeof entry.CloudTrailEvent === 'string')
    );
  },
  read(document) {
    const object = document as JsonObject;
    if (Array.isArray(object.Records)) {
      return readEach(
        object.Records,
        (index) => `Records[${index}].`,
        (entry) => cloudTrailPulls(entry as JsonObject),
      );
    }
    return readEach(
      object.Events as unknown[],
      (index) => `Events[${index}].`,
      (entry) => cloudTrailPulls(parseEmbedded((entry as JsonObject).CloudTrailEvent)),
    );
  },
};

function parseEmbedded(text: unknown): JsonObject {
  const event = typeof text === 'string' ? parseJsonObject(text) : undefined;
  if (event === undefined) throw new Error('CloudTrailEvent: expected an event as a JSON string');
  return event;
}

/** One CloudTrail event per line. */
export const cloudTrailLinesFormat: LineFormat = {
  name: 'cloudtrail-lines',
  style: 'lines',
  needles: ['BatchGetImage'],
  sniff(head) {
    return head.length > 0 && isCloudTrailEvent(parseJsonObject(head[0]!));
  },
  open() {
    return (line) => cloudTrailPulls(requireJsonObject(line));
  },
};
