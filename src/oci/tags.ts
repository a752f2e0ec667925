import { repositoryScope } from './auth/challenge.js';
import { readJson } from './body.js';
import { RegistryError } from './errors.js';
import { drain } from './http.js';
import { tagsPath } from './paths.js';
import { isValidRepositoryPath, isValidTag } from './reference.js';
import type { Transport } from './transport.js';

/**
 * Tags and repositories: `/v2/<name>/tags/list` and `/v2/_catalog`, following `Link` pagination
 * (on the registry's own origin only). Names the registry lists that the distribution grammar does
 * not allow are left out and reported: they can never become part of a URL or a target tag.
 */

/** Told about each listed name that was left out. */
export type ListWarning = (message: string) => void;

/** Every tag of a repository; [] when the repository is unknown. */
export async function listTags(
  transport: Transport,
  repository: string,
  pageSize: number,
  warn: ListWarning = () => undefined,
): Promise<string[]> {
  const tags: string[] = [];
  for await (const page of pages<{ tags?: unknown }>(
    transport,
    tagsPath(repository, pageSize),
    [repositoryScope(repository, 'pull')],
    `list tags of ${repository}`,
  )) {
    if (page === undefined) return tags;
    tags.push(...validNames(page.tags, isValidTag, `${transport.host}/${repository} lists tag`, warn));
  }
  return tags;
}

/** The strings of a listed page that pass `valid`; the others are reported, not returned. */
function validNames(
  listed: unknown,
  valid: (name: string) => boolean,
  what: string,
  warn: ListWarning,
): string[] {
  if (listed === undefined || listed === null) return [];
  if (!Array.isArray(listed))
    throw new RegistryError('invalid-response', `${what}s that are not a list`, { final: true });
  const names: string[] = [];
  for (const name of listed as unknown[]) {
    if (typeof name === 'string' && valid(name)) names.push(name);
    else warn(`${what} ${JSON.stringify(name)?.slice(0, 200)}, which is not valid: left out`);
  }
  return names;
}

/**
 * Every repository the registry's catalog lists.
 * @throws RegistryError when the registry does not serve or allow the catalog (401, 403, 404)
 */
export async function listRepositories(
  transport: Transport,
  pageSize: number,
  warn: ListWarning = () => undefined,
): Promise<string[]> {
  const names: string[] = [];
  for await (const page of pages<{ repositories?: unknown }>(
    transport,
    `/v2/_catalog?n=${pageSize}`,
    ['registry:catalog:*'],
    'list repositories',
    false,
  )) {
    names.push(
      ...validNames(
        page?.repositories,
        isValidRepositoryPath,
        `${transport.host}'s catalog lists repository`,
        warn,
      ),
    );
  }
  return names;
}

async function* pages<T>(
  transport: Transport,
  first: string,
  scopes: string[],
  what: string,
  missingIsEmpty = true,
): AsyncGenerator<T | undefined> {
  let next: string | undefined = first;
  const seen = new Set<string>();
  while (next !== undefined) {
    seen.add(next);
    const { response, url } = await transport.send({ method: 'GET', url: next, scopes, what });
    if (response.status === 404 && missingIsEmpty) {
      await drain(response);
      yield undefined;
      return;
    }
    if (response.status !== 200) throw await transport.failure(response, url, what);
    yield (await readJson(response, url)) as T;
    // The registry builds the cursor; we only follow it (relative to the page we asked for).
    const link = nextLink(response.headers.get('link'));
    next = link === undefined ? undefined : transport.follow(url, link);
    if (next !== undefined && new URL(next).origin !== new URL(url).origin)
      throw new RegistryError(
        'invalid-response',
        `${transport.host}: ${what}: the next page is on another server (${next})`,
        {
          host: transport.host,
          final: true,
        },
      );
    if (next !== undefined && seen.has(next)) next = undefined;
  }
}

/** The `rel="next"` target of a Link header, as written (maybe relative). */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /\brel\s*=\s*"?next"?/i.test(match[2]!)) return match[1];
  }
  return undefined;
}
