import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { TooLargeError, unpackTarball } from '../../src/github/tarball.js';
import { gitIn } from '../harness/git.js';

/** One ustar entry (header and padded body), as a hostile server could send it. */
function entry(name: string, body: string, type = '0'): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 'utf8');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${Buffer.byteLength(body).toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write(type, 156);
  header.write('ustar\0', 257);
  header.write('        ', 148);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const data = Buffer.alloc(Math.ceil(Buffer.byteLength(body) / 512) * 512);
  data.write(body);
  return Buffer.concat([header, data]);
}

describe('unpacking a repository tarball', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-tarball-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('git archive’s format (pax headers, one top directory) unpacks without its top directory', async () => {
    const repo = path.join(dir, 'repo');
    mkdirSync(path.join(repo, 'deploy', 'a'.repeat(120)), { recursive: true });
    writeFileSync(path.join(repo, 'Dockerfile'), 'FROM old.example.com/api:1\n');
    writeFileSync(path.join(repo, 'deploy', 'a'.repeat(120), 'web.yaml'), 'image: x\n');
    const git = gitIn(repo);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'x');
    const tarball = git('archive', '--format=tar.gz', '--prefix=acme-web-abc1234/', 'HEAD');
    const out = path.join(dir, 'out');
    expect(await unpackTarball(tarball, out, 1_000_000)).toEqual({
      files: 2,
      tooLarge: 0,
      other: 0,
      paths: ['Dockerfile', `deploy/${'a'.repeat(120)}/web.yaml`],
    });
    expect(readFileSync(path.join(out, 'Dockerfile'), 'utf8')).toContain('old.example.com/api:1');
    expect(existsSync(path.join(out, 'deploy', 'a'.repeat(120), 'web.yaml'))).toBe(true);
  });

  test('a path out of the directory is refused; links are never made; large files are left out', async () => {
    const out = path.join(dir, 'out');
    const escape = gzipSync(Buffer.concat([entry('top/../../evil.txt', 'x'), Buffer.alloc(1024)]));
    await expect(unpackTarball(escape, out, 1000)).rejects.toThrow('a path outside its directory');
    expect(existsSync(path.join(dir, 'evil.txt'))).toBe(false);
    const mixed = gzipSync(
      Buffer.concat([
        entry('top/link', '', '2'),
        entry('top/big.bin', 'y'.repeat(2000)),
        entry('top/ok', 'z'),
        Buffer.alloc(1024),
      ]),
    );
    expect(await unpackTarball(mixed, out, 1000)).toEqual({
      files: 1,
      tooLarge: 1,
      other: 1,
      paths: ['big.bin', 'ok'],
    });
    expect(existsSync(path.join(out, 'link'))).toBe(false);
  });

  test('what is not a tar.gz is an error, not an empty repository', async () => {
    await expect(unpackTarball(Buffer.from('<html>rate limited</html>'), dir, 1000)).rejects.toThrow();
    await expect(unpackTarball(gzipSync(Buffer.alloc(512, 7)), dir, 1000)).rejects.toThrow(
      'not a tar archive',
    );
  });

  test('the caps (issue 24 point 2): total bytes, file count and one file’s size stop the unpacking with the figure', async () => {
    const files = Array.from({ length: 30 }, (_, i) =>
      entry(`top/src/file-${i}.ts`, `export const n = ${i};\n`),
    );
    const many = gzipSync(Buffer.concat([...files, Buffer.alloc(1024)]));
    const limits = { totalBytes: 1_000_000, files: 1000, fileBytes: 1_000_000 };
    expect((await unpackTarball(many, path.join(dir, 'a'), 1000, limits)).files).toBe(30);
    const count = unpackTarball(many, path.join(dir, 'b'), 1000, { ...limits, files: 20 });
    await expect(count).rejects.toBeInstanceOf(TooLargeError);
    await expect(count).rejects.toThrow('more than 20 files');
    await expect(
      unpackTarball(many, path.join(dir, 'c'), 1000, { ...limits, totalBytes: 10_000 }),
    ).rejects.toThrow('more than 10.0 kB unpacked');
    // One file's size is known from its header: refused before its content is unpacked.
    const big = gzipSync(Buffer.concat([entry('top/data.bin', 'z'.repeat(5000)), Buffer.alloc(1024)]));
    await expect(
      unpackTarball(big, path.join(dir, 'd'), 1000, { ...limits, fileBytes: 4096 }),
    ).rejects.toThrow('data.bin is 5.0 kB, over the 4.1 kB cap for one file');
  });
});
