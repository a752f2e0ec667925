import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli } from '../harness/cli.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';

const MANIFEST = readFileSync(path.join(ROOT, 'examples/cutover.yml'), 'utf8');
const TOKEN = 'ghs_centralManifestToken123';

describe('a central manifest, owner/repo:path@ref, read through the GitHub API', () => {
  let api: GitHubApi;
  beforeAll(async () => {
    api = await startGitHubApi();
    api.on('GET /repos/{owner}/{repo}/contents/{path}', (request) => {
      if (request.params['owner'] !== 'acme' || request.params['repo'] !== 'platform') {
        return {
          status: 404,
          body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
        };
      }
      if (request.query['ref'] === 'no-such-branch') {
        return { status: 404, body: { message: 'No commit found for the ref no-such-branch' } };
      }
      if (request.params['path'] !== 'migration/cutover.yml')
        return { status: 404, body: { message: 'Not Found' } };
      expect(request.headers['accept']).toMatch(/application\/vnd\.github(\.v3)?\.raw/);
      return {
        status: 200,
        body: MANIFEST,
        headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' },
      };
    });
  });
  afterAll(() => api.stop());
  afterEach(() => expect(api.violations.splice(0)).toEqual([]));

  const env = () => ({ GITHUB_API_URL: api.url, GITHUB_TOKEN: TOKEN });

  test('is fetched at a ref and validated', async () => {
    const result = await runCli(
      ['validate', '--manifest', 'acme/platform:migration/cutover.yml@v2', '--now', '2020-09-15', '--json'],
      { env: env() },
    );
    expect([result.code, result.stderr]).toEqual([0, expect.any(String)]);
    expect(JSON.parse(result.stdout)).toMatchObject({
      manifest: 'acme/platform:migration/cutover.yml@v2',
      phase: 'dual',
    });
    const request = api.requests.at(-1)!;
    expect(request).toMatchObject({
      operation: 'GET /repos/{owner}/{repo}/contents/{path}',
      query: { ref: 'v2' },
    });
    expect(request.headers['authorization']).toBe(`token ${TOKEN}`);
  });

  test.each([
    [
      'acme/platform:missing.yml',
      'cannot fetch the central manifest: not found (no such repository, path or ref, or the token cannot read acme/platform)',
    ],
    ['acme/platform:migration/cutover.yml@no-such-branch', 'the ref "no-such-branch" does not exist'],
    [
      'acme/elsewhere:cutover.yml@main',
      'acme/elsewhere:cutover.yml@main: cannot fetch the central manifest: not found',
    ],
  ])('%s: exit 2 saying why', async (spec, reason) => {
    const result = await runCli(['validate', '--manifest', spec], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(reason);
  });

  test('without a token: exit 2 saying GITHUB_TOKEN is needed, and no request is made', async () => {
    const before = api.requests.length;
    const result = await runCli(['validate', '--manifest', 'acme/platform:migration/cutover.yml'], {
      env: { GITHUB_API_URL: api.url },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('GITHUB_TOKEN is not set');
    expect(api.requests.length).toBe(before);
  });

  test('a refused token: exit 2 saying so', async () => {
    const strict = await startGitHubApi();
    strict.on('GET /repos/{owner}/{repo}/contents/{path}', () => ({
      status: 401,
      body: { message: 'Bad credentials' },
    }));
    const result = await runCli(['validate', '--manifest', 'acme/platform:cutover.yml'], {
      env: { GITHUB_API_URL: strict.url, GITHUB_TOKEN: 'bad' },
    });
    await strict.stop();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the token was refused (401)');
  });
});

describe('the OpenAPI-checked GitHub API stand-in', () => {
  test('flags endpoints that do not exist and requests that do not match the description', async () => {
    const api = await startGitHubApi();
    api.on('POST /repos/{owner}/{repo}/pulls', () => ({ status: 201, body: {} }));
    const headers = { authorization: 'token x', 'content-type': 'application/json' };
    await fetch(`${api.url}/repos/a/b/not-an-endpoint`, { headers });
    await fetch(`${api.url}/repos/a/b/pulls`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 5, head: 'x', base: 'main' }),
    });
    await fetch(`${api.url}/repos/a/b/pulls?bogus=1`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 't', head: 'x', base: 'main' }),
    });
    await api.stop();
    expect(api.violations).toEqual([
      "GET /repos/a/b/not-an-endpoint: no such endpoint in GitHub's OpenAPI description",
      expect.stringMatching(
        /^POST \/repos\/\{owner\}\/\{repo\}\/pulls: body does not match the schema: .*title/,
      ),
      'POST /repos/{owner}/{repo}/pulls: undeclared query parameter "bogus"',
    ]);
  });
});
