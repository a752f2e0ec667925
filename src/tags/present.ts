/** How `cutover tags` is shown: notices, the summary, `--json`, the outputs and the CLI's stdout. */
import type { CommandResult } from '../cli/command.js';
import { table } from '../shared/markdown.js';
import type { Reporter } from '../shared/reporter.js';
import type { TagsPlan } from './targets.js';

/** Turns the plan into the outputs build-push-action reads, with push's notices about left-out registries. */
export function presentTags(plan: TagsPlan, reporter: Reporter): CommandResult {
  for (const skipped of plan.skipped) reporter.info(`not pushing to ${skipped.host}: ${skipped.reason}`);
  reporter.info(
    `on ${plan.today} (phase ${plan.phase}) the build pushes to ${plan.registries.join(' and ')}: ${plan.references.length} reference${plan.references.length === 1 ? '' : 's'}`,
  );
  reporter.summary(
    [
      `### cutover tags: phase **${plan.phase}** on ${plan.today}`,
      '',
      table(
        ['Registry', 'References'],
        [
          ...plan.registries.map((host) => [
            `\`${host}\``,
            plan.references
              .filter((reference) => reference.startsWith(`${host}/`))
              .map((reference) => `\`${reference}\``)
              .join('<br>'),
          ]),
          ...plan.skipped.map((skipped) => [`\`${skipped.host}\``, `⏭️ skipped: ${skipped.reason}`]),
        ],
      ),
      '',
    ].join('\n'),
  );
  return {
    exitCode: 0,
    outputs: { tags: plan.references.join('\n'), registries: plan.registries.join('\n') },
    json: {
      today: plan.today,
      phase: plan.phase,
      tags: plan.references,
      registries: plan.registries,
      images: plan.images.map((image) => ({
        repository: image.repository,
        tags: image.tags,
        targets: image.targets.map((target) => ({
          registry: target.registry.host,
          role: target.role,
          repository: target.repository,
        })),
      })),
      skipped: plan.skipped.map(({ host, reason }) => ({ registry: host, reason })),
    },
    stdout: `${plan.references.join('\n')}\n`,
  };
}
