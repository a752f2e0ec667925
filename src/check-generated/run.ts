import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { mapLimited } from '../shared/limiter.js';
import { runProgram } from '../shared/process.js';
import type { CheckOptions } from './check.js';
import {
  lendHistory,
  makeScratchCopy,
  statOf,
  type FileStat,
  type Repository,
  type ScratchCopy,
} from './repository.js';
import type { Generator } from './select.js';
import type { ShadowGit } from './shadow.js';

/**
 * Bytes of a generator's stdout and of its stderr kept in memory; the rest is only counted, so that
 * a generator printing hundreds of megabytes does not make cutover hold them.
 */
export const OUTPUT_KEPT_BYTES = 1 << 20;
/** How far back repeat runs move modification times, so that time-dependent output shows. */
const REPEAT_TIME_SHIFT_MS = 86_400_000 + 1_234;

/** One run of a generator in its own scratch copy. */
export interface Attempt {
  index: number;
  copy: ScratchCopy;
  exitCode: number;
  stderr: string;
  seconds: number;
  timedOut: boolean;
  /** Every file git sees in the copy after the run. */
  after: Map<string, FileStat>;
}

/**
 * Runs `generator` once in a fresh scratch copy at `dir` (its outputs left out, modification times
 * moved back `index` days so that time-dependent output shows) and lists what git sees there after.
 */
export async function runAttempt(
  repo: Repository,
  generator: Generator,
  index: number,
  dir: string,
  owns: (file: string) => boolean,
  shadow: ShadowGit,
  options: CheckOptions,
): Promise<Attempt> {
  // The generator's own outputs are not copied: it must write them, and what it no longer writes
  // is then simply absent (an orphan), however the generator handles stale files.
  const copy = await makeScratchCopy(repo, dir, owns, index * REPEAT_TIME_SHIFT_MS);
  await lendHistory(repo, dir);
  // The resolved directory, which preflight keeps inside the tree (a tracked link there would point
  // out of the copy); made when it holds no files the copy has.
  const cwd = path.join(dir, generator.runDirectory ?? generator.workingDirectory);
  await mkdir(cwd, { recursive: true });
  options.onEvent?.({ generator: generator.name, attempt: index + 1, phase: 'started' });
  const started = performance.now();
  const result = await runProgram('sh', ['-c', generator.run], {
    cwd,
    env: { ...options.env, ...generator.env },
    stdoutLimit: OUTPUT_KEPT_BYTES,
    stderrLimit: OUTPUT_KEPT_BYTES,
    timeoutMs: generator.timeoutMs,
    isolate: options.isolate ?? 'preferred',
    onOutput: (chunk) => options.onOutput?.(generator.name, chunk),
  });
  const timedOut = result.timedOut === true;
  const dropped = result.stdoutDropped + result.stderrDropped;
  const seconds = (performance.now() - started) / 1000;
  options.onEvent?.({
    generator: generator.name,
    attempt: index + 1,
    phase: 'finished',
    seconds,
    exitCode: result.code,
    ...(timedOut && { timedOut }),
    ...(dropped > 0 && { outputDropped: dropped }),
  });
  const after = new Map<string, FileStat>();
  if (result.code === 0 && !timedOut) {
    const listed = new Set(await shadow.listFiles(dir));
    for (const file of repo.trackedIgnored) listed.add(file);
    const files = [...listed];
    const stats = await mapLimited(files, 32, (file) => statOf(path.join(dir, file)));
    files.forEach((file, position) => {
      const stat = stats[position];
      if (stat) after.set(file, stat);
    });
  }
  return { index, copy, exitCode: result.code, stderr: result.stderr, seconds, timedOut, after };
}
