import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startDaemon, waitFor } from './daemon.js';
import { requireTool } from './tools.js';

const run = promisify(execFile);

/** A real Docker engine (Debian docker.io) on a private socket: vfs storage, no networking set-up. */
export interface TestDockerd {
  /** `unix:///…/docker.sock`, for DOCKER_HOST. */
  host: string;
  socketPath: string;
  /** Runs the docker CLI against this engine. */
  docker(args: string[], options?: { input?: string }): Promise<string>;
  stop(): Promise<void>;
}

function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ socketPath, path: '/_ping' }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
  });
}

/** Starts dockerd (as root) with `--storage-driver vfs --iptables=false --bridge=none`. */
export async function startDockerd(): Promise<TestDockerd> {
  const binary = requireTool('dockerd');
  requireTool('docker');
  if (process.getuid?.() !== 0)
    throw new Error('dockerd needs root: run the tests as root (the README test command does)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-dockerd-'));
  const socketPath = path.join(dir, 'docker.sock');
  const logFile = path.join(dir, 'dockerd.log');
  const daemon = startDaemon(
    binary,
    [
      '--storage-driver=vfs',
      '--iptables=false',
      '--bridge=none',
      '--ip-masq=false',
      `--host=unix://${socketPath}`,
      `--data-root=${path.join(dir, 'data')}`,
      `--exec-root=${path.join(dir, 'exec')}`,
      `--pidfile=${path.join(dir, 'docker.pid')}`,
      '--log-level=warn',
    ],
    logFile,
  );
  await waitFor('dockerd', () => ping(socketPath), 60_000).catch((error: Error) => {
    throw new Error(`${error.message}\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
  });
  const host = `unix://${socketPath}`;
  return {
    host,
    socketPath,
    async docker(args, options) {
      const child = run('docker', args, {
        env: { ...process.env, DOCKER_HOST: host },
        maxBuffer: 64 * 1024 * 1024,
      });
      if (options?.input !== undefined) {
        child.child.stdin?.end(options.input);
      }
      const { stdout } = await child;
      return stdout.trim();
    },
    async stop() {
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
