import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, runCli } from '../harness/cli.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import type { ImageSpec } from '../harness/images.js';
import { seedImageHttp as seedImage } from '../harness/http-seed.js';
import { startCountingProxy } from '../harness/proxies.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { skopeo } from '../harness/skopeo.js';
import { digestOf } from '../pulls/formats/fixtures.js';

/**
 * A simulated migration on two real registries: the old one seeded with the fixture's images,
 * then some tags in the new one (one of them wrong), then everything, then the old one gone.
 */

const FIXTURE = 'test/fixtures/plan/migration.yml';

/** Every tag of the old registry, oldest first; created times make `newest` meaningful. */
const OLD_TAGS: Record<string, string[]> = {
  'base/jdk': ['1.8.0', '17.0.1'],
  'base/alpine': ['3.18'],
  'base/node': ['20'],
  'tools/builder': ['2.3.0', '2.4.0'],
  api: ['3.0.0', '3.1.0', '3.2.0'],
  auth: ['1.4.2'],
  web: ['1.0'],
  worker: ['1.0'],
  reports: ['1.0'],
  gateway: ['1.0'],
  search: ['1.0'],
  indexer: ['1.0'],
  billing: ['1.0'],
  'mirror/postgres': ['13'],
};

function spec(image: string, tag: string, variant = ''): ImageSpec {
  const index = OLD_TAGS[image]!.indexOf(tag);
  return {
    layers: [{ seed: `${image}:${tag}${variant}`, size: 256 }],
    created: `2020-0${index + 1}-01T00:00:00Z`,
  };
}

interface StatusJson {
  exitCriteria: { met: boolean; reasons: string[] };
  repos: { repo: string; ready: boolean; consumes: { text: string; ready: boolean; note?: string }[] }[];
  images: {
    image: string;
    state: string;
    oldOnlyTags: string[];
    newest: { reference: string; state: string }[];
  }[];
  pinned: { image: string; reference: string; state: string; oldDigest?: string; newDigest?: string }[];
  oldOnly: { image: string; reference: string; state: string }[];
  copyRules: { image: string; reference: string; state: string; reasons: string[] }[];
  oldUnreachable?: string;
  dashboard?: { number: number; action: string };
}

