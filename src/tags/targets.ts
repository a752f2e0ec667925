/**
 * Today's full references for an image about to be built: the tags a build should push (old,
 * both, or new registry, by the timeline), in the form docker/build-push-action's `tags:` takes.
 */
import { UsageError } from '../shared/errors.js';
import type { Manifest } from '../manifest/model.js';
import type { Phase, RegistryRole } from '../manifest/timeline.js';
import { hostPart, roleOfHost } from '../manifest/hosts.js';
import { isValidTag, parseRepositoryReference } from '../oci/reference.js';
import { planPush, type PushTarget, type SkippedTarget } from '../manifest/push-plan.js';

/** One image (repository in the old registry) and the tags asked for it. */
export interface TaggedImage {
  /** The repository path in the old registry. */
  repository: string;
  tags: string[];
  /** Where it goes today, each with its repository path there. */
  targets: PushTarget[];
}

/** Where every tag goes today. */
export interface TagsPlan {
  today: string;
  phase: Phase;
  images: TaggedImage[];
  /** `host/repository:tag`, one per target and tag, in the timeline's order (old before new). */
  references: string[];
  /** The hosts written to today. */
  registries: string[];
  skipped: SkippedTarget[];
}

/** One full reference of a {@link TagsPlan}, with the registry it names. */
export interface PlannedReference {
  role: RegistryRole;
  host: string;
  repository: string;
  tag: string;
  reference: string;
}

/**
 * Reads one line of `--tags`: a bare tag (`1.2`, with `--repository`), `repository:tag` (what
 * docker/metadata-action writes for `images: api`), or `old-host/repository:tag`.
 * @throws UsageError naming the line, for anything else
 */
export function parseTagLine(
  manifest: Manifest,
  line: string,
  number: number,
  repository: string | undefined,
): { repository: string; tag: string } {
  const where = `--tags line ${number} ("${line}")`;
  if (!line.includes(':') && !line.includes('/') && !line.includes('@')) {
    if (!isValidTag(line))
      throw new UsageError(
        `${where}: expected a tag (letters, digits, _ . -, at most 128, not starting with . or -)`,
      );
    if (!repository)
      throw new UsageError(`${where}: a bare tag needs --repository (the image's path in the old registry)`);
    return { repository, tag: line };
  }
  const host = hostPart(line);
  if (host !== undefined) {
    const role = roleOfHost(manifest, host);
    if (role !== 'old')
      throw new UsageError(
        `${where}: name images by their path in the old registry ${manifest.registries.old.host} (or without a host); ${role === 'new' ? 'the manifest’s paths give the new registry’s path' : `${host} is not a registry of the manifest`}`,
      );
  }
  let parsed;
  try {
    parsed = parseRepositoryReference(host === undefined ? line : line.slice(host.length + 1));
  } catch (error) {
    throw new UsageError(`${where}: ${(error as Error).message}`);
  }
  if (parsed.digest !== undefined) throw new UsageError(`${where}: expected a tag, not a digest`);
  return { repository: repository ?? parsed.repository, tag: parsed.tag ?? 'latest' };
}

/**
 * Plans today's references for the given lines: grouped by repository, each sent where `push`
 * would send it (the same read-only and shutdown rules).
 * @throws UsageError for a line that is not a tag or image name, or no line at all
 */
export function planTags(
  manifest: Manifest,
  today: string,
  request: { repository?: string; lines: string[] },
): TagsPlan {
  const lines = request.lines.map((line) => line.trim()).filter((line) => line.length > 0);
  if (lines.length === 0 && request.repository === undefined)
    throw new UsageError('--tags: expected at least one tag or image name (one per line)');
  const wanted = new Map<string, string[]>();
  if (lines.length === 0) wanted.set(request.repository!, ['latest']);
  lines.forEach((line, index) => {
    const { repository, tag } = parseTagLine(manifest, line, index + 1, request.repository);
    const tags = wanted.get(repository) ?? [];
    if (!tags.includes(tag)) tags.push(tag);
    wanted.set(repository, tags);
  });
  const images: TaggedImage[] = [];
  let phase: Phase = 'dual';
  let skipped: SkippedTarget[] = [];
  for (const [repository, tags] of wanted) {
    const plan = planPush(manifest, today, { image: repository, repository, tags });
    phase = plan.phase;
    skipped = plan.skipped;
    images.push({ repository, tags: plan.tags, targets: plan.targets });
  }
  const references = plannedReferences({ images }).map((planned) => planned.reference);
  const registries = [...new Set(images.flatMap((image) => image.targets.map((t) => t.registry.host)))];
  return { today, phase, images, references, registries, skipped };
}

/** Every reference of a plan with its registry, target by target. */
export function plannedReferences(plan: Pick<TagsPlan, 'images'>): PlannedReference[] {
  return plan.images.flatMap((image) =>
    image.targets.flatMap((target) =>
      image.tags.map((tag) => ({
        role: target.role,
        host: target.registry.host,
        repository: target.repository,
        tag,
        reference: `${target.name}:${tag}`,
      })),
    ),
  );
}
