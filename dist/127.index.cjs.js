"use strict";
exports.id = 127;
exports.ids = [127];
exports.modules = {

/***/ 73868:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  guard: () => (/* binding */ guard)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(61346);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(61714);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
// EXTERNAL MODULE: ./lib/src/shared/progress.js
var shared_progress = __webpack_require__(34767);
// EXTERNAL MODULE: ./lib/src/copy/refs-file.js
var refs_file = __webpack_require__(77381);
// EXTERNAL MODULE: ./lib/src/guard/fix.js + 1 modules
var fix = __webpack_require__(65634);
// EXTERNAL MODULE: ./lib/src/guard/policy.js
var guard_policy = __webpack_require__(10620);
;// CONCATENATED MODULE: ./lib/src/guard/refs-file.js
/**
 * The old-registry references among the findings, for `--export-refs` (the file format is owned by
 * src/registry/refs-file.ts, which copy-tags reads). A reference without tag or digest is written
 * with `tag: latest`, as Docker pulls it; ignored findings and references whose tag comes from a
 * variable without a value are left out. References built from variables and registry prefixes are
 * not images: see {@link exportedPrefixes}.
 */
function exportedReferences(findings) {
    return findings
        .filter((finding) => !finding.ignored && !finding.partial && !finding.dynamic && !finding.wholeRepository)
        .map(({ image: { repository, tag, digest } }) => ({
        repository,
        ...(tag !== undefined || digest === undefined ? { tag: tag ?? 'latest' } : {}),
        ...(digest !== undefined && { digest }),
    }));
}
/**
 * Repository path prefixes of `dynamic` and `registry-prefix` findings, and the repositories whose
 * every tag a command lists or syncs (`crane ls`, `skopeo sync`), for the refs file's `prefixes`.
 */
function exportedPrefixes(findings) {
    return findings
        .filter((finding) => !finding.ignored &&
        (finding.kind === 'dynamic' || finding.kind === 'registry-prefix' || finding.wholeRepository))
        .map((finding) => finding.image.repository);
}

;// CONCATENATED MODULE: ./lib/src/guard/renovate.js
const regexEscape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/**
 * A Renovate configuration that proposes the same moves as `--fix`: every name of the old registry
 * to the new host, then the manifest's `paths` rules. Renovate applies every matching rule and the
 * last one wins, while `paths` takes the first match, so the host-only rules come first and the path
 * rules follow in reverse order.
 */
function renovateConfig(manifest) {
    const { old, new: next } = manifest.registries;
    const names = [old.host, ...old.aliases];
    const rules = names.map((name) => ({
        description: `cutover: move images from ${name} to ${next.host}`,
        matchDatasources: ['docker'],
        matchPackageNames: [`${name}/**`],
        replacementNameTemplate: `{{{replace '^${regexEscape(name)}/' '${next.host}/' packageName}}}`,
    }));
    for (const rule of [...manifest.paths].reverse()) {
        for (const name of names) {
            if (!rule.from.includes('*')) {
                rules.push({
                    description: `cutover: ${name}/${rule.from} is ${next.host}/${rule.to}`,
                    matchDatasources: ['docker'],
                    matchPackageNames: [`${name}/${rule.from}`],
                    replacementName: `${next.host}/${rule.to}`,
                });
                continue;
            }
            const pattern = `^${regexEscape(name)}/${rule.from.split('*').map(regexEscape).join('(.*)')}$`;
            let capture = 1;
            const target = `${next.host}/${rule.to.replace(/\*/g, () => `$${capture++}`)}`;
            rules.push({
                description: `cutover: ${name}/${rule.from} moves to ${next.host}/${rule.to}`,
                matchDatasources: ['docker'],
                matchPackageNames: [`/${pattern}/`],
                replacementNameTemplate: `{{{replace '${pattern}' '${target}' packageName}}}`,
            });
        }
    }
    return { $schema: 'https://docs.renovatebot.com/renovate-schema.json', packageRules: rules };
}

// EXTERNAL MODULE: ./lib/src/guard/scan.js + 14 modules
var guard_scan = __webpack_require__(80082);
;// CONCATENATED MODULE: ./lib/src/guard/guard.js
/**
 * guard's domain story: scan the tree, judge the findings by the timeline, optionally check the
 * replacements in the new registry, fix, export. It returns one {@link GuardReport}; present.ts
 * turns that into log lines, annotations, the job summary, --json and outputs. Nothing here prints.
 */







/** The key --fix outcomes and findings share. */
const positionKey = (at) => `${at.file}:${at.line}:${at.column}`;
/** Runs guard over a tree; closes the reader threads. */
async function guardTree(request) {
    const { manifest, root, today } = request;
    const hosts = hostsOf(manifest);
    const scan = await (0,guard_scan/* scanTree */.w)({
        root,
        hosts,
        maxFileSize: request.maxFileSize,
        exclude: manifestInside(manifest, request.cwd, root),
        readers: request.readers,
        ...(request.onProgress && { onProgress: request.onProgress }),
    });
    const { policy, findings } = (0,guard_policy/* applyPolicy */.V)(scan.findings, manifest, today);
    const counted = findings.filter((finding) => !finding.ignored);
    // Loaded on demand: the registry client (http, crypto) would cost every other run its start-up time.
    const unavailable = request.verify
        ? await (await Promise.all(/* import() */[__webpack_require__.e(24), __webpack_require__.e(251)]).then(__webpack_require__.bind(__webpack_require__, 93251))).verifyInNewRegistry(manifest, counted, request.env, request.secrets)
        : undefined;
    const held = new Map(unavailable ?? []);
    for (const finding of findings)
        if (finding.review)
            held.set(finding, finding.review.reason);
    if (!request.fixDocs)
        for (const finding of findings)
            if (finding.prose && !held.has(finding))
                held.set(finding, 'Markdown prose: rewritten only with --fix-docs');
    const { new: next } = manifest.registries;
    const goFiles = new Map();
    const fixes = request.fix
        ? (0,fix/* applyFixes */.y)(root, findings, held, [...new Set([next.host, ...next.aliases])], goFiles)
        : undefined;
    if (fixes && goFiles.size > 0)
        await (await __webpack_require__.e(/* import() */ 337).then(__webpack_require__.bind(__webpack_require__, 41337))).confirmAlignment(root, fixes, goFiles);
    const rewritten = new Set((fixes ?? []).filter((fix) => fix.rewritten).map(positionKey));
    const open = rewritten.size === 0 ? counted : counted.filter((finding) => !rewritten.has(positionKey(finding)));
    // Only --export-refs writes them: thousands of findings are not copied and sorted for nothing.
    const refs = request.exportRefs
        ? (0,refs_file/* buildRefsFile */.hV)(hosts.old, exportedReferences(findings), exportedPrefixes(findings))
        : undefined;
    if (request.exportRefs && refs)
        await (0,refs_file/* writeRefsFile */.eA)(external_node_path_.resolve(request.cwd, request.exportRefs), hosts.old, refs.references, refs.prefixes);
    return {
        today,
        root,
        hosts,
        policy,
        scan,
        findings,
        counted,
        open,
        ...(unavailable && { unavailable }),
        ...(fixes && { fixes }),
        rewritten,
        ...(refs && { refs }),
        ...(request.exportRefs && { exportRefs: request.exportRefs }),
        ...(request.renovate && { renovate: renovateConfig(manifest) }),
    };
}
/** The migration's names as the scanner needs them. */
function hostsOf(manifest) {
    const { old, new: next } = manifest.registries;
    return {
        old: old.host,
        oldNames: [...new Set([old.host, ...old.aliases])],
        newHost: next.host,
        paths: manifest.paths,
    };
}
/** The manifest names the old host by design; when it lives in the scanned tree it is not a finding. */
function manifestInside(manifest, cwd, root) {
    const relative = external_node_path_.relative(root, external_node_path_.resolve(cwd, manifest.source));
    return relative.startsWith('..') || external_node_path_.isAbsolute(relative)
        ? new Set()
        : new Set([relative.split(external_node_path_.sep).join('/')]);
}

// EXTERNAL MODULE: ./lib/src/shared/reporter.js
var shared_reporter = __webpack_require__(64709);
// EXTERNAL MODULE: ./lib/src/guard/files.js
var files = __webpack_require__(13103);
// EXTERNAL MODULE: ./lib/src/guard/finding.js
var guard_finding = __webpack_require__(75345);
;// CONCATENATED MODULE: ./lib/src/guard/present.js





/** GitHub shows about ten annotations per type and step; the summary and --json carry the rest. */
const ACTION_ANNOTATIONS = 50;
const SUMMARY_ROWS = 1000;
/** Turns a guard report into everything the user sees, and the command's result. */
function presentGuard(report, { reporter, entry, json, summary = true, inWorkflow = false }) {
    const { hosts, scan, findings, counted, open, fixes, policy, today, refs } = report;
    const errors = open.filter((finding) => finding.severity === 'error').length;
    const warnings = open.filter((finding) => finding.severity === 'warning').length;
    const ignored = findings.length - counted.length;
    const skipped = Object.values(scan.stats.skipped).reduce((sum, count) => sum + count, 0);
    // Annotations: capped in a workflow (GitHub shows only a few per step); none in the CLI's
    // --json outside one, where the document on stdout lists every finding with its place and
    // thousands of lines repeating it on stderr would be noise beside the machine output.
    if (entry === 'action' || inWorkflow)
        annotate(reporter, report, ACTION_ANNOTATIONS);
    else if (!json)
        annotate(reporter, report, Infinity);
    reporter.info(`guard: ${counted.length} reference${counted.length === 1 ? '' : 's'} to ${hosts.old} in ${new Set(counted.map((f) => f.file)).size} files (${ignored} ignored); ${scan.stats.scanned} files searched, ${skipped} skipped`);
    reporter.info(`on ${today}: ${policy.severity} — ${policy.message}`);
    for (const fix of fixes ?? []) {
        if (fix.review)
            reporter.info(`${positionKey(fix)}: ${fix.review}, not rewritten: ${fix.reason}`);
        else if (!fix.rewritten)
            reporter.warning(`${positionKey(fix)}: not rewritten: ${fix.reason}`);
        else if (fix.note)
            reporter.warning(`${positionKey(fix)}: ${fix.note}`);
    }
    if (fixes)
        reporter.info(`fix: ${fixes.filter((fix) => fix.rewritten).length} of ${fixes.length} references rewritten`);
    if (report.exportRefs && refs)
        reporter.info(`wrote ${refs.references.length} references to ${report.exportRefs}`);
    if (summary)
        reporter.summary(summaryOf(report));
    return {
        exitCode: errors > 0 ? 1 : 0,
        ...(errors > 0 && {
            failureMessage: `${errors} reference${errors === 1 ? '' : 's'} to the old registry ${hosts.old}: ${policy.message}`,
        }),
        outputs: {
            findings: String(counted.length),
            errors: String(errors),
            warnings: String(warnings),
            ignored: String(ignored),
            skipped: String(skipped),
        },
        json: {
            today,
            root: report.root,
            registry: hosts.old,
            policy,
            counts: {
                findings: counted.length,
                errors,
                warnings,
                ignored,
                skipped,
                rewritten: report.rewritten.size,
            },
            findings: counted.map((finding) => jsonOf(finding, report.unavailable)),
            ignored: findings
                .filter((finding) => finding.ignored)
                .map((finding) => ({ ...jsonOf(finding), ignoredBy: finding.ignored })),
            scan: scan.stats,
            notes: scan.notes,
            ...(fixes && { fix: fixes }),
            ...(report.exportRefs && refs && { exportRefs: { file: report.exportRefs, ...refs } }),
            ...(report.renovate && { renovate: report.renovate }),
        },
        ...(report.renovate && !json && { stdout: `${JSON.stringify(report.renovate, null, 2)}\n` }),
    };
}
function jsonOf(finding, unavailable) {
    const missing = unavailable?.get(finding);
    return {
        file: finding.file,
        line: finding.line,
        column: finding.column,
        reference: finding.reference,
        normalized: finding.normalized,
        kind: finding.kind,
        category: (0,guard_finding/* categoryOf */.Qd)(finding),
        ...(finding.review && { review: finding.review.reason }),
        ...(finding.note && { note: finding.note }),
        severity: finding.severity,
        replacement: finding.replacement,
        dynamic: finding.dynamic,
        ...(unavailable && {
            inNewRegistry: missing === undefined,
            ...(missing !== undefined && { reason: missing }),
        }),
    };
}
function annotate(reporter, report, limit) {
    const { counted: findings, rewritten, policy } = report;
    const shown = findings.length > limit ? findings.slice(0, limit) : findings;
    // All at once: a reporter may write thousands of them in one go.
    (0,shared_reporter/* annotateAll */.u)(reporter, shown.map((finding) => {
        const fixed = rewritten.size > 0 && rewritten.has(positionKey(finding));
        const message = fixed
            ? `rewritten: ${finding.normalized} → ${finding.replacement}`
            : finding.review
                ? `${finding.normalized} (${finding.review.category}): ${finding.review.reason}`
                : `${finding.normalized} (${finding.kind}): ${policy.message}; use ${finding.replacement}`;
        // GitHub cannot point at a file whose name is not UTF-8: the message names it (escaped) instead.
        const unnamed = (0,files/* isNotUtf8 */.BA)(finding.file);
        return {
            severity: fixed ? 'info' : finding.severity,
            title: 'cutover guard: old registry reference',
            ...(unnamed
                ? {
                    message: `${positionKey(finding)} (a file name that is not UTF-8, bytes shown as \\xHH): ${message}`,
                }
                : { file: finding.file, line: finding.line, column: finding.column, message }),
        };
    }));
    if (shown.length < findings.length)
        reporter.info(`${findings.length - shown.length} more findings are listed in the job summary and the json output`);
}
function summaryOf(report) {
    const { today, policy, hosts, scan, findings, counted, fixes, unavailable } = report;
    const icon = { info: 'ℹ️', warning: '⚠️', error: '❌' }[policy.severity];
    const { stats } = scan;
    const lines = [
        `### cutover guard: references to \`${hosts.old}\``,
        '',
        `${icon} On **${today}**: ${counted.length} reference${counted.length === 1 ? '' : 's'} (${policy.severity}) — ${policy.message}.`,
        '',
        (0,markdown/* table */.tp)([
            'Files listed',
            'Searched',
            'Bytes',
            'Parsed',
            'Skipped: binary',
            'too large',
            'unreadable',
            'symlink loops',
            'not a file',
            'Invalid UTF-8',
            'Findings',
            'Ignored',
        ], [
            [
                stats.files,
                stats.scanned,
                (0,markdown/* formatBytes */.z3)(stats.bytes),
                stats.parsed,
                stats.skipped.binary,
                stats.skipped['too large'],
                stats.skipped.unreadable,
                stats.skipped['symlink loop'],
                stats.skipped['not a file'],
                stats.invalidUtf8,
                counted.length,
                findings.length - counted.length,
            ],
        ]),
    ];
    const byKind = new Map();
    for (const finding of counted)
        byKind.set(finding.kind, [...(byKind.get(finding.kind) ?? []), finding]);
    if (byKind.size > 0) {
        lines.push('', '#### By kind', '', (0,markdown/* table */.tp)(['Kind', 'Findings', 'Files', 'With variables (dynamic)'], [...byKind]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([kind, list]) => [
            kind,
            list.length,
            new Set(list.map((finding) => finding.file)).size,
            list.filter((finding) => finding.dynamic).length,
        ])));
    }
    if (byKind.size > 1) {
        lines.push('', '```mermaid', 'pie title Findings by kind', ...[...byKind].map(([kind, list]) => `  "${kind}" : ${list.length}`), '```');
    }
    const outcome = new Map((fixes ?? []).map((fix) => [positionKey(fix), fix]));
    let rows = 0;
    const byFile = new Map();
    for (const finding of findings)
        byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    for (const [file, list] of byFile) {
        if (rows >= SUMMARY_ROWS)
            break;
        const shown = list.slice(0, SUMMARY_ROWS - rows);
        rows += shown.length;
        lines.push('', ...(rows === shown.length ? ['#### By file', ''] : []), `#### ${(0,markdown/* code */.aY)(file)} (${list.length})`, '', (0,markdown/* table */.tp)([
            'Line:col',
            'Reference',
            'Kind',
            'Severity',
            'Replacement',
            ...(fixes || unavailable ? ['Fix'] : []),
        ], shown.map((finding) => {
            const fix = outcome.get(positionKey(finding));
            const missing = unavailable?.get(finding);
            const status = fix
                ? fix.rewritten
                    ? '✅ rewritten'
                    : `not rewritten: ${fix.reason}`
                : missing
                    ? `⛔ ${missing}`
                    : unavailable
                        ? '✅ in new registry'
                        : '';
            return [
                `${finding.line}:${finding.column}`,
                `\`${finding.reference}\``,
                finding.kind,
                finding.ignored ? `ignored (${finding.ignored})` : finding.severity,
                `\`${finding.replacement}\``,
                ...(fixes || unavailable ? [status] : []),
            ];
        })));
    }
    if (rows < findings.length)
        lines.push('', `… ${findings.length - rows} more findings in the json output.`);
    if (scan.notes.length > 0) {
        lines.push('', '#### Files not searched normally', '', (0,markdown/* table */.tp)(['File', 'Reason', 'Detail'], scan.notes.map((note) => [
            (0,markdown/* code */.aY)(note.file),
            (0,markdown/* escapeMarkdown */.FV)(note.reason),
            (0,markdown/* escapeMarkdown */.FV)(note.detail ?? ''),
        ])));
    }
    return lines.join('\n');
}

