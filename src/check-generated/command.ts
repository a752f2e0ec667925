import path from 'node:path';
import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';
import { checkRepository } from './check.js';
import { CLI_FROM_A_CHECKOUT, present, progressHooks } from './present.js';

/** `cutover check-generated`: are the generated files current? Runs generators in scratch copies. */
export const checkGeneratedCommand = defineCommand({
  name: 'check-generated',
  summary:
    'Check that generated files are current by running each generator in a scratch copy; report diffs, a fix patch, and non-reproducible output.',
  options: {
    repo: option.string(
      'Check the generators of this repository (repos.<name>.generated) as well as the top-level ones. Default: GITHUB_REPOSITORY.',
    ),
    patch: option.string(
      'Write one patch that `git apply` turns into the fix to this file (only when something is stale). In an action: default $RUNNER_TEMP/cutover-generated.patch.',
    ),
    fix: option.boolean(
      "Regenerate in place: write the generators' outputs (and only those) into the working tree.",
      { cliOnly: true },
    ),
    repeat: option.int(
      { min: 1, max: 10, expected: 'expected a number of runs from 1 to 10' },
      'Run each generator this many times, each in its own copy, and report outputs that differ as non-reproducible. Default: 2 when CI is set, else 1.',
    ),
  },
  outputs: [
    { name: 'stale', description: 'true when a generated file is stale, missing or orphaned, else false.' },
    {
      name: 'patch',
      description: 'Path of the patch that fixes the stale files (empty when nothing is stale).',
    },
    { name: 'stale-files', description: 'Number of stale, missing or orphaned generated files.' },
    { name: 'non-reproducible', description: 'Number of generated files that differ between repeated runs.' },
    {
      name: 'undeclared-writes',
      description: 'Number of files generators changed outside their declared outputs.',
    },
    { name: 'failed-generators', description: 'Number of generators that exited with an error.' },
  ],
  actionSteps: [
    {
      name: 'Upload the fix for generated files',
      if: "${{ always() && steps.run.outputs.stale == 'true' && steps.run.outputs.patch != '' }}",
      // Pinned by commit (a tag can be moved); scripts/generate.ts keeps the version as a comment.
      uses: 'actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2',
      with: {
        name: 'cutover-generated-patch',
        path: '${{ steps.run.outputs.patch }}',
        'if-no-files-found': 'ignore',
      },
    },
  ],
  async run({ options, manifest, reporter, env, cwd, entry, secrets }) {
    // parse
    const request = {
      manifest: await manifest(),
      ...(options.repo !== undefined && { repo: options.repo }),
      ...(options.patch !== undefined && { patch: options.patch }),
      ...(options.repeat !== undefined && { repeat: options.repeat }),
      fix: options.fix,
      cwd,
      env,
      redact: (text: string) => secrets.redact(text),
    };
    // do
    const progress = progressHooks(reporter);
    const report = await checkRepository(request, progress).finally(() => progress.done());
    // present
    return present(report, {
      reporter,
      ...(options.manifest !== undefined && { manifestOption: options.manifest }),
      ...(entry === 'cli' && { cli: cliHere(cwd) }),
    });
  },
});

/**
 * The CLI that is running, as a command to type in `cwd`: `node dist/index.js` inside cutover's own
 * tree, else the bundle's absolute path (cutover is not an npm package: `npx cutover` finds nothing).
 */
function cliHere(cwd: string): string[] {
  const script = process.argv[1];
  if (!script) return CLI_FROM_A_CHECKOUT;
  const relative = path.relative(cwd, script);
  return ['node', relative.startsWith('..') || path.isAbsolute(relative) ? script : relative];
}
