"use strict";
exports.id = 99;
exports.ids = [99];
exports.modules = {

/***/ 863:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cZ: () => (/* binding */ ARTIFACT_TAG),
  YC: () => (/* binding */ createdOf),
  $g: () => (/* binding */ selectImages)
});

// UNUSED EXPORTS: REFERRERS_TAG, referencedImages, tagMatcher

// EXTERNAL MODULE: ./lib/src/shared/limiter.js
var limiter = __webpack_require__(17870);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/manifest/paths.js
var paths = __webpack_require__(11742);
// EXTERNAL MODULE: ./lib/src/oci/errors.js
var oci_errors = __webpack_require__(29949);
// EXTERNAL MODULE: ./lib/src/oci/media.js
var media = __webpack_require__(21732);
// EXTERNAL MODULE: ./lib/src/oci/reference.js
var oci_reference = __webpack_require__(92041);
// EXTERNAL MODULE: ./lib/src/oci/platforms.js
var platforms = __webpack_require__(77108);
;// CONCATENATED MODULE: ./lib/src/copy/select-pulled.js
/**
 * Selecting old tags by use: the `pulled: {days: N}` copy rules (every tag pulled from the old registry in
 * the last N days, every digest pulled by digest) and the images workloads run or are templated on
 * (always, whatever the rules), from `copy-tags --evidence`. No registry API tells which tags are still
 * used; its logs and the clusters do.
 */



const DAY_MS = 86_400_000;
/** Adds the tags and digests chosen by use to the selection. */
async function selectByUse(given) {
    const context = { ...given, heads: new Map() };
    const { rules, evidence } = context;
    const pulledRules = [...rules.entries()].filter(([, rule]) => rule.pulled !== undefined);
    if (evidence === undefined) {
        if (pulledRules.length > 0)
            context.warnings.push(`${pulledRules.map(([index]) => `copy[${index}]`).join(', ')} select by pulls (pulled:), but no --evidence was given: they chose nothing`);
        return;
    }
    if (pulledRules.length === 0 && evidence.images.length > 0)
        context.warnings.push(`no copy rule has pulled:, so the ${evidence.images.length} images pulled in the evidence chose nothing (workloads' images are chosen all the same)`);
    const end = Date.parse(evidence.window.to);
    for (const [index, rule] of pulledRules) {
        const days = rule.pulled.days;
        if (days > evidence.window.days)
            context.warnings.push(`copy[${index}] asks for ${days} days of pulls, but the evidence was read for ${evidence.window.days} (--days)`);
        const from = end - days * DAY_MS;
        const repoMatches = rule.images ? picomatch(rule.images) : () => true;
        const tagFilter = context.tagMatcher(rule.tags);
        for (const image of evidence.images) {
            if (!context.only(image.repository) || !repoMatches(image.repository))
                continue;
            if (image.last !== undefined && Date.parse(image.last) < from)
                continue;
            const reason = `copy[${index}] (${pullNote(image)})`;
            if (image.tag !== undefined) {
                if (tagFilter(image.tag))
                    await chooseTag(context, image.repository, image.tag, reason);
            }
            else if (image.digest !== undefined) {
                // Pulled by digest: copied by digest even when no tag points at it, so pins keep working.
                await chooseDigest(context, image.repository, image.digest, reason);
            }
        }
    }
    for (const use of evidence.workloads)
        await chooseWorkload(context, use);
}
/** `pulled 14×, last 2020-09-30, containerd/1.7` (the top client's product token, or who it is). */
function pullNote(image) {
    const top = image.clients[0];
    const client = top === undefined ? undefined : (top.agent?.split(/\s+/)[0] ?? top.identity ?? top.address);
    return [`pulled ${image.pulls}×`, image.last && `last ${image.last.slice(0, 10)}`, client]
        .filter(Boolean)
        .join(', ');
}
/** The tags of a repository, none when the old registry does not have it (a deleted repository). */
async function tagsOf(context, repository) {
    let tags = context.tagLists.get(repository);
    if (tags === undefined) {
        try {
            tags = await context.source.listTags(repository);
        }
        catch (error) {
            if (!(error instanceof oci_errors/* RegistryError */.gl) || error.status !== 404)
                throw error;
            tags = [];
        }
        context.tagLists.set(repository, tags);
    }
    return tags;
}
async function chooseTag(context, repository, tag, reason) {
    if ((await tagsOf(context, repository)).includes(tag))
        context.choose(repository, tag, reason);
    else
        context.missing(repository, tag, reason);
}
async function chooseDigest(context, repository, digest, reason) {
    if ((await context.source.headManifest(repository, digest)) !== undefined)
        context.choose(repository, digest, reason);
    else
        context.missing(repository, digest, reason);
}
/**
 * A workload's image, whatever the rules: its tag (or the digest it names), and the digest its pods
 * run, so a rollback or a restart on another node finds the very image.
 */
