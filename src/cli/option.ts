/**
 * Options declared once. `option.int({ min: 1, max: 64, default: 8 }, 'Requests in flight')` is the
 * whole declaration of a flag: the CLI flag (`--concurrency`), the action input (`concurrency`), its
 * zod type, its default and its documentation (help text, action.yml, README) are all derived from
 * it, so a default or a range is never written twice.
 */
import { z } from 'zod';
import { isCalendarDay } from '../shared/units.js';
import { parseDuration, parseSize } from '../shared/units.js';

/** How an option is written: a string, a flag without value, or a value that repeats. */
export type OptionShape = 'string' | 'boolean' | 'list';

/** One option, before it has a name (the key it is declared under is its name). */
export interface OptionDef<T> {
  shape: OptionShape;
  description: string;
  /** The default as users write it (help, action.yml); undefined when the option has none. */
  defaultText?: string;
  /** Only a CLI flag (for example `--fix`, which edits the working tree), never an action input. */
  cliOnly: boolean;
  /** Turns the raw value (string, boolean or string[], or undefined when not given) into `T`. */
  schema: z.ZodType<T>;
}

/** A command's options, keyed by their kebab-case names. */
export type OptionDefs = Record<string, OptionDef<unknown>>;

/** The typed values of a set of options. */
export type OptionValues<Defs extends OptionDefs> = {
  [Name in keyof Defs]: Defs[Name] extends OptionDef<infer T> ? T : never;
};

/** One flag of the CLI and, under the same name, one input of the actions (for help and generators). */
export interface OptionSpec {
  /** kebab-case: `--dry-run` on the command line, `dry-run` as an action input. */
  name: string;
  description: string;
  shape: OptionShape;
  defaultText?: string;
  cliOnly: boolean;
}

interface Common {
  /** Only a CLI flag, never an action input. */
  cliOnly?: boolean;
}

function def<T>(
  shape: OptionShape,
  description: string,
  schema: z.ZodType<T>,
  common: Common,
  defaultText?: string,
): OptionDef<T> {
  return {
    shape,
    description,
    schema,
    cliOnly: common.cliOnly ?? false,
    ...(defaultText !== undefined && { defaultText }),
  };
}

/** A string parsed by `parse`, which returns undefined for text it does not accept. */
function parsed<T>(parse: (text: string) => T | undefined, expected: string): z.ZodType<T, string> {
  return z.string().transform((text, context) => {
    const value = parse(text.trim());
    if (value === undefined) {
      context.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    }
    return value;
  });
}

function withDefault<T>(schema: z.ZodType<T>, fallback: T | undefined): z.ZodType<T> {
  return (
    fallback === undefined ? schema.optional() : schema.optional().transform((v) => v ?? fallback)
  ) as z.ZodType<T>;
}

