import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import net from 'node:net';

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) if (child.pid) safeKill(child.pid, 'SIGKILL');
});

function safeKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** A background server the harness started; stopped by its pid. */
export interface Daemon {
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts `command args` with output to `logFile` (stdout to `stdoutFile` instead, when given), in its
 * own process group so stop() takes its children too.
 */
export function startDaemon(
  command: string,
  args: string[],
  logFile: string,
  env: NodeJS.ProcessEnv = process.env,
  stdoutFile?: string,
): Daemon {
  const log = openSync(logFile, 'a');
  const out = stdoutFile === undefined ? log : openSync(stdoutFile, 'a');
  const child = spawn(command, args, { stdio: ['ignore', out, log], env, detached: true });
  if (!child.pid) throw new Error(`could not start ${command}`);
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid;
  return {
    pid,
    logFile,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      safeKill(-pid, 'SIGTERM');
      const timer = setTimeout(() => safeKill(-pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      running.delete(child);
    },
  };
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it returns true, failing with `what` and the log's tail after `timeoutMs`. */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
