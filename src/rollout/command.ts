import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../shared/errors.js';
import { connectGitHub, describeWait } from '../github/connect.js';
import { parseCentralManifest } from '../manifest/load.js';
import { ProgressLine } from '../shared/progress.js';
import { pullRequestBody, readRolloutProgress, rolloutRepositories } from './rollout.js';
import { presentRollout } from './present.js';
import { DEFAULT_REUSABLE_WORKFLOW, DEFAULT_WORKFLOW_PATH, starterWorkflow } from './starter.js';
import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';

/** `cutover rollout`: one pull request per repository adding the starter workflow. */
export const rollout = defineCommand({
  name: 'rollout',
  summary:
    'Open a pull request adding the starter workflow to every repository in the manifest (dry run unless --apply).',
  options: {
    apply: option.boolean('Create branches and pull requests; without it, only report.'),
    repo: option.list('Only these repositories (owner/name) of the manifest.', {
      pattern: /^[^/\s]+\/[^/\s]+$/,
      expected: 'expected owner/name',
    }),
    uses: option.string('The reusable workflow the starter calls.', {
      default: DEFAULT_REUSABLE_WORKFLOW,
      pattern: /^[^\s@]+\/[^\s@]+\/\.github\/workflows\/[^\s@]+\.ya?ml@\S+$/,
      expected: 'expected owner/repo/.github/workflows/file.yml@ref',
    }),
    'workflow-path': option.string('Where the workflow goes in each repository.', {
      default: DEFAULT_WORKFLOW_PATH,
      pattern: /^\.github\/workflows\/[^/]+\.ya?ml$/,
      expected: 'expected .github/workflows/<name>.yml',
    }),
    'workflow-manifest': option.string(
      'The manifest the starter passes on (owner/repo:path@ref). Default: --manifest when it names a central one, else none (each repository’s own cutover.yml).',
    ),
    template: option.string(
      'A workflow file to add instead of the generated starter ($default-branch is replaced).',
    ),
    branch: option.string('The pull requests’ branch.', {
      default: 'cutover/rollout',
      pattern: /^[\w./-]+$/,
      expected: 'expected a branch name',
    }),
    concurrency: option.int({ min: 1, max: 32, default: 4 }, 'Repositories handled at once.'),
    'write-interval': option.duration(
      'Pause between two requests that create content (GitHub asks integrators for at least a second).',
      { default: '1s' },
    ),
    'progress-file': option.string(
      'Record each finished repository in this JSON file; a run stopped halfway resumes from it without asking GitHub about the finished ones again.',
    ),
  },
  outputs: [
    { name: 'opened', description: 'How many pull requests this run opened.' },
    {
      name: 'pending',
      description: 'How many repositories still need a pull request (dry run or failures).',
    },
  ],
  async run({ manifest: load, options, reporter, env, cwd, secrets }) {
    // parse
    const manifest = await load();
    const wanted = options.repo.length > 0 ? options.repo : manifest.repos.map((repo) => repo.name);
    for (const name of wanted) {
      if (!manifest.repos.some((repo) => repo.name.toLowerCase() === name.toLowerCase()))
        throw new UsageError(`--repo ${name}: not a repository of ${manifest.source}`);
    }
    const repos = manifest.repos.filter((repo) =>
      wanted.some((name) => name.toLowerCase() === repo.name.toLowerCase()),
    );
    const template = options.template
      ? readTemplate(path.resolve(cwd, options.template), options.template)
      : undefined;
    const workflowManifest =
      options['workflow-manifest'] ??
      (options.manifest && parseCentralManifest(options.manifest) ? options.manifest : undefined);
    const octokit = await connectGitHub(env, secrets, 'rollout', {
      onWait: (wait) => reporter.info(describeWait(wait)),
      onWaiting: (line) => reporter.info(line),
      writeGapMs: options['write-interval'],
    });
    const progressFile = options['progress-file'] && path.resolve(cwd, options['progress-file']);
    const record = progressFile
      ? readRolloutProgress(progressFile, { path: options['workflow-path'], branch: options.branch })
      : undefined;

    // do
    const counts = { done: 0, opened: 0, failed: 0, resumed: 0 };
    const progress = new ProgressLine(
      (line) => reporter.info(line),
      (seconds) =>
        `rollout: ${counts.done}/${repos.length} repositories (${counts.opened} opened, ${counts.failed} failed${counts.resumed ? `, ${counts.resumed} done in an earlier run` : ''}) (${seconds.toFixed(0)} s)`,
    );
    const outcomes = await rolloutRepositories(octokit, repos, {
      apply: options.apply,
      concurrency: options.concurrency,
      ...(record && progressFile && { resume: { record, file: progressFile } }),
      onResume: (count) =>
        reporter.info(
          `rollout: resuming from ${options['progress-file']}: ${count} repositories already done`,
        ),
      onOutcome: (outcome, earlier) => {
        counts.done++;
        if (earlier) counts.resumed++;
        if (outcome.action === 'opened') counts.opened++;
        if (outcome.action === 'failed') counts.failed++;
        progress.tick();
      },
      settings: (repo) => ({
        apply: options.apply,
        path: options['workflow-path'],
        branch: options.branch,
        title: 'Add the cutover workflow for the registry migration',
        body: pullRequestBody({
          path: options['workflow-path'],
          uses: options.uses,
          images: repo.produces,
          source: manifest.source,
          ...(repo.owner !== undefined && { owner: repo.owner }),
        }),
        content: (branch) =>
          template
            ? template.replace(/\$default-branch/g, branch)
            : starterWorkflow({
                branch,
                images: repo.produces,
                uses: options.uses,
                ...(workflowManifest !== undefined && { manifest: workflowManifest }),
              }),
      }),
    });
    progress.done();

    return presentRollout(
      { apply: options.apply, workflowPath: options['workflow-path'], uses: options.uses, outcomes },
      reporter,
    );
  },
});

function readTemplate(file: string, shown: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--template ${shown}: cannot read it (${(error as NodeJS.ErrnoException).code})`);
  }
}
