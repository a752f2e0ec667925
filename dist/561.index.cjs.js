"use strict";
exports.id = 561;
exports.ids = [561];
exports.modules = {

/***/ 4561:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  copyTags: () => (/* binding */ copyTags)
});

// EXTERNAL MODULE: ./lib/src/oci/client.js + 15 modules
var client = __webpack_require__(71543);
// EXTERNAL MODULE: ./lib/src/copy/refs-file.js
var refs_file = __webpack_require__(50248);
// EXTERNAL MODULE: ./lib/src/copy/select.js
var copy_select = __webpack_require__(5823);
// EXTERNAL MODULE: ./lib/src/oci/reference.js
var oci_reference = __webpack_require__(77126);
// EXTERNAL MODULE: ./lib/src/shared/limiter.js
var limiter = __webpack_require__(17903);
// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(21610);
// EXTERNAL MODULE: ./lib/src/shared/progress.js
var shared_progress = __webpack_require__(88456);
// EXTERNAL MODULE: ./lib/src/copy/copy.js
var copy = __webpack_require__(45726);
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
var errors = __webpack_require__(83460);
// EXTERNAL MODULE: ./lib/src/shared/retry.js
var retry = __webpack_require__(57717);
// EXTERNAL MODULE: ./lib/src/oci/media.js
var media = __webpack_require__(22939);
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
    const read = async (repository, reference, depth) => {
        const manifest = await source.getManifest(repository, reference);
        const parsed = (0,media/* parseManifest */.Ng)(manifest.bytes, manifest.mediaType);
        if (!parsed.isIndex || depth > 2)
            return parsed.blobs.filter((blob) => !(0,media/* isForeignBlob */.Go)(blob)).map((blob) => blob.digest);
        const children = await Promise.all(parsed.manifests.map((child) => read(repository, child.digest, depth + 1)));
        return children.flat();
    };
    // A manifest that cannot be read only costs its hints: the shard then uploads those blobs itself.
    const blobs = await (0,limiter/* mapLimited */.bB)(sorted, target.concurrency, (image) => read(image.sourceRepository, image.reference, 0).catch(() => []));
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
var verify = __webpack_require__(36954);
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

;// CONCATENATED MODULE: ./lib/src/shared/deadline.js

/**
 * The run's `--deadline`: when it passes, every request listening to the signal is aborted and later
 * ones fail at once with the abort reason, a `timeout` OperationalError. The timer never keeps the
 * process alive. Without a limit the signal never aborts.
 */
function startDeadline(ms, flag = '--deadline') {
    const controller = new AbortController();
    if (ms === undefined)
        return { signal: controller.signal, expired: false, clear: () => undefined };
    const shown = ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
    const timer = setTimeout(() => controller.abort(new errors/* OperationalError */.LE('timeout', `the ${flag} of ${shown} passed`)), ms);
    timer.unref();
    return {
        signal: controller.signal,
        get expired() {
            return controller.signal.aborted;
        },
        clear: () => clearTimeout(timer),
    };
}

// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(75873);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(24903);
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
    async run({ manifest: load, options, reporter, env, secrets }) {
        // parse
        const manifest = await load();
        const refsFiles = await Promise.all(options.refs.map(async (file) => ({ file, refs: await (0,refs_file/* readRefsFile */.LB)(file) })));
        if (refsFiles.length > 0 && !manifest.copy.some((rule) => rule.referenced))
            reporter.warning('--refs was given, but no copy rule has "referenced: true": the references are not used');
        const dryRun = options['dry-run'];
        // Planning shards and verifying write nothing: the target client refuses writes then.
        const writes = !dryRun && !options['verify-only'] && options['plan-shards'] === undefined;
        const shard = options.shard === undefined ? undefined : parseShard(options.shard);
        const { old, new: next } = manifest.registries;
        const onRetry = (event) => reporter.info(`retry ${event.attempt} of ${event.method} ${event.path} in ${event.delayMs} ms (${event.reason})`);
        const deadline = startDeadline(options.deadline);
        const clientOptions = {
            concurrency: options.concurrency,
            onRetry,
            secrets,
            signal: deadline.signal,
            onWarning: (message) => reporter.warning(message),
        };
        const source = await client/* RegistryClient */.bP.forRegistry(old, env, { ...clientOptions, readOnly: true });
        const target = await client/* RegistryClient */.bP.forRegistry(next, env, { ...clientOptions, readOnly: !writes });
        // do: select, then copy every selected tag
        const started = Date.now();
        const select = (repositoryFilter) => (0,copy_select/* selectImages */.$g)({
            manifest,
            source,
            refsFiles,
            ...(options.only !== undefined && { only: options.only }),
            concurrency: options.concurrency,
            ...(repositoryFilter && { repositoryFilter }),
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

/***/ 45726:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L1: () => (/* binding */ copyImage),
/* harmony export */   W: () => (/* binding */ CopySession)
/* harmony export */ });
/* unused harmony export MAX_INDEX_DEPTH */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96748);
/* harmony import */ var _oci_media_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22939);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77126);





