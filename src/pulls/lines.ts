/**
 * Cuts a byte stream into lines without holding more than one chunk (and one partial line) in memory,
 * and, given needles, hands over only the lines that contain one: the rest are never decoded. Line
 * numbers stay exact either way (newlines are counted on the bytes), so a bad line can be named.
 */

/** A line longer than this is skipped as unreadable (a log line is a few kB; this bounds memory). */
export const MAX_LINE_BYTES = 8 << 20;

const NEWLINE = 0x0a;

/** Receives one line (without its line break) and its 1-based number. */
export type LineHandler = (line: string, lineNumber: number) => void;

/** Counts the newlines in `buffer[from, to)`. */
function countNewlines(buffer: Buffer, from: number, to: number): number {
  let count = 0;
  for (let at = buffer.indexOf(NEWLINE, from); at >= 0 && at < to; at = buffer.indexOf(NEWLINE, at + 1))
    count++;
  return count;
}

function decode(buffer: Buffer, start: number, end: number): string {
  // A CRLF line: the CR goes too.
  const last = end > start && buffer[end - 1] === 0x0d ? end - 1 : end;
  return buffer.toString('utf8', start, last);
}

/** The line splitter of one file. Feed it chunks, then call `end()`. */
export class LineSplitter {
  /** Lines before the current position (complete lines handed over or skipped). */
  private lines = 0;
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private overlong = false;
  private readonly needles: Buffer[] | undefined;
  private searched: Buffer | undefined;
  private readonly found: number[];

  constructor(
    private readonly onLine: LineHandler,
    needles: readonly string[] | undefined,
    /** Told about a line longer than {@link MAX_LINE_BYTES}, which is skipped. */
    private readonly onOverlong: (lineNumber: number) => void,
  ) {
    this.needles = needles && needles.length > 0 ? needles.map((needle) => Buffer.from(needle)) : undefined;
    this.found = (this.needles ?? []).map(() => -2);
  }

  /** Lines seen so far. */
  get lineCount(): number {
    return this.lines;
  }

  /** Takes the next chunk of the file. */
  push(chunk: Buffer): void {
    let start = 0;
    if (this.carryBytes > 0 || this.overlong) {
      const first = chunk.indexOf(NEWLINE);
      if (first < 0) {
        this.keep(chunk);
        return;
      }
      this.keep(chunk.subarray(0, first + 1));
      this.flushCarry();
      start = first + 1;
    }
    const last = chunk.lastIndexOf(NEWLINE);
    if (last >= start) {
      this.region(chunk, start, last + 1);
      start = last + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
  }

  /** The file ended: its last line may have no line break. */
  end(): void {
    if (this.carryBytes > 0 || this.overlong) this.flushCarry();
  }

  private keep(part: Buffer): void {
    if (this.overlong) return;
    this.carryBytes += part.length;
    if (this.carryBytes > MAX_LINE_BYTES) {
      this.overlong = true;
      this.carry = [];
      return;
    }
    // Copied: the chunk it came from may be reused by the stream.
    this.carry.push(Buffer.from(part));
  }

  private flushCarry(): void {
    if (this.overlong) {
      this.onOverlong(this.lines + 1);
      this.lines++;
    } else {
      const line = this.carry.length === 1 ? this.carry[0]! : Buffer.concat(this.carry);
      const end = line[line.length - 1] === NEWLINE ? line.length - 1 : line.length;
      if (end === line.length) {
        // The file's last line, without a line break: make it a whole line for region().
        this.region(Buffer.concat([line, Buffer.from('\n')]), 0, end + 1);
      } else this.region(line, 0, line.length);
    }
    this.carry = [];
    this.carryBytes = 0;
    this.overlong = false;
  }

  /** Hands over the lines of `buffer[start, end)`, which ends just after a newline. */
  private region(buffer: Buffer, start: number, end: number): void {
    if (!this.needles) {
      let lineStart = start;
      for (
        let at = buffer.indexOf(NEWLINE, start);
        at >= 0 && at < end;
        at = buffer.indexOf(NEWLINE, at + 1)
      ) {
        this.lines++;
        if (at > lineStart) this.onLine(decode(buffer, lineStart, at), this.lines);
        lineStart = at + 1;
      }
      return;
    }
    let position = start;
    let counted = start;
    while (position < end) {
      const hit = this.nextHit(buffer, position, end);
      if (hit < 0) break;
      const before = buffer.lastIndexOf(NEWLINE, hit);
      const lineStart = before < position ? position : before + 1;
      const lineEnd = buffer.indexOf(NEWLINE, hit);
      this.lines += countNewlines(buffer, counted, lineStart) + 1;
      this.onLine(decode(buffer, lineStart, lineEnd), this.lines);
      position = counted = lineEnd + 1;
    }
    this.lines += countNewlines(buffer, counted, end);
  }

  /** The first position at or after `from` (and before `end`) where a needle starts, or -1. */
  private nextHit(buffer: Buffer, from: number, end: number): number {
    // Each needle's next position in this buffer is remembered: a rare needle is not searched for
    // again to the end of the buffer after every hit of a frequent one.
    if (buffer !== this.searched) {
      this.searched = buffer;
      this.found.fill(-2);
    }
    let best = -1;
    this.needles!.forEach((needle, index) => {
      let at = this.found[index]!;
      if (at === -1) return;
      if (at < from) at = this.found[index] = buffer.indexOf(needle, from);
      if (at >= 0 && at < end && (best < 0 || at < best)) best = at;
    });
    return best;
  }
}
