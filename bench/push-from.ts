/**
 * `npm run build && npm run bench -- push-from`: a 4-platform image (≈ 60 MB per platform: a
 * 40 MB base shared by all, 20 MB of each platform's own, plus Buildx-style attestation
 * manifests) already in the old registry, copied to a fresh new registry by
 * `cutover push --from REF@DIGEST` against `skopeo copy --all --preserve-digests` of the same
 * reference to another fresh registry, in the same run, rounds alternating. Prints the wall times
 * (median of the rounds) and the ratio; the target is ≤ 0.6×. Also the CPU seconds of each side —
 * the tool (user + system, by /usr/bin/time) plus both registries (from /proc) — because on a
 * shared 2-core machine the copy is CPU-bound and the wall-time ratio follows the CPU.
 * `BENCH_BUNDLE=/path/to/dist/index.js` runs another build (a baseline) as cutover;
 * `BENCH_LATENCY_MS=25` puts a proxy in front of every registry that holds each request that long
 * (a registry in another region: what round trips cost users; the bytes still flow at loopback speed).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { seedImageHttp } from '../test/harness/http-seed.js';
import { PLATFORMS } from '../test/harness/images.js';
import { startDelayingProxy } from '../test/harness/proxies.js';
import { startRegistry, type TestRegistry } from '../test/harness/registry.js';
import { skopeo } from '../test/harness/skopeo.js';
import { requireTool } from '../test/harness/tools.js';
import { median, timed } from './shared/measure.js';

const run = promisify(execFile);
const MB = 1_000_000;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
// Compiled to lib/bench/push-from.js: the bundle is two folders up.
const BUNDLE =
  process.env['BENCH_BUNDLE'] ||
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/index.js');
const CLOCK_TICKS = 100;
const LATENCY_MS = Number(process.env['BENCH_LATENCY_MS'] ?? 0);

/** Where clients reach a registry: itself, or a delaying proxy in front of it (BENCH_LATENCY_MS). */
async function reachable(registry: TestRegistry): Promise<{ host: string; stop(): Promise<void> }> {
  if (LATENCY_MS <= 0) return { host: registry.host, stop: async () => undefined };
  return startDelayingProxy(registry, LATENCY_MS);
}

/** CPU seconds used so far by a test registry's processes (Linux /proc; 0 elsewhere). */
function registryCpu(registry: TestRegistry): number {
  try {
    const pids = execFileSync('pgrep', ['-f', registry.dir]).toString().trim().split('\n');
    return pids.reduce((sum, pid) => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    }, 0);
  } catch {
    return 0;
  }
}

/**
 * Runs a program under /usr/bin/time; its wall time, and the CPU seconds of it and of the
 * registries it talks to.
 */
async function measured(
  program: string,
  args: string[],
  registries: TestRegistry[],
  env?: NodeJS.ProcessEnv,
): Promise<{ seconds: number; cpu: number; tool: number }> {
  const before = registries.reduce((sum, registry) => sum + registryCpu(registry), 0);
  let stderr = '';
  const seconds = await timed(async () => {
    ({ stderr } = await run('/usr/bin/time', ['-f', 'cpu %U %S', program, ...args], {
      ...(env && { env }),
      maxBuffer: 64 * MB,
    }));
  });
  const [user, system] = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr)?.slice(1).map(Number) ?? [0, 0];
  const after = registries.reduce((sum, registry) => sum + registryCpu(registry), 0);
  return { seconds, cpu: user! + system! + (after - before), tool: user! + system! };
}

