// Lint catches architecture as well as bugs: see the `no-restricted-imports` blocks.
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.haven/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { import: importPlugin },
    settings: {
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
    rules: {
      'import/no-cycle': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-console': 'off' },
  },
  {
    files: ['apps/server/src/main.ts', 'bench/**', 'scripts/**', 'security/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', 'e2e/**', 'security/**'],
    rules: {
      // Test assertions read response bodies as loosely typed JSON.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  // Shared infrastructure never reaches into a product domain.
  {
    files: ['apps/server/src/platform/**'],
    rules: restrict([{ group: ['**/modules/**'], message: 'platform/ must not import modules/.' }]),
  },
  // A module talks to another module through its service, never its repository.
  {
    files: ['apps/server/src/modules/**'],
    rules: restrict([
      {
        regex: '^\\.\\./[^/.]+/[^/]+\\.repository(\\.ts)?$',
        message: "Call the other module's service; its repository is private to it.",
      },
    ]),
  },
  // The web app knows the API only through the contract; it shares the pure rules of @haven/domain
  // (no I/O) so that, for instance, a wall time is read at the same instant in the browser as on the server.
  {
    files: ['apps/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        {
          group: ['**/server/**', '@haven/server', '@haven/server/**'],
          message: 'The web app imports only @haven/contract and @haven/domain.',
        },
        { group: ['node:*'], message: 'The web app runs in the browser.' },
      ]),
    },
  },
  // Pure packages: no I/O, no apps.
  {
    files: ['packages/**'],
    rules: restrict([
      { group: ['node:*', 'pg', 'kysely', 'fastify', '@haven/server', '**/apps/**'], message: 'Packages stay pure: no I/O, no app code.' },
    ]),
  },
);
