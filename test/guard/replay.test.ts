/**
 * The replay harness (issue 21): real, finished registry moves of public projects, replayed with guard
 * --fix on the tree before the move and scored against the engineers' own commit. Each replay lives in
 * test/fixtures/replays/<name>/: `before/` (a subset of the tree at the commit before the move, with the
 * project's licence), `after/` (the engineers' versions of the files they changed: the oracle),
 * `cutover.yml` (old and new hosts, the paths mapping, what stays) and a README naming the repository,
 * the commits and the licence.
 *
 * The score printed: lines reproduced exactly, changed differently, missed but reported, silently
 * missed, and every extra edit (a line guard changed that the engineers did not), each classified by
 * hand below as right or wrong with a one-line reason. Lines the engineers changed that the rules do not
 * say to rewrite (links to the registry's web pages, credentials, deleted comments, a namespace beside a
 * host) are listed by hand too: those must be reported at least.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { guardTree } from '../../src/guard/guard.js';
import { startReaders } from '../../src/guard/readers.js';
import { parseManifest } from '../../src/manifest/parse.js';
import { SecretRegistry } from '../../src/shared/secrets.js';
import { scoreFile, type ChangedLine, type ExtraEdit } from './replay-score.js';

const REPLAYS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/replays');

/** A line picked by its file and a piece of its text before the move. */
interface LineSpec {
  file: string;
  text: string;
  reason: string;
}

/** Per replay, classified by hand. */
interface Judgement {
  /** Lines the engineers changed that the rules do not say to rewrite: each must at least be reported. */
  notByRule: LineSpec[];
  /** Extra edits that are right (the engineers missed them, or changed them in a later commit). */
  rightExtra: LineSpec[];
  /** Extra edits that are wrong (known and accepted within the budget of one per 50 changed lines). */
  wrongExtra: LineSpec[];
  /** Registry settings (a host alone under a registry key) in the tree: each must be a registry-setting finding. */
  settings: LineSpec[];
}

const JUDGEMENTS: Record<string, Judgement> = {
  'topolvm-quay-to-ghcr': {
    notByRule: [
      {
        file: 'README.md',
        text: 'packaged into [a container image](https://quay.io/organization/topolvm)',
        reason: "a link to the old registry's web page: the engineers pointed it at GitHub's packages page",
      },
      {
        file: 'README.md',
        text: 'Docker images are available on [Quay.io](https://quay.io/organization/topolvm)',
        reason: "a link to the old registry's web page, and its name in prose",
      },
      {
        file: '.github/workflows/release.yaml',
        text: 'docker login -u ${{ secrets.QUAY_USER }} --password-stdin quay.io',
        reason:
          "the login's host is guard's to move (it does); the credentials' names are the engineers' to change",
      },
    ],
    rightExtra: [],
    wrongExtra: [],
    settings: [],
  },
  'usernetes-dockerhub-to-ghcr': {
    notByRule: [
      {
        file: 'README.md',
        text: '[`rootlesscontainers/usernetes`](https://hub.docker.com/r/rootlesscontainers/usernetes) on Docker Hub',
        reason:
          "guard moves the code span; the link to Docker Hub's page and the words 'on Docker Hub' are the engineers'",
      },
    ],
    rightExtra: [],
    wrongExtra: [],
    settings: [],
  },
  'shipwright-quay-to-ghcr': {
    notByRule: [
      {
        file: 'Makefile',
        text: 'IMAGE_NAMESPACE ?= shipwright',
        reason: 'the namespace beside the host setting: the paths mapping does not apply to a host alone',
      },
      {
        file: 'hack/release.sh',
        text: '# Using defaults, this pushes to:',
        reason: 'a comment the engineers deleted with the two lines below it',
      },
      {
        file: 'hack/release.sh',
        text: '# - quay.io/shipwright/',
        reason: 'comment lines the engineers deleted (guard rewrites them: a reviewer may delete them)',
      },
      {
        file: '.ko.yaml',
        text: 'quay.io/shipwright/base-git',
        reason:
          'the engineers also pinned the tag :latest, which is what no tag means: guard moves host and path',
      },
    ],
    rightExtra: [],
    wrongExtra: [],
    settings: [
      { file: 'Makefile', text: 'IMAGE_HOST ?= quay.io', reason: 'the registry of every image pushed' },
    ],
  },
};

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** Every file below `dir`, relative, `/`-separated. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const matches = (spec: LineSpec, at: { file: string; before: string }) =>
  spec.file === at.file && at.before.includes(spec.text);

