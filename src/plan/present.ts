import type { CommandResult, EntryPoint } from '../cli/command.js';
import type { Manifest } from '../manifest/model.js';
import { colourWanted } from '../shared/colour.js';
import { plural } from '../shared/markdown.js';
import { annotateProblems, type Reporter } from '../shared/reporter.js';
import type { Plan } from './plan.js';
import { cyclesByUrgency, GITHUB_MATRIX_LIMIT, planJson, planMarkdown, type MatrixEntry } from './render.js';
import { planText } from './text.js';

/** Everything `plan` found: the one report its presenter turns into logs, summary, JSON and outputs. */
export interface PlanReport {
  manifest: Pick<Manifest, 'source' | 'repos' | 'warnings' | 'locator'>;
  plan: Plan;
  matrix: { include: MatrixEntry[] };
  /** The matrix is used: the action's output, `--json` or `--wave` (only then its size matters). */
  matrixAsked: boolean;
  elapsedMs: number;
}

/** How the plan is shown. */
export interface PlanPresentation {
  reporter: Reporter;
  entry: EntryPoint;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY?: boolean;
  verbose: boolean;
  /**
   * The job summary is read: in an action, with --summary FILE, or in a workflow step (the CLI writes
   * it to GITHUB_STEP_SUMMARY). Else it is not rendered: at 2,000 repositories its diagrams and their
   * redaction cost the terminal run a twentieth of its CPU.
   */
  summary: boolean;
}

/**
 * GitHub shows 10 warnings per step: blocking cycles take at most this many, one line counts the
 * rest, and the manifest's own warnings come after.
 */
const CYCLE_ANNOTATIONS = 8;

/** Turns a plan into log lines (or the CLI's text), annotations, the job summary, `--json` and outputs. */
export function presentPlan(report: PlanReport, how: PlanPresentation): CommandResult {
  const { manifest, plan, matrix } = report;
  const { reporter } = how;
  const cycles = cyclesByUrgency(plan);
  const blocking = cycles.filter((cycle) => cycle.kind === 'blocking');
  const pinned = cycles.filter((cycle) => cycle.kind === 'pinned');
  for (const cycle of blocking.slice(0, CYCLE_ANNOTATIONS)) {
    reporter.annotate({
      severity: 'warning',
      title: 'blocking cycle',
      message: cycle.explanation.replace(/`/g, ''),
      file: manifest.source,
      ...manifest.locator.keyAt(['repos', cycle.repos[0]!]),
    });
  }
  if (blocking.length > CYCLE_ANNOTATIONS)
    reporter.annotate({
      severity: 'warning',
      title: 'blocking cycles',
      message: `… and ${plural(blocking.length - CYCLE_ANNOTATIONS, 'more blocking cycle')}: the job summary lists each with the decision it needs`,
      file: manifest.source,
    });
  if (pinned.length > 0)
    reporter.annotate({
      severity: 'info',
      title: 'pinned cycles',
      message: `${plural(pinned.length, 'pinned cycle')}: copy-tags breaks ${pinned.length === 1 ? 'it' : 'them'} by copying ${plural(new Set(pinned.flatMap((c) => c.breakBy)).size, 'pinned tag')} before the waves that need them (see the job summary)`,
      file: manifest.source,
    });
  annotateProblems(reporter, manifest.warnings);
  reporter.info(
    `${plural(manifest.repos.length, 'repository', 'repositories')}, ${plural(plan.edges.length, 'dependency', 'dependencies')}, ` +
      `${plural(plan.waves.length, 'wave')}, ${plural(plan.cycles.length, 'cycle')} (${blocking.length} blocking) — planned in ${report.elapsedMs.toFixed(1)} ms`,
  );
  if (report.matrixAsked && matrix.include.length > GITHUB_MATRIX_LIMIT) {
    reporter.warning(
      `the matrix has ${matrix.include.length} jobs, more than GitHub's ${GITHUB_MATRIX_LIMIT} per matrix: fan out one wave at a time with --wave`,
    );
  }
  const colour = how.entry === 'cli' && colourWanted(how.env, how.stdoutIsTTY === true);
  const text = planText(plan, { verbose: how.verbose, colour, source: manifest.source });
  if (how.entry === 'action') for (const line of text) reporter.info(line);
  if (how.summary) reporter.summary(planMarkdown(plan, manifest.source));
  return {
    exitCode: 0,
    outputs: {
      matrix: JSON.stringify(matrix),
      waves: String(plan.waves.length),
      'blocking-cycles': String(blocking.length),
    },
    json: { manifest: manifest.source, ...(planJson(plan, matrix) as object) },
    ...(how.entry === 'cli' && { stdout: `${text.join('\n')}\n` }),
  };
}
