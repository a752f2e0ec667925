import semver from 'semver';
import type { Plan } from '../plan/plan.js';
import type { Manifest } from '../manifest/model.js';
import { mapRepository } from '../manifest/paths.js';
import type { RegistryClient } from '../oci/client.js';
import { isConnectionFailure } from '../oci/errors.js';
import type { RefsFile } from '../copy/refs-file.js';
import { createdOf, selectImages } from '../copy/select.js';
import type { PullEvidence } from '../pulls/aggregate.js';
import { mapLimited } from '../shared/limiter.js';

/** One tag (or digest) compared between the registries. */
export interface TagCheck {
  /** Old repository path. */
  image: string;
  /** New repository path. */
  target: string;
  /** A tag, or a digest for references by digest. */
  reference: string;
  oldDigest?: string;
  newDigest?: string;
  /**
   * `present`: in the new registry with the old digest. `missing`: only the old registry has it.
   * `conflict`: the new registry has a different image under the tag. `absent`: neither has it.
   */
  state: 'present' | 'missing' | 'conflict' | 'absent';
}

/** Whether the new registry carries an image's newest old tags. */
export interface ImageStatus {
  image: string;
  target: string;
  producer?: string;
  oldTags: number;
  newTags: number;
  newest: TagCheck[];
  /** Old tags (by name) the new registry lacks, whether or not a rule asks for them: lost at shutdown. */
  oldOnlyTags: string[];
  /**
   * `carried`: every newest old tag is in the new registry with the same digest (dual push works).
   * `behind`: some are missing. `conflict`: some differ. `empty`: the old registry has no tags.
   * `unknown`: the old registry could not be asked.
   */
  state: 'carried' | 'behind' | 'conflict' | 'empty' | 'unknown';
}

/** One `consumes` entry of a repository, judged against the new registry. */
export interface ConsumptionStatus {
  text: string;
  ready: boolean;
  /** What is wrong, when not ready. */
  note?: string;
}

/** Whether a repository can pull everything it consumes from the new registry. */
export interface RepoStatus {
  repo: string;
  owner?: string;
  wave: number;
  ready: boolean;
  consumes: ConsumptionStatus[];
}

/** What the registries say now. */
export interface MigrationStatus {
  images: ImageStatus[];
  /** Pinned references (tags and digests in `consumes`), which copy-tags must carry with identical digests. */
  pinned: TagCheck[];
  /** Every tag the `copy:` rules select in the old registry, checked in the new one (with the rules that chose it). */
  copyRules: (TagCheck & { reasons: string[] })[];
  /** Referenced tags the old registry does not have either. */
  copyMissing: { repository: string; reference: string; referencedBy: string[] }[];
  repos: RepoStatus[];
  /** Tags that must survive the old registry but only it has (or that differ in the new one). */
  oldOnly: TagCheck[];
  /** Why the old registry could not be asked, if it could not. */
  oldUnreachable?: string;
  exitCriteria: { met: boolean; reasons: string[] };
}

export interface StatusOptions {
  manifest: Manifest;
  plan: Plan;
  old: RegistryClient;
  next: RegistryClient;
  /** How many of each image's newest old tags must be in the new registry. */
  newest: number;
  /** Registry queries in flight at once. */
  concurrency: number;
  /** References files exported by `guard --export-refs`, for the `referenced` copy rules. */
  refsFiles?: { file: string; refs: RefsFile }[];
  /** Told after each image or reference, for the progress line. */
  onProgress?: () => void;
  /** Pull evidence (`--evidence`), for the `pulled:` copy rules and workloads' images. */
  pulls?: PullEvidence;
}

/**
 * Asks both registries what is true now: per image, are the newest old tags in the new registry
 * with identical digests; per repository, is everything it consumes there; which tags only the old
 * registry has; and so whether the exit criteria are met. Never writes to either registry.
 */
