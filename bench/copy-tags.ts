/**
 * copy-tags against `skopeo sync`: 10 repositories × 10 tags in an old registry, every manifest
 * sharing a 20 MB base layer, each repository adding 5 MB and each tag 1 MB (≈170 MB unique,
 * ≈2.6 GB if every tag were counted whole). Both tools copy all 100 tags into fresh target
 * registries, then run again with nothing to do. Uploaded bytes are counted by pass-through
 * proxies in front of each target (the same for both tools); peak RSS by /usr/bin/time -v.
 *
 * Then the same 100 tags again into a fresh registry, as 4 concurrent `copy-tags --shard I/4` runs
 * (what a 4-job matrix does, here on one 2-core machine) against the one unsharded run: wall time
 * ≤ 1.1× (sharding must not cost; its gain shows on many runners) and bytes uploaded ≤ 1.05× the
 * unique bytes (blobs shared across shards uploaded once where possible), then `--verify-only`.
 *
 * The floor: a fifth fresh registry (behind the same kind of proxy) ingesting the same unique bytes
 * as one stream — `curl` PUT of one blob of the total unique size (a monolithic upload: POST, then one
 * PUT with the whole body) — measured in the same run; copy-tags can not beat the registry's own
 * ingest rate, so its time over the floor says how much is left to gain. And the same 100 tags copied
 * by eight concurrent `skopeo copy --all` processes into a sixth fresh registry (a work queue of tags).
 *
 * Run: npm run build && npm run bench -- copy-tags
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startFaultyProxy, type FaultyProxy } from '../test/harness/faulty-proxy.js';
import { startRegistry, type TestRegistry } from '../test/harness/registry.js';
import { requireTool } from '../test/harness/tools.js';
import { forEachLimited } from '../src/shared/limiter.js';
import { RegistryClient } from '../src/oci/client.js';
import { MEDIA_TYPES, sha256Digest } from '../src/oci/media.js';

/**
 * The bundle users run; this file runs from lib/bench/ after tsc. BENCH_BUNDLE names another
 * (a copy of an earlier build's dist/index.js), to measure before and after in one session.
 */
const BUNDLE =
  process.env['BENCH_BUNDLE'] ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/index.js');
const REPOSITORIES = 10;
const TAGS = 10;
const MB = 1_000_000;
const LAYER = 'application/vnd.oci.image.layer.v1.tar';

