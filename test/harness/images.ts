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
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  inToto: 'application/vnd.in-toto+json',
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
  platforms?: { os: string; architecture: string; variant?: string }[];
  /**
   * Base layers every platform shares byte for byte (listed before `layers`, which differ per
   * platform): what a multi-platform build on a common base looks like to the registry.
   */
  shared?: LayerSpec[];
  /**
   * One attestation manifest per platform, as Buildx writes them (provenance/SBOM in-toto layers,
   * platform unknown/unknown, `vnd.docker.reference.type: attestation-manifest`); makes an index.
   */
  attestations?: boolean;
  /** `docker`: Docker v2 schema 2 manifests and manifest list; default OCI. */
  mediaTypes?: 'oci' | 'docker';
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
  const docker = spec.mediaTypes === 'docker';
  const types = docker
    ? {
        manifest: MEDIA.dockerManifest,
        config: MEDIA.dockerConfig,
        layer: MEDIA.dockerLayer,
        index: MEDIA.dockerList,
      }
    : { manifest: MEDIA.ociManifest, config: MEDIA.ociConfig, layer: MEDIA.ociLayer, index: MEDIA.ociIndex };
  const shared = (spec.shared ?? []).map(layer);
  const manifests = platforms.map((platform, index) => {
    const own = spec.layers.map((l) =>
      layer(
        platforms.length > 1
          ? { ...l, seed: `${l.seed}/${platform.architecture}${platform.variant ?? ''}` }
          : l,
      ),
    );
    const layers = [...shared, ...own];
    const config = blob(
      Buffer.from(
        JSON.stringify({
          created: spec.created ?? '2020-01-01T00:00:00Z',
          architecture: platform.architecture,
          os: platform.os,
          ...(platform.variant !== undefined && { variant: platform.variant }),
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
          mediaType: types.manifest,
          config: { mediaType: types.config, digest: config.digest, size: config.size },
          layers: layers.map((l) => ({ mediaType: types.layer, digest: l.gz.digest, size: l.gz.size })),
        }),
      ),
    );
    put(manifest);
    return {
      manifest,
      platform,
      mediaType: types.manifest,
      annotations: undefined as Record<string, string> | undefined,
    };
  });
  // Buildx's attestation manifests: OCI manifests (whatever the image's media types) whose
  // in-toto layers describe the platform manifest they name.
  const attestations = spec.attestations
    ? manifests.map(({ manifest, platform }) => {
        const statement = blob(
          Buffer.from(
            JSON.stringify({
              _type: 'https://in-toto.io/Statement/v0.1',
              predicateType: 'https://slsa.dev/provenance/v0.2',
              subject: [
                {
                  name: `pkg:docker/test@${platform.architecture}`,
                  digest: { sha256: manifest.digest.slice(7) },
                },
              ],
              predicate: { builder: { id: 'cutover test harness' } },
            }),
          ),
        );
        const config = blob(
          Buffer.from(
            JSON.stringify({
              architecture: 'unknown',
              os: 'unknown',
              config: {},
              rootfs: { type: 'layers', diff_ids: [] },
            }),
          ),
        );
        put(statement);
        put(config);
        const attestation = blob(
          Buffer.from(
            JSON.stringify({
              schemaVersion: 2,
              mediaType: MEDIA.ociManifest,
              config: { mediaType: MEDIA.ociConfig, digest: config.digest, size: config.size },
              layers: [
                {
                  mediaType: MEDIA.inToto,
                  digest: statement.digest,
                  size: statement.size,
                  annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' },
                },
              ],
            }),
          ),
        );
        put(attestation);
        return {
          manifest: attestation,
          platform: { os: 'unknown', architecture: 'unknown' },
          mediaType: MEDIA.ociManifest,
          annotations: {
            'vnd.docker.reference.digest': manifest.digest,
            'vnd.docker.reference.type': 'attestation-manifest',
          } as Record<string, string> | undefined,
        };
      })
    : [];
  let top: Blob;
  let mediaType: string;
  if (manifests.length === 1 && attestations.length === 0) {
    top = manifests[0]!.manifest;
    mediaType = types.manifest;
  } else {
    top = blob(
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: types.index,
          manifests: [...manifests, ...attestations].map(
            ({ manifest, platform, mediaType: type, annotations }) => ({
              mediaType: type,
              digest: manifest.digest,
              size: manifest.size,
              platform,
              ...(annotations && { annotations }),
            }),
          ),
        }),
      ),
    );
    put(top);
    mediaType = types.index;
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

/** The platforms Buildx builds most often, for multi-platform test images (2 and 4 of them). */
export const PLATFORMS = {
  two: [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64' },
  ],
  four: [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64' },
    { os: 'linux', architecture: 'arm', variant: 'v7' },
    { os: 'linux', architecture: 's390x' },
  ],
};
