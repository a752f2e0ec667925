import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../harness/cli.js';

/**
 * The reusable workflow an organisation rolls out (issue #14 point 4): safe on pull requests (build,
 * never push), secrets only in the steps that need them, the manifest token declared, third-party
 * actions pinned by commit.
 */
type Step = {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
};
type Workflow = {
  on: { workflow_call: { secrets: Record<string, unknown> } };
  jobs: Record<string, { env?: Record<string, string>; steps: Step[] }>;
};

const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/cutover.yml'), 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const text = (step: Step) => JSON.stringify(step);

describe('the reusable workflow', () => {
  test('no job-level environment: secrets and tokens reach only the steps that use them', () => {
    for (const [name, job] of Object.entries(workflow.jobs))
      expect({ name, env: job.env }).toEqual({ name, env: undefined });
  });

  test('every step that can write to a registry is skipped on pull requests; the build still runs', () => {
    const writers = steps.filter(
      (step) =>
        /actions\/push@|actions\/verify@/.test(step.uses ?? '') ||
        /docker login/.test(step.run ?? '') ||
        /REGISTRY_PASSWORD/.test(JSON.stringify(step.env ?? {})),
    );
    expect(writers.length).toBeGreaterThanOrEqual(3);
    for (const step of writers) expect(step.if ?? '').toContain("github.event_name != 'pull_request'");
    const buildx = steps.find((step) => (step.uses ?? '').startsWith('docker/build-push-action@'))!;
    expect(buildx.if).toBeUndefined();
    expect(buildx.with?.['push']).toBe("${{ github.event_name != 'pull_request' }}");
  });

  test('registry secrets only in steps that log in, push or verify; the manifest token only where a manifest is read', () => {
    for (const step of steps) {
      if (/secrets\.(OLD|NEW)_REGISTRY/.test(text(step)))
        expect(`${step.name ?? step.uses}`).toMatch(/log in|push|verify/);
      if (/secrets\.manifest-token/.test(text(step)))
        expect(step.uses ?? '').toMatch(/^cutover\/cutover\/actions\//);
    }
    expect(Object.keys(workflow.on.workflow_call.secrets)).toContain('manifest-token');
  });

  test('third-party actions are pinned by a full commit SHA with the version in a comment', () => {
    const source = readFileSync(path.join(ROOT, '.github/workflows/cutover.yml'), 'utf8');
    const uses = [...source.matchAll(/uses: (\S+)(.*)$/gm)].filter(
      ([, action]) => !action!.startsWith('cutover/cutover/'),
    );
    expect(uses.length).toBeGreaterThan(0);
    for (const [, action, comment] of uses) {
      expect(action).toMatch(/@[0-9a-f]{40}$/);
      expect(comment).toMatch(/# v\d/);
    }
  });
});
