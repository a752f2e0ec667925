"use strict";
exports.id = 228;
exports.ids = [228];
exports.modules = {

/***/ 6228:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  copyTags: () => (/* binding */ copyTags)
});

// EXTERNAL MODULE: ./lib/src/oci/client.js + 17 modules
var client = __webpack_require__(11024);
// EXTERNAL MODULE: ./lib/src/copy/refs-file.js
var refs_file = __webpack_require__(77381);
// EXTERNAL MODULE: ./lib/src/copy/select.js + 1 modules
var copy_select = __webpack_require__(863);
// EXTERNAL MODULE: ./lib/src/oci/reference.js
var oci_reference = __webpack_require__(92041);
// EXTERNAL MODULE: ./lib/src/shared/limiter.js
var limiter = __webpack_require__(17870);
// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
// EXTERNAL MODULE: ./lib/src/shared/progress.js
var shared_progress = __webpack_require__(34767);
// EXTERNAL MODULE: ./lib/src/copy/copy.js + 2 modules
var copy = __webpack_require__(68334);
;// CONCATENATED MODULE: ./lib/src/copy/copy-tags.js





/** Copies every selected image to the target registry (more images in flight than requests per host). */
async function copySelection(request) {
    const { selection, source, target, dryRun } = request;
    const session = request.session ?? new copy/* CopySession */.W();
    const outcomes = [];
    const progress = new shared_progress/* ProgressLine */.g(request.progress, (seconds) => progressText(outcomes, selection.images.length, session, seconds, dryRun), request.progressIntervalMs);
    const ticker = setInterval(() => progress.tick(), 1000);
    try {
        // More images in flight than requests per host: each image waits on the source and then the
        // target, so this keeps both hosts' request slots busy; the per-host limit still bounds the load.
        const targetTags = new TargetTagLists(target, selection.images);
        await (0,limiter/* forEachLimited */.vP)(selection.images, request.concurrency * 4, async (image) => {
            const listed = await targetTags.of(image.targetRepository);
            outcomes.push(await copyOne(image, {
                source,
                target,
                session,
                dryRun,
                overwrite: request.overwrite,
                ...(listed && { targetTags: listed }),
            }));
            progress.tick();
        });
    }
    finally {
        clearInterval(ticker);
    }
    progress.done();
    return { dryRun, oldHost: request.oldHost, newHost: request.newHost, selection, outcomes, session };
}
/** How long a target repository's tag list stands in for per-tag HEADs after it was read. */
const TARGET_TAGS_FRESH_MS = 60_000;
/**
 * The target repositories' tag lists, read once per repository when its first selected tag is
 * copied (a fresh target answers with none), so a tag the target lacks costs no HEAD: one request
 * per repository (per page of 1000 tags) instead of one per tag. Only for repositories with two
 * or more selected tags (for one, a HEAD is as cheap), and only for {@link TARGET_TAGS_FRESH_MS}
 * after the list was read: later tags are HEADed as before, so a tag someone else writes to the
 * target meanwhile is seen as late as a HEAD would see it, give or take that minute. A tag the
 * list names is HEADed and compared as always; a list that cannot be read means HEADs.
 */
