/**
 * CSV as spreadsheets and Log Analytics write it (RFC 4180): comma-separated, fields in double quotes
 * when they hold a comma or a quote, a quote doubled inside quotes. Records are read one line at a time
 * (evidence files are streamed), so a field may not hold a line break.
 */

/** Splits one CSV line into its fields; throws on an unterminated quoted field. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let at = 0;
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  for (;;) {
    if (text[at] === '"') {
      let value = '';
      let cursor = at + 1;
      for (;;) {
        const quote = text.indexOf('"', cursor);
        if (quote < 0) throw new Error(`unterminated quoted field at column ${at + 1}`);
        value += text.slice(cursor, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          cursor = quote + 2;
          continue;
        }
        cursor = quote + 1;
        break;
      }
      fields.push(value);
      if (cursor >= text.length) return fields;
      if (text[cursor] !== ',')
        throw new Error(`unexpected text after a quoted field at column ${cursor + 1}`);
      at = cursor + 1;
    } else {
      const comma = text.indexOf(',', at);
      if (comma < 0) {
        fields.push(text.slice(at));
        return fields;
      }
      fields.push(text.slice(at, comma));
      at = comma + 1;
    }
  }
}

/**
 * The columns of a header row, keyed by a normalised name (lower-case, a ` [UTC]` suffix and spaces or
 * underscores dropped: `TimeGenerated [UTC]` → `timegenerated`), each with its index.
 */
export function headerColumns(header: string): Map<string, number> {
  const columns = new Map<string, number>();
  splitCsvLine(header.replace(/^\uFEFF/, '')).forEach((name, index) => {
    columns.set(normaliseColumn(name), index);
  });
  return columns;
}

/** A column name as {@link headerColumns} keys it. */
export function normaliseColumn(name: string): string {
  return name
    .trim()
    .replace(/\s*\[[^\]]*\]$/, '')
    .replace(/[\s_-]+/g, '')
    .toLowerCase();
}

/** Reads the fields of a data row by column name. */
export class CsvRow {
  constructor(
    private readonly columns: Map<string, number>,
    private readonly fields: string[],
  ) {}

  /** The field of `column` (a normalised name), or undefined when absent or empty. */
  get(column: string): string | undefined {
    const index = this.columns.get(column);
    if (index === undefined) return undefined;
    const value = this.fields[index];
    return value === undefined || value.length === 0 ? undefined : value;
  }
}
