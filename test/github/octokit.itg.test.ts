import { classifyGitHubFailure } from '../../src/github/octokit.js';
import { runCli } from '../harness/cli.js';
import { rateLimitAnswer, startGitHubApi, type GitHubApi } from '../harness/github-api.js';

/** A failure as Octokit throws it: status and response headers. */
function failure(status: number, headers: Record<string, string>, message = 'failed') {
  return Object.assign(new Error(message), { status, response: { headers } });
}

describe('the GitHub client: which failures are retried, and how long it waits', () => {
  const now = Date.UTC(2030, 0, 1, 12, 0, 0);

  test('GitHub’s rate-limit answers, as the stand-in gives them, are waited out as asked', () => {
    const secondary = rateLimitAnswer('secondary', 403, 7);
    expect(classifyGitHubFailure(failure(403, secondary.headers!), now)).toEqual({
      retryable: true,
      reason: 'secondary rate limit (HTTP 403)',
      retryAfterMs: 7000,
    });
    const primary = failure(429, {
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(now / 1000 + 30),
    });
    expect(classifyGitHubFailure(primary, now)).toEqual({
      retryable: true,
      reason: 'primary rate limit (HTTP 429)',
      retryAfterMs: 31_000,
    });
    // A secondary limit without any header: GitHub asks for at least a minute.
    const bare = failure(403, {}, 'You have exceeded a secondary rate limit');
    expect(classifyGitHubFailure(bare, now).retryAfterMs).toBe(60_000);
  });

  test('server errors and dropped connections are retried; refusals and absences are final', () => {
    expect(classifyGitHubFailure(failure(502, {}), now).retryable).toBe(true);
    expect(
      classifyGitHubFailure(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNRESET' } }), now),
    ).toMatchObject({
      retryable: true,
      reason: 'network: ECONNRESET',
    });
    for (const status of [401, 403, 404, 422])
      expect(classifyGitHubFailure(failure(status, {}), now).retryable).toBe(false);
  });
});

describe('a central manifest in another private repository', () => {
  let api: GitHubApi;
  beforeAll(async () => {
    api = await startGitHubApi();
    api.on('GET /repos/{owner}/{repo}/contents/{path}', (request) =>
      request.headers['authorization'] === 'token ghs_appinstallationtoken'
        ? {
            status: 200,
            body: [
              'version: 1',
              'registries:',
              '  old: { host: old.example.com, read-only: 2030-10-01, shutdown: 2030-11-01 }',
              '  new: { host: new.example.com, available: 2030-09-01 }',
              'repos:',
              '  acme/web: { owner: web }',
            ].join('\n'),
            headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' },
          }
        : { status: 404, body: { message: 'Not Found' } },
    );
  });
  afterAll(() => api.stop());

  const workflow = (extra: NodeJS.ProcessEnv = {}) => ({
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_TOKEN: 'ghs_githubtokenofacmeweb',
    GITHUB_API_URL: api.url,
    ...extra,
  });

  test('with github.token only, the error says exactly why and what to do', async () => {
    const run = await runCli(['validate', '--manifest', 'acme/platform:cutover.yml@main'], {
      env: workflow(),
    });
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain(
      'github.token can read only the repository this workflow runs in (acme/web), not another private repository (acme/platform): ' +
        "pass a token that can read acme/platform as the cutover workflow's manifest-token secret",
    );
    expect(run.stdout + run.stderr).toContain('actions/create-github-app-token');
  });

  test('the manifest-token (CUTOVER_MANIFEST_TOKEN) reads it, and is masked', async () => {
    const before = api.requests.length;
    const run = await runCli(['validate', '--manifest', 'acme/platform:cutover.yml@main'], {
      env: workflow({ CUTOVER_MANIFEST_TOKEN: 'ghs_appinstallationtoken' }),
    });
    expect(run.code).toBe(0);
    expect(api.requests.slice(before).map((r) => r.headers['authorization'])).toEqual([
      'token ghs_appinstallationtoken',
    ]);
    // Masked: the runner is told to hide it, and it appears nowhere else.
    const output = (run.stdout + run.stderr).split('\n');
    expect(output).toContain('::add-mask::ghs_appinstallationtoken');
    expect(output.filter((line) => !line.startsWith('::add-mask::')).join('\n')).not.toContain(
      'ghs_appinstallationtoken',
    );
    expect(api.violations).toEqual([]);
  });
});
