import type { GitHubApi, RecordedRequest } from '../harness/github-api.js';

/** One repository of the fake organisation: its branches, files and pull requests. */
export interface FakeRepo {
  defaultBranch: string;
  /** branch → sha */
  branches: Map<string, string>;
  /** `branch:path` → content */
  files: Map<string, string>;
  pulls: { number: number; head: string; base: string; title: string; state: 'open' | 'closed' }[];
}

/**
 * A tiny organisation behind the OpenAPI-checked stand-in: the answers follow the state the
 * requests build up, so a second run sees what the first one created.
 */
export function serveOrganisation(api: GitHubApi, repos: Map<string, FakeRepo>) {
  let nextPull = 100;
  const repoOf = (request: RecordedRequest) =>
    repos.get(`${request.params['owner']}/${request.params['repo']}`);
  const notFound = { status: 404, body: { message: 'Not Found' } };
  api.on('GET /repos/{owner}/{repo}', (request) => {
    const repo = repoOf(request);
    if (!repo) return notFound;
    const full = `${request.params['owner']}/${request.params['repo']}`;
    return { status: 200, body: { full_name: full, default_branch: repo.defaultBranch } };
  });
  api.on('GET /repos/{owner}/{repo}/contents/{path}', (request) => {
    const repo = repoOf(request);
    const ref = request.query['ref'] ?? repo?.defaultBranch;
    const content = repo?.files.get(`${ref}:${request.params['path']}`);
    if (content === undefined) return notFound;
    return {
      status: 200,
      body: { type: 'file', path: request.params['path'], sha: `blob-${content.length}`, content: '' },
    };
  });
  api.on('GET /repos/{owner}/{repo}/pulls', (request) => {
    const repo = repoOf(request)!;
    const head = request.query['head']?.split(':')[1];
    const state = request.query['state'] ?? 'open';
    return {
      status: 200,
      body: repo.pulls
        .filter((pull) => pull.state === state && (!head || pull.head === head))
        .map((pull) => ({ number: pull.number, html_url: `https://github.test/pull/${pull.number}` })),
    };
  });
  api.on('GET /repos/{owner}/{repo}/git/ref/{ref}', (request) => {
    const sha = repoOf(request)?.branches.get(request.params['ref']!.replace(/^heads\//, ''));
    return sha ? { status: 200, body: { ref: `refs/${request.params['ref']}`, object: { sha } } } : notFound;
  });
  api.on('POST /repos/{owner}/{repo}/git/refs', (request) => {
    const repo = repoOf(request)!;
    const { ref, sha } = request.body as { ref: string; sha: string };
    const branch = ref.replace(/^refs\/heads\//, '');
    if (repo.branches.has(branch)) return { status: 422, body: { message: 'Reference already exists' } };
    repo.branches.set(branch, sha);
    for (const [key, value] of [...repo.files]) {
      if (key.startsWith(`${repo.defaultBranch}:`))
        repo.files.set(`${branch}:${key.slice(repo.defaultBranch.length + 1)}`, value);
    }
    return { status: 201, body: { ref, object: { sha } } };
  });
  api.on('PUT /repos/{owner}/{repo}/contents/{path}', (request) => {
    const repo = repoOf(request)!;
    const body = request.body as { branch: string; content: string; sha?: string };
    const key = `${body.branch}:${request.params['path']}`;
    const existing = repo.files.get(key);
    if (existing !== undefined && body.sha !== `blob-${existing.length}`)
      return { status: 409, body: { message: 'sha does not match' } };
    repo.files.set(key, Buffer.from(body.content, 'base64').toString('utf8'));
    return {
      status: existing === undefined ? 201 : 200,
      body: { content: { path: request.params['path'] } },
    };
  });
  api.on('POST /repos/{owner}/{repo}/pulls', (request) => {
    const repo = repoOf(request)!;
    const body = request.body as { head: string; base: string; title: string };
    const number = nextPull++;
    repo.pulls.push({ number, head: body.head, base: body.base, title: body.title, state: 'open' });
    return { status: 201, body: { number, html_url: `https://github.test/pull/${number}` } };
  });
}
