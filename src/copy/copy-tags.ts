/**
 * copy-tags' work once the selection is made: every selected reference copied (or, in a dry run,
 * measured) with the copy engine, one outcome each, so one tag never stops the others.
 */
import type { RegistryClient } from '../oci/client.js';
import { formatRepositoryReference, isValidDigest } from '../oci/reference.js';
import { forEachLimited } from '../shared/limiter.js';
import { formatBytes } from '../shared/markdown.js';
import { formatRate, ProgressLine } from '../shared/progress.js';
import { copyImage, CopySession, type CopyResult } from './copy.js';
import type { SelectedImage, Selection } from './select.js';

/** One row of the report: a source reference, where it went, and what happened. */
export interface Outcome {
  source: string;
  target: string;
  digest: string;
  action: 'copied' | 'would copy' | 'skipped' | 'conflict' | 'failed';
  size: number;
  bytesUploaded: number;
  existingDigest?: string;
  error?: string;
}

/** What {@link copySelection} needs. */
export interface CopyTagsRequest {
  selection: Selection;
  source: RegistryClient;
  target: RegistryClient;
  /** The registries' hosts as the manifest names them (for the report). */
  oldHost: string;
  newHost: string;
  dryRun: boolean;
  overwrite: boolean;
  /** Requests in flight per registry host. */
  concurrency: number;
  /** Where progress lines and retry notes go. */
  progress: (line: string) => void;
  /** How often a progress line is written at most. */
  progressIntervalMs: number;
  /** A session made beforehand (e.g. told where other shards put shared blobs). */
  session?: CopySession;
}

/** The one report of a copy-tags run. */
export interface CopyTagsReport {
  dryRun: boolean;
  oldHost: string;
  newHost: string;
  selection: Selection;
  outcomes: Outcome[];
  session: CopySession;
}

/** Copies every selected image to the target registry (more images in flight than requests per host). */
export async function copySelection(request: CopyTagsRequest): Promise<CopyTagsReport> {
  const { selection, source, target, dryRun } = request;
  const session = request.session ?? new CopySession();
  const outcomes: Outcome[] = [];
  const progress = new ProgressLine(
    request.progress,
    (seconds) => progressText(outcomes, selection.images.length, session, seconds, dryRun),
    request.progressIntervalMs,
  );
  const ticker = setInterval(() => progress.tick(), 1000);
  try {
    // More images in flight than requests per host: each image waits on the source and then the
    // target, so this keeps both hosts' request slots busy; the per-host limit still bounds the load.
    const targetTags = new TargetTagLists(target, selection.images);
    await forEachLimited(selection.images, request.concurrency * 4, async (image) => {
      const listed = await targetTags.of(image.targetRepository);
      outcomes.push(
        await copyOne(image, {
          source,
          target,
          session,
          dryRun,
          overwrite: request.overwrite,
          ...(listed && { targetTags: listed }),
        }),
      );
      progress.tick();
    });
  } finally {
    clearInterval(ticker);
  }
  progress.done();
  return { dryRun, oldHost: request.oldHost, newHost: request.newHost, selection, outcomes, session };
}

/** How long a target repository's tag list stands in for per-tag HEADs after it was read. */
export const TARGET_TAGS_FRESH_MS = 60_000;

/**
 * The target repositories' tag lists, read once per repository when its first selected tag is
 * copied (a fresh target answers with none), so a tag the target lacks costs no HEAD: one request
 * per repository (per page of 1000 tags) instead of one per tag. Only for repositories with two
 * or more selected tags (for one, a HEAD is as cheap), and only for {@link TARGET_TAGS_FRESH_MS}
 * after the list was read: later tags are HEADed as before, so a tag someone else writes to the
 * target meanwhile is seen as late as a HEAD would see it, give or take that minute. A tag the
 * list names is HEADed and compared as always; a list that cannot be read means HEADs.
 */
