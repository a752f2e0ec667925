"use strict";
exports.id = 849;
exports.ids = [849];
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

/***/ 86849:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollout: () => (/* binding */ rollout)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/github/connect.js
var connect = __webpack_require__(83730);
// EXTERNAL MODULE: ./lib/src/manifest/load.js + 1 modules
var manifest_load = __webpack_require__(71554);
// EXTERNAL MODULE: ./lib/src/shared/progress.js
var shared_progress = __webpack_require__(34767);
// EXTERNAL MODULE: ./lib/src/shared/limiter.js
var limiter = __webpack_require__(17870);
// EXTERNAL MODULE: ./lib/src/github/http-status.js
var http_status = __webpack_require__(14501);
;// CONCATENATED MODULE: ./lib/src/rollout/rollout.js




/**
 * The pull request's description: what the workflow does for this repository and who asked.
 */
function pullRequestBody(settings) {
    return [
        `This adds \`${settings.path}\`, which calls \`${settings.uses}\`: it builds and pushes ${settings.images.length
            ? settings.images.map((image) => `\`${image}\``).join(', ')
            : 'nothing (no image)'} to the registries the migration timeline names, flags references to the old registry, and checks generated code.`,
        '',
        `Opened by \`cutover rollout\` from \`${settings.source}\`${settings.owner ? ` for ${settings.owner}` : ''}.`,
    ].join('\n');
}
/**
 * Opens (or, without `apply`, plans) one pull request adding the starter workflow to `repo`.
 * Idempotent: a repository whose default branch already has the file, or that has an open pull
 * request from the rollout branch, is skipped; a rollout branch left by an earlier run is reused.
 */
