/**
 * `npm run build && npm run bench -- push`: a 60 MB single-layer image of incompressible data,
 * made with `docker import`, pushed to two registries by `cutover push` (every mode) against two
 * sequential `docker push` commands, in the same run, each side on fresh registries every round.
 * Prints the wall times (median of the rounds) and the ratios; the target is ≤ 0.6×.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startDockerd, type TestDockerd } from '../test/harness/dockerd.js';
import { startRegistry, type TestRegistry } from '../test/harness/registry.js';
import { skopeo } from '../test/harness/skopeo.js';
import type { PushMode } from '../src/push/execute.js';
import { median, timed } from './shared/measure.js';

const run = promisify(execFile);
const IMAGE_BYTES = 60 * 1000 * 1000;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const IMAGE = 'bench/push:60mb';
// Compiled to lib/bench/push.js: the bundle is two folders up.
const BUNDLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/index.js');

/** Two fresh registries for one side of one round; stopped by the caller. */
async function freshPair(): Promise<[TestRegistry, TestRegistry]> {
  return Promise.all([startRegistry(), startRegistry()]);
}

/** The peer: `docker push` to the first registry, then to the second, as a workflow would. */
async function dockerPushTwice(
  dockerd: TestDockerd,
  registries: [TestRegistry, TestRegistry],
): Promise<number> {
  const names = registries.map((registry) => `${registry.host}/bench/push:1`);
  for (const name of names) await dockerd.docker(['tag', IMAGE, name]);
  const seconds = await timed(async () => {
    for (const name of names) await dockerd.docker(['push', '--quiet', name]);
  });
  for (const name of names) await dockerd.docker(['rmi', '--no-prune', name]);
  return seconds;
}

/** Us: one `cutover push` in the dual window, through the bundle as users run it. */
async function cutoverPush(
  dockerd: TestDockerd,
  registries: [TestRegistry, TestRegistry],
  mode: PushMode,
  work: string,
): Promise<number> {
  const manifest = path.join(work, `cutover-${mode}.yml`);
  writeFileSync(
    manifest,
    [
      'version: 1',
      'registries:',
      `  old: { host: "${registries[0].host}", read-only: 2030-04-01, shutdown: 2030-05-01 }`,
      `  new: { host: "${registries[1].host}", available: 2030-03-01 }`,
      '',
    ].join('\n'),
  );
  const args = [BUNDLE, 'push', '--manifest', manifest, '--image', IMAGE, '--tag', '1', '--mode', mode];
  const seconds = await timed(() =>
    run(process.execPath, [...args, '--now', '2030-03-15'], {
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], DOCKER_HOST: dockerd.host },
    }),
  );
  // Both registries must hold the same digest, or the figure means nothing.
  const [a, b] = await Promise.all(registries.map((registry) => skopeo.digest(registry, 'bench/push:1')));
  if (!a || a !== b) throw new Error(`cutover push --mode ${mode} left different digests: ${a} vs ${b}`);
  return seconds;
}

export async function main(): Promise<void> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'cutover-bench-push-'));
  const dockerd = await startDockerd();
  try {
    // One layer of incompressible bytes: gzip cannot shrink it, so every push compresses 60 MB for real.
    writeFileSync(path.join(work, 'blob.bin'), randomBytes(IMAGE_BYTES));
    await run('tar', ['-C', work, '-cf', path.join(work, 'rootfs.tar'), 'blob.bin']);
    await dockerd.docker(['import', path.join(work, 'rootfs.tar'), IMAGE]);
    rmSync(path.join(work, 'blob.bin'));
    const { stdout: dockerVersion } = await run('docker', ['version', '--format', '{{.Server.Version}}'], {
      env: { ...process.env, DOCKER_HOST: dockerd.host },
    });
    console.log(
      `image: ${IMAGE_BYTES / 1e6} MB single layer (random bytes), docker engine ${dockerVersion.trim()}, ${os.cpus().length} CPUs, ${ROUNDS} rounds, fresh registries for every side of every round`,
    );

    const figures = {
      docker: [] as number[],
      push: [] as number[],
      copy: [] as number[],
      upload: [] as number[],
    };
    for (let round = 1; round <= ROUNDS; round++) {
      // Rotate the order so that neither side always runs on a warmer machine.
      const order = (['docker', 'push', 'copy', 'upload'] as const).map(
        (_, i, all) => all[(i + round - 1) % all.length]!,
      );
      for (const side of order) {
        const pair = await freshPair();
        try {
          const seconds =
            side === 'docker'
              ? await dockerPushTwice(dockerd, pair)
              : await cutoverPush(dockerd, pair, side, work);
          figures[side].push(seconds);
        } finally {
          await Promise.all(pair.map((registry) => registry.stop()));
        }
      }
      console.log(
        `round ${round}: docker push ×2 ${figures.docker.at(-1)!.toFixed(2)} s, cutover --mode push ${figures.push.at(-1)!.toFixed(2)} s, --mode copy ${figures.copy.at(-1)!.toFixed(2)} s, --mode upload ${figures.upload.at(-1)!.toFixed(2)} s`,
      );
    }
    const docker = median(figures.docker);
    const modes = (['push', 'copy', 'upload'] as const).map((mode) => ({
      mode,
      seconds: median(figures[mode]),
    }));
    console.log('');
    console.log(`| side | wall time (median of ${ROUNDS}) | ratio to docker push ×2 |`);
    console.log('| --- | --- | --- |');
    console.log(`| two sequential \`docker push\` | ${docker.toFixed(2)} s | 1.00× |`);
    for (const { mode, seconds } of modes) {
      console.log(
        `| \`cutover push --mode ${mode}\` | ${seconds.toFixed(2)} s | ${(seconds / docker).toFixed(2)}× |`,
      );
    }
    console.log('');
    // The sides of one round run back to back; on a shared machine the load moves between rounds,
    // so the ratio within each round (paired) is the steadier figure.
    const paired = (['push', 'copy', 'upload'] as const).map((mode) => ({
      mode,
      ratio: median(figures[mode].map((seconds, round) => seconds / figures.docker[round]!)),
    }));
    console.log(
      `median of per-round ratios: ${paired.map(({ mode, ratio }) => `--mode ${mode} ${ratio.toFixed(2)}×`).join(', ')}`,
    );
    const best = paired.reduce((a, b) => (b.ratio < a.ratio ? b : a));
    console.log(
      `fastest mode: ${best.mode}; ratio ${best.ratio.toFixed(2)}× (target ≤ 0.60×: ${best.ratio <= 0.6 ? 'met' : 'NOT met'})`,
    );
  } finally {
    await dockerd.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
