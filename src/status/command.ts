import path from 'node:path';
import { connectGitHub, describeWait } from '../github/connect.js';
import { parseDashboardTarget, updateDashboard } from '../github/dashboard.js';
import { planMigration } from '../plan/plan.js';
import { phaseAt } from '../manifest/timeline.js';
import { RegistryClient } from '../oci/client.js';
import { readRefsFile } from '../copy/refs-file.js';
import { ProgressLine } from '../shared/progress.js';
import { parseUnpackLimits, takeCensus, referenceEvidence } from './census.js';
import { writeSummaryFile } from '../shared/markdown.js';
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
    'scan-repos': option.boolean(
      'Read every repository’s default branch through the GitHub API and count its references to the old registry (guard’s scanner); the exit criteria then need zero. Needs GITHUB_TOKEN.',
    ),
    'census-cache': option.string(
      'Keep the census by commit in this JSON file between runs: an unchanged repository then costs one request.',
    ),
    'census-limits': option.string(
      'Caps on what one repository’s tarball may unpack to before it is "too large to census" (unknown): total=SIZE,files=COUNT,file=SIZE; default total=2GB,files=200000,file=500MB.',
    ),
    'census-exclude': option.list(
      'Repositories the census does not read (e.g. one too large to census); they count neither as clean nor as unknown.',
    ),
    summary: option.string('Also write the summary (Markdown with its diagram) to this file.', {
      cliOnly: true,
    }),
    dashboard: option.string(
      'Keep an issue’s body up to date: owner/repo#N, or owner/repo:Title (found among open issues, else created once); #N or a bare title mean GITHUB_REPOSITORY. Needs GITHUB_TOKEN.',
    ),
  },
  outputs: [
    {
      name: 'exit-criteria',
      description:
        'true when every repository is ready, nothing is left only in the old registry, and (with --scan-repos or --refs) no repository references it.',
    },
    { name: 'ready', description: 'Repositories ready to pull from the new registry, as "ready/total".' },
    { name: 'dashboard-url', description: 'The dashboard issue’s URL, when --dashboard is given.' },
  ],
  async run({ manifest: load, options, reporter, env, today, cwd, secrets }) {
    // parse
    const manifest = await load();
    const dashboard = options.dashboard ? parseDashboardTarget(options.dashboard, env) : undefined;
    const limits = parseUnpackLimits(options['census-limits']);
    const github =
      dashboard || options['scan-repos']
        ? await connectGitHub(env, secrets, dashboard ? '--dashboard' : '--scan-repos', {
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
    let read = 0;
    const censusProgress = new ProgressLine(
      (line) => reporter.info(line),
      (seconds) => `census: ${read}/${manifest.repos.length} repositories read (${seconds.toFixed(0)} s)`,
    );
    const census =
      github && options['scan-repos']
        ? await takeCensus({
            manifest,
            github,
            today,
            concurrency: options.concurrency,
            serverUrl: env['GITHUB_SERVER_URL'] || 'https://github.com',
            limits,
            exclude: options['census-exclude'],
            ...(options['census-cache'] && { cacheFile: path.resolve(cwd, options['census-cache']) }),
            onProgress: (done) => {
              read = done;
              censusProgress.tick();
            },
          })
        : undefined;
    if (census) censusProgress.done();
    if (census)
      reporter.info(
        `census: ${census.repos.length} repositories in ${(census.elapsedMs / 1000).toFixed(1)} s, ${census.requests} GitHub requests (${census.repos.filter((r) => r.cached).length} unchanged since the cache)`,
      );
    const evidence = referenceEvidence(census, refsFiles);
    result.exitCriteria = {
      met: result.exitCriteria.met && evidence.reasons.length === 0,
      reasons: [...result.exitCriteria.reasons, ...evidence.reasons],
    };
    const report: StatusReport = {
      evidence,
      ...(census && { census }),
      source: manifest.source,
      today,
      phase: phaseAt(manifest.timeline, today),
      oldHost: oldSpec.host,
      newHost: newSpec.host,
      plan,
      status: result,
    };
    const update =
      dashboard && github ? await updateDashboard(github, dashboard, statusSummary(report)) : undefined;
    const presented = presentStatus(report, reporter, update);
    if (options.summary) writeSummaryFile(cwd, options.summary, reporter.summaryText());
    return presented;
  },
});
