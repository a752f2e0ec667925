import { planMigration, type Plan } from '../../src/plan/plan.js';
import { planMarkdown } from '../../src/plan/render.js';
import { DIAGRAM_BUDGET, countEdges } from '../../src/plan/mermaid.js';
import { statusMarkdown } from '../../src/status/render.js';
import { dashboardBody, ISSUE_BODY_LIMIT } from '../../src/github/dashboard.js';
import type { MigrationStatus } from '../../src/status/status.js';
import { parseManifest } from '../../src/manifest/parse.js';
import { SUMMARY_CUT_BYTES, SUMMARY_LIMIT_BYTES, fitSummary } from '../../src/shared/markdown.js';
import { DENSE_BLOCKING, denseManifest, layeredManifest, smallManifest } from './organisations.js';
import { MERMAID_MAX_TEXT, mermaidBlocks, parseMermaid } from './mermaid-parser.js';

/**
 * The independent computation: reachability by brute force (a breadth-first search from every
 * repository), no Tarjan. Two repositories wait on each other when each reaches the other over
 * unpinned edges; a repository is on a cycle of the whole graph when it reaches itself.
 */
function bruteForce(plan: Plan) {
  const names = plan.graph.repos.map((repo) => repo.name);
  const index = plan.graph.index;
  const reach = (keep: (pinned: boolean) => boolean) => {
    const next: number[][] = names.map(() => []);
    for (const edge of plan.edges)
      if (keep(edge.pinned)) next[index.get(edge.consumer)!]!.push(index.get(edge.producer)!);
    return names.map((_, start) => {
      const seen = new Uint8Array(names.length);
      const queue = [...next[start]!];
      for (const v of queue) seen[v] = 1;
      while (queue.length > 0) {
        for (const w of next[queue.pop()!]!) {
          if (!seen[w]) {
            seen[w] = 1;
            queue.push(w);
          }
        }
      }
      return seen;
    });
  };
  const floating = reach((pinned) => !pinned);
  const all = reach(() => true);
  const groups = new Map<number, string[]>();
  names.forEach((name, u) => {
    if (!floating[u]![u]) return; // not on any cycle of unpinned edges (a self-loop counts)
    const leader = names.findIndex((_, v) => floating[u]![v] && floating[v]![u]);
    groups.set(leader, [...(groups.get(leader) ?? []), name]);
  });
  return {
    blocking: [...groups.values()].map((group) => group.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!)),
    onAnyCycle: names.filter((_, u) => all[u]![u]).sort(),
  };
}

/** A status of the plan's repositories (every third one waiting), to render the dashboard at scale. */
function statusOf(plan: Plan): MigrationStatus {
  return {
    images: [],
    pinned: [],
    copyRules: [],
    copyMissing: [],
    oldOnly: [],
    repos: [...plan.repos.values()].map((repo, i) => ({
      repo: repo.repo,
      ...(repo.owner !== undefined && { owner: repo.owner }),
      wave: repo.wave,
      ready: i % 3 !== 0,
      consumes: i % 3 !== 0 ? [] : [{ text: 'img', ready: false, note: 'img: no tags in the new registry' }],
    })),
    exitCriteria: { met: false, reasons: ['not every repository is ready'] },
  };
}

const ORGANISATIONS: [string, () => string][] = [
  ['10', smallManifest],
  ['120-dense', () => denseManifest(120)],
  ['300', () => layeredManifest(300)],
  ['2,000', () => layeredManifest(2000)],
];

