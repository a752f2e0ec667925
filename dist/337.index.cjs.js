"use strict";
exports.id = 337;
exports.ids = [337];
exports.modules = {

/***/ 41337:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   confirmAlignment: () => (/* binding */ confirmAlignment)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var _shared_process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(70953);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(13103);
/* harmony import */ var _fix_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65634);




/** True when gofmt would change `source` (`gofmt -l` on standard input names it); undefined without gofmt. */
async function gofmtWouldChange(source, cwd) {
    try {
        const result = await (0,_shared_process_js__WEBPACK_IMPORTED_MODULE_1__/* .runProgram */ .mB)('gofmt', ['-l'], { cwd, input: source, timeoutMs: 30_000 });
        // A file gofmt cannot parse is not ours to judge: no warning.
        if (result.code !== 0)
            return false;
        return result.stdout.length > 0;
    }
    catch {
        return undefined;
    }
}
/**
 * Keeps the "run gofmt" note only where gofmt really changes the rewritten file and did not change it
 * before (run on both, where gofmt is installed; without it, the column check of fix.ts stands).
 * `before` holds each Go file's bytes before the rewrite, for the files the column check flagged.
 */
async function confirmAlignment(root, outcomes, before) {
    for (const [file, original] of before) {
        let rewritten;
        try {
            rewritten = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .treePath */ .ON)(root, file));
        }
        catch {
            continue;
        }
        const after = await gofmtWouldChange(rewritten, root);
        if (after === undefined)
            return;
        const keep = after && (await gofmtWouldChange(original, root)) === false;
        if (keep)
            continue;
        for (const outcome of outcomes)
            if (outcome.file === file && outcome.note === _fix_js__WEBPACK_IMPORTED_MODULE_3__/* .ALIGNMENT_NOTE */ .N)
                delete outcome.note;
    }
}


/***/ })

};
;
//# sourceMappingURL=337.index.cjs.js.map
