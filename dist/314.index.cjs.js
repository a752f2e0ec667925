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
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74053);
/* harmony import */ var _copy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45726);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77126);
/* harmony import */ var _refs_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50248);
/* harmony import */ var _shared_limiter_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(17903);
/* harmony import */ var _select_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5823);
/* harmony import */ var _shared_markdown_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(21610);
/* harmony import */ var _shared_progress_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(88456);
/* harmony import */ var _cli_command_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(75873);
/* harmony import */ var _cli_option_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(24903);










/** `cutover copy-tags`: copies the old tags the manifest's copy rules select to the new registry. */
const copyTags = (0,_cli_command_js__WEBPACK_IMPORTED_MODULE_7__/* .defineCommand */ .N)({
    name: 'copy-tags',
    summary: 'Copy the old tags still needed (copy: rules, pinned and referenced tags) to the new registry, byte-identical.',
    options: {
        'dry-run': _cli_option_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .uK.boolean('List what would be copied and the bytes to transfer after deduplication; write nothing.'),
        concurrency: _cli_option_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .uK.int({ min: 1, max: 64, default: 8 }, 'Requests in flight per registry host (1–64).'),
        refs: _cli_option_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .uK.list('References files written by `guard --export-refs` (rules with referenced: true).'),
        only: _cli_option_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .uK.string('Only old repositories matching this glob.'),
        overwrite: _cli_option_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .uK.boolean('Replace target tags that point at a different digest (default: report a conflict).'),
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
        const clientOptions = { concurrency: options.concurrency, onRetry, secrets };
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
        const session = new _copy_js__WEBPACK_IMPORTED_MODULE_1__/* .CopySession */ .W({ onRetry: (message) => reporter.info(message) });
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
            `${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z3)(session.bytesUploaded)} ${dryRun ? 'to upload' : 'uploaded'}, ${session.blobsMounted} blobs ${dryRun ? 'to mount' : 'mounted'}, ${session.blobsSkipped} already present`);
        reporter.summary(summaryMarkdown({ outcomes, dryRun, session, oldHost: old.host, newHost: next.host }));
        const entry = (outcome) => ({
            source: outcome.source,
            target: outcome.target,
            digest: outcome.digest,
        });
        const problems = conflicts.length + failed.length;
        return {
            exitCode: problems > 0 ? 1 : 0,
            ...(problems > 0 && {
                failureMessage: `${conflicts.length} conflicts and ${failed.length} failures copying to ${next.host}`,
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
        const result = await (0,_copy_js__WEBPACK_IMPORTED_MODULE_1__/* .copyImage */ .L)({
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
        `${(0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z3)(bytes)} ${dryRun ? 'to upload' : `uploaded, ${(0,_shared_progress_js__WEBPACK_IMPORTED_MODULE_8__/* .formatRate */ .C)(bytes, seconds)}`}, ${seconds.toFixed(0)} s`);
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
        outcome.size > 0 ? (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z3)(outcome.size) : '—',
        `${icon[outcome.action]}${outcome.existingDigest ? ` — target has \`${outcome.existingDigest.slice(0, 19)}…\`` : ''}${outcome.error ? ` — ${outcome.error}` : ''}`,
    ]);
    return [
        `### cutover copy-tags${dryRun ? ' (dry run)' : ''}: \`${report.oldHost}\` → \`${report.newHost}\``,
        '',
        (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .table */ .tp)([
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
                (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .formatBytes */ .z3)(session.bytesUploaded),
                session.blobsMounted,
                session.blobsSkipped,
            ],
        ]),
        '',
        rows.length > 0
            ? (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .table */ .tp)(['Source', 'Target', 'Digest', 'Size', 'Action'], rows)
            : '_No tag selected by the copy rules._',
        '',
    ].join('\n');
}


/***/ }),

