import type { CommandResult } from '../cli/command.js';
import type { DashboardUpdate } from '../github/dashboard.js';
import type { Reporter } from '../shared/reporter.js';
import { plural } from '../shared/markdown.js';
import { statusJson, statusMarkdown } from './render.js';
import type { ReferenceEvidence } from './census.js';
import { HOW_TO_CHECK_PULLS, UNCHECKED_WORDS, imageName, workloadName } from './pull-criteria.js';
import type { StatusReport } from './report.js';

export type { StatusReport } from './report.js';

const EVIDENCE_WORDS: Record<ReferenceEvidence['source'], string> = {
  census: 'census of every repository',
  'refs-files': '--refs files',
  none: 'not checked (use --scan-repos): the exit criteria cannot be met',
};

/** The dashboard and job summary Markdown of a status report. */
export function statusSummary(report: StatusReport): string {
  return statusMarkdown(report.status, report.plan, {
    ...report,
    ...(report.census && { census: report.census }),
  });
}

/** Turns a status report into log lines, annotations, the job summary, `--json` and the action's outputs. */
export function presentStatus(
  report: StatusReport,
  reporter: Reporter,
  dashboard?: DashboardUpdate,
): CommandResult {
  const { status: result, today, phase, newHost } = report;
  const ready = result.repos.filter((repo) => repo.ready).length;
  reporter.info(
    `on ${today} (phase ${phase}): ${ready}/${result.repos.length} repositories ready to pull from ${newHost}`,
  );
  for (const image of result.images) {
    reporter.info(
      `image ${image.image} → ${newHost}/${image.target}: ${image.state} (${
        image.state === 'unknown'
          ? `old registry unreachable; ${image.newTags} tags in the new registry`
          : image.newest.map((c) => `${c.reference} ${c.state}`).join(', ') || 'no tags in the old registry'
      })`,
    );
  }
  for (const check of result.pinned)
    reporter.info(`pinned ${check.image} ${check.reference}: ${check.state}`);
  for (const repo of result.repos.filter((r) => !r.ready)) {
    reporter.info(
      `waiting: ${repo.repo} (wave ${repo.wave}) — ${repo.consumes
        .filter((c) => !c.ready)
        .map((c) => c.note)
        .join('; ')}`,
    );
  }
  const conflicts = result.oldOnly.filter((check) => check.state === 'conflict');
  for (const check of conflicts)
    reporter.annotate({
      severity: 'error',
      message: `${check.image}:${check.reference} differs in the new registry`,
    });
  for (const repo of report.census?.repos ?? []) {
    if (repo.state === 'references')
      reporter.info(
        `references: ${repo.repo} has ${repo.references.length} left (${repo.references
          .slice(0, 3)
          .map((ref) => `${ref.file}:${ref.line}`)
          .join(', ')}${repo.references.length > 3 ? ', …' : ''})`,
      );
    if (repo.state === 'unknown') reporter.warning(`references: ${repo.repo} unknown — ${repo.reason}`);
  }
  pullLines(report, reporter);
  reporter.info(
    (result.exitCriteria.met
      ? report.pulls.criteria.checked
        ? 'exit criteria met'
        : `exit criteria met on what was checked; not checked: ${report.pulls.criteria.unchecked.map((half) => UNCHECKED_WORDS[half]).join('; ')}`
      : `exit criteria not met: ${result.exitCriteria.reasons.join('; ')}`) +
      ` (references: ${EVIDENCE_WORDS[report.evidence.source]}; pulls: ${
        report.pulls.criteria.checked
          ? `evidence of the last ${plural(report.pulls.criteria.days ?? 0, 'day')}`
          : `not checked — ${HOW_TO_CHECK_PULLS}`
      })`,
  );
  if (dashboard) reporter.info(`dashboard ${dashboard.action}: ${dashboard.url}`);
  reporter.summary(statusSummary(report));
  return {
    // A tag that differs between the registries is a failed check; being mid-migration is not.
    exitCode: conflicts.length > 0 ? 1 : 0,
    ...(conflicts.length > 0 && {
      failureMessage: `${conflicts.length} tags differ between the old and the new registry`,
    }),
    outputs: {
      'exit-criteria': String(result.exitCriteria.met),
      'pulls-checked': String(report.pulls.criteria.checked),
      ready: `${ready}/${result.repos.length}`,
      ...(dashboard && { 'dashboard-url': dashboard.url }),
    },
    json: {
      manifest: report.source,
      today,
      phase,
      ...(statusJson(result) as object),
      referenceEvidence: report.evidence.source,
      pulls: pullsJson(report),
      ...(report.census && { census: report.census }),
      ...(dashboard && { dashboard }),
    },
  };
}

/** The log lines about what still pulls: the top images, clients and workloads on old images. */
function pullLines(report: StatusReport, reporter: Reporter): void {
  const evidence = report.pulls.evidence;
  if (evidence === undefined) return;
  reporter.info(
    `pulls from ${report.oldHost} in the last ${plural(evidence.window.days, 'day')}: ${plural(evidence.pulls, 'pull')} of ${plural(evidence.images.length, 'image')} by ${plural(evidence.clients.length, 'client')} (cutover's own, not counted: ${evidence.own.pulls}), from ${plural(evidence.sources.length, 'evidence file')}`,
  );
  for (const image of evidence.images.slice(0, 5))
    reporter.info(
      `  still pulled: ${imageName(image)} ×${image.pulls}, last ${image.last ?? 'at an unknown time'}`,
    );
  for (const use of evidence.workloads.slice(0, 5))
    reporter.info(
      `  workload: ${workloadName(use)} ${use.image}${use.running ? '' : ` (not running: ${use.note ?? 'idle'})`}`,
    );
  for (const source of evidence.sources)
    for (const problem of source.problems) reporter.warning(`${source.file}: skipped ${problem}`);
}

/** The pull part of `--json`: whether it was checked, the window, and the counts that judged it. */
function pullsJson(report: StatusReport): object {
  const { evidence, criteria } = report.pulls;
  if (evidence === undefined)
    return { checked: false, unchecked: criteria.unchecked, how: HOW_TO_CHECK_PULLS };
  return {
    checked: criteria.checked,
    unchecked: criteria.unchecked,
    window: evidence.window,
    pulls: evidence.pulls,
    own: evidence.own,
    sources: evidence.sources.map(({ file, format, records, pulls, skipped }) => ({
      file,
      format,
      records,
      pulls,
      skipped,
    })),
    images: evidence.images,
    workloads: evidence.workloads,
    reasons: criteria.reasons,
  };
}
