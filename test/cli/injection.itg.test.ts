import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runnerFiles } from '../harness/actions-env.js';
import { runAction, runCli } from '../harness/cli.js';
import { answer, startHostileRegistry, type HostileRegistry } from '../harness/hostile-registry.js';
import { seedImage } from '../harness/images.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';

/**
 * Issue 24 points 6 and 7: data (file names, flags, what a registry answers) never becomes a
 * workflow command of its own, and a credential never reaches --json or an output, in whatever
 * escaped form the serialisation would give it.
 */

const OLD = 'registry.old.example.com';
const NEW = 'registry.new.example.com';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-injection-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The lines the runner reads: it splits output at CR as well as LF, and takes a line whose text
 * starts (after blanks) with `::` as a command.
 */
function commandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith('::'));
}

/** Commands the runner would run with the attacker's title: `::error title=INJECTED::…`. */
function injected(text: string): string[] {
  return commandLines(text).filter((line) => {
    const properties = /^\s*::[\w-]+ ([^:]*)::/.exec(line)?.[1] ?? '';
    return properties.split(',').some((property) => property.startsWith('title=INJECTED'));
  });
}

function manifest(folder: string): string {
  const file = path.join(folder, 'cutover.yml');
  writeFileSync(
    file,
    [
      'version: 1',
      'registries:',
      `  old: { host: ${OLD}, read-only: 2020-10-01, shutdown: 2020-11-01 }`,
      `  new: { host: ${NEW}, available: 2020-09-01 }`,
      '',
    ].join('\n'),
  );
  return file;
}

describe('workflow-command injection through data', () => {
  test('guard --fix: a file whose name carries `\\n::error …\\n` never prints a command of its own', async () => {
    const repo = path.join(dir, 'guard-repo');
    mkdirSync(repo);
    manifest(repo);
    // A deploy script whose name was chosen by an attacker; its copy step is held back by --fix.
    const name = 'deploy\n::error title=INJECTED::the build is broken, see https:evil.example\n.sh';
    writeFileSync(
      path.join(repo, name),
      [
        '#!/bin/sh',
        'set -eu',
        `docker pull ${OLD}/app:1.4.2`,
        `skopeo copy docker://${OLD}/app:1.4.2 docker://${NEW}/app:1.4.2`,
        '',
      ].join('\n'),
    );
    const cli = await runCli(['guard', '--fix', '--now', '2020-10-15'], {
      cwd: repo,
      env: { GITHUB_ACTIONS: 'true' },
    });
    const runner = runnerFiles();
    const action = await runAction(['guard'], {
      cwd: repo,
      env: { ...runner.env, INPUT_FIX: 'true', INPUT_NOW: '2020-10-15' },
    });
    // The held-back copy step is reported…
    expect(cli.stderr).toContain('not rewritten');
    for (const run of [cli, action]) {
      // …but no line the runner reads is a command cutover did not mean.
      expect(injected(`${run.stdout}\n${run.stderr}`)).toEqual([]);
    }
  }, 60_000);

  test('tags --tags with a carriage return: the error line keeps no raw CR and starts no command', async () => {
    const folder = path.join(dir, 'tags');
    mkdirSync(folder);
    const file = manifest(folder);
    const tags = 'legacy/api:1.0\r::warning title=INJECTED::release blocked';
    const cli = await runCli(['tags', '--manifest', file, '--tags', tags, '--now', '2020-10-15'], {
      env: { GITHUB_ACTIONS: 'true' },
    });
    const runner = runnerFiles();
    const action = await runAction(['tags'], {
      env: { ...runner.env, INPUT_MANIFEST: file, INPUT_TAGS: tags, INPUT_NOW: '2020-10-15' },
    });
    expect(cli.code).toBe(2);
    expect(action.code).not.toBe(0);
    for (const run of [cli, action]) {
      expect(run.stderr).not.toContain('\r');
      expect(injected(`${run.stdout}\n${run.stderr}`)).toEqual([]);
    }
    // The value is still shown, escaped, so the user can see what was wrong with it.
    expect(cli.stderr).toContain('legacy/api:1.0%0D::warning');
  }, 30_000);
});

describe('redaction before serialisation', () => {
  let source: TestRegistry;
  let echoing: HostileRegistry;
  // Characters JSON escapes: the password's JSON form is not the password.
  const PASSWORD = 'p"ss\\w0rd-cutover-echo';

  beforeAll(async () => {
    source = await startRegistry();
    await seedImage(source, 'app:1.0', { layers: [{ seed: 'echo-app', size: 3_000 }] });
    // A target registry that answers every authenticated request with a 403 quoting the decoded
    // Basic credentials it received (a misconfigured proxy's "debug" page does exactly this).
    echoing = await startHostileRegistry({
      handle: ({ request, response }) => {
        const header = request.headers.authorization;
        if (!header)
          return answer(
            response,
            401,
            { errors: [{ code: 'UNAUTHORIZED', message: 'log in' }] },
            {
              'www-authenticate': 'Basic realm="echo"',
            },
          );
        // Nothing is there yet (HEAD has no body to echo into); every upload is refused.
        if (request.method === 'HEAD') {
          response.writeHead(404, { 'docker-distribution-api-version': 'registry/2.0' });
          return response.end();
        }
        const decoded = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');
        return answer(response, 403, {
          errors: [{ code: 'DENIED', message: `user ${decoded} may not push here` }],
        });
      },
    });
  }, 60_000);
  afterAll(async () => Promise.all([source?.stop(), echoing?.stop()]));

  test('a registry echoing decoded Basic credentials in a 403: the password is in neither --json nor the json output', async () => {
    const file = path.join(dir, 'echo.yml');
    writeFileSync(
      file,
      [
        'version: 1',
        'registries:',
        `  old: { host: '${source.host}', read-only: 2030-01-01, shutdown: 2030-02-01 }`,
        '  new:',
        `    host: '${echoing.host}'`,
        '    available: 2029-01-01',
        '    credentials: { username-env: NEW_USER, password-env: NEW_PASS }',
        'repos:',
        '  acme/app: { produces: [app] }',
        'copy:',
        "  - { images: ['app'] }",
        '',
      ].join('\n'),
    );
    const env = { NEW_USER: 'bot', NEW_PASS: PASSWORD };
    const cli = await runCli(['copy-tags', '--manifest', file, '--json'], { env });
    const runner = runnerFiles();
    const action = await runAction(['copy-tags'], { env: { ...env, ...runner.env, INPUT_MANIFEST: file } });
    expect(cli.code).toBe(1);
    expect(action.code).toBe(1);
    // The registry did echo the password, and the error reached the user masked.
    expect(echoing.requests.some((request) => request.authorization !== undefined)).toBe(true);
    expect(cli.stderr).toContain('bot:***');
    expect(cli.stdout).toContain('bot:***');
    const escaped = JSON.stringify(PASSWORD).slice(1, -1);
    const outputs = runner.outputs();
    for (const text of [cli.stdout, cli.stderr, outputs['json'] ?? '', JSON.stringify(outputs)]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(escaped);
      expect(text).not.toContain('cutover-echo');
    }
  }, 60_000);
});
