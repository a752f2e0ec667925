import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ConfigError } from '../shared/errors.js';
import type { GitHub as Octokit } from '../github/octokit.js';
import { httpStatus } from '../github/http-status.js';

/** What rollout did, or would do, for one repository. */
export interface RolloutOutcome {
  repo: string;
  action: 'opened' | 'would-open' | 'skipped' | 'failed';
  /** Why it was skipped or failed, in words. */
  reason?: string;
  defaultBranch?: string;
  pullRequest?: { number: number; url: string };
}

export interface RolloutSettings {
  /** Act: create the branch, the file and the pull request. Otherwise only look. */
  apply: boolean;
  /** Where the workflow goes, e.g. `.github/workflows/cutover.yml`. */
  path: string;
  /** The branch the pull request comes from. */
  branch: string;
  title: string;
  body: string;
  /** The workflow text for a repository, given its default branch. */
  content(defaultBranch: string): string;
}

/**
 * The pull request's description: what the workflow does for this repository and who asked.
 */
export function pullRequestBody(settings: {
  path: string;
  uses: string;
  images: string[];
  source: string;
  owner?: string;
}): string {
  return [
    `This adds \`${settings.path}\`, which calls \`${settings.uses}\`: it builds and pushes ${
      settings.images.length
        ? settings.images.map((image) => `\`${image}\``).join(', ')
        : 'nothing (no image)'
    } to the registries the migration timeline names, flags references to the old registry, and checks generated code.`,
    '',
    `Opened by \`cutover rollout\` from \`${settings.source}\`${settings.owner ? ` for ${settings.owner}` : ''}.`,
  ].join('\n');
}

/**
 * Opens (or, without `apply`, plans) one pull request adding the starter workflow to `repo`.
 * Idempotent: a repository whose default branch already has the file, or that has an open pull
 * request from the rollout branch, is skipped; a rollout branch left by an earlier run is reused.
 */
export async function rolloutRepository(
  octokit: Octokit,
  repo: string,
  settings: RolloutSettings,
): Promise<RolloutOutcome> {
  const [owner, name] = repo.split('/') as [string, string];
  let defaultBranch: string;
  try {
    defaultBranch = (await octokit.rest.repos.get({ owner, repo: name })).data.default_branch;
  } catch (error) {
    return { repo, action: 'failed', reason: describe(error, 'reading the repository') };
  }
  try {
    if (await fileExists(octokit, owner, name, settings.path, defaultBranch)) {
      return {
        repo,
        action: 'skipped',
        reason: `${settings.path} is already on ${defaultBranch}`,
        defaultBranch,
      };
    }
    const open = await octokit.rest.pulls.list({
      owner,
      repo: name,
      state: 'open',
      head: `${owner}:${settings.branch}`,
      per_page: 10,
    });
    const existing = open.data[0];
    if (existing) {
      return {
        repo,
        action: 'skipped',
        reason: `rollout pull request #${existing.number} is already open`,
        defaultBranch,
        pullRequest: { number: existing.number, url: existing.html_url },
      };
    }
    if (!settings.apply) return { repo, action: 'would-open', defaultBranch };

    const base = await octokit.rest.git.getRef({ owner, repo: name, ref: `heads/${defaultBranch}` });
    let branchSha: string | undefined;
    try {
      await octokit.rest.git.createRef({
        owner,
        repo: name,
        ref: `refs/heads/${settings.branch}`,
        sha: base.data.object.sha,
      });
    } catch (error) {
      // 422: the branch is left from an earlier run whose pull request was closed; reuse it.
      if (httpStatus(error) !== 422) throw error;
      branchSha = await fileSha(octokit, owner, name, settings.path, settings.branch);
    }
    await octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo: name,
      path: settings.path,
      branch: settings.branch,
      message: settings.title,
      content: Buffer.from(settings.content(defaultBranch)).toString('base64'),
      ...(branchSha !== undefined && { sha: branchSha }),
    });
    const pull = await octokit.rest.pulls.create({
      owner,
      repo: name,
      title: settings.title,
      head: settings.branch,
      base: defaultBranch,
      body: settings.body,
    });
    return {
      repo,
      action: 'opened',
      defaultBranch,
      pullRequest: { number: pull.data.number, url: pull.data.html_url },
    };
  } catch (error) {
    return { repo, action: 'failed', reason: describe(error, 'opening the pull request'), defaultBranch };
  }
}

async function fileExists(octokit: Octokit, owner: string, repo: string, path: string, ref: string) {
  return (await fileSha(octokit, owner, repo, path, ref)) !== undefined;
}

/** The blob sha of a file on a branch, or undefined when there is none. */
async function fileSha(
  octokit: Octokit,
  owner: string,
  repo: string,
  path: string,
  ref: string,
): Promise<string | undefined> {
  try {
    const response = await octokit.rest.repos.getContent({ owner, repo, path, ref });
    return Array.isArray(response.data) ? undefined : response.data.sha;
  } catch (error) {
    if (httpStatus(error) === 404) return undefined;
    throw error;
  }
}

function describe(error: unknown, doing: string): string {
  const status = httpStatus(error);
  const message = (error as Error).message.split('\n')[0];
  if (status === 404) return `${doing}: not found, or the token cannot see it (HTTP 404)`;
  if (status === 403 || status === 401)
    return `${doing}: the token is not allowed (HTTP ${status}: ${message}); it needs contents and pull-requests write`;
  return `${doing}: ${status ? `HTTP ${status}: ` : ''}${message}`;
}

/** What a rollout has done so far, kept in `--progress-file` so a stopped run resumes where it stopped. */
export interface RolloutProgress {
  version: 1;
  /** The starter's path and branch: a file for another rollout is not resumed. */
  path: string;
  branch: string;
  /** Finished repositories (opened or skipped): a resumed run does not ask GitHub about them again. */
  done: Record<string, RolloutOutcome>;
}

/** Reads the progress file; a missing file, or one for another path or branch, is a fresh start. */
export function readRolloutProgress(
  file: string,
  settings: { path: string; branch: string },
): RolloutProgress {
  const fresh: RolloutProgress = { version: 1, ...settings, done: {} };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return fresh;
  }
  try {
    const progress = JSON.parse(text) as RolloutProgress;
    if (progress.version !== 1 || progress.path !== settings.path || progress.branch !== settings.branch)
      return fresh;
    return { ...fresh, done: progress.done ?? {} };
  } catch (error) {
    throw new ConfigError([{ file, message: `not a rollout progress file: ${(error as Error).message}` }]);
  }
}

/** Writes the progress file whole (a rename, so an interrupted write never leaves half a file). */
export function writeRolloutProgress(file: string, progress: RolloutProgress): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(progress, null, 2)}\n`);
  renameSync(temporary, file);
}

/** Whether an outcome is final: a later run has nothing to do for that repository. */
export function isFinished(outcome: RolloutOutcome): boolean {
  return outcome.action === 'opened' || outcome.action === 'skipped';
}
