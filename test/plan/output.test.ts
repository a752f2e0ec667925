import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runnerFiles } from '../harness/actions-env.js';
import { runActionInProcess, runCliInProcess } from '../harness/in-process.js';
import { layeredManifest } from './organisations.js';
import { mermaidBlocks, parseMermaid } from './mermaid-parser.js';

/** `plan` as an admin meets it: the terminal, the annotations, --summary, the action's log. */
describe('plan: readable output at 2,000 repositories', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-plan-'));
  const manifest = path.join(dir, 'org.yml');
  writeFileSync(manifest, layeredManifest(2000));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the terminal: headline, blocking cycles, waves as counts with the first names; no matrix warning', async () => {
    const run = await runCliInProcess(['plan', '--manifest', manifest]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^plan of .*org\.yml: 2,000 repositories switch .* 10 blocking cycles need a decision/,
    );
    expect(lines[2]).toBe('10 blocking cycles (decide before the wave):');
    expect(lines.some((line) => /^ {2}wave \d+: \d+ repositories .*… and \d+ more$/.test(line))).toBe(true);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(700);
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stderr).not.toContain('more than GitHub');
    // GitHub shows 10 warnings per step: 8 blocking cycles, then one line for the rest.
    expect(run.stderr.match(/warning: org\/repo-\d+ and org\/repo-\d+ wait on each other/g)).toHaveLength(8);
    expect(run.stderr).toContain('… and 2 more blocking cycles');
    expect(run.stderr.match(/info: \d+ pinned cycles?: copy-tags breaks (it|them)/g)).toHaveLength(1);
  });

  test('--verbose lists every repository; the matrix warning comes with a matrix (--json)', async () => {
    const verbose = await runCliInProcess(['plan', '--manifest', manifest, '--verbose']);
    for (const i of [0, 999, 1999]) expect(verbose.stdout).toMatch(new RegExp(`org/repo-${i}\\b`));
    expect(verbose.stdout).not.toContain('… and');
    const json = await runCliInProcess(['plan', '--manifest', manifest, '--json']);
    expect(json.stderr).toContain('the matrix has 2000 jobs, more than GitHub');
  });

  test('colour only on request or a terminal: FORCE_COLOR paints, NO_COLOR wins', async () => {
    const forced = await runCliInProcess(['plan', '--manifest', manifest], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[31m');
    const both = await runCliInProcess(['plan', '--manifest', manifest], {
      env: { FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    expect(both.stdout).not.toContain('\u001b[');
  });

  test('--summary FILE writes the job summary outside Actions, diagram included, and it renders', async () => {
    const file = path.join(dir, 'plan.md');
    const run = await runCliInProcess(['plan', '--manifest', manifest, '--summary', file]);
    expect(run.code).toBe(0);
    const markdown = readFileSync(file, 'utf8');
    expect(markdown).toContain('### cutover plan');
    const blocks = mermaidBlocks(markdown);
    expect(blocks.length).toBeGreaterThan(0);
    expect(parseMermaid(blocks).every((verdict) => verdict.ok)).toBe(true);
  });

  test('in an action the log carries the same short lines, and the summary is under 1 MiB', async () => {
    const files = runnerFiles();
    const run = await runActionInProcess(['plan'], {
      env: { GITHUB_ACTIONS: 'true', INPUT_MANIFEST: manifest, ...files.env },
    });
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/wave \d+: \d+ repositories .*… and \d+ more/);
    expect(Buffer.byteLength(files.summary())).toBeLessThan(1024 * 1024);
  });
});
