import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { requireTool } from './tools.js';

/**
 * Makes a self-signed RSA certificate and key with openssl in `dir` (valid two days) and returns
 * their paths. `subjectAltName` (e.g. `IP:127.0.0.1`) makes it usable for a TLS server.
 */
export function selfSignedCertificate(
  dir: string,
  subject: string,
  subjectAltName?: string,
): { certificate: string; key: string } {
  requireTool('openssl');
  const key = path.join(dir, 'key.pem');
  const certificate = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      certificate,
      '-days',
      '2',
      '-subj',
      subject,
      ...(subjectAltName ? ['-addext', `subjectAltName=${subjectAltName}`] : []),
    ],
    { stdio: 'ignore' },
  );
  return { certificate, key };
}
