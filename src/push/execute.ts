import type Docker from 'dockerode';
import type { DockerEngine, PushEvent } from '../docker/engine.js';
import type { RegistryRole } from '../manifest/timeline.js';
import type { PushTarget } from '../manifest/push-plan.js';
import { retry, type RetryPolicy } from '../shared/retry.js';

/**
 * How the image reaches the registries: `push` pushes from the engine to each; `copy` pushes once
 * and copies registry to registry; `upload` exports the image from the engine once, compresses
 * each layer once and uploads the same bytes to every registry at the same time.
 */
export type PushMode = 'push' | 'copy' | 'upload';

export const PUSH_MODES = ['push', 'copy', 'upload'] as const;

/**
 * The mode used when `--mode` is not given: the fastest in bench/push.ts (figures in
 * docs/readme/push.md). `upload` compresses once and sends the same bytes everywhere; `push` is
 * slowest because the engine compresses every layer again for each registry.
 */
export const DEFAULT_MODE: PushMode = 'upload';

/** What happened at one registry. */
export interface TargetOutcome {
  role: RegistryRole;
  host: string;
  repository: string;
  /** `host/repository:tag` for every tag that is there now. */
  references: string[];
  status: 'pushed' | 'copied' | 'failed';
  /** The manifest digest the engine (or the copy) reported. */
  digest?: string;
  error?: string;
  /** Set when the registry refused a write (HTTP 405, read-only/maintenance mode). */
  refused?: boolean;
  attempts: number;
  seconds: number;
}

/**
 * Retries of a whole push to one registry (the engine gives up on a dropped connection at once):
 * two more attempts, waiting about one second and then two.
 */
export const PUSH_RETRY_POLICY: RetryPolicy = { retries: 2, baseMs: 1000, maxDelayMs: 30_000 };

/** The manifest HEAD the verification needs; RegistryClient provides it. */
export interface ManifestReader {
  readonly host: string;
  headManifest(repository: string, reference: string): Promise<{ digest: string } | undefined>;
}

/** Copies `from:tag` (already pushed, with `digest`) to another registry; returns the digest it wrote. */
export type CopyStep = (from: PushTarget, to: PushTarget, tag: string, digest: string) => Promise<string>;

/** Uploads the image (already compressed once) to one registry; returns the digest it stored. */
export type UploadStep = (target: PushTarget) => Promise<string>;

export interface ExecuteInput {
  engine: DockerEngine;
  imageId: string;
  targets: PushTarget[];
  tags: string[];
  mode: PushMode;
  auth: (target: PushTarget) => Docker.AuthConfig | undefined;
  copy: CopyStep;
  /** Required in `upload` mode. */
  upload?: UploadStep;
  onEvent: (target: PushTarget, event: PushEvent) => void;
  onRetry: (target: PushTarget, attempt: number, error: string, delayMs: number) => void;
  /** How often a failed push is tried again (default {@link PUSH_RETRY_POLICY}). */
  retry?: RetryPolicy;
}

const TRANSIENT =
  /connection refused|connection reset|broken pipe|unexpected EOF|\bEOF\b|i\/o timeout|timeout|timed out|TLS handshake|server misbehaving|too many requests|\b429\b|\b50[0234]\b|service unavailable|bad gateway|gateway timeout|internal server error|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|socket hang up/i;
const REFUSED = /\b405\b|method not allowed|UNSUPPORTED|read-?only|maintenance/i;

/** True when an engine or registry error is worth another attempt (dropped connections, 429, 5xx). */
export function isTransient(message: string): boolean {
  return (
    !isRefusal(message) && TRANSIENT.test(message) && !/unauthori[sz]ed|denied|no such image/i.test(message)
  );
}

/** True when a registry refused to be written to (read-only or maintenance mode answers 405). */
export function isRefusal(message: string): boolean {
  return REFUSED.test(message);
}

