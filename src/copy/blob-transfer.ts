import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { RegistryError } from '../oci/errors.js';
import { algorithmOf, type Descriptor } from '../oci/media.js';
import type { Walk } from './copy.js';

/**
 * The blobs of the copy engine: each one known, mounted (from the target repository itself or
 * another that holds it) or streamed from the source with its size and digest checked on the way,
 * uploaded at most once per run.
 */

/**
 * Makes sure the target repository has a blob: known, a mount from itself (present) or from
 * another target repository, or an upload (once per session). A dry run only HEADs.
 */
export async function ensureBlob(walk: Walk, blob: Descriptor): Promise<void> {
  const { request, session, result, options } = walk;
  const { target, targetRepository } = request;
  const host = target.host;
  if (session.hasBlob(host, targetRepository, blob.digest)) return;
  await session.exclusive(host, blob.digest, async () => {
    if (session.hasBlob(host, targetRepository, blob.digest)) return;
    const failed = session.failedBlob(host, blob.digest);
    if (failed !== undefined) throw failed;
    const skipped = () => {
      session.noteBlob(host, targetRepository, blob.digest);
      session.blobsSkipped++;
      result.blobsSkipped++;
    };
    const from = session.mountSource(host, targetRepository, blob.digest);
    if (!options.dryRun) {
      // A mount source only hoped to hold the blob (another shard's home for it) may answer 202
      // even where this repository has it already (a shard run again): ask this repository first.
      if (from !== undefined && !session.hasBlob(host, from, blob.digest))
        if ((await target.headBlob(targetRepository, blob.digest)) !== undefined) return skipped();
      // Otherwise one request where HEAD then POST took two: a mount answers 201 when the
      // repository holds the blob (from another repository known to hold it, or already), else
      // opens the upload session — the spec's answer for any mount a registry cannot do. Without
      // another repository known to hold it, the mount is from the repository itself (most blobs).
      const mount = await target.mountBlob(targetRepository, blob.digest, from ?? targetRepository);
      if (!mount.mounted) return upload(walk, blob, mount.location);
      if (from === undefined) return skipped();
      session.noteBlob(host, targetRepository, blob.digest);
      session.blobsMounted++;
      result.blobsMounted++;
      return;
    }
    // Dry run: planned, the first repository uploads it, every other one mounts it.
    if ((await target.headBlob(targetRepository, blob.digest)) !== undefined) return skipped();
    session.noteBlob(host, targetRepository, blob.digest);
    if (from) {
      session.blobsMounted++;
      result.blobsMounted++;
    } else {
      session.bytesUploaded += blob.size;
      result.bytesUploaded += blob.size;
      session.blobsUploaded++;
      result.blobsUploaded++;
    }
  });
}

/** Uploads a blob the target repository lacks (into the session a mount answer opened, if any). */
async function upload(walk: Walk, blob: Descriptor, location: string | undefined): Promise<void> {
  const { request, session, result } = walk;
  const host = request.target.host;
  try {
    await streamBlob(walk, blob, location);
  } catch (error) {
    // Retried where it failed already; the next image that needs it fails at once.
    session.noteFailedBlob(host, blob.digest, error);
    throw error;
  }
  session.noteBlob(host, request.targetRepository, blob.digest);
  session.bytesUploaded += blob.size;
  result.bytesUploaded += blob.size;
  session.blobsUploaded++;
  result.blobsUploaded++;
}

/**
 * Streams a blob from source to target. The target's transport retries the upload as a whole
 * (a new session and a new download from the source for each attempt); the bytes of a failed
 * attempt are taken back out of the progress count.
 */
async function streamBlob(walk: Walk, blob: Descriptor, location?: string): Promise<void> {
  const { request, session } = walk;
  const { source, target, sourceRepository, targetRepository } = request;
  let streamed = 0;
  const forget = () => {
    session.bytesStreamed -= streamed;
    streamed = 0;
  };
  try {
    await target.uploadBlob(
      targetRepository,
      blob.digest,
      blob.size,
      async () => {
        forget();
        const download = await source.getBlob(sourceRepository, blob.digest, blob.size);
        return verifiedBytes(download.stream, blob, source.host, (n) => {
          streamed += n;
          session.bytesStreamed += n;
        });
      },
      location,
    );
  } catch (error) {
    forget();
    throw error;
  }
}

/**
 * Passes a blob's bytes on, counting them, and fails the stream — so the upload it feeds is
 * never completed — when they are more or fewer than the descriptor's size or do not hash to its
 * digest.
 */
function verifiedBytes(
  stream: Readable,
  blob: Descriptor,
  host: string,
  onBytes: (n: number) => void,
): Readable {
  const hash = createHash(algorithmOf(blob.digest));
  let total = 0;
  const mismatch = (message: string) =>
    new RegistryError('digest-mismatch', `${host}: blob ${blob.digest}: ${message}`, {
      code: 'DIGEST_INVALID',
      host,
      final: true,
    });
  const verifier = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > blob.size)
        return callback(mismatch(`more than the ${blob.size} bytes its descriptor says`));
      hash.update(chunk);
      onBytes(chunk.length);
      callback(null, chunk);
    },
    flush(callback) {
      if (total !== blob.size) return callback(mismatch(`${total} bytes, its descriptor says ${blob.size}`));
      const actual = `${algorithmOf(blob.digest)}:${hash.digest('hex')}`;
      callback(actual === blob.digest ? null : mismatch(`the bytes hash to ${actual}`));
    },
  });
  stream.on('error', (error) => verifier.destroy(error));
  verifier.on('close', () => stream.destroy());
  return stream.pipe(verifier);
}