class TargetTagLists {
    target;
    wanted = new Set();
    lists = new Map();
    constructor(target, images) {
        this.target = target;
        const tagsPerRepository = new Map();
        for (const image of images)
            if (!(0,oci_reference/* isValidDigest */.fH)(image.reference))
                tagsPerRepository.set(image.targetRepository, (tagsPerRepository.get(image.targetRepository) ?? 0) + 1);
        for (const [repository, count] of tagsPerRepository)
            if (count >= 2)
                this.wanted.add(repository);
    }
    /** The repository's tags as listed, or undefined: HEAD each tag. */
    async of(repository) {
        if (!this.wanted.has(repository))
            return undefined;
        let list = this.lists.get(repository);
        if (!list) {
            list = this.target.listTags(repository).then((tags) => ({ tags: new Set(tags), readAt: Date.now() }), () => undefined);
            this.lists.set(repository, list);
        }
        const listed = await list;
        return listed && Date.now() - listed.readAt <= TARGET_TAGS_FRESH_MS ? listed.tags : undefined;
    }
}
/** The outcomes of one action. */
function outcomesOf(report, action) {
    return report.outcomes.filter((outcome) => outcome.action === action);
}
/** Copies one selected reference; every failure becomes an outcome, so one tag never stops the others. */
async function copyOne(image, context) {
    const { source, target } = context;
    const byDigest = (0,oci_reference/* isValidDigest */.fH)(image.reference);
    const name = (host, repository) => `${host}/${(0,oci_reference/* formatRepositoryReference */.$)({ repository, ...(byDigest ? { digest: image.reference } : { tag: image.reference }) })}`;
    const base = {
        source: name(source.host, image.sourceRepository),
        target: name(target.host, image.targetRepository),
    };
    try {
        const result = await (0,copy/* copyImage */.L1)({
            source,
            sourceRepository: image.sourceRepository,
            reference: image.reference,
            target,
            targetRepository: image.targetRepository,
        }, {
            session: context.session,
            dryRun: context.dryRun,
            overwrite: context.overwrite,
            ...(context.targetTags && { targetTags: context.targetTags }),
        });
        return {
            ...base,
            digest: result.digest,
            action: result.action === 'copied' && context.dryRun ? 'would copy' : result.action,
            size: result.size,
            bytesUploaded: result.bytesUploaded,
            ...(result.existingDigest !== undefined && { existingDigest: result.existingDigest }),
        };
    }
    catch (error) {
        return {
            ...base,
            digest: byDigest ? image.reference : '',
            action: 'failed',
            size: 0,
            bytesUploaded: 0,
            error: error.message,
        };
    }
}
function progressText(outcomes, total, session, seconds, dryRun) {
    const count = (action) => outcomes.filter((outcome) => outcome.action === action).length;
    const bytes = dryRun ? session.bytesUploaded : session.bytesStreamed;
    return (`copy-tags: ${outcomes.length}/${total} tags (${dryRun ? 'would copy' : 'copied'} ${count(dryRun ? 'would copy' : 'copied')}, skipped ${count('skipped')}, conflicts ${count('conflict')}, failed ${count('failed')}), ` +
        `${(0,markdown/* formatBytes */.z3)(bytes)} ${dryRun ? 'to upload' : `uploaded, ${(0,shared_progress/* formatRate */.C)(bytes, seconds)}`}, ${seconds.toFixed(0)} s`);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/shared/retry.js
var retry = __webpack_require__(17916);
// EXTERNAL MODULE: ./lib/src/oci/media.js
var media = __webpack_require__(21732);
;// CONCATENATED MODULE: ./lib/src/copy/shards.js
/**
 * copy-tags across a GitHub Actions matrix: the selection is split by old repository with a stable
 * hash, so every job (and every re-run) agrees on which shard owns a repository without talking to
 * the others; an image's signatures and referrers live in its repository, so they stay together.
 */






/** The most shards a matrix may have (GitHub allows 256 jobs per matrix). */
const MAX_SHARDS = 256;
/**
 * Reads `I/N`.
 * @throws UsageError for anything else
 */
function parseShard(text) {
    const match = /^(\d+)\/(\d+)$/.exec(text.trim());
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (!match || count < 1 || count > MAX_SHARDS || index < 1 || index > count)
        throw new errors/* UsageError */.eb(`--shard: expected I/N with 1 ≤ I ≤ N ≤ ${MAX_SHARDS}, found "${text}"`);
    return { index, count };
}
/** The shard (1-based) that owns a repository: the first 32 bits of its SHA-256, modulo the count. */
function shardOf(repository, count) {
    return ((0,external_node_crypto_.createHash)('sha256').update(repository).digest().readUInt32BE(0) % count) + 1;
}
/** Splits selected references (by old repository) into `count` shards; empty shards are kept (a matrix entry that does nothing). */
function planShards(images, count) {
    const shards = Array.from({ length: count }, (_, index) => ({
        shard: `${index + 1}/${count}`,
        repositories: [],
        tags: 0,
    }));
    for (const image of images) {
        const shard = shards[shardOf(image.sourceRepository, count) - 1];
        shard.tags++;
        if (!shard.repositories.includes(image.sourceRepository))
            shard.repositories.push(image.sourceRepository);
    }
    for (const shard of shards)
        shard.repositories.sort();
    return shards;
}
/** The `matrix` output: `{"shard":["1/N",…]}`, for `strategy.matrix: ${{ fromJSON(…) }}`. */
function matrixOf(shards) {
    return JSON.stringify({ shard: shards.map((shard) => shard.shard) });
}
/** How long a shard waits for another shard to finish a shared blob before uploading it itself. */
const HOME_WAIT_MS = 10_000;
const HOME_POLL_MS = 200;
/**
 * A copy session that also knows where the other shards put the blobs they share with this one
 * (each blob's home repository). Before this shard uploads a blob whose home belongs to another
 * shard, it waits (up to {@link HOME_WAIT_MS}, HEAD every 200 ms) for that shard to finish it,
 * then the copy engine mounts it from there instead of uploading it again. A wait that runs out
 * means the shards do not run side by side (a matrix with max-parallel, a failed shard): from then
 * on this shard stops waiting and uploads what it needs.
 */
class ShardSession extends copy/* CopySession */.W {
    /** target host + digest → the repository of another shard whose images use the blob. */
    hints = new Map();
    waiting;
    constructor(options = {}) {
        super();
        this.target = options.target;
        this.own = options.own ?? new Set();
        this.waiting = options.target !== undefined;
    }
    target;
    own;
    /** Notes that `repository` is the home of `digest` (the first note wins). */
    hint(host, repository, digest) {
        const key = `${host} ${digest}`;
        if (!this.hints.has(key))
            this.hints.set(key, repository);
    }
    /** Hints held by this session. */
    get hinted() {
        return this.hints.size;
    }
    mountSource(host, repository, digest) {
        const known = super.mountSource(host, repository, digest);
        if (known !== undefined)
            return known;
        const home = this.hints.get(`${host} ${digest}`);
        return home !== repository ? home : undefined;
    }
    exclusive(host, digest, work) {
        return super.exclusive(host, digest, async () => {
            await this.awaitHome(host, digest);
            return work();
        });
    }
    /** Waits until another shard has put `digest` in its home repository (bounded; see the class). */
    async awaitHome(host, digest) {
        const home = this.hints.get(`${host} ${digest}`);
        const target = this.target;
        if (!this.waiting || !target || home === undefined || this.own.has(home))
            return;
        if (this.hasBlob(host, home, digest))
            return;
        const deadline = Date.now() + HOME_WAIT_MS;
        while (this.waiting) {
            if ((await target.headBlob(home, digest).catch(() => undefined)) !== undefined) {
                this.noteBlob(host, home, digest);
                return;
            }
            if (Date.now() >= deadline) {
                this.waiting = false;
                return;
            }
            await (0,retry/* sleep */.yy)(HOME_POLL_MS);
        }
    }
}
/**
 * Reads the manifests (never the blobs) of every selected image in the old registry — this shard's
 * and the others' — and hints the session with each blob's home: the first target repository (in
 * sorted order) whose images use it. Every shard computes the same homes, so they all mount a
 * shared blob from the one place its first upload lands.
 */
async function hintSharedBlobs(images, source, session, target) {
    const sorted = [...images].sort((a, b) => (a.targetRepository < b.targetRepository ? -1 : 1));
    // Each manifest is read once however many indexes (and images) name it; an image whose indexes
    // nest deeper than the copy allows, or that has more manifests than its budget, gets no hints.
    const reads = new Map();
    const read = (repository, reference, depth, budget) => {
        const key = `${repository}@${reference}`;
        const known = reads.get(key);
        if (known)
            return known;
        if (depth > copy/* MAX_INDEX_DEPTH */.yM || --budget.left < 0)
            return Promise.reject(new Error(`${key}: too deep or too many manifests to hint`));
        const reading = (async () => {
            const manifest = await source.getManifest(repository, reference);
            const parsed = (0,media/* parseImageManifest */.Sw)(manifest.bytes, manifest.mediaType);
            if (!parsed.isIndex)
                return new Set(parsed.blobs.filter((blob) => !(0,media/* isForeignBlob */.Go)(blob)).map((blob) => blob.digest));
            const children = await Promise.all(parsed.manifests.map((child) => read(repository, child.digest, depth + 1, budget)));
            return new Set(children.flatMap((blobs) => [...blobs]));
        })();
        reads.set(key, reading);
        return reading;
    };
    // A manifest that cannot be read only costs its hints: the shard then uploads those blobs itself.
    const blobs = await (0,limiter/* mapLimited */.bB)(sorted, target.concurrency, (image) => read(image.sourceRepository, image.reference, 0, { left: copy/* MAX_MANIFESTS_PER_IMAGE */.oQ }).catch(() => new Set()));
    sorted.forEach((image, index) => {
        for (const digest of blobs[index])
            session.hint(target.host, image.targetRepository, digest);
    });
}
/**
 * The copy session of a run: for a shard, a {@link ShardSession} that knows every shared blob's
 * home (and, when the shard writes, waits for the other shards' shared blobs); for a whole run, one
 * with no hints, which behaves as a plain copy session.
 */
async function shardSession(input) {
    const { shard, selection, target } = input;
    const session = new ShardSession({
        ...(shard &&
            input.waits && { target, own: new Set(selection.images.map((image) => image.targetRepository)) }),
    });
    if (shard && input.others) {
        const others = await input.others();
        await hintSharedBlobs([...selection.images, ...others.images], input.source, session, {
            host: target.host,
            concurrency: input.concurrency,
        });
    }
    return session;
}

;// CONCATENATED MODULE: ./lib/src/copy/present.js




/** Logs what the selection found (before the copy starts, so a long run says early what it will do). */
function presentSelection(selection, context) {
    const { manifest, reporter } = context;
    for (const warning of selection.warnings)
        reporter.warning(warning);
    reportMissing(selection.missing, manifest, reporter);
    reporter.info(`${context.dryRun ? 'dry run: ' : ''}${selection.images.length} tags selected in ${selection.repositories.length} repositories of ${manifest.registries.old.host}; copying to ${manifest.registries.new.host}`);
    // A dry run says why each tag was chosen (a rule, a pin, a pull, a workload).
    if (!context.dryRun)
        return;
    for (const image of selection.images.slice(0, DRY_RUN_REASONS))
        reporter.info(`  ${selectedName(image)}: ${image.reasons.join('; ')}`);
    if (selection.images.length > DRY_RUN_REASONS)
        reporter.info(`  … and ${selection.images.length - DRY_RUN_REASONS} more (see --json)`);
}
/** Selected tags listed with their reasons in a dry run's log; the JSON has them all. */
const DRY_RUN_REASONS = 500;
function selectedName(image) {
    return (0,oci_reference/* formatRepositoryReference */.$)({
        repository: image.sourceRepository,
        ...((0,oci_reference/* isValidDigest */.fH)(image.reference) ? { digest: image.reference } : { tag: image.reference }),
    });
}
/** Turns the report into log lines, the summary, `--json` and outputs. */
function presentCopyTags(report, reporter, run) {
    const { dryRun, session, selection } = report;
    const copied = outcomesOf(report, dryRun ? 'would copy' : 'copied');
    const skipped = outcomesOf(report, 'skipped');
    const conflicts = outcomesOf(report, 'conflict');
    const failed = outcomesOf(report, 'failed');
    for (const conflict of conflicts)
        reporter.error(`conflict: ${conflict.target} is ${conflict.existingDigest}, the old registry has ${conflict.digest}; not overwritten (use --overwrite to replace it)`);
    for (const failure of failed)
        reporter.error(`failed: ${failure.source} → ${failure.target}: ${failure.error}`);
    reporter.info(`${dryRun ? 'would copy' : 'copied'} ${copied.length}, skipped ${skipped.length}, conflicts ${conflicts.length}, failed ${failed.length}; ` +
        `${(0,markdown/* formatBytes */.z3)(session.bytesUploaded)} ${dryRun ? 'to upload' : 'uploaded'}, ${session.blobsMounted} blobs ${dryRun ? 'to mount' : 'mounted'}, ${session.blobsSkipped} already present`);
    reporter.summary(summaryMarkdown(report));
    const entry = (outcome) => ({
        source: outcome.source,
        target: outcome.target,
        digest: outcome.digest,
    });
    const problems = conflicts.length + failed.length;
    // Nothing to copy because the old registry would not say what it holds is not a success.
    const refusedEmpty = selection.images.length === 0 && selection.catalogRefused !== undefined && !run.allowEmpty;
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
function reportMissing(missing, manifest, reporter) {
    for (const item of missing) {
        const reference = (0,oci_reference/* formatRepositoryReference */.$)({
            repository: item.repository,
            ...((0,oci_reference/* isValidDigest */.fH)(item.reference) ? { digest: item.reference } : { tag: item.reference }),
        });
        const message = `${reference} is referenced (${item.referencedBy.join(', ')}) but ${manifest.registries.old.host} does not have it`;
        const repo = manifest.repos.find((r) => item.referencedBy.includes(r.name));
        const index = repo?.consumes.findIndex((c) => c.repository === item.repository && (c.tag === item.reference || c.digest === item.reference));
        if (repo && index !== undefined && index >= 0) {
            const position = manifest.locator.valueAt(['repos', repo.name, 'consumes', index]);
            reporter.annotate({ severity: 'warning', message, file: manifest.source, ...position });
        }
        else
            reporter.warning(message);
    }
}
function summaryMarkdown(report) {
    const { outcomes, dryRun, session } = report;
    const count = (action) => outcomesOf(report, action).length;
    const icon = {
        copied: '✅ copied',
        'would copy': '📋 would copy',
        skipped: '⏭️ skipped (same digest)',
        conflict: '⚠️ conflict (not overwritten)',
        failed: '❌ failed',
    };
    const order = ['failed', 'conflict', 'copied', 'would copy', 'skipped'];
    const rows = [...outcomes]
        .sort((a, b) => order.indexOf(a.action) - order.indexOf(b.action) || (a.source < b.source ? -1 : 1))
        .map((outcome) => [
        `\`${outcome.source}\``,
        `\`${outcome.target}\``,
        outcome.digest ? `\`${outcome.digest.slice(0, 19)}…\`` : '—',
        outcome.size > 0 ? (0,markdown/* formatBytes */.z3)(outcome.size) : '—',
        `${icon[outcome.action]}${outcome.existingDigest ? ` — target has \`${outcome.existingDigest.slice(0, 19)}…\`` : ''}${outcome.error ? ` — ${outcome.error}` : ''}`,
    ]);
    return [
        `### cutover copy-tags${dryRun ? ' (dry run)' : ''}: \`${report.oldHost}\` → \`${report.newHost}\``,
        '',
        (0,markdown/* table */.tp)([
            dryRun ? 'Would copy' : 'Copied',
            'Skipped',
            'Conflicts',
            'Failed',
            dryRun ? 'To upload' : 'Uploaded',
            'Blobs mounted',
            'Blobs present',
        ], [
            [
                count(dryRun ? 'would copy' : 'copied'),
                count('skipped'),
                count('conflict'),
                count('failed'),
                (0,markdown/* formatBytes */.z3)(session.bytesUploaded),
                session.blobsMounted,
                session.blobsSkipped,
            ],
        ]),
        '',
        rows.length > 0
            ? (0,markdown/* table */.tp)(['Source', 'Target', 'Digest', 'Size', 'Action'], rows)
            : '_No tag selected by the copy rules._',
        '',
    ].join('\n');
}
/** `--plan-shards N`: the matrix and what each shard will copy. */
function presentShardPlan(shards, selection, reporter) {
    for (const shard of shards)
        reporter.info(`shard ${shard.shard}: ${shard.tags} tags in ${shard.repositories.length} repositories`);
    reporter.summary([
        `### cutover copy-tags: ${selection.images.length} tags in ${shards.length} shards`,
        '',
        (0,markdown/* table */.tp)(['Shard', 'Tags', 'Repositories'], shards.map((shard) => [shard.shard, shard.tags, shard.repositories.map((r) => `\`${r}\``).join(' ')])),
        '',
    ].join('\n'));
    return {
        exitCode: 0,
        outputs: { matrix: matrixOf(shards) },
        json: { selected: selection.images.length, shards, warnings: selection.warnings },
        stdout: `${matrixOf(shards)}\n`,
    };
}
/** `--verify-only`: one line per problem with what to do; fails when any reference differs or lacks a part. */
function presentCopiesVerification(report, context) {
    const { reporter } = context;
    for (const problem of report.problems)
        reporter.error(problem.message);
    const ok = report.problems.length === 0;
    const multi = report.checks.filter((check) => check.platforms.length > 0);
    const platforms = multi.reduce((sum, check) => sum + check.platforms.length, 0);
    const attestations = multi.reduce((sum, check) => sum + check.attestations, 0);
    const line = `verified ${report.checks.length - report.checks.filter((c) => !c.ok).length} of ${report.checks.length} tags in ${context.newHost} against ${context.oldHost}${multi.length > 0 ? ` (${multi.length} multi-platform images: ${platforms} platform images and ${attestations} attestation manifests)` : ''}`;
    reporter.info(line);
    reporter.summary([
        `### cutover copy-tags --verify-only: ${ok ? '✅' : '❌'} ${line}`,
        '',
        ...(ok
            ? []
            : [
                (0,markdown/* table */.tp)(['Problem', 'Reference'], report.problems.map((problem) => [problem.kind, `\`${problem.reference}\``])),
                '',
            ]),
    ].join('\n'));
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

// EXTERNAL MODULE: ./lib/src/verify/verify.js
var verify = __webpack_require__(8865);
;// CONCATENATED MODULE: ./lib/src/copy/verify-copies.js



/** Checks every selected reference: old and new resolve to one digest, index children all present. */
async function verifyCopies(selection, source, target, concurrency) {
    const clients = { old: source, new: target };
    const results = await (0,limiter/* mapLimited */.bB)(selection.images, concurrency, async (image) => {
        const name = (repository) => (0,oci_reference/* formatRepositoryReference */.$)({
            repository,
            ...((0,oci_reference/* isValidDigest */.fH)(image.reference) ? { digest: image.reference } : { tag: image.reference }),
        });
        const sides = [
            { role: 'old', host: source.host, repository: image.sourceRepository },
            { role: 'new', host: target.host, repository: image.targetRepository },
        ].map((side) => ({ ...side, tag: image.reference, reference: `${side.host}/${name(side.repository)}` }));
        const report = await (0,verify/* verifyReferences */.y)(sides, (role) => clients[role], {
            concurrency: 2,
            fix: () => 'run copy-tags again (the shard that owns this repository, or all of them)',
        });
        const [from, to] = report.checks;
        const check = {
            source: from.reference,
            target: to.reference,
            ...(from.digest !== undefined && { digest: from.digest }),
            platforms: from.platforms,
            attestations: from.attestations,
            ok: report.problems.length === 0,
        };
        return { check, problems: report.problems };
    });
    return {
        checks: results.map((result) => result.check),
        problems: results.flatMap((result) => result.problems),
    };
}

// EXTERNAL MODULE: ./lib/src/shared/deadline.js
var shared_deadline = __webpack_require__(1568);
// EXTERNAL MODULE: ./lib/src/pulls/aggregate.js + 18 modules
var aggregate = __webpack_require__(65033);
// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(61346);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(61714);
;// CONCATENATED MODULE: ./lib/src/copy/command.js












/** `cutover copy-tags`: copies the old tags the manifest's copy rules select to the new registry. */
const copyTags = (0,command/* defineCommand */.N)({
    name: 'copy-tags',
    summary: 'Copy the old tags still needed (copy: rules, pinned and referenced tags) to the new registry, byte-identical.',
    options: {
        'dry-run': cli_option/* option */.uK.boolean('List what would be copied and the bytes to transfer after deduplication; write nothing.'),
        concurrency: cli_option/* option */.uK.int({ min: 1, max: 64, default: 8 }, 'Requests in flight per registry host (1–64).'),
        refs: cli_option/* option */.uK.list('References files written by `guard --export-refs` (rules with referenced: true).'),
        only: cli_option/* option */.uK.string('Only old repositories matching this glob.'),
        overwrite: cli_option/* option */.uK.boolean('Replace target tags that point at a different digest (default: report a conflict).'),
        shard: cli_option/* option */.uK.string('Copy only shard I of N (I/N): the old repositories a stable hash gives it.', {
            pattern: /^\d+\/\d+$/,
            expected: 'expected I/N, e.g. 3/16',
        }),
        'plan-shards': cli_option/* option */.uK.int({ min: 1, max: MAX_SHARDS }, 'Split the selection into N shards by old repository and output the matrix; copy nothing.'),
        deadline: cli_option/* option */.uK.duration('Stop after this long (e.g. 45m): requests in flight are aborted, what is left fails as timed out.'),
        'allow-empty': cli_option/* option */.uK.boolean('Succeed when nothing is selected although the old registry refused to list its repositories.'),
        'verify-only': cli_option/* option */.uK.boolean('Copy nothing: check that every selected tag resolves to its old digest in the new registry, index children included.'),
        evidence: cli_option/* option */.uK.list('Pull evidence for the pulled: rules: the old registry’s logs or notifications, a hosted registry’s export, each cluster’s `kubectl get … -A -o json` list (plain or gzip; see docs/evidence-formats.md). Workloads’ images are always copied.'),
        days: cli_option/* option */.uK.int({ min: 1, max: 3650 }, 'How many days of --evidence to read, ending at --now or now (default: the longest pulled: rule, else 30).'),
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
            throw new errors/* UsageError */.eb(`copy[${manifest.copy.findIndex((rule) => rule.pulled)}] selects the tags pulled from the old registry (pulled:): give its logs or exports with --evidence (see docs/evidence-formats.md)`);
        const days = options.days ?? Math.max(30, ...pulledRules.map((rule) => rule.pulled.days));
        const refsFiles = await Promise.all(options.refs.map(async (file) => ({ file, refs: await (0,refs_file/* readRefsFile */.LB)(file) })));
        if (refsFiles.length > 0 && !manifest.copy.some((rule) => rule.referenced))
            reporter.warning('--refs was given, but no copy rule has "referenced: true": the references are not used');
        const dryRun = options['dry-run'];
        // Planning shards and verifying write nothing: the target client refuses writes then.
        const writes = !dryRun && !options['verify-only'] && options['plan-shards'] === undefined;
        const shard = options.shard === undefined ? undefined : parseShard(options.shard);
        const { old, new: next } = manifest.registries;
        const onRetry = (event) => reporter.info(`retry ${event.attempt} of ${event.method} ${event.path} in ${event.delayMs} ms (${event.reason})`);
        const deadline = (0,shared_deadline/* startDeadline */.d)(options.deadline);
        const clientOptions = {
            concurrency: options.concurrency,
            onRetry,
            secrets,
            signal: deadline.signal,
            onWarning: (message) => reporter.warning(message),
            onWaiting: (line) => reporter.info(line),
        };
        const source = await client/* RegistryClient */.bP.forRegistry(old, env, { ...clientOptions, readOnly: true });
        const target = await client/* RegistryClient */.bP.forRegistry(next, env, { ...clientOptions, readOnly: !writes });
        // do: read the evidence, select, then copy every selected tag
        const pulls = options.evidence.length > 0
            ? await (0,aggregate/* collectPullEvidence */.tH)({
                files: options.evidence,
                days,
                now: (0,aggregate/* windowEnd */.My)(options.now),
                registries: manifest.registries,
                cwd,
            })
            : undefined;
        const started = Date.now();
        const select = (repositoryFilter) => (0,copy_select/* selectImages */.$g)({
            manifest,
            source,
            refsFiles,
            ...(options.only !== undefined && { only: options.only }),
            concurrency: options.concurrency,
            ...(repositoryFilter && { repositoryFilter }),
            ...(pulls && { pulls }),
        });
        const inShard = (repository) => !shard || shardOf(repository, shard.count) === shard.index;
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
            reporter.info(`shard ${shard.index}/${shard.count}: ${selection.repositories.length} repositories (${selection.repositories.join(', ')}); ${session.hinted} blobs with a home repository to mount from once a shard has put them there`);
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
        reporter.debug(`copy took ${Date.now() - started} ms in all; requests: ${source.host} ${source.stats.requests} (${source.stats.retries} retries), ${target.host} ${target.stats.requests} (${target.stats.retries} retries)`);
        // present
        return presentCopyTags(report, reporter, {
            allowEmpty: options['allow-empty'],
            deadlinePassed: deadline.expired,
        });
    },
});


/***/ }),

/***/ 77381:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LB: () => (/* binding */ readRefsFile),
/* harmony export */   eA: () => (/* binding */ writeRefsFile),
/* harmony export */   hV: () => (/* binding */ buildRefsFile)
/* harmony export */ });
/* unused harmony exports REFS_FILE_VERSION, parseRefsFile */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8835);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92041);
/**
 * The references file: old-registry image references found in code, written by
 * `cutover guard --export-refs FILE` and read by `cutover copy-tags --refs FILE` (rules with
 * `referenced: true`). One module owns the format so both sides agree:
 *
 * ```json
 * { "version": 1, "registry": "registry.old.example.com",
 *   "references": [{ "repository": "team/api", "tag": "1.4.2" },
 *                  { "repository": "base/jdk", "digest": "sha256:…" }] }
 * ```
 * `repository` is the path inside the old registry (no host); `tag` and `digest` are optional (a
 * reference with neither means `latest`, as Docker reads it). An optional `prefixes` list holds the
 * repository path prefixes of references built from variables (`old/$PROJECT/app` gives `""`,
 * `old/team/api:$TAG` gives `team/api`) and of registry prefixes (`REGISTRY ?= old/staging`): any
 * tag of any repository under one may be used (`""` = all of them). copy-tags cannot pin a tag
 * there: it reports which repositories under each prefix its rules copy tags of (select.ts).
 */




