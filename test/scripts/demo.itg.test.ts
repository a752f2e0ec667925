import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../harness/cli.js';

/**
 * The rehearsal as a fresh clone runs it (`scripts/demo.sh` → `node dist/rehearsal/index.js`): from a
 * copy of the committed dist/ and examples/ with no node_modules anywhere above, so it proves that no
 * `npm install` is needed.
 */
function runDemo(): Promise<{ code: number; stdout: string; stderr: string }> {
  const clone = mkdtempSync(path.join(os.tmpdir(), 'cutover-clone-'));
  for (const folder of ['dist', 'examples'])
    cpSync(path.join(ROOT, folder), path.join(clone, folder), { recursive: true });
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(clone, 'dist/rehearsal/index.js')],
      { cwd: clone, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        rmSync(clone, { recursive: true, force: true });
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
    expect(existsSync(path.join(ROOT, 'dist/rehearsal/index.js'))).toBe(true);
    expect(existsSync(path.join(os.tmpdir(), 'node_modules'))).toBe(false);
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
    // A story dated 2030 shows no date of the machine's clock (the breaker says how long, not since when).
    const year = new Date().getUTCFullYear();
    expect(stdout).not.toMatch(new RegExp(`${year}-\\d\\d-\\d\\dT`));
    expect(stepOf(stdout, '2030-05-02')).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    // guard's lines are each said once: no line repeated within a step's log.
    for (const day of ['2030-03-10', '2030-04-20']) {
      const lines = stepOf(stdout, day)
        .split('\n')
        .filter((line) => line.startsWith('  │ guard: '));
      const runs = stepOf(stdout, day).match(/\$ cutover guard/g)!.length;
      expect(lines.length).toBeGreaterThan(0);
      for (const line of new Set(lines))
        expect([line, lines.filter((other) => other === line).length <= runs]).toEqual([line, true]);
    }
  }, 400_000); // a generous bound: two registries, a Docker engine and ~30 CLI runs on a shared machine
});
