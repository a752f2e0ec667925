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
import { candidateFrom, type Candidate, type FindingKind } from './finding.js';
import { concat, expand, slice, type MappedText, type Variables } from './source.js';

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
  env?: Variables,
  lineStarts?: readonly number[],
): Candidate[] {
  // Where the lines that name the registry (in any case) start: found once per file.
  const hostLines = names.length > 0 ? (lineStarts ?? hostLineStarts(source, names)) : [];
  // Compose `.env` values naming the registry: the lines using them do not name it; read it all.
  if (env && [...env.values()].some((value) => names.some((name) => value.text.toLowerCase().includes(name))))
    return parsedCandidates(source, role, file, { start: 0, end: source.length }, undefined, env) ?? [];
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

/**
 * Where the lines whose key is `key` start (after indentation or a list's `- `): a plain search, where
 * a multi-line regular expression would try every line of a 50 kB values file.
 */
function keyLineStarts(source: string, key: string): number[] {
  const starts: number[] = [];
  for (let at = source.indexOf(key); at >= 0; at = source.indexOf(key, at + key.length)) {
    const lineStart = source.lastIndexOf('\n', at) + 1;
    let before = lineStart;
    while (before < at && (source[before] === ' ' || source[before] === '\t' || source[before] === '-'))
      before++;
    if (before === at) starts.push(lineStart);
  }
  return starts;
}

/** Kustomize's file, whose `images:` entries are read by their own rule. */
const kustomization = (file: string) => /(^|\/)kustomization\.ya?ml$/i.test(file);

/** A byte range of a YAML file that parses alone (a whole file, or a subtree). */
interface Region {
  start: number;
  end: number;
}

/** Documents of `source[region]` (undefined when a document of a part has syntax errors). */
function parseRegion(source: string, region: Region, whole: boolean) {
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
function parsedCandidates(
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

/** Indentation of the line starting at `start` (a `- ` item counts where its dash is). */
function indentAt(source: string, start: number): number {
  let at = start;
  while (source[at] === ' ') at++;
  return at - start;
}

/** True for a line that holds nothing for the parser (blank, or a comment). */
function isBlank(source: string, start: number, end: number): boolean {
  let at = start;
  while (at < end && (source[at] === ' ' || source[at] === '\t')) at++;
  return at === end || source[at] === '#' || source[at] === '\r' || source[at] === '\n';
}

/**
 * `/^\s*(#.*)?\r?$/` on the line `start..end` (no line feed in it), without slicing it out: blanks
 * (what `\s` matches in latin1), then nothing, or a comment with no carriage return before its end.
 */
function blankOrComment(source: string, start: number, end: number): boolean {
  let at = start;
  for (; at < end; at++) {
    const code = source.charCodeAt(at);
    if (!((code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0)) break;
  }
  if (at === end) return true;
  if (source.charCodeAt(at) !== 0x23) return false;
  for (; at < end - 1; at++) if (source.charCodeAt(at) === 0x0d) return false;
  return true;
}

/** Where each line that names one of `names` (lower case) starts, in order, each once. */
export function hostLineStarts(
  source: string,
  names: readonly string[],
  lower = source.toLowerCase(),
): number[] {
  const starts = new Set<number>();
  for (const name of names)
    for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length))
      starts.add(source.lastIndexOf('\n', at) + 1);
  return [...starts].sort((a, b) => a - b);
}

/**
 * The subtrees around every line that names the registry: from the line's parent (the nearest line
 * above with less indentation) to the first line after it that is not more indented than the
 * parent (a compact `- item` at the parent's indentation still belongs to it). Overlaps merge.
 * `alsoLines`: starts of other lines whose subtrees are wanted too (an inherited registry's images).
 */
export function regionsOf(
  source: string,
  names: readonly string[],
  alsoLines: readonly number[] = [],
  lineStarts: readonly number[] = hostLineStarts(source, names),
): Region[] {
  const starts = new Set<number>([...lineStarts, ...alsoLines]);
  const regions: Region[] = [];
  for (const lineStart of [...starts].sort((a, b) => a - b)) {
    if (regions.length > 0 && lineStart < regions[regions.length - 1]!.end) continue;
    const indent = indentAt(source, lineStart);
    let start = lineStart;
    for (let above = lineStart; indent > 0 && above > 0;) {
      const previous = previousLineStart(source, above);
      above = previous;
      const end = source.indexOf('\n', previous);
      if (isBlank(source, previous, end < 0 ? source.length : end)) continue;
      if (/^---/.test(source.slice(previous, previous + 3))) break;
      if (indentAt(source, previous) < indent) {
        start = previous;
        break;
      }
    }
    const rootIndent = indentAt(source, start);
    const rootIsKey = /:\s*(#.*)?\r?$/.test(source.slice(start, source.indexOf('\n', start) >>> 0));
    let end = source.indexOf('\n', lineStart);
    end = end < 0 ? source.length : end + 1;
    while (end < source.length) {
      const lineEnd = source.indexOf('\n', end);
      const next = lineEnd < 0 ? source.length : lineEnd + 1;
      if (!isBlank(source, end, lineEnd < 0 ? source.length : lineEnd)) {
        const lineIndent = indentAt(source, end);
        const compactItem = rootIsKey && lineIndent === rootIndent && source[end + lineIndent] === '-';
        if (lineIndent <= rootIndent && !compactItem) break;
      }
      end = next;
    }
    const last = regions[regions.length - 1];
    if (last && start < last.end) last.end = Math.max(last.end, end);
    else regions.push({ start, end });
  }
  return regions;
}

/** The kind of an `image:` in the document around `at` (what the whole parse reads from the root). */
function regionKind(source: string, at: number, role: YamlRole): FindingKind {
  if (role === 'compose') return 'compose-image';
  if (role === 'helm-values') return 'helm-image';
  const separator = /^---/gm;
  let start = 0;
  let end = source.length;
  for (const match of source.matchAll(separator)) {
    if (match.index <= at) start = match.index;
    else {
      end = match.index;
      break;
    }
  }
  const document = source.slice(start, end);
  return /^apiVersion:/m.test(document) && /^kind:/m.test(document) ? 'kubernetes-image' : 'yaml-image';
}

/** The line `key:` (nothing after it but blanks) at the top level of a file; found by a plain search. */
function topKeyLine(source: string, key: string): Region | undefined {
  const pattern = `${key}:`;
  const next = (from: number) => {
    const found = source.indexOf(`\n${pattern}`, from);
    return found < 0 ? -1 : found + 1;
  };
  for (let at = source.startsWith(pattern) ? 0 : next(0); at >= 0; at = next(at)) {
    const found = topKeyLineAt(source, at, key);
    if (found) return found;
  }
  return undefined;
}

/** The line starting at `at` when it is `key:` with nothing after it but blanks. */
function topKeyLineAt(source: string, at: number, key: string): Region | undefined {
  if (!source.startsWith(`${key}:`, at)) return undefined;
  let end = at + key.length + 1;
  while (source[end] === ' ' || source[end] === '\t') end++;
  if (source[end] === '\r') end++;
  return end === source.length || source[end] === '\n' ? { start: at, end } : undefined;
}

/** Where the line before the one starting at `at` (> 0) starts. */
const previousLineStart = (source: string, at: number) => (at < 2 ? 0 : source.lastIndexOf('\n', at - 2) + 1);

/** A top-level `global:`/`image:` line that opens a flow mapping, an anchor, a tag or a comment. */
const OTHER_GLOBAL_BLOCK = /^(?:global|image):[ \t]*[{&!#]/;

/** True for a line helmGlobalRegistry reads as part of the block above it: indented, a comment, or empty. */
function continuesBlock(source: string, start: number): boolean {
  const code = source.charCodeAt(start);
  // The end of the file, `#`, or what `\s` matches in latin1: tab, line feed, vertical tab, form
  // feed, carriage return, space, no-break space.
  return (
    Number.isNaN(code) || code === 0x23 || (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0
  );
}

/**
 * The lines that start the blocks holding the lines that name the registry: for each such line, the
 * nearest line at or above it that does not continue a block (see continuesBlock). One pass upwards
 * between consecutive lines, so the whole file is walked at most once.
 */
function blockHeads(source: string, lineStarts: readonly number[]): Set<number> {
  const heads = new Set<number>();
  let previous = -1;
  let previousHead = -1;
  for (const lineStart of lineStarts) {
    let at = lineStart;
    let head: number;
    for (;;) {
      if (at === previous) {
        head = continuesBlock(source, at) ? previousHead : at;
        break;
      }
      if (!continuesBlock(source, at) || at === 0) {
        head = continuesBlock(source, at) ? -1 : at;
        break;
      }
      at = previousLineStart(source, at);
    }
    if (head >= 0) heads.add(head);
    previous = lineStart;
    previousHead = head;
  }
  return heads;
}

/** Helm's registry for every image of the chart: `global.imageRegistry`, `global.image.registry` or `image.registry`. */
function helmGlobalRegistry(
  source: string,
  names: readonly string[],
  lineStarts: readonly number[],
): MappedText | undefined | 'parse all' {
  // The block of a global registry that names the old one holds a line naming it: the heads of those
  // lines' blocks say which `global:`/`image:` blocks are worth looking up (others change nothing).
  const heads = blockHeads(source, lineStarts);
  const headed = (top: string) => [...heads].some((head) => topKeyLineAt(source, head, top) !== undefined);
  if ([...heads].some((head) => OTHER_GLOBAL_BLOCK.test(source.slice(head, head + 64)))) return 'parse all';
  for (const [top, ...keys] of [
    ['global', 'imageRegistry'],
    ['global', 'image', 'registry'],
    ['image', 'registry'],
  ] as const) {
    if (!headed(top)) continue;
    const region = topKeyLine(source, top);
    if (!region) continue;
    while (region.end < source.length) {
      const lineEnd = source.indexOf('\n', region.end + 1);
      const next = lineEnd < 0 ? source.length : lineEnd;
      const line = source.slice(region.end + 1, next);
      if (!/^(\s|#|$)/.test(line)) break;
      region.end = next;
    }
    // A global registry other than the old one changes no finding: not worth a parse.
    const text = source.slice(region.start, region.end).toLowerCase();
    if (!names.some((name) => text.includes(name))) continue;
    const simple = simpleLookup(source, region, [top, ...keys]);
    if (simple !== 'not simple') {
      if (simple) return simple;
      continue;
    }
    const documents = parseRegion(source, region, false);
    const contents = documents?.[0]?.contents;
    if (!isMap(contents)) continue;
    const node = contents.getIn([top, ...keys], true);
    if (!isScalar(node) || typeof node.value !== 'string' || node.value === '' || !node.range) continue;
    const [start, end] = node.range;
    if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')
      return slice(source, region.start + start + 1, region.start + end - 1);
    if (node.type === 'PLAIN') return slice(source, region.start + start, region.start + end);
  }
  return undefined;
}

const KEY_LINE = /^( *)([A-Za-z0-9_.-]+):(?:[ \t]+([^\s#].*?))?[ \t]*(?:[ \t]#.*)?\r?$/;

/**
 * The string at a key path in a region made only of one-line `key: value` lines (the usual Helm
 * `global:` block), as the parser would give it: without the parser, whose first use in a run costs
 * more than all the reading. `'not simple'` for any other shape (lists, block or multi-line
 * scalars, anchors, tags, flow collections spread over lines), which the parser then reads.
 */
function simpleLookup(
  source: string,
  region: Region,
  keys: readonly string[],
): MappedText | undefined | 'not simple' {
  const path: { indent: number; key: string }[] = [];
  let found: MappedText | undefined;
  for (let start = region.start; start < region.end;) {
    const newline = source.indexOf('\n', start);
    const end = newline < 0 || newline >= region.end ? region.end : newline;
    const line = source.slice(start, end);
    const lineStart = start;
    start = end + 1;
    if (blankOrComment(source, lineStart, end)) continue;
    const match = KEY_LINE.exec(line);
    if (!match) return 'not simple';
    const indent = match[1]!.length;
    const value = match[3];
    if (value !== undefined && /^[|>&*!%@`]/.test(value)) return 'not simple';
    if (value !== undefined && /^[[{]/.test(value) && !/[\]}]$/.test(value)) return 'not simple';
    while (path.length > 0 && path[path.length - 1]!.indent >= indent) path.pop();
    path.push({ indent, key: match[2]! });
    if (found !== undefined || value === undefined || path.length !== keys.length) continue;
    if (!path.every((step, index) => step.key === keys[index])) continue;
    const child = SIMPLE_CHILD.exec(line);
    if (!child) return 'not simple';
    const quoted = child[3] ?? child[4];
    const text = quoted ?? child[5]!;
    if (quoted === undefined && (NOT_A_STRING.test(text) || NUMBER.test(text))) continue;
    if (text === '') continue;
    const at = lineStart + line.indexOf(text, indent + match[2]!.length + 1);
    found = slice(source, at, at + text.length);
  }
  return found;
}

/** A string scalar under an image key as a candidate (`uses:` only with `docker://`). */
function scalarCandidateOf(mapped: MappedText, kind: FindingKind, env?: Variables): Candidate | undefined {
  if (kind === 'workflow-uses' && !mapped.text.startsWith('docker://')) return undefined;
  const expanded = expand(mapped, env);
  return {
    ...candidateFrom(kind, mapped, expanded),
    // The host comes from `.env` (mapped nowhere here): the `.env` line is the one rewritten.
    ...(env &&
      expanded.value.offsets[0] === -1 && { unfixable: 'the value comes from .env, where it is rewritten' }),
  };
}

const synthetic = (text: string): MappedText => ({ text, offsets: Array<number>(text.length).fill(-1) });

/**
 * Helm's split form from a map's scalar fields: `{registry, repository, tag, digest}` (registry
 * optional when repository has the host, or inherited from the chart's global registry), the path
 * also spelt `image:`/`name:` beside a `registry:`.
 */
function splitFormOf(
  field: (name: string) => MappedText | undefined,
  globalRegistry: MappedText | undefined,
): Omit<Candidate, 'kind'> | undefined {
  const ownRegistry = field('registry');
  const repository = field('repository') ?? (ownRegistry ? (field('image') ?? field('name')) : undefined);
  if (!repository) return undefined;
  const hostInPath = /^[^/]*[.:][^/]*\//.test(repository.text);
  const registry = ownRegistry ?? (hostInPath ? undefined : globalRegistry);
  const tag = field('tag');
  const digest = field('digest');
  if (!registry && !tag && !digest) return undefined;
  const parts: MappedText[] = [];
  if (registry && registry.text !== '') parts.push(registry, synthetic('/'));
  parts.push(repository);
  if (tag && tag.text !== '') parts.push(synthetic(':'), tag);
  if (digest && digest.text !== '') parts.push(synthetic('@'), digest);
  const expanded = expand(concat(parts));
  // With the global registry, the place reported is where that registry is named.
  const written = registry ?? repository;
  return {
    at: written.offsets[0] ?? 0,
    written: expanded.value.text,
    value: expanded.value,
    partial: expanded.partial,
  };
}

const SIMPLE_PARENT = /^( *)([A-Za-z0-9_.-]+):[ \t]*(?:#.*)?\r?$/;
const SIMPLE_CHILD =
  /^( *)([A-Za-z0-9_.-]+):[ \t]+(?:"([^"\\\n]*)"|'([^'\n]*)'|([^\s'"#{}[\]&*!|>%@`,?:-][^\s#]*))[ \t]*(?:#.*)?\r?$/;
/** The keys simpleRegion reads: the split form's fields, and the keys whose string is an image. */
const IMAGE_FIELDS = new Set(['registry', 'repository', 'image', 'name', 'tag', 'digest', 'uses']);
/** A child whose value is an empty flow collection (`key: []`, `key: {}`). */
const EMPTY_FLOW_CHILD = /^( *)([A-Za-z0-9_.-]+):[ \t]+(?:\[\]|\{\})[ \t]*(?:#.*)?\r?$/;
const NOT_A_STRING =
  /^(true|false|null|~|True|False|TRUE|FALSE|Null|NULL|[-+]?(\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN)$/;
const NUMBER = /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/;

/**
 * The cheap reading of a region that is one map of scalars under a key (`image:` then
 * `registry: …`, `repository: …`, `tag: …` lines), the commonest shape in Helm values: the same
 * candidates the parser would give, without it. Undefined for any other shape.
 */
function simpleRegion(
  source: string,
  region: Region,
  imageKind: FindingKind,
  globalRegistry: MappedText | undefined,
): Candidate[] | undefined {
  const fields = new Map<string, MappedText>();
  const strings: [string, MappedText][] = [];
  let parentKey: string | undefined;
  let parentIndent = -1;
  let childIndent = -1;
  for (let start = region.start; start < region.end;) {
    const newline = source.indexOf('\n', start);
    const end = newline < 0 || newline >= region.end ? region.end : newline;
    const next = end + 1;
    if (blankOrComment(source, start, end)) {
      start = next;
      continue;
    }
    const line = source.slice(start, end);
    if (parentKey === undefined) {
      const parent = SIMPLE_PARENT.exec(line);
      if (!parent) return undefined;
      parentKey = parent[2]!;
      parentIndent = parent[1]!.length;
      start = next;
      continue;
    }
    const child = SIMPLE_CHILD.exec(line);
    const empty = child ? undefined : EMPTY_FLOW_CHILD.exec(line);
    if (!child && !empty) return undefined;
    const indent = (child ?? empty)![1]!.length;
    if (childIndent < 0) childIndent = indent;
    if (indent !== childIndent || indent <= parentIndent) return undefined;
    // `imagePullSecrets: []`: neither a string nor a number, so nothing the candidates read.
    if (!child) {
      start = next;
      continue;
    }
    const key = child[2]!;
    // Only the fields of an image are read (pullPolicy, enabled … are only checked for shape).
    if (!IMAGE_FIELDS.has(key)) {
      start = next;
      continue;
    }
    const quoted = child[3] ?? child[4];
    const text = quoted ?? child[5]!;
    const valueStart = start + line.indexOf(text, indent + key.length + 1);
    const mapped = slice(source, valueStart, valueStart + text.length);
    const isString = quoted !== undefined || (!NOT_A_STRING.test(text) && !NUMBER.test(text));
    const isNumber = quoted === undefined && NUMBER.test(text);
    if (!fields.has(key) && (isString || isNumber)) fields.set(key, mapped);
    if (isString) strings.push([key, mapped]);
    start = next;
  }
  if (parentKey === undefined || childIndent < 0) return undefined;
  const candidates: Candidate[] = [];
  const split = splitFormOf((name) => fields.get(name), globalRegistry);
  if (split) {
    const kind = parentKey === 'image' ? imageKind : 'helm-image';
    // splitFormOf's object is new: completed in place.
    const candidate = split as Candidate;
    candidate.kind = kind;
    if (kind !== 'yaml-image' && certainty(split.value, true).certain) candidate.certain = true;
    candidates.push(candidate);
  }
  const pathKeys = split && fields.has('registry') ? new Set(['image', 'name']) : new Set<string>();
  for (const [key, mapped] of strings) {
    if (pathKeys.has(key)) continue;
    const kind = key === 'image' ? imageKind : key === 'uses' ? 'workflow-uses' : undefined;
    const found = kind && scalarCandidateOf(mapped, kind);
    if (found)
      candidates.push({
        ...found,
        ...certainty(found.value, kind !== 'yaml-image' && kind !== 'kubernetes-image'),
      });
  }
  return candidates;
}

/**
 * `certain` for a value without a registry host in a place that certainly holds an image (only
 * host-less values need it: they mean Docker Hub there, and nothing elsewhere).
 */
function certainty(value: MappedText, certain: boolean): { certain?: true } {
  if (!certain) return {};
  const text = /^docker:\/\//i.test(value.text) ? value.text.slice('docker://'.length) : value.text;
  const slash = text.indexOf('/');
  const first = slash < 0 ? text : text.slice(0, slash);
  const hasHost = slash >= 0 && (/[.:]/.test(first) || first === 'localhost');
  return hasHost ? {} : { certain: true };
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
function plainImageLines(
  source: string,
  role: YamlRole,
  names: readonly string[],
  lineStarts: readonly number[],
): Candidate[] | undefined {
  if (names.length === 0 || role === 'workflow' || role === 'action') return undefined;
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
  for (const start of lineStarts) {
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
