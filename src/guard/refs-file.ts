import type { RefsFileReference } from '../copy/refs-file.js';
import type { Finding } from './finding.js';

/**
 * The old-registry references among the findings, for `--export-refs` (the file format is owned by
 * src/registry/refs-file.ts, which copy-tags reads). A reference without tag or digest is written
 * with `tag: latest`, as Docker pulls it; ignored findings and references whose tag comes from a
 * variable without a value are left out. References built from variables and registry prefixes are
 * not images: see {@link exportedPrefixes}.
 */
export function exportedReferences(findings: readonly Finding[]): RefsFileReference[] {
  return findings
    .filter((finding) => !finding.ignored && !finding.partial && !finding.dynamic && !finding.wholeRepository)
    .map(({ image: { repository, tag, digest } }) => ({
      repository,
      ...(tag !== undefined || digest === undefined ? { tag: tag ?? 'latest' } : {}),
      ...(digest !== undefined && { digest }),
    }));
}

/**
 * Repository path prefixes of `dynamic` and `registry-prefix` findings, and the repositories whose
 * every tag a command lists or syncs (`crane ls`, `skopeo sync`), for the refs file's `prefixes`.
 */
export function exportedPrefixes(findings: readonly Finding[]): string[] {
  return findings
    .filter(
      (finding) =>
        !finding.ignored &&
        (finding.kind === 'dynamic' || finding.kind === 'registry-prefix' || finding.wholeRepository),
    )
    .map((finding) => finding.image.repository);
}
