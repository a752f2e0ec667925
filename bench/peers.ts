/**
 * cutover against the tools users would pick instead, in one run, on loopback and through a proxy that
 * holds every request 25 ms (a registry in another region): `npm run build && npm run bench -- peers`.
 *
 * - copy 100 tags (10 repositories × 10 tags, ≈ 170 MB unique; copy-tags.ts seeds them):
 *   `cutover copy-tags` vs `skopeo sync`, `regsync once` (parallel 8) and `crane copy` per tag, 8 at once;
 * - `push --from` of a BuildKit-built 4-platform index with provenance attestations (40 MB shared +
 *   20 MB per platform, built once by a standalone buildkitd) vs `crane copy`,
 *   `regctl image copy --referrers` and `skopeo copy --all --preserve-digests`;
 * - 4 concurrent `copy-tags --shard I/4` vs one run.
 * Each tool copies into a fresh docker-registry of its own; the order rotates every round. Printed:
 * each tool's wall time and its own CPU seconds (user + system of its process tree), medians of
 * BENCH_ROUNDS rounds (default 3), and the targets: at 25 ms, cutover ≤ 0.5× the fastest peer's wall
 * time; on loopback, cutover's CPU ≤ the lowest peer's. BENCH_LATENCIES (default "0,25") lists the
 * conditions in ms; BENCH_BUNDLE runs another build as cutover.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAndPush, scratchContext, startBuildkitd } from '../test/harness/buildkit.js';
import { startDelayingProxy } from '../test/harness/proxies.js';
import { startRegistry, type TestRegistry } from '../test/harness/registry.js';
import { skopeo } from '../test/harness/skopeo.js';
import { requireTool } from '../test/harness/tools.js';
import { seed, verify } from './copy-tags.js';
import { median } from './shared/measure.js';
import { runMeasured, runPool } from './shared/tool-run.js';

const BUNDLE =
  process.env['BENCH_BUNDLE'] ||
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/index.js');
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const LATENCIES = (process.env['BENCH_LATENCIES'] ?? '0,25').split(',').map(Number);
const MB = 1_000_000;
const REPOSITORIES = Array.from({ length: 10 }, (_, r) => `bench/r${r}`);
const TAGS = REPOSITORIES.flatMap((repository) =>
  Array.from({ length: 10 }, (_, t) => `${repository}:1.0.${t}`),
);
const PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/ppc64le', 'linux/s390x'];

/** A registry as the tools reach it: itself, or a delaying proxy in front of it. */
interface Front {
  host: string;
  stop(): Promise<void>;
}

async function front(registry: TestRegistry, latency: number): Promise<Front> {
  if (latency <= 0) return { host: registry.host, stop: async () => undefined };
  return startDelayingProxy(registry, latency);
}

/** One tool's task: given the old registry's front and a fresh target's, copy and return the run. */
type Task = (
  old: string,
  target: string,
  work: string,
) => Promise<{ seconds: number; cpu: number; reruns?: number }>;

function cutoverManifest(work: string, old: string, target: string, copy: boolean): string {
  const file = path.join(work, `cutover-${target.replace(/\W/g, '-')}.yml`);
  writeFileSync(
    file,
    [
      'version: 1',
      'registries:',
      `  old: { host: '${old}', read-only: 2030-01-01, shutdown: 2030-02-01 }`,
      `  new: { host: '${target}', available: 2029-01-01 }`,
      ...(copy ? ['copy:', "  - images: ['bench/*']"] : []),
      '',
    ].join('\n'),
  );
  return file;
}

const copyTasks: Record<string, Task> = {
  'cutover copy-tags': (old, target, work) =>
    runMeasured(process.execPath, [
      BUNDLE,
      'copy-tags',
      '--manifest',
      cutoverManifest(work, old, target, true),
      '--json',
    ]),
  'skopeo sync': (old, target, work) => {
    const source = path.join(work, `sync-${target.replace(/\W/g, '-')}.yml`);
    writeFileSync(
      source,
      [`${old}:`, '  tls-verify: false', '  images:', ...REPOSITORIES.map((r) => `    ${r}: []`), ''].join(
        '\n',
      ),
    );
    // skopeo sync keeps the last path component (bench/r0 → r0): the destination names bench/.
    return runMeasured('skopeo', [
      'sync',
      '--src',
      'yaml',
      '--dest',
      'docker',
      '--dest-tls-verify=false',
      '--preserve-digests',
      source,
      `${target}/bench`,
    ]);
  },
  'regsync once (parallel 8)': (old, target, work) => {
    const config = path.join(work, `regsync-${target.replace(/\W/g, '-')}.yml`);
    writeFileSync(
      config,
      [
        'version: 1',
        'creds:',
        `  - { registry: '${old}', tls: disabled }`,
        `  - { registry: '${target}', tls: disabled }`,
        'defaults:',
        '  parallel: 8',
        'sync:',
        ...REPOSITORIES.flatMap((r) => [
          `  - source: ${old}/${r}`,
          `    target: ${target}/${r}`,
          '    type: repository',
        ]),
        '',
      ].join('\n'),
    );
    return runMeasured(requireTool('regsync'), ['once', '-c', config, '-v', 'error'], { HOME: work });
  },
  'crane copy per tag, 8 at once': (old, target) =>
    runPool(TAGS, 8, (tag) => [
      requireTool('crane'),
      ['copy', '--insecure', `${old}/${tag}`, `${target}/${tag}`],
    ]),
};