/** Registries end their error texts with newlines; a report line wants one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Runs `work`, retrying transient failures with the shared {@link retry}; reports how many attempts it took. */
async function withAttempts<T>(
  work: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: (attempt: number, error: string, delayMs: number) => void,
): Promise<{ value: T; attempts: number }> {
  let attempts = 0;
  try {
    const value = await retry(
      () => {
        attempts++;
        return work();
      },
      {
        policy,
        classify: (error) => {
          const message = (error as Error).message;
          // The registry client marks its own errors (dropped connections, 408, 429, 5xx) as retryable.
          const retryable =
            !isRefusal(message) &&
            (isTransient(message) || (error as { retryable?: boolean }).retryable === true);
          return { retryable, reason: message };
        },
        onRetry: (event) => onRetry(event.attempt, event.reason, event.delayMs),
      },
    );
    return { value, attempts };
  } catch (error) {
    throw Object.assign(error as Error, { attempts });
  }
}

/**
 * Gives the engine the names it pushes (`host/repository:tag`), then takes back the ones it did
 * not have before, so the developer's engine ends as it started.
 */
async function withLocalNames<T>(
  engine: DockerEngine,
  imageId: string,
  names: string[],
  work: () => Promise<T>,
): Promise<T> {
  const created: string[] = [];
  try {
    for (const name of names) {
      const [repository, tag] = splitName(name);
      if ((await engine.imageIdOf(name)) === imageId) continue;
      await engine.tag(imageId, repository, tag);
      created.push(name);
    }
    return await work();
  } finally {
    for (const name of created) await engine.untag(name).catch(() => undefined);
  }
}

function splitName(name: string): [string, string] {
  const colon = name.lastIndexOf(':');
  return [name.slice(0, colon), name.slice(colon + 1)];
}

/** Pushes every tag to one registry from the engine, tags one after the other (later ones only add a manifest). */
function pushFromEngine(input: ExecuteInput, target: PushTarget): Promise<TargetOutcome> {
  return forEveryTag(input, target, 'pushed', async (tag) => {
    const pushed = await input.engine.push(target.name, tag, input.auth(target), (event) =>
      input.onEvent(target, event),
    );
    return pushed.digest;
  });
}

/**
 * Runs `step` for every tag, one after the other, each with retries. The outcome carries the last
 * digest and the most attempts any tag needed; the first tag that still fails fails the target.
 */
async function forEveryTag(
  input: ExecuteInput,
  target: PushTarget,
  action: 'pushed' | 'copied',
  step: (tag: string) => Promise<string | undefined>,
): Promise<TargetOutcome> {
  const started = Date.now();
  let attempts = 0;
  let digest: string | undefined;
  try {
    for (const tag of input.tags) {
      const result = await withAttempts(
        () => step(tag),
        input.retry ?? PUSH_RETRY_POLICY,
        (attempt, error, delayMs) => input.onRetry(target, attempt, error, delayMs),
      );
      attempts = Math.max(attempts, result.attempts);
      digest = result.value;
    }
    return outcome(target, input.tags, action, started, attempts, digest);
  } catch (error) {
    return failedOutcome(target, started, attempts, error);
  }
}

async function uploadTo(input: ExecuteInput, target: PushTarget, upload: UploadStep): Promise<TargetOutcome> {
  const started = Date.now();
  try {
    const result = await withAttempts(
      () => upload(target),
      input.retry ?? PUSH_RETRY_POLICY,
      (attempt, error, delayMs) => input.onRetry(target, attempt, error, delayMs),
    );
    return outcome(target, input.tags, 'pushed', started, result.attempts, result.value);
  } catch (error) {
    return failedOutcome(target, started, 0, error);
  }
}

function copyTo(
  input: ExecuteInput,
  from: TargetOutcome & { digest: string },
  source: PushTarget,
  target: PushTarget,
): Promise<TargetOutcome> {
  return forEveryTag(input, target, 'copied', (tag) => input.copy(source, target, tag, from.digest));
}

/** The outcome of a target whose work failed after `attempts` tries (or as many as the error says). */
function failedOutcome(target: PushTarget, started: number, attempts: number, error: unknown): TargetOutcome {
  const message = oneLine((error as Error).message);
  return {
    ...outcome(
      target,
      [],
      'failed',
      started,
      Math.max(attempts, (error as { attempts?: number }).attempts ?? 1),
    ),
    error: message,
    ...(isRefusal(message) && { refused: true }),
  };
}

