/**
 * How a run talks to people — log lines, annotations on file and line, the job summary — as an
 * interface, so commands and presenters can use it without knowing whether they run in an action
 * or the CLI (src/cli/reporter.ts makes the real one).
 */
import type { ConfigProblem } from './errors.js';

/** How loud a finding is: an error fails the check, a warning and info do not. */
export type Severity = 'info' | 'warning' | 'error';

/** A finding tied to a place in a file, shown as a GitHub annotation or a `file:line:col` line. */
export interface Annotation {
  severity: Severity;
  message: string;
  title?: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
}

/** How a run talks to people: the log, annotations and the job summary, in the CLI or an action. */
export interface Reporter {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  annotate(annotation: Annotation): void;
  /**
   * Many annotations at once, in order, as `annotate` shows them (a reporter may write them in one
   * go: thousands of findings cost thousands of writes otherwise). Optional: use {@link annotateAll}.
   */
  annotateMany?(annotations: readonly Annotation[]): void;
  /** Appends Markdown to the job summary (written when the run ends). */
  summary(markdown: string): void;
  /** Everything appended to the summary so far. */
  summaryText(): string;
  /** Writes the summary to $GITHUB_STEP_SUMMARY when there is one. */
  flushSummary(): void;
}

/** Shows annotations through `annotateMany` where the reporter has it, else one by one. */
export function annotateAll(reporter: Reporter, annotations: readonly Annotation[]): void {
  if (reporter.annotateMany) reporter.annotateMany(annotations);
  else for (const annotation of annotations) reporter.annotate(annotation);
}

/** Annotates located configuration problems (for example the manifest's warnings) at their file and line. */
export function annotateProblems(
  reporter: Reporter,
  problems: readonly ConfigProblem[],
  severity: Severity = 'warning',
): void {
  for (const problem of problems) {
    reporter.annotate({
      severity,
      message: problem.path ? `${problem.path}: ${problem.message}` : problem.message,
      file: problem.file,
      ...(problem.line !== undefined && { line: problem.line }),
      ...(problem.column !== undefined && { column: problem.column }),
    });
  }
}
