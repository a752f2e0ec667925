import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../harness/cli.js';

const DEMO = path.join(ROOT, 'lib/scripts/demo.js');

function runDemo(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [DEMO],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

/** The lines of one dated step of the rehearsal, up to the next banner. */
function stepOf(output: string, day: string): string {
  const start = output.indexOf(`━━ ${day}`);
  if (start < 0) throw new Error(`the rehearsal has no step on ${day}`);
  const next = output.indexOf('\n━━ ', start + 1);
  return output.slice(start, next < 0 ? undefined : next);
}

describe('npm run demo: the rehearsal of a whole migration', () => {
  test('runs plan → copy-tags → push → guard → status across the timeline and ends with the exit criteria met', async () => {
    // scripts/test.sh and .ci/run compile lib/ before the suite runs.
    expect(existsSync(DEMO)).toBe(true);
    const { code, stdout, stderr } = await runDemo();
    expect([code, stderr.replace(/npm warn.*\n/g, '')]).toEqual([0, '']);
    expect(stdout).toContain('Steps exercised: plan, copy-tags, push, guard, status.');
    // Before the new registry opens: the plan, with both pinned cycles explained.
    expect(stepOf(stdout, '2030-02-15')).toMatch(
      /6 repositories, \d+ dependencies, 4 waves, 2 cycles \(0 blocking\)/,
    );
    // Dual push: every release lands in both registries with one digest.
    const dual = stepOf(stdout, '2030-03-10');
    const pushed = [...dual.matchAll(/pushed 127\.0\.0\.1:\d+\/([\w/.-]+:[\w.-]+)@(sha256:[a-f0-9]{64})/g)];
    expect(pushed.length).toBeGreaterThanOrEqual(12);
    const digests = new Map<string, Set<string>>();
    for (const [, reference, digest] of pushed)
      digests.set(reference!, (digests.get(reference!) ?? new Set()).add(digest!));
    expect([...digests.values()].every((set) => set.size === 1)).toBe(true);
    // Dual push: every image carried, but acme/web still pulls from the old registry (the census finds it).
    expect(dual).toMatch(
      /exit criteria not met: .*acme\/web still references the old registry: 2 references \(Dockerfile:1, deploy\/web\.yaml:8\)/,
    );
    // Read-only: the old registry is skipped, with the reason.
    expect(stepOf(stdout, '2030-04-05')).toMatch(
      /not pushing to 127\.0\.0\.1:\d+: the old registry is read-only since 2030-04-01/,
    );
    // After fail-from: guard fails, --fix rewrites, guard passes.
    const cutoff = stepOf(stdout, '2030-04-20');
    expect(cutoff.match(/└ exit \d/g)).toEqual(['└ exit 1', '└ exit 0', '└ exit 0']);
    // The shutdown eve: not met while the data team's CronJob still runs an old image; met once it moves.
    const eve = stepOf(stdout, '2030-04-28');
    expect(eve).toMatch(
      /exit criteria not met: 1 workload container runs or is templated on an image of 127\.0\.0\.1:\d+ \(1 running now\): prod\/data CronJob\/monthly-report \(report\)/,
    );
    expect(eve).toContain(
      'exit criteria met (references: census of every repository; pulls: evidence of the last 30 days)',
    );
    expect(eve.indexOf('exit criteria not met')).toBeLessThan(eve.indexOf('exit criteria met ('));
  });
});
