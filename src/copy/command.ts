import type { Manifest } from '../manifest/model.js';
import { RegistryClient, type RetryEvent } from '../oci/client.js';
import { copyImage, CopySession, type CopyResult } from './copy.js';
import { formatRepositoryReference, isValidDigest } from '../oci/reference.js';
import { readRefsFile } from './refs-file.js';
import { forEachLimited } from '../shared/limiter.js';
import { selectImages, type SelectedImage } from './select.js';
import { formatBytes, table } from '../shared/markdown.js';
import { formatRate, ProgressLine } from '../shared/progress.js';
import type { Reporter } from '../shared/reporter.js';
import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';
import { OperationalError } from '../shared/errors.js';

/** One row of the report: a source reference, where it went, and what happened. */
interface Outcome {
  source: string;
  target: string;
  digest: string;
  action: 'copied' | 'would copy' | 'skipped' | 'conflict' | 'failed';
  size: number;
  bytesUploaded: number;
  existingDigest?: string;
  error?: string;
}

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
    deadline: option.duration(
      'Stop after this long (e.g. 45m): requests in flight are aborted, what is left fails as timed out.',
    ),
    'allow-empty': option.boolean(
      'Succeed when nothing is selected although the old registry refused to list its repositories.',
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
    const deadline = runDeadline(options.deadline);
    const clientOptions = {
      concurrency: options.concurrency,
      onRetry,
      secrets,
      signal: deadline.signal,
      onWarning: (message: string) => reporter.warning(message),
    };
    const source = await RegistryClient.forRegistry(old, env, { ...clientOptions, readOnly: true });
    const target = await RegistryClient.forRegistry(next, env, { ...clientOptions, readOnly: dryRun });

    // do
    const started = Date.now();
    const selection = await selectImages({
      manifest,
      source,
      refsFiles,
      ...(options.only !== undefined && { only: options.only }),
      concurrency: options.concurrency,
    });
    reporter.debug(`selection took ${Date.now() - started} ms (${source.stats.requests} requests)`);
    for (const warning of selection.warnings) reporter.warning(warning);
    reportMissing(selection.missing, manifest, reporter);
    reporter.info(
      `${dryRun ? 'dry run: ' : ''}${selection.images.length} tags selected in ${selection.repositories.length} repositories of ${old.host}; copying to ${next.host}`,
    );
    const session = new CopySession();
    const outcomes: Outcome[] = [];
    const progress = new ProgressLine(
      (line) => reporter.info(line),
      (seconds) => progressText(outcomes, selection.images.length, session, seconds, dryRun),
      Number(env['CUTOVER_PROGRESS_INTERVAL_MS']) || 5000,
    );
    const ticker = setInterval(() => progress.tick(), 1000);
    try {
      // More images in flight than requests per host: each image waits on the source and then the
      // target, so this keeps both hosts' request slots busy; the per-host limit still bounds the load.
      await forEachLimited(selection.images, options.concurrency * 4, async (image) => {
        outcomes.push(
          await copyOne(image, { source, target, session, dryRun, overwrite: options.overwrite }),
        );
        progress.tick();
      });
    } finally {
      clearInterval(ticker);
    }
    progress.done();
    deadline.clear();
    reporter.debug(
      `copy took ${Date.now() - started} ms in all; requests: ${source.host} ${source.stats.requests} (${source.stats.retries} retries), ${target.host} ${target.stats.requests} (${target.stats.retries} retries)`,
    );

    // report
    const by = (action: Outcome['action']) => outcomes.filter((outcome) => outcome.action === action);
    const copied = by(dryRun ? 'would copy' : 'copied');
    const skipped = by('skipped');
    const conflicts = by('conflict');
    const failed = by('failed');
    for (const conflict of conflicts)
      reporter.error(
        `conflict: ${conflict.target} is ${conflict.existingDigest}, the old registry has ${conflict.digest}; not overwritten (use --overwrite to replace it)`,
      );
    for (const failure of failed)
      reporter.error(`failed: ${failure.source} → ${failure.target}: ${failure.error}`);
    reporter.info(
      `${dryRun ? 'would copy' : 'copied'} ${copied.length}, skipped ${skipped.length}, conflicts ${conflicts.length}, failed ${failed.length}; ` +
        `${formatBytes(session.bytesUploaded)} ${dryRun ? 'to upload' : 'uploaded'}, ${session.blobsMounted} blobs ${dryRun ? 'to mount' : 'mounted'}, ${session.blobsSkipped} already present`,
    );
    reporter.summary(summaryMarkdown({ outcomes, dryRun, session, oldHost: old.host, newHost: next.host }));
    const entry = (outcome: Outcome) => ({
      source: outcome.source,
      target: outcome.target,
      digest: outcome.digest,
    });
    const problems = conflicts.length + failed.length;
    // Nothing to copy because the old registry would not say what it holds is not a success.
    const refusedEmpty =
      selection.images.length === 0 && selection.catalogRefused !== undefined && !options['allow-empty'];
    return {
      exitCode: problems > 0 || refusedEmpty ? 1 : 0,
      ...((problems > 0 || refusedEmpty) && {
        failureMessage: refusedEmpty
          ? `nothing selected: ${old.host} refused to list its repositories (${selection.catalogRefused}) and no repository the manifest or references name matched the copy rules; name the repositories in the manifest, or pass --allow-empty`
          : `${conflicts.length} conflicts and ${failed.length} failures copying to ${next.host}${deadline.signal.aborted ? ' (the --deadline passed)' : ''}`,
      }),
      outputs: {
        copied: String(copied.length),
        skipped: String(skipped.length),
        conflicts: String(conflicts.length),
        failed: String(failed.length),
        'bytes-uploaded': String(session.bytesUploaded),
      },
      json: {
        dryRun,
        source: old.host,
        target: next.host,
        selected: selection.images.length,
        copied: copied.map(entry),
        skipped: skipped.map(entry),
        conflicts: conflicts.map((outcome) => ({
          ...entry(outcome),
          existingDigest: outcome.existingDigest,
        })),
        failed: failed.map((outcome) => ({ ...entry(outcome), error: outcome.error })),
        missing: selection.missing,
        bytesUploaded: session.bytesUploaded,
        blobsUploaded: session.blobsUploaded,
        blobsMounted: session.blobsMounted,
        blobsSkipped: session.blobsSkipped,
        images: outcomes.map((outcome) => ({ ...outcome })),
        warnings: selection.warnings,
      },
    };
  },
});

