import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { BUNDLE, ROOT } from '../harness/cli.js';
import { startGitHubApi, type GitHubApi } from '../harness/github-api.js';
import { peakResidentKiB } from '../harness/memory.js';

/**
 * Issue #12 point 6: the central manifest read through the GitHub API is capped at 1 MiB, streamed
 * (a huge answer is cut, not downloaded), with a clear error past the cap.
 */

const MANIFEST = readFileSync(path.join(ROOT, 'examples/cutover.yml'), 'utf8');
const LINE = `# ${'x'.repeat(61)}\n`;

/** An endless manifest (comment lines after a valid one), counting what was actually produced. */
function endless(limitBytes: number): { stream: Readable; produced: () => number } {
  let produced = 0;
  const block = Buffer.from(LINE.repeat(1024));
  const stream = new Readable({
    read() {
      if (produced === 0) {
        produced += MANIFEST.length;
        return void this.push(MANIFEST);
      }
      if (produced >= limitBytes) return void this.push(null);
      produced += block.length;
      this.push(block);
    },
  });
  return { stream, produced: () => produced };
}

/** Runs `cutover validate` on a central manifest, sampling its peak RSS (VmHWM) while it runs. */
async function validateCentral(api: GitHubApi, spec: string) {
  const child = spawn(process.execPath, [BUNDLE, 'validate', '--manifest', spec, '--now', '2020-09-15'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'], GITHUB_API_URL: api.url, GITHUB_TOKEN: 'ghs_limitToken123' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const peakKiB = await peakResidentKiB(child.pid, exited);
  return { code: await exited, stderr, peakMiB: peakKiB / 1024 };
}

describe('the central manifest fetch is capped', () => {
  let api: GitHubApi;
  let served: ReturnType<typeof endless> | undefined;
  beforeAll(async () => {
    api = await startGitHubApi();
    api.on('GET /repos/{owner}/{repo}/contents/{path}', (request) => {
      const file = request.params['path'];
      const raw = { 'content-type': 'application/vnd.github.raw; charset=utf-8' };
      if (file === 'huge.yml') {
        served = endless(300 * 2 ** 20);
        return { status: 200, body: served.stream, headers: raw };
      }
      if (file === 'declared-huge.yml') {
        // Says up front it is 300 MiB: refused without reading the body.
        served = endless(300 * 2 ** 20);
        return {
          status: 200,
          body: served.stream,
          headers: { ...raw, 'content-length': String(300 * 2 ** 20) },
        };
      }
      if (file === 'just-under.yml') {
        const padding = LINE.repeat(Math.floor((2 ** 20 - MANIFEST.length) / LINE.length));
        return { status: 200, body: MANIFEST + padding, headers: raw };
      }
      return { status: 404, body: { message: 'Not Found' } };
    });
  });
  afterAll(() => api.stop());
  afterEach(() => expect(api.violations.splice(0)).toEqual([]));

  test('300 MiB streamed: cut at 1 MiB with a clear error, quickly, without holding it', async () => {
    const started = Date.now();
    const result = await validateCentral(api, 'acme/platform:huge.yml');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'acme/platform:huge.yml: the central manifest is larger than 1 MiB (the limit for a manifest read through the GitHub API); stopped reading there',
    );
    expect(result.peakMiB).toBeLessThan(150);
    // A hang guard, not a timing (the bytes served, below, show the cut): reading all 300 MiB through
    // the stand-in takes minutes, the cut run about a second, and 15 s is over 10× that.
    expect(Date.now() - started).toBeLessThan(15_000);
    // Streamed: the server stopped producing soon after the client stopped reading.
    expect(served!.produced()).toBeLessThan(64 * 2 ** 20);
  });

  test('a Content-Length over 1 MiB is refused before reading the body', async () => {
    const result = await validateCentral(api, 'acme/platform:declared-huge.yml');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the central manifest is larger than 1 MiB');
    expect(served!.produced()).toBeLessThan(64 * 2 ** 20);
  });

  test('a central manifest just under 1 MiB is read and validated', async () => {
    const result = await validateCentral(api, 'acme/platform:just-under.yml');
    expect([result.code, result.stderr]).toEqual([0, expect.any(String)]);
  });
});
