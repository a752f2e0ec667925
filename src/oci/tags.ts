import { repositoryScope } from './auth/challenge.js';
import { readJson } from './body.js';
import { RegistryError } from './errors.js';
import { drain } from './http.js';
import { tagsPath } from './paths.js';
import { isValidRepositoryPath, isValidTag } from './reference.js';
import type { Transport } from './transport.js';

/**
 * Tags and repositories: `/v2/<name>/tags/list` and `/v2/_catalog`, following `Link` pagination
 * (on the registry's own origin only, at most {@link MAX_PAGES} pages, and never round in circles:
 * pages that add nothing while linking on are refused after {@link MAX_IDLE_PAGES}). Names the registry lists that the distribution grammar does
 * not allow are left out and reported: they can never become part of a URL or a target tag.
 */

/** Told about each listed name that was left out. */
export type ListWarning = (message: string) => void;

/** Every tag of a repository; [] when the repository is unknown. */
export function listTags(
  transport: Transport,
  repository: string,
  pageSize: number,
  warn: ListWarning = () => undefined,
): Promise<string[]> {
  return listNames(transport, {
    first: tagsPath(repository, pageSize),
    scopes: [repositoryScope(repository, 'pull')],
    what: `list tags of ${repository}`,
    field: 'tags',
    valid: isValidTag,
    listed: `${transport.host}/${repository} lists tag`,
    missingIsEmpty: true,
    warn,
  });
}

/** One paged name list (tags or the catalog): every valid name of every page, the others reported. */
async function listNames(
  transport: Transport,
  list: {
    first: string;
    scopes: string[];
    what: string;
    field: 'tags' | 'repositories';
    valid: (name: string) => boolean;
    listed: string;
    missingIsEmpty: boolean;
    warn: ListWarning;
  },
): Promise<string[]> {
  const names = new Set<string>();
  let added = 0;
  for await (const page of pages<Record<string, unknown>>(
    transport,
    list.first,
    list.scopes,
    list.what,
    list.missingIsEmpty,
    () => added,
  )) {
    if (page === undefined) break;
    added = 0;
    for (const name of validNames(page[list.field], list.valid, list.listed, list.warn)) {
      if (names.has(name)) continue;
      names.add(name);
      added++;
    }
  }
  return [...names];
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
export function listRepositories(
  transport: Transport,
  pageSize: number,
  warn: ListWarning = () => undefined,
): Promise<string[]> {
  return listNames(transport, {
    first: `/v2/_catalog?n=${pageSize}`,
    scopes: ['registry:catalog:*'],
    what: 'list repositories',
    field: 'repositories',
    valid: isValidRepositoryPath,
    listed: `${transport.host}'s catalog lists repository`,
    missingIsEmpty: false,
    warn,
  });
}

/**
 * Pages followed per list at most: 10,000 pages of up to 1000 names (or of the 100 some registries
 * cap a page at) is more than any repository holds. A registry that links on past it is refused.
 */
export const MAX_PAGES = 10_000;
/** Pages in a row that add no new name while linking to another: a registry that is not advancing. */
export const MAX_IDLE_PAGES = 3;

async function* pages<T>(
  transport: Transport,
  first: string,
  scopes: string[],
  what: string,
  missingIsEmpty = true,
  fresh: (page: T) => number = () => 1,
): AsyncGenerator<T | undefined> {
  let next: string | undefined = first;
  const seen = new Set<string>();
  let idle = 0;
  const refuse = (why: string) =>
    new RegistryError('invalid-response', `${transport.host}: ${what}: ${why}`, {
      host: transport.host,
      final: true,
      hint: 'the list is incomplete, so nothing was chosen from it: ask the registry’s operators',
    });
  while (next !== undefined) {
    if (seen.size >= MAX_PAGES)
      throw refuse(`more than ${MAX_PAGES} pages (the page cap), and the registry still links to another`);
    seen.add(next);
    const { response, url } = await transport.send({ method: 'GET', url: next, scopes, what });
    if (response.status === 404 && missingIsEmpty) {
      await drain(response);
      yield undefined;
      return;
    }
    if (response.status !== 200) throw await transport.failure(response, url, what);
    const page = (await readJson(response, url)) as T;
    yield page;
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
    // A link back to a page already read ends the list (a registry that wraps around).
    if (next !== undefined && seen.has(next)) next = undefined;
    idle = next !== undefined && fresh(page) === 0 ? idle + 1 : 0;
    if (idle >= MAX_IDLE_PAGES)
      throw refuse(
        `the ${what.startsWith('list tags') ? 'tag list' : 'catalog'} is not advancing: ${idle} pages in a row brought no new name and linked to yet another page`,
      );
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
