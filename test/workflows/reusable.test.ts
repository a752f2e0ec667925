import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../harness/cli.js';
import { runCliInProcess } from '../harness/in-process.js';

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

  test('the header shows the caller the docs ask for: named secrets, never `secrets: inherit`', () => {
    const header = readFileSync(path.join(ROOT, '.github/workflows/cutover.yml'), 'utf8').split(
      /^name:/m,
    )[0]!;
    expect(header).not.toMatch(/^#\s+secrets: inherit\s*$/m);
    expect(header).toContain("secrets.OLD_REGISTRY_USER || ''");
    expect(header).toContain('Node.js ≥ 20');
  });

  test('the login step needs no jq: it logs in to the registries `cutover tags` names, with their own secrets', async () => {
    const login = steps.find((step) => /docker login/.test(step.run ?? ''))!;
    expect(login.run).not.toMatch(/\bjq\b/);
    const tags = await runCliInProcess(
      ['tags', '--manifest', 'examples/cutover.yml', '--tags', 'api:1.2', '--now', '2020-09-15', '--json'],
      { cwd: ROOT },
    );
    expect(tags.code).toBe(0);
    const bin = mkdtempSync(path.join(os.tmpdir(), 'cutover-login-'));
    try {
      // A docker that records its arguments and the password it was given on stdin.
      writeFileSync(
        path.join(bin, 'docker'),
        `#!/bin/sh\nprintf '%s|%s\\n' "$*" "$(cat)" >> "${bin}/calls"\n`,
      );
      chmodSync(path.join(bin, 'docker'), 0o755);
      writeFileSync(path.join(bin, 'step.sh'), login.run!);
      // As the runner runs `shell: bash`, with only the tools of a bare self-hosted runner and Node.
      const code = await new Promise<number>((resolve) =>
        execFile(
          '/bin/bash',
          ['--noprofile', '--norc', '-e', '-o', 'pipefail', path.join(bin, 'step.sh')],
          {
            env: {
              PATH: `${bin}:${path.dirname(process.execPath)}:/usr/bin:/bin`,
              TARGETS: JSON.stringify(JSON.parse(tags.stdout)),
              OLD_REGISTRY_USER: 'old-user',
              OLD_REGISTRY_PASSWORD: 'old-Secret-1',
              NEW_REGISTRY_USER: 'new-user',
              NEW_REGISTRY_PASSWORD: 'new-Secret-2',
            },
          },
          (error) => resolve(error ? Number(error.code ?? 1) : 0),
        ),
      );
      expect(code).toBe(0);
      expect(readFileSync(path.join(bin, 'calls'), 'utf8').trim().split('\n')).toEqual([
        'login registry.old.example.com --username old-user --password-stdin|old-Secret-1',
        'login registry.new.example.com --username new-user --password-stdin|new-Secret-2',
      ]);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
