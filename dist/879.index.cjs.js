"use strict";
exports.id = 879;
exports.ids = [879];
exports.modules = {

/***/ 61346:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ defineCommand)
/* harmony export */ });
/** Declares a command with its option types inferred from its option definitions. */
function defineCommand(command) {
    return command;
}


/***/ }),

/***/ 91517:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ hostPart),
/* harmony export */   g: () => (/* binding */ roleOfHost)
/* harmony export */ });
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92041);

/** The role of a registry host in the manifest (aliases of the old one included), if it is one. */
function roleOfHost(manifest, host) {
    const wanted = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeHost */ .cS)(host);
    const { old, new: next } = manifest.registries;
    if ([old.host, ...old.aliases].some((name) => (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeHost */ .cS)(name) === wanted))
        return 'old';
    if ((0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeHost */ .cS)(next.host) === wanted)
        return 'new';
    return undefined;
}
/** The first path component when it names a registry host (`.` or `:` in it, or `localhost`). */
function hostPart(text) {
    const slash = text.indexOf('/');
    if (slash < 0)
        return undefined;
    const first = text.slice(0, slash);
    return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined;
}


/***/ }),

/***/ 24998:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ planPush)
/* harmony export */ });
/* unused harmony export ownPathOf */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8835);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(11742);
/* harmony import */ var _timeline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16399);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92041);




/** True for a local image ID (`sha256:…` or a hex prefix), which names no repository. */
function isImageId(text) {
    return /^sha256:[a-f0-9]{12,64}$/.test(text) || /^[a-f0-9]{12,64}$/.test(text);
}
/**
 * The repository path and tag a local image name gives: `registry.example.com/team/api:1.2` →
 * `team/api`, `1.2`; `api:build` → `api`, `build` (no `library/` as Docker Hub would add). An
 * image ID gives neither.
 * @throws UsageError when the name is not a valid reference
 */
function ownPathOf(image) {
    if (isImageId(image))
        return {};
    try {
        const slash = image.indexOf('/');
        const first = slash >= 0 ? image.slice(0, slash) : '';
        const hasHost = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
        if (hasHost && (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidHost */ .HO)(first)) {
            const parsed = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(image);
            return { repository: parsed.repository, ...(parsed.tag !== undefined && { tag: parsed.tag }) };
        }
        const parsed = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRepositoryReference */ .Dp)(image);
        return { repository: parsed.repository, ...(parsed.tag !== undefined && { tag: parsed.tag }) };
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--image: expected a local image name or ID, found "${image}": ${error.message}`);
    }
}
/**
 * Plans a push on `today`: the repository (given, or the image's own path), the tags (given, or
 * the image's tag, or `latest`), and the registries the timeline sends it to — the new registry
 * under the path the manifest's `paths` map it to.
 * @throws UsageError for an invalid repository or tag, or an image ID without `--repository`
 */
function planPush(manifest, today, request) {
    const own = ownPathOf(request.image);
    const repository = request.repository ?? own.repository;
    if (!repository) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--image ${request.image} is an image ID: name the repository with --repository`);
    }
    if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidRepositoryPath */ .M0)(repository)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--repository: expected a repository path such as "team/api" (lower-case letters, digits, . _ - separators, components joined by /), found "${repository}"`);
    }
    const tags = request.tags.length > 0 ? [...new Set(request.tags)] : [own.tag ?? 'latest'];
    for (const tag of tags) {
        if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidTag */ .r_)(tag)) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--tag: expected a tag (letters, digits, _ . -, at most 128, not starting with . or -), found "${tag}"`);
        }
    }
    const phase = (0,_timeline_js__WEBPACK_IMPORTED_MODULE_2__/* .phaseAt */ .BA)(manifest.timeline, today);
    const paths = { old: repository, new: (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .mapRepository */ .T)(repository, manifest.paths) };
    if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidRepositoryPath */ .M0)(paths.new)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`the manifest's paths map "${repository}" to "${paths.new}", which is not a valid repository path`);
    }
    const targets = (0,_timeline_js__WEBPACK_IMPORTED_MODULE_2__/* .pushTargets */ .XV)(phase).map((role) => {
        const registry = manifest.registries[role];
        return { role, registry, repository: paths[role], name: `${registry.host}/${paths[role]}` };
    });
    const reason = (0,_timeline_js__WEBPACK_IMPORTED_MODULE_2__/* .oldRegistrySkippedReason */ .FN)(manifest.timeline, phase);
    const skipped = reason && !targets.some((target) => target.role === 'old')
        ? [{ role: 'old', host: manifest.registries.old.host, reason }]
        : [];
    if (phase === 'before') {
        skipped.push({
            role: 'new',
            host: manifest.registries.new.host,
            reason: `the new registry opens on ${manifest.timeline.available}`,
        });
    }
    return { phase, repository, tags, targets, skipped };
}


/***/ }),

/***/ 77879:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  push: () => (/* binding */ push)
});

