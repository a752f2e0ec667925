"use strict";
exports.id = 82;
exports.ids = [82];
exports.modules = {

/***/ 95082:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  plan: () => (/* binding */ plan)
});

// EXTERNAL MODULE: ./lib/src/plan/plan.js + 1 modules
var plan_plan = __webpack_require__(30346);
// EXTERNAL MODULE: ./lib/src/plan/render.js + 1 modules
var render = __webpack_require__(64937);
// EXTERNAL MODULE: ./lib/src/shared/reporter.js
var shared_reporter = __webpack_require__(96582);
;// CONCATENATED MODULE: ./lib/src/plan/present.js


/** Turns a plan into log lines, annotations, the job summary, `--json` and the action's outputs. */
function presentPlan(report, reporter) {
    const { manifest, plan, matrix } = report;
    (0,shared_reporter/* annotateProblems */.$)(reporter, manifest.warnings);
    const blocking = plan.cycles.filter((cycle) => cycle.kind === 'blocking');
    reporter.info(`${manifest.repos.length} repositories, ${plan.edges.length} dependencies, ${plan.waves.length} waves, ` +
        `${plan.cycles.length} cycles (${blocking.length} blocking) — planned in ${report.elapsedMs.toFixed(1)} ms`);
    for (const wave of plan.waves) {
        reporter.info(`wave ${wave.wave}: ${wave.repos.map((repo) => repo.repo).join(', ')}${wave.copy.length ? ` (copy first: ${wave.copy.length} tags)` : ''}`);
    }
    for (const cycle of plan.cycles) {
        const first = cycle.repos[0];
        const position = manifest.locator.keyAt(['repos', first]);
        reporter.annotate({
            severity: cycle.kind === 'blocking' ? 'warning' : 'info',
            title: `${cycle.kind} cycle`,
            message: cycle.explanation.replace(/`/g, ''),
            file: manifest.source,
            ...position,
        });
    }
    if (matrix.include.length > render/* GITHUB_MATRIX_LIMIT */.ex) {
        reporter.warning(`the matrix has ${matrix.include.length} jobs, more than GitHub's ${render/* GITHUB_MATRIX_LIMIT */.ex} per matrix: fan out one wave at a time with --wave`);
    }
    reporter.summary((0,render/* planMarkdown */.Xg)(plan, manifest.source));
    return {
        exitCode: 0,
        outputs: {
            matrix: JSON.stringify(matrix),
            waves: String(plan.waves.length),
            'blocking-cycles': String(blocking.length),
        },
        json: { manifest: manifest.source, ...(0,render/* planJson */.iY)(plan, matrix) },
    };
}

// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(75873);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(24903);
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
    },
    outputs: [
        {
            name: 'matrix',
            description: 'GitHub Actions matrix JSON ({"include": [...]}) for an org-wide fan-out.',
        },
        { name: 'waves', description: 'How many waves the plan has.' },
        { name: 'blocking-cycles', description: 'How many cycles need a decision (0 when none).' },
    ],
    async run({ manifest: load, options, reporter }) {
        const manifest = await load();
        const started = performance.now();
        const plan = (0,plan_plan/* planMigration */.E)(manifest);
        const matrix = (0,render/* planMatrix */.T4)(plan, options['matrix-by'], options.wave);
        return presentPlan({ manifest, plan, matrix, elapsedMs: performance.now() - started }, reporter);
    },
});


/***/ }),

/***/ 96582:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ annotateProblems)
/* harmony export */ });
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