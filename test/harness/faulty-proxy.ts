import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestRegistry } from './registry.js';

/** How often each fault is injected (0–1 each) and how many in total. */
export interface FaultPlan {
  /** Seed of the pseudo-random sequence, so a failing run can be replayed. */
  seed: number;
  /** Close the connection without answering. */
  drop?: number;
  /** Answer part of a response body, then close the connection (downloads break mid-stream). */
  dropMidBody?: number;
  /** Answer 429 with Retry-After (alternating delta-seconds and HTTP-date). */
  tooManyRequests?: number;
  /** Answer 500. */
  serverError?: number;
  /** Stop injecting after this many faults (default 40). */
  maxFaults?: number;
  /** The same method+path is faulted at most this many times in a row (default 2). */
  maxConsecutive?: number;
  /** Retry-After in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Answer 413 to requests declaring a larger body, as nginx's client_max_body_size does. */
  maxRequestBytes?: number;
  /** Make uploads of one blob run side by side (see {@link UploadMeeting}). */
  meet?: UploadMeeting;
}

/**
 * Uploads of one blob are made to meet: the closing PUT (`?digest=`) of each is held, its body
 * unread, until `count` of them have arrived (or `timeoutMs` has passed); then all are sent on to
 * the registry at once, so their bodies stream side by side and their commits race.
 */
export interface UploadMeeting {
  digest: string;
  count: number;
  /** Give up waiting for the others after this long (default 60 s): the held PUTs go on. */
  timeoutMs?: number;
  /**
   * The last PUT to arrive is answered 500 once (its body read, nothing sent on), as a registry
   * answers an upload that lost the commit race to another upload of the same blob.
   */
  refuseLast?: boolean;
}

/** What an {@link UploadMeeting} saw. */
export interface MeetingRecord {
  /** Closing PUTs of the blob that were held, then released together. */
  met: number;
  /** Commits answered 500 by `refuseLast`. */
  refused: number;
  /** When the held PUTs were released (ms since epoch). */
  releasedAt?: number;
}

export interface FaultCounts {
  requests: number;
  /** Request body bytes that went through to the registry (what clients uploaded). */
  bytesIn: number;
  /** Requests refused with 413 for their size. */
  tooLarge: number;
  drop: number;
  dropMidBody: number;
  tooManyRequests: number;
  serverError: number;
}

/** One blob upload session seen through the proxy (POST … PUT ?digest=). */
export interface UploadRecord {
  /** The upload session id (the last segment of its location). */
  id: string;
  /** The repository uploaded to. */
  repository: string;
  /** When the proxy received the POST that opened it (ms since epoch). */
  startedAt: number;
  /** Request body bytes sent in this session. */
  bytes: number;
  /** Set when the closing PUT was answered 201. */
  digest?: string;
  completedAt?: number;
}

/** A loopback HTTP proxy in front of a test registry that fails requests at random, within bounds. */
export interface FaultyProxy {
  /** Every blob upload session that went through, in the order they were opened. */
  uploads: UploadRecord[];
  /** `127.0.0.1:PORT`: point clients here instead of at the registry. */
  host: string;
  url: string;
  /** The registry behind it, with the proxy's host: skopeo and seedImage can use it directly. */
  registry: TestRegistry;
  counts: FaultCounts;
  /** What the plan's `meet` saw (zeros without one). */
  meeting: MeetingRecord;
  stop(): Promise<void>;
}

/** mulberry32: a tiny deterministic PRNG. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Starts a proxy on 127.0.0.1 forwarding to `upstream` (the Host header is kept, so the
 * registry's absolute upload locations point back at the proxy) and injecting faults per `plan`.
 */