// EXTERNAL MODULE: ./lib/src/shared/deadline.js
var shared_deadline = __webpack_require__(1568);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(61346);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(61714);
// EXTERNAL MODULE: ./lib/src/copy/copy.js + 2 modules
var copy_copy = __webpack_require__(68334);
// EXTERNAL MODULE: ./lib/src/oci/platforms.js
var platforms = __webpack_require__(77108);
// EXTERNAL MODULE: ./lib/src/copy/select.js + 1 modules
var copy_select = __webpack_require__(863);
// EXTERNAL MODULE: ./lib/src/oci/client.js + 17 modules
var client = __webpack_require__(11024);
// EXTERNAL MODULE: ./lib/src/oci/media.js
var media = __webpack_require__(21732);
// EXTERNAL MODULE: ./lib/src/oci/reference.js
var oci_reference = __webpack_require__(92041);
// EXTERNAL MODULE: ./lib/src/manifest/hosts.js
var hosts = __webpack_require__(91517);
// EXTERNAL MODULE: ./lib/src/oci/errors.js
var oci_errors = __webpack_require__(29949);
// EXTERNAL MODULE: ./lib/src/shared/limiter.js
var limiter = __webpack_require__(17870);
;// CONCATENATED MODULE: ./lib/src/push/artifacts.js


/**
 * The signatures, attestations and referrers `push --from` copies after the image. They are the
 * source's word: a referrers answer may list manifests the source does not have (or cannot serve).
 * Those are skipped with a warning and the count — the image and its tags are pushed without them —
 * and the cost is bounded: at most {@link MAX_ARTIFACTS} are tried, and after
 * {@link MAX_MISSING_ARTIFACTS} missing ones the rest are not tried.
 */
/** Artifacts of one image copied at most (real images have a handful: signatures, SBOMs, provenance). */
const MAX_ARTIFACTS = 256;
/** Missing or unreadable artifacts after which the others are skipped without a request. */
const MAX_MISSING_ARTIFACTS = 10;
/** Artifact copies in flight at once. */
const ARTIFACT_CONCURRENCY = 8;
/**
 * Copies each artifact with `copy`; one the source cannot serve (`sourceHost` answered 404, or
 * something that is not a valid manifest, or refused it) is skipped, and after
 * {@link MAX_MISSING_ARTIFACTS} of them the others are skipped untried. Failures of the target
 * still fail the push.
 */
async function copyArtifacts(artifacts, image, sourceHost, copy) {
    const tried = artifacts.slice(0, MAX_ARTIFACTS);
    const skipped = artifacts
        .slice(MAX_ARTIFACTS)
        .map((artifact) => ({ artifact, why: `more than ${MAX_ARTIFACTS} listed` }));
    let missing = 0;
    const copied = [];
    await (0,limiter/* mapLimited */.bB)(tried, ARTIFACT_CONCURRENCY, async (artifact) => {
        const reference = 'tag' in artifact ? artifact.tag : artifact.digest;
        if (missing >= MAX_MISSING_ARTIFACTS) {
            skipped.push({ artifact, why: `not tried after ${MAX_MISSING_ARTIFACTS} missing` });
            return;
        }
        try {
            copied.push({ reference, result: await copy(reference) });
        }
        catch (error) {
            if (!unservable(error, sourceHost))
                throw error;
            missing++;
            skipped.push({ artifact, why: error.message.replace(/\s+/g, ' ').slice(0, 300) });
        }
    });
    return { copied, warnings: describeSkipped(skipped, image) };
}
/** True when the source could not serve the artifact (not when the target failed). */
function unservable(error, sourceHost) {
    return (error instanceof oci_errors/* RegistryError */.gl &&
        error.host === sourceHost &&
        ['not-found', 'invalid-response', 'refused', 'digest-mismatch'].includes(error.kind));
}
function describeSkipped(skipped, image) {
    const lines = [];
    for (const [kind, name] of [
        ['digest', 'referrers'],
        ['tag', 'signature/attestation tags'],
    ]) {
        const ones = skipped.filter(({ artifact }) => kind in artifact);
        if (ones.length === 0)
            continue;
        const failed = ones.filter(({ why }) => !why.startsWith('not tried') && !why.startsWith('more than'));
        const untried = ones.length - failed.length;
        lines.push(`${ones.length} ${name} of ${image} skipped: ${failed.length} the source lists but cannot serve${failed[0] ? ` (first: ${failed[0].why})` : ''}${untried > 0 ? `, ${untried} not tried (at most ${MAX_ARTIFACTS} tried, none after ${MAX_MISSING_ARTIFACTS} missing)` : ''}; the image and its tags are pushed without them`);
    }
    return lines;
}

// EXTERNAL MODULE: ./lib/src/manifest/push-plan.js
var push_plan = __webpack_require__(24998);
// EXTERNAL MODULE: ./lib/src/push/execute.js
var execute = __webpack_require__(87620);
;// CONCATENATED MODULE: ./lib/src/push/from.js
/**
 * `push --from REF@DIGEST`: the image is already in one registry (build-push-action pushed it, or it
 * was built elsewhere); copy it by digest to the other registries the timeline names with the
 * copy engine — the index whole (children first, attestation manifests included), then cosign's
 * `.sig/.att/.sbom` tags and the OCI referrers that describe it, the tags last — then check the
 * digests. No Docker engine is involved.
 */











