"use strict";
exports.id = 989;
exports.ids = [989];
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

/***/ 32989:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  plan: () => (/* binding */ plan)
});

// EXTERNAL MODULE: ./lib/src/plan/plan.js + 1 modules
var plan_plan = __webpack_require__(69772);
// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
// EXTERNAL MODULE: ./lib/src/plan/diagram.js + 1 modules
var plan_diagram = __webpack_require__(42437);
;// CONCATENATED MODULE: ./lib/src/plan/render.js


/** GitHub allows at most this many jobs per matrix; fan out wave by wave beyond it. */
const GITHUB_MATRIX_LIMIT = 256;
/**
 * The GitHub Actions matrix (`{"include": [...]}`): one job per repository, or per produced image,
 * optionally of one wave only.
 */
function planMatrix(plan, by, wave) {
    const include = [];
    for (const entry of plan.waves) {
        if (wave !== undefined && entry.wave !== wave)
            continue;
        for (const repo of entry.repos) {
            const owner = repo.owner ?? '';
            if (by === 'repo')
                include.push({ repo: repo.repo, wave: repo.wave, owner, images: repo.produces });
            else
                for (const image of repo.produces)
                    include.push({ image, repo: repo.repo, wave: repo.wave, owner });
        }
    }
    return { include };
}
/** Text for a copy item: `auth:1.4.2`, `base@sha256:…`, or `jdk (tags the copy: rules select)`. */
function copyItemText(item) {
    if (item.tag === undefined && item.digest === undefined)
        return `${item.image} (tags the copy: rules select)`;
    return `${item.image}${item.tag ? `:${item.tag}` : ''}${item.digest ? `@${item.digest}` : ''}`;
}
/** The plan as JSON: waves, cycles, edges and matrix. */
function planJson(plan, matrix) {
    return {
        repos: plan.repos.size,
        waves: plan.waves.map((wave) => ({
            wave: wave.wave,
            repos: wave.repos.map(repoJson),
            copy: wave.copy.map((item) => ({ ...item, text: copyItemText(item) })),
        })),
        cycles: plan.cycles.map((cycle) => ({
            repos: cycle.repos,
            kind: cycle.kind,
            breakBy: cycle.breakBy,
            explanation: cycle.explanation,
            edges: cycle.edges.map((edge) => ({
                consumer: edge.consumer,
                producer: edge.producer,
                images: edge.consumes.map((c) => c.text),
                pinned: edge.pinned,
            })),
        })),
        edges: plan.edges.map((edge) => ({
            consumer: edge.consumer,
            producer: edge.producer,
            images: edge.consumes.map((c) => c.text),
            pinned: edge.pinned,
        })),
        matrix,
    };
}
function repoJson(repo) {
    return {
        repo: repo.repo,
        ...(repo.owner !== undefined && { owner: repo.owner }),
        wave: repo.wave,
        produces: repo.produces,
        waitsFor: repo.waitsFor,
        copies: repo.copies,
        independent: repo.independent,
        blocked: repo.blocked,
    };
}
/** Waves with more rows than this are folded into a collapsible section. */
const OPEN_WAVE_ROWS = 20;
/** Blocking cycles first (earliest wave first), then pinned ones: the order people act in. */
function cyclesByUrgency(plan) {
    const waveOf = (cycle) => plan.repos.get(cycle.repos[0]).wave;
    return [...plan.cycles].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'blocking' ? -1 : 1) ||
        waveOf(a) - waveOf(b) ||
        a.repos[0].localeCompare(b.repos[0]));
}
/** The repositories of each owner (teams sorted by name; repositories without one last). */
function reposByTeam(plan) {
    const teams = new Map();
    for (const wave of plan.waves)
        for (const repo of wave.repos) {
            const team = repo.owner ?? '(no owner)';
            const list = teams.get(team) ?? [];
            list.push(repo);
            teams.set(team, list);
        }
    return [...teams.entries()].sort(([a], [b]) => Number(a === '(no owner)') - Number(b === '(no owner)') || a.localeCompare(b));
}
/** The headline counts, the same in the summary and the terminal. */
function planHeadline(plan) {
    const blocking = plan.cycles.filter((c) => c.kind === 'blocking').length;
    const pinned = plan.cycles.length - blocking;
    return (`${(0,markdown/* plural */.LS)(plan.repos.size, 'repository', 'repositories')} switch their pulls to the new registry in ${(0,markdown/* plural */.LS)(plan.waves.length, 'wave')}; ` +
        `${(0,markdown/* plural */.LS)(blocking, 'blocking cycle')} ${blocking === 1 ? 'needs' : 'need'} a decision, ` +
        `${(0,markdown/* plural */.LS)(pinned, 'pinned cycle')} ${pinned === 1 ? 'is' : 'are'} broken by copying tags.`);
}
/**
 * The plan as Markdown for the job summary, in the order people act on it: blocking cycles and the
 * decision each needs; the diagram; one collapsible section per team (its repositories, waves, what
 * they wait for, what is copied first); the waves (collapsed above {@link OPEN_WAVE_ROWS} rows);
 * pinned cycles. Kept under GitHub's 1 MiB: past 900 kB the tables are cut (`--json` has all).
 */
