/** Exit codes shared by every command and both front doors. */
export const ExitCode = { ok: 0, failed: 1, badInput: 2 } as const;

/** A mistake in what the user gave us (flags, inputs, manifest): exit 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One located problem in a configuration file. */
export interface ConfigProblem {
  file: string;
  line?: number;
  column?: number;
  /** Dotted key path, e.g. `registries.old.host`. */
  path?: string;
  message: string;
}

/** The manifest (or another configuration file) is invalid: exit 2 with every problem located. */
export class ConfigError extends UsageError {
  override name = 'ConfigError';
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** A check that ran and found something wrong, or work that failed: exit 1. */
export class CheckFailed extends Error {
  override name = 'CheckFailed';
}

/** Renders a problem as `file:line:column: key.path: message`, the shape editors and CI logs link. */
export function formatProblem(problem: ConfigProblem): string {
  const location = [problem.file, problem.line, problem.line !== undefined ? problem.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  const key = problem.path ? `${problem.path}: ` : '';
  return `${location}: ${key}${problem.message}`;
}

/** The exit code an error maps to. */
export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError ? ExitCode.badInput : ExitCode.failed;
}
