/**
 * Pull evidence, aggregated: who still pulls what from the OLD registry in a window of days, and which
 * workloads run or are templated on its images. Records stream in from the files one at a time
 * ({@link PullTally.add}); only the per-image and per-client counts are kept.
 *
 * Which registry a record is about: a record that names a host (hosted registries' exports, workload
 * images) counts when that host is the old registry (its host, its aliases, or Docker Hub's names when
 * the old registry is Docker Hub). A record that names none — every line of a distribution registry's
 * own log — comes from the registry whose log it is, and logs are taken to be the OLD registry's: give
 * `pulls` the old registry's logs only. (Its Host header is not used: behind a proxy or a load balancer
 * it names an internal host, and a pull that still reaches the old registry must never be missed.)
 *
 * Domain code: never prints.
 */
import path from 'node:path';
import { DOCKER_HUB, normalizeHost, parseReference } from '../oci/reference.js';
import type { EvidenceFormat, EvidenceRecord, PullRecord, WorkloadRecord } from './evidence.js';
import { EVIDENCE_FORMATS } from './formats/index.js';
import { readEvidenceFile, type FileReading } from './read.js';

const DAY_MS = 86_400_000;
/**
 * Clients kept by name per image, and over all images: memory stays bounded whatever the log's size
 * (CI runners with ephemeral addresses make new clients all month). Beyond them, pulls are still
 * counted (`unlistedPulls`), and `clientsCapped` says the client count is a lower bound.
 */
export const CLIENTS_PER_IMAGE = 50;
export const CLIENTS_KEPT = 50_000;
/** cutover's own user agent starts with this (see src/shared/version.ts). */
const OWN_AGENT = /^cutover\//i;

/** The registry pulls are counted for: the manifest's `registries.old` fits. */
export interface OldRegistry {
  host: string;
  aliases: readonly string[];
}

/** What to read and how to count. */
export interface PullEvidenceOptions {
  /** Evidence files (plain or gzip, any format of `formats`), relative to `cwd`. */
  files: readonly string[];
  /** The window's length in days (`--days`, 30 by default in the commands). */
  days: number;
  /** The window's end, in milliseconds since the epoch: see {@link windowEnd}. */
  now: number;
  /** The old registry; the new one is not needed (a record of another host simply does not count). */
  registries: { old: OldRegistry };
  /** Where relative file names start (default: the process's working directory). */
  cwd?: string;
  /** The formats tried, in order (default: every format cutover knows). */
  formats?: readonly EvidenceFormat[];
}

/** One evidence file, read. */
export interface EvidenceSource extends FileReading {
  /** Successful pulls from the old registry in the window, cutover's own not included. */
  pulls: number;
}

/** One client of an image (or of the old registry): who it says it is, where from, how often. */
export interface PullClient {
  /** The user agent, as logged (`containerd/1.7.2`, `docker/24.0.7 go/go1.21 …`); undefined when not logged. */
  agent: string | undefined;
  /** The registry user, cloud principal or robot account. */
  identity: string | undefined;
  /** The client's address, without its port. */
  address: string | undefined;
  pulls: number;
  /** ISO time of its last pull, when the evidence has times. */
  last: string | undefined;
}

/** One image (repository, and the tag or digest it was pulled by) pulled from the old registry. */
export interface ImagePulls {
  repository: string;
  /** The tag pulled, when pulled by tag. */
  tag: string | undefined;
  /** The digest pulled by, or the digest the tag resolved to when the evidence says (notifications do). */
  digest: string | undefined;
  pulls: number;
  /** ISO time of the last pull, when the evidence has times. */
  last: string | undefined;
  /** Its clients, most pulls first (at most {@link CLIENTS_PER_IMAGE}, the first met). */
  clients: PullClient[];
  /** Pulls by clients beyond those listed (0 unless the image had more than {@link CLIENTS_PER_IMAGE}). */
  unlistedPulls: number;
}

