import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem } from '../shared/errors.js';
import { checkGenerated, type CheckReport, type GeneratorOutcome, type StaleFile } from './check.js';
import { capDiff } from './patch.js';
import { openRepository } from './repository.js';
import { preflight, problemAt, selectGenerators, type Generator } from './select.js';
import { table } from '../shared/markdown.js';
import { ProgressLine } from '../shared/progress.js';
import type { Reporter } from '../shared/reporter.js';
import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';

const KIND_TEXT: Record<StaleFile['kind'], string> = {
  modified: 'out of date',
  missing: 'missing (the generator writes it, the tree lacks it)',
  orphaned: 'orphaned (matches the outputs, the generator no longer writes it)',
  mode: 'file mode differs (executable bit)',
};

/** `cutover check-generated`: are the generated files current? Runs generators in scratch copies. */
export const checkGeneratedCommand = defineCommand({
  name: 'check-generated',
  summary:
    'Check that generated files are current by running each generator in a scratch copy; report diffs, a fix patch, and non-reproducible output.',
  options: {
    repo: option.string(
      'Check the generators of this repository (repos.<name>.generated) as well as the top-level ones. Default: GITHUB_REPOSITORY.',
    ),
    patch: option.string(
      'Write one patch that `git apply` turns into the fix to this file (only when something is stale). In an action: default $RUNNER_TEMP/cutover-generated.patch.',
    ),
    fix: option.boolean(
      "Regenerate in place: write the generators' outputs (and only those) into the working tree.",
      { cliOnly: true },
    ),
    repeat: option.int(
      { min: 1, max: 10, expected: 'expected a number of runs from 1 to 10' },
      'Run each generator this many times, each in its own copy, and report outputs that differ as non-reproducible. Default: 2 when CI is set, else 1.',
    ),
  },
  outputs: [
    { name: 'stale', description: 'true when a generated file is stale, missing or orphaned, else false.' },
    {
      name: 'patch',
      description: 'Path of the patch that fixes the stale files (empty when nothing is stale).',
    },
    { name: 'stale-files', description: 'Number of stale, missing or orphaned generated files.' },
    { name: 'non-reproducible', description: 'Number of generated files that differ between repeated runs.' },
    {
      name: 'undeclared-writes',
      description: 'Number of files generators changed outside their declared outputs.',
    },
    { name: 'failed-generators', description: 'Number of generators that exited with an error.' },
  ],
  actionSteps: [
    {
      name: 'Upload the fix for generated files',
      if: "${{ always() && steps.run.outputs.stale == 'true' && steps.run.outputs.patch != '' }}",
      uses: 'actions/upload-artifact@v4',
      with: {
        name: 'cutover-generated-patch',
        path: '${{ steps.run.outputs.patch }}',
        'if-no-files-found': 'ignore',
      },
    },
  ],
  async run({ options, manifest: load, reporter, env, cwd }) {
    // parse
    const manifest = await load();
    const { repo, generators } = selectGenerators(manifest, options.repo, env);
    const repository = await openRepository(cwd);
    preflight(manifest, generators, repository.top, env);
    const repeat = options.repeat ?? (env['CI'] && env['CI'] !== 'false' ? 2 : 1);
    const patchFile =
      options.patch !== undefined
        ? path.resolve(cwd, options.patch)
        : env['GITHUB_ACTIONS'] === 'true' && env['RUNNER_TEMP']
          ? path.join(env['RUNNER_TEMP'], 'cutover-generated.patch')
          : undefined;
    const fixCommand = shellJoin([
      'npx',
      'cutover',
      'check-generated',
      '--fix',
      ...(options.manifest !== undefined ? ['--manifest', options.manifest] : []),
      ...(repo !== undefined ? ['--repo', repo] : []),
    ]);

    // do
    reporter.info(
      `checking ${generators.length} generator${generators.length === 1 ? '' : 's'} in scratch copies of ${repository.top} (${repository.files.size} files, ${repeat} run${repeat === 1 ? '' : 's'} each)`,
    );
    const report = await withProgress(reporter, generators.length * repeat, (onEvent) =>
      checkGenerated(repository, generators, {
        repeat,
        fix: options.fix,
        env,
        locate: (generator, key, message) => problemAt(manifest, generator, key, message),
        onEvent,
        onOutput: (name, chunk) => reporter.debug(`[${name}] ${chunk.toString('utf8').trimEnd()}`),
      }),
    );
    const stale = options.fix ? [] : report.stale;
    const failed = report.generators.filter((generator) => generator.status === 'failed');
    let writtenPatch: string | undefined;
    if (patchFile && report.stale.length > 0 && !options.fix) {
      mkdirSync(path.dirname(patchFile), { recursive: true });
      writeFileSync(patchFile, report.patch);
      writtenPatch = patchFile;
    }

    // report
    annotate(reporter, { ...report, stale }, generators, (generator, key, message) =>
      problemAt(manifest, generator, key, message),
    );
    for (const generator of report.generators) {
      const seconds = generator.runs.map((run) => `${run.seconds.toFixed(1)}s`).join(', ');
      reporter.info(`generator "${generator.name}": ${generator.status} (runs: ${seconds})`);
    }
    for (const file of stale) {
      reporter.info(
        `${file.path}: ${KIND_TEXT[file.kind]} (generator "${file.generator}")\n${capDiff(file.patch).text}`,
      );
    }
    if (options.fix && report.fixed.length > 0) {
      reporter.info(`fixed ${report.fixed.length} file(s) in the working tree: ${report.fixed.join(', ')}`);
    }
    if (writtenPatch)
      reporter.info(
        `wrote the fix as a patch: ${writtenPatch} (apply with: git apply ${shellJoin([writtenPatch])})`,
      );
    if (stale.length > 0) reporter.info(`to fix: ${fixCommand}`);
    reporter.summary(summaryOf(report, stale, fixCommand, writtenPatch, repeat));

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
        manifest: manifest.source,
        ...(repo !== undefined && { repo }),
        repeat,
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
  },
});

