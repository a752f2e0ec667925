import { parseArgs } from 'node:util';
import { UsageError } from '../shared/errors.js';
import { nearest } from '../shared/did-you-mean.js';
import type { CommonOptions } from './command.js';
import { option, schemaOf, specsOf, type OptionDefs, type OptionSpec, type OptionValues } from './option.js';

/** Options every command has, under the same names as flags and as action inputs. */
export const COMMON_OPTIONS = {
  manifest: option.string(
    'The manifest: a path, or owner/repo:path@ref for a central one (read with GITHUB_TOKEN). Default: cutover.yml, then .github/cutover.yml.',
  ),
  now: option.day('Act as if today were this day (YYYY-MM-DD), to rehearse the timeline. Also CUTOVER_NOW.'),
  json: option.boolean('Print the machine-readable result on stdout.', { cliOnly: true }),
} satisfies OptionDefs;

/** Raw option values as read from flags or inputs, before the options' schema types them. */
export type RawOptions = Record<string, string | boolean | string[] | undefined>;

/** Reads option values from command-line arguments. Unknown flags are a UsageError with a suggestion. */
export function readFlags(args: string[], specs: OptionSpec[]): RawOptions {
  const config = Object.fromEntries(
    specs.map((spec) => [
      spec.name,
      {
        type: spec.shape === 'boolean' ? ('boolean' as const) : ('string' as const),
        multiple: spec.shape === 'list',
      },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({
      args,
      options: config,
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    return values as RawOptions;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = (error as Error).message;
    const flag = /'(--?[^' ]+)'/.exec(message)?.[1];
    if (flag && /Unknown option/.test(message)) {
      const suggestion = nearest(
        flag.replace(/^-+/, ''),
        specs.map((spec) => spec.name),
      );
      throw new UsageError(`unknown flag ${flag}${suggestion ? `; did you mean --${suggestion}?` : ''}`);
    }
    throw new UsageError(message.split('\n')[0]!.replace(/^TypeError \[\w+\]: /, ''));
  }
}

/** The environment variable an action input arrives in (composite actions pass them with `_` for `-`). */
export function inputVariables(name: string): string[] {
  const upper = name.toUpperCase().replace(/ /g, '_');
  return [...new Set([`INPUT_${upper}`, `INPUT_${upper.replace(/-/g, '_')}`])];
}

/** Reads option values from action inputs (`INPUT_*` variables). Empty inputs count as not given. */
export function readInputs(env: NodeJS.ProcessEnv, specs: OptionSpec[]): RawOptions {
  const raw: RawOptions = {};
  for (const spec of specs) {
    if (spec.cliOnly) continue;
    const value = inputVariables(spec.name)
      .map((variable) => env[variable])
      .find((text) => text !== undefined && text.trim() !== '');
    if (value === undefined) continue;
    if (spec.shape === 'boolean') raw[spec.name] = parseBoolean(spec.name, value);
    else if (spec.shape === 'list')
      raw[spec.name] = value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    else raw[spec.name] = value.trim();
  }
  return raw;
}

function parseBoolean(name: string, value: string): boolean {
  const text = value.trim();
  if (['true', 'True', 'TRUE'].includes(text)) return true;
  if (['false', 'False', 'FALSE'].includes(text)) return false;
  throw new UsageError(`input "${name}": expected true or false, found ${JSON.stringify(text)}`);
}

/** Every option a command takes: its own and the common ones, as specs (for parsing and help). */
export function optionSpecs(defs: OptionDefs): OptionSpec[] {
  return specsOf({ ...defs, ...COMMON_OPTIONS });
}

/**
 * Types raw options with the options' definitions, turning every problem into one UsageError that
 * names each flag/input and what was expected.
 */
export function parseOptions<Defs extends OptionDefs>(
  defs: Defs,
  raw: RawOptions,
  env: NodeJS.ProcessEnv,
): OptionValues<Defs> & CommonOptions {
  const withEnv: RawOptions = { ...raw, now: raw['now'] ?? (env['CUTOVER_NOW'] || undefined) };
  const parsed = schemaOf({ ...defs, ...COMMON_OPTIONS }).safeParse(withEnv);
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues
        .map((issue) => {
          const name = String(issue.path[0] ?? '');
          const given = withEnv[name];
          const origin = name === 'now' && raw['now'] === undefined ? 'CUTOVER_NOW' : `--${name}`;
          const found = given === undefined ? '' : `, found ${JSON.stringify(given)}`;
          return `${origin}: ${issue.message.replace(/^Invalid input: /, '')}${found}`;
        })
        .join('\n'),
    );
  }
  return parsed.data as OptionValues<Defs> & CommonOptions;
}
