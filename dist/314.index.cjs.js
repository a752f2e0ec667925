"use strict";
exports.id = 314;
exports.ids = [314];
exports.modules = {

/***/ 75873:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ defineCommand)
/* harmony export */ });
/** Declares a command with its option types inferred from its option definitions. */
function defineCommand(command) {
    return command;
}


/***/ }),

/***/ 58314:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   copyTags: () => (/* binding */ copyTags)
/* harmony export */ });
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12291);
/* harmony import */ var _copy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45726);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77126);
/* harmony import */ var _refs_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50248);
/* harmony import */ var _shared_limiter_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(17903);
/* harmony import */ var _select_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5823);
/* harmony import */ var _shared_markdown_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(21610);
/* harmony import */ var _shared_progress_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(88456);
/* harmony import */ var _cli_command_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(75873);
/* harmony import */ var _cli_option_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(24903);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83460);











/** `cutover copy-tags`: copies the old tags the manifest's copy rules select to the new registry. */
const copyTags = (0,_cli_command_js__WEBPACK_IMPORTED_MODULE_7__/* .defineCommand */ .N)({
    name: 'copy-tags',
    summary: 'Copy the old tags still needed (copy: rules, pinned and referenced tags) to the new registry, byte-identical.',
    options: {
        'dry-run': _cli_option_js__WEBPACK_IMPORTED_MODULE_5__/* .option */ .uK.boolean('List what would be copied and the bytes to transfer after deduplication; write nothing.'),
        concurrency: _cli_option_js__WEBPACK_IMPORTED_MODULE_5__/* .option */ .uK.int({ min: 1, max: 64, default: 8 }, 'Requests in flight per registry host (1–64).'),
        refs: _cli_option_js__WEBPACK_IMPORTED_MODULE_5__/* .option */ .uK.list('References files written by `guard --export-refs` (rules with referenced: true).'),
        only: _cli_option_js__WEBPACK_IMPORTED_MODULE_5__/* .option */ .uK.string('Only old repositories matching this glob.'),
        overwrite: _cli_option_js__WEBPACK_IMPORTED_MODULE_5__/* .option */ .uK.boolean('Replace target tags that point at a different digest (default: report a conflict).'),
        deadline: _cli_option_js__WEBPACK_IMPORTED_MODULE_5__/* .option */ .uK.duration('Stop after this long (e.g. 45m): requests in flight are aborted, what is left fails as timed out.'),
        'allow-empty': _cli_option_js__WEBPACK_IMPORTED_MODULE_5__/* .option */ .uK.boolean('Succeed when nothing is selected although the old registry refused to list its repositories.'),
    },
    outputs: [
        { name: 'copied', description: 'Number of tags copied (with --dry-run: that would be copied).' },
        { name: 'skipped', description: 'Number of tags already present with the same digest.' },
        { name: 'conflicts', description: 'Number of target tags that point at a different digest.' },
        { name: 'failed', description: 'Number of tags that could not be copied.' },
        { name: 'bytes-uploaded', description: 'Blob bytes uploaded (with --dry-run: that would be uploaded).' },
    ],
    async run({ manifest: load, options, reporter, env, secrets }) {
        // parse
        const manifest = await load();
        const refsFiles = await Promise.all(options.refs.map(async (file) => ({ file, refs: await (0,_refs_file_js__WEBPACK_IMPORTED_MODULE_3__/* .readRefsFile */ .LB)(file) })));
        if (refsFiles.length > 0 && !manifest.copy.some((rule) => rule.referenced))
            reporter.warning('--refs was given, but no copy rule has "referenced: true": the references are not used');
        const dryRun = options['dry-run'];
        const { old, new: next } = manifest.registries;
        const onRetry = (event) => reporter.info(`retry ${event.attempt} of ${event.method} ${event.path} in ${event.delayMs} ms (${event.reason})`);
        const deadline = runDeadline(options.deadline);
        const clientOptions = {
            concurrency: options.concurrency,
            onRetry,
            secrets,
            signal: deadline.signal,
            onWarning: (message) => reporter.warning(message),
        };
        const source = await _oci_client_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryClient */ .bP.forRegistry(old, env, { ...clientOptions, readOnly: true });
        const target = await _oci_client_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryClient */ .bP.forRegistry(next, env, { ...clientOptions, readOnly: dryRun });
        // do
        const started = Date.now();
        const selection = await (0,_select_js__WEBPACK_IMPORTED_MODULE_4__/* .selectImages */ .$g)({
            manifest,
            source,
            refsFiles,
            ...(options.only !== undefined && { only: options.only }),
            concurrency: options.concurrency,
        });
        reporter.debug(`selection took ${Date.now() - started} ms (${source.stats.requests} requests)`);
        for (const warning of selection.warnings)
            reporter.warning(warning);
        reportMissing(selection.missing, manifest, reporter);
        reporter.info(`${dryRun ? 'dry run: ' : ''}${selection.images.length} tags selected in ${selection.repositories.length} repositories of ${old.host}; copying to ${next.host}`);
        const session = new _copy_js__WEBPACK_IMPORTED_MODULE_1__/* .CopySession */ .W();
        const outcomes = [];
        const progress = new _shared_progress_js__WEBPACK_IMPORTED_MODULE_8__/* .ProgressLine */ .g((line) => reporter.info(line), (seconds) => progressText(outcomes, selection.images.length, session, seconds, dryRun), Number(env['CUTOVER_PROGRESS_INTERVAL_MS']) || 5000);
        const ticker = setInterval(() => progress.tick(), 1000);
        try {
            // More images in flight than requests per host: each image waits on the source and then the
            // target, so this keeps both hosts' request slots busy; the per-host limit still bounds the load.
            await (0,_shared_limiter_js__WEBPACK_IMPORTED_MODULE_9__/* .forEachLimited */ .vP)(selection.images, options.concurrency * 4, async (image) => {
                outcomes.push(await copyOne(image, { source, target, session, dryRun, overwrite: options.overwrite }));
                progress.tick();
            });
        }
        finally {
            clearInterval(ticker);
        }
        progress.done();
        deadline.clear();
        reporter.debug(`copy took ${Date.now() - started} ms in all; requests: ${source.host} ${source.stats.requests} (${source.stats.retries} retries), ${target.host} ${target.stats.requests} (${target.stats.retries} retries)`);
        // report
        const by = (action) => outcomes.filter((outcome) => outcome.action === action);
        const copied = by(dryRun ? 'would copy' : 'copied');
        const skipped = by('skipped');
        const conflicts = by('conflict');
        const failed = by('failed');
        for (const conflict of conflicts)
            reporter.error(`conflict: ${conflict.target} is ${conflict.existingDigest}, the old registry has ${conflict.digest}; not overwritten (use --overwrite to replace it)`);
        for (const failure of failed)
            reporter.error(`failed: ${failure.source} → ${failure.target}: ${failure.error}`);
        reporter.info(`${dryRun ? 'would copy' : 'copied'} ${copied.length}, skipped ${skipped.length}, conflicts ${conflicts.length}, failed ${failed.length}; ` +
            `${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_10__/* .formatBytes */ .z3)(session.bytesUploaded)} ${dryRun ? 'to upload' : 'uploaded'}, ${session.blobsMounted} blobs ${dryRun ? 'to mount' : 'mounted'}, ${session.blobsSkipped} already present`);
        reporter.summary(summaryMarkdown({ outcomes, dryRun, session, oldHost: old.host, newHost: next.host }));
        const entry = (outcome) => ({
            source: outcome.source,
            target: outcome.target,
            digest: outcome.digest,
        });
        const problems = conflicts.length + failed.length;
        // Nothing to copy because the old registry would not say what it holds is not a success.
        const refusedEmpty = selection.images.length === 0 && selection.catalogRefused !== undefined && !options['allow-empty'];
        return {
            exitCode: problems > 0 || refusedEmpty ? 1 : 0,
            ...((problems > 0 || refusedEmpty) && {
                failureMessage: refusedEmpty
                    ? `nothing selected: ${old.host} refused to list its repositories (${selection.catalogRefused}) and no repository the manifest or references name matched the copy rules; name the repositories in the manifest, or pass --allow-empty`
                    : `${conflicts.length} conflicts and ${failed.length} failures copying to ${next.host}${deadline.signal.aborted ? ' (the --deadline passed)' : ''}`,
            }),
            outputs: {
                copied: String(copied.length),
                skipped: String(skipped.length),
                conflicts: String(conflicts.length),
                failed: String(failed.length),
                'bytes-uploaded': String(session.bytesUploaded),
            },
            json: {
                dryRun,
                source: old.host,
                target: next.host,
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
                images: outcomes.map((outcome) => ({ ...outcome })),
                warnings: selection.warnings,
            },
        };
    },
});
/** Copies one selected reference; every failure becomes an outcome, so one tag never stops the others. */
async function copyOne(image, context) {
    const { source, target } = context;
    const byDigest = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidDigest */ .fH)(image.reference);
    const name = (host, repository) => `${host}/${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatRepositoryReference */ .$)({ repository, ...(byDigest ? { digest: image.reference } : { tag: image.reference }) })}`;
    const base = {
        source: name(source.host, image.sourceRepository),
        target: name(target.host, image.targetRepository),
    };
    try {
        const result = await (0,_copy_js__WEBPACK_IMPORTED_MODULE_1__/* .copyImage */ .L1)({
            source,
            sourceRepository: image.sourceRepository,
            reference: image.reference,
            target,
            targetRepository: image.targetRepository,
        }, { session: context.session, dryRun: context.dryRun, overwrite: context.overwrite });
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
        `${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_10__/* .formatBytes */ .z3)(bytes)} ${dryRun ? 'to upload' : `uploaded, ${(0,_shared_progress_js__WEBPACK_IMPORTED_MODULE_8__/* .formatRate */ .C)(bytes, seconds)}`}, ${seconds.toFixed(0)} s`);
}
function reportMissing(missing, manifest, reporter) {
    for (const item of missing) {
        const reference = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatRepositoryReference */ .$)({
            repository: item.repository,
            ...((0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidDigest */ .fH)(item.reference) ? { digest: item.reference } : { tag: item.reference }),
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
    const count = (action) => outcomes.filter((outcome) => outcome.action === action).length;
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
        outcome.size > 0 ? (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_10__/* .formatBytes */ .z3)(outcome.size) : '—',
        `${icon[outcome.action]}${outcome.existingDigest ? ` — target has \`${outcome.existingDigest.slice(0, 19)}…\`` : ''}${outcome.error ? ` — ${outcome.error}` : ''}`,
    ]);
    return [
        `### cutover copy-tags${dryRun ? ' (dry run)' : ''}: \`${report.oldHost}\` → \`${report.newHost}\``,
        '',
        (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_10__/* .table */ .tp)([
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
                (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_10__/* .formatBytes */ .z3)(session.bytesUploaded),
                session.blobsMounted,
                session.blobsSkipped,
            ],
        ]),
        '',
        rows.length > 0
            ? (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_10__/* .table */ .tp)(['Source', 'Target', 'Digest', 'Size', 'Action'], rows)
            : '_No tag selected by the copy rules._',
        '',
    ].join('\n');
}
/**
 * The run's `--deadline`: when it passes, every request of both clients is aborted and later ones
 * fail at once; the abort reason is what they report. The timer never keeps the process alive.
 */
