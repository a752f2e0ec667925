/**
 * `push --from REF@DIGEST`: the image is already in one registry (build-push-action pushed it, or it
 * was built elsewhere); copy it by digest to the other registries the timeline names with the
 * copy engine — the index whole (children first, attestation manifests included), then cosign's
 * `.sig/.att/.sbom` tags and the OCI referrers that describe it, the tags last — then check the
 * digests. No Docker engine is involved.
 */
import { copyImage, CopySession } from '../copy/copy.js';
import { partsOf } from '../oci/platforms.js';
import { ARTIFACT_TAG } from '../copy/select.js';
import type { Manifest } from '../manifest/model.js';
import type { RegistryRole } from '../manifest/timeline.js';
import { RegistryClient, type ManifestBytes } from '../oci/client.js';
import { parseImageManifest } from '../oci/media.js';
import { formatRepositoryReference, isValidDigest, parseRepositoryReference } from '../oci/reference.js';
import { UsageError } from '../shared/errors.js';
import { hostPart, roleOfHost } from '../manifest/hosts.js';
import type { SecretRegistry } from '../shared/secrets.js';
import { copyArtifacts } from './artifacts.js';
import { planPush } from '../manifest/push-plan.js';
import { verifyDigests, type TargetOutcome, type Verification } from './execute.js';
import type { PushPlan, PushTarget } from '../manifest/push-plan.js';

/** The image `--from` names: a registry of the manifest, a repository there, and a digest. */
export interface FromReference {
  role: RegistryRole;
  host: string;
  repository: string;
  digest: string;
  /** The repository path in the old registry (what the plan speaks of). */
  oldRepository: string;
  /** The tag written next to the digest, if any (the default tag). */
  tag?: string;
}

/**
 * Reads `--from`: `host/repository[:tag]@sha256:…` in the old or the new registry. An image in the
 * new registry needs `--repository` (its old path) unless the manifest has no `paths` rules.
 * @throws UsageError for anything else
 */
export function parseFrom(
  manifest: Manifest,
  text: string,
  oldPath: (newPath: string) => string | undefined,
): FromReference {
  const expected = `--from: expected host/repository@sha256:<64 hex> in ${manifest.registries.old.host} or ${manifest.registries.new.host}, found "${text}"`;
  const host = hostPart(text);
  const role = host === undefined ? undefined : roleOfHost(manifest, host);
  if (host === undefined || role === undefined) throw new UsageError(expected);
  let parsed;
  try {
    parsed = parseRepositoryReference(text.slice(host.length + 1));
  } catch (error) {
    throw new UsageError(`${expected}: ${(error as Error).message}`);
  }
  if (parsed.digest === undefined || !isValidDigest(parsed.digest)) throw new UsageError(expected);
  const oldRepository = role === 'old' ? parsed.repository : oldPath(parsed.repository);
  if (oldRepository === undefined)
    throw new UsageError(
      `--from names the new registry: give the image's path in the old registry with --repository`,
    );
  return {
    role,
    host,
    repository: parsed.repository,
    digest: parsed.digest,
    oldRepository,
    ...(parsed.tag !== undefined && { tag: parsed.tag }),
  };
}

/** Where progress goes. */
export type FromProgress = (line: string) => void;

/** What {@link pushFrom} did, besides the usual per-registry outcomes. */
export interface FromResult {
  outcomes: TargetOutcome[];
  verification?: Verification;
  /** Signatures, attestations, SBOMs and referrers copied with the image (`repository:tag` or `@digest`). */
  artifacts: string[];
  /** Platforms of the index (attestation manifests not counted) and the attestation manifests. */
  platforms: string[];
  attestations: number;
  bytesUploaded: number;
  /** Artifacts the source lists but cannot serve: skipped, one line per kind with the count. */
  warnings: string[];
}

/**
 * Copies the image `from` names to every target of the plan, then checks every tag for one digest
 * (the answer to its PUT, else a HEAD).
 * The image's manifest is read once; its copy starts at once, while the source's tags and
 * referrers are listed (the signatures and attestations go after the image, the tags last).
 */