async function chooseWorkload(context, use) {
    let reference;
    try {
        reference = (0,oci_reference/* parseReference */.F2)(use.image);
    }
    catch {
        return; // the aggregation keeps only images it could parse
    }
    const repository = reference.repository;
    if (!context.only(repository))
        return;
    const reason = `workload ${use.cluster}/${use.namespace} ${use.kind}/${use.name} (${use.running ? 'running' : (use.note ?? 'not running')})`;
    if (reference.digest !== undefined)
        await chooseDigest(context, repository, reference.digest, reason);
    else
        await chooseTag(context, repository, reference.tag ?? 'latest', reason);
    if (use.runningDigest !== undefined && use.runningDigest !== reference.digest)
        await chooseDigest(context, repository, use.runningDigest, `${reason}, digest its pods run`);
}

;// CONCATENATED MODULE: ./lib/src/copy/select.js
// Which old tags copy-tags copies: the manifest's `copy:` rules, OR-combined. Inside one rule every condition
// given must hold (repository globs, tag globs with `!` excludes, a semver range, `referenced`), then
// `newest: N` keeps the N most recently created of what is left; `pulled:` rules are in select-pulled.ts.










/** Cosign's tag scheme for signatures, attestations and SBOMs attached to a digest. */
const ARTIFACT_TAG = /^sha256-([a-f0-9]{64})\.(sig|att|sbom)$/;
/** The OCI 1.1 referrers tag schema: an index of a digest's referrers, where the API is not served. */
const REFERRERS_TAG = /^sha256-[a-f0-9]{64}$/;
/** A tag that describes another image (cosign's, or the referrers fallback), never an image of its own. */
const describesAnother = (tag) => ARTIFACT_TAG.test(tag) || REFERRERS_TAG.test(tag);
/**
 * Applies the manifest's copy rules to the old registry.
 * @throws ConfigError when a references file names another registry
 */