function outcome(
  target: PushTarget,
  tags: string[],
  status: TargetOutcome['status'],
  started: number,
  attempts: number,
  digest?: string,
): TargetOutcome {
  return {
    role: target.role,
    host: target.registry.host,
    repository: target.repository,
    references: tags.map((tag) => `${target.name}:${tag}`),
    status,
    ...(digest !== undefined && { digest }),
    attempts,
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * Puts the image in every target registry. `push` mode pushes from the engine to all of them at
 * once; `copy` mode pushes once (to the new registry when it is a target) and copies from there by
 * digest, so the bytes are compressed once and the digests are identical by construction. A
 * registry that fails does not stop the others; each outcome says what happened.
 */
export async function pushImage(input: ExecuteInput): Promise<TargetOutcome[]> {
  if (input.mode === 'upload') {
    const upload = input.upload;
    // A caller bug, not a user's mistake: reported as an internal error with its stack.
    if (!upload) throw new TypeError('upload mode needs an upload step');
    return Promise.all(input.targets.map((target) => uploadTo(input, target, upload)));
  }
  const names = input.targets.flatMap((target) => input.tags.map((tag) => `${target.name}:${tag}`));
  return withLocalNames(input.engine, input.imageId, names, async () => {
    if (input.mode === 'push' || input.targets.length === 1) {
      return Promise.all(input.targets.map((target) => pushFromEngine(input, target)));
    }
    const primary = input.targets.find((target) => target.role === 'new') ?? input.targets[0]!;
    const others = input.targets.filter((target) => target !== primary);
    const first = await pushFromEngine(input, primary);
    const rest = await Promise.all(
      others.map((target) =>
        first.status !== 'failed' && first.digest
          ? copyTo(input, first as TargetOutcome & { digest: string }, primary, target)
          : // Nothing to copy from: the other registries still get their own push.
            pushFromEngine(input, target),
      ),
    );
    // Report in the timeline's order (old before new).
    const byRole = new Map([first, ...rest].map((result) => [result.role, result]));
    return input.targets.map((target) => byRole.get(target.role)!);
  });
}

/** One tag's digest in one registry, as a HEAD found it (or the registry's answer to its PUT). */
export interface DigestSeen {
  host: string;
  reference: string;
  digest: string | undefined;
}

/** The verification: every tag in every registry that took the image has one digest. */
export interface Verification {
  ok: boolean;
  seen: DigestSeen[];
  /** The first disagreement, naming both sides. */
  mismatch?: [DigestSeen, DigestSeen];
}

/**
 * HEADs the manifest of every tag in every registry that reported success and requires a single
 * digest everywhere (and equal to the one the push reported). A tag in `stored` (by
 * `host/repository:tag`) is not read again: the registry's answer to its PUT named the digest it
 * stored under it.
 */
export async function verifyDigests(
  outcomes: TargetOutcome[],
  tags: string[],
  readerFor: (role: RegistryRole) => ManifestReader,
  stored: ReadonlyMap<string, string> = new Map(),
): Promise<Verification> {
  const done = outcomes.filter((result) => result.status !== 'failed');
  const seen = await Promise.all(
    done.flatMap((result) =>
      tags.map(async (tag): Promise<DigestSeen> => {
        const reference = `${result.host}/${result.repository}:${tag}`;
        const digest =
          stored.get(reference) ??
          (await readerFor(result.role).headManifest(result.repository, tag))?.digest;
        return { host: result.host, reference, digest };
      }),
    ),
  );
  const reported = done.map((result): DigestSeen => ({
    host: result.host,
    reference: `${result.host}/${result.repository} (reported by the ${result.status === 'copied' ? 'copy' : 'engine'})`,
    digest: result.digest,
  }));
  const all = [...seen, ...reported];
  const first = all[0];
  const other = all.find((entry) => entry.digest !== first?.digest);
  return {
    ok: first !== undefined && other === undefined,
    seen,
    ...(first && other && { mismatch: [first, other] as [DigestSeen, DigestSeen] }),
  };
}
