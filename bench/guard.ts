/**
 * Benchmark for `cutover guard`: a generated tree of 50,000 files (≈450 MB of Go, YAML, Markdown,
 * JSON, Dockerfiles, Compose files and a few binaries) with 200 planted references to the old
 * registry, committed to git, then scanned in the same run by the CLI bundle, `rg` and `git grep`.
 * Targets: ≤ 1.5× rg's wall time, faster than git grep, peak RSS ≤ 200 MB, every planted reference found.
 *
 * A fourth row, "node floor", is the least any Node program can do here: the same file list from git,
 * two threads that only open, read, search (Buffer.indexOf) and close, no parsing and no report.
 *
 * `npm run bench -- guard`; GUARD_BENCH_KEEP=1 keeps the tree in bench/.work/guard for reruns;
 * GUARD_BENCH_BASELINE=<another build's dist/index.js> adds that bundle to the same runs (before/after).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hubBench } from './shared/guard-hub.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORK = path.join(ROOT, 'bench/.work/guard');
const TREE = path.join(WORK, 'tree');
const OLD = 'registry.old.example.com';
const FILES = 50_000;
const TARGET_BYTES = 450_000_000;
const PLANTED = 200;
const BINARIES = 25;
const RUNS = 3;
const STAMP = `v3 ${FILES} ${TARGET_BYTES} ${PLANTED}`;

/** A small deterministic generator (mulberry32), so every run builds the same tree. */
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

type Type = 'go' | 'yaml' | 'md' | 'json' | 'dockerfile' | 'compose';
const MIX: [Type, number][] = [
  ['go', 0.4],
  ['yaml', 0.2],
  ['md', 0.15],
  ['json', 0.15],
  ['dockerfile', 0.05],
  ['compose', 0.05],
];

/** ~256 kB of plausible text per type, cut into files; none of it names the old registry. */
function corpus(type: Type, next: () => number): string {
  const word = () =>
    ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'][Math.floor(next() * 8)]!;
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 256_000; i++) {
    let line: string;
    switch (type) {
      case 'go':
        line = [
          `func ${word()}${i}(ctx context.Context, in *${word()}Request) (*Response, error) {`,
          `\tif err := validate(in.${word()}); err != nil {`,
          `\t\treturn nil, fmt.Errorf("${word()} ${i}: %w", err)`,
          '\t}',
          `\treturn &Response{Value: "${word()}-${i}"}, nil`,
          '}',
          '',
        ].join('\n');
        break;
      case 'yaml':
        line = [
          `- name: ${word()}-${i}`,
          `  image: registry.new.example.com/${word()}/${word()}:${i % 40}.0`,
          `  env:`,
          `    - { name: ${word().toUpperCase()}, value: "${i}" }`,
          `  resources: { limits: { cpu: ${i % 4}00m, memory: ${i % 8}00Mi } }`,
        ].join('\n');
        break;
      case 'md':
        line = `The ${word()} service talks to ${word()} over gRPC; see section ${i} and the registry.new.example.com/${word()} image. ${word()} ${word()} ${word()}.\n`;
        break;
      case 'json':
        line = `  {"id": ${i}, "name": "${word()}-${word()}", "image": "registry.new.example.com/${word()}:${i % 9}", "enabled": ${i % 2 === 0}},`;
        break;
      case 'dockerfile':
        line = [
          `RUN apt-get update && apt-get install -y ${word()}-${i} && rm -rf /var/lib/apt/lists/*`,
          `ENV ${word().toUpperCase()}_${i}=${word()}`,
          `COPY ${word()}/ /opt/${word()}/`,
        ].join('\n');
        break;
      case 'compose':
        line = [
          `  ${word()}-${i}:`,
          `    image: registry.new.example.com/${word()}:${i % 12}`,
          `    environment: [ "${word().toUpperCase()}=${i}" ]`,
          `    depends_on: [ ${word()} ]`,
        ].join('\n');
        break;
    }
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n\n');
}

const HEADER: Record<Type, string> = {
  go: 'package generated\n\n',
  yaml: '',
  md: '# Notes\n\n',
  json: '[\n',
  dockerfile: 'FROM registry.new.example.com/base/alpine:3.19\n',
  compose: 'services:\n',
};