async function selectImages(options) {
    const { manifest, source } = options;
    const old = manifest.registries.old;
    const warnings = [];
    const glob = options.only ? picomatch(options.only) : () => true;
    const only = (repository) => glob(repository) && (options.repositoryFilter?.(repository) ?? true);
    const referenced = referencedImages(manifest, options.refsFiles).filter((ref) => only(ref.repository));
    const rules = manifest.copy;
    // Repositories: the catalog when the registry serves it, else every name the manifest knows.
    let repositories;
    let catalogRefused;
    if (rules.some((rule) => rule.images !== undefined)) {
        try {
            repositories = await source.listRepositories();
        }
        catch (error) {
            if (!(error instanceof oci_errors/* RegistryError */.gl) || ![401, 403, 404, 405].includes(error.status ?? 0))
                throw error;
            repositories = [
                ...new Set([
                    ...manifest.repos.flatMap((repo) => [...repo.produces, ...repo.consumes.map((c) => c.repository)]),
                    ...referenced.map((ref) => ref.repository),
                ]),
            ].sort();
            catalogRefused = `HTTP ${error.status}`;
            warnings.push(`${old.host} does not list its repositories (HTTP ${error.status}); matched the copy rules against the ${repositories.length} repositories the manifest and references name`);
        }
    }
    else
        repositories = [];
    repositories = repositories.filter((repo) => only(repo));
    const wantedRepos = new Set();
    for (const rule of rules) {
        if (rule.pulled)
            continue; // chosen from the evidence (select-pulled.ts)
        const matches = rule.images ? picomatch(rule.images) : () => true;
        for (const repo of repositories)
            if (rule.images && matches(repo))
                wantedRepos.add(repo);
        if (rule.referenced)
            for (const ref of referenced)
                if (matches(ref.repository))
                    wantedRepos.add(ref.repository);
    }
    const tagLists = new Map();
    await (0,limiter/* forEachLimited */.vP)([...wantedRepos].sort(), options.concurrency ?? 8, async (repo) => {
        tagLists.set(repo, await source.listTags(repo));
    });
    const chosen = new Map();
    const choose = (repository, reference, reason) => {
        const key = `${repository}\n${reference}`;
        const entry = chosen.get(key);
        if (entry) {
            if (!entry.reasons.includes(reason))
                entry.reasons.push(reason);
            return;
        }
        chosen.set(key, {
            sourceRepository: repository,
            reference,
            targetRepository: (0,paths/* mapRepository */.T)(repository, manifest.paths),
            reasons: [reason],
        });
    };
    const missing = new Map();
    for (const [index, rule] of rules.entries()) {
        if (rule.pulled)
            continue;
        const reason = `copy[${index}]`;
        const repoMatches = rule.images ? picomatch(rule.images) : () => true;
        const tagFilter = tagMatcher(rule.tags);
        const range = rule.semver;
        const repos = [...wantedRepos].filter((repo) => rule.images ? repoMatches(repo) : referenced.some((ref) => ref.repository === repo));
        for (const repo of repos.sort()) {
            const tags = tagLists.get(repo) ?? [];
            const present = new Set(tags);
            let candidates = tags.filter((tag) => !describesAnother(tag) && tagFilter(tag));
            if (range !== undefined)
                candidates = candidates.filter((tag) => satisfies(tag, range));
            if (rule.referenced) {
                const pinned = referenced.filter((ref) => ref.repository === repo);
                const pinnedTags = new Set(pinned.filter((ref) => !(0,oci_reference/* isValidDigest */.fH)(ref.reference)).map((r) => r.reference));
                candidates = candidates.filter((tag) => pinnedTags.has(tag));
                for (const ref of pinned) {
                    const byDigest = (0,oci_reference/* isValidDigest */.fH)(ref.reference);
                    if (!byDigest &&
                        !(tagFilter(ref.reference) && (range === undefined || satisfies(ref.reference, range))))
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
            for (const tag of candidates)
                choose(repo, tag, rule.referenced ? `${reason} (referenced)` : reason);
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
            const key = `${repository}${(0,oci_reference/* isValidDigest */.fH)(reference) ? '@' : ':'}${reference}`;
            const entry = missing.get(key) ?? { repository, reference, referencedBy: [] };
            if (!entry.referencedBy.includes(by))
                entry.referencedBy.push(by);
            missing.set(key, entry);
        },
        warnings,
    });
    // Signatures, attestations and SBOMs travel with what they describe: cosign's tags, and OCI
    // referrers where the registry serves the referrers API. The first answer says whether it does;
    // the images in flight meanwhile wait for it rather than each asking a registry that does not.
    const images = [...chosen.values()];
    let referrersServed;
    const servesReferrers = async () => referrersServed === undefined || (await referrersServed);
    const referrersOf = async (repository, digest) => {
        if (!(await servesReferrers()))
            return [];
        const asked = source.listReferrers(repository, digest);
        // A failed request proves nothing (its error is this image's): the others ask for themselves.
        referrersServed ??= asked.then((referrers) => referrers !== undefined, () => true);
        return (await asked) ?? [];
    };
    await (0,limiter/* forEachLimited */.vP)(images.slice(), options.concurrency ?? 8, async (image) => {
        const tags = tagLists.get(image.sourceRepository) ?? [];
        const artifacts = tags.filter(describesAnother);
        if (artifacts.length === 0 && !(await servesReferrers()))
            return;
        const byDigest = (0,oci_reference/* isValidDigest */.fH)(image.reference);
        const digest = byDigest
            ? image.reference
            : (await source.headManifest(image.sourceRepository, image.reference))?.digest;
        if (!digest)
            return;
        const subject = (0,oci_reference/* formatRepositoryReference */.$)({
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
    const dynamic = dynamicPins(options.refsFiles, known, [...chosen.values()]).filter((pin) => pin.repositories.length > 0 || !options.repositoryFilter);
    warnings.push(...dynamic.map(dynamicWarning));
    return {
        images: [...chosen.values()].sort((a, b) => a.sourceRepository === b.sourceRepository
            ? compareTags(a.reference, b.reference)
            : a.sourceRepository < b.sourceRepository
                ? -1
                : 1),
        missing: [...missing.values()],
        repositories: [...wantedRepos].sort(),
        warnings,
        ...(catalogRefused !== undefined && { catalogRefused }),
        dynamic,
    };
}
/** True when `repository` is `prefix` or lies below it (`""` holds every repository). */
const under = (repository, prefix) => prefix === '' || repository === prefix || repository.startsWith(`${prefix}/`);
/**
 * The references files' prefixes, with the known repositories under each and the tags the copy
 * rules chose for them (signatures and referrers, which follow their images, not counted).
 */
function dynamicPins(refsFiles, known, chosen) {
    const byPrefix = new Map();
    for (const { file, refs } of refsFiles)
        for (const prefix of refs.prefixes ?? [])
            byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), file]);
    return [...byPrefix]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([prefix, by]) => ({
        prefix,
        by,
        repositories: known
            .filter((repository) => under(repository, prefix))
            .sort()
            .map((repository) => {
            const counts = {};
            for (const image of chosen)
                if (image.sourceRepository === repository)
                    for (const reason of image.reasons.filter((reason) => /^copy\[\d+\]/.test(reason)))
                        counts[reason] = (counts[reason] ?? 0) + 1;
            return { repository, chosen: counts };
        }),
    }));
}
/** What a user needs to know about one dynamic prefix: which of its repositories get tags copied, and which none. */
function dynamicWarning(pin) {
    const where = pin.prefix === '' ? 'every repository of the old registry' : `${pin.prefix} (and below)`;
    const head = `${where} is used with names or tags built at run time (prefixes in ${pin.by.join(', ')}): no tag can be pinned there, so only the copy rules decide which of its tags are copied`;
    const copied = pin.repositories.filter(({ chosen }) => Object.keys(chosen).length > 0);
    const none = pin.repositories.filter(({ chosen }) => Object.keys(chosen).length === 0);
    const list = (names) => names.length > 10 ? `${names.slice(0, 10).join(', ')} and ${names.length - 10} more` : names.join(', ');
    const parts = [
        ...(copied.length > 0
            ? [
                `tags chosen: ${list(copied.map(({ repository, chosen }) => `${repository} (${Object.entries(chosen)
                    .map(([rule, count]) => `${rule}: ${count}`)
                    .join(', ')})`))}`,
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
function referencedImages(manifest, refsFiles) {
    const old = manifest.registries.old;
    const byKey = new Map();
    const add = (ref, by) => {
        const reference = ref.digest ?? ref.tag ?? 'latest';
        const key = `${ref.repository}\n${reference}`;
        const entry = byKey.get(key) ?? { repository: ref.repository, reference, by: [] };
        if (!entry.by.includes(by))
            entry.by.push(by);
        byKey.set(key, entry);
    };
    for (const repo of manifest.repos) {
        for (const consumed of repo.consumes) {
            if (consumed.tag === undefined && consumed.digest === undefined)
                continue;
            add(consumed, repo.name);
        }
    }
    for (const { file, refs } of refsFiles) {
        if (refs.registry !== old.host && !old.aliases.includes(refs.registry)) {
            throw new errors/* ConfigError */.xL([
                {
                    file,
                    path: 'registry',
                    message: `the references are for ${refs.registry}, but the manifest's old registry is ${old.host}${old.aliases.length ? ` (aliases ${old.aliases.join(', ')})` : ''}`,
                },
            ]);
        }
        for (const ref of refs.references)
            add(ref, file);
    }
    return [...byKey.values()];
}
/** A tag predicate from include globs and `!`-prefixed exclude globs; no include means all. */
function tagMatcher(globs) {
    if (!globs || globs.length === 0)
        return () => true;
    const include = globs.filter((glob) => !glob.startsWith('!'));
    const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
    const included = include.length > 0 ? picomatch(include, { dot: true }) : () => true;
    const excluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
    return (tag) => included(tag) && !excluded(tag);
}
function satisfies(tag, range) {
    const version = semver.valid(tag, { loose: true });
    return version !== null && semver.satisfies(version, range, { loose: true });
}
/** Orders tags newest-version first when both are versions, else by name. */
function compareTags(a, b) {
    const va = semver.valid(a, { loose: true });
    const vb = semver.valid(b, { loose: true });
    if (va && vb && va !== vb)
        return semver.rcompare(va, vb, true);
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * The `count` most recently created tags, by the image config's `created` (for an index: its
 * first child's), ties broken by semver (higher first) and then by name.
 */
async function newest(source, repository, tags, count, concurrency) {
    const created = new Map();
    await (0,limiter/* forEachLimited */.vP)(tags, concurrency, async (tag) => {
        created.set(tag, await createdOf(source, repository, tag));
    });
    return [...tags]
        .sort((a, b) => (created.get(b) ?? 0) - (created.get(a) ?? 0) || compareTags(a, b))
        .slice(0, count);
}
/** When an image was built: its config's `created`, as milliseconds (0 when unknown). */
async function createdOf(source, repository, reference) {
    let manifest = await source.getManifest(repository, reference);
    let parsed = (0,media/* parseImageManifest */.Sw)(manifest.bytes, manifest.mediaType);
    for (let depth = 0; parsed.isIndex && depth < 3; depth++) {
        const child = parsed.manifests.find((m) => !(0,platforms/* isAttestation */.H3)(m));
        if (!child)
            return 0;
        manifest = await source.getManifest(repository, child.digest);
        parsed = (0,media/* parseImageManifest */.Sw)(manifest.bytes, manifest.mediaType);
    }
    if (!parsed.config)
        return 0;
    try {
        const config = JSON.parse((await source.readBlob(repository, parsed.config.digest, 4 * 1024 * 1024)).toString('utf8'));
        const time = config.created ? Date.parse(config.created) : NaN;
        return Number.isNaN(time) ? 0 : time;
    }
    catch {
        return 0;
    }
}


/***/ }),

/***/ 11742:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ mapRepository)
/* harmony export */ });
function globToRegExp(glob) {
    const body = glob
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('(.*)');
    return new RegExp(`^${body}$`);
}
/**
 * The new registry's repository path for an old one: the first `paths` rule whose `from`
 * matches wins, each `*` in `to` taking the next capture; no match keeps the path.
 */
function mapRepository(oldPath, rules) {
    for (const rule of rules) {
        const match = globToRegExp(rule.from).exec(oldPath);
        if (!match)
            continue;
        let capture = 1;
        return rule.to.replace(/\*/g, () => match[capture++] ?? '');
    }
    return oldPath;
}


/***/ }),