/**
 * Reads `--from`: `host/repository[:tag]@sha256:…` in the old or the new registry. An image in the
 * new registry needs `--repository` (its old path) unless the manifest has no `paths` rules.
 * @throws UsageError for anything else
 */
function parseFrom(manifest, text, oldPath) {
    const expected = `--from: expected host/repository@sha256:<64 hex> in ${manifest.registries.old.host} or ${manifest.registries.new.host}, found "${text}"`;
    const host = (0,hosts/* hostPart */.O)(text);
    const role = host === undefined ? undefined : (0,hosts/* roleOfHost */.g)(manifest, host);
    if (host === undefined || role === undefined)
        throw new errors/* UsageError */.eb(expected);
    let parsed;
    try {
        parsed = (0,oci_reference/* parseRepositoryReference */.Dp)(text.slice(host.length + 1));
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`${expected}: ${error.message}`);
    }
    if (parsed.digest === undefined || !(0,oci_reference/* isValidDigest */.fH)(parsed.digest))
        throw new errors/* UsageError */.eb(expected);
    const oldRepository = role === 'old' ? parsed.repository : oldPath(parsed.repository);
    if (oldRepository === undefined)
        throw new errors/* UsageError */.eb(`--from names the new registry: give the image's path in the old registry with --repository`);
    return {
        role,
        host,
        repository: parsed.repository,
        digest: parsed.digest,
        oldRepository,
        ...(parsed.tag !== undefined && { tag: parsed.tag }),
    };
}
/**
 * Copies the image `from` names to every target of the plan, then checks every tag for one digest
 * (the answer to its PUT, else a HEAD).
 * The image's manifest is read once; its copy starts at once, while the source's tags and
 * referrers are listed (the signatures and attestations go after the image, the tags last).
 */
async function pushFrom(input) {
    const { from, plan, clientFor, progress } = input;
    const source = clientFor(from.role);
    const session = new copy_copy/* CopySession */.W();
    const top = await source.getManifest(from.repository, from.digest);
    const parts = (0,platforms/* partsOf */.CI)((0,media/* parseImageManifest */.Sw)(top.bytes, top.mediaType));
    const found = artifactsOf(source, from.repository, [from.digest, ...parts.children.map((c) => c.digest)]);
    // Reported once the listing is in; the image is being copied meanwhile.
    void found.then((artifacts) => progress(`copying ${from.host}/${from.repository}@${from.digest}${parts.platforms.length > 0 ? ` (${parts.platforms.length} platforms, ${parts.attestations} attestation manifests)` : ''}${artifacts.length > 0 ? ` and ${artifacts.length} signatures/attestations/referrers` : ''} to ${plan.targets.map((t) => t.name).join(' and ')}`), () => undefined);
    const stored = new Map();
    const warnings = new Set();
    const warn = (line) => warnings.add(line);
    const outcomes = await Promise.all(plan.targets.map((target) => copyTo({
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
    })));
    const artifacts = await found;
    const result = {
        outcomes,
        artifacts: artifacts.map((reference) => (0,oci_reference/* formatRepositoryReference */.$)({ repository: from.repository, ...reference })),
        platforms: parts.platforms,
        attestations: parts.attestations,
        bytesUploaded: session.bytesUploaded,
        warnings: [...warnings],
    };
    if (!outcomes.some((outcome) => outcome.status !== 'failed'))
        return result;
    const verification = await (0,execute/* verifyDigests */.nF)(outcomes, plan.tags, clientFor, stored);
    return { ...result, verification };
}
/** cosign's tags for any of `digests`, and the OCI referrers of the top digest (API, else the fallback tag). */
async function artifactsOf(source, repository, digests) {
    const prefixes = new Set(digests.map((digest) => `sha256-${digest.slice('sha256:'.length)}`));
    const [tags, referrers] = await Promise.all([
        source.listTags(repository).catch(() => []),
        source.listReferrers(repository, digests[0]),
    ]);
    // cosign's `.sig/.att/.sbom`, and the OCI 1.1 referrers fallback tag (`sha256-<hex>`, an index).
    const artifactTags = tags.filter((tag) => (copy_select/* ARTIFACT_TAG */.cZ.test(tag) || /^sha256-[a-f0-9]{64}$/.test(tag)) && prefixes.has(tag.slice(0, 71)));
    return [
        ...artifactTags.sort().map((tag) => ({ tag })),
        ...(referrers ?? []).map((referrer) => ({ digest: referrer.digest })),
    ];
}
/**
 * One target: the image by digest (skipped when the source repository is the target), the
 * artifacts (a differing artifact tag is kept and reported), then every tag; a failure is an outcome.
 */
