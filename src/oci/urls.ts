import { RegistryError } from './errors.js';

/**
 * URLs the transport is sent to: origins compared with their ports written out, URLs shown in
 * messages without their query, and where a redirect, an upload `Location` or a pagination `Link`
 * may lead (never from https down to plain HTTP).
 */

/** The origin of a URL with its port always written (`https://h:443`), so https and http never look alike. */
export function originOf(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '');
  return `${url.protocol}//${url.hostname.toLowerCase()}:${port}`;
}

/** `host/path` of a URL, for messages (no query: upload locations carry state there). */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}

/**
 * Where a redirect, an upload `Location` or a pagination `Link` leads, resolved against the URL
 * that answered. Leaving HTTPS for plain HTTP is refused for a TLS registry: the next request
 * could carry credentials or an upload session's state in clear text.
 */
export function followUrl(host: string, from: string, location: string): string {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new RegistryError('invalid-response', `${describeUrl(from)}: redirect to an invalid URL`, {
      host,
      final: true,
    });
  }
  if (new URL(from).protocol === 'https:' && next.protocol !== 'https:') {
    throw new RegistryError(
      'refused',
      `${describeUrl(from)}: the registry sent us from https to ${next.protocol}//${next.host}${next.pathname}: refusing to continue over plain HTTP`,
      { host, final: true, url: from },
    );
  }
  return next.href;
}
