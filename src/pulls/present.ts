/**
 * How `cutover pulls` is shown: a headline and the top images, clients and workloads (the CLI's stdout,
 * the action's log), the job summary's tables, `--json` and the outputs. It is a report: the exit code
 * is 0 whatever it finds.
 */
import type { CommandResult, EntryPoint } from '../cli/command.js';
import { plural, table } from '../shared/markdown.js';
import type { Reporter } from '../shared/reporter.js';
import type { ImagePulls, PullClient, PullEvidence, WorkloadUse } from './aggregate.js';

/** Rows of each list in the log; the rest is counted ("… and 12 more images"). */
const TOP_LOG = 10;
/** Rows of each table in the job summary. */
const TOP_SUMMARY = 25;

/** How the report is shown. */
export interface PullsPresentation {
  reporter: Reporter;
  entry: EntryPoint;
}

/** `team/api:1.4.2`, `team/api@sha256:abcd…` (short), `team/api:1.4.2@sha256:…`. */
export function imageName(image: Pick<ImagePulls, 'repository' | 'tag' | 'digest'>, short = true): string {
  const digest = image.digest && (short ? `${image.digest.slice(0, 19)}…` : image.digest);
  return `${image.repository}${image.tag ? `:${image.tag}` : ''}${digest ? `@${digest}` : ''}`;
}

/** A client in a few words: its agent's product token, its identity, its address. */
export function clientName(client: Pick<PullClient, 'agent' | 'identity' | 'address'>): string {
  const agent = client.agent?.split(/\s+/)[0];
  const parts = [agent ?? 'unknown agent', client.identity, client.address].filter(Boolean);
  return parts.join(' · ');
}

/** `2026-12-02 14:03` (UTC), or `—` when the evidence had no time. */
function when(iso: string | undefined): string {
  return iso === undefined ? '—' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

/** `… and 12 more images`, or nothing. */
function andMore(count: number, noun: string): string {
  return `… and ${count.toLocaleString('en-US')} more ${count === 1 ? noun : `${noun}s`}`;
}

function more(count: number, noun: string): string[] {
  return count > 0 ? [`  ${andMore(count, noun)}`] : [];
}

function workloadName(use: WorkloadUse): string {
  return `${use.cluster}: ${use.namespace}/${use.kind}/${use.name} (${use.container})`;
}

/** The headline: what was pulled, by how many, in which window. */
export function headline(evidence: PullEvidence): string {
  const window = `in the last ${plural(evidence.window.days, 'day')} (${day(evidence.window.from)} – ${day(evidence.window.to)})`;
  if (evidence.images.length === 0) return `nothing pulled from the old registry ${window}`;
  const clients = `${evidence.clientsCapped ? 'at least ' : ''}${plural(evidence.clients.length, 'client')}`;
  return `${plural(evidence.images.length, 'image')} pulled from the old registry by ${clients} ${window}: ${plural(evidence.pulls, 'pull')}`;
}

/** The images each client pulled, counted (for the clients' lines). */
function imagesPerClient(evidence: PullEvidence): Map<string, number> {
  const counts = new Map<string, number>();
  for (const image of evidence.images)
    for (const client of image.clients) {
      const key = clientName(client);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  return counts;
}

/** The report as lines of text: what the CLI prints and the action logs. */
export function pullsText(evidence: PullEvidence): string[] {
  const lines = [headline(evidence)];
  const pad = (rows: string[][]) => {
    const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]!.length))) ?? [];
    return rows.map((row) =>
      `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}`.trimEnd(),
    );
  };
  if (evidence.images.length > 0) {
    lines.push('', 'top images:');
    lines.push(
      ...pad(
        evidence.images
          .slice(0, TOP_LOG)
          .map((image) => [
            imageName(image),
            plural(image.pulls, 'pull'),
            `last ${when(image.last)}`,
            `${plural(image.clients.length, 'client')}: ${image.clients
              .slice(0, 3)
              .map(clientName)
              .join(', ')}${image.clients.length > 3 ? ', …' : ''}`,
          ]),
      ),
      ...more(evidence.images.length - TOP_LOG, 'image'),
    );
    const images = imagesPerClient(evidence);
    lines.push('', 'top clients:');
    lines.push(
      ...pad(
        evidence.clients
          .slice(0, TOP_LOG)
          .map((client) => [
            clientName(client),
            plural(client.pulls, 'pull'),
            `last ${when(client.last)}`,
            plural(images.get(clientName(client)) ?? 0, 'image'),
          ]),
      ),
      ...more(evidence.clients.length - TOP_LOG, 'client'),
    );
  }
  if (evidence.workloads.length > 0) {
    const running = evidence.workloads.filter((use) => use.running).length;
    lines.push(
      '',
      `workloads on old-registry images: ${running} running, ${evidence.workloads.length - running} templated only`,
    );
    lines.push(
      ...pad(
        evidence.workloads
          .slice(0, TOP_LOG)
          .map((use) => [
            workloadName(use),
            use.image,
            use.running ? 'running' : (use.note ?? 'not running'),
          ]),
      ),
      ...more(evidence.workloads.length - TOP_LOG, 'workload'),
    );
  }
  if (evidence.own.pulls > 0)
    lines.push(
      '',
      `cutover's own pulls (not counted): ${plural(evidence.own.pulls, 'pull')} of ${plural(evidence.own.images, 'image')}, last ${when(evidence.own.last)}`,
    );
  const { outsideWindow, otherRegistry, failed } = evidence.notCounted;
  const ignored = [
    outsideWindow > 0 && `${plural(outsideWindow, 'pull')} outside the window`,
    otherRegistry > 0 && `${plural(otherRegistry, 'pull')} from other registries`,
    failed > 0 && `${plural(failed, 'failed request')}`,
  ].filter(Boolean);
  if (ignored.length > 0) lines.push(`not counted: ${ignored.join(', ')}`);
  lines.push('', 'evidence:');
  lines.push(
    ...pad(
      evidence.sources.map((source) => [
        source.file,
        source.format,
        plural(source.records, 'record'),
        plural(source.pulls, 'pull'),
        source.skipped > 0 ? `${plural(source.skipped, 'line')} skipped` : '',
      ]),
    ),
  );
  for (const source of evidence.sources)
    for (const problem of source.problems) lines.push(`  ${source.file}: skipped ${problem}`);
  return lines;
}

