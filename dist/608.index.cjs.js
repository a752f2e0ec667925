"use strict";
exports.id = 608;
exports.ids = [608];
exports.modules = {

/***/ 42437:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $b: () => (/* binding */ dependencyDiagram),
  JW: () => (/* binding */ teamDiagram),
  kH: () => (/* binding */ waveColouring)
});

;// CONCATENATED MODULE: ./lib/src/plan/mermaid.js
/**
 * A small Mermaid flowchart writer: GitHub renders ```mermaid blocks in job summaries, issues and
 * pull requests. Labels are quoted and escaped, so repository names and owners cannot break the chart.
 */
/**
 * Mermaid's own defaults, which GitHub keeps: past `maxEdges` edges it refuses the chart ("Edge
 * limit exceeded"), past `maxTextSize` characters it refuses the text.
 */
const MERMAID_LIMITS = { maxEdges: 500, maxTextSize: 50_000 };
/** What cutover draws at most: well under {@link MERMAID_LIMITS}, and few enough nodes to read. */
const DIAGRAM_BUDGET = { edges: 400, characters: 40_000, readableNodes: 40 };
/** Edges (arrows and links) in a flowchart written by {@link flowchart}. */
function countEdges(chart) {
    return chart.split('\n').filter((line) => /^\s+\S+ (-->|-\.->|---|-\.-)/.test(line)).length;
}
/** Whether a chart stays inside {@link DIAGRAM_BUDGET} (edges and characters). */
function withinBudget(chart) {
    return countEdges(chart) <= DIAGRAM_BUDGET.edges && chart.length <= DIAGRAM_BUDGET.characters;
}
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
        const arrow = edge.link ? (edge.dotted ? '-.-' : '---') : edge.dotted ? '-.->' : '-->';
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
/**
 * The classDef style of wave `wave` (1-based): a light fill whose hue turns by the golden ratio of a
 * window from yellow-green through blue to violet (60°–300°), so neighbouring waves never share a
 * colour however many there are, and no wave is red or pink: red means a blocking cycle. Wave 1 is
 * blue. Light enough for black text in both GitHub themes.
 */
function waveStyle(wave) {
    const step = WAVE_HUES.span * (1 - 1 / GOLDEN_RATIO); // ≈ 91.7°
    const hue = WAVE_HUES.from + ((WAVE_HUES.first - WAVE_HUES.from + (wave - 1) * step) % WAVE_HUES.span);
    return `fill:${hslToHex(hue, 0.75, 0.86)},stroke:#555,color:#000`;
}
const GOLDEN_RATIO = (1 + Math.sqrt(5)) / 2;
/** The hues waves may take (degrees): everything but the reds and pinks around 0°. */
const WAVE_HUES = { from: 60, span: 240, first: 210 };
/** The red of repositories in a blocking cycle. */
const BLOCKED_STYLE = 'fill:#ffd6d6,stroke:#c00,stroke-width:3px,color:#000';
function hslToHex(hue, saturation, lightness) {
    const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
    const channel = (n) => {
        const k = (n + hue / 30) % 12;
        const value = lightness - (chroma / 2) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
        return Math.round(value * 255)
            .toString(16)
            .padStart(2, '0');
    };
    return `#${channel(0)}${channel(8)}${channel(4)}`;
}

// EXTERNAL MODULE: ./lib/src/shared/markdown.js
var markdown = __webpack_require__(51477);
;// CONCATENATED MODULE: ./lib/src/plan/diagram.js
/**
 * The plan's Mermaid diagrams, chosen so that GitHub always renders them and a person can read
 * them: one node per repository while there are few enough ({@link DIAGRAM_BUDGET}), else one node
 * per wave with the blocking cycles still drawn in red.
 */