// EXTERNAL MODULE: ./lib/src/guard/readers.js + 1 modules
var guard_readers = __webpack_require__(61358);
;// CONCATENATED MODULE: ./lib/src/guard/command.js










const DEFAULT_MAX_FILE_SIZE = '10MB';
/** `cutover guard`: finds references to the retiring registry, judges them by the timeline, fixes them on request. */
const guard = (0,command/* defineCommand */.N)({
    name: 'guard',
    summary: 'Find every reference to the old registry (Dockerfiles, Compose, Kubernetes, Helm, workflows, scripts, any text); warn before the cutoff, fail after, fix on request.',
    options: {
        path: cli_option/* option */.uK.string('The directory to scan.', { default: '.' }),
        fix: cli_option/* option */.uK.boolean('Rewrite the references in place to the new registry (paths mapping applied), changing nothing else. CLI only: an action never edits the checkout.', { cliOnly: true }),
        'fix-docs': cli_option/* option */.uK.boolean('With --fix, also rewrite references in Markdown prose (reported as info; left alone otherwise).', { cliOnly: true }),
        verify: cli_option/* option */.uK.boolean('Check that each replacement (tag or digest) exists in the new registry; with --fix, rewrite only those.'),
        renovate: cli_option/* option */.uK.boolean('Print a Renovate configuration (packageRules) that proposes the same moves.', {
            cliOnly: true,
        }),
        'export-refs': cli_option/* option */.uK.string('Write the old-registry references found (repository, tag, digest) to this file, for copy-tags --refs.'),
        'max-file-size': cli_option/* option */.uK.size('Skip (and count) files larger than this, e.g. 10MB, 512k.', {
            default: DEFAULT_MAX_FILE_SIZE,
        }),
    },
    outputs: [
        { name: 'findings', description: 'References to the old registry found (not counting ignored ones).' },
        { name: 'errors', description: 'Findings that fail the check (from guard.fail-from).' },
        { name: 'warnings', description: 'Findings reported as warnings (days left before they fail).' },
        { name: 'ignored', description: 'Findings ignored by allow-lists or inline "cutover: ignore".' },
        { name: 'skipped', description: 'Files not searched: binary, too large, unreadable, symlink loops.' },
    ],
    async run({ options, manifest: load, today, reporter, env, cwd, secrets, entry }) {
        // parse (the reader threads boot meanwhile)
        const readers = (0,guard_readers/* startReaders */.Z)();
        const { manifest, root } = await (async () => {
            const manifest = await load();
            const root = external_node_path_.resolve(cwd, options.path);
            if (!(0,external_node_fs_.statSync)(root, { throwIfNoEntry: false })?.isDirectory())
                throw new errors/* UsageError */.eb(`--path: expected a directory to scan, found ${(0,external_node_fs_.existsSync)(root) ? 'a file' : 'nothing'} at ${root}`);
            return { manifest, root };
        })().catch(async (error) => {
            await readers.close();
            throw error;
        });
        // do
        const oldHost = hostsOf(manifest).old;
        const stats = { files: 0, bytes: 0, parsed: 0 };
        const progress = new shared_progress/* ProgressLine */.g((line) => reporter.info(line), (seconds) => `guard: ${stats.files} files, ${(0,markdown/* formatBytes */.z3)(stats.bytes)} searched (${(0,shared_progress/* formatRate */.C)(stats.bytes, seconds)}), ${stats.parsed} containing ${oldHost}`);
        // The threads are ours to close, whatever happens in the scan.
        const report = await guardTree({
            manifest,
            root,
            cwd,
            today,
            maxFileSize: options['max-file-size'],
            readers,
            fix: options.fix,
            fixDocs: options['fix-docs'],
            verify: options.verify,
            ...(options['export-refs'] && { exportRefs: options['export-refs'] }),
            renovate: options.renovate,
            env,
            secrets,
            onProgress: (current) => {
                Object.assign(stats, { files: current.files, bytes: current.bytes, parsed: current.parsed });
                progress.tick();
            },
        }).finally(() => readers.close());
        progress.done();
        // present
        // The job summary is written only where there is one (a big table costs time to build for nothing).
        return presentGuard(report, {
            reporter,
            entry,
            json: options.json,
            summary: Boolean(env['GITHUB_STEP_SUMMARY']),
            inWorkflow: env['GITHUB_ACTIONS'] === 'true',
        });
    },
});


