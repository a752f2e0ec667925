/**
 * The one error taxonomy. Every failure a user can meet is one of three things, and each has its
 * exit code and its way of being shown:
 * - {@link UsageError} / {@link ConfigError}: what the user gave us is wrong (flags, inputs, the
 *   manifest) — exit 2, a located message, no stack;
 * - {@link OperationalError}: the work met the world and failed (a registry unreachable or refusing,
 *   a digest that does not match, a conflict, a time limit) — exit 1, the message says what to do;
 * - anything else is a bug in cutover — exit 1, "internal error — please report" with the stack.
 */

/** Exit codes shared by every command and both entry points. */
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

/**
 * What kind of trouble the work met; each kind has a fixed meaning for users and for `--json`:
 * - `unreachable`: no connection (refused, reset, DNS, TLS, a circuit breaker open);
 * - `refused`: the server answered and said no (401/403, read-only, denied);
 * - `not-found`: what was asked for does not exist;
 * - `rate-limited`: the server kept answering 429;
 * - `timeout`: a time limit passed (a request, a generator, the run's deadline);
 * - `digest-mismatch`: bytes did not match the digest that names them;
 * - `conflict`: the target holds something different (a tag at another digest);
 * - `invalid-response`: a server sent something malformed or hostile;
 * - `failed`: an outside program or service failed for another reason.
 */
export type OperationalKind =
  | 'unreachable'
  | 'refused'
  | 'not-found'
  | 'rate-limited'
  | 'timeout'
  | 'digest-mismatch'
  | 'conflict'
  | 'invalid-response'
  | 'failed';

/** Options of an {@link OperationalError}. */
export interface OperationalErrorOptions {
  /** What the user can do about it, shown after the message. */
  hint?: string;
  cause?: unknown;
}

/** The work failed for a reason outside cutover (exit 1); `kind` says which, `hint` what to do. */
export class OperationalError extends Error {
  override name = 'OperationalError';
  readonly hint: string | undefined;
  constructor(
    readonly kind: OperationalKind,
    message: string,
    options: OperationalErrorOptions = {},
  ) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.hint = options.hint;
  }
}

/**
 * A problem's text without its place, `key.path: message`: for an annotation, which carries the
 * file, line and column itself (and shows them before the text).
 */
export function problemMessage(problem: ConfigProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/** Renders a problem as `file:line:column: key.path: message`, the shape editors and CI logs link. */
export function formatProblem(problem: ConfigProblem): string {
  const location = [problem.file, problem.line, problem.line !== undefined ? problem.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  const key = problem.path ? `${problem.path}: ` : '';
  return `${location}: ${key}${problem.message}`;
}

/** How a failure is shown: its exit code, the one-line message, and the stack when it is a bug. */
export interface FailureDescription {
  exitCode: number;
  /** `usage`, `config`, an operational kind, or `internal`. */
  category: 'usage' | 'config' | OperationalKind | 'internal';
  message: string;
  /** Only for internal errors: the stack to report. */
  stack?: string;
}

/** Classifies anything thrown into the taxonomy above. */
export function describeFailure(error: unknown): FailureDescription {
  if (error instanceof ConfigError)
    return { exitCode: ExitCode.badInput, category: 'config', message: error.message };
  if (error instanceof UsageError)
    return { exitCode: ExitCode.badInput, category: 'usage', message: error.message };
  if (error instanceof OperationalError)
    return {
      exitCode: ExitCode.failed,
      category: error.kind,
      message: error.hint ? `${error.message}\n  what to do: ${error.hint}` : error.message,
    };
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    exitCode: ExitCode.failed,
    category: 'internal',
    message: `internal error — please report it with the stack below: ${text}`,
    stack: error instanceof Error ? (error.stack ?? text) : text,
  };
}

/** The exit code an error maps to. */
export function exitCodeOf(error: unknown): number {
  return describeFailure(error).exitCode;
}
