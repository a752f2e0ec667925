import type { Candidate } from '../finding.js';
import { helmGlobalRegistry } from './helm-global.js';
import { parsedCandidates } from './parsed.js';
import { keyLineStarts, regionsOf } from './regions.js';
import { simpleRegion } from './simple-region.js';

/** A line that may hold a key the parse reads an image from (superset: the key may sit anywhere in it). */
const IMAGE_KEY = /(?:image|repository|registry|uses)["']?[ \t]*:/g;

/** A key with nothing after it on its line: its value is the block below. */
const BLOCK_KEY = /^[ \t]*(?:-[ \t]+)?[^\s#][^#]*:[ \t]*(?:#.*)?\r?$/;

/** Indentation of the line starting at `start` (a `- ` item counts where its dash is). */
function indentAt(source: string, start: number): number {
  let at = start;
  while (source[at] === ' ') at++;
  return at - start;
}

/**
 * Where the lines matching IMAGE_KEY start, in order. A key whose value is the block below (`image:`
 * over `registry:`/`repository:` lines) stands for the first line of that block: the subtree read is
 * then the block under the key, not the whole block of its parent (a component with probes,
 * affinity, resources …).
 */
function imageKeyLineStarts(source: string): number[] {
  const starts: number[] = [];
  for (const match of source.matchAll(IMAGE_KEY)) {
    const lineStart = source.lastIndexOf('\n', match.index) + 1;
    const newline = source.indexOf('\n', match.index);
    const lineEnd = newline < 0 ? source.length : newline;
    let start = lineStart;
    if (BLOCK_KEY.test(source.slice(lineStart, lineEnd))) {
      let next = lineEnd + 1;
      while (next < source.length) {
        const end = source.indexOf('\n', next);
        const line = source.slice(next, end < 0 ? source.length : end);
        if (!/^[ \t]*(#.*)?\r?$/.test(line)) break;
        next = end < 0 ? source.length : end + 1;
      }
      if (next < source.length && indentAt(source, next) > indentAt(source, lineStart)) start = next;
    }
    if (starts[starts.length - 1] !== start) starts.push(start);
  }
  return starts.sort((a, b) => a - b);
}

/**
 * Helm values when the old registry is Docker Hub, where every host-less image is a reference and no
 * host search narrows the file: the same candidates as the whole parse, read from the subtrees
 * around the lines with an image key only (a 50 kB values file holds a handful of images; the parse
 * of everything else was most of guard's time). Undefined when only the whole parse can tell: several
 * documents, Helm template syntax (the whole parse drops a document that does not parse), a global
 * block written another way, or a subtree that does not parse alone.
 */
export function hubValuesCandidates(source: string, file: string): Candidate[] | undefined {
  if (/^(---|\.\.\.)/m.test(source) || source.includes('{{')) return undefined;
  const tops = [...keyLineStarts(source, 'global:'), ...keyLineStarts(source, 'image:')].filter(
    (start) => source[start] !== ' ' && source[start] !== '-' && source[start] !== '\t',
  );
  const globalRegistry = helmGlobalRegistry(
    source,
    [],
    tops.sort((a, b) => a - b),
  );
  if (globalRegistry === 'parse all') return undefined;
  const found: Candidate[] = [];
  for (const region of regionsOf(source, [], [], imageKeyLineStarts(source))) {
    const part =
      simpleRegion(source, region, 'helm-image', globalRegistry) ??
      parsedCandidates(source, 'helm-values', file, region, { kind: 'helm-image', globalRegistry });
    if (!part) return undefined;
    found.push(...part);
  }
  return found;
}
