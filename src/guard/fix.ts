import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { replaceFileSync } from '../shared/tree-writer.js';
import { displayName, treePath } from './files.js';
import type { Edit, Finding, Review } from './finding.js';
import { notText } from './text-check.js';

/** What --fix did with one finding. */
export interface FixOutcome {
  file: string;
  line: number;
  column: number;
  reference: string;
  replacement: string;
  rewritten: boolean;
  /** Why it was left alone. */
  reason?: string;
  /** Something to do after the rewrite (e.g. run gofmt). */
  note?: string;
  /** Reported for review, never rewritten: compat, history or vendored. */
  review?: Review['category'];
}

const spanKey = (edit: Edit) => `${edit.start}:${edit.end}`;

/**
 * Rewrites findings in place, byte for byte: each accepted finding's edits are spliced into the file
 * at their offsets and nothing else changes (line endings, comments, encoding stay). `refuse` may
 * hold a finding back with a reason (for example: not in the new registry). An edit shared by
 * several findings (one ARG default used by two FROM lines) is applied only when all of them are
 * accepted. Files are replaced atomically, keeping their mode.
 *
 * A reference on a command line (shell continuations joined) that also names the new registry — `skopeo
 * copy docker://old/x docker://new/x`, `crane cp`, `docker tag old/x new/x` — is a step of the
 * migration itself: rewritten, it would copy the new registry onto itself, so it is held back with
 * the reason. `newRegistry` lists the new registry's names.
 */
export function applyFixes(
  root: string,
  findings: readonly Finding[],
  refused: ReadonlyMap<Finding, string>,
  newRegistry: readonly string[] = [],
  /** Filled with the bytes before the rewrite of each Go file whose alignment may change (for gofmt). */
  goFiles?: Map<string, Buffer>,
): FixOutcome[] {
  const outcomes: FixOutcome[] = [];
  const realRoot = realpathSync(root);
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.ignored) continue;
    byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  }
  for (const [file, fileFindings] of byFile) {
    const reasons = new Map<Finding, string>();
    for (const finding of fileFindings) {
      const reason = refused.get(finding) ?? finding.unfixable;
      if (reason !== undefined) reasons.set(finding, reason);
    }
    const users = new Map<string, Finding[]>();
    for (const finding of fileFindings)
      for (const edit of finding.edits)
        users.set(spanKey(edit), [...(users.get(spanKey(edit)) ?? []), finding]);
    // An edit whose span is shared must be wanted by every finding using it, and spans must not overlap.
    for (let changed = true; changed;) {
      changed = false;
      for (const [key, sharing] of users) {
        const held = sharing.find((finding) => reasons.has(finding));
        if (!held) continue;
        for (const finding of sharing) {
          if (reasons.has(finding)) continue;
          reasons.set(
            finding,
            `shares text at byte ${key.split(':')[0]} with ${held.normalized}, which is not rewritten`,
          );
          changed = true;
        }
      }
    }
    // A Buffer when the name is not plain UTF-8: the file is found, read and replaced by its bytes.
    const full = treePath(root, file);
    let bytes: Buffer;
    try {
      // Replacing a symlink with a file would change the tree's shape; its target is fixed where it lives.
      if (lstatSync(full).isSymbolicLink()) throw new Error('a symbolic link: fix the file it points to');
      staysInside(realRoot, root, file);
      bytes = readFileSync(full);
    } catch (error) {
      for (const finding of fileFindings) reasons.set(finding, (error as Error).message);
      bytes = Buffer.alloc(0);
    }
    for (const finding of fileFindings) {
      if (reasons.has(finding) || bytes.length === 0 || !COMMAND_KINDS.has(finding.kind)) continue;
      const named = registryNamedOn(logicalLine(bytes, finding.offset), newRegistry);
      if (named)
        reasons.set(
          finding,
          `this line also names the new registry ${named}: a copy from the old registry to the new one, which the rewrite would turn into a copy of the new registry onto itself; delete the step once the migration is done, or mark it "cutover: ignore"`,
        );
    }
    const edits = new Map<string, Edit>();
    for (const finding of fileFindings) {
      if (reasons.has(finding)) continue;
      for (const edit of finding.edits) {
        const current = bytes.toString('latin1', edit.start, edit.end);
        if (current !== edit.expect) {
          reasons.set(
            finding,
            `the file changed since the scan (expected "${edit.expect}" at byte ${edit.start})`,
          );
          break;
        }
        const earlier = edits.get(spanKey(edit));
        if (earlier && earlier.text !== edit.text) {
          reasons.set(finding, `conflicting rewrites of "${edit.expect}" at byte ${edit.start}`);
          break;
        }
      }
      if (!reasons.has(finding)) for (const edit of finding.edits) edits.set(spanKey(edit), edit);
    }
    const ordered = [...edits.values()].sort((a, b) => a.start - b.start);
    // Checked at the moment of writing, over the whole file: a NUL after the first kilobytes, a
    // binary format or bytes that are not UTF-8 mean it is not text, whatever the scan saw.
    const binary = ordered.length > 0 ? notText(bytes, ordered) : undefined;
    if (binary !== undefined) {
      for (const finding of fileFindings) if (!reasons.has(finding)) reasons.set(finding, binary);
      ordered.length = 0;
    }
    const overlapping = ordered.some((edit, index) => index > 0 && edit.start < ordered[index - 1]!.end);
    if (overlapping) {
      for (const finding of fileFindings)
        if (!reasons.has(finding)) reasons.set(finding, 'overlapping rewrites in this file; fix by hand');
    } else if (ordered.length > 0) {
      const pieces: Buffer[] = [];
      let at = 0;
      for (const edit of ordered) {
        pieces.push(bytes.subarray(at, edit.start), Buffer.from(edit.text, 'latin1'));
        at = edit.end;
      }
      pieces.push(bytes.subarray(at));
      try {
        // Written through the folder checked, held open (tree-writer.ts): a folder swapped for a link
        // since the check above makes the write fail instead of leaving the tree.
        replaceFileSync(treePath(realRoot, file), Buffer.concat(pieces), lstatSync(full).mode & 0o7777);
      } catch (error) {
        for (const finding of fileFindings)
          if (!reasons.has(finding)) reasons.set(finding, `not written: ${(error as Error).message}`);
      }
    }
    const realigned = /\.go$/.test(file) ? goAlignment(bytes, ordered) : new Set<number>();
    if (realigned.size > 0) goFiles?.set(file, bytes);
    for (const finding of fileFindings) {
      const reason = reasons.get(finding);
      const note =
        reason !== undefined
          ? undefined
          : finding.edits.some((edit) => realigned.has(edit.start))
            ? ALIGNMENT_NOTE
            : finding.note;
      outcomes.push({
        ...(note && { note }),
        ...(finding.review && { review: finding.review.category }),
        file,
        line: finding.line,
        column: finding.column,
        reference: finding.reference,
        replacement: finding.replacement,
        rewritten: reason === undefined,
        ...(reason !== undefined && { reason }),
      });
    }
  }
  return outcomes;
}