async function copyTo(context) {
    const { from, source, target, session } = context;
    const started = Date.now();
    const destination = context.clientFor(target.role);
    const copy = (reference, targetReference, overwrite) => (0,copy_copy/* copyImage */.L1)({
        source,
        sourceRepository: from.repository,
        reference,
        target: destination,
        targetRepository: target.repository,
        targetReference,
        sourceManifest: context.top,
    }, { overwrite, session });
    const base = { role: target.role, host: target.registry.host, repository: target.repository };
    try {
        await copy(from.digest, from.digest, false);
        const { copied, warnings } = await copyArtifacts(await context.found, `${from.host}/${from.repository}@${from.digest}`, source.host, (reference) => copy(reference, reference, false));
        for (const warning of warnings)
            context.warn(warning);
        for (const { reference, result } of copied)
            if (result.action === 'conflict')
                context.progress(`kept ${target.name}:${reference}: it points at ${result.existingDigest}, the source has ${result.digest}`);
        // A push replaces its own tags (as `docker push` does); the tags go last, when all is there:
        // the image's bytes are PUT under each tag, and an answer naming the digest stored is its check.
        await Promise.all(context.tags.map(async (tag) => {
            const answer = await destination.putManifestConfirmed(target.repository, tag, context.top);
            if (answer.confirmed && answer.digest === from.digest)
                context.stored.set(`${target.registry.host}/${target.repository}:${tag}`, answer.digest);
        }));
        return {
            ...base,
            references: context.tags.map((tag) => `${target.name}:${tag}`),
            status: 'copied',
            digest: from.digest,
            attempts: 1,
            seconds: (Date.now() - started) / 1000,
        };
    }
    catch (error) {
        return {
            ...base,
            references: [],
            status: 'failed',
            error: error.message.replace(/\s+/g, ' ').trim(),
            ...(error.status === 405 && { refused: true }),
            attempts: 1,
            seconds: (Date.now() - started) / 1000,
        };
    }
}
/**
 * Plans and runs `push --from`: the plan is push's (the same timeline rules), the source is read
 * with a read-only client unless its registry is also a target.
 */
async function deliverFrom(manifest, today, request, context) {
    // Without `paths` rules both registries use the same paths; with them, the old path of a new
    // one is not knowable (several rules could lead there), so it must be given.
    const from = parseFrom(manifest, request.from, (newPath) => request.repository ?? (manifest.paths.length === 0 ? newPath : undefined));
    const plan = (0,push_plan/* planPush */.M)(manifest, today, {
        image: from.oldRepository,
        repository: request.repository ?? from.oldRepository,
        tags: request.tags.length > 0 ? request.tags : [from.tag ?? 'latest'],
    });
    const roles = [...new Set([from.role, ...plan.targets.map((target) => target.role)])];
    const clients = new Map(await Promise.all(roles.map(async (role) => [
        role,
        await client/* RegistryClient */.bP.forRegistry(manifest.registries[role], context.env, {
            secrets: context.secrets,
            readOnly: !plan.targets.some((target) => target.role === role),
            onWaiting: context.progress,
            ...(context.signal && { signal: context.signal }),
        }),
    ])));
    for (const skipped of plan.skipped)
        context.progress(`not pushing to ${skipped.host}: ${skipped.reason}`);
    const result = await pushFrom({
        from,
        plan,
        clientFor: (role) => clients.get(role),
        progress: context.progress,
    });
    return { from, plan, result };
}

// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
// EXTERNAL MODULE: ./lib/src/manifest/timeline.js
var timeline = __webpack_require__(16399);
;// CONCATENATED MODULE: ./lib/src/push/present.js


