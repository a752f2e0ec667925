/**
 * How copy-tags is shown: the selection's warnings as it is made, then log lines, annotations, the
 * job summary, `--json` and the action's outputs from one {@link CopyTagsReport}.
 */
import type { CommandResult } from '../cli/command.js';
import type { Manifest } from '../manifest/model.js';
import { formatRepositoryReference, isValidDigest } from '../oci/reference.js';
import { formatBytes, table } from '../shared/markdown.js';
import type { Reporter } from '../shared/reporter.js';
import { outcomesOf, type CopyTagsReport, type Outcome } from './copy-tags.js';
import type { Selection } from './select.js';
import { matrixOf, type PlannedShard } from './shards.js';
import type { CopiesVerification } from './verify-copies.js';

/** Logs what the selection found (before the copy starts, so a long run says early what it will do). */
export function presentSelection(
  selection: Selection,
  context: { manifest: Manifest; reporter: Reporter; dryRun: boolean },
): void {
  const { manifest, reporter } = context;
  for (const warning of selection.warnings) reporter.warning(warning);
  reportMissing(selection.missing, manifest, reporter);
  reporter.info(
    `${context.dryRun ? 'dry run: ' : ''}${selection.images.length} tags selected in ${selection.repositories.length} repositories of ${manifest.registries.old.host}; copying to ${manifest.registries.new.host}`,
  );
  // A dry run says why each tag was chosen (a rule, a pin, a pull, a workload).
  if (!context.dryRun) return;
  for (const image of selection.images.slice(0, DRY_RUN_REASONS))
    reporter.info(`  ${selectedName(image)}: ${image.reasons.join('; ')}`);
  if (selection.images.length > DRY_RUN_REASONS)
    reporter.info(`  … and ${selection.images.length - DRY_RUN_REASONS} more (see --json)`);
}

/** Selected tags listed with their reasons in a dry run's log; the JSON has them all. */
const DRY_RUN_REASONS = 500;

function selectedName(image: Selection['images'][number]): string {
  return formatRepositoryReference({
    repository: image.sourceRepository,
    ...(isValidDigest(image.reference) ? { digest: image.reference } : { tag: image.reference }),
  });
}

/** Turns the report into log lines, the summary, `--json` and outputs. */
export function presentCopyTags(
  report: CopyTagsReport,
  reporter: Reporter,
  run: { allowEmpty: boolean; deadlinePassed: boolean },
): CommandResult {
  const { dryRun, session, selection } = report;
  const copied = outcomesOf(report, dryRun ? 'would copy' : 'copied');
  const skipped = outcomesOf(report, 'skipped');
  const conflicts = outcomesOf(report, 'conflict');
  const failed = outcomesOf(report, 'failed');
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
  reporter.summary(summaryMarkdown(report));
  const entry = (outcome: Outcome) => ({
    source: outcome.source,
    target: outcome.target,
    digest: outcome.digest,
  });
  const problems = conflicts.length + failed.length;
  // Nothing to copy because the old registry would not say what it holds is not a success.
  const refusedEmpty =
    selection.images.length === 0 && selection.catalogRefused !== undefined && !run.allowEmpty;
  return {
    exitCode: problems > 0 || refusedEmpty ? 1 : 0,
    ...((problems > 0 || refusedEmpty) && {
      failureMessage: refusedEmpty
        ? `nothing selected: ${report.oldHost} refused to list its repositories (${selection.catalogRefused}) and no repository the manifest or references name matched the copy rules; name the repositories in the manifest, or pass --allow-empty`
        : `${conflicts.length} conflicts and ${failed.length} failures copying to ${report.newHost}${run.deadlinePassed ? ' (the --deadline passed)' : ''}`,
    }),
    outputs: {
      copied: String(copied.length),
      skipped: String(skipped.length),
      conflicts: String(conflicts.length),
      failed: String(failed.length),
      'bytes-uploaded': String(session.bytesUploaded),
      repositories: selection.repositories.join('\n'),
    },
    json: {
      dryRun,
      source: report.oldHost,
      target: report.newHost,
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
      images: report.outcomes.map((outcome) => ({ ...outcome })),
      warnings: selection.warnings,
      repositories: selection.repositories,
      chosen: selection.images.map((image) => ({ source: selectedName(image), reasons: image.reasons })),
    },
  };
}

/** A referenced tag the old registry lacks: annotated at the manifest's `consumes` entry when there is one. */
function reportMissing(missing: Selection['missing'], manifest: Manifest, reporter: Reporter): void {
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

function summaryMarkdown(report: CopyTagsReport): string {
  const { outcomes, dryRun, session } = report;
  const count = (action: Outcome['action']) => outcomesOf(report, action).length;
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

/** `--plan-shards N`: the matrix and what each shard will copy. */
export function presentShardPlan(
  shards: PlannedShard[],
  selection: Selection,
  reporter: Reporter,
): CommandResult {
  for (const shard of shards)
    reporter.info(`shard ${shard.shard}: ${shard.tags} tags in ${shard.repositories.length} repositories`);
  reporter.summary(
    [
      `### cutover copy-tags: ${selection.images.length} tags in ${shards.length} shards`,
      '',
      table(
        ['Shard', 'Tags', 'Repositories'],
        shards.map((shard) => [shard.shard, shard.tags, shard.repositories.map((r) => `\`${r}\``).join(' ')]),
      ),
      '',
    ].join('\n'),
  );
  return {
    exitCode: 0,
    outputs: { matrix: matrixOf(shards) },
    json: { selected: selection.images.length, shards, warnings: selection.warnings },
    stdout: `${matrixOf(shards)}\n`,
  };
}

/** `--verify-only`: one line per problem with what to do; fails when any reference differs or lacks a part. */
export function presentCopiesVerification(
  report: CopiesVerification,
  context: { reporter: Reporter; oldHost: string; newHost: string; repositories: string[] },
): CommandResult {
  const { reporter } = context;
  for (const problem of report.problems) reporter.error(problem.message);
  const ok = report.problems.length === 0;
  const multi = report.checks.filter((check) => check.platforms.length > 0);
  const platforms = multi.reduce((sum, check) => sum + check.platforms.length, 0);
  const attestations = multi.reduce((sum, check) => sum + check.attestations, 0);
  const line = `verified ${report.checks.length - report.checks.filter((c) => !c.ok).length} of ${report.checks.length} tags in ${context.newHost} against ${context.oldHost}${multi.length > 0 ? ` (${multi.length} multi-platform images: ${platforms} platform images and ${attestations} attestation manifests)` : ''}`;
  reporter.info(line);
  reporter.summary(
    [
      `### cutover copy-tags --verify-only: ${ok ? '✅' : '❌'} ${line}`,
      '',
      ...(ok
        ? []
        : [
            table(
              ['Problem', 'Reference'],
              report.problems.map((problem) => [problem.kind, `\`${problem.reference}\``]),
            ),
            '',
          ]),
    ].join('\n'),
  );
  return {
    exitCode: ok ? 0 : 1,
    ...(!ok && {
      failureMessage: `${report.problems.length} problems: ${report.problems.map((p) => p.message).join('; ')}`,
    }),
    outputs: {
      failed: String(report.checks.filter((check) => !check.ok).length),
      repositories: context.repositories.join('\n'),
    },
    json: { verifyOnly: true, ok, checks: report.checks, problems: report.problems },
  };
}
