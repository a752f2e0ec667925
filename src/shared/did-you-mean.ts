/**
 * "Did you mean …?" for unknown commands, flags, manifest keys and repository names: the one place
 * that decides how close a misspelling must be to be suggested.
 */

/** The candidate closest to `word` (case-insensitive edit distance), if it is close enough to suggest. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.ceil(word.length / 3)) ? best : undefined;
}

/** `; did you mean "x"?` or the empty string, to append to an error message. */
export function didYouMean(
  word: string,
  candidates: readonly string[],
  quote = (s: string) => `"${s}"`,
): string {
  const suggestion = nearest(word, candidates);
  return suggestion ? `; did you mean ${quote(suggestion)}?` : '';
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
