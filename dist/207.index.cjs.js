"use strict";
exports.id = 207;
exports.ids = [207];
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

/***/ 69772:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ planMigration)
});

;// CONCATENATED MODULE: ./lib/src/plan/graph.js
/** The `consumes` text of a parsed reference, as a person wrote it. */
function consumptionText(reference) {
    return `${reference.repository}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}
/**
 * Builds the graph from `repos.*.produces` and `consumes`: one edge per (consumer, producer) pair,
 * self-loops included (a repository that builds with an older tag of its own image).
 */
function buildGraph(manifest) {
    const repos = manifest.repos;
    const index = new Map(repos.map((repo, position) => [repo.name, position]));
    const producerOf = new Map();
    for (const repo of repos)
        for (const image of repo.produces)
            producerOf.set(image, repo.name);
    const edges = [];
    const external = repos.map(() => []);
    for (const [position, repo] of repos.entries()) {
        const byProducer = new Map();
        for (const reference of repo.consumes) {
            const consumption = {
                image: reference.repository,
                ...(reference.tag !== undefined && { tag: reference.tag }),
                ...(reference.digest !== undefined && { digest: reference.digest }),
                pinned: reference.tag !== undefined || reference.digest !== undefined,
                text: consumptionText(reference),
            };
            const producer = producerOf.get(reference.repository);
            if (producer === undefined) {
                external[position].push(consumption);
                continue;
            }
            let edge = byProducer.get(producer);
            if (!edge) {
                edge = { consumer: repo.name, producer, consumes: [], pinned: true };
                byProducer.set(producer, edge);
                edges.push(edge);
            }
            edge.consumes.push(consumption);
            edge.pinned &&= consumption.pinned;
        }
    }
    return { repos, index, producerOf, edges, external };
}
/**
 * Strongly connected components by Tarjan's algorithm, written iteratively so that deep
 * producer chains cannot overflow the stack. `successors[v]` lists the vertices v points to.
 * Components come out in reverse topological order: every component is emitted after all the
 * components it points to — here, producers before their consumers.
 */
function stronglyConnectedComponents(successors) {
    const count = successors.length;
    const order = new Int32Array(count).fill(-1);
    const low = new Int32Array(count);
    const onStack = new Uint8Array(count);
    const stack = [];
    const components = [];
    // The call stack of the recursive version: a vertex and how far through its successors we are.
    const work = [];
    const cursor = new Int32Array(count);
    let counter = 0;
    for (let root = 0; root < count; root++) {
        if (order[root] !== -1)
            continue;
        work.push(root);
        order[root] = low[root] = counter++;
        stack.push(root);
        onStack[root] = 1;
        while (work.length > 0) {
            const vertex = work[work.length - 1];
            const next = successors[vertex];
            if (cursor[vertex] < next.length) {
                const target = next[cursor[vertex]++];
                if (order[target] === -1) {
                    order[target] = low[target] = counter++;
                    stack.push(target);
                    onStack[target] = 1;
                    work.push(target);
                }
                else if (onStack[target]) {
                    low[vertex] = Math.min(low[vertex], order[target]);
                }
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent !== undefined)
                low[parent] = Math.min(low[parent], low[vertex]);
            if (low[vertex] === order[vertex]) {
                const component = [];
                let member;
                do {
                    member = stack.pop();
                    onStack[member] = 0;
                    component.push(member);
                } while (member !== vertex);
                components.push(component);
            }
        }
    }
    return components;
}
/** Successor lists (consumer → producer, by index) for the edges `keep` accepts. */
function adjacency(graph, keep) {
    const successors = graph.repos.map(() => []);
    for (const edge of graph.edges) {
        if (keep(edge))
            successors[graph.index.get(edge.consumer)].push(graph.index.get(edge.producer));
    }
    return successors;
}

;// CONCATENATED MODULE: ./lib/src/plan/plan.js

/**
 * Plans the migration. A repository switches its pulls to the new registry in the wave after every
 * producer whose latest images it pulls (those producers push there first); pinned tags and images
 * nobody produces are copied by copy-tags before the wave instead. Repositories of a blocking cycle
 * share a wave, flagged, because none of them can go first. Linear in repositories plus edges.
 */
function planMigration(manifest) {
    const graph = buildGraph(manifest);
    const cycles = findCycles(graph);
    const waveOf = assignWaves(graph);
    const blocked = new Set(cycles.filter((c) => c.kind === 'blocking').flatMap((c) => c.repos));
    const waitsFor = graph.repos.map(() => []);
    const copies = graph.external.map((list) => [...list]);
    for (const edge of graph.edges) {
        const consumer = graph.index.get(edge.consumer);
        for (const consumption of edge.consumes) {
            if (consumption.pinned)
                copies[consumer].push(consumption);
        }
        if (!edge.pinned && edge.producer !== edge.consumer)
            waitsFor[consumer].push(edge.producer);
    }
    const repos = new Map();
    const waves = [];
    for (const [position, repo] of graph.repos.entries()) {
        const wave = waveOf[position];
        const planned = {
            repo: repo.name,
            ...(repo.owner !== undefined && { owner: repo.owner }),
            wave,
            produces: repo.produces,
            waitsFor: waitsFor[position],
            copies: copies[position].map((c) => c.text),
            independent: repo.produces.length === 0 && repo.consumes.length === 0,
            blocked: blocked.has(repo.name),
        };
        repos.set(repo.name, planned);
        while (waves.length < wave)
            waves.push({ wave: waves.length + 1, repos: [], copy: [] });
        const target = waves[wave - 1];
        target.repos.push(planned);
        for (const consumption of copies[position])
            addCopy(target, consumption, graph, repo.name);
    }
    return { waves, cycles, edges: graph.edges, repos, graph };
}
function addCopy(wave, consumption, graph, consumer) {
    const existing = wave.copy.find((item) => item.image === consumption.image && item.tag === consumption.tag && item.digest === consumption.digest);
    if (existing) {
        if (!existing.neededBy.includes(consumer))
            existing.neededBy.push(consumer);
        return;
    }
    const producer = graph.producerOf.get(consumption.image);
    wave.copy.push({
        image: consumption.image,
        ...(consumption.tag !== undefined && { tag: consumption.tag }),
        ...(consumption.digest !== undefined && { digest: consumption.digest }),
        ...(producer !== undefined && { producer }),
        neededBy: [consumer],
        reason: producer === undefined ? 'external' : 'pinned',
    });
}
/**
 * Waves over the graph of unpinned edges, condensed: its strongly connected components come out
 * producers first, so one pass gives each component 1 + the latest wave it waits for.
 */
function assignWaves(graph) {
    const floating = adjacency(graph, (edge) => !edge.pinned);
    const components = stronglyConnectedComponents(floating);
    const waveOf = new Array(graph.repos.length).fill(0);
    const componentOf = new Int32Array(graph.repos.length);
    for (const [id, component] of components.entries())
        for (const v of component)
            componentOf[v] = id;
    for (const [id, component] of components.entries()) {
        let wave = 1;
        for (const vertex of component) {
            for (const producer of floating[vertex]) {
                if (componentOf[producer] !== id)
                    wave = Math.max(wave, waveOf[producer] + 1);
            }
        }
        for (const vertex of component)
            waveOf[vertex] = wave;
    }
    return waveOf;
}
/** Cycles: components of the full graph with more than one member or a self-loop, classified. */
function findCycles(graph) {
    const all = stronglyConnectedComponents(adjacency(graph, () => true));
    const floatingComponents = stronglyConnectedComponents(adjacency(graph, (edge) => !edge.pinned));
    // A cycle is blocking when its unpinned edges alone still form one: copying tags cannot break it.
    const floatingCycleMember = new Set();
    const selfLoop = new Set(graph.edges.filter((e) => e.consumer === e.producer).map((e) => e.consumer));
    const floatingSelfLoop = new Set(graph.edges.filter((e) => e.consumer === e.producer && !e.pinned).map((e) => e.consumer));
    for (const component of floatingComponents) {
        if (component.length > 1)
            for (const v of component)
                floatingCycleMember.add(v);
    }
    const cycles = [];
    const edgesFrom = new Map();
    for (const edge of graph.edges) {
        const list = edgesFrom.get(edge.consumer) ?? [];
        list.push(edge);
        edgesFrom.set(edge.consumer, list);
    }
    for (const component of all) {
        const names = component.map((v) => graph.repos[v].name);
        if (component.length === 1 && !selfLoop.has(names[0]))
            continue;
        const members = new Set(names);
        const edges = names.flatMap((name) => (edgesFrom.get(name) ?? []).filter((e) => members.has(e.producer)));
        const blocking = component.some((v) => floatingCycleMember.has(v)) || names.some((name) => floatingSelfLoop.has(name));
        names.sort();
        edges.sort((a, b) => a.consumer.localeCompare(b.consumer) || a.producer.localeCompare(b.producer));
        const breakBy = blocking
            ? []
            : [...new Set(edges.flatMap((e) => e.consumes.filter((c) => c.pinned).map((c) => c.text)))];
        cycles.push({
            repos: names,
            kind: blocking ? 'blocking' : 'pinned',
            edges,
            breakBy,
            explanation: explainCycle(names, edges, blocking, breakBy),
        });
    }
    return cycles.sort((a, b) => a.repos[0].localeCompare(b.repos[0]));
}
function list(items) {
    const quoted = items.map((item) => `\`${item}\``);
    return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
