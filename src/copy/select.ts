// Which old tags copy-tags copies: the manifest's `copy:` rules, OR-combined. Inside one rule every condition
// given must hold (repository globs, tag globs with `!` excludes, a semver range, `referenced`), then
// `newest: N` keeps the N most recently created of what is left; `pulled:` rules are in select-pulled.ts.
import { forEachLimited } from '../shared/limiter.js';
import picomatch from 'picomatch';
import semver from 'semver';
import { ConfigError } from '../shared/errors.js';
import type { Manifest } from '../manifest/model.js';
import { mapRepository } from '../manifest/paths.js';
import type { RegistryClient } from '../oci/client.js';
import { RegistryError } from '../oci/errors.js';
import { parseImageManifest } from '../oci/media.js';
import { formatRepositoryReference, isValidDigest } from '../oci/reference.js';
import type { RefsFile, RefsFileReference } from './refs-file.js';
import { isAttestation } from '../oci/platforms.js';
import type { PullEvidence } from '../pulls/aggregate.js';
import { selectByUse } from './select-pulled.js';

/** One source reference to copy, and where it goes. */
export interface SelectedImage {
  sourceRepository: string;
  /** A tag, or a digest for references by digest. */
  reference: string;
  targetRepository: string;
  /** Why: `copy[0]`, `copy[2] (referenced)`, `signature of api:1.0`… */
  reasons: string[];
}

/** What the rules chose, and what they could not find. */
export interface Selection {
  images: SelectedImage[];
  /** Referenced tags or digests the old registry does not have (consumers of these are already broken). */
  missing: { repository: string; reference: string; referencedBy: string[] }[];
  /** Repositories whose tags were listed. */
  repositories: string[];
  warnings: string[];
  /** Set when the old registry refused to list its repositories: why (`HTTP 401`). */
  catalogRefused?: string;
  /**
   * The references files' `prefixes` (names built at run time, `guard --export-refs`): no tag can
   * be pinned under them, so the copy rules with `images:` decide which of their tags are copied.
   * Each with the repositories known under it and how many tags the rules chose for each.
   */
  dynamic?: DynamicPin[];
}

/** A repository path prefix that code uses with names built at run time, and what the rules copy under it. */
export interface DynamicPin {
  /** The path prefix (`""`: the whole registry). */
  prefix: string;
  /** The references files that list it. */
  by: string[];
  /** Repositories under it (from the catalog, the manifest and the references), each with the tags chosen for it by rule. */
  repositories: { repository: string; chosen: Record<string, number> }[];
}

export interface SelectOptions {
  manifest: Manifest;
  source: RegistryClient;
  refsFiles: { file: string; refs: RefsFile }[];
  /** `--only`: a glob over old repository paths. */
  only?: string;
  /** Parallel metadata requests (tag lists, configs). */
  concurrency?: number;
  /** Keeps only some old repositories (a shard's share); signatures stay with their image's repository. */
  repositoryFilter?: (repository: string) => boolean;
  /** Pull evidence (`--evidence`): the `pulled:` rules choose from it; workloads' images are always chosen. */
  pulls?: PullEvidence;
}

/** Cosign's tag scheme for signatures, attestations and SBOMs attached to a digest. */
export const ARTIFACT_TAG = /^sha256-([a-f0-9]{64})\.(sig|att|sbom)$/;

/** The OCI 1.1 referrers tag schema: an index of a digest's referrers, where the API is not served. */
export const REFERRERS_TAG = /^sha256-[a-f0-9]{64}$/;

/** A tag that describes another image (cosign's, or the referrers fallback), never an image of its own. */
const describesAnother = (tag: string) => ARTIFACT_TAG.test(tag) || REFERRERS_TAG.test(tag);

interface Referenced {
  repository: string;
  reference: string;
  by: string[];
}

/**
 * Applies the manifest's copy rules to the old registry.
 * @throws ConfigError when a references file names another registry
 */
