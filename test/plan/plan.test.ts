import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stronglyConnectedComponents } from '../../src/plan/graph.js';
import { planMigration } from '../../src/plan/plan.js';
import { planJson, planMarkdown, planMatrix } from '../../src/plan/render.js';
import { parseManifest } from '../../src/manifest/parse.js';
import { runnerFiles } from '../harness/actions-env.js';
import { ROOT } from '../harness/cli.js';
import { runActionInProcess, runCliInProcess } from '../harness/in-process.js';
import { manifestYaml } from '../harness/manifest.js';
import { largeManifest } from '../harness/organisations.js';

const FIXTURE = 'test/fixtures/plan/migration.yml';
const fixture = () => parseManifest(readFileSync(path.join(ROOT, FIXTURE), 'utf8'), FIXTURE);

/** Names per wave, for compact expectations. */
function wavesOf(plan: ReturnType<typeof planMigration>): string[][] {
  return plan.waves.map((wave) => wave.repos.map((repo) => repo.repo).sort());
}

describe('plan: the typical migration', () => {
  const plan = planMigration(fixture());

  test('repositories switch in waves after every producer whose latest images they pull', () => {
    expect(wavesOf(plan)).toEqual([
      ['acme/base-images', 'acme/docs', 'acme/legacy-billing'],
      ['acme/auth', 'acme/build-tools', 'acme/indexer', 'acme/search'],
      ['acme/api'],
      ['acme/web', 'acme/worker'],
      ['acme/gateway', 'acme/reports'],
    ]);
    // Every unpinned producer is in an earlier wave, unless both sit in one blocking cycle.
    for (const edge of plan.edges.filter((e) => !e.pinned && e.consumer !== e.producer)) {
      const consumer = plan.repos.get(edge.consumer)!;
      const producer = plan.repos.get(edge.producer)!;
      if (consumer.blocked && producer.blocked) expect(producer.wave).toBe(consumer.wave);
      else expect(producer.wave).toBeLessThan(consumer.wave);
    }
    expect(plan.repos.get('acme/docs')).toMatchObject({ independent: true, wave: 1, waitsFor: [] });
    expect(plan.repos.get('acme/gateway')!.waitsFor.sort()).toEqual(['acme/api', 'acme/auth', 'acme/web']);
  });

  test('cycles: the own-tag self-loop and the mutual pinned tags are pinned, the mutual latest images block', () => {
    expect(plan.cycles.map((c) => [c.kind, c.repos, c.breakBy])).toEqual([
      ['pinned', ['acme/api', 'acme/auth'], ['auth:1.4.2', 'api:3.1.0']],
      ['pinned', ['acme/build-tools'], ['tools/builder:2.3.0']],
      ['blocking', ['acme/indexer', 'acme/search'], []],
    ]);
    const [mutual, self, blocking] = plan.cycles;
    expect(self!.explanation).toContain('an older tag of its own image');
    expect(mutual!.explanation).toContain('every edge that closes the cycle is pinned');
    expect(blocking!.explanation).toContain('Decide:');
    expect(plan.repos.get('acme/search')!.blocked).toBe(true);
    expect(plan.repos.get('acme/api')!.blocked).toBe(false);
  });

  test('copy-tags work precedes the wave that needs it: pinned tags and images nobody produces', () => {
    const copies = plan.waves.map((wave) =>
      wave.copy.map((item) => `${item.reason}:${item.image}:${item.tag}:${item.neededBy.join(',')}`).sort(),
    );
    expect(copies).toEqual([
      ['external:mirror/postgres:13:acme/legacy-billing', 'pinned:base/jdk:1.8.0:acme/legacy-billing'],
      ['pinned:api:3.1.0:acme/auth', 'pinned:tools/builder:2.3.0:acme/build-tools'],
      ['pinned:auth:1.4.2:acme/api'],
      [],
      [],
    ]);
  });

  test('the matrix fans out per repository or per image, optionally one wave', () => {
    const byRepo = planMatrix(plan, 'repo');
    expect(byRepo.include).toHaveLength(12);
    expect(byRepo.include).toContainEqual({
      repo: 'acme/base-images',
      wave: 1,
      owner: 'platform',
      images: ['base/jdk', 'base/alpine', 'base/node'],
    });
    const byImage = planMatrix(plan, 'image', 1);
    expect(byImage.include.map((entry) => ('image' in entry ? entry.image : ''))).toEqual([
      'base/jdk',
      'base/alpine',
      'base/node',
      'billing',
    ]);
  });

  test('the Markdown has a Mermaid chart coloured by wave, dotted pinned edges and a table per wave', () => {
    const markdown = planMarkdown(plan, FIXTURE);
    expect(markdown).toContain('```mermaid\nflowchart LR');
    const id = (repo: string) => new RegExp(`(r\\d+)\\["${repo} · `).exec(markdown)![1]!;
    expect(markdown).toContain(
      `${id('acme/build-tools')} -.->|"tools/builder:2.3.0"| ${id('acme/build-tools')}`,
    );
    expect(markdown).toContain(`${id('acme/base-images')} -->|"base/alpine"| ${id('acme/build-tools')}`);
    expect(markdown).toContain(`${id('acme/auth')} -.->|"auth:1.4.2"| ${id('acme/api')}`);
    expect(markdown).toMatch(new RegExp(`class (r\\d+,?)*${id('acme/search')}\\b.* blocked`));
    expect(markdown).toContain('classDef wave5');
    expect(markdown).toContain('#### Wave 5');
    expect(markdown).toContain('| acme/gateway | team-edge | gateway |');
    expect(markdown).toContain('Before this wave, copy-tags must carry: `auth:1.4.2`.');
  });

  test('owners with quotes or angle brackets cannot break the chart', () => {
    const text = readFileSync(path.join(ROOT, FIXTURE), 'utf8').replace(
      'owner: team-docs',
      'owner: \'docs "writers" <team>\'',
    );
    const markdown = planMarkdown(planMigration(parseManifest(text, FIXTURE)), FIXTURE);
    expect(markdown).toContain('acme/docs · wave 1 · docs #quot;writers#quot; #lt;team#gt;');
  });
});