function explainCycle(repos, edges, blocking, breakBy) {
    if (repos.length === 1) {
        const repo = repos[0];
        const own = edges.flatMap((e) => e.consumes);
        if (!blocking) {
            return `${list([repo])} builds with ${list(own.map((c) => c.text))}, an older tag of its own image: copy-tags copies that tag to the new registry, the next build pulls the copy, and the loop is gone.`;
        }
        const floating = own.filter((c) => !c.pinned).map((c) => c.image);
        return `${list([repo])} pulls the latest ${list(floating)}, its own image: its next build pulls what it pushed last. Decide: pin a released tag in consumes (copy-tags then carries it), or let it dual-push once before it switches its pulls.`;
    }
    const describe = (edge) => `${list([edge.consumer])} pulls ${list(edge.consumes.map((c) => c.text))} from ${list([edge.producer])}`;
    if (!blocking) {
        return `${list(repos)} consume each other's images, but every edge that closes the cycle is pinned to an old tag (${edges.map(describe).join('; ')}): copying ${list(breakBy)} before their wave breaks the cycle.`;
    }
    const floating = edges.filter((e) => !e.pinned);
    return `${list(repos)} wait on each other's latest images (${floating.map(describe).join('; ')}): none of them can switch after the others have pushed first. Decide: pin one of these references to a released tag so copy-tags can carry it, or switch them together in one wave once all of them dual-push.`;
}


