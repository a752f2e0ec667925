import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../src/shared/errors.js';
import { parseManifest } from '../../src/manifest/parse.js';
import { mapRepository } from '../../src/manifest/paths.js';
import { ROOT } from '../harness/cli.js';
import { runCliInProcess } from '../harness/in-process.js';
import { manifestYaml } from '../harness/manifest.js';

const BAD = path.join(ROOT, 'test/fixtures/manifests/bad');
const badFixtures = readdirSync(BAD)
  .filter((name) => name.endsWith('.yml'))
  .sort();

function expectationOf(file: string): string {
  const first = readFileSync(path.join(BAD, file), 'utf8').split('\n')[0]!;
  const match = /^# expect: (.+)$/.exec(first);
  if (!match) throw new Error(`${file} has no "# expect:" first line`);
  return match[1]!;
}

describe('manifest v1', () => {
  test('the shipped example is valid and normalised', () => {
    const manifest = parseManifest(
      readFileSync(path.join(ROOT, 'examples/cutover.yml'), 'utf8'),
      'examples/cutover.yml',
    );
    expect(manifest.registries.old).toMatchObject({
      host: 'registry.old.example.com',
      aliases: ['old-registry.internal'],
      insecure: false,
    });
    expect(manifest.timeline).toEqual({
      available: '2020-09-01',
      readOnly: '2020-10-01',
      shutdown: '2020-11-01',
      failFrom: '2020-11-01',
      warnDays: 45,
    });
    expect(manifest.repos.find((repo) => repo.name === 'acme/api')?.consumes).toContainEqual({
      repository: 'auth',
      tag: '1.4.2',
    });
    expect(manifest.warnings).toEqual([]);
  });

  test('loopback registries are plain HTTP without saying so; others need insecure: true', () => {
    const text = (host: string, insecure?: boolean) =>
      manifestYaml({ old: { host, ...(insecure !== undefined && { insecure }) }, new: '[::1]:5001' });
    expect(parseManifest(text('127.0.0.1:5000'), 'm.yml').registries.old.insecure).toBe(true);
    expect(parseManifest(text('localhost:5000'), 'm.yml').registries.new.insecure).toBe(true);
    expect(parseManifest(text('registry.lan'), 'm.yml').registries.old.insecure).toBe(false);
    expect(parseManifest(text('registry.lan', true), 'm.yml').registries.old.insecure).toBe(true);
  });

  test('a consumed image that nobody produces is a located warning, not an error', () => {
    const manifest = parseManifest(
      [
        'version: 1',
        'registries:',
        '  old: {host: old.example.com, read-only: 2020-10-01, shutdown: 2020-11-01}',
        '  new: {host: new.example.com, available: 2020-09-01}',
        'repos:',
        '  acme/api: {produces: [api], consumes: [base/jdk]}',
      ].join('\n'),
      'm.yml',
    );
    expect(manifest.warnings).toEqual([
      expect.objectContaining({
        file: 'm.yml',
        line: 6,
        column: 42,
        message: 'image "base/jdk" is consumed but no repository in the manifest produces it',
      }),
    ]);
  });

  test('every problem is reported at once, in file order', () => {
    const text = [
      'version: 1',
      'registries:',
      '  old: {host: "https://old", read-only: 2020-10-01, shutdown: 2020-11-01}',
      '  new: {host: new.example.com, available: someday}',
      'copy: [{newest: 0, images: [x]}]',
    ].join('\n');
    let error: unknown;
    try {
      parseManifest(text, 'm.yml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => `${p.line}:${p.column} ${p.path}`);
    expect(problems).toEqual([
      '3:15 registries.old.host',
      '4:43 registries.new.available',
      '5:17 copy[0].newest',
    ]);
  });

  test('a pulled: copy rule takes whole days and combines with images and tags only, located', () => {
    const text = [
      'version: 1',
      'registries:',
      '  old: {host: old.example.com, read-only: 2020-10-01, shutdown: 2020-11-01}',
      '  new: {host: new.example.com, available: 2020-09-01}',
      'copy:',
      '  - {pulled: {days: 30}, images: [team/*], tags: ["!*-rc*"]}',
      '  - {pulled: {days: 0.5}}',
      '  - {pulled: {days: 30}, newest: 3}',
      '  - {pulled: {weeks: 2}}',
    ].join('\n');
    let error: unknown;
    try {
      parseManifest(text, 'm.yml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(
      (error as ConfigError).problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`),
    ).toEqual([
      '7:21 copy[1].pulled.days: expected a whole number of days, found number 0.5',
      '8:34 copy[2].newest: pulled: combines with images and tags only; put newest in a rule of its own (rules are OR-combined), found number 3',
      '9:14 copy[3].pulled.days: missing required key "days"',
      '9:15 copy[3].pulled.weeks: unknown key "weeks"; expected one of: days',
    ]);
    const good = parseManifest(text.split('\n').slice(0, 6).join('\n'), 'm.yml');
    expect(good.copy).toEqual([{ pulled: { days: 30 }, images: ['team/*'], tags: ['!*-rc*'] }]);
    const alone = parseManifest(
      `${text.split('\n').slice(0, 5).join('\n')}\n  - {pulled: {days: 7}}`,
      'm.yml',
    );
    expect(alone.copy).toEqual([{ pulled: { days: 7 } }]);
  });

  test('a secret written where an environment variable name belongs is never echoed', () => {
    const text = readFileSync(path.join(BAD, 'secret-in-env-name.yml'), 'utf8');
    expect(() => parseManifest(text, 'm.yml')).toThrow(ConfigError);
    try {
      parseManifest(text, 'm.yml');
    } catch (error) {
      expect((error as Error).message).not.toContain('s3cr3t');
    }
    const inline = readFileSync(path.join(BAD, 'inline-password.yml'), 'utf8');
    try {
      parseManifest(inline, 'm.yml');
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  test('paths map old repositories to new ones, first match wins', () => {
    const rules = [
      { from: 'legacy/*', to: '*' },
      { from: 'team-*/svc/*', to: 'teams/*/*' },
      { from: 'legacy/**', to: 'never' },
    ];
    expect(mapRepository('legacy/billing', rules)).toBe('billing');
    expect(mapRepository('team-a/svc/api', rules)).toBe('teams/a/api');
    expect(mapRepository('base/jdk', rules)).toBe('base/jdk');
  });

  test(`at least 25 malformed manifests (${badFixtures.length} here)`, () => {
    expect(badFixtures.length).toBeGreaterThanOrEqual(25);
  });

  test.each(badFixtures)('%s exits 2 with a located, specific message', async (file) => {
    const relative = path.join('test/fixtures/manifests/bad', file);
    const result = await runCliInProcess(['validate', '--manifest', relative]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${relative}${expectationOf(file)}`);
    expect(result.stderr).toMatch(new RegExp(`${relative.replace(/[.]/g, '\\.')}:\\d+:\\d+: `));
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stdout).toBe('');
  });
});
