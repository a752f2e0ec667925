"use strict";
exports.id = 49;
exports.ids = [49];
exports.modules = {

/***/ 65071:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FO: () => (/* binding */ exitCodeOf),
/* harmony export */   Vw: () => (/* binding */ formatProblem),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   xL: () => (/* binding */ ConfigError),
/* harmony export */   yU: () => (/* binding */ ExitCode)
/* harmony export */ });
/* unused harmony export CheckFailed */
/** Exit codes shared by every command and both front doors. */
const ExitCode = { ok: 0, failed: 1, badInput: 2 };
/** A mistake in what the user gave us (flags, inputs, manifest): exit 2, no stack trace. */
class UsageError extends Error {
    name = 'UsageError';
}
/** The manifest (or another configuration file) is invalid: exit 2 with every problem located. */
class ConfigError extends UsageError {
    problems;
    name = 'ConfigError';
    constructor(problems) {
        super(problems.map(formatProblem).join('\n'));
        this.problems = problems;
    }
}
/** A check that ran and found something wrong, or work that failed: exit 1. */
class CheckFailed extends (/* unused pure expression or super */ null && (Error)) {
    name = 'CheckFailed';
}
/** Renders a problem as `file:line:column: key.path: message`, the shape editors and CI logs link. */
function formatProblem(problem) {
    const location = [problem.file, problem.line, problem.line !== undefined ? problem.column : undefined]
        .filter((part) => part !== undefined)
        .join(':');
    const key = problem.path ? `${problem.path}: ` : '';
    return `${location}: ${key}${problem.message}`;
}
/** The exit code an error maps to. */
function exitCodeOf(error) {
    return error instanceof UsageError ? ExitCode.badInput : ExitCode.failed;
}


/***/ }),

/***/ 94511:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B3: () => (/* binding */ loadActionsCore),
/* harmony export */   Ip: () => (/* binding */ requireActionsCore),
/* harmony export */   vg: () => (/* binding */ actionsCore)
/* harmony export */ });
let loaded;
/**
 * Loads @actions/core the first time a run may talk to the Actions runner. It brings its HTTP
 * client (undici), about half of the bundle: the CLI outside a workflow never needs it, and not
 * evaluating it at every start keeps commands such as `guard` quick.
 */
async function loadActionsCore() {
    return (loaded ??= await __webpack_require__.e(/* import() */ 421).then(__webpack_require__.bind(__webpack_require__, 96421)));
}
/** @actions/core once loaded; main() loads it before any run in a workflow. Undefined otherwise. */
function actionsCore() {
    return loaded;
}
/** @actions/core for code that runs only after main() has loaded it (the action front door). */
function requireActionsCore() {
    if (!loaded)
        throw new Error('internal error: @actions/core used before loadActionsCore()');
    return loaded;
}


/***/ }),

/***/ 45049:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  frontDoorOf: () => (/* binding */ frontDoorOf),
  main: () => (/* binding */ main),
  run: () => (/* binding */ run),
  version: () => (/* binding */ version)
});

;// CONCATENATED MODULE: ./lib/package.json
const package_namespaceObject = {"rE":"0.1.0"};
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./lib/src/manifest/schema.js
var schema = __webpack_require__(78947);
// EXTERNAL MODULE: ./lib/src/manifest/locate.js
var locate = __webpack_require__(65910);
;// CONCATENATED MODULE: ./lib/src/cli/options.js





/** Options every command has, under the same names as flags and as action inputs. */
const COMMON_OPTIONS = [
    {
        name: 'manifest',
        type: 'string',
        description: 'The manifest: a path, or owner/repo:path@ref for a central one (read with GITHUB_TOKEN). Default: cutover.yml, then .github/cutover.yml.',
    },
    {
        name: 'now',
        type: 'string',
        description: 'Act as if today were this day (YYYY-MM-DD), to rehearse the timeline. Also CUTOVER_NOW.',
    },
    {
        name: 'json',
        type: 'boolean',
        description: 'Print the machine-readable result on stdout.',
        cliOnly: true,
    },
];
const commonSchema = schemas/* object */.Ikc({
    manifest: schemas/* string */.YjP().min(1).optional(),
    now: schemas/* string */.YjP().refine(schema/* isCalendarDay */.L, { error: 'expected a day written YYYY-MM-DD' }).optional(),
    json: schemas/* boolean */.zMY().default(false),
});
/** Reads option values from command-line arguments. Unknown flags are a UsageError with a suggestion. */
function readFlags(args, specs) {
    const config = Object.fromEntries(specs.map((spec) => [
        spec.name,
        {
            type: spec.type === 'boolean' ? 'boolean' : 'string',
            multiple: spec.type === 'list',
        },
    ]));
    try {
        const { values, positionals } = (0,external_node_util_.parseArgs)({
            args,
            options: config,
            strict: true,
            allowPositionals: true,
        });
        if (positionals.length > 0)
            throw new errors/* UsageError */.eb(`unexpected argument "${positionals[0]}"`);
        return values;
    }
    catch (error) {
        if (error instanceof errors/* UsageError */.eb)
            throw error;
        const message = error.message;
        const flag = /'(--?[^' ]+)'/.exec(message)?.[1];
        if (flag && /Unknown option/.test(message)) {
            const suggestion = (0,locate/* nearest */.pA)(flag.replace(/^-+/, ''), specs.map((spec) => spec.name));
            throw new errors/* UsageError */.eb(`unknown flag ${flag}${suggestion ? `; did you mean --${suggestion}?` : ''}`);
        }
        throw new errors/* UsageError */.eb(message.split('\n')[0].replace(/^TypeError \[\w+\]: /, ''));
    }
}
/** The environment variable an action input arrives in (composite actions pass them with `_` for `-`). */
function inputVariables(name) {
    const upper = name.toUpperCase().replace(/ /g, '_');
    return [...new Set([`INPUT_${upper}`, `INPUT_${upper.replace(/-/g, '_')}`])];
}
/** Reads option values from action inputs (`INPUT_*` variables). Empty inputs count as not given. */
function readInputs(env, specs) {
    const raw = {};
    for (const spec of specs) {
        if (spec.cliOnly)
            continue;
        const value = inputVariables(spec.name)
            .map((variable) => env[variable])
            .find((text) => text !== undefined && text.trim() !== '');
        if (value === undefined)
            continue;
        if (spec.type === 'boolean')
            raw[spec.name] = parseBoolean(spec.name, value);
        else if (spec.type === 'list')
            raw[spec.name] = value
                .split(/\r?\n/)
                .map((line) => line.trim())
                .filter(Boolean);
        else
            raw[spec.name] = value.trim();
    }
    return raw;
}
function parseBoolean(name, value) {
    const text = value.trim();
    if (['true', 'True', 'TRUE'].includes(text))
        return true;
    if (['false', 'False', 'FALSE'].includes(text))
        return false;
    throw new errors/* UsageError */.eb(`input "${name}": expected true or false, found ${JSON.stringify(text)}`);
}
/**
 * Validates raw options with a command's schema, turning zod issues into one UsageError that
 * names each flag/input and what was expected.
 */
