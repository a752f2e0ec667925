import { planMigration } from './plan.js';
import { GITHUB_MATRIX_LIMIT, planJson, planMarkdown, planMatrix } from './render.js';
import { annotateProblems } from '../shared/reporter.js';
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
  },
  outputs: [
    {
      name: 'matrix',
      description: 'GitHub Actions matrix JSON ({"include": [...]}) for an org-wide fan-out.',
    },
    { name: 'waves', description: 'How many waves the plan has.' },
    { name: 'blocking-cycles', description: 'How many cycles need a decision (0 when none).' },
  ],
  async run({ manifest: load, options, reporter }) {
    // parse
    const manifest = await load();
    // do
    const started = performance.now();
    const plan = planMigration(manifest);
    const matrix = planMatrix(plan, options['matrix-by'], options.wave);
    const elapsed = performance.now() - started;
    // report
    annotateProblems(reporter, manifest.warnings);
    const blocking = plan.cycles.filter((cycle) => cycle.kind === 'blocking');
    reporter.info(
      `${manifest.repos.length} repositories, ${plan.edges.length} dependencies, ${plan.waves.length} waves, ` +
        `${plan.cycles.length} cycles (${blocking.length} blocking) — planned in ${elapsed.toFixed(1)} ms`,
    );
    for (const wave of plan.waves) {
      reporter.info(
        `wave ${wave.wave}: ${wave.repos.map((repo) => repo.repo).join(', ')}${wave.copy.length ? ` (copy first: ${wave.copy.length} tags)` : ''}`,
      );
    }
    for (const cycle of plan.cycles) {
      const first = cycle.repos[0]!;
      const position = manifest.locator.keyAt(['repos', first]);
      reporter.annotate({
        severity: cycle.kind === 'blocking' ? 'warning' : 'info',
        title: `${cycle.kind} cycle`,
        message: cycle.explanation.replace(/`/g, ''),
        file: manifest.source,
        ...position,
      });
    }
    if (matrix.include.length > GITHUB_MATRIX_LIMIT) {
      reporter.warning(
        `the matrix has ${matrix.include.length} jobs, more than GitHub's ${GITHUB_MATRIX_LIMIT} per matrix: fan out one wave at a time with --wave`,
      );
    }
    reporter.summary(planMarkdown(plan, manifest.source));
    return {
      exitCode: 0,
      outputs: {
        matrix: JSON.stringify(matrix),
        waves: String(plan.waves.length),
        'blocking-cycles': String(blocking.length),
      },
      json: { manifest: manifest.source, ...(planJson(plan, matrix) as object) },
    };
  },
});
