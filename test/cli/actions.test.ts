import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadCommands } from '../../src/cli/commands.js';
import { ROOT } from '../harness/cli.js';

const COMMANDS = await loadCommands();

type Step = { run?: string; env?: Record<string, string>; uses?: string };
type ActionFile = {
  inputs?: Record<string, { description?: string }>;
  outputs?: Record<string, { description?: string }>;
  runs: { using: string; steps?: Step[]; main?: string };
};
type WorkflowFile = { jobs?: Record<string, { steps?: Step[] }> };

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(path.join(ROOT, dir))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

const actionFiles = ['action.yml', ...COMMANDS.map((command) => `actions/${command.name}/action.yml`)];
const workflowFiles = [...yamlFiles('.github/workflows'), ...yamlFiles('workflows')];

describe('actions and workflows', () => {
  test('every command has a composite action that runs the bundle', () => {
    for (const command of COMMANDS) {
      const action = parse(
        readFileSync(path.join(ROOT, `actions/${command.name}/action.yml`), 'utf8'),
      ) as ActionFile;
      expect(action.runs.using).toBe('composite');
      expect(action.runs.steps?.[0]?.run).toBe(
        `node "$GITHUB_ACTION_PATH/../../dist/action.js" ${command.name}`,
      );
    }
    const root = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionFile;
    expect(root.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
  });

  test.each(actionFiles)('%s: every input and output has a description', (file) => {
    const action = parse(readFileSync(path.join(ROOT, file), 'utf8')) as ActionFile;
    for (const [name, input] of Object.entries({ ...action.inputs, ...action.outputs })) {
      expect([name, (input.description ?? '').length > 10]).toEqual([name, true]);
    }
  });

  test.each([...actionFiles, ...workflowFiles])('%s: no ${{ }} expression inside a run: script', (file) => {
    const document = parse(readFileSync(path.join(ROOT, file), 'utf8')) as ActionFile & WorkflowFile;
    const steps = [
      ...(document.runs?.steps ?? []),
      ...Object.values(document.jobs ?? {}).flatMap((job) => job.steps ?? []),
    ];
    const offending = steps.filter((step) => step.run?.includes('${{')).map((step) => step.run);
    expect(offending).toEqual([]);
  });
});
