/**
 * Reading a repository's default branch through the GitHub API: its head commit (one small
 * request) and its tarball (one request), unpacked into a directory for guard's scanner.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
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
}

/**
 * Unpacks a gzipped tar archive as GitHub makes them (`git archive`: ustar with pax headers, one
 * top directory `owner-repo-sha/`, which is dropped) into `dir`. Only plain files are written;
 * every path is checked to stay inside `dir` (no absolute paths, no `..`), links are never made.
 * @throws Error when the archive is not a valid tar.gz
 */
export function unpackTarball(gzipped: Buffer, dir: string, maxFileSize: number): Unpacked {
  const tar = gunzipSync(gzipped);
  const result: Unpacked = { files: 0, tooLarge: 0, other: 0 };
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    checkChecksum(header, offset);
    const size = parseOctal(header.subarray(124, 136));
    const type = String.fromCharCode(header[156]!);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (body.length < size) throw new Error(`the archive ends inside an entry at byte ${offset}`);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      longName = paxRecords(body)['path'] ?? longName;
      continue;
    }
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    if (type === 'g') continue;
    const name = longName ?? headerName(header);
    longName = undefined;
    if (type !== '0' && type !== '\0') {
      if (type !== '5') result.other++;
      continue;
    }
    const relative = name.split('/').slice(1).join('/');
    if (!relative) continue;
    const target = path.resolve(dir, relative);
    if (path.isAbsolute(relative) || !target.startsWith(path.resolve(dir) + path.sep))
      throw new Error(`the archive names a path outside its directory: ${JSON.stringify(name)}`);
    if (size > maxFileSize) {
      result.tooLarge++;
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, body);
    result.files++;
  }
  return result;
}

function splitRepo(repo: string): [string, string] {
  const [owner, name] = repo.split('/');
  return [owner!, name!];
}

function parseOctal(field: Buffer): number {
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (!/^[0-7]*$/.test(text)) throw new Error(`not a tar archive (size field ${JSON.stringify(text)})`);
  return text ? parseInt(text, 8) : 0;
}

function checkChecksum(header: Buffer, offset: number): void {
  const expected = parseOctal(header.subarray(148, 156));
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
