"use strict";
exports.id = 143;
exports.ids = [143];
exports.modules = {

/***/ 61143:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pulls: () => (/* binding */ pulls)
});

// EXTERNAL MODULE: ./lib/src/cli/command.js
var command = __webpack_require__(61346);
// EXTERNAL MODULE: ./lib/src/cli/option.js
var cli_option = __webpack_require__(61714);
// EXTERNAL MODULE: ./lib/src/shared/errors.js
var errors = __webpack_require__(8835);
// EXTERNAL MODULE: ./lib/src/pulls/aggregate.js + 18 modules
var aggregate = __webpack_require__(65033);
// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
;// CONCATENATED MODULE: ./lib/src/pulls/present.js

/** Rows of each list in the log; the rest is counted ("… and 12 more images"). */
const TOP_LOG = 10;
/** Rows of each table in the job summary. */
const TOP_SUMMARY = 25;
/** `team/api:1.4.2`, `team/api@sha256:abcd…` (short), `team/api:1.4.2@sha256:…`. */
function imageName(image, short = true) {
    const digest = image.digest && (short ? `${image.digest.slice(0, 19)}…` : image.digest);
    return `${image.repository}${image.tag ? `:${image.tag}` : ''}${digest ? `@${digest}` : ''}`;
}
/** A client in a few words: its agent's product token, its identity, its address. */
function clientName(client) {
    const agent = client.agent?.split(/\s+/)[0];
    const parts = [agent ?? 'unknown agent', client.identity, client.address].filter(Boolean);
    return parts.join(' · ');
}
/** `2026-12-02 14:03` (UTC), or `—` when the evidence had no time. */
function when(iso) {
    return iso === undefined ? '—' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
function day(iso) {
    return iso.slice(0, 10);
}
/** `… and 12 more images`, or nothing. */
function andMore(count, noun) {
    return `… and ${count.toLocaleString('en-US')} more ${count === 1 ? noun : `${noun}s`}`;
}
function more(count, noun) {
    return count > 0 ? [`  ${andMore(count, noun)}`] : [];
}
function workloadName(use) {
    return `${use.cluster}: ${use.namespace}/${use.kind}/${use.name} (${use.container})`;
}
/** The headline: what was pulled, by how many, in which window. */
function headline(evidence) {
    const window = `in the last ${(0,markdown/* plural */.LS)(evidence.window.days, 'day')} (${day(evidence.window.from)} – ${day(evidence.window.to)})`;
    if (evidence.images.length === 0)
        return `nothing pulled from the old registry ${window}`;
    const clients = `${evidence.clientsCapped ? 'at least ' : ''}${(0,markdown/* plural */.LS)(evidence.clients.length, 'client')}`;
    return `${(0,markdown/* plural */.LS)(evidence.images.length, 'image')} pulled from the old registry by ${clients} ${window}: ${(0,markdown/* plural */.LS)(evidence.pulls, 'pull')}`;
}
/** The images each client pulled, counted (for the clients' lines). */
function imagesPerClient(evidence) {
    const counts = new Map();
    for (const image of evidence.images)
        for (const client of image.clients) {
            const key = clientName(client);
            counts.set(key, (counts.get(key) ?? 0) + 1);
        }
    return counts;
}
/** The report as lines of text: what the CLI prints and the action logs. */
function pullsText(evidence) {
    const lines = [headline(evidence)];
    const pad = (rows) => {
        const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column].length))) ?? [];
        return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`.trimEnd());
    };
    if (evidence.images.length > 0) {
        lines.push('', 'top images:');
        lines.push(...pad(evidence.images
            .slice(0, TOP_LOG)
            .map((image) => [
            imageName(image),
            (0,markdown/* plural */.LS)(image.pulls, 'pull'),
            `last ${when(image.last)}`,
            `${(0,markdown/* plural */.LS)(image.clients.length, 'client')}: ${image.clients
                .slice(0, 3)
                .map(clientName)
                .join(', ')}${image.clients.length > 3 ? ', …' : ''}`,
        ])), ...more(evidence.images.length - TOP_LOG, 'image'));
        const images = imagesPerClient(evidence);
        lines.push('', 'top clients:');
        lines.push(...pad(evidence.clients
            .slice(0, TOP_LOG)
            .map((client) => [
            clientName(client),
            (0,markdown/* plural */.LS)(client.pulls, 'pull'),
            `last ${when(client.last)}`,
            (0,markdown/* plural */.LS)(images.get(clientName(client)) ?? 0, 'image'),
        ])), ...more(evidence.clients.length - TOP_LOG, 'client'));
    }
    if (evidence.workloads.length > 0) {
        const running = evidence.workloads.filter((use) => use.running).length;
        lines.push('', `workloads on old-registry images: ${running} running, ${evidence.workloads.length - running} templated only`);
        lines.push(...pad(evidence.workloads
            .slice(0, TOP_LOG)
            .map((use) => [
            workloadName(use),
            use.image,
            use.running ? 'running' : (use.note ?? 'not running'),
        ])), ...more(evidence.workloads.length - TOP_LOG, 'workload'));
    }
    if (evidence.own.pulls > 0)
        lines.push('', `cutover's own pulls (not counted): ${(0,markdown/* plural */.LS)(evidence.own.pulls, 'pull')} of ${(0,markdown/* plural */.LS)(evidence.own.images, 'image')}, last ${when(evidence.own.last)}`);
    const { outsideWindow, otherRegistry, failed } = evidence.notCounted;
    const ignored = [
        outsideWindow > 0 && `${(0,markdown/* plural */.LS)(outsideWindow, 'pull')} outside the window`,
        otherRegistry > 0 && `${(0,markdown/* plural */.LS)(otherRegistry, 'pull')} from other registries`,
        failed > 0 && `${(0,markdown/* plural */.LS)(failed, 'failed request')}`,
    ].filter(Boolean);
    if (ignored.length > 0)
        lines.push(`not counted: ${ignored.join(', ')}`);
    lines.push('', 'evidence:');
    lines.push(...pad(evidence.sources.map((source) => [
        source.file,
        source.format,
        (0,markdown/* plural */.LS)(source.records, 'record'),
        (0,markdown/* plural */.LS)(source.pulls, 'pull'),
        source.skipped > 0 ? `${(0,markdown/* plural */.LS)(source.skipped, 'line')} skipped` : '',
    ])));
    for (const source of evidence.sources)
        for (const problem of source.problems)
            lines.push(`  ${source.file}: skipped ${problem}`);
    return lines;
}
/** The job summary: the headline and tables of the top images, clients, workloads and the sources. */
function pullsMarkdown(evidence) {
    const parts = [`### cutover pulls: ${headline(evidence)}`, ''];
    const cut = (count, noun) => (count > 0 ? [andMore(count, noun), ''] : []);
    if (evidence.images.length > 0) {
        parts.push((0,markdown/* table */.tp)(['Image', 'Pulls', 'Last pull (UTC)', 'Clients'], evidence.images.slice(0, TOP_SUMMARY).map((image) => [
            `\`${imageName(image)}\``,
            image.pulls,
            when(image.last),
            image.clients
                .slice(0, 5)
                .map((client) => `${clientName(client)} (${client.pulls})`)
                .join('<br>') + (image.clients.length > 5 ? `<br>… and ${image.clients.length - 5} more` : ''),
        ])), '', ...cut(evidence.images.length - TOP_SUMMARY, 'image'), (0,markdown/* table */.tp)(['Client (agent · identity · address)', 'Pulls', 'Last pull (UTC)'], evidence.clients
            .slice(0, TOP_SUMMARY)
            .map((client) => [clientName(client), client.pulls, when(client.last)])), '', ...cut(evidence.clients.length - TOP_SUMMARY, 'client'));
    }
    if (evidence.workloads.length > 0)
        parts.push((0,markdown/* table */.tp)(['Cluster', 'Namespace', 'Workload', 'Container', 'Image', 'Running'], evidence.workloads
            .slice(0, TOP_SUMMARY)
            .map((use) => [
            use.cluster,
            use.namespace,
            `${use.kind}/${use.name}`,
            use.container,
            `\`${use.image}\``,
            use.running ? 'yes' : `no${use.note ? ` (${use.note})` : ''}`,
        ])), '', ...cut(evidence.workloads.length - TOP_SUMMARY, 'workload'));
    parts.push(`cutover's own pulls (not counted): ${evidence.own.pulls}. Window ${evidence.window.from} – ${evidence.window.to}; old registry known as ${evidence.registry.map((name) => `\`${name}\``).join(', ')}.`, '', (0,markdown/* table */.tp)(['Evidence', 'Format', 'Records', 'Pulls', 'Skipped'], evidence.sources.map((source) => [
        `\`${source.file}\``,
        source.format,
        source.records,
        source.pulls,
        source.skipped,
    ])), '');
    return parts.join('\n');
}
const orNull = (value) => (value === undefined ? null : value);
function clientJson(client) {
    return {
        agent: orNull(client.agent),
        identity: orNull(client.identity),
        address: orNull(client.address),
        pulls: client.pulls,
        last: orNull(client.last),
    };
}
/** The `--json` document: every field present, `null` where the evidence does not say. */
function pullsJson(evidence) {
    return {
        window: evidence.window,
        registry: evidence.registry,
        sources: evidence.sources.map(({ file, format, records, pulls, skipped, problems }) => ({
            file,
            format,
            records,
            pulls,
            skipped,
            problems,
        })),
        pulls: evidence.pulls,
        images: evidence.images.map((image) => ({
            repository: image.repository,
            tag: orNull(image.tag),
            digest: orNull(image.digest),
            pulls: image.pulls,
            last: orNull(image.last),
            clients: image.clients.map(clientJson),
            unlistedPulls: image.unlistedPulls,
        })),
        clients: evidence.clients.map(clientJson),
        clientsCapped: evidence.clientsCapped,
        workloads: evidence.workloads.map((use) => ({
            cluster: use.cluster,
            namespace: use.namespace,
            kind: use.kind,
            name: use.name,
            container: use.container,
            image: use.image,
            running: use.running,
            runningDigest: orNull(use.runningDigest),
            note: orNull(use.note),
        })),
        own: { pulls: evidence.own.pulls, images: evidence.own.images, last: orNull(evidence.own.last) },
        notCounted: evidence.notCounted,
        warnings: evidence.warnings,
    };
}
/** Turns the evidence into the log (or the CLI's text), the job summary, `--json` and the outputs. */
function presentPulls(evidence, how) {
    const { reporter } = how;
    for (const warning of evidence.warnings)
        reporter.warning(warning);
    for (const source of evidence.sources)
        if (source.skipped > 0)
            reporter.warning(`${source.file}: ${(0,markdown/* plural */.LS)(source.skipped, 'line')} skipped as unreadable (first: ${source.problems[0] ?? '?'})`);
    const text = pullsText(evidence);
    if (how.entry === 'action')
        for (const line of text)
            reporter.info(line);
    reporter.summary(pullsMarkdown(evidence));
    return {
        exitCode: 0,
        outputs: {
            pulls: String(evidence.pulls),
            images: String(evidence.images.length),
            clients: String(evidence.clients.length),
            workloads: String(evidence.workloads.length),
        },
        json: pullsJson(evidence),
        ...(how.entry === 'cli' && { stdout: `${text.join('\n')}\n` }),
    };
}

