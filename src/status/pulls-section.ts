import type { PullClient, PullEvidence } from '../pulls/aggregate.js';
import { details, plural, table } from '../shared/markdown.js';
import {
  HOW_TO_CHECK_PULLS,
  UNCHECKED_WORDS,
  imageName,
  workloadName,
  type PullCriteria,
} from './pull-criteria.js';

/** Rows of each table of the section. */
const TOP = 10;

function client(entry: Pick<PullClient, 'agent' | 'identity' | 'address'>): string {
  const parts = [entry.agent?.split(/\s+/)[0] ?? 'unknown agent', entry.identity, entry.address];
  return parts.filter(Boolean).join(' · ');
}

function when(iso: string | undefined): string {
  return iso === undefined ? '—' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function andMore(count: number, noun: string): string[] {
  return count > 0 ? [`… and ${plural(count, noun)} more.`, ''] : [];
}

/**
 * The dashboard's "still pulling from the old registry" section: top images, clients, clusters and
 * namespaces, with the evidence's sources and window; without evidence, how to give it.
 */
export function pullsSection(
  evidence: PullEvidence | undefined,
  criteria: PullCriteria,
  oldHost: string,
): string {
  const title = `#### Still pulling from \`${oldHost}\``;
  if (evidence === undefined) return [title, '', `_Not checked: ${HOW_TO_CHECK_PULLS}._`, ''].join('\n');
  const { window } = evidence;
  const parts = [
    title,
    '',
    ...criteria.unchecked.map((half) => `_Not checked: ${UNCHECKED_WORDS[half]}._\n`),
    `${plural(evidence.pulls, 'pull')} of ${plural(evidence.images.length, 'image')} by ${plural(evidence.clients.length, 'client')} in the last ${plural(window.days, 'day')} (${window.from.slice(0, 10)} – ${window.to.slice(0, 10)}); ${plural(evidence.workloads.length, 'workload container')} on its images; cutover's own pulls, not counted: ${evidence.own.pulls}.`,
    '',
  ];
  if (evidence.images.length > 0) {
    parts.push(
      table(
        ['Image', 'Pulls', 'Last pull (UTC)', 'Top clients'],
        evidence.images.slice(0, TOP).map((image) => [
          `\`${imageName(image)}\``,
          image.pulls,
          when(image.last),
          image.clients
            .slice(0, 3)
            .map((entry) => `${client(entry)} (${entry.pulls})`)
            .join('<br>'),
        ]),
      ),
      '',
      ...andMore(evidence.images.length - TOP, 'image'),
      table(
        ['Client (agent · identity · address)', 'Pulls', 'Last pull (UTC)'],
        evidence.clients.slice(0, TOP).map((entry) => [client(entry), entry.pulls, when(entry.last)]),
      ),
      '',
      ...andMore(evidence.clients.length - TOP, 'client'),
    );
  }
  if (evidence.workloads.length > 0) parts.push(clustersTable(evidence), '');
  parts.push(
    details(
      `Evidence: ${plural(evidence.sources.length, 'file')}`,
      table(
        ['File', 'Format', 'Records', 'Pulls counted', 'Skipped'],
        evidence.sources.map((source) => [
          `\`${source.file}\``,
          source.format,
          source.records,
          source.pulls,
          source.skipped,
        ]),
      ),
    ),
    '',
  );
  return parts.join('\n');
}

/** Workloads by cluster and namespace: how many run, how many are only templated, and which. */
function clustersTable(evidence: PullEvidence): string {
  const groups = new Map<string, typeof evidence.workloads>();
  for (const use of evidence.workloads) {
    const key = `${use.cluster}\n${use.namespace}`;
    groups.set(key, [...(groups.get(key) ?? []), use]);
  }
  return table(
    ['Cluster', 'Namespace', 'Running', 'Templated only', 'Workloads'],
    [...groups.entries()].map(([key, uses]) => {
      const [cluster, namespace] = key.split('\n');
      const names = uses.slice(0, 4).map((use) => {
        const name = workloadName(use).replace(`${use.cluster}/${use.namespace} `, '');
        return use.running
          ? `${name} \`${use.image}\``
          : `${name} \`${use.image}\` (${use.note ?? 'not running'})`;
      });
      return [
        cluster,
        namespace,
        uses.filter((use) => use.running).length,
        uses.filter((use) => !use.running).length,
        names.join('<br>') + (uses.length > 4 ? `<br>… and ${uses.length - 4} more` : ''),
      ];
    }),
  );
}
