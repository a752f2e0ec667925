import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { z } from 'zod';
import { ConfigError, type ConfigProblem } from '../shared/errors.js';
import { isLoopbackHost, normalizeHost, parseRepositoryReference } from '../oci/reference.js';
import { nearest } from '../shared/did-you-mean.js';
import { describeValue, formatKeyPath, SourceLocator, type KeyPath } from './locate.js';
import type { Manifest, RegistrySpec } from './model.js';
import { durationMs, manifestSchema, type ManifestInput } from './schema.js';

const SECRET_KEYS = /^(password|passwd|secret|token|auth|username|user|identitytoken)$/i;

/**
 * Parses and validates manifest text. Every problem is located (file:line:column and key path);
 * all problems are collected before throwing, so one run shows them all.
 * @throws ConfigError listing every problem
 */
export function parseManifest(text: string, source: string): Manifest {
  const lines = new LineCounter();
  // uniqueKeys off: the library compares each key with every earlier one (quadratic: seconds for a
  // manifest of 20,000 repositories); duplicateKeyOffsets does the same check with a set per mapping.
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const locator = new SourceLocator(document, lines);
  const problems: ConfigProblem[] = [];
  const at = (path: KeyPath, message: string, onKey = false): ConfigProblem => ({
    file: source,
    ...(onKey ? locator.keyAt(path) : locator.valueAt(path)),
    path: formatKeyPath(path),
    message,
  });

  const found = [
    ...document.errors.map((error) => ({
      offset: error.pos[0],
      message: `YAML syntax error: ${error.message.split('\n')[0]}`,
    })),
    ...duplicateKeyOffsets(document).map((offset) => ({
      offset,
      message: `duplicate key ${JSON.stringify(keyTextAt(text, offset))}: each key may appear once`,
    })),
  ].sort((a, b) => a.offset - b.offset);
  for (const { offset, message } of found) {
    problems.push({ file: source, ...locator.positionOf(offset), message });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const raw: unknown = document.toJS();
  if (raw === null || raw === undefined) {
    throw new ConfigError([
      {
        file: source,
        line: 1,
        column: 1,
        message: 'the manifest is empty: expected a mapping starting with "version: 1"',
      },
    ]);
  }
  const result = manifestSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of withoutMisspeltMissing(result.error.issues))
      problems.push(...describeIssue(issue, locator, at));
    throw new ConfigError(sortProblems(problems));
  }
  const input = result.data;
  problems.push(...crossFieldProblems(input, at));
  if (problems.length > 0) throw new ConfigError(sortProblems(problems));
  return normalise(input, source, locator, at);
}

type At = (path: KeyPath, message: string, onKey?: boolean) => ConfigProblem;

/**
 * Where keys repeat within one mapping (block or flow): the offset of each repetition's key. Keys
 * are equal when both are scalars with the same value, as the YAML library's own check has it.
 */
function duplicateKeyOffsets(document: Document): number[] {
  const offsets: number[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const value: unknown = pair.key.value;
        const identity = `${typeof value}:${String(value)}`;
        if (seen.has(identity)) offsets.push(pair.key.range?.[0] ?? 0);
        else seen.add(identity);
      }
    },
  });
  return offsets;
}

/** The key written at `offset` (plain or quoted), for duplicate-key messages. */
function keyTextAt(text: string, offset: number): string {
  const match = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^:\n]+)/.exec(text.slice(offset));
  const key = match?.[1]?.trim() ?? '';
  return /^["']/.test(key) ? key.slice(1, -1) : key;
}

/** A required key reported missing beside an unknown key that is its misspelling: report only the misspelling. */
function withoutMisspeltMissing(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = issue.path.map(String);
    const known = knownKeysAt(issue.path.filter((part): part is string | number => typeof part !== 'symbol'));
    for (const key of issue.keys) {
      const suggestion = nearest(key, known);
      if (suggestion) misspelt.add(JSON.stringify([...path, suggestion]));
    }
  }
  return issues.filter(
    (issue) => issue.code === 'unrecognized_keys' || !misspelt.has(JSON.stringify(issue.path.map(String))),
  );
}