describe('plan: the graph algorithms', () => {
  test('Tarjan is iterative: a 100,000-long chain does not overflow the stack', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => (i + 1 < 100_000 ? [i + 1] : []));
    chain[99_999] = [0]; // close it: one component of everything
    const components = stronglyConnectedComponents(chain);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(100_000);
  });

  test('components come out producers first, and a floating self-loop is a blocking cycle', () => {
    expect(stronglyConnectedComponents([[1], [2], []])).toEqual([[2], [1], [0]]);
    const manifest = parseManifest(
      manifestYaml({
        old: 'old.example.com',
        new: 'new.example.com',
        repos: { 'acme/tools': { produces: ['tools'], consumes: ['tools'] } },
      }),
      'inline.yml',
    );
    const plan = planMigration(manifest);
    expect(plan.cycles).toMatchObject([{ kind: 'blocking', repos: ['acme/tools'] }]);
    expect(plan.cycles[0]!.explanation).toContain('its own image');
    expect(plan.waves).toHaveLength(1);
  });
});

describe('plan: scale', () => {
  test('2,000 repositories: every one planned, pinned and blocking cycles found, the chart in waves', () => {
    // How long it takes is bench/scale.ts's.
    const manifest = parseManifest(largeManifest(2000), 'large.yml');
    const plan = planMigration(manifest);
    const json = JSON.stringify(planJson(plan, planMatrix(plan, 'repo')));
    const markdown = planMarkdown(plan, 'large.yml');
    expect(plan.repos.size).toBe(2000);
    expect(plan.cycles.filter((c) => c.kind === 'pinned').length).toBeGreaterThan(0);
    expect(plan.cycles.filter((c) => c.kind === 'blocking')).toHaveLength(10);
    expect(json.length).toBeGreaterThan(100_000);
    // Past the node limit the chart shows waves, which GitHub can still render.
    expect(markdown).toContain('flowchart TD');
  });
});

describe('plan: the CLI and action front doors', () => {
  test('--json carries waves, cycles, edges and matrix', async () => {
    const run = await runCliInProcess(['plan', '--manifest', FIXTURE, '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['waves', 'cycles', 'edges', 'matrix']));
    expect(json.waves).toHaveLength(5);
    expect(json.cycles.map((c: { kind: string }) => c.kind)).toEqual(['pinned', 'pinned', 'blocking']);
    expect(json.matrix.include).toHaveLength(12);
    expect(run.stderr).toContain(
      'mirror/postgres" is consumed but no repository in the manifest produces it',
    );
    expect(run.stderr).toMatch(
      /migration\.yml:25:3: warning: .*acme\/indexer and acme\/search wait on each other/,
    );
  });

  test('the action sets the matrix output and writes the job summary', async () => {
    const files = runnerFiles();
    const run = await runActionInProcess(['plan'], {
      env: {
        GITHUB_ACTIONS: 'true',
        INPUT_MANIFEST: FIXTURE,
        INPUT_MATRIX_BY: 'image',
        INPUT_WAVE: '2',
        ...files.env,
      },
    });
    expect(run.code).toBe(0);
    const outputs = files.outputs();
    expect(JSON.parse(outputs['matrix']!)).toEqual({
      include: [
        { image: 'tools/builder', repo: 'acme/build-tools', wave: 2, owner: 'platform' },
        { image: 'auth', repo: 'acme/auth', wave: 2, owner: 'team-identity' },
        { image: 'search', repo: 'acme/search', wave: 2, owner: 'team-search' },
        { image: 'indexer', repo: 'acme/indexer', wave: 2, owner: 'team-search' },
      ],
    });
    expect(outputs['waves']).toBe('5');
    expect(outputs['blocking-cycles']).toBe('1');
    expect(files.summary()).toContain('```mermaid');
  });

  test('bad options exit 2 and say what was expected', async () => {
    const bad = await runCliInProcess(['plan', '--manifest', FIXTURE, '--matrix-by', 'team']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--matrix-by: expected "repo" or "image", found "team"');
    const wave = await runCliInProcess(['plan', '--manifest', FIXTURE, '--wave', 'first']);
    expect(wave.code).toBe(2);
    expect(wave.stderr).toContain('--wave: expected a wave number');
  });
});
