/**
 * Reading one evidence file: plain or gzip (told by its first bytes, never by its name), its format told
 * by its content (the first lines offered to each line format, else the parsed JSON document to each
 * document format), then read as a stream with backpressure — a month of a registry's log is
 * gigabytes, and only one chunk and one partial line are held at a time.
 *
 * A file that is not evidence is a ConfigError naming the file and its first line. A bad line is
 * counted and skipped (the first few are kept to be shown); only a file where nothing could be read
 * is an error.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { parseDocument } from 'yaml';
import { ConfigError } from '../shared/errors.js';
import type { DocumentFormat, EvidenceFormat, EvidenceRecord, LineFormat } from './evidence.js';
import { LineSplitter, MAX_LINE_BYTES } from './lines.js';

/** Lines offered to the formats' `sniff`. */
const HEAD_LINES = 20;
/** Bytes looked at for the head at most (a line format's first lines are far shorter). */
const HEAD_BYTES = 1 << 20;
/** A JSON document is parsed whole; beyond this it is refused (V8's strings stop near 512 MiB). */
const MAX_DOCUMENT_BYTES = 400 << 20;
/** Bad lines kept to be shown, per file. */
const PROBLEMS_KEPT = 5;
const CHUNK_BYTES = 1 << 20;

/** What reading one file found, before aggregation. */
export interface FileReading {
  /** The file as the user named it. */
  file: string;
  /** The format that read it (its `name`). */
  format: string;
  /** Records the format yielded (pulls and workloads, of any registry, at any time). */
  records: number;
  /** Lines or entries that could not be read. */
  skipped: number;
  /** Why, for the first few: `line 12: expected a JSON object`. */
  problems: string[];
}

/** The compression a file's first bytes announce, when cutover cannot read it. */
function unsupportedCompression(head: Buffer): string | undefined {
  if (head.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))) return 'zstd';
  if (head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return 'xz';
  if (head.subarray(0, 3).toString('latin1') === 'BZh') return 'bzip2';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'zip';
  return undefined;
}

/**
 * A plain file's chunks, read into two buffers in turn (no allocation per chunk: a month of logs is a
 * thousand of them). A chunk is valid until the next but one is read; whoever keeps one copies it.
 */