export async function selectImages(options: SelectOptions): Promise<Selection> {
  const { manifest, source } = options;
  const old = manifest.registries.old;
  const warnings: string[] = [];
  const glob = options.only ? picomatch(options.only) : () => true;
  const only = (repository: string) => glob(repository) && (options.repositoryFilter?.(repository) ?? true);
  const referenced = referencedImages(manifest, options.refsFiles).filter((ref) => only(ref.repository));
  const rules = manifest.copy;

  // Repositories: the catalog when the registry serves it, else every name the manifest knows.
  let repositories: string[];
  let catalogRefused: string | undefined;
  if (rules.some((rule) => rule.images !== undefined)) {
    try {
      repositories = await source.listRepositories();
    } catch (error) {
      if (!(error instanceof RegistryError) || ![401, 403, 404, 405].includes(error.status ?? 0)) throw error;
      repositories = [
        ...new Set([
          ...manifest.repos.flatMap((repo) => [...repo.produces, ...repo.consumes.map((c) => c.repository)]),
          ...referenced.map((ref) => ref.repository),
        ]),
      ].sort();
      catalogRefused = `HTTP ${error.status}`;
      warnings.push(
        `${old.host} does not list its repositories (HTTP ${error.status}); matched the copy rules against the ${repositories.length} repositories the manifest and references name`,
      );
    }
  } else repositories = [];
  repositories = repositories.filter((repo) => only(repo));

  const wantedRepos = new Set<string>();
  for (const rule of rules) {
    if (rule.pulled) continue; // chosen from the evidence (select-pulled.ts)
    const matches = rule.images ? picomatch(rule.images) : () => true;
    for (const repo of repositories) if (rule.images && matches(repo)) wantedRepos.add(repo);
    if (rule.referenced)
      for (const ref of referenced) if (matches(ref.repository)) wantedRepos.add(ref.repository);
  }
  const tagLists = new Map<string, string[]>();
  await forEachLimited([...wantedRepos].sort(), options.concurrency ?? 8, async (repo) => {
    tagLists.set(repo, await source.listTags(repo));
  });

  const chosen = new Map<string, SelectedImage>();
  const choose = (repository: string, reference: string, reason: string) => {
    const key = `${repository}\n${reference}`;
    const entry = chosen.get(key);
    if (entry) {
      if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
      return;
    }
    chosen.set(key, {
      sourceRepository: repository,
      reference,
      targetRepository: mapRepository(repository, manifest.paths),
      reasons: [reason],
    });
  };
  const missing = new Map<string, Selection['missing'][number]>();

  for (const [index, rule] of rules.entries()) {
    if (rule.pulled) continue;
    const reason = `copy[${index}]`;
    const repoMatches = rule.images ? picomatch(rule.images) : () => true;
    const tagFilter = tagMatcher(rule.tags);
    const range = rule.semver;
    const repos = [...wantedRepos].filter((repo) =>
      rule.images ? repoMatches(repo) : referenced.some((ref) => ref.repository === repo),
    );
    for (const repo of repos.sort()) {
      const tags = tagLists.get(repo) ?? [];
      const present = new Set(tags);
      let candidates = tags.filter((tag) => !describesAnother(tag) && tagFilter(tag));
      if (range !== undefined) candidates = candidates.filter((tag) => satisfies(tag, range));
      if (rule.referenced) {
        const pinned = referenced.filter((ref) => ref.repository === repo);
        const pinnedTags = new Set(
          pinned.filter((ref) => !isValidDigest(ref.reference)).map((r) => r.reference),
        );
        candidates = candidates.filter((tag) => pinnedTags.has(tag));
        for (const ref of pinned) {
          const byDigest = isValidDigest(ref.reference);
          if (
            !byDigest &&
            !(tagFilter(ref.reference) && (range === undefined || satisfies(ref.reference, range)))
          )
            continue;
          if (!byDigest && !present.has(ref.reference)) {
            missing.set(`${repo}:${ref.reference}`, {
              repository: repo,
              reference: ref.reference,
              referencedBy: ref.by,
            });
            continue;
          }
          if (byDigest) {
            if ((await source.headManifest(repo, ref.reference)) === undefined) {
              missing.set(`${repo}@${ref.reference}`, {
                repository: repo,
                reference: ref.reference,
                referencedBy: ref.by,
              });
              continue;
            }
            choose(repo, ref.reference, `${reason} (referenced)`);
          }
        }
      }
      if (rule.newest !== undefined)
        candidates = await newest(source, repo, candidates, rule.newest, options.concurrency ?? 8);
      for (const tag of candidates) choose(repo, tag, rule.referenced ? `${reason} (referenced)` : reason);
    }
  }

  await selectByUse({
    rules,
    evidence: options.pulls,
    only,
    source,
    tagLists,
    tagMatcher,
    choose,
    missing: (repository, reference, by) => {
      const key = `${repository}${isValidDigest(reference) ? '@' : ':'}${reference}`;
      const entry = missing.get(key) ?? { repository, reference, referencedBy: [] };
      if (!entry.referencedBy.includes(by)) entry.referencedBy.push(by);
      missing.set(key, entry);
    },
    warnings,
  });

  // Signatures, attestations and SBOMs travel with what they describe: cosign's tags, and OCI
  // referrers where the registry serves the referrers API. The first answer says whether it does;
  // the images in flight meanwhile wait for it rather than each asking a registry that does not.
  const images = [...chosen.values()];
  let referrersServed: Promise<boolean> | undefined;
  const servesReferrers = async () => referrersServed === undefined || (await referrersServed);
  const referrersOf = async (repository: string, digest: string) => {
    if (!(await servesReferrers())) return [];
    const asked = source.listReferrers(repository, digest);
    // A failed request proves nothing (its error is this image's): the others ask for themselves.
    referrersServed ??= asked.then(
      (referrers) => referrers !== undefined,
      () => true,
    );
    return (await asked) ?? [];
  };
  await forEachLimited(images.slice(), options.concurrency ?? 8, async (image) => {
    const tags = tagLists.get(image.sourceRepository) ?? [];
    const artifacts = tags.filter(describesAnother);
    if (artifacts.length === 0 && !(await servesReferrers())) return;
    const byDigest = isValidDigest(image.reference);
    const digest = byDigest
      ? image.reference
      : (await source.headManifest(image.sourceRepository, image.reference))?.digest;
    if (!digest) return;
    const subject = formatRepositoryReference({
      repository: image.sourceRepository,
      ...(byDigest ? { digest } : { tag: image.reference }),
    });
    const fallback = `sha256-${digest.slice('sha256:'.length)}`;
    for (const tag of artifacts.filter((t) => t === fallback || t.startsWith(`${fallback}.`)))
      choose(image.sourceRepository, tag, `signature of ${subject}`);
    for (const referrer of await referrersOf(image.sourceRepository, digest))
      choose(image.sourceRepository, referrer.digest, `referrer of ${subject}`);
  });

  // (In a shard, a prefix with no repository of the shard is the other shards' to report.)
  const known = [...new Set([...repositories, ...wantedRepos, ...referenced.map((ref) => ref.repository)])];
  const dynamic = dynamicPins(options.refsFiles, known, [...chosen.values()]).filter(
    (pin) => pin.repositories.length > 0 || !options.repositoryFilter,
  );
  warnings.push(...dynamic.map(dynamicWarning));

  return {
    images: [...chosen.values()].sort((a, b) =>
      a.sourceRepository === b.sourceRepository
        ? compareTags(a.reference, b.reference)
        : a.sourceRepository < b.sourceRepository
          ? -1
          : 1,
    ),
    missing: [...missing.values()],
    repositories: [...wantedRepos].sort(),
    warnings,
    ...(catalogRefused !== undefined && { catalogRefused }),
    dynamic,
  };
}

