/**
 * The references file: old-registry image references found in code, written by
 * `cutover guard --export-refs FILE` and read by `cutover copy-tags --refs FILE` (rules with
 * `referenced: true`). One module owns the format so both sides agree:
 *
 * ```json
 * { "version": 1, "registry": "registry.old.example.com",
 *   "references": [{ "repository": "team/api", "tag": "1.4.2" },
 *                  { "repository": "base/jdk", "digest": "sha256:…" }] }
 * ```
 * `repository` is the path inside the old registry (no host); `tag` and `digest` are optional (a
 * reference with neither means `latest`, as Docker reads it). An optional `prefixes` list holds the
 * repository path prefixes of references built from variables (`old/$PROJECT/app` gives `""`,
 * `old/team/api:$TAG` gives `team/api`) and of registry prefixes (`REGISTRY ?= old/staging`): any
 * tag of any repository under one may be used (`""` = all of them). copy-tags cannot pin a tag
 * there: it reports which repositories under each prefix its rules copy tags of (select.ts).
 */
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { ConfigError, type ConfigProblem } from '../shared/errors.js';
import {
  isValidDigest,
  isValidHost,
  isValidRepositoryPath,
  isValidTag,
  normalizeHost,
} from '../oci/reference.js';

export const REFS_FILE_VERSION = 1;

/** One reference to an image of the old registry. */
export interface RefsFileReference {
  repository: string;
  tag?: string;
  digest?: string;
}

/** The whole file. */
export interface RefsFile {
  version: 1;
  /** The old registry's host, as the manifest names it. */
  registry: string;
  references: RefsFileReference[];
  /** Repository path prefixes whose images are used by name built at run time; absent when none. */
  prefixes?: string[];
}

/** Builds the document: references deduplicated and sorted, so the file diffs cleanly. */
export function buildRefsFile(
  registry: string,
  references: readonly RefsFileReference[],
  prefixes: readonly string[] = [],
): RefsFile {
  const unique = new Map<string, RefsFileReference>();
  for (const ref of references) {
    const clean: RefsFileReference = {
      repository: ref.repository,
      ...(ref.tag !== undefined && { tag: ref.tag }),
      ...(ref.digest !== undefined && { digest: ref.digest }),
    };
    unique.set(`${clean.repository}:${clean.tag ?? ''}@${clean.digest ?? ''}`, clean);
  }
  const sorted = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, ref]) => ref);
  const uniquePrefixes = [...new Set(prefixes)].sort();
  return {
    version: REFS_FILE_VERSION,
    registry: normalizeHost(registry),
    references: sorted,
    ...(uniquePrefixes.length > 0 && { prefixes: uniquePrefixes }),
  };
}

/** Writes the file (for `guard --export-refs`). */
export async function writeRefsFile(
  file: string,
  registry: string,
  references: readonly RefsFileReference[],
  prefixes: readonly string[] = [],
): Promise<RefsFile> {
  const document = buildRefsFile(registry, references, prefixes);
  try {
    await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  } catch (error) {
    // A path that cannot be written is the user's to fix (bad input), not a bug with a stack.
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? `its folder ${path.dirname(file)} does not exist`
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? `not allowed to write there (${code})`
            : String(code ?? error);
    throw new ConfigError([{ file, message: `cannot write the references file: ${reason}` }]);
  }
  return document;
}

/**
 * Reads and validates a references file.
 * @throws ConfigError with the file, line and column (JSON syntax) or key path of every problem
 */
export async function readRefsFile(file: string): Promise<RefsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError([
      { file, message: `cannot read the references file: ${(error as NodeJS.ErrnoException).code ?? error}` },
    ]);
  }
  return parseRefsFile(text, file);
}

/** Validates the text of a references file; see readRefsFile. */
export function parseRefsFile(text: string, file: string): RefsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1]);
    const where = Number.isFinite(position) ? lineAndColumn(text, position) : {};
    throw new ConfigError([{ file, ...where, message: `expected JSON: ${message}` }]);
  }
  const problems: ConfigProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ file, path, message });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError([{ file, message: 'expected an object with version, registry and references' }]);
  }
  const document = data as Record<string, unknown>;
  for (const key of Object.keys(document)) {
    if (!['version', 'registry', 'references', 'prefixes'].includes(key))
      problem(key, 'unknown key (expected version, registry, references, prefixes)');
  }
  if (document['version'] !== REFS_FILE_VERSION)
    problem('version', `expected ${REFS_FILE_VERSION}, found ${JSON.stringify(document['version'])}`);
  const registry = document['registry'];
  if (typeof registry !== 'string' || !isValidHost(registry))
    problem('registry', `expected the old registry's host[:port], found ${JSON.stringify(registry)}`);
  const references = document['references'];
  const parsed: RefsFileReference[] = [];
  if (!Array.isArray(references)) {
    problem('references', `expected a list of references, found ${JSON.stringify(references)}`);
  } else {
    references.forEach((entry: unknown, index) => {
      const at = `references[${index}]`;
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        problem(at, `expected an object with repository, tag and/or digest, found ${JSON.stringify(entry)}`);
        return;
      }
      const ref = entry as Record<string, unknown>;
      for (const key of Object.keys(ref)) {
        if (!['repository', 'tag', 'digest'].includes(key))
          problem(`${at}.${key}`, 'unknown key (expected repository, tag, digest)');
      }
      const { repository, tag, digest } = ref;
      if (typeof repository !== 'string' || !isValidRepositoryPath(repository))
        problem(
          `${at}.repository`,
          `expected a repository path in the old registry (no host), found ${JSON.stringify(repository)}`,
        );
      if (tag !== undefined && (typeof tag !== 'string' || !isValidTag(tag)))
        problem(`${at}.tag`, `expected a tag, found ${JSON.stringify(tag)}`);
      if (digest !== undefined && (typeof digest !== 'string' || !isValidDigest(digest)))
        problem(`${at}.digest`, `expected a digest such as sha256:<64 hex>, found ${JSON.stringify(digest)}`);
      parsed.push({
        repository: repository as string,
        ...(tag !== undefined && { tag: tag as string }),
        ...(digest !== undefined && { digest: digest as string }),
      });
    });
  }
  const prefixes = document['prefixes'];
  if (
    prefixes !== undefined &&
    (!Array.isArray(prefixes) ||
      !prefixes.every(
        (prefix) => typeof prefix === 'string' && (prefix === '' || isValidRepositoryPath(prefix)),
      ))
  )
    problem('prefixes', `expected a list of repository path prefixes, found ${JSON.stringify(prefixes)}`);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    version: REFS_FILE_VERSION,
    registry: normalizeHost(registry as string),
    references: parsed,
    ...(Array.isArray(prefixes) && prefixes.length > 0 && { prefixes: prefixes as string[] }),
  };
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
