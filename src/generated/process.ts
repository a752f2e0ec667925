import { spawn } from 'node:child_process';

/** What a finished program left behind. */
export interface ProgramResult {
  code: number;
  /** Set when the program was killed by a signal. */
  signal?: string;
  stdout: Buffer;
  stderr: string;
}

/** Options for {@link runProgram}. */
export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  /** Keep at most this many bytes of stderr (the tail), so a chatty program cannot exhaust memory. */
  stderrLimit?: number;
  /** Called with each chunk of output, for progress or debug logs. */
  onOutput?: (chunk: Buffer) => void;
}

/**
 * Runs a program with an argument array (never a shell string built from data) and collects its
 * output. Resolves with the exit code; rejects only when the program cannot be started at all.
 */
export function runProgram(file: string, args: string[], options: RunOptions): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    let stderr = '';
    const limit = options.stderrLimit ?? 1 << 20;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      options.onOutput?.(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.length > limit) stderr = stderr.slice(-limit);
      options.onOutput?.(chunk);
    });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code: code ?? 128,
        ...(signal && { signal }),
        stdout: Buffer.concat(stdout),
        stderr,
      }),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  });
}

/** Runs `git` and returns its stdout; a non-zero exit becomes an Error carrying git's message. */
export async function git(args: string[], cwd: string, input?: string): Promise<Buffer> {
  const result = await runProgram('git', args, {
    cwd,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    ...(input !== undefined && { input }),
  });
  if (result.code !== 0) {
    throw new Error(`git ${args.join(' ')} failed (exit ${result.code}): ${result.stderr.trim()}`);
  }
  return result.stdout;
}

/** Splits NUL-separated output (`-z`) into its entries. */
export function splitNul(output: Buffer): string[] {
  return output.toString('utf8').split('\0').filter(Boolean);
}
