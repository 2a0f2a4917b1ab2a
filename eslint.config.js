// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The layer rules of docs/architecture: arrows point down the table only.
const ourLayers = (...names) => names.map((name) => ({ group: [`**/${name}/**`, `**/${name}`], message: `This layer may not import src/${name}.` }));
const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto', 'url', 'stream', 'zlib', 'worker_threads'], message: 'The core is pure: pass what it needs from the outside in as a parameter.' };
const electronOnlyInWrappers = { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Only src/main/bridge/ipc.ts and src/preload/index.ts touch IPC.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**', '.vite/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnlyInWrappers], patterns: ourLayers('renderer') }],
    },
  },
  {
    files: ['src/shared/**'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The core never imports electron.' }, { name: 'dexie', message: 'The core never touches storage.' }, { name: 'react', message: 'The core has no UI.' }],
        patterns: [...ourLayers('main', 'preload', 'renderer', 'sandbox', 'cli'), nodeBuiltins],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['src/sandbox/**', 'src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Sandbox and CLI run in plain Node.' }], patterns: ourLayers('main', 'preload', 'renderer') }] },
  },
  {
    files: ['src/preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInWrappers], patterns: ourLayers('main', 'renderer', 'sandbox', 'cli') }] },
  },
  {
    files: ['src/main/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInWrappers], patterns: ourLayers('renderer', 'preload', 'cli') }] },
  },
  {
    files: ['src/main/bridge/ipc.ts', 'src/preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/renderer/**', 'test/browser/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only matters to the React Compiler, which this project does not use.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The page reaches the host only through the bridge.' }], patterns: [...ourLayers('main', 'preload', 'sandbox', 'cli'), nodeBuiltins] }],
    },
  },
);
