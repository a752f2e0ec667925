import type { CommandResult } from '../cli/command.js';
import type { Manifest } from '../manifest/model.js';
import type { Phase, referencePolicy } from '../manifest/timeline.js';
import { formatProblem } from '../shared/errors.js';
import { table } from '../shared/markdown.js';
import { annotateProblems, type Reporter } from '../shared/reporter.js';

/** What `validate` found: the one report its presenter turns into logs, summary, JSON and outputs. */
export interface ValidationReport {
  manifest: Manifest;
  today: string;
  phase: Phase;
  /** Registry hosts a build pushes to on the day. */
  targets: string[];
  policy: ReturnType<typeof referencePolicy>;
  /** Why the old registry is skipped on the day, if it is. */
  skipped: string | undefined;
  /** Where each registry's credentials come from, in words. */
  credentials: { old: string; new: string };
}

/** Turns a validation report into log lines, the job summary, `--json` and the action's outputs. */
export function presentValidation(report: ValidationReport, reporter: Reporter): CommandResult {
  const { manifest, today, phase, targets, policy, skipped, credentials } = report;
  const { timeline, registries } = manifest;
  annotateProblems(reporter, manifest.warnings);
  reporter.info(`manifest ${manifest.source} is valid`);
  reporter.info(`old registry ${registries.old.host}, new registry ${registries.new.host}`);
  reporter.info(
    `${manifest.repos.length} repositories, ${manifest.copy.length} copy rules, ${manifest.generated.length} generators`,
  );
  reporter.info(`credentials: old registry ${credentials.old}; new registry ${credentials.new}`);
  reporter.info(
    `on ${today}: phase ${phase}; pushes go to ${targets.join(' and ')}${skipped ? ` (${skipped})` : ''}`,
  );
  reporter.info(`references to ${registries.old.host}: ${policy.severity} — ${policy.message}`);
  reporter.summary(
    [
      `### cutover: manifest \`${manifest.source}\``,
      '',
      `On **${today}** the migration is in phase **${phase}**; builds push to ${targets.map((t) => `\`${t}\``).join(' and ')}.`,
      '',
      table(
        ['Date', 'Event', ''],
        [
          [
            timeline.available,
            `new registry \`${registries.new.host}\` available`,
            today >= timeline.available ? '✅' : '',
          ],
          [
            timeline.readOnly,
            `old registry \`${registries.old.host}\` read-only`,
            today >= timeline.readOnly ? '✅' : '',
          ],
          [timeline.failFrom, 'references to the old registry fail', today >= timeline.failFrom ? '✅' : ''],
          [timeline.shutdown, 'old registry shut down', today >= timeline.shutdown ? '✅' : ''],
        ],
      ),
      '',
      ...manifest.warnings.map((warning) => `- ⚠️ ${formatProblem(warning)}`),
    ].join('\n'),
  );
  return {
    exitCode: 0,
    outputs: { phase, 'push-to': targets.join('\n') },
    json: {
      manifest: manifest.source,
      valid: true,
      today,
      phase,
      pushTo: targets,
      ...(skipped && { skipped: [{ registry: registries.old.host, reason: skipped }] }),
      referencePolicy: policy,
      timeline,
      registries: {
        old: {
          host: registries.old.host,
          aliases: registries.old.aliases,
          insecure: registries.old.insecure,
        },
        new: {
          host: registries.new.host,
          aliases: registries.new.aliases,
          insecure: registries.new.insecure,
        },
      },
      credentials,
      counts: {
        repos: manifest.repos.length,
        copyRules: manifest.copy.length,
        generators: manifest.generated.length,
      },
      warnings: manifest.warnings.map(formatProblem),
    },
  };
}
