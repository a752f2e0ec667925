import type { Challenge } from './challenge.js';
import type { AuthContext, AuthScheme, Authorizer } from './authorizer.js';
import { basicScheme } from './basic.js';
import { bearerScheme } from './bearer.js';
import { identityTokenScheme } from './identity-token.js';

/** Every scheme the client speaks, the first that can answer a challenge wins. A new scheme goes here. */
const SCHEMES: readonly AuthScheme[] = [identityTokenScheme, bearerScheme, basicScheme];

/**
 * The registry's authorizer: anonymous until the first 401, then whichever scheme the challenge
 * names (and our credentials can answer), kept for every later request.
 */
export class NegotiatedAuthorizer implements Authorizer {
  private current: { scheme: string; authorizer: Authorizer } | undefined;

  constructor(private readonly context: AuthContext) {}

  authorize(scopes: string[]): Promise<string | undefined> {
    return this.current ? this.current.authorizer.authorize(scopes) : Promise.resolve(undefined);
  }

  async answer(challenge: Challenge, scopes: string[], sent: string | undefined): Promise<boolean> {
    if (this.current?.scheme === challenge.scheme)
      return this.current.authorizer.answer(challenge, scopes, sent);
    for (const scheme of SCHEMES) {
      if (scheme.challenge !== challenge.scheme) continue;
      const authorizer = scheme.create(challenge, this.context);
      if (!authorizer) continue;
      this.current = { scheme: scheme.challenge, authorizer };
      return authorizer.answer(challenge, scopes, sent);
    }
    return false;
  }
}
