/**
 * check-generated against the one-liner it replaces, `go generate ./... && git status --porcelain`,
 * on a Go repository with 200 interfaces mocked by mockgen (20 packages of 10), in the same run.
 * Target: at most 1.3× the one-liner's wall time, scratch copy included.
 *
 * Also measured: the generator run twice at once in two plain copies (`cp -a`, no cutover), the floor
 * for `--repeat 2` on this machine: a generator that keeps more than one core busy cannot run twice
 * in the time of once, whoever starts it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The bundle users run (lib/src/cli/index.js only exports the entry points: it would run nothing). */
const CLI = path.join(ROOT, 'dist/index.js');
const PACKAGES = 20;
const PER_PACKAGE = 10;
const ROUNDS = 3;

export async function main(): Promise<void> {
  const work = path.join(ROOT, 'bench/.work');
  mkdirSync(work, { recursive: true });
  const dir = mkdtempSync(path.join(work, 'check-generated-'));
  const goHome = mkdtempSync(path.join(os.tmpdir(), 'cutover-bench-go-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GOPROXY: 'off',
    GOFLAGS: '-mod=mod',
    GO111MODULE: 'on',
    GOCACHE: path.join(goHome, 'cache'),
    GOPATH: path.join(goHome, 'gopath'),
    CI: '',
  };
  try {
    const interfaces = buildFixture(dir, env);
    console.log(
      `fixture: ${interfaces} interfaces with //go:generate mockgen directives in ${PACKAGES} packages (${dir})`,
    );
    const oneLiner = () => timed('sh', ['-c', 'go generate ./... && git status --porcelain'], dir, env);
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
    // Each run must have checked the generator (a run that checks nothing would look fast).
    const ours = (repeat: number) =>
      timed(
        'node',
        [CLI, 'check-generated', '--repeat', String(repeat)],
        dir,
        env,
        /generator "mocks": current/,
      );
    const copies = [1, 2].map((n) => path.join(work, `${path.basename(dir)}-copy${n}`));
    const twiceAtOnce = () => {
      for (const copy of copies) {
        rmSync(copy, { recursive: true, force: true });
        execFileSync('cp', ['-a', dir, copy]);
      }
      return timed(
        'sh',
        [
          '-c',
          '(cd "$1" && go generate ./...) & a=$!; (cd "$2" && go generate ./...) & b=$!; wait $a && wait $b',
          'sh',
          ...copies,
        ],
        dir,
        env,
      );
    };
    // Warm-up: the Go build cache and the page cache serve both sides alike.
    oneLiner();
    const peer: number[] = [];
    const single: number[] = [];
    const double: number[] = [];
    const floor: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      peer.push(oneLiner());
      single.push(ours(1));
      double.push(ours(2));
      floor.push(twiceAtOnce());
    }
    const p = median(peer);
    const s = median(single);
    const d = median(double);
    const f = median(floor);
    console.log(`rounds: ${ROUNDS} (median wall time of each; machine has ${os.cpus().length} CPUs)`);
    console.log(`go generate ./... && git status --porcelain   ${p.toFixed(2)} s`);
    console.log(
      `cutover check-generated --repeat 1            ${s.toFixed(2)} s   ratio ${(s / p).toFixed(2)}x (target <= 1.30x)`,
    );
    console.log(
      `cutover check-generated --repeat 2 (CI)       ${d.toFixed(2)} s   ratio ${(d / p).toFixed(2)}x (two copies, two runs)`,
    );
    console.log(
      `go generate ./... twice at once (cp -a copies)  ${f.toFixed(2)} s   ratio ${(f / p).toFixed(2)}x (the floor for --repeat 2; --repeat 2 / floor ${(d / f).toFixed(2)}x)`,
    );
  } finally {
    execFileSync('chmod', ['-R', 'u+w', goHome]);
    rmSync(goHome, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    for (const n of [1, 2]) rmSync(`${dir}-copy${n}`, { recursive: true, force: true });
  }
}

/** Writes the Go module, generates the mocks once and commits everything; returns the interface count. */
function buildFixture(dir: string, env: NodeJS.ProcessEnv): number {
  // The mocks import gomock. Offline, a local stand-in module keeps `go list` from searching for it on
  // every mockgen run (which would slow the one-liner down for a reason real repositories do not have).
  writeFileSync(
    path.join(dir, 'go.mod'),
    'module example.com/bench\n\ngo 1.19\n\nrequire github.com/golang/mock v1.6.0\n\nreplace github.com/golang/mock => ./third_party/gomock\n',
  );
  mkdirSync(path.join(dir, 'third_party/gomock/gomock'), { recursive: true });
  writeFileSync(path.join(dir, 'third_party/gomock/go.mod'), 'module github.com/golang/mock\n\ngo 1.19\n');
  writeFileSync(
    path.join(dir, 'third_party/gomock/gomock/gomock.go'),
    '// Package gomock stands in for github.com/golang/mock/gomock: only its import path is needed.\npackage gomock\n',
  );
  writeFileSync(
    path.join(dir, 'cutover.yml'),
    [
      'version: 1',
      'registries:',
      '  old: { host: registry.old.example.com, read-only: 2020-10-01, shutdown: 2020-11-01 }',
      '  new: { host: registry.new.example.com, available: 2020-09-01 }',
      'generated:',
      '  - name: mocks',
      '    run: go generate ./...',
      "    outputs: ['**/mock_*.go']",
      '',
    ].join('\n'),
  );
  for (let p = 0; p < PACKAGES; p++) {
    const pkg = `service${p}`;
    mkdirSync(path.join(dir, pkg));
    writeFileSync(
      path.join(dir, pkg, 'doc.go'),
      `// Package ${pkg} is generated for the benchmark.\npackage ${pkg}\n`,
    );
    for (let i = 0; i < PER_PACKAGE; i++) {
      const name = `Thing${i}`;
      writeFileSync(
        path.join(dir, pkg, `thing${i}.go`),
        [
          `package ${pkg}`,
          '',
          `//go:generate mockgen -source=thing${i}.go -destination=mock_thing${i}.go -package=${pkg}`,
          '',
          `// ${name} is one of the benchmark's interfaces.`,
          `type ${name} interface {`,
          `\tGet(id int) (string, error)`,
          `\tPut(id int, value string) error`,
          `\tList(prefix string, limit int) ([]string, error)`,
          `\tDelete(ids ...int) error`,
          '}',
          '',
        ].join('\n'),
      );
    }
  }
  execFileSync('go', ['generate', './...'], { cwd: dir, env, stdio: 'inherit' });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], {
      cwd: dir,
      stdio: 'pipe',
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench fixture');
  chmodSync(dir, 0o755);
  return PACKAGES * PER_PACKAGE;
}

/**
 * Wall time of one run in seconds; a failed run, or one whose stderr lacks `proof` (what shows the
 * work was done), stops the benchmark.
 */
function timed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, proof?: RegExp): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  if (proof && !proof.test(result.stderr)) {
    throw new Error(`${command} ${args.join(' ')} did not do the work measured:\n${result.stderr}`);
  }
  if (command === 'sh' && result.stdout.trim() !== '') {
    throw new Error(`the one-liner found changes in a current tree:\n${result.stdout}`);
  }
  return seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
