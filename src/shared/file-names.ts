import { isUtf8 } from 'node:buffer';

/**
 * The name to show (and, in guard, to keep) for a path given as bytes: the UTF-8 text when the bytes are valid UTF-8 and
 * hold no backslash; otherwise an escaped form in which `\\` is a backslash and `\xHH` a byte that is
 * not printable ASCII (`dir/caf\xe9.txt`). The escaping is reversible (see nameBytes), so guard also
 * finds the file again by it (src/guard/files.ts nameBytes).
 */
export function displayName(raw: Buffer): string {
  if (!raw.includes(0x5c) && isUtf8(raw)) return raw.toString('utf8');
  if (isUtf8(raw)) return raw.toString('utf8').replaceAll('\\', '\\\\');
  let name = '';
  for (const byte of raw)
    name +=
      byte === 0x5c
        ? '\\\\'
        : byte >= 0x20 && byte < 0x7f
          ? String.fromCharCode(byte)
          : `\\x${byte.toString(16).padStart(2, '0')}`;
  return name;
}
