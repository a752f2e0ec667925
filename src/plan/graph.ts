import type { Manifest, RepoSpec } from '../manifest/model.js';
import type { RepositoryReference } from '../oci/reference.js';

/** One `consumes` entry of a repository, as the graph sees it. */
export interface Consumption {
  /** The image's path in the old registry. */
  image: string;
  tag?: string;
  digest?: string;
  /** A `:tag` or `@digest` pins an old version: copying it is enough, no producer has to move first. */
  pinned: boolean;
  /** As written in the manifest, e.g. `auth:1.4.2`. */
  text: string;
}

/** A dependency: `consumer` pulls images that `producer` pushes. */
export interface Edge {
  consumer: string;
  producer: string;
  consumes: Consumption[];
  /** Every image on this edge is pinned: the edge waits for copy-tags, not for the producer. */
  pinned: boolean;
}

/** The dependency graph of the organisation's repositories. */
export interface Graph {
  repos: RepoSpec[];
  /** Repository name → position in `repos`. */
  index: Map<string, number>;
  /** Image path → the repository that produces it. */
  producerOf: Map<string, string>;
  edges: Edge[];
  /** Per repository (by index), consumptions of images no repository in the manifest produces. */
  external: Consumption[][];
}

/** The `consumes` text of a parsed reference, as a person wrote it. */
export function consumptionText(reference: RepositoryReference): string {
  return `${reference.repository}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}

/**
 * Builds the graph from `repos.*.produces` and `consumes`: one edge per (consumer, producer) pair,
 * self-loops included (a repository that builds with an older tag of its own image).
 */
export function buildGraph(manifest: Pick<Manifest, 'repos'>): Graph {
  const repos = manifest.repos;
  const index = new Map(repos.map((repo, position) => [repo.name, position]));
  const producerOf = new Map<string, string>();
  for (const repo of repos) for (const image of repo.produces) producerOf.set(image, repo.name);
  const edges: Edge[] = [];
  const external: Consumption[][] = repos.map(() => []);
  for (const [position, repo] of repos.entries()) {
    const byProducer = new Map<string, Edge>();
    for (const reference of repo.consumes) {
      const consumption: Consumption = {
        image: reference.repository,
        ...(reference.tag !== undefined && { tag: reference.tag }),
        ...(reference.digest !== undefined && { digest: reference.digest }),
        pinned: reference.tag !== undefined || reference.digest !== undefined,
        text: consumptionText(reference),
      };
      const producer = producerOf.get(reference.repository);
      if (producer === undefined) {
        external[position]!.push(consumption);
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
export function stronglyConnectedComponents(successors: readonly (readonly number[])[]): number[][] {
  const count = successors.length;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  // The call stack of the recursive version: a vertex and how far through its successors we are.
  const work: number[] = [];
  const cursor = new Int32Array(count);
  let counter = 0;
  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    work.push(root);
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const vertex = work[work.length - 1]!;
      const next = successors[vertex]!;
      if (cursor[vertex]! < next.length) {
        const target = next[cursor[vertex]!++]!;
        if (order[target] === -1) {
          order[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = 1;
          work.push(target);
        } else if (onStack[target]) {
          low[vertex] = Math.min(low[vertex]!, order[target]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[vertex]!);
      if (low[vertex] === order[vertex]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
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
export function adjacency(graph: Graph, keep: (edge: Edge) => boolean): number[][] {
  const successors: number[][] = graph.repos.map(() => []);
  for (const edge of graph.edges) {
    if (keep(edge)) successors[graph.index.get(edge.consumer)!]!.push(graph.index.get(edge.producer)!);
  }
  return successors;
}
