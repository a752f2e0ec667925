/**
 * How a push is shown: log lines, the job summary, `--json` and the action's outputs, all from one
 * {@link PushReport}.
 */
import type { CommandResult } from '../cli/command.js';
import type { Manifest } from '../manifest/model.js';
import { table } from '../shared/markdown.js';
import type { Reporter } from '../shared/reporter.js';
import type { DeliveryResult, Provenance } from './deliver.js';
import type { TargetOutcome } from './execute.js';
import type { PushPlan } from '../manifest/push-plan.js';
import type { FromReference, FromResult } from './from.js';
import { referencePolicy } from '../manifest/timeline.js';

/** Everything one push did, for {@link presentPush}. */
export interface PushReport extends DeliveryResult {
  manifest: Manifest;
  today: string;
  plan: PushPlan;
  image: string;
  imageId: string;
  mode: string;
  provenance: Provenance;
  /** With `--from`: what was copied besides the image's own manifests. */
  copied?: Pick<FromResult, 'artifacts' | 'platforms' | 'attestations' | 'bytesUploaded' | 'warnings'>;
}

/** The report of `push --from`: no engine image, so no provenance to judge (it was judged where it was built). */
export function fromReport(
  manifest: Manifest,
  today: string,
  from: FromReference,
  plan: PushPlan,
  result: FromResult,
): PushReport {
  const { outcomes, verification, ...copied } = result;
  return {
    outcomes,
    ...(verification && { verification }),
    manifest,
    today,
    plan,
    image: `${from.host}/${from.repository}@${from.digest}`,
    imageId: from.digest,
    mode: 'from',
    provenance: { traces: [], policy: referencePolicy(manifest.timeline, today), blocked: false },
    copied,
  };
}

/** Logs what the image's provenance means today, before anything is pushed. */
export function presentProvenance(provenance: Provenance, reporter: Reporter): void {
  for (const trace of provenance.traces) {
    const message = `the image was built from the old registry (${trace.where}: ${trace.reference}): ${provenance.policy.message}`;
    if (provenance.policy.severity === 'error') reporter.error(message);
    else if (provenance.policy.severity === 'warning') reporter.warning(message);
    else reporter.info(message);
  }
}

/** Turns the report into log lines, the summary, `--json` and outputs. */
export function presentPush(report: PushReport, reporter: Reporter): CommandResult {
  const { plan, outcomes, verification, manifest, provenance } = report;
  for (const warning of report.copied?.warnings ?? []) reporter.warning(warning);
  const failures = describeFailures(outcomes, manifest, report.today);
  for (const failure of failures) reporter.error(failure);
  if (verification?.mismatch) {
    const [a, b] = verification.mismatch;
    reporter.error(
      `digests differ: ${a.reference} is ${a.digest ?? 'missing'}, ${b.reference} is ${b.digest ?? 'missing'}`,
    );
  }
  const digest = verification?.ok ? verification.seen[0]?.digest : undefined;
  const pushed = outcomes.flatMap((outcome) => (outcome.status === 'failed' ? [] : outcome.references));
  for (const reference of pushed) reporter.info(`pushed ${reference}${digest ? `@${digest}` : ''}`);
  const failureMessage = provenance.blocked
    ? `the image was built from the old registry ${manifest.registries.old.host}, retired for builds since ${manifest.timeline.failFrom}: nothing pushed`
    : failures.length > 0
      ? failures.join('; ')
      : verification?.mismatch
        ? `digests differ: ${verification.mismatch.map((seen) => `${seen.reference} ${seen.digest ?? 'missing'}`).join(' vs ')}`
        : undefined;
  reporter.summary(summaryOf(report, digest, failureMessage));
  return {
    exitCode: failureMessage ? 1 : 0,
    ...(failureMessage && { failureMessage }),
    outputs: {
      digest: digest ?? '',
      pushed: pushed.join('\n'),
      skipped: plan.skipped.map((skipped) => `${skipped.host}: ${skipped.reason}`).join('\n'),
    },
    json: {
      image: report.image,
      imageId: report.imageId,
      repository: plan.repository,
      tags: plan.tags,
      today: report.today,
      phase: plan.phase,
      mode: report.mode,
      digest: digest ?? null,
      pushed,
      skipped: plan.skipped.map(({ host, reason }) => ({ registry: host, reason })),
      registries: outcomes,
      verified: verification?.ok ?? false,
      ...(verification?.mismatch && { mismatch: verification.mismatch }),
      oldRegistryTraces: provenance.traces.map((trace) => ({
        ...trace,
        severity: provenance.policy.severity,
      })),
      ...(report.copied && {
        platforms: report.copied.platforms,
        attestations: report.copied.attestations,
        artifacts: report.copied.artifacts,
        bytesUploaded: report.copied.bytesUploaded,
      }),
      ...(failureMessage && { failure: failureMessage }),
    },
  };
}

/** One sentence per failed registry, with what to change when the old one refused writes early. */
function describeFailures(outcomes: TargetOutcome[], manifest: Manifest, today: string): string[] {
  const done = outcomes.filter((outcome) => outcome.status !== 'failed').map((outcome) => outcome.host);
  return outcomes
    .filter((outcome) => outcome.status === 'failed')
    .map((outcome) => {
      const others =
        done.length > 0 ? ` (${done.join(' and ')} took the image; ${outcome.host} did not)` : '';
      if (outcome.refused && outcome.role === 'old' && today < manifest.timeline.readOnly) {
        const at = manifest.locator.valueAt(['registries', 'old', 'read-only']);
        return `${outcome.host} refused the push (${outcome.error}) although the manifest says it is writable until ${manifest.timeline.readOnly}: if the old registry is read-only already, change registries.old.read-only (${manifest.source}:${at.line}:${at.column}) to the day it became read-only${others}`;
      }
      return `push to ${outcome.host}/${outcome.repository} failed after ${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}: ${outcome.error}${others}`;
    });
}

function summaryOf(report: PushReport, digest: string | undefined, failure: string | undefined): string {
  const { plan, outcomes, provenance } = report;
  const icon = { pushed: '✅ pushed', copied: '✅ copied', failed: '❌ failed' } as const;
  return [
    `### cutover push: \`${report.image}\``,
    '',
    `On **${report.today}** (phase **${plan.phase}**, mode \`${report.mode}\`)${digest ? ` every registry has \`${digest}\`` : ''}.`,
    '',
    table(
      ['Registry', 'References', 'Result', 'Digest', 'Attempts', 'Time'],
      [
        ...outcomes.map((outcome) => [
          `\`${outcome.host}\``,
          (outcome.status === 'failed'
            ? plan.tags.map((tag) => `${outcome.host}/${outcome.repository}:${tag}`)
            : outcome.references
          ).join('\n'),
          outcome.status === 'failed' ? `${icon.failed}: ${outcome.error ?? ''}` : icon[outcome.status],
          outcome.digest ? `\`${outcome.digest}\`` : '',
          outcome.attempts,
          `${outcome.seconds.toFixed(1)} s`,
        ]),
        ...plan.skipped.map((skipped) => [
          `\`${skipped.host}\``,
          '',
          `⏭️ skipped: ${skipped.reason}`,
          '',
          '',
          '',
        ]),
      ],
    ),
    ...(provenance.traces.length > 0
      ? [
          '',
          table(
            ['Built from the old registry', 'Reference', 'Severity'],
            provenance.traces.map((trace) => [
              trace.where,
              `\`${trace.reference}\``,
              provenance.policy.severity,
            ]),
          ),
        ]
      : []),
    ...(failure ? ['', `**Failed:** ${failure}`] : []),
  ].join('\n');
}
