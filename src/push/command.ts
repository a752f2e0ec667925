import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { authConfigFor, DockerEngine, type LocalImage } from '../docker/engine.js';
import { PushProgress } from '../docker/progress.js';
import { findOldRegistryTraces, type OldRegistryTrace } from '../docker/provenance.js';
import { UsageError } from '../shared/errors.js';
import type { SecretRegistry } from '../shared/secrets.js';
import type { Manifest } from '../manifest/model.js';
import { referencePolicy, type RegistryRole } from '../manifest/timeline.js';
import { pushViaCopy } from './copy-step.js';
import {
  DEFAULT_MODE,
  PUSH_MODES,
  type PushMode,
  pushImage,
  verifyDigests,
  type TargetOutcome,
  type Verification,
} from './execute.js';
import { planPush, type PushPlan, type PushTarget } from './plan.js';
import { prepareImage, uploadImage, type PreparedImage } from './upload.js';
import { RegistryClient } from '../oci/client.js';
import { resolveCredentials, type Credentials } from '../oci/credentials.js';
import { formatBytes, table } from '../shared/markdown.js';
import type { Reporter } from '../shared/reporter.js';
import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';

/** `cutover push`: pushes a locally built image where the timeline says, with one digest everywhere. */
export const push = defineCommand({
  name: 'push',
  summary:
    'Push a locally built image to the registries the timeline names today (old, both, or new), verified to one digest.',
  options: {
    image: option.string('The local image to push: name[:tag] or image ID (required).', {
      required: true,
      expected: 'expected a local image name or ID',
    }),
    repository: option.string(
      "Repository path in the old registry (default: the image's own path); the manifest's paths give the new registry's path.",
    ),
    tag: option.list("Tags to push (default: the image's tag, else latest)."),
    mode: option.choice(
      PUSH_MODES,
      'push: push from the engine to each registry; copy: push once, then copy registry to registry by digest; upload: export from the engine, compress once, upload to every registry at once.',
      { default: DEFAULT_MODE },
    ),
  },
  outputs: [
    { name: 'digest', description: 'The manifest digest, identical in every registry pushed to.' },
    { name: 'pushed', description: 'Every reference pushed, host/repository:tag, one per line.' },
    { name: 'skipped', description: 'Registries left out today and why, "host: reason", one per line.' },
  ],
  async run({ options, manifest: load, today, reporter, env, secrets }) {
    // parse
    const manifest = await load();
    const plan = planPush(manifest, today, {
      image: options.image,
      ...(options.repository !== undefined && { repository: options.repository }),
      tags: options.tag,
    });
    const engine = new DockerEngine(env);
    await engine.ping();
    const image = await engine.inspectImage(options.image);
    if (!image)
      throw new UsageError(
        `--image: the Docker engine has no image "${options.image}" (build or pull it first)`,
      );

    // do: the image itself must not come from the retired registry after the cutoff
    const traces = findOldRegistryTraces(image, manifest.registries.old);
    const policy = referencePolicy(manifest.timeline, today);
    for (const trace of traces) {
      const message = `the image was built from the old registry (${trace.where}: ${trace.reference}): ${policy.message}`;
      if (policy.severity === 'error') reporter.error(message);
      else if (policy.severity === 'warning') reporter.warning(message);
      else reporter.info(message);
    }
    const blocked = traces.length > 0 && policy.severity === 'error';

    // do: push where the timeline says, then check for one digest everywhere
    const { outcomes, verification } = blocked
      ? { outcomes: [] as TargetOutcome[], verification: undefined }
      : await pushAndVerify({
          plan,
          image,
          imageName: options.image,
          engine,
          mode: options.mode,
          reporter,
          env,
          secrets,
        });

    // report
    const failures = describeFailures(outcomes, manifest, today);
    for (const failure of failures) reporter.error(failure);
    if (verification?.mismatch) {
      const [a, b] = verification.mismatch;
      reporter.error(
        `digests differ: ${a.reference} is ${a.digest ?? 'missing'}, ${b.reference} is ${b.digest ?? 'missing'}`,
      );
    }
    const digest = verification?.ok ? verification.seen[0]?.digest : undefined;
    const pushed = outcomes.flatMap((outcome) => (outcome.status === 'failed' ? [] : outcome.references));
    for (const reference of pushed) reporter.info(`pushed ${reference}${digest ? `@${digest}` : ''}`);
    const failureMessage = blocked
      ? `the image was built from the old registry ${manifest.registries.old.host}, retired for builds since ${manifest.timeline.failFrom}: nothing pushed`
      : failures.length > 0
        ? failures.join('; ')
        : verification?.mismatch
          ? `digests differ: ${verification.mismatch.map((seen) => `${seen.reference} ${seen.digest ?? 'missing'}`).join(' vs ')}`
          : undefined;
    reporter.summary(
      summaryOf(
        plan,
        outcomes,
        traces,
        policy.severity,
        options.image,
        options.mode,
        today,
        digest,
        failureMessage,
      ),
    );
    return {
      exitCode: failureMessage ? 1 : 0,
      ...(failureMessage && { failureMessage }),
      outputs: {
        digest: digest ?? '',
        pushed: pushed.join('\n'),
        skipped: plan.skipped.map((skipped) => `${skipped.host}: ${skipped.reason}`).join('\n'),
      },
      json: {
        image: options.image,
        imageId: image.id,
        repository: plan.repository,
        tags: plan.tags,
        today,
        phase: plan.phase,
        mode: options.mode,
        digest: digest ?? null,
        pushed,
        skipped: plan.skipped.map(({ host, reason }) => ({ registry: host, reason })),
        registries: outcomes,
        verified: verification?.ok ?? false,
        ...(verification?.mismatch && { mismatch: verification.mismatch }),
        oldRegistryTraces: traces.map((trace) => ({ ...trace, severity: policy.severity })),
        ...(failureMessage && { failure: failureMessage }),
      },
    };
  },
});

