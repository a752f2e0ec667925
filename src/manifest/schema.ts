import { DURATION_PATTERN, isCalendarDay, parseDuration } from '../shared/units.js';
import semver from 'semver';
import { z } from 'zod';
import { isValidHost, isValidRepositoryPath, parseRepositoryReference } from '../oci/reference.js';

/** A calendar day, `YYYY-MM-DD`, as every date in the manifest is written. */
const day = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written YYYY-MM-DD', abort: true })
  .refine((text) => isCalendarDay(text), { error: 'expected a real calendar date (YYYY-MM-DD)' })
  .meta({ description: 'A calendar day, YYYY-MM-DD (UTC).', format: 'date' });

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
  error:
    'expected the name of an environment variable (letters, digits, _); the value given is not one — never write a secret in the manifest',
});

const host = z
  .string({ error: 'expected a registry host, host[:port]' })
  .refine((text) => !/^[a-z]+:\/\//i.test(text), {
    error: 'expected host[:port] without a scheme (drop "https://")',
  })
  .refine((text) => (!/^[a-z]+:\/\//i.test(text) ? isValidHost(text) && !text.includes('/') : true), {
    error: 'expected a registry host, host[:port] (letters, digits, dots, dashes; no path)',
  })
  .meta({ description: 'Registry host, host[:port].' });

const credentials = z
  .strictObject({
    'username-env': envName.optional().meta({ description: 'Environment variable holding the user name.' }),
    'password-env': envName
      .optional()
      .meta({ description: 'Environment variable holding the password or token.' }),
  })
  .meta({
    description: 'Environment variable names for registry credentials; defaults to the Docker config.',
  });

const registryCommon = {
  host,
  aliases: z.array(host).optional().meta({ description: 'Other host names of the same registry.' }),
  insecure: z
    .boolean()
    .optional()
    .meta({ description: 'Plain HTTP. Implied for localhost, 127.0.0.0/8 and [::1].' }),
  credentials: credentials.optional(),
};

const oldRegistry = z
  .strictObject({
    ...registryCommon,
    'read-only': day.meta({ description: 'No pushes to the old registry from this day.' }),
    shutdown: day.meta({ description: 'The old registry is gone from this day.' }),
  })
  .meta({ description: 'The registry being retired.' });

const newRegistry = z
  .strictObject({
    ...registryCommon,
    available: day.meta({ description: 'Pushes to the new registry may start from this day.' }),
  })
  .meta({ description: 'The registry being moved to.' });

const repositoryPath = z
  .string({ error: 'expected a repository path such as "team/api"' })
  .refine(isValidRepositoryPath, {
    error:
      'expected a repository path (lower-case letters, digits and . _ - separators, components joined by /)',
  });

const imageReference = z
  .string({ error: 'expected an image such as "team/api" or "team/api:1.2"' })
  .superRefine((text, ctx) => {
    try {
      parseRepositoryReference(text);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `expected an image path[:tag][@digest]: ${(error as Error).message}`,
      });
    }
  });

const glob = z
  .string({ error: 'expected a glob pattern' })
  .min(1, { error: 'expected a non-empty glob pattern' });

/** `90s`, `10m`, `1.5h`, `500ms` → milliseconds (the manifest schema has checked the form). */
export function durationMs(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new Error(`not a duration: ${text}`);
  return ms;
}

/** A generator that runs longer is stopped: a hung generator must not hold a CI job for hours. */
export const DEFAULT_GENERATOR_TIMEOUT = '30m';

const generatedEntry = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'Short name shown in reports.' }),
    run: z.string().min(1).meta({ description: 'The generator command, run with sh -c in a scratch copy.' }),
    outputs: z.array(glob).min(1, { error: 'expected at least one output glob' }).meta({
      description: 'Globs of the files this generator owns.',
    }),
    env: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: 'Extra environment for the generator.' }),
    'working-directory': z
      .string()
      .optional()
      .meta({ description: 'Directory to run in, relative to the repository.' }),
    timeout: z
      .string({ error: 'expected a duration such as 90s, 10m or 1h' })
      .regex(DURATION_PATTERN, { error: 'expected a duration such as 90s, 10m or 1h' })
      .optional()
      .meta({
        description: `Time limit for one run (default ${DEFAULT_GENERATOR_TIMEOUT}): then the generator and every process it started are stopped and the check fails.`,
      }),
  })
  .meta({ description: 'A code generator whose outputs must be current.' });