/** Replays one move: guard --fix on a copy of `before/`, scored against `after/`. */
async function replay(name: string) {
  const dir = path.join(REPLAYS, name);
  const tree = mkdtempSync(path.join(os.tmpdir(), `cutover-replay-${name}-`));
  temporary.push(tree);
  cpSync(path.join(dir, 'before'), tree, { recursive: true });
  const manifest = parseManifest(readFileSync(path.join(dir, 'cutover.yml'), 'utf8'), 'cutover.yml');
  const report = await guardTree({
    manifest,
    root: tree,
    cwd: dir,
    today: manifest.timeline.shutdown,
    maxFileSize: 10 << 20,
    readers: startReaders(1),
    fix: true,
    fixDocs: false,
    verify: false,
    renovate: false,
    env: {},
    secrets: new SecretRegistry(),
  });
  const changed: ChangedLine[] = [];
  const extra: ExtraEdit[] = [];
  const findingsOf = (file: string) => report.findings.filter((f) => f.file === file && !f.ignored);
  for (const file of filesBelow(path.join(dir, 'before'))) {
    const before = readFileSync(path.join(dir, 'before', file), 'latin1');
    const oracle = path.join(dir, 'after', file);
    const after = existsSync(oracle) ? readFileSync(oracle, 'latin1') : before;
    const guard = readFileSync(path.join(tree, file), 'latin1');
    const scored = scoreFile(file, before, after, guard, new Set(findingsOf(file).map((f) => f.line)));
    changed.push(...scored.changed);
    extra.push(...scored.extra);
  }
  return { report, changed, extra, findingsOf };
}

const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((1000 * part) / whole) / 10);

describe.each(Object.keys(JUDGEMENTS))('replay %s', (name) => {
  test('guard --fix reproduces the engineers’ move', async () => {
    const judgement = JUDGEMENTS[name]!;
    const { changed, extra, findingsOf } = await replay(name);
    const byRule = changed.filter((line) => !judgement.notByRule.some((spec) => matches(spec, line)));
    const other = changed.filter((line) => judgement.notByRule.some((spec) => matches(spec, line)));
    const count = (lines: ChangedLine[], outcome: string) =>
      lines.filter((l) => l.outcome === outcome).length;
    const classify = (edit: ExtraEdit) =>
      judgement.rightExtra.find((spec) => matches(spec, edit))
        ? 'right'
        : judgement.wrongExtra.find((spec) => matches(spec, edit))
          ? 'wrong'
          : 'unclassified';
    const rows = [
      `replay ${name}: ${changed.length} lines changed by the engineers`,
      `  by the rules (references, registry settings): ${byRule.length}`,
      `    reproduced exactly   ${count(byRule, 'exact')} (${percent(count(byRule, 'exact'), byRule.length)} %)`,
      `    changed differently  ${count(byRule, 'differently')}`,
      `    missed but reported  ${count(byRule, 'reported')}`,
      `    silently missed      ${count(byRule, 'silent')}`,
      `  not by the rules (must be reported): ${other.length}`,
      `    changed ${other.filter((l) => l.outcome === 'exact' || l.outcome === 'differently').length}, reported ${count(other, 'reported')}, silently missed ${count(other, 'silent')}`,
      `  extra edits: ${extra.length} (right ${extra.filter((e) => classify(e) === 'right').length}, wrong ${extra.filter((e) => classify(e) === 'wrong').length})`,
      ...changed
        .filter((line) => line.outcome !== 'exact')
        .map(
          (line) =>
            `    ${line.outcome.padEnd(11)} ${line.file}:${line.line}\n      before   ${line.before.trim()}\n      engineer ${line.after?.trim() ?? '(deleted)'}\n      guard    ${line.guard.trim()}`,
        ),
      ...extra.map((edit) => {
        const spec = [...judgement.rightExtra, ...judgement.wrongExtra].find((s) => matches(s, edit));
        return `    extra ${classify(edit)} ${edit.file}:${edit.line}: ${edit.guard.trim()}${spec ? ` — ${spec.reason}` : ''}`;
      }),
    ];
    console.log(rows.join('\n'));

    expect(extra.filter((edit) => classify(edit) === 'unclassified')).toEqual([]);
    expect(count(byRule, 'exact') / byRule.length).toBeGreaterThanOrEqual(0.97);
    expect(other.filter((line) => line.outcome === 'silent')).toEqual([]);
    expect(byRule.filter((line) => line.outcome === 'silent')).toEqual([]);
    expect(extra.filter((edit) => classify(edit) === 'wrong').length).toBeLessThanOrEqual(
      Math.floor(changed.length / 50),
    );
    for (const setting of judgement.settings) {
      const at = readFileSync(path.join(REPLAYS, name, 'before', setting.file), 'utf8')
        .split('\n')
        .findIndex((text) => text.includes(setting.text));
      expect(
        findingsOf(setting.file)
          .filter((f) => f.line === at + 1)
          .map((f) => f.kind),
      ).toContain('registry-setting');
    }
  });
});