/***/ 77108:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ platformName),
/* harmony export */   CI: () => (/* binding */ partsOf),
/* harmony export */   H3: () => (/* binding */ isAttestation)
/* harmony export */ });
/** True for Buildx's attestation manifests (and any child whose platform is unknown/unknown). */
function isAttestation(child) {
    return (child.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
        (child.platform?.os === 'unknown' && child.platform.architecture === 'unknown'));
}
/** `os/architecture[/variant]` of an index child. */
function platformName(child) {
    const { os = '?', architecture = '?', variant } = child.platform ?? {};
    return `${os}/${architecture}${variant ? `/${variant}` : ''}`;
}
/** Splits a parsed manifest into platforms and attestation manifests. */
function partsOf(parsed) {
    if (!parsed.isIndex)
        return { platforms: [], attestations: 0, children: [] };
    return {
        platforms: parsed.manifests.filter((child) => !isAttestation(child)).map(platformName),
        attestations: parsed.manifests.filter(isAttestation).length,
        children: parsed.manifests,
    };
}


/***/ }),

/***/ 17870:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bB: () => (/* binding */ mapLimited),
/* harmony export */   jG: () => (/* binding */ Limiter),
/* harmony export */   vP: () => (/* binding */ forEachLimited)
/* harmony export */ });
/**
 * The one concurrency limiter. Registries, the GitHub API and the machine's cores all want bounded
 * fan-out; every bounded loop in cutover goes through here so the behaviour (first come, first
 * served; a finished task hands its slot straight to the next) is written once.
 */
