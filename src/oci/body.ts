import { RegistryError } from './errors.js';
import { readAll, type HttpAnswer } from './http.js';
import { describeUrl } from './urls.js';

/** JSON answers (tag lists, catalogs, referrers) larger than this are refused. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** The whole body of an answer, refusing more than `maxBytes` (announced or actual). */
export async function readBody(response: HttpAnswer, maxBytes: number, url: string): Promise<Buffer> {
  const length = Number(response.headers.get('content-length'));
  if (response.headers.has('content-length') && Number.isFinite(length) && length > maxBytes) {
    response.body.destroy();
    throw new RegistryError(
      'invalid-response',
      `${describeUrl(url)}: answer of ${length} bytes is too large (at most ${maxBytes})`,
      {
        status: response.status,
        url,
        final: true,
      },
    );
  }
  try {
    return await readAll(response, maxBytes);
  } catch (error) {
    if (error instanceof RegistryError) throw error;
    throw new RegistryError('unreachable', `${describeUrl(url)}: ${(error as Error).message}`, {
      url,
      cause: error,
    });
  }
}

/** The body parsed as JSON. */
export async function readJson(response: HttpAnswer, url: string): Promise<unknown> {
  const bytes = await readBody(response, MAX_JSON_BYTES, url);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new RegistryError('invalid-response', `${describeUrl(url)}: the answer is not JSON`, {
      status: response.status,
      url,
    });
  }
}
