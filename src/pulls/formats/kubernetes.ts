import type { DocumentFormat, EvidenceRecord, WorkloadRecord } from '../evidence.js';
import { InvalidReferenceError, parseReference } from '../../oci/reference.js';
import { baseName, isObject, optionalObject, optionalString, type JsonObject } from './fields.js';

/**
 * A cluster's workloads, as `kubectl get pods,deployments,statefulsets,daemonsets,replicasets,jobs,cronjobs
 * -A -o json` prints them: one `List` per cluster, the cluster named by the file name.
 *
 * Pods are folded into the object that owns them (ReplicaSet, StatefulSet, DaemonSet, Job): one record
 * per container of the object a person edits, not one per replica, and the digest its pods actually run
 * taken from their `status.*containerStatuses[].imageID`. When pods of one owner run different digests
 * (a tag moved between two pulls), one record per digest. A pod whose owner is not in the list (a bare
 * pod, a static pod, an owner of a kind not listed) is reported as a Pod.
 */

const KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']);
const CONTAINER_FIELDS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
const STATUS_FIELDS = ['initContainerStatuses', 'containerStatuses', 'ephemeralContainerStatuses'] as const;

interface Container {
  name: string;
  image: string;
}

interface Reader {
  cluster: string;
  records: EvidenceRecord[];
  problems: string[];
  skipped: number;
}

/** The format: a `v1` `List` whose items are pods and workloads. */
export const kubernetesFormat: DocumentFormat = {
  name: 'kubernetes',
  style: 'document',
  sniff(document) {
    if (!isObject(document) || document.kind !== 'List' || document.apiVersion !== 'v1') return false;
    const items = document.items;
    // Other kinds (`kubectl get all` adds Services) are passed over; an empty List is an empty cluster.
    return (
      Array.isArray(items) &&
      items.every((item) => isObject(item) && typeof item.kind === 'string') &&
      (items.length === 0 || items.some((item) => KINDS.has((item as JsonObject).kind as string)))
    );
  },
  read(document, fileName) {
    const reader: Reader = { cluster: baseName(fileName), records: [], problems: [], skipped: 0 };
    const items = (document as { items: unknown[] }).items;
    const owners = new Set<string>();
    for (const item of items) {
      if (!isObject(item) || item.kind === 'Pod') continue;
      const metadata = optionalObject(item, 'metadata');
      const uid = metadata === undefined ? undefined : optionalString(metadata, 'uid');
      if (uid !== undefined) owners.add(uid);
    }
    const podsByOwner = groupPods(items, owners);
    items.forEach((item, index) => {
      try {
        readItem(reader, item as JsonObject, owners, podsByOwner);
      } catch (error) {
        reader.skipped += 1;
        if (reader.problems.length < 5) reader.problems.push(`items[${index}]${(error as Error).message}`);
      }
    });
    return { records: reader.records, skipped: reader.skipped, problems: reader.problems };
  },
};

/** Pods by the uid of their controlling owner, for the owners present in the list. */
function groupPods(items: unknown[], owners: Set<string>): Map<string, JsonObject[]> {
  const byOwner = new Map<string, JsonObject[]>();
  for (const item of items) {
    if (!isObject(item) || item.kind !== 'Pod') continue;
    const owner = controllerUid(item);
    if (owner === undefined || !owners.has(owner)) continue;
    const pods = byOwner.get(owner) ?? [];
    pods.push(item);
    byOwner.set(owner, pods);
  }
  return byOwner;
}

function controllerUid(item: JsonObject): string | undefined {
  const references = optionalObject(item, 'metadata')?.ownerReferences;
  if (!Array.isArray(references)) return undefined;
  const controller = references.find((reference) => isObject(reference) && reference.controller === true);
  return isObject(controller) ? optionalString(controller, 'uid') : undefined;
}

function readItem(
  reader: Reader,
  item: JsonObject,
  owners: Set<string>,
  podsByOwner: Map<string, JsonObject[]>,
): void {
  const kind = item.kind as string;
  if (!KINDS.has(kind)) return;
  const metadata = optionalObject(item, 'metadata');
  if (metadata === undefined) throw new Error('.metadata: expected an object');
  const name = optionalString(metadata, 'name');
  if (name === undefined) throw new Error('.metadata.name: expected a string');
  const namespace = optionalString(metadata, 'namespace') ?? 'default';
  const identity = { cluster: reader.cluster, namespace, kind, name };
  if (kind === 'Pod') {
    const owner = controllerUid(item);
    const spec = requireObject(item, 'spec', '.spec');
    const phase = optionalString(optionalObject(item, 'status') ?? {}, 'phase');
    const finished = phase === 'Succeeded' || phase === 'Failed';
    const state: Pick<WorkloadRecord, 'running' | 'note'> = finished
      ? { running: false, note: `pod ${phase}` }
      : { running: true };
    // A pod of an owner in the list is reported with its owner, except its ephemeral (debug) containers:
    // no template holds those.
    const owned = owner !== undefined && owners.has(owner);
    const containers = owned
      ? containersOf(spec, '.spec', ['ephemeralContainers'])
      : containersOf(spec, '.spec', CONTAINER_FIELDS);
    if (!owned && containers.length === 0)
      throw new Error('.spec.containers: expected at least one container');
    emit(reader, identity, containers, state, [item]);
    return;
  }
  const { template, where } = templateOf(item, kind);
  const pods = podsByOwner.get(optionalString(metadata, 'uid') ?? '') ?? [];
  const containers = containersOf(template, `${where}.spec`, CONTAINER_FIELDS);
  if (containers.length === 0) throw new Error(`${where}.spec.containers: expected at least one container`);
  emit(reader, identity, containers, runningState(item, kind), pods);
}

