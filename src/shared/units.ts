/**
 * Parsers for the values users write in flags, inputs and the manifest: durations and sizes. One of
 * each, so `--deadline 10m`, `timeout: 90s` and `max-file-size: 10MB` read the same everywhere.
 */

/** A duration: a number and a unit, ms, s, m or h. */
export const DURATION_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/;

/** `90s`, `10m`, `1.5h`, `500ms` → milliseconds; undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const [, amount, unit] = DURATION_PATTERN.exec(text) ?? [];
  const scale = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h'];
  if (amount === undefined || scale === undefined) return undefined;
  return Number(amount) * scale;
}

/** `10MB`, `512k`, `1.5 GiB`, `20000` → bytes (powers of 1024); undefined when not a size. */
export function parseSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmg])i?b?|b)?\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[(match[2] ?? '').toLowerCase()] ?? 1;
  return Math.floor(Number(match[1]) * unit);
}

/** True for a `YYYY-MM-DD` string naming a day that exists. */
export function isCalendarDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