const REFS_FILE_VERSION = 1;
/** Builds the document: references deduplicated and sorted, so the file diffs cleanly. */
function buildRefsFile(registry, references, prefixes = []) {
    const unique = new Map();
    for (const ref of references) {
        const clean = {
            repository: ref.repository,
            ...(ref.tag !== undefined && { tag: ref.tag }),
            ...(ref.digest !== undefined && { digest: ref.digest }),
        };
        unique.set(`${clean.repository}:${clean.tag ?? ''}@${clean.digest ?? ''}`, clean);
    }
    const sorted = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, ref]) => ref);
    const uniquePrefixes = [...new Set(prefixes)].sort();
    return {
        version: REFS_FILE_VERSION,
        registry: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeHost */ .cS)(registry),
        references: sorted,
        ...(uniquePrefixes.length > 0 && { prefixes: uniquePrefixes }),
    };
}
/** Writes the file (for `guard --export-refs`). */
async function writeRefsFile(file, registry, references, prefixes = []) {
    const document = buildRefsFile(registry, references, prefixes);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, `${JSON.stringify(document, null, 2)}\n`);
    }
    catch (error) {
        // A path that cannot be written is the user's to fix (bad input), not a bug with a stack.
        const code = error.code;
        const reason = code === 'ENOENT'
            ? `its folder ${node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(file)} does not exist`
            : code === 'EISDIR'
                ? 'it is a folder'
                : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
                    ? `not allowed to write there (${code})`
                    : String(code ?? error);
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL([{ file, message: `cannot write the references file: ${reason}` }]);
    }
    return document;
}
/**
 * Reads and validates a references file.
 * @throws ConfigError with the file, line and column (JSON syntax) or key path of every problem
 */
