/** What {@link ignoredInline} needs of a file's lines. */
export interface LineTexts {
  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string;
}

/**
 * Line and column of byte offsets in a file held as latin1 text, given in increasing order (the
 * findings of a file, sorted): the lines are counted once up to the last offset, and no index of
 * every line is built — a large file names the registry on few of its lines. An offset before the
 * previous one starts over. Columns count characters, so a UTF-8 sequence counts once
 * (continuation bytes 0x80–0xBF are skipped), as editors and GitHub do.
 */
export class LinePositions implements LineTexts {
  /** The line reached (1-based), where it starts, and where its line break is (-1: none). */
  private line = 1;
  private start = 0;
  private end: number;

  constructor(private readonly source: string) {
    this.end = source.indexOf('\n');
  }

  /** 1-based line and column of a byte offset. */
  position(offset: number): { line: number; column: number } {
    if (offset < this.start) {
      this.line = 1;
      this.start = 0;
      this.end = this.source.indexOf('\n');
    }
    while (this.end >= 0 && this.end < offset) {
      this.line++;
      this.start = this.end + 1;
      this.end = this.source.indexOf('\n', this.start);
    }
    let column = 1;
    for (let at = this.start; at < offset; at++) {
      const code = this.source.charCodeAt(at);
      if (code < 0x80 || code > 0xbf) column++;
    }
    return { line: this.line, column };
  }

  /** The text of a 1-based line at or above the line reached, without its line break. */
  lineText(line: number): string {
    if (line < 1 || line > this.line) return '';
    let start = this.start;
    let end = this.end < 0 ? this.source.length : this.end;
    for (let at = this.line; at > line; at--) {
      end = start - 1;
      start = start < 2 ? 0 : this.source.lastIndexOf('\n', start - 2) + 1;
    }
    return this.source.slice(start, end).replace(/\r$/, '');
  }
}

/** The comment that silences a finding on its line (or the line below a comment line). */
export const IGNORE_MARK = 'cutover: ignore';

/**
 * True when a finding's line carries `cutover: ignore`, or the line above is a comment carrying it
 * (`#`, `//`, `--`, `;`, `<!--`, `/*`), so a whole-line comment can silence the next line.
 */
export function ignoredInline(lines: LineTexts, line: number): boolean {
  if (lines.lineText(line).includes(IGNORE_MARK)) return true;
  if (line < 2) return false;
  const above = lines.lineText(line - 1).trim();
  return /^(#|\/\/|--|;|<!--|\/\*|\*)/.test(above) && above.includes(IGNORE_MARK);
}
