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
}

/** Past this many nodes GitHub's renderer gives up (its text limit), so callers draw a summary instead. */
export const MERMAID_MAX_NODES = 120;

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
    const arrow = edge.dotted ? '-.->' : '-->';
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

/** Fill colours for waves, cycled; light enough for black text in both GitHub themes. */
export const WAVE_COLOURS = ['#cfe8ff', '#d4f5d4', '#fff2c2', '#f7d9f7', '#d9f2f2', '#ffe0cc', '#e3e0ff'];

/** The classDef style of wave `wave` (1-based). */
export function waveStyle(wave: number): string {
  return `fill:${WAVE_COLOURS[(wave - 1) % WAVE_COLOURS.length]},stroke:#555,color:#000`;
}
