/**
 * Makes the bundle's stacks name `src/`: ncc's source maps point into `lib/` (what tsc compiled), and
 * tsc's maps point from `lib/` to `src/`; this joins the two, keeping only the mappings that reach
 * `src/` (a dependency's frames stay at their place in the bundle, and the maps stay small). A
 * chunk with no code of ours loses its map and the comment naming it. No sources are embedded, and
 * every path is relative, so the same tree gives the same bytes on every machine.
 *
 * Usage: node lib/scripts/source-maps.js dist (run by scripts/bundle.sh, after ncc)
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface RawMap {
  version: number;
  file?: string;
  sources: string[];
  names?: string[];
  mappings: string;
}

/** One mapping: generated column, source index, original line, original column (all 0-based). */
type Segment = [number, number, number, number];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

/** Decodes a map's `mappings` into segments per generated line (names dropped). */
export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let line = 0;
  let column = 0;
  for (const text of mappings.split(';')) {
    const segments: Segment[] = [];
    let generated = 0;
    for (const field of text.split(',')) {
      if (field === '') continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of field) {
        const digit = DIGIT.get(char);
        if (digit === undefined) throw new Error(`bad base64 digit "${char}" in a source map`);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      generated += values[0]!;
      if (values.length < 4) continue;
      source += values[1]!;
      line += values[2]!;
      column += values[3]!;
      segments.push([generated, source, line, column]);
    }
    lines.push(segments);
  }
  return lines;
}

function vlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let text = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    text += BASE64[digit];
  } while (rest > 0);
  return text;
}

/** Encodes segments per generated line as a map's `mappings`. */
export function encodeMappings(lines: readonly Segment[][]): string {
  let source = 0;
  let line = 0;
  let column = 0;
  return lines
    .map((segments) => {
      let generated = 0;
      return segments
        .map(([genColumn, sourceIndex, originalLine, originalColumn]) => {
          const text =
            vlq(genColumn - generated) +
            vlq(sourceIndex - source) +
            vlq(originalLine - line) +
            vlq(originalColumn - column);
          generated = genColumn;
          source = sourceIndex;
          line = originalLine;
          column = originalColumn;
          return text;
        })
        .join(',');
    })
    .join(';');
}

/**
 * The segment of `segments` (sorted by generated column) covering `column`: ncc's maps are line maps
 * (every column 0), which the line's first segment, where its statement starts, answers.
 */
function covering(segments: readonly Segment[] | undefined, column: number): Segment | undefined {
  let found = segments?.[0];
  for (const segment of segments ?? []) {
    if (segment[0] > column) break;
    found = segment;
  }
  return found;
}

/** tsc's map of one compiled file: its segments and its sources, as absolute paths. */
const compiledMaps = new Map<string, { lines: Segment[][]; sources: string[] } | undefined>();
function compiledMap(file: string) {
  if (!compiledMaps.has(file)) {
    const mapFile = `${file}.map`;
    if (!existsSync(mapFile)) compiledMaps.set(file, undefined);
    else {
      const raw = JSON.parse(readFileSync(mapFile, 'utf8')) as RawMap & { sourceRoot?: string };
      compiledMaps.set(file, {
        lines: decodeMappings(raw.mappings),
        sources: raw.sources.map((source) => path.resolve(path.dirname(file), raw.sourceRoot ?? '', source)),
      });
    }
  }
  return compiledMaps.get(file);
}

/** Rewrites the map of `script` (in `dir`) to point at `src/`; removes it when nothing of ours is in it. */
function rewrite(dir: string, script: string): void {
  const scriptFile = path.join(dir, script);
  const code = readFileSync(scriptFile, 'utf8');
  const comment = /\n\/\/# sourceMappingURL=([^\s]+)\s*$/.exec(code);
  if (!comment) return;
  const mapFile = path.join(dir, comment[1]!);
  const bundled = JSON.parse(readFileSync(mapFile, 'utf8')) as RawMap;
  // Already rewritten (its sources are src/ files, which have no maps of their own): left as it is.
  if (!bundled.sources.some((source) => source.endsWith('.js'))) return;
  const sources: string[] = [];
  const indexOf = new Map<string, number>();
  // Only what tsc compiled from src/: a dependency's own maps (some ship them) are not followed.
  const lib = path.resolve(dir, '..', 'lib') + path.sep;
  const inputs = bundled.sources.map((source) => path.resolve(dir, source));
  const lines = decodeMappings(bundled.mappings).map((segments) =>
    segments.flatMap(([column, source, line, originalColumn]): Segment[] => {
      const input = inputs[source]!;
      const compiled = input.startsWith(lib) ? compiledMap(input) : undefined;
      const original = compiled && covering(compiled.lines[line], originalColumn);
      if (!compiled || !original) return [];
      const file = compiled.sources[original[1]]!;
      let index = indexOf.get(file);
      if (index === undefined) {
        index = sources.push(path.relative(dir, file).split(path.sep).join('/')) - 1;
        indexOf.set(file, index);
      }
      return [[column, index, original[2], original[3]]];
    }),
  );
  rmSync(mapFile);
  if (sources.length === 0) {
    writeFileSync(scriptFile, code.slice(0, comment.index + 1));
    return;
  }
  const map = { version: 3, file: script, sources, names: [], mappings: encodeMappings(lines) };
  writeFileSync(path.join(dir, `${script}.map`), `${JSON.stringify(map)}\n`);
  writeFileSync(scriptFile, `${code.slice(0, comment.index)}\n//# sourceMappingURL=${script}.map\n`);
}

/** Rewrites the maps of every script in `dir` (ncc's output). */
export function rewriteSourceMaps(dir: string): void {
  for (const file of readdirSync(dir).sort()) if (file.endsWith('.js')) rewrite(path.resolve(dir), file);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node lib/scripts/source-maps.js DIR (the bundle, as ncc wrote it)');
  rewriteSourceMaps(dir);
}
