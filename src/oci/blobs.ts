import type { Readable } from 'node:stream';
import { repositoryScope } from './auth/challenge.js';
import { MAX_JSON_BYTES } from './body.js';
import { RegistryError } from './errors.js';
import { matchesDigest } from './media.js';
import { blobPath } from './paths.js';
import type { Transport } from './transport.js';

/** Blobs: HEAD, streamed GET, and small blobs (image configs) read whole and verified. */

/** A streamed blob download; the stream must be consumed or destroyed. */
export interface BlobDownload {
  stream: Readable;
  size: number;
}

/** HEAD a blob; its size, or undefined when the repository does not have it. */
export async function headBlob(
  transport: Transport,
  repository: string,
  digest: string,
): Promise<number | undefined> {
  const what = `HEAD blob ${repository}@${digest}`;
  const { response, url } = await transport.send({
    method: 'HEAD',
    url: blobPath(repository, digest),
    scopes: [repositoryScope(repository, 'pull')],
    what,
  });
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw await transport.failure(response, url, what);
  const length = Number(response.headers.get('content-length'));
  return Number.isFinite(length) ? length : 0;
}

/**
 * Streams a blob. The concurrency slot is held until the stream ends or is destroyed, so
 * downloads count against the host's limit for as long as they last. With `expectedSize` (the
 * descriptor's), an answer announcing another length is refused before a byte is read.
 */
export async function getBlob(
  transport: Transport,
  repository: string,
  digest: string,
  expectedSize?: number,
): Promise<BlobDownload> {
  const what = `GET blob ${repository}@${digest}`;
  const { response, url, release } = await transport.send({
    method: 'GET',
    url: blobPath(repository, digest),
    scopes: [repositoryScope(repository, 'pull')],
    headers: { 'accept-encoding': 'identity' },
    holdSlot: true,
    what,
  });
  if (response.status !== 200) {
    release();
    throw await transport.failure(response, url, what);
  }
  const stream = response.body;
  stream.once('close', release);
  const size = Number(response.headers.get('content-length'));
  if (expectedSize !== undefined && response.headers.has('content-length') && size !== expectedSize) {
    stream.destroy();
    throw new RegistryError(
      'invalid-response',
      `${transport.host}: ${what}: Content-Length says ${response.headers.get('content-length')} bytes, the manifest says ${expectedSize}`,
      { url, host: transport.host, final: true },
    );
  }
  // A download that stalls or drops counts against this host's breaker, and whoever reads the
  // stream (an upload to another registry) can say where it came from.
  stream.once('error', (error) => {
    Object.assign(error, { registryRequest: `${transport.host}: ${what}` });
    transport.noteStreamFailure(error);
  });
  return { stream, size: Number.isFinite(size) ? size : 0 };
}

/** Reads a small blob (an image config) whole, checking its digest. */
export async function readBlob(
  transport: Transport,
  repository: string,
  digest: string,
  maxBytes = MAX_JSON_BYTES,
): Promise<Buffer> {
  const { stream } = await getBlob(transport, repository, digest);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      stream.destroy();
      throw new RegistryError(
        'invalid-response',
        `blob ${repository}@${digest} is larger than ${maxBytes} bytes`,
        {
          host: transport.host,
          final: true,
        },
      );
    }
    chunks.push(chunk as Buffer);
  }
  const bytes = Buffer.concat(chunks);
  if (!matchesDigest(bytes, digest))
    throw new RegistryError('digest-mismatch', `blob ${repository}@${digest} does not match its digest`, {
      code: 'DIGEST_INVALID',
      host: transport.host,
      final: true,
    });
  return bytes;
}
