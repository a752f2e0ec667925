import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../harness/cli.js';

/**
 * Issue 24 point 11: every third-party action the suite's own files use — its workflows, the
 * workflows it hands out, the generated action.yml files — is pinned by commit SHA with its version
 * in a comment (a tag can be moved to other code), and no checkout keeps its credentials in the
 * clone where nothing pushes back.
 */

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };

/** The suite's YAML files that name actions: workflows, handed-out workflows, action.yml files. */
function files(): string[] {
  const inFolder = (folder: string, keep: (name: string) => boolean) =>
    readdirSync(path.join(ROOT, folder))
      .filter(keep)
      .map((name) => path.join(folder, name));
  return [
    ...inFolder('.github/workflows', (name) => name.endsWith('.yml')),
    ...inFolder('workflows', (name) => name.endsWith('.yml')),
    'action.yml',
    ...inFolder('actions', () => true).map((folder) => path.join(folder, 'action.yml')),
  ];
}

/** Every step of a workflow's jobs or a composite action. */
function stepsOf(document: unknown): Step[] {
  const doc = document as {
    jobs?: Record<string, { uses?: string; steps?: Step[] }>;
    runs?: { steps?: Step[] };
  };
  // A job that calls a reusable workflow names it with its own `uses:`.
  const jobs = Object.values(doc.jobs ?? {});
  return [
    ...jobs.filter((job) => job.uses !== undefined).map((job) => ({ uses: job.uses })),
    ...jobs.flatMap((job) => job.steps ?? []),
    ...(doc.runs?.steps ?? []),
  ];
}

/** The suite's own actions and workflows (`cutover/cutover/…@v1`, `./…`) are released with it. */
const firstParty = (uses: string) => uses.startsWith('./') || uses.startsWith('cutover/cutover/');

describe('third-party actions pinned by commit', () => {
  const all = files();

  test('the files looked at include the generated action that uploads the patch', () => {
    expect(all).toEqual(
      expect.arrayContaining(['actions/check-generated/action.yml', '.github/workflows/ci.yml']),
    );
  });

  test.each(all)('%s: every third-party `uses:` is owner/repo@<40 hex> # vX.Y.Z', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const lines = text.split('\n').filter((line) => /^\s*(- )?uses: /.test(line));
    const steps = stepsOf(parse(text));
    expect(lines.length).toBe(steps.filter((step) => step.uses !== undefined).length);
    for (const line of lines) {
      const uses = line.replace(/^\s*(- )?uses: /, '').trim();
      if (firstParty(uses)) continue;
      expect({ file, uses }).toEqual({
        file,
        uses: expect.stringMatching(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/),
      });
    }
    // What the runner reads is the commit alone, the comment is not part of the value.
    for (const step of steps)
      if (step.uses && !firstParty(step.uses)) expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
  });

  test.each(all)('%s: checkout keeps no credentials (nothing in the suite pushes back)', (file) => {
    const steps = stepsOf(parse(readFileSync(path.join(ROOT, file), 'utf8')));
    for (const step of steps.filter((step) => step.uses?.startsWith('actions/checkout@')))
      expect({ file, persist: step.with?.['persist-credentials'] }).toEqual({ file, persist: false });
    // Nothing pushes back with git.
    for (const step of steps) expect(step.run ?? '').not.toMatch(/\bgit push\b/);
  });
});
