/**
 * How a guard run is shown: log lines, annotations (capped in an action, where GitHub shows about
 * ten per type and step), the job summary grouped by file, the --json document, the action outputs
 * and, with --renovate, the configuration printed on stdout.
 */
import type { CommandResult, EntryPoint } from '../cli/command.js';
import { code, escapeMarkdown, formatBytes, table } from '../shared/markdown.js';
import { annotateAll, type Annotation, type Reporter } from '../shared/reporter.js';
import { isNotUtf8 } from './files.js';
import { categoryOf, type Finding } from './finding.js';
import { positionKey, type GuardReport } from './guard.js';

/** GitHub shows about ten annotations per type and step; the summary and --json carry the rest. */
const ACTION_ANNOTATIONS = 50;
const SUMMARY_ROWS = 1000;

/** Where and how to present: the reporter, the entry point, whether --json was asked for. */
export interface Presentation {
  reporter: Reporter;
  entry: EntryPoint;
  json: boolean;
  /** Build the job summary (false: nothing would write it). Default true. */
  summary?: boolean;
  /**
   * The run is a step of a GitHub workflow (the CLI there writes annotations as workflow commands),
   * where GitHub shows only a few annotations per step: they are capped as in the action.
   */
  inWorkflow?: boolean;
}

/** Turns a guard report into everything the user sees, and the command's result. */
export function presentGuard(
  report: GuardReport,
  { reporter, entry, json, summary = true, inWorkflow = false }: Presentation,
): CommandResult {
  const { hosts, scan, findings, counted, open, fixes, policy, today, refs } = report;
  const errors = open.filter((finding) => finding.severity === 'error').length;
  const warnings = open.filter((finding) => finding.severity === 'warning').length;
  const ignored = findings.length - counted.length;
  const skipped = Object.values(scan.stats.skipped).reduce((sum, count) => sum + count, 0);
  // Annotations: capped in a workflow (GitHub shows only a few per step); none in the CLI's
  // --json outside one, where the document on stdout lists every finding with its place and
  // thousands of lines repeating it on stderr would be noise beside the machine output.
  if (entry === 'action' || inWorkflow) annotate(reporter, report, ACTION_ANNOTATIONS);
  else if (!json) annotate(reporter, report, Infinity);
  reporter.info(
    `guard: ${counted.length} reference${counted.length === 1 ? '' : 's'} to ${hosts.old} in ${new Set(counted.map((f) => f.file)).size} files (${ignored} ignored); ${scan.stats.scanned} files searched, ${skipped} skipped`,
  );
  reporter.info(`on ${today}: ${policy.severity} — ${policy.message}`);
  for (const fix of fixes ?? []) {
    if (fix.review) reporter.info(`${positionKey(fix)}: ${fix.review}, not rewritten: ${fix.reason}`);
    else if (!fix.rewritten) reporter.warning(`${positionKey(fix)}: not rewritten: ${fix.reason}`);
    else if (fix.note) reporter.warning(`${positionKey(fix)}: ${fix.note}`);
  }
  if (fixes)
    reporter.info(
      `fix: ${fixes.filter((fix) => fix.rewritten).length} of ${fixes.length} references rewritten`,
    );
  if (report.exportRefs && refs)
    reporter.info(`wrote ${refs.references.length} references to ${report.exportRefs}`);
  if (summary) reporter.summary(summaryOf(report));
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
      root: report.root,
      registry: hosts.old,
      policy,
      counts: {
        findings: counted.length,
        errors,
        warnings,
        ignored,
        skipped,
        rewritten: report.rewritten.size,
      },
      findings: counted.map((finding) => jsonOf(finding, report.unavailable)),
      ignored: findings
        .filter((finding) => finding.ignored)
        .map((finding) => ({ ...jsonOf(finding), ignoredBy: finding.ignored })),
      scan: scan.stats,
      notes: scan.notes,
      ...(fixes && { fix: fixes }),
      ...(report.exportRefs && refs && { exportRefs: { file: report.exportRefs, ...refs } }),
      ...(report.renovate && { renovate: report.renovate }),
    },
    ...(report.renovate && !json && { stdout: `${JSON.stringify(report.renovate, null, 2)}\n` }),
  };
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
    category: categoryOf(finding),
    ...(finding.review && { review: finding.review.reason }),
    ...(finding.note && { note: finding.note }),
    severity: finding.severity,
    replacement: finding.replacement,
    dynamic: finding.dynamic,
    ...(unavailable && {
      inNewRegistry: missing === undefined,
      ...(missing !== undefined && { reason: missing }),
    }),
  };
}

