import type { Plan } from '../plan/plan.js';
import { dependencyDiagram, type NodeColouring } from '../plan/diagram.js';
import { details, escapeMarkdown, plural, table } from '../shared/markdown.js';
import type { PullEvidence } from '../pulls/aggregate.js';
import type { Census, ReferenceEvidence } from './census.js';
import { HOW_TO_CHECK_PULLS, UNCHECKED_WORDS, type PullCriteria } from './pull-criteria.js';
import { pullsSection } from './pulls-section.js';
import { tagNote, type ImageStatus, type MigrationStatus, type TagCheck } from './status.js';

const IMAGE_STATE: Record<ImageStatus['state'], string> = {
  carried: '✅ carried',
  behind: '⏳ behind',
  conflict: '❌ conflict',
  empty: '— no tags',
  unknown: '❔ old registry unreachable',
};

/** Rows of the copy-rules table; the JSON has them all. */
const COPY_ROWS = 100;

const TAG_STATE: Record<TagCheck['state'], string> = {
  present: '✅ identical',
  missing: '⏳ old only',
  conflict: '❌ differs',
  absent: '❌ in neither',
};

/** Colours repositories by what the registries say: ready, waiting, or held by a conflict. */
export function stateColouring(status: MigrationStatus): NodeColouring {
  const byRepo = new Map(status.repos.map((repo) => [repo.repo, repo]));
  const conflicted = (name: string) =>
    byRepo.get(name)!.consumes.some((c) => !c.ready && /differs|neither/.test(c.note ?? ''));
  return {
    classes: {
      ready: 'fill:#c8f7c5,stroke:#2a7a2a,color:#000',
      waiting: 'fill:#fff2c2,stroke:#a67c00,color:#000',
      conflict: 'fill:#ffd6d6,stroke:#c00,stroke-width:3px,color:#000',
    },
    classOf: (repo) =>
      byRepo.get(repo.repo)!.ready ? 'ready' : conflicted(repo.repo) ? 'conflict' : 'waiting',
    note: (repo) => `wave ${repo.wave} · ${byRepo.get(repo.repo)!.ready ? 'ready' : 'waiting'}`,
    waveNote: (repos) => {
      const ready = repos.filter((repo) => byRepo.get(repo.repo)!.ready).length;
      return `${ready} ready, ${repos.length - ready} waiting`;
    },
  };
}

function short(digest: string | undefined): string {
  return digest ? `\`${digest.slice(7, 19)}\`` : '';
}

