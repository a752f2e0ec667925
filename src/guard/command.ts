import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';
import { UsageError } from '../shared/errors.js';
import { formatBytes } from '../shared/markdown.js';
import { ProgressLine, formatRate } from '../shared/progress.js';
import { guardTree, hostsOf } from './guard.js';
import { presentGuard } from './present.js';
import { startReaders } from './readers.js';

const DEFAULT_MAX_FILE_SIZE = '10MB';

/** `cutover guard`: finds references to the retiring registry, judges them by the timeline, fixes them on request. */
export const guard = defineCommand({
  name: 'guard',
  summary:
    'Find every reference to the old registry (Dockerfiles, Compose, Kubernetes, Helm, workflows, scripts, any text); warn before the cutoff, fail after, fix on request.',
  options: {
    path: option.string('The directory to scan.', { default: '.' }),
    fix: option.boolean(
      'Rewrite the references in place to the new registry (paths mapping applied), changing nothing else. CLI only: an action never edits the checkout.',
      { cliOnly: true },
    ),
    'fix-docs': option.boolean(
      'With --fix, also rewrite references in Markdown prose (reported as info; left alone otherwise).',
      { cliOnly: true },
    ),
    verify: option.boolean(
      'Check that each replacement (tag or digest) exists in the new registry; with --fix, rewrite only those.',
    ),
    renovate: option.boolean('Print a Renovate configuration (packageRules) that proposes the same moves.', {
      cliOnly: true,
    }),
    'export-refs': option.string(
      'Write the old-registry references found (repository, tag, digest) to this file, for copy-tags --refs.',
    ),
    'max-file-size': option.size('Skip (and count) files larger than this, e.g. 10MB, 512k.', {
      default: DEFAULT_MAX_FILE_SIZE,
    }),
  },
  outputs: [
    { name: 'findings', description: 'References to the old registry found (not counting ignored ones).' },
    { name: 'errors', description: 'Findings that fail the check (from guard.fail-from).' },
    { name: 'warnings', description: 'Findings reported as warnings (days left before they fail).' },
    { name: 'ignored', description: 'Findings ignored by allow-lists or inline "cutover: ignore".' },
    { name: 'skipped', description: 'Files not searched: binary, too large, unreadable, symlink loops.' },
  ],
  async run({ options, manifest: load, today, reporter, env, cwd, secrets, entry }) {
    // parse (the reader threads boot meanwhile)
    const readers = startReaders();
    const { manifest, root } = await (async () => {
      const manifest = await load();
      const root = path.resolve(cwd, options.path);
      if (!statSync(root, { throwIfNoEntry: false })?.isDirectory())
        throw new UsageError(
          `--path: expected a directory to scan, found ${existsSync(root) ? 'a file' : 'nothing'} at ${root}`,
        );
      return { manifest, root };
    })().catch(async (error: unknown) => {
      await readers.close();
      throw error;
    });
    // do
    const oldHost = hostsOf(manifest).old;
    const stats = { files: 0, bytes: 0, parsed: 0 };
    const progress = new ProgressLine(
      (line) => reporter.info(line),
      (seconds) =>
        `guard: ${stats.files} files, ${formatBytes(stats.bytes)} searched (${formatRate(stats.bytes, seconds)}), ${stats.parsed} containing ${oldHost}`,
    );
    // The threads are ours to close, whatever happens in the scan.
    const report = await guardTree({
      manifest,
      root,
      cwd,
      today,
      maxFileSize: options['max-file-size'],
      readers,
      fix: options.fix,
      fixDocs: options['fix-docs'],
      verify: options.verify,
      ...(options['export-refs'] && { exportRefs: options['export-refs'] }),
      renovate: options.renovate,
      env,
      secrets,
      onProgress: (current) => {
        Object.assign(stats, { files: current.files, bytes: current.bytes, parsed: current.parsed });
        progress.tick();
      },
    }).finally(() => readers.close());
    progress.done();
    // present
    // The job summary is written only where there is one (a big table costs time to build for nothing).
    return presentGuard(report, {
      reporter,
      entry,
      json: options.json,
      summary: Boolean(env['GITHUB_STEP_SUMMARY']),
      inWorkflow: env['GITHUB_ACTIONS'] === 'true',
    });
  },
});
