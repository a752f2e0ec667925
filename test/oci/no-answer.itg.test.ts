import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type CliRun } from '../harness/cli.js';
import { startSilentServer, UNRESOLVABLE_HOST, type HostileRegistry } from '../harness/hostile-registry.js';
import { seedImage } from '../harness/images.js';
import { writeManifest, type ManifestRegistry } from '../harness/manifest.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';

/**
 * Time to a clear failure (issue 24, item 13): a registry that accepts connections and never
 * answers, or whose name does not resolve, fails each command that reads it within 20 s with the
 * right words — "no answer from HOST", "cannot resolve HOST", never "answered 500" — and the
 * progress says what it is waiting for once a request has waited 5 s. The runs are killed at 30 s,
 * so the tests stay bounded where the old code waited ~155 s.
 */

const LIMIT_S = 20;
const NOW = ['--now', '2020-09-20'];

async function timed(run: Promise<CliRun>): Promise<CliRun & { seconds: number }> {
  const started = Date.now();
  const result = await run;
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

describe('a registry that never answers, or whose name does not resolve', () => {
  let dir: string;
  let source: TestRegistry;
  let silent: HostileRegistry;
  let digest: string;
  let counter = 0;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-no-answer-'));
    [source, silent] = await Promise.all([startRegistry(), startSilentServer()]);
    digest = await seedImage(source, 'app:1.0', { layers: [{ seed: 'no-answer', size: 3_000 }] });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([source?.stop(), silent?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** A manifest with the real registry as the old one and `next` as the new one. */
  function manifest(next: ManifestRegistry): string {
    return writeManifest(
      dir,
      { old: source.host, new: next, copy: [{ images: ['app'] }] },
      `cutover-${counter++}.yml`,
    );
  }

  function run(args: string[]): Promise<CliRun & { seconds: number }> {
    return timed(runCli([...args, ...NOW], { timeoutMs: 30_000 }));
  }

  /** Exit 1 within the limit, naming the silent host, saying what it waited for after 5 s. */
  function expectNoAnswer(result: CliRun & { seconds: number }): void {
    expect(result.seconds).toBeLessThan(LIMIT_S);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`no answer from ${silent.host}`);
    expect(result.stderr).toMatch(
      new RegExp(`waiting for ${silent.host.replace(/\./g, '\\.')} to answer .+ \\(\\d+ s\\)`),
    );
    expect(result.stdout + result.stderr).not.toMatch(/answered 500|HTTP 500/);
  }

  test('copy-tags --dry-run: "no answer from HOST" within 20 s, with a waiting line after 5 s', async () => {
    const result = await run(['copy-tags', '--manifest', manifest(silent.host), '--dry-run']);
    expectNoAnswer(result);
  }, 90_000);

  test('verify: "no answer from HOST" within 20 s', async () => {
    const result = await run([
      'verify',
      '--manifest',
      manifest(silent.host),
      '--tags',
      `${source.host}/app:1.0\n${silent.host}/app:1.0`,
    ]);
    expectNoAnswer(result);
  }, 90_000);

  test('push --from: "no answer from HOST" within 20 s', async () => {
    const result = await run([
      'push',
      '--manifest',
      manifest(silent.host),
      '--from',
      `${source.host}/app@${digest}`,
      '--tag',
      '1.0',
    ]);
    expectNoAnswer(result);
    // Few requests: the silent host is not asked again and again.
    expect(silent.requests.length).toBeLessThan(200);
  }, 90_000);

  test('status: "no answer from HOST" within 20 s', async () => {
    const result = await run(['status', '--manifest', manifest(silent.host)]);
    expectNoAnswer(result);
  }, 90_000);

  test('a registry name that does not resolve: "cannot resolve HOST" within 20 s', async () => {
    const result = await run([
      'copy-tags',
      '--manifest',
      manifest({ host: UNRESOLVABLE_HOST, insecure: true }),
      '--dry-run',
    ]);
    expect(result.seconds).toBeLessThan(LIMIT_S);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot resolve ${UNRESOLVABLE_HOST}`);
    expect(result.stdout + result.stderr).not.toMatch(/answered 500|HTTP 500/);
  }, 90_000);
});
