import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './scripts/eslint-boundaries.js';

// The layers' rules (docs/ARCHITECTURE.md, "Rules lint enforces"): what each part of src/ may import.
// Shown failing on test/fixtures/lint by test/scripts/eslint-boundaries.test.ts.
const CORE_ONLY_IN_CLI = {
  name: '@actions/core',
  message: 'the Actions runner is reached only from src/cli/ (the reporter and the entry points).',
};
const CLI_FROM_DOMAIN = {
  pattern: 'src/cli/**',
  message: 'domain code does not know how it is run; return a report and let the command present it.',
};
const COMMAND_FILES_FROM_DOMAIN = {
  pattern: 'src/*/{command,present}.ts',
  message: 'domain code never imports a command or its presentation; the dependency goes the other way.',
};
const CLI_FROM_COMMANDS = {
  pattern: 'src/cli/**',
  except: ['src/cli/command.ts', 'src/cli/option.ts'],
  message:
    'a command uses only the command contract (src/cli/command.ts) and the option builder (src/cli/option.ts).',
};

export default tseslint.config(
  { ignores: ['dist/', 'lib/', 'node_modules/', 'coverage/', 'test/fixtures/', 'bench/.work/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    plugins: { boundaries },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      'boundaries/no-cycle': 'error',
    },
  },
  {
    // Domain code: everything in src/ but the CLI and the command layer (command.ts, present.ts).
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/*/command.ts', 'src/*/present.ts'],
    rules: {
      'boundaries/no-import': [
        'error',
        { packages: [CORE_ONLY_IN_CLI], files: [CLI_FROM_DOMAIN, COMMAND_FILES_FROM_DOMAIN] },
      ],
    },
  },
  {
    files: ['src/*/command.ts', 'src/*/present.ts'],
    rules: {
      'boundaries/no-import': ['error', { packages: [CORE_ONLY_IN_CLI], files: [CLI_FROM_COMMANDS] }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
