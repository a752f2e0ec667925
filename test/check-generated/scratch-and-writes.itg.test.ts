import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BUNDLE, runCli, type CliRun } from '../harness/cli.js';
import { changedPaths, git, removeTempDirs, snapshot, tempDir } from '../harness/generated.js';
import { peakResidentKiB } from '../harness/memory.js';
import { requireTool } from '../harness/tools.js';

/**
 * Issue #12 points 4 and 5 for check-generated: scratch copies that behave like the tree (folders
 * that hold only outputs, symbolic links in outputs, a working directory behind a link, a generator
 * that floods its output, signals) and --fix never writing outside the tree. Every case that
 * involves files outside the repository checks them byte for byte.
 */

beforeAll(() => requireTool('git'));
afterAll(() => removeTempDirs());

/** A folder holding a repository (`repo/`) and a sibling outside it (`outside/`) with one file. */
function workspace(): { repo: string; outside: string } {
  const base = tempDir('cutover-cg-hardening-');
  const repo = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  mkdirSync(repo);
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'colors.txt'), 'outside the repository\n');
  return { repo, outside };
}

/**
 * Writes `files` (a string is a file, `{ link }` a symbolic link) and a manifest with one generator,
 * then commits everything.
 */
function commitRepo(
  repo: string,
  generator: { run: string; outputs: string[]; workingDirectory?: string },
  files: Record<string, string | { link: string }>,
): void {
  const manifest = [
    'version: 1',
    'registries:',
    '  old: { host: registry.old.example.com, read-only: 2020-10-01, shutdown: 2020-11-01 }',
    '  new: { host: registry.new.example.com, available: 2020-09-01 }',
    'generated:',
    '  - name: gen',
    `    run: ${JSON.stringify(generator.run)}`,
    `    outputs: ${JSON.stringify(generator.outputs)}`,
    ...(generator.workingDirectory ? [`    working-directory: ${generator.workingDirectory}`] : []),
    '',
  ].join('\n');
  writeFileSync(path.join(repo, 'cutover.yml'), manifest);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    if (typeof content === 'string') writeFileSync(path.join(repo, file), content);
    else symlinkSync(content.link, path.join(repo, file));
  }
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'fixture');
}

