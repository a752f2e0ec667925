import type { Candidate, FindingKind } from '../finding.js';
import { slice, type MappedText } from '../source.js';
import { certainty, scalarCandidateOf, splitFormOf } from './image-forms.js';
import type { Region } from './regions.js';

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

const KEY_LINE = /^( *)([A-Za-z0-9_.-]+):(?:[ \t]+([^\s#].*?))?[ \t]*(?:[ \t]#.*)?\r?$/;

/**
 * The string at a key path in a region made only of one-line `key: value` lines (the usual Helm
 * `global:` block), as the parser would give it: without the parser, whose first use in a run costs
 * more than all the reading. `'not simple'` for any other shape (lists, block or multi-line
 * scalars, anchors, tags, flow collections spread over lines), which the parser then reads.
 */
export function simpleLookup(
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
export function simpleRegion(
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
