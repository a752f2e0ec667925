import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { runnerFiles } from '../harness/actions-env.js';
import { BUNDLE, ROOT, runAction, runCli, type CliRun } from '../harness/cli.js';
import {
  changedPaths,
  fixtureRepo,
  git,
  goEnv,
  removeTempDirs,
  snapshot,
  tempDir,
} from '../harness/generated.js';
import { requireTool } from '../harness/tools.js';

let GO: NodeJS.ProcessEnv;

beforeAll(() => {
  for (const tool of ['git', 'go', 'mockgen', 'go-bindata']) requireTool(tool);
  GO = goEnv();
});
const cleanup: string[] = [];
afterAll(() => {
  removeTempDirs();
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

/** A Go repository with two mocked interfaces and a go-bindata bundle, generated and committed. */
function goRepo(): string {
  const dir = fixtureRepo('go', 'go generate ./...', GO);
  // An ignored file and an untracked-but-not-ignored one: both must survive every check untouched.
  writeFileSync(path.join(dir, 'debug.log'), 'ignored by .gitignore\n');
  writeFileSync(path.join(dir, 'NOTES.txt'), 'untracked, not ignored\n');
  return dir;
}

/**
 * Runs check-generated in `dir` and asserts that the working tree (untracked and ignored files, and
 * .git, included) is byte-identical afterwards, and that every patch it writes passes
 * `git apply --check` in the repository (a patch file is asked for when the test did not ask).
 */
async function check(dir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const before = snapshot(dir);
  const patch = args.includes('--patch')
    ? args[args.indexOf('--patch') + 1]!
    : path.join(tempDir('cutover-patch-'), 'fix.patch');
  const extra = args.includes('--patch') ? [] : ['--patch', patch];
  const run = await runCli(['check-generated', '--json', ...args, ...extra], {
    cwd: dir,
    env: { ...GO, ...env },
  });
  expect(changedPaths(before, snapshot(dir))).toEqual([]);
  if (existsSync(patch)) git(dir, 'apply', '--check', patch);
  return run;
}

function json(run: CliRun) {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`no JSON on stdout (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** Applies a patch with git apply (after --check) and returns the repository's status lines. */
function applyPatch(dir: string, patch: string): void {
  git(dir, 'apply', '--check', patch);
  git(dir, 'apply', patch);
}

describe('check-generated with real Go generators (mockgen, go-bindata)', () => {
  test('a current repository passes, twice over under CI, and nothing in the tree changes', async () => {
    const dir = goRepo();
    const run = await check(dir, [], { CI: 'true' });
    expect(run.code).toBe(0);
    const result = json(run);
    expect(result).toMatchObject({
      stale: false,
      repeat: 2,
      patch: null,
      files: [],
      nonReproducible: [],
      undeclaredWrites: [],
      counts: { generators: 2, staleFiles: 0, nonReproducible: 0, failedGenerators: 0 },
    });
    expect(result.generators.map((g: { name: string; status: string }) => [g.name, g.status])).toEqual([
      ['mocks', 'current'],
      ['assets', 'current'],
    ]);
    expect(result.generators[0].runs).toHaveLength(2);
  });

  test('a stale mock after an interface change: diff, annotation, and a patch git apply turns into the fix', async () => {
    const dir = goRepo();
    const source = path.join(dir, 'store/store.go');
    writeFileSync(
      source,
      readFileSync(source, 'utf8').replace(
        'Put(key, value string) error',
        'Put(key, value string) error\n\tDelete(key string) error',
      ),
    );
    const patch = path.join(tempDir('cutover-patch-'), 'fix.patch');
    const run = await check(dir, ['--patch', patch]);
    expect(run.code).toBe(1);
    const result = json(run);
    expect(result.stale).toBe(true);
    expect(result.patch).toBe(patch);
    expect(result.files).toHaveLength(1);
    expect(result.files[0]).toMatchObject({
      path: 'store/mock_store.go',
      generator: 'mocks',
      kind: 'modified',
    });
    expect(result.files[0].diff).toContain('+func (m *MockStore) Delete(key string) error {');
    // The annotation points at the first changed line of the committed mock.
    const line = result.files[0].line as number;
    const lines = readFileSync(path.join(dir, 'store/mock_store.go'), 'utf8').split('\n');
    expect(lines.slice(line - 1, line + 2).join('\n')).toContain('// Get mocks base method.');
    expect(run.stderr).toContain(`store/mock_store.go:${line}: error: store/mock_store.go is out of date`);
    // A command that runs as printed: this very bundle (cutover is no npm package for npx to find).
    expect(run.stderr).toContain(`to fix: node ${BUNDLE} check-generated --fix`);

    applyPatch(dir, patch);
    expect(readFileSync(path.join(dir, 'store/mock_store.go'), 'utf8')).toContain('Delete(key string) error');
    const again = await check(dir);
    expect(again.code).toBe(0);
    expect(json(again).stale).toBe(false);
  });

  test('a new interface whose mock was never generated: the missing file is reported and the patch adds it', async () => {
    const dir = goRepo();
    writeFileSync(
      path.join(dir, 'store/cache.go'),
      'package store\n\n//go:generate mockgen -source=cache.go -destination=mock_cache.go -package=store\n\n// Cache remembers.\ntype Cache interface {\n\tHit(key string) bool\n}\n',
    );
    const patch = path.join(tempDir('cutover-patch-'), 'fix.patch');
    const run = await check(dir, ['--patch', patch]);
    expect(run.code).toBe(1);
    expect(json(run).files).toEqual([
      expect.objectContaining({ path: 'store/mock_cache.go', kind: 'missing', generator: 'mocks' }),
    ]);
    expect(readFileSync(patch, 'utf8')).toContain('new file mode 100644');
    applyPatch(dir, patch);
    expect(existsSync(path.join(dir, 'store/mock_cache.go'))).toBe(true);
    expect((await check(dir)).code).toBe(0);
  });

  test('an orphaned mock (its interface was deleted) is reported and the patch deletes it', async () => {
    const dir = goRepo();
    git(dir, 'rm', '-q', 'store/user.go');
    const patch = path.join(tempDir('cutover-patch-'), 'fix.patch');
    const run = await check(dir, ['--patch', patch]);
    expect(run.code).toBe(1);
    expect(json(run).files).toEqual([
      expect.objectContaining({ path: 'store/mock_user.go', kind: 'orphaned' }),
    ]);
    expect(readFileSync(patch, 'utf8')).toContain('deleted file mode 100644');
    applyPatch(dir, patch);
    expect(existsSync(path.join(dir, 'store/mock_user.go'))).toBe(false);
    expect((await check(dir)).code).toBe(0);
  });

  test('go-bindata without -nometadata is reported as non-reproducible, with the hint', async () => {
    const dir = fixtureRepo(
      'go',
      "sed -i 's/go-bindata -nometadata/go-bindata/' assets/assets.go && go generate ./...",
      GO,
    );
    const run = await check(dir, ['--repeat', '2']);
    expect(run.code).toBe(1);
    const result = json(run);
    expect(result.nonReproducible).toEqual([
      expect.objectContaining({ path: 'assets/bindata.go', generator: 'assets' }),
    ]);
    expect(result.nonReproducible[0].hint).toMatch(/-nometadata.*-modtime/);
    expect(result.nonReproducible[0].diff).toMatch(/^[-+].*modTime: time\.Unix\(/m);
    expect(result.generators.find((g: { name: string }) => g.name === 'assets').status).toBe(
      'non-reproducible',
    );
    expect(result.generators.find((g: { name: string }) => g.name === 'mocks').status).toBe('current');
    expect(run.stderr).toContain('assets/bindata.go differs between two runs');
  });

  test('--fix regenerates the outputs in place and touches nothing else', async () => {
    const dir = goRepo();
    const source = path.join(dir, 'store/store.go');
    writeFileSync(source, readFileSync(source, 'utf8').replace('Get(key string)', 'Fetch(key string)'));
    git(dir, 'rm', '-q', 'store/user.go');
    const before = snapshot(dir);
    const run = await runCli(['check-generated', '--fix', '--json'], { cwd: dir, env: GO });
    expect(run.code).toBe(0);
    expect(json(run).fixed.sort()).toEqual(['store/mock_store.go', 'store/mock_user.go']);
    // Only the generator's outputs changed (the index entry of the deleted mock is git's business).
    expect(changedPaths(before, snapshot(dir))).toEqual(['store/mock_store.go', 'store/mock_user.go']);
    expect(readFileSync(path.join(dir, 'store/mock_store.go'), 'utf8')).toContain(
      'func (m *MockStore) Fetch(',
    );
    expect((await check(dir)).code).toBe(0);
  });

  test('a generator that is not installed exits 2 naming the command, also when go generate runs it', async () => {
    const dir = goRepo();
    writeFileSync(
      path.join(dir, 'missing.yml'),
      readFileSync(path.join(dir, 'cutover.yml'), 'utf8') +
        '  - name: protos\n    run: protoc-gen-nothing --out gen\n    outputs: [gen/**]\n',
    );
    const direct = await check(dir, ['--manifest', 'missing.yml']);
    expect(direct.code).toBe(2);
    expect(direct.stderr).toContain(
      'missing.yml:13:10: generated[2].run: generator "protos": the command "protoc-gen-nothing" is not installed (not found on PATH)',
    );

    writeFileSync(
      path.join(dir, 'store/kind.go'),
      'package store\n\n//go:generate stringer-not-installed -type=Kind\n\n// Kind of value.\ntype Kind int\n',
    );
    const nested = await check(dir);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toMatch(
      /cutover\.yml:7:10: generated\[0\]\.run: generator "mocks": the command "stringer-not-installed" is not installed/,
    );
  });
});

describe('check-generated with a non-Go generator (a node script)', () => {
  /** The palette repository: gen/colors.txt is checked out with CRLF line endings (.gitattributes). */
  function nodeRepo(): string {
    const dir = fixtureRepo('node', 'node scripts/generate.mjs');
    rmSync(path.join(dir, 'gen/colors.txt'));
    git(dir, 'checkout', '--', 'gen/colors.txt');
    return dir;
  }
  const PALETTE = { GITHUB_REPOSITORY: 'acme/palette' };

  test('the generator of repos.<name> runs; CRLF checkouts and LF output are the same to git', async () => {
    const dir = nodeRepo();
    // The tree holds CRLF, the generator writes LF: bytes differ, git sees no change.
    expect(readFileSync(path.join(dir, 'gen/colors.txt'), 'utf8')).toContain('red #ff0000\r\n');
    const run = await check(dir, [], PALETTE);
    expect(run.code).toBe(0);
    expect(json(run)).toMatchObject({ repo: 'acme/palette', stale: false, counts: { generators: 1 } });

    // Without GITHUB_REPOSITORY or --repo there is nothing to check: bad input.
    const none = await check(dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no generators configured in cutover.yml');
    const typo = await check(dir, ['--repo', 'acme/palete']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(
      '--repo: the manifest cutover.yml has no repository "acme/palete"; did you mean "acme/palette"?',
    );
  });

  test('core.autocrlf=true in the repository: a CRLF checkout of LF output is current', async () => {
    const dir = nodeRepo();
    git(dir, 'config', 'core.autocrlf', 'true');
    rmSync(path.join(dir, 'gen/list-colors.sh'));
    git(dir, 'checkout', '--', 'gen/list-colors.sh');
    expect(readFileSync(path.join(dir, 'gen/list-colors.sh'), 'utf8')).toContain('#!/bin/sh\r\n');
    const run = await check(dir, [], PALETTE);
    expect(run.code).toBe(0);
    expect(json(run).stale).toBe(false);
    // The same bytes without the setting are a real difference.
    git(dir, 'config', 'core.autocrlf', 'false');
    const strict = await check(dir, [], PALETTE);
    expect(strict.code).toBe(1);
    expect(json(strict).files).toEqual([
      expect.objectContaining({ path: 'gen/list-colors.sh', kind: 'modified' }),
    ]);
  });

  test('the fix command it prints runs as printed and makes the tree current', async () => {
    const dir = nodeRepo();
    writeFileSync(path.join(dir, 'data/colors.json'), '[{ "name": "teal", "hex": "#008080" }]\n');
    const stale = await runCli(['check-generated', '--repo', 'acme/palette'], { cwd: dir });
    expect(stale.code).toBe(1);
    const printed = /^to fix: (.*)$/m.exec(stale.stderr)?.[1];
    expect(printed).toBe(`node ${BUNDLE} check-generated --fix --repo acme/palette`);
    execFileSync('sh', ['-c', printed!], { cwd: dir, stdio: 'pipe' });
    expect(readFileSync(path.join(dir, 'gen/colors.txt'), 'utf8')).toContain('teal #008080');
    expect((await check(dir, ['--repo', 'acme/palette'])).code).toBe(0);
  });

  test('a changed input and a lost executable bit are stale; the patch restores both', async () => {
    const dir = nodeRepo();
    writeFileSync(
      path.join(dir, 'data/colors.json'),
      '[{ "name": "red", "hex": "#ff0000" }, { "name": "blue", "hex": "#0000ff" }]\n',
    );
    chmodSync(path.join(dir, 'gen/list-colors.sh'), 0o644);
    const patch = path.join(tempDir('cutover-patch-'), 'fix.patch');
    const run = await check(dir, ['--repo', 'acme/palette', '--patch', patch]);
    expect(run.code).toBe(1);
    const files = json(run).files;
    expect(files.map((file: { path: string; kind: string }) => [file.path, file.kind])).toEqual([
      ['gen/colors.txt', 'modified'],
      ['gen/list-colors.sh', 'mode'],
    ]);
    expect(readFileSync(patch, 'utf8')).toContain('old mode 100644\nnew mode 100755');
    applyPatch(dir, patch);
    expect(statSync(path.join(dir, 'gen/list-colors.sh')).mode & 0o111).not.toBe(0);
    expect((await check(dir, ['--repo', 'acme/palette'])).code).toBe(0);
  });

  test('writes outside the outputs (even in place) are warnings and never reach the tree; so are outputs that match nothing', async () => {
    const dir = nodeRepo();
    writeFileSync(
      path.join(dir, 'extra.yml'),
      readFileSync(path.join(dir, 'cutover.yml'), 'utf8').replace(
        "outputs: ['gen/**']",
        "outputs: ['gen/**', 'docs/colors.md']\n        env: { ALSO_WRITE: 'stray.txt,data/colors.json' }",
      ),
    );
    const run = await check(dir, ['--manifest', 'extra.yml', '--repo', 'acme/palette']);
    expect(run.code).toBe(0);
    // The generator rewrote its input in place after reading it: reported, and (check() asserts it)
    // the developer's copy is untouched, which hard links would not have guaranteed.
    expect(json(run).undeclaredWrites).toEqual([
      { path: 'data/colors.json', generator: 'colors', change: 'modified' },
      { path: 'stray.txt', generator: 'colors', change: 'created' },
    ]);
    expect(run.stderr).toContain(
      'stray.txt: warning: generator "colors" created stray.txt, which its outputs do not cover',
    );
    // The place is said once, before the severity, as an editor links it: never repeated in the text.
    expect(run.stderr).toMatch(
      /^extra\.yml:10:\d+: warning: repos\["acme\/palette"\]\.generated\[0\]\.outputs: generator "colors": output "docs\/colors\.md" matches no file$/m,
    );
  });

  test('a failing generator exits 1 with the tail of its error output', async () => {
    const dir = nodeRepo();
    writeFileSync(path.join(dir, 'data/colors.json'), '[{ "name": "red", "hex": "#ff0000" }, oops ]\n');
    const run = await check(dir, ['--repo', 'acme/palette']);
    expect(run.code).toBe(1);
    const result = json(run);
    expect(result.generators[0]).toMatchObject({ name: 'colors', status: 'failed', exitCode: 1 });
    expect(result.generators[0].stderrTail).toMatch(/SyntaxError: Unexpected token[^]*is not valid JSON/);
    expect(run.stderr).toContain('failed: generator(s) failed: colors');
  });

  test('working-directory: the generator runs there; a directory that does not exist is bad input', async () => {
    const dir = nodeRepo();
    const manifest = (workingDirectory: string) =>
      readFileSync(path.join(dir, 'cutover.yml'), 'utf8').replace(
        'run: node scripts/generate.mjs',
        `run: node generate.mjs\n        working-directory: ${workingDirectory}`,
      );
    writeFileSync(path.join(dir, 'in-scripts.yml'), manifest('scripts'));
    const run = await check(dir, ['--manifest', 'in-scripts.yml', '--repo', 'acme/palette']);
    expect(run.code).toBe(0);
    expect(json(run).generators[0]).toMatchObject({ workingDirectory: 'scripts', status: 'current' });
    writeFileSync(path.join(dir, 'nowhere.yml'), manifest('nowhere'));
    const bad = await check(dir, ['--manifest', 'nowhere.yml', '--repo', 'acme/palette']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'nowhere.yml:10:28: repos["acme/palette"].generated[0].working-directory: generator "colors": the working directory "nowhere" does not exist',
    );
  });

  test('a generator past its timeout is stopped with everything it started, and the check fails', async () => {
    const dir = nodeRepo();
    // A marker no other process has: the generator's background child must not outlive the check.
    const marker = `cutover-timeout-${process.pid}-${Date.now()}`;
    writeFileSync(
      path.join(dir, 'slow.yml'),
      readFileSync(path.join(dir, 'cutover.yml'), 'utf8').replace(
        'run: node scripts/generate.mjs',
        `run: node -e 'setTimeout(() => {}, 600000)' ${marker} & node scripts/generate.mjs && sleep 600\n        timeout: 1500ms`,
      ),
    );
    const started = Date.now();
    const run = await check(dir, ['--manifest', 'slow.yml', '--repo', 'acme/palette']);
    // A hang guard, not a timing: unstopped, the generator runs 600 s; stopped at its 1.5 s timeout
    // the check takes a few seconds, and 60 s is over 10× that on a busy machine.
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(run.code).toBe(1);
    expect(json(run).generators[0]).toMatchObject({ name: 'colors', status: 'failed', timedOutAfter: 1.5 });
    expect(run.stderr).toMatch(
      /slow\.yml:9:\d+: error: repos\["acme\/palette"\]\.generated\[0\]\.run: generator "colors" timed out after 1\.5 s \(its timeout; stopped with everything it started\)/,
    );
    expect(run.stderr).toContain('generator "colors" run 1: stopped at its timeout after 1.');
    expect(run.stderr).toContain('failed: generator(s) failed: colors');
    const survivors = spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' });
    expect(survivors.stdout).toBe('');
  });

  test('a cancelled check (SIGTERM, as a cancelled job gets) stops its generators too', async () => {
    const dir = nodeRepo();
    const marker = `cutover-cancel-${process.pid}-${Date.now()}`;
    writeFileSync(
      path.join(dir, 'slow.yml'),
      readFileSync(path.join(dir, 'cutover.yml'), 'utf8').replace(
        'run: node scripts/generate.mjs',
        `run: node -e 'setTimeout(() => {}, 600000)' ${marker}`,
      ),
    );
    const child = spawn(
      process.execPath,
      [BUNDLE, 'check-generated', '--manifest', 'slow.yml', '--repo', 'acme/palette'],
      {
        cwd: dir,
        env: { PATH: process.env['PATH'], HOME: process.env['HOME'] },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_, signal) => resolve(signal)),
    );
    // Wait until the generator runs, then cancel.
    const running = () => spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' }).stdout.trim();
    for (let waited = 0; running() === '' && waited < 15_000; waited += 100) await sleep(100);
    expect(running()).not.toBe('');
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    for (let waited = 0; running() !== '' && waited < 5_000; waited += 100) await sleep(100);
    expect(running()).toBe('');
    expect(stderr).toContain('generator "colors" run 1: started');
  });

  test('generators that ask git see the developer commit and index in the scratch copy', async () => {
    const dir = nodeRepo();
    const run =
      'mkdir -p history && cd "$(git rev-parse --show-toplevel)" && git log -1 --format=%s > /dev/null && git cat-file -p HEAD:data/colors.json > history/colors-at-head.json && git ls-files data scripts > history/inputs.txt && git status --porcelain -- data > history/status.txt && git describe --tags --always > history/describe.txt';
    writeFileSync(
      path.join(dir, 'cutover.yml'),
      readFileSync(path.join(dir, 'cutover.yml'), 'utf8').replace(
        "outputs: ['gen/**']",
        `outputs: ['gen/**']\n      - name: history\n        run: '${run}'\n        outputs: ['history/**']`,
      ),
    );
    execFileSync('sh', ['-c', run], { cwd: dir });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'history generator');
    // A release commit whose generated describe.txt names its own tag.
    git(dir, 'tag', '-a', '-m', 'release', 'v1.2.1');
    execFileSync('sh', ['-c', run], { cwd: dir });
    git(dir, 'commit', '-q', '-am', 'release v1.2.1');
    git(dir, 'tag', '-f', '-a', '-m', 'release', 'v1.2.1');
    expect(readFileSync(path.join(dir, 'history/describe.txt'), 'utf8')).toBe('v1.2.1\n');
    expect(readFileSync(path.join(dir, 'history/inputs.txt'), 'utf8')).toBe(
      'data/colors.json\nscripts/generate.mjs\n',
    );
    const current = await check(dir, ['--repo', 'acme/palette']);
    expect(current.code).toBe(0);
    expect(json(current).generators.map((g: { status: string }) => g.status)).toEqual(['current', 'current']);

    // A shallow clone, as actions/checkout makes by default: git in the copy knows where history stops.
    const shallow = path.join(tempDir('cutover-shallow-'), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, shallow]);
    expect(existsSync(path.join(shallow, '.git/shallow'))).toBe(true);
    const fromShallow = await check(shallow, ['--repo', 'acme/palette']);
    expect(json(fromShallow).generators.map((g: { status: string }) => g.status)).toEqual([
      'current',
      'current',
    ]);
    expect(fromShallow.code).toBe(0);

    // An uncommitted change to an input: git in the copy sees it as the developer's git does.
    writeFileSync(path.join(dir, 'data/colors.json'), '[{ "name": "red", "hex": "#ff0000" }]\n');
    const changed = await check(dir, ['--repo', 'acme/palette']);
    expect(changed.code).toBe(1);
    const files = json(changed).files.map((file: { path: string; kind: string }) => [file.path, file.kind]);
    expect(files).toContainEqual(['history/status.txt', 'modified']);
    expect(
      json(changed).files.find((file: { path: string }) => file.path === 'history/status.txt').diff,
    ).toContain('+ M data/colors.json');
  });

  test('a timeout that is not a duration, or zero, is bad input located in the manifest', async () => {
    const dir = nodeRepo();
    for (const [timeout, message] of [
      ['soon', 'expected a duration such as 90s, 10m or 1h'],
      ['0s', 'expected a duration greater than zero'],
    ] as const) {
      writeFileSync(
        path.join(dir, 'bad-timeout.yml'),
        readFileSync(path.join(dir, 'cutover.yml'), 'utf8').replace(
          'run: node scripts/generate.mjs',
          `run: node scripts/generate.mjs\n        timeout: ${timeout}`,
        ),
      );
      const run = await check(dir, ['--manifest', 'bad-timeout.yml', '--repo', 'acme/palette']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `bad-timeout.yml:10:18: repos["acme/palette"].generated[0].timeout: ${message}`,
      );
    }
  });

  test('bad --repeat is bad input', async () => {
    const dir = nodeRepo();
    const run = await check(dir, ['--repo', 'acme/palette', '--repeat', 'twice']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--repeat: expected a number of runs from 1 to 10, found "twice"');
  });
});

describe('the check-generated action', () => {
  test('sets stale and patch outputs, writes the diff and the fix command to the job summary', async () => {
    const dir = goRepo();
    const source = path.join(dir, 'store/store.go');
    writeFileSync(
      source,
      readFileSync(source, 'utf8').replace('Put(key, value string) error', 'Put(key string) error'),
    );
    const runner = runnerFiles();
    cleanup.push(runner.dir);
    const before = snapshot(dir);
    const run = await runAction(['check-generated'], { cwd: dir, env: { ...GO, ...runner.env } });
    expect(changedPaths(before, snapshot(dir))).toEqual([]);
    expect(run.code).toBe(1);
    const outputs = runner.outputs();
    expect(outputs).toMatchObject({ stale: 'true', 'stale-files': '1', 'non-reproducible': '0' });
    expect(outputs['patch']).toBe(path.join(runner.dir, 'cutover-generated.patch'));
    applyPatch(dir, outputs['patch']!);
    const summary = runner.summary();
    expect(summary).toContain('```diff');
    expect(summary).toContain('-func (m *MockStore) Put(key, value string) error {');
    // The runner's copy of cutover is not the reader's: the patch artifact, or a checkout of cutover.
    expect(summary).toContain('git apply cutover-generated.patch');
    expect(summary).toContain('node path/to/cutover/dist/index.js check-generated --fix');
    expect(summary).not.toContain('npx');
    expect(run.stdout).toMatch(
      /::error title=Generated file not current,file=store\/mock_store\.go,line=\d+::/,
    );

    const action = readFileSync(path.join(ROOT, 'actions/check-generated/action.yml'), 'utf8');
    expect(action).toMatch(/uses: actions\/upload-artifact@[0-9a-f]{40} # v4\./);
    expect(action).toContain(
      "if: ${{ always() && steps.run.outputs.stale == 'true' && steps.run.outputs.patch != '' }}",
    );
    expect(action).toContain('path: ${{ steps.run.outputs.patch }}');
    expect(action).not.toContain('fix:');
  });
});
