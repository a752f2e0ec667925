import { isUtf8 } from 'node:buffer';
import type { Edit } from './finding.js';

/** Known binary formats by their first bytes (latin1): a file starting so is never rewritten. */
const MAGIC: readonly [string, string][] = [
  ['\x89PNG', 'a PNG image'],
  ['GIF8', 'a GIF image'],
  ['\xff\xd8\xff', 'a JPEG image'],
  ['%PDF-', 'a PDF document'],
  ['PK\x03\x04', 'a ZIP archive (or a jar, wheel, docx …)'],
  ['\x1f\x8b', 'a gzip stream'],
  ['BZh', 'a bzip2 stream'],
  ['\xfd7zXZ', 'an xz stream'],
  ['7z\xbc\xaf', 'a 7-Zip archive'],
  ['\x7fELF', 'an ELF executable'],
  ['\xca\xfe\xba\xbe', 'a Mach-O or Java class file'],
  ['\xcf\xfa\xed\xfe', 'a Mach-O executable'],
  ['MZ', 'a Windows executable'],
];

/**
 * Why a file's bytes are not text that --fix may rewrite, or undefined: a NUL byte anywhere, a known
 * binary format, or bytes that are not UTF-8 outside the lines the edits rewrite (a Latin-1 byte
 * on a rewritten line is kept as it was; anywhere else it says the file is not text).
 */
export function notText(bytes: Buffer, edits: readonly Edit[]): string | undefined {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return `not text: a NUL byte at byte ${nul}; never rewritten`;
  const head = bytes.toString('latin1', 0, 8);
  for (const [magic, what] of MAGIC)
    if (head.startsWith(magic) && (magic !== 'MZ' || !isUtf8(bytes)))
      return `not text: ${what}; never rewritten`;
  if (isUtf8(bytes)) return undefined;
  // The lines the edits touch are left out of the check: their bytes stay as they were.
  const kept: Buffer[] = [];
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    const lineStart = bytes.lastIndexOf(0x0a, edit.start - 1) + 1;
    if (lineStart < at) {
      at = Math.max(at, nextLine(bytes, edit.end));
      continue;
    }
    kept.push(bytes.subarray(at, lineStart));
    at = nextLine(bytes, edit.end);
  }
  kept.push(bytes.subarray(at));
  const rest = Buffer.concat(kept);
  return isUtf8(rest)
    ? undefined
    : 'not text: bytes that are not UTF-8 outside the lines rewritten; never rewritten';
}

/** The offset after the line break that ends the line holding `offset`. */
function nextLine(bytes: Buffer, offset: number): number {
  const newline = bytes.indexOf(0x0a, offset);
  return newline < 0 ? bytes.length : newline + 1;
}
