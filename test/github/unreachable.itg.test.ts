import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliRun } from '../harness/cli.js';
import { startSilentServer, UNRESOLVABLE_HOST, type HostileRegistry } from '../harness/hostile-registry.js';
import { writeManifest } from '../harness/manifest.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';

/**
 * An unreachable GitHub API (issue 24, item 14): a name that does not resolve, or a server that
 * accepts connections and never answers, fails every command that needs GitHub — the central
 * manifest, the census, rollout — within 20 s with the right words ("cannot resolve HOST", "no
 * answer from HOST", never "GitHub answered 500"), every request named with its template filled in.
 * The runs are killed at 40 s, so the tests stay bounded where the old code took 150–300 s.
 */

const LIMIT_S = 20;
const ROLLOUT_FIXTURE = 'test/fixtures/plan/migration.yml';

async function timed(run: Promise<CliRun>): Promise<CliRun & { seconds: number }> {
  const started = Date.now();
  const result = await run;
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

function cli(args: string[], api: string) {
  return timed(
    runCli(args, {
      env: { GITHUB_TOKEN: 'ghp_unreachabletesttoken00', GITHUB_API_URL: api },
      timeoutMs: 40_000,
    }),
  );
}

/** Never the old words, never a template's placeholders. */
function expectClearWords(run: CliRun): void {
  const text = run.stdout + run.stderr;
  expect(text).not.toMatch(/answered 500|HTTP 500/);
  expect(text).not.toMatch(/\{owner\}|\{repo\}|\{path\}/);
}

describe('an unreachable GitHub API', () => {
  let silent: HostileRegistry;
  let registries: TestRegistry[];
  let dir: string;
  beforeAll(async () => {
    silent = await startSilentServer();
    registries = await Promise.all([startRegistry(), startRegistry()]);
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-github-unreachable-'));
  });
  afterAll(async () => {
    await Promise.all([silent.stop(), ...registries.map((registry) => registry.stop())]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('a central manifest when the API name does not resolve: "cannot resolve HOST" within 20 s', async () => {
    const run = await cli(
      ['tags', '--manifest', 'acme/platform:cutover.yml@main', '--tags', 'app:1.0'],
      `http://${UNRESOLVABLE_HOST}`,
    );
    expect(run.seconds).toBeLessThan(LIMIT_S);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cannot resolve ${UNRESOLVABLE_HOST}`);
    expect(run.stderr).toContain('GET /repos/acme/platform/contents/cutover.yml');
    expectClearWords(run);
  }, 60_000);

  test('a central manifest when the API never answers: "no answer from HOST" within 20 s', async () => {
    const run = await cli(
      ['tags', '--manifest', 'acme/platform:cutover.yml@main', '--tags', 'app:1.0'],
      silent.url,
    );
    expect(run.seconds).toBeLessThan(LIMIT_S);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`no answer from ${silent.host}`);
    expectClearWords(run);
  }, 60_000);

  test('rollout over twelve repositories when the API never answers: within 20 s, each request named', async () => {
    const run = await cli(['rollout', '--manifest', ROLLOUT_FIXTURE, '--json'], silent.url);
    expect(run.seconds).toBeLessThan(LIMIT_S);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain(`no answer from ${silent.host}`);
    expect(run.stdout + run.stderr).toMatch(/GET \/repos\/acme\/[a-z-]+/);
    expectClearWords(run);
  }, 60_000);

  test('the census when the API name does not resolve: the repository unknown because "cannot resolve HOST", within 20 s', async () => {
    const manifest = writeManifest(dir, {
      old: registries[0]!.host,
      new: registries[1]!.host,
      repos: { 'acme/app': { produces: ['app'] } },
    });
    const run = await cli(
      ['status', '--manifest', manifest, '--now', '2020-09-20', '--scan-repos', '--json'],
      `http://${UNRESOLVABLE_HOST}`,
    );
    expect(run.seconds).toBeLessThan(LIMIT_S);
    // A census that could not read a repository reports it unknown (never clean); status itself goes on.
    const census = (
      JSON.parse(run.stdout) as { census: { repos: { repo: string; state: string; reason: string }[] } }
    ).census;
    expect(census.repos).toEqual([
      expect.objectContaining({
        repo: 'acme/app',
        state: 'unknown',
        reason: expect.stringContaining(`cannot resolve ${UNRESOLVABLE_HOST}`),
      }),
    ]);
    expectClearWords(run);
  }, 60_000);
});