export async function migrationStatus(options: StatusOptions): Promise<MigrationStatus> {
  const { manifest, plan, old, next } = options;
  const target = (image: string) => mapRepository(image, manifest.paths);
  let oldUnreachable: string | undefined;
  const fromOld = async <T>(ask: () => Promise<T>, fallback: T): Promise<T> => {
    if (oldUnreachable !== undefined) return fallback;
    try {
      return await ask();
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      oldUnreachable = (error as Error).message;
      return fallback;
    }
  };

  // Images whose latest tags someone relies on: every produced image, and every image consumed unpinned.
  const images = new Set<string>(manifest.repos.flatMap((repo) => repo.produces));
  for (const repo of manifest.repos)
    for (const consumed of repo.consumes)
      if (consumed.tag === undefined && consumed.digest === undefined) images.add(consumed.repository);

  const imageStatuses = await mapLimited([...images].sort(), options.concurrency, async (image) => {
    const newPath = target(image);
    const oldTags = await fromOld(() => old.listTags(image), undefined as string[] | undefined);
    const newTags = await next.listTags(newPath);
    const producer = plan.graph.producerOf.get(image);
    const base = { image, target: newPath, ...(producer !== undefined && { producer }) };
    options.onProgress?.();
    if (oldTags === undefined)
      return {
        ...base,
        oldTags: 0,
        newTags: newTags.length,
        newest: [],
        oldOnlyTags: [],
        state: 'unknown',
      } as ImageStatus;
    const newest = await newestTags(old, image, oldTags, options.newest);
    const newSet = new Set(newTags);
    const checks = await mapLimited(newest, 4, async (tag) =>
      compare(old, next, image, newPath, tag, newSet.has(tag)),
    );
    const state: ImageStatus['state'] =
      oldTags.length === 0
        ? 'empty'
        : checks.some((c) => c.state === 'conflict')
          ? 'conflict'
          : checks.some((c) => c.state !== 'present')
            ? 'behind'
            : 'carried';
    const oldOnlyTags = oldTags.filter((tag) => !newSet.has(tag)).sort(compareTags);
    return { ...base, oldTags: oldTags.length, newTags: newTags.length, newest: checks, oldOnlyTags, state };
  });
  const imageByName = new Map(imageStatuses.map((status) => [status.image, status]));

  const pinnedKeys = new Map<string, { image: string; reference: string }>();
  for (const repo of manifest.repos) {
    for (const consumed of repo.consumes) {
      const reference = consumed.digest ?? consumed.tag;
      if (reference !== undefined)
        pinnedKeys.set(`${consumed.repository}\n${reference}`, { image: consumed.repository, reference });
    }
  }
  const pinned = await mapLimited([...pinnedKeys.values()], options.concurrency, async (ref) => {
    const check = await compare(old, next, ref.image, target(ref.image), ref.reference, undefined);
    options.onProgress?.();
    return check;
  });
  const selection = await fromOld(
    () =>
      selectImages({
        manifest,
        source: old,
        refsFiles: options.refsFiles ?? [],
        concurrency: options.concurrency,
        ...(options.pulls && { pulls: options.pulls }),
      }),
    undefined,
  );
  const copyRules = await mapLimited(selection?.images ?? [], options.concurrency, async (selected) => {
    const check = await compare(
      old,
      next,
      selected.sourceRepository,
      selected.targetRepository,
      selected.reference,
      undefined,
    );
    options.onProgress?.();
    return { ...check, reasons: selected.reasons };
  });
  const pinnedByKey = new Map(pinned.map((check) => [`${check.image}\n${check.reference}`, check]));

  const repos: RepoStatus[] = manifest.repos.map((repo) => {
    const consumes = repo.consumes.map((consumed): ConsumptionStatus => {
      const reference = consumed.digest ?? consumed.tag;
      const text = `${consumed.repository}${consumed.tag ? `:${consumed.tag}` : ''}${consumed.digest ? `@${consumed.digest}` : ''}`;
      if (reference !== undefined) {
        const check = pinnedByKey.get(`${consumed.repository}\n${reference}`)!;
        return check.state === 'present'
          ? { text, ready: true }
          : { text, ready: false, note: tagNote(check) };
      }
      const image = imageByName.get(consumed.repository)!;
      if (image.state === 'carried') return { text, ready: true };
      // With nothing to compare against (no old tags, or the old registry gone), tags in the new one suffice.
      if ((image.state === 'empty' || image.state === 'unknown') && image.newTags > 0)
        return { text, ready: true };
      return { text, ready: false, note: imageNote(image) };
    });
    return {
      repo: repo.name,
      ...(repo.owner !== undefined && { owner: repo.owner }),
      wave: plan.repos.get(repo.name)!.wave,
      ready: consumes.every((c) => c.ready),
      consumes,
    };
  });

  const oldOnly = [
    ...imageStatuses.flatMap((image) =>
      image.newest.filter((c) => c.state === 'missing' || c.state === 'conflict'),
    ),
    ...pinned.filter((c) => c.state === 'missing' || c.state === 'conflict'),
    ...copyRules
      .filter((c) => c.state === 'missing' || c.state === 'conflict')
      .map(({ reasons: _reasons, ...check }) => check),
  ];
  // One tag can be due for several reasons; list it once.
  const seen = new Set<string>();
  const oldOnlyUnique = oldOnly.filter((check) => {
    const key = `${check.image}\n${check.reference}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const reasons: string[] = [];
  const waiting = repos.filter((repo) => !repo.ready);
  if (waiting.length > 0)
    reasons.push(
      `${waiting.length} of ${repos.length} repositories cannot pull everything from the new registry yet`,
    );
  if (oldOnlyUnique.length > 0)
    reasons.push(`${oldOnlyUnique.length} tags are only in the old registry (or differ in the new one)`);
  if (selection && selection.missing.length > 0)
    reasons.push(
      `${selection.missing.length} referenced tags are in neither registry (${selection.missing.map((m) => `${m.repository}:${m.reference}`).join(', ')})`,
    );
  if (oldUnreachable !== undefined)
    reasons.push(
      `the old registry could not be asked, so nothing can be compared with it any more: ${oldUnreachable}`,
    );
  return {
    images: imageStatuses,
    pinned,
    copyRules,
    copyMissing: selection?.missing ?? [],
    repos,
    oldOnly: oldOnlyUnique,
    ...(oldUnreachable !== undefined && { oldUnreachable }),
    exitCriteria: { met: reasons.length === 0, reasons },
  };
}

/** Compares one tag or digest; `inNew` skips the HEAD when the tag list already says it is absent. */
async function compare(
  old: RegistryClient,
  next: RegistryClient,
  image: string,
  target: string,
  reference: string,
  inNew: boolean | undefined,
): Promise<TagCheck> {
  const [oldHead, newHead] = await Promise.all([
    old.headManifest(image, reference).catch((error: unknown) => {
      if (isConnectionFailure(error)) return undefined;
      throw error;
    }),
    inNew === false ? undefined : next.headManifest(target, reference),
  ]);
  const state: TagCheck['state'] = !newHead
    ? oldHead
      ? 'missing'
      : 'absent'
    : oldHead && oldHead.digest !== newHead.digest
      ? 'conflict'
      : 'present';
  return {
    image,
    target,
    reference,
    ...(oldHead && { oldDigest: oldHead.digest }),
    ...(newHead && { newDigest: newHead.digest }),
    state,
  };
}

/** Why a tag check is not `present`, in words. */
export function tagNote(check: TagCheck): string {
  const ref = `${check.image}${check.reference.includes(':') ? '@' : ':'}${check.reference}`;
  switch (check.state) {
    case 'missing':
      return `${ref} is only in the old registry: copy-tags has not carried it yet`;
    case 'conflict':
      return `${ref} differs in the new registry (${short(check.newDigest)} instead of ${short(check.oldDigest)})`;
    case 'absent':
      return `${ref} is in neither registry`;
    case 'present':
      return `${ref} is in the new registry`;
  }
}

/** Why an image is not carried, in words. */
export function imageNote(image: ImageStatus): string {
  switch (image.state) {
    case 'behind': {
      const missing = image.newest.filter((c) => c.state !== 'present').map((c) => c.reference);
      return `${image.image}: ${missing.join(', ')} not yet in the new registry${image.producer ? ` (is ${image.producer} dual-pushing?)` : ''}`;
    }
    case 'conflict':
      return `${image.image}: the new registry has different images under ${image.newest
        .filter((c) => c.state === 'conflict')
        .map((c) => c.reference)
        .join(', ')}`;
    case 'empty':
      return `${image.image}: no tags in either registry`;
    case 'unknown':
      return `${image.image}: the old registry could not be asked`;
    case 'carried':
      return `${image.image}: carried`;
  }
}

function short(digest: string | undefined): string {
  return digest ? digest.slice(0, 19) : 'nothing';
}

/**
 * The `count` most recently built tags: the image config's `created` (an index: its first
 * platform's), ties broken by version (higher first) and name. Only reads configs when there are
 * more tags than asked for.
 */
export async function newestTags(
  client: RegistryClient,
  repository: string,
  tags: string[],
  count: number,
): Promise<string[]> {
  if (tags.length <= count) return [...tags].sort(compareTags);
  const created = new Map<string, number>();
  await mapLimited(tags, 4, async (tag) => created.set(tag, await createdOf(client, repository, tag)));
  return [...tags].sort((a, b) => created.get(b)! - created.get(a)! || compareTags(a, b)).slice(0, count);
}

function compareTags(a: string, b: string): number {
  const va = semver.valid(a, { loose: true });
  const vb = semver.valid(b, { loose: true });
  if (va && vb && va !== vb) return semver.rcompare(va, vb, true);
  return a < b ? -1 : a > b ? 1 : 0;
}
