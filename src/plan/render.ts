import { table } from '../shared/markdown.js';
import { flowchart, MERMAID_MAX_NODES, waveStyle, type MermaidEdge, type MermaidNode } from './mermaid.js';
import type { CopyItem, Plan, PlannedRepo } from './plan.js';

/** One job of the GitHub Actions matrix an org-wide workflow fans out. */
export type MatrixEntry =
  | { repo: string; wave: number; owner: string; images: string[] }
  | { image: string; repo: string; wave: number; owner: string };

/** GitHub allows at most this many jobs per matrix; fan out wave by wave beyond it. */
export const GITHUB_MATRIX_LIMIT = 256;

/**
 * The GitHub Actions matrix (`{"include": [...]}`): one job per repository, or per produced image,
 * optionally of one wave only.
 */
export function planMatrix(plan: Plan, by: 'repo' | 'image', wave?: number): { include: MatrixEntry[] } {
  const include: MatrixEntry[] = [];
  for (const entry of plan.waves) {
    if (wave !== undefined && entry.wave !== wave) continue;
    for (const repo of entry.repos) {
      const owner = repo.owner ?? '';
      if (by === 'repo') include.push({ repo: repo.repo, wave: repo.wave, owner, images: repo.produces });
      else
        for (const image of repo.produces) include.push({ image, repo: repo.repo, wave: repo.wave, owner });
    }
  }
  return { include };
}

/** Text for a copy item: `auth:1.4.2`, `base@sha256:…`, or `jdk (tags the copy: rules select)`. */
export function copyItemText(item: Pick<CopyItem, 'image' | 'tag' | 'digest'>): string {
  if (item.tag === undefined && item.digest === undefined)
    return `${item.image} (tags the copy: rules select)`;
  return `${item.image}${item.tag ? `:${item.tag}` : ''}${item.digest ? `@${item.digest}` : ''}`;
}

/** The plan as JSON: waves, cycles, edges and matrix. */
export function planJson(plan: Plan, matrix: { include: MatrixEntry[] }): unknown {
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

function repoJson(repo: PlannedRepo): unknown {
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

/** Node state for the status dashboard, or the wave for the plan. */
export interface NodeColouring {
  classOf(repo: PlannedRepo): string;
  classes: Record<string, string>;
  /** Extra text under the repository name, e.g. its state. */
  note?(repo: PlannedRepo): string | undefined;
}

/** Colours nodes by wave; blocking-cycle members get a red border. */
export function waveColouring(plan: Plan): NodeColouring {
  const classes: Record<string, string> = { blocked: 'fill:#ffd6d6,stroke:#c00,stroke-width:3px,color:#000' };
  for (const wave of plan.waves) classes[`wave${wave.wave}`] = waveStyle(wave.wave);
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
export function dependencyDiagram(plan: Plan, colouring: NodeColouring): string {
  if (plan.repos.size > MERMAID_MAX_NODES) return waveDiagram(plan);
  const ids = new Map<string, string>();
  const nodes: MermaidNode[] = [];
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
  const edges: MermaidEdge[] = plan.edges.map((edge) => ({
    from: ids.get(edge.producer)!,
    to: ids.get(edge.consumer)!,
    label: edge.consumes.map((c) => c.text).join(', '),
    dotted: edge.pinned,
  }));
  return flowchart(nodes, edges, colouring.classes);
}

function waveDiagram(plan: Plan): string {
  const nodes: MermaidNode[] = plan.waves.map((wave) => ({
    id: `w${wave.wave}`,
    label: `wave ${wave.wave}: ${wave.repos.length} repositories${wave.copy.length ? `, ${wave.copy.length} tags to copy first` : ''}`,
    className: `wave${wave.wave}`,
  }));
  const classes = Object.fromEntries(plan.waves.map((wave) => [`wave${wave.wave}`, waveStyle(wave.wave)]));
  const edges: MermaidEdge[] = plan.waves.slice(1).map((wave) => ({
    from: `w${wave.wave - 1}`,
    to: `w${wave.wave}`,
  }));
  return flowchart(nodes, edges, classes, 'TD');
}

/** The plan as Markdown for the job summary: diagram, cycles, and a table per wave with owners. */
export function planMarkdown(plan: Plan, source: string): string {
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
      parts.push(
        `Before this wave, copy-tags must carry: ${wave.copy.map((item) => `\`${copyItemText(item)}\``).join(', ')}.`,
        '',
      );
    }
    parts.push(
      table(
        ['Repository', 'Owner', 'Produces', 'Waits for', 'Copied first'],
        wave.repos.map((repo) => [
          `${repo.repo}${repo.blocked ? ' 🔴' : ''}`,
          repo.owner ?? '',
          repo.produces.join(', ') || (repo.independent ? '(no image dependency)' : ''),
          repo.waitsFor.join(', '),
          repo.copies.join(', '),
        ]),
      ),
      '',
    );
  }
  return parts.join('\n');
}
