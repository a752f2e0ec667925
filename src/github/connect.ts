import type { createOctokit, GitHub, GitHubWait } from './octokit.js';

/**
 * {@link createOctokit}, loaded on demand: the client and its retry machinery then live in one
 * bundle chunk shared by every command that talks to GitHub (and by the central manifest), instead
 * of a copy in each command's chunk, and runs that never call GitHub never load it.
 */
export async function connectGitHub(...args: Parameters<typeof createOctokit>): Promise<GitHub> {
  const { createOctokit } = await import('./octokit.js');
  return createOctokit(...args);
}

/** A log line for a wait the GitHub client makes (rate limits, failures). */
export function describeWait(wait: GitHubWait): string {
  const what = wait.kind === 'error' ? `${wait.reason}, retrying` : `GitHub ${wait.reason}`;
  return `${what}: ${wait.request} waits ${(wait.delayMs / 1000).toFixed(1)} s (attempt ${wait.attempt})`;
}

/** Where a central manifest's token comes from: the workflow's `manifest-token`, else GITHUB_TOKEN. */
export const MANIFEST_TOKEN_VARIABLES = ['CUTOVER_MANIFEST_TOKEN', 'GITHUB_TOKEN', 'GH_TOKEN'];

/**
 * Why a central manifest cannot be read in a workflow, when the reason is almost certainly that
 * github.token only reads the repository the workflow runs in; undefined elsewhere.
 */
export function centralManifestTokenHint(
  env: NodeJS.ProcessEnv,
  owner: string,
  repo: string,
): string | undefined {
  const here = env['GITHUB_REPOSITORY'];
  if (env['GITHUB_ACTIONS'] !== 'true' || env['CUTOVER_MANIFEST_TOKEN'] || !here) return undefined;
  if (here.toLowerCase() === `${owner}/${repo}`.toLowerCase()) return undefined;
  return (
    `github.token can read only the repository this workflow runs in (${here}), not another private repository (${owner}/${repo}): ` +
    `pass a token that can read ${owner}/${repo} as the cutover workflow's manifest-token secret ` +
    `(the starter passes the organisation secret CUTOVER_MANIFEST_TOKEN; a GitHub App installation token from actions/create-github-app-token with contents: read on ${owner}/${repo}), ` +
    'or make the manifest repository internal or public'
  );
}
