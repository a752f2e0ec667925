import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip, deflateRawSync } from 'node:zlib';
import type { DockerEngine, PushEvent } from '../docker/engine.js';
import { describedImage, readTarStream } from '../docker/export.js';
import type { RegistryClient } from '../oci/client.js';
import { OperationalError } from '../shared/errors.js';

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
 * still gzip, so every puller reads them, without spending seconds of CPU on nothing. A layer that
 * already is gzip (the containerd image store exports layers as pushed) is kept as it is.
 */
async function compressLayer(
  body: AsyncIterable<Buffer>,
  out: string,
): Promise<{ digest: string; size: number; diffId?: string; stored: boolean; file: string }> {
  const iterator = body[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const source = Readable.from(
    (async function* () {
      yield* head;
      if (ended) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
  );
  const sample = Buffer.concat(head).subarray(0, SAMPLE_BYTES);
  if (sample[0] === 0x1f && sample[1] === 0x8b) {
    const blob = digester();
    await pipeline(source, blob, createWriteStream(out));
    return { digest: blob.digest(), size: blob.bytes(), stored: false, file: out };
  }
  const saved = sample.length === 0 ? 0 : 1 - deflateRawSync(sample, { level: 1 }).length / sample.length;
  const stored = saved < WORTH_COMPRESSING;
  const raw = digester();
  const compressed = digester();
  await pipeline(
    source,
    raw,
    createGzip({ level: stored ? constants.Z_NO_COMPRESSION : constants.Z_DEFAULT_COMPRESSION }),
    compressed,
    createWriteStream(out),
  );
  return { digest: compressed.digest(), size: compressed.bytes(), diffId: raw.digest(), stored, file: out };
}

/**
 * Exports an image from the engine (`docker save`) and turns it into the blobs and manifest
 * `docker push` would send, compressing each layer once while the export streams in (nothing is
 * written to disk but the compressed layers). The layers' uncompressed digests are checked against
 * the config's diff_ids and the config against the image ID, so what is uploaded is the image that
 * was built.
 */
export async function prepareImage(
  engine: DockerEngine,
  imageId: string,
  dir: string,
): Promise<PreparedImage> {
  let count = 0;
  const layerFile = () => path.join(dir, `layer-${count++}.tar.gz`);
  const contents = await readTarStream(
    (await engine.exportImage(imageId)) as AsyncIterable<Buffer>,
    SAMPLE_BYTES,
    (_name, _size, body) => compressLayer(body, layerFile()),
  );
  const described = describedImage(contents.files, imageId);
  const config = contents.files.get(described.config);
  if (!config)
    throw new OperationalError(
      'invalid-response',
      `the engine's export of ${imageId} lacks its config ${described.config}`,
    );
  const configDigest = sha256(config);
  if (configDigest !== imageId) {
    throw new OperationalError(
      'invalid-response',
      `the engine exported a config with digest ${configDigest}, not the image ID ${imageId}`,
    );
  }
  const diffIds = (JSON.parse(config.toString('utf8')) as { rootfs?: { diff_ids?: string[] } }).rootfs
    ?.diff_ids;
  if (!diffIds || diffIds.length !== described.layers.length) {
    throw new OperationalError(
      'invalid-response',
      `the image config lists ${diffIds?.length ?? 0} layers, the export has ${described.layers.length}`,
    );
  }
  const layers = await Promise.all(
    described.layers.map(async (name, index) => {
      const small = contents.files.get(name);
      const layer =
        contents.streamed.get(name) ?? (small && (await compressLayer(Readable.from([small]), layerFile())));
      if (!layer)
        throw new OperationalError(
          'invalid-response',
          `the engine's export of ${imageId} lacks layer ${name}`,
        );
      if (layer.diffId !== undefined && layer.diffId !== diffIds[index]) {
        throw new OperationalError(
          'invalid-response',
          `layer ${index + 1} of the export hashes to ${layer.diffId}, the config says ${diffIds[index]}`,
        );
      }
      return { digest: layer.digest, size: layer.size, file: layer.file, stored: layer.stored };
    }),
  );
  const bytes = Buffer.from(
    JSON.stringify(
      {
        schemaVersion: 2,
        mediaType: DOCKER_MEDIA.manifest,
        config: { mediaType: DOCKER_MEDIA.config, size: config.length, digest: configDigest },
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
    config: { digest: configDigest, size: config.length, bytes: config },
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