/** The report of `push --from`: no engine image, so no provenance to judge (it was judged where it was built). */
function fromReport(manifest, today, from, plan, result) {
    const { outcomes, verification, ...copied } = result;
    return {
        outcomes,
        ...(verification && { verification }),
        manifest,
        today,
        plan,
        image: `${from.host}/${from.repository}@${from.digest}`,
        imageId: from.digest,
        mode: 'from',
        provenance: { traces: [], policy: (0,timeline/* referencePolicy */.OQ)(manifest.timeline, today), blocked: false },
        copied,
    };
}
/** Logs what the image's provenance means today, before anything is pushed. */
function presentProvenance(provenance, reporter) {
    for (const trace of provenance.traces) {
        const message = `the image was built from the old registry (${trace.where}: ${trace.reference}): ${provenance.policy.message}`;
        if (provenance.policy.severity === 'error')
            reporter.error(message);
        else if (provenance.policy.severity === 'warning')
            reporter.warning(message);
        else
            reporter.info(message);
    }
}
/** Turns the report into log lines, the summary, `--json` and outputs. */
function presentPush(report, reporter) {
    const { plan, outcomes, verification, manifest, provenance } = report;
    for (const warning of report.copied?.warnings ?? [])
        reporter.warning(warning);
    const failures = describeFailures(outcomes, manifest, report.today);
    for (const failure of failures)
        reporter.error(failure);
    if (verification?.mismatch) {
        const [a, b] = verification.mismatch;
        reporter.error(`digests differ: ${a.reference} is ${a.digest ?? 'missing'}, ${b.reference} is ${b.digest ?? 'missing'}`);
    }
    const digest = verification?.ok ? verification.seen[0]?.digest : undefined;
    const pushed = outcomes.flatMap((outcome) => (outcome.status === 'failed' ? [] : outcome.references));
    for (const reference of pushed)
        reporter.info(`pushed ${reference}${digest ? `@${digest}` : ''}`);
    const failureMessage = provenance.blocked
        ? `the image was built from the old registry ${manifest.registries.old.host}, retired for builds since ${manifest.timeline.failFrom}: nothing pushed`
        : failures.length > 0
            ? failures.join('; ')
            : verification?.mismatch
                ? `digests differ: ${verification.mismatch.map((seen) => `${seen.reference} ${seen.digest ?? 'missing'}`).join(' vs ')}`
                : undefined;
    reporter.summary(summaryOf(report, digest, failureMessage));
    return {
        exitCode: failureMessage ? 1 : 0,
        ...(failureMessage && { failureMessage }),
        outputs: {
            digest: digest ?? '',
            pushed: pushed.join('\n'),
            skipped: plan.skipped.map((skipped) => `${skipped.host}: ${skipped.reason}`).join('\n'),
        },
        json: {
            image: report.image,
            imageId: report.imageId,
            repository: plan.repository,
            tags: plan.tags,
            today: report.today,
            phase: plan.phase,
            mode: report.mode,
            digest: digest ?? null,
            pushed,
            skipped: plan.skipped.map(({ host, reason }) => ({ registry: host, reason })),
            registries: outcomes,
            verified: verification?.ok ?? false,
            ...(verification?.mismatch && { mismatch: verification.mismatch }),
            oldRegistryTraces: provenance.traces.map((trace) => ({
                ...trace,
                severity: provenance.policy.severity,
            })),
            ...(report.copied && {
                platforms: report.copied.platforms,
                attestations: report.copied.attestations,
                artifacts: report.copied.artifacts,
                bytesUploaded: report.copied.bytesUploaded,
            }),
            ...(failureMessage && { failure: failureMessage }),
        },
    };
}
/** One sentence per failed registry, with what to change when the old one refused writes early. */
function describeFailures(outcomes, manifest, today) {
    const done = outcomes.filter((outcome) => outcome.status !== 'failed').map((outcome) => outcome.host);
    return outcomes
        .filter((outcome) => outcome.status === 'failed')
        .map((outcome) => {
        const others = done.length > 0 ? ` (${done.join(' and ')} took the image; ${outcome.host} did not)` : '';
        if (outcome.refused && outcome.role === 'old' && today < manifest.timeline.readOnly) {
            const at = manifest.locator.valueAt(['registries', 'old', 'read-only']);
            return `${outcome.host} refused the push (${outcome.error}) although the manifest says it is writable until ${manifest.timeline.readOnly}: if the old registry is read-only already, change registries.old.read-only (${manifest.source}:${at.line}:${at.column}) to the day it became read-only${others}`;
        }
        return `push to ${outcome.host}/${outcome.repository} failed after ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}: ${outcome.error}${others}`;
    });
}
function summaryOf(report, digest, failure) {
    const { plan, outcomes, provenance } = report;
    const icon = { pushed: '✅ pushed', copied: '✅ copied', failed: '❌ failed' };
    return [
        `### cutover push: \`${report.image}\``,
        '',
        `On **${report.today}** (phase **${plan.phase}**, mode \`${report.mode}\`)${digest ? ` every registry has \`${digest}\`` : ''}.`,
        '',
        (0,markdown/* table */.tp)(['Registry', 'References', 'Result', 'Digest', 'Attempts', 'Time'], [
            ...outcomes.map((outcome) => [
                `\`${outcome.host}\``,
                (outcome.status === 'failed'
                    ? plan.tags.map((tag) => `${outcome.host}/${outcome.repository}:${tag}`)
                    : outcome.references).join('\n'),
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
        ]),
        ...(provenance.traces.length > 0
            ? [
                '',
                (0,markdown/* table */.tp)(['Built from the old registry', 'Reference', 'Severity'], provenance.traces.map((trace) => [
                    trace.where,
                    `\`${trace.reference}\``,
                    provenance.policy.severity,
                ])),
            ]
            : []),
        ...(failure ? ['', `**Failed:** ${failure}`] : []),
    ].join('\n');
}

;// CONCATENATED MODULE: ./lib/src/push/command.js








