import path from 'node:path';
import type { CommandResult } from '../cli/command.js';
import { problemMessage, type ConfigProblem } from '../shared/errors.js';
import { code, escapeHtml, fence, formatBytes, table } from '../shared/markdown.js';
import { ProgressLine } from '../shared/progress.js';
import type { Reporter } from '../shared/reporter.js';
import {
  OUTPUT_KEPT_BYTES,
  type CheckEvent,
  type CheckGeneratedReport,
  type CheckHooks,
  type GeneratorOutcome,
  type StaleFile,
} from './check.js';
import { capDiff } from './patch.js';
import { problemAt, type Generator } from './select.js';

/**
 * Presentation of `check-generated`: turns the one report of the check into log lines,
 * annotations, the job summary, the `--json` document and the action's outputs.
 */

const KIND_TEXT: Record<StaleFile['kind'], string> = {
  modified: 'out of date',
  missing: 'missing (the generator writes it, the tree lacks it)',
  orphaned: 'orphaned (matches the outputs, the generator no longer writes it)',
  mode: 'file mode differs (executable bit)',
};

/** What the presenter needs besides the report: the reporter and how to name the fix command. */
export interface PresentContext {
  reporter: Reporter;
  /** `--manifest` as given, repeated in the fix command. */
  manifestOption?: string;
  /**
   * The CLI that ran, as a command to type here (`['node', 'dist/index.js']`); absent in an action,
   * where the runner's copy of cutover is not the user's: the fix names a checkout of cutover.
   */
  cli?: string[];
}

/** How to start cutover where it is not at hand: from a checkout of cutover (it is no npm package). */
export const CLI_FROM_A_CHECKOUT = ['node', 'path/to/cutover/dist/index.js'];

/** The command that fixes the tree, as the user should type it. */
export function fixCommandOf(
  manifestOption: string | undefined,
  repo: string | undefined,
  cli: string[] = CLI_FROM_A_CHECKOUT,
): string {
  return shellJoin([
    ...cli,
    'check-generated',
    '--fix',
    ...(manifestOption !== undefined ? ['--manifest', manifestOption] : []),
    ...(repo !== undefined ? ['--repo', repo] : []),
  ]);
}

/**
 * Hooks that show the check while it runs: the opening line, a steady progress line and one line per
 * run started and finished, and generators' output in debug logs. Call `done` when the check ends.
 */
export function progressHooks(reporter: Reporter): Required<CheckHooks> & { done: () => void } {
  let total = 0;
  let finished = 0;
  let running = 0;
  const progress = new ProgressLine(
    (line) => reporter.info(line),
    (elapsed) =>
      `check-generated: ${finished}/${total} runs finished, ${running} running, ${elapsed.toFixed(0)}s`,
  );
  let timer: NodeJS.Timeout | undefined;
  const shown = new Map<string, number>();
  return {
    onStart({ generators, top, files, repeat }) {
      total = generators.length * repeat;
      reporter.info(
        `checking ${generators.length} generator${generators.length === 1 ? '' : 's'} in scratch copies of ${top} (${files} files, ${repeat} run${repeat === 1 ? '' : 's'} each)`,
      );
      timer = setInterval(() => progress.tick(), 1000);
      timer.unref();
    },
    onEvent(event: CheckEvent) {
      if (event.phase === 'started') {
        running++;
        reporter.info(`generator "${event.generator}" run ${event.attempt}: started`);
      } else {
        running--;
        finished++;
        const dropped = event.outputDropped
          ? ` (${formatBytes(event.outputDropped)} of its output not kept)`
          : '';
        reporter.info(
          `generator "${event.generator}" run ${event.attempt}: ${event.timedOut ? 'stopped at its timeout' : `exit ${event.exitCode}`} after ${event.seconds?.toFixed(1)}s${dropped}`,
        );
      }
    },
    onOutput(name, chunk) {
      // Debug logs show the first OUTPUT_KEPT_BYTES of each generator's output, then say so once.
      const before = shown.get(name) ?? 0;
      shown.set(name, before + chunk.length);
      if (before >= OUTPUT_KEPT_BYTES) return;
      reporter.debug(
        `[${name}] ${chunk
          .subarray(0, OUTPUT_KEPT_BYTES - before)
          .toString('utf8')
          .trimEnd()}`,
      );
      if (before + chunk.length > OUTPUT_KEPT_BYTES)
        reporter.debug(`[${name}] … the rest of its output is not shown`);
    },
    done() {
      if (timer === undefined) return;
      clearInterval(timer);
      progress.done();
    },
  };
}