/** One sentence per failed registry, with what to change when the old one refused writes early. */
function describeFailures(outcomes: TargetOutcome[], manifest: Manifest, today: string): string[] {
  const done = outcomes.filter((outcome) => outcome.status !== 'failed').map((outcome) => outcome.host);
  return outcomes
    .filter((outcome) => outcome.status === 'failed')
    .map((outcome) => {
      const others =
        done.length > 0 ? ` (${done.join(' and ')} took the image; ${outcome.host} did not)` : '';
      if (outcome.refused && outcome.role === 'old' && today < manifest.timeline.readOnly) {
        const at = manifest.locator.valueAt(['registries', 'old', 'read-only']);
        return `${outcome.host} refused the push (${outcome.error}) although the manifest says it is writable until ${manifest.timeline.readOnly}: if the old registry is read-only already, change registries.old.read-only (${manifest.source}:${at.line}:${at.column}) to the day it became read-only${others}`;
      }
      return `push to ${outcome.host}/${outcome.repository} failed after ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}: ${outcome.error}${others}`;
    });
}

function summaryOf(
  plan: PushPlan,
  outcomes: TargetOutcome[],
  traces: OldRegistryTrace[],
  severity: string,
  image: string,
  mode: string,
  today: string,
  digest: string | undefined,
  failure: string | undefined,
): string {
  const icon = { pushed: '✅ pushed', copied: '✅ copied', failed: '❌ failed' } as const;
  return [
    `### cutover push: \`${image}\``,
    '',
    `On **${today}** (phase **${plan.phase}**, mode \`${mode}\`)${digest ? ` every registry has \`${digest}\`` : ''}.`,
    '',
    table(
      ['Registry', 'References', 'Result', 'Digest', 'Attempts', 'Time'],
      [
        ...outcomes.map((outcome) => [
          `\`${outcome.host}\``,
          (outcome.status === 'failed'
            ? plan.tags.map((tag) => `${outcome.host}/${outcome.repository}:${tag}`)
            : outcome.references
          ).join('\n'),
          outcome.status === 'failed' ? `${icon.failed}: ${outcome.error ?? ''}` : icon[outcome.status],
          outcome.digest ? `\`${outcome.digest}\`` : '',
          outcome.attempts,
          `${outcome.seconds.toFixed(1)} s`,
        ]),
        ...plan.skipped.map((skipped) => [
          `\`${skipped.host}\``,
          '',
          `⏭️ skipped: ${skipped.reason}`,
          '',
          '',
          '',
        ]),
      ],
    ),
    ...(traces.length > 0
      ? [
          '',
          table(
            ['Built from the old registry', 'Reference', 'Severity'],
            traces.map((trace) => [trace.where, `\`${trace.reference}\``, severity]),
          ),
        ]
      : []),
    ...(failure ? ['', `**Failed:** ${failure}`] : []),
  ].join('\n');
}

