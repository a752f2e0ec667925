import { isMap, isScalar } from 'yaml';
import { slice, type MappedText } from '../source.js';
import { parseRegion } from './parsed.js';
import { previousLineStart, type Region } from './regions.js';
import { simpleLookup } from './simple-region.js';

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
export function helmGlobalRegistry(
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
    // A global registry other than the old one changes no finding: not worth a parse. (No names:
    // Docker Hub, where any global registry decides whether a host-less repository is a reference.)
    const text = source.slice(region.start, region.end).toLowerCase();
    if (names.length > 0 && !names.some((name) => text.includes(name))) continue;
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
