/**
 * Reading a repository's default branch through the GitHub API: its head commit (one small
 * request) and its tarball (one request), unpacked into a directory for guard's scanner.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { formatBytes } from '../shared/markdown.js';
import type { GitHub } from './octokit.js';

/** The commit the default branch points at: one request, answered with the bare SHA. */
export async function headCommit(octokit: GitHub, repo: string): Promise<string> {
  const [owner, name] = splitRepo(repo);
  const response = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', {
    owner,
    repo: name,
    ref: 'HEAD',
    mediaType: { format: 'sha' },
  });
  const sha = String(response.data as unknown).trim();
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha))
    throw new Error(
      `GitHub answered the head commit of ${repo} with ${JSON.stringify(sha.slice(0, 80))}, not a SHA`,
    );
  return sha;
}

/** The gzipped tarball of `repo` at `commit` (GitHub redirects to its archive host; fetch follows). */
export async function downloadTarball(octokit: GitHub, repo: string, commit: string): Promise<Buffer> {
  const [owner, name] = splitRepo(repo);
  const response = await octokit.rest.repos.downloadTarballArchive({ owner, repo: name, ref: commit });
  const data = response.data as unknown;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (Buffer.isBuffer(data)) return data;
  throw new Error(`GitHub answered the tarball of ${repo} with ${typeof data}, not an archive`);
}

/** What unpacking a tarball wrote. */
export interface Unpacked {
  files: number;
  /** Files larger than the limit, left out (the scanner would skip them too). */
  tooLarge: number;
  /** Links and other entries that are not plain files, left out. */
  other: number;
  /** Every plain file the archive holds (written or left out for its size), relative to `dir`. */
  paths?: string[];
}

/**
 * How much a tarball may unpack to before the repository is "too large to census": a small gzip
 * can hold gigabytes, so each cap is checked while the archive streams, before the bytes are held.
 */
export interface UnpackLimits {
  /** Bytes of tar (the archive unpacked), all entries together. */
  totalBytes: number;
  /** Plain files. */
  files: number;
  /** Bytes of one file (read from its header, before its content is unpacked). */
  fileBytes: number;
}

/** The caps used unless the admin raises them (`status --census-limits`). */
export const DEFAULT_UNPACK_LIMITS: UnpackLimits = {
  totalBytes: 2_000_000_000,
  files: 200_000,
  fileBytes: 500_000_000,
};

/** A tarball over one of the {@link UnpackLimits}; the message gives the figure and the cap. */
export class TooLargeError extends Error {
  constructor(
    readonly limit: keyof UnpackLimits,
    message: string,
  ) {
    super(message);
    this.name = 'TooLargeError';
  }
}

/** Metadata entries (pax headers, GNU long names) are small; a larger one is not a real archive. */
const META_LIMIT = 1 << 20;

/**
 * Unpacks a gzipped tar archive as GitHub makes them (`git archive`: ustar with pax headers, one
 * top directory `owner-repo-sha/`, which is dropped) into `dir`, streaming: memory holds one file
 * of at most `maxFileSize` at a time, whatever the archive unpacks to. Only plain files are
 * written; every path is checked to stay inside `dir` (no absolute paths, no `..`), links are never
 * made. Files larger than `maxFileSize` are counted and left out.
 * @throws TooLargeError past one of `limits` (nothing more is unpacked)
 * @throws Error when the archive is not a valid tar.gz
 */