/***/ }),

/***/ 31413:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ex: () => (/* binding */ GITHUB_MATRIX_LIMIT),
  $b: () => (/* binding */ dependencyDiagram),
  iY: () => (/* binding */ planJson),
  Xg: () => (/* binding */ planMarkdown),
  T4: () => (/* binding */ planMatrix)
});

// UNUSED EXPORTS: copyItemText, waveColouring

// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
;// CONCATENATED MODULE: ./lib/src/plan/mermaid.js
/**
 * A small Mermaid flowchart writer: GitHub renders ```mermaid blocks in job summaries, issues and
 * pull requests. Labels are quoted and escaped, so repository names and owners cannot break the chart.
 */
/** Past this many nodes GitHub's renderer gives up (its text limit), so callers draw a summary instead. */
const MERMAID_MAX_NODES = 120;
/** Escapes text for a quoted Mermaid label. */
function mermaidText(text) {
    return text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
}
/** A fenced Mermaid flowchart. `classes` maps a class name to its style, e.g. `fill:#cde,stroke:#333`. */
function flowchart(nodes, edges, classes, direction = 'LR') {
    const lines = ['```mermaid', `flowchart ${direction}`];
    for (const node of nodes)
        lines.push(`  ${node.id}["${mermaidText(node.label)}"]`);
    for (const edge of edges) {
        const arrow = edge.dotted ? '-.->' : '-->';
        const label = edge.label ? `|"${mermaidText(edge.label)}"|` : '';
        lines.push(`  ${edge.from} ${arrow}${label} ${edge.to}`);
    }
    const used = new Set(nodes.map((n) => n.className).filter((c) => c !== undefined));
    for (const [name, style] of Object.entries(classes)) {
        if (!used.has(name))
            continue;
        lines.push(`  classDef ${name} ${style}`);
        lines.push(`  class ${nodes
            .filter((n) => n.className === name)
            .map((n) => n.id)
            .join(',')} ${name}`);
    }
    lines.push('```');
    return lines.join('\n');
}
/** Fill colours for waves, cycled; light enough for black text in both GitHub themes. */
const WAVE_COLOURS = ['#cfe8ff', '#d4f5d4', '#fff2c2', '#f7d9f7', '#d9f2f2', '#ffe0cc', '#e3e0ff'];
/** The classDef style of wave `wave` (1-based). */
function waveStyle(wave) {
    return `fill:${WAVE_COLOURS[(wave - 1) % WAVE_COLOURS.length]},stroke:#555,color:#000`;
}

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
/** Colours nodes by wave; blocking-cycle members get a red border. */
function waveColouring(plan) {
    const classes = { blocked: 'fill:#ffd6d6,stroke:#c00,stroke-width:3px,color:#000' };
    for (const wave of plan.waves)
        classes[`wave${wave.wave}`] = waveStyle(wave.wave);
    return {
        classOf: (repo) => (repo.blocked ? 'blocked' : `wave${repo.wave}`),
        classes,
        note: (repo) => `wave ${repo.wave}${repo.owner ? ` · ${repo.owner}` : ''}`,
    };
}
/**
 * The dependency diagram: arrows run from producer to consumer (the way images flow), pinned edges
 * dotted. Past MERMAID_MAX_NODES repositories it draws one node per wave instead, which GitHub can render.
 */
