import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { TestRegistry } from './registry.js';
import { skopeo } from './skopeo.js';

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
} as const;

/** Content of one layer: a file of `size` bytes; the same seed gives the same layer, byte for byte. */
export interface LayerSpec {
  seed: string;
  size: number;
}

export interface ImageSpec {
  layers: LayerSpec[];
  /** Image config `created`, ISO time; selection by `newest` sorts on it. */
  created?: string;
  labels?: Record<string, string>;
  /** More than one platform makes an OCI index (multi-arch). */
  platforms?: { os: string; architecture: string }[];
}

interface Blob {
  digest: string;
  size: number;
  bytes: Buffer;
}

function blob(bytes: Buffer): Blob {
  return { digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, size: bytes.length, bytes };
}

/** Deterministic incompressible bytes, so sizes in the registry are real sizes. */
function pseudoRandom(seed: string, size: number): Buffer {
  const out = Buffer.alloc(size);
  let offset = 0;
  let counter = 0;
  while (offset < size) {
    const chunk = createHash('sha512').update(`${seed}:${counter++}`).digest();
    offset += chunk.copy(out, offset);
  }
  return out;
}

function tarOf(name: string, content: Buffer): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(content.length.toString(8).padStart(11, '0') + '\0', 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\0' + '00', 257);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  const padding = Buffer.alloc((512 - (content.length % 512)) % 512);
  return Buffer.concat([header, content, padding, Buffer.alloc(1024)]);
}

const layerCache = new Map<string, { gz: Blob; diffId: string }>();

function layer(spec: LayerSpec): { gz: Blob; diffId: string } {
  const key = `${spec.seed}:${spec.size}`;
  const cached = layerCache.get(key);
  if (cached) return cached;
  const tar = tarOf(
    `layer-${createHash('sha1').update(spec.seed).digest('hex').slice(0, 12)}.bin`,
    pseudoRandom(spec.seed, spec.size),
  );
  const built = {
    gz: blob(gzipSync(tar, { level: 1 })),
    diffId: `sha256:${createHash('sha256').update(tar).digest('hex')}`,
  };
  layerCache.set(key, built);
  return built;
}

/** Writes an OCI image layout holding one image (or index) tagged `tag`; returns its directory and digest. */
export function writeLayout(
  spec: ImageSpec,
  tag: string,
  dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-oci-')),
): { dir: string; digest: string } {
  const blobsDir = path.join(dir, 'blobs', 'sha256');
  mkdirSync(blobsDir, { recursive: true });
  const put = (b: Blob) => writeFileSync(path.join(blobsDir, b.digest.slice(7)), b.bytes);
  const platforms = spec.platforms ?? [{ os: 'linux', architecture: 'amd64' }];
  const manifests = platforms.map((platform, index) => {
    const layers = spec.layers.map((l) =>
      layer(platforms.length > 1 ? { ...l, seed: `${l.seed}/${platform.architecture}` } : l),
    );
    const config = blob(
      Buffer.from(
        JSON.stringify({
          created: spec.created ?? '2020-01-01T00:00:00Z',
          architecture: platform.architecture,
          os: platform.os,
          config: { Labels: spec.labels ?? {} },
          rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
          history: [{ created_by: `cutover test image #${index}` }],
        }),
      ),
    );
    put(config);
    for (const l of layers) put(l.gz);
    const manifest = blob(
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: MEDIA.ociManifest,
          config: { mediaType: MEDIA.ociConfig, digest: config.digest, size: config.size },
          layers: layers.map((l) => ({ mediaType: MEDIA.ociLayer, digest: l.gz.digest, size: l.gz.size })),
        }),
      ),
    );
    put(manifest);
    return { manifest, platform };
  });
  let top: Blob;
  let mediaType: string;
  if (manifests.length === 1) {
    top = manifests[0]!.manifest;
    mediaType = MEDIA.ociManifest;
  } else {
    top = blob(
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: MEDIA.ociIndex,
          manifests: manifests.map(({ manifest, platform }) => ({
            mediaType: MEDIA.ociManifest,
            digest: manifest.digest,
            size: manifest.size,
            platform,
          })),
        }),
      ),
    );
    put(top);
    mediaType = MEDIA.ociIndex;
  }
  writeFileSync(path.join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType,
          digest: top.digest,
          size: top.size,
          annotations: { 'org.opencontainers.image.ref.name': tag },
        },
      ],
    }),
  );
  return { dir, digest: top.digest };
}

/** Builds an image (or multi-arch index) and pushes it to `registry` as `repository:tag` with skopeo; returns its digest. */
export async function seedImage(registry: TestRegistry, reference: string, spec: ImageSpec): Promise<string> {
  const tag = reference.split(':').pop()!;
  const { dir, digest } = writeLayout(spec, tag);
  try {
    await skopeo.push(dir, registry, reference);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return digest;
}
