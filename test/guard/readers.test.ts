import fs, { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import os from 'node:os';
import path from 'node:path';
import { readerThread, type BatchResult, type ReaderSetup } from '../../src/guard/reader-thread.js';
import { startReaders } from '../../src/guard/readers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-readers-'));
  writeFileSync(path.join(dir, 'hit.txt'), 'FROM registry.old.example.com/base:1\n');
  writeFileSync(path.join(dir, 'miss.txt'), 'nothing here\n');
  writeFileSync(path.join(dir, 'alias.txt'), 'x old-registry.internal/y\n');
  writeFileSync(path.join(dir, 'binary.bin'), Buffer.from([1, 0, 2, 3]));
  writeFileSync(path.join(dir, 'large.txt'), 'registry.old.example.com/'.repeat(100));
  mkdirSync(path.join(dir, 'sub'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const setup: Omit<ReaderSetup, 'root'> = {
  needles: ['registry.old.example.com', 'old-registry.internal'],
  maxSize: 1000,
};
const batch = ['hit.txt', 'miss.txt', 'binary.bin', 'large.txt', 'alias.txt', 'missing.txt', 'sub'];
const expected: BatchResult = {
  verdicts: [
    ['hit.txt', 'hit'],
    ['binary.bin', 'binary'],
    ['large.txt', 'too large', '2500 bytes'],
    ['alias.txt', 'hit'],
    ['missing.txt', 'unreadable', 'listed but missing (deleted?)'],
    ['sub', 'not a file', 'a directory (a submodule or a link to one)'],
  ],
  scanned: 3,
  bytes: 37 + 13 + 26,
};

describe('guard reader thread', () => {
  test('the typed reader function, run in this thread: hits, binaries, size limit, missing files', () => {
    let listener: ((message: ReaderSetup | string[]) => void) | undefined;
    const answers: BatchResult[] = [];
    readerThread({ on: (_event, handler) => (listener = handler), postMessage: (m) => answers.push(m) }, fs);
    listener!({ root: dir, ...setup });
    listener!(batch);
    expect(answers).toEqual([expected]);
  });

  test('any letter case is a hit; hits come back with their bytes while the batch budget lasts', () => {
    writeFileSync(path.join(dir, 'mixed.txt'), 'FROM Registry.Old.Example.COM/base:1\n');
    writeFileSync(path.join(dir, 'upper.txt'), 'x OLD-REGISTRY.INTERNAL/y\n');
    writeFileSync(path.join(dir, 'near.txt'), 'registry.old.example.co/m registry-old.example.com\n');
    let listener: ((message: ReaderSetup | string[]) => void) | undefined;
    const answers: BatchResult[] = [];
    readerThread({ on: (_event, handler) => (listener = handler), postMessage: (m) => answers.push(m) }, fs);
    // Room for the first two hits' bytes (37 + 38), not the third's (26).
    listener!({ root: dir, ...setup, contents: 80 });
    listener!(['hit.txt', 'near.txt', 'mixed.txt', 'upper.txt']);
    const text = (bytes?: Uint8Array) => bytes && Buffer.from(bytes).toString('latin1');
    expect(answers[0]!.verdicts.map(([file, outcome, , bytes]) => [file, outcome, text(bytes)])).toEqual([
      ['hit.txt', 'hit', 'FROM registry.old.example.com/base:1\n'],
      ['mixed.txt', 'hit', 'FROM Registry.Old.Example.COM/base:1\n'],
      ['upper.txt', 'hit', undefined],
    ]);
  });

  test('with a budget, every hit comes back with where the needles are, its UTF-8 validity and size', () => {
    writeFileSync(path.join(dir, 'two.txt'), 'a registry.old.example.com/x\nOLD-REGISTRY.INTERNAL/y \xff\n');
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('é registry.old.example.com/z\n', 'latin1'));
    let listener: ((message: ReaderSetup | string[]) => void) | undefined;
    const answers: BatchResult[] = [];
    readerThread(
      { on: (_event, handler) => (listener = handler), postMessage: (m) => answers.push(m) },
      fs,
      isUtf8,
    );
    // Room for the first hit's bytes only: the second comes back without them, to be read again.
    listener!({ root: dir, ...setup, contents: 60 });
    listener!(['two.txt', 'latin1.txt']);
    const [first, second] = answers[0]!.verdicts;
    expect(first!.slice(4)).toEqual([[[2], [29]], true]);
    expect(first![3]).toBeDefined();
    expect(second!.slice(3)).toEqual([undefined, [[2], []], false, 29]);
  });

  test('the same function as a worker thread, from its source text', async () => {
    const pool = startReaders(2);
    pool.configure({ root: dir, ...setup });
    const sent = await Promise.all([pool.send(batch), pool.send(['miss.txt'])]);
    const results = await Promise.all(sent.map((each) => each.result));
    await pool.close();
    expect(results).toEqual([expected, { verdicts: [], scanned: 1, bytes: 13 }]);
  });
});