function describeIssue(issue: z.core.$ZodIssue, locator: SourceLocator, at: At): ConfigProblem[] {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (issue.code !== 'unrecognized_keys' && path.length > 0 && locator.jsAt(path) === undefined) {
    const parent = path.length === 1 ? {} : locator.jsAt(path.slice(0, -1));
    if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) {
      return [at(path, `missing required key "${String(path[path.length - 1])}"`)];
    }
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const keyPath = [...path, key];
        if (path[path.length - 1] === 'credentials' && SECRET_KEYS.test(key)) {
          return at(
            keyPath,
            `a secret written inline: the manifest never holds credentials; use "${/user/i.test(key) ? 'username' : 'password'}-env" to name an environment variable`,
            true,
          );
        }
        const known = knownKeysAt(path);
        const suggestion = nearest(key, known);
        const hint = suggestion
          ? `; did you mean "${suggestion}"?`
          : known.length
            ? `; expected one of: ${known.join(', ')}`
            : '';
        return at(keyPath, `unknown key "${key}"${hint}`, true);
      });
    case 'invalid_type': {
      const found = locator.jsAt(path);
      return [at(path, `expected ${expectedOf(issue)}, found ${describeValue(found)}`)];
    }
    case 'invalid_value':
      return [
        at(
          path,
          `${customOrDefault(issue.message, `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`)}, found ${describeValue(locator.jsAt(path))}`,
        ),
      ];
    case 'too_small':
    case 'too_big':
      return [
        at(
          path,
          `${issue.message.replace(/^Too (small|big): /, '')}, found ${describeValue(locator.jsAt(path))}`,
        ),
      ];
    default: {
      // Never echo what stands where a credential's name belongs: it may be the secret itself.
      if (path.includes('credentials')) return [at(path, issue.message)];
      const message = issue.message.includes(', found')
        ? issue.message
        : `${issue.message}, found ${describeValue(locator.jsAt(path))}`;
      return [at(path, message)];
    }
  }
}

function expectedOf(issue: { expected: string; message: string }): string {
  if (!issue.message.startsWith('Invalid input')) return issue.message.replace(/^expected /, '');
  return issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : issue.expected;
}

function customOrDefault(message: string, fallback: string): string {
  return message.startsWith('Invalid input') ? fallback : message;
}

/** Keys the schema knows at a path, for "did you mean" suggestions. */
function knownKeysAt(path: KeyPath): string[] {
  let schema: z.ZodType = manifestSchema;
  for (const part of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject)
      schema = (schema.shape as Record<string, z.ZodType>)[String(part)] ?? schema;
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.ZodType;
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable)
    current = current.unwrap() as z.ZodType;
  return current;
}

function crossFieldProblems(input: ManifestInput, at: At): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { old, new: next } = input.registries;
  if (next.available > old['read-only']) {
    problems.push(
      at(
        ['registries', 'new', 'available'],
        `the new registry must be available (${next.available}) no later than the old one turns read-only (${old['read-only']})`,
      ),
    );
  }
  if (old['read-only'] > old.shutdown) {
    problems.push(
      at(
        ['registries', 'old', 'read-only'],
        `read-only (${old['read-only']}) must not come after shutdown (${old.shutdown})`,
      ),
    );
  }
  const failFrom = input.guard?.['fail-from'];
  if (failFrom !== undefined && failFrom < next.available) {
    problems.push(
      at(
        ['guard', 'fail-from'],
        `fail-from (${failFrom}) must not come before the new registry is available (${next.available})`,
      ),
    );
  }

  const hostsSeen = new Map<string, KeyPath>();
  for (const role of ['old', 'new'] as const) {
    const registry = input.registries[role];
    const names: [string, KeyPath][] = [
      [registry.host, ['registries', role, 'host']],
      ...(registry.aliases ?? []).map((alias, index): [string, KeyPath] => [
        alias,
        ['registries', role, 'aliases', index],
      ]),
    ];
    for (const [name, path] of names) {
      const key = normalizeHost(name);
      const earlier = hostsSeen.get(key);
      // Docker Hub's names (index.docker.io, registry-1.docker.io …) are one registry: listing them as
      // aliases of docker.io is fine; naming the same registry on both sides is not.
      if (earlier && earlier[1] !== role)
        problems.push(
          at(
            path,
            `host "${name}" is already named at ${formatKeyPath(earlier)}: the old and new registries must differ`,
          ),
        );
      else if (!earlier) hostsSeen.set(key, path);
    }
  }

  const repoNames = new Map<string, string>();
  const producers = new Map<string, string>();
  for (const [name, repo] of Object.entries(input.repos ?? {})) {
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(name)) {
      problems.push(
        at(['repos', name], `expected a repository name "owner/name", found ${JSON.stringify(name)}`, true),
      );
    }
    const folded = name.toLowerCase();
    const twin = repoNames.get(folded);
    if (twin !== undefined) {
      problems.push(
        at(
          ['repos', name],
          `duplicate repository: "${name}" and "${twin}" are the same GitHub repository (names are case-insensitive)`,
          true,
        ),
      );
    }
    repoNames.set(folded, name);
    for (const [index, image] of (repo?.produces ?? []).entries()) {
      const other = producers.get(image);
      if (other !== undefined && other !== name) {
        problems.push(
          at(
            ['repos', name, 'produces', index],
            `image "${image}" is already produced by ${other}: each image has one producing repository`,
          ),
        );
      } else producers.set(image, name);
    }
    for (const [index, image] of (repo?.consumes ?? []).entries()) {
      const first = image.split('/')[0]!;
      if (image.includes('/') && hostsSeen.has(normalizeHost(first))) {
        problems.push(
          at(
            ['repos', name, 'consumes', index],
            `write images as paths in the old registry, without the host: "${image.slice(first.length + 1)}"`,
          ),
        );
      }
    }
    problems.push(...generatedProblems(repo?.generated ?? [], ['repos', name, 'generated'], at));
  }
  problems.push(...generatedProblems(input.generated ?? [], ['generated'], at));

  for (const [index, rule] of (input.copy ?? []).entries()) {
    if (rule.images === undefined && rule.referenced !== true && rule.pulled === undefined) {
      problems.push(
        at(
          ['copy', index],
          'a copy rule needs "images" (repository globs), "referenced: true" or "pulled: {days: N}"',
        ),
      );
    }
  }
  for (const [index, rule] of (input.paths ?? []).entries()) {
    const captures = (rule.from.match(/\*/g) ?? []).length;
    const used = (rule.to.match(/\*/g) ?? []).length;
    if (used > captures) {
      problems.push(at(['paths', index, 'to'], `"to" uses ${used} "*" but "from" captures only ${captures}`));
    }
    try {
      parseRepositoryReference(rule.to.replace(/\*/g, 'x'));
    } catch (error) {
      problems.push(at(['paths', index, 'to'], `expected a repository path: ${(error as Error).message}`));
    }
  }
  return problems;
}

