/** How `cutover verify` is shown: one line per reference, every problem with what to do, the summary. */
import type { CommandResult } from '../cli/command.js';
import { table } from '../shared/markdown.js';
import type { Reporter } from '../shared/reporter.js';
import type { ReferenceCheck, VerifyReport } from './verify.js';

function contents(check: ReferenceCheck): string {
  if (check.platforms.length === 0) return 'single image';
  return `${check.platforms.length} platform${check.platforms.length === 1 ? '' : 's'} (${check.platforms.join(', ')})${check.attestations > 0 ? ` + ${check.attestations} attestation manifest${check.attestations === 1 ? '' : 's'}` : ''}`;
}

/** Turns the report into log lines, the summary, `--json` and outputs; any problem fails the step. */
export function presentVerify(report: VerifyReport, reporter: Reporter): CommandResult {
  for (const check of report.checks)
    if (check.digest !== undefined) reporter.info(`${check.reference}: ${check.digest}, ${contents(check)}`);
  for (const problem of report.problems) reporter.error(problem.message);
  const ok = report.problems.length === 0;
  if (ok)
    reporter.info(
      `verified: ${report.checks.length} reference${report.checks.length === 1 ? '' : 's'} resolve to ${report.expected}`,
    );
  reporter.summary(
    [
      `### cutover verify: ${ok ? '✅' : '❌'} ${report.checks.length} references${report.expected ? `, expected \`${report.expected}\`` : ''}`,
      '',
      table(
        ['Reference', 'Digest', 'Contents', 'Result'],
        report.checks.map((check) => {
          const problems = report.problems.filter((problem) => problem.reference === check.reference);
          return [
            `\`${check.reference}\``,
            check.digest ? `\`${check.digest}\`` : '—',
            check.digest ? contents(check) : '',
            problems.length === 0 ? '✅' : `❌ ${problems.map((problem) => problem.kind).join(', ')}`,
          ];
        }),
      ),
      '',
    ].join('\n'),
  );
  return {
    exitCode: ok ? 0 : 1,
    ...(!ok && {
      failureMessage: `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}: ${report.problems.map((problem) => problem.message).join('; ')}`,
    }),
    outputs: { digest: ok ? (report.expected ?? '') : '' },
    json: {
      ok,
      expected: report.expected ?? null,
      references: report.checks.map((check) => ({
        reference: check.reference,
        registry: check.host,
        digest: check.digest ?? null,
        platforms: check.platforms,
        attestations: check.attestations,
        missingChildren: check.missingChildren,
      })),
      problems: report.problems,
    },
  };
}
