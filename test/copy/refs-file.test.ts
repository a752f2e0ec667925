import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseRefsFile, readRefsFile, writeRefsFile } from '../../src/copy/refs-file.js';
import { tagMatcher } from '../../src/copy/select.js';
import { ConfigError } from '../../src/shared/errors.js';

// Pure parts of copy-tags' selection (no registry): moved out of selection.itg.test.ts.

describe('the references file (shared with guard --export-refs)', () => {
  test('round trip: deduplicated, sorted, host normalised', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cutover-refs-')), 'refs.json');
    const written = await writeRefsFile(file, 'Registry.Old.Example.com', [
      { repository: 'team/api', tag: '1.0' },
      { repository: 'base/jdk', digest: `sha256:${'a'.repeat(64)}` },
      { repository: 'team/api', tag: '1.0' },
    ]);
    expect(written).toEqual({
      version: 1,
      registry: 'registry.old.example.com',
      references: [
        { repository: 'base/jdk', digest: `sha256:${'a'.repeat(64)}` },
        { repository: 'team/api', tag: '1.0' },
      ],
    });
    expect(await readRefsFile(file)).toEqual(written);
  });

  test('every problem is located by key path', () => {
    const text = JSON.stringify({
      version: 2,
      registry: 'https://x',
      references: [
        { repository: 'Team/API', tag: '-bad' },
        { repository: 'ok', digest: 'sha256:short', extra: 1 },
      ],
    });
    let error: unknown;
    try {
      parseRefsFile(text, 'refs.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message.split('\n')).toEqual([
      'refs.json: version: expected 1, found 2',
      'refs.json: registry: expected the old registry\'s host[:port], found "https://x"',
      'refs.json: references[0].repository: expected a repository path in the old registry (no host), found "Team/API"',
      'refs.json: references[0].tag: expected a tag, found "-bad"',
      'refs.json: references[1].extra: unknown key (expected repository, tag, digest)',
      'refs.json: references[1].digest: expected a digest such as sha256:<64 hex>, found "sha256:short"',
    ]);
  });

  test('tag globs: includes, then ! excludes', () => {
    const match = tagMatcher(['1.*', 'latest', '!*-rc*']);
    expect(['1.0', '1.2-rc1', 'latest', '2.0'].filter(match)).toEqual(['1.0', 'latest']);
    expect(['a', 'b-rc1'].filter(tagMatcher(['!*-rc*']))).toEqual(['a']);
  });
});