/** A workload (or pod) container on an image of the old registry. */
export interface WorkloadUse {
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  container: string;
  image: string;
  /** Runs now (a pod, a workload with replicas) rather than only templated (a rollback target, a suspended CronJob). */
  running: boolean;
  runningDigest?: string;
  note?: string;
}

/** Records that were read but do not count, and why. */
export interface NotCounted {
  /** Outside the window (before its start or after its end). */
  outsideWindow: number;
  /** Addressed to another registry than the old one. */
  otherRegistry: number;
  /** Failed requests (not 2xx nor 304): nothing was pulled. */
  failed: number;
}

/** Everything `pulls`, `status` and `copy-tags` need to know about what still uses the old registry. */
export interface PullEvidence {
  window: { days: number; from: string; to: string };
  /** The names the old registry was recognised by (host, aliases, Docker Hub's names). */
  registry: string[];
  sources: EvidenceSource[];
  /** Images pulled in the window, most pulls first; cutover's own pulls not included. */
  images: ImagePulls[];
  /** Every client over all images, most pulls first; cutover itself not included. */
  clients: PullClient[];
  /** More than {@link CLIENTS_KEPT} clients: `clients` lists the first met, its length is a lower bound. */
  clientsCapped: boolean;
  /** Successful pulls in the window, cutover's own not included. */
  pulls: number;
  /** Containers on an old-registry image, running ones first. */
  workloads: WorkloadUse[];
  /** cutover's own pulls (user agent `cutover/…`): copies and checks, never "still pulling". */
  own: { pulls: number; images: number; last: string | undefined };
  notCounted: NotCounted;
  /** Things the reader should know (two kinds of log of the same registry given: pulls counted twice). */
  warnings: string[];
}

/**
 * The end of the window: the end of `--now`'s day (UTC) when given, else the current time.
 * @param day `YYYY-MM-DD` or undefined
 */
export function windowEnd(day: string | undefined, clock: () => number = Date.now): number {
  return day === undefined ? clock() : Date.parse(`${day}T00:00:00Z`) + DAY_MS - 1;
}