/** Indexes nested deeper than this are refused (real images nest one or two levels). */
const MAX_INDEX_DEPTH = 8;
/**
 * Per-run state of the copy engine: which target repositories hold which blobs, uploads in
 * flight (so a blob is uploaded at most once per run and mounted everywhere else), and totals.
 */
class CopySession {
    bytesUploaded = 0;
    /** Bytes sent so far, counted as they stream (for progress lines). */
    bytesStreamed = 0;
    blobsUploaded = 0;
    blobsMounted = 0;
    blobsSkipped = 0;
    /** target host + digest → target repositories known to hold it. */
    holders = new Map();
    /** target host + digest → the first ensure of that blob, others wait for it. */
    pending = new Map();
    /** target host + repository + digest → manifests known present. */
    manifests = new Set();
    /** target host + digest → why the blob could not be copied: not tried again in this run. */
    failedBlobs = new Map();
    /** Records that a target repository holds a blob. */
    noteBlob(host, repository, digest) {
        const key = `${host} ${digest}`;
        const set = this.holders.get(key) ?? new Set();
        set.add(repository);
        this.holders.set(key, set);
    }
    /** True when the run already knows the repository holds the blob. */
    hasBlob(host, repository, digest) {
        return this.holders.get(`${host} ${digest}`)?.has(repository) ?? false;
    }
    /** Some other repository of the target that holds the blob, to mount from. */
    mountSource(host, repository, digest) {
        for (const holder of this.holders.get(`${host} ${digest}`) ?? [])
            if (holder !== repository)
                return holder;
        return undefined;
    }
    noteManifest(host, repository, digest) {
        this.manifests.add(`${host} ${repository} ${digest}`);
    }
    hasManifest(host, repository, digest) {
        return this.manifests.has(`${host} ${repository} ${digest}`);
    }
    /** Records that a blob could not be copied to a target host; later images needing it fail at once. */
    noteFailedBlob(host, digest, error) {
        this.failedBlobs.set(`${host} ${digest}`, error);
    }
    /** Why a blob already failed in this run, if it did. */
    failedBlob(host, digest) {
        return this.failedBlobs.get(`${host} ${digest}`);
    }
    /** Runs `work` as the single owner of a blob key; later callers wait for it, then do their own work. */
    async exclusive(host, digest, work) {
        const key = `${host} ${digest}`;
        for (;;) {
            const running = this.pending.get(key);
            if (!running)
                break;
            await running.catch(() => undefined);
        }
        const promise = work();
        this.pending.set(key, promise);
        try {
            return await promise;
        }
        finally {
            if (this.pending.get(key) === promise)
                this.pending.delete(key);
        }
    }
}
/**
 * Copies one tag or digest from the source to the target registry, keeping its digest: blobs
 * first (a mount from the target repository itself — present, or an upload session opened in the
 * same request —, a mount from another target repository, then a streamed upload — each unique
 * blob uploaded at most once per session), index children by digest, the tag last; then makes
 * sure that the target reference resolves to the source digest (the registry's answer to the PUT
 * names it, else a HEAD). A target tag that already points at the same digest costs a HEAD on
 * each side (`skipped`); one that points elsewhere is a `conflict` unless
 * `overwrite`. Nothing is ever written to the source.
 * @throws RegistryError when the source reference does not exist or the copy fails after retries
 */
