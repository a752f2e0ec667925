import type { CopyResult } from '../copy/copy.js';
import { RegistryError } from '../oci/errors.js';
import { mapLimited } from '../shared/limiter.js';

/**
 * The signatures, attestations and referrers `push --from` copies after the image. They are the
 * source's word: a referrers answer may list manifests the source does not have (or cannot serve).
 * Those are skipped with a warning and the count — the image and its tags are pushed without them —
 * and the cost is bounded: at most {@link MAX_ARTIFACTS} are tried, and after
 * {@link MAX_MISSING_ARTIFACTS} missing ones the rest are not tried.
 */

/** Artifacts of one image copied at most (real images have a handful: signatures, SBOMs, provenance). */
export const MAX_ARTIFACTS = 256;
/** Missing or unreadable artifacts after which the others are skipped without a request. */
export const MAX_MISSING_ARTIFACTS = 10;
/** Artifact copies in flight at once. */
const ARTIFACT_CONCURRENCY = 8;

/** One artifact as the source lists it: a cosign tag or a referrer's digest. */
export type Artifact = { tag: string } | { digest: string };

/** What {@link copyArtifacts} did. */
export interface ArtifactCopies {
  copied: { reference: string; result: CopyResult }[];
  /** One line per kind of artifact skipped (referrers, tags), with the count and why. */
  warnings: string[];
}

/**
 * Copies each artifact with `copy`; one the source cannot serve (`sourceHost` answered 404, or
 * something that is not a valid manifest, or refused it) is skipped, and after
 * {@link MAX_MISSING_ARTIFACTS} of them the others are skipped untried. Failures of the target
 * still fail the push.
 */
export async function copyArtifacts(
  artifacts: readonly Artifact[],
  image: string,
  sourceHost: string,
  copy: (reference: string) => Promise<CopyResult>,
): Promise<ArtifactCopies> {
  const tried = artifacts.slice(0, MAX_ARTIFACTS);
  const skipped: { artifact: Artifact; why: string }[] = artifacts
    .slice(MAX_ARTIFACTS)
    .map((artifact) => ({ artifact, why: `more than ${MAX_ARTIFACTS} listed` }));
  let missing = 0;
  const copied: ArtifactCopies['copied'] = [];
  await mapLimited(tried, ARTIFACT_CONCURRENCY, async (artifact) => {
    const reference = 'tag' in artifact ? artifact.tag : artifact.digest;
    if (missing >= MAX_MISSING_ARTIFACTS) {
      skipped.push({ artifact, why: `not tried after ${MAX_MISSING_ARTIFACTS} missing` });
      return;
    }
    try {
      copied.push({ reference, result: await copy(reference) });
    } catch (error) {
      if (!unservable(error, sourceHost)) throw error;
      missing++;
      skipped.push({ artifact, why: (error as Error).message.replace(/\s+/g, ' ').slice(0, 300) });
    }
  });
  return { copied, warnings: describeSkipped(skipped, image) };
}

/** True when the source could not serve the artifact (not when the target failed). */
function unservable(error: unknown, sourceHost: string): boolean {
  return (
    error instanceof RegistryError &&
    error.host === sourceHost &&
    ['not-found', 'invalid-response', 'refused', 'digest-mismatch'].includes(error.kind)
  );
}

function describeSkipped(skipped: { artifact: Artifact; why: string }[], image: string): string[] {
  const lines: string[] = [];
  for (const [kind, name] of [
    ['digest', 'referrers'],
    ['tag', 'signature/attestation tags'],
  ] as const) {
    const ones = skipped.filter(({ artifact }) => kind in artifact);
    if (ones.length === 0) continue;
    const failed = ones.filter(({ why }) => !why.startsWith('not tried') && !why.startsWith('more than'));
    const untried = ones.length - failed.length;
    lines.push(
      `${ones.length} ${name} of ${image} skipped: ${failed.length} the source lists but cannot serve${failed[0] ? ` (first: ${failed[0].why})` : ''}${untried > 0 ? `, ${untried} not tried (at most ${MAX_ARTIFACTS} tried, none after ${MAX_MISSING_ARTIFACTS} missing)` : ''}; the image and its tags are pushed without them`,
    );
  }
  return lines;
}