/** The option builders. Each returns an {@link OptionDef}; the key it is declared under is its name. */
export const option = {
  /**
   * A string; `pattern` (with `expected`, what to say when it does not match) restricts its form,
   * `required` makes it mandatory.
   */
  string<D extends string | undefined = undefined, R extends boolean = false>(
    description: string,
    settings: Common & { default?: D; required?: R; pattern?: RegExp; expected?: string } = {},
  ): OptionDef<D extends string ? string : R extends true ? string : string | undefined> {
    const expected = settings.expected ?? 'expected a value';
    let schema: z.ZodType<string> = z.string({ error: expected }).trim().min(1, { error: expected });
    if (settings.pattern) schema = (schema as z.ZodString).regex(settings.pattern, { error: expected });
    return def(
      'string',
      description,
      settings.required ? schema : withDefault(schema, settings.default),
      settings,
      settings.default,
    ) as never;
  },

  /** A switch: `--dry-run` on the command line, `dry-run: true` as an input. */
  boolean(description: string, settings: Common = {}): OptionDef<boolean> {
    return def('boolean', description, withDefault(z.boolean(), false), settings);
  },

  /** A repeated flag, or one value per line as an input; `pattern` restricts each value's form. */
  list(
    description: string,
    settings: Common & { pattern?: RegExp; expected?: string } = {},
  ): OptionDef<string[]> {
    const expected = settings.expected ?? 'expected a value';
    let item = z.string().trim().min(1, { error: expected });
    if (settings.pattern) item = item.regex(settings.pattern, { error: expected });
    return def('list', description, withDefault(z.array(item), []), settings);
  },

  /** A whole number in `[min, max]`. */
  int<D extends number | undefined = undefined>(
    settings: Common & { min: number; max?: number; default?: D; expected?: string },
    description: string,
  ): OptionDef<D extends number ? number : number | undefined> {
    const max = settings.max ?? Number.MAX_SAFE_INTEGER;
    const expected =
      settings.expected ??
      (settings.max === undefined
        ? `expected a whole number of at least ${settings.min}`
        : `expected a whole number from ${settings.min} to ${settings.max}`);
    const schema = parsed((text) => {
      if (!/^\d+$/.test(text)) return undefined;
      const value = Number(text);
      return value >= settings.min && value <= max ? value : undefined;
    }, expected);
    return def(
      'string',
      description,
      withDefault(schema, settings.default),
      settings,
      settings.default?.toString(),
    ) as never;
  },

  /** A duration (`90s`, `10m`, `1h`), as milliseconds. */
  duration<D extends string | undefined = undefined>(
    description: string,
    settings: Common & { default?: D } = {},
  ): OptionDef<D extends string ? number : number | undefined> {
    const schema = parsed((text) => {
      const ms = parseDuration(text);
      return ms !== undefined && ms > 0 ? ms : undefined;
    }, 'expected a duration such as 90s, 10m or 1h');
    const fallback = settings.default === undefined ? undefined : parseDuration(settings.default);
    return def('string', description, withDefault(schema, fallback), settings, settings.default) as never;
  },

  /** A size (`10MB`, `512k`, `20000`), as bytes. */
  size<D extends string | undefined = undefined>(
    description: string,
    settings: Common & { default?: D } = {},
  ): OptionDef<D extends string ? number : number | undefined> {
    const schema = parsed(parseSize, 'expected a size such as 10MB, 512k or 20000');
    const fallback = settings.default === undefined ? undefined : parseSize(settings.default);
    return def('string', description, withDefault(schema, fallback), settings, settings.default) as never;
  },

  /** One of a fixed set of words. */
  choice<
    const Values extends readonly [string, ...string[]],
    D extends Values[number] | undefined = undefined,
  >(
    values: Values,
    description: string,
    settings: Common & { default?: D; expected?: string } = {},
  ): OptionDef<D extends string ? Values[number] : Values[number] | undefined> {
    const schema = z.enum(values, { error: settings.expected ?? `expected ${values.join(', ')}` });
    return def(
      'string',
      description,
      withDefault(schema as z.ZodType<Values[number]>, settings.default),
      settings,
      settings.default,
    ) as never;
  },

  /** A calendar day written YYYY-MM-DD. */
  day(description: string, settings: Common = {}): OptionDef<string | undefined> {
    const schema = z.string().refine(isCalendarDay, { error: 'expected a day written YYYY-MM-DD' });
    return def('string', description, schema.optional(), settings);
  },
};

/** The name-bearing specs of a set of options, for help, the argument parser and action.yml. */
export function specsOf(defs: OptionDefs): OptionSpec[] {
  return Object.entries(defs).map(([name, entry]) => ({
    name,
    description: entry.description,
    shape: entry.shape,
    cliOnly: entry.cliOnly,
    ...(entry.defaultText !== undefined && { defaultText: entry.defaultText }),
  }));
}

/** The zod object that types a set of options. */
export function schemaOf<Defs extends OptionDefs>(defs: Defs): z.ZodType<OptionValues<Defs>> {
  return z.object(
    Object.fromEntries(Object.entries(defs).map(([name, entry]) => [name, entry.schema])),
  ) as never;
}