function json(run: CliRun) {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`no JSON on stdout (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** Runs check-generated with a patch file; the tree and `outside` must be byte-identical afterwards. */
async function checkWithPatch(repo: string, outside: string, env: NodeJS.ProcessEnv = {}) {
  const patch = path.join(tempDir('cutover-patch-'), 'fix.patch');
  const [tree, beyond] = [snapshot(repo), snapshot(outside)];
  const run = await runCli(['check-generated', '--json', '--patch', patch], { cwd: repo, env });
  expect(changedPaths(tree, snapshot(repo))).toEqual([]);
  expect(changedPaths(beyond, snapshot(outside))).toEqual([]);
  return { run, patch };
}

describe('scratch copies that behave like the tree', () => {
  test('a folder that holds only outputs exists (empty) in the copy: `echo x > gen/out.txt` works', async () => {
    const { repo, outside } = workspace();
    commitRepo(repo, { run: 'echo x > gen/out.txt', outputs: ['gen/**'] }, { 'gen/out.txt': 'x\n' });
    const { run } = await checkWithPatch(repo, outside);
    expect(run.stderr).not.toContain('nonexistent');
    expect(run.code).toBe(0);
    expect(json(run).generators[0]).toMatchObject({ name: 'gen', status: 'current' });
  });

  test("generators never receive the run's credentials (GitHub tokens, the runner's tokens); other variables pass", async () => {
    const { repo, outside } = workspace();
    const run =
      'printf "%s|%s|%s|%s\\n" "${GITHUB_TOKEN:-none}" "${CUTOVER_MANIFEST_TOKEN:-none}" "${ACTIONS_RUNTIME_TOKEN:-none}" "${KEEP:-none}" > gen/env.txt';
    commitRepo(repo, { run, outputs: ['gen/**'] }, { 'gen/env.txt': 'none|none|none|kept\n' });
    const { run: result } = await checkWithPatch(repo, outside, {
      GITHUB_TOKEN: 'ghp_generatorMustNotSeeThis',
      CUTOVER_MANIFEST_TOKEN: 'manifest-token-value',
      ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
      KEEP: 'kept',
    });
    expect(result.code).toBe(0);
    expect(json(result).generators[0]).toMatchObject({ name: 'gen', status: 'current' });
  });

  test('a link output whose target changed is stale, compared as a link; the patch applies and makes the link', async () => {
    const { repo, outside } = workspace();
    commitRepo(
      repo,
      {
        run: 'mkdir -p gen && printf "red\\n" > gen/colors.txt && ln -s colors.txt gen/latest',
        outputs: ['gen/**'],
      },
      { 'gen/colors.txt': 'red\n', 'gen/latest': { link: 'old-colors.txt' } },
    );
    const { run, patch } = await checkWithPatch(repo, outside);
    expect(run.code).toBe(1);
    expect(json(run).files).toEqual([expect.objectContaining({ path: 'gen/latest', kind: 'modified' })]);
    expect(readFileSync(patch, 'utf8')).toContain('120000');
    git(repo, 'apply', '--check', patch);
    git(repo, 'apply', patch);
    expect(lstatSync(path.join(repo, 'gen/latest')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(repo, 'gen/latest'))).toBe('colors.txt');
    expect((await checkWithPatch(repo, outside)).run.code).toBe(0);
  });

  test('a tracked link output that the generator now writes as a file: the patch applies (link → file)', async () => {
    const { repo, outside } = workspace();
    // The committed output is a link pointing out of the repository.
    commitRepo(
      repo,
      { run: 'mkdir -p gen && printf "red\\n" > gen/colors.txt', outputs: ['gen/**'] },
      { 'gen/colors.txt': { link: '../../outside/colors.txt' } },
    );
    const { run, patch } = await checkWithPatch(repo, outside);
    expect(run.code).toBe(1);
    expect(json(run).files).toEqual([expect.objectContaining({ path: 'gen/colors.txt', kind: 'modified' })]);
    const text = readFileSync(patch, 'utf8');
    expect(text).toContain('deleted file mode 120000');
    expect(text).toContain('new file mode 100644');
    const outsideBefore = snapshot(outside);
    git(repo, 'apply', '--check', patch);
    git(repo, 'apply', patch);
    expect(lstatSync(path.join(repo, 'gen/colors.txt')).isFile()).toBe(true);
    expect(readFileSync(path.join(repo, 'gen/colors.txt'), 'utf8')).toBe('red\n');
    expect(changedPaths(outsideBefore, snapshot(outside))).toEqual([]);
    expect((await checkWithPatch(repo, outside)).run.code).toBe(0);
  });

  test('a tracked file output that the generator now writes as a link: the patch applies (file → link)', async () => {
    const { repo, outside } = workspace();
    commitRepo(
      repo,
      {
        run: 'mkdir -p gen && printf "red\\n" > gen/colors.txt && ln -s colors.txt gen/latest',
        outputs: ['gen/**'],
      },
      { 'gen/colors.txt': 'red\n', 'gen/latest': 'a file where a link belongs\n' },
    );
    const { run, patch } = await checkWithPatch(repo, outside);
    expect(run.code).toBe(1);
    git(repo, 'apply', '--check', patch);
    git(repo, 'apply', patch);
    expect(readlinkSync(path.join(repo, 'gen/latest'))).toBe('colors.txt');
    expect((await checkWithPatch(repo, outside)).run.code).toBe(0);
  });

  test('a working-directory that is a tracked link into the tree runs in the copy, never in the real tree', async () => {
    const { repo, outside } = workspace();
    // An absolute link: followed from the copy, it would lead back into the developer's tree.
    commitRepo(
      repo,
      { run: 'echo stamped > stamp.txt', outputs: ['tools/stamp.txt'], workingDirectory: 'here' },
      { 'tools/stamp.txt': 'stamped\n', here: { link: path.join(repo, 'tools') } },
    );
    writeFileSync(path.join(repo, 'tools/stamp.txt'), 'not what the generator writes\n');
    // checkWithPatch asserts that the real tree is byte-identical afterwards.
    const { run } = await checkWithPatch(repo, outside);
    expect(run.code).toBe(1);
    expect(json(run).files).toEqual([expect.objectContaining({ path: 'tools/stamp.txt', kind: 'modified' })]);
    expect(readFileSync(path.join(repo, 'tools/stamp.txt'), 'utf8')).toBe('not what the generator writes\n');
  });

  test('a working-directory that resolves outside the repository is bad input, located', async () => {
    const { repo, outside } = workspace();
    commitRepo(
      repo,
      { run: 'echo x > colors.txt', outputs: ['gen/**'], workingDirectory: 'ext' },
      { ext: { link: '../outside' }, 'gen/keep.txt': 'x\n' },
    );
    const { run } = await checkWithPatch(repo, outside);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `cutover.yml:9:24: generated[0].working-directory: generator "gen": the working directory "ext" resolves to ${outside}, outside the repository ${repo}`,
    );
    expect(readFileSync(path.join(outside, 'colors.txt'), 'utf8')).toBe('outside the repository\n');
  });

  test('a generator printing 600 MB keeps 1 MiB of each stream: peak RSS stays low', async () => {
    const { repo } = workspace();
    commitRepo(
      repo,
      {
        run: 'head -c 300000000 /dev/zero; head -c 300000000 /dev/zero >&2; mkdir -p gen && echo x > gen/out.txt',
        outputs: ['gen/**'],
      },
      { 'gen/out.txt': 'x\n' },
    );
    const child = spawn(process.execPath, [BUNDLE, 'check-generated', '--json'], {
      cwd: repo,
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], TMPDIR: process.env['TMPDIR'] },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const peakKiB = await peakResidentKiB(child.pid, exited);
    expect(await exited).toBe(0);
    expect(JSON.parse(stdout).generators[0].status).toBe('current');
    expect(peakKiB).toBeGreaterThan(0);
    expect(peakKiB / 1024).toBeLessThan(160);
    expect(stderr).toMatch(/run 1: exit 0 after [\d.]+s \(597\.9 MB of its output not kept\)/);
  });
});

describe('scratch directories do not outlive the check', () => {
  /** Starts a check whose generator waits; resolves once the generator runs. */
  async function startWaitingCheck(tmp: string) {
    const { repo } = workspace();
    const marker = `cutover-scratch-${process.pid}-${Date.now()}-${Math.random().toString(16).slice(2)}`;
    commitRepo(
      repo,
      { run: `node -e 'setTimeout(() => {}, 600000)' ${marker}`, outputs: ['gen/**'] },
      { 'gen/out.txt': 'x\n' },
    );
    const child = spawn(process.execPath, [BUNDLE, 'check-generated'], {
      cwd: repo,
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], TMPDIR: tmp },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_, signal) => resolve(signal)),
    );
    const running = () => spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' }).stdout.trim();
    for (let waited = 0; running() === '' && waited < 15_000; waited += 100) await sleep(100);
    expect(running()).not.toBe('');
    return { repo, child, exited, running };
  }
  const scratchIn = (tmp: string) => readdirSync(tmp).filter((name) => name.startsWith('cutover-generated-'));

  test.each(['SIGTERM', 'SIGINT'] as const)('%s removes the scratch directory', async (signal) => {
    const tmp = tempDir('cutover-tmp-');
    const { child, exited, running } = await startWaitingCheck(tmp);
    expect(scratchIn(tmp)).toHaveLength(1);
    child.kill(signal);
    expect(await exited).toBe(signal);
    for (let waited = 0; running() !== '' && waited < 5_000; waited += 100) await sleep(100);
    expect(running()).toBe('');
    expect(scratchIn(tmp)).toEqual([]);
  });

  test("a scratch directory left by a killed run (SIGKILL) is removed by the next run; a live one, or another host's, is kept", async () => {
    const tmp = tempDir('cutover-tmp-');
    const { repo, child, exited, running } = await startWaitingCheck(tmp);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // The generator has a process group of its own and survives its parent: stop it by its id.
    for (const pid of running().split('\n').filter(Boolean)) process.kill(Number(pid), 'SIGKILL');
    const left = scratchIn(tmp);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^cutover-generated-${child.pid}@`));
    // A scratch directory of a process that is alive (this one) belongs to a running check; one of
    // another host (a temp folder shared between containers) is not ours to judge.
    const host = os
      .hostname()
      .replace(/[^A-Za-z0-9.-]/g, '_')
      .slice(0, 64);
    const live = `cutover-generated-${process.pid}@${host}-live00`;
    const elsewhere = `cutover-generated-${child.pid}@another-host-abc123`;
    for (const name of [live, elsewhere]) mkdirSync(path.join(tmp, name));
    writeFileSync(
      path.join(repo, 'cutover.yml'),
      readFileSync(path.join(repo, 'cutover.yml'), 'utf8').replace(
        /run: .*/,
        'run: "mkdir -p gen && echo x > gen/out.txt"',
      ),
    );
    const next = await runCli(['check-generated'], { cwd: repo, env: { TMPDIR: tmp } });
    expect(next.code).toBe(0);
    expect(existsSync(path.join(tmp, left[0]!))).toBe(false);
    expect(scratchIn(tmp).sort()).toEqual([elsewhere, live].sort());
  });
});

