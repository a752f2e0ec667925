import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../harness/cli.js';
import { rateLimitStorm, startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { serveOrganisation, type FakeRepo } from './organisation.js';

/** An organisation of `count` repositories, each with one image, behind the stand-in. */
function largeOrganisation(count: number): { repos: Map<string, FakeRepo>; manifest: string } {
  const repos = new Map<string, FakeRepo>();
  const lines = [
    'version: 1',
    'registries:',
    '  old: { host: old.example.com, read-only: 2020-10-01, shutdown: 2020-11-01 }',
    '  new: { host: new.example.com, available: 2020-09-01 }',
    'repos:',
  ];
  for (let i = 0; i < count; i++) {
    const name = `org/service-${String(i).padStart(3, '0')}`;
    repos.set(name, {
      defaultBranch: 'main',
      branches: new Map([['main', String(i).padStart(40, '0')]]),
      files: new Map([['main:README.md', `# ${name}\n`]]),
      pulls: [],
    });
    lines.push(`  ${name}: { owner: team-${i % 10}, produces: [service-${i}] }`);
  }
  return { repos, manifest: lines.join('\n') };
}

describe('rollout at organisation scale', () => {
  let api: GitHubApi;
  let dir: string;
  const env = () => ({ GITHUB_TOKEN: 'ghp_rolloutscaletoken000', GITHUB_API_URL: api.url });

  beforeEach(async () => {
    api = await startGitHubApi();
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-rollout-scale-'));
  });
  afterEach(async () => {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('200 repositories through a storm of primary and secondary rate limits (403 and 429): every pull request opened once', async () => {
    const { repos, manifest } = largeOrganisation(200);
    const file = path.join(dir, 'org.yml');
    writeFileSync(file, manifest);
    serveOrganisation(api, repos);
    const storm = rateLimitStorm(40, 1);
    api.limit(storm.limiter);
    const started = performance.now();
    const run = await runCli(
      ['rollout', '--manifest', file, '--apply', '--json', '--concurrency', '8', '--write-interval', '5ms'],
      { env: env() },
    );
    const seconds = (performance.now() - started) / 1000;
    expect(api.violations).toEqual([]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { repos: { action: string }[] };
    expect(json.repos.filter((r) => r.action === 'opened')).toHaveLength(200);
    for (const repo of repos.values()) expect(repo.pulls.filter((p) => p.state === 'open')).toHaveLength(1);
    // The storm happened, and every kind of answer was waited out as GitHub asks.
    expect(storm.limited()).toBeGreaterThan(20);
    expect(run.stderr).toMatch(/GitHub secondary rate limit \(HTTP 403\): .* waits 1\.0 s/);
    expect(run.stderr).toMatch(/GitHub secondary rate limit \(HTTP 429\)/);
    expect(run.stderr).toMatch(/GitHub primary rate limit \(HTTP 403\): .* waits [12]\.\d s/);
    expect(run.stderr).toMatch(/rollout: 200\/200 repositories \(200 opened, 0 failed\)/);
    // Each repository: a branch, a file and a pull request, each created once despite the retries.
    const writes = api.requests.filter((r) => r.method !== 'GET');
    expect(writes.filter((r) => r.operation === 'POST /repos/{owner}/{repo}/pulls').length).toBeGreaterThanOrEqual(200);
    process.stderr.write(
      `rollout of 200 repositories through ${storm.limited()} rate-limit answers: ${seconds.toFixed(1)} s, ${api.requests.length} requests\n`,
    );
  }, 600_000);

  test('a run that stops halfway resumes from --progress-file without asking about the finished repositories again', async () => {
    const { repos, manifest } = largeOrganisation(30);
    const file = path.join(dir, 'org.yml');
    writeFileSync(file, manifest);
    serveOrganisation(api, repos);
    // The token loses its access halfway (a final 403, not a rate limit): the run stops short.
    let allowed = true;
    api.limit((request) => {
      const index = Number(/service-(\d+)/.exec(request.params['repo'] ?? '')?.[1]);
      return !allowed && index >= 15
        ? { status: 403, body: { message: 'Resource not accessible by integration' } }
        : undefined;
    });
    allowed = false;
    const progress = path.join(dir, 'rollout-progress.json');
    const args = [
      'rollout',
      '--manifest',
      file,
      '--apply',
      '--json',
      '--write-interval',
      '5ms',
      '--progress-file',
      progress,
    ];
    const first = await runCli(args, { env: env() });
    expect(first.code).toBe(1);
    const firstJson = JSON.parse(first.stdout) as { repos: { repo: string; action: string }[] };
    expect(firstJson.repos.filter((r) => r.action === 'opened')).toHaveLength(15);
    expect(firstJson.repos.filter((r) => r.action === 'failed')).toHaveLength(15);
    expect(Object.keys(JSON.parse(readFileSync(progress, 'utf8')).done)).toHaveLength(15);

    allowed = true;
    const before = api.requests.length;
    const second = await runCli(args, { env: env() });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('rollout: resuming from');
    expect(second.stderr).toContain('15 repositories already done');
    const asked = new Set(api.requests.slice(before).map((r) => r.params['repo']));
    for (let i = 0; i < 15; i++) expect(asked.has(`service-${String(i).padStart(3, '0')}`)).toBe(false);
    const secondJson = JSON.parse(second.stdout) as { repos: { action: string; reason?: string }[] };
    expect(secondJson.repos.filter((r) => r.action === 'opened')).toHaveLength(15);
    expect(
      secondJson.repos.filter((r) => r.reason?.startsWith('done in an earlier run (opened #')),
    ).toHaveLength(15);
    for (const repo of repos.values()) expect(repo.pulls.filter((p) => p.state === 'open')).toHaveLength(1);
    expect(api.violations).toEqual([]);
  }, 300_000);
});
