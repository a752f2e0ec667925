"use strict";
exports.id = 586;
exports.ids = [586];
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


/***/ }),

/***/ 50586:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tags: () => (/* binding */ tags)
});

// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(61346);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(61714);
// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
;// CONCATENATED MODULE: ./lib/src/tags/present.js

/** Turns the plan into the outputs build-push-action reads, with push's notices about left-out registries. */
function presentTags(plan, reporter) {
    for (const skipped of plan.skipped)
        reporter.info(`not pushing to ${skipped.host}: ${skipped.reason}`);
    reporter.info(`on ${plan.today} (phase ${plan.phase}) the build pushes to ${plan.registries.join(' and ')}: ${plan.references.length} reference${plan.references.length === 1 ? '' : 's'}`);
    reporter.summary([
        `### cutover tags: phase **${plan.phase}** on ${plan.today}`,
        '',
        (0,markdown/* table */.tp)(['Registry', 'References'], [
            ...plan.registries.map((host) => [
                `\`${host}\``,
                plan.references
                    .filter((reference) => reference.startsWith(`${host}/`))
                    .map((reference) => `\`${reference}\``)
                    .join('<br>'),
            ]),
            ...plan.skipped.map((skipped) => [`\`${skipped.host}\``, `⏭️ skipped: ${skipped.reason}`]),
        ]),
        '',
    ].join('\n'));
    return {
        exitCode: 0,
        outputs: { tags: plan.references.join('\n'), registries: plan.registries.join('\n') },
        json: {
            today: plan.today,
            phase: plan.phase,
            tags: plan.references,
            registries: plan.registries,
            images: plan.images.map((image) => ({
                repository: image.repository,
                tags: image.tags,
                targets: image.targets.map((target) => ({
                    registry: target.registry.host,
                    role: target.role,
                    repository: target.repository,
                })),
            })),
            skipped: plan.skipped.map(({ host, reason }) => ({ registry: host, reason })),
        },
        stdout: `${plan.references.join('\n')}\n`,
    };
}

// EXTERNAL MODULE: ./lib/src/tags/targets.js
var targets = __webpack_require__(68164);
;// CONCATENATED MODULE: ./lib/src/tags/command.js




/** `cutover tags`: today's full references for a build, as docker/build-push-action's `tags:` takes them. */
const tags = (0,command/* defineCommand */.N)({
    name: 'tags',
    summary: "Print today's full references for a build (old, both, or new registry, by the timeline), for docker/build-push-action's tags input.",
    options: {
        tags: cli_option/* option */.uK.list('Tags or image names: a bare tag (with --repository), repository:tag, or old-host/repository:tag — e.g. docker/metadata-action’s tags output.'),
        repository: cli_option/* option */.uK.string('Repository path in the old registry (required for bare tags; wins over the names in --tags); the manifest’s paths give the new registry’s path.'),
    },
    outputs: [
        {
            name: 'tags',
            description: 'Every reference to push today, host/repository:tag, one per line (build-push-action tags:).',
        },
        { name: 'registries', description: 'The registry hosts written to today, one per line.' },
    ],
    async run({ options, manifest: load, today, reporter }) {
        // parse
        const manifest = await load();
        // do
        const plan = (0,targets/* planTags */.Vd)(manifest, today, {
            lines: options.tags.flatMap((value) => value.split('\n')),
            ...(options.repository !== undefined && { repository: options.repository }),
        });
        // present
        return presentTags(plan, reporter);
    },
});


/***/ }),

/***/ 68164:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vd: () => (/* binding */ planTags),
/* harmony export */   je: () => (/* binding */ plannedReferences)
/* harmony export */ });
/* unused harmony export parseTagLine */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8835);
/* harmony import */ var _manifest_hosts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91517);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92041);
/* harmony import */ var _manifest_push_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24998);
/**
 * Today's full references for an image about to be built: the tags a build should push (old,
 * both, or new registry, by the timeline), in the form docker/build-push-action's `tags:` takes.
 */




/**
 * Reads one line of `--tags`: a bare tag (`1.2`, with `--repository`), `repository:tag` (what
 * docker/metadata-action writes for `images: api`), or `old-host/repository:tag`.
 * @throws UsageError naming the line, for anything else
 */
function parseTagLine(manifest, line, number, repository) {
    const where = `--tags line ${number} ("${line}")`;
    if (!line.includes(':') && !line.includes('/') && !line.includes('@')) {
        if (!(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidTag */ .r_)(line))
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: expected a tag (letters, digits, _ . -, at most 128, not starting with . or -)`);
        if (!repository)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: a bare tag needs --repository (the image's path in the old registry)`);
        return { repository, tag: line };
    }
    const host = (0,_manifest_hosts_js__WEBPACK_IMPORTED_MODULE_1__/* .hostPart */ .O)(line);
    if (host !== undefined) {
        const role = (0,_manifest_hosts_js__WEBPACK_IMPORTED_MODULE_1__/* .roleOfHost */ .g)(manifest, host);
        if (role !== 'old')
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: name images by their path in the old registry ${manifest.registries.old.host} (or without a host); ${role === 'new' ? 'the manifest’s paths give the new registry’s path' : `${host} is not a registry of the manifest`}`);
    }
    let parsed;
    try {
        parsed = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRepositoryReference */ .Dp)(host === undefined ? line : line.slice(host.length + 1));
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: ${error.message}`);
    }
    if (parsed.digest !== undefined)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${where}: expected a tag, not a digest`);
    return { repository: repository ?? parsed.repository, tag: parsed.tag ?? 'latest' };
}
/**
 * Plans today's references for the given lines: grouped by repository, each sent where `push`
 * would send it (the same read-only and shutdown rules).
 * @throws UsageError for a line that is not a tag or image name, or no line at all
 */
function planTags(manifest, today, request) {
    const lines = request.lines.map((line) => line.trim()).filter((line) => line.length > 0);
    if (lines.length === 0 && request.repository === undefined)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('--tags: expected at least one tag or image name (one per line)');
    const wanted = new Map();
    if (lines.length === 0)
        wanted.set(request.repository, ['latest']);
    lines.forEach((line, index) => {
        const { repository, tag } = parseTagLine(manifest, line, index + 1, request.repository);
        const tags = wanted.get(repository) ?? [];
        if (!tags.includes(tag))
            tags.push(tag);
        wanted.set(repository, tags);
    });
    const images = [];
    let phase = 'dual';
    let skipped = [];
    for (const [repository, tags] of wanted) {
        const plan = (0,_manifest_push_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .planPush */ .M)(manifest, today, { image: repository, repository, tags });
        phase = plan.phase;
        skipped = plan.skipped;
        images.push({ repository, tags: plan.tags, targets: plan.targets });
    }
    const references = plannedReferences({ images }).map((planned) => planned.reference);
    const registries = [...new Set(images.flatMap((image) => image.targets.map((t) => t.registry.host)))];
    return { today, phase, images, references, registries, skipped };
}
/** Every reference of a plan with its registry, target by target. */
function plannedReferences(plan) {
    return plan.images.flatMap((image) => image.targets.flatMap((target) => image.tags.map((tag) => ({
        role: target.role,
        host: target.registry.host,
        repository: target.repository,
        tag,
        reference: `${target.name}:${tag}`,
    }))));
}


/***/ })

};
;
//# sourceMappingURL=586.index.cjs.js.map
