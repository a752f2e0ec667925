import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runnerFiles } from '../harness/actions-env.js';
import { runActionInProcess, runCliInProcess } from '../harness/in-process.js';

// `cutover tags` reads only the manifest and the clock: no registry is contacted, so no server here.
const OLD = 'registry.old.example.com';
const NEW = 'registry.new.example.com';
const MANIFEST = [
  'version: 1',
  'registries:',
  '  old:',
  `    host: ${OLD}`,
  '    aliases: [old-alias.example.com]',
  '    read-only: 2030-04-01',
  '    shutdown: 2030-05-01',
  '  new:',
  `    host: ${NEW}`,
  '    available: 2030-03-01',
  'paths:',
  "  - { from: 'legacy/*', to: 'moved/*' }",
  '',
].join('\n');
// What docker/metadata-action writes for `images: legacy/api` (one per line).
const METADATA_TAGS = 'legacy/api:1.2.3\nlegacy/api:1.2\nlegacy/api:latest\n';

describe('cutover tags: today’s references for build-push-action', () => {
  let dir: string;
  let manifest: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-tags-'));
    manifest = path.join(dir, 'cutover.yml');
    writeFileSync(manifest, MANIFEST);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** `cutover tags` on the command line, on `day`, with `args`. */
  function tagsCli(day: string, ...args: string[]) {
    return runCliInProcess(['tags', '--manifest', manifest, '--now', day, ...args]);
  }

  async function tagsOn(day: string) {
    const runner = runnerFiles();
    const run = await runActionInProcess(['tags'], {
      env: { ...runner.env, INPUT_MANIFEST: manifest, INPUT_TAGS: METADATA_TAGS, INPUT_NOW: day },
    });
    return { run, outputs: runner.outputs(), summary: runner.summary() };
  }

  test('each phase day: old before the new registry opens, both in the dual window, new from read-only and shutdown days', async () => {
    const before = await tagsOn('2030-02-28');
    expect(before.run.code).toBe(0);
    expect(before.outputs['tags']).toBe(
      [`${OLD}/legacy/api:1.2.3`, `${OLD}/legacy/api:1.2`, `${OLD}/legacy/api:latest`].join('\n'),
    );
    expect(before.outputs['registries']).toBe(OLD);
    expect(before.run.stdout).toContain(`not pushing to ${NEW}: the new registry opens on 2030-03-01`);

    for (const day of ['2030-03-01', '2030-03-31']) {
      const dual = await tagsOn(day);
      expect(dual.run.code).toBe(0);
      expect(dual.outputs['tags']!.split('\n')).toEqual([
        `${OLD}/legacy/api:1.2.3`,
        `${OLD}/legacy/api:1.2`,
        `${OLD}/legacy/api:latest`,
        `${NEW}/moved/api:1.2.3`,
        `${NEW}/moved/api:1.2`,
        `${NEW}/moved/api:latest`,
      ]);
      expect(dual.outputs['registries']).toBe(`${OLD}\n${NEW}`);
      expect(dual.run.stdout).not.toContain('not pushing to');
    }

    // The read-only day itself, and the shutdown day: the old registry is left out, with push's notice.
    const readOnly = await tagsOn('2030-04-01');
    expect(readOnly.outputs['tags']).toBe(
      [`${NEW}/moved/api:1.2.3`, `${NEW}/moved/api:1.2`, `${NEW}/moved/api:latest`].join('\n'),
    );
    expect(readOnly.outputs['registries']).toBe(NEW);
    expect(readOnly.run.stdout).toContain(
      `not pushing to ${OLD}: the old registry is read-only since 2030-04-01`,
    );
    expect(readOnly.summary).toContain(`⏭️ skipped: the old registry is read-only since 2030-04-01`);
    const shutdown = await tagsOn('2030-05-01');
    expect(shutdown.outputs['tags']).toBe(readOnly.outputs['tags']);
    expect(shutdown.run.stdout).toContain(
      `not pushing to ${OLD}: the old registry was shut down on 2030-05-01`,
    );
  });

  test('CLI: bare tags with --repository, old-host names and aliases; stdout is the list, --json the plan', async () => {
    const run = await tagsCli(
      '2030-03-15',
      '--repository',
      'legacy/worker',
      '--tags',
      '2.0',
      '--tags',
      'edge',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `${OLD}/legacy/worker:2.0\n${OLD}/legacy/worker:edge\n${NEW}/moved/worker:2.0\n${NEW}/moved/worker:edge\n`,
    );
    const json = await tagsCli(
      '2030-04-10',
      '--tags',
      'old-alias.example.com/legacy/api:3',
      '--tags',
      'other/thing:1',
      '--json',
    );
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({
      phase: 'new-only',
      tags: [`${NEW}/moved/api:3`, `${NEW}/other/thing:1`],
      registries: [NEW],
      skipped: [{ registry: OLD, reason: 'the old registry is read-only since 2030-04-01' }],
    });
  });

  test('bad input exits 2 and names the line', async () => {
    const bare = await tagsCli('2030-03-15', '--tags', '1.0');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--tags line 1 ("1.0"): a bare tag needs --repository');
    const foreign = await tagsCli('2030-03-15', '--tags', 'legacy/api:1', '--tags', 'ghcr.io/someone/api:1');
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain(
      '--tags line 2 ("ghcr.io/someone/api:1"): name images by their path in the old registry',
    );
    const newHost = await tagsCli('2030-03-15', '--tags', `${NEW}/moved/api:1`);
    expect(newHost.code).toBe(2);
    expect(newHost.stderr).toContain('the manifest’s paths give the new registry’s path');
    const badTag = await tagsCli('2030-03-15', '--tags', 'legacy/api:-x');
    expect(badTag.code).toBe(2);
    const none = await tagsCli('2030-03-15');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--tags: expected at least one tag or image name');
  });
});