/** True when `repository` is `prefix` or lies below it (`""` holds every repository). */
const under = (repository: string, prefix: string) =>
  prefix === '' || repository === prefix || repository.startsWith(`${prefix}/`);

/**
 * The references files' prefixes, with the known repositories under each and the tags the copy
 * rules chose for them (signatures and referrers, which follow their images, not counted).
 */
function dynamicPins(
  refsFiles: { file: string; refs: RefsFile }[],
  known: readonly string[],
  chosen: readonly SelectedImage[],
): DynamicPin[] {
  const byPrefix = new Map<string, string[]>();
  for (const { file, refs } of refsFiles)
    for (const prefix of refs.prefixes ?? []) byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), file]);
  return [...byPrefix]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([prefix, by]) => ({
      prefix,
      by,
      repositories: known
        .filter((repository) => under(repository, prefix))
        .sort()
        .map((repository) => {
          const counts: Record<string, number> = {};
          for (const image of chosen)
            if (image.sourceRepository === repository)
              for (const reason of image.reasons.filter((reason) => /^copy\[\d+\]/.test(reason)))
                counts[reason] = (counts[reason] ?? 0) + 1;
          return { repository, chosen: counts };
        }),
    }));
}

/** What a user needs to know about one dynamic prefix: which of its repositories get tags copied, and which none. */
function dynamicWarning(pin: DynamicPin): string {
  const where = pin.prefix === '' ? 'every repository of the old registry' : `${pin.prefix} (and below)`;
  const head = `${where} is used with names or tags built at run time (prefixes in ${pin.by.join(', ')}): no tag can be pinned there, so only the copy rules decide which of its tags are copied`;
  const copied = pin.repositories.filter(({ chosen }) => Object.keys(chosen).length > 0);
  const none = pin.repositories.filter(({ chosen }) => Object.keys(chosen).length === 0);
  const list = (names: string[]) =>
    names.length > 10 ? `${names.slice(0, 10).join(', ')} and ${names.length - 10} more` : names.join(', ');
  const parts = [
    ...(copied.length > 0
      ? [
          `tags chosen: ${list(
            copied.map(
              ({ repository, chosen }) =>
                `${repository} (${Object.entries(chosen)
                  .map(([rule, count]) => `${rule}: ${count}`)
                  .join(', ')})`,
            ),
          )}`,
        ]
      : []),
    ...(none.length > 0 ? [`no tags chosen for ${list(none.map(({ repository }) => repository))}`] : []),
    ...(pin.repositories.length === 0
      ? ['no repository under it is known here (no copy rule with images: matches it)']
      : []),
  ];
  return `${head}; ${parts.join('; ')}`;
}