export async function pushFrom(input: {
  from: FromReference;
  plan: PushPlan;
  clientFor: (role: RegistryRole) => RegistryClient;
  progress: FromProgress;
}): Promise<FromResult> {
  const { from, plan, clientFor, progress } = input;
  const source = clientFor(from.role);
  const session = new CopySession();
  const top = await source.getManifest(from.repository, from.digest);
  const parts = partsOf(parseImageManifest(top.bytes, top.mediaType));
  const found = artifactsOf(source, from.repository, [from.digest, ...parts.children.map((c) => c.digest)]);
  // Reported once the listing is in; the image is being copied meanwhile.
  void found.then(
    (artifacts) =>
      progress(
        `copying ${from.host}/${from.repository}@${from.digest}${parts.platforms.length > 0 ? ` (${parts.platforms.length} platforms, ${parts.attestations} attestation manifests)` : ''}${artifacts.length > 0 ? ` and ${artifacts.length} signatures/attestations/referrers` : ''} to ${plan.targets.map((t) => t.name).join(' and ')}`,
      ),
    () => undefined,
  );
  const stored = new Map<string, string>();
  const warnings = new Set<string>();
  const warn = (line: string) => warnings.add(line);
  const outcomes = await Promise.all(
    plan.targets.map((target) =>
      copyTo({
        from,
        top,
        source,
        target,
        tags: plan.tags,
        found,
        session,
        stored,
        clientFor,
        progress,
        warn,
      }),
    ),
  );
  const artifacts = await found;
  const result = {
    outcomes,
    artifacts: artifacts.map((reference) =>
      formatRepositoryReference({ repository: from.repository, ...reference }),
    ),
    platforms: parts.platforms,
    attestations: parts.attestations,
    bytesUploaded: session.bytesUploaded,
    warnings: [...warnings],
  };
  if (!outcomes.some((outcome) => outcome.status !== 'failed')) return result;
  const verification = await verifyDigests(outcomes, plan.tags, clientFor, stored);
  return { ...result, verification };
}

/** cosign's tags for any of `digests`, and the OCI referrers of the top digest (API, else the fallback tag). */
async function artifactsOf(
  source: RegistryClient,
  repository: string,
  digests: string[],
): Promise<({ tag: string } | { digest: string })[]> {
  const prefixes = new Set(digests.map((digest) => `sha256-${digest.slice('sha256:'.length)}`));
  const [tags, referrers] = await Promise.all([
    source.listTags(repository).catch(() => [] as string[]),
    source.listReferrers(repository, digests[0]!),
  ]);
  // cosign's `.sig/.att/.sbom`, and the OCI 1.1 referrers fallback tag (`sha256-<hex>`, an index).
  const artifactTags = tags.filter(
    (tag) => (ARTIFACT_TAG.test(tag) || /^sha256-[a-f0-9]{64}$/.test(tag)) && prefixes.has(tag.slice(0, 71)),
  );
  return [
    ...artifactTags.sort().map((tag) => ({ tag })),
    ...(referrers ?? []).map((referrer) => ({ digest: referrer.digest })),
  ];
}

/**
 * One target: the image by digest (skipped when the source repository is the target), the
 * artifacts (a differing artifact tag is kept and reported), then every tag; a failure is an outcome.
 */
