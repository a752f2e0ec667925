import type { Manifest } from '../manifest/model.js';
import {
  adjacency,
  buildGraph,
  stronglyConnectedComponents,
  type Consumption,
  type Edge,
  type Graph,
} from './graph.js';

/** A cycle of the graph (a strongly connected component with more than one repository, or a self-loop). */
export interface Cycle {
  repos: string[];
  /**
   * `pinned`: every edge that closes the cycle consumes a pinned old tag, so copying those tags
   * breaks it. `blocking`: some repositories wait on each other's latest images; someone decides.
   */
  kind: 'pinned' | 'blocking';
  /** The edges inside the cycle. */
  edges: Edge[];
  /** The tags whose copy breaks a pinned cycle (empty for blocking ones). */
  breakBy: string[];
  /** What the cycle means and what to do, in words. */
  explanation: string;
}

/** An image tag (or digest) that copy-tags must carry to the new registry before a wave switches. */
export interface CopyItem {
  image: string;
  /** A tag or `@digest`; absent for an image nobody produces, whose tags the `copy:` rules select. */
  tag?: string;
  digest?: string;
  /** The repository producing the image, when one in the manifest does. */
  producer?: string;
  /** The repositories of the wave that need it. */
  neededBy: string[];
  /** Why it has to be copied rather than pushed. */
  reason: 'pinned' | 'external';
}

/** One repository's place in the plan. */
export interface PlannedRepo {
  repo: string;
  owner?: string;
  wave: number;
  produces: string[];
  /** Producers whose latest images this repository pulls: they push to the new registry first. */
  waitsFor: string[];
  /** Pinned or external images this repository pulls, which copy-tags carries before its wave. */
  copies: string[];
  /** No produces and no consumes. */
  independent: boolean;
  /** Member of a blocking cycle: its wave holds only if the cycle is resolved as the plan suggests. */
  blocked: boolean;
}

/** A wave: repositories that switch their pulls to the new registry together. */
export interface Wave {
  wave: number;
  repos: PlannedRepo[];
  /** Copy-tags work that must be done before this wave switches. */
  copy: CopyItem[];
}

/** The migration plan: waves, cycles and the edges they come from. */
export interface Plan {
  waves: Wave[];
  cycles: Cycle[];
  edges: Edge[];
  /** Per repository, by name. */
  repos: Map<string, PlannedRepo>;
  graph: Graph;
}

/**
 * Plans the migration. A repository switches its pulls to the new registry in the wave after every
 * producer whose latest images it pulls (those producers push there first); pinned tags and images
 * nobody produces are copied by copy-tags before the wave instead. Repositories of a blocking cycle
 * share a wave, flagged, because none of them can go first. Linear in repositories plus edges.
 */
export function planMigration(manifest: Pick<Manifest, 'repos'>): Plan {
  const graph = buildGraph(manifest);
  const cycles = findCycles(graph);
  const waveOf = assignWaves(graph);
  const blocked = new Set(cycles.filter((c) => c.kind === 'blocking').flatMap((c) => c.repos));

  const waitsFor: string[][] = graph.repos.map(() => []);
  const copies: Consumption[][] = graph.external.map((list) => [...list]);
  for (const edge of graph.edges) {
    const consumer = graph.index.get(edge.consumer)!;
    for (const consumption of edge.consumes) {
      if (consumption.pinned) copies[consumer]!.push(consumption);
    }
    if (!edge.pinned && edge.producer !== edge.consumer) waitsFor[consumer]!.push(edge.producer);
  }

  const repos = new Map<string, PlannedRepo>();
  const waves: Wave[] = [];
  for (const [position, repo] of graph.repos.entries()) {
    const wave = waveOf[position]!;
    const planned: PlannedRepo = {
      repo: repo.name,
      ...(repo.owner !== undefined && { owner: repo.owner }),
      wave,
      produces: repo.produces,
      waitsFor: waitsFor[position]!,
      copies: copies[position]!.map((c) => c.text),
      independent: repo.produces.length === 0 && repo.consumes.length === 0,
      blocked: blocked.has(repo.name),
    };
    repos.set(repo.name, planned);
    while (waves.length < wave) waves.push({ wave: waves.length + 1, repos: [], copy: [] });
    const target = waves[wave - 1]!;
    target.repos.push(planned);
    for (const consumption of copies[position]!) addCopy(target, consumption, graph, repo.name);
  }
  return { waves, cycles, edges: graph.edges, repos, graph };
}

