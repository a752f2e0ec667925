import type { AnnotationProperties } from '@actions/core';
import { appendFileSync } from 'node:fs';
import { requireActionsCore as core } from './actions-core.js';
import type { Annotation, Reporter } from '../shared/reporter.js';
import type { SecretRegistry } from '../shared/secrets.js';
import type { EntryPoint } from './command.js';

/**
 * The reporter for an entry point: GitHub workflow commands in an action, stderr in the CLI (with
 * workflow-command annotations when the CLI runs inside a workflow). Everything passes `secrets.redact`.
 */
export function createReporter(mode: EntryPoint, env: NodeJS.ProcessEnv, secrets: SecretRegistry): Reporter {
  const inGitHub = env['GITHUB_ACTIONS'] === 'true';
  // Every plain line is data to the runner, never a command of its own (workflowSafe).
  const redact = (text: string) => workflowSafe(secrets.redact(text), inGitHub || mode === 'action');
  const parts: string[] = [];
  const write = (line: string) => process.stderr.write(`${redact(line)}\n`);
  /**
   * What an annotation writes to stderr (in an action, it goes through @actions/core: nothing).
   * A plain line is redacted here unless the caller redacts many at once (`redactPlain` false); a
   * workflow command's message is always redacted before it is escaped.
   */
  const shown = (annotation: Annotation, redactPlain = true): string | undefined => {
    if (inGitHub) {
      const message = redact(annotation.message);
      const properties: AnnotationProperties = {
        ...(annotation.title !== undefined && { title: annotation.title }),
        ...(annotation.file !== undefined && { file: annotation.file }),
        ...(annotation.line !== undefined && { startLine: annotation.line }),
        ...(annotation.endLine !== undefined && { endLine: annotation.endLine }),
        ...(annotation.column !== undefined && { startColumn: annotation.column }),
      };
      const command =
        annotation.severity === 'error' ? 'error' : annotation.severity === 'warning' ? 'warning' : 'notice';
      if (mode === 'action') {
        core()[command](message, properties);
        return undefined;
      }
      return `${workflowCommand(command, properties, message)}\n`;
    }
    const where = [annotation.file, annotation.line, annotation.column]
      .filter((p) => p !== undefined)
      .join(':');
    const line = `${where ? `${where}: ` : ''}${annotation.severity}: ${annotation.message}`;
    return `${redactPlain ? redact(line) : line}\n`;
  };
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
      const text = shown(annotation);
      if (text) process.stderr.write(text);
    },
    annotateMany(annotations) {
      let text = '';
      for (const annotation of annotations) text += shown(annotation, false) ?? '';
      // Plain lines are redacted together: once, not thousands of times.
      if (text) process.stderr.write(inGitHub ? text : redact(text));
    },
    summary: (markdown) => void parts.push(secrets.redact(markdown)),
    summaryText: () => parts.join('\n'),
    flushSummary() {
      const file = env['GITHUB_STEP_SUMMARY'];
      if (file && parts.length > 0) appendFileSync(file, `${parts.join('\n')}\n`);
    },
  };
}

/**
 * Text made safe to print where a runner reads it: a lone carriage return (which the runner, like a
 * terminal, takes as the end of a line) is shown as `%0D`; in a workflow, a line that would start a
 * workflow command (`::…`, or the older `##[…`) after its leading blanks has its first characters
 * escaped (`%3A%3A…`), so a file name, a flag or a server's message can never issue one. cutover's
 * own commands are written by {@link workflowCommand} and {@link addMaskCommand}, not through here.
 */
export function workflowSafe(text: string, inWorkflow: boolean): string {
  const lines = text.replace(/\r\n/g, '\n').replace(/\r/g, '%0D');
  if (!inWorkflow || !/(^|\n)[ \t]*(::|##\[)/.test(lines)) return lines;
  return lines.replace(
    /(^|\n)([ \t]*)(::|##\[)/g,
    (_all, start: string, blanks: string, key: string) =>
      `${start}${blanks}${key === '::' ? '%3A%3A' : '%23%23['}`,
  );
}

/** The workflow command that asks the runner to mask `value` in the log, escaped as the runner expects. */
export function addMaskCommand(value: string): string {
  return `::add-mask::${escapeData(value)}\n`;
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
