import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * A local stand-in for api.github.com that checks every request against GitHub's published
 * OpenAPI description (@octokit/openapi): the endpoint must exist, path and query parameters
 * must be declared (required ones present, values of the declared type) and JSON bodies must
 * validate. Tests register answers per operation (`GET /repos/{owner}/{repo}/contents/{path}`).
 * Anything wrong is recorded in `violations`, which tests assert empty.
 */

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
}

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  pathNames: string[];
  parameters: Parameter[];
  bodySchema?: Record<string, unknown>;
  bodyRequired: boolean;
  validateBody?: ValidateFunction;
}

type Spec = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: unknown[];
        requestBody?: { required?: boolean; content?: Record<string, { schema?: Record<string, unknown> }> };
      }
    >
  >;
  components: Record<string, Record<string, unknown>>;
};

let cached: { spec: Spec; operations: Operation[]; ajv: Ajv } | undefined;

function load() {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as Spec;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'github', components: spec.components } as object);
  const operations: Operation[] = [];
  for (const [template, methods] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method)) continue;
      const parameters = [
        ...((methods['parameters'] as unknown as unknown[]) ?? []),
        ...(operation.parameters ?? []),
      ].map((p) => resolve(spec, p)) as (Parameter & { 'x-multi-segment'?: boolean })[];
      const multiSegment = new Set(parameters.filter((p) => p['x-multi-segment']).map((p) => p.name));
      const { regex, pathNames } = templateMatcher(template, multiSegment);
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        template,
        regex,
        pathNames,
        parameters,
        ...(bodySchema && { bodySchema }),
        bodyRequired: operation.requestBody?.required ?? false,
      });
    }
  }
  // Literal segments beat parameters: try the most specific templates first.
  operations.sort(
    (a, b) => b.template.replace(/\{[^}]+\}/g, '').length - a.template.replace(/\{[^}]+\}/g, '').length,
  );
  cached = { spec, operations, ajv };
  return cached;
}

/** The regular expression that matches an operation's path template, and its parameters' names in order. */
function templateMatcher(
  template: string,
  multiSegment: Set<string>,
): { regex: RegExp; pathNames: string[] } {
  const pathNames: string[] = [];
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      pathNames.push(name);
      return multiSegment.has(name) ? '(.+)' : '([^/]+)';
    })
    .join('');
  return { regex: new RegExp(`^${pattern}$`), pathNames };
}

/** Whether GitHub's OpenAPI description (@octokit/openapi, a development dependency) is installed. */
function specInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    return true;
  } catch {
    return false;
  }
}

function resolve(spec: Spec, value: unknown): unknown {
  const ref = (value as { $ref?: string }).$ref;
  if (!ref) return value;
  const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(ref) ?? [];
  return spec.components[section!]?.[name!];
}

function rewriteRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rewriteRefs);
  if (schema && typeof schema === 'object') {
    // OpenAPI 3.0's `nullable` beside no `type` (e.g. issue bodies' milestone) is not JSON Schema;
    // ajv refuses to compile it, so such a marker is dropped (the value then accepts anything).
    const dropNullable = 'nullable' in schema && !('type' in schema);
    return Object.fromEntries(
      Object.entries(schema)
        .filter(([key]) => !(dropNullable && key === 'nullable'))
        .map(([key, value]) => [
          key,
          key === '$ref' && typeof value === 'string' ? `github${value}` : rewriteRefs(value),
        ]),
    );
  }
  return schema;
}

export interface RecordedRequest {
  method: string;
  operation: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: http.IncomingHttpHeaders;
}

