import type { AnnotationProperties } from '@actions/core';
import { appendFileSync } from 'node:fs';
import { requireActionsCore as core } from './actions-core.js';
import { redact } from '../shared/secrets.js';
import type { ConfigProblem } from '../shared/errors.js';
import type { Severity } from '../manifest/timeline.js';

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
  /** Appends Markdown to the job summary (written when the run ends). */
  summary(markdown: string): void;
  /** Everything appended to the summary so far. */
  summaryText(): string;
  /** Writes the summary to $GITHUB_STEP_SUMMARY when there is one. */
  flushSummary(): void;
}

type Mode = 'action' | 'cli';

/** The reporter for the current front door: GitHub workflow commands in an action, stderr in the CLI. */
export function createReporter(mode: Mode, env: NodeJS.ProcessEnv = process.env): Reporter {
  const inGitHub = env['GITHUB_ACTIONS'] === 'true';
  const parts: string[] = [];
  const write = (line: string) => process.stderr.write(`${redact(line)}\n`);
  return {
    info: (message) => (mode === 'action' ? core().info(redact(message)) : write(message)),
    warning: (message) =>
      mode === 'action' ? core().warning(redact(message)) : write(`warning: ${message}`),
    error: (message) => (mode === 'action' ? core().error(redact(message)) : write(`error: ${message}`)),
    debug: (message) => {
      if (mode === 'action') core().debug(redact(message));
      else if (env['CUTOVER_DEBUG'] || env['RUNNER_DEBUG'] === '1') write(`debug: ${message}`);
    },
    annotate(annotation) {
      const message = redact(annotation.message);
      if (inGitHub) {
        const properties: AnnotationProperties = {
          ...(annotation.title !== undefined && { title: annotation.title }),
          ...(annotation.file !== undefined && { file: annotation.file }),
          ...(annotation.line !== undefined && { startLine: annotation.line }),
          ...(annotation.endLine !== undefined && { endLine: annotation.endLine }),
          ...(annotation.column !== undefined && { startColumn: annotation.column }),
        };
        const command =
          annotation.severity === 'error'
            ? 'error'
            : annotation.severity === 'warning'
              ? 'warning'
              : 'notice';
        if (mode === 'action') core()[command](message, properties);
        else process.stderr.write(`${workflowCommand(command, properties, message)}\n`);
        return;
      }
      const where = [annotation.file, annotation.line, annotation.column]
        .filter((p) => p !== undefined)
        .join(':');
      write(`${where ? `${where}: ` : ''}${annotation.severity}: ${message}`);
    },
    summary: (markdown) => void parts.push(redact(markdown)),
    summaryText: () => parts.join('\n'),
    flushSummary() {
      const file = env['GITHUB_STEP_SUMMARY'];
      if (file && parts.length > 0) appendFileSync(file, `${parts.join('\n')}\n`);
    },
  };
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function workflowCommand(command: string, properties: AnnotationProperties, message: string): string {
  const names: Record<string, string> = {
    startLine: 'line',
    endLine: 'endLine',
    startColumn: 'col',
    title: 'title',
    file: 'file',
  };
  const props = Object.entries(properties)
    .map(([key, value]) => `${names[key] ?? key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
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
