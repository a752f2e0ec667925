import { spawn } from 'node:child_process';

/** What a finished program left behind. */
export interface ProgramResult {
  code: number;
  /** Set when the program was killed by a signal. */
  signal?: string;
  stdout: Buffer;
  stderr: string;
  /** Set when the program ran past `timeoutMs` and was stopped with everything it started. */
  timedOut?: boolean;
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
  /**
   * Streams stdout instead of keeping it: each chunk is handed over as it arrives, and the result's
   * `stdout` is empty (for output too large to hold, or wanted before the program ends).
   */
  onStdout?: (chunk: Buffer) => void;
  /**
   * Stop the program after this many milliseconds: SIGTERM to its process group (so a shell's
   * children stop too), SIGKILL after a grace period.
   */
  timeoutMs?: number;
}

/** How long a program stopped for its time limit gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 5000;

/** Process groups started with a time limit and still running; stopped if cutover itself is. */
const groups = new Set<number>();

function stopGroups(signal: NodeJS.Signals): void {
  for (const pid of groups) signalGroup(pid, signal);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

let forwarding = false;

/**
 * A program in its own process group does not get the terminal's Ctrl-C or the runner's cancel
 * signal; pass SIGINT and SIGTERM on, then end as the signal would have ended us.
 */
function forwardSignals(): void {
  if (forwarding) return;
  forwarding = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopGroups(signal);
      process.kill(process.pid, signal);
    });
  }
  process.once('exit', () => stopGroups('SIGKILL'));
}

/**
 * Runs a program with an argument array (never a shell string built from data) and collects its
 * output. Resolves with the exit code; rejects only when the program cannot be started at all.
 */
export function runProgram(file: string, args: string[], options: RunOptions): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    const limited = options.timeoutMs !== undefined;
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group, so that a time limit stops what a shell command started as well.
      detached: limited,
    });
    let timedOut = false;
    const timers: NodeJS.Timeout[] = [];
    if (limited && child.pid !== undefined) {
      const pid = child.pid;
      forwardSignals();
      groups.add(pid);
      timers.push(
        setTimeout(() => {
          timedOut = true;
          signalGroup(pid, 'SIGTERM');
          timers.push(setTimeout(() => signalGroup(pid, 'SIGKILL'), KILL_GRACE_MS));
        }, options.timeoutMs),
      );
    }
    const stdout: Buffer[] = [];
    let stderr = '';
    const limit = options.stderrLimit ?? 1 << 20;
    child.stdout.on('data', (chunk: Buffer) => {
      if (options.onStdout) options.onStdout(chunk);
      else stdout.push(chunk);
      options.onOutput?.(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.length > limit) stderr = stderr.slice(-limit);
      options.onOutput?.(chunk);
    });
    const settle = () => {
      for (const timer of timers) clearTimeout(timer);
      if (child.pid !== undefined) groups.delete(child.pid);
    };
    child.on('error', (error) => {
      settle();
      reject(error);
    });
    child.on('close', (code, signal) => {
      settle();
      resolve({
        code: code ?? 128,
        ...(signal && { signal }),
        stdout: Buffer.concat(stdout),
        stderr,
        ...(timedOut && { timedOut }),
      });
    });
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