function parseOptions(schema, raw, env) {
    const withEnv = { ...raw, now: raw['now'] ?? (env['CUTOVER_NOW'] || undefined) };
    const common = commonSchema.safeParse(withEnv);
    const own = schema.safeParse(withEnv);
    const issues = [...(common.success ? [] : common.error.issues), ...(own.success ? [] : own.error.issues)];
    if (issues.length > 0) {
        throw new errors/* UsageError */.eb(issues
            .map((issue) => {
            const name = String(issue.path[0] ?? '');
            const given = withEnv[name];
            const origin = name === 'now' && raw['now'] === undefined ? 'CUTOVER_NOW' : `--${name}`;
            const found = given === undefined ? '' : `, found ${JSON.stringify(given)}`;
            return `${origin}: ${issue.message.replace(/^Invalid input: /, '')}${found}`;
        })
            .join('\n'));
    }
    return { ...own.data, ...common.data };
}

;// CONCATENATED MODULE: ./lib/src/commands/index.js
/**
 * Every command, in the order `--help` lists them, each loaded only when it runs (a separate chunk in
 * dist/): a command's dependencies (the Docker client, Octokit...) then cost the others nothing at
 * start-up. Adding a command: its file, one line here, its action folder.
 */
const LOADERS = [
    ['validate', async () => (await __webpack_require__.e(/* import() */ 187).then(__webpack_require__.bind(__webpack_require__, 56187))).validate],
    ['copy-tags', async () => (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(619), __webpack_require__.e(493), __webpack_require__.e(100)]).then(__webpack_require__.bind(__webpack_require__, 66100))).copyTags],
    ['push', async () => (await Promise.all(/* import() */[__webpack_require__.e(40), __webpack_require__.e(619), __webpack_require__.e(820)]).then(__webpack_require__.bind(__webpack_require__, 34820))).push],
    ['guard', async () => (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(93)]).then(__webpack_require__.bind(__webpack_require__, 61093))).guard],
    ['check-generated', async () => (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(814)]).then(__webpack_require__.bind(__webpack_require__, 3814))).checkGeneratedCommand],
    ['plan', async () => (await Promise.all(/* import() */[__webpack_require__.e(95), __webpack_require__.e(706)]).then(__webpack_require__.bind(__webpack_require__, 20706))).plan],
    ['status', async () => (await Promise.all(/* import() */[__webpack_require__.e(6), __webpack_require__.e(891), __webpack_require__.e(619), __webpack_require__.e(95), __webpack_require__.e(493), __webpack_require__.e(959)]).then(__webpack_require__.bind(__webpack_require__, 28959))).status],
    ['rollout', async () => (await Promise.all(/* import() */[__webpack_require__.e(891), __webpack_require__.e(1)]).then(__webpack_require__.bind(__webpack_require__, 71001))).rollout],
];
/** The command names, without loading any command. */
const COMMAND_NAMES = LOADERS.map(([name]) => name);
/** The command named `name`, loaded, if there is one. */
async function findCommand(name) {
    return LOADERS.find(([candidate]) => candidate === name)?.[1]();
}
/** Every command, loaded (for `--help`, the action generator and tests). */
async function loadCommands() {
    // One after the other: Jest's ESM loader fails on concurrent imports of a shared module.
    const commands = [];
    for (const [, load] of LOADERS)
        commands.push(await load());
    return commands;
}

// EXTERNAL MODULE: ./lib/src/github/actions-core.js
var actions_core = __webpack_require__(94511);
// EXTERNAL MODULE: ./lib/src/manifest/load.js + 1 modules
var load = __webpack_require__(71554);
// EXTERNAL MODULE: ./lib/src/manifest/timeline.js
var timeline = __webpack_require__(16399);
// EXTERNAL MODULE: ./lib/src/report/reporter.js
var report_reporter = __webpack_require__(52680);
// EXTERNAL MODULE: ./lib/src/secrets.js
var secrets = __webpack_require__(99559);
;// CONCATENATED MODULE: ./lib/src/main.js










/**
 * Decides the front door. In a GitHub Action (the root action, or a composite action that runs
 * `node dist/index.js <command>` with no flags) options come from inputs; otherwise from flags.
 */