/** The note on a rewrite that may change a column-aligned Go block (confirmed with gofmt where it is installed). */
export const ALIGNMENT_NOTE = 'the rewrite changes the width of a column-aligned Go block: run gofmt';

/**
 * Kinds found on command lines and in plain text, where a line naming both registries is a copy or a
 * retag; an image key in YAML or a FROM line holds one image.
 */
const COMMAND_KINDS: ReadonlySet<Finding['kind']> = new Set([
  'shell-docker',
  'shell-tool',
  'dynamic',
  'registry-prefix',
  'text',
]);

/** The line holding byte `offset`, with the lines a trailing backslash joins to it (one shell command). */
function logicalLine(bytes: Buffer, offset: number): string {
  const continued = (newline: number) => bytes[newline - (bytes[newline - 1] === 0x0d ? 2 : 1)] === 0x5c;
  let start = offset > 0 ? bytes.lastIndexOf(0x0a, offset - 1) + 1 : 0;
  while (start > 0 && continued(start - 1)) start = start > 1 ? bytes.lastIndexOf(0x0a, start - 2) + 1 : 0;
  let end = bytes.indexOf(0x0a, offset);
  while (end >= 0 && continued(end)) end = bytes.indexOf(0x0a, end + 1);
  return bytes.toString('latin1', start, end < 0 ? bytes.length : end);
}

/** A character that continues a host name (so a name found next to it is part of a longer one). */
const inHostName = (char: string | undefined) => char !== undefined && /[a-z0-9.-]/.test(char);

/** The first of `names` written in `line` as a registry host (any letter case, not inside a longer host name). */
function registryNamedOn(line: string, names: readonly string[]): string | undefined {
  const text = line.toLowerCase();
  for (const name of names) {
    const host = name.toLowerCase();
    for (let at = text.indexOf(host); at >= 0; at = text.indexOf(host, at + 1)) {
      if (!inHostName(text[at - 1]) && !inHostName(text[at + host.length])) return name;
    }
  }
  return undefined;
}

/**
 * Refuses a file that is not inside the root once resolved, or that is reached through a
 * symbolically linked directory (outside git, the walk follows those; --fix never writes through them).
 */
function staysInside(realRoot: string, root: string, file: string): void {
  const parts = file.split('/');
  for (let depth = 1; depth < parts.length; depth++) {
    const folder = parts.slice(0, depth).join('/');
    if (lstatSync(treePath(root, folder)).isSymbolicLink())
      throw new Error(`inside ${folder}, a symbolic link to a directory: not written through`);
  }
  // Compared as bytes: a name that is not UTF-8 would not survive a round trip through a string
  // (.native: the JavaScript realpathSync turns a Buffer path into a string first.)
  const real = realpathSync.native(treePath(root, file), { encoding: 'buffer' });
  const inside = Buffer.from(realRoot + path.sep);
  if (!real.equals(Buffer.from(realRoot)) && !real.subarray(0, inside.length).equals(inside))
    throw new Error(`resolves to ${displayName(real)}, outside the scanned directory: not written`);
}

/**
 * Edits that change the width of a line in a column-aligned Go block (`Name   = "…"` lines next to
 * each other, as gofmt aligns them): gofmt will want to realign it.
 */
function goAlignment(bytes: Buffer, edits: readonly Edit[]): Set<number> {
  const text = bytes.toString('latin1');
  // `Name   = …` lines, or lines with a trailing comment gofmt lines up with its neighbours'.
  const aligned = (line: string | undefined) =>
    line !== undefined && (/^\t+[\w.]+ +=/.test(line) || /^\t+\S.*\S\s+\/\//.test(line));
  const found = new Set<number>();
  for (const edit of edits) {
    if (edit.text.length === edit.end - edit.start) continue;
    const start = text.lastIndexOf('\n', edit.start - 1) + 1;
    const previous = start > 0 ? text.slice(text.lastIndexOf('\n', start - 2) + 1, start - 1) : undefined;
    const end = text.indexOf('\n', edit.start);
    const line = text.slice(start, end < 0 ? text.length : end);
    const next = end < 0 ? undefined : text.slice(end + 1, text.indexOf('\n', end + 1) >>> 0);
    if (aligned(line) && (aligned(previous) || aligned(next))) found.add(edit.start);
  }
  return found;
}
