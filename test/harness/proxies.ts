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
  /**
   * Every request answered so far, as `METHOD /path?query STATUS`, in the order of the answers (a
   * request the registry did not answer is logged with the proxy's 502).
   */
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
    peak = Math.max(peak, ++inFlight);
    const forward = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        log.push(`${req.method} ${req.url} ${answer.statusCode}`);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', () => inFlight--);
      },
    );
    forward.on('error', () => {
      inFlight--;
      log.push(`${req.method} ${req.url} 502`);
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

/** An HTTP proxy that holds every request for a while before sending it on: a distant registry. */
export interface DelayingProxy {
  /** `127.0.0.1:PORT`: point clients here instead of at the registry. */
  host: string;
  /** The registry behind it, with the proxy's host (for skopeo and the seeding helpers). */
  registry: TestRegistry;
  stop(): Promise<void>;
}

/**
 * Starts an HTTP proxy in front of `upstream` that waits `delayMs` before forwarding each request
 * (its body waits too), so every request costs at least one network round trip of that length, as
 * against a registry in another region; the bytes themselves flow at loopback speed.
 */
export async function startDelayingProxy(upstream: TestRegistry, delayMs: number): Promise<DelayingProxy> {
  const target = new URL(upstream.url);
  const server = http.createServer((req, res) => {
    setTimeout(() => {
      const forward = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.socket?.destroy());
      req.pipe(forward);
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    host,
    registry: { ...upstream, host, url: `http://${host}` },
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