async function copyTo(context: {
  from: FromReference;
  /** The image's manifest, read once: the copies by digest and the tags reuse its bytes. */
  top: ManifestBytes;
  source: RegistryClient;
  target: PushTarget;
  tags: string[];
  /** The signatures, attestations and referrers, being listed while the image is copied. */
  found: Promise<({ tag: string } | { digest: string })[]>;
  session: CopySession;
  /** Filled with the digest each tag PUT's answer named (`host/repository:tag`), for the verification. */
  stored: Map<string, string>;
  clientFor: (role: RegistryRole) => RegistryClient;
  progress: FromProgress;
  /** Told about artifacts skipped (the same line from two targets is given once). */
  warn: (line: string) => void;
}): Promise<TargetOutcome> {
  const { from, source, target, session } = context;
  const started = Date.now();
  const destination = context.clientFor(target.role);
  const copy = (reference: string, targetReference: string, overwrite: boolean) =>
    copyImage(
      {
        source,
        sourceRepository: from.repository,
        reference,
        target: destination,
        targetRepository: target.repository,
        targetReference,
        sourceManifest: context.top,
      },
      { overwrite, session },
    );
  const base = { role: target.role, host: target.registry.host, repository: target.repository };
  try {
    await copy(from.digest, from.digest, false);
    const { copied, warnings } = await copyArtifacts(
      await context.found,
      `${from.host}/${from.repository}@${from.digest}`,
      source.host,
      (reference) => copy(reference, reference, false),
    );
    for (const warning of warnings) context.warn(warning);
    for (const { reference, result } of copied)
      if (result.action === 'conflict')
        context.progress(
          `kept ${target.name}:${reference}: it points at ${result.existingDigest}, the source has ${result.digest}`,
        );
    // A push replaces its own tags (as `docker push` does); the tags go last, when all is there:
    // the image's bytes are PUT under each tag, and an answer naming the digest stored is its check.
    await Promise.all(
      context.tags.map(async (tag) => {
        const answer = await destination.putManifestConfirmed(target.repository, tag, context.top);
        if (answer.confirmed && answer.digest === from.digest)
          context.stored.set(`${target.registry.host}/${target.repository}:${tag}`, answer.digest);
      }),
    );
    return {
      ...base,
      references: context.tags.map((tag) => `${target.name}:${tag}`),
      status: 'copied',
      digest: from.digest,
      attempts: 1,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    return {
      ...base,
      references: [],
      status: 'failed',
      error: (error as Error).message.replace(/\s+/g, ' ').trim(),
      ...((error as { status?: number }).status === 405 && { refused: true }),
      attempts: 1,
      seconds: (Date.now() - started) / 1000,
    };
  }
}

/** What `push --from` was asked. */
export interface FromRequest {
  from: string;
  repository?: string;
  tags: string[];
}

/**
 * Plans and runs `push --from`: the plan is push's (the same timeline rules), the source is read
 * with a read-only client unless its registry is also a target.
 */
export async function deliverFrom(
  manifest: Manifest,
  today: string,
  request: FromRequest,
  context: {
    env: NodeJS.ProcessEnv;
    secrets: SecretRegistry;
    progress: FromProgress;
    /** The run's `--deadline`. */
    signal?: AbortSignal;
  },
): Promise<{ from: FromReference; plan: PushPlan; result: FromResult }> {
  // Without `paths` rules both registries use the same paths; with them, the old path of a new
  // one is not knowable (several rules could lead there), so it must be given.
  const from = parseFrom(
    manifest,
    request.from,
    (newPath) => request.repository ?? (manifest.paths.length === 0 ? newPath : undefined),
  );
  const plan = planPush(manifest, today, {
    image: from.oldRepository,
    repository: request.repository ?? from.oldRepository,
    tags: request.tags.length > 0 ? request.tags : [from.tag ?? 'latest'],
  });
  const roles = [...new Set<RegistryRole>([from.role, ...plan.targets.map((target) => target.role)])];
  const clients = new Map<RegistryRole, RegistryClient>(
    await Promise.all(
      roles.map(
        async (role) =>
          [
            role,
            await RegistryClient.forRegistry(manifest.registries[role], context.env, {
              secrets: context.secrets,
              readOnly: !plan.targets.some((target) => target.role === role),
              onWaiting: context.progress,
              ...(context.signal && { signal: context.signal }),
            }),
          ] as const,
      ),
    ),
  );
  for (const skipped of plan.skipped) context.progress(`not pushing to ${skipped.host}: ${skipped.reason}`);
  const result = await pushFrom({
    from,
    plan,
    clientFor: (role) => clients.get(role)!,
    progress: context.progress,
  });
  return { from, plan, result };
}
