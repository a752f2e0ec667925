import { OperationalError } from './errors.js';

/** A run's overall time limit, as an AbortSignal that every client of the run listens to. */
export interface Deadline {
  signal: AbortSignal;
  /** True once the limit has passed. */
  readonly expired: boolean;
  /** Stops the timer (the run ended in time). */
  clear(): void;
}

/**
 * The run's `--deadline`: when it passes, every request listening to the signal is aborted and later
 * ones fail at once with the abort reason, a `timeout` OperationalError. The timer never keeps the
 * process alive. Without a limit the signal never aborts.
 */
export function startDeadline(ms: number | undefined, flag = '--deadline'): Deadline {
  const controller = new AbortController();
  if (ms === undefined) return { signal: controller.signal, expired: false, clear: () => undefined };
  const shown = ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
  const timer = setTimeout(
    () => controller.abort(new OperationalError('timeout', `the ${flag} of ${shown} passed`)),
    ms,
  );
  timer.unref();
  return {
    signal: controller.signal,
    get expired() {
      return controller.signal.aborted;
    },
    clear: () => clearTimeout(timer),
  };
}