async function readRefsFile(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL([
            { file, message: `cannot read the references file: ${error.code ?? error}` },
        ]);
    }
    return parseRefsFile(text, file);
}
/** Validates the text of a references file; see readRefsFile. */
function parseRefsFile(text, file) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        const message = error.message;
        const position = Number(/position (\d+)/.exec(message)?.[1]);
        const where = Number.isFinite(position) ? lineAndColumn(text, position) : {};
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL([{ file, ...where, message: `expected JSON: ${message}` }]);
    }
    const problems = [];
    const problem = (path, message) => problems.push({ file, path, message });
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL([{ file, message: 'expected an object with version, registry and references' }]);
    }
    const document = data;
    for (const key of Object.keys(document)) {
        if (!['version', 'registry', 'references', 'prefixes'].includes(key))
            problem(key, 'unknown key (expected version, registry, references, prefixes)');
    }
    if (document['version'] !== REFS_FILE_VERSION)
        problem('version', `expected ${REFS_FILE_VERSION}, found ${JSON.stringify(document['version'])}`);
    const registry = document['registry'];
    if (typeof registry !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidHost */ .HO)(registry))
        problem('registry', `expected the old registry's host[:port], found ${JSON.stringify(registry)}`);
    const references = document['references'];
    const parsed = [];
    if (!Array.isArray(references)) {
        problem('references', `expected a list of references, found ${JSON.stringify(references)}`);
    }
    else {
        references.forEach((entry, index) => {
            const at = `references[${index}]`;
            if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
                problem(at, `expected an object with repository, tag and/or digest, found ${JSON.stringify(entry)}`);
                return;
            }
            const ref = entry;
            for (const key of Object.keys(ref)) {
                if (!['repository', 'tag', 'digest'].includes(key))
                    problem(`${at}.${key}`, 'unknown key (expected repository, tag, digest)');
            }
            const { repository, tag, digest } = ref;
            if (typeof repository !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidRepositoryPath */ .M0)(repository))
                problem(`${at}.repository`, `expected a repository path in the old registry (no host), found ${JSON.stringify(repository)}`);
            if (tag !== undefined && (typeof tag !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidTag */ .r_)(tag)))
                problem(`${at}.tag`, `expected a tag, found ${JSON.stringify(tag)}`);
            if (digest !== undefined && (typeof digest !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidDigest */ .fH)(digest)))
                problem(`${at}.digest`, `expected a digest such as sha256:<64 hex>, found ${JSON.stringify(digest)}`);
            parsed.push({
                repository: repository,
                ...(tag !== undefined && { tag: tag }),
                ...(digest !== undefined && { digest: digest }),
            });
        });
    }
    const prefixes = document['prefixes'];
    if (prefixes !== undefined &&
        (!Array.isArray(prefixes) ||
            !prefixes.every((prefix) => typeof prefix === 'string' && (prefix === '' || (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidRepositoryPath */ .M0)(prefix)))))
        problem('prefixes', `expected a list of repository path prefixes, found ${JSON.stringify(prefixes)}`);
    if (problems.length > 0)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(problems);
    return {
        version: REFS_FILE_VERSION,
        registry: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeHost */ .cS)(registry),
        references: parsed,
        ...(Array.isArray(prefixes) && prefixes.length > 0 && { prefixes: prefixes }),
    };
}
function lineAndColumn(text, position) {
    const before = text.slice(0, position).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}


