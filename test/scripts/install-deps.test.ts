import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../harness/cli.js';

/**
 * scripts/install-deps.sh (what `scripts/demo.sh` and `scripts/test.sh` start with) must work in a
 * container's root shell, which has no sudo, and on a developer's machine through sudo. It runs here
 * with a PATH of stand-ins: `id` says who we are, `apt-get` and `sudo` record how they were called,
 * and none of the tools it looks for is there, so it has to install them.
 */
let bin: string;
beforeEach(() => {
  bin = mkdtempSync(path.join(os.tmpdir(), 'cutover-install-deps-'));
  const script = (name: string, body: string) => {
    writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  script('id', 'echo "$FAKE_UID"');
  script('apt-get', `echo "apt-get $*" >> "${bin}/calls"`);
  for (const tool of ['env', 'dirname']) symlinkSync(`/usr/bin/${tool}`, path.join(bin, tool));
  symlinkSync(process.execPath, path.join(bin, 'node'));
});
afterEach(() => rmSync(bin, { recursive: true, force: true }));

function withSudo(): void {
  writeFileSync(path.join(bin, 'sudo'), `#!/bin/sh\necho "sudo $1 ..." >> "${bin}/calls"\nexec "$@"\n`);
  chmodSync(path.join(bin, 'sudo'), 0o755);
}

function install(uid: number): Promise<{ code: number; stderr: string; calls: string[] }> {
  return new Promise((resolve) =>
    execFile(
      '/bin/bash',
      [path.join(ROOT, 'scripts/install-deps.sh'), '--rehearsal'],
      { env: { PATH: bin, FAKE_UID: String(uid) } },
      (error, _stdout, stderr) => {
        const file = path.join(bin, 'calls');
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          stderr,
          calls: existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [],
        });
      },
    ),
  );
}

describe('scripts/install-deps.sh', () => {
  test('as root without sudo (a container): apt-get runs itself', async () => {
    const result = await install(0);
    expect(result.code).toBe(0);
    expect(result.calls).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq --no-install-recommends docker-registry docker.io git ca-certificates',
    ]);
  });

  test('as root with sudo installed: still no sudo', async () => {
    withSudo();
    const result = await install(0);
    expect(result.code).toBe(0);
    expect(result.calls.filter((call) => call.startsWith('sudo'))).toEqual([]);
  });

  test('as a user: through sudo', async () => {
    withSudo();
    const result = await install(1000);
    expect(result.code).toBe(0);
    expect(result.calls).toEqual([
      'sudo env ...',
      'apt-get update -qq',
      'sudo env ...',
      'apt-get install -y -qq --no-install-recommends docker-registry docker.io git ca-certificates',
    ]);
  });

  test('as a user without sudo: exit 2 and the command to run as root, nothing run', async () => {
    const result = await install(1000);
    expect(result.code).toBe(2);
    expect(result.calls).toEqual([]);
    expect(result.stderr).toContain(
      'error: installing Debian packages needs root, and sudo is not installed: as root, run apt-get update && apt-get install -y docker-registry docker.io git ca-certificates',
    );
  });
});
