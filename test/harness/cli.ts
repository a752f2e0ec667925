import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE = path.join(ROOT, 'dist/index.js');
/** The actions' entry point (action.yml's `main`, and what every composite action runs). */
export const ACTION_BUNDLE = path.join(ROOT, 'dist/action.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the committed bundle (`node dist/index.js …`) as users do, with a clean environment
 * (plus `env`), and returns its exit code and output.
 */
export function runCli(
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    input?: string;
    entry?: string;
    /** Kill the run (SIGKILL) after this long: a test of a hang stays bounded on code that hangs. */
    timeoutMs?: number;
    /** Given the process's id as it starts (to sample its memory, see memory.ts). */
    onStart?: (pid: number | undefined) => void;
  } = {},
): Promise<CliRun> {
  const base: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    TMPDIR: process.env['TMPDIR'],
  };
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [options.entry ?? BUNDLE, ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { ...base, ...options.env },
        maxBuffer: 64 * 1024 * 1024,
        ...(options.timeoutMs !== undefined && {
          timeout: options.timeoutMs,
          killSignal: 'SIGKILL' as const,
        }),
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    options.onStart?.(child.pid);
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/**
 * Runs the actions' entry point (`node dist/action.js <command>`) as a composite action step does:
 * options come from `INPUT_*` variables in `env`, results go to the runner's files.
 */
export function runAction(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  return runCli(args, { ...options, entry: ACTION_BUNDLE });
}