function addCopy(wave: Wave, consumption: Consumption, graph: Graph, consumer: string): void {
  const existing = wave.copy.find(
    (item) =>
      item.image === consumption.image && item.tag === consumption.tag && item.digest === consumption.digest,
  );
  if (existing) {
    if (!existing.neededBy.includes(consumer)) existing.neededBy.push(consumer);
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
function assignWaves(graph: Graph): number[] {
  const floating = adjacency(graph, (edge) => !edge.pinned);
  const components = stronglyConnectedComponents(floating);
  const waveOf = new Array<number>(graph.repos.length).fill(0);
  const componentOf = new Int32Array(graph.repos.length);
  for (const [id, component] of components.entries()) for (const v of component) componentOf[v] = id;
  for (const [id, component] of components.entries()) {
    let wave = 1;
    for (const vertex of component) {
      for (const producer of floating[vertex]!) {
        if (componentOf[producer] !== id) wave = Math.max(wave, waveOf[producer]! + 1);
      }
    }
    for (const vertex of component) waveOf[vertex] = wave;
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
function findCycles(graph: Graph): Cycle[] {
  const edgesFrom = new Map<string, Edge[]>();
  for (const edge of graph.edges) {
    const list = edgesFrom.get(edge.consumer) ?? [];
    list.push(edge);
    edgesFrom.set(edge.consumer, list);
  }
  const inside = (names: string[], keep: (edge: Edge) => boolean) => {
    const members = new Set(names);
    return names
      .flatMap((name) => (edgesFrom.get(name) ?? []).filter((e) => members.has(e.producer) && keep(e)))
      .sort((a, b) => a.consumer.localeCompare(b.consumer) || a.producer.localeCompare(b.producer));
  };
  // A single member is a cycle only through a self-loop: its own edges, not every edge of the graph
  // (once per component, that was quadratic: 2,000 repositories spent a second here).
  const isCycle = (component: number[], keep: (edge: Edge) => boolean) => {
    if (component.length > 1) return true;
    const name = graph.repos[component[0]!]!.name;
    return (edgesFrom.get(name) ?? []).some((e) => e.producer === name && keep(e));
  };

  const cycles: Cycle[] = [];
  const blockingOf = new Map<number, number>();
  const floating = (edge: Edge) => !edge.pinned;
  for (const component of stronglyConnectedComponents(adjacency(graph, floating))) {
    if (!isCycle(component, floating)) continue;
    for (const v of component) blockingOf.set(v, cycles.length);
    const names = component.map((v) => graph.repos[v]!.name).sort();
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
    if (!isCycle(component, any)) continue;
    // Nothing but one blocking component: that cycle is reported (and decided) as blocking.
    const first = blockingOf.get(component[0]!);
    if (first !== undefined && component.every((v) => blockingOf.get(v) === first)) continue;
    const names = component.map((v) => graph.repos[v]!.name).sort();
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
  return cycles.sort((a, b) => a.repos[0]!.localeCompare(b.repos[0]!) || a.kind.localeCompare(b.kind));
}

function list(items: string[]): string {
  const quoted = items.map((item) => `\`${item}\``);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

function explainCycle(repos: string[], edges: Edge[], blocking: boolean, breakBy: string[]): string {
  if (repos.length === 1) {
    const repo = repos[0]!;
    const own = edges.flatMap((e) => e.consumes);
    if (!blocking) {
      return `${list([repo])} builds with ${list(own.map((c) => c.text))}, an older tag of its own image: copy-tags copies that tag to the new registry, the next build pulls the copy, and the loop is gone.`;
    }
    const floating = own.filter((c) => !c.pinned).map((c) => c.image);
    return `${list([repo])} pulls the latest ${list(floating)}, its own image: its next build pulls what it pushed last. Decide: pin a released tag in consumes (copy-tags then carries it), or let it dual-push once before it switches its pulls.`;
  }
  const describe = (edge: Edge) =>
    `${list([edge.consumer])} pulls ${list(edge.consumes.map((c) => c.text))} from ${list([edge.producer])}`;
  if (!blocking) {
    const closing = edges.filter((e) => e.pinned);
    return `${list(repos)} consume each other's images, but every edge that closes the cycle is pinned to an old tag (${some(closing.map(describe))}): copying ${list(breakBy)} before their wave breaks the cycle.`;
  }
  return `${list(repos)} wait on each other's latest images (${some(edges.map(describe))}): none of them can switch after the others have pushed first. Decide: pin one of these references to a released tag so copy-tags can carry it, or switch them together in one wave once all of them dual-push.`;
}

/** Edges named in an explanation; a long cycle's others are counted. */
const EXPLAINED_EDGES = 6;

function some(descriptions: string[]): string {
  const more = descriptions.length - EXPLAINED_EDGES;
  return descriptions.slice(0, EXPLAINED_EDGES).join('; ') + (more > 0 ? `; … and ${more} more` : '');
}
