/**
 * copy-tags across a GitHub Actions matrix: the selection is split by old repository with a stable
 * hash, so every job (and every re-run) agrees on which shard owns a repository without talking to
 * the others; an image's signatures and referrers live in its repository, so they stay together.
 */
import { createHash } from 'node:crypto';
import { UsageError } from '../shared/errors.js';
import { mapLimited } from '../shared/limiter.js';
import { sleep } from '../shared/retry.js';
import type { RegistryClient } from '../oci/client.js';
import { isForeignBlob, parseImageManifest } from '../oci/media.js';
import { CopySession, MAX_INDEX_DEPTH, MAX_MANIFESTS_PER_IMAGE } from './copy.js';
import type { Selection } from './select.js';

/** Shard `index` of `count` (1-based, as written: `--shard 3/16`). */
export interface Shard {
  index: number;
  count: number;
}

/** The most shards a matrix may have (GitHub allows 256 jobs per matrix). */
export const MAX_SHARDS = 256;

/**
 * Reads `I/N`.
 * @throws UsageError for anything else
 */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > MAX_SHARDS || index < 1 || index > count)
    throw new UsageError(`--shard: expected I/N with 1 ≤ I ≤ N ≤ ${MAX_SHARDS}, found "${text}"`);
  return { index, count };
}

/** The shard (1-based) that owns a repository: the first 32 bits of its SHA-256, modulo the count. */
export function shardOf(repository: string, count: number): number {
  return (createHash('sha256').update(repository).digest().readUInt32BE(0) % count) + 1;
}

/** One shard of a plan: its matrix value and what it will copy. */
export interface PlannedShard {
  shard: string;
  repositories: string[];
  tags: number;
}

/** Splits selected references (by old repository) into `count` shards; empty shards are kept (a matrix entry that does nothing). */
export function planShards(images: { sourceRepository: string }[], count: number): PlannedShard[] {
  const shards: PlannedShard[] = Array.from({ length: count }, (_, index) => ({
    shard: `${index + 1}/${count}`,
    repositories: [],
    tags: 0,
  }));
  for (const image of images) {
    const shard = shards[shardOf(image.sourceRepository, count) - 1]!;
    shard.tags++;
    if (!shard.repositories.includes(image.sourceRepository)) shard.repositories.push(image.sourceRepository);
  }
  for (const shard of shards) shard.repositories.sort();
  return shards;
}

/** The `matrix` output: `{"shard":["1/N",…]}`, for `strategy.matrix: ${{ fromJSON(…) }}`. */
export function matrixOf(shards: PlannedShard[]): string {
  return JSON.stringify({ shard: shards.map((shard) => shard.shard) });
}

/** How long a shard waits for another shard to finish a shared blob before uploading it itself. */
export const HOME_WAIT_MS = 10_000;
const HOME_POLL_MS = 200;

/**
 * A copy session that also knows where the other shards put the blobs they share with this one
 * (each blob's home repository). Before this shard uploads a blob whose home belongs to another
 * shard, it waits (up to {@link HOME_WAIT_MS}, HEAD every 200 ms) for that shard to finish it,
 * then the copy engine mounts it from there instead of uploading it again. A wait that runs out
 * means the shards do not run side by side (a matrix with max-parallel, a failed shard): from then
 * on this shard stops waiting and uploads what it needs.
 */
export class ShardSession extends CopySession {
  /** target host + digest → the repository of another shard whose images use the blob. */
  private readonly hints = new Map<string, string>();
  private waiting: boolean;

  constructor(
    options: {
      /** The target registry (HEADs while waiting); undefined: never wait. */
      target?: RegistryClient;
      /** This shard's own target repositories (a blob homed there is this shard's to upload). */
      own?: ReadonlySet<string>;
    } = {},
  ) {
    super();
    this.target = options.target;
    this.own = options.own ?? new Set();
    this.waiting = options.target !== undefined;
  }

  private readonly target: RegistryClient | undefined;
  private readonly own: ReadonlySet<string>;

  /** Notes that `repository` is the home of `digest` (the first note wins). */
  hint(host: string, repository: string, digest: string): void {
    const key = `${host} ${digest}`;
    if (!this.hints.has(key)) this.hints.set(key, repository);
  }

  /** Hints held by this session. */
  get hinted(): number {
    return this.hints.size;
  }