/** Turns the check's report into everything a user sees: logs, annotations, summary, JSON, outputs. */
export function present(report: CheckGeneratedReport, context: PresentContext): CommandResult {
  const { reporter } = context;
  const fixCommand = fixCommandOf(context.manifestOption, report.repo, context.cli);
  const stale = report.fix ? [] : report.stale;
  const failed = report.generators.filter((generator) => generator.status === 'failed');
  const writtenPatch = report.patchFile;

  annotate(reporter, { ...report, stale }, (generator, key, message) =>
    problemAt(report.manifest, generator, key, message),
  );
  for (const entry of report.skipped) reporter.info(`${entry.path}: skipped, ${entry.reason}`);
  for (const generator of report.generators) {
    const seconds = generator.runs.map((run) => `${run.seconds.toFixed(1)}s`).join(', ');
    reporter.info(`generator "${generator.name}": ${generator.status} (runs: ${seconds})`);
  }
  for (const file of stale) {
    reporter.info(
      `${file.path}: ${KIND_TEXT[file.kind]} (generator "${file.generator}")\n${capDiff(file.patch).text}`,
    );
  }
  if (report.fix && report.fixed.length > 0) {
    reporter.info(`fixed ${report.fixed.length} file(s) in the working tree: ${report.fixed.join(', ')}`);
  }
  if (writtenPatch)
    reporter.info(
      `wrote the fix as a patch: ${writtenPatch} (apply with: git apply ${shellJoin([writtenPatch])})`,
    );
  if (stale.length > 0) reporter.info(`to fix: ${fixCommand}`);
  reporter.summary(summaryOf(report, stale, fixCommand, writtenPatch, report.repeat));

  const problems = [
    stale.length > 0 && `${stale.length} generated file(s) not current (fix: ${fixCommand})`,
    report.nonReproducible.length > 0 &&
      `${report.nonReproducible.length} generated file(s) differ between runs (non-reproducible)`,
    failed.length > 0 && `generator(s) failed: ${failed.map((generator) => generator.name).join(', ')}`,
  ].filter((text): text is string => typeof text === 'string');
  return {
    exitCode: problems.length > 0 ? 1 : 0,
    ...(problems.length > 0 && { failureMessage: problems.join('; ') }),
    outputs: {
      stale: String(stale.length > 0),
      patch: writtenPatch ?? '',
      'stale-files': String(stale.length),
      'non-reproducible': String(report.nonReproducible.length),
      'undeclared-writes': String(report.undeclared.length),
      'failed-generators': String(failed.length),
    },
    json: {
      manifest: report.manifest.source,
      ...(report.repo !== undefined && { repo: report.repo }),
      repeat: report.repeat,
      stale: stale.length > 0,
      patch: writtenPatch ?? null,
      fixCommand,
      generators: report.generators,
      files: stale.map((file) => ({
        path: file.path,
        generator: file.generator,
        kind: file.kind,
        ...(file.line !== undefined && { line: file.line }),
        diff: capDiff(file.patch).text,
      })),
      fixed: report.fixed,
      nonReproducible: report.nonReproducible,
      undeclaredWrites: report.undeclared,
      skipped: report.skipped,
      counts: {
        generators: report.generators.length,
        staleFiles: stale.length,
        nonReproducible: report.nonReproducible.length,
        undeclaredWrites: report.undeclared.length,
        failedGenerators: failed.length,
        fixed: report.fixed.length,
      },
    },
  };
}

function annotate(
  reporter: Reporter,
  report: CheckGeneratedReport,
  locate: (generator: Generator, key: string, message: string) => ConfigProblem,
): void {
  const byName = new Map(report.generatorsChecked.map((generator) => [generator.name, generator]));
  for (const file of report.stale) {
    const generator = byName.get(file.generator)!;
    reporter.annotate({
      severity: 'error',
      title: 'Generated file not current',
      file: file.path,
      ...(file.line !== undefined && { line: file.line }),
      message: `${file.path} is ${KIND_TEXT[file.kind]}: generator "${generator.name}" (${generator.run}) writes something else. The job summary has the diff and the fix.`,
    });
  }
  for (const entry of report.nonReproducible) {
    reporter.annotate({
      severity: 'error',
      title: 'Generated file is not reproducible',
      file: entry.path,
      message: `${entry.path} differs between two runs of generator "${entry.generator}" on the same input${entry.hint ? `: ${entry.hint}` : ''}`,
    });
  }
  for (const entry of report.undeclared) {
    reporter.annotate({
      severity: 'warning',
      title: 'Undeclared write',
      file: entry.path,
      message: `generator "${entry.generator}" ${entry.change} ${entry.path}, which its outputs do not cover: add it to outputs or stop the generator from writing it`,
    });
  }
  for (const outcome of report.generators) {
    const generator = byName.get(outcome.name)!;
    for (const glob of outcome.unmatchedOutputs) {
      const problem = locate(
        generator,
        'outputs',
        `generator "${outcome.name}": output "${glob}" matches no file`,
      );
      reporter.annotate({ severity: 'warning', message: problemMessage(problem), ...located(problem) });
    }
    if (outcome.status === 'failed') {
      const problem = locate(
        generator,
        'run',
        `generator "${outcome.name}" ${failureText(outcome)}; the end of its error output:\n${outcome.stderrTail ?? ''}`,
      );
      reporter.annotate({ severity: 'error', message: problemMessage(problem), ...located(problem) });
    }
  }
}

