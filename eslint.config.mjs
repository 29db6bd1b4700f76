import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'db/migrations/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only matters for the React Compiler, which this project does not use (react-hook-form's watch, TanStack Virtual).
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    // The layering rules of ARCHITECTURE.md, enforced: only the Electron entry points import `electron`,
    // the renderer never imports main-process code, and the shared contract imports neither.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/main.ts', 'src-main/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Electron est réservé à main.ts et au preload.' }] }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src-main/**', '**/db/**', 'node:*', 'better-sqlite3', 'drizzle-orm*'], message: 'Le renderer passe par api.ts.' }] },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src-main/**', '**/src-renderer/**', '**/db/**', 'node:*', 'react*'], message: 'Le contrat partagé ne dépend de rien.' }] },
      ],
    },
  },
);