/** The pod template of a workload (a CronJob's is under `spec.jobTemplate.spec.template`). */
function templateOf(item: JsonObject, kind: string): { template: JsonObject; where: string } {
  let spec = requireObject(item, 'spec', '.spec');
  let where = '.spec';
  if (kind === 'CronJob') {
    const jobTemplate = requireObject(spec, 'jobTemplate', `${where}.jobTemplate`);
    spec = requireObject(jobTemplate, 'spec', `${where}.jobTemplate.spec`);
    where = `${where}.jobTemplate.spec`;
  }
  const template = requireObject(spec, 'template', `${where}.template`);
  return { template: requireObject(template, 'spec', `${where}.template.spec`), where: `${where}.template` };
}

/**
 * Whether anything runs the template now. A ReplicaSet scaled to zero is kept for rollback, a suspended
 * CronJob and a finished Job run nothing: their images are still needed (a rollback, a resume), but no
 * pull happens until then.
 */
function runningState(item: JsonObject, kind: string): Pick<WorkloadRecord, 'running' | 'note'> {
  const spec = optionalObject(item, 'spec') ?? {};
  const status = optionalObject(item, 'status') ?? {};
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet': {
      const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
      if (replicas > 0) return { running: true };
      return { running: false, note: kind === 'ReplicaSet' ? 'rollback target: scaled to 0' : 'scaled to 0' };
    }
    case 'DaemonSet':
      return status.desiredNumberScheduled === 0
        ? { running: false, note: 'scheduled on no node' }
        : { running: true };
    case 'Job': {
      if (typeof status.active === 'number' && status.active > 0) return { running: true };
      if (spec.suspend === true) return { running: false, note: 'suspended' };
      const done = Array.isArray(status.conditions)
        ? status.conditions.find(
            (condition) =>
              isObject(condition) &&
              (condition.type === 'Complete' || condition.type === 'Failed') &&
              condition.status === 'True',
          )
        : undefined;
      if (isObject(done)) return { running: false, note: `finished: ${String(done.type)}` };
      return { running: true };
    }
    case 'CronJob': {
      if (spec.suspend === true) return { running: false, note: 'suspended' };
      const schedule = optionalString(spec, 'schedule');
      return schedule === undefined ? { running: true } : { running: true, note: `schedule ${schedule}` };
    }
    default:
      return { running: true };
  }
}

function containersOf(podSpec: JsonObject, where: string, fields: readonly string[]): Container[] {
  const containers: Container[] = [];
  for (const field of fields) {
    const list = podSpec[field];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) throw new Error(`${where}.${field}: expected a list`);
    list.forEach((container, index) => {
      const at = `${where}.${field}[${index}]`;
      if (!isObject(container)) throw new Error(`${at}: expected an object`);
      const name = optionalString(container, 'name');
      const image = optionalString(container, 'image');
      if (name === undefined) throw new Error(`${at}.name: expected a string`);
      if (image === undefined) throw new Error(`${at}.image: expected a string`);
      try {
        parseReference(image); // host-less names are Docker Hub's: the aggregation resolves them
      } catch (error) {
        if (error instanceof InvalidReferenceError) {
          throw new Error(`${at}.image: ${error.message}`, { cause: error });
        }
        throw error;
      }
      containers.push({ name, image });
    });
  }
  return containers;
}

/** The digests the pods run for one container name (from `imageID`, when it names a repository digest). */
function runningDigests(pods: JsonObject[], container: string): string[] {
  const digests = new Set<string>();
  for (const pod of pods) {
    const status = optionalObject(pod, 'status');
    if (status === undefined) continue;
    for (const field of STATUS_FIELDS) {
      const list = status[field];
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        if (!isObject(entry) || entry.name !== container) continue;
        const digest = digestOfImageId(optionalString(entry, 'imageID'));
        if (digest !== undefined) digests.add(digest);
      }
    }
  }
  return [...digests].sort();
}

/**
 * The manifest digest of a container status' `imageID`: `docker-pullable://repo@sha256:…` (dockershim,
 * cri-dockerd) or `repo@sha256:…` (containerd, CRI-O). A bare `sha256:…` is the local image id (the
 * config's digest), not what the registry served, so it is not used.
 */
export function digestOfImageId(imageId: string | undefined): string | undefined {
  if (imageId === undefined) return undefined;
  const match = /@(sha256:[a-f0-9]{64})$/.exec(imageId);
  return match === null ? undefined : match[1];
}

function emit(
  reader: Reader,
  identity: Pick<WorkloadRecord, 'cluster' | 'namespace' | 'kind' | 'name'>,
  containers: Container[],
  state: Pick<WorkloadRecord, 'running' | 'note'>,
  pods: JsonObject[],
): void {
  for (const { name, image } of containers) {
    const digests = runningDigests(pods, name);
    const base: EvidenceRecord = {
      type: 'workload',
      ...identity,
      container: name,
      image,
      running: state.running,
    };
    if (state.note !== undefined) base.note = state.note;
    if (digests.length === 0) reader.records.push(base);
    for (const digest of digests) reader.records.push({ ...base, runningDigest: digest });
  }
}

function requireObject(parent: JsonObject, key: string, where: string): JsonObject {
  const value = parent[key];
  if (!isObject(value)) throw new Error(`${where}: expected an object`);
  return value;
}
