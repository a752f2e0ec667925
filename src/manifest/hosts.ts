/** Which registry of the manifest a reference names, read from the reference's text. */
import type { Manifest } from './model.js';
import type { RegistryRole } from './timeline.js';
import { normalizeHost } from '../oci/reference.js';

/** The role of a registry host in the manifest (aliases of the old one included), if it is one. */
export function roleOfHost(manifest: Manifest, host: string): RegistryRole | undefined {
  const wanted = normalizeHost(host);
  const { old, new: next } = manifest.registries;
  if ([old.host, ...old.aliases].some((name) => normalizeHost(name) === wanted)) return 'old';
  if (normalizeHost(next.host) === wanted) return 'new';
  return undefined;
}

/** The first path component when it names a registry host (`.` or `:` in it, or `localhost`). */
export function hostPart(text: string): string | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const first = text.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined;
}
