"use strict";
exports.id = 329;
exports.ids = [329];
exports.modules = {

/***/ 75873:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ defineCommand)
/* harmony export */ });
/** Declares a command with its option types inferred from its option definitions. */
function defineCommand(command) {
    return command;
}


/***/ }),

/***/ 22857:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ resolveCredentials)
/* harmony export */ });
/* unused harmony export dockerConfigPath */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83460);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(77126);






/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
function dockerConfigPath(env) {
    return node_path__WEBPACK_IMPORTED_MODULE_3__.join(env['DOCKER_CONFIG'] || node_path__WEBPACK_IMPORTED_MODULE_3__.join(env['HOME'] || node_os__WEBPACK_IMPORTED_MODULE_2__.homedir(), '.docker'), 'config.json');
}
async function readDockerConfig(env) {
    const file = dockerConfigPath(env);
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL([
            { file, message: `the Docker config is not valid JSON: ${error.message}` },
        ]);
    }
}
/** The host an `auths` key names: keys may be URLs (`https://index.docker.io/v1/`) or bare hosts. */
function authKeyHost(key) {
    return (0,_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeHost */ .cS)(key.replace(/^[a-z]+:\/\//i, '').split('/')[0]);
}
function runHelper(helper, host, env) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(`docker-credential-${helper}`, ['get'], { env, timeout: 30_000 }, (error, stdout, stderr) => {
            if (error) {
                if (error.code === 'ENOENT') {
                    reject(new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`the Docker config names credential helper "${helper}", but docker-credential-${helper} is not installed`));
                }
                else if (/not found|no credentials/i.test(`${stdout}${stderr}`))
                    resolve(undefined);
                else
                    reject(new Error(`docker-credential-${helper} get failed for ${host}: ${stderr.trim() || error.message}`));
                return;
            }
            try {
                resolve(JSON.parse(stdout));
            }
            catch {
                reject(new Error(`docker-credential-${helper} get returned something that is not JSON`));
            }
        });
        child.stdin?.end(host);
    });
}
/**
 * The credentials for a registry: the manifest's environment variables when it names them,
 * else the Docker config (credHelpers, credsStore, then auths). Every secret is masked before it
 * is returned. Undefined means anonymous.
 */
async function resolveCredentials(registry, env, secrets) {
    const names = registry.credentials;
    if (names?.usernameEnv || names?.passwordEnv) {
        const username = names.usernameEnv ? env[names.usernameEnv] : undefined;
        const password = names.passwordEnv ? env[names.passwordEnv] : undefined;
        secrets.add(password);
        if (password)
            secrets.addBasic(username ?? '', password);
        if (!password) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`credentials for ${registry.host}: environment variable ${names.passwordEnv ?? '(password-env)'} is not set`);
        }
        if (!username && names.usernameEnv) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb(`credentials for ${registry.host}: environment variable ${names.usernameEnv} is not set`);
        }
        return {
            kind: 'basic',
            username: username ?? '',
            password,
            source: `env ${[names.usernameEnv, names.passwordEnv].filter(Boolean).join('/')}`,
        };
    }
    const config = await readDockerConfig(env);
    if (!config)
        return undefined;
    const hosts = [registry.host, ...registry.aliases];
    for (const host of hosts) {
        const helper = config.credHelpers?.[host] ?? config.credsStore;
        if (helper) {
            const found = await runHelper(helper, host, env);
            if (found?.Secret) {
                if (found.Username === '<token>')
                    secrets.addToken(found.Secret);
                else
                    secrets.addBasic(found.Username ?? '', found.Secret);
                if (found.Username === '<token>')
                    return { kind: 'identity-token', token: found.Secret, source: `docker-credential-${helper}` };
                return {
                    kind: 'basic',
                    username: found.Username ?? '',
                    password: found.Secret,
                    source: `docker-credential-${helper}`,
                };
            }
        }
        const entry = Object.entries(config.auths ?? {}).find(([key]) => authKeyHost(key) === host)?.[1];
        if (!entry)
            continue;
        if (entry.identitytoken) {
            secrets.addToken(entry.identitytoken);
            return { kind: 'identity-token', token: entry.identitytoken, source: 'docker config (identitytoken)' };
        }
        if (entry.auth) {
            secrets.add(entry.auth);
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            const password = decoded.slice(colon + 1);
            secrets.addBasic(decoded.slice(0, colon), password);
            return { kind: 'basic', username: decoded.slice(0, colon), password, source: 'docker config (auths)' };
        }
        if (entry.password) {
            secrets.addBasic(entry.username ?? '', entry.password);
            return {
                kind: 'basic',
                username: entry.username ?? '',
                password: entry.password,
                source: 'docker config (auths)',
            };
        }
    }
    return undefined;
}


/***/ }),

/***/ 21610:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/** Escapes text for a Markdown table cell. */
function cell(text) {
    return String(text ?? '')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
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


/***/ }),