function annotate(reporter: Reporter, report: GuardReport, limit: number): void {
  const { counted: findings, rewritten, policy } = report;
  const shown = findings.length > limit ? findings.slice(0, limit) : findings;
  // All at once: a reporter may write thousands of them in one go.
  annotateAll(
    reporter,
    shown.map((finding): Annotation => {
      const fixed = rewritten.size > 0 && rewritten.has(positionKey(finding));
      const message = fixed
        ? `rewritten: ${finding.normalized} → ${finding.replacement}`
        : finding.review
          ? `${finding.normalized} (${finding.review.category}): ${finding.review.reason}`
          : `${finding.normalized} (${finding.kind}): ${policy.message}; use ${finding.replacement}`;
      // GitHub cannot point at a file whose name is not UTF-8: the message names it (escaped) instead.
      const unnamed = isNotUtf8(finding.file);
      return {
        severity: fixed ? 'info' : finding.severity,
        title: 'cutover guard: old registry reference',
        ...(unnamed
          ? {
              message: `${positionKey(finding)} (a file name that is not UTF-8, bytes shown as \\xHH): ${message}`,
            }
          : { file: finding.file, line: finding.line, column: finding.column, message }),
      };
    }),
  );
  if (shown.length < findings.length)
    reporter.info(
      `${findings.length - shown.length} more findings are listed in the job summary and the json output`,
    );
}

function summaryOf(report: GuardReport): string {
  const { today, policy, hosts, scan, findings, counted, fixes, unavailable } = report;
  const icon = { info: 'ℹ️', warning: '⚠️', error: '❌' }[policy.severity];
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
  const byKind = new Map<string, Finding[]>();
  for (const finding of counted) byKind.set(finding.kind, [...(byKind.get(finding.kind) ?? []), finding]);
  if (byKind.size > 0) {
    lines.push(
      '',
      '#### By kind',
      '',
      table(
        ['Kind', 'Findings', 'Files', 'With variables (dynamic)'],
        [...byKind]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([kind, list]) => [
            kind,
            list.length,
            new Set(list.map((finding) => finding.file)).size,
            list.filter((finding) => finding.dynamic).length,
          ]),
      ),
    );
  }
  if (byKind.size > 1) {
    lines.push(
      '',
      '```mermaid',
      'pie title Findings by kind',
      ...[...byKind].map(([kind, list]) => `  "${kind}" : ${list.length}`),
      '```',
    );
  }
  const outcome = new Map((fixes ?? []).map((fix) => [positionKey(fix), fix]));
  let rows = 0;
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  for (const [file, list] of byFile) {
    if (rows >= SUMMARY_ROWS) break;
    const shown = list.slice(0, SUMMARY_ROWS - rows);
    rows += shown.length;
    lines.push(
      '',
      ...(rows === shown.length ? ['#### By file', ''] : []),
      `#### ${code(file)} (${list.length})`,
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
          const fix = outcome.get(positionKey(finding));
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
        scan.notes.map((note) => [
          code(note.file),
          escapeMarkdown(note.reason),
          escapeMarkdown(note.detail ?? ''),
        ]),
      ),
    );
  }
  return lines.join('\n');
}