/** Colours nodes by wave; blocking-cycle members are red. */
function waveColouring(plan) {
    const classes = { blocked: BLOCKED_STYLE };
    for (const wave of plan.waves)
        classes[`wave${wave.wave}`] = waveStyle(wave.wave);
    return {
        classOf: (repo) => (repo.blocked ? 'blocked' : `wave${repo.wave}`),
        classes,
        note: (repo) => `wave ${repo.wave}${repo.owner ? ` · ${repo.owner}` : ''}`,
    };
}
/** Blocking cycles drawn by name in the wave-level diagram; more are counted in one node. */
const CYCLE_NODES = 60;
/** Names written in one cycle node. */
const CYCLE_NAMES = 4;
/**
 * The dependency diagram: arrows run from producer to consumer (the way images flow), pinned edges
 * dotted. Per repository while it stays readable and inside Mermaid's limits; else per wave.
 */
function dependencyDiagram(plan, colouring) {
    if (plan.repos.size <= DIAGRAM_BUDGET.readableNodes) {
        const chart = repoDiagram(plan, [...plan.repos.values()], colouring);
        if (withinBudget(chart))
            return chart;
    }
    return waveDiagram(plan, colouring);
}
/**
 * A team's own diagram: its repositories and the producers they wait for, when that is small enough
 * to read; undefined otherwise (the team's table says the same).
 */
function teamDiagram(plan, repos) {
    const names = new Set(repos.map((repo) => repo.repo));
    for (const repo of repos)
        for (const producer of repo.waitsFor)
            names.add(producer);
    if (names.size > DIAGRAM_BUDGET.readableNodes || names.size < 2)
        return undefined;
    const shown = [...names].map((name) => plan.repos.get(name));
    const chart = repoDiagram(plan, shown, waveColouring(plan), (edge) => !edge.pinned);
    return withinBudget(chart) ? chart : undefined;
}
function repoDiagram(plan, repos, colouring, keep = () => true) {
    const ids = new Map();
    const nodes = [];
    const sorted = [...repos].sort((a, b) => a.wave - b.wave);
    for (const repo of sorted) {
        const id = `r${ids.size}`;
        ids.set(repo.repo, id);
        const note = colouring.note?.(repo);
        nodes.push({
            id,
            label: note ? `${repo.repo} · ${note}` : repo.repo,
            className: colouring.classOf(repo),
        });
    }
    const edges = plan.edges
        .filter((edge) => ids.has(edge.producer) && ids.has(edge.consumer) && keep(edge))
        .map((edge) => ({
        from: ids.get(edge.producer),
        to: ids.get(edge.consumer),
        label: edge.consumes.map((c) => c.text).join(', '),
        dotted: edge.pinned,
    }));
    return flowchart(nodes, edges, colouring.classes);
}
/**
 * One node per wave (chained: each wave waits for the one before), each in its own colour, and one
 * red node per blocking cycle linked to its wave, so the decisions stay visible at any size.
 */
