import path from 'node:path';
import { readRefsFile } from '../copy/refs-file.js';
import type { Manifest } from '../manifest/model.js';
import { phaseAt } from '../manifest/timeline.js';
import type { RegistryClient } from '../oci/client.js';
import { planMigration } from '../plan/plan.js';
import { collectPullEvidence, type PullEvidence } from '../pulls/aggregate.js';
import { ProgressLine } from '../shared/progress.js';
import { referenceEvidence, takeCensus, type Census, type ReferenceEvidence } from './census.js';
import type { UnpackLimits } from '../github/tarball.js';
import { pullCriteria, type PullCriteria } from './pull-criteria.js';
import { migrationStatus, type MigrationStatus } from './status.js';
import type { Phase } from '../manifest/timeline.js';
import type { Plan } from '../plan/plan.js';
import type { GitHub } from '../github/octokit.js';

/** Everything `status` found: the one report its presenter turns into logs, summary, JSON and outputs. */
export interface StatusReport {
  source: string;
  today: string;
  phase: Phase;
  oldHost: string;
  newHost: string;
  plan: Plan;
  status: MigrationStatus;
  /** The reference census (`--scan-repos`). */
  census?: Census;
  /** Which evidence judged the references part of the exit criteria. */
  evidence: ReferenceEvidence;
  /** What still pulls from the old registry (`--evidence`), and the criteria judged from it. */
  pulls: { evidence?: PullEvidence; criteria: PullCriteria };
}

/** What `status` is asked to look at. */
export interface StatusInputs {
  manifest: Manifest;
  old: RegistryClient;
  next: RegistryClient;
  today: string;
  cwd: string;
  newest: number;
  concurrency: number;
  /** References files from guard --export-refs. */
  refs: readonly string[];
  /** The census (`--scan-repos`), when a GitHub client is given. */
  census?: {
    github: GitHub;
    serverUrl: string;
    cacheFile?: string;
    limits?: UnpackLimits;
    exclude?: string[];
  };
  /** Pull evidence files (`--evidence`), the window's days and its end. */
  pulls?: { files: readonly string[]; days: number; now: number };
  /** Progress and notes, one line each (the command sends them to the log). */
  log: (line: string) => void;
}

/**
 * Gathers the status: both registries against the plan, the census of references, the pull evidence,
 * and the exit criteria merged from all three. Domain code: it never prints; `log` receives its lines.
 */
export async function gatherStatus(inputs: StatusInputs): Promise<StatusReport> {
  const { manifest, log } = inputs;
  const refsFiles = await Promise.all(
    inputs.refs.map(async (file) => ({ file, refs: await readRefsFile(path.resolve(inputs.cwd, file)) })),
  );
  const plan = planMigration(manifest);
  // Read first: the pulled: copy rules choose from it.
  const pullEvidence = inputs.pulls
    ? await collectPullEvidence({
        files: inputs.pulls.files,
        days: inputs.pulls.days,
        now: inputs.pulls.now,
        registries: manifest.registries,
        cwd: inputs.cwd,
      })
    : undefined;
  let asked = 0;
  const progress = new ProgressLine(
    log,
    (seconds) => `status: ${asked} images and pinned references checked (${seconds.toFixed(0)} s)`,
  );
  const result = await migrationStatus({
    manifest,
    plan,
    old: inputs.old,
    next: inputs.next,
    newest: inputs.newest,
    concurrency: inputs.concurrency,
    refsFiles,
    ...(pullEvidence && { pulls: pullEvidence }),
    onProgress: () => {
      asked++;
      progress.tick();
    },
  });
  progress.done();
  const census = inputs.census ? await censusOf(inputs, inputs.census) : undefined;
  const evidence = referenceEvidence(census, refsFiles);
  const criteria = pullCriteria(pullEvidence, manifest.registries.old.host);
  const reasons = [...result.exitCriteria.reasons, ...evidence.reasons, ...criteria.reasons];
  result.exitCriteria = { met: reasons.length === 0, reasons };
  return {
    evidence,
    ...(census && { census }),
    pulls: { ...(pullEvidence && { evidence: pullEvidence }), criteria },
    source: manifest.source,
    today: inputs.today,
    phase: phaseAt(manifest.timeline, inputs.today),
    oldHost: manifest.registries.old.host,
    newHost: manifest.registries.new.host,
    plan,
    status: result,
  };
}

async function censusOf(inputs: StatusInputs, how: NonNullable<StatusInputs['census']>): Promise<Census> {
  let read = 0;
  const total = inputs.manifest.repos.length;
  const progress = new ProgressLine(
    inputs.log,
    (seconds) => `census: ${read}/${total} repositories read (${seconds.toFixed(0)} s)`,
  );
  const census = await takeCensus({
    manifest: inputs.manifest,
    github: how.github,
    today: inputs.today,
    concurrency: inputs.concurrency,
    serverUrl: how.serverUrl,
    ...(how.limits && { limits: how.limits }),
    ...(how.exclude && { exclude: how.exclude }),
    ...(how.cacheFile !== undefined && { cacheFile: how.cacheFile }),
    onProgress: (done) => {
      read = done;
      progress.tick();
    },
  });
  progress.done();
  inputs.log(
    `census: ${census.repos.length} repositories in ${(census.elapsedMs / 1000).toFixed(1)} s, ${census.requests} GitHub requests (${census.repos.filter((r) => r.cached).length} unchanged since the cache)`,
  );
  return census;
}
