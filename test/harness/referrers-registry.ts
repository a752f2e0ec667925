import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startDaemon, waitFor } from './daemon.js';
import type { TestRegistry } from './registry.js';
import { requireTool } from './tools.js';

/**
 * Starts the harness registry that serves the OCI referrers API (test/harness/referrers-registry:
 * go-containerregistry's registry, in memory, built by scripts/install-go-tools.sh) on 127.0.0.1.
 * It has no read-only mode: setReadOnly throws.
 */
export async function startReferrersRegistry(): Promise<TestRegistry> {
  const binary = requireTool('referrers-registry');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-referrers-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const url = `http://${host}`;
  const log = path.join(dir, 'registry.log');
  const daemon = startDaemon(binary, ['-addr', host], log);
  await waitFor(
    `referrers-registry on ${host}`,
    async () => (await fetch(`${url}/v2/`)).status === 200,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${readFileSync(log, 'utf8').slice(-2000)}`);
  });
  return {
    host,
    url,
    dir,
    setReadOnly() {
      return Promise.reject(new Error('the referrers registry has no read-only mode'));
    },
    async stop() {
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