export async function main(): Promise<void> {
  requireTool('skopeo');
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'cutover-bench-from-'));
  const old = await startRegistry();
  try {
    console.log(`cutover: ${BUNDLE}`);
    console.log('seeding a 4-platform image (40 MB shared base + 20 MB per platform, attestations) …');
    const digest = await seedImageHttp(old, 'bench/app:build', {
      shared: [{ seed: 'bench-base', size: 40 * MB }],
      layers: [{ seed: 'bench-platform', size: 20 * MB }],
      platforms: PLATFORMS.four,
      attestations: true,
    });
    const oldFront = await reachable(old);
    const reference = `${oldFront.host}/bench/app@${digest}`;
    if (LATENCY_MS > 0)
      console.log(`every request held ${LATENCY_MS} ms by a proxy in front of each registry`);
    const cutoverTimes: number[] = [];
    const skopeoTimes: number[] = [];
    const cutoverCpu: number[] = [];
    const skopeoCpu: number[] = [];
    const cutoverToolCpu: number[] = [];
    const skopeoToolCpu: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const [forCutover, forSkopeo]: [TestRegistry, TestRegistry] = await Promise.all([
        startRegistry(),
        startRegistry(),
      ]);
      const [cutoverFront, skopeoFront] = await Promise.all([reachable(forCutover), reachable(forSkopeo)]);
      try {
        const manifest = path.join(work, `cutover-${round}.yml`);
        writeFileSync(
          manifest,
          [
            'version: 1',
            'registries:',
            `  old: { host: '${oldFront.host}', read-only: 2030-01-01, shutdown: 2030-02-01 }`,
            `  new: { host: '${cutoverFront.host}', available: 2029-01-01 }`,
            '',
          ].join('\n'),
        );
        const sides = [
          async () => {
            const { seconds, cpu, tool } = await measured(
              process.execPath,
              [
                BUNDLE,
                'push',
                '--manifest',
                manifest,
                '--from',
                reference,
                '--tag',
                '1.0',
                '--now',
                '2030-01-15',
              ],
              [old, forCutover],
              { PATH: process.env['PATH'], HOME: process.env['HOME'] },
            );
            cutoverTimes.push(seconds);
            cutoverCpu.push(cpu);
            cutoverToolCpu.push(tool);
          },
          async () => {
            const { seconds, cpu, tool } = await measured(
              'skopeo',
              [
                'copy',
                '--all',
                '--preserve-digests',
                '--src-tls-verify=false',
                '--dest-tls-verify=false',
                `docker://${reference}`,
                `docker://${skopeoFront.host}/bench/app:1.0`,
              ],
              [old, forSkopeo],
            );
            skopeoTimes.push(seconds);
            skopeoCpu.push(cpu);
            skopeoToolCpu.push(tool);
          },
        ];
        // Alternate which side goes first, so neither always meets a warm cache.
        for (const side of round % 2 === 0 ? sides : [...sides].reverse()) await side();
        for (const registry of [forCutover, forSkopeo])
          if ((await skopeo.digest(registry, 'bench/app:1.0')) !== digest)
            throw new Error(`${registry.host}/bench/app:1.0 does not resolve to ${digest}`);
      } finally {
        await Promise.all([cutoverFront.stop(), skopeoFront.stop()]);
        await Promise.all([forCutover.stop(), forSkopeo.stop()]);
      }
    }
    const a = median(cutoverTimes);
    const b = median(skopeoTimes);
    console.log('');
    console.log('| | cutover push --from | skopeo copy --all | ratio |');
    console.log('| --- | --- | --- | --- |');
    console.log(
      `| 4-platform image + attestations, old → new${LATENCY_MS > 0 ? `, ${LATENCY_MS} ms per request` : ''}, median of ${ROUNDS} | ${a.toFixed(2)} s | ${b.toFixed(2)} s | ${(a / b).toFixed(3)} |`,
    );
    console.log(
      `rounds: cutover ${cutoverTimes.map((t) => t.toFixed(2)).join(', ')} s; skopeo ${skopeoTimes.map((t) => t.toFixed(2)).join(', ')} s`,
    );
    console.log(
      `CPU seconds (the tool + both registries), median: cutover ${median(cutoverCpu).toFixed(2)}, skopeo ${median(skopeoCpu).toFixed(2)}, ratio ${(median(cutoverCpu) / median(skopeoCpu)).toFixed(3)}; load average ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      `of which the tool alone: cutover ${median(cutoverToolCpu).toFixed(2)}, skopeo ${median(skopeoToolCpu).toFixed(2)}; the registries: cutover's ${(median(cutoverCpu) - median(cutoverToolCpu)).toFixed(2)}, skopeo's ${(median(skopeoCpu) - median(skopeoToolCpu)).toFixed(2)}`,
    );
    console.log(
      `retired target (issue 22; the peers bench, bench/peers.ts, sets the targets now) ≤ 0.6× skopeo copy --all: ${(a / b).toFixed(3)}× — ${a / b <= 0.6 ? 'met' : 'NOT met'}`,
    );
    await oldFront.stop();
  } finally {
    await old.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
