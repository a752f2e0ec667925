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
