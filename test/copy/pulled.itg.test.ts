/**
 * copy-tags selecting by use, on the very log a real distribution registry wrote while real clients
 * pulled from it, and a cluster's workload list: the tags pulled in the window, the digest pulled by
 * digest (copied by digest, no tag points at it), the CronJob's image and the digest its pod ran; not the
 * tags nobody pulled. Then the copy itself, and status judging the same evidence.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, runCli } from '../harness/cli.js';
import { seedImage } from '../harness/images.js';
import { writeManifest } from '../harness/manifest.js';
import { markLogs } from '../harness/notifications.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { skopeo } from '../harness/skopeo.js';
import { digestOf } from '../pulls/formats/fixtures.js';

interface CopyJson {
  selected: number;
  copied: { source: string; target: string; digest: string }[];
  missing: { repository: string; reference: string; referencedBy: string[] }[];
  chosen: { source: string; reasons: string[] }[];
  warnings: string[];
}

describe('copy-tags --evidence: what is still used is copied', () => {
  let old: TestRegistry;
  let next: TestRegistry;
  let dir: string;
  const digests: Record<string, string> = {};
  let log: string;
  let cluster: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-pulled-'));
    [old, next] = await Promise.all([startRegistry({ log: { formatter: 'json' } }), startRegistry()]);
    for (const reference of [
      'team/api:1.0',
      'team/api:2.0',
      'team/api:3.0',
      'team/worker:1.0',
      'batch/report:1.8.0',
    ])
      digests[reference] = await seedImage(old, reference, { layers: [{ seed: reference, size: 2_000 }] });
    // team/worker:1.0 is then retagged away: only its digest is left, and a deployment pins it.
    digests['team/worker:1.1'] = await seedImage(old, 'team/worker:1.0', {
      layers: [{ seed: 'worker 1.1', size: 2_000 }],
    });
    // Real clients: skopeo pulls team/api:2.0 (twice) and the old worker image by digest.
    await skopeo.digest(old, 'team/api:2.0');
    await skopeo.digest(old, 'team/api:2.0');
    await skopeo.manifest(old, `team/worker@${digests['team/worker:1.0']}`);
    await markLogs(old, 'team/api:2.0');
    log = path.join(dir, 'registry.json.log');
    writeFileSync(log, readFileSync(old.logFile));
    // A cluster whose nightly CronJob still runs batch/report:1.8.0 from the old registry: the
    // fixture's List, its other images moved to another registry already, the report's digest the real one.
    cluster = path.join(dir, 'prod-eu.json');
    writeFileSync(
      cluster,
      readFileSync(path.join(ROOT, 'test/fixtures/pulls/prod-eu.json'), 'utf8')
        .replaceAll('registry.old.example/batch/report', `${old.host}/batch/report`)
        .replaceAll('registry.old.example', 'registry.moved.example')
        .replaceAll(digestOf('batch/report:1.8.0'), digests['batch/report:1.8.0']!),
    );
  }, 180_000);

  afterAll(async () => {
    await Promise.all([old?.stop(), next?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const copyTags = async (manifest: string, extra: string[]) => {
    const run = await runCli(['copy-tags', '--manifest', manifest, '--json', ...extra], { cwd: dir });
    return { ...run, json: run.stdout.startsWith('{') ? (JSON.parse(run.stdout) as CopyJson) : undefined };
  };

  test('--dry-run: pulled tags, the digest pulled by digest, the workload image; each with why', async () => {
    const manifest = writeManifest(
      dir,
      { old: old.host, new: next.host, copy: [{ pulled: { days: 30 } }] },
      'pulled.yml',
    );
    const run = await copyTags(manifest, ['--dry-run', '--evidence', log, '--evidence', cluster]);
    expect([run.code, run.stderr]).toEqual([0, expect.any(String)]);
    const chosen = Object.fromEntries(run.json!.chosen.map((entry) => [entry.source, entry.reasons]));
    expect(Object.keys(chosen).sort()).toEqual(
      [
        'batch/report:1.8.0',
        `batch/report@${digests['batch/report:1.8.0']}`,
        'team/api:2.0',
        `team/worker@${digests['team/worker:1.0']}`,
      ].sort(),
    );
    // skopeo twice (its top client), once more for the mark (harness-mark), all today.
    const today = new Date().toISOString().slice(0, 10);
    expect(chosen['team/api:2.0']).toEqual([
      expect.stringMatching(new RegExp(`^copy\\[0\\] \\(pulled 3×, last ${today}, skopeo/`)),
    ]);
    expect(chosen[`team/worker@${digests['team/worker:1.0']}`]).toEqual([
      expect.stringMatching(new RegExp(`^copy\\[0\\] \\(pulled 1×, last ${today}, skopeo/`)),
    ]);
    expect(chosen['batch/report:1.8.0']).toEqual([
      'workload prod-eu/batch CronJob/nightly-report (running)',
      'workload prod-eu/batch Job/nightly-report-29414520 (finished: Complete)',
    ]);
    expect(run.stderr).toContain('team/api:2.0: copy[0] (pulled 3×');
    // Nothing pulled team/api:1.0 or 3.0: not copied.
    expect(run.json!.missing).toEqual([]);
  }, 120_000);

  test('the copy: the pinned digest lands by digest with no tag, byte-identical', async () => {
    const manifest = writeManifest(
      dir,
      { old: old.host, new: next.host, copy: [{ pulled: { days: 30 } }] },
      'pulled.yml',
    );
    const run = await copyTags(manifest, ['--evidence', log, '--evidence', cluster]);
    expect([run.code, run.stderr]).toEqual([0, expect.any(String)]);
    expect(run.json!.copied.map((entry) => entry.source).sort()).toEqual(
      [
        `${old.host}/batch/report:1.8.0`,
        `${old.host}/batch/report@${digests['batch/report:1.8.0']}`,
        `${old.host}/team/api:2.0`,
        `${old.host}/team/worker@${digests['team/worker:1.0']}`,
      ].sort(),
    );
    expect(await skopeo.digest(next, `team/worker@${digests['team/worker:1.0']}`)).toBe(
      digests['team/worker:1.0'],
    );
    expect(await skopeo.tags(next, 'team/worker')).toEqual([]);
    expect(await skopeo.tags(next, 'team/api')).toEqual(['2.0']);
  }, 120_000);

  test('a pulled: rule without --evidence is bad input (exit 2)', async () => {
    const manifest = writeManifest(
      dir,
      { old: old.host, new: next.host, copy: [{ pulled: { days: 30 } }] },
      'pulled.yml',
    );
    const run = await copyTags(manifest, ['--dry-run']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'copy[0] selects the tags pulled from the old registry (pulled:): give its logs or exports with --evidence',
    );
  });
});
