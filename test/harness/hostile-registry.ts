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

/**
 * A server that accepts connections and never answers nor closes them: a hung registry or GitHub
 * API (a load balancer whose backend is gone, a firewall that swallows packets after the handshake).
 */
export function startSilentServer(): Promise<HostileRegistry> {
  return startHostileRegistry({ handle: () => undefined });
}

/** A host name that never resolves (RFC 2606 reserves `.invalid`): a DNS failure without a network. */
export const UNRESOLVABLE_HOST = 'nonexistent.invalid';

/** An image as a hostile stand-in serves it: its manifests and blobs by digest, and its top digest. */
export interface ServedImage {
  top: string;
  manifests: Map<string, Buffer>;
  blobs: Map<string, Buffer>;
}

/**
 * An index fan-out: the top index lists `width` distinct indexes, each of which lists the same
 * `width` indexes of the next level, and so on `depth` levels down to `width` small images (each a
 * config and one layer). Few distinct manifests (1 + width × depth, under 100 kB for 10 × 5), but
 * width^depth paths from the top to the images: a walk that does not share children makes
 * width^depth requests.
 */
export function fanOutImage(width: number, depth: number): ServedImage {
  const manifests = new Map<string, Buffer>();
  const blobs = new Map<string, Buffer>();
  const keep = (map: Map<string, Buffer>, bytes: Buffer) => {
    const digest = digestOf(bytes);
    map.set(digest, bytes);
    return { digest, size: bytes.length };
  };
  const layer = keep(blobs, Buffer.from('fan-out layer'));
  let level = Array.from({ length: width }, (_, i) =>
    keep(manifests, imageManifest(keep(blobs, Buffer.from(JSON.stringify({ fanOut: i }))), [layer])),
  ).map((child) => ({ ...child, mediaType: 'application/vnd.oci.image.manifest.v1+json' }));
  for (let d = depth - 1; d >= 1; d--) {
    const children = level;
    level = Array.from({ length: width }, (_, i) => {
      const index = JSON.parse(imageIndex(children).toString('utf8')) as Record<string, unknown>;
      // Distinct bytes for each index of a level, the same children.
      const bytes = Buffer.from(
        JSON.stringify({ ...index, annotations: { level: String(d), i: String(i) } }),
      );
      return { ...keep(manifests, bytes), mediaType: 'application/vnd.oci.image.index.v1+json' };
    });
  }
  const top = keep(manifests, imageIndex(level));
  return { top: top.digest, manifests, blobs };
}

/**
 * A handler serving `image` as `repository:1` (manifests by tag and digest, blobs, the tag list
 * and the catalog); everything else is 404.
 */
export function servingImage(repository: string, image: ServedImage): (exchange: Exchange) => void {
  return ({ request, response, path }) => {
    const missing = () => answer(response, 404, { errors: [{ code: 'NOT_FOUND' }] });
    if (path.startsWith('/v2/_catalog')) return answer(response, 200, { repositories: [repository] });
    if (path.startsWith(`/v2/${repository}/tags/list`))
      return answer(response, 200, { name: repository, tags: ['1'] });
    const manifest = new RegExp(`^/v2/${repository}/manifests/([^/?]+)$`).exec(path)?.[1];
    const blob = new RegExp(`^/v2/${repository}/blobs/([^/?]+)$`).exec(path)?.[1];
    const digest = manifest === '1' ? image.top : (manifest ?? blob);
    const bytes = digest && (manifest ? image.manifests : image.blobs).get(digest);
    if (!bytes) return missing();
    const headers = {
      'content-type': manifest ? mediaTypeOf(bytes) : 'application/octet-stream',
      'docker-content-digest': digest,
    };
    if (request.method === 'HEAD') {
      response.writeHead(200, { ...headers, 'content-length': String(bytes.length) });
      return response.end();
    }
    return answer(response, 200, bytes, headers);
  };
}

/**
 * A handler whose tag list never ends: every page is `{"tags":[]}` (or, with `fresh`, one new tag)
 * with a `Link` to the page after it (`last=N+1`), so no URL repeats. The catalog lists
 * `repository`; everything else is 404.
 */
export function endlessTagPages(repository: string, fresh = false): (exchange: Exchange) => void {
  return ({ response, path }) => {
    if (path.startsWith('/v2/_catalog')) return answer(response, 200, { repositories: [repository] });
    if (!path.startsWith(`/v2/${repository}/tags/list`))
      return answer(response, 404, { errors: [{ code: 'NOT_FOUND' }] });
    const last = Number(new URL(path, 'http://x').searchParams.get('last') ?? '0');
    return answer(
      response,
      200,
      { name: repository, tags: fresh ? [`t${last + 1}`] : [] },
      { link: `</v2/${repository}/tags/list?n=1000&last=${last + 1}>; rel="next"` },
    );
  };
}

/**
 * `handler` for the first `budget` requests, then 404 to everything: a client that would walk or
 * page forever is cut short, so a test of that stays bounded on code that has no bound of its own.
 */
export function cutShort(
  handler: (exchange: Exchange) => unknown,
  budget: number,
): (exchange: Exchange) => unknown {
  let served = 0;
  return (exchange) =>
    ++served > budget
      ? answer(exchange.response, 404, { errors: [{ code: 'NOT_FOUND' }] })
      : handler(exchange);
}
