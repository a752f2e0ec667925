import type { SecretRegistry } from '../shared/secrets.js';
import type { RegistrySpec } from '../manifest/model.js';
import { resolveCredentials } from '../oci/credentials.js';
import { oldRegistrySkippedReason, phaseAt, pushTargets, referencePolicy } from '../manifest/timeline.js';
import { defineCommand } from '../cli/command.js';
import { presentValidation } from './present.js';

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
    const manifest = await load();
    const { timeline, registries } = manifest;
    const phase = phaseAt(timeline, today);
    const targets = pushTargets(phase).map((role) => registries[role].host);
    const policy = referencePolicy(timeline, today);
    const skipped = oldRegistrySkippedReason(timeline, phase);
    const credentials = {
      old: await describeCredentials(registries.old, env, secrets),
      new: await describeCredentials(registries.new, env, secrets),
    };
    return presentValidation({ manifest, today, phase, targets, policy, skipped, credentials }, reporter);
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