/***/ }),

/***/ 34767:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ formatRate),
/* harmony export */   g: () => (/* binding */ ProgressLine)
/* harmony export */ });
/**
 * A progress line for CI logs: at most one line per interval, whatever the rate of updates,
 * plus a final line. Callers update counters; the line is rendered by `format`.
 */
class ProgressLine {
    print;
    format;
    intervalMs;
    lastPrinted = 0;
    lastLine;
    started = Date.now();
    constructor(print, format, intervalMs = 5000) {
        this.print = print;
        this.format = format;
        this.intervalMs = intervalMs;
    }
    /** Prints when the interval has passed since the last line. */
    tick() {
        const now = Date.now();
        if (now - this.lastPrinted < this.intervalMs)
            return;
        this.lastPrinted = now;
        this.show(this.format((now - this.started) / 1000));
    }
    /** Prints the final line, unless the last line printed said exactly the same (a run shorter than a tick). */
    done() {
        this.show(this.format((Date.now() - this.started) / 1000));
    }
    show(line) {
        if (line === this.lastLine)
            return;
        this.lastLine = line;
        this.print(line);
    }
    /** Seconds since the line was created. */
    elapsedSeconds() {
        return (Date.now() - this.started) / 1000;
    }
}
/** Bytes per second as a short human rate. */
function formatRate(bytes, seconds) {
    const rate = seconds > 0 ? bytes / seconds : 0;
    return rate >= 1e6 ? `${(rate / 1e6).toFixed(1)} MB/s` : `${(rate / 1e3).toFixed(0)} kB/s`;
}


