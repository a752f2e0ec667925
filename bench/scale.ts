/**
 * The manifest and the plan at organisation scale, timed (the tests check what comes out; the
 * timings live here, where a busy machine cannot fail a test run): validating 10,000 and 20,000
 * repositories (CPU time linear in size, near the YAML library's own parse) and planning 2,000.
 */
import { LineCounter, parseDocument } from 'yaml';
import { parseManifest } from '../src/manifest/parse.js';
import { planMigration } from '../src/plan/plan.js';
import { planJson, planMarkdown, planMatrix } from '../src/plan/render.js';
import { largeManifest, organisation } from '../test/harness/organisations.js';

/** CPU seconds `work` takes: the best of `runs`, so that one pause of a shared machine does not count. */
function cpuSeconds(work: () => void, runs = 3): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return best;
}

const verdict = (passed: boolean) => (passed ? 'PASS' : 'FAIL');

export async function main(): Promise<void> {
  const small = organisation(10_000);
  const large = organisation(20_000);
  parseManifest(organisation(500), 'warm-up.yml'); // compile the hot paths first
  const smallSeconds = cpuSeconds(() => parseManifest(small, 'big.yml'));
  const largeSeconds = cpuSeconds(() => parseManifest(large, 'big.yml'));
  // The floor: the YAML library reading the same text (positions kept, no checks).
  const floorSeconds = cpuSeconds(() =>
    parseDocument(large, { lineCounter: new LineCounter(), uniqueKeys: false }),
  );
  console.log(
    `load average: ${(await import('node:os'))
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
  console.log('| manifest | CPU time (s), best of 3 |');
  console.log('| --- | --- |');
  console.log(`| 10,000 repositories | ${smallSeconds.toFixed(2)} |`);
  console.log(`| 20,000 repositories | ${largeSeconds.toFixed(2)} |`);
  console.log(`| YAML parse alone, 20,000 | ${floorSeconds.toFixed(2)} |`);
  // Quadratic work shows as ~4× for 2× the repositories; linear work as ~2×.
  const growth = largeSeconds / smallSeconds;
  console.log(`20,000 / 10,000: ${growth.toFixed(2)}× (target < 3×, linear) ${verdict(growth < 3)}`);
  const overFloor = largeSeconds / floorSeconds;
  console.log(
    `20,000 / the YAML parse: ${overFloor.toFixed(2)}× (target < 2.5×) ${verdict(overFloor < 2.5)}`,
  );
  console.log(
    `20,000 repositories: ${largeSeconds.toFixed(2)} s (target < 2 s) ${verdict(largeSeconds < 2)}`,
  );

  const manifest = parseManifest(largeManifest(2000), 'large.yml');
  const planSeconds = cpuSeconds(() => {
    const plan = planMigration(manifest);
    JSON.stringify(planJson(plan, planMatrix(plan, 'repo')));
    planMarkdown(plan, 'large.yml');
  });
  console.log(
    `plan of 2,000 repositories (graph, JSON, Markdown): ${(planSeconds * 1000).toFixed(0)} ms CPU (target < 1 s) ${verdict(planSeconds < 1)}`,
  );
}
