// The layer boundaries of src/ as ESLint rules (docs/ARCHITECTURE.md, "Rules lint enforces"):
//   boundaries/no-cycle   no chain of runtime imports leads a module back to itself;
//   boundaries/no-import  a file may not import the packages or project files its layer forbids.
// Written here rather than taken from eslint-plugin-import-x because that plugin is not among the
// project's dependencies; the semantics follow its `import-x/no-cycle` (type-only imports are erased
// by the compiler, so they never form a runtime cycle; dynamic `import()` does).
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import ts from 'typescript';

/** How a specifier written for the emitted JavaScript maps back to the source file (NodeNext style). */
const SOURCE_FOR_EMITTED = {
  '.js': ['.ts', '.tsx', '.js'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'];

const isFile = (file) => {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * The file a relative specifier names, or undefined for a package or a file that does not exist
 * (tsc reports those; this rule has nothing to say about them).
 */
export function resolveImport(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.resolve(path.dirname(fromFile), specifier);
  const extension = path.extname(target);
  const stem = target.slice(0, target.length - extension.length);
  const candidates = [
    ...(SOURCE_FOR_EMITTED[extension] ?? []).map((source) => stem + source),
    target,
    ...EXTENSIONS.map((source) => target + source),
    ...EXTENSIONS.map((source) => path.join(target, `index${source}`)),
  ];
  return candidates.find(isFile);
}

/** True when every name an import/export declaration brings is a type (erased from the JavaScript). */
function isTypeOnlyDeclaration(statement) {
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (!clause) return false; // `import './side-effect.js'` runs the module
    if (clause.isTypeOnly) return true;
    const bindings = clause.namedBindings;
    return (
      !clause.name &&
      bindings !== undefined &&
      ts.isNamedImports(bindings) &&
      bindings.elements.length > 0 &&
      bindings.elements.every((element) => element.isTypeOnly)
    );
  }
  const clause = statement.exportClause;
  if (statement.isTypeOnly) return true;
  return (
    clause !== undefined &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((element) => element.isTypeOnly)
  );
}

const parsed = new Map(); // file → { mtimeMs, imports: resolved files imported at run time }

/** The files a module imports at run time (static imports, re-exports and `import()`), read from disk. */
function runtimeImportsOf(file) {
  if (!EXTENSIONS.includes(path.extname(file))) return []; // JSON and other assets import nothing
  const { mtimeMs } = fs.statSync(file);
  const cached = parsed.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.imports;
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const specifiers = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      !isTypeOnlyDeclaration(node)
    ) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const imports = [...new Set(specifiers.map((specifier) => resolveImport(file, specifier)).filter(Boolean))];
  parsed.set(file, { mtimeMs, imports });
  return imports;
}

/** A chain of runtime imports from `start` back to `home` (both included), or undefined. */
function pathBack(start, home) {
  const seen = new Set();
  const search = (file, trail) => {
    if (file === home) return trail;
    if (seen.has(file)) return undefined;
    seen.add(file);
    for (const next of runtimeImportsOf(file)) {
      const found = search(next, [...trail, next]);
      if (found) return found;
    }
    return undefined;
  };
  return search(start, [start]);
}

/** The module specifier an ESLint import node carries and whether it only brings types. */
function importOf(node) {
  if (node.type === 'ImportExpression') {
    return node.source.type === 'Literal' && typeof node.source.value === 'string'
      ? { specifier: node.source.value, typeOnly: false }
      : undefined;
  }
  if (!node.source) return undefined; // `export { local }`
  const specifiers = node.specifiers ?? [];
  const typeOnly =
    node.type === 'ImportDeclaration'
      ? node.importKind === 'type' ||
        (specifiers.length > 0 &&
          specifiers.every(
            (specifier) => specifier.type === 'ImportSpecifier' && specifier.importKind === 'type',
          ))
      : node.exportKind === 'type' ||
        (specifiers.length > 0 && specifiers.every((specifier) => specifier.exportKind === 'type'));
  return { specifier: node.source.value, typeOnly };
}

/** Calls `check` with every import of the file being linted. */
function eachImport(check) {
  const visit = (node) => {
    const found = importOf(node);
    if (found) check(node, found);
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}

const relativeTo = (root, file) => path.relative(root, file).split(path.sep).join('/');

const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid a chain of runtime imports that leads a module back to itself.' },
    schema: [],
    messages: {
      cycle: 'Import cycle: {{chain}}. Move what both sides need into a module that neither imports.',
    },
  },
  create(context) {
    const home = path.resolve(context.filename);
    return eachImport((node, { specifier, typeOnly }) => {
      if (typeOnly) return;
      const target = resolveImport(home, specifier);
      if (!target) return;
      const chain = pathBack(target, home);
      if (!chain) return;
      const names = [home, ...chain].map((file) => relativeTo(context.cwd, file));
      context.report({ node, messageId: 'cycle', data: { chain: names.join(' → ') } });
    });
  },
};

const noImport = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports that cross a layer boundary (packages or project files).' },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          packages: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'message'],
              properties: { name: { type: 'string' }, message: { type: 'string' } },
            },
          },
          files: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['pattern', 'message'],
              properties: {
                pattern: { type: 'string' },
                except: { type: 'array', items: { type: 'string' } },
                message: { type: 'string' },
              },
            },
          },
        },
      },
    ],
    messages: { forbidden: "'{{specifier}}' may not be imported here: {{message}}" },
  },
  create(context) {
    const { packages = [], files = [] } = context.options[0] ?? {};
    const fileRules = files.map((rule) => ({
      ...rule,
      matches: picomatch(rule.pattern),
      excepted: picomatch(rule.except ?? []),
    }));
    const home = path.resolve(context.filename);
    // Type-only imports count too: the boundary is about what a layer knows, not only what it loads.
    return eachImport((node, { specifier }) => {
      const report = (message) =>
        context.report({ node, messageId: 'forbidden', data: { specifier, message } });
      const banned = packages.find(({ name }) => specifier === name || specifier.startsWith(`${name}/`));
      if (banned) return report(banned.message);
      const target = resolveImport(home, specifier);
      if (!target) return;
      const name = relativeTo(context.cwd, target);
      const rule = fileRules.find(({ matches, excepted }) => matches(name) && !excepted(name));
      if (rule) report(rule.message);
    });
  },
};

/** The plugin: `boundaries/no-cycle` and `boundaries/no-import`. */
export default {
  meta: { name: 'cutover-boundaries' },
  rules: { 'no-cycle': noCycle, 'no-import': noImport },
};
