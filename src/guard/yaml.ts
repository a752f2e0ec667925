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
import type { Candidate, FindingKind } from './finding.js';
import { concat, expand, slice, type MappedText } from './source.js';

/** What a YAML file is, which decides how an `image:` in it is reported. */
export type YamlRole = 'workflow' | 'action' | 'compose' | 'helm-values' | 'yaml';

type Path = (string | number)[];

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
): Candidate[] {
  const quick = plainImageLines(source, role, names);
  if (quick) return quick;
  const candidates: Candidate[] = [];
  let documents;
  // Broken YAML (a Helm template, a fragment) makes the parser build many errors; their stack
  // traces are never read and cost more than the parse itself.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    documents = parseAllDocuments(source, { keepSourceTokens: false, uniqueKeys: false });
  } catch {
    return [];
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  if (!Array.isArray(documents)) return [];
  for (const document of documents) {
    if (document.errors.length > 0 || !document.contents) continue;
    const contents = document.contents as Node;
    const isKubernetes =
      isMap(contents) && contents.has('apiVersion') && contents.has('kind') && role === 'yaml';
    const imageKind: FindingKind =
      role === 'compose'
        ? 'compose-image'
        : role === 'helm-values'
          ? 'helm-image'
          : isKubernetes
            ? 'kubernetes-image'
            : 'yaml-image';
    // Helm: a registry named once for every image of the chart.
    const globalRegistry =
      role === 'helm-values' && isMap(contents)
        ? (['global.imageRegistry', 'global.image.registry', 'image.registry'] as const)
            .map((keys) => contents.getIn(keys.split('.'), true))
            .map((node) =>
              isScalar(node) && typeof node.value === 'string' && node.value !== ''
                ? scalarText(node)
                : undefined,
            )
            .find((found) => found !== undefined)
        : undefined;
    const kustomization = /(^|\/)kustomization\.ya?ml$/i.test(file);
    visit(contents, []);

    function visit(node: unknown, path: Path): void {
      if (isSeq(node)) {
        node.items.forEach((item, index) => visit(item, [...path, index]));
        return;
      }
      if (!isMap(node)) return;
      if (kustomization && path.length === 2 && path[0] === 'images') {
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
      if (!mapped) return undefined;
      if (kind === 'workflow-uses' && !mapped.text.startsWith('docker://')) return undefined;
      const expanded = expand(mapped);
      return {
        kind,
        at: mapped.offsets[0] ?? scalar.range?.[0] ?? 0,
        written: mapped.text,
        value: expanded.value,
        partial: expanded.partial,
      };
    }

    /** Helm's split form: `{registry, repository, tag, digest}` (registry optional when repository has the host). */
    function splitForm(map: YAMLMap): Omit<Candidate, 'kind'> | undefined {
      const field = (name: string) => {
        const node = map.get(name, true);
        return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')
          ? scalarText(node)
          : undefined;
      };
      const ownRegistry = field('registry');
      // Helm charts spell the path `repository:`, or `image:`/`name:` beside a `registry:`.
      const repository = field('repository') ?? (ownRegistry ? (field('image') ?? field('name')) : undefined);
      if (!repository) return undefined;
      // Without its own registry, an image of the chart inherits the global one (unless it names a host).
      const hostInPath = /^[^/]*[.:][^/]*\//.test(repository.text);
      const registry = ownRegistry ?? (hostInPath ? undefined : globalRegistry);
      const tag = field('tag');
      const digest = field('digest');
      if (!registry && !tag && !digest) return undefined;
      const synthetic = (text: string): MappedText => ({ text, offsets: Array(text.length).fill(-1) });
      const parts: MappedText[] = [];
      if (registry && registry.text !== '') parts.push(registry, synthetic('/'));
      parts.push(repository);
      if (tag && tag.text !== '') parts.push(synthetic(':'), tag);
      if (digest && digest.text !== '') parts.push(synthetic('@'), digest);
      const expanded = expand(concat(parts));
      const written = registry ?? repository;
      // With the global registry, the place reported is where that registry is named.
      return {
        at: written.offsets[0] ?? 0,
        written: expanded.value.text,
        value: expanded.value,
        partial: expanded.partial,
      };
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
      return slice(source, start + 1, end - 1);
    if (scalar.type === 'PLAIN') return slice(source, start, end);
    return undefined;
  }
}

/**
 * `certain` for a value without a registry host in a place that certainly holds an image (only
 * host-less values need it: they mean Docker Hub there, and nothing elsewhere).
 */
function certainty(value: MappedText, certain: boolean): { certain?: true } {
  const text = value.text.replace(/^docker:\/\//i, '');
  const first = text.split('/')[0]!;
  const hasHost = text.includes('/') && (/[.:]/.test(first) || first === 'localhost');
  return certain && !hasHost ? { certain: true } : {};
}

/** Kubernetes pod specs: where an `image:` is certainly a container image. */
function inPodSpec(path: Path): boolean {
  return path.some(
    (key) => key === 'containers' || key === 'initContainers' || key === 'ephemeralContainers',
  );
}

const IMAGE_LINE = /^([ \t]*(?:-[ \t]+)?image:[ \t]*)(["']?)([^\s"'#]+)\2[ \t]*(?:#.*)?\r?$/;

/**
 * The fast path, equal in result to the parse: when every line naming the registry is a plain
 * `image: value` line, the candidates are those values, read from the lines; positions are the same
 * bytes the parser would report. Anything else (the split Helm form, workflow and action roles where
 * the key path matters, values spread over lines) goes to the full parse, which costs far more.
 */
function plainImageLines(source: string, role: YamlRole, names: readonly string[]): Candidate[] | undefined {
  if (names.length === 0 || role === 'workflow' || role === 'action') return undefined;
  const lineStarts = new Set<number>();
  const lower = source.toLowerCase();
  for (const name of names) {
    for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length))
      lineStarts.add(source.lastIndexOf('\n', at) + 1);
  }
  const kubernetes = role === 'yaml' && /^apiVersion:/m.test(source) && /^kind:/m.test(source);
  const kind: FindingKind =
    role === 'compose'
      ? 'compose-image'
      : role === 'helm-values'
        ? 'helm-image'
        : kubernetes
          ? 'kubernetes-image'
          : 'yaml-image';
  const candidates: Candidate[] = [];
  for (const start of [...lineStarts].sort((a, b) => a - b)) {
    const end = source.indexOf('\n', start);
    const line = source.slice(start, end < 0 ? source.length : end);
    const match = IMAGE_LINE.exec(line);
    if (!match) return undefined;
    const valueStart = start + match[1]!.length + match[2]!.length;
    const mapped = slice(source, valueStart, valueStart + match[3]!.length);
    const expanded = expand(mapped);
    candidates.push({
      kind,
      at: valueStart,
      written: mapped.text,
      value: expanded.value,
      partial: expanded.partial,
    });
  }
  return candidates;
}