function runDeadline(ms) {
    const controller = new AbortController();
    if (ms === undefined)
        return { signal: controller.signal, clear: () => undefined };
    const seconds = ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
    const timer = setTimeout(() => controller.abort(new _shared_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .OperationalError */ .LE('timeout', `the --deadline of ${seconds} passed`)), ms);
    timer.unref();
    return { signal: controller.signal, clear: () => clearTimeout(timer) };
}


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
 * first (HEAD, then a mount from another target repository, then a streamed upload — each unique
 * blob uploaded at most once per session), index children by digest, the tag last; then verifies
 * that the target reference resolves to the source digest. A target tag that already points at
 * the same digest costs one HEAD (`skipped`); one that points elsewhere is a `conflict` unless
 * `overwrite`. Nothing is ever written to the source.
 * @throws RegistryError when the source reference does not exist or the copy fails after retries
 */
async function copyImage(request, options = {}) {
    const { source, sourceRepository, reference, target, targetRepository } = request;
    const targetReference = request.targetReference ?? reference;
    const session = options.session ?? new CopySession();
    const dryRun = options.dryRun === true;
    // Both HEADs at once: on a re-run they are all the work there is.
    const [sourceHead, existing] = await Promise.all([
        (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH)(reference) ? { digest: reference } : source.headManifest(sourceRepository, reference),
        target.headManifest(targetRepository, targetReference),
    ]);
    if (!sourceHead) {
        throw new _oci_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl('not-found', `${source.host}/${sourceRepository}:${reference} does not exist`, {
            status: 404,
            code: 'MANIFEST_UNKNOWN',
            host: source.host,
        });
    }
    const result = {
        action: 'copied',
        digest: sourceHead.digest,
        mediaType: 'mediaType' in sourceHead ? sourceHead.mediaType : '',
        bytesUploaded: 0,
        size: 0,
        blobsUploaded: 0,
        blobsMounted: 0,
        blobsSkipped: 0,
        manifestsPut: 0,
        dryRun,
    };
    if (existing) {
        if (existing.digest === sourceHead.digest) {
            session.noteManifest(target.host, targetRepository, existing.digest);
            return { ...result, action: 'skipped', mediaType: result.mediaType || existing.mediaType };
        }
        if (!options.overwrite)
            return { ...result, action: 'conflict', existingDigest: existing.digest };
    }
    // By digest, so a tag moved in the meantime cannot swap the content under us.
    const manifest = await source.getManifest(sourceRepository, sourceHead.digest);
    result.mediaType = manifest.mediaType;
    const walk = { request, options, session, result, counted: new Set() };
    await copyManifestTree(walk, manifest, targetReference, { seen: new Set(), depth: 0 });
    if (!dryRun) {
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
        return;
    await target.putManifest(targetRepository, targetReference, manifest);
    result.manifestsPut++;
    session.noteManifest(target.host, targetRepository, manifest.digest);
}
/** Makes sure the target repository has a blob: known, HEAD, mount, or upload (once per session). */
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
        if ((await target.headBlob(targetRepository, blob.digest)) !== undefined) {
            session.noteBlob(host, targetRepository, blob.digest);
            session.blobsSkipped++;
            result.blobsSkipped++;
            return;
        }
        const from = session.mountSource(host, targetRepository, blob.digest);
        if (options.dryRun) {
            // Planned: the first repository uploads it, every other one mounts it.
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
            return;
        }
        let location;
        if (from) {
            const mount = await target.mountBlob(targetRepository, blob.digest, from);
            if (mount.mounted) {
                session.noteBlob(host, targetRepository, blob.digest);
                session.blobsMounted++;
                result.blobsMounted++;
                return;
            }
            location = mount.location;
        }
        try {
            await streamBlob(walk, blob, location);
        }
        catch (error) {
            // Retried where it failed already; the next image that needs it fails at once.
            session.noteFailedBlob(host, blob.digest, error);
            throw error;
        }
        session.noteBlob(host, targetRepository, blob.digest);
        session.bytesUploaded += blob.size;
        result.bytesUploaded += blob.size;
        session.blobsUploaded++;
        result.blobsUploaded++;
    });
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

/***/ 21610:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/** Escapes text for a Markdown table cell. */
function cell(text) {
    return String(text ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
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


/***/ })

};
;