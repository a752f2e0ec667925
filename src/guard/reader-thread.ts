/**
 * The body of a guard reader thread, as a typed, linted function. The thread runs it from its
 * source text (`String(readerThread)`, see readers.ts), which works the same from lib/ (ESM) and
 * from the CommonJS bundle, where a separate worker file would not be found. So the function must
 * reference nothing outside itself — no imports, no module-level constants: what it needs of Node
 * (the port, fs, the UTF-8 check) comes as parameters, and everything else is declared inside it. Only `import type` is used
 * at the top of this file, which leaves nothing behind in the compiled code.
 */
import type * as FileSystem from 'node:fs';

/** Why a file was not searched. */
export type SkipReason = 'binary' | 'too large' | 'symlink loop' | 'unreadable' | 'not a file';

/**
 * A file of a batch: its name, or the bytes of its name when that is not plain UTF-8 (which the
 * thread opens and reports as given).
 */
export type BatchFile = string | Uint8Array;

/**
 * What a reader thread says about one file it did not simply pass over; a hit may carry the file's
 * bytes (see {@link ReaderSetup.contents}), so the main thread need not read it again, and where
 * each needle occurs in them (any case, not overlapping, in the order of the setup's needles), so
 * it need not search them again.
 */
export type Verdict = [
  file: BatchFile,
  outcome: 'hit' | SkipReason,
  detail?: string,
  bytes?: Uint8Array,
  matches?: number[][],
  /** Whether the hit's bytes are valid UTF-8 (when the thread was given a checker). */
  utf8?: boolean,
  /** How many bytes the thread read (sent with matches but without the bytes). */
  size?: number,
];

/** A reader thread's answer to one batch of files. */
export interface BatchResult {
  verdicts: Verdict[];
  scanned: number;
  bytes: number;
}

/** The first message a thread gets: what to search for, and where (the thread boots before the manifest is read). */
export interface ReaderSetup {
  /** Directory the batch's paths are relative to ('.' for the working directory). */
  root: string;
  /** Byte strings (latin1) to look for. */
  needles: string[];
  /** Files larger than this are skipped as 'too large'. */
  maxSize: number;
  /** A regular expression (source, case-insensitive): text files whose path matches are hits whatever they hold. */
  always?: string;
  /**
   * Up to this many bytes per batch, hits come back with their bytes (copied out of the chunk and
   * transferred, not cloned): the main thread, which parses them, does not open and read them again.
   * With a budget, every hit (with its bytes or not) comes back with where the needles are in it,
   * and whether it is valid UTF-8: work taken off the main thread, which parses.
   */
  contents?: number;
}

/** The part of a MessagePort the thread uses (a test can pass its own). */
export interface ReaderPort {
  on(event: 'message', listener: (message: ReaderSetup | BatchFile[]) => void): unknown;
  postMessage(message: BatchResult, transfer?: ArrayBuffer[]): void;
}

/**
 * Files are read back to back into one reused buffer, each followed by a NUL byte, and the buffer
 * is searched once per needle when it is full: a needle never contains NUL, so no match spans two
 * files, and the NUL after each file also bounds the binary check (a NUL anywhere in the file). Per
 * file that leaves open, read and close (fstat only when the read fills the room left) and one
 * memchr; nothing is decoded or parsed here. Binaries and files over the size limit are skipped;
 * the files that contain one of the needles, in any letter case, are reported.
 *
 * Hosts compare case-insensitively, so the search folds ASCII case: one Horspool pass per needle
 * over the buffer (a byte table of shifts for both cases). It costs about what two `Buffer.indexOf`
 * passes for the lower- and upper-case spellings cost (less when measured alone), and it also finds
 * mixed case.
 */