describe('status against real registries through a simulated migration', () => {
  let old: TestRegistry;
  let next: TestRegistry;
  let api: GitHubApi;
  let dir: string;
  let manifest: string;
  const issues: { number: number; title: string; body: string; state: string }[] = [];

  const status = async (extra: string[] = [], env: NodeJS.ProcessEnv = {}) => {
    const run = await runCli(['status', '--manifest', manifest, '--now', '2020-09-20', '--json', ...extra], {
      env: { GITHUB_TOKEN: 'ghp_statustesttoken000', GITHUB_API_URL: api.url, ...env },
    });
    if (!run.stdout.startsWith('{'))
      throw new Error(`status printed no JSON (exit ${run.code}):\n${run.stderr}`);
    return { ...run, json: JSON.parse(run.stdout) as StatusJson };
  };
  /** A references file as `guard --export-refs` writes it for a repository with no reference left. */
  const cleanRefs = () => {
    const file = path.join(dir, 'clean.refs.json');
    writeFileSync(file, JSON.stringify({ version: 1, registry: old.host, references: [] }));
    return file;
  };
  const readyRepos = (json: StatusJson) =>
    json.repos
      .filter((repo) => repo.ready)
      .map((repo) => repo.repo)
      .sort();
  const copyToNew = async (image: string, tag: string, variant = '') =>
    seedImage(next, `${image}:${tag}`, spec(image, tag, variant));

  beforeAll(async () => {
    [old, next, api] = await Promise.all([
      startRegistry({ log: { formatter: 'json' } }),
      startRegistry(),
      startGitHubApi(),
    ]);
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-status-'));
    manifest = path.join(dir, 'cutover.yml');
    writeFileSync(
      manifest,
      readFileSync(path.join(ROOT, FIXTURE), 'utf8')
        .replace('registry.old.example.com', old.host)
        .replace('registry.new.example.com', next.host),
    );
    for (const [image, tags] of Object.entries(OLD_TAGS))
      for (const tag of tags) await seedImage(old, `${image}:${tag}`, spec(image, tag));
    // The issues of the repository holding the dashboard.
    api.on('GET /repos/{owner}/{repo}/issues', () => ({
      status: 200,
      body: issues
        .filter((issue) => issue.state === 'open')
        .map((issue) => ({
          number: issue.number,
          title: issue.title,
          body: issue.body,
          html_url: `https://github.test/issues/${issue.number}`,
        })),
    }));
    api.on('POST /repos/{owner}/{repo}/issues', (request) => {
      const body = request.body as { title: string; body: string };
      const number = issues.length + 1;
      issues.push({ number, title: body.title, body: body.body, state: 'open' });
      return { status: 201, body: { number, html_url: `https://github.test/issues/${number}` } };
    });
    api.on('GET /repos/{owner}/{repo}/issues/{issue_number}', (request) => {
      const issue = issues.find((i) => i.number === Number(request.params['issue_number']));
      return issue
        ? { status: 200, body: { ...issue, html_url: `https://github.test/issues/${issue.number}` } }
        : { status: 404, body: { message: 'Not Found' } };
    });
    api.on('PATCH /repos/{owner}/{repo}/issues/{issue_number}', (request) => {
      const issue = issues.find((i) => i.number === Number(request.params['issue_number']))!;
      issue.body = (request.body as { body: string }).body;
      return {
        status: 200,
        body: { number: issue.number, html_url: `https://github.test/issues/${issue.number}` },
      };
    });
    // An unrelated open issue with another title, so the search has something to skip.
    issues.push({ number: 1, title: 'Flaky build', body: 'see logs', state: 'open' });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([old?.stop(), next?.stop(), api?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('1. only the old registry has images: nobody who consumes is ready; the dashboard issue is created', async () => {
    const run = await status(['--newest', '2', '--dashboard', 'acme/platform:Registry migration dashboard']);
    expect(run.code).toBe(0);
    const { json } = run;
    expect(json.exitCriteria.met).toBe(false);
    expect(readyRepos(json)).toEqual(['acme/base-images', 'acme/docs']);
    expect(json.images.find((i) => i.image === 'api')).toEqual(
      expect.objectContaining({
        state: 'behind',
        newest: [
          expect.objectContaining({ reference: '3.2.0', state: 'missing' }),
          expect.objectContaining({ reference: '3.1.0', state: 'missing' }),
        ],
      }),
    );
    expect(json.pinned.map((p) => `${p.image}:${p.reference}=${p.state}`).sort()).toEqual([
      'api:3.1.0=missing',
      'auth:1.4.2=missing',
      'base/jdk:1.8.0=missing',
      'mirror/postgres:13=missing',
      'tools/builder:2.3.0=missing',
    ]);
    expect(json.oldOnly.length).toBeGreaterThan(10);
    // The copy: rules select base/* (newest 2) and every pinned reference; none is in the new registry yet.
    const rules = (j: StatusJson) =>
      j.copyRules.map((c) => `${c.image}:${c.reference}=${c.state} ${c.reasons.join('+')}`);
    expect(rules(json).sort()).toEqual([
      'api:3.1.0=missing copy[1] (referenced)',
      'auth:1.4.2=missing copy[1] (referenced)',
      'base/alpine:3.18=missing copy[0]',
      'base/jdk:1.8.0=missing copy[0]+copy[1] (referenced)',
      'base/jdk:17.0.1=missing copy[0]',
      'base/node:20=missing copy[0]',
      'mirror/postgres:13=missing copy[1] (referenced)',
      'tools/builder:2.3.0=missing copy[1] (referenced)',
    ]);
    // The dashboard: searched among open issues, then created once.
    expect(json.dashboard).toEqual(expect.objectContaining({ number: 2, action: 'created' }));
    expect(issues[1]!.title).toBe('Registry migration dashboard');
    expect(issues[1]!.body).toContain('**Exit criteria not met ❌**');
    expect(issues[1]!.body).toContain('```mermaid');
    expect(run.stderr).toContain('waiting: acme/api (wave 3)');
    expect(api.violations).toEqual([]);
  });

  test('2. base images and some pinned tags copied, one tag wrong: exit 1 names the difference', async () => {
    for (const [image, tags] of Object.entries(OLD_TAGS).filter(([image]) => image.startsWith('base/')))
      for (const tag of tags) await copyToNew(image, tag);
    await copyToNew('tools/builder', '2.3.0');
    await copyToNew('tools/builder', '2.4.0');
    await copyToNew('api', '3.0.0');
    await copyToNew('api', '3.1.0');
    // A different image under web:1.0 in the new registry (someone pushed by hand).
    await copyToNew('web', '1.0', '-rebuilt');

    const run = await status(['--newest', '2']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('1 tags differ between the old and the new registry');
    const { json } = run;
    expect(readyRepos(json)).toEqual(['acme/auth', 'acme/base-images', 'acme/build-tools', 'acme/docs']);
    expect(json.images.find((i) => i.image === 'base/jdk')!.state).toBe('carried');
    expect(
      json.copyRules
        .filter((c) => c.state !== 'present')
        .map((c) => `${c.image}:${c.reference}`)
        .sort(),
    ).toEqual(['auth:1.4.2', 'mirror/postgres:13']);
    // api's newest two are 3.2.0 and 3.1.0: 3.2.0 is still missing, so dual push is not working yet.
    expect(json.images.find((i) => i.image === 'api')!.newest).toEqual([
      expect.objectContaining({ reference: '3.2.0', state: 'missing' }),
      expect.objectContaining({ reference: '3.1.0', state: 'present' }),
    ]);
    expect(json.images.find((i) => i.image === 'web')!.state).toBe('conflict');
    // Old tags no rule keeps (api 3.2.0 is neither newest-copied nor pinned yet) are listed, not required.
    expect(json.images.find((i) => i.image === 'api')!.oldOnlyTags).toEqual(['3.2.0']);
    expect(json.images.find((i) => i.image === 'base/jdk')!.oldOnlyTags).toEqual([]);
    const auth = json.repos.find((r) => r.repo === 'acme/auth')!;
    expect(auth.consumes).toEqual([
      { text: 'base/jdk', ready: true },
      { text: 'api:3.1.0', ready: true },
    ]);
    expect(auth.ready).toBe(true);
    const gateway = json.repos.find((r) => r.repo === 'acme/gateway')!;
    expect(gateway.consumes.find((c) => c.text === 'web')!.note).toContain(
      'the new registry has different images under 1.0',
    );
    const billing = json.repos.find((r) => r.repo === 'acme/legacy-billing')!;
    expect(billing.consumes).toEqual([
      { text: 'base/jdk:1.8.0', ready: true },
      {
        text: 'mirror/postgres:13',
        ready: false,
        note: 'mirror/postgres:13 is only in the old registry: copy-tags has not carried it yet',
      },
    ]);
    // Identical digests, checked by the independent witness.
    const pinnedApi = json.pinned.find((p) => p.image === 'api')!;
    expect(pinnedApi.newDigest).toBe(await skopeo.digest(next, 'api:3.1.0'));
    expect(pinnedApi.oldDigest).toBe(await skopeo.digest(old, 'api:3.1.0'));
  }, 120_000);

  test('3. everything carried: every repository ready, exit criteria met, the dashboard updated once', async () => {
    for (const [image, tags] of Object.entries(OLD_TAGS)) for (const tag of tags) await copyToNew(image, tag);
    // The references half of the criteria: every repository's guard export, all clean.
    const run = await status(['--newest', '2', '--dashboard', 'acme/platform#2', '--refs', cleanRefs()]);
    expect(run.code).toBe(0);
    expect(run.json.exitCriteria).toEqual({ met: true, reasons: [] });
    expect(run.json.repos.every((repo) => repo.ready)).toBe(true);
    expect(run.json.oldOnly).toEqual([]);
    expect(run.json.copyRules.every((c) => c.state === 'present')).toBe(true);
    expect(run.json.dashboard).toEqual(expect.objectContaining({ number: 2, action: 'updated' }));
    // Without pull evidence the verdict is never a plain ✅: it says what was not checked, and how.
    expect(issues[1]!.body).toContain('**Exit criteria met on what was checked ⚠️ — not checked:');
    expect(issues[1]!.body).not.toContain('**Exit criteria met ✅**');
    expect(issues[1]!.body).toContain('_Not checked: pass the old registry’s logs');
    expect(issues[1]!.body).toContain('class r0,');
    // The same state again: the body is unchanged, so the issue is left alone.
    const patches = api.requests.filter((r) => r.method === 'PATCH').length;
    const again = await status([
      '--newest',
      '2',
      '--dashboard',
      'acme/platform:Registry migration dashboard',
      '--refs',
      cleanRefs(),
    ]);
    expect(again.json.dashboard).toEqual(expect.objectContaining({ number: 2, action: 'unchanged' }));
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(patches);
    expect(issues.filter((i) => i.title === 'Registry migration dashboard')).toHaveLength(1);
    expect(api.violations).toEqual([]);
  }, 120_000);

  test('3b. pull evidence: a CronJob still on an old image keeps the criteria unmet; moved, they are met ✅', async () => {
    // The old registry's own log (its pulls happened today, outside a window ending 2020-09-20) and a
    // cluster's workload list: the fixture's List, its nightly CronJob on the old registry's reports:1.0.
    const list = readFileSync(path.join(ROOT, 'test/fixtures/pulls/prod-eu.json'), 'utf8');
    const stillOld = path.join(dir, 'prod-eu.json');
    writeFileSync(
      stillOld,
      list
        .replaceAll('registry.old.example/batch/report:1.8.0', `${old.host}/reports:1.0`)
        .replaceAll('registry.old.example', next.host)
        .replaceAll(digestOf('batch/report:1.8.0'), (await skopeo.digest(old, 'reports:1.0'))!),
    );
    const log = path.join(dir, 'old-registry.log');
    writeFileSync(log, readFileSync(old.logFile));
    const before = await status([
      '--newest',
      '2',
      '--refs',
      cleanRefs(),
      '--evidence',
      log,
      '--evidence',
      stillOld,
    ]);
    expect(before.json.exitCriteria.met).toBe(false);
    expect(before.json.exitCriteria.reasons).toEqual([
      `2 workload containers run or are templated on an image of ${old.host} (1 running now): prod-eu/batch CronJob/nightly-report (report), prod-eu/batch Job/nightly-report-29414520 (report)`,
    ]);
    const moved = path.join(dir, 'prod-eu-moved.json');
    writeFileSync(moved, list.replaceAll('registry.old.example', next.host));
    const after = await status([
      '--newest',
      '2',
      '--refs',
      cleanRefs(),
      '--evidence',
      log,
      '--evidence',
      moved,
      '--summary',
      path.join(dir, 'summary.md'),
    ]);
    expect(after.json.exitCriteria).toEqual({ met: true, reasons: [] });
    const summary = readFileSync(path.join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain('**Exit criteria met ✅**');
    expect(summary).toContain('nothing but cutover pulled from it in the last 30 days');
    expect(summary).toContain(`#### Still pulling from \`${old.host}\``);
  }, 120_000);

  test('the fan-out is bounded: never more registry requests in flight than --concurrency', async () => {
    const proxy = await startCountingProxy(next);
    const proxied = path.join(dir, 'proxied.yml');
    writeFileSync(proxied, readFileSync(manifest, 'utf8').replace(next.host, proxy.host));
    try {
      const run = async (concurrency: string) => {
        proxy.reset();
        const result = await runCli(
          [
            'status',
            '--manifest',
            proxied,
            '--now',
            '2020-09-20',
            '--concurrency',
            concurrency,
            '--json',
            '--refs',
            cleanRefs(),
          ],
          { env: {} },
        );
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout).exitCriteria.met).toBe(true);
        return { requests: proxy.requests(), peak: proxy.peak() };
      };
      const narrow = await run('2');
      expect(narrow.requests).toBeGreaterThan(20);
      expect(narrow.peak).toBeLessThanOrEqual(2);
      const wide = await run('8');
      expect(wide.peak).toBeGreaterThan(2);
      expect(wide.peak).toBeLessThanOrEqual(8);
    } finally {
      await proxy.stop();
    }
  }, 120_000);

  test('4. the old registry gone: status says it cannot confirm nothing was left behind', async () => {
    await old.stop();
    const run = await status(['--newest', '2']);
    expect(run.code).toBe(0);
    expect(run.json.oldUnreachable).toBeDefined();
    expect(run.json.exitCriteria.met).toBe(false);
    expect(run.json.exitCriteria.reasons.join('\n')).toContain('the old registry could not be asked');
  }, 60_000);

  test('bad input exits 2', async () => {
    const run = await runCli(['status', '--manifest', manifest, '--dashboard', 'Just a title']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GITHUB_REPOSITORY is not set');
    const newest = await runCli(['status', '--manifest', manifest, '--newest', '0']);
    expect(newest.code).toBe(2);
    expect(newest.stderr).toContain('--newest: expected at least 1');
  });
});