class TargetTagLists {
  private readonly wanted = new Set<string>();
  private readonly lists = new Map<
    string,
    Promise<{ tags: ReadonlySet<string>; readAt: number } | undefined>
  >();

  constructor(
    private readonly target: RegistryClient,
    images: SelectedImage[],
  ) {
    const tagsPerRepository = new Map<string, number>();
    for (const image of images)
      if (!isValidDigest(image.reference))
        tagsPerRepository.set(
          image.targetRepository,
          (tagsPerRepository.get(image.targetRepository) ?? 0) + 1,
        );
    for (const [repository, count] of tagsPerRepository) if (count >= 2) this.wanted.add(repository);
  }

  /** The repository's tags as listed, or undefined: HEAD each tag. */
  async of(repository: string): Promise<ReadonlySet<string> | undefined> {
    if (!this.wanted.has(repository)) return undefined;
    let list = this.lists.get(repository);
    if (!list) {
      list = this.target.listTags(repository).then(
        (tags) => ({ tags: new Set(tags), readAt: Date.now() }),
        () => undefined,
      );
      this.lists.set(repository, list);
    }
    const listed = await list;
    return listed && Date.now() - listed.readAt <= TARGET_TAGS_FRESH_MS ? listed.tags : undefined;
  }
}

/** The outcomes of one action. */
export function outcomesOf(report: CopyTagsReport, action: Outcome['action']): Outcome[] {
  return report.outcomes.filter((outcome) => outcome.action === action);
}

/** Copies one selected reference; every failure becomes an outcome, so one tag never stops the others. */
async function copyOne(
  image: SelectedImage,
  context: {
    source: RegistryClient;
    target: RegistryClient;
    session: CopySession;
    dryRun: boolean;
    overwrite: boolean;
    targetTags?: ReadonlySet<string>;
  },
): Promise<Outcome> {
  const { source, target } = context;
  const byDigest = isValidDigest(image.reference);
  const name = (host: string, repository: string) =>
    `${host}/${formatRepositoryReference({ repository, ...(byDigest ? { digest: image.reference } : { tag: image.reference }) })}`;
  const base = {
    source: name(source.host, image.sourceRepository),
    target: name(target.host, image.targetRepository),
  };
  try {
    const result: CopyResult = await copyImage(
      {
        source,
        sourceRepository: image.sourceRepository,
        reference: image.reference,
        target,
        targetRepository: image.targetRepository,
      },
      {
        session: context.session,
        dryRun: context.dryRun,
        overwrite: context.overwrite,
        ...(context.targetTags && { targetTags: context.targetTags }),
      },
    );
    return {
      ...base,
      digest: result.digest,
      action: result.action === 'copied' && context.dryRun ? 'would copy' : result.action,
      size: result.size,
      bytesUploaded: result.bytesUploaded,
      ...(result.existingDigest !== undefined && { existingDigest: result.existingDigest }),
    };
  } catch (error) {
    return {
      ...base,
      digest: byDigest ? image.reference : '',
      action: 'failed',
      size: 0,
      bytesUploaded: 0,
      error: (error as Error).message,
    };
  }
}

function progressText(
  outcomes: Outcome[],
  total: number,
  session: CopySession,
  seconds: number,
  dryRun: boolean,
): string {
  const count = (action: Outcome['action']) => outcomes.filter((outcome) => outcome.action === action).length;
  const bytes = dryRun ? session.bytesUploaded : session.bytesStreamed;
  return (
    `copy-tags: ${outcomes.length}/${total} tags (${dryRun ? 'would copy' : 'copied'} ${count(dryRun ? 'would copy' : 'copied')}, skipped ${count('skipped')}, conflicts ${count('conflict')}, failed ${count('failed')}), ` +
    `${formatBytes(bytes)} ${dryRun ? 'to upload' : `uploaded, ${formatRate(bytes, seconds)}`}, ${seconds.toFixed(0)} s`
  );
}
