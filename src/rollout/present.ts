import type { CommandResult } from '../cli/command.js';
import { table } from '../shared/markdown.js';
import type { Reporter } from '../shared/reporter.js';
import type { RolloutOutcome } from './rollout.js';

/** What `rollout` did: the one report its presenter turns into logs, summary, JSON and outputs. */
export interface RolloutReport {
  apply: boolean;
  workflowPath: string;
  uses: string;
  outcomes: RolloutOutcome[];
}

const ACTION_TEXT: Record<RolloutOutcome['action'], string> = {
  opened: '✅ opened',
  'would-open': '📝 would open (dry run)',
  skipped: '⏭️ skipped',
  failed: '❌ failed',
};

/** Turns a rollout report into log lines, the job summary, `--json` and the action's outputs. */
export function presentRollout(report: RolloutReport, reporter: Reporter): CommandResult {
  const { outcomes } = report;
  const count = (action: RolloutOutcome['action']) => outcomes.filter((o) => o.action === action).length;
  reporter.info(formatTable(outcomes));
  for (const outcome of outcomes.filter((o) => o.action === 'failed'))
    reporter.error(`${outcome.repo}: ${outcome.reason}`);
  const failed = count('failed');
  reporter.summary(
    [
      `### cutover rollout${report.apply ? '' : ' (dry run)'}`,
      '',
      `${count('opened')} opened, ${count('would-open')} to open, ${count('skipped')} skipped, ${failed} failed.`,
      '',
      table(
        ['Repository', 'Action', 'Pull request', 'Note'],
        outcomes.map((o) => [
          o.repo,
          ACTION_TEXT[o.action],
          o.pullRequest ? `[#${o.pullRequest.number}](${o.pullRequest.url})` : '',
          o.reason ?? '',
        ]),
      ),
    ].join('\n'),
  );
  return {
    exitCode: failed > 0 ? 1 : 0,
    ...(failed > 0 && { failureMessage: `rollout failed for ${failed} repositories` }),
    outputs: { opened: String(count('opened')), pending: String(count('would-open') + failed) },
    json: {
      apply: report.apply,
      workflowPath: report.workflowPath,
      uses: report.uses,
      repos: outcomes,
    },
  };
}

/** A plain-text table of the pull requests for the terminal. */
function formatTable(outcomes: RolloutOutcome[]): string {
  const rows = outcomes.map((o) => [
    o.repo,
    o.action,
    o.pullRequest ? `#${o.pullRequest.number} ${o.pullRequest.url}` : '',
    o.reason ?? '',
  ]);
  const header = ['REPOSITORY', 'ACTION', 'PULL REQUEST', 'NOTE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