function dependencyDiagram(plan, colouring) {
    if (plan.repos.size > MERMAID_MAX_NODES)
        return waveDiagram(plan);
    const ids = new Map();
    const nodes = [];
    for (const wave of plan.waves) {
        for (const repo of wave.repos) {
            const id = `r${ids.size}`;
            ids.set(repo.repo, id);
            const note = colouring.note?.(repo);
            nodes.push({
                id,
                label: note ? `${repo.repo} · ${note}` : repo.repo,
                className: colouring.classOf(repo),
            });
        }
    }
    const edges = plan.edges.map((edge) => ({
        from: ids.get(edge.producer),
        to: ids.get(edge.consumer),
        label: edge.consumes.map((c) => c.text).join(', '),
        dotted: edge.pinned,
    }));
    return flowchart(nodes, edges, colouring.classes);
}
function waveDiagram(plan) {
    const nodes = plan.waves.map((wave) => ({
        id: `w${wave.wave}`,
        label: `wave ${wave.wave}: ${wave.repos.length} repositories${wave.copy.length ? `, ${wave.copy.length} tags to copy first` : ''}`,
        className: `wave${wave.wave}`,
    }));
    const classes = Object.fromEntries(plan.waves.map((wave) => [`wave${wave.wave}`, waveStyle(wave.wave)]));
    const edges = plan.waves.slice(1).map((wave) => ({
        from: `w${wave.wave - 1}`,
        to: `w${wave.wave}`,
    }));
    return flowchart(nodes, edges, classes, 'TD');
}
/** The plan as Markdown for the job summary: diagram, cycles, and a table per wave with owners. */
function planMarkdown(plan, source) {
    const blocking = plan.cycles.filter((c) => c.kind === 'blocking').length;
    const parts = [
        `### cutover plan: \`${source}\``,
        '',
        `${plan.repos.size} repositories switch their pulls to the new registry in **${plan.waves.length} wave${plan.waves.length === 1 ? '' : 's'}**; ` +
            `${plan.cycles.length} cycle${plan.cycles.length === 1 ? '' : 's'} (${plan.cycles.length - blocking} pinned, ${blocking} blocking).`,
        '',
        'Arrows run from the producing repository to the consumer; dotted arrows are pinned old tags, which copy-tags carries so nobody waits for them.',
        '',
        dependencyDiagram(plan, waveColouring(plan)),
        '',
    ];
    if (plan.cycles.length > 0) {
        parts.push('#### Cycles', '');
        for (const cycle of plan.cycles)
            parts.push(`- ${cycle.kind === 'pinned' ? '🟢 **pinned**' : '🔴 **blocking**'}: ${cycle.explanation}`);
        parts.push('');
    }
    for (const wave of plan.waves) {
        parts.push(`#### Wave ${wave.wave}`, '');
        if (wave.copy.length > 0) {
            parts.push(`Before this wave, copy-tags must carry: ${wave.copy.map((item) => `\`${copyItemText(item)}\``).join(', ')}.`, '');
        }
        parts.push((0,markdown/* table */.tp)(['Repository', 'Owner', 'Produces', 'Waits for', 'Copied first'], wave.repos.map((repo) => [
            `${repo.repo}${repo.blocked ? ' 🔴' : ''}`,
            repo.owner ?? '',
            repo.produces.join(', ') || (repo.independent ? '(no image dependency)' : ''),
            repo.waitsFor.join(', '),
            repo.copies.join(', '),
        ])), '');
    }
    return parts.join('\n');
}


/***/ }),

/***/ 51477:
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


/***/ })

};
;