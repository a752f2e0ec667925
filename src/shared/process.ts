import { spawn } from 'node:child_process';
import { OperationalError } from './errors.js';
import { isolated } from './isolation.js';

/** What a finished program left behind. */
export interface ProgramResult {
  code: number;
  /** Set when the program was killed by a signal. */
  signal?: string;
  /** Its standard output: all of it, or the first `stdoutLimit` bytes. */
  stdout: Buffer;
  /** Its error output (UTF-8): all of it, or the last `stderrLimit` bytes. */
  stderr: string;
  /** Bytes of stdout not kept because of `stdoutLimit` (0 when none were dropped). */
  stdoutDropped: number;
  /** Bytes of stderr not kept because of `stderrLimit` (0 when none were dropped). */
  stderrDropped: number;
  /** Set when the program ran past `timeoutMs` and was stopped with everything it started. */
  timedOut?: boolean;
}

/** Options for {@link runProgram}. */
export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  input?: string | Buffer;
  /**
   * Keep at most this many bytes of stderr (the tail, where the error usually is), so a chatty
   * program cannot exhaust memory; the rest is counted in `stderrDropped`. Default 1 MiB.
   */
  stderrLimit?: number;
  /**
   * Keep at most this many bytes of stdout (the head); the rest is counted in `stdoutDropped`.
   * Default: everything (callers such as `git` parse the whole output).
   */
  stdoutLimit?: number;
  /** Called with each chunk of output (stdout and stderr) as it arrives, kept or not. */
  onOutput?: (chunk: Buffer, stream: 'stdout' | 'stderr') => void;
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
  /**
   * Run the program where it cannot see any other process, so it cannot read cutover's environment
   * or its ancestors' through /proc (isolation.ts). `required`: refuse to start it when this
   * machine cannot isolate it; `preferred`: run it anyway then.
   */
  isolate?: 'required' | 'preferred';
}

/** Error output kept by default: enough for any message, bounded for a program that floods it. */
const DEFAULT_STDERR_LIMIT = 1 << 20;

/**
 * Output kept up to a byte limit — the first bytes (`head`) or the last (`tail`) — with a count of
 * the bytes dropped, so that memory stays bounded however much a program writes.
 */
class KeptBytes {
  private chunks: Buffer[] = [];
  private size = 0;
  dropped = 0;

  constructor(
    private readonly keep: 'head' | 'tail',
    private readonly limit: number,
  ) {}

  add(chunk: Buffer): void {
    if (this.keep === 'head') {
      const room = Math.max(0, this.limit - this.size);
      const kept = chunk.length <= room ? chunk : chunk.subarray(0, room);
      if (kept.length > 0) {
        // A copy, so that a kept slice does not pin the whole chunk it came from.
        this.chunks.push(kept === chunk ? chunk : Buffer.from(kept));
        this.size += kept.length;
      }
      this.dropped += chunk.length - kept.length;
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.limit && this.chunks.length > 0) {
      const first = this.chunks[0]!;
      const excess = this.size - this.limit;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
        this.dropped += first.length;
      } else {
        this.chunks[0] = Buffer.from(first.subarray(excess));
        this.size -= excess;
        this.dropped += excess;
      }
    }
  }

  bytes(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
  }
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

/** Synchronous clean-ups (removing scratch directories) run when cutover is stopped by a signal. */
const cleanups = new Set<() => void>();

let forwarding = false;

/**
 * A program in its own process group does not get the terminal's Ctrl-C or the runner's cancel
 * signal; pass SIGINT and SIGTERM on, run the registered clean-ups, then end as the signal would
 * have ended us.
 */
function forwardSignals(): void {
  if (forwarding) return;
  forwarding = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopGroups(signal);
      for (const cleanup of cleanups) {
        try {
          cleanup();
        } catch {
          // Best effort: the next run removes what is left (see the callers).
        }
      }
      process.kill(process.pid, signal);
    });
  }
  process.once('exit', () => stopGroups('SIGKILL'));
}

/**
 * Registers a synchronous clean-up to run if cutover is stopped by SIGINT or SIGTERM (after the
 * programs it started are signalled), for things a `finally` would otherwise undo. Returns a
 * function that unregisters it, to call when the work ends normally.
 */
export function onInterrupt(cleanup: () => void): () => void {
  forwardSignals();
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

/** True when a process with this id exists (on this machine). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs a program with an argument array (never a shell string built from data) and collects its
 * output. Resolves with the exit code; rejects only when the program cannot be started at all.
 */
export function runProgram(file: string, args: string[], options: RunOptions): Promise<ProgramResult> {
  if (options.isolate) {
    const wrapped = isolated(file, args);
    if ('unavailable' in wrapped) {
      if (options.isolate === 'required') {
        return Promise.reject(
          new OperationalError(
            'refused',
            `not running ${file}: it would be able to read the credentials in this process's environment, and it cannot be isolated here: ${wrapped.unavailable}`,
            {
              hint: 'install util-linux (unshare, setpriv) and allow user namespaces (sysctl kernel.unprivileged_userns_clone=1; on Ubuntu 24.04 kernel.apparmor_restrict_unprivileged_userns=0), or run this step without credentials in its environment',
            },
          ),
        );
      }
    } else {
      file = wrapped.file;
      args = wrapped.args;
    }
  }
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
    const stdout = new KeptBytes('head', options.stdoutLimit ?? Infinity);
    const stderr = new KeptBytes('tail', options.stderrLimit ?? DEFAULT_STDERR_LIMIT);
    child.stdout.on('data', (chunk: Buffer) => {
      if (options.onStdout) options.onStdout(chunk);
      else stdout.add(chunk);
      options.onOutput?.(chunk, 'stdout');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.add(chunk);
      options.onOutput?.(chunk, 'stderr');
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
        stdout: stdout.bytes(),
        stderr: stderr.bytes().toString('utf8'),
        stdoutDropped: stdout.dropped,
        stderrDropped: stderr.dropped,
        ...(timedOut && { timedOut }),
      });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  });
}

/** Options for {@link runGit}. */
export interface GitOptions {
  input?: string;
  /**
   * Exit codes that answer the question rather than report a failure: `git diff --no-index` exits 1
   * when the files differ, `git config --get-regexp` when nothing matches, `rev-parse --verify
   * --quiet` when the name does not resolve.
   */
  answers?: readonly number[];
  /** Variables added to git's environment (`GIT_CONFIG_NOSYSTEM`, say). */
  env?: Record<string, string>;
}

/**
 * The one way cutover's checks run git: an argument array, no optional locks (a check never
 * writes the developer's index), the C locale for output that is parsed. Exit 0 and the codes in
 * `answers` resolve; any other exit becomes an OperationalError carrying git's message.
 */
export async function runGit(args: string[], cwd: string, options: GitOptions = {}): Promise<ProgramResult> {
  const result = await runProgram('git', args, {
    cwd,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', ...options.env },
    ...(options.input !== undefined && { input: options.input }),
  });
  if (result.code !== 0 && !options.answers?.includes(result.code)) {
    throw new OperationalError(
      'failed',
      `git ${args.join(' ')} failed (exit ${result.code}): ${result.stderr.trim()}`,
    );
  }
  return result;
}

/** Runs `git` ({@link runGit}) and returns its stdout; any exit but 0 is an OperationalError. */
export async function git(args: string[], cwd: string, input?: string): Promise<Buffer> {
  return (await runGit(args, cwd, input === undefined ? {} : { input })).stdout;
}

/** Splits NUL-separated output (`-z`) into its entries. */
export function splitNul(output: Buffer): string[] {
  return output.toString('utf8').split('\0').filter(Boolean);
}