export interface Answer {
  status: number;
  /** JSON (an object), text (a string), or a stream sent as it is read (for large answers). */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (request: RecordedRequest) => Answer | Promise<Answer>;

export interface GitHubApi {
  url: string;
  requests: RecordedRequest[];
  violations: string[];
  /** Answers an operation, named `METHOD /template` exactly as in GitHub's OpenAPI description. */
  on(operation: string, handler: Handler): void;
  /**
   * Answers before the operation's handler when `limiter` returns an answer (e.g. a rate limit);
   * the request is recorded either way. One limiter at a time; `undefined` removes it.
   */
  limit(limiter: ((request: RecordedRequest) => Answer | undefined) | undefined): void;
  stop(): Promise<void>;
}

function checkType(value: string, schema: Record<string, unknown> | undefined): boolean {
  const type = schema?.['type'];
  if (type === 'integer') return /^-?\d+$/.test(value);
  if (type === 'number') return !Number.isNaN(Number(value));
  if (type === 'boolean') return value === 'true' || value === 'false';
  const allowed = schema?.['enum'] as string[] | undefined;
  return !allowed || allowed.includes(value);
}

/**
 * Starts the checked GitHub API stand-in on 127.0.0.1. Tests always check requests against GitHub's
 * OpenAPI description; the rehearsal (`scripts/demo.ts`), which runs without the development
 * dependencies, may ask for `unchecked: 'without-spec'`: then, when the description is not installed,
 * requests are routed by the templates answered and not checked.
 */
export async function startGitHubApi(settings: { unchecked?: 'without-spec' } = {}): Promise<GitHubApi> {
  const checked = settings.unchecked === 'without-spec' && !specInstalled() ? undefined : load();
  const operations: Operation[] = checked?.operations ?? [];
  const handlers = new Map<string, Handler>();
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  let limiter: ((request: RecordedRequest) => Answer | undefined) | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      const reply = (answer: Answer) => {
        res.writeHead(answer.status, {
          'content-type': 'application/json; charset=utf-8',
          ...answer.headers,
        });
        if (answer.body instanceof Readable) {
          // A client that stops reading closes the connection: stop producing then.
          res.on('close', () => (answer.body as Readable).destroy());
          return void (answer.body as Readable).pipe(res);
        }
        res.end(
          answer.body === undefined
            ? ''
            : typeof answer.body === 'string' || Buffer.isBuffer(answer.body)
              ? answer.body
              : JSON.stringify(answer.body),
        );
      };
      const operation = operations.find((op) => op.method === method && op.regex.test(url.pathname));
      if (!operation) {
        violations.push(`${method} ${url.pathname}: no such endpoint in GitHub's OpenAPI description`);
        return reply({ status: 404, body: { message: 'Not Found (not in the OpenAPI description)' } });
      }
      const name = `${method} ${operation.template}`;
      const match = operation.regex.exec(url.pathname)!;
      const params = Object.fromEntries(
        operation.pathNames.map((p, i) => [p, decodeURIComponent(match[i + 1]!)]),
      );
      const query = Object.fromEntries(url.searchParams.entries());
      const problems: string[] = [];
      for (const parameter of checked ? operation.parameters : []) {
        if (parameter.in === 'query') {
          const value = query[parameter.name];
          if (value === undefined && parameter.required)
            problems.push(`missing required query parameter "${parameter.name}"`);
          if (value !== undefined && !checkType(value, parameter.schema)) {
            problems.push(
              `query parameter "${parameter.name}"=${JSON.stringify(value)} does not match ${JSON.stringify(parameter.schema)}`,
            );
          }
        }
        if (parameter.in === 'path' && !checkType(params[parameter.name] ?? '', parameter.schema)) {
          problems.push(
            `path parameter "${parameter.name}" does not match ${JSON.stringify(parameter.schema)}`,
          );
        }
      }
      const declared = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
      for (const key of checked ? Object.keys(query) : [])
        if (!declared.has(key)) problems.push(`undeclared query parameter "${key}"`);
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          problems.push('request body is not JSON');
        }
      }
      if (!checked) {
        // Unchecked (the rehearsal without the OpenAPI description): routed, recorded, answered.
      } else if (operation.bodySchema) {
        if (body === undefined && operation.bodyRequired) problems.push('missing required JSON body');
        if (body !== undefined) {
          operation.validateBody ??= checked.ajv.compile(rewriteRefs(operation.bodySchema) as object);
          if (!operation.validateBody(body))
            problems.push(
              `body does not match the schema: ${checked.ajv.errorsText(operation.validateBody.errors)}`,
            );
        }
      } else if (body !== undefined && method !== 'GET') {
        problems.push('a body was sent to an operation that takes none');
      }
      if (!req.headers['authorization']) problems.push('no Authorization header');
      const recorded = {
        method,
        operation: name,
        path: url.pathname,
        params,
        query,
        body,
        headers: req.headers,
      };
      requests.push(recorded);
      if (problems.length > 0) {
        violations.push(...problems.map((problem) => `${name}: ${problem}`));
        return reply({ status: 422, body: { message: problems.join('; ') } });
      }
      const limited = limiter?.(recorded);
      if (limited) return reply(limited);
      const handler = handlers.get(name);
      if (!handler) {
        violations.push(`${name}: called, but the test registered no answer for it`);
        return reply({ status: 501, body: { message: `no answer for ${name}` } });
      }
      try {
        reply(await handler(recorded));
      } catch (error) {
        violations.push(`${name}: handler threw ${(error as Error).message}`);
        reply({ status: 500, body: { message: (error as Error).message } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    on(operation, handler) {
      const [method = '', template = ''] = operation.split(' ');
      if (!checked && !operations.some((op) => op.method === method && op.template === template)) {
        // A path parameter named `path` spans segments (a file path), as the description marks it.
        operations.push({
          method,
          template,
          ...templateMatcher(template, new Set(['path'])),
          parameters: [],
          bodyRequired: false,
        });
        operations.sort(
          (a, b) => b.template.replace(/\{[^}]+\}/g, '').length - a.template.replace(/\{[^}]+\}/g, '').length,
        );
      }
      if (!operations.some((op) => op.method === method && op.template === template)) {
        throw new Error(`"${operation}" is not an operation in GitHub's OpenAPI description`);
      }
      handlers.set(operation, handler);
    },
    limit(next) {
      limiter = next;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Primary (hourly quota spent) or secondary (too many requests too fast) rate limit. */
export type RateLimitKind = 'primary' | 'secondary';

/**
 * GitHub's rate-limit answers, as its documentation describes them: a primary limit is 403 (or 429)
 * with `x-ratelimit-remaining: 0` and `x-ratelimit-reset` (epoch seconds); a secondary limit is 403
 * or 429 with `retry-after` (seconds) and a "secondary rate limit" message.
 */
export function rateLimitAnswer(kind: RateLimitKind, status: 403 | 429, waitSeconds: number): Answer {
  const reset = Math.ceil(Date.now() / 1000) + waitSeconds;
  const common = {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-used': kind === 'primary' ? '5000' : '1200',
    'x-ratelimit-resource': 'core',
    'x-ratelimit-reset': String(reset),
  };
  return kind === 'primary'
    ? {
        status,
        headers: { ...common, 'x-ratelimit-remaining': '0' },
        body: {
          message: 'API rate limit exceeded for installation.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        },
      }
    : {
        status,
        headers: { ...common, 'x-ratelimit-remaining': '3800', 'retry-after': String(waitSeconds) },
        body: {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        },
      };
}

/**
 * A storm: every `every`-th request (counting from the first) is answered with a rate limit,
 * cycling through secondary 403, secondary 429 and primary 403 answers of `waitSeconds`.
 * Returns the limiter for {@link GitHubApi.limit} and a counter of the limit answers given.
 */
export function rateLimitStorm(every: number, waitSeconds = 1) {
  let seen = 0;
  let limited = 0;
  const kinds: [RateLimitKind, 403 | 429][] = [
    ['secondary', 403],
    ['secondary', 429],
    ['primary', 403],
  ];
  return {
    limiter: (): Answer | undefined => {
      if (++seen % every !== 0) return undefined;
      const [kind, status] = kinds[limited++ % kinds.length]!;
      return rateLimitAnswer(kind, status, waitSeconds);
    },
    limited: () => limited,
  };
}

/**
 * Serves repositories' default branches from local git repositories, as GitHub does: the head
 * commit (`GET …/commits/HEAD` with the `sha` media type: the bare SHA), the tarball (`git
 * archive`, gzipped, one top directory `owner-repo-sha7/`, exactly GitHub's format: files marked
 * `export-ignore` are left out), the recursive tree (`git/trees/{sha}?recursive=1`) and blobs
 * (`git/blobs/{sha}`, base64). `repos` maps owner/name to a git directory, to a status (e.g. 404)
 * to answer for the tarball, or to a HOSTILE tarball (a Buffer, served as is, with an empty tree).
 */
export function serveRepositories(api: GitHubApi, repos: Map<string, string | number | Buffer>): void {
  const source = (request: RecordedRequest) =>
    repos.get(`${request.params['owner']}/${request.params['repo']}`);
  const HOSTILE_COMMIT = 'b'.repeat(40);
  api.on('GET /repos/{owner}/{repo}/commits/{ref}', (request) => {
    const dir = source(request);
    if (dir === undefined) return { status: 404, body: { message: 'Not Found' } };
    if (typeof dir === 'number') return { status: 200, headers: SHA_TYPE, body: '0'.repeat(40) };
    if (Buffer.isBuffer(dir)) return { status: 200, headers: SHA_TYPE, body: HOSTILE_COMMIT };
    const ref = request.params['ref'] === 'HEAD' ? 'HEAD' : request.params['ref']!;
    return { status: 200, headers: SHA_TYPE, body: git(dir, ['rev-parse', ref]).toString().trim() };
  });
  api.on('GET /repos/{owner}/{repo}/tarball/{ref}', (request) => {
    const dir = source(request);
    if (Buffer.isBuffer(dir))
      return { status: 200, headers: { 'content-type': 'application/x-gzip' }, body: dir };
    if (dir === undefined || typeof dir === 'number')
      return { status: typeof dir === 'number' ? dir : 404, body: { message: 'Not Found' } };
    const ref = request.params['ref']!;
    const prefix = `${request.params['owner']}-${request.params['repo']}-${ref.slice(0, 7)}/`;
    return {
      status: 200,
      headers: { 'content-type': 'application/x-gzip' },
      body: git(dir, ['archive', '--format=tar.gz', `--prefix=${prefix}`, ref]),
    };
  });
  api.on('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', (request) => {
    const dir = source(request);
    const sha = request.params['tree_sha']!;
    if (Buffer.isBuffer(dir)) return { status: 200, body: { sha, url: '', tree: [], truncated: false } };
    if (typeof dir !== 'string') return { status: 404, body: { message: 'Not Found' } };
    // `git ls-tree -r -l`: "<mode> <type> <sha> <size>\t<path>" per entry, NUL-separated with -z.
    const recursive = request.query['recursive'] !== undefined;
    const entries = git(dir, ['ls-tree', '-z', '-l', ...(recursive ? ['-r', '-t'] : []), sha])
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta, file] = line.split('\t') as [string, string];
        const [mode, type, object, size] = meta.split(/\s+/) as [string, string, string, string];
        return {
          path: file,
          mode,
          type,
          sha: object,
          ...(type === 'blob' && { size: Number(size) }),
          url: '',
        };
      });
    return { status: 200, body: { sha, url: '', tree: entries, truncated: false } };
  });
  api.on('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', (request) => {
    const dir = source(request);
    if (typeof dir !== 'string') return { status: 404, body: { message: 'Not Found' } };
    const bytes = git(dir, ['cat-file', 'blob', request.params['file_sha']!]);
    return {
      status: 200,
      body: {
        sha: request.params['file_sha'],
        node_id: '',
        url: '',
        size: bytes.length,
        content: bytes.toString('base64'),
        encoding: 'base64',
      },
    };
  });
}

const SHA_TYPE = { 'content-type': 'application/vnd.github.sha; charset=utf-8' };

function git(dir: string, args: string[]): Buffer {
  return execFileSync('git', ['-C', dir, ...args], { maxBuffer: 256 * 1024 * 1024 });
}
