import { OperationalError } from '../../src/shared/errors.js';
import { git, runProgram } from '../../src/shared/process.js';

describe('the process seam (runProgram)', () => {
  test('stdout and stderr past their limits are counted, not kept (head of stdout, tail of stderr)', async () => {
    // 3 MiB on each stream, written in many chunks.
    const script =
      "const a = Buffer.alloc(65536, 'a'); for (let i = 0; i < 48; i++) { process.stdout.write(a); process.stderr.write(a); } process.stdout.write('END-OUT'); process.stderr.write('END-ERR');";
    let streamed = 0;
    const result = await runProgram(process.execPath, ['-e', script], {
      cwd: process.cwd(),
      stdoutLimit: 1000,
      stderrLimit: 2000,
      onOutput: (chunk) => (streamed += chunk.length),
    });
    expect(result.code).toBe(0);
    const total = 48 * 65536 + 7;
    expect(result.stdout.length).toBe(1000);
    expect(result.stdout.toString()).toBe('a'.repeat(1000));
    expect(result.stdoutDropped).toBe(total - 1000);
    expect(result.stderr.length).toBe(2000);
    expect(result.stderr.endsWith('aEND-ERR')).toBe(true);
    expect(result.stderrDropped).toBe(total - 2000);
    expect(streamed).toBe(2 * total);
  });

  test('without limits stdout is kept whole and nothing is dropped', async () => {
    const result = await runProgram('printf', ['%s', 'x'.repeat(5000)], { cwd: process.cwd() });
    expect(result.stdout.toString()).toBe('x'.repeat(5000));
    expect(result.stdoutDropped).toBe(0);
    expect(result.stderrDropped).toBe(0);
  });

  test('git failing is an operational error of kind "failed" carrying git\'s message', async () => {
    const failure = git(['rev-parse', '--verify', 'no-such-ref-anywhere'], process.cwd());
    await expect(failure).rejects.toBeInstanceOf(OperationalError);
    await expect(failure).rejects.toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('exit 128'),
    });
  });
});