async function copyImage(request, options = {}) {
    const { source, sourceRepository, reference, target, targetRepository } = request;
    const targetReference = request.targetReference ?? reference;
    const session = options.session ?? new CopySession();
    const dryRun = options.dryRun === true;
    const byDigest = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH)(reference);
    const missing = () => new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('not-found', `${source.host}/${sourceRepository}:${reference} does not exist`, {
        status: 404,
        code: 'MANIFEST_UNKNOWN',
        host: source.host,
    });
    // The target first. When it has the reference (a re-run), a HEAD of the source says whether it
    // is the same: a HEAD is not a pull where registries count pulls. When it has not, the source's
    // manifest is read in one GET — by digest, or by tag with the digest computed from the bytes
    // read, so a tag moved in the meantime cannot swap the content under us.
    const listedAbsent = options.targetTags !== undefined &&
        !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH)(targetReference) &&
        !options.targetTags.has(targetReference);
    const existing = listedAbsent ? undefined : await target.headManifest(targetRepository, targetReference);
    let sourceHead = byDigest
        ? { digest: reference }
        : undefined;
    if (existing && !sourceHead)
        sourceHead = await source.headManifest(sourceRepository, reference);
    if (existing && !sourceHead)
        throw missing();
    const result = {
        action: 'copied',
        digest: sourceHead?.digest ?? '',
        mediaType: sourceHead?.mediaType ?? '',
        bytesUploaded: 0,
        size: 0,
        blobsUploaded: 0,
        blobsMounted: 0,
        blobsSkipped: 0,
        manifestsPut: 0,
        dryRun,
    };
    if (existing && sourceHead) {
        if (existing.digest === sourceHead.digest) {
            session.noteManifest(target.host, targetRepository, existing.digest);
            return { ...result, action: 'skipped', mediaType: result.mediaType || existing.mediaType };
        }
        if (!options.overwrite)
            return { ...result, action: 'conflict', existingDigest: existing.digest };
    }
    const known = request.sourceManifest;
    const manifest = byDigest && known?.digest === reference
        ? known
        : await source
            .getManifest(sourceRepository, sourceHead?.digest ?? reference)
            .catch((error) => {
            throw error instanceof _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl && error.status === 404 ? missing() : error;
        });
    result.digest = manifest.digest;
    result.mediaType = manifest.mediaType;
    const walk = { request, options, session, result, counted: new Set() };
    const confirmed = await copyManifestTree(walk, manifest, targetReference, { seen: new Set(), depth: 0 });
    // The PUT's answer named the digest stored under the reference; otherwise ask.
    if (!dryRun && !confirmed) {
        const written = await target.headManifest(targetRepository, targetReference);
        if (written?.digest !== manifest.digest) {
            throw new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('digest-mismatch', `${target.host}/${targetRepository}:${targetReference} resolves to ${written?.digest ?? 'nothing'} after the copy, expected ${manifest.digest}`, { code: 'VERIFY_FAILED', host: target.host, final: true });
        }
    }
    return result;
}
/**
 * The walk's path after entering `manifest`. A manifest found below itself — under its digest,
 * or with the same bytes under another algorithm's digest — is an index that names itself (or a
 * cycle): refused, as is nesting deeper than {@link MAX_INDEX_DEPTH}.
 */
function enter(walk, manifest, ancestors) {
    const { source, sourceRepository } = walk.request;
    const where = `${source.host}/${sourceRepository}@${manifest.digest.slice(0, 80)}`;
    if (ancestors.depth >= MAX_INDEX_DEPTH)
        throw new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('invalid-response', `${where}: indexes nested deeper than ${MAX_INDEX_DEPTH} levels`, {
            host: source.host,
            final: true,
        });
    const content = (0,_oci_media_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256Digest */ .sI)(manifest.bytes);
    if (ancestors.seen.has(manifest.digest) || ancestors.seen.has(content))
        throw new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('invalid-response', `${where}: the index names itself (a manifest with the same bytes appears again below it): refusing to walk a cycle`, { host: source.host, final: true });
    return { seen: new Set([...ancestors.seen, manifest.digest, content]), depth: ancestors.depth + 1 };
}
/**
 * Copies a manifest and what it names (blobs, index children), then the manifest itself; true
 * when the registry's answer to its PUT confirmed the digest stored under `targetReference`.
 */
