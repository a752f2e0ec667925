import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startDaemon, waitFor, type Daemon } from './daemon.js';
import type { TokenAuthConfig } from './token-server.js';
import { requireTool } from './tools.js';

export interface RegistryOptions {
  /** Require HTTP Basic auth (htpasswd, bcrypt) with these credentials. */
  auth?: { username: string; password: string };
  /** Start in read-only (maintenance) mode: pulls work, pushes fail. */
  readOnly?: boolean;
  /**
   * Require Bearer tokens from a token service (see token-server.ts); `auth` then names the
   * credentials skopeo uses with it.
   */
  token?: TokenAuthConfig;
  /** Redirect blob downloads to this base URL (distribution's `redirect` storage middleware). */
  redirectBlobsTo?: string;
  /** Serve HTTPS with this certificate and key (PEM files); `url` is then https://. */
  tls?: { certificate: string; key: string };
  /**
   * Log every request (level info) in this logrus formatter, to `logFile`; with `access`, the access log
   * too (the registry writes it on stdout): in a file of its own (`accessLogFile`), or `mixed` into
   * `logFile` as `docker logs` shows them. Without it, warnings only and no access log.
   */
  log?: { formatter: 'json' | 'text'; access?: 'separate' | 'mixed' };
  /** Send the registry's notifications (envelopes of events) to this URL (see notifications.ts). */
  notify?: string;
}

/** A real CNCF distribution registry (Debian docker-registry) on 127.0.0.1. */
export interface TestRegistry {
  /** `127.0.0.1:PORT`, what references and manifests name. */
  host: string;
  /** `http://127.0.0.1:PORT`. */
  url: string;
  dir: string;
  auth?: { username: string; password: string };
  /** The registry's log (stderr; stdout too unless the access log is separate). */
  logFile: string;
  /** The access log, when `log.access` is `separate`. */
  accessLogFile?: string;
  /** Restarts the same registry (same port and storage) with or without read-only mode. */
  setReadOnly(readOnly: boolean): Promise<void>;
  stop(): Promise<void>;
}

function config(dir: string, port: number, options: RegistryOptions): string {
  const lines = [
    'version: 0.1',
    'log:',
    `  level: ${options.log ? 'info' : 'warn'}`,
    ...(options.log ? [`  formatter: ${options.log.formatter}`] : []),
    '  accesslog:',
    `    disabled: ${options.log?.access === undefined}`,
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${path.join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
  ];
  if (options.readOnly) lines.push('  maintenance:', '    readonly:', '      enabled: true');
  lines.push('http:', `  addr: 127.0.0.1:${port}`);
  if (options.tls)
    lines.push('  tls:', `    certificate: ${options.tls.certificate}`, `    key: ${options.tls.key}`);
  if (options.token)
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${options.token.realm}`,
      `    service: ${options.token.service}`,
      `    issuer: ${options.token.issuer}`,
      `    rootcertbundle: ${options.token.rootCertBundle}`,
    );
  else if (options.auth)
    lines.push('auth:', '  htpasswd:', '    realm: cutover-test', `    path: ${path.join(dir, 'htpasswd')}`);
  if (options.redirectBlobsTo)
    lines.push(
      'middleware:',
      '  storage:',
      '    - name: redirect',
      '      options:',
      `        baseurl: ${options.redirectBlobsTo}`,
    );
  if (options.notify)
    lines.push(
      'notifications:',
      '  endpoints:',
      '    - name: harness',
      `      url: ${options.notify}`,
      '      timeout: 2s',
      '      threshold: 10',
      '      backoff: 200ms',
    );
  return `${lines.join('\n')}\n`;
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts a registry; call stop() (by pid) when done. */
export async function startRegistry(options: RegistryOptions = {}): Promise<TestRegistry> {
  const binary = requireTool('docker-registry');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-registry-'));
  if (options.auth && !options.token) {
    requireTool('htpasswd');
    const line = execFileSync('htpasswd', ['-Bbn', options.auth.username, options.auth.password], {
      encoding: 'utf8',
    });
    writeFileSync(path.join(dir, 'htpasswd'), line.trim() + '\n');
  }
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const url = `${options.tls ? 'https' : 'http'}://${host}`;
  let daemon: Daemon;
  const launch = async (readOnly: boolean) => {
    const file = path.join(dir, 'config.yml');
    writeFileSync(file, config(dir, port, { ...options, readOnly }));
    daemon = startDaemon(
      binary,
      ['serve', file],
      path.join(dir, 'registry.log'),
      process.env,
      options.log?.access === 'separate' ? path.join(dir, 'access.log') : undefined,
    );
    await waitFor(`docker-registry on ${host} (log: ${path.join(dir, 'registry.log')})`, async () => {
      if (options.tls) return (await tcpOpen(port)) === true;
      const response = await fetch(`${url}/v2/`);
      return response.status === 200 || response.status === 401;
    }).catch((error: Error) => {
      throw new Error(
        `${error.message}\n${readFileSync(path.join(dir, 'registry.log'), 'utf8').slice(-2000)}`,
      );
    });
  };
  await launch(options.readOnly ?? false);
  return {
    host,
    url,
    dir,
    ...(options.auth && { auth: options.auth }),
    logFile: path.join(dir, 'registry.log'),
    ...(options.log?.access === 'separate' && { accessLogFile: path.join(dir, 'access.log') }),
    async setReadOnly(readOnly) {
      await daemon.stop();
      await launch(readOnly);
    },
    async stop() {
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
