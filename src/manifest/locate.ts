import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';

export type KeyPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/** Maps key paths of a parsed YAML document to 1-based line and column numbers. */
export class SourceLocator {
  /**
   * Each mapping's pairs by key, built on first use: the library's own lookup scans a mapping's
   * pairs, which made locating one problem per repository quadratic in large manifests.
   */
  private readonly pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Position of the value at `path`, or of its nearest existing ancestor. */
  valueAt(path: KeyPath): Position {
    const node = this.nearestNode(path);
    return this.positionOf(node?.range?.[0] ?? 0);
  }

  /** Position of the key named last in `path` (for unknown or misplaced keys). */
  keyAt(path: KeyPath): Position {
    const pair = this.pairAt(path);
    const key = pair?.key as Node | undefined;
    return key?.range ? this.positionOf(key.range[0]) : this.valueAt(path.slice(0, -1));
  }

  /** The plain JavaScript value at `path`, or undefined. */
  jsAt(path: KeyPath): unknown {
    const node = this.nodeAt(path);
    if (node === undefined || node === null) return undefined;
    return isScalar(node) ? node.value : (node as { toJSON(): unknown }).toJSON();
  }

  /** Converts a character offset to a 1-based position. */
  positionOf(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  private nearestNode(path: KeyPath): Node | undefined {
    for (let length = path.length; length >= 0; length--) {
      const node = this.nodeAt(path.slice(0, length));
      if (node && (isScalar(node) || isMap(node) || isSeq(node))) return node;
    }
    return undefined;
  }

  /** The node at `path` (the document's root for an empty path), like `getIn(path, true)`. */
  private nodeAt(path: KeyPath): unknown {
    let node: unknown = this.document.contents;
    for (const part of path) {
      if (isMap(node)) node = this.pairIn(node, part)?.value;
      else if (isSeq(node) && typeof part === 'number') node = node.items[part];
      else return undefined;
    }
    return node;
  }

  private pairIn(map: YAMLMap, key: string | number): Pair | undefined {
    let index = this.pairIndex.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        const name = isPair(item) && isScalar(item.key) ? String(item.key.value) : undefined;
        // The first of repeated keys, as a scan would find it.
        if (name !== undefined && !index.has(name)) index.set(name, item as Pair);
      }
      this.pairIndex.set(map, index);
    }
    return index.get(String(key));
  }

  private pairAt(path: KeyPath): Pair | undefined {
    const parent = this.nodeAt(path.slice(0, -1));
    return isMap(parent) ? this.pairIn(parent, path[path.length - 1]!) : undefined;
  }
}

/** Renders a key path the way a person writes it: `repos["acme/api"].consumes[1]`. */
export function formatKeyPath(path: KeyPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out || '(top level)';
}

/** A short description of a found value for error messages; never prints long strings whole. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  return `${typeof value} ${String(value)}`;
}
