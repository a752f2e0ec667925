import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../harness/cli.js';

// `npm run lint` enforces the layer boundaries (eslint.config.js: import-x/no-cycle, import-x/no-restricted-paths,
// no-restricted-imports and no-restricted-syntax for @actions/core, cutover/no-command-folder-cycle from
// scripts/lint/command-folders.js) and the test rules (no-restricted-syntax: no focused or disabled tests).
// The fixture tree breaks each rule on purpose; every line a rule must flag says so in an `// expect:` comment,
// and ESLint, run as `npm run lint` runs it, must report exactly those lines and no others.
const FIXTURE = path.join(ROOT, 'test/fixtures/lint');

interface Finding {
  file: string;
  line: number;
  rule: string;
}

const key = ({ file, line, rule }: Finding): string => `${file}:${line} ${rule}`;

function expectedFindings(): Finding[] {
  const found: Finding[] = [];
  for (const folder of ['src', 'test'])
    for (const entry of readdirSync(path.join(FIXTURE, folder), { recursive: true, encoding: 'utf8' })) {
      if (!entry.endsWith('.ts')) continue;
      const file = path.join(folder, entry).split(path.sep).join('/');
      readFileSync(path.join(FIXTURE, file), 'utf8')
        .split('\n')
        .forEach((text, index) => {
          const rule = /\/\/ expect: (\S+)/.exec(text)?.[1];
          if (rule) found.push({ file, line: index + 1, rule });
        });
    }
  return found;
}

function lint(): { status: number | null; findings: Finding[]; messages: string[] } {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', 'src', 'test'],
    {
      cwd: FIXTURE,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  const report = JSON.parse(result.stdout) as {
    filePath: string;
    messages: { line: number; ruleId: string | null; message: string }[];
  }[];
  const findings: Finding[] = [];
  const messages: string[] = [];
  for (const { filePath, messages: fileMessages } of report) {
    for (const { line, ruleId, message } of fileMessages) {
      const file = path.relative(FIXTURE, filePath).split(path.sep).join('/');
      findings.push({ file, line, rule: ruleId ?? 'parse-error' });
      messages.push(`${file}:${line} ${message}`);
    }
  }
  return { status: result.status, findings, messages };
}

describe('lint enforces the layer boundaries', () => {
  const run = lint();

  it('fails, flagging exactly the lines marked `// expect:` in the fixture', () => {
    expect(run.status).toBe(1);
    const expected = expectedFindings().map(key).sort();
    expect(expected.length).toBeGreaterThanOrEqual(12);
    expect(run.findings.map(key).sort()).toEqual(expected);
  });

  it('flags every module of a cycle, static or dynamic, and none joined only by type imports', () => {
    const cycles = run.findings.filter(({ rule }) => rule === 'import-x/no-cycle').map(({ file }) => file);
    expect(cycles.sort()).toEqual([
      'src/shared/eager.ts',
      'src/shared/lazy.ts',
      'src/shared/ping.ts',
      'src/shared/pong.ts',
    ]);
    expect(run.messages).toContain('src/shared/lazy.ts:2 Dependency cycle detected');
  });

  it('keeps @actions/core in src/cli/ and the command layer out of domain code', () => {
    const forbidden = (file: string) =>
      run.findings.filter((finding) => finding.file === file && finding.rule !== 'import-x/no-cycle').length;
    expect(forbidden('src/cli/main.ts')).toBe(0); // the entry point may reach the runner
    expect(forbidden('src/copy/present.ts')).toBe(0); // the command contract is open to presentation
    expect(forbidden('src/copy/engine.ts')).toBe(7);
    expect(forbidden('src/copy/command.ts')).toBe(2);
    expect(run.messages).toContain(
      'src/copy/engine.ts:10 @actions/core is reached only from src/cli/ (the reporter and the entry points): report through the Reporter of the context.',
    );
    expect(run.messages).toContain(
      'src/copy/engine.ts:7 Unexpected path "./command.js" imported in restricted zone. Domain code never imports a command or its presentation: the dependency goes the other way.',
    );
  });

  it('keeps command folders from importing each other, directly or through others', () => {
    const folderCycles = run.findings
      .filter(({ rule }) => rule === 'cutover/no-command-folder-cycle')
      .map(({ file, line }) => `${file}:${line}`);
    expect(folderCycles.sort()).toEqual([
      'src/copy/select.ts:2',
      'src/push/from.ts:2',
      'src/push/from.ts:5',
      'src/status/report.ts:2',
      'src/tags/targets.ts:1',
      'src/verify/verify.ts:1',
    ]);
    expect(run.messages).toContain(
      'src/status/report.ts:2 src/status/ imports src/verify/, which imports src/status/ (src/status/ → src/verify/ → src/copy/ → src/status/): move what both need to a shared part (src/manifest/, src/oci/, src/shared/ …).',
    );
  });

  it('fails on focused, skipped and to-do tests', () => {
    const focused = run.findings.filter(({ file }) => file.startsWith('test/')).map(({ line }) => line);
    expect(focused).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(
      run.findings
        .filter(({ file }) => file.startsWith('test/'))
        .every(({ rule }) => rule === 'no-restricted-syntax'),
    ).toBe(true);
  });
});