describe('--fix writes only inside the tree', () => {
  test('a tracked link output replaced by a file: --fix replaces the link, the file it pointed to is untouched', async () => {
    const { repo, outside } = workspace();
    commitRepo(
      repo,
      { run: 'mkdir -p gen && printf "red\\n" > gen/colors.txt', outputs: ['gen/**'] },
      { 'gen/colors.txt': { link: '../../outside/colors.txt' } },
    );
    const beyond = snapshot(outside);
    const run = await runCli(['check-generated', '--fix', '--json'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(json(run).fixed).toEqual(['gen/colors.txt']);
    expect(changedPaths(beyond, snapshot(outside))).toEqual([]);
    expect(readFileSync(path.join(outside, 'colors.txt'), 'utf8')).toBe('outside the repository\n');
    expect(lstatSync(path.join(repo, 'gen/colors.txt')).isFile()).toBe(true);
    expect(readFileSync(path.join(repo, 'gen/colors.txt'), 'utf8')).toBe('red\n');
    // No temporary file is left beside it.
    expect(readdirSync(path.join(repo, 'gen'))).toEqual(['colors.txt']);
  });

  test('an output beneath a tracked link to a folder outside: --fix refuses and writes nothing anywhere', async () => {
    const { repo, outside } = workspace();
    // `gen` is a link to the folder outside; the generator makes it a real folder in its copy.
    commitRepo(
      repo,
      { run: 'rm -f gen && mkdir gen && echo generated > gen/a.txt', outputs: ['gen/*.txt'] },
      { gen: { link: '../outside' } },
    );
    const [tree, beyond] = [snapshot(repo), snapshot(outside)];
    const run = await runCli(['check-generated', '--fix', '--json'], { cwd: repo });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'not writing gen/a.txt: gen is a symbolic link (to ../outside), which writes do not follow',
    );
    expect(changedPaths(beyond, snapshot(outside))).toEqual([]);
    expect(existsSync(path.join(outside, 'a.txt'))).toBe(false);
    expect(changedPaths(tree, snapshot(repo))).toEqual([]);

    // Without --fix it is reported; git itself refuses the patch ("beyond a symbolic link").
    const { run: check, patch } = await checkWithPatch(repo, outside);
    expect(check.code).toBe(1);
    expect(json(check).files).toEqual([expect.objectContaining({ path: 'gen/a.txt', kind: 'missing' })]);
    const apply = spawnSync('git', ['apply', '--check', patch], { cwd: repo, encoding: 'utf8' });
    expect(apply.status).not.toBe(0);
    expect(apply.stderr).toContain('beyond a symbolic link');
  });

  test('a FIFO, a socket and a name that is not UTF-8 are skipped with a note: not copied, not opened, the tree untouched', async () => {
    requireTool('mkfifo');
    const { repo } = workspace();
    commitRepo(
      repo,
      // Fails (status failed) if any of the three reached the copy.
      {
        run: 'test ! -e pipe && test ! -e sock && test -z "$(ls | grep caf)" && echo x > gen/out.txt',
        outputs: ['gen/**'],
      },
      { 'gen/out.txt': 'x\n', pipe: 'was a file\n', sock: 'was a file\n' },
    );
    // A tracked file whose name is Latin-1 (`caf\xe9.txt`), and the tracked files replaced by a FIFO and a socket.
    const latin1 = Buffer.concat([Buffer.from(`${repo}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]);
    writeFileSync(latin1, 'caf\xe9 bytes\n', 'latin1');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'latin1 name');
    rmSync(path.join(repo, 'pipe'));
    rmSync(path.join(repo, 'sock'));
    spawnSync('mkfifo', [path.join(repo, 'pipe')]);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(repo, 'sock'), resolve));
    try {
      const started = Date.now();
      const run = await runCli(['check-generated', '--json'], { cwd: repo });
      // A hang guard, not a timing: reading the FIFO would block for ever; the check takes a few
      // seconds, and 60 s is over 10× that.
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(run.code).toBe(0);
      const report = json(run);
      expect(report.generators[0]).toMatchObject({ name: 'gen', status: 'current' });
      expect(report.skipped).toEqual(
        expect.arrayContaining([
          { path: 'caf\\xe9.txt', reason: 'a file name that is not UTF-8: not copied or checked' },
          { path: 'pipe', reason: 'a FIFO (named pipe): not copied or checked' },
          { path: 'sock', reason: 'a socket: not copied or checked' },
        ]),
      );
      expect(report.skipped).toHaveLength(3);
      expect(run.stderr + run.stdout).toContain('pipe: skipped, a FIFO (named pipe): not copied or checked');
      expect(readFileSync(latin1)).toEqual(Buffer.from('caf\xe9 bytes\n', 'latin1'));
      expect(lstatSync(path.join(repo, 'pipe')).isFIFO()).toBe(true);
      expect(lstatSync(path.join(repo, 'sock')).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });

  test('the patch file is replaced, not written through a link planted at its name', async () => {
    const { repo, outside } = workspace();
    commitRepo(
      repo,
      { run: 'mkdir -p gen && echo new > gen/out.txt', outputs: ['gen/**'] },
      { 'gen/out.txt': 'old\n' },
    );
    const runnerTemp = tempDir('cutover-runner-');
    symlinkSync(path.join(outside, 'colors.txt'), path.join(runnerTemp, 'cutover-generated.patch'));
    const beyond = snapshot(outside);
    const run = await runCli(['check-generated', '--json'], {
      cwd: repo,
      env: { GITHUB_ACTIONS: 'true', RUNNER_TEMP: runnerTemp },
    });
    expect(run.code).toBe(1);
    expect(changedPaths(beyond, snapshot(outside))).toEqual([]);
    const written = path.join(runnerTemp, 'cutover-generated.patch');
    expect(lstatSync(written).isFile()).toBe(true);
    git(repo, 'apply', '--check', written);
  });
});
