import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const electronImports = {
  paths: [
    { name: 'electron', message: 'Only src/main/electron/, src/main/index.ts and src/preload/ may import electron.' },
    { name: 'electron-store', message: 'Only src/main/electron/ may import electron-store.' },
  ],
};

// Boundaries of architecture.md §2.1, for non-test code (test/architecture.test.ts checks the same).
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/*.type-test.ts', '**/__test__/**'];
const testDoubles = { group: ['**/__test__', '**/__test__/**', '**/*.test-support', '**/*.test-support.*'], message: 'Test doubles are for tests only.' };
const proxyInternals = { group: ['**/proxy/*', '**/proxy/**', '!**/proxy/index'], message: 'Outside src/main/proxy, import the HTTP front through its index only.' };
const anyProxy = { group: ['**/proxy', '**/proxy/**'], message: 'Providers and the engine import src/main/relay, never the HTTP front (src/main/proxy).' };
const http = { group: ['express', 'node:http', 'node:https', 'http', 'https'], message: 'The relay engine has no HTTP in it.' };
const accountsOrProviders = { group: ['**/accounts', '**/accounts/**', '**/providers', '**/providers/**'], message: 'A dialect only converts; the pool and providers sit behind DialectContext.' };

function restricted(patterns, { electron = true } = {}) {
  return ['error', { ...(electron ? electronImports : {}), patterns }];
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'e2e-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', electronImports],
    },
  },
  { files: ['src/**'], ignores: TEST_FILES, rules: { 'no-restricted-imports': restricted([testDoubles]) } },
  { files: ['src/main/**'], ignores: [...TEST_FILES, 'src/main/proxy/**'], rules: { 'no-restricted-imports': restricted([testDoubles, proxyInternals]) } },
  { files: ['src/main/providers/**'], ignores: TEST_FILES, rules: { 'no-restricted-imports': restricted([testDoubles, anyProxy]) } },
  { files: ['src/main/relay/**'], ignores: TEST_FILES, rules: { 'no-restricted-imports': restricted([testDoubles, anyProxy, http]) } },
  { files: ['src/main/proxy/dialects/**'], ignores: TEST_FILES, rules: { 'no-restricted-imports': restricted([testDoubles, accountsOrProviders]) } },
  {
    files: ['src/main/electron/**', 'src/main/index.ts', 'src/preload/**'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': restricted([testDoubles, proxyInternals], { electron: false }) },
  },
  { files: ['e2e/desktop/**', 'src/main/electron/**/*.test.ts', 'src/main/electron/__test__/**'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/main/**', 'src/shared/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
