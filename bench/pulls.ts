/**
 * Benchmark for `cutover pulls`: a generated month of a busy distribution registry's JSON log (1 GB by
 * default: the registry's real field set, mostly blob GETs, some manifest GETs and HEADs, pings, tag
 * lists, 404s, cutover's own copies, thousands of clients) and the same log gzip-compressed, read by the
 * CLI bundle and, in the same run, by `jq -c 'select(.msg=="response completed")' | wc -l` and
 * `rg -c "response completed"` (`zcat … | jq`, `rg -z` for the .gz).
 * Targets: ≥ 3× faster than jq, ≤ 5× rg's time, peak RSS ≤ 150 MB whatever the size; the pulls cutover
 * counts must be the ones generated.
 *
 * `npm run build && npm run bench -- pulls`. PULLS_BENCH_MB (default 1000) sets the size,
 * PULLS_BENCH_RUNS (default 3) the measured runs (each after a warm-up run that is not counted);
 * the log stays in bench/.work/pulls for the next run (PULLS_BENCH_CLEAN=1 removes it at the end).
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureProcess, median, type Measured } from './shared/measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORK = path.join(ROOT, 'bench/.work/pulls');
const OLD = 'registry.old.example.com';
const TARGET_MB = Number(process.env['PULLS_BENCH_MB'] ?? 1000);
const RUNS = Number(process.env['PULLS_BENCH_RUNS'] ?? 3);
const STAMP = `v3 ${TARGET_MB}`;
/** The window the log covers: November 2026; `--now 2026-11-30 --days 30` takes all of it. */
const START = Date.parse('2026-11-01T00:00:00Z');
const SPAN = 30 * 86_400_000 - 1;

/** A small deterministic generator (mulberry32), so every run builds the same log. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENTS = [
  'containerd/v1.7.2',
  'containerd/v1.6.24',
  'docker/24.0.7 go/go1.20.10 git-commit/311b9ff kernel/5.15.0-91-generic os/linux arch/amd64 UpstreamClient(Docker-Client/24.0.7 \\(linux\\))',
  'docker/20.10.24+dfsg1 go/go1.19.8 git-commit/5d6db84 kernel/6.1.0-13-amd64 os/linux arch/amd64 UpstreamClient(Docker-Client/20.10.24+dfsg1 \\(linux\\))',
  'cri-o/1.28.1 go/go1.20.10 os/linux arch/amd64',
  'skopeo/1.13.3',
  'Go-http-client/1.1',
  'buildkit/v0.12',
];
const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];

/** What was generated, to check cutover's counts against. */
interface Generated {
  lines: number;
  responseCompleted: number;
  /** "response completed with error" lines (rg's substring search counts them too). */
  errors: number;
  pulls: number;
  own: number;
}