/***/ }),

/***/ 65634:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  N: () => (/* binding */ ALIGNMENT_NOTE),
  y: () => (/* binding */ applyFixes)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/shared/tree-writer.js
var tree_writer = __webpack_require__(96926);
// EXTERNAL MODULE: ./lib/src/guard/files.js
var files = __webpack_require__(13103);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./lib/src/guard/text-check.js

/** Known binary formats by their first bytes (latin1): a file starting so is never rewritten. */
const MAGIC = [
    ['\x89PNG', 'a PNG image'],
    ['GIF8', 'a GIF image'],
    ['\xff\xd8\xff', 'a JPEG image'],
    ['%PDF-', 'a PDF document'],
    ['PK\x03\x04', 'a ZIP archive (or a jar, wheel, docx …)'],
    ['\x1f\x8b', 'a gzip stream'],
    ['BZh', 'a bzip2 stream'],
    ['\xfd7zXZ', 'an xz stream'],
    ['7z\xbc\xaf', 'a 7-Zip archive'],
    ['\x7fELF', 'an ELF executable'],
    ['\xca\xfe\xba\xbe', 'a Mach-O or Java class file'],
    ['\xcf\xfa\xed\xfe', 'a Mach-O executable'],
    ['MZ', 'a Windows executable'],
];
/**
 * Why a file's bytes are not text that --fix may rewrite, or undefined: a NUL byte anywhere, a known
 * binary format, or bytes that are not UTF-8 outside the lines the edits rewrite (a Latin-1 byte
 * on a rewritten line is kept as it was; anywhere else it says the file is not text).
 */