/***/ }),

/***/ 8865:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ verifyReferences)
/* harmony export */ });
/* harmony import */ var _oci_media_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(21732);
/* harmony import */ var _shared_limiter_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17870);
/* harmony import */ var _oci_platforms_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77108);



/**
 * Resolves every reference in its registry and compares the digests with `expected` (or the first
 * found); for an index, HEADs each child by digest in every repository that has the index.
 */
async function verifyReferences(references, clientFor, options = {}) {
    const concurrency = options.concurrency ?? 8;
    const heads = await (0,_shared_limiter_js__WEBPACK_IMPORTED_MODULE_1__/* .mapLimited */ .bB)(references, concurrency, async (ref) => ({
        ref,
        head: await clientFor(ref.role).headManifest(ref.repository, ref.tag),
    }));
    const expected = options.expected ?? heads.find((entry) => entry.head)?.head?.digest;
    // Each repository's index is read once, whatever number of tags point at it.
    const parts = new Map();
    const partsIn = (ref, digest) => {
        const key = `${ref.host} ${ref.repository} ${digest}`;
        let found = parts.get(key);
        if (!found) {
            found = (async () => {
                const client = clientFor(ref.role);
                const manifest = await client.getManifest(ref.repository, digest);
                const image = (0,_oci_platforms_js__WEBPACK_IMPORTED_MODULE_2__/* .partsOf */ .CI)((0,_oci_media_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageManifest */ .Sw)(manifest.bytes, manifest.mediaType));
                const present = await (0,_shared_limiter_js__WEBPACK_IMPORTED_MODULE_1__/* .mapLimited */ .bB)(image.children, concurrency, async (child) => (await client.headManifest(ref.repository, child.digest))?.digest === child.digest);
                const missingChildren = image.children
                    .filter((_, index) => !present[index])
                    .map((child) => `${child.digest} (${(0,_oci_platforms_js__WEBPACK_IMPORTED_MODULE_2__/* .platformName */ .$r)(child)})`);
                return { platforms: image.platforms, attestations: image.attestations, missingChildren };
            })();
            parts.set(key, found);
        }
        return found;
    };
    const checks = await Promise.all(heads.map(async ({ ref, head }) => {
        if (!head)
            return { ...ref, platforms: [], attestations: 0, missingChildren: [] };
        return { ...ref, digest: head.digest, ...(await partsIn(ref, head.digest)) };
    }));
    const fix = options.fix?.(expected) ?? 'push the image again';
    const problems = [];
    for (const check of checks) {
        if (check.digest === undefined)
            problems.push({
                reference: check.reference,
                kind: 'missing',
                message: `${check.reference} does not exist${expected ? ` (expected ${expected})` : ''}: ${fix}`,
            });
        else if (check.digest !== expected)
            problems.push({
                reference: check.reference,
                kind: 'differs',
                message: `${check.reference} is ${check.digest}, expected ${expected}: the tag was re-pointed or pushed apart; ${fix}`,
            });
        for (const child of check.missingChildren)
            problems.push({
                reference: check.reference,
                kind: 'missing-child',
                message: `${check.reference}: the registry lacks the index's child ${child}: ${fix}`,
            });
    }
    return { ...(expected !== undefined && { expected }), checks, problems };
}


/***/ })

};
;
//# sourceMappingURL=228.index.cjs.js.map
