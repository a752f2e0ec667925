import http from 'node:http';
import net from 'node:net';
import type { TestRegistry } from './registry.js';

// Small proxies in front of a real test registry, for the tests that need to see or disturb the traffic.
// The randomised fault injector (429, 500, drops mid-body, 413) is startFaultyProxy in faulty-proxy.ts.

/** A TCP proxy that refuses its first connections by closing them at once. */
export interface DroppingProxy {
  /** `127.0.0.1:PORT`: point clients here instead of at the registry. */
  host: string;
  /** How many connections were dropped so far. */
  dropped(): number;
  stop(): Promise<void>;
}

/** Starts a TCP proxy in front of `target` that drops the first `drops` connections, then forwards. */
export function startDroppingProxy(target: TestRegistry, drops: number): Promise<DroppingProxy> {
  let seen = 0;
  const [targetHost, targetPort] = target.host.split(':');
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (++seen <= drops) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(targetPort), targetHost);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        host: `127.0.0.1:${(server.address() as net.AddressInfo).port}`,
        dropped: () => Math.min(seen, drops),
        stop: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    ),
  );
}

/** An HTTP proxy that counts requests and the most in flight at once. */
export interface CountingProxy {
  /** `127.0.0.1:PORT`: point clients here instead of at the registry. */
  host: string;
  requests(): number;
  /** The most requests that were in flight at the same time. */
  peak(): number;
  /** Every request since the start (or the last reset), as `METHOD /path?query`, in arrival order. */
  log(): string[];
  /** Starts counting afresh. */
  reset(): void;
  stop(): Promise<void>;
}

/** Starts an HTTP proxy in front of `upstream` that counts the requests in flight at once. */
export async function startCountingProxy(upstream: TestRegistry): Promise<CountingProxy> {
  let inFlight = 0;
  let peak = 0;
  let requests = 0;
  let log: string[] = [];
  const target = new URL(upstream.url);
  const server = http.createServer((req, res) => {
    requests++;
    log.push(`${req.method} ${req.url}`);
    peak = Math.max(peak, ++inFlight);
    const forward = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', () => inFlight--);
      },
    );
    forward.on('error', () => {
      inFlight--;
      res.writeHead(502).end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    requests: () => requests,
    peak: () => peak,
    log: () => [...log],
    reset: () => {
      requests = 0;
      peak = 0;
      log = [];
    },
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
