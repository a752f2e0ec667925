import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeLayout, type ImageSpec } from './images.js';
import type { TestRegistry } from './registry.js';

/**
 * Pushes the same deterministic image `seedImage` builds, straight over the distribution API
 * (blob upload, then manifest PUT) instead of one skopeo process per image: seeding a whole
 * organisation's tags stays fast on a busy machine. skopeo remains the witness that reads them back.
 */
export async function seedImageHttp(
  registry: TestRegistry,
  reference: string,
  spec: ImageSpec,
): Promise<string> {
  const colon = reference.lastIndexOf(':');
  const repository = reference.slice(0, colon);
  const tag = reference.slice(colon + 1);
  const { dir, digest } = writeLayout(spec, tag);
  const auth: Record<string, string> = registry.auth
    ? {
        authorization: `Basic ${Buffer.from(`${registry.auth.username}:${registry.auth.password}`).toString('base64')}`,
      }
    : {};
  const read = (d: string) => readFileSync(path.join(dir, 'blobs', 'sha256', d.slice(7)));
  const pushBlob = async (d: string) => {
    const head = await fetch(`${registry.url}/v2/${repository}/blobs/${d}`, {
      method: 'HEAD',
      headers: auth,
    });
    if (head.status === 200) return;
    const start = await fetch(`${registry.url}/v2/${repository}/blobs/uploads/`, {
      method: 'POST',
      headers: auth,
    });
    if (start.status !== 202) throw new Error(`upload start for ${repository}: HTTP ${start.status}`);
    const location = new URL(start.headers.get('location')!, registry.url);
    location.searchParams.set('digest', d);
    const put = await fetch(location, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      body: read(d),
    });
    if (put.status !== 201) throw new Error(`upload of ${d} to ${repository}: HTTP ${put.status}`);
  };
  const pushManifest = async (d: string, ref: string) => {
    const bytes = read(d);
    const document = JSON.parse(bytes.toString('utf8')) as {
      mediaType: string;
      manifests?: { digest: string }[];
      config?: { digest: string };
      layers?: { digest: string }[];
    };
    for (const child of document.manifests ?? []) await pushManifest(child.digest, child.digest);
    for (const b of [document.config, ...(document.layers ?? [])]) if (b) await pushBlob(b.digest);
    const put = await fetch(`${registry.url}/v2/${repository}/manifests/${ref}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': document.mediaType },
      body: bytes,
    });
    if (put.status !== 201)
      throw new Error(`manifest ${repository}:${ref}: HTTP ${put.status} ${await put.text()}`);
  };
  try {
    await pushManifest(digest, tag);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return digest;
}