/** Counting semaphore: at most `limit` holders at once, waiters served first come, first served. */
class Limiter {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!Number.isInteger(limit) || limit < 1)
            throw new RangeError(`concurrency must be ≥ 1, got ${limit}`);
    }
    /** Holders right now (for tests and progress lines). */
    get running() {
        return this.active;
    }
    /** Waiting for a slot right now. */
    get queued() {
        return this.waiting.length;
    }
    /** Waits for a slot; the returned function gives it back (extra calls are ignored). */
    async acquire() {
        if (this.active >= this.limit)
            await new Promise((resolve) => this.waiting.push(resolve));
        else
            this.active++;
        let released = false;
        return () => {
            if (released)
                return;
            released = true;
            const next = this.waiting.shift();
            // The slot passes straight to the next waiter, so `active` stays the same.
            if (next)
                next();
            else
                this.active--;
        };
    }
    /** Runs `work` inside a slot. */
    async run(work) {
        const release = await this.acquire();
        try {
            return await work();
        }
        finally {
            release();
        }
    }
}
/**
 * Runs `work` over `items` with at most `limit` in flight and returns the results in input order.
 * The first failure rejects the whole call once the tasks already started have settled.
 */
async function mapLimited(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (next < items.length && !failure) {
            const index = next++;
            try {
                results[index] = await work(items[index], index);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure)
        throw failure.error;
    return results;
}
/** {@link mapLimited} for work whose results are not needed. */
async function forEachLimited(items, limit, work) {
    await mapLimited(items, limit, work);
}


/***/ }),