;// CONCATENATED MODULE: ./lib/src/pulls/command.js





/** `cutover pulls`: who still pulls what from the old registry, from its logs and the clusters' workload lists. */
const pulls = (0,command/* defineCommand */.N)({
    name: 'pulls',
    summary: 'Report who still pulls what from the old registry (by image, tag, digest and client) and which workloads use its images, from registry logs, notifications, exports and kubectl lists.',
    options: {
        evidence: cli_option/* option */.uK.list('An evidence file: a registry log, notifications, a hosted registry’s export or a `kubectl get … -A -o json` list (plain or gzip; the format is told from the content); repeat the flag for several. Logs with no registry host in their lines are taken to be the old registry’s.'),
        days: cli_option/* option */.uK.int({ min: 1, max: 3650, default: 30 }, 'The window: pulls in the last N days, ending at --now (the end of that day) or now.'),
    },
    outputs: [
        { name: 'pulls', description: 'Pulls from the old registry in the window, cutover’s own not counted.' },
        {
            name: 'images',
            description: 'Images (repository with tag or digest) pulled from the old registry in the window.',
        },
        { name: 'clients', description: 'Distinct clients (user agent, identity, address) that pulled them.' },
        {
            name: 'workloads',
            description: 'Workload containers on an image of the old registry (running or templated).',
        },
    ],
    async run({ options, manifest: load, reporter, entry, cwd }) {
        // parse
        if (options.evidence.length === 0)
            throw new errors/* UsageError */.eb('--evidence: give at least one evidence file (a registry log, its notifications, an export, a kubectl list)');
        const manifest = await load();
        // do
        const evidence = await (0,aggregate/* collectPullEvidence */.tH)({
            files: options.evidence,
            days: options.days,
            now: (0,aggregate/* windowEnd */.My)(options.now),
            registries: manifest.registries,
            cwd,
        });
        // present
        return presentPulls(evidence, { reporter, entry });
    },
});


/***/ })

};
;
//# sourceMappingURL=143.index.cjs.js.map
