import type { FindingKind } from '../finding.js';
import type { YamlRole } from './image-forms.js';

/** A byte range of a YAML file that parses alone (a whole file, or a subtree). */
export interface Region {
  start: number;
  end: number;
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

/** Where the line before the one starting at `at` (> 0) starts. */
export const previousLineStart = (source: string, at: number) =>
  at < 2 ? 0 : source.lastIndexOf('\n', at - 2) + 1;

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
 * Where the lines whose key is `key` start (after indentation or a list's `- `): a plain search, where
 * a multi-line regular expression would try every line of a 50 kB values file.
 */
export function keyLineStarts(source: string, key: string): number[] {
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
export function regionKind(source: string, at: number, role: YamlRole): FindingKind {
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
