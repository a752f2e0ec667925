import type { z } from 'zod';
import type { Manifest } from '../manifest/model.js';
import type { Reporter } from './reporter.js';

/** One flag of the CLI and, under the same name, one input of the actions. */
export interface OptionSpec {
  /** kebab-case: `--dry-run` on the command line, `dry-run` as an action input. */
  name: string;
  description: string;
  /** `list` repeats on the command line and is newline-separated as an action input. */
  type: 'string' | 'boolean' | 'list';
  /** Default shown in help and action.yml; the zod schema applies it. */
  default?: string;
  /** Only a CLI flag (for example `--fix`, which edits the working tree), not an action input. */
  cliOnly?: boolean;
}

/** One output of the command's action. */
export interface OutputSpec {
  name: string;
  description: string;
}

/** Raw option values as read from flags or inputs, before the command's schema types them. */
export type RawOptions = Record<string, string | boolean | string[] | undefined>;

/** Options every command accepts. */
export interface CommonOptions {
  manifest?: string;
  now?: string;
  json: boolean;
}

/** What a command gets to work with. */
export interface CommandContext<Options> {
  options: Options & CommonOptions;
  /** The day the run acts on: `--now`, `CUTOVER_NOW`, or today (UTC). */
  today: string;
  /** Loads (once) and validates the manifest named by `--manifest` or found by default. */
  manifest(): Promise<Manifest>;
  reporter: Reporter;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** What a command hands back; the front door prints, sets outputs and picks the exit code. */
export interface CommandResult {
  /** 0 ok, 1 the check or the work failed. Bad input is thrown as UsageError/ConfigError (2). */
  exitCode: 0 | 1;
  /** The `--json` document (and the action's `json` output). */
  json: unknown;
  /** Action outputs by name (each must be declared in `outputs`). */
  outputs?: Record<string, string>;
  /** Shown as the failure message when exitCode is 1. */
  failureMessage?: string;
}

/** A composite-action step added after the command's own step (e.g. uploading an artifact). */
export type ActionStep = Record<string, unknown>;

/** A command: its CLI flags and action inputs, its outputs, and what it does. */
export interface Command<Schema extends z.ZodType = z.ZodType> {
  name: string;
  summary: string;
  options: OptionSpec[];
  outputs: OutputSpec[];
  /** Types and validates the raw options (flags or inputs alike). */
  schema: Schema;
  run(context: CommandContext<z.infer<Schema>>): Promise<CommandResult>;
  /** Extra steps for actions/<name>/action.yml, after the step that runs the bundle (id: run). */
  actionSteps?: ActionStep[];
}

/** Declares a command with its option types inferred from the schema. */
export function defineCommand<Schema extends z.ZodType>(command: Command<Schema>): Command<Schema> {
  return command;
}
