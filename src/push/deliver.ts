import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { authConfigFor, DockerEngine, type LocalImage } from '../docker/engine.js';
import { PushProgress } from '../docker/progress.js';
import { findOldRegistryTraces, type OldRegistryTrace } from '../docker/provenance.js';
import type { Manifest } from '../manifest/model.js';
import { referencePolicy, type ReferencePolicy, type RegistryRole } from '../manifest/timeline.js';
import { RegistryClient } from '../oci/client.js';
import { resolveCredentials, type Credentials } from '../oci/credentials.js';
import { formatBytes } from '../shared/markdown.js';
import type { SecretRegistry } from '../shared/secrets.js';
import { pushViaCopy } from './copy-step.js';
import { pushImage, verifyDigests, type PushMode, type TargetOutcome, type Verification } from './execute.js';
import type { PushPlan, PushTarget } from '../manifest/push-plan.js';
import { prepareImage, uploadImage, type PreparedImage } from './upload.js';

/** Where a built image came from, judged by today's reference policy. */
export interface Provenance {
  /** Places in the image that name the old registry. */
  traces: OldRegistryTrace[];
  policy: ReferencePolicy;
  /** True when a trace is an error today: nothing may be pushed. */
  blocked: boolean;
}

/** The image itself must not come from the retired registry after the cutoff. */
export function judgeProvenance(image: LocalImage, manifest: Manifest, today: string): Provenance {
  const traces = findOldRegistryTraces(image, manifest.registries.old);
  const policy = referencePolicy(manifest.timeline, today);
  return { traces, policy, blocked: traces.length > 0 && policy.severity === 'error' };
}

/** Where progress goes while the image is delivered (the command hands in its reporter's lines). */
export interface DeliveryProgress {
  info(line: string): void;
  warning(line: string): void;
}

/** What {@link deliver} needs. */
export interface Delivery {
  plan: PushPlan;
  image: LocalImage;
  imageName: string;
  engine: DockerEngine;
  mode: PushMode;
  env: NodeJS.ProcessEnv;
  secrets: SecretRegistry;
  progress: DeliveryProgress;
  /** The run's `--deadline`: registry requests in flight are aborted when it fires. */
  signal?: AbortSignal;
}

/** What happened: one outcome per target, and the digest check when any target took the image. */
export interface DeliveryResult {
  outcomes: TargetOutcome[];
  verification?: Verification;
}

/** Pushes to every target the plan names, then HEADs every tag everywhere for one digest. */
export async function deliver({
  plan,
  image,
  imageName,
  engine,
  mode,
  env,
  secrets,
  progress: log,
  signal,
}: Delivery): Promise<DeliveryResult> {
  const credentials = new Map<RegistryRole, Credentials | undefined>();
  const clients = new Map<RegistryRole, RegistryClient>();
  let outcomes: TargetOutcome[];
  for (const target of plan.targets) {
    credentials.set(target.role, await resolveCredentials(target.registry, env, secrets));
    clients.set(
      target.role,
      await RegistryClient.forRegistry(target.registry, env, {
        secrets,
        onWaiting: (line) => log.info(line),
        ...(signal && { signal }),
      }),
    );
  }
  for (const skipped of plan.skipped) log.info(`not pushing to ${skipped.host}: ${skipped.reason}`);
  log.info(
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
      log.info(
        `exported and compressed ${prepared.layers.length} layer${prepared.layers.length === 1 ? '' : 's'} once in ${((Date.now() - started) / 1000).toFixed(1)} s (${formatBytes(prepared.layers.reduce((sum, layer) => sum + layer.size, 0))}${stored ? `; ${stored} incompressible, stored` : ''}), manifest ${prepared.manifest.digest}`,
      );
    }
    const progress = new PushProgress(
      `pushing to ${plan.targets.length} registr${plan.targets.length === 1 ? 'y' : 'ies'}`,
      (line) => log.info(line),
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
        (line) => log.info(line),
      ),
      onEvent: (target, event) => progress.update(target.registry.host, event),
      onRetry: (target, attempt, error, delayMs) =>
        log.warning(
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