/***/ 45726:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ copyImage),
/* harmony export */   W: () => (/* binding */ CopySession)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var _oci_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11103);
/* harmony import */ var _oci_media_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22939);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77126);




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
    retry;
    /** target host + digest → target repositories known to hold it. */
    holders = new Map();
    /** target host + digest → the first ensure of that blob, others wait for it. */
    pending = new Map();
    /** target host + repository + digest → manifests known present. */
    manifests = new Set();
    constructor(options = {}) {
        this.retry = { ..._oci_http_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_RETRY */ .vI, ...options.retry };
        this.onRetry = options.onRetry;
    }
    onRetry;
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
        (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidDigest */ .fH)(reference) ? { digest: reference } : source.headManifest(sourceRepository, reference),
        target.headManifest(targetRepository, targetReference),
    ]);
    if (!sourceHead) {
        throw new _oci_http_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl(`${source.host}/${sourceRepository}:${reference} does not exist`, 404, 'MANIFEST_UNKNOWN');
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
    await copyManifestTree(walk, manifest, targetReference);
    if (!dryRun) {
        const written = await target.headManifest(targetRepository, targetReference);
        if (written?.digest !== manifest.digest) {
            throw new _oci_http_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl(`${target.host}/${targetRepository}:${targetReference} resolves to ${written?.digest ?? 'nothing'} after the copy, expected ${manifest.digest}`, 0, 'VERIFY_FAILED');
        }
    }
    return result;
}
async function copyManifestTree(walk, manifest, targetReference) {
    const { request, session, result, options } = walk;
    const { source, target, sourceRepository, targetRepository } = request;
    const parsed = (0,_oci_media_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .Ng)(manifest.bytes, manifest.mediaType);
    result.size += manifest.bytes.length;
    if (parsed.isIndex) {
        // Children by digest first, so the index (and its tag) never points at something missing.
        await Promise.all(parsed.manifests.map(async (child) => {
            if (session.hasManifest(target.host, targetRepository, child.digest))
                return;
            const present = await target.headManifest(targetRepository, child.digest);
            if (present?.digest === child.digest) {
                session.noteManifest(target.host, targetRepository, child.digest);
                result.size += child.size;
                return;
            }
            const childManifest = await source.getManifest(sourceRepository, child.digest);
            await copyManifestTree(walk, childManifest, child.digest);
        }));
    }
    else {
        await Promise.all(parsed.blobs
            .filter((blob) => !(0,_oci_media_js__WEBPACK_IMPORTED_MODULE_2__/* .isForeignBlob */ .Go)(blob))
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
        await uploadWithRetries(walk, blob, location);
        session.noteBlob(host, targetRepository, blob.digest);
        session.bytesUploaded += blob.size;
        result.bytesUploaded += blob.size;
        session.blobsUploaded++;
        result.blobsUploaded++;
    });
}
/**
 * Streams a blob from source to target. A streamed body cannot be replayed, so a failed attempt
 * (429, 5xx, a dropped connection) starts over: a new upload session and a new download.
 */
async function uploadWithRetries(walk, blob, firstLocation) {
    const { request, session } = walk;
    const { source, target, sourceRepository, targetRepository } = request;
    let location = firstLocation;
    for (let attempt = 0;; attempt++) {
        let streamed = 0;
        try {
            await target.uploadBlob(targetRepository, blob.digest, blob.size, async () => {
                const download = await source.getBlob(sourceRepository, blob.digest);
                return countBytes(download.stream, (n) => {
                    streamed += n;
                    session.bytesStreamed += n;
                });
            }, location);
            return;
        }
        catch (error) {
            session.bytesStreamed -= streamed;
            location = undefined;
            const retryable = error instanceof _oci_http_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .gl ? error.retryable : true;
            if (!retryable || attempt >= session.retry.retries)
                throw error;
            const delay = (0,_oci_http_js__WEBPACK_IMPORTED_MODULE_1__/* .retryDelay */ .a2)(attempt, session.retry);
            session.onRetry?.(`retrying upload of ${blob.digest.slice(0, 19)} to ${target.host}/${targetRepository} in ${delay} ms: ${error.message}`);
            await (0,_oci_http_js__WEBPACK_IMPORTED_MODULE_1__/* .sleep */ .yy)(delay);
        }
    }
}
function countBytes(stream, onBytes) {
    const counter = new node_stream__WEBPACK_IMPORTED_MODULE_0__.Transform({
        transform(chunk, _encoding, callback) {
            onBytes(chunk.length);
            callback(null, chunk);
        },
    });
    stream.on('error', (error) => counter.destroy(error));
    counter.on('close', () => stream.destroy());
    return stream.pipe(counter);
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
 * reference with neither means `latest`, as Docker reads it).
 */



const REFS_FILE_VERSION = 1;
/** Builds the document: references deduplicated and sorted, so the file diffs cleanly. */
function buildRefsFile(registry, references) {
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
    return { version: REFS_FILE_VERSION, registry: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeHost */ .cS)(registry), references: sorted };
}
/** Writes the file (for `guard --export-refs`). */
async function writeRefsFile(file, registry, references) {
    const document = buildRefsFile(registry, references);
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
        if (!['version', 'registry', 'references'].includes(key))
            problem(key, 'unknown key (expected version, registry, references)');
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
    if (problems.length > 0)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(problems);
    return { version: REFS_FILE_VERSION, registry: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeHost */ .cS)(registry), references: parsed };
}
function lineAndColumn(text, position) {
    const before = text.slice(0, position).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}


