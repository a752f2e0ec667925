import packageJson from '../../package.json' with { type: 'json' };
import { COMMON_OPTIONS, parseOptions, readFlags, readInputs } from './options.js';
import { COMMAND_NAMES, findCommand, loadCommands } from './commands.js';
import type { Command, CommandContext, CommandResult } from './command.js';
import { ConfigError, ExitCode, UsageError, exitCodeOf } from '../shared/errors.js';
import { loadActionsCore, requireActionsCore as core } from './actions-core.js';
import { loadManifest } from '../manifest/load.js';
import type { Manifest } from '../manifest/model.js';
import { nearest } from '../manifest/locate.js';
import { today as todayOf } from '../manifest/timeline.js';
import { createReporter, type Reporter } from './reporter.js';
import { redact } from '../shared/secrets.js';

type FrontDoor = 'action' | 'cli';

/**
 * Decides the front door. In a GitHub Action (the root action, or a composite action that runs
 * `node dist/index.js <command>` with no flags) options come from inputs; otherwise from flags.
 */
export function frontDoorOf(args: string[], env: NodeJS.ProcessEnv): FrontDoor {
  return env['GITHUB_ACTIONS'] === 'true' && args.length <= 1 && !args.some((arg) => arg.startsWith('-'))
    ? 'action'
    : 'cli';
}

/** Runs one command from argv or action inputs and returns the process exit code. Never throws. */
export async function main(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<number> {
  const door = frontDoorOf(args, env);
  env['CUTOVER_FRONT_DOOR'] = door;
  // Only where the runner listens: loading @actions/core costs every other start (actions-core.ts).
  if (door === 'action' || env['GITHUB_ACTIONS'] === 'true' || process.env['GITHUB_OUTPUT'])
    await loadActionsCore();
  const reporter = createReporter(door, env);
  try {
    if (door === 'cli' && (args[0] === '--version' || args[0] === '-V')) {
      process.stdout.write(`${version()}\n`);
      return ExitCode.ok;
    }
    if (
      door === 'cli' &&
      (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help')
    ) {
      process.stdout.write(await helpText(args[0] === 'help' ? args[1] : undefined));
      return args.length === 0 ? ExitCode.badInput : ExitCode.ok;
    }
    const name = door === 'action' ? args[0] || (env['INPUT_COMMAND'] ?? '').trim() : args[0]!;
    const command = await findCommand(name);
    if (!command) {
      const suggestion = nearest(name, [...COMMAND_NAMES]);
      throw new UsageError(
        name
          ? `unknown command "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (commands: ${COMMAND_NAMES.join(', ')})`
          : `no command given: set the "command" input to one of ${COMMAND_NAMES.join(', ')}`,
      );
    }
    const rest = args.slice(1);
    if (door === 'cli' && (rest.includes('--help') || rest.includes('-h'))) {
      process.stdout.write(await helpText(command.name));
      return ExitCode.ok;
    }
    const specs = [...COMMON_OPTIONS, ...command.options];
    const raw = door === 'cli' ? readFlags(rest, specs) : readInputs(env, specs);
    const options = parseOptions(command.schema, raw, env);
    const context = makeContext(command, options, reporter, env, cwd);
    const result = await command.run(context);
    publish(door, command, result, options.json, reporter);
    return result.exitCode;
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error));
    const code = exitCodeOf(error);
    if (door === 'action') {
      if (code === ExitCode.failed && error instanceof Error && !(error instanceof UsageError))
        core().debug(redact(error.stack ?? ''));
      core().setFailed(message);
    } else {
      if (args.includes('--json'))
        process.stdout.write(`${JSON.stringify(errorDocument(error, message, code), null, 2)}\n`);
      process.stderr.write(`${code === ExitCode.badInput ? 'error' : 'failed'}: ${message}\n`);
      if (env['CUTOVER_DEBUG'] && error instanceof Error)
        process.stderr.write(`${redact(error.stack ?? '')}\n`);
    }
    reporter.flushSummary();
    return code;
  }
}

/** What `--json` prints when a run ends in an error: machines get the located problems too. */
function errorDocument(error: unknown, message: string, exitCode: number): unknown {
  const problems =
    error instanceof ConfigError
      ? error.problems.map((problem) => JSON.parse(redact(JSON.stringify(problem))))
      : undefined;
  return { ok: false, exitCode, error: message, ...(problems && { problems }) };
}

function makeContext(
  command: Command,
  options: CommandContext<unknown>['options'],
  reporter: Reporter,
  env: NodeJS.ProcessEnv,
  cwd: string,
): CommandContext<unknown> {
  let manifest: Promise<Manifest> | undefined;
  return {
    options,
    today: todayOf(options.now),
    manifest: () => (manifest ??= loadManifest(options.manifest, cwd, env)),
    reporter,
    env,
    cwd,
  };
}

function publish(
  door: FrontDoor,
  command: Command,
  result: CommandResult,
  json: boolean,
  reporter: Reporter,
): void {
  const document = redact(JSON.stringify(result.json, null, 2));
  if (door === 'action') {
    for (const output of command.outputs) {
      const value = result.outputs?.[output.name];
      if (value !== undefined) core().setOutput(output.name, redact(value));
    }
    core().setOutput('json', document);
    if (result.exitCode !== 0) core().setFailed(result.failureMessage ?? `${command.name} failed`);
  } else {
    if (json) process.stdout.write(`${document}\n`);
    if (result.exitCode !== 0)
      process.stderr.write(`failed: ${redact(result.failureMessage ?? `${command.name} failed`)}\n`);
    if (process.env['GITHUB_OUTPUT']) {
      for (const [name, value] of Object.entries(result.outputs ?? {})) core().setOutput(name, redact(value));
    }
  }
  reporter.flushSummary();
}

/** The package version, from package.json (bundled by ncc). */
export function version(): string {
  return packageJson.version;
}

async function helpText(commandName?: string): Promise<string> {
  const command = commandName ? await findCommand(commandName) : undefined;
  if (commandName && !command) throw new UsageError(`unknown command "${commandName}"`);
  const flags = (specs: typeof COMMON_OPTIONS) =>
    specs
      .map((spec) => {
        const flag = `--${spec.name}${spec.type === 'boolean' ? '' : spec.type === 'list' ? ' VALUE...' : ' VALUE'}`;
        return `  ${flag.padEnd(28)} ${spec.description}${spec.default !== undefined ? ` (default: ${spec.default})` : ''}`;
      })
      .join('\n');
  if (command) {
    return `cutover ${command.name} — ${command.summary}\n\nUsage: cutover ${command.name} [flags]\n\nFlags:\n${flags([...command.options, ...COMMON_OPTIONS])}\n\nExit codes: 0 ok, 1 the check or the work failed, 2 bad input.\n`;
  }
  const list = (await loadCommands()).map((c) => `  ${c.name.padEnd(16)} ${c.summary}`).join('\n');
  return `cutover ${version()} — carry an organisation through a container-registry migration.\n\nUsage: cutover <command> [flags]\n\nCommands:\n${list}\n\nCommon flags:\n${flags(COMMON_OPTIONS)}\n  --help                       Show help for a command.\n  --version                    Print the version.\n\nExit codes: 0 ok, 1 the check or the work failed, 2 bad input.\n`;
}

/** Entry point of the bundle: the CLI and every action run this. */
export async function run(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2));
}
