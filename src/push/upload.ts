import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip, deflateRawSync } from 'node:zlib';
import type { PushEvent } from '../docker/engine.js';
import type { SavedImage, TarEntry } from '../docker/export.js';
import type { RegistryClient } from '../registry/client.js';

/** The media types `docker push` writes; pulls of every engine and registry understand them. */
export const DOCKER_MEDIA = {
  manifest: 'application/vnd.docker.distribution.manifest.v2+json',
  config: 'application/vnd.docker.container.image.v1+json',
  layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

/** A blob ready to upload: its bytes in memory (config) or in a file (a compressed layer). */
export interface PreparedBlob {
  digest: string;
  size: number;
  bytes?: Buffer;
  file?: string;
}

/** An image compressed once, to be uploaded byte for byte to every registry. */
export interface PreparedImage {
  manifest: { mediaType: string; bytes: Buffer; digest: string };
  config: PreparedBlob;
  layers: (PreparedBlob & { stored: boolean })[];
}

/** Share of a layer's first MiB that deflate must save for the layer to be compressed at all. */
const WORTH_COMPRESSING = 0.05;
const SAMPLE_BYTES = 1 << 20;

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A pass-through that hashes and counts what flows by. */
function digester(): Transform & { digest(): string; bytes(): number } {
  const hash = createHash('sha256');
  let count = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      count += chunk.length;
      callback(null, chunk);
    },
  });
  return Object.assign(stream, { digest: () => `sha256:${hash.digest('hex')}`, bytes: () => count });
}

/**
 * Compresses one layer tar to `out` with gzip. Layers whose first MiB deflate cannot shrink by 5 %
 * (already-compressed content: archives, media, random data) are written as stored gzip blocks:
 * still gzip, so every puller reads them, without spending seconds of CPU on nothing.
 */
async function compressLayer(
  archive: string,
  entry: TarEntry,
  out: string,
): Promise<{ digest: string; size: number; diffId?: string; stored: boolean }> {
  const handle = await open(archive, 'r');
  const sample = Buffer.alloc(Math.min(SAMPLE_BYTES, entry.size));
  try {
    await handle.read(sample, 0, sample.length, entry.offset);
  } finally {
    await handle.close();
  }
  if (sample[0] === 0x1f && sample[1] === 0x8b) {
    // Engines with the containerd image store export layers as pushed: already gzip, sent as they are.
    const blob = digester();
    await pipeline(
      createReadStream(archive, { start: entry.offset, end: entry.offset + entry.size - 1 }),
      blob,
      createWriteStream(out),
    );
    return { digest: blob.digest(), size: blob.bytes(), stored: false };
  }
  const saved = sample.length === 0 ? 0 : 1 - deflateRawSync(sample, { level: 1 }).length / sample.length;
  const stored = saved < WORTH_COMPRESSING;
  const raw = digester();
  const compressed = digester();
  await pipeline(
    entry.size === 0
      ? Readable.from([])
      : createReadStream(archive, { start: entry.offset, end: entry.offset + entry.size - 1 }),
    raw,
    createGzip({ level: stored ? constants.Z_NO_COMPRESSION : constants.Z_DEFAULT_COMPRESSION }),
    compressed,
    createWriteStream(out),
  );
  return { digest: compressed.digest(), size: compressed.bytes(), diffId: raw.digest(), stored };
}

/**
 * Turns an image saved by the engine into the blobs and manifest `docker push` would send,
 * compressing each layer once (layers in parallel). The layers' uncompressed digests are checked
 * against the config's diff_ids and the config against the image ID, so what is uploaded is the
 * image that was built.
 */
export async function prepareImage(saved: SavedImage, imageId: string, dir: string): Promise<PreparedImage> {
  const configDigest = sha256(saved.config);
  if (configDigest !== imageId) {
    throw new Error(`the engine exported a config with digest ${configDigest}, not the image ID ${imageId}`);
  }
  const diffIds = (JSON.parse(saved.config.toString('utf8')) as { rootfs?: { diff_ids?: string[] } }).rootfs
    ?.diff_ids;
  if (!diffIds || diffIds.length !== saved.layers.length) {
    throw new Error(
      `the image config lists ${diffIds?.length ?? 0} layers, the export has ${saved.layers.length}`,
    );
  }
  const layers = await Promise.all(
    saved.layers.map(async (entry, index) => {
      const file = path.join(dir, `layer-${index}.tar.gz`);
      const layer = await compressLayer(saved.file, entry, file);
      if (layer.diffId !== undefined && layer.diffId !== diffIds[index]) {
        throw new Error(
          `layer ${index + 1} of the export hashes to ${layer.diffId}, the config says ${diffIds[index]}`,
        );
      }
      return { digest: layer.digest, size: layer.size, file, stored: layer.stored };
    }),
  );
  const bytes = Buffer.from(
    JSON.stringify(
      {
        schemaVersion: 2,
        mediaType: DOCKER_MEDIA.manifest,
        config: { mediaType: DOCKER_MEDIA.config, size: saved.config.length, digest: configDigest },
        layers: layers.map((layer) => ({
          mediaType: DOCKER_MEDIA.layer,
          size: layer.size,
          digest: layer.digest,
        })),
      },
      null,
      3,
    ),
  );
  return {
    manifest: { mediaType: DOCKER_MEDIA.manifest, bytes, digest: sha256(bytes) },
    config: { digest: configDigest, size: saved.config.length, bytes: saved.config },
    layers,
  };
}

/**
 * Uploads a prepared image to one registry: blobs it lacks (layers concurrently), then the
 * manifest under every tag. Progress arrives as engine-style events so one line covers all.
 * Returns the manifest digest the registry stored.
 */
export async function uploadImage(
  image: PreparedImage,
  client: RegistryClient,
  repository: string,
  tags: string[],
  onEvent: (event: PushEvent) => void,
): Promise<string> {
  const blobs = [...image.layers, image.config];
  // Announce every blob first, so the progress line's total is the whole image from the start.
  for (const blob of blobs) {
    onEvent({
      status: 'Pushing',
      id: blob.digest.slice(7, 19),
      progressDetail: { current: 0, total: blob.size },
    });
  }
  await Promise.all(
    blobs.map(async (blob) => {
      const id = blob.digest.slice(7, 19);
      if ((await client.headBlob(repository, blob.digest)) !== undefined) {
        onEvent({ status: 'Layer already exists', id });
        return;
      }
      let sent = 0;
      await client.uploadBlob(repository, blob.digest, blob.size, async () => {
        sent = 0;
        const counter = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            sent += chunk.length;
            onEvent({ status: 'Pushing', id, progressDetail: { current: sent, total: blob.size } });
            callback(null, chunk);
          },
        });
        const source = blob.file ? createReadStream(blob.file) : Readable.from([blob.bytes!]);
        source.on('error', (error: Error) => counter.destroy(error));
        return source.pipe(counter);
      });
      onEvent({ status: 'Pushed', id });
    }),
  );
  let digest = image.manifest.digest;
  for (const tag of tags) digest = await client.putManifest(repository, tag, image.manifest);
  return digest;
}
