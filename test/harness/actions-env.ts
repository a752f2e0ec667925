import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAction, type CliRun } from './cli.js';

const created: string[] = [];
// Each test file runs in its own module registry, so this removes what that file created.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Files a GitHub runner gives a step: GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. */
export function runnerFiles(): {
  env: NodeJS.ProcessEnv;
  outputs(): Record<string, string>;
  summary(): string;
  dir: string;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-runner-'));
  created.push(dir);
  const output = path.join(dir, 'output');
  const summary = path.join(dir, 'summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  return {
    dir,
    env: { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: dir },
    outputs() {
      // core.setOutput writes `name<<DELIMITER\nvalue\nDELIMITER`.
      const text = readFileSync(output, 'utf8');
      const values: Record<string, string> = {};
      const pattern = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm;
      for (const match of text.matchAll(pattern)) values[match[1]!] = match[3]!;
      return values;
    },
    summary: () => readFileSync(summary, 'utf8'),
  };
}

/**
 * Runs one action step (`node dist/action.js <command>`) with `env` (its `INPUT_*` variables) and
 * fresh runner files; returns the run and the files, to read its outputs and job summary.
 */
export async function runActionStep(
  command: string,
  env: NodeJS.ProcessEnv,
): Promise<{ run: CliRun; runner: ReturnType<typeof runnerFiles> }> {
  const runner = runnerFiles();
  const run = await runAction([command], { env: { ...env, ...runner.env } });
  return { run, runner };
}
