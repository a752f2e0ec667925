import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../harness/cli.js';
import { runCliInProcess } from '../harness/in-process.js';

/**
 * Mistakes a user makes on the command line are bad input: exit 2 and one line that says what was
 * wrong and what was expected — never an internal error with a stack, never a silent success.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-bad-input-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const EXAMPLE = path.join(ROOT, 'examples/cutover.yml');

describe('bad input on the command line', () => {
  test('guard --export-refs into a folder that does not exist: exit 2, one line naming the folder', async () => {
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM registry.old.example.com/base/jdk:17\n');
    const target = path.join(dir, 'missing', 'refs.json');
    const run = await runCliInProcess(
      ['guard', '--manifest', EXAMPLE, '--path', dir, '--export-refs', target, '--now', '2020-09-15'],
      { cwd: dir },
    );
    expect(run.code).toBe(2);
    const errors = run.stderr.split('\n').filter((line) => /^(error|failed|internal)/.test(line));
    expect(errors).toEqual([
      `error: ${target}: cannot write the references file: its folder ${path.join(dir, 'missing')} does not exist`,
    ]);
    expect(run.stderr).not.toMatch(/^\s+at /m); // no stack
  });

  test('plan --wave past the last wave: exit 2 with the valid range, not an empty matrix', async () => {
    const waves = await runCliInProcess(['plan', '--manifest', EXAMPLE, '--json']);
    expect(waves.code).toBe(0);
    const count = (JSON.parse(waves.stdout) as { waves: unknown[] }).waves.length;
    expect(count).toBeGreaterThan(1);

    const last = await runCliInProcess(['plan', '--manifest', EXAMPLE, '--wave', String(count), '--json']);
    expect(last.code).toBe(0);
    expect(
      (JSON.parse(last.stdout) as { matrix: { include: unknown[] } }).matrix.include.length,
    ).toBeGreaterThan(0);

    const past = await runCliInProcess(['plan', '--manifest', EXAMPLE, '--wave', String(count + 4)]);
    expect(past.code).toBe(2);
    expect(past.stderr.trim()).toBe(
      `error: --wave ${count + 4}: the plan has ${count} waves; expected 1–${count}`,
    );
  });
});