function frontDoorOf(args, env) {
    return env['GITHUB_ACTIONS'] === 'true' && args.length <= 1 && !args.some((arg) => arg.startsWith('-'))
        ? 'action'
        : 'cli';
}
/** Runs one command from argv or action inputs and returns the process exit code. Never throws. */
async function main(args, env = process.env, cwd = process.cwd()) {
    const door = frontDoorOf(args, env);
    env['CUTOVER_FRONT_DOOR'] = door;
    // Only where the runner listens: loading @actions/core costs every other start (actions-core.ts).
    if (door === 'action' || env['GITHUB_ACTIONS'] === 'true' || process.env['GITHUB_OUTPUT'])
        await (0,actions_core/* loadActionsCore */.B3)();
    const reporter = (0,report_reporter/* createReporter */.A)(door, env);
    try {
        if (door === 'cli' && (args[0] === '--version' || args[0] === '-V')) {
            process.stdout.write(`${version()}\n`);
            return errors/* ExitCode */.yU.ok;
        }
        if (door === 'cli' &&
            (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help')) {
            process.stdout.write(await helpText(args[0] === 'help' ? args[1] : undefined));
            return args.length === 0 ? errors/* ExitCode */.yU.badInput : errors/* ExitCode */.yU.ok;
        }
        const name = door === 'action' ? args[0] || (env['INPUT_COMMAND'] ?? '').trim() : args[0];
        const command = await findCommand(name);
        if (!command) {
            const suggestion = (0,locate/* nearest */.pA)(name, [...COMMAND_NAMES]);
            throw new errors/* UsageError */.eb(name
                ? `unknown command "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (commands: ${COMMAND_NAMES.join(', ')})`
                : `no command given: set the "command" input to one of ${COMMAND_NAMES.join(', ')}`);
        }
        const rest = args.slice(1);
        if (door === 'cli' && (rest.includes('--help') || rest.includes('-h'))) {
            process.stdout.write(await helpText(command.name));
            return errors/* ExitCode */.yU.ok;
        }
        const specs = [...COMMON_OPTIONS, ...command.options];
        const raw = door === 'cli' ? readFlags(rest, specs) : readInputs(env, specs);
        const options = parseOptions(command.schema, raw, env);
        const context = makeContext(command, options, reporter, env, cwd);
        const result = await command.run(context);
        publish(door, command, result, options.json, reporter);
        return result.exitCode;
    }
    catch (error) {
        const message = (0,secrets/* redact */.E)(error instanceof Error ? error.message : String(error));
        const code = (0,errors/* exitCodeOf */.FO)(error);
        if (door === 'action') {
            if (code === errors/* ExitCode */.yU.failed && error instanceof Error && !(error instanceof errors/* UsageError */.eb))
                (0,actions_core/* requireActionsCore */.Ip)().debug((0,secrets/* redact */.E)(error.stack ?? ''));
            (0,actions_core/* requireActionsCore */.Ip)().setFailed(message);
        }
        else {
            if (args.includes('--json'))
                process.stdout.write(`${JSON.stringify(errorDocument(error, message, code), null, 2)}\n`);
            process.stderr.write(`${code === errors/* ExitCode */.yU.badInput ? 'error' : 'failed'}: ${message}\n`);
            if (env['CUTOVER_DEBUG'] && error instanceof Error)
                process.stderr.write(`${(0,secrets/* redact */.E)(error.stack ?? '')}\n`);
        }
        reporter.flushSummary();
        return code;
    }
}
/** What `--json` prints when a run ends in an error: machines get the located problems too. */
function errorDocument(error, message, exitCode) {
    const problems = error instanceof errors/* ConfigError */.xL
        ? error.problems.map((problem) => JSON.parse((0,secrets/* redact */.E)(JSON.stringify(problem))))
        : undefined;
    return { ok: false, exitCode, error: message, ...(problems && { problems }) };
}
function makeContext(command, options, reporter, env, cwd) {
    let manifest;
    return {
        options,
        today: (0,timeline/* today */.Ec)(options.now),
        manifest: () => (manifest ??= (0,load/* loadManifest */.eY)(options.manifest, cwd, env)),
        reporter,
        env,
        cwd,
    };
}
function publish(door, command, result, json, reporter) {
    const document = (0,secrets/* redact */.E)(JSON.stringify(result.json, null, 2));
    if (door === 'action') {
        for (const output of command.outputs) {
            const value = result.outputs?.[output.name];
            if (value !== undefined)
                (0,actions_core/* requireActionsCore */.Ip)().setOutput(output.name, (0,secrets/* redact */.E)(value));
        }
        (0,actions_core/* requireActionsCore */.Ip)().setOutput('json', document);
        if (result.exitCode !== 0)
            (0,actions_core/* requireActionsCore */.Ip)().setFailed(result.failureMessage ?? `${command.name} failed`);
    }
    else {
        if (json)
            process.stdout.write(`${document}\n`);
        if (result.exitCode !== 0)
            process.stderr.write(`failed: ${(0,secrets/* redact */.E)(result.failureMessage ?? `${command.name} failed`)}\n`);
        if (process.env['GITHUB_OUTPUT']) {
            for (const [name, value] of Object.entries(result.outputs ?? {}))
                (0,actions_core/* requireActionsCore */.Ip)().setOutput(name, (0,secrets/* redact */.E)(value));
        }
    }
    reporter.flushSummary();
}
/** The package version, from package.json (bundled by ncc). */
function version() {
    return package_namespaceObject.rE;
}
async function helpText(commandName) {
    const command = commandName ? await findCommand(commandName) : undefined;
    if (commandName && !command)
        throw new errors/* UsageError */.eb(`unknown command "${commandName}"`);
    const flags = (specs) => specs
        .map((spec) => {
        const flag = `--${spec.name}${spec.type === 'boolean' ? '' : spec.type === 'list' ? ' VALUE...' : ' VALUE'}`;
        return `  ${flag.padEnd(28)} ${spec.description}${spec.default !== undefined ? ` (default: ${spec.default})` : ''}`;
    })
        .join('\n');
    if (command) {
        return `cutover ${command.name} — ${command.summary}\n\nUsage: cutover ${command.name} [flags]\n\nFlags:\n${flags([...command.options, ...COMMON_OPTIONS])}\n\nExit codes: 0 ok, 1 the check or the work failed, 2 bad input.\n`;
    }
    const list = (await loadCommands()).map((c) => `  ${c.name.padEnd(16)} ${c.summary}`).join('\n');
    return `cutover ${version()} — carry an organisation through a container-registry migration.\n\nUsage: cutover <command> [flags]\n\nCommands:\n${list}\n\nCommon flags:\n${flags(COMMON_OPTIONS)}\n  --help                       Show help for a command.\n  --version                    Print the version.\n\nExit codes: 0 ok, 1 the check or the work failed, 2 bad input.\n`;
}
/** Entry point of the bundle: the CLI and every action run this. */
async function run() {
    process.exitCode = await main(process.argv.slice(2));
}


/***/ }),

/***/ 71554:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eY: () => (/* binding */ loadManifest),
  Su: () => (/* binding */ parseCentralManifest)
});

// UNUSED EXPORTS: DEFAULT_MANIFEST_PATHS

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/src/errors.js
var errors = __webpack_require__(65071);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./lib/src/registry/reference.js
var reference = __webpack_require__(96849);
// EXTERNAL MODULE: ./lib/src/manifest/locate.js
var locate = __webpack_require__(65910);
// EXTERNAL MODULE: ./lib/src/manifest/schema.js
var manifest_schema = __webpack_require__(78947);
;// CONCATENATED MODULE: ./lib/src/manifest/parse.js






const SECRET_KEYS = /^(password|passwd|secret|token|auth|username|user|identitytoken)$/i;
/**
 * Parses and validates manifest text. Every problem is located (file:line:column and key path);
 * all problems are collected before throwing, so one run shows them all.
 * @throws ConfigError listing every problem
 */
