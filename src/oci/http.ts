/**
 * One HTTP exchange on node:http/https, nothing more: streams both ways with backpressure (a
 * download piped into an upload holds a few socket buffers, whatever the blob's size), keep-alive
 * agents, an idle timeout. Retries, auth and redirects are the transport's (transport.ts).
 * Node's https honours NODE_EXTRA_CA_CERTS for its default CAs.
 */
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { RegistryError } from './errors.js';

/** No byte either way for this long ends a request (default of {@link HttpRequestInit.timeoutMs}). */
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/** A response whose body has not been read yet; read, drain or destroy it. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: http.IncomingMessage;
}

export interface HttpRequestInit {
  method: string;
  headers: Record<string, string>;
  body?: Buffer | Readable;
  agents: { http: http.Agent; https: https.Agent };
  /** Idle timeout in milliseconds: no byte sent or received for this long ends the request (default 30 s). */
  timeoutMs?: number;
  /** Aborts the request (and its streamed answer) when it fires: the run's deadline. */
  signal?: AbortSignal;
  /**
   * No answer (status and headers) this long after the request started ends it with an error
   * carrying `code`, whatever bytes were sent: a server that accepts and never answers.
   */
  answerTimeout?: { ms: number; code: string };
}

/** Keep-alive agents for one client. */
export function keepAliveAgents(): { http: http.Agent; https: https.Agent } {
  return { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
}

/** Sends a request; resolves with the answer as soon as its headers arrive. */
export function httpRequest(url: string, init: HttpRequestInit): Promise<HttpAnswer> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(target, {
      method: init.method,
      headers: init.headers,
      agent: secure ? init.agents.https : init.agents.http,
      timeout: init.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
      ...(init.signal && { signal: init.signal }),
    });
    let answer: http.IncomingMessage | undefined;
    const limit = init.answerTimeout;
    const unanswered =
      limit &&
      setTimeout(() => {
        const silent = Object.assign(new Error(`in ${Math.round(limit.ms / 1000)} s`), { code: limit.code });
        request.destroy(silent);
      }, limit.ms);
    if (unanswered) request.once('close', () => clearTimeout(unanswered));
    request.on('response', (response) => {
      if (unanswered) clearTimeout(unanswered);
      answer = response;
      const headers = new Headers();
      for (const [name, value] of Object.entries(response.headers)) {
        if (Array.isArray(value)) for (const item of value) headers.append(name, item);
        else if (value !== undefined) headers.set(name, value);
      }
      // A broken body surfaces on the stream's consumer; keep it from becoming an unhandled error.
      response.on('error', () => undefined);
      resolve({ status: response.statusCode ?? 0, headers, body: response });
    });
    // The socket's idle timer runs while the answer streams too, so a body that stalls ends here.
    request.on('timeout', () => {
      const seconds = Math.round((init.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS) / 1000);
      const stalled = Object.assign(new Error(`no data for ${seconds} s`), { code: 'IDLE_TIMEOUT' });
      // The answer's reader sees why it ended, not a bare "aborted".
      answer?.destroy(stalled);
      request.destroy(stalled);
    });
    request.on('error', (error) => {
      if (init.body instanceof Readable) init.body.destroy();
      reject(error);
    });
    if (init.body instanceof Readable) {
      init.body.on('error', (error) => request.destroy(error));
      init.body.pipe(request);
    } else request.end(init.body);
  });
}

/** Reads and discards the body, so the connection can be reused. */
export function drain(answer: HttpAnswer): Promise<void> {
  const body = answer.body;
  // `complete` only says the bytes arrived; the socket is freed once the stream has been read.
  if (body.readableEnded || body.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    body.once('end', () => resolve());
    body.once('close', () => resolve());
    body.once('error', () => resolve());
    body.resume();
  });
}

/** The whole body, refusing more than `maxBytes`. */
export async function readAll(answer: HttpAnswer, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of answer.body) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      answer.body.destroy();
      throw new RegistryError('invalid-response', `answer larger than ${maxBytes} bytes`, {
        status: answer.status,
      });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The body as text ('' when it cannot be read). */
export async function readText(answer: HttpAnswer, maxBytes = 1024 * 1024): Promise<string> {
  try {
    return (await readAll(answer, maxBytes)).toString('utf8');
  } catch {
    return '';
  }
}
