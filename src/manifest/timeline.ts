/**
 * The migration timeline: for a day, which phase we are in, where pushes go, and how a reference
 * to the old registry is judged. Every date is a UTC calendar day, `YYYY-MM-DD`.
 */

/** `before`: new registry not yet open; `dual`: both writable; `new-only`: old is read-only; `retired`: old shut down. */
export type Phase = 'before' | 'dual' | 'new-only' | 'retired';
export type RegistryRole = 'old' | 'new';
export type { Severity } from '../shared/reporter.js';
import type { Severity } from '../shared/reporter.js';

export interface Timeline {
  /** The new registry accepts pushes from this day. */
  available: string;
  /** The old registry refuses pushes from this day. */
  readOnly: string;
  /** The old registry is gone from this day. */
  shutdown: string;
  /** References to the old registry fail from this day (default: shutdown). */
  failFrom: string;
  /** When set, warnings start only this many days before failFrom. */
  warnDays?: number;
}

export interface ReferencePolicy {
  severity: Severity;
  /** Days until references fail; 0 or less once they do. */
  daysLeft: number;
  /** One sentence a person can act on. */
  message: string;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The phase of the migration on `today`. */
export function phaseAt(timeline: Timeline, today: string): Phase {
  if (today < timeline.available) return 'before';
  if (today < timeline.readOnly) return 'dual';
  if (today < timeline.shutdown) return 'new-only';
  return 'retired';
}

/** The registries a build pushes to in a phase, in the order they are reported. */
export function pushTargets(phase: Phase): RegistryRole[] {
  switch (phase) {
    case 'before':
      return ['old'];
    case 'dual':
      return ['old', 'new'];
    case 'new-only':
    case 'retired':
      return ['new'];
  }
}

/** Why the old registry is not pushed to in a phase, or undefined when it is. */
export function oldRegistrySkippedReason(timeline: Timeline, phase: Phase): string | undefined {
  if (phase === 'new-only') return `the old registry is read-only since ${timeline.readOnly}`;
  if (phase === 'retired') return `the old registry was shut down on ${timeline.shutdown}`;
  return undefined;
}

/** How a reference to the old registry is judged on `today`. */
export function referencePolicy(timeline: Timeline, today: string): ReferencePolicy {
  const daysLeft = daysBetween(today, timeline.failFrom);
  if (today >= timeline.failFrom) {
    return {
      severity: 'error',
      daysLeft,
      message: `the old registry is retired for builds since ${timeline.failFrom}: move this reference to the new registry`,
    };
  }
  const warnFrom =
    timeline.warnDays === undefined
      ? timeline.available
      : maxDay(timeline.available, addDays(timeline.failFrom, -timeline.warnDays));
  if (today >= warnFrom) {
    return {
      severity: 'warning',
      daysLeft,
      message: `${daysLeft} day${daysLeft === 1 ? '' : 's'} left: references to the old registry fail from ${timeline.failFrom}`,
    };
  }
  return {
    severity: 'info',
    daysLeft,
    message: `references to the old registry fail from ${timeline.failFrom} (${daysLeft} days from now)`,
  };
}

/** `day` moved by `days` (negative to go back). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

/** Today's UTC day, or the override from `--now`/`CUTOVER_NOW` (already validated by the caller). */
export function today(override?: string): string {
  return override ?? new Date().toISOString().slice(0, 10);
}
