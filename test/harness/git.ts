import { execFileSync } from 'node:child_process';

/**
 * Runs git in `directory` with a fixed author and committer (tests make real repositories, and a
 * machine without a git identity must not fail their commits). Returns git's standard output.
 */
export function gitIn(directory: string): (...args: string[]) => Buffer {
  return (...args) =>
    execFileSync('git', ['-C', directory, ...args], {
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e',
      },
    });
}