async function copyManifestTree(walk, manifest, targetReference, ancestors) {
    const { request, session, result, options } = walk;
    const { source, target, sourceRepository, targetRepository } = request;
    const path = enter(walk, manifest, ancestors);
    const parsed = (0,_oci_media_js__WEBPACK_IMPORTED_MODULE_3__/* .parseManifest */ .Ng)(manifest.bytes, manifest.mediaType);
    result.size += manifest.bytes.length;
    if (parsed.isIndex) {
        for (const child of parsed.manifests)
            checkDescriptor(walk, child, 'manifest');
        // Children by digest first, so the index (and its tag) never points at something missing.
        const children = [...new Map(parsed.manifests.map((child) => [child.digest, child])).values()];
        await Promise.all(children.map(async (child) => {
            if (session.hasManifest(target.host, targetRepository, child.digest))
                return;
            const present = await target.headManifest(targetRepository, child.digest);
            if (present?.digest === child.digest) {
                session.noteManifest(target.host, targetRepository, child.digest);
                result.size += child.size;
                return;
            }
            const childManifest = await source.getManifest(sourceRepository, child.digest);
            if (childManifest.bytes.length !== child.size)
                throw new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('invalid-response', `${source.host}/${sourceRepository}@${child.digest}: the index says ${child.size} bytes, the manifest has ${childManifest.bytes.length}`, { host: source.host, final: true });
            await copyManifestTree(walk, childManifest, child.digest, path);
        }));
    }
    else {
        for (const blob of parsed.blobs)
            checkDescriptor(walk, blob, 'blob');
        await Promise.all(parsed.blobs
            .filter((blob) => !(0,_oci_media_js__WEBPACK_IMPORTED_MODULE_3__/* .isForeignBlob */ .Go)(blob))
            .map(async (blob) => {
            if (!walk.counted.has(blob.digest)) {
                walk.counted.add(blob.digest);
                result.size += blob.size;
            }
            await ensureBlob(walk, blob);
        }));
    }
    if (options.dryRun)
        return false;
    const { digest, confirmed } = await target.putManifestConfirmed(targetRepository, targetReference, manifest);
    result.manifestsPut++;
    session.noteManifest(target.host, targetRepository, manifest.digest);
    return confirmed && digest === manifest.digest;
}
/**
 * Makes sure the target repository has a blob: known, a mount from itself (present) or from
 * another target repository, or an upload (once per session). A dry run only HEADs.
 */
async function ensureBlob(walk, blob) {
    const { request, session, result, options } = walk;
    const { target, targetRepository } = request;
    const host = target.host;
    if (session.hasBlob(host, targetRepository, blob.digest))
        return;
    await session.exclusive(host, blob.digest, async () => {
        if (session.hasBlob(host, targetRepository, blob.digest))
            return;
        const failed = session.failedBlob(host, blob.digest);
        if (failed !== undefined)
            throw failed;
        const skipped = () => {
            session.noteBlob(host, targetRepository, blob.digest);
            session.blobsSkipped++;
            result.blobsSkipped++;
        };
        const from = session.mountSource(host, targetRepository, blob.digest);
        if (!options.dryRun) {
            // A mount source only hoped to hold the blob (another shard's home for it) may answer 202
            // even where this repository has it already (a shard run again): ask this repository first.
            if (from !== undefined && !session.hasBlob(host, from, blob.digest))
                if ((await target.headBlob(targetRepository, blob.digest)) !== undefined)
                    return skipped();
            // Otherwise one request where HEAD then POST took two: a mount answers 201 when the
            // repository holds the blob (from another repository known to hold it, or already), else
            // opens the upload session — the spec's answer for any mount a registry cannot do. Without
            // another repository known to hold it, the mount is from the repository itself (most blobs).
            const mount = await target.mountBlob(targetRepository, blob.digest, from ?? targetRepository);
            if (!mount.mounted)
                return upload(walk, blob, mount.location);
            if (from === undefined)
                return skipped();
            session.noteBlob(host, targetRepository, blob.digest);
            session.blobsMounted++;
            result.blobsMounted++;
            return;
        }
        // Dry run: planned, the first repository uploads it, every other one mounts it.
        if ((await target.headBlob(targetRepository, blob.digest)) !== undefined)
            return skipped();
        session.noteBlob(host, targetRepository, blob.digest);
        if (from) {
            session.blobsMounted++;
            result.blobsMounted++;
        }
        else {
            session.bytesUploaded += blob.size;
            result.bytesUploaded += blob.size;
            session.blobsUploaded++;
            result.blobsUploaded++;
        }
    });
}
/** Uploads a blob the target repository lacks (into the session a mount answer opened, if any). */
async function upload(walk, blob, location) {
    const { request, session, result } = walk;
    const host = request.target.host;
    try {
        await streamBlob(walk, blob, location);
    }
    catch (error) {
        // Retried where it failed already; the next image that needs it fails at once.
        session.noteFailedBlob(host, blob.digest, error);
        throw error;
    }
    session.noteBlob(host, request.targetRepository, blob.digest);
    session.bytesUploaded += blob.size;
    result.bytesUploaded += blob.size;
    session.blobsUploaded++;
    result.blobsUploaded++;
}
/**
 * Streams a blob from source to target. The target's transport retries the upload as a whole
 * (a new session and a new download from the source for each attempt); the bytes of a failed
 * attempt are taken back out of the progress count.
 */