/** `cutover push`: pushes a locally built image where the timeline says, with one digest everywhere. */
const push = (0,command/* defineCommand */.N)({
    name: 'push',
    summary: 'Push a locally built image to the registries the timeline names today (old, both, or new), verified to one digest.',
    options: {
        image: cli_option/* option */.uK.string('The local image to push: name[:tag] or image ID (this or --from is required).', {
            expected: 'expected a local image name or ID',
        }),
        from: cli_option/* option */.uK.string('An image already in one registry, host/repository[:tag]@sha256:…: copied by digest (index, attestations, signatures, referrers) to the registries the timeline names; no Docker engine needed.', { pattern: /@sha256:[a-f0-9]{64}$/, expected: 'expected host/repository@sha256:<64 hex>' }),
        repository: cli_option/* option */.uK.string("Repository path in the old registry (default: the image's own path); the manifest's paths give the new registry's path."),
        tag: cli_option/* option */.uK.list("Tags to push (default: the image's tag, else latest)."),
        deadline: cli_option/* option */.uK.duration('Stop after this long (e.g. 10m): registry requests in flight are aborted, what is left fails as timed out (an engine push already started ends its attempt).'),
        mode: cli_option/* option */.uK.choice(execute/* PUSH_MODES */.qf, 'push: push from the engine to each registry; copy: push once, then copy registry to registry by digest; upload: export from the engine, compress once, upload to every registry at once.', { default: execute/* DEFAULT_MODE */.Cm }),
    },
    outputs: [
        { name: 'digest', description: 'The manifest digest, identical in every registry pushed to.' },
        { name: 'pushed', description: 'Every reference pushed, host/repository:tag, one per line.' },
        { name: 'skipped', description: 'Registries left out today and why, "host: reason", one per line.' },
    ],
    async run({ options, manifest: load, today, reporter, env, secrets }) {
        // parse
        const manifest = await load();
        const deadline = (0,shared_deadline/* startDeadline */.d)(options.deadline);
        if (options.from !== undefined) {
            if (options.image !== undefined)
                throw new errors/* UsageError */.eb('give --image or --from, not both');
            const progress = (line) => reporter.info(line);
            const request = {
                from: options.from,
                tags: options.tag,
                ...(options.repository !== undefined && { repository: options.repository }),
            };
            // do: copy registry to registry by digest, then check for one digest everywhere
            const { from, plan, result } = await deliverFrom(manifest, today, request, {
                env,
                secrets,
                progress,
                signal: deadline.signal,
            });
            deadline.clear();
            return presentPush(fromReport(manifest, today, from, plan, result), reporter);
        }
        if (options.image === undefined)
            throw new errors/* UsageError */.eb('--image: expected a local image name or ID (or --from REF@DIGEST for an image already in a registry)');
        const plan = (0,push_plan/* planPush */.M)(manifest, today, {
            image: options.image,
            ...(options.repository !== undefined && { repository: options.repository }),
            tags: options.tag,
        });
        // The engine client (dockerode) and the engine paths load only here: `--from` never needs them.
        const { DockerEngine } = await Promise.all(/* import() */[__webpack_require__.e(40), __webpack_require__.e(145)]).then(__webpack_require__.bind(__webpack_require__, 86145));
        const { deliver, judgeProvenance } = await Promise.all(/* import() */[__webpack_require__.e(40), __webpack_require__.e(369)]).then(__webpack_require__.bind(__webpack_require__, 30369));
        const engine = new DockerEngine(env);
        await engine.ping();
        const image = await engine.inspectImage(options.image);
        if (!image)
            throw new errors/* UsageError */.eb(`--image: the Docker engine has no image "${options.image}" (build or pull it first)`);
        // do: refuse an image built from the retired registry, else push and check for one digest
        const provenance = judgeProvenance(image, manifest, today);
        presentProvenance(provenance, reporter);
        const delivery = provenance.blocked
            ? { outcomes: [] }
            : await deliver({
                plan,
                image,
                imageName: options.image,
                engine,
                mode: options.mode,
                env,
                secrets,
                progress: reporter,
                signal: deadline.signal,
            });
        deadline.clear();
        // present
        return presentPush({
            ...delivery,
            manifest,
            today,
            plan,
            image: options.image,
            imageId: image.id,
            mode: options.mode,
            provenance,
        }, reporter);
    },
});


/***/ }),

/***/ 87620:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cm: () => (/* binding */ DEFAULT_MODE),
/* harmony export */   GH: () => (/* binding */ pushImage),
/* harmony export */   nF: () => (/* binding */ verifyDigests),
/* harmony export */   qf: () => (/* binding */ PUSH_MODES)
/* harmony export */ });
/* unused harmony exports PUSH_RETRY_POLICY, isTransient, isRefusal */
/* harmony import */ var _shared_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17916);

const PUSH_MODES = ['push', 'copy', 'upload'];
/**
 * The mode used when `--mode` is not given: the fastest in bench/push.ts (figures in
 * docs/readme/push.md). `upload` compresses once and sends the same bytes everywhere; `push` is
 * slowest because the engine compresses every layer again for each registry.
 */
const DEFAULT_MODE = 'upload';
/**
 * Retries of a whole push to one registry (the engine gives up on a dropped connection at once):
 * two more attempts, waiting about one second and then two.
 */
