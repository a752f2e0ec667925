import { ProgressLine } from '../../src/shared/progress.js';

describe('ProgressLine', () => {
  test('a run shorter than a tick prints its line once, not the same line again at the end', () => {
    const lines: string[] = [];
    const counters = { files: 0 };
    const progress = new ProgressLine(
      (line) => lines.push(line),
      () => `guard: ${counters.files} files`,
    );
    counters.files = 1;
    progress.tick();
    progress.done();
    expect(lines).toEqual(['guard: 1 files']);
  });

  test('the final line is printed when it says something new', () => {
    const lines: string[] = [];
    const counters = { files: 0 };
    const progress = new ProgressLine(
      (line) => lines.push(line),
      () => `guard: ${counters.files} files`,
    );
    counters.files = 1;
    progress.tick();
    counters.files = 2;
    progress.tick(); // within the interval: not printed
    progress.done();
    expect(lines).toEqual(['guard: 1 files', 'guard: 2 files']);
  });

  test('a run without ticks prints its final line', () => {
    const lines: string[] = [];
    new ProgressLine(
      (line) => lines.push(line),
      () => 'copy-tags: 0/0 tags',
    ).done();
    expect(lines).toEqual(['copy-tags: 0/0 tags']);
  });
});