export async function startFaultyProxy(upstream: TestRegistry, plan: FaultPlan): Promise<FaultyProxy> {
  const next = random(plan.seed);
  const counts: FaultCounts = {
    requests: 0,
    bytesIn: 0,
    tooLarge: 0,
    drop: 0,
    dropMidBody: 0,
    tooManyRequests: 0,
    serverError: 0,
  };
  const maxFaults = plan.maxFaults ?? 40;
  const maxConsecutive = plan.maxConsecutive ?? 2;
  const consecutive = new Map<string, number>();
  const upstreamUrl = new URL(upstream.url);
  const uploads: UploadRecord[] = [];
  const uploadById = new Map<string, UploadRecord>();
  const sessionOf = (url: string | undefined) => /\/blobs\/uploads\/([^/?]+)/.exec(url ?? '')?.[1];
  let retryAfterForm = 0;
  /** Counts a request's body as it is read (attach right before reading: a listener starts the flow). */
  const countBody = (request: http.IncomingMessage) => {
    const uploading = uploadById.get(sessionOf(request.url) ?? '');
    request.on('data', (chunk: Buffer) => {
      counts.bytesIn += chunk.length;
      if (uploading) uploading.bytes += chunk.length;
    });
  };
  const meeting: MeetingRecord = { met: 0, refused: 0 };
  const held: (() => void)[] = [];
  const release = () => {
    if (meeting.releasedAt !== undefined) return;
    meeting.releasedAt = Date.now();
    for (const go of held.splice(0)) go();
  };
  let meetingTimer: NodeJS.Timeout | undefined;
  /** Runs `go` now, or holds it until the meeting's PUTs have all arrived, or runs `refuse` (`refuseLast`). */
  const meetOrGo = (request: http.IncomingMessage, go: () => void, refuse: () => void) => {
    const meet = plan.meet;
    const digest = new URL(request.url ?? '', 'http://proxy').searchParams.get('digest');
    if (!meet || request.method !== 'PUT' || digest !== meet.digest || meeting.releasedAt !== undefined)
      return go();
    meeting.met++;
    if (meeting.met === meet.count && meet.refuseLast) {
      meeting.refused++;
      refuse();
      return release();
    }
    held.push(go);
    meetingTimer ??= setTimeout(release, meet.timeoutMs ?? 60_000);
    if (meeting.met === meet.count) release();
  };

  const pick = (key: string): keyof Omit<FaultCounts, 'requests' | 'bytesIn' | 'tooLarge'> | undefined => {
    const faults = counts.drop + counts.dropMidBody + counts.tooManyRequests + counts.serverError;
    const roll = next();
    if (faults >= maxFaults || (consecutive.get(key) ?? 0) >= maxConsecutive) return undefined;
    let edge = 0;
    for (const kind of ['drop', 'dropMidBody', 'tooManyRequests', 'serverError'] as const) {
      edge += plan[kind] ?? 0;
      if (roll < edge) return kind;
    }
    return undefined;
  };

  const server = http.createServer((request, response) => {
    counts.requests++;
    const arrivedAt = Date.now();
    const key = `${request.method} ${request.url?.split('?')[0]}`;
    if (
      plan.maxRequestBytes !== undefined &&
      Number(request.headers['content-length']) > plan.maxRequestBytes
    ) {
      counts.tooLarge++;
      request.resume();
      request.on('end', () => response.writeHead(413, { 'content-type': 'text/html' }).end('<h1>413</h1>'));
      return;
    }
    const fault = pick(key);
    if (fault) consecutive.set(key, (consecutive.get(key) ?? 0) + 1);
    else consecutive.delete(key);
    if (fault === 'drop') {
      counts.drop++;
      request.socket.destroy();
      return;
    }
    if (fault === 'tooManyRequests' || fault === 'serverError') {
      request.resume();
      request.on('end', () => {
        if (fault === 'tooManyRequests') {
          counts.tooManyRequests++;
          const seconds = plan.retryAfterSeconds ?? 1;
          const retryAfter =
            retryAfterForm++ % 2 === 0
              ? String(seconds)
              : new Date(Date.now() + seconds * 1000 + 999).toUTCString();
          response.writeHead(429, { 'retry-after': retryAfter, 'content-type': 'application/json' });
          response.end('{"errors":[{"code":"TOOMANYREQUESTS","message":"injected by the faulty proxy"}]}');
        } else {
          counts.serverError++;
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end('{"errors":[{"code":"UNKNOWN","message":"injected by the faulty proxy"}]}');
        }
      });
      return;
    }
    meetOrGo(
      request,
      () => forwardUpstream(request, response, fault, arrivedAt),
      () => {
        countBody(request);
        request.resume();
        request.on('end', () => {
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end(
            '{"errors":[{"code":"UNKNOWN","message":"another upload of this blob is being committed (injected by the faulty proxy)"}]}',
          );
        });
      },
    );
  });

  /** Sends a request on to the registry and its answer back, recording uploads. */
  const forwardUpstream = (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    fault: string | undefined,
    arrivedAt: number,
  ) => {
    const forward = http.request(
      {
        host: upstreamUrl.hostname,
        port: upstreamUrl.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        if (request.method === 'POST' && answer.statusCode === 202) {
          const id = sessionOf(answer.headers.location);
          if (id) {
            const repository = /^\/v2\/(.+)\/blobs\/uploads\//.exec(request.url ?? '')?.[1] ?? '';
            const record: UploadRecord = { id, repository, startedAt: arrivedAt, bytes: 0 };
            uploads.push(record);
            uploadById.set(id, record);
          }
        }
        const record = uploadById.get(sessionOf(request.url) ?? '');
        if (record && request.method === 'PUT' && answer.statusCode === 201) {
          record.digest = new URL(request.url ?? '', 'http://proxy').searchParams.get('digest') ?? undefined;
          record.completedAt = Date.now();
        }
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        const length = Number(answer.headers['content-length']);
        if (fault === 'dropMidBody' && request.method === 'GET' && length > 4096) {
          counts.dropMidBody++;
          let sent = 0;
          answer.on('data', (chunk: Buffer) => {
            sent += chunk.length;
            if (sent > length / 2) {
              answer.destroy();
              response.socket?.destroy();
            } else response.write(chunk);
          });
          return;
        }
        answer.pipe(response);
      },
    );
    forward.on('error', () => response.socket?.destroy());
    countBody(request);
    request.pipe(forward);
  };
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const host = `127.0.0.1:${port}`;
  return {
    host,
    url: `http://${host}`,
    registry: { ...upstream, host, url: `http://${host}` },
    counts,
    meeting,
    uploads,
    async stop() {
      clearTimeout(meetingTimer);
      release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