/** Copies one selected reference; every failure becomes an outcome, so one tag never stops the others. */
async function copyOne(
  image: SelectedImage,
  context: {
    source: RegistryClient;
    target: RegistryClient;
    session: CopySession;
    dryRun: boolean;
    overwrite: boolean;
  },
): Promise<Outcome> {
  const { source, target } = context;
  const byDigest = isValidDigest(image.reference);
  const name = (host: string, repository: string) =>
    `${host}/${formatRepositoryReference({ repository, ...(byDigest ? { digest: image.reference } : { tag: image.reference }) })}`;
  const base = {
    source: name(source.host, image.sourceRepository),
    target: name(target.host, image.targetRepository),
  };
  try {
    const result: CopyResult = await copyImage(
      {
        source,
        sourceRepository: image.sourceRepository,
        reference: image.reference,
        target,
        targetRepository: image.targetRepository,
      },
      { session: context.session, dryRun: context.dryRun, overwrite: context.overwrite },
    );
    return {
      ...base,
      digest: result.digest,
      action: result.action === 'copied' && context.dryRun ? 'would copy' : result.action,
      size: result.size,
      bytesUploaded: result.bytesUploaded,
      ...(result.existingDigest !== undefined && { existingDigest: result.existingDigest }),
    };
  } catch (error) {
    return {
      ...base,
      digest: byDigest ? image.reference : '',
      action: 'failed',
      size: 0,
      bytesUploaded: 0,
      error: (error as Error).message,
    };
  }
}