function parseManifest(text, source) {
    const lines = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const locator = new locate/* SourceLocator */.St(document, lines);
    const problems = [];
    const at = (path, message, onKey = false) => ({
        file: source,
        ...(onKey ? locator.keyAt(path) : locator.valueAt(path)),
        path: (0,locate/* formatKeyPath */.K7)(path),
        message,
    });
    for (const error of document.errors) {
        const position = locator.positionOf(error.pos[0]);
        const message = error.code === 'DUPLICATE_KEY'
            ? `duplicate key ${JSON.stringify(keyTextAt(text, error.pos[0]))}: each key may appear once`
            : `YAML syntax error: ${error.message.split('\n')[0]}`;
        problems.push({ file: source, ...position, message });
    }
    if (problems.length > 0)
        throw new errors/* ConfigError */.xL(problems);
    const raw = document.toJS();
    if (raw === null || raw === undefined) {
        throw new errors/* ConfigError */.xL([
            {
                file: source,
                line: 1,
                column: 1,
                message: 'the manifest is empty: expected a mapping starting with "version: 1"',
            },
        ]);
    }
    const result = manifest_schema/* manifestSchema */.r.safeParse(raw);
    if (!result.success) {
        for (const issue of withoutMisspeltMissing(result.error.issues))
            problems.push(...describeIssue(issue, locator, at));
        throw new errors/* ConfigError */.xL(sortProblems(problems));
    }
    const input = result.data;
    problems.push(...crossFieldProblems(input, at));
    if (problems.length > 0)
        throw new errors/* ConfigError */.xL(sortProblems(problems));
    return normalise(input, source, locator, at);
}
/** The key written at `offset` (plain or quoted), for duplicate-key messages. */
function keyTextAt(text, offset) {
    const match = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^:\n]+)/.exec(text.slice(offset));
    const key = match?.[1]?.trim() ?? '';
    return /^["']/.test(key) ? key.slice(1, -1) : key;
}
/** A required key reported missing beside an unknown key that is its misspelling: report only the misspelling. */
function withoutMisspeltMissing(issues) {
    const misspelt = new Set();
    for (const issue of issues) {
        if (issue.code !== 'unrecognized_keys')
            continue;
        const path = issue.path.map(String);
        const known = knownKeysAt(issue.path.filter((part) => typeof part !== 'symbol'));
        for (const key of issue.keys) {
            const suggestion = (0,locate/* nearest */.pA)(key, known);
            if (suggestion)
                misspelt.add(JSON.stringify([...path, suggestion]));
        }
    }
    return issues.filter((issue) => issue.code === 'unrecognized_keys' || !misspelt.has(JSON.stringify(issue.path.map(String))));
}
function describeIssue(issue, locator, at) {
    const path = issue.path.filter((part) => typeof part !== 'symbol');
    if (issue.code !== 'unrecognized_keys' && path.length > 0 && locator.jsAt(path) === undefined) {
        const parent = path.length === 1 ? {} : locator.jsAt(path.slice(0, -1));
        if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) {
            return [at(path, `missing required key "${String(path[path.length - 1])}"`)];
        }
    }
    switch (issue.code) {
        case 'unrecognized_keys':
            return issue.keys.map((key) => {
                const keyPath = [...path, key];
                if (path[path.length - 1] === 'credentials' && SECRET_KEYS.test(key)) {
                    return at(keyPath, `a secret written inline: the manifest never holds credentials; use "${/user/i.test(key) ? 'username' : 'password'}-env" to name an environment variable`, true);
                }
                const known = knownKeysAt(path);
                const suggestion = (0,locate/* nearest */.pA)(key, known);
                const hint = suggestion
                    ? `; did you mean "${suggestion}"?`
                    : known.length
                        ? `; expected one of: ${known.join(', ')}`
                        : '';
                return at(keyPath, `unknown key "${key}"${hint}`, true);
            });
        case 'invalid_type': {
            const found = locator.jsAt(path);
            return [at(path, `expected ${expectedOf(issue)}, found ${(0,locate/* describeValue */.bp)(found)}`)];
        }
        case 'invalid_value':
            return [
                at(path, `${customOrDefault(issue.message, `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`)}, found ${(0,locate/* describeValue */.bp)(locator.jsAt(path))}`),
            ];
        case 'too_small':
        case 'too_big':
            return [
                at(path, `${issue.message.replace(/^Too (small|big): /, '')}, found ${(0,locate/* describeValue */.bp)(locator.jsAt(path))}`),
            ];
        default: {
            // Never echo what stands where a credential's name belongs: it may be the secret itself.
            if (path.includes('credentials'))
                return [at(path, issue.message)];
            const message = issue.message.includes(', found')
                ? issue.message
                : `${issue.message}, found ${(0,locate/* describeValue */.bp)(locator.jsAt(path))}`;
            return [at(path, message)];
        }
    }
}
function expectedOf(issue) {
    if (!issue.message.startsWith('Invalid input'))
        return issue.message.replace(/^expected /, '');
    return issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : issue.expected;
}
function customOrDefault(message, fallback) {
    return message.startsWith('Invalid input') ? fallback : message;
}
/** Keys the schema knows at a path, for "did you mean" suggestions. */
function knownKeysAt(path) {
    let schema = manifest_schema/* manifestSchema */.r;
    for (const part of path) {
        schema = unwrap(schema);
        if (schema instanceof schemas/* ZodObject */.bvH)
            schema = schema.shape[String(part)] ?? schema;
        else if (schema instanceof schemas/* ZodArray */.naA)
            schema = schema.element;
        else if (schema instanceof schemas/* ZodRecord */.b8S)
            schema = schema.valueType;
    }
    schema = unwrap(schema);
    return schema instanceof schemas/* ZodObject */.bvH ? Object.keys(schema.shape) : [];
}
function unwrap(schema) {
    let current = schema;
    while (current instanceof schemas/* ZodOptional */.IiU || current instanceof schemas/* ZodNullable */.l1C)
        current = current.unwrap();
    return current;
}
function crossFieldProblems(input, at) {
    const problems = [];
    const { old, new: next } = input.registries;
    if (next.available > old['read-only']) {
        problems.push(at(['registries', 'new', 'available'], `the new registry must be available (${next.available}) no later than the old one turns read-only (${old['read-only']})`));
    }
    if (old['read-only'] > old.shutdown) {
        problems.push(at(['registries', 'old', 'read-only'], `read-only (${old['read-only']}) must not come after shutdown (${old.shutdown})`));
    }
    const failFrom = input.guard?.['fail-from'];
    if (failFrom !== undefined && failFrom < next.available) {
        problems.push(at(['guard', 'fail-from'], `fail-from (${failFrom}) must not come before the new registry is available (${next.available})`));
    }
    const hostsSeen = new Map();
    for (const role of ['old', 'new']) {
        const registry = input.registries[role];
        const names = [
            [registry.host, ['registries', role, 'host']],
            ...(registry.aliases ?? []).map((alias, index) => [
                alias,
                ['registries', role, 'aliases', index],
            ]),
        ];
        for (const [name, path] of names) {
            const key = (0,reference/* normalizeHost */.cS)(name);
            const earlier = hostsSeen.get(key);
            if (earlier)
                problems.push(at(path, `host "${name}" is already named at ${(0,locate/* formatKeyPath */.K7)(earlier)}: the old and new registries must differ`));
            else
                hostsSeen.set(key, path);
        }
    }
    const repoNames = new Map();
    const producers = new Map();
    for (const [name, repo] of Object.entries(input.repos ?? {})) {
        if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(name)) {
            problems.push(at(['repos', name], `expected a repository name "owner/name", found ${JSON.stringify(name)}`, true));
        }
        const folded = name.toLowerCase();
        const twin = repoNames.get(folded);
        if (twin !== undefined) {
            problems.push(at(['repos', name], `duplicate repository: "${name}" and "${twin}" are the same GitHub repository (names are case-insensitive)`, true));
        }
        repoNames.set(folded, name);
        for (const [index, image] of (repo?.produces ?? []).entries()) {
            const other = producers.get(image);
            if (other !== undefined && other !== name) {
                problems.push(at(['repos', name, 'produces', index], `image "${image}" is already produced by ${other}: each image has one producing repository`));
            }
            else
                producers.set(image, name);
        }
        for (const [index, image] of (repo?.consumes ?? []).entries()) {
            const first = image.split('/')[0];
            if (image.includes('/') && hostsSeen.has((0,reference/* normalizeHost */.cS)(first))) {
                problems.push(at(['repos', name, 'consumes', index], `write images as paths in the old registry, without the host: "${image.slice(first.length + 1)}"`));
            }
        }
        problems.push(...generatedProblems(repo?.generated ?? [], ['repos', name, 'generated'], at));
    }
    problems.push(...generatedProblems(input.generated ?? [], ['generated'], at));
    for (const [index, rule] of (input.copy ?? []).entries()) {
        if (rule.images === undefined && rule.referenced !== true) {
            problems.push(at(['copy', index], 'a copy rule needs "images" (repository globs) or "referenced: true"'));
        }
    }
    for (const [index, rule] of (input.paths ?? []).entries()) {
        const captures = (rule.from.match(/\*/g) ?? []).length;
        const used = (rule.to.match(/\*/g) ?? []).length;
        if (used > captures) {
            problems.push(at(['paths', index, 'to'], `"to" uses ${used} "*" but "from" captures only ${captures}`));
        }
        try {
            (0,reference/* parseRepositoryReference */.Dp)(rule.to.replace(/\*/g, 'x'));
        }
        catch (error) {
            problems.push(at(['paths', index, 'to'], `expected a repository path: ${error.message}`));
        }
    }
    return problems;
}
function generatedProblems(entries, path, at) {
    const problems = [];
    const seen = new Set();
    for (const [index, entry] of entries.entries()) {
        if (seen.has(entry.name))
            problems.push(at([...path, index, 'name'], `duplicate generator name "${entry.name}"`));
        seen.add(entry.name);
        const dir = entry['working-directory'];
        if (dir !== undefined && (dir.startsWith('/') || dir.split('/').includes('..'))) {
            problems.push(at([...path, index, 'working-directory'], `expected a directory inside the repository, found ${JSON.stringify(dir)}`));
        }
    }
    return problems;
}
function registrySpec(role, input) {
    const host = (0,reference/* normalizeHost */.cS)(input.host);
    const credentials = input.credentials && {
        ...(input.credentials['username-env'] && { usernameEnv: input.credentials['username-env'] }),
        ...(input.credentials['password-env'] && { passwordEnv: input.credentials['password-env'] }),
    };
    return {
        role,
        host,
        aliases: (input.aliases ?? []).map(reference/* normalizeHost */.cS),
        insecure: input.insecure ?? (0,reference/* isLoopbackHost */.cW)(host),
        ...(credentials && { credentials }),
    };
}
function normalise(input, source, locator, at) {
    const repos = Object.entries(input.repos ?? {}).map(([name, repo]) => ({
        name,
        ...(repo?.owner !== undefined && { owner: repo.owner }),
        produces: repo?.produces ?? [],
        consumes: (repo?.consumes ?? []).map((text) => (0,reference/* parseRepositoryReference */.Dp)(text)),
        generated: repo?.generated ?? [],
    }));
    const produced = new Set(repos.flatMap((repo) => repo.produces));
    const warnings = [];
    for (const repo of repos) {
        for (const [index, consumed] of repo.consumes.entries()) {
            if (!produced.has(consumed.repository)) {
                warnings.push(at(['repos', repo.name, 'consumes', index], `image "${consumed.repository}" is consumed but no repository in the manifest produces it`));
            }
        }
    }
    const { old, new: next } = input.registries;
    return {
        source,
        registries: { old: registrySpec('old', old), new: registrySpec('new', next) },
        timeline: {
            available: next.available,
            readOnly: old['read-only'],
            shutdown: old.shutdown,
            failFrom: input.guard?.['fail-from'] ?? old.shutdown,
            ...(input.guard?.['warn-days'] !== undefined && { warnDays: input.guard['warn-days'] }),
        },
        paths: input.paths ?? [],
        guard: {
            allowFiles: input.guard?.allow?.files ?? [],
            allowReferences: input.guard?.allow?.references ?? [],
        },
        repos,
        copy: input.copy ?? [],
        generated: input.generated ?? [],
        warnings,
        locator,
    };
}
function sortProblems(problems) {
    return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

;// CONCATENATED MODULE: ./lib/src/manifest/load.js




/** Where a manifest is looked for when `--manifest` is not given, in order. */
const DEFAULT_MANIFEST_PATHS = ['cutover.yml', '.github/cutover.yml'];
const CENTRAL = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+):([^@]+?)(?:@(.+))?$/;
/** Parses `owner/repo:path@ref`, or returns undefined for a local path. */
function parseCentralManifest(spec) {
    const match = CENTRAL.exec(spec);
    if (!match)
        return undefined;
    const [, owner, repo, file, ref] = match;
    return { owner: owner, repo: repo, path: file.replace(/^\/+/, ''), ...(ref !== undefined && { ref }) };
}
/**
 * Finds, reads and validates the manifest: `--manifest` (a path or a central `owner/repo:path@ref`),
 * else cutover.yml, else .github/cutover.yml under `cwd`.
 * @throws UsageError when nothing can be read, ConfigError when it is invalid
 */
