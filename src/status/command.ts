import path from 'node:path';
import { connectGitHub, describeWait } from '../github/connect.js';
import { parseDashboardTarget, updateDashboard } from '../github/dashboard.js';
import { planMigration } from '../plan/plan.js';
import { phaseAt } from '../manifest/timeline.js';
import { RegistryClient } from '../oci/client.js';
import { readRefsFile } from '../copy/refs-file.js';
import { ProgressLine } from '../shared/progress.js';
import { presentStatus, statusSummary, type StatusReport } from './present.js';
import { migrationStatus } from './status.js';
import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';

/** `cutover status`: what both registries say now, against the plan and the exit criteria. */
export const status = defineCommand({
  name: 'status',
  summary:
    'Ask both registries where the migration stands: dual push, repositories ready to pull, pinned tags copied, exit criteria.',
  options: {
    newest: option.int(
      { min: 1, default: 3, expected: 'expected at least 1' },
      'How many of each image’s newest old tags must be in the new registry.',
    ),
    concurrency: option.int({ min: 1, max: 64, default: 8 }, 'Registry queries in flight at once.'),
    refs: option.list('References files from guard --export-refs, for the referenced copy rules.'),
    dashboard: option.string(
      'Keep an issue’s body up to date: owner/repo#N, or owner/repo:Title (found among open issues, else created once); #N or a bare title mean GITHUB_REPOSITORY. Needs GITHUB_TOKEN.',
    ),
  },
  outputs: [
    {
      name: 'exit-criteria',
      description: 'true when every repository is ready and nothing is left only in the old registry.',
    },
    { name: 'ready', description: 'Repositories ready to pull from the new registry, as "ready/total".' },
    { name: 'dashboard-url', description: 'The dashboard issue’s URL, when --dashboard is given.' },
  ],
  async run({ manifest: load, options, reporter, env, today, cwd, secrets }) {
    // parse
    const manifest = await load();
    const dashboard = options.dashboard ? parseDashboardTarget(options.dashboard, env) : undefined;
    const octokit = dashboard
      ? await connectGitHub(env, secrets, '--dashboard', {
          onWait: (wait) => reporter.info(describeWait(wait)),
        })
      : undefined;
    const { old: oldSpec, new: newSpec } = manifest.registries;
    // The old registry is only ever read; after its shutdown it may be gone, so few retries.
    const old = await RegistryClient.forRegistry(oldSpec, env, {
      secrets,
      readOnly: true,
      concurrency: options.concurrency,
      retry: { retries: 1 },
    });
    const next = await RegistryClient.forRegistry(newSpec, env, {
      secrets,
      readOnly: true,
      concurrency: options.concurrency,
    });

    // do
    const refsFiles = await Promise.all(
      options.refs.map(async (file) => ({ file, refs: await readRefsFile(path.resolve(cwd, file)) })),
    );
    const plan = planMigration(manifest);
    let asked = 0;
    const progress = new ProgressLine(
      (line) => reporter.info(line),
      (seconds) => `status: ${asked} images and pinned references checked (${seconds.toFixed(0)} s)`,
    );
    const result = await migrationStatus({
      manifest,
      plan,
      old,
      next,
      newest: options.newest,
      concurrency: options.concurrency,
      refsFiles,
      onProgress: () => {
        asked++;
        progress.tick();
      },
    });
    progress.done();
    const report: StatusReport = {
      source: manifest.source,
      today,
      phase: phaseAt(manifest.timeline, today),
      oldHost: oldSpec.host,
      newHost: newSpec.host,
      plan,
      status: result,
    };
    const update =
      dashboard && octokit ? await updateDashboard(octokit, dashboard, statusSummary(report)) : undefined;
    return presentStatus(report, reporter, update);
  },
});