const repoEntry = z
  .strictObject({
    owner: z.string().optional().meta({ description: 'Owning team, shown in plans.' }),
    produces: z
      .array(repositoryPath)
      .optional()
      .meta({ description: 'Images this repository pushes (paths in the old registry).' }),
    consumes: z
      .array(imageReference)
      .optional()
      .meta({ description: 'Images this repository pulls; a :tag or @digest pins an old version.' }),
    generated: z.array(generatedEntry).optional().meta({
      description: "This repository's generators; an entry replaces a top-level one of the same name.",
    }),
  })
  .meta({ description: 'One repository of the organisation.' });

const copyRule = z
  .strictObject({
    images: z.array(glob).optional().meta({ description: 'Repository globs in the old registry.' }),
    tags: z
      .array(glob)
      .optional()
      .meta({ description: 'Tag globs; a leading ! excludes. Default: all tags.' }),
    semver: z
      .string()
      .refine((range) => semver.validRange(range, { loose: true }) !== null, {
        error: 'expected a semver range such as ">=1.4 <2"',
      })
      .optional()
      .meta({ description: 'A semver range over tags that are versions (v prefixes allowed).' }),
    newest: z
      .number()
      .int()
      .min(1, { error: 'expected a whole number of at least 1' })
      .optional()
      .meta({ description: "Keep the N most recently built (the image config's created) of what is left." }),
    referenced: z
      .boolean()
      .optional()
      .meta({ description: 'Tags pinned in repos.*.consumes and in --refs files.' }),
    pulled: z
      .strictObject({
        days: z
          .number({ error: 'expected a number of days' })
          .int({ error: 'expected a whole number of days' })
          .min(1, { error: 'expected at least 1 day' })
          .max(3650, { error: 'expected at most 3650 days' }),
      })
      .optional()
      .meta({
        description:
          'Tags pulled from the old registry in the last N days, and digests pulled by digest, as copy-tags --evidence shows (registry logs, exports); alone or with images and tags.',
      }),
  })
  .superRefine((rule, ctx) => {
    // Pull evidence decides by use; a range, an age or pins would answer another question.
    if (rule.pulled === undefined) return;
    for (const key of ['semver', 'newest', 'referenced'] as const)
      if (rule[key] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `pulled: combines with images and tags only; put ${key} in a rule of its own (rules are OR-combined)`,
        });
  })
  .meta({ description: 'Which old tags to copy to the new registry; rules are OR-combined.' });

const pathRule = z
  .strictObject({
    from: z.string().min(1).meta({ description: 'Old repository path glob; each * captures.' }),
    to: z
      .string()
      .min(1)
      .meta({ description: 'New repository path; each * is replaced by the matching capture.' }),
  })
  .meta({ description: 'Old→new repository mapping; the first matching rule wins.' });

/** The manifest's shape, strict: unknown keys are errors. Cross-field rules live in validate.ts. */
export const manifestSchema = z
  .strictObject({
    version: z.literal(1, { error: 'expected version: 1' }).meta({ description: 'Always 1.' }),
    registries: z
      .strictObject({ old: oldRegistry, new: newRegistry })
      .meta({ description: 'The two registries and the days of the timeline.' }),
    paths: z
      .array(pathRule)
      .optional()
      .meta({ description: 'Old→new repository mapping, first match wins; default: the same path.' }),
    guard: z
      .strictObject({
        'warn-days': z.number().int().min(0).optional().meta({
          description:
            'Warn only this many days before fail-from (default: from the day the new registry opens).',
        }),
        'fail-from': day
          .optional()
          .meta({ description: 'References fail from this day; default: the shutdown day.' }),
        allow: z
          .strictObject({
            files: z.array(glob).optional().meta({ description: 'Files whose references are ignored.' }),
            references: z.array(glob).optional().meta({ description: 'Reference globs that are ignored.' }),
          })
          .optional()
          .meta({ description: 'Findings ignored (still counted and listed).' }),
      })
      .optional()
      .meta({ description: 'How cutover guard judges references to the old registry.' }),
    repos: z
      .record(z.string(), repoEntry.nullable())
      .optional()
      .meta({ description: "The organisation's repositories, by owner/name." }),
    copy: z
      .array(copyRule)
      .optional()
      .meta({ description: 'Which old tags copy-tags copies; rules are OR-combined.' }),
    generated: z
      .array(generatedEntry)
      .optional()
      .meta({ description: 'Generators every repository checks with check-generated.' }),
  })
  .meta({ title: 'cutover manifest', description: 'Drives a container-registry migration with cutover.' });

/** The manifest as written, after schema validation. */
export type ManifestInput = z.infer<typeof manifestSchema>;
export type GeneratedEntry = z.infer<typeof generatedEntry>;
export type CopyRule = z.infer<typeof copyRule>;
export type PathRule = z.infer<typeof pathRule>;
