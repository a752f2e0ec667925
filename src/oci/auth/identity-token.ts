import type { HttpAnswer } from '../http.js';
import type { AuthScheme } from './authorizer.js';
import { BearerAuthorizer } from './bearer.js';

/**
 * Bearer with an identity token (`docker login` to registries that hand out refresh tokens, a
 * credential helper answering `<token>`): the OAuth2 POST flow exchanges it for access tokens.
 */
class IdentityTokenAuthorizer extends BearerAuthorizer {
  protected override requestToken(
    realm: URL,
    service: string | undefined,
    scopes: string[],
  ): Promise<HttpAnswer> {
    const credentials = this.context.credentials;
    if (credentials?.kind !== 'identity-token')
      throw new TypeError('identity-token authorizer without a token');
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: credentials.token,
      client_id: 'cutover',
      ...(service !== undefined && { service }),
      scope: scopes.join(' '),
    });
    return this.context.request(realm.href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from(form.toString()),
    });
  }
}

/** Bearer, exchanging an identity token. */
export const identityTokenScheme: AuthScheme = {
  challenge: 'bearer',
  create(challenge, context) {
    if (!challenge.params['realm'] || context.credentials?.kind !== 'identity-token') return undefined;
    context.secrets.addToken(context.credentials.token);
    return new IdentityTokenAuthorizer(challenge, context);
  },
};