function generatedProblems(
  entries: ManifestInput['generated'] & object,
  path: KeyPath,
  at: At,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    if (seen.has(entry.name))
      problems.push(at([...path, index, 'name'], `duplicate generator name "${entry.name}"`));
    seen.add(entry.name);
    if (entry.timeout !== undefined && durationMs(entry.timeout) === 0)
      problems.push(at([...path, index, 'timeout'], 'expected a duration greater than zero'));
    const dir = entry['working-directory'];
    if (dir !== undefined && (dir.startsWith('/') || dir.split('/').includes('..'))) {
      problems.push(
        at(
          [...path, index, 'working-directory'],
          `expected a directory inside the repository, found ${JSON.stringify(dir)}`,
        ),
      );
    }
  }
  return problems;
}

function registrySpec(role: 'old' | 'new', input: ManifestInput['registries']['old' | 'new']): RegistrySpec {
  const host = normalizeHost(input.host);
  const credentials = input.credentials && {
    ...(input.credentials['username-env'] && { usernameEnv: input.credentials['username-env'] }),
    ...(input.credentials['password-env'] && { passwordEnv: input.credentials['password-env'] }),
  };
  return {
    role,
    host,
    aliases: (input.aliases ?? []).map(normalizeHost),
    insecure: input.insecure ?? isLoopbackHost(host),
    ...(credentials && { credentials }),
  };
}

function normalise(input: ManifestInput, source: string, locator: SourceLocator, at: At): Manifest {
  const repos = Object.entries(input.repos ?? {}).map(([name, repo]) => ({
    name,
    ...(repo?.owner !== undefined && { owner: repo.owner }),
    produces: repo?.produces ?? [],
    consumes: (repo?.consumes ?? []).map((text) => parseRepositoryReference(text)),
    generated: repo?.generated ?? [],
  }));
  const produced = new Set(repos.flatMap((repo) => repo.produces));
  const warnings: ConfigProblem[] = [];
  for (const repo of repos) {
    for (const [index, consumed] of repo.consumes.entries()) {
      if (!produced.has(consumed.repository)) {
        warnings.push(
          at(
            ['repos', repo.name, 'consumes', index],
            `image "${consumed.repository}" is consumed but no repository in the manifest produces it`,
          ),
        );
      }
    }
  }
  const { old, new: next } = input.registries;
  return {
    source,
    registries: { old: registrySpec('old', old), new: registrySpec('new', next) },
    timeline: {
      available: next.available,
      readOnly: old['read-only'],
      shutdown: old.shutdown,
      failFrom: input.guard?.['fail-from'] ?? old.shutdown,
      ...(input.guard?.['warn-days'] !== undefined && { warnDays: input.guard['warn-days'] }),
    },
    paths: input.paths ?? [],
    guard: {
      allowFiles: input.guard?.allow?.files ?? [],
      allowReferences: input.guard?.allow?.references ?? [],
    },
    repos,
    copy: input.copy ?? [],
    generated: input.generated ?? [],
    warnings,
    locator,
  };
}

function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