/***/ 70953:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $Y: () => (/* binding */ git),
  nA: () => (/* binding */ onInterrupt),
  _Z: () => (/* binding */ processExists),
  EO: () => (/* binding */ runGit),
  mB: () => (/* binding */ runProgram),
  K5: () => (/* binding */ splitNul)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./lib/src/shared/isolation.js


let probed;
/** The command prefix that isolates a program on this machine (probed once per run). */
function prefix() {
    if (probed)
        return probed;
    if (process.platform !== 'linux')
        return (probed = { unavailable: `not on Linux (${process.platform})` });
    const root = external_node_os_.userInfo().uid === 0;
    const namespaces = ['--pid', '--fork', '--mount-proc', '--kill-child'];
    const candidate = root
        ? [
            'unshare',
            ...namespaces,
            '--',
            'setpriv',
            '--bounding-set=-all',
            '--inh-caps=-all',
            '--no-new-privs',
            '--',
        ]
        : ['unshare', '--user', '--map-current-user', ...namespaces, '--'];
    // The probe proves the whole chain: a new /proc in which this shell is process 1, with no parent.
    const probe = (0,external_node_child_process_.spawnSync)(candidate[0], [...candidate.slice(1), 'sh', '-c', 'echo "$$ $PPID"'], {
        encoding: 'utf8',
        timeout: 10_000,
    });
    if (probe.error)
        probed = {
            unavailable: `${candidate[0]} cannot be started (${probe.error.code})`,
        };
    else if (probe.status !== 0 || probe.stdout.trim() !== '1 0')
        probed = {
            unavailable: `${candidate.slice(0, -1).join(' ')} failed (exit ${probe.status}): ${probe.stderr.trim().split('\n').pop() ?? ''}`,
        };
    else
        probed = { prefix: candidate };
    return probed;
}
/** `file args` wrapped so that it runs isolated, or the reason this machine cannot isolate it. */
function isolated(file, args) {
    const found = prefix();
    if ('unavailable' in found)
        return found;
    return { file: found.prefix[0], args: [...found.prefix.slice(1), file, ...args] };
}