function plantedLine(type: Type, reference: string): string {
  switch (type) {
    case 'go':
      return `const plantedImage = "${reference}"`;
    case 'yaml':
      return `  image: ${reference}`;
    case 'md':
      return `Run \`docker pull ${reference}\` first.`;
    case 'json':
      return `  {"image": "${reference}"},`;
    case 'dockerfile':
      return `FROM ${reference} AS planted`;
    case 'compose':
      return `    image: ${reference}`;
  }
}

const EXTENSION: Record<Type, string> = {
  go: '.go',
  yaml: '.yaml',
  md: '.md',
  json: '.json',
  dockerfile: '/Dockerfile',
  compose: '/docker-compose.yml',
};

/** Builds the tree (and its git repository) unless a kept one with the same stamp exists. */
function generate(): string[] {
  const stampFile = path.join(WORK, 'stamp');
  const plantedFile = path.join(WORK, 'planted.json');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === STAMP)
    return JSON.parse(readFileSync(plantedFile, 'utf8')) as string[];
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(TREE, { recursive: true });
  const next = random(42);
  const corpora = new Map(MIX.map(([type]) => [type, corpus(type, next)]));
  const meanSize = TARGET_BYTES / FILES;
  const planted: string[] = [];
  const plantEvery = Math.floor(FILES / PLANTED);
  let total = 0;
  for (let index = 0; index < FILES; index++) {
    const dir = path.join(
      TREE,
      `svc-${String(index % 100).padStart(2, '0')}`,
      `pkg-${Math.floor(index / 100) % 10}`,
    );
    if (index < BINARIES) {
      const bytes = Buffer.alloc(200_000);
      for (let at = 0; at < bytes.length; at += 4) bytes.writeUInt32LE(Math.floor(next() * 2 ** 32), at);
      bytes[100] = 0;
      bytes.write(`${OLD}/inside/a-binary:1`, 5000, 'latin1');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `asset-${index}.bin`), bytes);
      total += bytes.length;
      continue;
    }
    let pick = next();
    let type: Type = 'go';
    for (const [candidate, share] of MIX) {
      if (pick < share) {
        type = candidate;
        break;
      }
      pick -= share;
    }
    const size = Math.floor(meanSize * (0.2 + 1.6 * next()));
    // Files are cut at record boundaries with a proper header, so the YAML is valid, as in a real repository.
    const text = corpora.get(type)!;
    const from = Math.floor(next() * (text.length - size - 1));
    const start = text.indexOf('\n\n', from) < 0 ? 0 : text.indexOf('\n\n', from) + 2;
    const cut = text.lastIndexOf('\n\n', start + size);
    let content = HEADER[type] + text.slice(start, cut > start ? cut + 1 : start + size);
    if ((index - BINARIES) % plantEvery === 0 && planted.length < PLANTED) {
      const reference = `${OLD}/planted/${type}-${planted.length}:1.${planted.length}`;
      const cut = content.indexOf('\n', Math.floor(content.length * next()));
      const at = cut < 0 ? content.length : cut + 1;
      content = `${content.slice(0, at)}${plantedLine(type, reference)}\n${content.slice(at)}`;
      planted.push(`${OLD}/planted/${type}-${planted.length}:1.${planted.length}`);
    }
    const file =
      type === 'dockerfile' || type === 'compose'
        ? path.join(dir, `app-${index}${EXTENSION[type]}`)
        : path.join(dir, `file-${index}${EXTENSION[type]}`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    total += content.length;
  }
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'core.looseCompression=1', ...args], { cwd: TREE, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'tree');
  writeFileSync(plantedFile, JSON.stringify(planted));
  writeFileSync(stampFile, STAMP);
  console.log(
    `generated ${FILES} files, ${(total / 1e6).toFixed(0)} MB, ${planted.length} planted references`,
  );
  return planted;
}

interface Measured {
  seconds: number;
  /** User + system CPU seconds of the program and its children (bash's `times`). */
  cpuSeconds: number;
  peakRssMb: number;
  stdout: string;
  code: number | null;
}

/**
 * Runs a program under bash (to read its CPU time with `times`); wall time from spawn to exit,
 * peak RSS from /proc/<pid>/status (VmHWM) of the program, polled.
 */
