import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';
import { UsageError } from '../shared/errors.js';
import { collectPullEvidence, windowEnd } from './aggregate.js';
import { presentPulls } from './present.js';

/** `cutover pulls`: who still pulls what from the old registry, from its logs and the clusters' workload lists. */
export const pulls = defineCommand({
  name: 'pulls',
  summary:
    'Report who still pulls what from the old registry (by image, tag, digest and client) and which workloads use its images, from registry logs, notifications, exports and kubectl lists.',
  options: {
    evidence: option.list(
      'An evidence file: a registry log, notifications, a hosted registry’s export or a `kubectl get … -A -o json` list (plain or gzip; the format is told from the content); repeat the flag for several. Logs with no registry host in their lines are taken to be the old registry’s.',
    ),
    days: option.int(
      { min: 1, max: 3650, default: 30 },
      'The window: pulls in the last N days, ending at --now (the end of that day) or now.',
    ),
  },
  outputs: [
    { name: 'pulls', description: 'Pulls from the old registry in the window, cutover’s own not counted.' },
    {
      name: 'images',
      description: 'Images (repository with tag or digest) pulled from the old registry in the window.',
    },
    { name: 'clients', description: 'Distinct clients (user agent, identity, address) that pulled them.' },
    {
      name: 'workloads',
      description: 'Workload containers on an image of the old registry (running or templated).',
    },
  ],
  async run({ options, manifest: load, reporter, entry, cwd }) {
    // parse
    if (options.evidence.length === 0)
      throw new UsageError(
        '--evidence: give at least one evidence file (a registry log, its notifications, an export, a kubectl list)',
      );
    const manifest = await load();
    // do
    const evidence = await collectPullEvidence({
      files: options.evidence,
      days: options.days,
      now: windowEnd(options.now),
      registries: manifest.registries,
      cwd,
    });
    // present
    return presentPulls(evidence, { reporter, entry });
  },
});
