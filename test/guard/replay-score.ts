/**
 * The replay harness's scoring: a real registry move replayed with guard --fix, compared line by line
 * with what the project's engineers committed (the oracle). guard never adds or removes lines, so its
 * output is compared with the tree before the move line for line; the engineers' diff is aligned with
 * a longest-common-subsequence line diff.
 */

/** What happened to one line the engineers changed. */
export type Outcome = 'exact' | 'differently' | 'reported' | 'silent';

/** One line the engineers changed (removed or replaced), and what guard did with it. */
export interface ChangedLine {
  file: string;
  /** 1-based line in the tree before the move. */
  line: number;
  before: string;
  /** The engineers' line in its place (undefined: deleted, or replaced by a block of another size). */
  after?: string;
  /** guard's line. */
  guard: string;
  outcome: Outcome;
}

/** A line guard changed that the engineers did not. */
export interface ExtraEdit {
  file: string;
  line: number;
  before: string;
  guard: string;
}

/** For each line of `before`, the engineers' line in its place: the same text when kept, undefined when deleted or reshaped. */
export function alignChanges(before: string[], after: string[]): { changed: boolean; after?: string }[] {
  const n = before.length;
  const m = after.length;
  // lcs[i][j]: length of the LCS of before[i..] and after[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] =
        before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const result: { changed: boolean; after?: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n) {
    if (j < m && before[i] === after[j]) {
      result.push({ changed: false, after: before[i]! });
      i++;
      j++;
      continue;
    }
    // A hunk: the removed lines, then the added ones, paired in order.
    const removed: number[] = [];
    const added: string[] = [];
    while (i < n || j < m) {
      if (i < n && j < m && before[i] === after[j]) break;
      if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) added.push(after[j++]!);
      else removed.push(i++);
    }
    removed.forEach((index, at) => {
      result[index] = at < added.length ? { changed: true, after: added[at]! } : { changed: true };
    });
  }
  return result;
}

/**
 * Scores one file: each line the engineers changed, and each line guard changed that they did not.
 * `reportedLines` are the 1-based lines guard reported a (not ignored) finding on; a line the
 * engineers changed counts as reported when guard reported a line of its block of changed lines.
 */
export function scoreFile(
  file: string,
  before: string,
  after: string,
  guard: string,
  reportedLines: ReadonlySet<number>,
): { changed: ChangedLine[]; extra: ExtraEdit[] } {
  const beforeLines = before.split('\n');
  const guardLines = guard.split('\n');
  if (guardLines.length !== beforeLines.length)
    throw new Error(
      `${file}: guard changed the number of lines (${beforeLines.length} → ${guardLines.length})`,
    );
  const aligned = alignChanges(beforeLines, after.split('\n'));
  const changed: ChangedLine[] = [];
  const extra: ExtraEdit[] = [];
  // A block of consecutive changed lines counts as reported when guard reported any line of it (a
  // namespace set beside the host setting guard reported, comments deleted with the lines they list).
  const reportedBlock = new Set<number>();
  for (let index = 0; index < beforeLines.length;) {
    if (!aligned[index]!.changed) {
      index++;
      continue;
    }
    let end = index;
    while (end < beforeLines.length && aligned[end]!.changed) end++;
    const lines = Array.from({ length: end - index }, (_, at) => index + at + 1);
    if (lines.some((line) => reportedLines.has(line))) for (const line of lines) reportedBlock.add(line);
    index = end;
  }
  beforeLines.forEach((text, index) => {
    const line = index + 1;
    const guardText = guardLines[index]!;
    const engineers = aligned[index]!;
    if (!engineers.changed) {
      if (guardText !== text) extra.push({ file, line, before: text, guard: guardText });
      return;
    }
    const outcome: Outcome =
      guardText !== text
        ? guardText === engineers.after
          ? 'exact'
          : 'differently'
        : reportedBlock.has(line)
          ? 'reported'
          : 'silent';
    changed.push({
      file,
      line,
      before: text,
      ...(engineers.after !== undefined && { after: engineers.after }),
      guard: guardText,
      outcome,
    });
  });
  return { changed, extra };
}