function measure(command: string, args: string[], cwd: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(
      'bash',
      [
        '-c',
        '"$@" 2>/dev/null & pid=$!; echo "pid $pid" >&2; wait $pid; status=$?; times >&2; exit $status',
        'bash',
        command,
        ...args,
      ],
      {
        cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const chunks: Buffer[] = [];
    let stderr = '';
    let pid: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      pid ??= Number(/pid (\d+)/.exec(stderr)?.[1]) || undefined;
    });
    let peak = 0;
    const poll = setInterval(() => {
      if (pid === undefined) return;
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // exited between polls
      }
    }, 5);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.567s".
      const lines = stderr.trim().split('\n');
      const toSeconds = (text: string) => {
        const match = /(\d+)m([\d.]+)s/.exec(text);
        return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
      };
      const [user, system] = (lines[lines.length - 1] ?? '').split(' ');
      resolve({
        seconds,
        cpuSeconds: toSeconds(user ?? '') + toSeconds(system ?? ''),
        peakRssMb: peak / 1024,
        stdout: Buffer.concat(chunks).toString(),
        code,
      });
    });
  });
}

/**
 * The floor: node, git's file list, two worker threads doing open/read/indexOf/close and nothing else.
 * Prints the number of files that contain the host.
 */
const NODE_FLOOR = `
const { Worker } = require('node:worker_threads');
const { execFileSync } = require('node:child_process');
const needle = process.argv[2];
const reader = \`
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const needle = Buffer.from(\${JSON.stringify(needle)}, 'latin1');
const chunk = Buffer.allocUnsafe(4 << 20);
parentPort.on('message', (files) => {
  let hits = 0;
  for (const file of files) {
    const fd = fs.openSync(file, 'r');
    const length = fs.readSync(fd, chunk, 0, chunk.length, 0);
    fs.closeSync(fd);
    if (chunk.subarray(0, length).indexOf(needle) >= 0) hits++;
  }
  parentPort.postMessage(hits);
});\`;
const workers = [0, 1].map(() => new Worker(reader, { eval: true }));
const list = (...args) => execFileSync('git', ['ls-files', '-z', ...args], { maxBuffer: 1 << 30 }).toString().split('\\0').filter(Boolean);
const files = [...list('--cached'), ...list('--others', '--exclude-standard')];
let next = 0, hits = 0, done = 0;
for (const worker of workers) {
  worker.on('message', (found) => {
    hits += found;
    if (next < files.length) worker.postMessage(files.slice(next, (next += 256)));
    else if (++done === workers.length) { console.log(hits); process.exit(0); }
  });
  worker.postMessage(files.slice(next, (next += 256)));
}
`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function main(): Promise<void> {
  const bundle = path.join(ROOT, 'dist/index.js');
  if (!existsSync(bundle)) throw new Error('dist/index.js is missing: run `npm run build` first');
  const part = process.env['GUARD_BENCH_PART'];
  // GUARD_BENCH_PART=files|helm|hub runs one part only.
  if (part === undefined || part === 'files') await filesBench(bundle);
  if (part === undefined || part === 'helm') await helmBench(bundle);
  if (part === undefined || part === 'hub') await hubBench(ROOT, bundle, measure);
}

