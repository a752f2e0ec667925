import { RequestError } from '@octokit/request-error';
import { classifyGitHubFailure } from '../../src/github/octokit.js';
import { GitHubUnreachableError, unreachableFailure } from '../../src/github/reach.js';

/**
 * Octokit calls anything that never reached GitHub "500" (a RequestError without a response): the
 * failure is told in words, with the request's filled-in path, and is final while the API has
 * never answered (issue 24, item 14).
 */

const request = { name: 'GET /repos/acme/app', url: 'https://api.example.invalid/repos/acme/app' };

/** What Octokit's fetch wrapper throws when fetch itself fails (no answer at all). */
function octokitNetworkError(code: string): RequestError {
  const socket = Object.assign(new Error(`getaddrinfo ${code} api.example.invalid`), { code });
  const fetchFailed = new TypeError('fetch failed', { cause: socket });
  const error = new RequestError(socket.message, 500, {
    request: { method: 'GET', url: request.url, headers: {} },
  });
  error.cause = fetchFailed;
  return error;
}

test('a name that does not resolve: "cannot resolve HOST", final, never retried', () => {
  const failure = unreachableFailure(octokitNetworkError('ENOTFOUND'), request, false)!;
  expect(failure).toBeInstanceOf(GitHubUnreachableError);
  expect(failure.message).toBe('GET /repos/acme/app: cannot resolve api.example.invalid (ENOTFOUND)');
  expect(failure.message).not.toMatch(/500/);
  expect(failure.kind).toBe('unreachable');
  expect(classifyGitHubFailure(failure).retryable).toBe(false);
});

test('a dropped connection after GitHub has answered is retried; before, it is final', () => {
  const before = unreachableFailure(octokitNetworkError('ECONNRESET'), request, false)!;
  const after = unreachableFailure(octokitNetworkError('ECONNRESET'), request, true)!;
  expect(before.message).toBe(
    'GET /repos/acme/app: GitHub (api.example.invalid) could not be reached: ECONNRESET',
  );
  expect(classifyGitHubFailure(before).retryable).toBe(false);
  expect(classifyGitHubFailure(after).retryable).toBe(true);
});

test('a real answer from GitHub, even a 500, is left to the status rules', () => {
  const answered = new RequestError('Server Error', 500, {
    request: { method: 'GET', url: request.url, headers: {} },
    response: { status: 500, url: request.url, headers: {}, data: {} },
  });
  expect(unreachableFailure(answered, request, false)).toBeUndefined();
  expect(classifyGitHubFailure(answered).retryable).toBe(true);
});
