import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../harness/cli.js';

/**
 * A composite action's step runs `node` from the runner's PATH. Self-hosted runners and container
 * jobs may have none, or an old one: the step must say so in one line, not fail with
 * `node: command not found` or an old Node's stack. The step's script is run here as the runner
 * runs it (`bash -e {0}`), with a fake `node` on PATH.
 */
const action = parse(readFileSync(path.join(ROOT, 'actions/guard/action.yml'), 'utf8')) as {
  runs: { steps: { run: string; shell: string }[] };
};
const script = action.runs.steps[0]!.run;

let bin: string;
beforeEach(() => {
  bin = mkdtempSync(path.join(os.tmpdir(), 'cutover-node-check-'));
});
afterEach(() => rmSync(bin, { recursive: true, force: true }));

/** A `node` that prints `version` for --version and records any other call. */
function fakeNode(version: string): void {
  const file = path.join(bin, 'node');
  writeFileSync(
    file,
    `#!/bin/sh\nif [ "$1" = --version ]; then echo ${version}; exit 0; fi\necho "node ran: $*"\n`,
  );
  chmodSync(file, 0o755);
}

/** Runs the step's script as the runner does for `shell: bash`, with only `bin` on PATH. */
function runStep(): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = path.join(bin, 'step.sh');
  writeFileSync(file, script);
  return new Promise((resolve) =>
    execFile(
      '/bin/bash',
      ['--noprofile', '--norc', '-e', '-o', 'pipefail', file],
      { env: { PATH: bin, GITHUB_ACTION_PATH: path.join(ROOT, 'actions/guard') } },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
        }),
    ),
  );
}

describe('composite actions check the Node.js on the runner', () => {
  test('the step runs in bash, as the runner runs it', () => {
    expect(action.runs.steps[0]!.shell).toBe('bash');
  });

  test('no node on PATH: one line naming what to add, exit 1', async () => {
    const result = await runStep();
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      '::error::cutover needs Node.js ≥ 20 on the runner (found: no node on PATH): add actions/setup-node',
    ]);
  });

  test('Node 16: one line naming the version found, and the bundle is not started', async () => {
    fakeNode('v16.20.2');
    const result = await runStep();
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      '::error::cutover needs Node.js ≥ 20 on the runner (found: v16.20.2): add actions/setup-node',
    ]);
  });

  test('a node that prints no version counts as missing', async () => {
    fakeNode('');
    const result = await runStep();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('cutover needs Node.js ≥ 20 on the runner (found: no node on PATH)');
  });

  test.each(['v20.0.0', 'v24.3.1'])('Node %s: the bundle runs with the command', async (version) => {
    fakeNode(version);
    const result = await runStep();
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(
      `node ran: ${path.join(ROOT, 'actions/guard')}/../../dist/action.js guard`,
    );
  });
});