/** The 50,000-file tree with 200 planted references (guard against rg, git grep and a Node floor). */
async function filesBench(bundle: string): Promise<void> {
  const planted = generate();
  const manifest = path.join(WORK, 'cutover.yml');
  writeFileSync(
    manifest,
    `version: 1\nregistries:\n  old: { host: ${OLD}, read-only: 2030-10-01, shutdown: 2030-11-01 }\n  new: { host: registry.new.example.com, available: 2030-09-01 }\n`,
  );
  const guardWith = (script: string) => () =>
    measure(
      process.execPath,
      [script, 'guard', '--manifest', manifest, '--now', '2030-09-15', '--json'],
      TREE,
    );
  const floorScript = path.join(WORK, 'node-floor.cjs');
  writeFileSync(floorScript, NODE_FLOOR);
  const baseline = process.env['GUARD_BENCH_BASELINE'];
  const tools: Record<string, () => Promise<Measured>> = {
    'cutover guard': guardWith(bundle),
    ...(baseline && { 'cutover guard (baseline)': guardWith(path.resolve(baseline)) }),
    rg: () => measure('rg', ['-n', '-F', OLD], TREE),
    'git grep': () => measure('git', ['grep', '-n', '-F', OLD], TREE),
    'node floor': () => measure(process.execPath, [floorScript, OLD], TREE),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
  const rss: Record<string, number[]> = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
  let found: Set<string> | undefined;
  for (let run = 0; run <= RUNS; run++) {
    for (const [name, start] of Object.entries(tools)) {
      const result = await start();
      if (name === 'cutover guard') {
        const json = JSON.parse(result.stdout) as { findings: { normalized: string }[] };
        found = new Set(json.findings.map((finding) => finding.normalized));
      }
      // Run 0 warms the page cache and is not counted.
      if (run > 0) {
        times[name]!.push(result.seconds);
        rss[name]!.push(result.peakRssMb);
        cpu[name]!.push(result.cpuSeconds);
      }
    }
  }
  const missing = planted.filter((reference) => !found?.has(reference));
  const guardTime = median(times['cutover guard']!);
  const rgTime = median(times['rg']!);
  const gitTime = median(times['git grep']!);
  const guardRss = Math.max(...rss['cutover guard']!);
  console.log(
    `tree: ${FILES} files, ~${TARGET_BYTES / 1e6} MB, ${planted.length} planted references; median of ${RUNS} warm runs`,
  );
  console.log(
    `load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
  console.log('| tool | wall time (s) | CPU time, user+sys (s) | peak RSS (MB) |');
  console.log('| --- | --- | --- | --- |');
  for (const name of Object.keys(tools))
    console.log(
      `| ${name} | ${median(times[name]!).toFixed(3)} | ${median(cpu[name]!).toFixed(3)} | ${Math.max(...rss[name]!).toFixed(0)} |`,
    );
  const ratioRg = guardTime / rgTime;
  const ratioGit = guardTime / gitTime;
  console.log(`guard / rg: ${ratioRg.toFixed(2)}× (target ≤ 1.5×) ${ratioRg <= 1.5 ? 'PASS' : 'FAIL'}`);
  console.log(`guard / git grep: ${ratioGit.toFixed(2)}× (target < 1×) ${ratioGit < 1 ? 'PASS' : 'FAIL'}`);
  const cpuGuard = median(cpu['cutover guard']!);
  console.log(
    `CPU time ratios (less sensitive to other load): guard / rg ${(cpuGuard / median(cpu['rg']!)).toFixed(2)}×, guard / git grep ${(cpuGuard / median(cpu['git grep']!)).toFixed(2)}×`,
  );
  const floorTime = median(times['node floor']!);
  console.log(
    `node floor (open/read/indexOf/close in 2 threads, nothing else): ${floorTime.toFixed(3)} s = ${(floorTime / rgTime).toFixed(2)}× rg, ${(floorTime / gitTime).toFixed(2)}× git grep; guard / floor ${(guardTime / floorTime).toFixed(2)}×`,
  );
  if (baseline)
    console.log(
      `baseline / guard: wall ${(median(times['cutover guard (baseline)']!) / guardTime).toFixed(2)}×, CPU ${(median(cpu['cutover guard (baseline)']!) / cpuGuard).toFixed(2)}× (the baseline bundle: ${baseline})`,
    );
  console.log(
    `guard peak RSS: ${guardRss.toFixed(0)} MB (target ≤ 200 MB) ${guardRss <= 200 ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `planted references found: ${planted.length - missing.length}/${planted.length} ${missing.length === 0 ? 'PASS' : `FAIL (missing: ${missing.slice(0, 5).join(', ')})`}`,
  );
  if (!process.env['GUARD_BENCH_KEEP']) rmSync(WORK, { recursive: true, force: true });
}

const HELM_WORK = path.join(ROOT, 'bench/.work/guard-helm');
const HELM_TREE = path.join(HELM_WORK, 'tree');
const CHARTS = 450;
const HELM_STAMP = `v1 ${CHARTS}`;

/**
 * A chart collection (issue 13): CHARTS charts, each with a values.yaml of realistic size (≈55 kB:
 * comments, resources, probes, affinity, a few images in Helm's split form, one in a
 * global.imageRegistry), templates with Go template syntax and Chart.yaml/Chart.lock, every values
 * file naming the old registry.
 */
function generateHelm(): { files: number; bytes: number; images: number } {
  const stampFile = path.join(HELM_WORK, 'stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').startsWith(HELM_STAMP))
    return JSON.parse(readFileSync(stampFile, 'utf8').slice(HELM_STAMP.length + 1)) as never;
  rmSync(HELM_WORK, { recursive: true, force: true });
  mkdirSync(HELM_TREE, { recursive: true });
  const next = random(7);
  let files = 0;
  let bytes = 0;
  let images = 0;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    files++;
    bytes += text.length;
  };
  for (let chart = 0; chart < CHARTS; chart++) {
    const name = `app-${chart}`;
    const dir = path.join(HELM_TREE, 'charts', name);
    const values: string[] = [
      `## @section Global parameters`,
      `## Global Docker image parameters`,
      `global:`,
      `  imageRegistry: ${chart % 10 === 0 ? OLD : '""'}`,
      `  imagePullSecrets: []`,
      `  storageClass: ""`,
      '',
    ];
    for (let component = 0; values.join('\n').length < 55_000; component++) {
      const id = `${name}-c${component}`;
      values.push(
        `## @section ${id} parameters`,
        `${id.replace(/-/g, '_')}:`,
        `  ## @param ${id}.enabled Deploy ${id}`,
        `  enabled: ${next() < 0.5}`,
        `  replicaCount: ${1 + Math.floor(next() * 5)}`,
      );
      if (component % 6 === 0) {
        images++;
        values.push(
          `  ## ${id} image`,
          `  image:`,
          `    registry: ${OLD}`,
          `    repository: team/${id}`,
          `    tag: ${Math.floor(next() * 9)}.${Math.floor(next() * 20)}.${Math.floor(next() * 9)}`,
          `    digest: ""`,
          `    pullPolicy: IfNotPresent`,
        );
      }
      values.push(
        `  resources:`,
        `    limits: { cpu: ${Math.floor(next() * 900) + 100}m, memory: ${Math.floor(next() * 900) + 100}Mi }`,
        `    requests: { cpu: 50m, memory: 64Mi }`,
        `  livenessProbe:`,
        `    enabled: true`,
        `    initialDelaySeconds: ${Math.floor(next() * 60)}`,
        `    periodSeconds: 10`,
        `    timeoutSeconds: 5`,
        `    failureThreshold: 6`,
        `  readinessProbe: { enabled: true, initialDelaySeconds: 5, periodSeconds: 10 }`,
        `  podAnnotations: {}`,
        `  podLabels: {}`,
        `  affinity:`,
        `    podAntiAffinity:`,
        `      preferredDuringSchedulingIgnoredDuringExecution:`,
        `        - weight: 1`,
        `          podAffinityTerm:`,
        `            labelSelector: { matchLabels: { app: ${id} } }`,
        `            topologyKey: kubernetes.io/hostname`,
        `  nodeSelector: {}`,
        `  tolerations: []`,
        `  extraEnvVars:`,
        `    - name: LOG_LEVEL`,
        `      value: "${['debug', 'info', 'warn'][Math.floor(next() * 3)]}"`,
        `  service:`,
        `    type: ClusterIP`,
        `    ports: { http: ${8000 + component} }`,
        '',
      );
    }
    write(path.join(dir, 'values.yaml'), `${values.join('\n')}\n`);
    write(
      path.join(dir, 'Chart.yaml'),
      `apiVersion: v2\nname: ${name}\nversion: 1.${chart}.0\ndependencies:\n  - name: common\n    version: 2.x.x\n    repository: oci://${OLD}/charts\n`,
    );
    write(
      path.join(dir, 'Chart.lock'),
      `dependencies:\n- name: common\n  repository: oci://${OLD}/charts\n  version: 2.19.0\ndigest: sha256:${'0'.repeat(64)}\n`,
    );
    write(
      path.join(dir, 'templates', 'deployment.yaml'),
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "${name}.fullname" . }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: main\n          image: {{ include "common.images.image" (dict "imageRoot" .Values.image "global" .Values.global) }}\n`,
    );
    write(path.join(dir, 'templates', 'NOTES.txt'), `Thank you for installing {{ .Chart.Name }}.\n`);
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: HELM_TREE, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'tree');
  const summary = { files, bytes, images };
  writeFileSync(stampFile, `${HELM_STAMP} ${JSON.stringify(summary)}`);
  return summary;
}

/**
 * guard on the chart collection against itself with a host that occurs nowhere (what starting,
 * listing and reading cost), and against `git grep -n -F -i HOST`.
 */
async function helmBench(bundle: string): Promise<void> {
  const tree = generateHelm();
  const manifestFor = (host: string) => {
    const file = path.join(HELM_WORK, `cutover-${host}.yml`);
    writeFileSync(
      file,
      `version: 1\nregistries:\n  old: { host: ${host}, read-only: 2030-10-01, shutdown: 2030-11-01 }\n  new: { host: registry.new.example.com, available: 2030-09-01 }\n`,
    );
    return file;
  };
  const guardWith =
    (manifest: string, script = bundle) =>
    () =>
      measure(
        process.execPath,
        [script, 'guard', '--manifest', manifest, '--now', '2030-09-15', '--json'],
        HELM_TREE,
      );
  const baseline = process.env['GUARD_BENCH_BASELINE'];
  const tools: Record<string, () => Promise<Measured>> = {
    'cutover guard': guardWith(manifestFor(OLD)),
    ...(baseline && { 'cutover guard (baseline)': guardWith(manifestFor(OLD), path.resolve(baseline)) }),
    'cutover guard, absent host': guardWith(manifestFor('registry.absent.example.com')),
    'git grep -n -F -i': () => measure('git', ['grep', '-n', '-F', '-i', OLD], HELM_TREE),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
  const rss: Record<string, number[]> = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
  let findings = 0;
  for (let run = 0; run <= RUNS; run++) {
    for (const [name, start] of Object.entries(tools)) {
      const result = await start();
      if (name === 'cutover guard')
        findings = (JSON.parse(result.stdout) as { findings: unknown[] }).findings.length;
      if (run > 0) {
        times[name]!.push(result.seconds);
        rss[name]!.push(result.peakRssMb);
        cpu[name]!.push(result.cpuSeconds);
      }
    }
  }
  console.log(
    `\nchart collection: ${CHARTS} charts, ${tree.files} files, ${(tree.bytes / 1e6).toFixed(1)} MB, ${tree.images} images in split form; median of ${RUNS} warm runs`,
  );
  console.log(
    `load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
  console.log('| tool | wall time (s) | CPU time, user+sys (s) | peak RSS (MB) |');
  console.log('| --- | --- | --- | --- |');
  for (const name of Object.keys(tools))
    console.log(
      `| ${name} | ${median(times[name]!).toFixed(3)} | ${median(cpu[name]!).toFixed(3)} | ${Math.max(...rss[name]!).toFixed(0)} |`,
    );
  const guardTime = median(times['cutover guard']!);
  const absent = guardTime / median(times['cutover guard, absent host']!);
  const grep = guardTime / median(times['git grep -n -F -i']!);
  const peak = Math.max(...rss['cutover guard']!);
  console.log(
    `guard / guard with an absent host: ${absent.toFixed(2)}× (target ≤ 2×) ${absent <= 2 ? 'PASS' : 'FAIL'}`,
  );
  const absentCpu = median(cpu['cutover guard']!) / median(cpu['cutover guard, absent host']!);
  console.log(`CPU time, guard / guard with an absent host: ${absentCpu.toFixed(2)}×`);
  if (baseline)
    console.log(
      `baseline / guard: wall ${(median(times['cutover guard (baseline)']!) / guardTime).toFixed(2)}×, CPU ${(median(cpu['cutover guard (baseline)']!) / median(cpu['cutover guard']!)).toFixed(2)}×`,
    );
  console.log(`guard / git grep -n -F -i: ${grep.toFixed(1)}×`);
  console.log(`guard peak RSS: ${peak.toFixed(0)} MB (target ≤ 150 MB) ${peak <= 150 ? 'PASS' : 'FAIL'}`);
  console.log(
    `findings: ${findings} (${tree.images} images, ${CHARTS * 2} chart repositories, global registries)`,
  );
  if (!process.env['GUARD_BENCH_KEEP']) rmSync(HELM_WORK, { recursive: true, force: true });
}
