import { LineSplitter, MAX_LINE_BYTES } from '../../src/pulls/lines.js';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Registry-log-like text: blob and manifest requests, empty lines, CRLF, multi-byte characters. */
function logText(next: () => number, lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const roll = next();
    if (roll < 0.05) out.push('');
    else if (roll < 0.3)
      out.push(`GET /v2/team/api-${i}/manifests/1.${i} agent="ünïcødé/${i}"${roll < 0.1 ? '\r' : ''}`);
    else if (roll < 0.35)
      out.push(`HEAD /v2/team/web/manifests/sha256:${'ab'.repeat(32)} and /manifests/ twice`);
    else
      out.push(
        `GET /v2/team/api-${i}/blobs/sha256:${'0'.repeat(64)} ${'x'.repeat(Math.floor(next() * 300))}`,
      );
  }
  return out.join('\n');
}

/** What the splitter must hand over: each non-empty line (CR dropped) with its number. */
function expected(text: string, needle?: string): [string, number][] {
  return text
    .split('\n')
    .map((line, index): [string, number] => [line.replace(/\r$/, ''), index + 1])
    .filter(([line]) => line !== '' && (needle === undefined || line.includes(needle)));
}

function split(
  bytes: Buffer,
  sizes: () => number,
  needles?: string[],
): { lines: [string, number][]; count: number } {
  const lines: [string, number][] = [];
  const splitter = new LineSplitter(
    (line, number) => lines.push([line, number]),
    needles,
    () => {
      throw new Error('no line is overlong here');
    },
  );
  for (let at = 0; at < bytes.length;) {
    const size = Math.max(1, sizes());
    splitter.push(bytes.subarray(at, at + size));
    at += size;
  }
  splitter.end();
  return { lines, count: splitter.lineCount };
}

describe('LineSplitter', () => {
  const next = random(7);
  const text = logText(next, 3_000);
  const bytes = Buffer.from(text);
  const lineCount = text.split('\n').length;

  test.each([
    ['one chunk', () => bytes.length],
    ['chunks of 1 to 16 bytes (needles and multi-byte characters cut)', () => 1 + Math.floor(next() * 16)],
    ['chunks of up to 4 kB', () => 1 + Math.floor(next() * 4096)],
  ])('every line with its number, cut in %s', (_, sizes) => {
    const all = split(bytes, sizes);
    expect(all.lines).toEqual(expected(text));
    expect(all.count).toBe(lineCount);
    const needled = split(bytes, sizes, ['/manifests/']);
    expect(needled.lines).toEqual(expected(text, '/manifests/'));
    expect(needled.count).toBe(lineCount);
  });

  test('several needles: a line with either, once, in order', () => {
    const lines = split(bytes, () => 1 + Math.floor(next() * 64), ['/manifests/', 'ünïcødé']).lines;
    expect(lines).toEqual(
      expected(text).filter(([line]) => line.includes('/manifests/') || line.includes('ünïcødé')),
    );
  });

  test('a file ending with a line break has no extra line; one without keeps its last line', () => {
    expect(split(Buffer.from('a\nb\n'), () => 1).lines).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(split(Buffer.from('a\nb'), () => 3).lines).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  test('a line longer than the limit is reported by number and skipped; the next lines still count', () => {
    const overlong: number[] = [];
    const lines: [string, number][] = [];
    const splitter = new LineSplitter(
      (line, number) => lines.push([line, number]),
      ['/manifests/'],
      (number) => overlong.push(number),
    );
    splitter.push(Buffer.from('GET /v2/a/manifests/1\n'));
    const big = Buffer.alloc(MAX_LINE_BYTES + 10, 'x');
    for (let at = 0; at < big.length; at += 1 << 20) splitter.push(big.subarray(at, at + (1 << 20)));
    splitter.push(Buffer.from('/manifests/ still in the long line\nGET /v2/b/manifests/2\n'));
    splitter.end();
    expect(overlong).toEqual([2]);
    expect(lines).toEqual([
      ['GET /v2/a/manifests/1', 1],
      ['GET /v2/b/manifests/2', 3],
    ]);
  });
});
