import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Manifest } from '../manifest/model.js';
import { ConfigError, type ConfigProblem } from '../shared/errors.js';
import { Limiter } from '../shared/limiter.js';
import { replaceFile } from '../shared/tree-writer.js';
import { compareRuns, compareWithTree } from './compare.js';
import { withoutCredentials } from './environment.js';
import { fixInPlace } from './fix.js';
import { openRepository, type Repository } from './repository.js';
import { runAttempt } from './run.js';
import { createScratchRoot } from './scratch.js';
import { missingCommandIn, preflight, problemAt, selectGenerators, type Generator } from './select.js';
import { ShadowGit } from './shadow.js';

export { OUTPUT_KEPT_BYTES } from './run.js';

/** How a file a generator owns differs from what the generator writes now. */
export type StaleKind = 'modified' | 'missing' | 'orphaned' | 'mode';

/** A generated file that is not current. */
export interface StaleFile {
  path: string;
  generator: string;
  kind: StaleKind;
  /** The file's part of the fix patch (complete; cap it for display). */
  patch: string;
  /** The first changed line of the current file, for annotations. */
  line?: number;
}

/** A change a generator made outside the outputs it declares. */
export interface UndeclaredWrite {
  path: string;
  generator: string;
  change: 'created' | 'modified' | 'deleted';
}

/** A generated file that differed between two runs on the same input. */
export interface NonReproducible {
  path: string;
  generator: string;
  hint?: string;
  /** The difference between the runs, capped. */
  diff: string;
}

/** What happened to one generator. */
export interface GeneratorOutcome {
  name: string;
  run: string;
  workingDirectory: string;
  status: 'current' | 'stale' | 'failed' | 'non-reproducible';
  runs: { attempt: number; exitCode: number; seconds: number }[];
  /** For a failed generator: its exit code and the tail of its error output. */
  exitCode?: number;
  stderrTail?: string;
  /** For a generator stopped at its time limit: the limit, in seconds. */
  timedOutAfter?: number;
  /** Output globs that match no file, before or after the run. */
  unmatchedOutputs: string[];
}

/** The result of checking every generator. */
export interface CheckReport {
  generators: GeneratorOutcome[];
  stale: StaleFile[];
  nonReproducible: NonReproducible[];
  undeclared: UndeclaredWrite[];
  /** Files --fix wrote into or removed from the working tree. */
  fixed: string[];
  /** One patch for every stale file, for `git apply` in the repository's top level. */
  patch: string;
}

/** A moment in the check, for progress lines. */
export interface CheckEvent {
  generator: string;
  attempt: number;
  phase: 'started' | 'finished';
  seconds?: number;
  exitCode?: number;
  /** The run was stopped at the generator's time limit. */
  timedOut?: boolean;
  /** Bytes of the run's output (stdout and stderr) beyond what is kept ({@link OUTPUT_KEPT_BYTES} each). */
  outputDropped?: number;
}

/** Options for {@link checkGenerated}. */
export interface CheckOptions {
  /** Runs of each generator, each in its own copy; more than one reveals non-reproducible output. */
  repeat: number;
  /** Write the generators' outputs into the working tree (only files the generators own). */
  fix: boolean;
  /** The environment generators run with (their `env:` is added on top). */
  env: NodeJS.ProcessEnv;
  /** Copies and runs in flight at once; default: the number of CPUs. */
  concurrency?: number;
  /** Where scratch copies go; default: RUNNER_TEMP or the system temp directory. */
  tempDir?: string;
  /** Locates a problem with a generator's manifest entry (for a missing command). */
  locate: (generator: Generator, key: string, message: string) => ConfigProblem;
  onEvent?: (event: CheckEvent) => void;
  onOutput?: (generator: string, chunk: Buffer) => void;
  /** Generators run isolated from cutover's process (see src/shared/isolation.ts); default `preferred`. */
  isolate?: 'required' | 'preferred';
}

/** What `check-generated` was asked to do, as parsed from its options. */
export interface CheckRequest {
  manifest: Manifest;
  /** `--repo`: whose `repos.<name>.generated` apply as well (default: GITHUB_REPOSITORY). */
  repo?: string;
  /** `--patch`: where to write the fix patch (default in an action: $RUNNER_TEMP/cutover-generated.patch). */
  patch?: string;
  fix: boolean;
  /** `--repeat` (default: 2 when CI is set, else 1). */
  repeat?: number;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Masks the run's secrets in the patch file written. */
  redact?: (text: string) => string;
}

