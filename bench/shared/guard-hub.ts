/**
 * guard on a chart collection whose old registry is Docker Hub (issue 21, point 6): every host-less
 * image is then a reference, so every values file is parsed. CHARTS charts shaped like Bitnami's
 * (≈55 kB values.yaml: `registry: docker.io` beside `repository: org/x`, host-less `image: org/x:tag`
 * lines, a `global.imageRegistry`), templates, Chart.yaml; measured against guard with a host that
 * occurs nowhere. Targets: ≤ 3× that run, peak RSS ≤ 150 MB.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What bench/guard.ts measures of one run. */
export interface HubMeasured {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  stdout: string;
}

const CHARTS = 500;
const STAMP = `hub v1 ${CHARTS}`;
const RUNS = 3;

function generate(work: string, tree: string): { files: number; bytes: number; images: number } {
  const stampFile = path.join(work, 'stamp');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').startsWith(STAMP))
    return JSON.parse(readFileSync(stampFile, 'utf8').slice(STAMP.length + 1)) as never;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
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
    const dir = path.join(tree, 'charts', name);
    const values = [
      'global:',
      `  imageRegistry: ${chart % 10 === 0 ? 'docker.io' : '""'}`,
      '  imagePullSecrets: []',
      '',
    ];
    for (let component = 0; values.join('\n').length < 52_000; component++) {
      const id = `${name}-c${component}`;
      values.push(
        `${id.replace(/-/g, '_')}:`,
        `  enabled: ${component % 2 === 0}`,
        `  replicaCount: ${1 + (component % 4)}`,
      );
      if (component % 6 === 0) {
        images++;
        values.push(
          '  image:',
          '    registry: docker.io',
          `    repository: acme/${id}`,
          `    tag: ${component % 9}.${chart % 20}.${component % 7}`,
          '    pullPolicy: IfNotPresent',
        );
      } else if (component % 6 === 3) {
        images++;
        values.push(`  sidecar:`, `    image: acme/${id}-sidecar:1.${component % 10}`);
      }
      values.push(
        '  resources:',
        `    limits: { cpu: ${100 + component}m, memory: ${128 + component}Mi }`,
        '    requests: { cpu: 50m, memory: 64Mi }',
        '  livenessProbe:',
        '    enabled: true',
        `    initialDelaySeconds: ${component % 60}`,
        '    periodSeconds: 10',
        '  affinity:',
        '    podAntiAffinity:',
        '      preferredDuringSchedulingIgnoredDuringExecution:',
        '        - weight: 1',
        '          podAffinityTerm:',
        `            labelSelector: { matchLabels: { app: ${id} } }`,
        '            topologyKey: kubernetes.io/hostname',
        '  nodeSelector: {}',
        '  tolerations: []',
        '  extraEnvVars:',
        '    - name: LOG_LEVEL',
        '      value: "info"',
        '  service:',
        '    type: ClusterIP',
        `    ports: { http: ${8000 + component} }`,
        '',
      );
    }
    write(path.join(dir, 'values.yaml'), `${values.join('\n')}\n`);
    write(path.join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.${chart}.0\n`);
    write(
      path.join(dir, 'templates', 'deployment.yaml'),
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "${name}.fullname" . }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: main\n          image: {{ include "common.images.image" (dict "imageRoot" .Values.image "global" .Values.global) }}\n`,
    );
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: tree, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'tree');
  const summary = { files, bytes, images };
  writeFileSync(stampFile, `${STAMP} ${JSON.stringify(summary)}`);
  return summary;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs the Docker Hub chart-collection bench and prints its table and ratios. */
export async function hubBench(
  root: string,
  bundle: string,
  measure: (command: string, args: string[], cwd: string) => Promise<HubMeasured>,
): Promise<void> {
  const work = path.join(root, 'bench/.work/guard-hub');
  const tree = path.join(work, 'tree');
  const shape = generate(work, tree);
  const manifestFor = (host: string) => {
    const file = path.join(work, `cutover-${host}.yml`);
    writeFileSync(
      file,
      `version: 1\nregistries:\n  old: { host: ${host}, read-only: 2030-10-01, shutdown: 2030-11-01 }\n  new: { host: registry.new.example.com, available: 2030-09-01 }\n`,
    );
    return file;
  };
  const run = (manifest: string) => () =>
    measure(
      process.execPath,
      [bundle, 'guard', '--manifest', manifest, '--now', '2030-09-15', '--json'],
      tree,
    );
  const tools = {
    'cutover guard, Docker Hub': run(manifestFor('docker.io')),
    'cutover guard, absent host': run(manifestFor('registry.absent.example.com')),
  };
  const times: Record<string, number[]> = {};
  const rss: Record<string, number[]> = {};
  let findings = 0;
  for (let round = 0; round <= RUNS; round++)
    for (const [name, start] of Object.entries(tools)) {
      const result = await start();
      if (name === 'cutover guard, Docker Hub')
        findings = (JSON.parse(result.stdout) as { findings: unknown[] }).findings.length;
      if (round === 0) continue;
      (times[name] ??= []).push(result.seconds);
      (rss[name] ??= []).push(result.peakRssMb);
    }
  console.log(
    `\nDocker Hub chart collection: ${CHARTS} charts, ${shape.files} files, ${(shape.bytes / 1e6).toFixed(1)} MB, ${shape.images} images; median of ${RUNS} warm runs`,
  );
  console.log('| run | wall time (s) | peak RSS (MB) |');
  console.log('| --- | --- | --- |');
  for (const name of Object.keys(tools))
    console.log(`| ${name} | ${median(times[name]!).toFixed(3)} | ${Math.max(...rss[name]!).toFixed(0)} |`);
  const ratio = median(times['cutover guard, Docker Hub']!) / median(times['cutover guard, absent host']!);
  const peak = Math.max(...rss['cutover guard, Docker Hub']!);
  console.log(`Docker Hub / absent host: ${ratio.toFixed(2)}× (target ≤ 3×) ${ratio <= 3 ? 'PASS' : 'FAIL'}`);
  console.log(`peak RSS: ${peak.toFixed(0)} MB (target ≤ 150 MB) ${peak <= 150 ? 'PASS' : 'FAIL'}`);
  console.log(`findings: ${findings} (${shape.images} images)`);
  if (!process.env['GUARD_BENCH_KEEP']) rmSync(work, { recursive: true, force: true });
}