async function rolloutRepository(octokit, repo, settings) {
    const [owner, name] = repo.split('/');
    let defaultBranch;
    try {
        defaultBranch = (await octokit.rest.repos.get({ owner, repo: name })).data.default_branch;
    }
    catch (error) {
        return { repo, action: 'failed', reason: describe(error, 'reading the repository') };
    }
    try {
        if (await fileExists(octokit, owner, name, settings.path, defaultBranch)) {
            return {
                repo,
                action: 'skipped',
                reason: `${settings.path} is already on ${defaultBranch}`,
                defaultBranch,
            };
        }
        const open = await octokit.rest.pulls.list({
            owner,
            repo: name,
            state: 'open',
            head: `${owner}:${settings.branch}`,
            per_page: 10,
        });
        const existing = open.data[0];
        if (existing) {
            return {
                repo,
                action: 'skipped',
                reason: `rollout pull request #${existing.number} is already open`,
                defaultBranch,
                pullRequest: { number: existing.number, url: existing.html_url },
            };
        }
        if (!settings.apply)
            return { repo, action: 'would-open', defaultBranch };
        const base = await octokit.rest.git.getRef({ owner, repo: name, ref: `heads/${defaultBranch}` });
        let branchSha;
        try {
            await octokit.rest.git.createRef({
                owner,
                repo: name,
                ref: `refs/heads/${settings.branch}`,
                sha: base.data.object.sha,
            });
        }
        catch (error) {
            // 422: the branch is left from an earlier run whose pull request was closed; reuse it.
            if ((0,http_status/* httpStatus */.n)(error) !== 422)
                throw error;
            branchSha = await fileSha(octokit, owner, name, settings.path, settings.branch);
        }
        await octokit.rest.repos.createOrUpdateFileContents({
            owner,
            repo: name,
            path: settings.path,
            branch: settings.branch,
            message: settings.title,
            content: Buffer.from(settings.content(defaultBranch)).toString('base64'),
            ...(branchSha !== undefined && { sha: branchSha }),
        });
        const pull = await octokit.rest.pulls.create({
            owner,
            repo: name,
            title: settings.title,
            head: settings.branch,
            base: defaultBranch,
            body: settings.body,
        });
        return {
            repo,
            action: 'opened',
            defaultBranch,
            pullRequest: { number: pull.data.number, url: pull.data.html_url },
        };
    }
    catch (error) {
        return { repo, action: 'failed', reason: describe(error, 'opening the pull request'), defaultBranch };
    }
}
async function fileExists(octokit, owner, repo, path, ref) {
    return (await fileSha(octokit, owner, repo, path, ref)) !== undefined;
}
/** The blob sha of a file on a branch, or undefined when there is none. */
async function fileSha(octokit, owner, repo, path, ref) {
    try {
        const response = await octokit.rest.repos.getContent({ owner, repo, path, ref });
        return Array.isArray(response.data) ? undefined : response.data.sha;
    }
    catch (error) {
        if ((0,http_status/* httpStatus */.n)(error) === 404)
            return undefined;
        throw error;
    }
}
function describe(error, doing) {
    const status = (0,http_status/* httpStatus */.n)(error);
    const message = error.message.split('\n')[0];
    if (status === 404)
        return `${doing}: not found, or the token cannot see it (HTTP 404)`;
    if (status === 403 || status === 401)
        return `${doing}: the token is not allowed (HTTP ${status}: ${message}); it needs contents and pull-requests write`;
    return `${doing}: ${status ? `HTTP ${status}: ` : ''}${message}`;
}
/** Reads the progress file; a missing file, or one for another path or branch, is a fresh start. */
function readRolloutProgress(file, settings) {
    const fresh = { version: 1, ...settings, done: {} };
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return fresh;
    }
    try {
        const progress = JSON.parse(text);
        if (progress.version !== 1 || progress.path !== settings.path || progress.branch !== settings.branch)
            return fresh;
        return { ...fresh, done: progress.done ?? {} };
    }
    catch (error) {
        throw new errors/* ConfigError */.xL([{ file, message: `not a rollout progress file: ${error.message}` }]);
    }
}
/** Writes the progress file whole (a rename, so an interrupted write never leaves half a file). */
function writeRolloutProgress(file, progress) {
    const temporary = `${file}.${process.pid}.tmp`;
    (0,external_node_fs_.writeFileSync)(temporary, `${JSON.stringify(progress, null, 2)}\n`);
    (0,external_node_fs_.renameSync)(temporary, file);
}
/** Whether an outcome is final: a later run has nothing to do for that repository. */
function isFinished(outcome) {
    return outcome.action === 'opened' || outcome.action === 'skipped';
}
/**
 * Rolls out to every repository, `concurrency` at a time. With `apply` and a progress record,
 * repositories finished in an earlier run are reported as skipped without a request, and each newly
 * finished one is written to the record at once, so a run stopped halfway resumes where it stopped.
 */
async function rolloutRepositories(octokit, repos, run) {
    const resume = run.apply ? run.resume : undefined;
    const finished = repos.filter((repo) => resume?.record.done[repo.name]).length;
    if (finished > 0)
        run.onResume?.(finished);
    return (0,limiter/* mapLimited */.bB)(repos, run.concurrency, async (repo) => {
        const earlier = resume?.record.done[repo.name];
        if (earlier) {
            const outcome = {
                ...earlier,
                action: 'skipped',
                reason: `done in an earlier run (${earlier.action}${earlier.pullRequest ? ` #${earlier.pullRequest.number}` : ''})`,
            };
            run.onOutcome?.(outcome, true);
            return outcome;
        }
        const outcome = await rolloutRepository(octokit, repo.name, run.settings(repo));
        if (resume && isFinished(outcome)) {
            resume.record.done[repo.name] = outcome;
            writeRolloutProgress(resume.file, resume.record);
        }
        run.onOutcome?.(outcome, false);
        return outcome;
    });
}

// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
;// CONCATENATED MODULE: ./lib/src/rollout/present.js

