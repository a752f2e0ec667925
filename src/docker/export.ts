import { createWriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DockerEngine } from './engine.js';

/** One file inside a tar archive: where its bytes are. */
export interface TarEntry {
  name: string;
  offset: number;
  size: number;
}

/** An image saved by the engine (`docker save`): its config and its layers, uncompressed, in a tar file. */
export interface SavedImage {
  file: string;
  config: Buffer;
  /** Layer tars, base first, as entries of `file`. */
  layers: TarEntry[];
}

function octal(block: Buffer, start: number, length: number): number {
  const text = block
    .toString('latin1', start, start + length)
    .replace(/\0.*$/s, '')
    .trim();
  return text ? parseInt(text, 8) : 0;
}

function cString(block: Buffer, start: number, length: number): string {
  return block.toString('utf8', start, start + length).replace(/\0.*$/s, '');
}

/** PAX extended headers (`path=…`) override the next entry's name. */
function paxPath(data: Buffer): string | undefined {
  for (const record of data.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(record);
    if (match) return match[1];
  }
  return undefined;
}

/** Lists the regular files of a tar file (ustar, GNU long names and PAX paths), without reading their bodies. */
export async function indexTar(file: string): Promise<TarEntry[]> {
  const handle = await open(file, 'r');
  const entries: TarEntry[] = [];
  try {
    const header = Buffer.alloc(512);
    let offset = 0;
    let longName: string | undefined;
    for (;;) {
      const { bytesRead } = await handle.read(header, 0, 512, offset);
      if (bytesRead < 512 || header.every((byte) => byte === 0)) break;
      const size = octal(header, 124, 12);
      const type = String.fromCharCode(header[156] || 48);
      const prefix = cString(header, 345, 155);
      const base = cString(header, 0, 100);
      const name = longName ?? (prefix ? `${prefix}/${base}` : base);
      const body = offset + 512;
      if (type === 'L' || type === 'x') {
        const data = await readAt(handle, body, size);
        longName = type === 'L' ? cString(data, 0, data.length) : paxPath(data);
      } else {
        if (type === '0' || type === '\0') entries.push({ name, offset: body, size });
        longName = undefined;
      }
      offset = body + Math.ceil(size / 512) * 512;
    }
  } finally {
    await handle.close();
  }
  return entries;
}

async function readAt(handle: FileHandle, position: number, size: number): Promise<Buffer> {
  const buffer = Buffer.alloc(size);
  await handle.read(buffer, 0, size, position);
  return buffer;
}

/** Reads one entry of a tar file whole (small files only: configs, manifest.json). */
export async function readEntry(file: string, entry: TarEntry): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    return await readAt(handle, entry.offset, entry.size);
  } finally {
    await handle.close();
  }
}

/**
 * Saves an image from the engine into `dir` and finds its config and layers through the archive's
 * manifest.json (the same in the legacy and the OCI-layout `docker save` formats).
 */
export async function saveImage(engine: DockerEngine, imageId: string, dir: string): Promise<SavedImage> {
  const file = path.join(dir, 'image.tar');
  await pipeline(await engine.exportImage(imageId), createWriteStream(file));
  const entries = await indexTar(file);
  const byName = new Map(entries.map((entry) => [entry.name.replace(/^\.\//, ''), entry]));
  const manifestEntry = byName.get('manifest.json');
  if (!manifestEntry) throw new Error(`the engine's export of ${imageId} has no manifest.json`);
  const [described] = JSON.parse((await readEntry(file, manifestEntry)).toString('utf8')) as {
    Config: string;
    Layers: string[];
  }[];
  if (!described) throw new Error(`the engine's export of ${imageId} describes no image`);
  const find = (name: string): TarEntry => {
    const entry = byName.get(name);
    if (!entry) throw new Error(`the engine's export of ${imageId} lacks ${name}`);
    return entry;
  };
  return { file, config: await readEntry(file, find(described.Config)), layers: described.Layers.map(find) };
}
