import { planMigration } from './plan.js';
import { planMatrix } from './render.js';
import { presentPlan } from './present.js';
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
    const manifest = await load();
    const started = performance.now();
    const plan = planMigration(manifest);
    const matrix = planMatrix(plan, options['matrix-by'], options.wave);
    return presentPlan({ manifest, plan, matrix, elapsedMs: performance.now() - started }, reporter);
  },
});