export async function unpackTarball(
  gzipped: Buffer,
  dir: string,
  maxFileSize: number,
  limits: UnpackLimits = DEFAULT_UNPACK_LIMITS,
): Promise<Unpacked> {
  const result: Unpacked = { files: 0, tooLarge: 0, other: 0, paths: [] };
  const gunzip = createGunzip();
  gunzip.end(gzipped);
  let header = Buffer.alloc(0);
  let padding = 0;
  let total = 0;
  let offset = 0;
  let ended = false;
  let longName: string | undefined;
  let paxSize: number | undefined;
  /** The entry whose content is streaming; `keep` collects it (a file to write or a metadata entry). */
  let entry: { type: string; name: string; remaining: number; keep?: Buffer[]; target?: string } | undefined;

  const finish = (done: NonNullable<typeof entry>) => {
    const body = done.keep ? Buffer.concat(done.keep) : Buffer.alloc(0);
    if (done.type === 'x') {
      const records = paxRecords(body);
      longName = records['path'] ?? longName;
      if (records['size'] !== undefined) paxSize = Number(records['size']);
    } else if (done.type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if (done.target) {
      mkdirSync(path.dirname(done.target), { recursive: true });
      writeFileSync(done.target, body);
      result.files++;
    }
  };

  const start = (block: Buffer) => {
    checkChecksum(block, offset);
    const size = paxSize ?? parseOctal(block.subarray(124, 136), 'size');
    paxSize = undefined;
    if (!Number.isSafeInteger(size) || size < 0)
      throw new Error(`not a tar archive (size ${size} at byte ${offset})`);
    const type = String.fromCharCode(block[156]!);
    const current: NonNullable<typeof entry> = { type, name: '', remaining: size };
    padding = (512 - (size % 512)) % 512;
    if (type === 'x' || type === 'L') {
      if (size > META_LIMIT)
        throw new Error(`not a tar archive (a ${size}-byte header entry at byte ${offset})`);
      current.keep = [];
    } else if (type === '0' || type === '\0') {
      const name = longName ?? headerName(block);
      const relative = name.split('/').slice(1).join('/');
      if (relative) {
        const target = path.resolve(dir, relative);
        if (path.isAbsolute(relative) || !target.startsWith(path.resolve(dir) + path.sep))
          throw new Error(`the archive names a path outside its directory: ${JSON.stringify(name)}`);
        if (result.paths!.length >= limits.files)
          throw new TooLargeError('files', `more than ${limits.files.toLocaleString('en-US')} files`);
        if (size > limits.fileBytes)
          throw new TooLargeError(
            'fileBytes',
            `${relative} is ${formatBytes(size)}, over the ${formatBytes(limits.fileBytes)} cap for one file`,
          );
        result.paths!.push(relative);
        if (size > maxFileSize) result.tooLarge++;
        else {
          current.keep = [];
          current.target = target;
        }
      }
    } else if (type !== '5' && type !== 'g') result.other++;
    if (type !== 'x' && type !== 'L' && type !== 'g') longName = undefined;
    offset += 512 + size + padding;
    if (size === 0) finish(current);
    else entry = current;
  };

  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limits.totalBytes)
        throw new TooLargeError('totalBytes', `more than ${formatBytes(limits.totalBytes)} unpacked`);
      let at = 0;
      while (at < chunk.length && !ended) {
        if (entry) {
          const take = Math.min(entry.remaining, chunk.length - at);
          entry.keep?.push(chunk.subarray(at, at + take));
          entry.remaining -= take;
          at += take;
          if (entry.remaining === 0) {
            const done = entry;
            entry = undefined;
            finish(done);
          }
        } else if (padding > 0) {
          const take = Math.min(padding, chunk.length - at);
          padding -= take;
          at += take;
        } else {
          const take = Math.min(512 - header.length, chunk.length - at);
          header = Buffer.concat([header, chunk.subarray(at, at + take)]);
          at += take;
          if (header.length < 512) continue;
          const block = header;
          header = Buffer.alloc(0);
          if (block.every((byte) => byte === 0)) ended = true;
          else start(block);
        }
      }
      if (ended) break;
    }
  } finally {
    gunzip.destroy();
  }
  if (entry || (!ended && header.length > 0))
    throw new Error(`the archive ends inside an entry at byte ${offset}`);
  return result;
}

function splitRepo(repo: string): [string, string] {
  const [owner, name] = repo.split('/');
  return [owner!, name!];
}

function parseOctal(field: Buffer, what: string): number {
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (!/^[0-7]*$/.test(text)) throw new Error(`not a tar archive (${what} field ${JSON.stringify(text)})`);
  return text ? parseInt(text, 8) : 0;
}

function checkChecksum(header: Buffer, offset: number): void {
  const expected = parseOctal(header.subarray(148, 156), 'checksum');
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  if (sum !== expected) throw new Error(`not a tar archive (bad header checksum at byte ${offset})`);
}

function headerName(header: Buffer): string {
  const field = (start: number, length: number) =>
    header
      .subarray(start, start + length)
      .toString('utf8')
      .replace(/\0.*$/s, '');
  const prefix = header.subarray(257, 262).toString('latin1') === 'ustar' ? field(345, 155) : '';
  const name = field(0, 100);
  return prefix ? `${prefix}/${name}` : name;
}

/** pax extended header records: `length key=value\n`. */
function paxRecords(body: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    if (space < 0) break;
    const length = Number(body.subarray(at, space).toString('latin1'));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = body.subarray(space + 1, at + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records[record.slice(0, equals)] = record.slice(equals + 1);
    at += length;
  }
  return records;
}