/** The dashboard: exit criteria, the coloured graph, and tables per repository, image and pinned tag. */
export function statusMarkdown(
  status: MigrationStatus,
  plan: Plan,
  context: {
    source: string;
    today: string;
    phase: string;
    oldHost: string;
    newHost: string;
    census?: Census;
    evidence?: ReferenceEvidence;
    /** What still pulls from the old registry (`--evidence`); unchecked when absent. */
    pulls?: { evidence?: PullEvidence; criteria: PullCriteria };
  },
): string {
  const pulls = context.pulls ?? {
    criteria: { checked: false, unchecked: ['pulls', 'workloads'], reasons: [] },
  };
  const ready = status.repos.filter((repo) => repo.ready).length;
  const carried = status.images.filter((image) => image.state === 'carried').length;
  const copied = status.pinned.filter((check) => check.state === 'present').length;
  const parts = [
    `### cutover status: \`${context.source}\` on ${context.today} (phase ${context.phase})`,
    '',
    verdict(status, context, pulls.criteria),
    '',
    `_References to the old registry: ${EVIDENCE_TEXT[context.evidence?.source ?? 'none']}._`,
    '',
    `${ready} of ${status.repos.length} repositories ready to pull from the new registry · ${carried} of ${status.images.length} images carried (dual push) · ${copied} of ${status.pinned.length} pinned tags copied with identical digests.`,
    '',
    ...(context.census ? [censusSection(context.census, context.oldHost), ''] : []),
    pullsSection(pulls.evidence, pulls.criteria, context.oldHost),
    dependencyDiagram(plan, stateColouring(status)),
    '',
    '#### Repositories',
    '',
    foldLong(
      status.repos.length,
      table(
        ['Wave', 'Repository', 'Owner', 'Ready', 'Still missing'],
        status.repos
          .slice()
          .sort((a, b) => a.wave - b.wave || a.repo.localeCompare(b.repo))
          .map((repo) => [
            repo.wave,
            repo.repo,
            repo.owner ?? '',
            repo.ready ? '✅' : '⏳',
            repo.consumes
              .filter((c) => !c.ready)
              .map((c) => c.note ?? c.text)
              .join('; '),
          ]),
      ),
    ),
    '',
    '#### Images (newest old tags in the new registry)',
    '',
    table(
      [
        'Image',
        'New path',
        'Producer',
        'Old tags',
        'New tags',
        'Newest old tags',
        'State',
        'Old only (lost at shutdown)',
      ],
      status.images.map((image) => [
        image.image,
        image.target,
        image.producer ?? '(none in the manifest)',
        image.oldTags,
        image.newTags,
        image.newest.map((check) => `${check.reference} ${TAG_STATE[check.state].split(' ')[0]}`).join(', '),
        IMAGE_STATE[image.state],
        image.oldOnlyTags.length > 5
          ? `${image.oldOnlyTags.slice(0, 5).join(', ')} and ${image.oldOnlyTags.length - 5} more`
          : image.oldOnlyTags.join(', '),
      ]),
    ),
    '',
  ];
  if (status.pinned.length > 0) {
    parts.push(
      '#### Pinned tags (copy rules: referenced)',
      '',
      table(
        ['Reference', 'Old digest', 'New digest', 'State'],
        status.pinned.map((check) => [
          `${check.image}${check.reference.includes(':') ? '@' : ':'}${check.reference}`,
          short(check.oldDigest),
          short(check.newDigest),
          TAG_STATE[check.state],
        ]),
      ),
      '',
    );
  }
  if (status.copyRules.length > 0) {
    const shown = status.copyRules.slice(0, COPY_ROWS);
    parts.push(
      `#### copy: rules (${status.copyRules.filter((c) => c.state === 'present').length} of ${status.copyRules.length} selected tags in the new registry)`,
      '',
      table(
        ['Reference', 'Chosen by', 'Old digest', 'New digest', 'State'],
        shown.map((check) => [
          `${check.image}${check.reference.includes(':') ? '@' : ':'}${check.reference}`,
          check.reasons.join(', '),
          short(check.oldDigest),
          short(check.newDigest),
          TAG_STATE[check.state],
        ]),
      ),
      ...(status.copyRules.length > shown.length
        ? ['', `… and ${status.copyRules.length - shown.length} more (see --json).`]
        : []),
      '',
    );
  }
  if (status.oldOnly.length > 0) {
    parts.push(
      '#### Left only in the old registry',
      '',
      ...status.oldOnly.map((check) => `- ${tagNote(check)}`),
      '',
    );
  }
  return parts.join('\n');
}

/**
 * The verdict. Met is a plain ✅ only when the pulls were checked too: without evidence of what still
 * pulls, the registries and repositories cannot tell whether a CronJob or another team still needs the
 * old registry, so the verdict says it was not checked and how to check it.
 */