function waveDiagram(plan, colouring) {
    const nodes = plan.waves.map((wave) => ({
        id: `w${wave.wave}`,
        label: `wave ${wave.wave}: ${(0,markdown/* plural */.LS)(wave.repos.length, 'repository', 'repositories')}` +
            (wave.copy.length ? `, ${(0,markdown/* plural */.LS)(wave.copy.length, 'tag')} to copy first` : '') +
            (colouring.waveNote ? ` · ${colouring.waveNote(wave.repos)}` : ''),
        className: `wave${wave.wave}`,
    }));
    const classes = { blocked: BLOCKED_STYLE };
    for (const wave of plan.waves)
        classes[`wave${wave.wave}`] = waveStyle(wave.wave);
    const edges = plan.waves.slice(1).map((wave) => ({
        from: `w${wave.wave - 1}`,
        to: `w${wave.wave}`,
    }));
    const blocking = plan.cycles.filter((cycle) => cycle.kind === 'blocking');
    for (const [index, cycle] of blocking.slice(0, CYCLE_NODES).entries()) {
        const names = cycle.repos.slice(0, CYCLE_NAMES).join(', ');
        const more = cycle.repos.length - CYCLE_NAMES;
        nodes.push({
            id: `c${index}`,
            label: `blocking: ${names}${more > 0 ? ` … and ${more} more` : ''}`,
            className: 'blocked',
        });
        edges.push({ from: `c${index}`, to: `w${plan.repos.get(cycle.repos[0]).wave}`, link: true });
    }
    if (blocking.length > CYCLE_NODES) {
        nodes.push({
            id: 'cmore',
            label: `… and ${(0,markdown/* plural */.LS)(blocking.length - CYCLE_NODES, 'more blocking cycle')}`,
            className: 'blocked',
        });
    }
    return flowchart(nodes, edges, classes, 'TD');
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
/**
 * Cycles, in two kinds that never overlap:
 * - blocking: the strongly connected components of the graph of UNPINNED edges only (more than
 *   one member, or a floating self-loop). Their members wait on each other's latest images; copying
 *   tags cannot help, someone decides. Only these members are flagged red.
 * - pinned: the cycles of the whole graph that need a pinned edge to close. Per component of the
 *   whole graph, unless it is a single blocking component already: copying the pinned tags inside
 *   it (`breakBy`) breaks them, whatever the blocking components inside it do.
 */
function findCycles(graph) {
    const edgesFrom = new Map();
    for (const edge of graph.edges) {
        const list = edgesFrom.get(edge.consumer) ?? [];
        list.push(edge);
        edgesFrom.set(edge.consumer, list);
    }
    const inside = (names, keep) => {
        const members = new Set(names);
        return names
            .flatMap((name) => (edgesFrom.get(name) ?? []).filter((e) => members.has(e.producer) && keep(e)))
            .sort((a, b) => a.consumer.localeCompare(b.consumer) || a.producer.localeCompare(b.producer));
    };
    // A single member is a cycle only through a self-loop: its own edges, not every edge of the graph
    // (once per component, that was quadratic: 2,000 repositories spent a second here).
    const isCycle = (component, keep) => {
        if (component.length > 1)
            return true;
        const name = graph.repos[component[0]].name;
        return (edgesFrom.get(name) ?? []).some((e) => e.producer === name && keep(e));
    };
    const cycles = [];
    const blockingOf = new Map();
    const floating = (edge) => !edge.pinned;
    for (const component of stronglyConnectedComponents(adjacency(graph, floating))) {
        if (!isCycle(component, floating))
            continue;
        for (const v of component)
            blockingOf.set(v, cycles.length);
        const names = component.map((v) => graph.repos[v].name).sort();
        const edges = inside(names, floating);
        cycles.push({
            repos: names,
            kind: 'blocking',
            edges,
            breakBy: [],
            explanation: explainCycle(names, edges, true, []),
        });
    }
    const any = () => true;
    for (const component of stronglyConnectedComponents(adjacency(graph, any))) {
        if (!isCycle(component, any))
            continue;
        // Nothing but one blocking component: that cycle is reported (and decided) as blocking.
        const first = blockingOf.get(component[0]);
        if (first !== undefined && component.every((v) => blockingOf.get(v) === first))
            continue;
        const names = component.map((v) => graph.repos[v].name).sort();
        const edges = inside(names, any);
        const breakBy = [...new Set(edges.flatMap((e) => e.consumes.filter((c) => c.pinned).map((c) => c.text)))];
        cycles.push({
            repos: names,
            kind: 'pinned',
            edges,
            breakBy,
            explanation: explainCycle(names, edges, false, breakBy),
        });
    }
    return cycles.sort((a, b) => a.repos[0].localeCompare(b.repos[0]) || a.kind.localeCompare(b.kind));
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
        const closing = edges.filter((e) => e.pinned);
        return `${list(repos)} consume each other's images, but every edge that closes the cycle is pinned to an old tag (${some(closing.map(describe))}): copying ${list(breakBy)} before their wave breaks the cycle.`;
    }
    return `${list(repos)} wait on each other's latest images (${some(edges.map(describe))}): none of them can switch after the others have pushed first. Decide: pin one of these references to a released tag so copy-tags can carry it, or switch them together in one wave once all of them dual-push.`;
}
/** Edges named in an explanation; a long cycle's others are counted. */
const EXPLAINED_EDGES = 6;
function some(descriptions) {
    const more = descriptions.length - EXPLAINED_EDGES;
    return descriptions.slice(0, EXPLAINED_EDGES).join('; ') + (more > 0 ? `; … and ${more} more` : '');
}


/***/ })

};
;
//# sourceMappingURL=608.index.cjs.js.map
