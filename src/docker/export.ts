import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { OperationalError } from '../shared/errors.js';

/** What a tar stream held: small files in memory, large ones handed to a consumer as they streamed by. */
export interface TarContents<T> {
  files: Map<string, Buffer>;
  streamed: Map<string, T>;
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

type State =
  | { kind: 'header' }
  | {
      kind: 'body';
      name: string;
      remaining: number;
      padding: number;
      meta?: 'L' | 'x';
      sink?: PassThrough;
      consumer?: Promise<unknown>;
      chunks?: Buffer[];
    }
  | { kind: 'skip'; remaining: number }
  | { kind: 'end' };

/**
 * Reads a tar stream (ustar, GNU long names, PAX paths) once, front to back: regular files smaller
 * than `streamFrom` bytes are kept in memory, larger ones are handed to `consume` as a stream while
 * the archive is still arriving (with backpressure), so nothing is written to disk twice.
 */
export async function readTarStream<T>(
  source: AsyncIterable<Buffer>,
  streamFrom: number,
  consume: (name: string, size: number, body: Readable) => Promise<T>,
): Promise<TarContents<T>> {
  const files = new Map<string, Buffer>();
  const consumers = new Map<string, Promise<T>>();
  let state: State = { kind: 'header' };
  let header = Buffer.alloc(0);
  let longName: string | undefined;

  const finish = (body: Extract<State, { kind: 'body' }>): State => {
    if (body.sink) body.sink.end();
    else if (body.meta) {
      const data = Buffer.concat(body.chunks ?? []);
      longName = body.meta === 'L' ? cString(data, 0, data.length) : paxPath(data);
    } else files.set(body.name, Buffer.concat(body.chunks ?? []));
    return { kind: 'skip', remaining: body.padding };
  };

  for await (const chunk of source) {
    let offset = 0;
    while (offset < chunk.length && state.kind !== 'end') {
      if (state.kind === 'skip') {
        const take = Math.min(state.remaining, chunk.length - offset);
        offset += take;
        state =
          state.remaining - take === 0
            ? { kind: 'header' }
            : { kind: 'skip', remaining: state.remaining - take };
        continue;
      }
      if (state.kind === 'header') {
        const take = Math.min(512 - header.length, chunk.length - offset);
        header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
        offset += take;
        if (header.length < 512) continue;
        const block = header;
        header = Buffer.alloc(0);
        if (block.every((byte) => byte === 0)) {
          state = { kind: 'end' };
          continue;
        }
        const size = octal(block, 124, 12);
        const type = String.fromCharCode(block[156] || 48);
        const prefix = cString(block, 345, 155);
        const base = cString(block, 0, 100);
        const name = (longName ?? (prefix ? `${prefix}/${base}` : base)).replace(/^\.\//, '');
        const padding = (512 - (size % 512)) % 512;
        let body: Extract<State, { kind: 'body' }>;
        if (type === 'L' || type === 'x') {
          body = { kind: 'body', name, remaining: size, padding, meta: type, chunks: [] };
        } else if (type === '0' || type === '\0') {
          longName = undefined;
          if (size >= streamFrom) {
            const sink = new PassThrough();
            const consumer = consume(name, size, sink);
            // Awaited below; caught here so an early failure is not an unhandled rejection meanwhile.
            consumer.catch(() => undefined);
            consumers.set(name, consumer);
            body = { kind: 'body', name, remaining: size, padding, sink, consumer };
          } else body = { kind: 'body', name, remaining: size, padding, chunks: [] };
        } else {
          longName = undefined;
          state = { kind: 'skip', remaining: size + padding };
          if (size + padding === 0) state = { kind: 'header' };
          continue;
        }
        state = size === 0 ? finish(body) : body;
        if (state.kind === 'skip' && state.remaining === 0) state = { kind: 'header' };
        continue;
      }
      const take = Math.min(state.remaining, chunk.length - offset);
      const piece = chunk.subarray(offset, offset + take);
      offset += take;
      state.remaining -= take;
      if (state.sink) {
        if (!state.sink.write(piece)) await Promise.race([once(state.sink, 'drain'), state.consumer]);
      } else state.chunks!.push(piece);
      if (state.remaining === 0) {
        state = finish(state);
        if (state.kind === 'skip' && state.remaining === 0) state = { kind: 'header' };
      }
    }
  }
  if (state.kind === 'body')
    throw new OperationalError('invalid-response', `the archive ends inside ${state.name}`);
  const streamed = new Map<string, T>();
  for (const [name, consumer] of consumers) streamed.set(name, await consumer);
  return { files, streamed };
}

/** The image config and layer names an engine's export (`docker save`) declares in its manifest.json. */
export function describedImage(
  files: Map<string, Buffer>,
  imageId: string,
): { config: string; layers: string[] } {
  const manifest = files.get('manifest.json');
  if (!manifest)
    throw new OperationalError('invalid-response', `the engine's export of ${imageId} has no manifest.json`);
  const [described] = JSON.parse(manifest.toString('utf8')) as { Config: string; Layers: string[] }[];
  if (!described)
    throw new OperationalError('invalid-response', `the engine's export of ${imageId} describes no image`);
  return { config: described.Config, layers: described.Layers };
}
