import type { Candidate } from './finding.js';
import type { Variables } from './source.js';
import { helmGlobalRegistry } from './yaml/helm-global.js';
import { hubValuesCandidates } from './yaml/hub-values.js';
import { kustomization, type YamlRole } from './yaml/image-forms.js';
import { parsedCandidates } from './yaml/parsed.js';
import { plainImageLines } from './yaml/plain-lines.js';
import { hostLineStarts, keyLineStarts, regionKind, regionsOf } from './yaml/regions.js';
import { simpleRegion } from './yaml/simple-region.js';

export type { YamlRole } from './yaml/image-forms.js';

/**
 * Finds image references in YAML by structure, with exact byte positions from the parser (no
 * re-serialisation, so a fix touches only the reference): `image:` strings (with Compose
 * interpolation), the split `registry`/`repository`/`tag`/`digest` form of Helm values, workflow
 * `container:` (string or object), `services`, `uses: docker://…`, and action `runs.image`.
 * Documents with syntax errors (Helm templates, say) are left to the plain-text pass.
 */
export function yamlCandidates(
  source: string,
  role: YamlRole,
  names: readonly string[] = [],
  file = '',
  env?: Variables,
  lineStarts?: readonly number[],
): Candidate[] {
  // Where the lines that name the registry (in any case) start: found once per file.
  const hostLines = names.length > 0 ? (lineStarts ?? hostLineStarts(source, names)) : [];
  // Compose `.env` values naming the registry: the lines using them do not name it; read it all.
  if (env && [...env.values()].some((value) => names.some((name) => value.text.toLowerCase().includes(name))))
    return parsedCandidates(source, role, file, { start: 0, end: source.length }, undefined, env) ?? [];
  // Docker Hub (no names to search for): Helm values are read around their image keys only.
  const hubValues =
    names.length === 0 && role === 'helm-values' ? hubValuesCandidates(source, file) : undefined;
  if (hubValues) return hubValues;
  const quick = plainImageLines(source, role, names, hostLines);
  if (quick) return quick;
  // Parse only the subtrees around the lines that name the registry (when the registry is named:
  // host-less Docker Hub references need the whole file): the parse costs far more than the search.
  // (Kustomize's images: entries are read by their path from the root.)
  const partial = names.length > 0 && role !== 'workflow' && role !== 'action' && !kustomization(file);
  const globalRegistry =
    partial && role === 'helm-values' ? helmGlobalRegistry(source, names, hostLines) : undefined;
  // A global block written another way (`global: { imageRegistry: … }`, an anchor, a comment on
  // its line) is not looked up line by line: the whole parse reads it.
  if (globalRegistry === 'parse all')
    return parsedCandidates(source, role, file, { start: 0, end: source.length }) ?? [];
  // Every image of the chart without a registry of its own inherits the global one: the blocks of
  // their `repository:` lines are read too.
  const inherited =
    globalRegistry !== undefined && names.some((name) => globalRegistry.text.toLowerCase() === name);
  const regions = partial
    ? regionsOf(source, names, inherited ? keyLineStarts(source, 'repository:') : undefined, hostLines)
    : [];
  if (regions.length > 0) {
    const found: Candidate[] = [];
    for (const region of regions) {
      const kind = regionKind(source, region.start, role);
      const part =
        simpleRegion(source, region, kind, globalRegistry) ??
        parsedCandidates(source, role, file, region, { kind, globalRegistry });
      // A fragment the parser cannot read alone (an alias, a flow collection cut in two): read it all.
      if (!part) return parsedCandidates(source, role, file, { start: 0, end: source.length }) ?? [];
      found.push(...part);
    }
    return found;
  }
  return parsedCandidates(source, role, file, { start: 0, end: source.length }) ?? [];
}
