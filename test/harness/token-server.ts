import { createSign, randomUUID, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { selfSignedCertificate } from './tls.js';

/** What docker-registry's `auth: token:` needs to trust the server's tokens. */
export interface TokenAuthConfig {
  realm: string;
  service: string;
  issuer: string;
  /** PEM file with the certificate whose key signs the tokens. */
  rootCertBundle: string;
}

export interface TokenServerOptions {
  /** Accepted Basic credentials; without any, every token request is anonymous and refused. */
  users: Record<string, string>;
  /**
   * Leave `push` out of the first token for each scope set, so the registry answers
   * 401 insufficient_scope and the client must ask again (the flow real token services cause
   * when a client asks for too little).
   */
  stingyFirstToken?: boolean;
}

/** A Docker token service (RS256 JWTs with an x5c header) on 127.0.0.1, for `auth: token:` registries. */
export interface TokenServer {
  config: TokenAuthConfig;
  /** Every request: the account and the scope parameters, as received. */
  requests: { account?: string; scopes: string[]; authorised: boolean }[];
  stop(): Promise<void>;
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Starts the token service; the key and certificate are made with openssl in a temp dir. */
export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-token-'));
  const { certificate: certFile, key: keyFile } = selfSignedCertificate(dir, '/CN=cutover-token-service');
  const key = readFileSync(keyFile, 'utf8');
  const certificate = new X509Certificate(readFileSync(certFile));
  const x5c = [certificate.raw.toString('base64')];
  const service = 'cutover-test-registry';
  const issuer = 'cutover-test-token-issuer';
  const requests: TokenServer['requests'] = [];
  const issuedFor = new Set<string>();

  const sign = (account: string, access: { type: string; name: string; actions: string[] }[]) => {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', x5c }));
    const claims = base64url(
      JSON.stringify({
        iss: issuer,
        sub: account,
        aud: service,
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access,
      }),
    );
    const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(key);
    return `${header}.${claims}.${base64url(signature)}`;
  };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://token');
    const scopes = url.searchParams.getAll('scope');
    const header = request.headers.authorization ?? '';
    let account: string | undefined;
    if (header.startsWith('Basic ')) {
      const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const user = decoded.slice(0, colon);
      if (options.users[user] !== undefined && options.users[user] === decoded.slice(colon + 1))
        account = user;
    }
    requests.push({ ...(account !== undefined && { account }), scopes, authorised: account !== undefined });
    if (!account) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"errors":[{"code":"UNAUTHORIZED","message":"bad or missing credentials"}]}');
      return;
    }
    const key = scopes.join(' ');
    const stingy = options.stingyFirstToken === true && !issuedFor.has(key);
    issuedFor.add(key);
    const access = scopes.flatMap((scope) => {
      const [type, ...rest] = scope.split(':');
      const actions = (rest.pop() ?? '').split(',').filter((action) => !(stingy && action === 'push'));
      return type ? [{ type, name: rest.join(':'), actions }] : [];
    });
    const token = sign(account, access);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({ token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    config: { realm: `http://127.0.0.1:${port}/token`, service, issuer, rootCertBundle: certFile },
    requests,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
