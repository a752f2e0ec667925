import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../src/shared/errors.js';
import { parseManifest } from '../../src/manifest/parse.js';
import { runCliInProcess } from '../harness/in-process.js';
import { removeTempDirs, tempDir } from '../harness/generated.js';
import { HEADER, organisation } from '../harness/organisations.js';

/**
 * Issue #12 point 6, manifest part: large manifests are validated in time linear in their size, and
 * a manifest file over 10 MiB is refused, located, without being parsed.
 */

afterAll(() => removeTempDirs());

describe('manifests at scale', () => {
  test('20,000 repositories: each read, each unproduced image a located warning', () => {
    // How the time grows with the size (linear, near the YAML parse itself) is bench/scale.ts's.
    const manifest = parseManifest(organisation(20_000), 'big.yml');
    expect(manifest.repos).toHaveLength(20_000);
    // Every repository's unproduced image is a located warning (the locator is used 20,000 times).
    expect(manifest.warnings).toHaveLength(20_000);
    expect(manifest.warnings.at(-1)).toMatchObject({
      line: 4 + 1 + 3 * 20_000,
      path: 'repos["acme/service-19999"].consumes[1]',
    });
  });

  test('a duplicate key deep in a large manifest is still found and located', () => {
    const text = organisation(5_000).replace(
      '  acme/service-4321:\n',
      '  acme/service-4321:\n    owner: a\n    owner: b\n',
    );
    let error: unknown;
    try {
      parseManifest(text, 'big.yml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      `big.yml:${4 + 1 + 3 * 4321 + 3}:5: duplicate key "owner": each key may appear once`,
    );
  });

  test('a manifest file over 10 MiB is refused where it crosses the limit, without being parsed', async () => {
    const dir = tempDir('cutover-big-manifest-');
    const file = path.join(dir, 'huge.yml');
    // A valid manifest followed by 11 MiB of comment lines of 64 bytes each.
    const filler = `# ${'x'.repeat(61)}\n`;
    writeFileSync(file, `${HEADER.join('\n')}\n${filler.repeat((11 * 2 ** 20) / 64)}`);
    const started = Date.now();
    const result = await runCliInProcess(['validate', '--manifest', 'huge.yml'], { cwd: dir });
    expect(result.code).toBe(2);
    const headerBytes = HEADER.join('\n').length + 1;
    const line = HEADER.length + Math.floor((10 * 2 ** 20 - headerBytes) / 64) + 1;
    const column = ((10 * 2 ** 20 - headerBytes) % 64) + 1;
    expect(result.stderr).toContain(
      `huge.yml:${line}:${column}: the manifest is larger than 10 MiB (the limit; it is refused here, where it crosses it)`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // A hang guard, not a timing: refused unread, this takes well under a second (parsing 11 MiB
    // would take several); 10 s is over 10× the normal time even on a busy machine.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('a manifest just under 10 MiB is read whole', async () => {
    const dir = tempDir('cutover-big-manifest-');
    const file = path.join(dir, 'large.yml');
    const head = `${HEADER.join('\n')}\n`;
    const filler = `# ${'x'.repeat(61)}\n`;
    const body = filler.repeat(Math.floor((10 * 2 ** 20 - head.length) / 64));
    writeFileSync(file, head + body);
    const result = await runCliInProcess(['validate', '--manifest', 'large.yml', '--now', '2020-09-15'], {
      cwd: dir,
    });
    expect([result.code, result.stderr]).toEqual([0, expect.any(String)]);
  });
});
