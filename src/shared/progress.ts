/**
 * A progress line for CI logs: at most one line per interval, whatever the rate of updates,
 * plus a final line. Callers update counters; the line is rendered by `format`.
 */
export class ProgressLine {
  private lastPrinted = 0;
  private lastLine: string | undefined;
  private readonly started = Date.now();

  constructor(
    private readonly print: (line: string) => void,
    private readonly format: (elapsedSeconds: number) => string,
    private readonly intervalMs = 5000,
  ) {}

  /** Prints when the interval has passed since the last line. */
  tick(): void {
    const now = Date.now();
    if (now - this.lastPrinted < this.intervalMs) return;
    this.lastPrinted = now;
    this.show(this.format((now - this.started) / 1000));
  }

  /** Prints the final line, unless the last line printed said exactly the same (a run shorter than a tick). */
  done(): void {
    this.show(this.format((Date.now() - this.started) / 1000));
  }

  private show(line: string): void {
    if (line === this.lastLine) return;
    this.lastLine = line;
    this.print(line);
  }

  /** Seconds since the line was created. */
  elapsedSeconds(): number {
    return (Date.now() - this.started) / 1000;
  }
}

/** Bytes per second as a short human rate. */
export function formatRate(bytes: number, seconds: number): string {
  const rate = seconds > 0 ? bytes / seconds : 0;
  return rate >= 1e6 ? `${(rate / 1e6).toFixed(1)} MB/s` : `${(rate / 1e3).toFixed(0)} kB/s`;
}
