import { chmod, lstat, mkdir, readFile, readlink, rm, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import picomatch from 'picomatch';
import { ConfigError, type ConfigProblem } from '../shared/errors.js';
import { reproducibilityHint } from './hints.js';
import { capDiff, diffFile } from './patch.js';
import { Limiter, mapLimited } from '../shared/limiter.js';
import { runProgram } from '../shared/process.js';
import { pathInside, replaceFile, replaceWithLink } from '../shared/tree-writer.js';
import {
  looksUntouched,
  lendHistory,
  makeScratchCopy,
  openRepository,
  statOf,
  type FileStat,
  type Repository,
  type ScratchCopy,
} from './repository.js';
import type { Manifest } from '../manifest/model.js';
import { missingCommandIn, preflight, problemAt, selectGenerators, type Generator } from './select.js';
import { createScratchRoot } from './scratch.js';
import { hashRepositoryFiles, ShadowGit } from './shadow.js';

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
 * Bytes of a generator's stdout and of its stderr kept in memory; the rest is only counted, so that
 * a generator printing hundreds of megabytes does not make cutover hold them.
 */
export const OUTPUT_KEPT_BYTES = 1 << 20;
/** How far back repeat runs move modification times, so that time-dependent output shows. */
const REPEAT_TIME_SHIFT_MS = 86_400_000 + 1_234;

interface Attempt {
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

async function runAttempt(
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

/** Compares the first run with the developer's tree: stale owned files and undeclared writes. */
async function compareWithTree(
  repo: Repository,
  first: Attempt,
  generator: Generator,
  owns: (file: string) => boolean,
  shadow: ShadowGit,
  root: string,
  unstable: Set<string>,
): Promise<{ stale: StaleFile[]; undeclared: UndeclaredWrite[] }> {
  const found: { path: string; kind: StaleKind }[] = [];
  const undeclared: UndeclaredWrite[] = [];
  const contentDiffers: string[] = [];
  const modeDiffers = new Set<string>();
  const paths = [...new Set([...repo.files.keys(), ...first.after.keys()])].sort();
  await mapLimited(paths, 16, async (file) => {
    const before = repo.files.get(file);
    const after = first.after.get(file);
    if (owns(file)) {
      if (unstable.has(file)) return;
      if (before && !after) found.push({ path: file, kind: 'orphaned' });
      else if (!before && after) found.push({ path: file, kind: 'missing' });
      else if (before && after) {
        if (before.kind !== after.kind) return void found.push({ path: file, kind: 'modified' });
        if (repo.view.fileMode && before.executable !== after.executable) modeDiffers.add(file);
        if (!(await sameContent(path.join(repo.top, file), path.join(first.copy.dir, file), before, after))) {
          // Links are compared as links (their targets); only file contents go through git's filters.
          if (after.kind === 'symlink') found.push({ path: file, kind: 'modified' });
          else contentDiffers.push(file);
        }
      }
      return;
    }
    const change = !after
      ? 'deleted'
      : !before
        ? 'created'
        : !looksUntouched(first.copy.copied.get(file) ?? before, after) &&
            !(await sameContent(path.join(repo.top, file), path.join(first.copy.dir, file), before, after))
          ? 'modified'
          : undefined;
    if (change) undeclared.push({ path: file, generator: generator.name, change });
  });
  // Bytes differ: ask git whether they differ once line endings are normalised as it would.
  const [ours, theirs] = await Promise.all([
    hashRepositoryFiles(repo.top, contentDiffers),
    shadow.hashFiles(first.copy.dir, contentDiffers),
  ]);
  contentDiffers.forEach((file, position) => {
    if (ours[position] !== theirs[position]) found.push({ path: file, kind: 'modified' });
    else if (modeDiffers.has(file)) found.push({ path: file, kind: 'mode' });
    modeDiffers.delete(file);
  });
  for (const file of modeDiffers) found.push({ path: file, kind: 'mode' });
  const stale = await mapLimited(found, 8, async ({ path: file, kind }): Promise<StaleFile> => {
    const patch = await diffFile(
      file,
      kind === 'missing' ? undefined : path.join(repo.top, file),
      kind === 'orphaned' ? undefined : path.join(first.copy.dir, file),
      root,
    );
    return {
      path: file,
      generator: generator.name,
      kind,
      patch: patch.text,
      ...(patch.line !== undefined && kind !== 'missing' && { line: patch.line }),
    };
  });
  return {
    stale: stale.sort((a, b) => a.path.localeCompare(b.path)),
    undeclared: undeclared.sort((a, b) => a.path.localeCompare(b.path)),
  };
}

/** Compares repeat runs with the first: owned files that differ are non-reproducible. */
async function compareRuns(
  first: Attempt,
  others: Attempt[],
  generator: Generator,
  owns: (file: string) => boolean,
  root: string,
): Promise<NonReproducible[]> {
  const seen = new Map<string, NonReproducible>();
  for (const other of others) {
    const paths = [...new Set([...first.after.keys(), ...other.after.keys()])].filter(owns).sort();
    await mapLimited(paths, 16, async (file) => {
      if (seen.has(file)) return;
      const a = first.after.get(file);
      const b = other.after.get(file);
      const left = path.join(first.copy.dir, file);
      const right = path.join(other.copy.dir, file);
      if (a && b && a.executable === b.executable && (await sameContent(left, right, a, b))) return;
      const [leftBytes, rightBytes] = await Promise.all([
        a?.kind === 'file' ? readFile(left) : undefined,
        b?.kind === 'file' ? readFile(right) : undefined,
      ]);
      const diff = await diffFile(file, a && left, b && right, root);
      const hint = reproducibilityHint(leftBytes, rightBytes);
      seen.set(file, {
        path: file,
        generator: generator.name,
        ...(hint !== undefined && { hint }),
        diff: capDiff(diff.text).text,
      });
    });
  }
  return [...seen.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Byte-for-byte (or link-target) equality of two files already known to exist. */
async function sameContent(left: string, right: string, a: FileStat, b: FileStat): Promise<boolean> {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'symlink') return (await readlink(left)) === (await readlink(right));
  if (a.size !== b.size) return false;
  const [x, y] = await Promise.all([readFile(left), readFile(right)]);
  return x.equals(y);
}

/**
 * --fix: brings the stale owned files of the working tree to what the generator writes now. Every
 * target is checked before anything is written (a refusal leaves the tree as it was): no write
 * leaves the tree or passes through a symbolic link, and a link in a file's place is replaced, not
 * written through.
 * @throws OperationalError `refused` when a target lies beneath a symbolic link
 */
async function fixInPlace(repo: Repository, first: Attempt, stale: StaleFile[]): Promise<string[]> {
  for (const file of stale) await pathInside(repo.top, file.path, false);
  for (const file of stale) {
    const target = await pathInside(repo.top, file.path, true);
    const source = path.join(first.copy.dir, file.path);
    const generated = first.after.get(file.path);
    if (file.kind === 'orphaned' || !generated) {
      // unlink removes a link itself, never what it points to.
      await unlink(target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    } else if (generated.kind === 'symlink') {
      await replaceWithLink(target, await readlink(source));
    } else {
      const mode = (await lstat(source)).mode;
      const current = await lstat(target).catch(() => undefined);
      // A mode change alone keeps the tree's bytes (its line endings may differ from the generator's).
      if (file.kind === 'mode' && current?.isFile()) await chmod(target, mode & 0o7777);
      else await replaceFile(target, await readFile(source), mode);
    }
  }
  return stale.map((file) => file.path);
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

/**
 * Variables that carry credentials in a workflow: the GitHub tokens and the runner's own tokens (the
 * registry credentials the manifest names are added per run). Generators are third-party programs;
 * they get none of these unless their own `env:` in the manifest sets one explicitly.
 */
const CREDENTIAL_VARIABLES = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'CUTOVER_MANIFEST_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
];

/** The environment generators run in: the run's, less every credential variable. */
export function withoutCredentials(env: NodeJS.ProcessEnv, manifest: Manifest): NodeJS.ProcessEnv {
  const names = new Set(CREDENTIAL_VARIABLES);
  for (const registry of [manifest.registries.old, manifest.registries.new]) {
    if (registry.credentials?.usernameEnv) names.add(registry.credentials.usernameEnv);
    if (registry.credentials?.passwordEnv) names.add(registry.credentials.passwordEnv);
  }
  return Object.fromEntries(Object.entries(env).filter(([name]) => !names.has(name)));
}