const PUSH_RETRY_POLICY = { retries: 2, baseMs: 1000, maxDelayMs: 30_000 };
const TRANSIENT = /connection refused|connection reset|broken pipe|unexpected EOF|\bEOF\b|i\/o timeout|timeout|timed out|TLS handshake|server misbehaving|too many requests|\b429\b|\b50[0234]\b|service unavailable|bad gateway|gateway timeout|internal server error|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|socket hang up/i;
const REFUSED = /\b405\b|method not allowed|UNSUPPORTED|read-?only|maintenance/i;
/** True when an engine or registry error is worth another attempt (dropped connections, 429, 5xx). */
function isTransient(message) {
    return (!isRefusal(message) && TRANSIENT.test(message) && !/unauthori[sz]ed|denied|no such image/i.test(message));
}
/** True when a registry refused to be written to (read-only or maintenance mode answers 405). */
function isRefusal(message) {
    return REFUSED.test(message);
}
/** Registries end their error texts with newlines; a report line wants one line. */
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** Runs `work`, retrying transient failures with the shared {@link retry}; reports how many attempts it took. */
async function withAttempts(work, policy, onRetry) {
    let attempts = 0;
    try {
        const value = await (0,_shared_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .retry */ .L5)(() => {
            attempts++;
            return work();
        }, {
            policy,
            classify: (error) => {
                const message = error.message;
                // The registry client marks its own errors (dropped connections, 408, 429, 5xx) as retryable.
                const retryable = !isRefusal(message) &&
                    (isTransient(message) || error.retryable === true);
                return { retryable, reason: message };
            },
            onRetry: (event) => onRetry(event.attempt, event.reason, event.delayMs),
        });
        return { value, attempts };
    }
    catch (error) {
        throw Object.assign(error, { attempts });
    }
}
/**
 * Gives the engine the names it pushes (`host/repository:tag`), then takes back the ones it did
 * not have before, so the developer's engine ends as it started.
 */
async function withLocalNames(engine, imageId, names, work) {
    const created = [];
    try {
        for (const name of names) {
            const [repository, tag] = splitName(name);
            if ((await engine.imageIdOf(name)) === imageId)
                continue;
            await engine.tag(imageId, repository, tag);
            created.push(name);
        }
        return await work();
    }
    finally {
        for (const name of created)
            await engine.untag(name).catch(() => undefined);
    }
}
function splitName(name) {
    const colon = name.lastIndexOf(':');
    return [name.slice(0, colon), name.slice(colon + 1)];
}
/** Pushes every tag to one registry from the engine, tags one after the other (later ones only add a manifest). */
function pushFromEngine(input, target) {
    return forEveryTag(input, target, 'pushed', async (tag) => {
        const pushed = await input.engine.push(target.name, tag, input.auth(target), (event) => input.onEvent(target, event));
        return pushed.digest;
    });
}
/**
 * Runs `step` for every tag, one after the other, each with retries. The outcome carries the last
 * digest and the most attempts any tag needed; the first tag that still fails fails the target.
 */
async function forEveryTag(input, target, action, step) {
    const started = Date.now();
    let attempts = 0;
    let digest;
    try {
        for (const tag of input.tags) {
            const result = await withAttempts(() => step(tag), input.retry ?? PUSH_RETRY_POLICY, (attempt, error, delayMs) => input.onRetry(target, attempt, error, delayMs));
            attempts = Math.max(attempts, result.attempts);
            digest = result.value;
        }
        return outcome(target, input.tags, action, started, attempts, digest);
    }
    catch (error) {
        return failedOutcome(target, started, attempts, error);
    }
}
async function uploadTo(input, target, upload) {
    const started = Date.now();
    try {
        const result = await withAttempts(() => upload(target), input.retry ?? PUSH_RETRY_POLICY, (attempt, error, delayMs) => input.onRetry(target, attempt, error, delayMs));
        return outcome(target, input.tags, 'pushed', started, result.attempts, result.value);
    }
    catch (error) {
        return failedOutcome(target, started, 0, error);
    }
}
function copyTo(input, from, source, target) {
    return forEveryTag(input, target, 'copied', (tag) => input.copy(source, target, tag, from.digest));
}
/** The outcome of a target whose work failed after `attempts` tries (or as many as the error says). */
function failedOutcome(target, started, attempts, error) {
    const message = oneLine(error.message);
    return {
        ...outcome(target, [], 'failed', started, Math.max(attempts, error.attempts ?? 1)),
        error: message,
        ...(isRefusal(message) && { refused: true }),
    };
}
function outcome(target, tags, status, started, attempts, digest) {
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
async function pushImage(input) {
    if (input.mode === 'upload') {
        const upload = input.upload;
        // A caller bug, not a user's mistake: reported as an internal error with its stack.
        if (!upload)
            throw new TypeError('upload mode needs an upload step');
        return Promise.all(input.targets.map((target) => uploadTo(input, target, upload)));
    }
    const names = input.targets.flatMap((target) => input.tags.map((tag) => `${target.name}:${tag}`));
    return withLocalNames(input.engine, input.imageId, names, async () => {
        if (input.mode === 'push' || input.targets.length === 1) {
            return Promise.all(input.targets.map((target) => pushFromEngine(input, target)));
        }
        const primary = input.targets.find((target) => target.role === 'new') ?? input.targets[0];
        const others = input.targets.filter((target) => target !== primary);
        const first = await pushFromEngine(input, primary);
        const rest = await Promise.all(others.map((target) => first.status !== 'failed' && first.digest
            ? copyTo(input, first, primary, target)
            : // Nothing to copy from: the other registries still get their own push.
                pushFromEngine(input, target)));
        // Report in the timeline's order (old before new).
        const byRole = new Map([first, ...rest].map((result) => [result.role, result]));
        return input.targets.map((target) => byRole.get(target.role));
    });
}
/**
 * HEADs the manifest of every tag in every registry that reported success and requires a single
 * digest everywhere (and equal to the one the push reported). A tag in `stored` (by
 * `host/repository:tag`) is not read again: the registry's answer to its PUT named the digest it
 * stored under it.
 */
async function verifyDigests(outcomes, tags, readerFor, stored = new Map()) {
    const done = outcomes.filter((result) => result.status !== 'failed');
    const seen = await Promise.all(done.flatMap((result) => tags.map(async (tag) => {
        const reference = `${result.host}/${result.repository}:${tag}`;
        const digest = stored.get(reference) ??
            (await readerFor(result.role).headManifest(result.repository, tag))?.digest;
        return { host: result.host, reference, digest };
    })));
    const reported = done.map((result) => ({
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
        ...(first && other && { mismatch: [first, other] }),
    };
}


/***/ }),

/***/ 51477:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   mW: () => (/* binding */ fitSummary),
/* harmony export */   o0: () => (/* binding */ writeSummaryFile),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   z3: () => (/* binding */ formatBytes),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* unused harmony exports cell, SUMMARY_LIMIT_BYTES, SUMMARY_CUT_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8835);



