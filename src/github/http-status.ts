/**
 * Kept apart from octokit.ts so domain code can read a failure's status without pulling the
 * client (and its retry machinery) into every bundle chunk: commands load the client on demand.
 */

/** The HTTP status of an Octokit RequestError, if it is one. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}
