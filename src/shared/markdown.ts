import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

/** Escapes text for a Markdown table cell. */
export function cell(text: unknown): string {
  return String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/**
 * Data (a file name, a server's message) as inline Markdown text that renders as itself: no link,
 * image, emphasis, HTML tag, entity or @-mention can be made from it. Markdown punctuation is
 * backslash-escaped, an `@` before a name gets a zero-width space (GitHub mentions a user or team
 * from the rendered text, where a backslash is already gone), and line breaks become spaces.
 * Pipes are left to {@link cell} in tables.
 */
export function escapeMarkdown(text: unknown): string {
  return String(text ?? '')
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_{}[\]()<>#!~&]/g, '\\$&')
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200b');
}

/** Data as an inline code span: the fence is longer than any run of backticks inside (CommonMark). */
export function code(text: unknown): string {
  const value = String(text ?? '').replace(/\r\n|\r|\n/g, ' ');
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** Data inside HTML (`<code>…</code>`, `<summary>`): the five characters HTML gives meaning to. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!,
  );
}

/** A fenced code block whose fence no line of `body` can close (longer than any backtick run in it). */
export function fence(body: string, info = ''): string {
  const longest = Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${info}\n${body}\n${marks}`;
}

/** A GitHub-flavoured Markdown table. */
export function table(headers: string[], rows: unknown[][]): string {
  const head = `| ${headers.map(cell).join(' | ')} |`;
  const rule = `| ${headers.map(() => '---').join(' | ')} |`;
  return [head, rule, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

/** A human byte count: 1.5 MB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** `1 repository`, `2 repositories`: a count with its noun in the right number. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${groupThousands(count)} ${count === 1 ? one : many}`;
}

/**
 * `12,345`: what toLocaleString('en-US') writes for an integer, without starting ICU's number
 * formatting (its first call alone cost `plan` 5 % of its CPU at 2,000 repositories).
 */
function groupThousands(count: number): string {
  if (!Number.isInteger(count)) return count.toLocaleString('en-US');
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A collapsible section: GitHub shows `summary` and hides `body` until it is opened. */
export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** GitHub refuses a job summary larger than 1 MiB per step. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Past this, long tables are cut so the summary stays well under {@link SUMMARY_LIMIT_BYTES}. */
export const SUMMARY_CUT_BYTES = 900 * 1000;

/** One part of a summary; `cut` is the shorter text used when the whole would be too large. */
export interface SummaryPart {
  text: string;
  cut?: string;
}

/**
 * Joins the parts of a summary; when they come to more than `budget` bytes, the cuttable parts are
 * replaced by their `cut` text, last parts first, until the whole fits (or nothing is left to cut).
 */
export function fitSummary(parts: SummaryPart[], budget = SUMMARY_CUT_BYTES): string {
  const texts = parts.map((part) => part.text);
  let size = texts.reduce((sum, text) => sum + Buffer.byteLength(text) + 1, 0);
  for (let index = parts.length - 1; index >= 0 && size > budget; index--) {
    const cut = parts[index]!.cut;
    if (cut === undefined) continue;
    size += Buffer.byteLength(cut) - Buffer.byteLength(texts[index]!);
    texts[index] = cut;
  }
  return texts.join('\n');
}

/** Writes a summary's Markdown to a file the user named (`--summary FILE`), relative to `cwd`. */
export function writeSummaryFile(cwd: string, file: string, markdown: string): void {
  try {
    writeFileSync(path.resolve(cwd, file), markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  } catch (error) {
    throw new UsageError(`--summary ${file}: cannot write it (${(error as NodeJS.ErrnoException).code})`);
  }
}