async function loadManifest(spec, cwd, env) {
    if (spec !== undefined) {
        const central = parseCentralManifest(spec);
        if (central && !(0,external_node_fs_.existsSync)(external_node_path_.resolve(cwd, spec)))
            return parseManifest(await fetchCentral(central, env), spec);
        return parseManifest(readLocal(external_node_path_.resolve(cwd, spec), spec), spec);
    }
    for (const candidate of DEFAULT_MANIFEST_PATHS) {
        const file = external_node_path_.resolve(cwd, candidate);
        if ((0,external_node_fs_.existsSync)(file))
            return parseManifest(readLocal(file, candidate), candidate);
    }
    throw new errors/* UsageError */.eb(`no manifest found: looked for ${DEFAULT_MANIFEST_PATHS.join(' and ')} in ${cwd}; pass --manifest PATH or owner/repo:path@ref`);
}
function readLocal(file, shown) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : error.message;
        throw new errors/* ConfigError */.xL([{ file: shown, message: `cannot read the manifest: ${reason}` }]);
    }
}
async function fetchCentral(central, env) {
    const shown = `${central.owner}/${central.repo}:${central.path}${central.ref ? `@${central.ref}` : ''}`;
    // Loaded here, not at start-up: Octokit costs every other run of the CLI tens of milliseconds.
    const { createOctokit, httpStatus } = await Promise.all(/* import() */[__webpack_require__.e(891), __webpack_require__.e(177)]).then(__webpack_require__.bind(__webpack_require__, 43177));
    const octokit = createOctokit(env, `reading the central manifest ${shown}`);
    try {
        const response = await octokit.rest.repos.getContent({
            owner: central.owner,
            repo: central.repo,
            path: central.path,
            ...(central.ref !== undefined && { ref: central.ref }),
            mediaType: { format: 'raw' },
        });
        if (typeof response.data !== 'string') {
            throw new errors/* ConfigError */.xL([
                { file: shown, message: 'the central manifest path is a directory, not a file' },
            ]);
        }
        return response.data;
    }
    catch (error) {
        if (error instanceof errors/* ConfigError */.xL)
            throw error;
        const status = httpStatus(error);
        const detail = error.message;
        let reason;
        if (status === 404 && /ref|commit|branch/i.test(detail))
            reason = `the ref "${central.ref}" does not exist (${detail})`;
        else if (status === 404)
            reason = `not found (no such repository, path or ref, or the token cannot read ${central.owner}/${central.repo})`;
        else if (status === 401)
            reason = 'the token was refused (401): check GITHUB_TOKEN';
        else if (status === 403)
            reason = `access denied (403): the token lacks contents:read on ${central.owner}/${central.repo}`;
        else
            reason = status ? `GitHub answered ${status}: ${detail}` : `GitHub could not be reached: ${detail}`;
        throw new errors/* ConfigError */.xL([{ file: shown, message: `cannot fetch the central manifest: ${reason}` }]);
    }
}


/***/ }),