  override mountSource(host: string, repository: string, digest: string): string | undefined {
    const known = super.mountSource(host, repository, digest);
    if (known !== undefined) return known;
    const home = this.hints.get(`${host} ${digest}`);
    return home !== repository ? home : undefined;
  }

  override exclusive<T>(host: string, digest: string, work: () => Promise<T>): Promise<T> {
    return super.exclusive(host, digest, async () => {
      await this.awaitHome(host, digest);
      return work();
    });
  }

  /** Waits until another shard has put `digest` in its home repository (bounded; see the class). */
  private async awaitHome(host: string, digest: string): Promise<void> {
    const home = this.hints.get(`${host} ${digest}`);
    const target = this.target;
    if (!this.waiting || !target || home === undefined || this.own.has(home)) return;
    if (this.hasBlob(host, home, digest)) return;
    const deadline = Date.now() + HOME_WAIT_MS;
    while (this.waiting) {
      if ((await target.headBlob(home, digest).catch(() => undefined)) !== undefined) {
        this.noteBlob(host, home, digest);
        return;
      }
      if (Date.now() >= deadline) {
        this.waiting = false;
        return;
      }
      await sleep(HOME_POLL_MS);
    }
  }
}

/**
 * Reads the manifests (never the blobs) of every selected image in the old registry — this shard's
 * and the others' — and hints the session with each blob's home: the first target repository (in
 * sorted order) whose images use it. Every shard computes the same homes, so they all mount a
 * shared blob from the one place its first upload lands.
 */
export async function hintSharedBlobs(
  images: { sourceRepository: string; reference: string; targetRepository: string }[],
  source: RegistryClient,
  session: ShardSession,
  target: { host: string; concurrency: number },
): Promise<void> {
  const sorted = [...images].sort((a, b) => (a.targetRepository < b.targetRepository ? -1 : 1));
  // Each manifest is read once however many indexes (and images) name it; an image whose indexes
  // nest deeper than the copy allows, or that has more manifests than its budget, gets no hints.
  const reads = new Map<string, Promise<Set<string>>>();
  const read = (
    repository: string,
    reference: string,
    depth: number,
    budget: { left: number },
  ): Promise<Set<string>> => {
    const key = `${repository}@${reference}`;
    const known = reads.get(key);
    if (known) return known;
    if (depth > MAX_INDEX_DEPTH || --budget.left < 0)
      return Promise.reject(new Error(`${key}: too deep or too many manifests to hint`));
    const reading = (async () => {
      const manifest = await source.getManifest(repository, reference);
      const parsed = parseImageManifest(manifest.bytes, manifest.mediaType);
      if (!parsed.isIndex)
        return new Set(parsed.blobs.filter((blob) => !isForeignBlob(blob)).map((blob) => blob.digest));
      const children = await Promise.all(
        parsed.manifests.map((child) => read(repository, child.digest, depth + 1, budget)),
      );
      return new Set(children.flatMap((blobs) => [...blobs]));
    })();
    reads.set(key, reading);
    return reading;
  };
  // A manifest that cannot be read only costs its hints: the shard then uploads those blobs itself.
  const blobs = await mapLimited(sorted, target.concurrency, (image) =>
    read(image.sourceRepository, image.reference, 0, { left: MAX_MANIFESTS_PER_IMAGE }).catch(
      () => new Set<string>(),
    ),
  );
  sorted.forEach((image, index) => {
    for (const digest of blobs[index]!) session.hint(target.host, image.targetRepository, digest);
  });
}

/**
 * The copy session of a run: for a shard, a {@link ShardSession} that knows every shared blob's
 * home (and, when the shard writes, waits for the other shards' shared blobs); for a whole run, one
 * with no hints, which behaves as a plain copy session.
 */
export async function shardSession(input: {
  shard?: Shard;
  /** The other shards' selection (read only for a shard). */
  others?: () => Promise<Selection>;
  selection: Selection;
  source: RegistryClient;
  target: RegistryClient;
  waits: boolean;
  concurrency: number;
}): Promise<ShardSession> {
  const { shard, selection, target } = input;
  const session = new ShardSession({
    ...(shard &&
      input.waits && { target, own: new Set(selection.images.map((image) => image.targetRepository)) }),
  });
  if (shard && input.others) {
    const others = await input.others();
    await hintSharedBlobs([...selection.images, ...others.images], input.source, session, {
      host: target.host,
      concurrency: input.concurrency,
    });
  }
  return session;
}