/***/ }),

/***/ 5823:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ selectImages),
/* harmony export */   YC: () => (/* binding */ createdOf)
/* harmony export */ });
/* unused harmony exports ARTIFACT_TAG, referencedImages, tagMatcher */
/* harmony import */ var _shared_limiter_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17903);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70636);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86626);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83460);
/* harmony import */ var _manifest_paths_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(31959);
/* harmony import */ var _oci_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11103);
/* harmony import */ var _oci_media_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22939);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77126);
/**
 * Which old tags copy-tags copies: the manifest's `copy:` rules, OR-combined. Inside one rule every
 * condition given must hold (repository globs, tag globs with `!` excludes, a semver range,
 * `referenced`), then `newest: N` keeps the N most recently created of what is left.
 */








/** Cosign's tag scheme for signatures, attestations and SBOMs attached to a digest. */
const ARTIFACT_TAG = /^sha256-([a-f0-9]{64})\.(sig|att|sbom)$/;
/**
 * Applies the manifest's copy rules to the old registry.
 * @throws ConfigError when a references file names another registry
 */
async function selectImages(options) {
    const { manifest, source } = options;
    const old = manifest.registries.old;
    const warnings = [];
    const only = options.only ? picomatch__WEBPACK_IMPORTED_MODULE_5__(options.only) : () => true;
    const referenced = referencedImages(manifest, options.refsFiles).filter((ref) => only(ref.repository));
    const rules = manifest.copy;
    // Repositories: the catalog when the registry serves it, else every name the manifest knows.
    let repositories;
    if (rules.some((rule) => rule.images !== undefined)) {
        try {
            repositories = await source.listRepositories();
        }
        catch (error) {
            if (!(error instanceof _oci_http_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryError */ .gl) || ![401, 403, 404, 405].includes(error.status))
                throw error;
            repositories = [
                ...new Set([
                    ...manifest.repos.flatMap((repo) => [...repo.produces, ...repo.consumes.map((c) => c.repository)]),
                    ...referenced.map((ref) => ref.repository),
                ]),
            ].sort();
            warnings.push(`${old.host} does not list its repositories (HTTP ${error.status}); matched the copy rules against the ${repositories.length} repositories the manifest and references name`);
        }
    }
    else
        repositories = [];
    repositories = repositories.filter((repo) => only(repo));
    const wantedRepos = new Set();
    for (const rule of rules) {
        const matches = rule.images ? picomatch__WEBPACK_IMPORTED_MODULE_5__(rule.images) : () => true;
        for (const repo of repositories)
            if (rule.images && matches(repo))
                wantedRepos.add(repo);
        if (rule.referenced)
            for (const ref of referenced)
                if (matches(ref.repository))
                    wantedRepos.add(ref.repository);
    }
    const tagLists = new Map();
    await (0,_shared_limiter_js__WEBPACK_IMPORTED_MODULE_6__/* .forEachLimited */ .vP)([...wantedRepos].sort(), options.concurrency ?? 8, async (repo) => {
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
            targetRepository: (0,_manifest_paths_js__WEBPACK_IMPORTED_MODULE_7__/* .mapRepository */ .T)(repository, manifest.paths),
            reasons: [reason],
        });
    };
    const missing = new Map();
    for (const [index, rule] of rules.entries()) {
        const reason = `copy[${index}]`;
        const repoMatches = rule.images ? picomatch__WEBPACK_IMPORTED_MODULE_5__(rule.images) : () => true;
        const tagFilter = tagMatcher(rule.tags);
        const range = rule.semver;
        const repos = [...wantedRepos].filter((repo) => rule.images ? repoMatches(repo) : referenced.some((ref) => ref.repository === repo));
        for (const repo of repos.sort()) {
            const tags = tagLists.get(repo) ?? [];
            const present = new Set(tags);
            let candidates = tags.filter((tag) => !ARTIFACT_TAG.test(tag) && tagFilter(tag));
            if (range !== undefined)
                candidates = candidates.filter((tag) => satisfies(tag, range));
            if (rule.referenced) {
                const pinned = referenced.filter((ref) => ref.repository === repo);
                const pinnedTags = new Set(pinned.filter((ref) => !(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH)(ref.reference)).map((r) => r.reference));
                candidates = candidates.filter((tag) => pinnedTags.has(tag));
                for (const ref of pinned) {
                    const byDigest = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH)(ref.reference);
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
    // Signatures, attestations and SBOMs travel with what they describe: cosign's tags, and OCI
    // referrers where the registry serves the referrers API (probed once, then trusted).
    const images = [...chosen.values()];
    let referrersServed;
    await (0,_shared_limiter_js__WEBPACK_IMPORTED_MODULE_6__/* .forEachLimited */ .vP)(images.slice(), options.concurrency ?? 8, async (image) => {
        const tags = tagLists.get(image.sourceRepository) ?? [];
        const artifacts = tags.filter((tag) => ARTIFACT_TAG.test(tag));
        if (artifacts.length === 0 && referrersServed === false)
            return;
        const byDigest = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidDigest */ .fH)(image.reference);
        const digest = byDigest
            ? image.reference
            : (await source.headManifest(image.sourceRepository, image.reference))?.digest;
        if (!digest)
            return;
        const subject = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .formatRepositoryReference */ .$)({
            repository: image.sourceRepository,
            ...(byDigest ? { digest } : { tag: image.reference }),
        });
        const prefix = `sha256-${digest.slice('sha256:'.length)}.`;
        for (const tag of artifacts.filter((t) => t.startsWith(prefix)))
            choose(image.sourceRepository, tag, `signature of ${subject}`);
        if (referrersServed === false)
            return;
        const referrers = await source.listReferrers(image.sourceRepository, digest);
        if (referrers === undefined) {
            referrersServed = false;
            return;
        }
        referrersServed = true;
        for (const referrer of referrers)
            choose(image.sourceRepository, referrer.digest, `referrer of ${subject}`);
    });
    return {
        images: [...chosen.values()].sort((a, b) => a.sourceRepository === b.sourceRepository
            ? compareTags(a.reference, b.reference)
            : a.sourceRepository < b.sourceRepository
                ? -1
                : 1),
        missing: [...missing.values()],
        repositories: [...wantedRepos].sort(),
        warnings,
    };
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
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL([
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
    const included = include.length > 0 ? picomatch__WEBPACK_IMPORTED_MODULE_5__(include, { dot: true }) : () => true;
    const excluded = exclude.length > 0 ? picomatch__WEBPACK_IMPORTED_MODULE_5__(exclude, { dot: true }) : () => false;
    return (tag) => included(tag) && !excluded(tag);
}
function satisfies(tag, range) {
    const version = semver__WEBPACK_IMPORTED_MODULE_0__.valid(tag, { loose: true });
    return version !== null && semver__WEBPACK_IMPORTED_MODULE_0__.satisfies(version, range, { loose: true });
}
/** Orders tags newest-version first when both are versions, else by name. */
function compareTags(a, b) {
    const va = semver__WEBPACK_IMPORTED_MODULE_0__.valid(a, { loose: true });
    const vb = semver__WEBPACK_IMPORTED_MODULE_0__.valid(b, { loose: true });
    if (va && vb && va !== vb)
        return semver__WEBPACK_IMPORTED_MODULE_0__.rcompare(va, vb, true);
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * The `count` most recently created tags, by the image config's `created` (for an index: its
 * first child's), ties broken by semver (higher first) and then by name.
 */
async function newest(source, repository, tags, count, concurrency) {
    const created = new Map();
    await (0,_shared_limiter_js__WEBPACK_IMPORTED_MODULE_6__/* .forEachLimited */ .vP)(tags, concurrency, async (tag) => {
        created.set(tag, await createdOf(source, repository, tag));
    });
    return [...tags]
        .sort((a, b) => (created.get(b) ?? 0) - (created.get(a) ?? 0) || compareTags(a, b))
        .slice(0, count);
}
/** When an image was built: its config's `created`, as milliseconds (0 when unknown). */
async function createdOf(source, repository, reference) {
    let manifest = await source.getManifest(repository, reference);
    let parsed = (0,_oci_media_js__WEBPACK_IMPORTED_MODULE_3__/* .parseManifest */ .Ng)(manifest.bytes, manifest.mediaType);
    for (let depth = 0; parsed.isIndex && depth < 3; depth++) {
        const child = parsed.manifests.find((m) => !m.platform || m.platform.architecture !== 'unknown');
        if (!child)
            return 0;
        manifest = await source.getManifest(repository, child.digest);
        parsed = (0,_oci_media_js__WEBPACK_IMPORTED_MODULE_3__/* .parseManifest */ .Ng)(manifest.bytes, manifest.mediaType);
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

/***/ 31959:
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

/***/ 21610:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   mW: () => (/* binding */ fitSummary),
/* harmony export */   o0: () => (/* binding */ writeSummaryFile),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   z3: () => (/* binding */ formatBytes),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* unused harmony exports SUMMARY_LIMIT_BYTES, SUMMARY_CUT_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83460);



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
/** `1 repository`, `2 repositories`: a count with its noun in the right number. */
function plural(count, one, many = `${one}s`) {
    return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
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


/***/ })

};
;