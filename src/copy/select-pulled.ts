/**
 * Selecting old tags by use: the `pulled: {days: N}` copy rules (every tag pulled from the old registry in
 * the last N days, every digest pulled by digest) and the images workloads run or are templated on
 * (always, whatever the rules), from `copy-tags --evidence`. No registry API tells which tags are still
 * used; its logs and the clusters do.
 */
import picomatch from 'picomatch';
import type { CopyRule } from '../manifest/schema.js';
import type { RegistryClient } from '../oci/client.js';
import { RegistryError } from '../oci/errors.js';
import { parseReference } from '../oci/reference.js';
import type { ImagePulls, PullEvidence, WorkloadUse } from '../pulls/aggregate.js';

const DAY_MS = 86_400_000;

/** What the selection by use needs from `selectImages`. */
export interface UseSelectionContext {
  rules: readonly CopyRule[];
  /** The evidence (`--evidence`), undefined when none was given. */
  evidence: PullEvidence | undefined;
  /** `--only` and a shard's share. */
  only: (repository: string) => boolean;
  source: RegistryClient;
  /** The old registry's tags by repository, listed once and shared with the other rules. */
  tagLists: Map<string, string[]>;
  /** A tag predicate from the rule's `tags:` globs (select.ts's, so `!` excludes mean the same). */
  tagMatcher: (globs: string[] | undefined) => (tag: string) => boolean;
  choose: (repository: string, reference: string, reason: string) => void;
  /** A tag or digest in use that the old registry does not have. */
  missing: (repository: string, reference: string, by: string) => void;
  warnings: string[];
}

/** The context, with the digests already asked about (many workloads share an image). */
interface Context extends UseSelectionContext {
  heads: Map<string, Promise<boolean>>;
}

/** Adds the tags and digests chosen by use to the selection. */
export async function selectByUse(given: UseSelectionContext): Promise<void> {
  const context: Context = { ...given, heads: new Map() };
  const { rules, evidence } = context;
  const pulledRules = [...rules.entries()].filter(([, rule]) => rule.pulled !== undefined);
  if (evidence === undefined) {
    if (pulledRules.length > 0)
      context.warnings.push(
        `${pulledRules.map(([index]) => `copy[${index}]`).join(', ')} select by pulls (pulled:), but no --evidence was given: they chose nothing`,
      );
    return;
  }
  if (pulledRules.length === 0 && evidence.images.length > 0)
    context.warnings.push(
      `no copy rule has pulled:, so the ${evidence.images.length} images pulled in the evidence chose nothing (workloads' images are chosen all the same)`,
    );
  const end = Date.parse(evidence.window.to);
  for (const [index, rule] of pulledRules) {
    const days = rule.pulled!.days;
    if (days > evidence.window.days)
      context.warnings.push(
        `copy[${index}] asks for ${days} days of pulls, but the evidence was read for ${evidence.window.days} (--days)`,
      );
    const from = end - days * DAY_MS;
    const repoMatches = rule.images ? picomatch(rule.images) : () => true;
    const tagFilter = context.tagMatcher(rule.tags);
    for (const image of evidence.images) {
      if (!context.only(image.repository) || !repoMatches(image.repository)) continue;
      if (image.last !== undefined && Date.parse(image.last) < from) continue;
      const reason = `copy[${index}] (${pullNote(image)})`;
      if (image.tag !== undefined) {
        if (tagFilter(image.tag)) await chooseTag(context, image.repository, image.tag, reason);
      } else if (image.digest !== undefined) {
        // Pulled by digest: copied by digest even when no tag points at it, so pins keep working.
        await chooseDigest(context, image.repository, image.digest, reason);
      }
    }
  }
  for (const use of evidence.workloads) await chooseWorkload(context, use);
}

/** `pulled 14×, last 2020-09-30, containerd/1.7` (the top client's product token, or who it is). */
export function pullNote(image: Pick<ImagePulls, 'pulls' | 'last' | 'clients'>): string {
  const top = image.clients[0];
  const client = top === undefined ? undefined : (top.agent?.split(/\s+/)[0] ?? top.identity ?? top.address);
  return [`pulled ${image.pulls}×`, image.last && `last ${image.last.slice(0, 10)}`, client]
    .filter(Boolean)
    .join(', ');
}

/** The tags of a repository, none when the old registry does not have it (a deleted repository). */
async function tagsOf(context: UseSelectionContext, repository: string): Promise<string[]> {
  let tags = context.tagLists.get(repository);
  if (tags === undefined) {
    try {
      tags = await context.source.listTags(repository);
    } catch (error) {
      if (!(error instanceof RegistryError) || error.status !== 404) throw error;
      tags = [];
    }
    context.tagLists.set(repository, tags);
  }
  return tags;
}

async function chooseTag(context: UseSelectionContext, repository: string, tag: string, reason: string) {
  if ((await tagsOf(context, repository)).includes(tag)) context.choose(repository, tag, reason);
  else context.missing(repository, tag, reason);
}

async function chooseDigest(
  context: UseSelectionContext,
  repository: string,
  digest: string,
  reason: string,
) {
  if ((await context.source.headManifest(repository, digest)) !== undefined)
    context.choose(repository, digest, reason);
  else context.missing(repository, digest, reason);
}

/**
 * A workload's image, whatever the rules: its tag (or the digest it names), and the digest its pods
 * run, so a rollback or a restart on another node finds the very image.
 */
async function chooseWorkload(context: Context, use: WorkloadUse): Promise<void> {
  let reference;
  try {
    reference = parseReference(use.image);
  } catch {
    return; // the aggregation keeps only images it could parse
  }
  const repository = reference.repository;
  if (!context.only(repository)) return;
  const reason = `workload ${use.cluster}/${use.namespace} ${use.kind}/${use.name} (${use.running ? 'running' : (use.note ?? 'not running')})`;
  if (reference.digest !== undefined) await chooseDigest(context, repository, reference.digest, reason);
  else await chooseTag(context, repository, reference.tag ?? 'latest', reason);
  if (use.runningDigest !== undefined && use.runningDigest !== reference.digest)
    await chooseDigest(context, repository, use.runningDigest, `${reason}, digest its pods run`);
}
