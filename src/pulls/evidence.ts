/**
 * Pull evidence: what registries' logs and exports, and clusters' workload lists, say about who still
 * pulls which image. One record type per kind of evidence, and one small interface per file format, so a
 * new format is one file under `formats/` and one line in the format list.
 *
 * Domain code: never prints, never imports `@actions/core`.
 */

/** One image pull (a manifest GET or HEAD, or a vendor's "pull" event), as a log or export records it. */
export interface PullRecord {
  /** When it happened, in milliseconds since the epoch; undefined when the source does not say. */
  time: number | undefined;
  /** Registry host the pull was addressed to, lower-case, when the source names it (exports often do). */
  registry?: string;
  /** Repository path inside the registry (`team/api`), never with a host. */
  repository: string;
  /** Tag pulled, when the reference was a tag. */
  tag?: string;
  /** Digest pulled (`sha256:…`): the reference itself when pulled by digest, or the digest a tag resolved to. */
  digest?: string;
  /** HTTP method when known: a HEAD is a pull too (clients check a tag's digest that way). */
  method?: string;
  /** HTTP status when known; callers count only successful pulls (2xx, 304). */
  status?: number;
  /** The client's user agent (`containerd/1.7.2`, `skopeo/1.13`, `cutover/0.1.0 …`). */
  agent?: string;
  /** Who pulled: a registry user, a cloud principal, a robot account. */
  identity?: string;
  /** Client address, without the port. */
  address?: string;
}

/** One container of a Kubernetes workload (or a pod), and the image it runs or is templated on. */
export interface WorkloadRecord {
  /** Cluster name: the evidence file's name without its extensions (`prod-eu.json` → `prod-eu`). */
  cluster: string;
  namespace: string;
  /** Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob. */
  kind: string;
  name: string;
  container: string;
  /** The image exactly as written in the spec (host-less names are Docker Hub's). */
  image: string;
  /** Digest actually running, from `status.*containerStatuses[].imageID`, when known. */
  runningDigest?: string;
  /**
   * True for a running pod or a workload with replicas; false for a template nothing runs now
   * (a ReplicaSet scaled to zero kept for rollback, a suspended CronJob, a finished Job).
   */
  running: boolean;
  /** Why it is not running, when it is not (`rollback target: scaled to 0`). */
  note?: string;
}

/** What one format yields: pulls, workloads, or both. */
export type EvidenceRecord = ({ type: 'pull' } & PullRecord) | ({ type: 'workload' } & WorkloadRecord);

/**
 * A line-oriented format (logs, JSON lines, CSV): the file is read as a stream, one line at a time, and
 * never held whole in memory.
 */
export interface LineFormat {
  readonly name: string;
  readonly style: 'lines';
  /**
   * True when these first non-empty lines (at most 20) of the file are this format. Cheap and specific:
   * the first format that claims a file reads it.
   */
  sniff(head: readonly string[], fileName: string): boolean;
  /**
   * Optional pre-filter for big logs: a line that contains none of these strings (bytes, case-sensitive)
   * can yield no record, so the reader skips it without decoding it or calling the parser (a month of a
   * registry's log is mostly blob requests; `/manifests/` alone drops most of it). Omit it to see
   * every line.
   */
  readonly needles?: readonly string[];
  /**
   * Returns a fresh line parser for one file. The parser returns the records of a line (most lines:
   * none or one; a line that is not an image pull, such as a blob GET, returns `[]`), and throws an
   * `Error` with a short reason for a line it cannot read (counted, skipped, the first few shown).
   * A CSV parser keeps its header row between calls, hence one parser per file.
   */
  open(fileName: string): (line: string) => EvidenceRecord[];
}

/**
 * A whole-document format (a JSON document: a Kubernetes `List`, ECR `describe-images`, a vendor's
 * exported array). Such documents are far smaller than logs; they are parsed whole.
 */
export interface DocumentFormat {
  readonly name: string;
  readonly style: 'document';
  /** True when this parsed JSON document is this format. */
  sniff(document: unknown, fileName: string): boolean;
  /**
   * The records of the document. `skipped` counts the entries that could not be read, `problems` says
   * why for the first few (`items[3].spec.template: expected an object`).
   */
  read(
    document: unknown,
    fileName: string,
  ): { records: EvidenceRecord[]; skipped: number; problems: string[] };
}

export type EvidenceFormat = LineFormat | DocumentFormat;
