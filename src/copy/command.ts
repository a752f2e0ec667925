import { RegistryClient, type RetryEvent } from '../oci/client.js';
import { readRefsFile } from './refs-file.js';
import { selectImages } from './select.js';
import { copySelection } from './copy-tags.js';
import { presentCopyTags, presentSelection } from './present.js';
import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';

/** `cutover copy-tags`: copies the old tags the manifest's copy rules select to the new registry. */
export const copyTags = defineCommand({
  name: 'copy-tags',
  summary:
    'Copy the old tags still needed (copy: rules, pinned and referenced tags) to the new registry, byte-identical.',
  options: {
    'dry-run': option.boolean(
      'List what would be copied and the bytes to transfer after deduplication; write nothing.',
    ),
    concurrency: option.int({ min: 1, max: 64, default: 8 }, 'Requests in flight per registry host (1–64).'),
    refs: option.list('References files written by `guard --export-refs` (rules with referenced: true).'),
    only: option.string('Only old repositories matching this glob.'),
    overwrite: option.boolean(
      'Replace target tags that point at a different digest (default: report a conflict).',
    ),
  },
  outputs: [
    { name: 'copied', description: 'Number of tags copied (with --dry-run: that would be copied).' },
    { name: 'skipped', description: 'Number of tags already present with the same digest.' },
    { name: 'conflicts', description: 'Number of target tags that point at a different digest.' },
    { name: 'failed', description: 'Number of tags that could not be copied.' },
    { name: 'bytes-uploaded', description: 'Blob bytes uploaded (with --dry-run: that would be uploaded).' },
  ],
  async run({ manifest: load, options, reporter, env, secrets }) {
    // parse
    const manifest = await load();
    const refsFiles = await Promise.all(
      options.refs.map(async (file) => ({ file, refs: await readRefsFile(file) })),
    );
    if (refsFiles.length > 0 && !manifest.copy.some((rule) => rule.referenced))
      reporter.warning(
        '--refs was given, but no copy rule has "referenced: true": the references are not used',
      );
    const dryRun = options['dry-run'];
    const { old, new: next } = manifest.registries;
    const onRetry = (event: RetryEvent) =>
      reporter.info(
        `retry ${event.attempt} of ${event.method} ${event.path} in ${event.delayMs} ms (${event.reason})`,
      );
    const clientOptions = { concurrency: options.concurrency, onRetry, secrets };
    const source = await RegistryClient.forRegistry(old, env, { ...clientOptions, readOnly: true });
    const target = await RegistryClient.forRegistry(next, env, { ...clientOptions, readOnly: dryRun });

    // do: select, then copy every selected tag
    const started = Date.now();
    const selection = await selectImages({
      manifest,
      source,
      refsFiles,
      ...(options.only !== undefined && { only: options.only }),
      concurrency: options.concurrency,
    });
    reporter.debug(`selection took ${Date.now() - started} ms (${source.stats.requests} requests)`);
    presentSelection(selection, { manifest, reporter, dryRun });
    const report = await copySelection({
      selection,
      source,
      target,
      oldHost: old.host,
      newHost: next.host,
      dryRun,
      overwrite: options.overwrite,
      concurrency: options.concurrency,
      progress: (line) => reporter.info(line),
      progressIntervalMs: Number(env['CUTOVER_PROGRESS_INTERVAL_MS']) || 5000,
    });
    reporter.debug(
      `copy took ${Date.now() - started} ms in all; requests: ${source.host} ${source.stats.requests} (${source.stats.retries} retries), ${target.host} ${target.stats.requests} (${target.stats.retries} retries)`,
    );

    // present
    return presentCopyTags(report, reporter);
  },
});
