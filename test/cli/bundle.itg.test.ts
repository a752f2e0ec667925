import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runAction, runCli } from '../harness/cli.js';
import { runnerFiles } from '../harness/actions-env.js';

// The committed bundle as users run it: an internal error's stack names src/ files through the
// bundle's source maps (scripts/bundle.sh, scripts/source-maps.ts), not places in dist/.
const DIST = path.join(ROOT, 'dist');
const BROKEN = path.join(ROOT, 'test/fixtures/cli/broken-stringify.cjs');
const MANIFEST = 'examples/cutover.yml';

describe('the bundle maps its stacks to src/', () => {
  test('every map names only src/ files, and each script names its own map', () => {
    const maps = readdirSync(DIST).filter((file) => file.endsWith('.js.map'));
    expect(maps).toContain('cutover.js.map');
    for (const file of maps) {
      const map = JSON.parse(readFileSync(path.join(DIST, file), 'utf8')) as { sources: string[] };
      expect(map.sources.length).toBeGreaterThan(0);
      for (const source of map.sources) expect(source).toMatch(/^\.\.\/src\/.+\.ts$/);
      const script = readFileSync(path.join(DIST, file.slice(0, -'.map'.length)), 'utf8');
      expect(script.trimEnd().split('\n').pop()).toBe(`//# sourceMappingURL=${file}`);
    }
  });

  test('the CLI: an internal error prints a stack through src/cli/main.ts', async () => {
    const run = await runCli(['validate', '--manifest', MANIFEST, '--now', '2030-09-15', '--json'], {
      env: { NODE_OPTIONS: `--require ${BROKEN}` },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('failed: internal error — please report it with the stack below');
    expect(run.stderr).toMatch(/\n {4}at publish \(\S*\/src\/cli\/main\.ts:\d+:\d+\)\n/);
    expect(run.stderr).toMatch(/\n {4}at execute \(\S*\/src\/cli\/main\.ts:\d+:\d+\)\n/);
    expect(run.stderr).not.toMatch(/dist\/cutover\.js:\d/);
  });

  test('the action: the same stack, through the actions entry point', async () => {
    const files = runnerFiles();
    const run = await runAction(['validate'], {
      env: {
        ...files.env,
        INPUT_MANIFEST: MANIFEST,
        INPUT_NOW: '2030-09-15',
        NODE_OPTIONS: `--require ${BROKEN}`,
      },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('internal error — please report it with the stack below');
    expect(run.stdout).toMatch(/at publish \(\S*\/src\/cli\/main\.ts:\d+:\d+\)/);
    expect(run.stdout).not.toMatch(/dist\/cutover\.js:\d/);
  });
});