interface Delivery {
  plan: PushPlan;
  image: LocalImage;
  imageName: string;
  engine: DockerEngine;
  mode: PushMode;
  reporter: Reporter;
  env: NodeJS.ProcessEnv;
  secrets: SecretRegistry;
}

/** Pushes to every target the plan names, then HEADs every tag everywhere for one digest. */
async function pushAndVerify({
  plan,
  image,
  imageName,
  engine,
  mode,
  reporter,
  env,
  secrets,
}: Delivery): Promise<{
  outcomes: TargetOutcome[];
  verification?: Verification;
}> {
  const credentials = new Map<RegistryRole, Credentials | undefined>();
  const clients = new Map<RegistryRole, RegistryClient>();
  let outcomes: TargetOutcome[];
  for (const target of plan.targets) {
    credentials.set(target.role, await resolveCredentials(target.registry, env, secrets));
    clients.set(target.role, await RegistryClient.forRegistry(target.registry, env, { secrets }));
  }
  for (const skipped of plan.skipped) reporter.info(`not pushing to ${skipped.host}: ${skipped.reason}`);
  reporter.info(
    `pushing ${imageName} (${formatBytes(image.size)}) as ${plan.tags.join(', ')} to ${plan.targets.map((t) => t.name).join(' and ')} (phase ${plan.phase}, mode ${mode})`,
  );
  // Upload mode compresses once, before any registry is touched; the others let the engine do it.
  const scratch = await mkdtemp(path.join(env['RUNNER_TEMP'] || os.tmpdir(), 'cutover-push-'));
  try {
    let prepared: PreparedImage | undefined;
    if (mode === 'upload') {
      const started = Date.now();
      prepared = await prepareImage(engine, image.id, scratch);
      const stored = prepared.layers.filter((layer) => layer.stored).length;
      reporter.info(
        `exported and compressed ${prepared.layers.length} layer${prepared.layers.length === 1 ? '' : 's'} once in ${((Date.now() - started) / 1000).toFixed(1)} s (${formatBytes(prepared.layers.reduce((sum, layer) => sum + layer.size, 0))}${stored ? `; ${stored} incompressible, stored` : ''}), manifest ${prepared.manifest.digest}`,
      );
    }
    const progress = new PushProgress(
      `pushing to ${plan.targets.length} registr${plan.targets.length === 1 ? 'y' : 'ies'}`,
      (line) => reporter.info(line),
    );
    outcomes = await pushImage({
      engine,
      imageId: image.id,
      targets: plan.targets,
      tags: plan.tags,
      mode,
      auth: (target) => authConfigFor(target.registry.host, credentials.get(target.role)),
      ...(prepared && {
        upload: (target: PushTarget) =>
          uploadImage(prepared, clients.get(target.role)!, target.repository, plan.tags, (event) =>
            progress.update(target.registry.host, event),
          ),
      }),
      copy: pushViaCopy(
        (role) => clients.get(role)!,
        (line) => reporter.info(line),
      ),
      onEvent: (target, event) => progress.update(target.registry.host, event),
      onRetry: (target, attempt, error, delayMs) =>
        reporter.warning(
          `${target.registry.host}: attempt ${attempt} failed (${error}); retrying in ${(delayMs / 1000).toFixed(0)} s`,
        ),
    });
    progress.done();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  if (!outcomes.some((outcome) => outcome.status !== 'failed')) return { outcomes };
  return { outcomes, verification: await verifyDigests(outcomes, plan.tags, (role) => clients.get(role)!) };
}
