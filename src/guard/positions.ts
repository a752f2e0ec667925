/**
 * Line and column of byte offsets in a file held as latin1 text. Columns count characters, so a
 * UTF-8 sequence counts once (continuation bytes 0x80–0xBF are skipped), as editors and GitHub do.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly source: string) {
    for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  /** 1-based line and column of a byte offset. */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const start = this.starts[low]!;
    let column = 1;
    for (let at = start; at < offset; at++) {
      const code = this.source.charCodeAt(at);
      if (code < 0x80 || code > 0xbf) column++;
    }
    return { line: low + 1, column };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    return this.source.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }
}

/** The comment that silences a finding on its line (or the line below a comment line). */
export const IGNORE_MARK = 'cutover: ignore';

/**
 * True when a finding's line carries `cutover: ignore`, or the line above is a comment carrying it
 * (`#`, `//`, `--`, `;`, `<!--`, `/*`), so a whole-line comment can silence the next line.
 */
export function ignoredInline(lines: LineIndex, line: number): boolean {
  if (lines.lineText(line).includes(IGNORE_MARK)) return true;
  if (line < 2) return false;
  const above = lines.lineText(line - 1).trim();
  return /^(#|\/\/|--|;|<!--|\/\*|\*)/.test(above) && above.includes(IGNORE_MARK);
}