const ACTION_TEXT = {
    opened: '✅ opened',
    'would-open': '📝 would open (dry run)',
    skipped: '⏭️ skipped',
    failed: '❌ failed',
};
/** Turns a rollout report into log lines, the job summary, `--json` and the action's outputs. */
function presentRollout(report, reporter) {
    const { outcomes } = report;
    const count = (action) => outcomes.filter((o) => o.action === action).length;
    reporter.info(formatTable(outcomes));
    for (const outcome of outcomes.filter((o) => o.action === 'failed'))
        reporter.error(`${outcome.repo}: ${outcome.reason}`);
    const failed = count('failed');
    reporter.summary([
        `### cutover rollout${report.apply ? '' : ' (dry run)'}`,
        '',
        `${count('opened')} opened, ${count('would-open')} to open, ${count('skipped')} skipped, ${failed} failed.`,
        '',
        (0,markdown/* table */.tp)(['Repository', 'Action', 'Pull request', 'Note'], outcomes.map((o) => [
            o.repo,
            ACTION_TEXT[o.action],
            o.pullRequest ? `[#${o.pullRequest.number}](${o.pullRequest.url})` : '',
            o.reason ?? '',
        ])),
    ].join('\n'));
    return {
        exitCode: failed > 0 ? 1 : 0,
        ...(failed > 0 && { failureMessage: `rollout failed for ${failed} repositories` }),
        outputs: { opened: String(count('opened')), pending: String(count('would-open') + failed) },
        json: {
            apply: report.apply,
            workflowPath: report.workflowPath,
            uses: report.uses,
            repos: outcomes,
        },
    };
}
/** A plain-text table of the pull requests for the terminal. */
function formatTable(outcomes) {
    const rows = outcomes.map((o) => [
        o.repo,
        o.action,
        o.pullRequest ? `#${o.pullRequest.number} ${o.pullRequest.url}` : '',
        o.reason ?? '',
    ]);
    const header = ['REPOSITORY', 'ACTION', 'PULL REQUEST', 'NOTE'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    return [header, ...rows]
        .map((row) => row
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd())
        .join('\n');
}

;// CONCATENATED MODULE: ./lib/src/rollout/starter.js
/**
 * The starter workflow a repository gets (by `cutover rollout`, or from the organisation's
 * `.github/workflow-templates`): one job calling the reusable cutover workflow.
 */
/** Where the reusable workflow lives; an organisation that forks cutover passes its own with --uses. */
const DEFAULT_REUSABLE_WORKFLOW = 'cutover/cutover/.github/workflows/cutover.yml@v1';
/** Where rollout writes the starter workflow in each repository. */
const DEFAULT_WORKFLOW_PATH = '.github/workflows/cutover.yml';
/** YAML single-quoted scalar: safe for any text in a workflow file. */
function quote(text) {
    return `'${text.replace(/'/g, "''")}'`;
}
/** The registry secrets the reusable workflow takes; only its push step sees them. */
const REGISTRY_SECRETS = [
    'OLD_REGISTRY_USER',
    'OLD_REGISTRY_PASSWORD',
    'NEW_REGISTRY_USER',
    'NEW_REGISTRY_PASSWORD',
];
/** The organisation secret the starter passes as `manifest-token` when the manifest is central. */
const MANIFEST_TOKEN_SECRET = 'CUTOVER_MANIFEST_TOKEN';
/**
 * The starter workflow's text. Safe to roll out to every repository:
 * - pull requests (forks included) build and run guard and check-generated but never push, and get
 *   no registry secret: the secrets are passed only for pushes to the default branch, tags and
 *   manual runs (the reusable workflow gives them to its push step alone);
 * - no `secrets: inherit`: the called workflow gets the registry secrets and, for a central
 *   manifest, `manifest-token` (github.token cannot read another private repository), nothing else.
 */
function starterWorkflow(options) {
    const lines = [
        '# cutover: build and push during the registry migration, flag references to the old registry,',
        '# and keep generated code current. From cutover (rollout or the organisation templates); edit freely.',
        '# Pull requests build and check but never push; pushes to the default branch, tags and manual runs push.',
        'name: cutover',
        'on:',
        '  push:',
        `    branches: [${quote(options.branch)}]`,
        "    tags: ['*']",
        '  pull_request:',
        '  workflow_dispatch:',
        'permissions:',
        '  contents: read',
        'jobs:',
        '  cutover:',
    ];
    if (options.images.length > 1) {
        lines.push('    strategy:', '      fail-fast: false', '      matrix:', '        # One job per image; set context/dockerfile where an image is not built from the root.', `        repository: [${options.images.map(quote).join(', ')}]`);
    }
    lines.push(`    uses: ${options.uses}`);
    const inputs = [];
    if (options.manifest !== undefined)
        inputs.push(`      manifest: ${quote(options.manifest)}`);
    if (options.images.length === 1)
        inputs.push(`      repository: ${quote(options.images[0])}`);
    if (options.images.length > 1)
        inputs.push('      repository: ${{ matrix.repository }}');
    if (inputs.length > 0)
        lines.push('    with:', ...inputs);
    else
        lines.push('    # with:', '    #   repository: team/app  # the image this repository pushes, as a path in the old registry');
    lines.push('    secrets:', '      # Registry credentials only where a push can happen: never on pull requests.', ...REGISTRY_SECRETS.map((name) => `      ${name}: \${{ github.event_name != 'pull_request' && secrets.${name} || '' }}`));
    if (options.manifest !== undefined)
        lines.push('      # github.token reads only this repository: the central manifest needs a token that can read', '      # its repository, e.g. a GitHub App installation token (actions/create-github-app-token).', `      manifest-token: \${{ secrets.${MANIFEST_TOKEN_SECRET} }}`);
    return `${lines.join('\n')}\n`;
}
/** The organisation template's `.properties.json` beside workflows/cutover.yml. */
const STARTER_PROPERTIES = {
    name: 'cutover registry migration',
    description: 'Build and push to the old and new container registries on the migration timeline, flag references to the old registry, and keep generated code current.',
    categories: ['Deployment', 'Containers'],
    filePatterns: ['^Dockerfile$', '^cutover\\.ya?ml$'],
};

// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(61346);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(61714);
;// CONCATENATED MODULE: ./lib/src/rollout/command.js











/** `cutover rollout`: one pull request per repository adding the starter workflow. */
const rollout = (0,command/* defineCommand */.N)({
    name: 'rollout',
    summary: 'Open a pull request adding the starter workflow to every repository in the manifest (dry run unless --apply).',
    options: {
        apply: cli_option/* option */.uK.boolean('Create branches and pull requests; without it, only report.'),
        repo: cli_option/* option */.uK.list('Only these repositories (owner/name) of the manifest.', {
            pattern: /^[^/\s]+\/[^/\s]+$/,
            expected: 'expected owner/name',
        }),
        uses: cli_option/* option */.uK.string('The reusable workflow the starter calls.', {
            default: DEFAULT_REUSABLE_WORKFLOW,
            pattern: /^[^\s@]+\/[^\s@]+\/\.github\/workflows\/[^\s@]+\.ya?ml@\S+$/,
            expected: 'expected owner/repo/.github/workflows/file.yml@ref',
        }),
        'workflow-path': cli_option/* option */.uK.string('Where the workflow goes in each repository.', {
            default: DEFAULT_WORKFLOW_PATH,
            pattern: /^\.github\/workflows\/[^/]+\.ya?ml$/,
            expected: 'expected .github/workflows/<name>.yml',
        }),
        'workflow-manifest': cli_option/* option */.uK.string('The manifest the starter passes on (owner/repo:path@ref). Default: --manifest when it names a central one, else none (each repository’s own cutover.yml).'),
        template: cli_option/* option */.uK.string('A workflow file to add instead of the generated starter ($default-branch is replaced).'),
        branch: cli_option/* option */.uK.string('The pull requests’ branch.', {
            default: 'cutover/rollout',
            pattern: /^[\w./-]+$/,
            expected: 'expected a branch name',
        }),
        concurrency: cli_option/* option */.uK.int({ min: 1, max: 32, default: 4 }, 'Repositories handled at once.'),
        'write-interval': cli_option/* option */.uK.duration('Pause between two requests that create content (GitHub asks integrators for at least a second).', { default: '1s' }),
        'progress-file': cli_option/* option */.uK.string('Record each finished repository in this JSON file; a run stopped halfway resumes from it without asking GitHub about the finished ones again.'),
    },
    outputs: [
        { name: 'opened', description: 'How many pull requests this run opened.' },
        {
            name: 'pending',
            description: 'How many repositories still need a pull request (dry run or failures).',
        },
    ],
    async run({ manifest: load, options, reporter, env, cwd, secrets }) {
        // parse
        const manifest = await load();
        const wanted = options.repo.length > 0 ? options.repo : manifest.repos.map((repo) => repo.name);
        for (const name of wanted) {
            if (!manifest.repos.some((repo) => repo.name.toLowerCase() === name.toLowerCase()))
                throw new errors/* UsageError */.eb(`--repo ${name}: not a repository of ${manifest.source}`);
        }
        const repos = manifest.repos.filter((repo) => wanted.some((name) => name.toLowerCase() === repo.name.toLowerCase()));
        const template = options.template
            ? readTemplate(external_node_path_.resolve(cwd, options.template), options.template)
            : undefined;
        const workflowManifest = options['workflow-manifest'] ??
            (options.manifest && (0,manifest_load/* parseCentralManifest */.Su)(options.manifest) ? options.manifest : undefined);
        const octokit = await (0,connect/* connectGitHub */.UY)(env, secrets, 'rollout', {
            onWait: (wait) => reporter.info((0,connect/* describeWait */.Ng)(wait)),
            onWaiting: (line) => reporter.info(line),
            writeGapMs: options['write-interval'],
        });
        const progressFile = options['progress-file'] && external_node_path_.resolve(cwd, options['progress-file']);
        const record = progressFile
            ? readRolloutProgress(progressFile, { path: options['workflow-path'], branch: options.branch })
            : undefined;
        // do
        const counts = { done: 0, opened: 0, failed: 0, resumed: 0 };
        const progress = new shared_progress/* ProgressLine */.g((line) => reporter.info(line), (seconds) => `rollout: ${counts.done}/${repos.length} repositories (${counts.opened} opened, ${counts.failed} failed${counts.resumed ? `, ${counts.resumed} done in an earlier run` : ''}) (${seconds.toFixed(0)} s)`);
        const outcomes = await rolloutRepositories(octokit, repos, {
            apply: options.apply,
            concurrency: options.concurrency,
            ...(record && progressFile && { resume: { record, file: progressFile } }),
            onResume: (count) => reporter.info(`rollout: resuming from ${options['progress-file']}: ${count} repositories already done`),
            onOutcome: (outcome, earlier) => {
                counts.done++;
                if (earlier)
                    counts.resumed++;
                if (outcome.action === 'opened')
                    counts.opened++;
                if (outcome.action === 'failed')
                    counts.failed++;
                progress.tick();
            },
            settings: (repo) => ({
                apply: options.apply,
                path: options['workflow-path'],
                branch: options.branch,
                title: 'Add the cutover workflow for the registry migration',
                body: pullRequestBody({
                    path: options['workflow-path'],
                    uses: options.uses,
                    images: repo.produces,
                    source: manifest.source,
                    ...(repo.owner !== undefined && { owner: repo.owner }),
                }),
                content: (branch) => template
                    ? template.replace(/\$default-branch/g, branch)
                    : starterWorkflow({
                        branch,
                        images: repo.produces,
                        uses: options.uses,
                        ...(workflowManifest !== undefined && { manifest: workflowManifest }),
                    }),
            }),
        });
        progress.done();
        return presentRollout({ apply: options.apply, workflowPath: options['workflow-path'], uses: options.uses, outcomes }, reporter);
    },
});
function readTemplate(file, shown) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`--template ${shown}: cannot read it (${error.code})`);
    }
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


/***/ })

};
;
//# sourceMappingURL=849.index.cjs.js.map