function progressText(
  outcomes: Outcome[],
  total: number,
  session: CopySession,
  seconds: number,
  dryRun: boolean,
): string {
  const count = (action: Outcome['action']) => outcomes.filter((outcome) => outcome.action === action).length;
  const bytes = dryRun ? session.bytesUploaded : session.bytesStreamed;
  return (
    `copy-tags: ${outcomes.length}/${total} tags (${dryRun ? 'would copy' : 'copied'} ${count(dryRun ? 'would copy' : 'copied')}, skipped ${count('skipped')}, conflicts ${count('conflict')}, failed ${count('failed')}), ` +
    `${formatBytes(bytes)} ${dryRun ? 'to upload' : `uploaded, ${formatRate(bytes, seconds)}`}, ${seconds.toFixed(0)} s`
  );
}

function reportMissing(
  missing: { repository: string; reference: string; referencedBy: string[] }[],
  manifest: Manifest,
  reporter: Reporter,
): void {
  for (const item of missing) {
    const reference = formatRepositoryReference({
      repository: item.repository,
      ...(isValidDigest(item.reference) ? { digest: item.reference } : { tag: item.reference }),
    });
    const message = `${reference} is referenced (${item.referencedBy.join(', ')}) but ${manifest.registries.old.host} does not have it`;
    const repo = manifest.repos.find((r) => item.referencedBy.includes(r.name));
    const index = repo?.consumes.findIndex(
      (c) => c.repository === item.repository && (c.tag === item.reference || c.digest === item.reference),
    );
    if (repo && index !== undefined && index >= 0) {
      const position = manifest.locator.valueAt(['repos', repo.name, 'consumes', index]);
      reporter.annotate({ severity: 'warning', message, file: manifest.source, ...position });
    } else reporter.warning(message);
  }
}

function summaryMarkdown(report: {
  outcomes: Outcome[];
  dryRun: boolean;
  session: CopySession;
  oldHost: string;
  newHost: string;
}): string {
  const { outcomes, dryRun, session } = report;
  const count = (action: Outcome['action']) => outcomes.filter((outcome) => outcome.action === action).length;
  const icon: Record<Outcome['action'], string> = {
    copied: '✅ copied',
    'would copy': '📋 would copy',
    skipped: '⏭️ skipped (same digest)',
    conflict: '⚠️ conflict (not overwritten)',
    failed: '❌ failed',
  };
  const order: Outcome['action'][] = ['failed', 'conflict', 'copied', 'would copy', 'skipped'];
  const rows = [...outcomes]
    .sort((a, b) => order.indexOf(a.action) - order.indexOf(b.action) || (a.source < b.source ? -1 : 1))
    .map((outcome) => [
      `\`${outcome.source}\``,
      `\`${outcome.target}\``,
      outcome.digest ? `\`${outcome.digest.slice(0, 19)}…\`` : '—',
      outcome.size > 0 ? formatBytes(outcome.size) : '—',
      `${icon[outcome.action]}${outcome.existingDigest ? ` — target has \`${outcome.existingDigest.slice(0, 19)}…\`` : ''}${outcome.error ? ` — ${outcome.error}` : ''}`,
    ]);
  return [
    `### cutover copy-tags${dryRun ? ' (dry run)' : ''}: \`${report.oldHost}\` → \`${report.newHost}\``,
    '',
    table(
      [
        dryRun ? 'Would copy' : 'Copied',
        'Skipped',
        'Conflicts',
        'Failed',
        dryRun ? 'To upload' : 'Uploaded',
        'Blobs mounted',
        'Blobs present',
      ],
      [
        [
          count(dryRun ? 'would copy' : 'copied'),
          count('skipped'),
          count('conflict'),
          count('failed'),
          formatBytes(session.bytesUploaded),
          session.blobsMounted,
          session.blobsSkipped,
        ],
      ],
    ),
    '',
    rows.length > 0
      ? table(['Source', 'Target', 'Digest', 'Size', 'Action'], rows)
      : '_No tag selected by the copy rules._',
    '',
  ].join('\n');
}

/**
 * The run's `--deadline`: when it passes, every request of both clients is aborted and later ones
 * fail at once; the abort reason is what they report. The timer never keeps the process alive.
 */
function runDeadline(ms: number | undefined): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  if (ms === undefined) return { signal: controller.signal, clear: () => undefined };
  const seconds = ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
  const timer = setTimeout(
    () => controller.abort(new OperationalError('timeout', `the --deadline of ${seconds} passed`)),
    ms,
  );
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
