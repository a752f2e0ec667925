import type { SecretRegistry } from '../../shared/secrets.js';
import type { Challenge } from './challenge.js';
import type { Credentials } from '../credentials.js';
import type { HttpAnswer } from '../http.js';

/**
 * How a request is authorised once the registry's challenge has chosen a scheme. One
 * implementation per scheme (basic.ts, bearer.ts, identity-token.ts); adding a scheme is one file
 * plus its line in negotiate.ts's list.
 */
export interface Authorizer {
  /** The `Authorization` value for a request needing `scopes` (undefined: send it anonymously). */
  authorize(scopes: string[]): Promise<string | undefined>;
  /**
   * Learns from a 401 carrying `challenge`. True when the request is worth sending again: it went
   * out without credentials and now has some, or a token that did not cover the challenge was
   * replaced.
   */
  answer(challenge: Challenge, scopes: string[], sent: string | undefined): Promise<boolean>;
}

/** What an authorizer may use: the credentials, the run's secrets, one HTTP exchange for tokens. */
export interface AuthContext {
  /** `host[:port]` of the registry being authorised for. */
  registryHost: string;
  /** True when the registry itself is reached over plain HTTP (loopback or `insecure: true`). */
  plainHttp: boolean;
  credentials: Credentials | undefined;
  secrets: SecretRegistry;
  /**
   * One HTTP exchange with a token service. It is not retried on its own: a token fetch is part of
   * the request that needs it, and the transport retries that request as a whole.
   */
  request(
    url: string,
    init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: Buffer },
  ): Promise<HttpAnswer>;
  /** Counters for reports and tests. */
  stats: { tokensFetched: number };
}

/** A scheme the client can answer a challenge with. */
export interface AuthScheme {
  /** The challenge's scheme name, lower-case (`basic`, `bearer`). */
  readonly challenge: string;
  /** The authorizer for this challenge, or undefined when these credentials cannot answer it. */
  create(challenge: Challenge, context: AuthContext): Authorizer | undefined;
}

/** The `Basic …` header value for a user name and password. */
export function basicHeader(credentials: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