;// CONCATENATED MODULE: ./lib/src/shared/process.js



/** Error output kept by default: enough for any message, bounded for a program that floods it. */
const DEFAULT_STDERR_LIMIT = 1 << 20;
/**
 * Output kept up to a byte limit — the first bytes (`head`) or the last (`tail`) — with a count of
 * the bytes dropped, so that memory stays bounded however much a program writes.
 */
class KeptBytes {
    keep;
    limit;
    chunks = [];
    size = 0;
    dropped = 0;
    constructor(keep, limit) {
        this.keep = keep;
        this.limit = limit;
    }
    add(chunk) {
        if (this.keep === 'head') {
            const room = Math.max(0, this.limit - this.size);
            const kept = chunk.length <= room ? chunk : chunk.subarray(0, room);
            if (kept.length > 0) {
                // A copy, so that a kept slice does not pin the whole chunk it came from.
                this.chunks.push(kept === chunk ? chunk : Buffer.from(kept));
                this.size += kept.length;
            }
            this.dropped += chunk.length - kept.length;
            return;
        }
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.limit && this.chunks.length > 0) {
            const first = this.chunks[0];
            const excess = this.size - this.limit;
            if (first.length <= excess) {
                this.chunks.shift();
                this.size -= first.length;
                this.dropped += first.length;
            }
            else {
                this.chunks[0] = Buffer.from(first.subarray(excess));
                this.size -= excess;
                this.dropped += excess;
            }
        }
    }
    bytes() {
        return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    }
}
/** How long a program stopped for its time limit gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 5000;
/** Process groups started with a time limit and still running; stopped if cutover itself is. */
const groups = new Set();
function stopGroups(signal) {
    for (const pid of groups)
        signalGroup(pid, signal);
}
function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    }
    catch {
        // already gone
    }
}
/** Synchronous clean-ups (removing scratch directories) run when cutover is stopped by a signal. */
const cleanups = new Set();
let forwarding = false;
/**
 * A program in its own process group does not get the terminal's Ctrl-C or the runner's cancel
 * signal; pass SIGINT and SIGTERM on, run the registered clean-ups, then end as the signal would
 * have ended us.
 */
function forwardSignals() {
    if (forwarding)
        return;
    forwarding = true;
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.once(signal, () => {
            stopGroups(signal);
            for (const cleanup of cleanups) {
                try {
                    cleanup();
                }
                catch {
                    // Best effort: the next run removes what is left (see the callers).
                }
            }
            process.kill(process.pid, signal);
        });
    }
    process.once('exit', () => stopGroups('SIGKILL'));
}
/**
 * Registers a synchronous clean-up to run if cutover is stopped by SIGINT or SIGTERM (after the
 * programs it started are signalled), for things a `finally` would otherwise undo. Returns a
 * function that unregisters it, to call when the work ends normally.
 */
function onInterrupt(cleanup) {
    forwardSignals();
    cleanups.add(cleanup);
    return () => void cleanups.delete(cleanup);
}
/** True when a process with this id exists (on this machine). */
function processExists(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: it exists, it is just not ours to signal.
        return error.code === 'EPERM';
    }
}
/**
 * Runs a program with an argument array (never a shell string built from data) and collects its
 * output. Resolves with the exit code; rejects only when the program cannot be started at all.
 */