function planMarkdown(plan, source) {
    const cycles = cyclesByUrgency(plan);
    const blocking = cycles.filter((c) => c.kind === 'blocking');
    const pinned = cycles.filter((c) => c.kind === 'pinned');
    const parts = [{ text: `### cutover plan: \`${source}\`\n\n${planHeadline(plan)}\n` }];
    if (blocking.length > 0) {
        parts.push({
            text: [
                `#### 🔴 ${(0,markdown/* plural */.LS)(blocking.length, 'blocking cycle')}: a decision each`,
                '',
                ...blocking.map((cycle) => `- **wave ${plan.repos.get(cycle.repos[0]).wave}** · ${cycle.explanation}`),
                '',
            ].join('\n'),
        });
    }
    parts.push({
        text: [
            'Arrows run from the producing repository to the consumer; dotted arrows are pinned old tags, which copy-tags carries so nobody waits for them.',
            '',
            (0,plan_diagram/* dependencyDiagram */.$b)(plan, (0,plan_diagram/* waveColouring */.kH)(plan)),
            '',
        ].join('\n'),
    });
    const teams = reposByTeam(plan);
    parts.push({ text: `#### Per team (${(0,markdown/* plural */.LS)(teams.length, 'team')})\n` });
    for (const [team, repos] of teams) {
        const text = teamSection(plan, team, repos);
        parts.push({ text, cut: teamSection(plan, team, repos, false) });
    }
    parts.push({ text: '#### Waves\n' });
    for (const wave of plan.waves)
        parts.push({ text: waveSection(wave), cut: waveSection(wave, false) });
    if (pinned.length > 0) {
        const list = pinned.map((cycle) => `- 🟢 **pinned**: ${cycle.explanation}`).join('\n');
        parts.push({
            text: `#### ${(0,markdown/* plural */.LS)(pinned.length, 'pinned cycle')} (copy-tags breaks them)\n\n${list}\n`,
            cut: `#### ${(0,markdown/* plural */.LS)(pinned.length, 'pinned cycle')} (copy-tags breaks them)\n\nCut to keep the summary under GitHub's 1 MiB: \`cutover plan --json\` lists them.\n`,
        });
    }
    return (0,markdown/* fitSummary */.mW)(parts);
}
const CUT_NOTE = '_Table cut to keep the summary under GitHub’s 1 MiB: `cutover plan --json` has the whole plan._';
function teamSection(plan, team, repos, withTable = true) {
    const waves = [...new Set(repos.map((repo) => repo.wave))].sort((a, b) => a - b);
    const red = repos.filter((repo) => repo.blocked).length;
    const title = `<b>${escapeHtml(team)}</b>: ${(0,markdown/* plural */.LS)(repos.length, 'repository', 'repositories')}, ` +
        `${waves.length === 1 ? `wave ${waves[0]}` : `waves ${waves[0]}–${waves.at(-1)}`}` +
        (red > 0 ? `, 🔴 ${red} in blocking cycles` : '');
    if (!withTable)
        return (0,markdown/* details */.zH)(title, CUT_NOTE) + '\n';
    const diagram = (0,plan_diagram/* teamDiagram */.JW)(plan, repos);
    const body = [
        ...(diagram ? [diagram, ''] : []),
        (0,markdown/* table */.tp)(['Repository', 'Wave', 'Waits for', 'Copied first'], repos.map((repo) => [
            `${repo.repo}${repo.blocked ? ' 🔴' : ''}`,
            repo.wave,
            repo.waitsFor.join(', '),
            repo.copies.join(', '),
        ])),
    ].join('\n');
    return (0,markdown/* details */.zH)(title, body) + '\n';
}
function waveSection(wave, withTable = true) {
    const parts = [`#### Wave ${wave.wave}`, ''];
    if (wave.copy.length > 0) {
        parts.push(`Before this wave, copy-tags must carry: ${wave.copy.map((item) => `\`${copyItemText(item)}\``).join(', ')}.`, '');
    }
    if (!withTable)
        return [...parts, `${(0,markdown/* plural */.LS)(wave.repos.length, 'repository', 'repositories')}. ${CUT_NOTE}`, ''].join('\n');
    const rows = (0,markdown/* table */.tp)(['Repository', 'Owner', 'Produces', 'Waits for', 'Copied first'], wave.repos.map((repo) => [
        `${repo.repo}${repo.blocked ? ' 🔴' : ''}`,
        repo.owner ?? '',
        repo.produces.join(', ') || (repo.independent ? '(no image dependency)' : ''),
        repo.waitsFor.join(', '),
        repo.copies.join(', '),
    ]));
    parts.push(wave.repos.length > OPEN_WAVE_ROWS
        ? (0,markdown/* details */.zH)(`${(0,markdown/* plural */.LS)(wave.repos.length, 'repository', 'repositories')}`, rows)
        : rows, '');
    return parts.join('\n');
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

;// CONCATENATED MODULE: ./lib/src/shared/colour.js
/**
 * Colour for terminal text, by the conventions other tools follow: NO_COLOR (any value) turns it
 * off, FORCE_COLOR (other than `0`) turns it on, otherwise only a terminal gets it.
 */
/** Whether text printed to a stream should carry colour. */
function colourWanted(env, isTTY) {
    if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '')
        return false;
    const force = env['FORCE_COLOR'];
    if (force !== undefined && force !== '')
        return force !== '0' && force !== 'false';
    return isTTY;
}
/** SGR codes for the few styles cutover uses. */
const STYLES = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33' };
/** A painter: `paint('red', text)` colours when `enabled`, else returns the text as it is. */
function painter(enabled) {
    return (style, text) => (enabled ? `\u001b[${STYLES[style]}m${text}\u001b[0m` : text);
}

// EXTERNAL MODULE: ./lib/src/shared/reporter.js
var shared_reporter = __webpack_require__(64709);
;// CONCATENATED MODULE: ./lib/src/plan/text.js
/**
 * The plan for a terminal or a CI log: a headline, the blocking cycles, then the waves as counts
 * with their first names — short lines whatever the size of the organisation.
 */



/** Names shown per wave unless `verbose`. */
const NAMES_PER_WAVE = 5;
/** The plan as lines of text. */
function planText(plan, options) {
    const paint = painter(options.colour);
    const lines = [paint('bold', `plan of ${options.source}: ${planHeadline(plan)}`)];
    const cycles = cyclesByUrgency(plan);
    const blocking = cycles.filter((cycle) => cycle.kind === 'blocking');
    if (blocking.length > 0) {
        lines.push('', paint('red', `${(0,markdown/* plural */.LS)(blocking.length, 'blocking cycle')} (decide before the wave):`));
        for (const cycle of blocking) {
            const wave = plan.repos.get(cycle.repos[0]).wave;
            lines.push(`  ${paint('red', '●')} wave ${wave}: ${cycle.explanation.replace(/`/g, '')}`);
        }
    }
    lines.push('', paint('bold', 'waves:'));
    for (const wave of plan.waves) {
        const names = wave.repos.map((repo) => (repo.blocked ? paint('red', repo.repo) : repo.repo));
        const shown = options.verbose ? names : names.slice(0, NAMES_PER_WAVE);
        const more = names.length - shown.length;
        lines.push(`  wave ${wave.wave}: ${(0,markdown/* plural */.LS)(wave.repos.length, 'repository', 'repositories')}` +
            (wave.copy.length ? ` (copy first: ${(0,markdown/* plural */.LS)(wave.copy.length, 'tag')})` : '') +
            ` — ${shown.join(', ')}${more > 0 ? paint('dim', ` … and ${more} more`) : ''}`);
    }
    const pinned = cycles.length - blocking.length;
    if (pinned > 0)
        lines.push('', paint('green', `${(0,markdown/* plural */.LS)(pinned, 'pinned cycle')}: copy-tags breaks ${pinned === 1 ? 'it' : 'them'} (see --json or --summary)`));
    if (!options.verbose && plan.waves.some((wave) => wave.repos.length > NAMES_PER_WAVE))
        lines.push('', paint('dim', '(--verbose lists every repository)'));
    return lines;
}

;// CONCATENATED MODULE: ./lib/src/plan/present.js





/**
 * GitHub shows 10 warnings per step: blocking cycles take at most this many, one line counts the
 * rest, and the manifest's own warnings come after.
 */
const CYCLE_ANNOTATIONS = 8;
/** Turns a plan into log lines (or the CLI's text), annotations, the job summary, `--json` and outputs. */
function presentPlan(report, how) {
    const { manifest, plan, matrix } = report;
    const { reporter } = how;
    const cycles = cyclesByUrgency(plan);
    const blocking = cycles.filter((cycle) => cycle.kind === 'blocking');
    const pinned = cycles.filter((cycle) => cycle.kind === 'pinned');
    for (const cycle of blocking.slice(0, CYCLE_ANNOTATIONS)) {
        reporter.annotate({
            severity: 'warning',
            title: 'blocking cycle',
            message: cycle.explanation.replace(/`/g, ''),
            file: manifest.source,
            ...manifest.locator.keyAt(['repos', cycle.repos[0]]),
        });
    }
    if (blocking.length > CYCLE_ANNOTATIONS)
        reporter.annotate({
            severity: 'warning',
            title: 'blocking cycles',
            message: `… and ${(0,markdown/* plural */.LS)(blocking.length - CYCLE_ANNOTATIONS, 'more blocking cycle')}: the job summary lists each with the decision it needs`,
            file: manifest.source,
        });
    if (pinned.length > 0)
        reporter.annotate({
            severity: 'info',
            title: 'pinned cycles',
            message: `${(0,markdown/* plural */.LS)(pinned.length, 'pinned cycle')}: copy-tags breaks ${pinned.length === 1 ? 'it' : 'them'} by copying ${(0,markdown/* plural */.LS)(new Set(pinned.flatMap((c) => c.breakBy)).size, 'pinned tag')} before the waves that need them (see the job summary)`,
            file: manifest.source,
        });
    (0,shared_reporter/* annotateProblems */.$)(reporter, manifest.warnings);
    reporter.info(`${(0,markdown/* plural */.LS)(manifest.repos.length, 'repository', 'repositories')}, ${(0,markdown/* plural */.LS)(plan.edges.length, 'dependency', 'dependencies')}, ` +
        `${(0,markdown/* plural */.LS)(plan.waves.length, 'wave')}, ${(0,markdown/* plural */.LS)(plan.cycles.length, 'cycle')} (${blocking.length} blocking) — planned in ${report.elapsedMs.toFixed(1)} ms`);
    if (report.matrixAsked && matrix.include.length > GITHUB_MATRIX_LIMIT) {
        reporter.warning(`the matrix has ${matrix.include.length} jobs, more than GitHub's ${GITHUB_MATRIX_LIMIT} per matrix: fan out one wave at a time with --wave`);
    }
    const colour = how.entry === 'cli' && colourWanted(how.env, how.stdoutIsTTY === true);
    const text = planText(plan, { verbose: how.verbose, colour, source: manifest.source });
    if (how.entry === 'action')
        for (const line of text)
            reporter.info(line);
    if (how.summary)
        reporter.summary(planMarkdown(plan, manifest.source));
    return {
        exitCode: 0,
        outputs: {
            matrix: JSON.stringify(matrix),
            waves: String(plan.waves.length),
            'blocking-cycles': String(blocking.length),
        },
        json: { manifest: manifest.source, ...planJson(plan, matrix) },
        ...(how.entry === 'cli' && { stdout: `${text.join('\n')}\n` }),
    };
}

// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(61346);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(61714);
;// CONCATENATED MODULE: ./lib/src/plan/command.js







/** `cutover plan`: the dependency graph, its cycles and the waves in which repositories switch. */
const plan = (0,command/* defineCommand */.N)({
    name: 'plan',
    summary: 'Plan the migration: dependency graph, cycles (pinned or blocking), waves with owners, and a job matrix.',
    options: {
        'matrix-by': cli_option/* option */.uK.choice(['repo', 'image'], 'One matrix job per "repo" or per produced "image".', {
            default: 'repo',
            expected: 'expected "repo" or "image"',
        }),
        wave: cli_option/* option */.uK.int({ min: 1, expected: 'expected a wave number of at least 1' }, 'Only this wave in the matrix output (GitHub runs at most 256 jobs per matrix).'),
        verbose: cli_option/* option */.uK.boolean('List every repository of every wave (by default the first few and a count).', {
            cliOnly: true,
        }),
        summary: cli_option/* option */.uK.string('Also write the job summary (Markdown with its diagram) to this file, e.g. to look at it outside Actions.', { cliOnly: true }),
    },
    outputs: [
        {
            name: 'matrix',
            description: 'GitHub Actions matrix JSON ({"include": [...]}) for an org-wide fan-out.',
        },
        { name: 'waves', description: 'How many waves the plan has.' },
        { name: 'blocking-cycles', description: 'How many cycles need a decision (0 when none).' },
    ],
    async run({ manifest: load, options, reporter, entry, env, cwd, stdoutIsTTY }) {
        const manifest = await load();
        const started = performance.now();
        const plan = (0,plan_plan/* planMigration */.E)(manifest);
        if (options.wave !== undefined && options.wave > plan.waves.length) {
            // An empty matrix would start no job and pass: a wave that does not exist is a mistake.
            throw new errors/* UsageError */.eb(plan.waves.length === 0
                ? `--wave ${options.wave}: the plan has no waves (the manifest lists no repositories)`
                : `--wave ${options.wave}: the plan has ${plan.waves.length} wave${plan.waves.length === 1 ? '' : 's'}; expected 1–${plan.waves.length}`);
        }
        const matrix = planMatrix(plan, options['matrix-by'], options.wave);
        const report = {
            manifest,
            plan,
            matrix,
            matrixAsked: entry === 'action' || options.json || options.wave !== undefined,
            elapsedMs: performance.now() - started,
        };
        const result = presentPlan(report, {
            reporter,
            entry,
            env,
            verbose: options.verbose,
            summary: entry === 'action' || options.summary !== undefined || Boolean(env['GITHUB_STEP_SUMMARY']),
            ...(stdoutIsTTY !== undefined && { stdoutIsTTY }),
        });
        if (options.summary)
            (0,markdown/* writeSummaryFile */.o0)(cwd, options.summary, reporter.summaryText());
        return result;
    },
});


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
//# sourceMappingURL=989.index.cjs.js.map
