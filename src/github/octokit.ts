import { Octokit } from '@octokit/rest';
import { UsageError } from '../shared/errors.js';
import type { SecretRegistry } from '../shared/secrets.js';

/**
 * The one place Octokit clients are made: token from GITHUB_TOKEN (masked), API base from
 * GITHUB_API_URL so GitHub Enterprise Server and the tests' local API server work unchanged.
 */
export function createOctokit(env: NodeJS.ProcessEnv, secrets: SecretRegistry, purpose: string): Octokit {
  const token = env['GITHUB_TOKEN'] || env['GH_TOKEN'];
  if (!token) {
    throw new UsageError(
      `GITHUB_TOKEN is not set: ${purpose} needs the GitHub API (in a workflow: env: GITHUB_TOKEN: \${{ github.token }})`,
    );
  }
  secrets.addToken(token);
  return new Octokit({
    auth: token,
    baseUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
    userAgent: 'cutover',
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}

/** The HTTP status of an Octokit RequestError, if it is one. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}
