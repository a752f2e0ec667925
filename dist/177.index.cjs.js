"use strict";
exports.id = 177;
exports.ids = [177];
exports.modules = {

/***/ 43177:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokit: () => (/* binding */ createOctokit),
/* harmony export */   httpStatus: () => (/* binding */ httpStatus)
/* harmony export */ });
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60891);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8835);


/**
 * The one place Octokit clients are made: token from GITHUB_TOKEN (masked), API base from
 * GITHUB_API_URL so GitHub Enterprise Server and the tests' local API server work unchanged.
 */
function createOctokit(env, secrets, purpose) {
    const token = env['GITHUB_TOKEN'] || env['GH_TOKEN'];
    if (!token) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`GITHUB_TOKEN is not set: ${purpose} needs the GitHub API (in a workflow: env: GITHUB_TOKEN: \${{ github.token }})`);
    }
    secrets.addToken(token);
    return new _octokit_rest__WEBPACK_IMPORTED_MODULE_1__/* .Octokit */ .E({
        auth: token,
        baseUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
        userAgent: 'cutover',
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
    });
}
/** The HTTP status of an Octokit RequestError, if it is one. */
function httpStatus(error) {
    const status = error.status;
    return typeof status === 'number' ? status : undefined;
}


/***/ })

};
;