import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from './daemon.js';
import type { TestRegistry } from './registry.js';

/** The media type the distribution registry POSTs its envelopes with. */
const ENVELOPE_MEDIA_TYPE = 'application/vnd.docker.distribution.events.v1+json';

/**
 * A notification endpoint for the distribution registry (`notifications.endpoints[].url`) on
 * 127.0.0.1: each envelope it receives is appended to `file` as one line of compact JSON, as the
 * receiver docs/pulls.md describes does. Envelopes of another media type are refused (and counted).
 */
export interface NotificationReceiver {
  url: string;
  file: string;
  /** Requests refused (wrong method, media type or body). */
  refused(): number;
  /** Waits until an event sent for a request with this user agent has arrived. */
  waitForAgent(agent: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a receiver; stop() closes it and removes its file. */
export async function startNotificationReceiver(): Promise<NotificationReceiver> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-notifications-'));
  const file = path.join(dir, 'events.jsonl');
  writeFileSync(file, '');
  let refused = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let envelope: unknown;
      try {
        envelope = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        envelope = undefined;
      }
      const ok =
        request.method === 'POST' &&
        request.headers['content-type'] === ENVELOPE_MEDIA_TYPE &&
        typeof envelope === 'object' &&
        envelope !== null &&
        Array.isArray((envelope as { events?: unknown }).events);
      if (!ok) {
        refused++;
        response.statusCode = 400;
        response.end();
        return;
      }
      appendFileSync(file, `${JSON.stringify(envelope)}\n`);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/events`,
    file,
    refused: () => refused,
    waitForAgent(agent, timeoutMs = 30_000) {
      return waitFor(
        `a notification for a request by ${agent}`,
        async () => readFileSync(file, 'utf8').includes(JSON.stringify(agent)),
        timeoutMs,
      );
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let marks = 0;

/**
 * Waits until the registry has written everything so far to its logs (and sent it to `receiver`): sends
 * one marked pull, a HEAD of `reference`'s manifest with the user agent it returns
 * (`harness-mark/N`), and waits until each log names that agent. The registry writes a request's log
 * lines, and sends its events in order, after answering it, so the mark comes after every earlier
 * request. The mark is a pull too: tests count it as such.
 */
export async function markLogs(
  registry: TestRegistry,
  reference: string,
  receiver?: NotificationReceiver,
): Promise<string> {
  const agent = `harness-mark/${++marks}`;
  const [repository, tag] = reference.split(':') as [string, string];
  const response = await fetch(`${registry.url}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      'user-agent': agent,
      accept: [
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.docker.distribution.manifest.list.v2+json',
        'application/vnd.docker.distribution.manifest.v2+json',
      ].join(', '),
    },
  });
  if (response.status !== 200) throw new Error(`the mark HEAD ${reference} answered ${response.status}`);
  for (const file of [registry.logFile, registry.accessLogFile].filter((name) => name !== undefined))
    await waitFor(`${agent} in ${file}`, async () => readFileSync(file, 'utf8').includes(agent), 10_000);
  if (receiver) await receiver.waitForAgent(agent);
  return agent;
}