/***/ 65910:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ formatKeyPath),
/* harmony export */   St: () => (/* binding */ SourceLocator),
/* harmony export */   bp: () => (/* binding */ describeValue),
/* harmony export */   pA: () => (/* binding */ nearest)
/* harmony export */ });
/* unused harmony export editDistance */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);

/** Maps key paths of a parsed YAML document to 1-based line and column numbers. */
class SourceLocator {
    document;
    lines;
    constructor(document, lines) {
        this.document = document;
        this.lines = lines;
    }
    /** Position of the value at `path`, or of its nearest existing ancestor. */
    valueAt(path) {
        const node = this.nearestNode(path);
        return this.positionOf(node?.range?.[0] ?? 0);
    }
    /** Position of the key named last in `path` (for unknown or misplaced keys). */
    keyAt(path) {
        const pair = this.pairAt(path);
        const key = pair?.key;
        return key?.range ? this.positionOf(key.range[0]) : this.valueAt(path.slice(0, -1));
    }
    /** The plain JavaScript value at `path`, or undefined. */
    jsAt(path) {
        const node = this.document.getIn(path, true);
        if (node === undefined)
            return undefined;
        return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) ? node.value : node.toJSON();
    }
    /** Converts a character offset to a 1-based position. */
    positionOf(offset) {
        const { line, col } = this.lines.linePos(offset);
        return { line, column: col };
    }
    nearestNode(path) {
        for (let length = path.length; length >= 0; length--) {
            const node = (length === 0 ? this.document.contents : this.document.getIn(path.slice(0, length), true));
            if (node && ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)))
                return node;
        }
        return undefined;
    }
    pairAt(path) {
        const parent = path.length <= 1 ? this.document.contents : this.document.getIn(path.slice(0, -1), true);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(parent))
            return undefined;
        const wanted = path[path.length - 1];
        return parent.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(item) && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item.key) && String(item.key.value) === String(wanted));
    }
}
/** Renders a key path the way a person writes it: `repos["acme/api"].consumes[1]`. */
function formatKeyPath(path) {
    let out = '';
    for (const part of path) {
        if (typeof part === 'number')
            out += `[${part}]`;
        else if (/^[A-Za-z_][\w-]*$/.test(part))
            out += out ? `.${part}` : part;
        else
            out += `[${JSON.stringify(part)}]`;
    }
    return out || '(top level)';
}
/** A short description of a found value for error messages; never prints long strings whole. */
function describeValue(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'an empty value';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string') {
        const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
        return `the string ${JSON.stringify(shown)}`;
    }
    return `${typeof value} ${String(value)}`;
}
/** Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}
/** The closest of `candidates` to `word`, when it is close enough to be a likely typo. */
function nearest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.ceil(word.length / 3)) ? best : undefined;
}


/***/ }),

/***/ 78947:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ isCalendarDay),
/* harmony export */   r: () => (/* binding */ manifestSchema)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62088);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _registry_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96849);



/** A calendar day, `YYYY-MM-DD`, as every date in the manifest is written. */
const day = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP({ error: 'expected a date written YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written YYYY-MM-DD', abort: true })
    .refine((text) => isCalendarDay(text), { error: 'expected a real calendar date (YYYY-MM-DD)' })
    .meta({ description: 'A calendar day, YYYY-MM-DD (UTC).', format: 'date' });
/** True for a `YYYY-MM-DD` string naming a day that exists. */
function isCalendarDay(text) {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
const envName = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
    error: 'expected the name of an environment variable (letters, digits, _); the value given is not one — never write a secret in the manifest',
});
const host = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP({ error: 'expected a registry host, host[:port]' })
    .refine((text) => !/^[a-z]+:\/\//i.test(text), {
    error: 'expected host[:port] without a scheme (drop "https://")',
})
    .refine((text) => (!/^[a-z]+:\/\//i.test(text) ? (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidHost */ .HO)(text) && !text.includes('/') : true), {
    error: 'expected a registry host, host[:port] (letters, digits, dots, dashes; no path)',
})
    .meta({ description: 'Registry host, host[:port].' });
const credentials = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    'username-env': envName.optional().meta({ description: 'Environment variable holding the user name.' }),
    'password-env': envName
        .optional()
        .meta({ description: 'Environment variable holding the password or token.' }),
})
    .meta({
    description: 'Environment variable names for registry credentials; defaults to the Docker config.',
});
const registryCommon = {
    host,
    aliases: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(host).optional().meta({ description: 'Other host names of the same registry.' }),
    insecure: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
        .optional()
        .meta({ description: 'Plain HTTP. Implied for localhost, 127.0.0.0/8 and [::1].' }),
    credentials: credentials.optional(),
};
const oldRegistry = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    ...registryCommon,
    'read-only': day.meta({ description: 'No pushes to the old registry from this day.' }),
    shutdown: day.meta({ description: 'The old registry is gone from this day.' }),
})
    .meta({ description: 'The registry being retired.' });
const newRegistry = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    ...registryCommon,
    available: day.meta({ description: 'Pushes to the new registry may start from this day.' }),
})
    .meta({ description: 'The registry being moved to.' });
const repositoryPath = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP({ error: 'expected a repository path such as "team/api"' })
    .refine(_registry_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidRepositoryPath */ .M0, {
    error: 'expected a repository path (lower-case letters, digits and . _ - separators, components joined by /)',
});
const imageReference = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP({ error: 'expected an image such as "team/api" or "team/api:1.2"' })
    .superRefine((text, ctx) => {
    try {
        (0,_registry_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRepositoryReference */ .Dp)(text);
    }
    catch (error) {
        ctx.addIssue({
            code: 'custom',
            message: `expected an image path[:tag][@digest]: ${error.message}`,
        });
    }
});
const glob = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP({ error: 'expected a glob pattern' })
    .min(1, { error: 'expected a non-empty glob pattern' });
const generatedEntry = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).meta({ description: 'Short name shown in reports.' }),
    run: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).meta({ description: 'The generator command, run with sh -c in a scratch copy.' }),
    outputs: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(glob).min(1, { error: 'expected at least one output glob' }).meta({
        description: 'Globs of the files this generator owns.',
    }),
    env: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP())
        .optional()
        .meta({ description: 'Extra environment for the generator.' }),
    'working-directory': zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .optional()
        .meta({ description: 'Directory to run in, relative to the repository.' }),
})
    .meta({ description: 'A code generator whose outputs must be current.' });
const repoEntry = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    owner: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional().meta({ description: 'Owning team, shown in plans.' }),
    produces: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(repositoryPath)
        .optional()
        .meta({ description: 'Images this repository pushes (paths in the old registry).' }),
    consumes: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(imageReference)
        .optional()
        .meta({ description: 'Images this repository pulls; a :tag or @digest pins an old version.' }),
    generated: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(generatedEntry).optional(),
})
    .meta({ description: 'One repository of the organisation.' });
const copyRule = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    images: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(glob).optional().meta({ description: 'Repository globs in the old registry.' }),
    tags: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(glob)
        .optional()
        .meta({ description: 'Tag globs; a leading ! excludes. Default: all tags.' }),
    semver: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .refine((range) => semver__WEBPACK_IMPORTED_MODULE_0__.validRange(range, { loose: true }) !== null, {
        error: 'expected a semver range such as ">=1.4 <2"',
    })
        .optional(),
    newest: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(1, { error: 'expected a whole number of at least 1' }).optional(),
    referenced: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
        .optional()
        .meta({ description: 'Tags pinned in repos.*.consumes and in --refs files.' }),
})
    .meta({ description: 'Which old tags to copy to the new registry; rules are OR-combined.' });
