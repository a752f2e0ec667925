import { basicHeader, type AuthScheme, type Authorizer } from './authorizer.js';

/** HTTP Basic: the user name and password on every request, once the registry asked for them. */
export const basicScheme: AuthScheme = {
  challenge: 'basic',
  create(_challenge, context): Authorizer | undefined {
    const credentials = context.credentials;
    if (credentials?.kind !== 'basic') return undefined;
    context.secrets.addBasic(credentials.username, credentials.password);
    const header = basicHeader(credentials);
    return {
      authorize: () => Promise.resolve(header),
      // Worth another try only when the request went out without them; a refused password stays refused.
      answer: (_again, _scopes, sent) => Promise.resolve(sent === undefined),
    };
  },
};