/** Moments of a check worth showing while it runs. */
export interface CheckHooks {
  /** The generators are chosen and the repository read; the runs are about to start. */
  onStart?: (start: { generators: Generator[]; top: string; files: number; repeat: number }) => void;
  onEvent?: (event: CheckEvent) => void;
  onOutput?: (generator: string, chunk: Buffer) => void;
}

/** Everything one `check-generated` run found: the one report its presenter turns into output. */
export interface CheckGeneratedReport extends CheckReport {
  /** The manifest the generators came from (its source and positions, for located messages). */
  manifest: Manifest;
  /** The repository whose generators were added, when one was named. */
  repo?: string;
  generatorsChecked: Generator[];
  /** Entries of the tree neither copied nor checked (FIFOs, sockets, devices, names not UTF-8), with why. */
  skipped: { path: string; reason: string }[];
  repeat: number;
  /** The working tree was fixed in place (`--fix`); stale files were written, not reported. */
  fix: boolean;
  /** Where the fix patch was written (only when something is stale and not fixing). */
  patchFile?: string;
}

/**
 * The whole check for the repository around `request.cwd`: chooses the generators, checks what can
 * be checked before running anything, runs them in scratch copies and writes the fix patch.
 * @throws UsageError / ConfigError for bad options, a missing command or working directory
 */
export async function checkRepository(
  request: CheckRequest,
  hooks: CheckHooks = {},
): Promise<CheckGeneratedReport> {
  const { manifest, env } = request;
  const selected = selectGenerators(manifest, request.repo, env);
  const repo = selected.repo;
  const repository = await openRepository(request.cwd);
  const generators = preflight(manifest, selected.generators, repository.top, env);
  const repeat = request.repeat ?? (env['CI'] && env['CI'] !== 'false' ? 2 : 1);
  const patchFile =
    request.patch !== undefined
      ? path.resolve(request.cwd, request.patch)
      : env['GITHUB_ACTIONS'] === 'true' && env['RUNNER_TEMP']
        ? path.join(env['RUNNER_TEMP'], 'cutover-generated.patch')
        : undefined;
  hooks.onStart?.({ generators, top: repository.top, files: repository.files.size, repeat });
  const report = await checkGenerated(repository, generators, {
    repeat,
    fix: request.fix,
    env: withoutCredentials(env, manifest),
    // With a credential in cutover's own environment, a generator that could read it is not run.
    isolate:
      Object.keys(withoutCredentials(env, manifest)).length < Object.keys(env).length
        ? 'required'
        : 'preferred',
    locate: (generator, key, message) => problemAt(manifest, generator, key, message),
    ...(hooks.onEvent && { onEvent: hooks.onEvent }),
    ...(hooks.onOutput && { onOutput: hooks.onOutput }),
  });
  let written: string | undefined;
  if (patchFile && report.stale.length > 0 && !request.fix) {
    await mkdir(path.dirname(patchFile), { recursive: true });
    // Replaced rather than written through, so a link planted at a predictable name redirects nothing.
    await replaceFile(patchFile, request.redact?.(report.patch) ?? report.patch, 0o644, { anyFolder: true });
    written = patchFile;
  }
  return {
    ...report,
    manifest,
    ...(repo !== undefined && { repo }),
    generatorsChecked: generators,
    skipped: repository.skipped,
    repeat,
    fix: request.fix,
    ...(written !== undefined && { patchFile: written }),
  };
}

/** Lines of a failed generator's error output that are kept. */
const STDERR_TAIL_LINES = 20;

/**
 * Runs every generator in scratch copies of the repository's current files and compares what each
 * owns with the developer's tree, as git would. The developer's tree is never written to, except by
 * `fix`, which writes only files the generators own.
 * @throws ConfigError when a generator's command is not installed
 */
