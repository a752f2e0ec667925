import { formatBytes } from '../shared/markdown.js';
import { formatRate, ProgressLine } from '../shared/progress.js';
import type { PushEvent } from './engine.js';

interface LayerState {
  current: number;
  total: number;
  done: boolean;
}

/**
 * Folds the engine's per-layer push events, from every registry at once, into one steady line:
 * `pushing app:1 to 2 registries: 45% (54.0 MB of 120.0 MB, 31.2 MB/s, 1.7 s)`. The engine sends
 * several events per layer per second; the log gets at most one line per interval.
 */
export class PushProgress {
  private readonly layers = new Map<string, LayerState>();
  private readonly line: ProgressLine;

  constructor(
    private readonly what: string,
    print: (line: string) => void,
    intervalMs?: number,
  ) {
    this.line = new ProgressLine(print, (seconds) => this.render(seconds), intervalMs);
  }

  /** Takes one event of the push to `target` (a registry host) and prints if the interval has passed. */
  update(target: string, event: PushEvent): void {
    if (!event.id || event.aux) return;
    const key = `${target}\u0000${event.id}`;
    const layer = this.layers.get(key) ?? { current: 0, total: 0, done: false };
    this.layers.set(key, layer);
    const detail = event.progressDetail ?? {};
    if (event.status === 'Pushing') {
      if (detail.total) layer.total = Math.max(layer.total, detail.total);
      // The engine counts tar headers too, so current may pass total; never show more than 100%.
      if (detail.current !== undefined) layer.current = Math.max(layer.current, detail.current);
    } else if (
      event.status === 'Pushed' ||
      event.status === 'Layer already exists' ||
      event.status?.startsWith('Mounted from')
    ) {
      layer.done = true;
    } else {
      // Preparing, Waiting: nothing moved yet, so nothing worth a line.
      return;
    }
    this.line.tick();
  }

  /** Prints the final line. */
  done(): void {
    this.line.done();
  }

  /** Bytes sent so far and bytes known to send, over every layer and registry. */
  totals(): { sent: number; total: number; layers: number; finished: number } {
    let sent = 0;
    let total = 0;
    let finished = 0;
    for (const layer of this.layers.values()) {
      total += layer.total;
      sent += layer.done ? layer.total : Math.min(layer.current, layer.total);
      if (layer.done) finished++;
    }
    return { sent, total, layers: this.layers.size, finished };
  }

  private render(seconds: number): string {
    const { sent, total, layers, finished } = this.totals();
    const percent =
      layers > 0 && finished === layers ? 100 : total > 0 ? Math.floor((sent / total) * 100) : 0;
    return `${this.what}: ${percent}% (${formatBytes(sent)} of ${formatBytes(total)}, ${formatRate(sent, seconds)}, ${finished}/${layers} layers, ${seconds.toFixed(1)} s)`;
  }
}