function notText(bytes, edits) {
    const nul = bytes.indexOf(0);
    if (nul >= 0)
        return `not text: a NUL byte at byte ${nul}; never rewritten`;
    const head = bytes.toString('latin1', 0, 8);
    for (const [magic, what] of MAGIC)
        if (head.startsWith(magic) && (magic !== 'MZ' || !(0,external_node_buffer_.isUtf8)(bytes)))
            return `not text: ${what}; never rewritten`;
    if ((0,external_node_buffer_.isUtf8)(bytes))
        return undefined;
    // The lines the edits touch are left out of the check: their bytes stay as they were.
    const kept = [];
    let at = 0;
    for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
        const lineStart = bytes.lastIndexOf(0x0a, edit.start - 1) + 1;
        if (lineStart < at) {
            at = Math.max(at, nextLine(bytes, edit.end));
            continue;
        }
        kept.push(bytes.subarray(at, lineStart));
        at = nextLine(bytes, edit.end);
    }
    kept.push(bytes.subarray(at));
    const rest = Buffer.concat(kept);
    return (0,external_node_buffer_.isUtf8)(rest)
        ? undefined
        : 'not text: bytes that are not UTF-8 outside the lines rewritten; never rewritten';
}
/** The offset after the line break that ends the line holding `offset`. */
function nextLine(bytes, offset) {
    const newline = bytes.indexOf(0x0a, offset);
    return newline < 0 ? bytes.length : newline + 1;
}

