import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for a HOSTILE or broken registry, on loopback only: a test helper that misbehaves on
 * purpose (lies about sizes, names itself, lists traversal tags, stalls, rate-limits forever,
 * downgrades to plain HTTP, echoes credentials). Each test gives it the one misbehaviour it checks;
 * normal registry behaviour is always the real docker-registry's (registry.ts), never this.
 */

/** One request the stand-in received, as it arrived. */
export interface SeenRequest {
  /** `https` or `http`: which listener got it. */
  scheme: 'https' | 'http';
  method: string;
  path: string;
  authorization?: string;
}

/** What a handler gets: the request, the response, and the stand-in's own addresses. */
export interface Exchange {
  request: http.IncomingMessage;
  response: http.ServerResponse;
  scheme: 'https' | 'http';
  path: string;
  /** `127.0.0.1:PORT` of the main listener, and of the plain-HTTP twin when there is one. */
  host: string;
  plainHost: string | undefined;
}

export interface HostileRegistryOptions {
  /** Serve HTTPS with this certificate, plus a plain-HTTP twin on another port (downgrade cases). */
  tls?: { certificate: string; key: string };
  /** The misbehaviour: answers every request (both listeners). */
  handle(exchange: Exchange): unknown;
}

export interface HostileRegistry {
  /** `127.0.0.1:PORT`: what the manifest names. */
  host: string;
  url: string;
  /** The plain-HTTP twin's `127.0.0.1:PORT` (with `tls` only). */
  plainHost: string | undefined;
  requests: SeenRequest[];
  stop(): Promise<void>;
}

function listen(server: http.Server | https.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/** Starts the stand-in on 127.0.0.1; stop() closes every connection, stalled ones included. */
export async function startHostileRegistry(options: HostileRegistryOptions): Promise<HostileRegistry> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  let host = '';
  let plainHost: string | undefined;
  const listener =
    (scheme: 'https' | 'http') => (request: http.IncomingMessage, response: http.ServerResponse) => {
      const path = request.url ?? '/';
      requests.push({
        scheme,
        method: request.method ?? 'GET',
        path,
        ...(request.headers.authorization !== undefined && { authorization: request.headers.authorization }),
      });
      // Request bodies (uploads) are read and dropped, so clients are never stuck sending them.
      request.resume();
      Promise.resolve(options.handle({ request, response, scheme, path, host, plainHost })).catch(() => {
        response.destroy();
      });
    };
  const servers: (http.Server | https.Server)[] = [];
  const main = options.tls
    ? https.createServer(
        { cert: readFileSync(options.tls.certificate), key: readFileSync(options.tls.key) },
        listener('https'),
      )
    : http.createServer(listener('http'));
  servers.push(main);
  host = `127.0.0.1:${await listen(main)}`;
  if (options.tls) {
    const twin = http.createServer(listener('http'));
    servers.push(twin);
    plainHost = `127.0.0.1:${await listen(twin)}`;
  }
  for (const server of servers) {
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }
  return {
    host,
    url: `${options.tls ? 'https' : 'http'}://${host}`,
    plainHost,
    requests,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

/** Answers with JSON (or bytes) and the headers a registry would send. */
export function answer(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(bytes.length),
    'docker-distribution-api-version': 'registry/2.0',
    ...headers,
  });
  response.end(bytes);
}

/** `sha256:<hex>` or `sha512:<hex>` of some bytes. */
export function digestOf(bytes: Buffer, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** The bytes of an OCI image manifest naming a config and layers (descriptors given). */
export function imageManifest(
  config: { digest: string; size: number },
  layers: { digest: string; size: number }[],
): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: layers.map((layer) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer })),
    }),
  );
}

/** The bytes of an OCI index naming child manifests. */
export function imageIndex(children: { digest: string; size: number; mediaType?: string }[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: children.map((child) => ({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        platform: { os: 'linux', architecture: 'amd64' },
        ...child,
      })),
    }),
  );
}

/** The OCI media type header of a manifest document's bytes. */
export function mediaTypeOf(bytes: Buffer): string {
  return (JSON.parse(bytes.toString('utf8')) as { mediaType: string }).mediaType;
}

/**
 * Passes a request on to a real registry (`upstream`, `http://127.0.0.1:PORT`) and returns its
 * answer as it is, or, with `rewrite`, after the misbehaviour changed it. The request body is not
 * forwarded: the stand-in only fronts reads (GET and HEAD).
 */
export async function forward(
  exchange: Exchange,
  upstream: string,
  options: {
    path?: string;
    rewrite?: (body: Buffer, headers: Headers) => { body: Buffer; headers?: Record<string, string> };
  } = {},
): Promise<void> {
  const { request, response } = exchange;
  const headers: Record<string, string> = {};
  for (const name of ['accept', 'authorization']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const upstreamAnswer = await fetch(`${upstream}${options.path ?? exchange.path}`, {
    method: request.method ?? 'GET',
    headers,
    redirect: 'manual',
  });
  const body = Buffer.from(await upstreamAnswer.arrayBuffer());
  const out: Record<string, string> = {};
  upstreamAnswer.headers.forEach((value, name) => {
    if (
      !['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'content-encoding'].includes(name)
    )
      out[name] = value;
  });
  if (options.rewrite && request.method !== 'HEAD') {
    const changed = options.rewrite(body, upstreamAnswer.headers);
    response.writeHead(upstreamAnswer.status, {
      ...out,
      'content-length': String(changed.body.length),
      ...changed.headers,
    });
    response.end(changed.body);
    return;
  }
  response.writeHead(upstreamAnswer.status, {
    ...out,
    'content-length': upstreamAnswer.headers.get('content-length') ?? String(body.length),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** What {@link oneTagRegistry} serves for a manifest reference (the tag or a digest). */
export interface ServedManifest {
  bytes: Buffer;
  /** The `Docker-Content-Digest` header; the true digest of `bytes` unless a case lies about it. */
  digest?: string;
}

/**
 * A handler for a stand-in holding one repository with the one tag `1`: it lists them, serves the
 * manifest `manifest(reference)` returns (GET with the bytes, HEAD with their length) under
 * `mediaType`, and answers 404 to everything else. The hostile part is in what `manifest` returns.
 */
export function oneTagRegistry(
  repository: string,
  mediaType: string,
  manifest: (reference: string) => ServedManifest | undefined,
): (exchange: Exchange) => void {
  return ({ request, response, path }) => {
    if (path.startsWith('/v2/_catalog')) return answer(response, 200, { repositories: [repository] });
    if (path.startsWith(`/v2/${repository}/tags/list`))
      return answer(response, 200, { name: repository, tags: ['1'] });
    const prefix = `/v2/${repository}/manifests/`;
    const served = path.startsWith(prefix) ? manifest(path.slice(prefix.length)) : undefined;
    if (!served) return answer(response, 404, { errors: [{ code: 'NOT_FOUND' }] });
    const headers = {
      'content-type': mediaType,
      'docker-content-digest': served.digest ?? digestOf(served.bytes),
    };
    if (request.method === 'HEAD') {
      response.writeHead(200, { ...headers, 'content-length': String(served.bytes.length) });
      return response.end();
    }
    return answer(response, 200, served.bytes, headers);
  };
}
