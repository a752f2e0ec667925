import { repositoryScope } from './auth.js';
import { readJson } from './body.js';
import { drain } from './http.js';
import type { Transport } from './transport.js';

/** Tags and repositories: `/v2/<name>/tags/list` and `/v2/_catalog`, following `Link` pagination. */

/** Every tag of a repository; [] when the repository is unknown. */
export async function listTags(
  transport: Transport,
  repository: string,
  pageSize: number,
): Promise<string[]> {
  const tags: string[] = [];
  for await (const page of pages<{ tags?: string[] | null }>(
    transport,
    `/v2/${repository}/tags/list?n=${pageSize}`,
    [repositoryScope(repository, 'pull')],
    `list tags of ${repository}`,
  )) {
    if (page === undefined) return tags;
    tags.push(...(page.tags ?? []));
  }
  return tags;
}

/**
 * Every repository the registry's catalog lists.
 * @throws RegistryError when the registry does not serve or allow the catalog (401, 403, 404)
 */
export async function listRepositories(transport: Transport, pageSize: number): Promise<string[]> {
  const names: string[] = [];
  for await (const page of pages<{ repositories?: string[] | null }>(
    transport,
    `/v2/_catalog?n=${pageSize}`,
    ['registry:catalog:*'],
    'list repositories',
    false,
  )) {
    names.push(...(page?.repositories ?? []));
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
    next = link === undefined ? undefined : new URL(link, url).href;
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
