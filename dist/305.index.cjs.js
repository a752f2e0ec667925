"use strict";
exports.id = 305;
exports.ids = [305];
exports.modules = {

/***/ 45305:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   plan: () => (/* binding */ plan)
/* harmony export */ });
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(69772);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31413);
/* harmony import */ var _shared_reporter_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(64709);
/* harmony import */ var _cli_command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61346);
/* harmony import */ var _cli_option_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61714);





/** `cutover plan`: the dependency graph, its cycles and the waves in which repositories switch. */
const plan = (0,_cli_command_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCommand */ .N)({
    name: 'plan',
    summary: 'Plan the migration: dependency graph, cycles (pinned or blocking), waves with owners, and a job matrix.',
    options: {
        'matrix-by': _cli_option_js__WEBPACK_IMPORTED_MODULE_0__/* .option */ .uK.choice(['repo', 'image'], 'One matrix job per "repo" or per produced "image".', {
            default: 'repo',
            expected: 'expected "repo" or "image"',
        }),
        wave: _cli_option_js__WEBPACK_IMPORTED_MODULE_0__/* .option */ .uK.int({ min: 1, expected: 'expected a wave number of at least 1' }, 'Only this wave in the matrix output (GitHub runs at most 256 jobs per matrix).'),
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
        // parse
        const manifest = await load();
        // do
        const started = performance.now();
        const plan = (0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .planMigration */ .E)(manifest);
        const matrix = (0,_render_js__WEBPACK_IMPORTED_MODULE_3__/* .planMatrix */ .T4)(plan, options['matrix-by'], options.wave);
        const elapsed = performance.now() - started;
        // report
        (0,_shared_reporter_js__WEBPACK_IMPORTED_MODULE_4__/* .annotateProblems */ .$)(reporter, manifest.warnings);
        const blocking = plan.cycles.filter((cycle) => cycle.kind === 'blocking');
        reporter.info(`${manifest.repos.length} repositories, ${plan.edges.length} dependencies, ${plan.waves.length} waves, ` +
            `${plan.cycles.length} cycles (${blocking.length} blocking) — planned in ${elapsed.toFixed(1)} ms`);
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
        if (matrix.include.length > _render_js__WEBPACK_IMPORTED_MODULE_3__/* .GITHUB_MATRIX_LIMIT */ .ex) {
            reporter.warning(`the matrix has ${matrix.include.length} jobs, more than GitHub's ${_render_js__WEBPACK_IMPORTED_MODULE_3__/* .GITHUB_MATRIX_LIMIT */ .ex} per matrix: fan out one wave at a time with --wave`);
        }
        reporter.summary((0,_render_js__WEBPACK_IMPORTED_MODULE_3__/* .planMarkdown */ .Xg)(plan, manifest.source));
        return {
            exitCode: 0,
            outputs: {
                matrix: JSON.stringify(matrix),
                waves: String(plan.waves.length),
                'blocking-cycles': String(blocking.length),
            },
            json: { manifest: manifest.source, ...(0,_render_js__WEBPACK_IMPORTED_MODULE_3__/* .planJson */ .iY)(plan, matrix) },
        };
    },
});


/***/ }),

/***/ 64709:
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