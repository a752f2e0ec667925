/**
 * Running a program under measurement: its wall time and its own CPU seconds (user + system of the
 * process and the children it waited for, by /usr/bin/time), for benches that put several tools side
 * by side.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

/** One measured run. */
export interface ToolRun {
  seconds: number;
  /** User + system CPU seconds of the program's process tree. */
  cpu: number;
  stdout: string;
  stderr: string;
}

const MARK = 'cutover-bench-cpu';

/**
 * Runs `program args` under /usr/bin/time; a non-zero exit throws with the end of its stderr.
 * `env` replaces the environment (PATH and HOME are kept unless given).
 */
export function runMeasured(program: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ToolRun> {
  if (!existsSync('/usr/bin/time'))
    throw new Error(
      '/usr/bin/time is missing: apt-get install -y time (it measures each tool’s CPU seconds)',
    );
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    execFile(
      '/usr/bin/time',
      ['-f', `${MARK} %U %S`, program, ...args],
      { env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env }, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const match = new RegExp(`${MARK} ([\\d.]+) ([\\d.]+)\\s*$`).exec(stderr);
        if (error) {
          reject(new Error(`${program} ${args.join(' ')} failed:\n${stderr.slice(-3000)}`));
          return;
        }
        const cpu = match ? Number(match[1]) + Number(match[2]) : NaN;
        resolve({ seconds, cpu, stdout, stderr: match ? stderr.slice(0, match.index) : stderr });
      },
    );
  });
}

/**
 * Runs one program per item, `parallel` at a time (a work queue, as `xargs -P` does); the wall time
 * of the whole, the sum of their CPU seconds, and how many runs were repeated: concurrent copies of
 * a shared blob race in docker-registry (a manifest PUT then names a blob still being written), and
 * a user's script runs such a copy again, so a failed run is repeated up to twice.
 */
export async function runPool<T>(
  items: T[],
  parallel: number,
  command: (item: T) => [program: string, args: string[]],
  env: NodeJS.ProcessEnv = {},
): Promise<{ seconds: number; cpu: number; reruns: number }> {
  const started = process.hrtime.bigint();
  let cpu = 0;
  let next = 0;
  let reruns = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) {
        const [program, args] = command(items[next++]!);
        for (let attempt = 0; ; attempt++) {
          try {
            cpu += (await runMeasured(program, args, env)).cpu;
            break;
          } catch (error) {
            if (attempt === 2) throw error;
            reruns++;
          }
        }
      }
    }),
  );
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, cpu, reruns };
}