function verdict(
  status: MigrationStatus,
  context: { newHost: string; oldHost: string; evidence?: ReferenceEvidence },
  pulls: PullCriteria,
): string {
  if (!status.exitCriteria.met)
    return `**Exit criteria not met ❌**\n\n${status.exitCriteria.reasons.map((reason) => `- ${reason}`).join('\n')}`;
  const what = `every repository can pull from \`${context.newHost}\` and nothing that must survive is left only in \`${context.oldHost}\`${context.evidence && context.evidence.source !== 'none' ? `, and no repository references \`${context.oldHost}\` any more` : ''}`;
  if (!pulls.checked)
    return `**Exit criteria met on what was checked ⚠️ — not checked: ${pulls.unchecked.map((half) => UNCHECKED_WORDS[half]).join('; ')}**. Checked: ${what}. To check the rest, ${HOW_TO_CHECK_PULLS}.`;
  return `**Exit criteria met ✅**: ${what}; nothing but cutover pulled from it in the last ${plural(pulls.days ?? 0, 'day')}, and no workload runs or is templated on its images.`;
}

const EVIDENCE_TEXT: Record<ReferenceEvidence['source'], string> = {
  census: 'read from every repository’s default branch (`--scan-repos`)',
  'refs-files': 'from the references files guard exported (`--refs`)',
  none: 'not checked — pass `--scan-repos` (or the `--refs` files guard exports) so the exit criteria include them',
};

const CENSUS_STATE: Record<Census['repos'][number]['state'], string> = {
  clean: '✅ clean',
  references: '❌ references left',
  unknown: '❔ unknown',
};

/** Links to the first references of a repository. */
const LINKED_REFERENCES = 3;
/** Census rows shown open; more are folded. */
const OPEN_CENSUS_ROWS = 20;

/** Per repository: references to the old registry left on its default branch, with links to the first few. */
function censusSection(census: Census, oldHost: string): string {
  const left = census.repos.filter((repo) => repo.state === 'references');
  const unknown = census.repos.filter((repo) => repo.state === 'unknown');
  const rows = [...census.repos]
    .sort((a, b) => order(a) - order(b) || a.repo.localeCompare(b.repo))
    .map((repo) => [
      escapeMarkdown(repo.repo),
      CENSUS_STATE[repo.state],
      repo.state === 'unknown' ? '?' : repo.references.length,
      [...new Set(repo.references.map((ref) => ref.kind))].join(', '),
      // File names and reasons are data (from the repositories, from servers): text, never Markdown.
      repo.state === 'unknown'
        ? escapeMarkdown(repo.reason ?? '')
        : repo.references
            .slice(0, LINKED_REFERENCES)
            .map(
              (ref) =>
                `[${escapeMarkdown(ref.file)}:${ref.line}](${ref.url})${ref.dynamic ? ' (dynamic)' : ''}`,
            )
            .join(', ') +
          (repo.references.length > LINKED_REFERENCES
            ? ` and ${repo.references.length - LINKED_REFERENCES} more`
            : ''),
      repo.commit ? `\`${repo.commit.slice(0, 7)}\`` : '',
    ]);
  const body = table(['Repository', 'State', 'References left', 'Kinds', 'First references', 'Commit'], rows);
  return [
    `#### References to \`${oldHost}\` left in the repositories`,
    '',
    `${plural(left.length, 'repository', 'repositories')} of ${census.repos.length} still ${left.length === 1 ? 'references' : 'reference'} the old registry (${plural(
      left.reduce((sum, repo) => sum + repo.references.length, 0),
      'reference',
    )}); ${plural(unknown.length, 'repository', 'repositories')} could not be read.`,
    '',
    rows.length > OPEN_CENSUS_ROWS
      ? details(`${plural(rows.length, 'repository', 'repositories')}`, body)
      : body,
  ].join('\n');
}

/** A table of `rows` rows, folded into a collapsible section past {@link OPEN_CENSUS_ROWS}. */
function foldLong(rows: number, markdown: string): string {
  return rows > OPEN_CENSUS_ROWS ? details(plural(rows, 'repository', 'repositories'), markdown) : markdown;
}

function order(repo: Census['repos'][number]): number {
  return repo.state === 'references' ? 0 : repo.state === 'unknown' ? 1 : 2;
}

/** The status as JSON. */
export function statusJson(status: MigrationStatus): unknown {
  return {
    exitCriteria: status.exitCriteria,
    repos: status.repos,
    images: status.images,
    pinned: status.pinned,
    copyRules: status.copyRules,
    copyMissing: status.copyMissing,
    oldOnly: status.oldOnly,
    ...(status.oldUnreachable !== undefined && { oldUnreachable: status.oldUnreachable }),
  };
}
