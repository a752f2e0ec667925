import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../shared/errors.js';
import type { Manifest } from '../manifest/model.js';
import type { ReferencePolicy } from '../manifest/timeline.js';
import { cell, formatBytes, table } from '../shared/markdown.js';
import { ProgressLine, formatRate } from '../shared/progress.js';
import type { Reporter } from '../shared/reporter.js';
import type { Finding, Hosts } from './finding.js';
import { applyFixes, type FixOutcome } from './fix.js';
import { applyPolicy } from './policy.js';
import { buildRefsFile, writeRefsFile } from '../copy/refs-file.js';
import { exportedReferences } from './refs-file.js';
import { renovateConfig } from './renovate.js';
import { startReaders } from './readers.js';
import { scanTree, type ScanResult } from './scan.js';
import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';

const DEFAULT_MAX_FILE_SIZE = '10MB';
/** GitHub shows about ten annotations per type and step; the summary carries the rest. */
const ACTION_ANNOTATIONS = 50;
const SUMMARY_ROWS = 1000;

/** `cutover guard`: finds references to the retiring registry, judges them by the timeline, fixes them on request. */
export const guard = defineCommand({
  name: 'guard',
  summary:
    'Find every reference to the old registry (Dockerfiles, Compose, Kubernetes, Helm, workflows, scripts, any text); warn before the cutoff, fail after, fix on request.',
  options: {
    path: option.string('The directory to scan.', { default: '.' }),
    fix: option.boolean(
      'Rewrite the references in place to the new registry (paths mapping applied), changing nothing else. CLI only: an action never edits the checkout.',
      { cliOnly: true },
    ),
    verify: option.boolean(
      'Check that each replacement (tag or digest) exists in the new registry; with --fix, rewrite only those.',
    ),
    renovate: option.boolean('Print a Renovate configuration (packageRules) that proposes the same moves.', {
      cliOnly: true,
    }),
    'export-refs': option.string(
      'Write the old-registry references found (repository, tag, digest) to this file, for copy-tags --refs.',
    ),
    'max-file-size': option.size('Skip (and count) files larger than this, e.g. 10MB, 512k.', {
      default: DEFAULT_MAX_FILE_SIZE,
    }),
  },
  outputs: [
    { name: 'findings', description: 'References to the old registry found (not counting ignored ones).' },
    { name: 'errors', description: 'Findings that fail the check (from guard.fail-from).' },
    { name: 'warnings', description: 'Findings reported as warnings (days left before they fail).' },
    { name: 'ignored', description: 'Findings ignored by allow-lists or inline "cutover: ignore".' },
    { name: 'skipped', description: 'Files not searched: binary, too large, unreadable, symlink loops.' },
  ],
  async run({ options, manifest: load, today, reporter, env, cwd, secrets, entry }) {
    // parse (the reader threads boot meanwhile)
    const readers = startReaders();
    const { manifest, root, hosts, exclude } = await (async () => {
      const manifest = await load();
      const root = path.resolve(cwd, options.path);
      if (!statSync(root, { throwIfNoEntry: false })?.isDirectory())
        throw new UsageError(
          `--path: expected a directory to scan, found ${existsSync(root) ? 'a file' : 'nothing'} at ${root}`,
        );
      return { manifest, root, hosts: hostsOf(manifest), exclude: manifestInside(manifest, cwd, root) };
    })().catch(async (error: unknown) => {
      await readers.close();
      throw error;
    });
    // do
    const stats = { files: 0, bytes: 0, parsed: 0 };
    const progress = new ProgressLine(
      (line) => reporter.info(line),
      (seconds) =>
        `guard: ${stats.files} files, ${formatBytes(stats.bytes)} searched (${formatRate(stats.bytes, seconds)}), ${stats.parsed} containing ${hosts.old}`,
    );
    const scan = await scanTree({
      root,
      hosts,
      maxFileSize: options['max-file-size'],
      exclude,
      readers,
      onProgress: (current) => {
        Object.assign(stats, { files: current.files, bytes: current.bytes, parsed: current.parsed });
        progress.tick();
      },
    });
    progress.done();
    const { policy, findings } = applyPolicy(scan.findings, manifest, today);
    const counted = findings.filter((finding) => !finding.ignored);
    // Loaded on demand: the registry client (http, crypto) would cost every other run its start-up time.
    const unavailable = options.verify
      ? await (await import('./verify.js')).verifyInNewRegistry(manifest, counted, env, secrets)
      : undefined;
    const fixes = options.fix ? applyFixes(root, findings, unavailable ?? new Map()) : undefined;
    const rewritten = new Set(
      (fixes ?? []).filter((fix) => fix.rewritten).map((fix) => `${fix.file}:${fix.line}:${fix.column}`),
    );
    const open = counted.filter(
      (finding) => !rewritten.has(`${finding.file}:${finding.line}:${finding.column}`),
    );
    const refs = buildRefsFile(hosts.old, exportedReferences(findings));
    if (options['export-refs'])
      await writeRefsFile(path.resolve(cwd, options['export-refs']), hosts.old, refs.references);
    const renovate = options.renovate ? renovateConfig(manifest) : undefined;
    // report
    const errors = open.filter((finding) => finding.severity === 'error').length;
    const warnings = open.filter((finding) => finding.severity === 'warning').length;
    const ignored = findings.length - counted.length;
    const skipped = Object.values(scan.stats.skipped).reduce((sum, count) => sum + count, 0);
    annotate(reporter, counted, policy, rewritten, entry === 'action');
    reporter.info(
      `guard: ${counted.length} reference${counted.length === 1 ? '' : 's'} to ${hosts.old} in ${new Set(counted.map((f) => f.file)).size} files (${ignored} ignored); ${scan.stats.scanned} files searched, ${skipped} skipped`,
    );
    reporter.info(`on ${today}: ${policy.severity} — ${policy.message}`);
    for (const fix of fixes ?? []) {
      if (!fix.rewritten)
        reporter.warning(`${fix.file}:${fix.line}:${fix.column}: not rewritten: ${fix.reason}`);
    }
    if (fixes)
      reporter.info(
        `fix: ${fixes.filter((fix) => fix.rewritten).length} of ${fixes.length} references rewritten`,
      );
    if (options['export-refs'])
      reporter.info(`wrote ${refs.references.length} references to ${options['export-refs']}`);
    if (renovate && !options.json) process.stdout.write(`${JSON.stringify(renovate, null, 2)}\n`);
    reporter.summary(summaryOf(today, policy, hosts, scan, findings, fixes, unavailable));
    return {
      exitCode: errors > 0 ? 1 : 0,
      ...(errors > 0 && {
        failureMessage: `${errors} reference${errors === 1 ? '' : 's'} to the old registry ${hosts.old}: ${policy.message}`,
      }),
      outputs: {
        findings: String(counted.length),
        errors: String(errors),
        warnings: String(warnings),
        ignored: String(ignored),
        skipped: String(skipped),
      },
      json: {
        today,
        root,
        registry: hosts.old,
        policy,
        counts: { findings: counted.length, errors, warnings, ignored, skipped, rewritten: rewritten.size },
        findings: counted.map((finding) => jsonOf(finding, unavailable)),
        ignored: findings
          .filter((finding) => finding.ignored)
          .map((finding) => ({ ...jsonOf(finding), ignoredBy: finding.ignored })),
        scan: scan.stats,
        notes: scan.notes,
        ...(fixes && { fix: fixes }),
        ...(options['export-refs'] && { exportRefs: { file: options['export-refs'], ...refs } }),
        ...(renovate && { renovate }),
      },
    };
  },
});

