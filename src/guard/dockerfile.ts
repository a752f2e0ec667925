import { candidateFrom, type Candidate, type FindingKind } from './finding.js';
import { concat, expand, slice, sub, trim, unquote, type MappedText, type Variables } from './source.js';

/** One physical line: its bytes without the line break. */
interface Line {
  start: number;
  end: number;
}

function linesOf(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const next = end + 1;
    if (end > start && source[end - 1] === '\r') end--;
    lines.push({ start, end });
    start = next;
  }
  return lines;
}

/** Splits arguments on white space outside quotes, keeping each word's mapping. */
export function words(mapped: MappedText): MappedText[] {
  const result: MappedText[] = [];
  const { text } = mapped;
  let index = 0;
  while (index < text.length) {
    while (index < text.length && /\s/.test(text[index]!)) index++;
    if (index >= text.length) break;
    const start = index;
    let quote: string | undefined;
    while (index < text.length && (quote || !/\s/.test(text[index]!))) {
      const char = text[index]!;
      if (quote) {
        if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") quote = char;
      index++;
    }
    result.push(sub(mapped, start, index));
  }
  return result;
}

/**
 * Finds image references in a Dockerfile the way BuildKit reads it: parser directives (`# escape=`),
 * line continuations, `ARG` defaults (global ones for `FROM`, stage ones after), `FROM [--platform=…]
 * image [AS name]` where a stage name is not an image, `COPY --from=` and `RUN --mount=…,from=…`.
 * Heredoc bodies are skipped (the plain-text pass still sees them).
 */
export function dockerfileCandidates(source: string): Candidate[] {
  const lines = linesOf(source);
  let escape = '\\';
  let index = 0;
  // Parser directives: only at the very top, before any other line.
  for (; index < lines.length; index++) {
    const text = source.slice(lines[index]!.start, lines[index]!.end);
    const directive = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(text);
    if (!directive) break;
    if (directive[1]!.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\'))
      escape = directive[2];
  }
  const candidates: Candidate[] = [];
  const globalArgs: Variables = new Map();
  let stageArgs: Variables | undefined;
  const stages = new Set<string>();
  let heredocEnd: string | undefined;

  while (index < lines.length) {
    const first = lines[index]!;
    const firstText = source.slice(first.start, first.end);
    index++;
    if (heredocEnd !== undefined) {
      if (firstText.replace(/^\t+/, '') === heredocEnd) heredocEnd = undefined;
      continue;
    }
    if (/^\s*(#|$)/.test(firstText)) continue;
    // Join continuation lines: the escape character at the end of a line, comment lines skipped.
    const parts: MappedText[] = [];
    let line = first;
    for (;;) {
      const text = source.slice(line.start, line.end);
      const trimmedEnd = text.trimEnd();
      if (trimmedEnd.endsWith(escape)) {
        parts.push(slice(source, line.start, line.start + trimmedEnd.length - 1));
        let next: Line | undefined;
        while (index < lines.length) {
          next = lines[index++]!;
          if (!/^\s*(#|$)/.test(source.slice(next.start, next.end))) break;
          next = undefined;
        }
        if (!next) break;
        line = next;
        continue;
      }
      parts.push(slice(source, line.start, line.end));
      break;
    }
    const instruction = trim(concat(parts));
    const keyword = /^[A-Za-z]+/.exec(instruction.text)?.[0]?.toUpperCase();
    if (!keyword) continue;
    const args = sub(instruction, keyword.length);
    const heredoc = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(args.text);
    if (heredoc && (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD')) heredocEnd = heredoc[1];

    const scope = stageArgs ?? globalArgs;
    switch (keyword) {
      case 'ARG':
        for (const word of words(args)) {
          const eq = word.text.indexOf('=');
          const name = eq < 0 ? word.text : word.text.slice(0, eq);
          if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
          if (eq < 0) {
            // A stage re-declaring a global ARG without a value inherits the global default.
            const inherited = globalArgs.get(name);
            if (stageArgs && inherited) stageArgs.set(name, inherited);
            continue;
          }
          scope.set(name, expand(unquote(sub(word, eq + 1)), scope, escape).value);
        }
        break;
      case 'FROM': {
        const tokens = words(args).filter((word) => !word.text.startsWith('--'));
        const image = tokens[0];
        if (image) {
          const expanded = expand(unquote(image), globalArgs, escape);
          if (!stages.has(expanded.value.text.toLowerCase()))
            candidates.push(candidate('dockerfile-from', image, expanded));
        }
        if (tokens[1]?.text.toUpperCase() === 'AS' && tokens[2]) stages.add(tokens[2].text.toLowerCase());
        stageArgs = new Map();
        break;
      }
      case 'COPY':
      case 'ADD':
      case 'RUN':
        for (const word of words(args)) {
          if (!word.text.startsWith('--')) break;
          if (/^--from=/i.test(word.text)) {
            fromValue(sub(word, '--from='.length), 'dockerfile-copy-from');
          } else if (/^--mount=/i.test(word.text)) {
            const options = sub(word, '--mount='.length);
            let start = 0;
            for (const field of options.text.split(',')) {
              if (/^from=/i.test(field))
                fromValue(
                  sub(options, start + 'from='.length, start + field.length),
                  'dockerfile-mount-from',
                );
              start += field.length + 1;
            }
          }
        }
        break;
    }

    function fromValue(value: MappedText, kind: FindingKind): void {
      const expanded = expand(unquote(value), scope, escape);
      const text = expanded.value.text.toLowerCase();
      if (/^\d+$/.test(text) || stages.has(text)) return;
      candidates.push(candidate(kind, value, expanded));
    }
  }
  return candidates;
}

function candidate(
  kind: FindingKind,
  written: MappedText,
  expanded: { value: MappedText; partial: boolean },
): Candidate {
  // FROM and --from name an image (stage names are left out before): without a host, Docker Hub's.
  return { ...candidateFrom(kind, written, expanded), certain: true };
}
