import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Node,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import type { Candidate, FindingKind } from '../finding.js';
import { concat, expand, slice, type MappedText, type Variables } from '../source.js';
import {
  certainty,
  inPodSpec,
  kustomization,
  scalarCandidateOf,
  splitFormOf,
  type Path,
  type YamlRole,
} from './image-forms.js';
import type { Region } from './regions.js';

/** Documents of `source[region]` (undefined when a document of a part has syntax errors). */
export function parseRegion(source: string, region: Region, whole: boolean) {
  // Broken YAML (a Helm template, a fragment) makes the parser build many errors; their stack
  // traces are never read and cost more than the parse itself.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const documents = parseAllDocuments(source.slice(region.start, region.end), {
      keepSourceTokens: false,
      uniqueKeys: false,
    });
    if (!Array.isArray(documents)) return whole ? [] : undefined;
    if (!whole && documents.some((document) => document.errors.length > 0)) return undefined;
    return documents;
  } catch {
    return whole ? [] : undefined;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * Candidates from parsing `region` of the file; `given` fixes what a subtree cannot tell: the kind
 * of its document and the chart's global registry. Undefined when a subtree does not parse alone.
 */
export function parsedCandidates(
  source: string,
  role: YamlRole,
  file: string,
  region: Region,
  given?: { kind: FindingKind; globalRegistry: MappedText | undefined },
  env?: Variables,
): Candidate[] | undefined {
  const whole = given === undefined;
  const documents = parseRegion(source, region, whole);
  if (!documents) return undefined;
  const base = region.start;
  const candidates: Candidate[] = [];
  for (const document of documents) {
    if (document.errors.length > 0 || !document.contents) continue;
    const contents = document.contents as Node;
    const isKubernetes =
      isMap(contents) && contents.has('apiVersion') && contents.has('kind') && role === 'yaml';
    const imageKind: FindingKind = given
      ? given.kind
      : role === 'compose'
        ? 'compose-image'
        : role === 'helm-values'
          ? 'helm-image'
          : isKubernetes
            ? 'kubernetes-image'
            : 'yaml-image';
    // Helm: a registry named once for every image of the chart.
    const globalRegistry = given
      ? given.globalRegistry
      : role === 'helm-values' && isMap(contents)
        ? (['global.imageRegistry', 'global.image.registry', 'image.registry'] as const)
            .map((keys) => contents.getIn(keys.split('.'), true))
            .map((node) =>
              isScalar(node) && typeof node.value === 'string' && node.value !== ''
                ? scalarText(node)
                : undefined,
            )
            .find((found) => found !== undefined)
        : undefined;
    const isKustomization = kustomization(file);
    visit(contents, []);

    function visit(node: unknown, path: Path): void {
      if (isSeq(node)) {
        node.items.forEach((item, index) => visit(item, [...path, index]));
        return;
      }
      if (!isMap(node)) return;
      if (isKustomization && path.length === 2 && path[0] === 'images') {
        const found = kustomizeImage(node);
        if (found) candidates.push(found);
        return;
      }
      const split = splitForm(node);
      // In the split form, `image:`/`name:` beside `registry:` is only the path, not an image of its own.
      const pathKeys = split && node.has('registry') ? new Set(['image', 'name']) : new Set<string>();
      if (split) {
        const key = path[path.length - 1];
        const kind = key === 'image' ? imageKind : 'helm-image';
        candidates.push({
          ...split,
          kind,
          ...certainty(split.value, kind !== 'yaml-image' || inPodSpec(path)),
        });
      }
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const child = [...path, key];
        const value = pair.value;
        if (isScalar(value) && typeof value.value === 'string' && !pathKeys.has(key)) {
          const kind = kindOfString(child);
          if (kind) {
            const found = scalarCandidate(value, kind);
            if (found)
              candidates.push({
                ...found,
                ...certainty(
                  found.value,
                  (kind !== 'yaml-image' && kind !== 'kubernetes-image') || inPodSpec(child),
                ),
              });
          }
        }
        visit(value, child);
      }
    }

    function kindOfString(path: Path): FindingKind | undefined {
      const key = path[path.length - 1];
      if (role === 'workflow' && path[0] === 'jobs') {
        if (path.length === 3 && key === 'container') return 'workflow-container';
        if (path.length === 4 && path[2] === 'container' && key === 'image') return 'workflow-container';
        if (path.length === 4 && path[2] === 'services') return 'workflow-service';
        if (path.length === 5 && path[2] === 'services' && key === 'image') return 'workflow-service';
      }
      if (role === 'action' && path.length === 2 && path[0] === 'runs' && key === 'image')
        return 'action-image';
      if (key === 'uses') return 'workflow-uses';
      if (key === 'image') return imageKind;
      return undefined;
    }

    function scalarCandidate(scalar: Scalar, kind: FindingKind): Candidate | undefined {
      const mapped = scalarText(scalar);
      return mapped && scalarCandidateOf(mapped, kind, env);
    }

    /** Helm's split form of a map's fields. */
    function splitForm(map: YAMLMap): Omit<Candidate, 'kind'> | undefined {
      return splitFormOf((name) => {
        const node = map.get(name, true);
        return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')
          ? scalarText(node)
          : undefined;
      }, globalRegistry);
    }

    /** Kustomize `images:` entries: `name` replaced by `newName` (and `newTag`/`digest`). */
    function kustomizeImage(map: YAMLMap): Candidate | undefined {
      const field = (name: string) => {
        const node = map.get(name, true);
        return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')
          ? scalarText(node)
          : undefined;
      };
      const newName = field('newName');
      const name = newName ?? field('name');
      if (!name) return undefined;
      const tag = field('newTag');
      const digest = field('digest');
      const synthetic = (text: string): MappedText => ({ text, offsets: Array(text.length).fill(-1) });
      const parts: MappedText[] = [name];
      if (tag && tag.text !== '') parts.push(synthetic(':'), tag);
      if (digest && digest.text !== '') parts.push(synthetic('@'), digest);
      const expanded = expand(concat(parts));
      return {
        kind: 'kustomize-image',
        at: name.offsets[0] ?? 0,
        written: expanded.value.text,
        value: expanded.value,
        partial: expanded.partial,
        ...certainty(expanded.value, true),
        // `name` is what Kustomize matches in the resources: the move belongs in a newName.
        ...(!newName && {
          unfixable: `Kustomize matches images by name: add newName: <new registry>/… beside name: ${name.text}`,
        }),
      };
    }
  }
  return candidates;

  /** A scalar's characters as written (quotes removed), mapped to their bytes. */
  function scalarText(scalar: Scalar): MappedText | undefined {
    const range = scalar.range;
    if (!range) return undefined;
    const [start, end] = range;
    if (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE')
      return slice(source, base + start + 1, base + end - 1);
    if (scalar.type === 'PLAIN') return slice(source, base + start, base + end);
    return undefined;
  }
}
