/**
 * The proof after a push: every reference resolves, in every registry, to one digest, and every
 * child of an index (platform images and attestation manifests) is there too.
 */
import type { RegistryRole } from '../manifest/timeline.js';
import type { RegistryClient } from '../oci/client.js';
import { parseImageManifest } from '../oci/media.js';
import { mapLimited } from '../shared/limiter.js';
import { partsOf, platformName } from '../oci/platforms.js';

/** One reference to check, with the registry it names. */
export interface ReferenceToVerify {
  role: RegistryRole;
  host: string;
  repository: string;
  /** A tag (or a digest). */
  tag: string;
  reference: string;
}

/** What one reference resolved to. */
export interface ReferenceCheck extends ReferenceToVerify {
  /** Undefined when the registry does not have it. */
  digest?: string;
  /** Platforms of the index (attestations not counted), empty for a single image. */
  platforms: string[];
  attestations: number;
  /** Index children the registry lacks (`digest (platform)`). */
  missingChildren: string[];
}

/** One thing wrong, and what to do about it. */
export interface VerifyProblem {
  reference: string;
  kind: 'missing' | 'differs' | 'missing-child';
  message: string;
}

/** The outcome of {@link verifyReferences}. */
export interface VerifyReport {
  /** The digest every reference must have: the one given, else the first found. */
  expected?: string;
  checks: ReferenceCheck[];
  problems: VerifyProblem[];
}

/**
 * Resolves every reference in its registry and compares the digests with `expected` (or the first
 * found); for an index, HEADs each child by digest in every repository that has the index.
 */
export async function verifyReferences(
  references: ReferenceToVerify[],
  clientFor: (role: RegistryRole) => RegistryClient,
  options: {
    expected?: string;
    concurrency?: number;
    /** What to do about a problem, given the expected digest. */
    fix?: (expected: string | undefined) => string;
  } = {},
): Promise<VerifyReport> {
  const concurrency = options.concurrency ?? 8;
  const heads = await mapLimited(references, concurrency, async (ref) => ({
    ref,
    head: await clientFor(ref.role).headManifest(ref.repository, ref.tag),
  }));
  const expected = options.expected ?? heads.find((entry) => entry.head)?.head?.digest;
  // Each repository's index is read once, whatever number of tags point at it.
  const parts = new Map<
    string,
    Promise<Pick<ReferenceCheck, 'platforms' | 'attestations' | 'missingChildren'>>
  >();
  const partsIn = (ref: ReferenceToVerify, digest: string) => {
    const key = `${ref.host} ${ref.repository} ${digest}`;
    let found = parts.get(key);
    if (!found) {
      found = (async () => {
        const client = clientFor(ref.role);
        const manifest = await client.getManifest(ref.repository, digest);
        const image = partsOf(parseImageManifest(manifest.bytes, manifest.mediaType));
        const present = await mapLimited(
          image.children,
          concurrency,
          async (child) => (await client.headManifest(ref.repository, child.digest))?.digest === child.digest,
        );
        const missingChildren = image.children
          .filter((_, index) => !present[index])
          .map((child) => `${child.digest} (${platformName(child)})`);
        return { platforms: image.platforms, attestations: image.attestations, missingChildren };
      })();
      parts.set(key, found);
    }
    return found;
  };
  const checks = await Promise.all(
    heads.map(async ({ ref, head }): Promise<ReferenceCheck> => {
      if (!head) return { ...ref, platforms: [], attestations: 0, missingChildren: [] };
      return { ...ref, digest: head.digest, ...(await partsIn(ref, head.digest)) };
    }),
  );
  const fix = options.fix?.(expected) ?? 'push the image again';
  const problems: VerifyProblem[] = [];
  for (const check of checks) {
    if (check.digest === undefined)
      problems.push({
        reference: check.reference,
        kind: 'missing',
        message: `${check.reference} does not exist${expected ? ` (expected ${expected})` : ''}: ${fix}`,
      });
    else if (check.digest !== expected)
      problems.push({
        reference: check.reference,
        kind: 'differs',
        message: `${check.reference} is ${check.digest}, expected ${expected}: the tag was re-pointed or pushed apart; ${fix}`,
      });
    for (const child of check.missingChildren)
      problems.push({
        reference: check.reference,
        kind: 'missing-child',
        message: `${check.reference}: the registry lacks the index's child ${child}: ${fix}`,
      });
  }
  return { ...(expected !== undefined && { expected }), checks, problems };
}
