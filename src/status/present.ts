import type { CommandResult } from '../cli/command.js';
import type { DashboardUpdate } from '../github/dashboard.js';
import type { Phase } from '../manifest/timeline.js';
import type { Plan } from '../plan/plan.js';
import type { Reporter } from '../shared/reporter.js';
import { statusJson, statusMarkdown } from './render.js';
import type { MigrationStatus } from './status.js';
import type { Census, ReferenceEvidence } from './census.js';

/** Everything `status` found: the one report its presenter turns into logs, summary, JSON and outputs. */
export interface StatusReport {
  source: string;
  today: string;
  phase: Phase;
  oldHost: string;
  newHost: string;
  plan: Plan;
  status: MigrationStatus;
  /** The reference census (`--scan-repos`). */
  census?: Census;
  /** Which evidence judged the references half of the exit criteria. */
  evidence: ReferenceEvidence;
}

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
  reporter.info(
    (result.exitCriteria.met
      ? 'exit criteria met'
      : `exit criteria not met: ${result.exitCriteria.reasons.join('; ')}`) +
      ` (references: ${EVIDENCE_WORDS[report.evidence.source]})`,
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
      ready: `${ready}/${result.repos.length}`,
      ...(dashboard && { 'dashboard-url': dashboard.url }),
    },
    json: {
      manifest: report.source,
      today,
      phase,
      ...(statusJson(result) as object),
      referenceEvidence: report.evidence.source,
      ...(report.census && { census: report.census }),
      ...(dashboard && { dashboard }),
    },
  };
}
