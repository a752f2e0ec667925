import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import cutover from './scripts/lint/command-folders.js';

// The layers' rules (docs/ARCHITECTURE.md, "Rules lint enforces"): no import cycle anywhere, and what each
// part of src/ may import. Shown failing on test/fixtures/lint by test/lint/boundaries.test.ts.
// Zone paths are relative to the working directory: run ESLint from the package root (npm run lint does).
const CORE_ONLY_IN_CLI =
  '@actions/core is reached only from src/cli/ (the reporter and the entry points): report through the Reporter of the context.';
const FOCUSED_OR_DISABLED =
  'No focused, skipped or to-do tests in the suite (.only, .skip, .todo, .failing, xit, xdescribe, fit): each behaviour has a test that runs.';
const NO_ACTIONS_CORE = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: '@actions/core', message: CORE_ONLY_IN_CLI }],
      patterns: [{ group: ['@actions/core/*'], message: CORE_ONLY_IN_CLI }],
    },
  ],
  // no-restricted-imports does not look at import(); esquery regexes cannot hold a slash, hence the dot.
  'no-restricted-syntax': [
    'error',
    { selector: 'ImportExpression[source.value=/^@actions.core($|.)/]', message: CORE_ONLY_IN_CLI },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'lib/', 'node_modules/', 'coverage/', 'test/fixtures/', 'bench/.work/', '.tools/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      // NodeNext style: `./x.js` in a source file names ./x.ts.
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.node'],
          extensionAlias: { '.js': ['.ts', '.js'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'] },
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      // Runtime cycles: static imports, re-exports and import(); type-only imports are erased and do not count.
      'import-x/no-cycle': 'error',
    },
  },
  {
    // Domain code: everything in src/ but the CLI and the command layer (command.ts, present.ts).
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/*/command.ts', 'src/*/present.ts'],
    rules: {
      ...NO_ACTIONS_CORE,
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src',
              from: './src/cli',
              message:
                'Domain code does not know how it is run: return a report and let the command present it.',
            },
            {
              target: './src/shared',
              from: './src',
              except: ['./shared'],
              message:
                'src/shared/ is the bottom layer: one of each mechanism, knowing nothing of the rest of src/.',
            },
            {
              target: './src',
              from: ['./src/!(cli)/command.ts', './src/*/present.ts'],
              message:
                'Domain code never imports a command or its presentation: the dependency goes the other way.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/*/command.ts', 'src/*/present.ts'],
    rules: {
      ...NO_ACTIONS_CORE,
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src',
              from: './src/cli',
              except: ['./command.ts', './option.ts'],
              message:
                'A command uses only the command contract (src/cli/command.ts) and the option builder (src/cli/option.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Command folders (src/<area>/ with a command.ts) never import each other, even through a third.
    files: ['src/**/*.ts'],
    plugins: { cutover },
    rules: { 'cutover/no-command-folder-cycle': 'error' },
  },
  {
    // A focused or disabled test hides the rest of the suite: none is committed.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[object.name=/^(describe|it|test)$/][property.name=/^(only|skip|todo|failing)$/]',
          message: FOCUSED_OR_DISABLED,
        },
        {
          selector:
            'MemberExpression[object.object.name=/^(describe|it|test)$/][property.name=/^(only|skip|todo|failing)$/]',
          message: FOCUSED_OR_DISABLED,
        },
        {
          selector: 'CallExpression[callee.name=/^(xit|xtest|xdescribe|fit|fdescribe)$/]',
          message: FOCUSED_OR_DISABLED,
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
