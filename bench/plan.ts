/**
 * `npm run build && npm run bench -- plan`: `cutover plan` of a generated organisation of 2,000
 * repositories (test/plan/organisations.ts, the one the plan's scale tests use), the whole process
 * as a user runs it, BENCH_ROUNDS times (default 5). Prints the median CPU seconds (user + system)
 * and wall time; the target is under 1 CPU-second. `--summary` (the Markdown with its diagrams, what
 * a workflow step renders) is measured apart. BENCH_BUNDLE runs another build as cutover.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { layeredManifest } from '../test/plan/organisations.js';
import { median } from './shared/measure.js';
import { runMeasured, type ToolRun } from './shared/tool-run.js';

const BUNDLE =
  process.env['BENCH_BUNDLE'] ||
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/index.js');
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);

export async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'cutover-bench-plan-'));
  try {
    const manifest = path.join(work, 'org.yml');
    writeFileSync(manifest, layeredManifest(2000));
    const runs: Record<string, ToolRun[]> = { plan: [], 'plan --summary FILE': [] };
    for (let round = 0; round < ROUNDS; round++) {
      runs['plan']!.push(await runMeasured(process.execPath, [BUNDLE, 'plan', '--manifest', manifest]));
      runs['plan --summary FILE']!.push(
        await runMeasured(process.execPath, [
          BUNDLE,
          'plan',
          '--manifest',
          manifest,
          '--summary',
          path.join(work, 'summary.md'),
        ]),
      );
    }
    console.log(`cutover: ${BUNDLE}; 2,000 repositories; ${ROUNDS} rounds`);
    console.log('| command | CPU seconds (median) | wall seconds (median) | CPU per round |');
    console.log('| --- | --- | --- | --- |');
    for (const [name, list] of Object.entries(runs))
      console.log(
        `| ${name} | ${median(list.map((r) => r.cpu)).toFixed(2)} | ${median(list.map((r) => r.seconds)).toFixed(2)} | ${list.map((r) => r.cpu.toFixed(2)).join(', ')} |`,
      );
    const cpu = median(runs['plan']!.map((r) => r.cpu));
    console.log(
      `target plan at 2,000 repositories under 1 CPU-second: ${cpu.toFixed(2)} s — ${cpu < 1 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; ${new Date().toISOString()}`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
