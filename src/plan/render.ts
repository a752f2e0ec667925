import { details, fitSummary, plural, table, type SummaryPart } from '../shared/markdown.js';
import { dependencyDiagram, teamDiagram, waveColouring } from './diagram.js';
import type { CopyItem, Cycle, Plan, PlannedRepo, Wave } from './plan.js';

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

/** Waves with more rows than this are folded into a collapsible section. */
export const OPEN_WAVE_ROWS = 20;

/** Blocking cycles first (earliest wave first), then pinned ones: the order people act in. */
export function cyclesByUrgency(plan: Plan): Cycle[] {
  const waveOf = (cycle: Cycle) => plan.repos.get(cycle.repos[0]!)!.wave;
  return [...plan.cycles].sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'blocking' ? -1 : 1) ||
      waveOf(a) - waveOf(b) ||
      a.repos[0]!.localeCompare(b.repos[0]!),
  );
}

/** The repositories of each owner (teams sorted by name; repositories without one last). */
export function reposByTeam(plan: Plan): [string, PlannedRepo[]][] {
  const teams = new Map<string, PlannedRepo[]>();
  for (const wave of plan.waves)
    for (const repo of wave.repos) {
      const team = repo.owner ?? '(no owner)';
      const list = teams.get(team) ?? [];
      list.push(repo);
      teams.set(team, list);
    }
  return [...teams.entries()].sort(
    ([a], [b]) => Number(a === '(no owner)') - Number(b === '(no owner)') || a.localeCompare(b),
  );
}

/** The headline counts, the same in the summary and the terminal. */
export function planHeadline(plan: Plan): string {
  const blocking = plan.cycles.filter((c) => c.kind === 'blocking').length;
  const pinned = plan.cycles.length - blocking;
  return (
    `${plural(plan.repos.size, 'repository', 'repositories')} switch their pulls to the new registry in ${plural(plan.waves.length, 'wave')}; ` +
    `${plural(blocking, 'blocking cycle')} ${blocking === 1 ? 'needs' : 'need'} a decision, ` +
    `${plural(pinned, 'pinned cycle')} ${pinned === 1 ? 'is' : 'are'} broken by copying tags.`
  );
}

/**
 * The plan as Markdown for the job summary, in the order people act on it: blocking cycles and the
 * decision each needs; the diagram; one collapsible section per team (its repositories, waves, what
 * they wait for, what is copied first); the waves (collapsed above {@link OPEN_WAVE_ROWS} rows);
 * pinned cycles. Kept under GitHub's 1 MiB: past 900 kB the tables are cut (`--json` has all).
 */
export function planMarkdown(plan: Plan, source: string): string {
  const cycles = cyclesByUrgency(plan);
  const blocking = cycles.filter((c) => c.kind === 'blocking');
  const pinned = cycles.filter((c) => c.kind === 'pinned');
  const parts: SummaryPart[] = [{ text: `### cutover plan: \`${source}\`\n\n${planHeadline(plan)}\n` }];
  if (blocking.length > 0) {
    parts.push({
      text: [
        `#### 🔴 ${plural(blocking.length, 'blocking cycle')}: a decision each`,
        '',
        ...blocking.map(
          (cycle) => `- **wave ${plan.repos.get(cycle.repos[0]!)!.wave}** · ${cycle.explanation}`,
        ),
        '',
      ].join('\n'),
    });
  }
  parts.push({
    text: [
      'Arrows run from the producing repository to the consumer; dotted arrows are pinned old tags, which copy-tags carries so nobody waits for them.',
      '',
      dependencyDiagram(plan, waveColouring(plan)),
      '',
    ].join('\n'),
  });
  const teams = reposByTeam(plan);
  parts.push({ text: `#### Per team (${plural(teams.length, 'team')})\n` });
  for (const [team, repos] of teams) {
    const text = teamSection(plan, team, repos);
    parts.push({ text, cut: teamSection(plan, team, repos, false) });
  }
  parts.push({ text: '#### Waves\n' });
  for (const wave of plan.waves) parts.push({ text: waveSection(wave), cut: waveSection(wave, false) });
  if (pinned.length > 0) {
    const list = pinned.map((cycle) => `- 🟢 **pinned**: ${cycle.explanation}`).join('\n');
    parts.push({
      text: `#### ${plural(pinned.length, 'pinned cycle')} (copy-tags breaks them)\n\n${list}\n`,
      cut: `#### ${plural(pinned.length, 'pinned cycle')} (copy-tags breaks them)\n\nCut to keep the summary under GitHub's 1 MiB: \`cutover plan --json\` lists them.\n`,
    });
  }
  return fitSummary(parts);
}

const CUT_NOTE =
  '_Table cut to keep the summary under GitHub’s 1 MiB: `cutover plan --json` has the whole plan._';

function teamSection(plan: Plan, team: string, repos: PlannedRepo[], withTable = true): string {
  const waves = [...new Set(repos.map((repo) => repo.wave))].sort((a, b) => a - b);
  const red = repos.filter((repo) => repo.blocked).length;
  const title =
    `<b>${escapeHtml(team)}</b>: ${plural(repos.length, 'repository', 'repositories')}, ` +
    `${waves.length === 1 ? `wave ${waves[0]}` : `waves ${waves[0]}–${waves.at(-1)}`}` +
    (red > 0 ? `, 🔴 ${red} in blocking cycles` : '');
  if (!withTable) return details(title, CUT_NOTE) + '\n';
  const diagram = teamDiagram(plan, repos);
  const body = [
    ...(diagram ? [diagram, ''] : []),
    table(
      ['Repository', 'Wave', 'Waits for', 'Copied first'],
      repos.map((repo) => [
        `${repo.repo}${repo.blocked ? ' 🔴' : ''}`,
        repo.wave,
        repo.waitsFor.join(', '),
        repo.copies.join(', '),
      ]),
    ),
  ].join('\n');
  return details(title, body) + '\n';
}

function waveSection(wave: Wave, withTable = true): string {
  const parts = [`#### Wave ${wave.wave}`, ''];
  if (wave.copy.length > 0) {
    parts.push(
      `Before this wave, copy-tags must carry: ${wave.copy.map((item) => `\`${copyItemText(item)}\``).join(', ')}.`,
      '',
    );
  }
  if (!withTable)
    return [...parts, `${plural(wave.repos.length, 'repository', 'repositories')}. ${CUT_NOTE}`, ''].join(
      '\n',
    );
  const rows = table(
    ['Repository', 'Owner', 'Produces', 'Waits for', 'Copied first'],
    wave.repos.map((repo) => [
      `${repo.repo}${repo.blocked ? ' 🔴' : ''}`,
      repo.owner ?? '',
      repo.produces.join(', ') || (repo.independent ? '(no image dependency)' : ''),
      repo.waitsFor.join(', '),
      repo.copies.join(', '),
    ]),
  );
  parts.push(
    wave.repos.length > OPEN_WAVE_ROWS
      ? details(`${plural(wave.repos.length, 'repository', 'repositories')}`, rows)
      : rows,
    '',
  );
  return parts.join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
