import { readFileSync } from 'node:fs';
import { runProgram } from '../shared/process.js';
import { treePath } from './files.js';
import { ALIGNMENT_NOTE, type FixOutcome } from './fix.js';

/** True when gofmt would change `source` (`gofmt -l` on standard input names it); undefined without gofmt. */
async function gofmtWouldChange(source: Buffer, cwd: string): Promise<boolean | undefined> {
  try {
    const result = await runProgram('gofmt', ['-l'], { cwd, input: source, timeoutMs: 30_000 });
    // A file gofmt cannot parse is not ours to judge: no warning.
    if (result.code !== 0) return false;
    return result.stdout.length > 0;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the "run gofmt" note only where gofmt really changes the rewritten file and did not change it
 * before (run on both, where gofmt is installed; without it, the column check of fix.ts stands).
 * `before` holds each Go file's bytes before the rewrite, for the files the column check flagged.
 */
export async function confirmAlignment(
  root: string,
  outcomes: FixOutcome[],
  before: ReadonlyMap<string, Buffer>,
): Promise<void> {
  for (const [file, original] of before) {
    let rewritten: Buffer;
    try {
      rewritten = readFileSync(treePath(root, file));
    } catch {
      continue;
    }
    const after = await gofmtWouldChange(rewritten, root);
    if (after === undefined) return;
    const keep = after && (await gofmtWouldChange(original, root)) === false;
    if (keep) continue;
    for (const outcome of outcomes)
      if (outcome.file === file && outcome.note === ALIGNMENT_NOTE) delete outcome.note;
  }
}
