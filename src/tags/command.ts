import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';
import { presentTags } from './present.js';
import { planTags } from './targets.js';

/** `cutover tags`: today's full references for a build, as docker/build-push-action's `tags:` takes them. */
export const tags = defineCommand({
  name: 'tags',
  summary:
    "Print today's full references for a build (old, both, or new registry, by the timeline), for docker/build-push-action's tags input.",
  options: {
    tags: option.list(
      'Tags or image names: a bare tag (with --repository), repository:tag, or old-host/repository:tag — e.g. docker/metadata-action’s tags output.',
    ),
    repository: option.string(
      'Repository path in the old registry (required for bare tags; wins over the names in --tags); the manifest’s paths give the new registry’s path.',
    ),
  },
  outputs: [
    {
      name: 'tags',
      description:
        'Every reference to push today, host/repository:tag, one per line (build-push-action tags:).',
    },
    { name: 'registries', description: 'The registry hosts written to today, one per line.' },
  ],
  async run({ options, manifest: load, today, reporter }) {
    // parse
    const manifest = await load();
    // do
    const plan = planTags(manifest, today, {
      lines: options.tags.flatMap((value) => value.split('\n')),
      ...(options.repository !== undefined && { repository: options.repository }),
    });
    // present
    return presentTags(plan, reporter);
  },
});
