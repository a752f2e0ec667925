/**
 * `copy-tags --verify-only`: after every shard ran, each selected reference must resolve in the new
 * registry to the digest it has in the old one, every index child (platforms and attestation
 * manifests) included. Nothing is written.
 */
import type { RegistryClient } from '../oci/client.js';
import { formatRepositoryReference, isValidDigest } from '../oci/reference.js';
import { mapLimited } from '../shared/limiter.js';
import { verifyReferences, type ReferenceCheck, type VerifyProblem } from '../verify/verify.js';
import type { Selection } from './select.js';

/** One selected reference, checked in both registries. */
export interface CopyCheck {
  source: string;
  target: string;
  digest?: string;
  platforms: string[];
  attestations: number;
  ok: boolean;
}

/** The outcome of {@link verifyCopies}. */
export interface CopiesVerification {
  checks: CopyCheck[];
  problems: VerifyProblem[];
}

/** Checks every selected reference: old and new resolve to one digest, index children all present. */
export async function verifyCopies(
  selection: Selection,
  source: RegistryClient,
  target: RegistryClient,
  concurrency: number,
): Promise<CopiesVerification> {
  const clients = { old: source, new: target };
  const results = await mapLimited(selection.images, concurrency, async (image) => {
    const name = (repository: string) =>
      formatRepositoryReference({
        repository,
        ...(isValidDigest(image.reference) ? { digest: image.reference } : { tag: image.reference }),
      });
    const sides = [
      { role: 'old' as const, host: source.host, repository: image.sourceRepository },
      { role: 'new' as const, host: target.host, repository: image.targetRepository },
    ].map((side) => ({ ...side, tag: image.reference, reference: `${side.host}/${name(side.repository)}` }));
    const report = await verifyReferences(sides, (role) => clients[role], {
      concurrency: 2,
      fix: () => 'run copy-tags again (the shard that owns this repository, or all of them)',
    });
    const [from, to] = report.checks as [ReferenceCheck, ReferenceCheck];
    const check: CopyCheck = {
      source: from.reference,
      target: to.reference,
      ...(from.digest !== undefined && { digest: from.digest }),
      platforms: from.platforms,
      attestations: from.attestations,
      ok: report.problems.length === 0,
    };
    return { check, problems: report.problems };
  });
  return {
    checks: results.map((result) => result.check),
    problems: results.flatMap((result) => result.problems),
  };
}
