import { writeFileSync } from 'node:fs';
import type { RepositoryReference } from '../registry/reference.js';
import type { Finding } from './finding.js';

/** The `--export-refs` file, read by `copy-tags --refs`. */
export interface RefsFile {
  version: 1;
  registry: string;
  references: RepositoryReference[];
}

/**
 * The old-registry references found, deduplicated and sorted: repository plus tag and/or digest.
 * A reference without either means `latest`, as Docker reads it; references whose tag comes from a
 * variable without a value are left out, since the tag is not known.
 */
export function refsFileOf(registry: string, findings: readonly Finding[]): RefsFile {
  const unique = new Map<string, RepositoryReference>();
  for (const finding of findings) {
    if (finding.ignored || finding.partial) continue;
    const { repository, tag, digest } = finding.image;
    const reference: RepositoryReference = {
      repository,
      ...(tag !== undefined || digest === undefined ? { tag: tag ?? 'latest' } : {}),
      ...(digest !== undefined && { digest }),
    };
    unique.set(JSON.stringify([repository, reference.tag ?? '', digest ?? '']), reference);
  }
  const references = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  return { version: 1, registry, references };
}

/** Writes the refs file (JSON, trailing newline). */
export function writeRefsFile(file: string, refs: RefsFile): void {
  writeFileSync(file, `${JSON.stringify(refs, null, 2)}\n`);
}