async function streamBlob(walk, blob, location) {
    const { request, session } = walk;
    const { source, target, sourceRepository, targetRepository } = request;
    let streamed = 0;
    const forget = () => {
        session.bytesStreamed -= streamed;
        streamed = 0;
    };
    try {
        await target.uploadBlob(targetRepository, blob.digest, blob.size, async () => {
            forget();
            const download = await source.getBlob(sourceRepository, blob.digest, blob.size);
            return verifiedBytes(download.stream, blob, source.host, (n) => {
                streamed += n;
                session.bytesStreamed += n;
            });
        }, location);
    }
    catch (error) {
        forget();
        throw error;
    }
}
/**
 * Passes a blob's bytes on, counting them, and fails the stream — so the upload it feeds is
 * never completed — when they are more or fewer than the descriptor's size or do not hash to its
 * digest.
 */
function verifiedBytes(stream, blob, host, onBytes) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)((0,_oci_media_js__WEBPACK_IMPORTED_MODULE_3__/* .algorithmOf */ .Hy)(blob.digest));
    let total = 0;
    const mismatch = (message) => new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('digest-mismatch', `${host}: blob ${blob.digest}: ${message}`, {
        code: 'DIGEST_INVALID',
        host,
        final: true,
    });
    const verifier = new node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform({
        transform(chunk, _encoding, callback) {
            total += chunk.length;
            if (total > blob.size)
                return callback(mismatch(`more than the ${blob.size} bytes its descriptor says`));
            hash.update(chunk);
            onBytes(chunk.length);
            callback(null, chunk);
        },
        flush(callback) {
            if (total !== blob.size)
                return callback(mismatch(`${total} bytes, its descriptor says ${blob.size}`));
            const actual = `${(0,_oci_media_js__WEBPACK_IMPORTED_MODULE_3__/* .algorithmOf */ .Hy)(blob.digest)}:${hash.digest('hex')}`;
            callback(actual === blob.digest ? null : mismatch(`the bytes hash to ${actual}`));
        },
    });
    stream.on('error', (error) => verifier.destroy(error));
    verifier.on('close', () => stream.destroy());
    return stream.pipe(verifier);
}
/** A descriptor from a manifest is used in URLs and sizes: its digest and size must be sane. */
function checkDescriptor(walk, descriptor, what) {
    const { source, sourceRepository } = walk.request;
    const valid = typeof descriptor.digest === 'string' &&
        (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH)(descriptor.digest) &&
        Number.isSafeInteger(descriptor.size) &&
        descriptor.size >= 0;
    if (!valid)
        throw new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('invalid-response', `${source.host}/${sourceRepository}: a ${what} descriptor with digest ${JSON.stringify(descriptor.digest)?.slice(0, 150)} and size ${String(descriptor.size)} is not valid (sha256 or sha512 digests, whole sizes)`, { host: source.host, final: true });
}


