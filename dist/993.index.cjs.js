"use strict";
exports.id = 993;
exports.ids = [993];
exports.modules = {

/***/ 9993:
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
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var shared_errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
// EXTERNAL MODULE: ./lib/src/shared/progress.js
var shared_progress = __webpack_require__(34767);
;// CONCATENATED MODULE: ./lib/src/guard/fix.js


const spanKey = (edit) => `${edit.start}:${edit.end}`;
/**
 * Rewrites findings in place, byte for byte: each accepted finding's edits are spliced into the file
 * at their offsets and nothing else changes (line endings, comments, encoding stay). `refuse` may
 * hold a finding back with a reason (for example: not in the new registry). An edit shared by
 * several findings (one ARG default used by two FROM lines) is applied only when all of them are
 * accepted. Files are replaced atomically, keeping their mode.
 */
function applyFixes(root, findings, refused) {
    const outcomes = [];
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
        const full = external_node_path_.join(root, file);
        let bytes;
        try {
            // Replacing a symlink with a file would change the tree's shape; its target is fixed where it lives.
            if ((0,external_node_fs_.lstatSync)(full).isSymbolicLink())
                throw new Error('a symbolic link: fix the file it points to');
            bytes = (0,external_node_fs_.readFileSync)(full);
        }
        catch (error) {
            for (const finding of fileFindings)
                reasons.set(finding, error.message);
            bytes = Buffer.alloc(0);
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
            const temporary = `${full}.cutover-${process.pid}.tmp`;
            (0,external_node_fs_.writeFileSync)(temporary, Buffer.concat(pieces), { mode: (0,external_node_fs_.statSync)(full).mode & 0o7777 });
            (0,external_node_fs_.renameSync)(temporary, full);
        }
        for (const finding of fileFindings) {
            const reason = reasons.get(finding);
            outcomes.push({
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

// EXTERNAL MODULE: ./lib/src/guard/policy.js
var guard_policy = __webpack_require__(10620);
// EXTERNAL MODULE: ./lib/src/copy/refs-file.js
var refs_file = __webpack_require__(77381);
;// CONCATENATED MODULE: ./lib/src/guard/refs-file.js
/**
 * The old-registry references among the findings, for `--export-refs` (the file format is owned by
 * src/registry/refs-file.ts, which copy-tags reads). A reference without tag or digest is written
 * with `tag: latest`, as Docker pulls it; ignored findings and references whose tag comes from a
 * variable without a value are left out.
 */
function exportedReferences(findings) {
    return findings
        .filter((finding) => !finding.ignored && !finding.partial)
        .map(({ image: { repository, tag, digest } }) => ({
        repository,
        ...(tag !== undefined || digest === undefined ? { tag: tag ?? 'latest' } : {}),
        ...(digest !== undefined && { digest }),
    }));
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

// EXTERNAL MODULE: ./lib/src/guard/readers.js
var guard_readers = __webpack_require__(47596);
// EXTERNAL MODULE: ./lib/src/guard/scan.js + 7 modules
var guard_scan = __webpack_require__(25991);
// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(61346);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(61714);
;// CONCATENATED MODULE: ./lib/src/guard/command.js














const DEFAULT_MAX_FILE_SIZE = '10MB';
/** GitHub shows about ten annotations per type and step; the summary carries the rest. */
const ACTION_ANNOTATIONS = 50;
const SUMMARY_ROWS = 1000;
/** `cutover guard`: finds references to the retiring registry, judges them by the timeline, fixes them on request. */
const guard = (0,command/* defineCommand */.N)({
    name: 'guard',
    summary: 'Find every reference to the old registry (Dockerfiles, Compose, Kubernetes, Helm, workflows, scripts, any text); warn before the cutoff, fail after, fix on request.',
    options: {
        path: cli_option/* option */.uK.string('The directory to scan.', { default: '.' }),
        fix: cli_option/* option */.uK.boolean('Rewrite the references in place to the new registry (paths mapping applied), changing nothing else. CLI only: an action never edits the checkout.', { cliOnly: true }),
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
        const { manifest, root, hosts, exclude } = await (async () => {
            const manifest = await load();
            const root = external_node_path_.resolve(cwd, options.path);
            if (!(0,external_node_fs_.statSync)(root, { throwIfNoEntry: false })?.isDirectory())
                throw new shared_errors/* UsageError */.eb(`--path: expected a directory to scan, found ${(0,external_node_fs_.existsSync)(root) ? 'a file' : 'nothing'} at ${root}`);
            return { manifest, root, hosts: hostsOf(manifest), exclude: manifestInside(manifest, cwd, root) };
        })().catch(async (error) => {
            await readers.close();
            throw error;
        });
        // do
        const stats = { files: 0, bytes: 0, parsed: 0 };
        const progress = new shared_progress/* ProgressLine */.g((line) => reporter.info(line), (seconds) => `guard: ${stats.files} files, ${(0,markdown/* formatBytes */.z3)(stats.bytes)} searched (${(0,shared_progress/* formatRate */.C)(stats.bytes, seconds)}), ${stats.parsed} containing ${hosts.old}`);
        const scan = await (0,guard_scan/* scanTree */.w)({
            root,
            hosts,
            maxFileSize: options['max-file-size'],
            exclude,
            readers,
            onProgress: (current) => {
                Object.assign(stats, { files: current.files, bytes: current.bytes, parsed: current.parsed });
                progress.tick();
            },
        });
        progress.done();
        const { policy, findings } = (0,guard_policy/* applyPolicy */.V)(scan.findings, manifest, today);
        const counted = findings.filter((finding) => !finding.ignored);
        // Loaded on demand: the registry client (http, crypto) would cost every other run its start-up time.
        const unavailable = options.verify
            ? await (await Promise.all(/* import() */[__webpack_require__.e(832), __webpack_require__.e(251)]).then(__webpack_require__.bind(__webpack_require__, 93251))).verifyInNewRegistry(manifest, counted, env, secrets)
            : undefined;
        const fixes = options.fix ? applyFixes(root, findings, unavailable ?? new Map()) : undefined;
        const rewritten = new Set((fixes ?? []).filter((fix) => fix.rewritten).map((fix) => `${fix.file}:${fix.line}:${fix.column}`));
        const open = counted.filter((finding) => !rewritten.has(`${finding.file}:${finding.line}:${finding.column}`));
        const refs = (0,refs_file/* buildRefsFile */.hV)(hosts.old, exportedReferences(findings));
        if (options['export-refs'])
            await (0,refs_file/* writeRefsFile */.eA)(external_node_path_.resolve(cwd, options['export-refs']), hosts.old, refs.references);
        const renovate = options.renovate ? renovateConfig(manifest) : undefined;
        // report
        const errors = open.filter((finding) => finding.severity === 'error').length;
        const warnings = open.filter((finding) => finding.severity === 'warning').length;
        const ignored = findings.length - counted.length;
        const skipped = Object.values(scan.stats.skipped).reduce((sum, count) => sum + count, 0);
        annotate(reporter, counted, policy, rewritten, entry === 'action');
        reporter.info(`guard: ${counted.length} reference${counted.length === 1 ? '' : 's'} to ${hosts.old} in ${new Set(counted.map((f) => f.file)).size} files (${ignored} ignored); ${scan.stats.scanned} files searched, ${skipped} skipped`);
        reporter.info(`on ${today}: ${policy.severity} — ${policy.message}`);
        for (const fix of fixes ?? []) {
            if (!fix.rewritten)
                reporter.warning(`${fix.file}:${fix.line}:${fix.column}: not rewritten: ${fix.reason}`);
        }
        if (fixes)
            reporter.info(`fix: ${fixes.filter((fix) => fix.rewritten).length} of ${fixes.length} references rewritten`);
        if (options['export-refs'])
            reporter.info(`wrote ${refs.references.length} references to ${options['export-refs']}`);
        if (renovate && !options.json)
            process.stdout.write(`${JSON.stringify(renovate, null, 2)}\n`);
        reporter.summary(summaryOf(today, policy, hosts, scan, findings, fixes, unavailable));
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
                root,
                registry: hosts.old,
                policy,
                counts: { findings: counted.length, errors, warnings, ignored, skipped, rewritten: rewritten.size },
                findings: counted.map((finding) => jsonOf(finding, unavailable)),
                ignored: findings
                    .filter((finding) => finding.ignored)
                    .map((finding) => ({ ...jsonOf(finding), ignoredBy: finding.ignored })),
                scan: scan.stats,
                notes: scan.notes,
                ...(fixes && { fix: fixes }),
                ...(options['export-refs'] && { exportRefs: { file: options['export-refs'], ...refs } }),
                ...(renovate && { renovate }),
            },
        };
    },
});
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
function jsonOf(finding, unavailable) {
    const missing = unavailable?.get(finding);
    return {
        file: finding.file,
        line: finding.line,
        column: finding.column,
        reference: finding.reference,
        normalized: finding.normalized,
        kind: finding.kind,
        severity: finding.severity,
        replacement: finding.replacement,
        ...(unavailable && {
            inNewRegistry: missing === undefined,
            ...(missing !== undefined && { reason: missing }),
        }),
    };
}
function annotate(reporter, findings, policy, rewritten, inAction) {
    const shown = inAction ? findings.slice(0, ACTION_ANNOTATIONS) : findings;
    for (const finding of shown) {
        const fixed = rewritten.has(`${finding.file}:${finding.line}:${finding.column}`);
        reporter.annotate({
            severity: fixed ? 'info' : finding.severity,
            title: 'cutover guard: old registry reference',
            file: finding.file,
            line: finding.line,
            column: finding.column,
            message: fixed
                ? `rewritten: ${finding.normalized} → ${finding.replacement}`
                : `${finding.normalized} (${finding.kind}): ${policy.message}; use ${finding.replacement}`,
        });
    }
    if (shown.length < findings.length)
        reporter.info(`${findings.length - shown.length} more findings are listed in the job summary and the json output`);
}
function summaryOf(today, policy, hosts, scan, findings, fixes, unavailable) {
    const icon = { info: 'ℹ️', warning: '⚠️', error: '❌' }[policy.severity];
    const counted = findings.filter((finding) => !finding.ignored);
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
        byKind.set(finding.kind, (byKind.get(finding.kind) ?? 0) + 1);
    if (byKind.size > 1) {
        lines.push('', '```mermaid', 'pie title Findings by kind', ...[...byKind].map(([kind, n]) => `  "${kind}" : ${n}`), '```');
    }
    const outcome = new Map((fixes ?? []).map((fix) => [`${fix.file}:${fix.line}:${fix.column}`, fix]));
    let rows = 0;
    const byFile = new Map();
    for (const finding of findings)
        byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    for (const [file, list] of byFile) {
        if (rows >= SUMMARY_ROWS)
            break;
        const shown = list.slice(0, SUMMARY_ROWS - rows);
        rows += shown.length;
        lines.push('', `#### \`${(0,markdown/* cell */.Hn)(file)}\` (${list.length})`, '', (0,markdown/* table */.tp)([
            'Line:col',
            'Reference',
            'Kind',
            'Severity',
            'Replacement',
            ...(fixes || unavailable ? ['Fix'] : []),
        ], shown.map((finding) => {
            const fix = outcome.get(`${finding.file}:${finding.line}:${finding.column}`);
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
        lines.push('', '#### Files not searched normally', '', (0,markdown/* table */.tp)(['File', 'Reason', 'Detail'], scan.notes.map((note) => [note.file, note.reason, note.detail ?? ''])));
    }
    return lines.join('\n');
}


/***/ })

};
;