function pushTasks(digest: string): Record<string, Task> {
  return {
    'cutover push --from': (old, target, work) =>
      runMeasured(process.execPath, [
        BUNDLE,
        'push',
        '--manifest',
        cutoverManifest(work, old, target, false),
        '--from',
        `${old}/bench/app@${digest}`,
        '--tag',
        '1.0',
        '--now',
        '2030-01-15',
      ]),
    'crane copy': (old, target) =>
      runMeasured(requireTool('crane'), [
        'copy',
        '--insecure',
        `${old}/bench/app@${digest}`,
        `${target}/bench/app:1.0`,
      ]),
    'regctl image copy --referrers': (old, target, work) =>
      runMeasured(
        requireTool('regctl'),
        [
          '--host',
          `reg=${old},tls=disabled`,
          '--host',
          `reg=${target},tls=disabled`,
          'image',
          'copy',
          '--referrers',
          `${old}/bench/app@${digest}`,
          `${target}/bench/app:1.0`,
        ],
        { HOME: work },
      ),
    'skopeo copy --all': (old, target) =>
      runMeasured('skopeo', [
        'copy',
        '--all',
        '--preserve-digests',
        '--src-tls-verify=false',
        '--dest-tls-verify=false',
        `docker://${old}/bench/app@${digest}`,
        `docker://${target}/bench/app:1.0`,
      ]),
  };
}

type Figures = Record<string, { seconds: number[]; cpu: number[] }>;

/** Runs every task of `tasks` once into a fresh registry each, in an order that rotates by round. */
async function round(
  tasks: Record<string, Task>,
  figures: Figures,
  oldFront: Front,
  latency: number,
  work: string,
  index: number,
  check: (target: TestRegistry) => Promise<void>,
): Promise<void> {
  const names = Object.keys(tasks);
  const order = names.map((_, i) => names[(i + index) % names.length]!);
  for (const name of order) {
    const target = await startRegistry();
    const targetFront = await front(target, latency);
    try {
      const run = await tasks[name]!(oldFront.host, targetFront.host, work);
      await check(target);
      const reruns =
        'reruns' in run && run.reruns ? ` (${String(run.reruns)} runs repeated after a failure)` : '';
      console.log(
        `  round ${index + 1}, ${latency} ms: ${name}: ${run.seconds.toFixed(2)} s wall, ${run.cpu.toFixed(2)} s CPU${reruns}`,
      );
      (figures[name] ??= { seconds: [], cpu: [] }).seconds.push(run.seconds);
      figures[name].cpu.push(run.cpu);
    } finally {
      await targetFront.stop();
      await target.stop();
    }
  }
}