describe.each(ORGANISATIONS)('plan of %s repositories', (name, generate) => {
  const manifest = parseManifest(generate(), `${name}.yml`);
  const plan = planMigration(manifest);

  test('blocking cycles are the components of unpinned edges alone, checked by brute force; only their members are red', () => {
    const expected = bruteForce(plan);
    const blocking = plan.cycles.filter((c) => c.kind === 'blocking').map((c) => c.repos);
    expect(blocking.sort((a, b) => a[0]!.localeCompare(b[0]!))).toEqual(expected.blocking);
    const red = [...plan.repos.values()].filter((repo) => repo.blocked).map((repo) => repo.repo);
    expect(red.sort()).toEqual(expected.blocking.flat().sort());
    // Pinned cycles cover every other repository on a cycle, and each needs a pinned edge to close.
    const covered = new Set(plan.cycles.flatMap((c) => c.repos));
    expect([...covered].sort()).toEqual(expected.onAnyCycle);
    for (const cycle of plan.cycles.filter((c) => c.kind === 'pinned')) {
      expect(cycle.edges.some((e) => e.pinned)).toBe(true);
      expect(cycle.breakBy.length).toBeGreaterThan(0);
    }
    // A blocking cycle's explanation names only its unpinned edges.
    for (const cycle of plan.cycles.filter((c) => c.kind === 'blocking'))
      expect(cycle.edges.every((e) => !e.pinned)).toBe(true);
  });

  test('every Mermaid block of the plan and status summaries parses with the real parser, inside the limits', async () => {
    const summaries = [
      planMarkdown(plan, `${name}.yml`),
      statusMarkdown(statusOf(plan), plan, {
        source: `${name}.yml`,
        today: '2020-10-15',
        phase: 'dual',
        oldHost: 'old.example.com',
        newHost: 'new.example.com',
      }),
    ];
    // The dashboard issue is cut to GitHub's body limit without breaking a diagram or a section.
    const dashboard = dashboardBody(summaries[1]!);
    expect(dashboard.length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT);
    expect(dashboard.match(/<details/g)?.length ?? 0).toBe(dashboard.match(/<\/details>/g)?.length ?? 0);
    summaries.push(dashboard);
    const blocks = summaries.flatMap(mermaidBlocks);
    for (const summary of summaries) expect(Buffer.byteLength(summary)).toBeLessThan(SUMMARY_LIMIT_BYTES);
    for (const block of blocks) {
      expect(block.length).toBeLessThan(MERMAID_MAX_TEXT * 0.9);
      expect(countEdges(block)).toBeLessThanOrEqual(DIAGRAM_BUDGET.edges);
    }
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const verdicts = parseMermaid(blocks);
    expect(verdicts.filter((verdict) => !verdict.ok)).toEqual([]);
    expect(verdicts.every((verdict) => verdict.type === 'flowchart-v2')).toBe(true);
    // The plan's main diagram keeps the blocking cycles visible in red, whatever its size.
    if (plan.cycles.some((c) => c.kind === 'blocking'))
      expect(blocks[0]).toMatch(/classDef blocked fill:#ffd6d6/);
    process.stderr.write(
      `plan of ${name} repositories: ${plan.edges.length} dependencies, ${blocks.length} diagrams, summary ${(Buffer.byteLength(summaries[0]!) / 1000).toFixed(0)} kB\n`,
    );
  });
});

describe('plan: the dense organisation the issue describes', () => {
  const plan = planMigration(parseManifest(denseManifest(120), 'dense.yml'));

  test('more than 500 dependencies, yet only the seven repositories that wait on each other are red', () => {
    expect(plan.edges.length).toBeGreaterThan(500);
    expect(
      plan.cycles
        .filter((c) => c.kind === 'blocking')
        .map((c) => c.repos)
        .sort((a, b) => a[0]!.localeCompare(b[0]!)),
    ).toEqual(DENSE_BLOCKING);
    expect([...plan.repos.values()].filter((r) => r.blocked)).toHaveLength(7);
    // The pinned back-edges overlap them: a pinned cycle holds repositories of a blocking one.
    const blocked = new Set(DENSE_BLOCKING.flat());
    expect(plan.cycles.some((c) => c.kind === 'pinned' && c.repos.some((r) => blocked.has(r)))).toBe(true);
  });

  test('the summary: blocking cycles first, a section per team, the wave-level diagram with the cycles in red', () => {
    const markdown = planMarkdown(plan, 'dense.yml');
    const order = [
      'blocking cycles: a decision each',
      '```mermaid',
      '#### Per team',
      '#### Waves',
      'pinned cycles (copy-tags',
    ];
    const positions = order.map((marker) => markdown.indexOf(marker));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markdown).toContain('flowchart TD');
    expect(markdown).toMatch(/c0\["blocking: org\/repo-20, org\/repo-21"\]/);
    expect(markdown.match(/<details><summary><b>team-\d<\/b>/g)).toHaveLength(8);
    expect(markdown).not.toMatch(/\b1 tags\b|\b1 repositories\b|\b1 waves\b/);
  });
});

describe('summary size', () => {
  test('past 900 kB, the cuttable parts are replaced by their short form, last first', () => {
    const big = 'x'.repeat(400_000);
    expect(fitSummary([{ text: 'small', cut: 'cut' }])).toBe('small');
    const text = fitSummary([
      { text: 'head' },
      { text: big, cut: 'cut A' },
      { text: big, cut: 'cut B' },
      { text: big, cut: 'cut C' },
    ]);
    expect(Buffer.byteLength(text)).toBeLessThan(SUMMARY_CUT_BYTES);
    // The last part alone brings it under: the others stay whole.
    expect(text).toContain('cut C');
    expect(text).not.toContain('cut B');
    expect(text).not.toContain('cut A');
  });

  test('a 6,000-repository plan is cut below 900 kB with a note, and --json keeps everything', () => {
    const plan = planMigration(parseManifest(layeredManifest(6000), 'huge.yml'));
    const markdown = planMarkdown(plan, 'huge.yml');
    expect(Buffer.byteLength(markdown)).toBeLessThan(SUMMARY_CUT_BYTES);
    expect(markdown).toContain('cutover plan --json');
    expect(markdown).toContain('org/repo-5999'.slice(0, 8));
  });
});

describe('the Mermaid parser in the suite is the real one', () => {
  test('it refuses what GitHub refuses: more than 500 edges, broken syntax', () => {
    const chain = ['flowchart LR', ...Array.from({ length: 501 }, (_, i) => `  a${i} --> a${i + 1}`)].join(
      '\n',
    );
    const [tooMany, broken, fine] = parseMermaid([chain, 'flowchart LR\n  a -->', 'flowchart LR\n  a --> b']);
    expect(tooMany!.error).toContain('Edge limit exceeded');
    expect(broken!.ok).toBe(false);
    expect(fine).toEqual({ ok: true, type: 'flowchart-v2' });
  });
});
