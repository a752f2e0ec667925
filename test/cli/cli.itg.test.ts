import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runnerFiles } from '../harness/actions-env.js';
import { ROOT, runAction, runCli } from '../harness/cli.js';

const EXAMPLE = 'examples/cutover.yml';

describe('the CLI front door', () => {
  test('validate reports the phase on the day given (--now)', async () => {
    const dual = await runCli(['validate', '--manifest', EXAMPLE, '--now', '2020-09-15']);
    expect(dual.code).toBe(0);
    expect(dual.stderr).toContain(
      'on 2020-09-15: phase dual; pushes go to registry.old.example.com and registry.new.example.com',
    );
    const json = await runCli(['validate', '--manifest', EXAMPLE, '--now', '2020-09-15', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      phase: 'dual',
      pushTo: ['registry.old.example.com', 'registry.new.example.com'],
    });
    const later = await runCli(['validate', '--manifest', EXAMPLE, '--now', '2020-10-15', '--json']);
    expect(JSON.parse(later.stdout)).toMatchObject({
      phase: 'new-only',
      pushTo: ['registry.new.example.com'],
      skipped: [
        { registry: 'registry.old.example.com', reason: 'the old registry is read-only since 2020-10-01' },
      ],
      referencePolicy: { severity: 'warning', daysLeft: 17 },
    });
  });

  test('CUTOVER_NOW sets the day when --now is absent; --now wins', async () => {
    const viaEnv = await runCli(['validate', '--manifest', EXAMPLE, '--json'], {
      env: { CUTOVER_NOW: '2020-11-02' },
    });
    expect(JSON.parse(viaEnv.stdout).phase).toBe('retired');
    const both = await runCli(['validate', '--manifest', EXAMPLE, '--json', '--now', '2020-08-01'], {
      env: { CUTOVER_NOW: '2020-11-02' },
    });
    expect(JSON.parse(both.stdout).phase).toBe('before');
  });

  test('finds cutover.yml, then .github/cutover.yml, in the working directory', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-cwd-'));
    mkdirSync(path.join(dir, '.github'));
    writeFileSync(path.join(dir, '.github/cutover.yml'), readFileSync(path.join(ROOT, EXAMPLE)));
    const found = await runCli(['validate', '--now', '2020-09-15', '--json'], { cwd: dir });
    expect(JSON.parse(found.stdout).manifest).toBe('.github/cutover.yml');
    const empty = mkdtempSync(path.join(os.tmpdir(), 'cutover-cwd-'));
    const missing = await runCli(['validate'], { cwd: empty });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no manifest found: looked for cutover.yml and .github/cutover.yml');
  });

  test('bad flags and values exit 2 with what was expected', async () => {
    const typo = await runCli(['validate', '--manfest', EXAMPLE]);
    expect(typo).toMatchObject({ code: 2 });
    expect(typo.stderr).toContain('unknown flag --manfest; did you mean --manifest?');
    const badDay = await runCli(['validate', '--manifest', EXAMPLE, '--now', '2020-02-30']);
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('--now: expected a day written YYYY-MM-DD, found "2020-02-30"');
    const badEnv = await runCli(['validate', '--manifest', EXAMPLE], { env: { CUTOVER_NOW: 'yesterday' } });
    expect(badEnv.stderr).toContain('CUTOVER_NOW: expected a day written YYYY-MM-DD');
    const unknown = await runCli(['valdate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "valdate"; did you mean "validate"?');
    const missingFile = await runCli(['validate', '--manifest', 'nope.yml']);
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toContain('nope.yml: cannot read the manifest: no such file');
  });

  test('with --json, bad input still prints a document on stdout, with every located problem', async () => {
    const result = await runCli([
      'validate',
      '--manifest',
      'test/fixtures/manifests/bad/unknown-repo-key.yml',
      '--json',
    ]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      exitCode: 2,
      problems: [
        {
          file: 'test/fixtures/manifests/bad/unknown-repo-key.yml',
          line: 14,
          column: 5,
          path: 'repos["acme/api"].consume',
        },
      ],
    });
  });

  test('--help and --version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Commands:\n\s+validate/);
    const commandHelp = await runCli(['validate', '--help']);
    expect(commandHelp.stdout).toContain('--manifest VALUE');
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
    );
  });
});