async function* plainChunks(path: string): AsyncGenerator<Buffer> {
  const handle = await open(path);
  try {
    const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
    for (let turn = 0; ; turn ^= 1) {
      const buffer = buffers[turn]!;
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** The file's bytes as chunks, decompressed when its first bytes are gzip's magic number. */
async function openBytes(path: string, file: string): Promise<AsyncIterator<Buffer>> {
  const magic = Buffer.alloc(6);
  try {
    const handle = await open(path);
    try {
      await handle.read(magic, 0, 6, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new ConfigError([{ file, message: `cannot read the evidence file (${code ?? message})` }]);
  }
  const compression = unsupportedCompression(magic);
  if (compression)
    throw new ConfigError([
      {
        file,
        message: `compressed with ${compression}: cutover reads plain or gzip-compressed evidence; decompress it first`,
      },
    ]);
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) return plainChunks(path);
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
  stream.on('error', (error) => gunzip.destroy(error));
  return (stream.pipe(gunzip) as Readable)[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
}

function preview(line: string): string {
  const trimmed = line.trim();
  return JSON.stringify(trimmed.length > 80 ? `${trimmed.slice(0, 80)}…` : trimmed);
}

/** The first non-empty lines of the head bytes, with their numbers (the last one only if complete or at EOF). */
function headLines(head: Buffer, complete: boolean): { text: string; number: number }[] {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const parts = text.split('\n');
  if (!complete) parts.pop();
  const lines: { text: string; number: number }[] = [];
  for (let i = 0; i < parts.length && lines.length < HEAD_LINES; i++) {
    const line = parts[i]!.replace(/\r$/, '');
    if (line.trim() !== '') lines.push({ text: line, number: i + 1 });
  }
  return lines;
}

/** Where a JSON text stops being JSON, for the message (the yaml parser locates what JSON.parse does not). */
function jsonProblem(text: string, error: Error): { line?: number; column?: number; message: string } {
  const located = parseDocument(text, { strict: true, uniqueKeys: false }).errors[0];
  const position = located?.linePos?.[0];
  return {
    ...(position && { line: position.line, column: position.col }),
    message: `not valid JSON: ${error.message.split('\n')[0]}`,
  };
}

/** The line parsed as JSON, when it is a JSON object or array on its own. */
function parsesAlone(line: string): { value: unknown } | undefined {
  if (!/^\s*[[{]/.test(line)) return undefined;
  try {
    return { value: JSON.parse(line) as unknown };
  } catch {
    return undefined;
  }
}

/** A JSON value in a few words: `an object with ct, body`, `an array of 3`. */
function describeJson(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object' && value !== null)
    return `an object with ${Object.keys(value).slice(0, 6).join(', ') || 'no keys'}`;
  return typeof value;
}

function readDocument(
  file: string,
  bytes: Buffer,
  formats: readonly EvidenceFormat[],
  onRecord: (record: EvidenceRecord) => void,
): FileReading {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([{ file, ...jsonProblem(text, error as Error) }]);
  }
  const format = formats.find(
    (candidate): candidate is DocumentFormat =>
      candidate.style === 'document' && candidate.sniff(document, file),
  );
  if (!format) {
    const shape = describeJson(document);
    throw new ConfigError([
      {
        file,
        line: 1,
        message: `not pull evidence cutover can read: a JSON document (${shape}) that no evidence format recognises (see docs/evidence-formats.md)`,
      },
    ]);
  }
  const { records, skipped, problems } = format.read(document, file);
  if (records.length === 0 && skipped > 0)
    throw new ConfigError([
      {
        file,
        message: `nothing could be read as ${format.name}: ${problems[0] ?? 'every entry was unreadable'}`,
      },
    ]);
  for (const record of records) onRecord(record);
  return { file, format: format.name, records: records.length, skipped, problems };
}

/**
 * Reads one evidence file, handing each record to `onRecord` as it is read (nothing is kept here).
 * @param path where to read it; `file` is how messages name it.
 * @throws ConfigError when the file cannot be opened, is compressed otherwise than with gzip, is empty,
 *   is no format's, or not one of its lines or entries could be read.
 */
export async function readEvidenceFile(
  path: string,
  file: string,
  formats: readonly EvidenceFormat[],
  onRecord: (record: EvidenceRecord) => void,
): Promise<FileReading> {
  const chunks = await openBytes(path, file);
  // The head: enough bytes for the first lines, kept to be read again by the chosen format.
  const head: Buffer[] = [];
  let headSize = 0;
  let ended = false;
  for (;;) {
    const next = await chunks.next().catch((error: Error) => {
      throw new ConfigError([{ file, message: `cannot read it: ${error.message}` }]);
    });
    if (next.done) {
      ended = true;
      break;
    }
    head.push(Buffer.from(next.value));
    headSize += next.value.length;
    const soFar = Buffer.concat(head);
    if (headSize >= HEAD_BYTES || headLines(soFar, false).length >= HEAD_LINES) break;
  }
  const headBytes = Buffer.concat(head);
  if (headBytes.subarray(0, HEAD_BYTES).includes(0))
    throw new ConfigError([{ file, message: 'not pull evidence: a binary file (it holds NUL bytes)' }]);
  const lines = headLines(headBytes.subarray(0, HEAD_BYTES), ended);
  if (lines.length === 0 && (ended || headBytes.toString('utf8').trim() === ''))
    throw new ConfigError([{ file, message: 'empty: no evidence in it' }]);
  const texts = lines.map((line) => line.text);
  const lineFormat = formats.find(
    (candidate): candidate is LineFormat => candidate.style === 'lines' && candidate.sniff(texts, file),
  );
  if (!lineFormat) {
    const first = headBytes
      .toString('utf8', 0, 64)
      .replace(/^\uFEFF/, '')
      .trimStart();
    const line = lines[0];
    // Several lines, each JSON on its own: JSON lines no format claims, not a broken document.
    const jsonLine = line && lines.length > 1 ? parsesAlone(line.text) : undefined;
    if (jsonLine)
      throw new ConfigError([
        {
          file,
          line: line!.number,
          message: `not pull evidence cutover can read: JSON lines, but ${describeJson(jsonLine.value)} is no evidence format's line (see docs/pulls.md)`,
        },
      ]);
    if (first.startsWith('{') || first.startsWith('[')) {
      const all: Buffer[] = [headBytes];
      let size = headBytes.length;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        size += next.value.length;
        if (size > MAX_DOCUMENT_BYTES)
          throw new ConfigError([
            {
              file,
              message: `a JSON document over ${MAX_DOCUMENT_BYTES >> 20} MiB: split it, or give it as JSON lines`,
            },
          ]);
        all.push(Buffer.from(next.value));
      }
      return readDocument(file, Buffer.concat(all), formats, onRecord);
    }
    throw new ConfigError([
      {
        file,
        ...(line && { line: line.number }),
        message: `not pull evidence cutover can read: ${line ? preview(line.text) : 'no complete line'} is no evidence format's line (registry logs, notifications, Kubernetes lists, hosted registries' exports: see docs/pulls.md)`,
      },
    ]);
  }
  return readLines(file, lineFormat, headBytes, chunks, onRecord);
}

async function readLines(
  file: string,
  format: LineFormat,
  headBytes: Buffer,
  chunks: AsyncIterator<Buffer>,
  onRecord: (record: EvidenceRecord) => void,
): Promise<FileReading> {
  const parse = format.open(file);
  const reading: FileReading = { file, format: format.name, records: 0, skipped: 0, problems: [] };
  let read = 0;
  let firstBad: { line: number; message: string } | undefined;
  const bad = (lineNumber: number, message: string) => {
    reading.skipped++;
    firstBad ??= { line: lineNumber, message };
    if (reading.problems.length < PROBLEMS_KEPT) reading.problems.push(`line ${lineNumber}: ${message}`);
  };
  const splitter = new LineSplitter(
    (line, lineNumber) => {
      const text = lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line;
      if (text.trim() === '') return;
      let records: EvidenceRecord[];
      try {
        records = parse(text);
      } catch (error) {
        bad(lineNumber, `${(error as Error).message} — ${preview(text)}`);
        return;
      }
      read++;
      reading.records += records.length;
      for (const record of records) onRecord(record);
    },
    format.needles,
    (lineNumber) => bad(lineNumber, `longer than ${MAX_LINE_BYTES >> 20} MiB`),
  );
  splitter.push(headBytes);
  for (;;) {
    let next: IteratorResult<Buffer>;
    try {
      next = await chunks.next();
    } catch (error) {
      // A truncated gzip file (a log being rotated): what came before still counts.
      bad(splitter.lineCount + 1, `the rest of the file cannot be read: ${(error as Error).message}`);
      break;
    }
    if (next.done) break;
    splitter.push(next.value);
  }
  splitter.end();
  if (read === 0 && firstBad)
    throw new ConfigError([
      { file, line: firstBad.line, message: `nothing could be read as ${format.name}: ${firstBad.message}` },
    ]);
  return reading;
}
