import { planMigration } from './plan.js';
import { planMatrix } from './render.js';
import { presentPlan } from './present.js';
import { writeSummaryFile } from '../shared/markdown.js';
import { UsageError } from '../shared/errors.js';
import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';

/** `cutover plan`: the dependency graph, its cycles and the waves in which repositories switch. */
export const plan = defineCommand({
  name: 'plan',
  summary:
    'Plan the migration: dependency graph, cycles (pinned or blocking), waves with owners, and a job matrix.',
  options: {
    'matrix-by': option.choice(['repo', 'image'], 'One matrix job per "repo" or per produced "image".', {
      default: 'repo',
      expected: 'expected "repo" or "image"',
    }),
    wave: option.int(
      { min: 1, expected: 'expected a wave number of at least 1' },
      'Only this wave in the matrix output (GitHub runs at most 256 jobs per matrix).',
    ),
    verbose: option.boolean('List every repository of every wave (by default the first few and a count).', {
      cliOnly: true,
    }),
    summary: option.string(
      'Also write the job summary (Markdown with its diagram) to this file, e.g. to look at it outside Actions.',
      { cliOnly: true },
    ),
  },
  outputs: [
    {
      name: 'matrix',
      description: 'GitHub Actions matrix JSON ({"include": [...]}) for an org-wide fan-out.',
    },
    { name: 'waves', description: 'How many waves the plan has.' },
    { name: 'blocking-cycles', description: 'How many cycles need a decision (0 when none).' },
  ],
  async run({ manifest: load, options, reporter, entry, env, cwd, stdoutIsTTY }) {
    const manifest = await load();
    const started = performance.now();
    const plan = planMigration(manifest);
    if (options.wave !== undefined && options.wave > plan.waves.length) {
      // An empty matrix would start no job and pass: a wave that does not exist is a mistake.
      throw new UsageError(
        plan.waves.length === 0
          ? `--wave ${options.wave}: the plan has no waves (the manifest lists no repositories)`
          : `--wave ${options.wave}: the plan has ${plan.waves.length} wave${plan.waves.length === 1 ? '' : 's'}; expected 1–${plan.waves.length}`,
      );
    }
    const matrix = planMatrix(plan, options['matrix-by'], options.wave);
    const report = {
      manifest,
      plan,
      matrix,
      matrixAsked: entry === 'action' || options.json || options.wave !== undefined,
      elapsedMs: performance.now() - started,
    };
    const result = presentPlan(report, {
      reporter,
      entry,
      env,
      verbose: options.verbose,
      summary: entry === 'action' || options.summary !== undefined || Boolean(env['GITHUB_STEP_SUMMARY']),
      ...(stdoutIsTTY !== undefined && { stdoutIsTTY }),
    });
    if (options.summary) writeSummaryFile(cwd, options.summary, reporter.summaryText());
    return result;
  },
});
