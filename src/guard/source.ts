/**
 * Text with a byte offset for every character, so a reference assembled from several places
 * (a Dockerfile line continuation, an ARG default, a `${VAR:-default}`) can still be traced back to
 * the bytes that spell it. Files are decoded as latin1: one character per byte, so string indexes are
 * byte offsets and invalid UTF-8 cannot shift them.
 */
export interface MappedText {
  text: string;
  /** offsets[i]: byte offset in the file of text[i]; -1 for characters that come from nowhere in the file. */
  offsets: number[];
}

/** The file's bytes `start..end` as mapped text. */
export function slice(source: string, start: number, end: number): MappedText {
  const offsets = new Array<number>(end - start);
  for (let index = 0; index < offsets.length; index++) offsets[index] = start + index;
  return { text: source.slice(start, end), offsets };
}

/** Joins mapped pieces. */
export function concat(parts: MappedText[]): MappedText {
  // One preallocated array: flatMap over thousands of per-character arrays dominated parsing.
  let length = 0;
  let text = '';
  for (const part of parts) {
    length += part.offsets.length;
    text += part.text;
  }
  const offsets = new Array<number>(length);
  let at = 0;
  for (const part of parts) for (const offset of part.offsets) offsets[at++] = offset;
  return { text, offsets };
}

/** Mapped text `start..end` of `mapped`. */
export function sub(mapped: MappedText, start: number, end = mapped.text.length): MappedText {
  return { text: mapped.text.slice(start, end), offsets: mapped.offsets.slice(start, end) };
}

/** The byte range `[start, end)` when text[from..to) is one contiguous run of file bytes, else undefined. */
export function contiguousRange(mapped: MappedText, from: number, to: number): [number, number] | undefined {
  const first = mapped.offsets[from];
  if (first === undefined || first < 0 || to <= from) return undefined;
  for (let index = from + 1; index < to; index++) {
    if (mapped.offsets[index] !== first + (index - from)) return undefined;
  }
  return [first, first + (to - from)];
}

/** Trims white space from both ends, keeping the mapping. */
export function trim(mapped: MappedText): MappedText {
  const start = mapped.text.length - mapped.text.trimStart().length;
  const end = mapped.text.trimEnd().length;
  return start >= end ? { text: '', offsets: [] } : sub(mapped, start, end);
}

/** Removes one pair of matching surrounding quotes. */
export function unquote(mapped: MappedText): MappedText {
  const { text } = mapped;
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0])
    return sub(mapped, 1, text.length - 1);
  return mapped;
}

/** Variables known at a point of a file, each value mapped to where it was written. */
export type Variables = Map<string, MappedText>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * Expands shell/Compose/Dockerfile variables: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?message}`, `${VAR?message}`, `${VAR:+alternative}`, `${VAR+alternative}`, and `$$` (a literal
 * `$`, Compose's escape). An unknown variable expands to nothing, as it would with an empty environment,
 * and makes the result `partial`. `${{ … }}` (a GitHub expression) is left unexpanded and makes it partial.
 */
export function expand(
  mapped: MappedText,
  variables: Variables = new Map(),
  escape = '\\',
): { value: MappedText; partial: boolean } {
  const { text } = mapped;
  // Nothing to expand (the commonest case): the text itself (mapped texts are never changed in place).
  if (!text.includes('$')) return { value: mapped, partial: false };
  const parts: MappedText[] = [];
  let partial = false;
  let index = 0;
  let literalStart = 0;
  const flush = (end: number) => {
    if (end > literalStart) parts.push(sub(mapped, literalStart, end));
  };
  while (index < text.length) {
    const char = text[index];
    if (char === escape && text[index + 1] === '$') {
      flush(index);
      parts.push(sub(mapped, index + 1, index + 2));
      index += 2;
      literalStart = index;
      continue;
    }
    if (char !== '$') {
      index++;
      continue;
    }
    const next = text[index + 1];
    if (next === '$') {
      flush(index);
      parts.push(sub(mapped, index + 1, index + 2));
      index += 2;
      literalStart = index;
      continue;
    }
    if (next === '{') {
      if (text[index + 2] === '{') {
        partial = true;
        index += 3;
        continue;
      }
      const close = matchingBrace(text, index + 2);
      if (close < 0) {
        index++;
        continue;
      }
      flush(index);
      const inner = sub(mapped, index + 2, close);
      const name = NAME.exec(inner.text)?.[0];
      if (!name) {
        partial = true;
      } else {
        const rest = inner.text.slice(name.length);
        const operator = /^(:?[-?+=])/.exec(rest)?.[1];
        const value = variables.get(name);
        const set = value !== undefined;
        const nonEmpty = set && value.text !== '';
        if (!operator) {
          if (value) parts.push(value);
          else partial = true;
        } else {
          const word = expand(sub(inner, name.length + operator.length), variables, escape);
          const colon = operator.startsWith(':');
          const useValue = colon ? nonEmpty : set;
          if (operator.endsWith('-') || operator.endsWith('=')) {
            parts.push(useValue ? value! : word.value);
            if (!useValue) partial ||= word.partial;
          } else if (operator.endsWith('+')) {
            if (useValue) {
              parts.push(word.value);
              partial ||= word.partial;
            }
          } else if (useValue) parts.push(value!);
          else partial = true;
        }
      }
      index = close + 1;
      literalStart = index;
      continue;
    }
    const name = NAME.exec(text.slice(index + 1))?.[0];
    if (name) {
      flush(index);
      const value = variables.get(name);
      if (value) parts.push(value);
      else partial = true;
      index += 1 + name.length;
      literalStart = index;
      continue;
    }
    index++;
  }
  flush(text.length);
  return { value: concat(parts), partial };
}

function matchingBrace(text: string, from: number): number {
  let depth = 1;
  for (let index = from; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return -1;
}