const pathRule = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    from: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).meta({ description: 'Old repository path glob; each * captures.' }),
    to: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .min(1)
        .meta({ description: 'New repository path; each * is replaced by the matching capture.' }),
})
    .meta({ description: 'Old→new repository mapping; the first matching rule wins.' });
/** The manifest's shape, strict: unknown keys are errors. Cross-field rules live in validate.ts. */
const manifestSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(1, { error: 'expected version: 1' }),
    registries: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ old: oldRegistry, new: newRegistry }),
    paths: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(pathRule).optional(),
    guard: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        'warn-days': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(0).optional().meta({
            description: 'Warn only this many days before fail-from (default: from the day the new registry opens).',
        }),
        'fail-from': day
            .optional()
            .meta({ description: 'References fail from this day; default: the shutdown day.' }),
        allow: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
            files: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(glob).optional().meta({ description: 'Files whose references are ignored.' }),
            references: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(glob).optional().meta({ description: 'Reference globs that are ignored.' }),
        })
            .optional(),
    })
        .optional(),
    repos: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), repoEntry.nullable()).optional(),
    copy: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(copyRule).optional(),
    generated: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(generatedEntry).optional(),
})
    .meta({ title: 'cutover manifest', description: 'Drives a container-registry migration with cutover.' });


/***/ }),

/***/ 16399:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BA: () => (/* binding */ phaseAt),
/* harmony export */   Ec: () => (/* binding */ today),
/* harmony export */   FN: () => (/* binding */ oldRegistrySkippedReason),
/* harmony export */   OQ: () => (/* binding */ referencePolicy),
/* harmony export */   XV: () => (/* binding */ pushTargets)
/* harmony export */ });
/* unused harmony exports daysBetween, addDays */
/**
 * The migration timeline: for a day, which phase we are in, where pushes go, and how a reference
 * to the old registry is judged. Every date is a UTC calendar day, `YYYY-MM-DD`.
 */
const DAY_MS = 86_400_000;
/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
function daysBetween(from, to) {
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
/** The phase of the migration on `today`. */
function phaseAt(timeline, today) {
    if (today < timeline.available)
        return 'before';
    if (today < timeline.readOnly)
        return 'dual';
    if (today < timeline.shutdown)
        return 'new-only';
    return 'retired';
}
/** The registries a build pushes to in a phase, in the order they are reported. */
function pushTargets(phase) {
    switch (phase) {
        case 'before':
            return ['old'];
        case 'dual':
            return ['old', 'new'];
        case 'new-only':
        case 'retired':
            return ['new'];
    }
}
/** Why the old registry is not pushed to in a phase, or undefined when it is. */
function oldRegistrySkippedReason(timeline, phase) {
    if (phase === 'new-only')
        return `the old registry is read-only since ${timeline.readOnly}`;
    if (phase === 'retired')
        return `the old registry was shut down on ${timeline.shutdown}`;
    return undefined;
}
/** How a reference to the old registry is judged on `today`. */
function referencePolicy(timeline, today) {
    const daysLeft = daysBetween(today, timeline.failFrom);
    if (today >= timeline.failFrom) {
        return {
            severity: 'error',
            daysLeft,
            message: `the old registry is retired for builds since ${timeline.failFrom}: move this reference to the new registry`,
        };
    }
    const warnFrom = timeline.warnDays === undefined
        ? timeline.available
        : maxDay(timeline.available, addDays(timeline.failFrom, -timeline.warnDays));
    if (today >= warnFrom) {
        return {
            severity: 'warning',
            daysLeft,
            message: `${daysLeft} day${daysLeft === 1 ? '' : 's'} left: references to the old registry fail from ${timeline.failFrom}`,
        };
    }
    return {
        severity: 'info',
        daysLeft,
        message: `references to the old registry fail from ${timeline.failFrom} (${daysLeft} days from now)`,
    };
}
/** `day` moved by `days` (negative to go back). */
function addDays(day, days) {
    return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
function maxDay(a, b) {
    return a > b ? a : b;
}
/** Today's UTC day, or the override from `--now`/`CUTOVER_NOW` (already validated by the caller). */
function today(override) {
    return override ?? new Date().toISOString().slice(0, 10);
}


/***/ }),

/***/ 96849:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ formatRepositoryReference),
/* harmony export */   Dp: () => (/* binding */ parseRepositoryReference),
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   HO: () => (/* binding */ isValidHost),
/* harmony export */   M0: () => (/* binding */ isValidRepositoryPath),
/* harmony export */   cS: () => (/* binding */ normalizeHost),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   fH: () => (/* binding */ isValidDigest),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB, InvalidReferenceError */
/**
 * Image references per the distribution grammar (github.com/distribution/reference):
 * `[host[:port]/]path[:tag][@digest]`, with Docker's normalisation rules for docker.io.
 */
const alphaNumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphaNumeric}(?:${separator}${alphaNumeric})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const hostPattern = `(?:${domainName}|${ipv6})(?::[0-9]+)?`;
const repositoryPathRe = new RegExp(`^${pathComponent}(?:/${pathComponent})*$`);
const hostRe = new RegExp(`^${hostPattern}$`);
const tagRe = /^[\w][\w.-]{0,127}$/;
const digestRe = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const sha256Re = /^sha256:[a-f0-9]{64}$/;
/** The registry Docker assumes when a reference names none. */
const DOCKER_HUB = 'docker.io';
const MAX_NAME_LENGTH = 255;
/** Thrown for text that is not a valid reference; the message says what is wrong. */
class InvalidReferenceError extends Error {
    name = 'InvalidReferenceError';
}
/** True for `host[:port]` (domain, IPv4 or bracketed IPv6). */
function isValidHost(host) {
    return hostRe.test(host);
}
/** True for a repository path such as `team/api` (lower-case components, `/`-separated). */
function isValidRepositoryPath(path) {
    return path.length <= MAX_NAME_LENGTH && repositoryPathRe.test(path);
}
/** True for a tag: word characters, dots and dashes, at most 128, not starting with `.` or `-`. */
function isValidTag(tag) {
    return tagRe.test(tag);
}
/** True for `algorithm:hex`; sha256 digests must be 64 lower-case hex characters. */
function isValidDigest(digest) {
    if (!digestRe.test(digest))
        return false;
    return !digest.startsWith('sha256:') || sha256Re.test(digest);
}
/** Lower-cases a registry host and folds Docker Hub's historical names onto `docker.io`. */
function normalizeHost(host) {
    const lower = host.toLowerCase();
    if (lower === 'index.docker.io' ||
        lower === 'registry-1.docker.io' ||
        lower === 'registry.hub.docker.com') {
        return DOCKER_HUB;
    }
    return lower;
}
function splitDigestAndTag(text) {
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!isValidDigest(digest))
            throw new InvalidReferenceError(`invalid digest "${digest}"`);
    }
    let tag;
    const lastColon = rest.lastIndexOf(':');
    if (lastColon > rest.lastIndexOf('/')) {
        tag = rest.slice(lastColon + 1);
        rest = rest.slice(0, lastColon);
        if (!isValidTag(tag)) {
            throw new InvalidReferenceError(`invalid tag "${tag}" (word characters, "." and "-", at most 128, not starting with "." or "-")`);
        }
    }
    return { name: rest, tag, digest };
}
/**
 * Parses a repository path relative to a registry (`base/jdk`, `api:1.4.2`, `api@sha256:…`).
 * @throws InvalidReferenceError with a reason
 */
