import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, runAction } from '../harness/cli.js';
import { runnerFiles } from '../harness/actions-env.js';
import { git, removeTempDirs, tempDir } from '../harness/generated.js';
import { requireTool } from '../harness/tools.js';

/**
 * Issue 24 point 5: a generator is a third-party program. It must not reach the secrets cutover
 * was started with — not through its own environment, nor through its parent's or any ancestor's
 * `/proc/PID/environ` (the environment a process STARTED with, which no `delete process.env[…]`
 * changes) — and whatever secret a generator does print is redacted everywhere cutover shows it.
 */

beforeAll(() => {
  requireTool('git');
  requireTool('unshare');
});
afterAll(() => removeTempDirs());

const SECRETS = {
  GITHUB_TOKEN: 'ghp_cutoverSecretGithubToken0001',
  CUTOVER_MANIFEST_TOKEN: 'cutoverSecretManifestToken0002',
  NEW_PASS: 'cutoverSecretRegistryPassword0003',
};

/**
 * A hostile generator, as a script a repository would carry: it walks up from its parent through
 * every ancestor's /proc/PID/environ, then every process it can see, and writes any value of ours
 * it finds into the file it generates (so a find becomes a diff, a patch and --json).
 */
const SNOOP = `#!/bin/sh
# Regenerates gen/environment.txt (a generator that looks where it should not).
set -u
out=gen/environment.txt
mkdir -p gen
: > "$out"
pid=$PPID
depth=0
while [ "$pid" -gt 0 ] && [ "$depth" -lt 32 ]; do
  if [ -r "/proc/$pid/environ" ]; then
    tr '\\0' '\\n' < "/proc/$pid/environ" 2>/dev/null | grep 'cutoverSecret' | sed "s/^/ancestor $depth: /" >> "$out"
  fi
  pid=$(awk '/^PPid:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
  [ -n "$pid" ] || pid=0
  depth=$((depth + 1))
done
for environ in /proc/[0-9]*/environ; do
  tr '\\0' '\\n' < "$environ" 2>/dev/null | grep 'cutoverSecret' | sed "s|^|$environ: |" >> "$out"
done
echo "ancestors walked: $depth" >> "$out"
`;

function repository(run: string, files: Record<string, string>): string {
  const repo = path.join(tempDir('cutover-cg-secrets-'), 'repo');
  mkdirSync(repo, { recursive: true });
  const manifest = [
    'version: 1',
    'registries:',
    '  old: { host: registry.old.example.com, read-only: 2020-10-01, shutdown: 2020-11-01 }',
    '  new:',
    '    host: registry.new.example.com',
    '    available: 2020-09-01',
    '    credentials: { username-env: NEW_USER, password-env: NEW_PASS }',
    'generated:',
    '  - name: environment',
    `    run: ${JSON.stringify(run)}`,
    '    outputs: [gen/**]',
    '',
  ].join('\n');
  writeFileSync(path.join(repo, 'cutover.yml'), manifest);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), content, { mode: 0o755 });
  }
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'fixture');
  return repo;
}

function expectNoSecret(...texts: string[]): void {
  for (const text of texts)
    for (const value of Object.values(SECRETS)) expect(text).not.toContain(value.slice(6));
}

describe('generators cannot reach the secrets cutover holds', () => {
  test("a generator reading its parent's and every ancestor's /proc/PID/environ finds no secret", async () => {
    const repo = repository('sh scripts/environment.sh', { 'scripts/environment.sh': SNOOP });
    const patch = path.join(tempDir('cutover-patch-'), 'fix.patch');
    const run = await runCli(['check-generated', '--json', '--patch', patch, '--repeat', '1'], {
      cwd: repo,
      env: { ...SECRETS, NEW_USER: 'bot' },
    });
    const report = JSON.parse(run.stdout) as { files: { path: string; diff?: string }[] };
    const patchText = (() => {
      try {
        return readFileSync(patch, 'utf8');
      } catch {
        return '';
      }
    })();
    // The generator ran and walked at least its parent (the file records how far it got).
    expect(`${run.stdout}${patchText}`).toMatch(/ancestors walked: [1-9]/);
    expectNoSecret(run.stdout, run.stderr, patchText);
    // Nothing found means nothing written but the walk's own line: no line names a process.
    expect(patchText).not.toMatch(/^\+(ancestor \d|\/proc)/m);
    expect(report.files.map((file) => file.path)).toEqual(['gen/environment.txt']);
  }, 60_000);

  test('a secret a generator prints anyway is redacted in the diff on stderr, --json, the action outputs and the patch', async () => {
    // The generator reads a credential from a file of the user's (as `gh auth token` would) and
    // writes it into its output: cutover cannot stop that, but it never shows the value.
    const home = tempDir('cutover-cg-home-');
    writeFileSync(path.join(home, 'token'), `${SECRETS.GITHUB_TOKEN}\n`);
    writeFileSync(path.join(home, 'password'), `${SECRETS.NEW_PASS}\n`);
    const repo = repository(
      'mkdir -p gen && { printf "token=%s\\n" "$(cat "$TOKEN_FILE")"; printf "password=%s\\n" "$(cat "$PASSWORD_FILE")"; } > gen/config.txt',
      { 'gen/config.txt': 'token=\npassword=\n' },
    );
    const env = {
      ...SECRETS,
      NEW_USER: 'bot',
      TOKEN_FILE: path.join(home, 'token'),
      PASSWORD_FILE: path.join(home, 'password'),
    };
    const patch = path.join(tempDir('cutover-patch-'), 'fix.patch');
    const plain = await runCli(['check-generated', '--patch', patch, '--repeat', '1'], { cwd: repo, env });
    const json = await runCli(['check-generated', '--json', '--repeat', '1'], { cwd: repo, env });
    const runner = runnerFiles();
    const action = await runAction(['check-generated'], {
      cwd: repo,
      env: { ...env, ...runner.env, INPUT_REPEAT: '1', INPUT_PATCH: path.join(home, 'action.patch') },
    });
    expect([plain.code, json.code, action.code]).toEqual([1, 1, 1]);
    // The diff is shown (stale), with the values masked.
    expect(plain.stderr).toContain('+token=***');
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('+token=***');
    const patchText = readFileSync(patch, 'utf8');
    expect(patchText).toContain('+token=***');
    const actionPatch = readFileSync(path.join(home, 'action.patch'), 'utf8');
    const announced = action.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expectNoSecret(plain.stderr, plain.stdout, json.stdout, json.stderr, patchText, actionPatch);
    expectNoSecret(announced, action.stderr, JSON.stringify(runner.outputs()), runner.summary());
  }, 90_000);
});