function located(problem: ConfigProblem) {
  return {
    file: problem.file,
    ...(problem.line !== undefined && { line: problem.line }),
    ...(problem.column !== undefined && { column: problem.column }),
  };
}

function summaryOf(
  report: CheckGeneratedReport,
  stale: StaleFile[],
  fixCommand: string,
  patch: string | undefined,
  repeat: number,
): string {
  const icon = { current: '✅', stale: '❌', failed: '💥', 'non-reproducible': '🎲' } as const;
  const parts = [
    '### cutover: generated files',
    '',
    table(
      ['Generator', 'Command', 'Runs', 'Result'],
      report.generators.map((generator) => [
        generator.name,
        `\`${generator.run}\`${generator.workingDirectory ? ` in \`${generator.workingDirectory}\`` : ''}`,
        generator.runs.map((run) => `${run.seconds.toFixed(1)}s`).join(', '),
        `${icon[generator.status]} ${generator.status}`,
      ]),
    ),
    '',
  ];
  if (stale.length > 0) {
    parts.push(
      `**${stale.length} generated file(s) are not current.** Fix them with:`,
      '',
      '```sh',
      fixCommand,
      '```',
      '',
      ...(patch
        ? [
            'or apply the patch in the repository (in a workflow run it is the `cutover-generated-patch` artifact):',
            '',
            '```sh',
            `git apply ${path.basename(patch)}`,
            '```',
            '',
          ]
        : []),
      table(
        ['File', 'Problem', 'Generator', 'Regenerate with'],
        stale.map((file) => {
          const generator = report.generators.find((outcome) => outcome.name === file.generator)!;
          const command = generator.workingDirectory
            ? `cd ${shellJoin([generator.workingDirectory])} && ${generator.run}`
            : generator.run;
          return [code(file.path), KIND_TEXT[file.kind], file.generator, code(command)];
        }),
      ),
      '',
    );
    for (const file of stale) {
      const diff = capDiff(file.patch);
      parts.push(
        `<details><summary><code>${escapeHtml(file.path)}</code> — ${KIND_TEXT[file.kind]}</summary>`,
        '',
        fence(diff.text, 'diff'),
        '',
        '</details>',
        '',
      );
    }
  } else if (report.fixed.length > 0) {
    parts.push(
      `Fixed ${report.fixed.length} file(s) in the working tree: ${report.fixed.map(code).join(', ')}.`,
      '',
    );
  }
  if (report.nonReproducible.length > 0) {
    parts.push(
      `**${report.nonReproducible.length} generated file(s) differ between ${repeat} runs on the same input** (non-reproducible):`,
      '',
      table(
        ['File', 'Generator', 'Hint'],
        report.nonReproducible.map((entry) => [code(entry.path), entry.generator, entry.hint ?? '']),
      ),
      '',
    );
    for (const entry of report.nonReproducible) {
      parts.push(
        `<details><summary><code>${escapeHtml(entry.path)}</code>: run 1 → run 2</summary>`,
        '',
        fence(entry.diff, 'diff'),
        '',
        '</details>',
        '',
      );
    }
  }
  if (report.undeclared.length > 0) {
    parts.push(
      "**Undeclared writes** (outside the generator's outputs):",
      '',
      table(
        ['File', 'Generator', 'Change'],
        report.undeclared.map((entry) => [code(entry.path), entry.generator, entry.change]),
      ),
      '',
    );
  }
  for (const generator of report.generators.filter((outcome) => outcome.status === 'failed')) {
    parts.push(
      `**Generator \`${generator.name}\` ${failureText(generator)}**:`,
      '',
      '```',
      generator.stderrTail ?? '',
      '```',
      '',
    );
  }
  return parts.join('\n');
}

/** Joins words into a command line a POSIX shell reads back as the same words. */
function shellJoin(words: string[]): string {
  return words
    .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

/** "failed (exit 2)", or "timed out after 90 s (its timeout; stopped with everything it started)". */
function failureText(outcome: GeneratorOutcome): string {
  return outcome.timedOutAfter !== undefined
    ? `timed out after ${outcome.timedOutAfter} s (its timeout; stopped with everything it started)`
    : `failed (exit ${outcome.exitCode})`;
}
