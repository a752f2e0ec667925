import { mergeScopes, TokenCache, type Challenge } from './challenge.js';
import { RegistryError, isRetryableStatus, kindOfStatus } from '../errors.js';
import { drain, readAll, readText, type HttpAnswer } from '../http.js';
import { isLoopbackHost } from '../reference.js';
import { basicHeader, type AuthContext, type AuthScheme, type Authorizer } from './authorizer.js';

/** A token answer larger than this is not a token answer. */
const MAX_TOKEN_ANSWER_BYTES = 1024 * 1024;
/** Lifetime assumed when the token service names none (the distribution spec's default). */
const DEFAULT_TOKEN_SECONDS = 60;

/**
 * Bearer tokens from the challenge's realm (distribution's token flow): one token per scope set,
 * cached until shortly before it expires, fetched once for all the requests that need it at the
 * same time (single flight), asked for again with the scope an `insufficient_scope` challenge names.
 * Anonymous, or with the Basic credentials; identity-token.ts changes only how the token is asked for.
 */
export class BearerAuthorizer implements Authorizer {
  private realm: string;
  private service: string | undefined;
  private readonly tokens = new TokenCache();
  /** Token fetches in flight by cache key: concurrent requests share one. */
  private readonly pending = new Map<string, Promise<string>>();

  constructor(
    challenge: Challenge,
    protected readonly context: AuthContext,
  ) {
    this.realm = challenge.params['realm']!;
    this.service = challenge.params['service'];
  }

  async authorize(scopes: string[]): Promise<string> {
    const key = mergeScopes(scopes);
    const token = this.tokens.get(key) ?? (await this.fetchShared(key, key));
    return `Bearer ${token}`;
  }

  async answer(challenge: Challenge, scopes: string[], sent: string | undefined): Promise<boolean> {
    if (!challenge.params['realm']) return false;
    this.realm = challenge.params['realm'];
    this.service = challenge.params['service'];
    if (sent === undefined) return true;
    const key = mergeScopes(scopes);
    // Another request already replaced the token that failed: use the new one.
    const current = this.tokens.get(key);
    if (current !== undefined && `Bearer ${current}` !== sent) return true;
    // Ask once for what the challenge names together with our own scopes, cached under our key.
    const wanted = mergeScopes(scopes, challenge.params['scope'] ? [challenge.params['scope']] : []);
    await this.fetchShared(key, wanted, 'refresh');
    return true;
  }

  /** The one token fetch: shared by every request asking for the same key at the same time. */
  private fetchShared(key: string[], wanted: string[], purpose = 'get'): Promise<string> {
    const flight = `${purpose} ${key.join(' ')}`;
    let pending = this.pending.get(flight);
    if (!pending) {
      pending = this.fetchToken(wanted)
        .then(({ token, expiresIn }) => {
          this.tokens.set(key, token, expiresIn);
          return token;
        })
        .finally(() => this.pending.delete(flight));
      this.pending.set(flight, pending);
    }
    return pending;
  }

  /** Asks the realm for a token covering `scopes`; every token is masked before it is used. */
  private async fetchToken(scopes: string[]): Promise<{ token: string; expiresIn: number }> {
    const realm = this.realmUrl();
    const response = await this.requestToken(realm, this.service, scopes);
    if (response.status !== 200) {
      const text = this.context.secrets.redact((await readText(response)).slice(0, 300));
      const credentials = this.context.credentials;
      const retryable = isRetryableStatus(response.status);
      if (retryable) await drain(response);
      throw new RegistryError(
        retryable ? kindOfStatus(response.status) : 'refused',
        `the token service ${realm.host} refused ${scopes.join(' ') || 'access'} for ${this.context.registryHost} (HTTP ${response.status}${credentials ? `, credentials from ${credentials.source}` : ', anonymous'}): ${text}`,
        {
          status: retryable ? response.status : response.status === 403 ? 403 : 401,
          code: 'UNAUTHORIZED',
          host: this.context.registryHost,
        },
      );
    }
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse((await readAll(response, MAX_TOKEN_ANSWER_BYTES)).toString('utf8')) as typeof body;
    } catch (error) {
      throw new RegistryError(
        'invalid-response',
        `the token service ${realm.host} answered something that is not a token`,
        {
          host: this.context.registryHost,
          cause: error,
        },
      );
    }
    const token = typeof body.token === 'string' ? body.token : body.access_token;
    if (typeof token !== 'string' || token === '')
      throw new RegistryError(
        'invalid-response',
        `the token service ${realm.host} answered without a token`,
        {
          status: 401,
          host: this.context.registryHost,
        },
      );
    this.context.secrets.addToken(token);
    this.context.stats.tokensFetched++;
    const expiresIn =
      typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_SECONDS;
    return { token, expiresIn };
  }

  /** The realm, refused when it would carry credentials over plain HTTP from a TLS registry. */
  private realmUrl(): URL {
    let realm: URL;
    try {
      realm = new URL(this.realm);
    } catch {
      throw new RegistryError(
        'invalid-response',
        `the registry named a token realm that is not a URL: ${this.realm}`,
        {
          host: this.context.registryHost,
          final: true,
        },
      );
    }
    if (realm.protocol !== 'https:' && !isLoopbackHost(realm.host) && !this.context.plainHttp) {
      throw new RegistryError(
        'refused',
        `the token realm ${realm.href} is plain HTTP: refusing to send credentials there`,
        { host: this.context.registryHost, final: true },
      );
    }
    return realm;
  }

  /** The token request: GET with `service`, repeated `scope` and, with a password, Basic auth. */
  protected requestToken(realm: URL, service: string | undefined, scopes: string[]): Promise<HttpAnswer> {
    const url = new URL(realm);
    if (service !== undefined) url.searchParams.set('service', service);
    for (const scope of scopes) url.searchParams.append('scope', scope);
    const headers: Record<string, string> = {};
    const credentials = this.context.credentials;
    if (credentials?.kind === 'basic') {
      headers['authorization'] = basicHeader(credentials);
      url.searchParams.set('account', credentials.username);
    }
    return this.context.request(url.href, { method: 'GET', headers });
  }
}

/** Bearer, anonymous or with a user name and password. */
export const bearerScheme: AuthScheme = {
  challenge: 'bearer',
  create(challenge, context) {
    if (!challenge.params['realm'] || context.credentials?.kind === 'identity-token') return undefined;
    if (context.credentials?.kind === 'basic')
      context.secrets.addBasic(context.credentials.username, context.credentials.password);
    return new BearerAuthorizer(challenge, context);
  },
};
