"use strict";
exports.id = 251;
exports.ids = [251];
exports.modules = {

/***/ 93251:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyInNewRegistry: () => (/* binding */ verifyInNewRegistry)
/* harmony export */ });
/* harmony import */ var _manifest_paths_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11742);
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(11024);


/**
 * Looks up each finding's replacement in the new registry (HEAD on the manifest, by digest when the
 * reference pins one, else by tag, else `latest`) and returns the findings whose replacement is not
 * there, each with the reason. The registry is only read.
 */
async function verifyInNewRegistry(manifest, findings, env, secrets) {
    const client = await _oci_client_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryClient */ .bP.forRegistry(manifest.registries.new, env, { readOnly: true, secrets });
    const lookups = new Map();
    const missing = new Map();
    await Promise.all(findings.map(async (finding) => {
        if (finding.partial) {
            missing.set(finding, 'the tag comes from a variable with no value here, so it cannot be checked');
            return;
        }
        const repository = (0,_manifest_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .mapRepository */ .T)(finding.image.repository, manifest.paths);
        const reference = finding.image.digest ?? finding.image.tag ?? 'latest';
        const key = `${repository}\n${reference}`;
        let lookup = lookups.get(key);
        if (!lookup) {
            lookup = client.headManifest(repository, reference).then((head) => head
                ? undefined
                : `${client.host}/${repository}${reference.includes(':') ? '@' : ':'}${reference} is not in the new registry (copy it first: cutover copy-tags)`, (error) => `cannot check the new registry: ${error.message}`);
            lookups.set(key, lookup);
        }
        const reason = await lookup;
        if (reason !== undefined)
            missing.set(finding, reason);
    }));
    return missing;
}


/***/ })

};
;
//# sourceMappingURL=251.index.cjs.js.map