/** Prints a table of medians and returns cutover's ratios to the fastest and cheapest peer. */
function table(
  title: string,
  figures: Figures,
): { wall: number; cpu: number; fastest: string; cheapest: string } {
  const rows = Object.entries(figures).map(([name, f]) => ({
    name,
    wall: median(f.seconds),
    cpu: median(f.cpu),
  }));
  const ours = rows.find((row) => row.name.startsWith('cutover'))!;
  const peers = rows.filter((row) => row !== ours);
  const fastest = peers.reduce((a, b) => (b.wall < a.wall ? b : a));
  const cheapest = peers.reduce((a, b) => (b.cpu < a.cpu ? b : a));
  console.log(`\n${title}\n`);
  console.log(
    '| tool | wall (s) | own CPU (s) | cutover / tool, wall | cutover / tool, CPU | rounds (wall) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows)
    console.log(
      `| ${row.name} | ${row.wall.toFixed(2)} | ${row.cpu.toFixed(2)} | ${(ours.wall / row.wall).toFixed(3)} | ${(ours.cpu / row.cpu).toFixed(3)} | ${figures[row.name]!.seconds.map((s) => s.toFixed(2)).join(', ')} |`,
    );
  return {
    wall: ours.wall / fastest.wall,
    cpu: ours.cpu / cheapest.cpu,
    fastest: fastest.name,
    cheapest: cheapest.name,
  };
}

export async function main(): Promise<void> {
  for (const tool of ['skopeo', 'crane', 'regctl', 'regsync', 'buildkitd', 'buildctl', 'runc'])
    requireTool(tool);
  const work = mkdtempSync(path.join(os.tmpdir(), 'cutover-bench-peers-'));
  const old = await startRegistry();
  const verdicts: string[] = [];
  try {
    console.log(
      `cutover: ${BUNDLE}; ${ROUNDS} rounds; conditions: ${LATENCIES.map((l) => `${l} ms`).join(', ')} per request`,
    );
    console.log(`seeding 100 tags into ${old.host} …`);
    const unique = await seed(old);
    console.log(`unique blob bytes ${(unique / MB).toFixed(1)} MB`);
    const buildkit = await startBuildkitd([old.host]);
    let digest: string;
    try {
      const context = scratchContext(path.join(work, 'app'), 'bench-app', PLATFORMS, {
        shared: 40 * MB,
        own: 20 * MB,
      });
      digest = await buildAndPush(buildkit, {
        context,
        platforms: PLATFORMS,
        tags: [`${old.host}/bench/app:build`],
        push: true,
        provenance: 'max',
      });
    } finally {
      await buildkit.stop();
    }
    console.log(`BuildKit built ${old.host}/bench/app@${digest} (4 platforms, provenance attestations)`);

    for (const latency of LATENCIES) {
      const oldFront = await front(old, latency);
      const copies: Figures = {};
      const pushes: Figures = {};
      const shards: Figures = {};
      try {
        for (let r = 0; r < ROUNDS; r++) {
          await round(copyTasks, copies, oldFront, latency, work, r, async (target) => {
            const same = await verify(old, target, 'bench/');
            if (same !== 100) throw new Error(`only ${same}/100 tags arrived identical`);
          });
          await round(pushTasks(digest), pushes, oldFront, latency, work, r, async (target) => {
            const got = await skopeo.digest(target, 'bench/app:1.0');
            if (got !== digest) throw new Error(`bench/app:1.0 is ${got}, not ${digest}`);
          });
          const sharded: Record<string, Task> = {
            'cutover copy-tags, one run': copyTasks['cutover copy-tags']!,
            '4 concurrent shards': (oldHost, target) => {
              const manifest = cutoverManifest(work, oldHost, target, true);
              const args = (shard: string) => [
                BUNDLE,
                'copy-tags',
                '--manifest',
                manifest,
                '--shard',
                shard,
                '--json',
              ];
              return runPool(['1/4', '2/4', '3/4', '4/4'], 4, (shard) => [process.execPath, args(shard)]);
            },
          };
          await round(sharded, shards, oldFront, latency, work, r, async (target) => {
            const same = await verify(old, target, 'bench/');
            if (same !== 100) throw new Error(`only ${same}/100 tags arrived identical`);
          });
        }
      } finally {
        await oldFront.stop();
      }
      const where = latency > 0 ? `${latency} ms per request` : 'loopback';
      const copy = table(
        `copy 100 tags (${(unique / MB).toFixed(0)} MB unique), ${where}, medians of ${ROUNDS}`,
        copies,
      );
      const push = table(
        `push --from a BuildKit 4-platform index with attestations, ${where}, medians of ${ROUNDS}`,
        pushes,
      );
      table(
        `4 shards vs one run, ${where}, medians of ${ROUNDS} (the shard row's CPU is the four summed)`,
        shards,
      );
      const skopeoRatio =
        median(pushes['cutover push --from']!.seconds) / median(pushes['skopeo copy --all']!.seconds);
      console.log(
        `\nretired target push --from ≤ 0.6× skopeo copy --all (${where}): ${skopeoRatio.toFixed(3)}×`,
      );
      if (latency > 0) {
        verdicts.push(
          `target at ${where}: copy-tags ≤ 0.5× the fastest peer (${copy.fastest}): ${copy.wall.toFixed(3)}× — ${copy.wall <= 0.5 ? 'met' : 'NOT met'}`,
          `target at ${where}: push --from ≤ 0.5× the fastest peer (${push.fastest}): ${push.wall.toFixed(3)}× — ${push.wall <= 0.5 ? 'met' : 'NOT met'}`,
        );
      } else {
        verdicts.push(
          `target on loopback: copy-tags CPU ≤ the lowest peer's (${copy.cheapest}): ${copy.cpu.toFixed(3)}× — ${copy.cpu <= 1 ? 'met' : 'NOT met'}`,
          `target on loopback: push --from CPU ≤ the lowest peer's (${push.cheapest}): ${push.cpu.toFixed(3)}× — ${push.cpu <= 1 ? 'met' : 'NOT met'}`,
        );
      }
    }
    console.log('');
    for (const line of verdicts) console.log(line);
    console.log(
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; ${new Date().toISOString()}`,
    );
  } finally {
    await old.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
