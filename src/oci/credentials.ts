import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, OperationalError, UsageError } from '../shared/errors.js';
import { runProgram } from '../shared/process.js';
import type { SecretRegistry } from '../shared/secrets.js';
import { normalizeHost } from './reference.js';

/**
 * Where a registry's credentials come from: environment variable names (the manifest's
 * `credentials:`), else the Docker config for the host and its aliases. The manifest's
 * RegistrySpec fits this shape; the OCI client knows nothing else of the manifest.
 */
export interface CredentialSource {
  host: string;
  aliases?: readonly string[];
  credentials?: { usernameEnv?: string | undefined; passwordEnv?: string | undefined } | undefined;
}

/** What we send a registry: a user and password (Basic, or to a token service), or an identity token. */
export type Credentials =
  | { kind: 'basic'; username: string; password: string; source: string }
  | { kind: 'identity-token'; token: string; source: string };

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
export function dockerConfigPath(env: NodeJS.ProcessEnv): string {
  return path.join(env['DOCKER_CONFIG'] || path.join(env['HOME'] || os.homedir(), '.docker'), 'config.json');
}

async function readDockerConfig(env: NodeJS.ProcessEnv): Promise<DockerConfig | undefined> {
  const file = dockerConfigPath(env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as DockerConfig;
  } catch (error) {
    throw new ConfigError([
      { file, message: `the Docker config is not valid JSON: ${(error as Error).message}` },
    ]);
  }
}

/** The host an `auths` key names: keys may be URLs (`https://index.docker.io/v1/`) or bare hosts. */
function authKeyHost(key: string): string {
  return normalizeHost(key.replace(/^[a-z]+:\/\//i, '').split('/')[0]!);
}

/** How long a credential helper may take (they may ask a keychain or a cloud API). */
const HELPER_TIMEOUT_MS = 30_000;

/** Asks `docker-credential-<helper> get` for a host's credentials; undefined when it has none. */
async function runHelper(
  helper: string,
  host: string,
  env: NodeJS.ProcessEnv,
): Promise<{ Username?: string; Secret?: string } | undefined> {
  const program = `docker-credential-${helper}`;
  let result;
  try {
    result = await runProgram(program, ['get'], {
      cwd: os.tmpdir(),
      env,
      input: host,
      timeoutMs: HELPER_TIMEOUT_MS,
      stderrLimit: 4096,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UsageError(
        `the Docker config names credential helper "${helper}", but ${program} is not installed`,
      );
    throw error;
  }
  const stdout = result.stdout.toString('utf8');
  if (result.code !== 0 || result.timedOut) {
    if (/not found|no credentials/i.test(`${stdout}${result.stderr}`)) return undefined;
    throw new OperationalError(
      result.timedOut ? 'timeout' : 'failed',
      `${program} get failed for ${host}: ${result.timedOut ? `no answer in ${HELPER_TIMEOUT_MS / 1000} s` : result.stderr.trim() || `exit code ${result.code}`}`,
    );
  }
  try {
    return JSON.parse(stdout) as { Username?: string; Secret?: string };
  } catch {
    throw new OperationalError('failed', `${program} get returned something that is not JSON`);
  }
}

/**
 * The credentials for a registry: the manifest's environment variables when it names them,
 * else the Docker config (credHelpers, credsStore, then auths). Every secret is masked before it
 * is returned. Undefined means anonymous.
 */
export async function resolveCredentials(
  registry: CredentialSource,
  env: NodeJS.ProcessEnv,
  secrets: SecretRegistry,
): Promise<Credentials | undefined> {
  const names = registry.credentials;
  if (names?.usernameEnv || names?.passwordEnv) {
    const username = names.usernameEnv ? env[names.usernameEnv] : undefined;
    const password = names.passwordEnv ? env[names.passwordEnv] : undefined;
    secrets.add(password);
    if (password) secrets.addBasic(username ?? '', password);
    if (!password) {
      throw new UsageError(
        `credentials for ${registry.host}: environment variable ${names.passwordEnv ?? '(password-env)'} is not set`,
      );
    }
    if (!username && names.usernameEnv) {
      throw new UsageError(
        `credentials for ${registry.host}: environment variable ${names.usernameEnv} is not set`,
      );
    }
    return {
      kind: 'basic',
      username: username ?? '',
      password,
      source: `env ${[names.usernameEnv, names.passwordEnv].filter(Boolean).join('/')}`,
    };
  }
  const config = await readDockerConfig(env);
  if (!config) return undefined;
  const hosts = [registry.host, ...(registry.aliases ?? [])];
  for (const host of hosts) {
    const helper = config.credHelpers?.[host] ?? config.credsStore;
    if (helper) {
      const found = await runHelper(helper, host, env);
      if (found?.Secret) {
        if (found.Username === '<token>') secrets.addToken(found.Secret);
        else secrets.addBasic(found.Username ?? '', found.Secret);
        if (found.Username === '<token>')
          return { kind: 'identity-token', token: found.Secret, source: `docker-credential-${helper}` };
        return {
          kind: 'basic',
          username: found.Username ?? '',
          password: found.Secret,
          source: `docker-credential-${helper}`,
        };
      }
    }
    const entry = Object.entries(config.auths ?? {}).find(([key]) => authKeyHost(key) === host)?.[1];
    if (!entry) continue;
    if (entry.identitytoken) {
      secrets.addToken(entry.identitytoken);
      return { kind: 'identity-token', token: entry.identitytoken, source: 'docker config (identitytoken)' };
    }
    if (entry.auth) {
      secrets.add(entry.auth);
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const password = decoded.slice(colon + 1);
      secrets.addBasic(decoded.slice(0, colon), password);
      return { kind: 'basic', username: decoded.slice(0, colon), password, source: 'docker config (auths)' };
    }
    if (entry.password) {
      secrets.addBasic(entry.username ?? '', entry.password);
      return {
        kind: 'basic',
        username: entry.username ?? '',
        password: entry.password,
        source: 'docker config (auths)',
      };
    }
  }
  return undefined;
}
