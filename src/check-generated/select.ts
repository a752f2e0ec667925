import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, UsageError, type ConfigProblem } from '../shared/errors.js';
import { nearest } from '../shared/did-you-mean.js';
import { formatKeyPath, type KeyPath } from '../manifest/locate.js';
import type { GeneratedEntry, Manifest } from '../manifest/model.js';
import { DEFAULT_GENERATOR_TIMEOUT, durationMs } from '../manifest/schema.js';

/** A generator chosen for this repository, with where the manifest declares it. */
export interface Generator {
  name: string;
  run: string;
  outputs: string[];
  env: Record<string, string>;
  /** Relative to the repository's top level; '' for the top level itself. */
  workingDirectory: string;
  /**
   * The working directory with symbolic links resolved, relative to the top level (set by
   * {@link preflight}, which requires it to stay inside): where the generator runs in a copy.
   */
  runDirectory?: string;
  /** Time limit for one run, in milliseconds. */
  timeoutMs: number;
  /** Key path in the manifest, for located messages: `generated[0]` or `repos["acme/api"].generated[1]`. */
  keyPath: KeyPath;
}

/**
 * The generators that apply to one repository: the manifest's top-level `generated:` entries plus
 * those under `repos.<name>.generated` for the repository named by `--repo`, else by
 * GITHUB_REPOSITORY. A repository entry replaces a top-level entry of the same name.
 * @throws UsageError when `--repo` names no repository of the manifest, or nothing is configured
 */
export function selectGenerators(
  manifest: Manifest,
  repoOption: string | undefined,
  env: NodeJS.ProcessEnv,
): { repo?: string; generators: Generator[] } {
  const wanted = repoOption ?? env['GITHUB_REPOSITORY'];
  const repo = wanted
    ? manifest.repos.find((candidate) => candidate.name.toLowerCase() === wanted.toLowerCase())
    : undefined;
  if (repoOption !== undefined && !repo) {
    const suggestion = nearest(
      repoOption,
      manifest.repos.map((candidate) => candidate.name),
    );
    throw new UsageError(
      `--repo: the manifest ${manifest.source} has no repository "${repoOption}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (repositories: ${manifest.repos.map((candidate) => candidate.name).join(', ') || 'none'})`,
    );
  }
  const byName = new Map<string, Generator>();
  const add = (entries: GeneratedEntry[], base: KeyPath) =>
    entries.forEach((entry, index) => byName.set(entry.name, toGenerator(entry, [...base, index])));
  add(manifest.generated, ['generated']);
  if (repo) add(repo.generated, ['repos', repo.name, 'generated']);
  if (byName.size === 0) {
    throw new UsageError(
      `no generators configured in ${manifest.source}: add a top-level "generated:" list${repo ? ` or repos["${repo.name}"].generated` : wanted ? ` (the repository "${wanted}" is not in the manifest)` : ''}, each entry with name, run and outputs`,
    );
  }
  return { ...(repo && { repo: repo.name }), generators: [...byName.values()] };
}

function toGenerator(entry: GeneratedEntry, keyPath: KeyPath): Generator {
  return {
    name: entry.name,
    run: entry.run,
    outputs: entry.outputs,
    env: entry.env ?? {},
    workingDirectory: (entry['working-directory'] ?? '').replace(/^\.\/?/, '').replace(/\/+$/, ''),
    timeoutMs: durationMs(entry.timeout ?? DEFAULT_GENERATOR_TIMEOUT),
    keyPath,
  };
}

/** A located problem about one key of a generator's manifest entry. */
export function problemAt(
  manifest: Manifest,
  generator: Generator,
  key: string,
  message: string,
): ConfigProblem {
  const keyPath = [...generator.keyPath, key];
  const position = manifest.locator.valueAt(keyPath);
  return { file: manifest.source, ...position, path: formatKeyPath(keyPath), message };
}

/** Shell words that are not programs on PATH. */
const SHELL_WORDS = new Set(
  '! { } ( [ [[ . : alias bg break cd command continue echo eval exec exit export false fg for if jobs kill local printf pwd read readonly return set shift source test then times trap true type ulimit umask unalias unset until wait while case'.split(
    ' ',
  ),
);

/** The program a `run:` command starts, when it can be told without running a shell. */
export function programOf(run: string): string | undefined {
  const words = run.trim().split(/\s+/);
  let index = 0;
  while (index < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[index]!)) index++;
  const word = words[index];
  if (!word || SHELL_WORDS.has(word) || /["'`$\\;&|<>()*?~]/.test(word)) return undefined;
  return word;
}

/**
 * Checks what can be checked before copying anything: the working directory exists and, once its
 * symbolic links are resolved, is inside the repository (a tracked link pointing elsewhere would
 * otherwise run the generator outside its scratch copy), and the program each `run:` starts is
 * installed. Returns the generators with their {@link Generator.runDirectory} set.
 * @throws ConfigError naming the missing command or directory, located in the manifest
 */
export function preflight(
  manifest: Manifest,
  generators: Generator[],
  top: string,
  env: NodeJS.ProcessEnv,
): Generator[] {
  const problems: ConfigProblem[] = [];
  const realTop = realpathSync(top);
  const checked: Generator[] = [];
  for (const generator of generators) {
    const cwd = path.join(top, generator.workingDirectory);
    const directoryProblem = (what: string) =>
      problems.push(
        problemAt(
          manifest,
          generator,
          'working-directory',
          `generator "${generator.name}": the working directory "${generator.workingDirectory}" ${what}`,
        ),
      );
    if (!isDirectory(cwd)) {
      directoryProblem(`does not exist in ${top}`);
      continue;
    }
    const real = realpathSync(cwd);
    const runDirectory = path.relative(realTop, real);
    if (runDirectory.startsWith('..') || path.isAbsolute(runDirectory)) {
      directoryProblem(`resolves to ${real}, outside the repository ${realTop}`);
      continue;
    }
    checked.push({ ...generator, runDirectory: runDirectory.split(path.sep).join('/') });
    const program = programOf(generator.run);
    const searchPath = generator.env['PATH'] ?? env['PATH'] ?? '';
    if (program && !findProgram(program, cwd, searchPath)) {
      problems.push(
        problemAt(
          manifest,
          generator,
          'run',
          `generator "${generator.name}": the command "${program}" is not installed (${program.includes('/') ? `no executable file ${program} in ${cwd}` : 'not found on PATH'})`,
        ),
      );
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return checked;
}

/** Whether `program` resolves to an executable file, the way a shell would look it up. */
export function findProgram(program: string, cwd: string, searchPath: string): boolean {
  const candidates = program.includes('/')
    ? [path.resolve(cwd, program)]
    : searchPath
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(path.resolve(cwd, dir), program));
  return candidates.some((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The command a failed generator could not start, read from its error output: a shell's
 * "not found", Go's `exec: "x": executable file not found`, or Node's `spawn x ENOENT`.
 */
export function missingCommandIn(stderr: string): string | undefined {
  const patterns = [
    /exec: "([^"]+)": executable file not found/,
    /^\S*sh: (?:\d+: |line \d+: )?([^:\n]+): (?:command )?not found$/m,
    /spawn (\S+) ENOENT/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(stderr);
    if (match) return match[1]!.trim();
  }
  return undefined;
}