/***/ }),

/***/ 50248:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LB: () => (/* binding */ readRefsFile),
/* harmony export */   eA: () => (/* binding */ writeRefsFile),
/* harmony export */   hV: () => (/* binding */ buildRefsFile)
/* harmony export */ });
/* unused harmony exports REFS_FILE_VERSION, parseRefsFile */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83460);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77126);
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
        registry: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeHost */ .cS)(registry),
        references: sorted,
        ...(uniquePrefixes.length > 0 && { prefixes: uniquePrefixes }),
    };
}
/** Writes the file (for `guard --export-refs`). */
async function writeRefsFile(file, registry, references, prefixes = []) {
    const document = buildRefsFile(registry, references, prefixes);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, `${JSON.stringify(document, null, 2)}\n`);
    return document;
}
/**
 * Reads and validates a references file.
 * @throws ConfigError with the file, line and column (JSON syntax) or key path of every problem
 */
async function readRefsFile(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL([
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
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL([{ file, ...where, message: `expected JSON: ${message}` }]);
    }
    const problems = [];
    const problem = (path, message) => problems.push({ file, path, message });
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL([{ file, message: 'expected an object with version, registry and references' }]);
    }
    const document = data;
    for (const key of Object.keys(document)) {
        if (!['version', 'registry', 'references', 'prefixes'].includes(key))
            problem(key, 'unknown key (expected version, registry, references, prefixes)');
    }
    if (document['version'] !== REFS_FILE_VERSION)
        problem('version', `expected ${REFS_FILE_VERSION}, found ${JSON.stringify(document['version'])}`);
    const registry = document['registry'];
    if (typeof registry !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidHost */ .HO)(registry))
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
            if (typeof repository !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidRepositoryPath */ .M0)(repository))
                problem(`${at}.repository`, `expected a repository path in the old registry (no host), found ${JSON.stringify(repository)}`);
            if (tag !== undefined && (typeof tag !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidTag */ .r_)(tag)))
                problem(`${at}.tag`, `expected a tag, found ${JSON.stringify(tag)}`);
            if (digest !== undefined && (typeof digest !== 'string' || !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidDigest */ .fH)(digest)))
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
            !prefixes.every((prefix) => typeof prefix === 'string' && (prefix === '' || (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidRepositoryPath */ .M0)(prefix)))))
        problem('prefixes', `expected a list of repository path prefixes, found ${JSON.stringify(prefixes)}`);
    if (problems.length > 0)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(problems);
    return {
        version: REFS_FILE_VERSION,
        registry: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeHost */ .cS)(registry),
        references: parsed,
        ...(Array.isArray(prefixes) && prefixes.length > 0 && { prefixes: prefixes }),
    };
}
function lineAndColumn(text, position) {
    const before = text.slice(0, position).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}


/***/ }),

/***/ 88456:
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
        this.print(this.format((now - this.started) / 1000));
    }
    /** Prints the final line unconditionally. */
    done() {
        this.print(this.format((Date.now() - this.started) / 1000));
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

/***/ 36954:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ verifyReferences)
/* harmony export */ });
/* harmony import */ var _oci_media_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22939);
/* harmony import */ var _shared_limiter_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17903);
/* harmony import */ var _copy_platforms_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68623);



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
                const image = (0,_copy_platforms_js__WEBPACK_IMPORTED_MODULE_2__/* .partsOf */ .CI)((0,_oci_media_js__WEBPACK_IMPORTED_MODULE_0__/* .parseManifest */ .Ng)(manifest.bytes, manifest.mediaType));
                const present = await (0,_shared_limiter_js__WEBPACK_IMPORTED_MODULE_1__/* .mapLimited */ .bB)(image.children, concurrency, async (child) => (await client.headManifest(ref.repository, child.digest))?.digest === child.digest);
                const missingChildren = image.children
                    .filter((_, index) => !present[index])
                    .map((child) => `${child.digest} (${(0,_copy_platforms_js__WEBPACK_IMPORTED_MODULE_2__/* .platformName */ .$r)(child)})`);
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