/**
 * The secret registry of one run. Every credential cutover learns (a password, a token, a Docker
 * config `auth` entry) is added here before it is used, in every form it may travel in — plain,
 * `base64(user:pass)`, the whole `Authorization` header value — so that nothing printed (log lines,
 * annotations, the job summary, `--json`, error messages) can show it, and the runner masks it too.
 */
export class SecretRegistry {
  private readonly secrets = new Set<string>();

  /** `announce` tells the runner about each new secret (`::add-mask::`); it is called before the secret is used. */
  constructor(private readonly announce: (value: string) => void = () => undefined) {}

  /** Registers one secret value (values shorter than 3 characters are too common to mask usefully). */
  add(value: string | undefined): void {
    if (!value || value.length < 3 || this.secrets.has(value)) return;
    this.secrets.add(value);
    this.announce(value);
  }

  /**
   * Registers a user name and password and every form they travel in: the password, `user:pass`
   * base64-encoded (Docker config `auth`, HTTP Basic) and the whole `Basic …` header value.
   */
  addBasic(username: string, password: string): void {
    this.add(password);
    const encoded = Buffer.from(`${username}:${password}`).toString('base64');
    this.add(encoded);
    this.add(`Basic ${encoded}`);
  }

  /** Registers a bearer or identity token and its `Bearer …` header value. */
  addToken(token: string): void {
    this.add(token);
    this.add(`Bearer ${token}`);
  }

  /** How many secrets are registered (for tests). */
  get size(): number {
    return this.secrets.size;
  }

  /**
   * Redacts every string in a value (object keys included) before it is serialised: a secret
   * holding a character JSON escapes (`"`, `\`, a control character) would no longer match once
   * the value is JSON text, so `--json` and outputs are redacted value by value, then as text.
   */
  redactValue<T>(value: T): T {
    const walk = (item: unknown): unknown => {
      if (typeof item === 'string') return this.redact(item);
      if (Array.isArray(item)) return item.map(walk);
      if (item && typeof item === 'object' && !Buffer.isBuffer(item)) {
        const plain = item as { toJSON?: () => unknown };
        if (typeof plain.toJSON === 'function') return walk(plain.toJSON());
        return Object.fromEntries(
          Object.entries(item).map(([key, inner]) => [this.redact(key), walk(inner)]),
        );
      }
      return item;
    };
    return (this.secrets.size === 0 ? value : walk(value)) as T;
  }

  /**
   * Replaces every registered secret in `text` with `***`, longest first (so a header value is
   * masked whole before the token inside it), and any `Authorization:` header value a server echoed.
   */
  redact(text: string): string {
    let out = text;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length))
      out = out.split(secret).join('***');
    return out.replace(
      /(authorization["']?\s*[:=]\s*["']?)(basic|bearer)\s+[A-Za-z0-9+/=._~-]+/gi,
      '$1$2 ***',
    );
  }
}
