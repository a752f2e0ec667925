import type { SecretRegistry } from '../shared/secrets.js';
import { formatProblem } from '../shared/errors.js';
import type { RegistrySpec } from '../manifest/model.js';
import { resolveCredentials } from '../oci/credentials.js';
import { oldRegistrySkippedReason, phaseAt, pushTargets, referencePolicy } from '../manifest/timeline.js';
import { table } from '../shared/markdown.js';
import { annotateProblems } from '../shared/reporter.js';
import { defineCommand } from '../cli/command.js';

/** `cutover validate`: checks the manifest and shows the timeline on the chosen day. */
export const validate = defineCommand({
  name: 'validate',
  summary: 'Validate the manifest and show the migration phase, push targets and reference policy on a day.',
  options: {},
  outputs: [
    { name: 'phase', description: 'Phase on the day: before, dual, new-only or retired.' },
    { name: 'push-to', description: 'Registry hosts a build pushes to on the day, one per line.' },
  ],
  async run({ manifest: load, today, reporter, env, secrets }) {
    // parse
    const manifest = await load();
    // do
    const { timeline, registries } = manifest;
    const phase = phaseAt(timeline, today);
    const targets = pushTargets(phase).map((role) => registries[role].host);
    const policy = referencePolicy(timeline, today);
    const skipped = oldRegistrySkippedReason(timeline, phase);
    const credentials = {
      old: await describeCredentials(registries.old, env, secrets),
      new: await describeCredentials(registries.new, env, secrets),
    };
    // report
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
            [
              timeline.failFrom,
              'references to the old registry fail',
              today >= timeline.failFrom ? '✅' : '',
            ],
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
  },
});

/** Where a registry's credentials come from, without showing them; never fails validation. */
async function describeCredentials(
  registry: RegistrySpec,
  env: NodeJS.ProcessEnv,
  secrets: SecretRegistry,
): Promise<string> {
  try {
    const credentials = await resolveCredentials(registry, env, secrets);
    return credentials ? credentials.source : 'anonymous';
  } catch (error) {
    return `unavailable (${(error as Error).message})`;
  }
}
