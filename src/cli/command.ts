/**
 * What a command is and what it is given. A command file reads as a story — parse → do → present —
 * and never writes to stdout itself: it returns a {@link CommandResult}, and the entry point prints
 * it, sets outputs and picks the exit code.
 */
import type { Manifest } from '../manifest/model.js';
import type { Reporter } from '../shared/reporter.js';
import type { SecretRegistry } from '../shared/secrets.js';
import type { OptionDefs, OptionValues } from './option.js';

/** Which door a run came in by: an action step (inputs, workflow commands) or the CLI (flags, stderr). */
export type EntryPoint = 'action' | 'cli';

/** What every part of one run shares, passed down instead of globals and `process.env` reads. */
export interface RunContext {
  entry: EntryPoint;
  /** The environment of the run (tests pass their own). */
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Every credential learnt in this run; all output goes through its `redact`. */
  secrets: SecretRegistry;
  reporter: Reporter;
  /** The day the run acts on: `--now`, `CUTOVER_NOW`, or today (UTC), as YYYY-MM-DD. */
  today: string;
  /** The CLI's stdout is a terminal (colour may be used, subject to NO_COLOR/FORCE_COLOR). */
  stdoutIsTTY?: boolean;
}

/** Options every command accepts. */
export interface CommonOptions {
  manifest?: string;
  now?: string;
  json: boolean;
}

/** What a command gets to work with: the run, its typed options and the manifest (loaded on demand). */
export interface CommandContext<Options> extends RunContext {
  options: Options & CommonOptions;
  /** Loads (once) and validates the manifest named by `--manifest` or found by default. */
  manifest(): Promise<Manifest>;
}

/** One output of the command's action. */
export interface OutputSpec {
  name: string;
  description: string;
}

/** What a command hands back; the entry point prints, sets outputs and picks the exit code. */
export interface CommandResult {
  /** 0 ok, 1 the check or the work failed. Bad input is thrown as UsageError/ConfigError (2). */
  exitCode: 0 | 1;
  /** The `--json` document (and the action's `json` output). */
  json: unknown;
  /** Action outputs by name (each must be declared in `outputs`). */
  outputs?: Record<string, string>;
  /** Shown as the failure message when exitCode is 1. */
  failureMessage?: string;
  /** Printed on stdout by the CLI when `--json` is not given (e.g. a plan's text); never in an action. */
  stdout?: string;
}

/** A composite-action step added after the command's own step (e.g. uploading an artifact). */
export type ActionStep = Record<string, unknown>;

/** A command: its options (flags and inputs alike), its outputs, and what it does. */
export interface Command<Defs extends OptionDefs = OptionDefs> {
  name: string;
  summary: string;
  options: Defs;
  outputs: OutputSpec[];
  run(context: CommandContext<OptionValues<Defs>>): Promise<CommandResult>;
  /** Extra steps for actions/<name>/action.yml, after the step that runs the bundle (id: run). */
  actionSteps?: ActionStep[];
}

/** Declares a command with its option types inferred from its option definitions. */
export function defineCommand<Defs extends OptionDefs>(command: Command<Defs>): Command<Defs> {
  return command;
}
