// An ESLint rule: no two command folders (src/<area>/ holding a command.ts, src/cli/ aside) import each
// other, directly or through other command folders. A folder's code that two commands need belongs in
// a shared part (src/manifest/, src/oci/, src/shared/ …), not in one command that the other reaches
// into while being reached into itself. Type-only imports count: the rule is about what a folder knows.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Relative module specifiers of a file's imports, re-exports and `import()` calls. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The folder graph of one src/ directory, read once per lint run. */
const graphs = new Map();

function commandFolders(src) {
  return readdirSync(src, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'cli')
    .map((entry) => entry.name)
    .filter((name) => {
      try {
        return statSync(path.join(src, name, 'command.ts')).isFile();
      } catch {
        return false;
      }
    });
}

/** The command folder `file` lies in, if any. */
function folderOf(src, folders, file) {
  const relative = path.relative(src, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const first = relative.split(path.sep)[0];
  return folders.has(first) ? first : undefined;
}

function graphOf(src) {
  let graph = graphs.get(src);
  if (graph) return graph;
  const folders = new Set(commandFolders(src));
  const edges = new Map([...folders].map((folder) => [folder, new Set()]));
  for (const folder of folders) {
    for (const entry of readdirSync(path.join(src, folder), { recursive: true, encoding: 'utf8' })) {
      if (!/\.[cm]?[jt]s$/.test(entry)) continue;
      const file = path.join(src, folder, entry);
      for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
        const target = folderOf(src, folders, path.resolve(path.dirname(file), match[1]));
        if (target && target !== folder) edges.get(folder).add(target);
      }
    }
  }
  graph = { folders, edges };
  graphs.set(src, graph);
  return graph;
}

/** The command folders from `start` to `goal` along imports (`start` first), or undefined. */
function pathBetween(edges, start, goal) {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const folder = queue.shift();
    if (folder === goal) {
      const route = [];
      for (let at = goal; at !== undefined; at = previous.get(at)) route.unshift(at);
      return route;
    }
    for (const next of edges.get(folder) ?? [])
      if (!previous.has(next)) {
        previous.set(next, folder);
        queue.push(next);
      }
  }
  return undefined;
}

export const noCommandFolderCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'No two command folders (src/<area>/ with a command.ts) import each other.' },
    schema: [],
    messages: {
      cycle:
        'src/{{from}}/ imports src/{{to}}/, which imports src/{{from}}/ ({{route}}): move what both need to a shared part (src/manifest/, src/oci/, src/shared/ …).',
    },
  },
  create(context) {
    const src = path.join(context.cwd, 'src');
    const { folders, edges } = graphOf(src);
    const from = folderOf(src, folders, context.filename);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source?.value !== 'string' || !source.value.startsWith('.')) return;
      const to = folderOf(src, folders, path.resolve(path.dirname(context.filename), source.value));
      if (!to || to === from) return;
      const back = pathBetween(edges, to, from);
      if (back)
        context.report({
          node,
          messageId: 'cycle',
          data: { from, to, route: [from, ...back].map((folder) => `src/${folder}/`).join(' → ') },
        });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

/** The plugin eslint.config.js registers as `cutover`. */
export default { rules: { 'no-command-folder-cycle': noCommandFolderCycle } };