describe('the action front door', () => {
  test('the root action reads the command and options from inputs and sets outputs and a summary', async () => {
    const runner = runnerFiles();
    const result = await runAction([], {
      env: { ...runner.env, INPUT_COMMAND: 'validate', INPUT_MANIFEST: EXAMPLE, INPUT_NOW: '2020-09-15' },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('phase dual');
    const outputs = runner.outputs();
    expect(outputs['phase']).toBe('dual');
    expect(outputs['push-to']).toBe('registry.old.example.com\nregistry.new.example.com');
    expect(JSON.parse(outputs['json']!)).toMatchObject({ phase: 'dual' });
    expect(runner.summary()).toContain('| 2020-10-01 | old registry `registry.old.example.com` read-only |');
  });

  test('a composite action passes the command as the argument and inputs with underscores', async () => {
    const runner = runnerFiles();
    const result = await runAction(['validate'], {
      env: { ...runner.env, INPUT_MANIFEST: EXAMPLE, INPUT_NOW: '2020-10-15' },
    });
    expect(result.code).toBe(0);
    expect(runner.outputs()['phase']).toBe('new-only');
  });

  test('bad input fails the step with exit 2 and an ::error:: line', async () => {
    const runner = runnerFiles();
    const result = await runAction([], {
      env: {
        ...runner.env,
        INPUT_COMMAND: 'validate',
        INPUT_MANIFEST: 'test/fixtures/manifests/bad/date-impossible.yml',
      },
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      '::error::test/fixtures/manifests/bad/date-impossible.yml:6:16: registries.old.read-only',
    );
  });
});

describe('secrets', () => {
  const SECRETS = {
    OLD_PASSWORD: 'pa55-from-env-Zq81',
    helper: 'secret-from-helper-Yw23',
    auths: 'secret-from-auths-Xv45',
    token: 'identity-token-Ut67',
  };

  function dockerConfigWithHelper(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-docker-config-'));
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    // A real credential helper program, speaking the docker-credential-helpers protocol.
    writeFileSync(
      path.join(bin, 'docker-credential-cutover-test'),
      `#!/bin/sh\nread host\nprintf '{"ServerURL":"%s","Username":"helper-user","Secret":"${SECRETS.helper}"}' "$host"\n`,
    );
    chmodSync(path.join(bin, 'docker-credential-cutover-test'), 0o755);
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({
        auths: {
          'https://registry-new.internal/v1/': {
            auth: Buffer.from(`robot:${SECRETS.auths}`).toString('base64'),
          },
          'registry.new.example.com': { identitytoken: SECRETS.token },
        },
        credHelpers: { 'registry.new.example.com': 'cutover-test' },
      }),
    );
    return dir;
  }

  test.each(['cli', 'action'])(
    'no credential appears in any output of the %s front door, even with ACTIONS_STEP_DEBUG',
    async (door) => {
      const dockerConfig = dockerConfigWithHelper();
      const runner = runnerFiles();
      const env = {
        ...runner.env,
        ACTIONS_STEP_DEBUG: 'true',
        RUNNER_DEBUG: '1',
        CUTOVER_DEBUG: '1',
        DOCKER_CONFIG: dockerConfig,
        PATH: `${path.join(dockerConfig, 'bin')}:${process.env['PATH']}`,
        OLD_USER: 'old-user',
        OLD_PASSWORD: SECRETS.OLD_PASSWORD,
        INPUT_MANIFEST: 'test/fixtures/manifests/good/with-credentials.yml',
        INPUT_NOW: '2020-09-15',
      };
      const args =
        door === 'cli'
          ? ['validate', '--manifest', env.INPUT_MANIFEST, '--now', '2020-09-15', '--json']
          : ['validate'];
      const result = await (door === 'cli' ? runCli : runAction)(args, { env });
      expect(result.code).toBe(0);
      const everything = [
        result.stdout,
        result.stderr,
        readFileSync(runner.env['GITHUB_OUTPUT']!, 'utf8'),
        runner.summary(),
      ].join('\n');
      // The credentials were read (the helper answered) ...
      expect(everything).toContain(
        'old registry env OLD_USER/OLD_PASSWORD; new registry docker-credential-cutover-test',
      );
      for (const secret of [SECRETS.OLD_PASSWORD, SECRETS.helper]) {
        // ... masked before anything else could print them ...
        expect(everything).toContain(`::add-mask::${secret}`);
        // ... and shown nowhere else.
        const unmasked = everything
          .split('\n')
          .filter((line) => line.includes(secret) && !line.startsWith('::add-mask::'));
        expect(unmasked).toEqual([]);
      }
      if (door === 'cli') expect(() => JSON.parse(result.stdout)).not.toThrow();
    },
  );
});
