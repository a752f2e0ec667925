import type { PullEvidence, WorkloadUse } from '../pulls/aggregate.js';
import { plural } from '../shared/markdown.js';

/**
 * The exit criteria's third part: what actually still pulls from the old registry. The registries and
 * the repositories say what should happen; registry logs and clusters' workload lists say what does.
 * Two criteria: nothing but cutover pulled from the old registry in the window, and no workload runs or
 * is templated on one of its images (a CronJob that runs monthly, a ReplicaSet kept for rollback).
 */
export interface PullCriteria {
  /**
   * True when both halves were checked: some registry log or export (pulls) and some cluster list
   * (workloads). Otherwise the verdict says what was not checked, and how to check it.
   */
  checked: boolean;
  /** What the evidence did not cover (`pulls`, `workloads`), when not checked. */
  unchecked: ('pulls' | 'workloads')[];
  /** The window the pulls were counted in, when checked. */
  days?: number;
  /** Why the criteria are not met, from the evidence. */
  reasons: string[];
}

/** How to check the pull criteria, said wherever they were not checked. */
export const HOW_TO_CHECK_PULLS =
  'pass the old registry’s logs (or a hosted registry’s export) and each cluster’s `kubectl get pods,deployments,statefulsets,daemonsets,replicasets,jobs,cronjobs -A -o json` with --evidence (see docs/evidence-formats.md)';

/** The format name of Kubernetes workload lists (src/pulls/formats/kubernetes.ts). */
const CLUSTER_FORMAT = 'kubernetes';

/** What an unchecked half is, in a verdict. */
export const UNCHECKED_WORDS: Record<PullCriteria['unchecked'][number], string> = {
  pulls: 'what still pulls from it (no registry log or export given)',
  workloads: 'which workloads use its images (no cluster list given)',
};

/** Examples shown in a reason. */
const EXAMPLES = 3;

/** Judges the pull criteria from the evidence (undefined: not given). */
export function pullCriteria(evidence: PullEvidence | undefined, oldHost: string): PullCriteria {
  if (evidence === undefined) return { checked: false, unchecked: ['pulls', 'workloads'], reasons: [] };
  const unchecked: PullCriteria['unchecked'] = [];
  // A cluster list says what runs, not what pulls; a log or an export says what pulls.
  if (!evidence.sources.some((source) => source.format !== CLUSTER_FORMAT)) unchecked.push('pulls');
  if (!evidence.sources.some((source) => source.format === CLUSTER_FORMAT)) unchecked.push('workloads');
  const reasons: string[] = [];
  const days = evidence.window.days;
  if (evidence.pulls > 0) {
    const top = evidence.images
      .slice(0, EXAMPLES)
      .map((image) => `${imageName(image)} ×${image.pulls}`)
      .join(', ');
    reasons.push(
      `something other than cutover pulled from ${oldHost} in the last ${plural(days, 'day')}: ${plural(evidence.pulls, 'pull')} of ${plural(evidence.images.length, 'image')} by ${plural(evidence.clients.length, 'client')} (${top}${evidence.images.length > EXAMPLES ? ', …' : ''})`,
    );
  }
  if (evidence.workloads.length > 0) {
    const running = evidence.workloads.filter((use) => use.running).length;
    const examples = evidence.workloads.slice(0, EXAMPLES).map(workloadName).join(', ');
    reasons.push(
      `${plural(evidence.workloads.length, 'workload container')} ${evidence.workloads.length === 1 ? 'runs or is' : 'run or are'} templated on an image of ${oldHost} (${running} running now): ${examples}${evidence.workloads.length > EXAMPLES ? ', …' : ''}`,
    );
  }
  return { checked: unchecked.length === 0, unchecked, days, reasons };
}

/** `repository:tag` or `repository@digest`, as the tables and reasons show an image. */
export function imageName(image: {
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}): string {
  if (image.tag !== undefined) return `${image.repository}:${image.tag}`;
  return image.digest !== undefined ? `${image.repository}@${image.digest.slice(0, 19)}…` : image.repository;
}

/** `cluster/namespace CronJob/name (container)`. */
export function workloadName(use: WorkloadUse): string {
  return `${use.cluster}/${use.namespace} ${use.kind}/${use.name} (${use.container})`;
}