function runProgram(file, args, options) {
    if (options.isolate) {
        const wrapped = isolated(file, args);
        if ('unavailable' in wrapped) {
            if (options.isolate === 'required') {
                return Promise.reject(new errors/* OperationalError */.LE('refused', `not running ${file}: it would be able to read the credentials in this process's environment, and it cannot be isolated here: ${wrapped.unavailable}`, {
                    hint: 'install util-linux (unshare, setpriv) and allow user namespaces (sysctl kernel.unprivileged_userns_clone=1; on Ubuntu 24.04 kernel.apparmor_restrict_unprivileged_userns=0), or run this step without credentials in its environment',
                }));
            }
        }
        else {
            file = wrapped.file;
            args = wrapped.args;
        }
    }
    return new Promise((resolve, reject) => {
        const limited = options.timeoutMs !== undefined;
        const child = (0,external_node_child_process_.spawn)(file, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            stdio: ['pipe', 'pipe', 'pipe'],
            // Its own process group, so that a time limit stops what a shell command started as well.
            detached: limited,
        });
        let timedOut = false;
        const timers = [];
        if (limited && child.pid !== undefined) {
            const pid = child.pid;
            forwardSignals();
            groups.add(pid);
            timers.push(setTimeout(() => {
                timedOut = true;
                signalGroup(pid, 'SIGTERM');
                timers.push(setTimeout(() => signalGroup(pid, 'SIGKILL'), KILL_GRACE_MS));
            }, options.timeoutMs));
        }
        const stdout = new KeptBytes('head', options.stdoutLimit ?? Infinity);
        const stderr = new KeptBytes('tail', options.stderrLimit ?? DEFAULT_STDERR_LIMIT);
        child.stdout.on('data', (chunk) => {
            if (options.onStdout)
                options.onStdout(chunk);
            else
                stdout.add(chunk);
            options.onOutput?.(chunk, 'stdout');
        });
        child.stderr.on('data', (chunk) => {
            stderr.add(chunk);
            options.onOutput?.(chunk, 'stderr');
        });
        const settle = () => {
            for (const timer of timers)
                clearTimeout(timer);
            if (child.pid !== undefined)
                groups.delete(child.pid);
        };
        child.on('error', (error) => {
            settle();
            reject(error);
        });
        child.on('close', (code, signal) => {
            settle();
            resolve({
                code: code ?? 128,
                ...(signal && { signal }),
                stdout: stdout.bytes(),
                stderr: stderr.bytes().toString('utf8'),
                stdoutDropped: stdout.dropped,
                stderrDropped: stderr.dropped,
                ...(timedOut && { timedOut }),
            });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input);
    });
}
/**
 * The one way cutover's checks run git: an argument array, no optional locks (a check never
 * writes the developer's index), the C locale for output that is parsed. Exit 0 and the codes in
 * `answers` resolve; any other exit becomes an OperationalError carrying git's message.
 */
async function runGit(args, cwd, options = {}) {
    const result = await runProgram('git', args, {
        cwd,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', ...options.env },
        ...(options.input !== undefined && { input: options.input }),
    });
    if (result.code !== 0 && !options.answers?.includes(result.code)) {
        throw new errors/* OperationalError */.LE('failed', `git ${args.join(' ')} failed (exit ${result.code}): ${result.stderr.trim()}`);
    }
    return result;
}
/** Runs `git` ({@link runGit}) and returns its stdout; any exit but 0 is an OperationalError. */
async function git(args, cwd, input) {
    return (await runGit(args, cwd, input === undefined ? {} : { input })).stdout;
}
/** Splits NUL-separated output (`-z`) into its entries. */
function splitNul(output) {
    return output.toString('utf8').split('\0').filter(Boolean);
}


/***/ })

};
;
//# sourceMappingURL=99.index.cjs.js.map