/** Every reference pinned in repos.*.consumes (with a tag or digest) and in the references files. */
export function referencedImages(
  manifest: Manifest,
  refsFiles: { file: string; refs: RefsFile }[],
): Referenced[] {
  const old = manifest.registries.old;
  const byKey = new Map<string, Referenced>();
  const add = (ref: RefsFileReference, by: string) => {
    const reference = ref.digest ?? ref.tag ?? 'latest';
    const key = `${ref.repository}\n${reference}`;
    const entry = byKey.get(key) ?? { repository: ref.repository, reference, by: [] };
    if (!entry.by.includes(by)) entry.by.push(by);
    byKey.set(key, entry);
  };
  for (const repo of manifest.repos) {
    for (const consumed of repo.consumes) {
      if (consumed.tag === undefined && consumed.digest === undefined) continue;
      add(consumed, repo.name);
    }
  }
  for (const { file, refs } of refsFiles) {
    if (refs.registry !== old.host && !old.aliases.includes(refs.registry)) {
      throw new ConfigError([
        {
          file,
          path: 'registry',
          message: `the references are for ${refs.registry}, but the manifest's old registry is ${old.host}${old.aliases.length ? ` (aliases ${old.aliases.join(', ')})` : ''}`,
        },
      ]);
    }
    for (const ref of refs.references) add(ref, file);
  }
  return [...byKey.values()];
}

/** A tag predicate from include globs and `!`-prefixed exclude globs; no include means all. */
export function tagMatcher(globs: string[] | undefined): (tag: string) => boolean {
  if (!globs || globs.length === 0) return () => true;
  const include = globs.filter((glob) => !glob.startsWith('!'));
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
  const included = include.length > 0 ? picomatch(include, { dot: true }) : () => true;
  const excluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
  return (tag) => included(tag) && !excluded(tag);
}

function satisfies(tag: string, range: string): boolean {
  const version = semver.valid(tag, { loose: true });
  return version !== null && semver.satisfies(version, range, { loose: true });
}

/** Orders tags newest-version first when both are versions, else by name. */
function compareTags(a: string, b: string): number {
  const va = semver.valid(a, { loose: true });
  const vb = semver.valid(b, { loose: true });
  if (va && vb && va !== vb) return semver.rcompare(va, vb, true);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The `count` most recently created tags, by the image config's `created` (for an index: its
 * first child's), ties broken by semver (higher first) and then by name.
 */
async function newest(
  source: RegistryClient,
  repository: string,
  tags: string[],
  count: number,
  concurrency: number,
): Promise<string[]> {
  const created = new Map<string, number>();
  await forEachLimited(tags, concurrency, async (tag) => {
    created.set(tag, await createdOf(source, repository, tag));
  });
  return [...tags]
    .sort((a, b) => (created.get(b) ?? 0) - (created.get(a) ?? 0) || compareTags(a, b))
    .slice(0, count);
}

/** When an image was built: its config's `created`, as milliseconds (0 when unknown). */
export async function createdOf(
  source: RegistryClient,
  repository: string,
  reference: string,
): Promise<number> {
  let manifest = await source.getManifest(repository, reference);
  let parsed = parseImageManifest(manifest.bytes, manifest.mediaType);
  for (let depth = 0; parsed.isIndex && depth < 3; depth++) {
    const child = parsed.manifests.find((m) => !isAttestation(m));
    if (!child) return 0;
    manifest = await source.getManifest(repository, child.digest);
    parsed = parseImageManifest(manifest.bytes, manifest.mediaType);
  }
  if (!parsed.config) return 0;
  try {
    const config = JSON.parse(
      (await source.readBlob(repository, parsed.config.digest, 4 * 1024 * 1024)).toString('utf8'),
    ) as {
      created?: string;
    };
    const time = config.created ? Date.parse(config.created) : NaN;
    return Number.isNaN(time) ? 0 : time;
  } catch {
    return 0;
  }
}