export async function checkGenerated(
  repo: Repository,
  generators: Generator[],
  options: CheckOptions,
): Promise<CheckReport> {
  const base = options.tempDir ?? options.env['RUNNER_TEMP'] ?? os.tmpdir();
  const scratch = await createScratchRoot(base);
  const root = scratch.dir;
  try {
    const shadow = await ShadowGit.create(repo, root);
    const slot = new Limiter(options.concurrency ?? Math.max(1, os.cpus().length));
    const settled = await Promise.allSettled(
      generators.map((generator, index) => checkOne(repo, generator, index, root, shadow, slot, options)),
    );
    const missing = settled.flatMap((entry) =>
      entry.status === 'rejected' && entry.reason instanceof ConfigError ? entry.reason.problems : [],
    );
    if (missing.length > 0) throw new ConfigError(missing);
    const failed = settled.find((entry) => entry.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const results = settled.map((entry) => (entry as PromiseFulfilledResult<GeneratorResult>).value);
    const stale = results.flatMap((result) => result.stale).sort((a, b) => a.path.localeCompare(b.path));
    return {
      generators: results.map((result) => result.outcome),
      stale,
      nonReproducible: results.flatMap((result) => result.nonReproducible),
      undeclared: results.flatMap((result) => result.undeclared),
      fixed: results.flatMap((result) => result.fixed),
      patch: stale.map((file) => file.patch).join(''),
    };
  } finally {
    await scratch.remove();
  }
}

interface GeneratorResult {
  outcome: GeneratorOutcome;
  stale: StaleFile[];
  nonReproducible: NonReproducible[];
  undeclared: UndeclaredWrite[];
  fixed: string[];
}

async function checkOne(
  repo: Repository,
  generator: Generator,
  index: number,
  root: string,
  shadow: ShadowGit,
  slot: Limiter,
  options: CheckOptions,
): Promise<GeneratorResult> {
  const owns = picomatch(generator.outputs, { dot: true });
  const attempts = await Promise.all(
    Array.from({ length: options.repeat }, (_, attempt) =>
      slot.run(() =>
        runAttempt(repo, generator, attempt, path.join(root, `${index}-${attempt}`), owns, shadow, options),
      ),
    ),
  );
  try {
    const outcome: GeneratorOutcome = {
      name: generator.name,
      run: generator.run,
      workingDirectory: generator.workingDirectory,
      status: 'current',
      runs: attempts.map((attempt) => ({
        attempt: attempt.index + 1,
        exitCode: attempt.exitCode,
        seconds: attempt.seconds,
      })),
      unmatchedOutputs: [],
    };
    const empty = { stale: [], nonReproducible: [], undeclared: [], fixed: [] };
    const failure = attempts.find((attempt) => attempt.exitCode !== 0 || attempt.timedOut);
    if (failure) {
      const command = failure.timedOut ? undefined : missingCommandIn(failure.stderr);
      if (command) {
        throw new ConfigError([
          options.locate(
            generator,
            'run',
            `generator "${generator.name}": the command "${command}" is not installed (${lastLine(failure.stderr)})`,
          ),
        ]);
      }
      return {
        outcome: {
          ...outcome,
          status: 'failed',
          exitCode: failure.exitCode,
          stderrTail: failure.stderr.trimEnd().split('\n').slice(-STDERR_TAIL_LINES).join('\n'),
          ...(failure.timedOut && { timedOutAfter: generator.timeoutMs / 1000 }),
        },
        ...empty,
      };
    }
    const first = attempts[0]!;
    const everything = new Set([...repo.files.keys(), ...first.after.keys()]);
    outcome.unmatchedOutputs = generator.outputs.filter((glob) => {
      const matches = picomatch(glob, { dot: true });
      return ![...everything].some((file) => matches(file));
    });

    const nonReproducible = await compareRuns(first, attempts.slice(1), generator, owns, root);
    const unstable = new Set(nonReproducible.map((entry) => entry.path));
    const { stale, undeclared } = await compareWithTree(repo, first, generator, owns, shadow, root, unstable);
    const fixed = options.fix ? await fixInPlace(repo, first, stale) : [];
    outcome.status = nonReproducible.length > 0 ? 'non-reproducible' : stale.length > 0 ? 'stale' : 'current';
    return { outcome, stale, nonReproducible, undeclared, fixed };
  } finally {
    await Promise.all(
      attempts.map((attempt) =>
        rm(attempt.copy.dir, { recursive: true, force: true }).catch(() => undefined),
      ),
    );
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