function hostsOf(manifest: Manifest): Hosts {
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

function jsonOf(finding: Finding, unavailable?: ReadonlyMap<Finding, string>) {
  const missing = unavailable?.get(finding);
  return {
    file: finding.file,
    line: finding.line,
    column: finding.column,
    reference: finding.reference,
    normalized: finding.normalized,
    kind: finding.kind,
    severity: finding.severity,
    replacement: finding.replacement,
    ...(unavailable && {
      inNewRegistry: missing === undefined,
      ...(missing !== undefined && { reason: missing }),
    }),
  };
}

function annotate(
  reporter: Reporter,
  findings: readonly Finding[],
  policy: ReferencePolicy,
  rewritten: ReadonlySet<string>,
  inAction: boolean,
): void {
  const shown = inAction ? findings.slice(0, ACTION_ANNOTATIONS) : findings;
  for (const finding of shown) {
    const fixed = rewritten.has(`${finding.file}:${finding.line}:${finding.column}`);
    reporter.annotate({
      severity: fixed ? 'info' : finding.severity,
      title: 'cutover guard: old registry reference',
      file: finding.file,
      line: finding.line,
      column: finding.column,
      message: fixed
        ? `rewritten: ${finding.normalized} → ${finding.replacement}`
        : `${finding.normalized} (${finding.kind}): ${policy.message}; use ${finding.replacement}`,
    });
  }
  if (shown.length < findings.length)
    reporter.info(
      `${findings.length - shown.length} more findings are listed in the job summary and the json output`,
    );
}

function summaryOf(
  today: string,
  policy: ReferencePolicy,
  hosts: Hosts,
  scan: ScanResult,
  findings: readonly Finding[],
  fixes: readonly FixOutcome[] | undefined,
  unavailable: ReadonlyMap<Finding, string> | undefined,
): string {
  const icon = { info: 'ℹ️', warning: '⚠️', error: '❌' }[policy.severity];
  const counted = findings.filter((finding) => !finding.ignored);
  const { stats } = scan;
  const lines = [
    `### cutover guard: references to \`${hosts.old}\``,
    '',
    `${icon} On **${today}**: ${counted.length} reference${counted.length === 1 ? '' : 's'} (${policy.severity}) — ${policy.message}.`,
    '',
    table(
      [
        'Files listed',
        'Searched',
        'Bytes',
        'Parsed',
        'Skipped: binary',
        'too large',
        'unreadable',
        'symlink loops',
        'not a file',
        'Invalid UTF-8',
        'Findings',
        'Ignored',
      ],
      [
        [
          stats.files,
          stats.scanned,
          formatBytes(stats.bytes),
          stats.parsed,
          stats.skipped.binary,
          stats.skipped['too large'],
          stats.skipped.unreadable,
          stats.skipped['symlink loop'],
          stats.skipped['not a file'],
          stats.invalidUtf8,
          counted.length,
          findings.length - counted.length,
        ],
      ],
    ),
  ];
  const byKind = new Map<string, number>();
  for (const finding of counted) byKind.set(finding.kind, (byKind.get(finding.kind) ?? 0) + 1);
  if (byKind.size > 1) {
    lines.push(
      '',
      '```mermaid',
      'pie title Findings by kind',
      ...[...byKind].map(([kind, n]) => `  "${kind}" : ${n}`),
      '```',
    );
  }
  const outcome = new Map((fixes ?? []).map((fix) => [`${fix.file}:${fix.line}:${fix.column}`, fix]));
  let rows = 0;
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  for (const [file, list] of byFile) {
    if (rows >= SUMMARY_ROWS) break;
    const shown = list.slice(0, SUMMARY_ROWS - rows);
    rows += shown.length;
    lines.push(
      '',
      `#### \`${cell(file)}\` (${list.length})`,
      '',
      table(
        [
          'Line:col',
          'Reference',
          'Kind',
          'Severity',
          'Replacement',
          ...(fixes || unavailable ? ['Fix'] : []),
        ],
        shown.map((finding) => {
          const fix = outcome.get(`${finding.file}:${finding.line}:${finding.column}`);
          const missing = unavailable?.get(finding);
          const status = fix
            ? fix.rewritten
              ? '✅ rewritten'
              : `not rewritten: ${fix.reason}`
            : missing
              ? `⛔ ${missing}`
              : unavailable
                ? '✅ in new registry'
                : '';
          return [
            `${finding.line}:${finding.column}`,
            `\`${finding.reference}\``,
            finding.kind,
            finding.ignored ? `ignored (${finding.ignored})` : finding.severity,
            `\`${finding.replacement}\``,
            ...(fixes || unavailable ? [status] : []),
          ];
        }),
      ),
    );
  }
  if (rows < findings.length) lines.push('', `… ${findings.length - rows} more findings in the json output.`);
  if (scan.notes.length > 0) {
    lines.push(
      '',
      '#### Files not searched normally',
      '',
      table(
        ['File', 'Reason', 'Detail'],
        scan.notes.map((note) => [note.file, note.reason, note.detail ?? '']),
      ),
    );
  }
  return lines.join('\n');
}