function parseRepositoryReference(text) {
    const { name, tag, digest } = splitDigestAndTag(text);
    if (!isValidRepositoryPath(name)) {
        throw new InvalidReferenceError(`invalid repository path "${name}" (lower-case letters, digits and separators . _ __ -, components joined by /)`);
    }
    return { repository: name, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}
/**
 * Parses a full image reference and normalises it the way Docker does: a first component with a
 * `.` or `:` (or `localhost`) is the registry, otherwise Docker Hub, where single names gain `library/`.
 * @throws InvalidReferenceError with a reason
 */
function parseReference(text) {
    if (text.length === 0)
        throw new InvalidReferenceError('empty reference');
    if (/\s/.test(text))
        throw new InvalidReferenceError(`reference "${text}" contains white space`);
    const slash = text.indexOf('/');
    const first = slash >= 0 ? text.slice(0, slash) : '';
    const hasRegistry = slash >= 0 &&
        (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
    let registry = DOCKER_HUB;
    let remainder = text;
    if (hasRegistry) {
        if (!isValidHost(first))
            throw new InvalidReferenceError(`invalid registry host "${first}"`);
        registry = normalizeHost(first);
        remainder = text.slice(slash + 1);
    }
    const parsed = parseRepositoryReference(remainder);
    let repository = parsed.repository;
    if (registry === DOCKER_HUB && !repository.includes('/'))
        repository = `library/${repository}`;
    return { ...parsed, registry, repository };
}
/** Renders `registry/repository[:tag][@digest]`. */
function formatReference(ref) {
    return `${ref.registry}/${formatRepositoryReference(ref)}`;
}
/** Renders `repository[:tag][@digest]`. */
function formatRepositoryReference(ref) {
    return `${ref.repository}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
/** True when a host is loopback: `localhost`, 127.0.0.0/8 or `[::1]`, with or without a port. */
function isLoopbackHost(host) {
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
    return name === 'localhost' || name === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(name);
}


/***/ }),

/***/ 52680:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ annotateProblems),
/* harmony export */   A: () => (/* binding */ createReporter)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var _github_actions_core_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94511);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99559);



/** The reporter for the current front door: GitHub workflow commands in an action, stderr in the CLI. */
function createReporter(mode, env = process.env) {
    const inGitHub = env['GITHUB_ACTIONS'] === 'true';
    const parts = [];
    const write = (line) => process.stderr.write(`${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(line)}\n`);
    return {
        info: (message) => (mode === 'action' ? (0,_github_actions_core_js__WEBPACK_IMPORTED_MODULE_2__/* .requireActionsCore */ .Ip)().info((0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(message)) : write(message)),
        warning: (message) => mode === 'action' ? (0,_github_actions_core_js__WEBPACK_IMPORTED_MODULE_2__/* .requireActionsCore */ .Ip)().warning((0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(message)) : write(`warning: ${message}`),
        error: (message) => (mode === 'action' ? (0,_github_actions_core_js__WEBPACK_IMPORTED_MODULE_2__/* .requireActionsCore */ .Ip)().error((0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(message)) : write(`error: ${message}`)),
        debug: (message) => {
            if (mode === 'action')
                (0,_github_actions_core_js__WEBPACK_IMPORTED_MODULE_2__/* .requireActionsCore */ .Ip)().debug((0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(message));
            else if (env['CUTOVER_DEBUG'] || env['RUNNER_DEBUG'] === '1')
                write(`debug: ${message}`);
        },
        annotate(annotation) {
            const message = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(annotation.message);
            if (inGitHub) {
                const properties = {
                    ...(annotation.title !== undefined && { title: annotation.title }),
                    ...(annotation.file !== undefined && { file: annotation.file }),
                    ...(annotation.line !== undefined && { startLine: annotation.line }),
                    ...(annotation.endLine !== undefined && { endLine: annotation.endLine }),
                    ...(annotation.column !== undefined && { startColumn: annotation.column }),
                };
                const command = annotation.severity === 'error'
                    ? 'error'
                    : annotation.severity === 'warning'
                        ? 'warning'
                        : 'notice';
                if (mode === 'action')
                    (0,_github_actions_core_js__WEBPACK_IMPORTED_MODULE_2__/* .requireActionsCore */ .Ip)()[command](message, properties);
                else
                    process.stderr.write(`${workflowCommand(command, properties, message)}\n`);
                return;
            }
            const where = [annotation.file, annotation.line, annotation.column]
                .filter((p) => p !== undefined)
                .join(':');
            write(`${where ? `${where}: ` : ''}${annotation.severity}: ${message}`);
        },
        summary: (markdown) => void parts.push((0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E)(markdown)),
        summaryText: () => parts.join('\n'),
        flushSummary() {
            const file = env['GITHUB_STEP_SUMMARY'];
            if (file && parts.length > 0)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, `${parts.join('\n')}\n`);
        },
    };
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function workflowCommand(command, properties, message) {
    const names = {
        startLine: 'line',
        endLine: 'endLine',
        startColumn: 'col',
        title: 'title',
        file: 'file',
    };
    const props = Object.entries(properties)
        .map(([key, value]) => `${names[key] ?? key}=${escapeProperty(String(value))}`)
        .join(',');
    return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
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


/***/ }),

/***/ 99559:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ maskSecret),
/* harmony export */   E: () => (/* binding */ redact)
/* harmony export */ });
/* harmony import */ var _github_actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(94511);

const secrets = new Set();
/**
 * Registers a credential so that nothing we print can show it: GitHub masks it in the log
 * (`::add-mask::`, sent before the value is used anywhere) and our own output redacts it too.
 */
function maskSecret(value) {
    if (!value || secrets.has(value))
        return;
    secrets.add(value);
    if (process.env['GITHUB_ACTIONS'] !== 'true')
        return;
    // In the CLI, stdout may carry --json; the runner reads workflow commands from stderr as well.
    if (process.env['CUTOVER_FRONT_DOOR'] === 'cli')
        process.stderr.write(`::add-mask::${value}\n`);
    else {
        // main() loads @actions/core in a workflow; code run without it (a test, a library use) still masks.
        const core = (0,_github_actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .actionsCore */ .vg)();
        if (core)
            core.setSecret(value);
        else
            process.stdout.write(`::add-mask::${value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
    }
}
/** Replaces every registered credential in `text` with `***`. */
function redact(text) {
    let out = text;
    for (const secret of secrets)
        out = out.split(secret).join('***');
    return out;
}


/***/ })

};
;