import { isUtf8 } from 'node:buffer';
import { close, fstat, open, read } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { findReferences } from './detect.js';
import type { Finding, Hosts } from './finding.js';
import { listFiles } from './files.js';
import { ignoredInline, LineIndex } from './positions.js';

const openFile = promisify(open);
const readFile = (fd: number, buffer: Buffer, offset: number, length: number, position: number) =>
  new Promise<number>((resolve, reject) =>
    read(fd, buffer, offset, length, position, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead))),
  );
const closeFile = promisify(close);
const statFile = promisify(fstat);

/** Why a file was not searched. */
export type SkipReason = 'binary' | 'too large' | 'symlink loop' | 'unreadable' | 'not a file';

export interface ScanOptions {
  /** The directory scanned; findings are relative to it. */
  root: string;
  hosts: Hosts;
  /** Files larger than this many bytes are skipped and counted. */
  maxFileSize: number;
  /** Relative paths never scanned (the manifest itself names the old host). */
  exclude?: ReadonlySet<string>;
  /** Reads in flight at once. */
  concurrency?: number;
  /** Called after each file, for progress lines. */
  onFile?: (stats: ScanStats) => void;
}

export interface ScanStats {
  /** Files listed. */
  files: number;
  /** Files read and searched. */
  scanned: number;
  bytes: number;
  /** Files containing one of the old registry's names, which were then parsed. */
  parsed: number;
  /** Parsed files that are not valid UTF-8 (searched byte by byte all the same). */
  invalidUtf8: number;
  skipped: Record<SkipReason, number>;
}

/** A finding located in its file, before the policy gives it a severity. */
export type LocatedFinding = Omit<Finding, 'severity'>;

export interface ScanResult {
  findings: LocatedFinding[];
  stats: ScanStats;
  /** Skipped and invalid-UTF-8 files, the first few of each reason, for the report. */
  notes: { file: string; reason: SkipReason | 'invalid UTF-8'; detail?: string }[];
}

const BINARY_PROBE = 8192;
const SLOT_SIZE = 256 * 1024;
const NOTES_PER_REASON = 20;

/**
 * Scans a working tree for references to the old registry. Files are streamed from git (or a walk),
 * read by a bounded pool into reused buffers, and searched for the registry's names with
 * Buffer.indexOf; only files that contain one are decoded and parsed.
 */
export async function scanTree(options: ScanOptions): Promise<ScanResult> {
  const stats: ScanStats = {
    files: 0,
    scanned: 0,
    bytes: 0,
    parsed: 0,
    invalidUtf8: 0,
    skipped: { binary: 0, 'too large': 0, 'symlink loop': 0, unreadable: 0, 'not a file': 0 },
  };
  const notes: ScanResult['notes'] = [];
  const noted = new Map<string, number>();
  const note = (file: string, reason: SkipReason | 'invalid UTF-8', detail?: string) => {
    const count = noted.get(reason) ?? 0;
    noted.set(reason, count + 1);
    if (count < NOTES_PER_REASON) notes.push({ file, reason, ...(detail !== undefined && { detail }) });
  };
  const skip = (file: string, reason: SkipReason, detail?: string) => {
    stats.skipped[reason]++;
    note(file, reason, detail);
  };
  const needles = options.hosts.oldNames.map((name) => Buffer.from(name, 'latin1'));
  const findings: LocatedFinding[] = [];
  const files = listFiles(options.root)[Symbol.asyncIterator]();
  let listing: Promise<unknown> = Promise.resolve();
  // One at a time from the generator; the reads themselves overlap.
  const nextFile = () => {
    const next = listing.then(() => files.next());
    listing = next;
    return next;
  };

  const worker = async () => {
    const slot = Buffer.allocUnsafe(SLOT_SIZE);
    for (;;) {
      const item = await nextFile();
      if (item.done) return;
      const listed = item.value;
      if ('skipped' in listed) {
        stats.files++;
        skip(listed.skipped, listed.reason);
        continue;
      }
      const file = listed.file;
      if (options.exclude?.has(file)) continue;
      stats.files++;
      const data = await readBounded(path.join(options.root, file), slot, options.maxFileSize);
      if ('reason' in data) {
        skip(file, data.reason, data.detail);
      } else {
        const bytes = data.bytes;
        const probe = bytes.subarray(0, BINARY_PROBE);
        if (probe.indexOf(0) >= 0) {
          skip(file, 'binary');
        } else {
          stats.scanned++;
          stats.bytes += bytes.length;
          if (needles.some((needle) => bytes.indexOf(needle) >= 0)) {
            stats.parsed++;
            if (!isUtf8(bytes)) {
              stats.invalidUtf8++;
              note(file, 'invalid UTF-8', 'searched byte by byte; columns may be off');
            }
            findings.push(...locate(file, bytes.toString('latin1'), options.hosts));
          }
        }
      }
      options.onFile?.(stats);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.offset - b.offset));
  return { findings, stats, notes };
}

function locate(file: string, source: string, hosts: Hosts): LocatedFinding[] {
  const found = findReferences(file, source, hosts);
  if (found.length === 0) return [];
  const lines = new LineIndex(source);
  return found.map((finding) => {
    const { line, column } = lines.position(finding.offset);
    return {
      ...finding,
      line,
      column,
      ...(ignoredInline(lines, line) && { ignored: 'inline' as const }),
    };
  });
}

type ReadResult = { bytes: Buffer } | { reason: SkipReason; detail?: string };

/** Reads a whole file (into `slot` when it fits), or says why not; never throws. */
async function readBounded(file: string, slot: Buffer, maxSize: number): Promise<ReadResult> {
  let fd: number;
  try {
    fd = await openFile(file, 'r');
  } catch (error) {
    return failure(error);
  }
  try {
    const first = await readFile(fd, slot, 0, slot.length, 0);
    if (first < slot.length) {
      if (first > maxSize) return { reason: 'too large', detail: `${first} bytes` };
      return { bytes: slot.subarray(0, first) };
    }
    const info = await statFile(fd);
    if (!info.isFile()) return { reason: 'not a file' };
    if (info.size > maxSize) return { reason: 'too large', detail: `${info.size} bytes` };
    const bytes = Buffer.allocUnsafe(info.size);
    slot.copy(bytes, 0, 0, first);
    let filled = first;
    while (filled < bytes.length) {
      const got = await readFile(fd, bytes, filled, bytes.length - filled, filled);
      if (got === 0) break;
      filled += got;
    }
    return { bytes: bytes.subarray(0, filled) };
  } catch (error) {
    return failure(error);
  } finally {
    await closeFile(fd).catch(() => undefined);
  }
}

function failure(error: unknown): { reason: SkipReason; detail: string } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return { reason: 'symlink loop', detail: 'too many levels of symbolic links' };
  if (code === 'EISDIR') return { reason: 'not a file', detail: 'a directory (a submodule or a link to one)' };
  return {
    reason: 'unreadable',
    detail: code === 'ENOENT' ? 'listed by git but missing (deleted?)' : code === 'EACCES' ? 'permission denied' : String((error as Error).message),
  };
}
