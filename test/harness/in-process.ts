import { runAction as actionEntry, runCli as cliEntry } from '../../src/cli/main.js';
import { ROOT, type CliRun } from './cli.js';

/**
 * The two entry points of `src/` (through ts-jest: an edit is tested without a rebuild), run in this
 * process as `node dist/index.js` / `node dist/action.js` would run them: the same clean environment
 * as test/harness/cli.ts (plus `env`), stdout and stderr captured. The environment is also the
 * process's for the run, since @actions/core reads the runner's files from `process.env`. Runs one
 * at a time (await each): the streams and the environment are the process's own.
 */
export function runCliInProcess(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliRun> {
  return inProcess((env, cwd) => cliEntry(args, env, cwd), options);
}

/** The actions' entry point (options from `INPUT_*` variables in `env`), in this process. */
export function runActionInProcess(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliRun> {
  return inProcess((env, cwd) => actionEntry(args, env, cwd), options);
}

let running = false;

async function inProcess(
  entry: (env: NodeJS.ProcessEnv, cwd: string) => Promise<number>,
  options: { env?: NodeJS.ProcessEnv; cwd?: string },
): Promise<CliRun> {
  if (running) throw new Error('runCliInProcess/runActionInProcess: one run at a time (await each)');
  running = true;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    TMPDIR: process.env['TMPDIR'],
    ...options.env,
  };
  const saved = { env: process.env, stdout: process.stdout.write, stderr: process.stderr.write };
  const stdout: string[] = [];
  const stderr: string[] = [];
  const capture =
    (into: string[]) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((item) => typeof item === 'function') as (() => void) | undefined;
      done?.();
      return true;
    };
  process.env = env;
  process.stdout.write = capture(stdout) as typeof process.stdout.write;
  process.stderr.write = capture(stderr) as typeof process.stderr.write;
  try {
    const code = await entry(env, options.cwd ?? ROOT);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.env = saved.env;
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    running = false;
  }
}
