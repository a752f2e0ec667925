/**
 * guard's domain story: scan the tree, judge the findings by the timeline, optionally check the
 * replacements in the new registry, fix, export. It returns one {@link GuardReport}; present.ts
 * turns that into log lines, annotations, the job summary, --json and outputs. Nothing here prints.
 */
import path from 'node:path';
import { buildRefsFile, writeRefsFile } from '../copy/refs-file.js';
import type { Manifest } from '../manifest/model.js';
import type { ReferencePolicy } from '../manifest/timeline.js';
import type { SecretRegistry } from '../shared/secrets.js';
import type { Finding, Hosts } from './finding.js';
import { applyFixes, type FixOutcome } from './fix.js';
import { applyPolicy } from './policy.js';
import type { ReaderPool } from './readers.js';
import { exportedPrefixes, exportedReferences } from './refs-file.js';
import { renovateConfig, type RenovateRule } from './renovate.js';
import { scanTree, type ScanResult, type ScanStats } from './scan.js';

/** What one guard run is asked to do. */
export interface GuardRequest {
  manifest: Manifest;
  /** The directory scanned (absolute). */
  root: string;
  /** The working directory, which the manifest's own path and --export-refs are relative to. */
  cwd: string;
  today: string;
  maxFileSize: number;
  /** Reader threads started early (they boot while the manifest is read). */
  readers: ReaderPool;
  fix: boolean;
  /** With fix: rewrite Markdown prose too. */
  fixDocs: boolean;
  verify: boolean;
  /** --export-refs: the file to write, as given (relative to cwd). */
  exportRefs?: string;
  renovate: boolean;
  env: NodeJS.ProcessEnv;
  secrets: SecretRegistry;
  onProgress?: (stats: ScanStats) => void;
}

/** Everything a guard run found and did, for present.ts. */
export interface GuardReport {
  today: string;
  root: string;
  hosts: Hosts;
  policy: ReferencePolicy;
  scan: ScanResult;
  /** Every finding, ignored ones included, with its severity. */
  findings: Finding[];
  /** The findings that count (not ignored). */
  counted: Finding[];
  /** Counted findings --fix did not rewrite: what is still there. */
  open: Finding[];
  /** With --verify: the findings whose replacement is not in the new registry, with the reason. */
  unavailable?: ReadonlyMap<Finding, string>;
  /** With --fix: what happened to each finding. */
  fixes?: FixOutcome[];
  /** `file:line:column` of every finding --fix rewrote. */
  rewritten: ReadonlySet<string>;
  /** With --export-refs: the references written for copy-tags --refs. */
  refs?: ReturnType<typeof buildRefsFile>;
  exportRefs?: string;
  renovate?: { $schema: string; packageRules: RenovateRule[] };
}

/** The key --fix outcomes and findings share. */
export const positionKey = (at: { file: string; line: number; column: number }) =>
  `${at.file}:${at.line}:${at.column}`;

/** Runs guard over a tree; closes the reader threads. */
export async function guardTree(request: GuardRequest): Promise<GuardReport> {
  const { manifest, root, today } = request;
  const hosts = hostsOf(manifest);
  const scan = await scanTree({
    root,
    hosts,
    maxFileSize: request.maxFileSize,
    exclude: manifestInside(manifest, request.cwd, root),
    readers: request.readers,
    ...(request.onProgress && { onProgress: request.onProgress }),
  });
  const { policy, findings } = applyPolicy(scan.findings, manifest, today);
  const counted = findings.filter((finding) => !finding.ignored);
  // Loaded on demand: the registry client (http, crypto) would cost every other run its start-up time.
  const unavailable = request.verify
    ? await (await import('./verify.js')).verifyInNewRegistry(manifest, counted, request.env, request.secrets)
    : undefined;
  const held = new Map(unavailable ?? []);
  for (const finding of findings) if (finding.review) held.set(finding, finding.review.reason);
  if (!request.fixDocs)
    for (const finding of findings)
      if (finding.prose && !held.has(finding))
        held.set(finding, 'Markdown prose: rewritten only with --fix-docs');
  const { new: next } = manifest.registries;
  const goFiles = new Map<string, Buffer>();
  const fixes = request.fix
    ? applyFixes(root, findings, held, [...new Set([next.host, ...next.aliases])], goFiles)
    : undefined;
  if (fixes && goFiles.size > 0) await (await import('./gofmt.js')).confirmAlignment(root, fixes, goFiles);
  const rewritten = new Set((fixes ?? []).filter((fix) => fix.rewritten).map(positionKey));
  const open =
    rewritten.size === 0 ? counted : counted.filter((finding) => !rewritten.has(positionKey(finding)));
  // Only --export-refs writes them: thousands of findings are not copied and sorted for nothing.
  const refs = request.exportRefs
    ? buildRefsFile(hosts.old, exportedReferences(findings), exportedPrefixes(findings))
    : undefined;
  if (request.exportRefs && refs)
    await writeRefsFile(
      path.resolve(request.cwd, request.exportRefs),
      hosts.old,
      refs.references,
      refs.prefixes,
    );
  return {
    today,
    root,
    hosts,
    policy,
    scan,
    findings,
    counted,
    open,
    ...(unavailable && { unavailable }),
    ...(fixes && { fixes }),
    rewritten,
    ...(refs && { refs }),
    ...(request.exportRefs && { exportRefs: request.exportRefs }),
    ...(request.renovate && { renovate: renovateConfig(manifest) }),
  };
}

/** The migration's names as the scanner needs them. */
export function hostsOf(manifest: Manifest): Hosts {
  const { old, new: next } = manifest.registries;
  return {
    old: old.host,
    oldNames: [...new Set([old.host, ...old.aliases])],
    newHost: next.host,
    paths: manifest.paths,
  };
}

/** The manifest names the old host by design; when it lives in the scanned tree it is not a finding. */
function manifestInside(manifest: Manifest, cwd: string, root: string): Set<string> {
  const relative = path.relative(root, path.resolve(cwd, manifest.source));
  return relative.startsWith('..') || path.isAbsolute(relative)
    ? new Set()
    : new Set([relative.split(path.sep).join('/')]);
}
