import type { RegistrySpec } from '../manifest/model.js';
import { normalizeHost, parseReference } from '../oci/reference.js';
import type { LocalImage } from './engine.js';

/** Labels that name the image an image was built from (OCI annotations and common build tools). */
export const BASE_IMAGE_LABELS = [
  'org.opencontainers.image.base.name',
  'org.label-schema.base-image',
  'io.buildah.base-image',
] as const;

/** A place in a built image that names an image in the old registry. */
export interface OldRegistryTrace {
  /** `label org.opencontainers.image.base.name` or `history step 3`. */
  where: string;
  reference: string;
}

/** Words in a history step that could be image references: `FROM x`, `COPY --from=x`, `--mount=from=x`. */
function candidateWords(text: string): string[] {
  return text
    .split(/[\s"'=,;]+/)
    .map((word) => word.replace(/^[([{]+|[)\]}]+$/g, ''))
    .filter((word) => word.includes('/') && !word.startsWith('/') && !word.includes('://'));
}

/** True when `text` is a full reference whose registry is exactly the old host or one of its aliases. */
function namesRegistry(text: string, hosts: ReadonlySet<string>): boolean {
  const slash = text.indexOf('/');
  if (slash <= 0 || !hosts.has(normalizeHost(text.slice(0, slash)))) return false;
  try {
    return hosts.has(parseReference(text).registry);
  } catch {
    return false;
  }
}

/**
 * Finds where a built image names the old registry: its base-image labels and the `created_by` of
 * its history (`COPY --from=…`, `FROM …` recorded by some builders). Hosts match exactly, aliases
 * included, so `registry.old.example.com.evil.io` is not the old registry.
 */
export function findOldRegistryTraces(image: LocalImage, old: RegistrySpec): OldRegistryTrace[] {
  const hosts = new Set([old.host, ...old.aliases].map(normalizeHost));
  const traces: OldRegistryTrace[] = [];
  for (const label of BASE_IMAGE_LABELS) {
    const value = image.labels[label]?.trim();
    if (value && namesRegistry(value, hosts)) traces.push({ where: `label ${label}`, reference: value });
  }
  // The engine lists history newest first; people count Dockerfile steps from the top.
  const steps = [...image.history].reverse();
  steps.forEach((createdBy, index) => {
    for (const word of new Set(candidateWords(createdBy))) {
      if (namesRegistry(word, hosts)) traces.push({ where: `history step ${index + 1}`, reference: word });
    }
  });
  return traces;
}