;// CONCATENATED MODULE: ./lib/src/guard/fix.js





const spanKey = (edit) => `${edit.start}:${edit.end}`;
/**
 * Rewrites findings in place, byte for byte: each accepted finding's edits are spliced into the file
 * at their offsets and nothing else changes (line endings, comments, encoding stay). `refuse` may
 * hold a finding back with a reason (for example: not in the new registry). An edit shared by
 * several findings (one ARG default used by two FROM lines) is applied only when all of them are
 * accepted. Files are replaced atomically, keeping their mode.
 *
 * A reference on a command line (shell continuations joined) that also names the new registry — `skopeo
 * copy docker://old/x docker://new/x`, `crane cp`, `docker tag old/x new/x` — is a step of the
 * migration itself: rewritten, it would copy the new registry onto itself, so it is held back with
 * the reason. `newRegistry` lists the new registry's names.
 */
function applyFixes(root, findings, refused, newRegistry = [], 
/** Filled with the bytes before the rewrite of each Go file whose alignment may change (for gofmt). */
goFiles) {
    const outcomes = [];
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const byFile = new Map();
    for (const finding of findings) {
        if (finding.ignored)
            continue;
        byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    }
    for (const [file, fileFindings] of byFile) {
        const reasons = new Map();
        for (const finding of fileFindings) {
            const reason = refused.get(finding) ?? finding.unfixable;
            if (reason !== undefined)
                reasons.set(finding, reason);
        }
        const users = new Map();
        for (const finding of fileFindings)
            for (const edit of finding.edits)
                users.set(spanKey(edit), [...(users.get(spanKey(edit)) ?? []), finding]);
        // An edit whose span is shared must be wanted by every finding using it, and spans must not overlap.
        for (let changed = true; changed;) {
            changed = false;
            for (const [key, sharing] of users) {
                const held = sharing.find((finding) => reasons.has(finding));
                if (!held)
                    continue;
                for (const finding of sharing) {
                    if (reasons.has(finding))
                        continue;
                    reasons.set(finding, `shares text at byte ${key.split(':')[0]} with ${held.normalized}, which is not rewritten`);
                    changed = true;
                }
            }
        }
        // A Buffer when the name is not plain UTF-8: the file is found, read and replaced by its bytes.
        const full = (0,files/* treePath */.ON)(root, file);
        let bytes;
        try {
            // Replacing a symlink with a file would change the tree's shape; its target is fixed where it lives.
            if ((0,external_node_fs_.lstatSync)(full).isSymbolicLink())
                throw new Error('a symbolic link: fix the file it points to');
            staysInside(realRoot, root, file);
            bytes = (0,external_node_fs_.readFileSync)(full);
        }
        catch (error) {
            for (const finding of fileFindings)
                reasons.set(finding, error.message);
            bytes = Buffer.alloc(0);
        }
        for (const finding of fileFindings) {
            if (reasons.has(finding) || bytes.length === 0 || !COMMAND_KINDS.has(finding.kind))
                continue;
            const named = registryNamedOn(logicalLine(bytes, finding.offset), newRegistry);
            if (named)
                reasons.set(finding, `this line also names the new registry ${named}: a copy from the old registry to the new one, which the rewrite would turn into a copy of the new registry onto itself; delete the step once the migration is done, or mark it "cutover: ignore"`);
        }
        const edits = new Map();
        for (const finding of fileFindings) {
            if (reasons.has(finding))
                continue;
            for (const edit of finding.edits) {
                const current = bytes.toString('latin1', edit.start, edit.end);
                if (current !== edit.expect) {
                    reasons.set(finding, `the file changed since the scan (expected "${edit.expect}" at byte ${edit.start})`);
                    break;
                }
                const earlier = edits.get(spanKey(edit));
                if (earlier && earlier.text !== edit.text) {
                    reasons.set(finding, `conflicting rewrites of "${edit.expect}" at byte ${edit.start}`);
                    break;
                }
            }
            if (!reasons.has(finding))
                for (const edit of finding.edits)
                    edits.set(spanKey(edit), edit);
        }
        const ordered = [...edits.values()].sort((a, b) => a.start - b.start);
        // Checked at the moment of writing, over the whole file: a NUL after the first kilobytes, a
        // binary format or bytes that are not UTF-8 mean it is not text, whatever the scan saw.
        const binary = ordered.length > 0 ? notText(bytes, ordered) : undefined;
        if (binary !== undefined) {
            for (const finding of fileFindings)
                if (!reasons.has(finding))
                    reasons.set(finding, binary);
            ordered.length = 0;
        }
        const overlapping = ordered.some((edit, index) => index > 0 && edit.start < ordered[index - 1].end);
        if (overlapping) {
            for (const finding of fileFindings)
                if (!reasons.has(finding))
                    reasons.set(finding, 'overlapping rewrites in this file; fix by hand');
        }
        else if (ordered.length > 0) {
            const pieces = [];
            let at = 0;
            for (const edit of ordered) {
                pieces.push(bytes.subarray(at, edit.start), Buffer.from(edit.text, 'latin1'));
                at = edit.end;
            }
            pieces.push(bytes.subarray(at));
            try {
                // Written through the folder checked, held open (tree-writer.ts): a folder swapped for a link
                // since the check above makes the write fail instead of leaving the tree.
                (0,tree_writer/* replaceFileSync */.U0)((0,files/* treePath */.ON)(realRoot, file), Buffer.concat(pieces), (0,external_node_fs_.lstatSync)(full).mode & 0o7777);
            }
            catch (error) {
                for (const finding of fileFindings)
                    if (!reasons.has(finding))
                        reasons.set(finding, `not written: ${error.message}`);
            }
        }
        const realigned = /\.go$/.test(file) ? goAlignment(bytes, ordered) : new Set();
        if (realigned.size > 0)
            goFiles?.set(file, bytes);
        for (const finding of fileFindings) {
            const reason = reasons.get(finding);
            const note = reason !== undefined
                ? undefined
                : finding.edits.some((edit) => realigned.has(edit.start))
                    ? ALIGNMENT_NOTE
                    : finding.note;
            outcomes.push({
                ...(note && { note }),
                ...(finding.review && { review: finding.review.category }),
                file,
                line: finding.line,
                column: finding.column,
                reference: finding.reference,
                replacement: finding.replacement,
                rewritten: reason === undefined,
                ...(reason !== undefined && { reason }),
            });
        }
    }
    return outcomes;
}
/** The note on a rewrite that may change a column-aligned Go block (confirmed with gofmt where it is installed). */
const ALIGNMENT_NOTE = 'the rewrite changes the width of a column-aligned Go block: run gofmt';
/**
 * Kinds found on command lines and in plain text, where a line naming both registries is a copy or a
 * retag; an image key in YAML or a FROM line holds one image.
 */