/** Escapes text for a Markdown table cell. */
function cell(text) {
    return String(text ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
/**
 * Data (a file name, a server's message) as inline Markdown text that renders as itself: no link,
 * image, emphasis, HTML tag, entity or @-mention can be made from it. Markdown punctuation is
 * backslash-escaped, an `@` before a name gets a zero-width space (GitHub mentions a user or team
 * from the rendered text, where a backslash is already gone), and line breaks become spaces.
 * Pipes are left to {@link cell} in tables.
 */
function escapeMarkdown(text) {
    return String(text ?? '')
        .replace(/\r\n|\r|\n/g, ' ')
        .replace(/[\\`*_{}[\]()<>#!~&]/g, '\\$&')
        .replace(/@(?=[A-Za-z0-9])/g, '@\u200b');
}
/** Data as an inline code span: the fence is longer than any run of backticks inside (CommonMark). */
function code(text) {
    const value = String(text ?? '').replace(/\r\n|\r|\n/g, ' ');
    const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${value}${pad}${fence}`;
}
/** Data inside HTML (`<code>…</code>`, `<summary>`): the five characters HTML gives meaning to. */
function escapeHtml(text) {
    return String(text ?? '').replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]);
}
/** A fenced code block whose fence no line of `body` can close (longer than any backtick run in it). */
function fence(body, info = '') {
    const longest = Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((run) => run.length));
    const marks = '`'.repeat(longest + 1);
    return `${marks}${info}\n${body}\n${marks}`;
}
/** A GitHub-flavoured Markdown table. */
function table(headers, rows) {
    const head = `| ${headers.map(cell).join(' | ')} |`;
    const rule = `| ${headers.map(() => '---').join(' | ')} |`;
    return [head, rule, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}
/** A human byte count: 1.5 MB. */
function formatBytes(bytes) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
/** `1 repository`, `2 repositories`: a count with its noun in the right number. */
function plural(count, one, many = `${one}s`) {
    return `${groupThousands(count)} ${count === 1 ? one : many}`;
}
/**
 * `12,345`: what toLocaleString('en-US') writes for an integer, without starting ICU's number
 * formatting (its first call alone cost `plan` 5 % of its CPU at 2,000 repositories).
 */
function groupThousands(count) {
    if (!Number.isInteger(count))
        return count.toLocaleString('en-US');
    return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}
/** A collapsible section: GitHub shows `summary` and hides `body` until it is opened. */
function details(summary, body, open = false) {
    return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
/** GitHub refuses a job summary larger than 1 MiB per step. */
const SUMMARY_LIMIT_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
/** Past this, long tables are cut so the summary stays well under {@link SUMMARY_LIMIT_BYTES}. */
const SUMMARY_CUT_BYTES = 900 * 1000;
/**
 * Joins the parts of a summary; when they come to more than `budget` bytes, the cuttable parts are
 * replaced by their `cut` text, last parts first, until the whole fits (or nothing is left to cut).
 */
function fitSummary(parts, budget = SUMMARY_CUT_BYTES) {
    const texts = parts.map((part) => part.text);
    let size = texts.reduce((sum, text) => sum + Buffer.byteLength(text) + 1, 0);
    for (let index = parts.length - 1; index >= 0 && size > budget; index--) {
        const cut = parts[index].cut;
        if (cut === undefined)
            continue;
        size += Buffer.byteLength(cut) - Buffer.byteLength(texts[index]);
        texts[index] = cut;
    }
    return texts.join('\n');
}
/** Writes a summary's Markdown to a file the user named (`--summary FILE`), relative to `cwd`. */
function writeSummaryFile(cwd, file, markdown) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(cwd, file), markdown.endsWith('\n') ? markdown : `${markdown}\n`);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`--summary ${file}: cannot write it (${error.code})`);
    }
}


/***/ })

};
;
//# sourceMappingURL=879.index.cjs.js.map
