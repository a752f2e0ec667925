/**
 * A small Mermaid flowchart writer: GitHub renders ```mermaid blocks in job summaries, issues and
 * pull requests. Labels are quoted and escaped, so repository names and owners cannot break the chart.
 */

export interface MermaidNode {
  id: string;
  label: string;
  /** The classDef name giving the node its colour. */
  className?: string;
}

export interface MermaidEdge {
  from: string;
  to: string;
  label?: string;
  /** Drawn dotted (-.->), e.g. for pinned edges that copy-tags resolves. */
  dotted?: boolean;
  /** A line without an arrowhead (---): belonging, not a flow of images. */
  link?: boolean;
}

/**
 * Mermaid's own defaults, which GitHub keeps: past `maxEdges` edges it refuses the chart ("Edge
 * limit exceeded"), past `maxTextSize` characters it refuses the text.
 */
export const MERMAID_LIMITS = { maxEdges: 500, maxTextSize: 50_000 };

/** What cutover draws at most: well under {@link MERMAID_LIMITS}, and few enough nodes to read. */
export const DIAGRAM_BUDGET = { edges: 400, characters: 40_000, readableNodes: 40 };

/** Edges (arrows and links) in a flowchart written by {@link flowchart}. */
export function countEdges(chart: string): number {
  return chart.split('\n').filter((line) => /^\s+\S+ (-->|-\.->|---|-\.-)/.test(line)).length;
}

/** Whether a chart stays inside {@link DIAGRAM_BUDGET} (edges and characters). */
export function withinBudget(chart: string): boolean {
  return countEdges(chart) <= DIAGRAM_BUDGET.edges && chart.length <= DIAGRAM_BUDGET.characters;
}

/** Escapes text for a quoted Mermaid label. */
export function mermaidText(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
}

/** A fenced Mermaid flowchart. `classes` maps a class name to its style, e.g. `fill:#cde,stroke:#333`. */
export function flowchart(
  nodes: MermaidNode[],
  edges: MermaidEdge[],
  classes: Record<string, string>,
  direction: 'LR' | 'TD' = 'LR',
): string {
  const lines = ['```mermaid', `flowchart ${direction}`];
  for (const node of nodes) lines.push(`  ${node.id}["${mermaidText(node.label)}"]`);
  for (const edge of edges) {
    const arrow = edge.link ? (edge.dotted ? '-.-' : '---') : edge.dotted ? '-.->' : '-->';
    const label = edge.label ? `|"${mermaidText(edge.label)}"|` : '';
    lines.push(`  ${edge.from} ${arrow}${label} ${edge.to}`);
  }
  const used = new Set(nodes.map((n) => n.className).filter((c): c is string => c !== undefined));
  for (const [name, style] of Object.entries(classes)) {
    if (!used.has(name)) continue;
    lines.push(`  classDef ${name} ${style}`);
    lines.push(
      `  class ${nodes
        .filter((n) => n.className === name)
        .map((n) => n.id)
        .join(',')} ${name}`,
    );
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
export function waveStyle(wave: number): string {
  const step = WAVE_HUES.span * (1 - 1 / GOLDEN_RATIO); // ≈ 91.7°
  const hue = WAVE_HUES.from + ((WAVE_HUES.first - WAVE_HUES.from + (wave - 1) * step) % WAVE_HUES.span);
  return `fill:${hslToHex(hue, 0.75, 0.86)},stroke:#555,color:#000`;
}

const GOLDEN_RATIO = (1 + Math.sqrt(5)) / 2;
/** The hues waves may take (degrees): everything but the reds and pinks around 0°. */
const WAVE_HUES = { from: 60, span: 240, first: 210 };

/** The red of repositories in a blocking cycle. */
export const BLOCKED_STYLE = 'fill:#ffd6d6,stroke:#c00,stroke-width:3px,color:#000';

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - (chroma / 2) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