const COMMAND_KINDS = new Set([
    'shell-docker',
    'shell-tool',
    'dynamic',
    'registry-prefix',
    'text',
]);
/** The line holding byte `offset`, with the lines a trailing backslash joins to it (one shell command). */
function logicalLine(bytes, offset) {
    const continued = (newline) => bytes[newline - (bytes[newline - 1] === 0x0d ? 2 : 1)] === 0x5c;
    let start = offset > 0 ? bytes.lastIndexOf(0x0a, offset - 1) + 1 : 0;
    while (start > 0 && continued(start - 1))
        start = start > 1 ? bytes.lastIndexOf(0x0a, start - 2) + 1 : 0;
    let end = bytes.indexOf(0x0a, offset);
    while (end >= 0 && continued(end))
        end = bytes.indexOf(0x0a, end + 1);
    return bytes.toString('latin1', start, end < 0 ? bytes.length : end);
}
/** A character that continues a host name (so a name found next to it is part of a longer one). */
const inHostName = (char) => char !== undefined && /[a-z0-9.-]/.test(char);
/** The first of `names` written in `line` as a registry host (any letter case, not inside a longer host name). */
function registryNamedOn(line, names) {
    const text = line.toLowerCase();
    for (const name of names) {
        const host = name.toLowerCase();
        for (let at = text.indexOf(host); at >= 0; at = text.indexOf(host, at + 1)) {
            if (!inHostName(text[at - 1]) && !inHostName(text[at + host.length]))
                return name;
        }
    }
    return undefined;
}
/**
 * Refuses a file that is not inside the root once resolved, or that is reached through a
 * symbolically linked directory (outside git, the walk follows those; --fix never writes through them).
 */
