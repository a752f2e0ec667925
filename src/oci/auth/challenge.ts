/**
 * Registry authentication: the `WWW-Authenticate` challenge (Basic, or Bearer with realm, service
 * and scope), and the token cache, one token per set of scopes.
 */

/** A parsed `WWW-Authenticate` challenge. */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * Parses a `WWW-Authenticate` header: `Bearer realm="https://auth/token",service="reg",scope="repository:a:pull",error="insufficient_scope"`.
 * Quoted values may contain commas and escaped quotes. Only the first challenge is read; registries send one.
 */
export function parseChallenge(header: string | null | undefined): Challenge | undefined {
  if (!header) return undefined;
  const match = /^\s*([A-Za-z][\w-]*)\s*(.*)$/s.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  const pairs = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?\s*/g;
  let pair: RegExpExecArray | null;
  while ((pair = pairs.exec(match[2]!)) !== null) {
    params[pair[1]!.toLowerCase()] = pair[2] !== undefined ? pair[2].replace(/\\(.)/g, '$1') : pair[3]!;
  }
  return { scheme: match[1]!.toLowerCase(), params };
}

/** The pull (or pull+push) scope for a repository, as the token service understands it. */
export function repositoryScope(repository: string, actions: 'pull' | 'pull,push'): string {
  return `repository:${repository}:${actions}`;
}

/**
 * Merges scope lists: the same resource's actions are united (`repository:a:pull` + `repository:a:push`
 * → `repository:a:pull,push`), resources sorted so that equal sets give equal cache keys.
 */
export function mergeScopes(...lists: string[][]): string[] {
  const byResource = new Map<string, Set<string>>();
  for (const scope of lists.flat()) {
    for (const single of scope.split(' ').filter(Boolean)) {
      const colon = single.lastIndexOf(':');
      const resource = colon > 0 ? single.slice(0, colon) : single;
      const actions = colon > 0 ? single.slice(colon + 1).split(',') : [];
      const set = byResource.get(resource) ?? new Set<string>();
      for (const action of actions) if (action) set.add(action);
      byResource.set(resource, set);
    }
  }
  return [...byResource.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([resource, actions]) => `${resource}:${[...actions].sort().join(',')}`);
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Tokens by scope set, dropped a little before they expire. */
export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>();

  /** A valid token covering exactly `scopes`, if cached. */
  get(scopes: string[], now = Date.now()): string | undefined {
    const key = scopes.join(' ');
    const cached = this.tokens.get(key);
    if (!cached) return undefined;
    if (cached.expiresAt <= now) {
      this.tokens.delete(key);
      return undefined;
    }
    return cached.token;
  }

  /** Stores a token for `scopes`, valid for `expiresInSeconds` (less a safety margin). */
  set(scopes: string[], token: string, expiresInSeconds: number, now = Date.now()): void {
    const margin = Math.min(30, expiresInSeconds / 4);
    this.tokens.set(scopes.join(' '), { token, expiresAt: now + (expiresInSeconds - margin) * 1000 });
  }
}
