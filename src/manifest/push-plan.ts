import { UsageError } from '../shared/errors.js';
import type { Manifest, RegistrySpec } from './model.js';
import { mapRepository } from './paths.js';
import { oldRegistrySkippedReason, phaseAt, pushTargets, type Phase, type RegistryRole } from './timeline.js';
import {
  isValidHost,
  isValidRepositoryPath,
  isValidTag,
  parseReference,
  parseRepositoryReference,
} from '../oci/reference.js';

/** One registry a push goes to, with the repository path it has there. */
export interface PushTarget {
  role: RegistryRole;
  registry: RegistrySpec;
  repository: string;
  /** `host/repository`, the name the engine pushes. */
  name: string;
}

/** A registry the timeline leaves out today, and why. */
export interface SkippedTarget {
  role: RegistryRole;
  host: string;
  reason: string;
}

/** Where one image goes on one day. */
export interface PushPlan {
  phase: Phase;
  /** The repository path in the old registry (what the manifest's `produces` and `paths` speak of). */
  repository: string;
  tags: string[];
  targets: PushTarget[];
  skipped: SkippedTarget[];
}

/** True for a local image ID (`sha256:…` or a hex prefix), which names no repository. */
function isImageId(text: string): boolean {
  return /^sha256:[a-f0-9]{12,64}$/.test(text) || /^[a-f0-9]{12,64}$/.test(text);
}

/**
 * The repository path and tag a local image name gives: `registry.example.com/team/api:1.2` →
 * `team/api`, `1.2`; `api:build` → `api`, `build` (no `library/` as Docker Hub would add). An
 * image ID gives neither.
 * @throws UsageError when the name is not a valid reference
 */
export function ownPathOf(image: string): { repository?: string; tag?: string } {
  if (isImageId(image)) return {};
  try {
    const slash = image.indexOf('/');
    const first = slash >= 0 ? image.slice(0, slash) : '';
    const hasHost = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
    if (hasHost && isValidHost(first)) {
      const parsed = parseReference(image);
      return { repository: parsed.repository, ...(parsed.tag !== undefined && { tag: parsed.tag }) };
    }
    const parsed = parseRepositoryReference(image);
    return { repository: parsed.repository, ...(parsed.tag !== undefined && { tag: parsed.tag }) };
  } catch (error) {
    throw new UsageError(
      `--image: expected a local image name or ID, found "${image}": ${(error as Error).message}`,
    );
  }
}

/**
 * Plans a push on `today`: the repository (given, or the image's own path), the tags (given, or
 * the image's tag, or `latest`), and the registries the timeline sends it to — the new registry
 * under the path the manifest's `paths` map it to.
 * @throws UsageError for an invalid repository or tag, or an image ID without `--repository`
 */
export function planPush(
  manifest: Manifest,
  today: string,
  request: { image: string; repository?: string; tags: string[] },
): PushPlan {
  const own = ownPathOf(request.image);
  const repository = request.repository ?? own.repository;
  if (!repository) {
    throw new UsageError(`--image ${request.image} is an image ID: name the repository with --repository`);
  }
  if (!isValidRepositoryPath(repository)) {
    throw new UsageError(
      `--repository: expected a repository path such as "team/api" (lower-case letters, digits, . _ - separators, components joined by /), found "${repository}"`,
    );
  }
  const tags = request.tags.length > 0 ? [...new Set(request.tags)] : [own.tag ?? 'latest'];
  for (const tag of tags) {
    if (!isValidTag(tag)) {
      throw new UsageError(
        `--tag: expected a tag (letters, digits, _ . -, at most 128, not starting with . or -), found "${tag}"`,
      );
    }
  }
  const phase = phaseAt(manifest.timeline, today);
  const paths = { old: repository, new: mapRepository(repository, manifest.paths) };
  if (!isValidRepositoryPath(paths.new)) {
    throw new UsageError(
      `the manifest's paths map "${repository}" to "${paths.new}", which is not a valid repository path`,
    );
  }
  const targets = pushTargets(phase).map((role): PushTarget => {
    const registry = manifest.registries[role];
    return { role, registry, repository: paths[role], name: `${registry.host}/${paths[role]}` };
  });
  const reason = oldRegistrySkippedReason(manifest.timeline, phase);
  const skipped: SkippedTarget[] =
    reason && !targets.some((target) => target.role === 'old')
      ? [{ role: 'old', host: manifest.registries.old.host, reason }]
      : [];
  if (phase === 'before') {
    skipped.push({
      role: 'new',
      host: manifest.registries.new.host,
      reason: `the new registry opens on ${manifest.timeline.available}`,
    });
  }
  return { phase, repository, tags, targets, skipped };
}