/** The job summary: the headline and tables of the top images, clients, workloads and the sources. */
export function pullsMarkdown(evidence: PullEvidence): string {
  const parts = [`### cutover pulls: ${headline(evidence)}`, ''];
  const cut = (count: number, noun: string) => (count > 0 ? [andMore(count, noun), ''] : []);
  if (evidence.images.length > 0) {
    parts.push(
      table(
        ['Image', 'Pulls', 'Last pull (UTC)', 'Clients'],
        evidence.images.slice(0, TOP_SUMMARY).map((image) => [
          `\`${imageName(image)}\``,
          image.pulls,
          when(image.last),
          image.clients
            .slice(0, 5)
            .map((client) => `${clientName(client)} (${client.pulls})`)
            .join('<br>') + (image.clients.length > 5 ? `<br>… and ${image.clients.length - 5} more` : ''),
        ]),
      ),
      '',
      ...cut(evidence.images.length - TOP_SUMMARY, 'image'),
      table(
        ['Client (agent · identity · address)', 'Pulls', 'Last pull (UTC)'],
        evidence.clients
          .slice(0, TOP_SUMMARY)
          .map((client) => [clientName(client), client.pulls, when(client.last)]),
      ),
      '',
      ...cut(evidence.clients.length - TOP_SUMMARY, 'client'),
    );
  }
  if (evidence.workloads.length > 0)
    parts.push(
      table(
        ['Cluster', 'Namespace', 'Workload', 'Container', 'Image', 'Running'],
        evidence.workloads
          .slice(0, TOP_SUMMARY)
          .map((use) => [
            use.cluster,
            use.namespace,
            `${use.kind}/${use.name}`,
            use.container,
            `\`${use.image}\``,
            use.running ? 'yes' : `no${use.note ? ` (${use.note})` : ''}`,
          ]),
      ),
      '',
      ...cut(evidence.workloads.length - TOP_SUMMARY, 'workload'),
    );
  parts.push(
    `cutover's own pulls (not counted): ${evidence.own.pulls}. Window ${evidence.window.from} – ${evidence.window.to}; old registry known as ${evidence.registry.map((name) => `\`${name}\``).join(', ')}.`,
    '',
    table(
      ['Evidence', 'Format', 'Records', 'Pulls', 'Skipped'],
      evidence.sources.map((source) => [
        `\`${source.file}\``,
        source.format,
        source.records,
        source.pulls,
        source.skipped,
      ]),
    ),
    '',
  );
  return parts.join('\n');
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function clientJson(client: PullClient): object {
  return {
    agent: orNull(client.agent),
    identity: orNull(client.identity),
    address: orNull(client.address),
    pulls: client.pulls,
    last: orNull(client.last),
  };
}

/** The `--json` document: every field present, `null` where the evidence does not say. */
export function pullsJson(evidence: PullEvidence): object {
  return {
    window: evidence.window,
    registry: evidence.registry,
    sources: evidence.sources.map(({ file, format, records, pulls, skipped, problems }) => ({
      file,
      format,
      records,
      pulls,
      skipped,
      problems,
    })),
    pulls: evidence.pulls,
    images: evidence.images.map((image) => ({
      repository: image.repository,
      tag: orNull(image.tag),
      digest: orNull(image.digest),
      pulls: image.pulls,
      last: orNull(image.last),
      clients: image.clients.map(clientJson),
      unlistedPulls: image.unlistedPulls,
    })),
    clients: evidence.clients.map(clientJson),
    clientsCapped: evidence.clientsCapped,
    workloads: evidence.workloads.map((use) => ({
      cluster: use.cluster,
      namespace: use.namespace,
      kind: use.kind,
      name: use.name,
      container: use.container,
      image: use.image,
      running: use.running,
      runningDigest: orNull(use.runningDigest),
      note: orNull(use.note),
    })),
    own: { pulls: evidence.own.pulls, images: evidence.own.images, last: orNull(evidence.own.last) },
    notCounted: evidence.notCounted,
    warnings: evidence.warnings,
  };
}

/** Turns the evidence into the log (or the CLI's text), the job summary, `--json` and the outputs. */
export function presentPulls(evidence: PullEvidence, how: PullsPresentation): CommandResult {
  const { reporter } = how;
  for (const warning of evidence.warnings) reporter.warning(warning);
  for (const source of evidence.sources)
    if (source.skipped > 0)
      reporter.warning(
        `${source.file}: ${plural(source.skipped, 'line')} skipped as unreadable (first: ${source.problems[0] ?? '?'})`,
      );
  const text = pullsText(evidence);
  if (how.entry === 'action') for (const line of text) reporter.info(line);
  reporter.summary(pullsMarkdown(evidence));
  return {
    exitCode: 0,
    outputs: {
      pulls: String(evidence.pulls),
      images: String(evidence.images.length),
      clients: String(evidence.clients.length),
      workloads: String(evidence.workloads.length),
    },
    json: pullsJson(evidence),
    ...(how.entry === 'cli' && { stdout: `${text.join('\n')}\n` }),
  };
}
