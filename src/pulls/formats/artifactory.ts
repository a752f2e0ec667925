import type { DocumentFormat, EvidenceRecord } from '../evidence.js';
import {
  isObject,
  optionalString,
  parseTime,
  readEach,
  repositoryPath,
  requiredString,
  type JsonObject,
} from './fields.js';

/**
 * JFrog Artifactory's download statistics of Docker manifests. Artifactory stores an image's tag as a
 * folder (`team/api/1.4.2/manifest.json`, `list.manifest.json` for a multi-platform index; a pull by
 * digest of a remote image as `team/api/sha256__<hex>/…`), and keeps per file the last download, who
 * made it and a count since ever. Two shapes:
 * - an AQL search (`POST /api/search/aql` with `items.find({"repo":"docker-local","name":{"$match":
 *   "*manifest.json"}}).include("repo","path","name","stat")`): `{results: [{repo, path, name, stats:
 *   [{downloaded, downloaded_by, downloads}]}], range}`;
 * - file statistics (`GET /api/storage/docker-local/team/api/1.4.2/manifest.json?stats`, one object, or
 *   several gathered into an array): `{uri, downloadCount, lastDownloaded, lastDownloadedBy}`.
 * Each manifest counts as pulled once, at its last download: Artifactory keeps no history. Records name
 * the image path inside the Docker repository (`team/api`), as clients of a repository-per-host
 * (subdomain or port) setup name it.
 */

const MANIFEST_NAMES = new Set(['manifest.json', 'list.manifest.json']);

/** `team/api/1.4.2` → `team/api` and the tag (or digest, from a `sha256__<hex>` folder). */
function imageOfFolder(
  path: string,
  where: string,
): Pick<EvidenceRecord & { type: 'pull' }, 'repository' | 'tag' | 'digest'> {
  const slash = path.lastIndexOf('/');
  if (slash <= 0) throw new Error(`${where}: "${path}" is not an image folder (image/tag)`);
  const repository = repositoryPath(path.slice(0, slash), where);
  const folder = path.slice(slash + 1);
  const digest = /^sha256__([a-f0-9]{64})$/.exec(folder);
  return digest !== null ? { repository, digest: `sha256:${digest[1]}` } : { repository, tag: folder };
}

function aqlPulls(item: unknown): EvidenceRecord[] {
  if (!isObject(item)) throw new Error(': expected an object');
  const name = requiredString(item, 'name');
  if (!MANIFEST_NAMES.has(name)) return []; // a layer, or another file
  const image = imageOfFolder(requiredString(item, 'path'), 'path');
  const stats = Array.isArray(item.stats) ? item.stats.filter(isObject) : [];
  return stats
    .filter((stat) => stat.downloaded !== undefined && stat.downloaded !== null)
    .map((stat) => ({
      type: 'pull',
      time: parseTime(stat.downloaded, 'stats.downloaded'),
      ...image,
      identity: optionalString(stat, 'downloaded_by'),
    }));
}

function statisticsPulls(entry: unknown): EvidenceRecord[] {
  if (!isObject(entry)) throw new Error(': expected an object');
  const uri = requiredString(entry, 'uri');
  const match = /\/api\/storage\/[^/]+\/(.+)\/([^/]+)$/.exec(new URL(uri).pathname);
  if (match === null) throw new Error(`uri: "${uri}" is not a storage path`);
  if (!MANIFEST_NAMES.has(match[2]!)) return [];
  if (entry.downloadCount === 0 || entry.lastDownloaded === 0 || entry.lastDownloaded === undefined)
    return [];
  return [
    {
      type: 'pull',
      time: parseTime(entry.lastDownloaded, 'lastDownloaded'),
      ...imageOfFolder(decodeURIComponent(match[1]!), 'uri'),
      identity: optionalString(entry, 'lastDownloadedBy'),
    },
  ];
}

function isStatistics(value: unknown): value is JsonObject {
  return (
    isObject(value) && typeof value.uri === 'string' && 'downloadCount' in value && 'lastDownloaded' in value
  );
}

/** An AQL search's result, or file statistics (one object or an array). */
export const artifactoryFormat: DocumentFormat = {
  name: 'artifactory',
  style: 'document',
  sniff(document) {
    if (isStatistics(document)) return true;
    if (Array.isArray(document)) return document.length > 0 && document.every(isStatistics);
    return (
      isObject(document) &&
      Array.isArray(document.results) &&
      isObject(document.range) &&
      document.results.every((item) => isObject(item) && 'repo' in item && 'path' in item && 'name' in item)
    );
  },
  read(document) {
    if (isStatistics(document)) return readEach([document], () => '', statisticsPulls);
    if (Array.isArray(document)) return readEach(document, (index) => `[${index}].`, statisticsPulls);
    return readEach((document as { results: unknown[] }).results, (index) => `results[${index}].`, aqlPulls);
  },
};
