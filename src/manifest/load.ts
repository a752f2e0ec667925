import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, UsageError } from '../shared/errors.js';
import type { SecretRegistry } from '../shared/secrets.js';
import type { Manifest } from './model.js';
import { parseManifest } from './parse.js';
import { centralManifestTokenHint, connectGitHub, MANIFEST_TOKEN_VARIABLES } from '../github/connect.js';
import { httpStatus } from '../github/http-status.js';

/** Where a manifest is looked for when `--manifest` is not given, in order. */
export const DEFAULT_MANIFEST_PATHS = ['cutover.yml', '.github/cutover.yml'];

/** `owner/repo:path[@ref]`: a manifest kept in another repository. */
export interface CentralManifest {
  owner: string;
  repo: string;
  path: string;
  ref?: string;
}

const CENTRAL = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+):([^@]+?)(?:@(.+))?$/;

/** Parses `owner/repo:path@ref`, or returns undefined for a local path. */
export function parseCentralManifest(spec: string): CentralManifest | undefined {
  const match = CENTRAL.exec(spec);
  if (!match) return undefined;
  const [, owner, repo, file, ref] = match;
  return { owner: owner!, repo: repo!, path: file!.replace(/^\/+/, ''), ...(ref !== undefined && { ref }) };
}

/**
 * Finds, reads and validates the manifest: `--manifest` (a path or a central `owner/repo:path@ref`),
 * else cutover.yml, else .github/cutover.yml under `cwd`.
 * @throws UsageError when nothing can be read, ConfigError when it is invalid
 */
export async function loadManifest(
  spec: string | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv,
  secrets: SecretRegistry,
): Promise<Manifest> {
  if (spec !== undefined) {
    const central = parseCentralManifest(spec);
    if (central && !existsSync(path.resolve(cwd, spec)))
      return parseManifest(await fetchCentral(central, env, secrets), spec);
    return parseManifest(readLocal(path.resolve(cwd, spec), spec), spec);
  }
  for (const candidate of DEFAULT_MANIFEST_PATHS) {
    const file = path.resolve(cwd, candidate);
    if (existsSync(file)) return parseManifest(readLocal(file, candidate), candidate);
  }
  throw new UsageError(
    `no manifest found: looked for ${DEFAULT_MANIFEST_PATHS.join(' and ')} in ${cwd}; pass --manifest PATH or owner/repo:path@ref`,
  );
}

function readLocal(file: string, shown: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new ConfigError([{ file: shown, message: `cannot read the manifest: ${reason}` }]);
  }
}

async function fetchCentral(
  central: CentralManifest,
  env: NodeJS.ProcessEnv,
  secrets: SecretRegistry,
): Promise<string> {
  const shown = `${central.owner}/${central.repo}:${central.path}${central.ref ? `@${central.ref}` : ''}`;
  // Loaded on demand, not at start-up: Octokit costs every other run of the CLI tens of milliseconds.
  const octokit = await connectGitHub(env, secrets, `reading the central manifest ${shown}`, {
    tokenVariables: MANIFEST_TOKEN_VARIABLES,
  });
  try {
    const response = await octokit.rest.repos.getContent({
      owner: central.owner,
      repo: central.repo,
      path: central.path,
      ...(central.ref !== undefined && { ref: central.ref }),
      mediaType: { format: 'raw' },
    });
    if (typeof response.data !== 'string') {
      throw new ConfigError([
        { file: shown, message: 'the central manifest path is a directory, not a file' },
      ]);
    }
    return response.data;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const status = httpStatus(error);
    const detail = (error as Error).message;
    let reason: string;
    if (status === 404 && /ref|commit|branch/i.test(detail))
      reason = `the ref "${central.ref}" does not exist (${detail})`;
    else if ((status === 404 || status === 403) && centralManifestTokenHint(env, central.owner, central.repo))
      reason = centralManifestTokenHint(env, central.owner, central.repo)!;
    else if (status === 404)
      reason = `not found (no such repository, path or ref, or the token cannot read ${central.owner}/${central.repo})`;
    else if (status === 401) reason = 'the token was refused (401): check GITHUB_TOKEN';
    else if (status === 403)
      reason = `access denied (403): the token lacks contents:read on ${central.owner}/${central.repo}`;
    else reason = status ? `GitHub answered ${status}: ${detail}` : `GitHub could not be reached: ${detail}`;
    throw new ConfigError([{ file: shown, message: `cannot fetch the central manifest: ${reason}` }]);
  }
}
