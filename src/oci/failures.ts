import type { SecretRegistry } from '../shared/secrets.js';
import type { Credentials } from './credentials.js';
import {
  RegistryError,
  isPermanentNetworkError,
  isTimeoutCode,
  kindOfStatus,
  networkErrorCode,
} from './errors.js';
import { readText, type HttpAnswer } from './http.js';
import { describeUrl } from './urls.js';

/**
 * The transport's failures in words: a request that got no answer (refused, unresolvable, silent,
 * dropped), a streamed body that failed, the run's deadline, and an answer that is an error (with
 * the registry's own code and message, masked).
 */

/** The code a request fails with when its host accepted the connection and never answered. */
export const NO_ANSWER = 'NO_ANSWER';

/** Codes of a name that does not resolve (EAI_AGAIN: the resolver itself failed, maybe for now). */
function isResolveCode(code: string): boolean {
  return code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL';
}

/** A request that got no answer: refused, not resolved, silent, dropped or timed out. */
export function connectionFailure(host: string, error: unknown, method: string, url: string): RegistryError {
  if (error instanceof RegistryError) return error;
  const code = networkErrorCode(error) ?? 'connection failed';
  const where = `${method} ${describeUrl(url)}`;
  if (code === NO_ANSWER)
    return new RegistryError(
      'timeout',
      `no answer from ${host} ${(error as Error).message} (${where}): it accepts connections but sends nothing back`,
      {
        code,
        url,
        host,
        final: true,
        cause: error,
        hint: `check that ${host} is up: something accepts its connections (a load balancer, a proxy) but nothing answers`,
      },
    );
  if (isResolveCode(code))
    return new RegistryError('unreachable', `cannot resolve ${new URL(url).hostname} (${where}): ${code}`, {
      code,
      url,
      host,
      final: code !== 'EAI_AGAIN',
      cause: error,
      hint: 'check the host name in the manifest, and DNS from this machine',
    });
  const permanent = isPermanentNetworkError(code);
  const hint = /CERT|SELF_SIGNED|VERIFY/.test(code) ? ' (a private CA? add it with NODE_EXTRA_CA_CERTS)' : '';
  return new RegistryError(isTimeoutCode(code) ? 'timeout' : 'unreachable', `${where}: ${code}${hint}`, {
    code,
    url,
    host,
    final: permanent,
    cause: error,
  });
}

/**
 * A request whose streamed body failed. A body that stalled (its source sent nothing for the idle
 * time) is not sent again: it would stall again; a dropped one is (a new stream each time).
 */
export function bodyFailure(host: string, error: unknown, method: string, url: string): RegistryError {
  if (error instanceof RegistryError) return error;
  const code = networkErrorCode(error) ?? 'failed';
  const origin = (error as { registryRequest?: string }).registryRequest;
  return new RegistryError(
    isTimeoutCode(code) ? 'timeout' : 'unreachable',
    `${method} ${describeUrl(url)}: the body being sent failed${origin ? ` (${origin})` : ''}: ${code === 'IDLE_TIMEOUT' ? (error as Error).message : code}`,
    { code, url, host, final: isTimeoutCode(code), cause: error },
  );
}

/** The run's deadline passed (`signal.reason` says which). */
export function deadlineFailure(
  host: string,
  what: string,
  signal: AbortSignal | undefined,
  cause?: unknown,
): RegistryError {
  const reason = signal?.reason as unknown;
  const why = reason instanceof Error ? reason.message : 'the deadline passed';
  return new RegistryError('timeout', `${host}: ${what}: ${why}`, {
    host,
    code: 'DEADLINE',
    final: true,
    ...(cause !== undefined && { cause }),
  });
}

/** A RegistryError from a failed answer, with the registry's own error code and message (masked). */
export async function answerFailure(
  context: { host: string; secrets: SecretRegistry; credentials: Credentials | undefined },
  response: HttpAnswer,
  url: string,
  what: string,
  retryAfterMs?: number,
): Promise<RegistryError> {
  const { host, credentials } = context;
  const text = context.secrets.redact(await readText(response));
  let code: string | undefined;
  let message: string | undefined;
  try {
    const first = (JSON.parse(text) as { errors?: { code?: unknown; message?: unknown }[] }).errors?.[0];
    code = typeof first?.code === 'string' ? first.code : undefined;
    message = typeof first?.message === 'string' ? first.message : undefined;
  } catch {
    message = text.slice(0, 200) || undefined;
  }
  const hint =
    response.status === 401
      ? credentials
        ? ` (credentials from ${credentials.source} were refused)`
        : ' (no credentials found: set the manifest credentials env names or docker login)'
      : '';
  return new RegistryError(
    kindOfStatus(response.status),
    `${host}: ${what}: HTTP ${response.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}${hint}`,
    {
      status: response.status,
      ...(code !== undefined && { code }),
      url,
      host,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    },
  );
}
