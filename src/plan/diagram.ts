/**
 * The plan's Mermaid diagrams, chosen so that GitHub always renders them and a person can read
 * them: one node per repository while there are few enough ({@link DIAGRAM_BUDGET}), else one node
 * per wave with the blocking cycles still drawn in red.
 */
import {
  BLOCKED_STYLE,
  DIAGRAM_BUDGET,
  flowchart,
  waveStyle,
  withinBudget,
  type MermaidEdge,
  type MermaidNode,
} from './mermaid.js';
import type { Plan, PlannedRepo } from './plan.js';
import { plural } from '../shared/markdown.js';

/** Node state for the status dashboard, or the wave for the plan. */
export interface NodeColouring {
  classOf(repo: PlannedRepo): string;
  classes: Record<string, string>;
  /** Extra text under the repository name, e.g. its state. */
  note?(repo: PlannedRepo): string | undefined;
  /** For the wave-level diagram: a short count of the wave's states, e.g. `12 ready`. */
  waveNote?(repos: PlannedRepo[]): string;
}

/** Colours nodes by wave; blocking-cycle members are red. */
export function waveColouring(plan: Plan): NodeColouring {
  const classes: Record<string, string> = { blocked: BLOCKED_STYLE };
  for (const wave of plan.waves) classes[`wave${wave.wave}`] = waveStyle(wave.wave);
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
export function dependencyDiagram(plan: Plan, colouring: NodeColouring): string {
  if (plan.repos.size <= DIAGRAM_BUDGET.readableNodes) {
    const chart = repoDiagram(plan, [...plan.repos.values()], colouring);
    if (withinBudget(chart)) return chart;
  }
  return waveDiagram(plan, colouring);
}

/**
 * A team's own diagram: its repositories and the producers they wait for, when that is small enough
 * to read; undefined otherwise (the team's table says the same).
 */
export function teamDiagram(plan: Plan, repos: PlannedRepo[]): string | undefined {
  const names = new Set(repos.map((repo) => repo.repo));
  for (const repo of repos) for (const producer of repo.waitsFor) names.add(producer);
  if (names.size > DIAGRAM_BUDGET.readableNodes || names.size < 2) return undefined;
  const shown = [...names].map((name) => plan.repos.get(name)!);
  const chart = repoDiagram(plan, shown, waveColouring(plan), (edge) => !edge.pinned);
  return withinBudget(chart) ? chart : undefined;
}

function repoDiagram(
  plan: Plan,
  repos: PlannedRepo[],
  colouring: NodeColouring,
  keep: (edge: Plan['edges'][number]) => boolean = () => true,
): string {
  const ids = new Map<string, string>();
  const nodes: MermaidNode[] = [];
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
  const edges: MermaidEdge[] = plan.edges
    .filter((edge) => ids.has(edge.producer) && ids.has(edge.consumer) && keep(edge))
    .map((edge) => ({
      from: ids.get(edge.producer)!,
      to: ids.get(edge.consumer)!,
      label: edge.consumes.map((c) => c.text).join(', '),
      dotted: edge.pinned,
    }));
  return flowchart(nodes, edges, colouring.classes);
}

/**
 * One node per wave (chained: each wave waits for the one before), each in its own colour, and one
 * red node per blocking cycle linked to its wave, so the decisions stay visible at any size.
 */
function waveDiagram(plan: Plan, colouring: NodeColouring): string {
  const nodes: MermaidNode[] = plan.waves.map((wave) => ({
    id: `w${wave.wave}`,
    label:
      `wave ${wave.wave}: ${plural(wave.repos.length, 'repository', 'repositories')}` +
      (wave.copy.length ? `, ${plural(wave.copy.length, 'tag')} to copy first` : '') +
      (colouring.waveNote ? ` · ${colouring.waveNote(wave.repos)}` : ''),
    className: `wave${wave.wave}`,
  }));
  const classes: Record<string, string> = { blocked: BLOCKED_STYLE };
  for (const wave of plan.waves) classes[`wave${wave.wave}`] = waveStyle(wave.wave);
  const edges: MermaidEdge[] = plan.waves.slice(1).map((wave) => ({
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
    edges.push({ from: `c${index}`, to: `w${plan.repos.get(cycle.repos[0]!)!.wave}`, link: true });
  }
  if (blocking.length > CYCLE_NODES) {
    nodes.push({
      id: 'cmore',
      label: `… and ${plural(blocking.length - CYCLE_NODES, 'more blocking cycle')}`,
      className: 'blocked',
    });
  }
  return flowchart(nodes, edges, classes, 'TD');
}
