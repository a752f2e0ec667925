/**
 * The two entry points — the action's and the CLI's — and what they share: find the command, read
 * its options (inputs or flags), build the {@link RunContext}, run, and present the result. Which
 * door a run came in by is never guessed: `dist/action.js` calls {@link runAction}, `dist/index.js`
 * (the `cutover` binary) calls {@link runCli}.
 */
import { loadManifest } from '../manifest/load.js';
import type { Manifest } from '../manifest/model.js';
import { today as todayOf } from '../manifest/timeline.js';
import { didYouMean } from '../shared/did-you-mean.js';
import { ConfigError, describeFailure, ExitCode, UsageError } from '../shared/errors.js';
import { SecretRegistry } from '../shared/secrets.js';
import { CUTOVER_VERSION } from '../shared/version.js';
import { loadActionsCore, requireActionsCore as core } from './actions-core.js';
import type { Command, CommandResult, EntryPoint, RunContext } from './command.js';
import { COMMAND_NAMES, findCommand, loadCommands } from './commands.js';
import type { OptionSpec } from './option.js';
import { optionSpecs, parseOptions, readFlags, readInputs, type RawOptions } from './options.js';
import { addMaskCommand, createReporter, workflowSafe } from './reporter.js';

/** The action's entry point: the command from the composite action's argument or the `command` input. */
export async function runAction(
  args: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<number> {
  await loadActionsCore();
  const secrets = new SecretRegistry((value) => core().setSecret(value));
  const name = args[0] || (env['INPUT_COMMAND'] ?? '').trim();
  return execute('action', name, (specs) => readInputs(env, specs), { env, cwd, secrets });
}

/** The CLI's entry point (`cutover <command> [flags]`). */
export async function runCli(
  args: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<number> {
  const inWorkflow = env['GITHUB_ACTIONS'] === 'true';
  // Only where the runner listens: loading @actions/core costs every other start (actions-core.ts).
  if (inWorkflow || env['GITHUB_OUTPUT']) await loadActionsCore();
  // In the CLI, stdout may carry --json; the runner reads workflow commands from stderr as well.
  const secrets = new SecretRegistry((value) => {
    if (inWorkflow) process.stderr.write(addMaskCommand(value));
  });
  if (args[0] === '--version' || args[0] === '-V') {
    process.stdout.write(`${version()}\n`);
    return ExitCode.ok;
  }
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    try {
      process.stdout.write(await helpText(args[0] === 'help' ? args[1] : undefined));
    } catch (error) {
      process.stderr.write(`error: ${(error as Error).message}\n`);
      return ExitCode.badInput;
    }
    return args.length === 0 ? ExitCode.badInput : ExitCode.ok;
  }
  const [name = '', ...rest] = args;
  if (rest.includes('--help') || rest.includes('-h')) {
    const command = await findCommand(name);
    if (command) {
      process.stdout.write(await helpText(command.name));
      return ExitCode.ok;
    }
  }
  return execute('cli', name, (specs) => readFlags(rest, specs), {
    env,
    cwd,
    secrets,
    json: rest.includes('--json'),
  });
}

interface ExecuteSettings {
  env: NodeJS.ProcessEnv;
  cwd: string;
  secrets: SecretRegistry;
  /** The CLI was asked for `--json` (known before the flags are parsed, for errors in parsing). */
  json?: boolean;
}

/** Finds, parses, runs and presents one command; never throws. */
async function execute(
  entry: EntryPoint,
  name: string,
  readRaw: (specs: OptionSpec[]) => RawOptions,
  { env, cwd, secrets, json = false }: ExecuteSettings,
): Promise<number> {
  const reporter = createReporter(entry, env, secrets);
  registerEnvironmentSecrets(env, secrets);
  // A line printed where the runner reads it carries data, never a workflow command.
  const safe = (text: string) => workflowSafe(text, entry === 'action' || env['GITHUB_ACTIONS'] === 'true');
  try {
    const command = await findCommand(name);
    if (!command) {
      throw new UsageError(
        name
          ? `unknown command "${name}"${didYouMean(name, COMMAND_NAMES)} (commands: ${COMMAND_NAMES.join(', ')})`
          : `no command given: set the "command" input to one of ${COMMAND_NAMES.join(', ')}`,
      );
    }
    const options = parseOptions(command.options, readRaw(optionSpecs(command.options)), env);
    const run: RunContext = {
      entry,
      env,
      cwd,
      secrets,
      reporter,
      today: todayOf(options.now),
      stdoutIsTTY: entry === 'cli' && process.stdout.isTTY === true,
    };
    let manifest: Promise<Manifest> | undefined;
    const result = await command.run({
      ...run,
      options,
      manifest: () =>
        (manifest ??= loadManifest(options.manifest, cwd, env, secrets).then((loaded) => {
          registerManifestSecrets(loaded, env, secrets);
          return loaded;
        })),
    });
    publish(run, command, result, options.json, safe);
    return result.exitCode;
  } catch (error) {
    const failure = describeFailure(error);
    const message = secrets.redact(failure.message);
    const stack = failure.stack === undefined ? undefined : secrets.redact(failure.stack);
    if (entry === 'action') {
      if (stack) core().error(stack);
      core().setFailed(message);
    } else {
      if (json) {
        const document = secrets.redactValue(errorDocument(error, message, failure));
        process.stdout.write(`${secrets.redact(JSON.stringify(document, null, 2))}\n`);
      }
      process.stderr.write(
        `${safe(`${failure.exitCode === ExitCode.badInput ? 'error' : 'failed'}: ${message}`)}\n`,
      );
      if (stack) process.stderr.write(`${safe(stack)}\n`);
      else if (env['CUTOVER_DEBUG'] && error instanceof Error)
        process.stderr.write(`${safe(secrets.redact(error.stack ?? ''))}\n`);
    }
    reporter.flushSummary();
    return failure.exitCode;
  }
}

/** What `--json` prints when a run ends in an error: machines get the category and located problems too. */
function errorDocument(
  error: unknown,
  message: string,
  failure: ReturnType<typeof describeFailure>,
): unknown {
  const problems = error instanceof ConfigError ? error.problems : undefined;
  return {
    ok: false,
    exitCode: failure.exitCode,
    category: failure.category,
    error: message,
    ...(problems && { problems }),
  };
}

/**
 * Variables that hold credentials wherever cutover runs (the GitHub tokens, the runner's own): their
 * values are registered as secrets before anything runs, so whatever shows one — a generator's diff,
 * a server's echo — prints `***`, even when cutover itself never uses the variable.
 */
const CREDENTIAL_VARIABLES = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'CUTOVER_MANIFEST_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];

function registerEnvironmentSecrets(env: NodeJS.ProcessEnv, secrets: SecretRegistry): void {
  for (const name of CREDENTIAL_VARIABLES) secrets.add(env[name]?.trim());
}

/** The registry passwords the manifest names (`password-env`), registered as soon as it is read. */
function registerManifestSecrets(manifest: Manifest, env: NodeJS.ProcessEnv, secrets: SecretRegistry): void {
  for (const registry of [manifest.registries.old, manifest.registries.new]) {
    const name = registry.credentials?.passwordEnv;
    if (name) secrets.add(env[name]);
  }
}

/** Prints a command's result: outputs and failure in an action; `--json`, stdout text and failure in the CLI. */
function publish(
  run: RunContext,
  command: Command,
  result: CommandResult,
  json: boolean,
  safe: (text: string) => string,
): void {
  const redact = (text: string) => run.secrets.redact(text);
  // Redacted value by value before it becomes JSON (escaping would hide a secret from a text search), then as text.
  const document = redact(JSON.stringify(run.secrets.redactValue(result.json), null, 2));
  if (run.entry === 'action') {
    for (const output of command.outputs) {
      const value = result.outputs?.[output.name];
      if (value !== undefined) core().setOutput(output.name, redact(value));
    }
    core().setOutput('json', document);
    if (result.exitCode !== 0) core().setFailed(redact(result.failureMessage ?? `${command.name} failed`));
  } else {
    if (json) process.stdout.write(`${document}\n`);
    else if (result.stdout !== undefined) process.stdout.write(safe(redact(result.stdout)));
    if (result.exitCode !== 0)
      process.stderr.write(
        `${safe(`failed: ${redact(result.failureMessage ?? `${command.name} failed`)}`)}\n`,
      );
    if (run.env['GITHUB_OUTPUT']) {
      for (const [name, value] of Object.entries(result.outputs ?? {})) core().setOutput(name, redact(value));
    }
  }
  run.reporter.flushSummary();
}

/** The package version, from package.json (bundled by ncc). */
export function version(): string {
  return CUTOVER_VERSION;
}

async function helpText(commandName?: string): Promise<string> {
  const command = commandName ? await findCommand(commandName) : undefined;
  if (commandName && !command) throw new UsageError(`unknown command "${commandName}"`);
  const flags = (specs: OptionSpec[]) =>
    specs
      .map((spec) => {
        const flag = `--${spec.name}${spec.shape === 'boolean' ? '' : spec.shape === 'list' ? ' VALUE...' : ' VALUE'}`;
        return `  ${flag.padEnd(28)} ${spec.description}${spec.defaultText !== undefined ? ` (default: ${spec.defaultText})` : ''}`;
      })
      .join('\n');
  if (command) {
    return `cutover ${command.name} — ${command.summary}\n\nUsage: cutover ${command.name} [flags]\n\nFlags:\n${flags(optionSpecs(command.options))}\n\nExit codes: 0 ok, 1 the check or the work failed, 2 bad input.\n`;
  }
  const list = (await loadCommands()).map((c) => `  ${c.name.padEnd(16)} ${c.summary}`).join('\n');
  return `cutover ${version()} — carry an organisation through a container-registry migration.\n\nUsage: cutover <command> [flags]\n\nCommands:\n${list}\n\nCommon flags:\n${flags(optionSpecs({}))}\n  --help                       Show help for a command.\n  --version                    Print the version.\n\nExit codes: 0 ok, 1 the check or the work failed, 2 bad input.\n`;
}
