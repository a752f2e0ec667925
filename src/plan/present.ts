import type { CommandResult } from '../cli/command.js';
import type { Manifest } from '../manifest/model.js';
import { annotateProblems, type Reporter } from '../shared/reporter.js';
import type { Plan } from './plan.js';
import { GITHUB_MATRIX_LIMIT, planJson, planMarkdown, type MatrixEntry } from './render.js';

/** Everything `plan` found: the one report its presenter turns into logs, summary, JSON and outputs. */
export interface PlanReport {
  manifest: Pick<Manifest, 'source' | 'repos' | 'warnings' | 'locator'>;
  plan: Plan;
  matrix: { include: MatrixEntry[] };
  elapsedMs: number;
}

/** Turns a plan into log lines, annotations, the job summary, `--json` and the action's outputs. */
export function presentPlan(report: PlanReport, reporter: Reporter): CommandResult {
  const { manifest, plan, matrix } = report;
  annotateProblems(reporter, manifest.warnings);
  const blocking = plan.cycles.filter((cycle) => cycle.kind === 'blocking');
  reporter.info(
    `${manifest.repos.length} repositories, ${plan.edges.length} dependencies, ${plan.waves.length} waves, ` +
      `${plan.cycles.length} cycles (${blocking.length} blocking) — planned in ${report.elapsedMs.toFixed(1)} ms`,
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
}
