/**
 * What the benchmarks share (this folder is not a benchmark itself: `bench/run.mjs` lists only
 * bench/*.ts).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Wall time of `work`, in seconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** The median of some figures (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** What one measured program did. */
export interface Measured {
  seconds: number;
  /** User + system CPU seconds of the program and its children (bash's `times`). */
  cpuSeconds: number;
  peakRssMb: number;
  stdout: string;
  code: number | null;
}

/**
 * Runs a program under bash (to read its CPU time, children included, with `times`); wall time from
 * spawn to exit, peak RSS from /proc/<pid>/status (VmHWM) of the program itself, polled every 5 ms.
 */
export function measureProcess(command: string, args: string[], cwd: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(
      'bash',
      [
        '-c',
        '"$@" 2>/dev/null & pid=$!; echo "pid $pid" >&2; wait $pid; status=$?; times >&2; exit $status',
        'bash',
        command,
        ...args,
      ],
      { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const chunks: Buffer[] = [];
    let stderr = '';
    let pid: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      pid ??= Number(/pid (\d+)/.exec(stderr)?.[1]) || undefined;
    });
    let peak = 0;
    const poll = setInterval(() => {
      if (pid === undefined) return;
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // exited between polls
      }
    }, 5);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.567s".
      const lines = stderr.trim().split('\n');
      const toSeconds = (text: string) => {
        const match = /(\d+)m([\d.]+)s/.exec(text);
        return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
      };
      const [user, system] = (lines[lines.length - 1] ?? '').split(' ');
      resolve({
        seconds,
        cpuSeconds: toSeconds(user ?? '') + toSeconds(system ?? ''),
        peakRssMb: peak / 1024,
        stdout: Buffer.concat(chunks).toString(),
        code,
      });
    });
  });
}