function staysInside(realRoot, root, file) {
    const parts = file.split('/');
    for (let depth = 1; depth < parts.length; depth++) {
        const folder = parts.slice(0, depth).join('/');
        if ((0,external_node_fs_.lstatSync)((0,files/* treePath */.ON)(root, folder)).isSymbolicLink())
            throw new Error(`inside ${folder}, a symbolic link to a directory: not written through`);
    }
    // Compared as bytes: a name that is not UTF-8 would not survive a round trip through a string
    // (.native: the JavaScript realpathSync turns a Buffer path into a string first.)
    const real = external_node_fs_.realpathSync.native((0,files/* treePath */.ON)(root, file), { encoding: 'buffer' });
    const inside = Buffer.from(realRoot + external_node_path_.sep);
    if (!real.equals(Buffer.from(realRoot)) && !real.subarray(0, inside.length).equals(inside))
        throw new Error(`resolves to ${(0,files/* displayName */.QC)(real)}, outside the scanned directory: not written`);
}
/**
 * Edits that change the width of a line in a column-aligned Go block (`Name   = "…"` lines next to
 * each other, as gofmt aligns them): gofmt will want to realign it.
 */
function goAlignment(bytes, edits) {
    const text = bytes.toString('latin1');
    // `Name   = …` lines, or lines with a trailing comment gofmt lines up with its neighbours'.
    const aligned = (line) => line !== undefined && (/^\t+[\w.]+ +=/.test(line) || /^\t+\S.*\S\s+\/\//.test(line));
    const found = new Set();
    for (const edit of edits) {
        if (edit.text.length === edit.end - edit.start)
            continue;
        const start = text.lastIndexOf('\n', edit.start - 1) + 1;
        const previous = start > 0 ? text.slice(text.lastIndexOf('\n', start - 2) + 1, start - 1) : undefined;
        const end = text.indexOf('\n', edit.start);
        const line = text.slice(start, end < 0 ? text.length : end);
        const next = end < 0 ? undefined : text.slice(end + 1, text.indexOf('\n', end + 1) >>> 0);
        if (aligned(line) && (aligned(previous) || aligned(next)))
            found.add(edit.start);
    }
    return found;
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

/***/ 64709:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ annotateProblems),
/* harmony export */   u: () => (/* binding */ annotateAll)
/* harmony export */ });
/** Shows annotations through `annotateMany` where the reporter has it, else one by one. */
function annotateAll(reporter, annotations) {
    if (reporter.annotateMany)
        reporter.annotateMany(annotations);
    else
        for (const annotation of annotations)
            reporter.annotate(annotation);
}
/** Annotates located configuration problems (for example the manifest's warnings) at their file and line. */
function annotateProblems(reporter, problems, severity = 'warning') {
    for (const problem of problems) {
        reporter.annotate({
            severity,
            message: problem.path ? `${problem.path}: ${problem.message}` : problem.message,
            file: problem.file,
            ...(problem.line !== undefined && { line: problem.line }),
            ...(problem.column !== undefined && { column: problem.column }),
        });
    }
}


/***/ })

};
;
//# sourceMappingURL=127.index.cjs.js.map