/***/ 26329:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validate: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83460);
/* harmony import */ var _oci_credentials_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22857);
/* harmony import */ var _manifest_timeline_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46108);
/* harmony import */ var _shared_markdown_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(21610);
/* harmony import */ var _shared_reporter_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96582);
/* harmony import */ var _cli_command_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(75873);






/** `cutover validate`: checks the manifest and shows the timeline on the chosen day. */
const validate = (0,_cli_command_js__WEBPACK_IMPORTED_MODULE_2__/* .defineCommand */ .N)({
    name: 'validate',
    summary: 'Validate the manifest and show the migration phase, push targets and reference policy on a day.',
    options: {},
    outputs: [
        { name: 'phase', description: 'Phase on the day: before, dual, new-only or retired.' },
        { name: 'push-to', description: 'Registry hosts a build pushes to on the day, one per line.' },
    ],
    async run({ manifest: load, today, reporter, env, secrets }) {
        // parse
        const manifest = await load();
        // do
        const { timeline, registries } = manifest;
        const phase = (0,_manifest_timeline_js__WEBPACK_IMPORTED_MODULE_3__/* .phaseAt */ .BA)(timeline, today);
        const targets = (0,_manifest_timeline_js__WEBPACK_IMPORTED_MODULE_3__/* .pushTargets */ .XV)(phase).map((role) => registries[role].host);
        const policy = (0,_manifest_timeline_js__WEBPACK_IMPORTED_MODULE_3__/* .referencePolicy */ .OQ)(timeline, today);
        const skipped = (0,_manifest_timeline_js__WEBPACK_IMPORTED_MODULE_3__/* .oldRegistrySkippedReason */ .FN)(timeline, phase);
        const credentials = {
            old: await describeCredentials(registries.old, env, secrets),
            new: await describeCredentials(registries.new, env, secrets),
        };
        // report
        (0,_shared_reporter_js__WEBPACK_IMPORTED_MODULE_4__/* .annotateProblems */ .$)(reporter, manifest.warnings);
        reporter.info(`manifest ${manifest.source} is valid`);
        reporter.info(`old registry ${registries.old.host}, new registry ${registries.new.host}`);
        reporter.info(`${manifest.repos.length} repositories, ${manifest.copy.length} copy rules, ${manifest.generated.length} generators`);
        reporter.info(`credentials: old registry ${credentials.old}; new registry ${credentials.new}`);
        reporter.info(`on ${today}: phase ${phase}; pushes go to ${targets.join(' and ')}${skipped ? ` (${skipped})` : ''}`);
        reporter.info(`references to ${registries.old.host}: ${policy.severity} — ${policy.message}`);
        reporter.summary([
            `### cutover: manifest \`${manifest.source}\``,
            '',
            `On **${today}** the migration is in phase **${phase}**; builds push to ${targets.map((t) => `\`${t}\``).join(' and ')}.`,
            '',
            (0,_shared_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .table */ .tp)(['Date', 'Event', ''], [
                [
                    timeline.available,
                    `new registry \`${registries.new.host}\` available`,
                    today >= timeline.available ? '✅' : '',
                ],
                [
                    timeline.readOnly,
                    `old registry \`${registries.old.host}\` read-only`,
                    today >= timeline.readOnly ? '✅' : '',
                ],
                [
                    timeline.failFrom,
                    'references to the old registry fail',
                    today >= timeline.failFrom ? '✅' : '',
                ],
                [timeline.shutdown, 'old registry shut down', today >= timeline.shutdown ? '✅' : ''],
            ]),
            '',
            ...manifest.warnings.map((warning) => `- ⚠️ ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .formatProblem */ .Vw)(warning)}`),
        ].join('\n'));
        return {
            exitCode: 0,
            outputs: { phase, 'push-to': targets.join('\n') },
            json: {
                manifest: manifest.source,
                valid: true,
                today,
                phase,
                pushTo: targets,
                ...(skipped && { skipped: [{ registry: registries.old.host, reason: skipped }] }),
                referencePolicy: policy,
                timeline,
                registries: {
                    old: {
                        host: registries.old.host,
                        aliases: registries.old.aliases,
                        insecure: registries.old.insecure,
                    },
                    new: {
                        host: registries.new.host,
                        aliases: registries.new.aliases,
                        insecure: registries.new.insecure,
                    },
                },
                credentials,
                counts: {
                    repos: manifest.repos.length,
                    copyRules: manifest.copy.length,
                    generators: manifest.generated.length,
                },
                warnings: manifest.warnings.map(_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .formatProblem */ .Vw),
            },
        };
    },
});
/** Where a registry's credentials come from, without showing them; never fails validation. */
async function describeCredentials(registry, env, secrets) {
    try {
        const credentials = await (0,_oci_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveCredentials */ .z)(registry, env, secrets);
        return credentials ? credentials.source : 'anonymous';
    }
    catch (error) {
        return `unavailable (${error.message})`;
    }
}


/***/ })

};
;