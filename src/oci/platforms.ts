/**
 * What a multi-platform image is made of. Buildx adds one attestation manifest per platform to the
 * index (provenance and SBOM, platform `unknown/unknown`, annotated
 * `vnd.docker.reference.type: attestation-manifest`): part of the image, copied and counted with it,
 * never a platform of its own.
 */
import type { Descriptor, ParsedManifest } from './media.js';

/** True for Buildx's attestation manifests (and any child whose platform is unknown/unknown). */
export function isAttestation(child: Descriptor): boolean {
  return (
    child.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (child.platform?.os === 'unknown' && child.platform.architecture === 'unknown')
  );
}

/** `os/architecture[/variant]` of an index child. */
export function platformName(child: Descriptor): string {
  const { os = '?', architecture = '?', variant } = child.platform ?? {};
  return `${os}/${architecture}${variant ? `/${variant}` : ''}`;
}

/** The parts of an image: its platforms (attestations left out) and how many attestation manifests it has. */
export interface ImageParts {
  /** Platforms of an index, e.g. `linux/arm64`; empty for a single-platform manifest. */
  platforms: string[];
  attestations: number;
  /** Every child manifest of an index, attestation manifests included. */
  children: Descriptor[];
}

/** Splits a parsed manifest into platforms and attestation manifests. */
export function partsOf(parsed: ParsedManifest): ImageParts {
  if (!parsed.isIndex) return { platforms: [], attestations: 0, children: [] };
  return {
    platforms: parsed.manifests.filter((child) => !isAttestation(child)).map(platformName),
    attestations: parsed.manifests.filter(isAttestation).length,
    children: parsed.manifests,
  };
}
