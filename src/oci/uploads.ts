import type { Readable } from 'node:stream';
import { mergeScopes, repositoryScope } from './auth/challenge.js';
import { drain } from './http.js';
import { uploadsPath } from './paths.js';
import type { RegistryAnswer, RegistryRequest, Transport } from './transport.js';

/**
 * Blob uploads: cross-repository mounts, one streamed PUT, or PATCH chunks (when asked, or when a
 * proxy refuses the single PUT as too large). An upload is retried as a whole — a new session and
 * a new stream from `open` — because a registry may have kept part of a failed body.
 */

/** Chunks after a 413: under nginx's default client_max_body_size (1 MiB), the commonest limit. */
const FALLBACK_CHUNK_SIZE = 1_000_000;

type Send = (request: RegistryRequest) => Promise<RegistryAnswer>;

/**
 * Asks the registry to mount a blob from another of its repositories. True when it answers 201;
 * any other answer means "upload it" (an upload session the registry opened is returned for that).
 */
export async function mountBlob(
  transport: Transport,
  repository: string,
  digest: string,
  from: string,
): Promise<{ mounted: true } | { mounted: false; location?: string }> {
  const { response, url } = await transport.send({
    method: 'POST',
    url: uploadsPath(repository, { digest, from }),
    scopes: mergeScopes([repositoryScope(repository, 'pull,push')], [repositoryScope(from, 'pull')]),
    what: `mount ${from}@${digest} into ${repository}`,
  });
  await drain(response);
  if (response.status === 201) return { mounted: true };
  const location = response.headers.get('location');
  if (response.status === 202 && location)
    return { mounted: false, location: transport.follow(url, location) };
  return { mounted: false };
}

/** Opens an upload session; returns its absolute location (query string kept). */
export function startUpload(transport: Transport, repository: string): Promise<string> {
  return openSession(transport, (request) => transport.send(request), repository);
}

async function openSession(transport: Transport, send: Send, repository: string): Promise<string> {
  const what = `start an upload to ${repository}`;
  const { response, url } = await send({
    method: 'POST',
    url: uploadsPath(repository),
    scopes: [repositoryScope(repository, 'pull,push')],
    what,
  });
  const location = response.headers.get('location');
  if (response.status !== 202 || !location) throw await transport.failure(response, url, what);
  await drain(response);
  return transport.follow(url, location);
}

/**
 * Uploads a blob from a stream: one streamed PUT (after POST), or PATCH chunks when `chunkSize`
 * is set or the registry refuses the single PUT as too large. `open` is called once per attempt
 * (and per redirect or auth answer). Memory stays at most one chunk, whatever the blob's size.
 * Returns the bytes sent.
 */
export function uploadBlob(
  transport: Transport,
  upload: {
    repository: string;
    digest: string;
    size: number;
    open: () => Promise<Readable>;
    /** An upload session already opened (by a mount the registry answered with 202). */
    session?: string | undefined;
    chunkSize?: number | undefined;
  },
): Promise<number> {
  const { repository, digest, size, open, chunkSize } = upload;
  const send: Send = (request) => transport.sendOnce(request);
  return transport.retrying('PUT', uploadsPath(repository), async (attempt) => {
    // A session from an earlier attempt may hold part of a body: every retry starts a new one.
    const location =
      attempt === 0 && upload.session !== undefined
        ? upload.session
        : await openSession(transport, send, repository);
    if (chunkSize !== undefined) return uploadChunked(transport, upload, location, await open(), chunkSize);
    const what = `upload blob ${repository}@${digest}`;
    const { response, url } = await send({
      method: 'PUT',
      url: withQuery(location, 'digest', digest),
      scopes: [repositoryScope(repository, 'pull,push')],
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
      body: open,
      what,
    });
    if (response.status === 413) {
      // A proxy in front of the registry limits request size: fall back to chunks.
      await drain(response);
      const chunked = await openSession(transport, send, repository);
      return uploadChunked(transport, upload, chunked, await open(), FALLBACK_CHUNK_SIZE);
    }
    if (response.status !== 201) throw await transport.failure(response, url, what);
    await drain(response);
    return size;
  });
}

async function uploadChunked(
  transport: Transport,
  upload: { repository: string; digest: string },
  firstLocation: string,
  stream: Readable,
  chunkSize: number,
): Promise<number> {
  const { repository, digest } = upload;
  let location = firstLocation;
  let offset = 0;
  try {
    for await (const chunk of chunksOf(stream, chunkSize)) {
      const what = `upload chunk of ${repository}@${digest}`;
      const { response, url } = await transport.sendOnce({
        method: 'PATCH',
        url: location,
        scopes: [repositoryScope(repository, 'pull,push')],
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(chunk.length),
          'content-range': `${offset}-${offset + chunk.length - 1}`,
        },
        body: chunk,
        what,
      });
      const next = response.headers.get('location');
      if (response.status !== 202 || !next) throw await transport.failure(response, url, what);
      await drain(response);
      location = transport.follow(url, next);
      offset += chunk.length;
    }
  } finally {
    stream.destroy();
  }
  const what = `finish upload of ${repository}@${digest}`;
  const { response, url } = await transport.sendOnce({
    method: 'PUT',
    url: withQuery(location, 'digest', digest),
    scopes: [repositoryScope(repository, 'pull,push')],
    headers: { 'content-length': '0' },
    what,
  });
  if (response.status !== 201) throw await transport.failure(response, url, what);
  await drain(response);
  return offset;
}

/** Adds a query parameter to a URL, keeping the query it has (upload locations carry state there). */
export function withQuery(location: string, name: string, value: string): string {
  const url = new URL(location);
  url.searchParams.append(name, value);
  return url.href;
}

/** Splits a stream into Buffers of exactly `size` bytes (the last may be shorter). */
async function* chunksOf(stream: Readable, size: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const data of stream) {
    let chunk = data as Buffer;
    while (chunk.length > 0) {
      const take = Math.min(size - held, chunk.length);
      parts.push(chunk.subarray(0, take));
      held += take;
      chunk = chunk.subarray(take);
      if (held === size) {
        yield Buffer.concat(parts);
        parts = [];
        held = 0;
      }
    }
  }
  if (held > 0) yield Buffer.concat(parts);
}
