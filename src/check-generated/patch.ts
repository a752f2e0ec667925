import { runGit } from '../shared/process.js';

/** Lines of a diff shown in logs and the job summary; the patch file always holds all of it. */
export const DIFF_LINE_CAP = 150;

/** One file's part of a patch, ready for `git apply`. */
export interface FilePatch {
  /** The whole patch text for this file, ending with a newline. */
  text: string;
  /** The first changed line of the developer's current file, for annotations. */
  line?: number;
}

/**
 * Diffs `before` (the developer's file, or undefined when it does not exist) against `after` (the
 * generated file, or undefined when the generator no longer writes it), as a git patch for `file`.
 * The diff itself comes from `git diff --no-index --binary` (text hunks, binary patches, mode
 * changes); its header is rewritten to name the repository-relative path on both sides, so that
 * `git apply` in the repository's top level applies it.
 */
export async function diffFile(
  file: string,
  before: string | undefined,
  after: string | undefined,
  cwd: string,
): Promise<FilePatch> {
  // git diff --no-index exits 1 when the files differ, 0 when they are the same.
  const result = await runGit(
    [
      '-c',
      'core.quotePath=true',
      '-c',
      'diff.noprefix=false',
      '-c',
      'diff.mnemonicPrefix=false',
      'diff',
      '--no-index',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--no-renames',
      '--binary',
      '--full-index',
      '--',
      before ?? '/dev/null',
      after ?? '/dev/null',
    ],
    cwd,
    { answers: [1], env: { GIT_CONFIG_NOSYSTEM: '1' } },
  );
  const lines = result.stdout.toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  // One section per side that changed: two when a link became a file or the reverse (git writes a
  // deletion and a creation), so each keeps its own mode lines and its own /dev/null side.
  const sections: string[][] = [];
  for (const text of lines) {
    if (text.startsWith('diff --git ') || sections.length === 0) sections.push([]);
    sections.at(-1)!.push(text);
  }
  if (sections.length === 0) sections.push([]);
  const out = sections.flatMap((section) => rewriteSection(file, section));
  const line = firstChangedLine(bodyOf(sections[0] ?? []));
  return { text: `${out.join('\n')}\n`, ...(line !== undefined && { line }) };
}

/** Where a section's body starts: its first hunk or binary patch. */
function bodyStart(section: string[]): number {
  return section.findIndex(
    (line) => line.startsWith('@@') || line === 'GIT binary patch' || line.startsWith('Binary files '),
  );
}

function bodyOf(section: string[]): string[] {
  const start = bodyStart(section);
  return start === -1 ? [] : section.slice(start);
}

/**
 * One section of `git diff --no-index` with its header rewritten to name the repository-relative
 * path on both sides, so that `git apply` in the repository's top level applies it.
 */
function rewriteSection(file: string, section: string[]): string[] {
  const start = bodyStart(section);
  const header = (start === -1 ? section : section.slice(0, start)).filter((line) =>
    /^(old mode|new mode|new file mode|deleted file mode|index) /.test(line),
  );
  const body = bodyOf(section);
  const created = header.some((line) => line.startsWith('new file mode '));
  const deleted = header.some((line) => line.startsWith('deleted file mode '));
  const name = quotePath(file);
  const out = [`diff --git ${quotePath(`a/${file}`)} ${quotePath(`b/${file}`)}`, ...header];
  if (body[0]?.startsWith('@@')) {
    // git writes a tab after names with spaces, so that the name's end is unambiguous.
    const tab = name.includes(' ') ? '\t' : '';
    out.push(created ? '--- /dev/null' : `--- ${quotePath(`a/${file}`)}${tab}`);
    out.push(deleted ? '+++ /dev/null' : `+++ ${quotePath(`b/${file}`)}${tab}`);
  }
  out.push(...body);
  return out;
}

/** Quotes a path the way git does when it holds characters a patch header cannot carry bare. */
export function quotePath(file: string): string {
  const plain = [...file].every((char) => char >= ' ' && char < '\x7f' && char !== '"' && char !== '\\');
  if (plain) return file;
  let out = '"';
  for (const byte of Buffer.from(file, 'utf8')) {
    const char = String.fromCharCode(byte);
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/** The line of the old file where the first hunk's first change is. */
function firstChangedLine(body: string[]): number | undefined {
  const hunk = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(body[0] ?? '');
  if (!hunk) return undefined;
  let line = Number(hunk[1]);
  for (const text of body.slice(1)) {
    if (!text.startsWith(' ')) break;
    line++;
  }
  return Math.max(1, line);
}

/** A diff cut to `cap` lines for logs and summaries, saying how much was left out. */
export function capDiff(text: string, cap = DIFF_LINE_CAP): { text: string; truncated: boolean } {
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines.length <= cap) return { text: lines.join('\n'), truncated: false };
  return {
    text: `${lines.slice(0, cap).join('\n')}\n… ${lines.length - cap} more lines (the patch has all of it)`,
    truncated: true,
  };
}
