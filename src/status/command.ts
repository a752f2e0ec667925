import path from 'node:path';
import { connectGitHub, describeWait } from '../github/connect.js';
import { parseDashboardTarget, updateDashboard } from '../github/dashboard.js';
import { RegistryClient } from '../oci/client.js';
import { windowEnd } from '../pulls/aggregate.js';
import { parseUnpackLimits } from './census.js';
import { writeSummaryFile } from '../shared/markdown.js';
import { presentStatus, statusSummary } from './present.js';
import { gatherStatus } from './report.js';
import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';

/** `cutover status`: what both registries say now, against the plan and the exit criteria. */
export const status = defineCommand({
  name: 'status',
  summary:
    'Ask both registries where the migration stands: dual push, repositories ready to pull, pinned tags copied, what still pulls from the old registry, exit criteria.',
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
    evidence: option.list(
      'Pull evidence: the old registry’s logs or notifications, a hosted registry’s export, each cluster’s `kubectl get … -A -o json` list (plain or gzip; see docs/evidence-formats.md); repeat for several. The exit criteria then need no pull but cutover’s in the window and no workload on an old image.',
    ),
    days: option.int(
      { min: 1, max: 3650, default: 30 },
      'The window of --evidence: pulls in the last N days, ending at --now (the end of that day) or now.',
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
        'true when every repository is ready, nothing is left only in the old registry, (with --scan-repos or --refs) no repository references it, and (with --evidence) nothing but cutover pulls from it and no workload uses its images.',
    },
    {
      name: 'pulls-checked',
      description:
        'true when --evidence was given, so the exit criteria include what still pulls from the old registry.',
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
            onWaiting: (line) => reporter.info(line),
          })
        : undefined;
    // The old registry is only ever read; after its shutdown it may be gone, so few retries.
    const old = await RegistryClient.forRegistry(manifest.registries.old, env, {
      secrets,
      readOnly: true,
      concurrency: options.concurrency,
      retry: { retries: 1 },
      onWaiting: (line) => reporter.info(line),
    });
    const next = await RegistryClient.forRegistry(manifest.registries.new, env, {
      secrets,
      readOnly: true,
      concurrency: options.concurrency,
      onWaiting: (line) => reporter.info(line),
    });

    // do
    const report = await gatherStatus({
      manifest,
      old,
      next,
      today,
      cwd,
      newest: options.newest,
      concurrency: options.concurrency,
      refs: options.refs,
      ...(github &&
        options['scan-repos'] && {
          census: {
            github,
            serverUrl: env['GITHUB_SERVER_URL'] || 'https://github.com',
            limits,
            exclude: options['census-exclude'],
            ...(options['census-cache'] && { cacheFile: path.resolve(cwd, options['census-cache']) }),
          },
        }),
      ...(options.evidence.length > 0 && {
        pulls: { files: options.evidence, days: options.days, now: windowEnd(options.now) },
      }),
      log: (line) => reporter.info(line),
    });
    const update =
      dashboard && github ? await updateDashboard(github, dashboard, statusSummary(report)) : undefined;

    // present
    const presented = presentStatus(report, reporter, update);
    if (options.summary) writeSummaryFile(cwd, options.summary, reporter.summaryText());
    return presented;
  },
});