function generate(file: string): Generated {
  const stampFile = path.join(WORK, 'stamp.json');
  if (existsSync(file) && existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { stamp: string; generated: Generated };
    if (stamp.stamp === STAMP) return stamp.generated;
  }
  mkdirSync(WORK, { recursive: true });
  const next = random(20);
  const hex = (length: number) => {
    let text = '';
    while (text.length < length)
      text += Math.floor(next() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    return text.slice(0, length);
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const repos = Array.from({ length: 300 }, (_, i) => `team-${i % 40}/service-${i}`);
  const digests = Array.from({ length: 2_000 }, () => `sha256:${hex(64)}`);
  /** An image as a client pulls it: a repository and a tag (most) or a digest. */
  const image = () => ({
    repo: pick(repos),
    reference: next() < 0.7 ? `${Math.floor(next() * 20)}.${Math.floor(next() * 5)}.0` : pick(digests),
  });
  // 3,000 clients, each with the images it pulls: 2,400 cluster nodes (a few images each, pulled
  // again and again), 500 CI runners (many images), 100 developers.
  const clients = Array.from({ length: 3_000 }, (_, i) => {
    const node = i < 2_400;
    const ci = !node && i < 2_900;
    const agent = node
      ? pick(AGENTS.slice(0, 2).concat(AGENTS[4]!))
      : ci
        ? pick(AGENTS.slice(2))
        : pick(AGENTS.slice(2, 4));
    return {
      address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      agent,
      user: node
        ? pick(['svc-kubelet', ''])
        : ci
          ? pick(['robot-ci', 'robot-deploy'])
          : pick(['alice', 'bob']),
      images: Array.from({ length: node ? 3 + Math.floor(next() * 10) : ci ? 40 : 15 }, image),
    };
  });
  const fd = openSync(file, 'w');
  const generated: Generated = { lines: 0, responseCompleted: 0, errors: 0, pulls: 0, own: 0 };
  const target = TARGET_MB * 1_000_000;
  let written = 0;
  let batch: string[] = [];
  let batchBytes = 0;
  const emit = (line: string) => {
    batch.push(line);
    batchBytes += line.length + 1;
    generated.lines++;
    if (batchBytes > 4_000_000) flush();
  };
  const flush = () => {
    const text = `${batch.join('\n')}\n`;
    writeSync(fd, text);
    written += Buffer.byteLength(text);
    batch = [];
    batchBytes = 0;
  };
  const head = `"go.version":"go1.20.8","instance.id":"${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}","service":"registry","version":"v2.8.3"`;
  emit(`{${head},"level":"info","msg":"redis not configured","time":"2026-11-01T00:00:00.000000000Z"}`);
  emit(`{${head},"level":"info","msg":"listening on [::]:5000","time":"2026-11-01T00:00:00.100000000Z"}`);
  let time = START;
  while (written + batchBytes < target) {
    time = Math.min(START + SPAN, time + Math.floor(next() * 3));
    const iso = new Date(time)
      .toISOString()
      .replace('Z', `${String(Math.floor(next() * 1e6)).padStart(6, '0')}Z`);
    const client = pick(clients);
    const { repo, reference } = pick(client.images);
    const user = client.user;
    const roll = next();
    let agent = client.agent;
    let method = 'GET';
    let uri: string;
    let status = 200;
    let type = 'application/octet-stream';
    let written_ = Math.floor(next() * 50_000_000);
    let message = 'response completed';
    let extra = '';
    if (roll < 0.84) uri = `/v2/${repo}/blobs/${pick(digests)}`;
    else if (roll < 0.86) {
      method = 'HEAD';
      uri = `/v2/${repo}/blobs/${pick(digests)}`;
    } else if (roll < 0.95) {
      method = next() < 0.5 ? 'HEAD' : 'GET';
      uri = `/v2/${repo}/manifests/${reference}`;
      type = pick(MANIFEST_TYPES);
      written_ = 500 + Math.floor(next() * 3_000);
      generated.pulls++;
    } else if (roll < 0.96) {
      agent = 'cutover/0.1.0';
      uri = `/v2/${repo}/manifests/${Math.floor(next() * 20)}.0.0`;
      type = pick(MANIFEST_TYPES);
      written_ = 1_000;
      generated.own++;
    } else if (roll < 0.98) {
      uri = '/v2/';
      type = 'application/json; charset=utf-8';
      written_ = 2;
    } else if (roll < 0.99) {
      uri = `/v2/${repo}/tags/list`;
      type = 'application/json; charset=utf-8';
      written_ = 300;
    } else {
      uri = `/v2/${repo}/manifests/nope-${Math.floor(next() * 100)}`;
      status = 404;
      type = 'application/json; charset=utf-8';
      written_ = 94;
      message = 'response completed with error';
      extra = `"err.code":"manifest unknown","err.detail":"unknown tag=nope","err.message":"manifest unknown",`;
    }
    if (message === 'response completed') generated.responseCompleted++;
    else generated.errors++;
    const id = `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
    const duration = `${(next() * 400).toFixed(6)}ms`;
    emit(
      `{${user ? `"auth.user.name":"${user}",` : ''}${extra}"go.version":"go1.20.8","http.request.host":"${OLD}","http.request.id":"${id}","http.request.method":"${method}","http.request.remoteaddr":"${client.address}:${10_000 + Math.floor(next() * 50_000)}","http.request.uri":"${uri}","http.request.useragent":${JSON.stringify(agent)},"http.response.contenttype":"${type}","http.response.duration":"${duration}","http.response.status":${status},"http.response.written":${written_},"level":"${status === 200 ? 'info' : 'error'}","msg":"${message}","time":"${iso}"}`,
    );
  }
  flush();
  closeSync(fd);
  writeFileSync(stampFile, JSON.stringify({ stamp: STAMP, generated }));
  return generated;
}

interface Tool {
  name: string;
  run: () => Promise<Measured>;
  /** The count it printed, to check. */
  count: (stdout: string) => number;
}

async function compare(label: string, tools: Tool[], expected: Record<string, number>): Promise<void> {
  const times: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  const rss: Record<string, number[]> = {};
  for (let run = 0; run <= RUNS; run++) {
    for (const tool of tools) {
      // Run 0 warms the page cache with the fastest tool only (jq would take minutes more).
      if (run === 0 && tool.name !== 'rg') continue;
      const result = await tool.run();
      const count = tool.count(result.stdout);
      if (result.code !== 0 || count !== expected[tool.name])
        throw new Error(
          `${label}: ${tool.name} exited ${result.code} and counted ${count}, expected ${expected[tool.name]}`,
        );
      if (run === 0) continue;
      (times[tool.name] ??= []).push(result.seconds);
      (cpu[tool.name] ??= []).push(result.cpuSeconds);
      (rss[tool.name] ??= []).push(result.peakRssMb);
    }
  }
  console.log(`\n### ${label}: median of ${RUNS} warm runs`);
  console.log('| tool | wall time (s) | CPU time, user+sys (s) | peak RSS (MB) |');
  console.log('| --- | --- | --- | --- |');
  for (const tool of tools)
    console.log(
      `| ${tool.name} | ${median(times[tool.name]!).toFixed(2)} | ${median(cpu[tool.name]!).toFixed(2)} | ${Math.max(...rss[tool.name]!).toFixed(0)} |`,
    );
  const wall = (name: string) => median(times[name]!);
  const cpuOf = (name: string) => median(cpu[name]!);
  const jq = wall('jq') / wall('cutover pulls');
  const rg = wall('cutover pulls') / wall('rg');
  const peak = Math.max(...rss['cutover pulls']!);
  console.log(
    `jq / cutover: ${jq.toFixed(2)}× (target ≥ 3×) ${jq >= 3 ? 'PASS' : 'FAIL'}; CPU ${(cpuOf('jq') / cpuOf('cutover pulls')).toFixed(2)}×`,
  );
  console.log(
    `cutover / rg: ${rg.toFixed(2)}× (target ≤ 5×) ${rg <= 5 ? 'PASS' : 'FAIL'}; CPU ${(cpuOf('cutover pulls') / cpuOf('rg')).toFixed(2)}×`,
  );
  console.log(`cutover peak RSS: ${peak.toFixed(0)} MB (target ≤ 150 MB) ${peak <= 150 ? 'PASS' : 'FAIL'}`);
}

export async function main(): Promise<void> {
  const bundle = path.join(ROOT, 'dist/index.js');
  if (!existsSync(bundle)) throw new Error('dist/index.js is missing: run `npm run build` first');
  for (const tool of ['jq', 'rg', 'gzip'])
    try {
      execFileSync('sh', ['-c', 'command -v "$1"', 'sh', tool]);
    } catch {
      throw new Error(
        `the pulls bench needs ${tool}: apt-get install -y ${tool === 'rg' ? 'ripgrep' : tool}`,
      );
    }
  const log = path.join(WORK, 'registry.json.log');
  const gz = `${log}.gz`;
  const started = Date.now();
  const generated = generate(log);
  const gzStamp = path.join(WORK, 'gz-stamp');
  if (!existsSync(gz) || !existsSync(gzStamp) || readFileSync(gzStamp, 'utf8') !== STAMP) {
    execFileSync('sh', ['-c', 'gzip -c -6 "$1" > "$2"', 'sh', log, gz]);
    writeFileSync(gzStamp, STAMP);
  }
  const size = (file: string) => Number(execFileSync('stat', ['-c', '%s', file], { encoding: 'utf8' }));
  console.log(
    `log: ${(size(log) / 1e6).toFixed(0)} MB, ${generated.lines.toLocaleString('en-US')} lines, ${generated.pulls.toLocaleString('en-US')} image pulls, ${generated.own.toLocaleString('en-US')} of cutover's own; .gz ${(size(gz) / 1e6).toFixed(0)} MB (ready in ${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  const manifest = path.join(WORK, 'cutover.yml');
  writeFileSync(
    manifest,
    `version: 1\nregistries:\n  old: { host: ${OLD}, read-only: 2026-12-01, shutdown: 2027-01-01 }\n  new: { host: registry.new.example.com, available: 2026-10-01 }\n`,
  );
  const cutover = (file: string): Tool => ({
    name: 'cutover pulls',
    run: () =>
      measureProcess(
        process.execPath,
        [
          bundle,
          'pulls',
          '--manifest',
          manifest,
          '--evidence',
          file,
          '--now',
          '2026-11-30',
          '--days',
          '30',
          '--json',
        ],
        WORK,
      ),
    count: (stdout) => {
      const report = JSON.parse(stdout) as { pulls: number; own: { pulls: number } };
      return report.own.pulls === generated.own ? report.pulls : -report.own.pulls;
    },
  });
  const lines = (stdout: string) => Number(stdout.trim());
  const jqFilter = `jq -c 'select(.msg=="response completed")'`;
  const expected = {
    'cutover pulls': generated.pulls,
    jq: generated.responseCompleted,
    rg: generated.responseCompleted + generated.errors,
  };
  console.log(
    `load average at the start: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
  await compare(
    'plain log',
    [
      cutover(log),
      {
        name: 'jq',
        run: () => measureProcess('bash', ['-c', `${jqFilter} "$1" | wc -l`, 'bash', log], WORK),
        count: lines,
      },
      { name: 'rg', run: () => measureProcess('rg', ['-c', 'response completed', log], WORK), count: lines },
    ],
    expected,
  );
  await compare(
    'gzip-compressed log',
    [
      cutover(gz),
      {
        name: 'jq',
        run: () => measureProcess('bash', ['-c', `zcat "$1" | ${jqFilter} | wc -l`, 'bash', gz], WORK),
        count: lines,
      },
      {
        name: 'rg',
        run: () => measureProcess('rg', ['-z', '-c', 'response completed', gz], WORK),
        count: lines,
      },
    ],
    expected,
  );
  console.log(
    `load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
  if (process.env['PULLS_BENCH_CLEAN']) rmSync(WORK, { recursive: true, force: true });
}