/** The names one registry is known by: its host and aliases; all of Docker Hub's names for Docker Hub. */
export function registryNames(registry: OldRegistry): Set<string> {
  const names = new Set([registry.host, ...registry.aliases].map(normalizeHost));
  if (names.has(DOCKER_HUB))
    for (const name of ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'])
      names.add(name);
  return names;
}

/**
 * The last pull's time while counting: a number always, this when the evidence gave none. A field that
 * only ever holds numbers is updated in place by V8; one that may hold `undefined` gets a new boxed
 * number on every pull, promoted to the old generation by the tally that holds it (≈ 100 MB of garbage
 * on a 1 GB log).
 */
const NO_TIME = -Infinity;

function isoOrUndefined(time: number): string | undefined {
  return time === NO_TIME ? undefined : new Date(time).toISOString();
}

interface ClientCount {
  agent: string | undefined;
  identity: string | undefined;
  address: string | undefined;
  pulls: number;
  /** Milliseconds since the epoch, or {@link NO_TIME}. */
  last: number;
}

interface ImageCount {
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
  pulls: number;
  /** Milliseconds since the epoch, or {@link NO_TIME}. */
  last: number;
  clients: Map<string, ClientCount>;
  unlistedPulls: number;
}

function later(a: number, b: number | undefined): number {
  return b === undefined || b <= a ? a : b;
}

function clientOut(client: ClientCount): PullClient {
  return {
    agent: client.agent,
    identity: client.identity,
    address: client.address,
    pulls: client.pulls,
    last: isoOrUndefined(client.last),
  };
}

/**
 * A copy of `text` that holds nothing else: a string cut from a log line (a slice of it, as V8 makes
 * them) would keep the whole line alive for as long as the tally keeps the string.
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** One copy of each string kept (every image's clients name the same few thousand agents and addresses). */
class Interned {
  private readonly strings = new Map<string, string>();
  of(text: string): string;
  of(text: string | undefined): string | undefined;
  of(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    const kept = this.strings.get(text);
    if (kept !== undefined) return kept;
    const copy = detached(text);
    this.strings.set(copy, copy);
    return copy;
  }
}

/** Counts a pull for its client in `clients`; false when the client is new and `clients` is full. */
function count(
  clients: Map<string, ClientCount>,
  key: string,
  record: PullRecord,
  limit: number,
  interned: Interned,
): boolean {
  let client = clients.get(key);
  if (!client) {
    if (clients.size >= limit) return false;
    key = interned.of(key);
    client = {
      agent: interned.of(record.agent),
      identity: interned.of(record.identity),
      address: interned.of(record.address),
      pulls: 0,
      last: NO_TIME,
    };
    clients.set(key, client);
  }
  client.pulls++;
  client.last = later(client.last, record.time);
  return true;
}

const sortable = (time: number) => (time === NO_TIME ? 0 : time);
const byPulls = <T extends { pulls: number; last: number }>(a: T, b: T) =>
  b.pulls - a.pulls || sortable(b.last) - sortable(a.last);

/**
 * The running tally: records in, {@link PullEvidence} out. Used by {@link collectPullEvidence}; exported
 * for callers that read records from elsewhere.
 */
export class PullTally {
  private readonly names: Set<string>;
  private readonly from: number;
  private readonly images = new Map<string, ImageCount>();
  private readonly clients = new Map<string, ClientCount>();
  private readonly workloads: WorkloadUse[] = [];
  private readonly ownImages = new Set<string>();
  private readonly interned = new Interned();
  private own = { pulls: 0, last: NO_TIME };
  private total = 0;
  private clientsCapped = false;
  readonly notCounted: NotCounted = { outsideWindow: 0, otherRegistry: 0, failed: 0 };

  constructor(private readonly options: { days: number; now: number; registries: { old: OldRegistry } }) {
    this.names = registryNames(options.registries.old);
    this.from = options.now - options.days * DAY_MS;
  }

  /** Counts one record; returns true when it is a pull that counts as still pulling from the old registry. */
  add(record: EvidenceRecord): boolean {
    if (record.type === 'workload') {
      this.addWorkload(record);
      return false;
    }
    return this.addPull(record);
  }

  private addWorkload(record: WorkloadRecord): void {
    let registry: string;
    try {
      registry = parseReference(record.image).registry;
    } catch {
      // An image the spec names in a way no runtime could pull is not a pull from the old registry.
      return;
    }
    if (!this.names.has(registry)) return;
    const use: WorkloadUse = {
      cluster: record.cluster,
      namespace: record.namespace,
      kind: record.kind,
      name: record.name,
      container: record.container,
      image: record.image,
      running: record.running,
    };
    if (record.runningDigest !== undefined) use.runningDigest = record.runningDigest;
    if (record.note !== undefined) use.note = record.note;
    this.workloads.push(use);
  }

  private addPull(record: PullRecord): boolean {
    if (record.registry !== undefined && !this.names.has(normalizeHost(record.registry))) {
      this.notCounted.otherRegistry++;
      return false;
    }
    if (
      record.status !== undefined &&
      !((record.status >= 200 && record.status < 300) || record.status === 304)
    ) {
      this.notCounted.failed++;
      return false;
    }
    // A record without a time is counted: it cannot be shown to be old.
    if (record.time !== undefined && (record.time < this.from || record.time > this.options.now)) {
      this.notCounted.outsideWindow++;
      return false;
    }
    const imageKey = `${record.repository}\n${record.tag ?? ''}\n${record.digest ?? ''}`;
    if (record.agent !== undefined && OWN_AGENT.test(record.agent)) {
      this.own.pulls++;
      this.own.last = later(this.own.last, record.time);
      this.ownImages.add(imageKey);
      return false;
    }
    this.total++;
    let image = this.images.get(imageKey);
    if (!image) {
      image = {
        repository: this.interned.of(record.repository),
        tag: record.tag === undefined ? undefined : detached(record.tag),
        digest: this.interned.of(record.digest),
        pulls: 0,
        last: NO_TIME,
        clients: new Map(),
        unlistedPulls: 0,
      };
      this.images.set(detached(imageKey), image);
    }
    image.pulls++;
    image.last = later(image.last, record.time);
    const clientKey = `${record.agent ?? ''}\n${record.identity ?? ''}\n${record.address ?? ''}`;
    if (!count(image.clients, clientKey, record, CLIENTS_PER_IMAGE, this.interned)) image.unlistedPulls++;
    if (!count(this.clients, clientKey, record, CLIENTS_KEPT, this.interned)) this.clientsCapped = true;
    return true;
  }

  /** The evidence so far, sorted for reading. */
  result(sources: EvidenceSource[]): PullEvidence {
    const images = [...this.images.values()].sort(byPulls).map((image) => ({
      repository: image.repository,
      tag: image.tag,
      digest: image.digest,
      pulls: image.pulls,
      last: isoOrUndefined(image.last),
      clients: [...image.clients.values()].sort(byPulls).map(clientOut),
      unlistedPulls: image.unlistedPulls,
    }));
    const workloads = [...this.workloads].sort(
      (a, b) =>
        Number(b.running) - Number(a.running) ||
        a.cluster.localeCompare(b.cluster) ||
        a.namespace.localeCompare(b.namespace) ||
        a.kind.localeCompare(b.kind) ||
        a.name.localeCompare(b.name) ||
        a.container.localeCompare(b.container),
    );
    return {
      window: {
        days: this.options.days,
        from: new Date(this.from).toISOString(),
        to: new Date(this.options.now).toISOString(),
      },
      registry: [...this.names],
      sources,
      images,
      clients: [...this.clients.values()].sort(byPulls).map(clientOut),
      clientsCapped: this.clientsCapped,
      pulls: this.total,
      workloads,
      own: { pulls: this.own.pulls, images: this.ownImages.size, last: isoOrUndefined(this.own.last) },
      notCounted: { ...this.notCounted },
      warnings: doubleLogWarnings(sources),
    };
  }
}

/** Two kinds of record of the same requests (the log and the notifications) count each pull twice. */
function doubleLogWarnings(sources: EvidenceSource[]): string[] {
  const logs = sources.filter((source) => /^distribution registry (log|access log)/.test(source.format));
  const notifications = sources.filter((source) => source.format === 'distribution registry notifications');
  if (logs.length === 0 || notifications.length === 0) return [];
  return [
    `both a registry log (${logs[0]!.file}) and its notifications (${notifications[0]!.file}) were given: if they are the same registry's, each pull is counted twice (the images and clients are right; give one of them for the counts)`,
  ];
}

/**
 * Reads every evidence file and aggregates it: pulls from the old registry in the window ending at
 * `now`, by image (repository, tag, digest) and by client; workloads on the old registry's images;
 * cutover's own pulls apart. Files are read one after the other, each as a stream.
 *
 * A pull counts when it addresses the old registry (or names no registry: a distribution log is taken
 * to be the old registry's), succeeded (2xx or 304; a record without a status is a success), falls in
 * `[now − days, now]` (a record without a time counts), and was not sent by cutover (user agent
 * `cutover/…`, counted in `own`). A HEAD of a manifest is a pull; a blob request is not.
 *
 * @throws ConfigError (exit 2) naming the file (and its first line when that is the trouble) when a file
 *   cannot be read, is not evidence, or not one of its lines could be read. Bad lines in a readable
 *   file are counted in its source's `skipped`, the first few described in its `problems`.
 */
export async function collectPullEvidence(options: PullEvidenceOptions): Promise<PullEvidence> {
  const tally = new PullTally(options);
  const sources: EvidenceSource[] = [];
  for (const file of options.files) {
    let pulls = 0;
    const reading = await readEvidenceFile(
      path.resolve(options.cwd ?? process.cwd(), file),
      file,
      options.formats ?? EVIDENCE_FORMATS,
      (record) => {
        if (tally.add(record)) pulls++;
      },
    );
    sources.push({ ...reading, pulls });
  }
  return tally.result(sources);
}