/** Runs the check with a steady progress line and one line per run started and finished. */
async function withProgress<T>(
  reporter: Reporter,
  total: number,
  work: (onEvent: Parameters<typeof checkGenerated>[2]['onEvent']) => Promise<T>,
): Promise<T> {
  let finished = 0;
  let running = 0;
  const progress = new ProgressLine(
    (line) => reporter.info(line),
    (elapsed) =>
      `check-generated: ${finished}/${total} runs finished, ${running} running, ${elapsed.toFixed(0)}s`,
  );
  const timer = setInterval(() => progress.tick(), 1000);
  timer.unref();
  try {
    return await work((event) => {
      if (event.phase === 'started') {
        running++;
        reporter.info(`generator "${event.generator}" run ${event.attempt}: started`);
      } else {
        running--;
        finished++;
        reporter.info(
          `generator "${event.generator}" run ${event.attempt}: ${event.timedOut ? 'stopped at its timeout' : `exit ${event.exitCode}`} after ${event.seconds?.toFixed(1)}s`,
        );
      }
    });
  } finally {
    clearInterval(timer);
    progress.done();
  }
}

function annotate(
  reporter: Reporter,
  report: CheckReport,
  generators: Generator[],
  locate: (generator: Generator, key: string, message: string) => ReturnType<typeof problemAt>,
): void {
  const byName = new Map(generators.map((generator) => [generator.name, generator]));
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
      reporter.annotate({ severity: 'warning', message: formatProblem(problem), ...located(problem) });
    }
    if (outcome.status === 'failed') {
      const problem = locate(
        generator,
        'run',
        `generator "${outcome.name}" ${failureText(outcome)}; the end of its error output:\n${outcome.stderrTail ?? ''}`,
      );
      reporter.annotate({ severity: 'error', message: formatProblem(problem), ...located(problem) });
    }
  }
}

function located(problem: ReturnType<typeof problemAt>) {
  return {
    file: problem.file,
    ...(problem.line !== undefined && { line: problem.line }),
    ...(problem.column !== undefined && { column: problem.column }),
  };
}

function summaryOf(
  report: CheckReport,
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
          return [`\`${file.path}\``, KIND_TEXT[file.kind], file.generator, `\`${command}\``];
        }),
      ),
      '',
    );
    for (const file of stale) {
      const diff = capDiff(file.patch);
      parts.push(
        `<details><summary><code>${file.path}</code> — ${KIND_TEXT[file.kind]}</summary>`,
        '',
        '```diff',
        diff.text,
        '```',
        '',
        '</details>',
        '',
      );
    }
  } else if (report.fixed.length > 0) {
    parts.push(
      `Fixed ${report.fixed.length} file(s) in the working tree: ${report.fixed.map((file) => `\`${file}\``).join(', ')}.`,
      '',
    );
  }
  if (report.nonReproducible.length > 0) {
    parts.push(
      `**${report.nonReproducible.length} generated file(s) differ between ${repeat} runs on the same input** (non-reproducible):`,
      '',
      table(
        ['File', 'Generator', 'Hint'],
        report.nonReproducible.map((entry) => [`\`${entry.path}\``, entry.generator, entry.hint ?? '']),
      ),
      '',
    );
    for (const entry of report.nonReproducible) {
      parts.push(
        `<details><summary><code>${entry.path}</code>: run 1 → run 2</summary>`,
        '',
        '```diff',
        entry.diff,
        '```',
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
        report.undeclared.map((entry) => [`\`${entry.path}\``, entry.generator, entry.change]),
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
