import { RegistryClient, type RetryEvent } from '../oci/client.js';
import { readRefsFile } from './refs-file.js';
import { selectImages } from './select.js';
import { copySelection } from './copy-tags.js';
import { presentCopiesVerification, presentCopyTags, presentSelection, presentShardPlan } from './present.js';
import { MAX_SHARDS, parseShard, planShards, shardOf, shardSession } from './shards.js';
import { verifyCopies } from './verify-copies.js';
import { startDeadline } from '../shared/deadline.js';
import { UsageError } from '../shared/errors.js';
import { collectPullEvidence, windowEnd } from '../pulls/aggregate.js';
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
    shard: option.string('Copy only shard I of N (I/N): the old repositories a stable hash gives it.', {
      pattern: /^\d+\/\d+$/,
      expected: 'expected I/N, e.g. 3/16',
    }),
    'plan-shards': option.int(
      { min: 1, max: MAX_SHARDS },
      'Split the selection into N shards by old repository and output the matrix; copy nothing.',
    ),
    deadline: option.duration(
      'Stop after this long (e.g. 45m): requests in flight are aborted, what is left fails as timed out.',
    ),
    'allow-empty': option.boolean(
      'Succeed when nothing is selected although the old registry refused to list its repositories.',
    ),
    'verify-only': option.boolean(
      'Copy nothing: check that every selected tag resolves to its old digest in the new registry, index children included.',
    ),
    evidence: option.list(
      'Pull evidence for the pulled: rules: the old registry’s logs or notifications, a hosted registry’s export, each cluster’s `kubectl get … -A -o json` list (plain or gzip; see docs/evidence-formats.md). Workloads’ images are always copied.',
    ),
    days: option.int(
      { min: 1, max: 3650 },
      'How many days of --evidence to read, ending at --now or now (default: the longest pulled: rule, else 30).',
    ),
  },
  outputs: [
    { name: 'copied', description: 'Number of tags copied (with --dry-run: that would be copied).' },
    { name: 'skipped', description: 'Number of tags already present with the same digest.' },
    { name: 'conflicts', description: 'Number of target tags that point at a different digest.' },
    { name: 'failed', description: 'Number of tags that could not be copied.' },
    { name: 'bytes-uploaded', description: 'Blob bytes uploaded (with --dry-run: that would be uploaded).' },
    { name: 'repositories', description: 'The old repositories this run (or shard) covered, one per line.' },
    { name: 'matrix', description: 'With plan-shards: {"shard":["1/N",…]} for strategy.matrix (fromJSON).' },
  ],
  async run({ manifest: load, options, reporter, env, secrets, cwd }) {
    // parse
    const manifest = await load();
    const pulledRules = manifest.copy.filter((rule) => rule.pulled !== undefined);
    if (pulledRules.length > 0 && options.evidence.length === 0)
      throw new UsageError(
        `copy[${manifest.copy.findIndex((rule) => rule.pulled)}] selects the tags pulled from the old registry (pulled:): give its logs or exports with --evidence (see docs/evidence-formats.md)`,
      );
    const days = options.days ?? Math.max(30, ...pulledRules.map((rule) => rule.pulled!.days));
    const refsFiles = await Promise.all(
      options.refs.map(async (file) => ({ file, refs: await readRefsFile(file) })),
    );
    if (refsFiles.length > 0 && !manifest.copy.some((rule) => rule.referenced))
      reporter.warning(
        '--refs was given, but no copy rule has "referenced: true": the references are not used',
      );
    const dryRun = options['dry-run'];
    // Planning shards and verifying write nothing: the target client refuses writes then.
    const writes = !dryRun && !options['verify-only'] && options['plan-shards'] === undefined;
    const shard = options.shard === undefined ? undefined : parseShard(options.shard);
    const { old, new: next } = manifest.registries;
    const onRetry = (event: RetryEvent) =>
      reporter.info(
        `retry ${event.attempt} of ${event.method} ${event.path} in ${event.delayMs} ms (${event.reason})`,
      );
    const deadline = startDeadline(options.deadline);
    const clientOptions = {
      concurrency: options.concurrency,
      onRetry,
      secrets,
      signal: deadline.signal,
      onWarning: (message: string) => reporter.warning(message),
      onWaiting: (line: string) => reporter.info(line),
    };
    const source = await RegistryClient.forRegistry(old, env, { ...clientOptions, readOnly: true });
    const target = await RegistryClient.forRegistry(next, env, { ...clientOptions, readOnly: !writes });

    // do: read the evidence, select, then copy every selected tag
    const pulls =
      options.evidence.length > 0
        ? await collectPullEvidence({
            files: options.evidence,
            days,
            now: windowEnd(options.now),
            registries: manifest.registries,
            cwd,
          })
        : undefined;
    const started = Date.now();
    const select = (repositoryFilter?: (repository: string) => boolean) =>
      selectImages({
        manifest,
        source,
        refsFiles,
        ...(options.only !== undefined && { only: options.only }),
        concurrency: options.concurrency,
        ...(repositoryFilter && { repositoryFilter }),
        ...(pulls && { pulls }),
      });
    const inShard = (repository: string) => !shard || shardOf(repository, shard.count) === shard.index;
    const selection = await select(inShard);
    reporter.debug(`selection took ${Date.now() - started} ms (${source.stats.requests} requests)`);
    if (options['plan-shards'] !== undefined)
      return presentShardPlan(planShards(selection.images, options['plan-shards']), selection, reporter);
    presentSelection(selection, { manifest, reporter, dryRun });
    if (options['verify-only'])
      return presentCopiesVerification(await verifyCopies(selection, source, target, options.concurrency), {
        reporter,
        oldHost: old.host,
        newHost: next.host,
        repositories: selection.repositories,
      });
    const session = await shardSession({
      ...(shard && { shard, others: () => select((repository) => !inShard(repository)) }),
      selection,
      source,
      target,
      waits: writes,
      concurrency: options.concurrency,
    });
    if (shard)
      reporter.info(
        `shard ${shard.index}/${shard.count}: ${selection.repositories.length} repositories (${selection.repositories.join(', ')}); ${session.hinted} blobs with a home repository to mount from once a shard has put them there`,
      );
    const report = await copySelection({
      session,
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
    deadline.clear();
    reporter.debug(
      `copy took ${Date.now() - started} ms in all; requests: ${source.host} ${source.stats.requests} (${source.stats.retries} retries), ${target.host} ${target.stats.requests} (${target.stats.retries} retries)`,
    );

    // present
    return presentCopyTags(report, reporter, {
      allowEmpty: options['allow-empty'],
      deadlinePassed: deadline.expired,
    });
  },
});