interface Timed {
  seconds: number;
  peakRssMb: number;
  /** User + system CPU seconds of the program (NaN without /usr/bin/time). */
  cpuSeconds: number;
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * Runs a program and measures its wall time and peak RSS: /usr/bin/time -v when installed, else
 * by polling the child's VmHWM in /proc.
 */
function timed(program: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Timed> {
  const useTime = existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  let polledKb = 0;
  return new Promise((resolve) => {
    const child = execFile(
      useTime ? '/usr/bin/time' : program,
      useTime ? ['-v', program, ...args] : args,
      { env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env }, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        clearInterval(poll);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const kb = useTime
          ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN)
          : polledKb;
        const cpu = (name: string) =>
          Number(new RegExp(`${name} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? NaN);
        resolve({
          seconds,
          peakRssMb: kb / 1024,
          cpuSeconds: cpu('User') + cpu('System'),
          stdout,
          stderr,
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        });
      },
    );
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        polledKb = Math.max(polledKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // the child has exited
      }
    }, 50);
  });
}

/** CPU clock ticks per second of /proc/PID/stat (USER_HZ; 100 on Linux). */
const USER_HZ = 100;

/** The docker-registry process serving a test registry (found by its storage directory). */
function registryPid(registry: TestRegistry): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (command.includes('docker-registry') && command.includes(registry.dir)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no docker-registry process for ${registry.host}`);
}

/** User + system CPU seconds a process has used so far. */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
}

/** CPU seconds each process spent on one copy: the tool, the target and old registries, the proxy. */
interface CpuSplit {
  tool: number;
  target: number;
  old: number;
  /** The pass-through proxies live in this process, which does nothing else while a tool runs. */
  proxy: number;
}

/** Runs `work` (which reports its tool's CPU seconds) and measures the other processes around it. */
async function cpuSplit<T extends { cpuSeconds: number }>(
  target: TestRegistry,
  old: TestRegistry | undefined,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: CpuSplit }> {
  const targetPid = registryPid(target);
  const oldPid = old && registryPid(old);
  const before = {
    target: cpuSecondsOf(targetPid),
    old: oldPid === undefined ? 0 : cpuSecondsOf(oldPid),
    self: process.cpuUsage(),
  };
  const result = await work();
  const self = process.cpuUsage(before.self);
  return {
    result,
    cpu: {
      tool: result.cpuSeconds,
      target: cpuSecondsOf(targetPid) - before.target,
      old: oldPid === undefined ? 0 : cpuSecondsOf(oldPid) - before.old,
      proxy: (self.user + self.system) / 1e6,
    },
  };
}

/** Seeds the old registry through the registry API; returns the unique blob bytes. */
export async function seed(old: TestRegistry): Promise<number> {
  const client = new RegistryClient({ host: old.host, insecure: true, options: { concurrency: 8 } });
  let unique = 0;
  const put = async (repository: string, bytes: Buffer, from?: string) => {
    const digest = sha256Digest(bytes);
    if (from && (await client.mountBlob(repository, digest, from)).mounted) return digest;
    await client.uploadBlob(repository, digest, bytes.length, async () => Readable.from([bytes]));
    return digest;
  };
  const base = randomBytes(20 * MB);
  const baseDigest = sha256Digest(base);
  unique += base.length;
  for (let r = 0; r < REPOSITORIES; r++) {
    const repository = `bench/r${r}`;
    await put(repository, base, r > 0 ? 'bench/r0' : undefined);
    const repoLayer = randomBytes(5 * MB);
    const repoDigest = await put(repository, repoLayer);
    unique += repoLayer.length;
    await Promise.all(
      Array.from({ length: TAGS }, async (_, t) => {
        const tagLayer = randomBytes(1 * MB);
        const tagDigest = await put(repository, tagLayer);
        const config = Buffer.from(
          JSON.stringify({
            created: new Date(Date.UTC(2024, 0, 1 + t)).toISOString(),
            architecture: 'amd64',
            os: 'linux',
            rootfs: { type: 'layers', diff_ids: [baseDigest, repoDigest, tagDigest] },
          }),
        );
        const configDigest = await put(repository, config);
        unique += tagLayer.length + config.length;
        const manifest = Buffer.from(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: MEDIA_TYPES.ociManifest,
            config: {
              mediaType: 'application/vnd.oci.image.config.v1+json',
              digest: configDigest,
              size: config.length,
            },
            layers: [
              { mediaType: LAYER, digest: baseDigest, size: base.length },
              { mediaType: LAYER, digest: repoDigest, size: repoLayer.length },
              { mediaType: LAYER, digest: tagDigest, size: tagLayer.length },
            ],
          }),
        );
        await client.putManifest(repository, `1.0.${t}`, {
          mediaType: MEDIA_TYPES.ociManifest,
          bytes: manifest,
        });
      }),
    );
  }
  return unique;
}

/** Every tag of the old registry resolves to the same digest in `target`. */
export async function verify(old: TestRegistry, target: TestRegistry, prefix: string): Promise<number> {
  const source = new RegistryClient({ host: old.host, insecure: true });
  const copy = new RegistryClient({ host: target.host, insecure: true });
  let same = 0;
  for (let r = 0; r < REPOSITORIES; r++) {
    for (let t = 0; t < TAGS; t++) {
      const a = await source.headManifest(`bench/r${r}`, `1.0.${t}`);
      const b = await copy.headManifest(`${prefix}r${r}`, `1.0.${t}`);
      if (a && a.digest === b?.digest) same++;
    }
  }
  return same;
}

/** The floor's blob: `size` random bytes in a file, and their digest (made before the timing starts). */
function floorBlob(size: number, work: string): { file: string; digest: string } {
  const file = path.join(work, 'floor.blob');
  const bytes = randomBytes(size);
  writeFileSync(file, bytes);
  return { file, digest: sha256Digest(bytes) };
}

/**
 * The registry's own ingest limit: one blob of the unique size uploaded to `target` with `curl` as
 * one monolithic stream (POST for an upload session, one PUT with the whole body and the digest).
 * Only the upload is timed.
 */
async function floor(target: FaultyProxy, blob: { file: string; digest: string }): Promise<Timed> {
  requireTool('curl');
  const { file, digest } = blob;
  const started = process.hrtime.bigint();
  const session = await fetch(`http://${target.host}/v2/bench/floor/blobs/uploads/`, { method: 'POST' });
  const location = session.headers.get('location');
  if (session.status !== 202 || !location)
    throw new Error(`floor: upload session refused (${session.status})`);
  const url = new URL(location, `http://${target.host}`);
  url.searchParams.set('digest', digest);
  const put = await timed('curl', [
    '--silent',
    '--show-error',
    '--fail',
    '--header',
    'Content-Type: application/octet-stream',
    // --upload-file streams the file as the PUT body (--data-binary would read it whole first).
    '--upload-file',
    file,
    url.href,
  ]);
  if (put.code !== 0) throw new Error(`floor: curl PUT failed:\n${put.stderr.slice(-3000)}`);
  return { ...put, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * The same tags copied by `processes` concurrent `skopeo copy --all` runs (each takes the next tag
 * from a shared queue); returns the wall time of the whole set and how many copies were run again.
 * Concurrent pushes of one blob (the shared base layer) into one repository race in the registry
 * ("digest invalid", "blob unknown"): a failed copy is run again, up to 3 times, as a user would.
 */
async function skopeoCopies(
  old: TestRegistry,
  target: FaultyProxy,
  processes: number,
): Promise<{ seconds: number; reruns: number }> {
  let reruns = 0;
  const tags = Array.from({ length: REPOSITORIES * TAGS }, (_, i) => ({
    repository: `bench/r${Math.floor(i / TAGS)}`,
    tag: `1.0.${i % TAGS}`,
  }));
  const started = process.hrtime.bigint();
  await forEachLimited(tags, processes, async ({ repository, tag }) => {
    const copy = () =>
      timed('skopeo', [
        'copy',
        '--all',
        '--preserve-digests',
        '--src-tls-verify=false',
        '--dest-tls-verify=false',
        `docker://${old.host}/${repository}:${tag}`,
        `docker://${target.host}/${repository}:${tag}`,
      ]);
    let run = await copy();
    for (let attempt = 1; run.code !== 0 && attempt < 3; attempt++) {
      reruns++;
      run = await copy();
    }
    if (run.code !== 0)
      throw new Error(`skopeo copy ${repository}:${tag} failed:\n${run.stderr.slice(-3000)}`);
  });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, reruns };
}

/**
 * Where the CPU went in each copy, and what that means on this machine's cores: the registries'
 * own CPU for copy-tags' copy over the cores is a lower bound on its wall time that no client can
 * go under (they already get the fewest requests a registry of this kind accepts), shown against
 * the floor's wall time.
 */
function printCpu(splits: Record<string, CpuSplit>, cutoverCpu: CpuSplit, floorSeconds: number): void {
  const cores = os.availableParallelism();
  const names = Object.keys(splits);
  const row = (label: string, value: (split: CpuSplit) => number) =>
    console.log(`| ${label} | ${names.map((name) => `${value(splits[name]!).toFixed(2)} s`).join(' | ')} |`);
  const total = (split: CpuSplit) => split.tool + split.target + split.old + split.proxy;
  console.log('');
  console.log(`| CPU seconds (user + sys) of the first copy | ${names.join(' | ')} |`);
  console.log(`| --- | ${names.map(() => '---').join(' | ')} |`);
  row('the tool itself', (split) => split.tool);
  row('target registry', (split) => split.target);
  row('old registry', (split) => split.old);
  row("the proxy in front of the target (this bench's process)", (split) => split.proxy);
  row('all processes', total);
  row(`all processes / ${cores} cores`, (split) => total(split) / cores);
  const registries = cutoverCpu.target + cutoverCpu.old;
  console.log('');
  console.log(
    `lower bound for copy-tags on ${cores} cores: its registries' own CPU (${registries.toFixed(2)} s) / ${cores} = ${(registries / cores).toFixed(2)} s = ${ratio(registries / cores, floorSeconds)}× the floor; with copy-tags' and the proxy's CPU: ${(total(cutoverCpu) / cores).toFixed(2)} s = ${ratio(total(cutoverCpu) / cores, floorSeconds)}× the floor`,
  );
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(3) : 'n/a');
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

export async function main(): Promise<void> {
  requireTool('skopeo');
  requireTool('docker-registry');
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'cutover-bench-'));
  const servers: { stop(): Promise<unknown> }[] = [];
  try {
    const [old, forCutover, forSkopeo, forShards] = await Promise.all([
      startRegistry(),
      startRegistry(),
      startRegistry(),
      startRegistry(),
    ]);
    servers.push(old, forCutover, forSkopeo, forShards);
    const shardsProxy: FaultyProxy = await startFaultyProxy(forShards, { seed: 1 });
    servers.push(shardsProxy);
    const cutoverProxy: FaultyProxy = await startFaultyProxy(forCutover, { seed: 1 });
    const skopeoProxy: FaultyProxy = await startFaultyProxy(forSkopeo, { seed: 1 });
    servers.push(cutoverProxy, skopeoProxy);
    const [forFloor, forSkopeoCopies] = await Promise.all([startRegistry(), startRegistry()]);
    servers.push(forFloor, forSkopeoCopies);
    const floorProxy: FaultyProxy = await startFaultyProxy(forFloor, { seed: 1 });
    const skopeoCopiesProxy: FaultyProxy = await startFaultyProxy(forSkopeoCopies, { seed: 1 });
    servers.push(floorProxy, skopeoCopiesProxy);

    console.log(`seeding ${REPOSITORIES} repositories × ${TAGS} tags into ${old.host} …`);
    const unique = await seed(old);
    const whole = REPOSITORIES * TAGS * (26 * MB);
    console.log(`unique blob bytes ${mb(unique)} (every tag counted whole: ${mb(whole)})`);

    const manifest = path.join(work, 'cutover.yml');
    writeFileSync(
      manifest,
      [
        'version: 1',
        'registries:',
        `  old: { host: '${old.host}', read-only: 2030-01-01, shutdown: 2030-02-01 }`,
        `  new: { host: '${cutoverProxy.host}', available: 2029-01-01 }`,
        'copy:',
        "  - images: ['bench/*']",
        '',
      ].join('\n'),
    );
    const skopeoSource = path.join(work, 'sync.yml');
    writeFileSync(
      skopeoSource,
      [
        `${old.host}:`,
        '  tls-verify: false',
        '  images:',
        ...Array.from({ length: REPOSITORIES }, (_, r) => `    bench/r${r}: []`),
        '',
      ].join('\n'),
    );
    const cutover = () => timed(process.execPath, [BUNDLE, 'copy-tags', '--manifest', manifest, '--json']);
    const skopeo = () =>
      timed('skopeo', [
        'sync',
        '--src',
        'yaml',
        '--dest',
        'docker',
        '--dest-tls-verify=false',
        '--preserve-digests',
        skopeoSource,
        skopeoProxy.host,
      ]);

    const { result: firstCutover, cpu: cutoverCpu } = await cpuSplit(forCutover, old, cutover);
    const cutoverBytes = cutoverProxy.counts.bytesIn;
    if (firstCutover.code !== 0)
      throw new Error(`cutover copy-tags failed:\n${firstCutover.stderr.slice(-3000)}`);
    const { result: firstSkopeo, cpu: skopeoCpu } = await cpuSplit(forSkopeo, old, skopeo);
    const skopeoBytes = skopeoProxy.counts.bytesIn;
    if (firstSkopeo.code !== 0) throw new Error(`skopeo sync failed:\n${firstSkopeo.stderr.slice(-3000)}`);
    const againCutover = await cutover();
    const againSkopeo = await skopeo();
    const blob = floorBlob(unique, work);
    const { result: floorRun, cpu: floorCpu } = await cpuSplit(forFloor, undefined, () =>
      floor(floorProxy, blob),
    );
    rmSync(blob.file, { force: true });
    const { seconds: eightSkopeoSeconds, reruns: eightSkopeoReruns } = await skopeoCopies(
      old,
      skopeoCopiesProxy,
      8,
    );
    const verifiedEightSkopeo = await verify(old, forSkopeoCopies, 'bench/');
    const report = JSON.parse(firstCutover.stdout) as {
      copied: unknown[];
      bytesUploaded: number;
      blobsMounted: number;
    };
    const rerun = JSON.parse(againCutover.stdout) as { skipped: unknown[]; copied: unknown[] };
    const verifiedCutover = await verify(old, forCutover, 'bench/');
    // skopeo sync keeps the last path component: bench/r0 → r0.
    const verifiedSkopeo = await verify(old, forSkopeo, '');

    const timeRatio = firstCutover.seconds / firstSkopeo.seconds;
    const rerunRatio = againCutover.seconds / againSkopeo.seconds;
    const bytesRatio = cutoverBytes / unique;
    console.log('');
    console.log(`| | cutover copy-tags | skopeo sync | ratio (cutover/skopeo) |`);
    console.log(`| --- | --- | --- | --- |`);
    console.log(
      `| copy 100 tags, wall time | ${firstCutover.seconds.toFixed(2)} s | ${firstSkopeo.seconds.toFixed(2)} s | ${timeRatio.toFixed(3)} |`,
    );
    console.log(
      `| re-run (nothing to do), wall time | ${againCutover.seconds.toFixed(2)} s | ${againSkopeo.seconds.toFixed(2)} s | ${rerunRatio.toFixed(3)} |`,
    );
    console.log(
      `| bytes uploaded (counted at the target's proxy) | ${mb(cutoverBytes)} | ${mb(skopeoBytes)} | ${ratio(cutoverBytes, skopeoBytes)} |`,
    );
    console.log(
      `| bytes uploaded / unique bytes (${mb(unique)}) | ${bytesRatio.toFixed(3)} | ${(skopeoBytes / unique).toFixed(3)} | |`,
    );
    console.log(
      `| peak RSS, first run | ${firstCutover.peakRssMb.toFixed(1)} MB | ${firstSkopeo.peakRssMb.toFixed(1)} MB | ${ratio(firstCutover.peakRssMb, firstSkopeo.peakRssMb)} |`,
    );
    console.log(
      `| peak RSS, re-run | ${againCutover.peakRssMb.toFixed(1)} MB | ${againSkopeo.peakRssMb.toFixed(1)} MB | |`,
    );
    console.log(
      `| tags verified identical to the old registry | ${verifiedCutover}/100 | ${verifiedSkopeo}/100 | |`,
    );
    const floorRatio = firstCutover.seconds / floorRun.seconds;
    const eightRatio = firstCutover.seconds / eightSkopeoSeconds;
    console.log('');
    console.log(`| copy 100 tags, wall time | seconds | copy-tags / this |`);
    console.log(`| --- | --- | --- |`);
    console.log(`| cutover copy-tags | ${firstCutover.seconds.toFixed(2)} s | 1.000 |`);
    console.log(
      `| floor: ${mb(unique)} as one \`curl\` PUT (${mb(floorProxy.counts.bytesIn)} at its proxy, peak RSS ${floorRun.peakRssMb.toFixed(1)} MB) | ${floorRun.seconds.toFixed(2)} s | ${floorRatio.toFixed(3)} |`,
    );
    console.log(`| skopeo sync | ${firstSkopeo.seconds.toFixed(2)} s | ${timeRatio.toFixed(3)} |`);
    console.log(
      `| 8 concurrent \`skopeo copy --all\` (${verifiedEightSkopeo}/100 verified, ${mb(skopeoCopiesProxy.counts.bytesIn)} uploaded, ${eightSkopeoReruns} copies run again after a registry race) | ${eightSkopeoSeconds.toFixed(2)} s | ${eightRatio.toFixed(3)} |`,
    );
    printCpu(
      { 'cutover copy-tags': cutoverCpu, 'skopeo sync': skopeoCpu, 'floor (`curl`)': floorCpu },
      cutoverCpu,
      floorRun.seconds,
    );
    console.log('');
    console.log(
      `retired target (issue 22; the peers bench, bench/peers.ts, sets the targets now) copy-tags ≤ 2.5× the floor: ${floorRatio.toFixed(3)}× — ${verdict(floorRatio <= 2.5)}`,
    );
    console.log(
      `target copy-tags ≤ 0.45× skopeo sync: ${timeRatio.toFixed(3)}× — ${verdict(timeRatio <= 0.45)}`,
    );
    console.log(
      `target copy-tags ≤ 0.5× 8 concurrent skopeo copy --all: ${eightRatio.toFixed(3)}× — ${verdict(eightRatio <= 0.5)}`,
    );
    console.log('');
    console.log(
      `cutover: copied ${report.copied.length}, blobs mounted ${report.blobsMounted}, reported bytesUploaded ${mb(report.bytesUploaded)}; re-run skipped ${rerun.skipped.length}, copied ${rerun.copied.length}`,
    );
    console.log(`target wall time ≤ 0.5× skopeo: ${timeRatio.toFixed(3)}× — ${verdict(timeRatio <= 0.5)}`);
    console.log(
      `target peak RSS ≤ 150 MB: ${firstCutover.peakRssMb.toFixed(1)} MB — ${verdict(firstCutover.peakRssMb <= 150)}`,
    );
    console.log(
      `target bytes uploaded ≤ 1.02× unique: ${bytesRatio.toFixed(3)}× — ${verdict(bytesRatio <= 1.02)}`,
    );
    console.log(
      `target re-run no slower than skopeo's re-run: ${rerunRatio.toFixed(3)}× — ${verdict(rerunRatio <= 1)}`,
    );

    // Sharded: 4 concurrent shards into a fresh registry, against the unsharded first run above.
    const sharded = path.join(work, 'sharded.yml');
    writeFileSync(sharded, readFileSync(manifest, 'utf8').replace(cutoverProxy.host, shardsProxy.host));
    const started = process.hrtime.bigint();
    const shards = await Promise.all(
      ['1/4', '2/4', '3/4', '4/4'].map((shard) =>
        timed(process.execPath, [BUNDLE, 'copy-tags', '--manifest', sharded, '--shard', shard, '--json']),
      ),
    );
    const shardedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    for (const shard of shards)
      if (shard.code !== 0) throw new Error(`a shard failed:\n${shard.stderr.slice(-3000)}`);
    const verifyOnly = await timed(process.execPath, [
      BUNDLE,
      'copy-tags',
      '--manifest',
      sharded,
      '--verify-only',
    ]);
    const shardBytes = shardsProxy.counts.bytesIn;
    const shardRatio = shardedSeconds / firstCutover.seconds;
    const shardBytesRatio = shardBytes / unique;
    const perShard = shards.map(
      (shard) => JSON.parse(shard.stdout) as { copied: unknown[]; repositories: string[] },
    );
    console.log('');
    console.log(`| | 4 concurrent shards | one unsharded run | ratio |`);
    console.log(`| --- | --- | --- | --- |`);
    console.log(
      `| copy 100 tags, wall time | ${shardedSeconds.toFixed(2)} s | ${firstCutover.seconds.toFixed(2)} s | ${shardRatio.toFixed(3)} |`,
    );
    console.log(
      `| bytes uploaded | ${mb(shardBytes)} | ${mb(cutoverBytes)} | ${ratio(shardBytes, cutoverBytes)} |`,
    );
    console.log('');
    console.log(
      `shards: ${perShard.map((result, index) => `${index + 1}/4 copied ${result.copied.length} tags of ${result.repositories.length} repositories`).join('; ')}; --verify-only exit ${verifyOnly.code} in ${verifyOnly.seconds.toFixed(2)} s; tags verified identical ${await verify(old, forShards, 'bench/')}/100`,
    );
    console.log(`target 4 shards ≤ 1.1× one run: ${shardRatio.toFixed(3)}× — ${verdict(shardRatio <= 1.1)}`);
    console.log(
      `target sharded bytes uploaded ≤ 1.05× unique: ${shardBytesRatio.toFixed(3)}× — ${verdict(shardBytesRatio <= 1.05)}`,
    );
  } finally {
    for (const server of servers.reverse()) await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