export function readerThread(
  port: ReaderPort,
  fs: typeof FileSystem,
  isUtf8?: (bytes: Uint8Array) => boolean,
): void {
  const CHUNK = 2 * 1024 * 1024;
  /** Below this much room left in the chunk, the files held are searched before the next is read. */
  const ROOM = 64 * 1024;
  /**
   * A needle folded to lower case, with its Horspool shift for every byte (both cases of a letter
   * alike; 0 for its last byte, which is then checked, and skipped by `last`).
   */
  interface Folded {
    bytes: Uint8Array;
    shift: Uint8Array;
    last: number;
  }
  const FOLD = new Uint8Array(256);
  for (let byte = 0; byte < 256; byte++) FOLD[byte] = byte >= 65 && byte <= 90 ? byte + 32 : byte;
  const fold = (needle: string): Folded => {
    const bytes = Uint8Array.from(needle.toLowerCase(), (char) => char.charCodeAt(0) & 0xff);
    const length = bytes.length;
    const shift = new Uint8Array(256).fill(Math.min(length, 255));
    const set = (byte: number, distance: number) => {
      shift[byte] = distance;
      if (byte >= 97 && byte <= 122) shift[byte - 32] = distance;
    };
    for (let index = 0; index < length - 1; index++) set(bytes[index]!, Math.min(length - 1 - index, 255));
    const last = shift[bytes[length - 1]!]!;
    set(bytes[length - 1]!, 0);
    return { bytes, shift, last };
  };
  /** The first match of a folded needle in `view` at or after `from`, ignoring ASCII case; -1 if none. */
  const find = (view: Uint8Array, { bytes, shift, last }: Folded, from: number): number => {
    const length = bytes.length;
    const end = view.length;
    let at = from + length - 1;
    while (at < end) {
      const distance = shift[view[at]!]!;
      if (distance !== 0) {
        at += distance;
        continue;
      }
      let matched = 1;
      while (matched < length && FOLD[view[at - matched]!] === bytes[length - 1 - matched]) matched++;
      if (matched === length) return at - length + 1;
      at += last;
    }
    return -1;
  };
  let wanted: Folded[] = [];
  /** Every needle as given (wanted drops those another one finds), for the matches of a hit's bytes. */
  let every: Folded[] = [];
  let prefix = '';
  let maxSize = 0;
  let always: RegExp | undefined;
  let contents = 0;
  let chunk = Buffer.allocUnsafe(CHUNK);

  const special = (info: FileSystem.Stats): string =>
    info.isFIFO()
      ? 'a FIFO (named pipe): not read'
      : info.isSocket()
        ? 'a socket: not read'
        : info.isCharacterDevice() || info.isBlockDevice()
          ? 'a device: not read'
          : 'a directory (a submodule or a link to one)';
  const failure = (error: unknown): [SkipReason, string] => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ESPIPE' || code === 'EAGAIN') return ['not a file', 'a FIFO (named pipe): not read'];
    // A socket (or a link to one) cannot be opened at all.
    if (code === 'ENXIO') return ['not a file', 'a socket: not read'];
    if (code === 'ELOOP') return ['symlink loop', 'too many levels of symbolic links'];
    if (code === 'EISDIR') return ['not a file', 'a directory (a submodule or a link to one)'];
    if (code === 'ENOENT') return ['unreadable', 'listed but missing (deleted?)'];
    if (code === 'EACCES') return ['unreadable', 'permission denied'];
    return ['unreadable', String((error as Error | undefined)?.message)];
  };
  const readFully = (fd: number, buffer: Buffer, length: number, size: number): number => {
    let got;
    while (length < size && (got = fs.readSync(fd, buffer, length, size - length, length)) > 0) length += got;
    return length;
  };

  port.on('message', (message) => {
    if (!Array.isArray(message)) {
      // A needle that contains another (index.docker.io, docker.io) is found by that one.
      every = message.needles.map(fold);
      wanted = message.needles
        .filter(
          (needle, index, all) =>
            !all.some(
              (other, at) =>
                at !== index &&
                needle.toLowerCase().includes(other.toLowerCase()) &&
                (needle.length > other.length || at < index),
            ),
        )
        .map(fold);
      prefix = message.root === '.' ? '' : `${message.root}/`;
      maxSize = message.maxSize;
      always = message.always === undefined ? undefined : new RegExp(message.always, 'i');
      contents = message.contents ?? 0;
      return;
    }
    const files = message;
    // [index in files, file, outcome, detail]: sorted back into the order of the batch at the end.
    const verdicts: [number, ...Verdict][] = [];
    let scanned = 0;
    let bytes = 0;
    // The hits' bytes, copied out of the chunk while the budget lasts, then transferred with the answer.
    let budget = contents;
    const transfer: ArrayBuffer[] = [];
    const hit = (index: number, file: BatchFile, start: number, end: number) => {
      if (contents === 0) {
        verdicts.push([index, file, 'hit']);
        return;
      }
      const view = chunk.subarray(start, end);
      const matches = every.map((needle) => {
        const found: number[] = [];
        for (let at = find(view, needle, 0); at >= 0; at = find(view, needle, at + needle.bytes.length))
          found.push(at);
        return found;
      });
      const utf8 = isUtf8?.(view);
      if (end - start > budget) {
        // Read again by the main thread: the positions are checked against what it reads.
        verdicts.push([index, file, 'hit', undefined, undefined, matches, utf8, end - start]);
        return;
      }
      budget -= end - start;
      const copy = new Uint8Array(end - start);
      copy.set(view);
      transfer.push(copy.buffer);
      verdicts.push([index, file, 'hit', undefined, copy, matches, utf8]);
    };
    // The files held in the chunk: where each starts, and its index in files.
    let used = 0;
    const starts: number[] = [];
    const held: number[] = [];
    const search = () => {
      if (held.length === 0) return;
      const view = chunk.subarray(0, used);
      const found = new Uint8Array(held.length);
      for (const needle of wanted) {
        let at = find(view, needle, 0);
        while (at >= 0) {
          let low = 0;
          let high = starts.length - 1;
          while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (starts[middle]! <= at) low = middle;
            else high = middle - 1;
          }
          if (!found[low]) {
            found[low] = 1;
            // Each file is followed by its NUL: the next file starts one byte after it ends.
            const end = low + 1 < starts.length ? starts[low + 1]! - 1 : used - 1;
            hit(held[low]!, files[held[low]!]!, starts[low]!, end);
          }
          at = low + 1 < starts.length ? find(view, needle, starts[low + 1]!) : -1;
        }
      }
      used = 0;
      starts.length = 0;
      held.length = 0;
    };
    for (let index = 0; index < files.length; index++) {
      const file = files[index]!;
      let fd: number | undefined;
      try {
        // Non-blocking: a FIFO (or a link to one) must not hang the thread; regular files ignore it.
        const where = typeof file === 'string' ? prefix + file : Buffer.concat([Buffer.from(prefix), file]);
        fd = fs.openSync(where, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
        if (chunk.length - used < ROOM) search();
        const want = Math.min(chunk.length - used - 1, maxSize + 1);
        let at = used;
        let length = fs.readSync(fd, chunk, at, want, 0);
        // A full read may be a large file or a device; an empty one an empty file or a FIFO.
        if (length === want || length === 0) {
          const info = fs.fstatSync(fd);
          if (!info.isFile()) {
            verdicts.push([index, file, 'not a file', special(info)]);
            continue;
          }
          if (info.size > maxSize) {
            verdicts.push([index, file, 'too large', `${info.size} bytes`]);
            continue;
          }
          if (info.size > length) {
            // It does not fit behind the files held: search those, then read it alone.
            search();
            const before = chunk;
            if (info.size + 1 > chunk.length) chunk = Buffer.allocUnsafe(info.size + 1);
            before.copy(chunk, 0, at, at + length);
            at = 0;
            length = readFully(fd, chunk, length, info.size);
          }
        }
        chunk[at + length] = 0;
        const nul = chunk.indexOf(0, at);
        if (nul < at + length) {
          verdicts.push([index, file, 'binary']);
          continue;
        }
        scanned++;
        bytes += length;
        if (always?.test(typeof file === 'string' ? file : Buffer.from(file).toString('latin1'))) {
          // Read by name: no need to search it (nor to keep it in the chunk). Without its bytes: there
          // may be thousands of these (every YAML file), and the main thread, which parses them all,
          // would fall behind with the batches' bytes piling up in memory.
          verdicts.push([index, file, 'hit']);
          continue;
        }
        starts.push(at);
        held.push(index);
        used = at + length + 1;
      } catch (error) {
        verdicts.push([index, file, ...failure(error)]);
      } finally {
        if (fd !== undefined) fs.closeSync(fd);
      }
    }
    search();
    // A huge file's buffer is not kept for the next batch.
    if (chunk.length > CHUNK) chunk = Buffer.allocUnsafe(CHUNK);
    verdicts.sort((a, b) => a[0] - b[0]);
    port.postMessage(
      {
        verdicts: verdicts.map(([, ...verdict]) => verdict),
        scanned,
        bytes,
      },
      transfer,
    );
  });
}
