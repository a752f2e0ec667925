import type { Candidate, FindingKind } from '../finding.js';
import { expand, slice } from '../source.js';
import type { YamlRole } from './image-forms.js';

const IMAGE_LINE = /^([ \t]*(?:-[ \t]+)?image:[ \t]*)(["']?)([^\s"'#]+)\2[ \t]*(?:#.*)?\r?$/;

/**
 * The fast path, equal in result to the parse: when every line naming the registry is a plain
 * `image: value` line, the candidates are those values, read from the lines; positions are the same
 * bytes the parser would report. Anything else (the split Helm form, workflow and action roles where
 * the key path matters, values spread over lines) goes to the full parse, which costs far more.
 */
export function plainImageLines(
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
