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
      const script = action.runs.steps?.[0]?.run ?? '';
      expect(script.trimEnd().split('\n').at(-1)).toBe(
        `node "$GITHUB_ACTION_PATH/../../dist/action.js" ${command.name}`,
      );
      expect(script).toContain('cutover needs Node.js ≥ 20 on the runner');
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

  test('the root action gives no single default to an input whose default differs by command', () => {
    const root = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { description: string; default?: string }>;
    };
    const concurrency = root.inputs['concurrency']!;
    expect(concurrency.default).toBeUndefined();
    expect(concurrency.description).toMatch(/copy-tags[^:]*: .*Default: 8\./);
    expect(concurrency.description).toMatch(/rollout: .*Default: 4\./);
    // An input every command defaults alike keeps its default.
    expect(root.inputs['max-file-size']?.default).toBe('10MB');
  });

  test.each(COMMANDS.map((command) => command.name))(
    'docs/commands/%s.md lists every flag and output of the command',
    (name) => {
      const command = COMMANDS.find((candidate) => candidate.name === name)!;
      const page = readFileSync(path.join(ROOT, 'docs/commands', `${name}.md`), 'utf8');
      expect(page).toContain(`# \`cutover ${name}\``);
      for (const flag of Object.keys(command.options))
        expect([flag, page.includes(`\`--${flag}`)]).toEqual([flag, true]);
      for (const output of command.outputs)
        expect([output.name, page.includes(`| \`${output.name}\` |`)]).toEqual([output.name, true]);
      expect(page).toContain('### Exit codes');
    },
  );
});
