// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The layer rules of docs/architecture: arrows point down the table only.
const ourLayers = (...names) => names.map((name) => ({ group: [`**/${name}/**`, `**/${name}`], message: `This layer may not import src/${name}.` }));
const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto', 'url', 'stream', 'zlib', 'worker_threads'], message: 'The core is pure: pass what it needs from the outside in as a parameter.' };
const featuresRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'src/renderer/features');
/** The feature folder a file lies in (`src/renderer/features/<name>/…`), or undefined. */
const featureOf = (file) => {
  const relative = path.relative(featuresRoot, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep)[0];
};

/**
 * Features meet through the app shell, the data layer and the core, never through each other: an import (static,
 * dynamic or re-export) from one `features/<a>/` file into another feature's folder is refused. Paths are resolved,
 * so `../b/x.ts`, `../../features/b/x.ts` and friends are all caught.
 */
const featuresApart = {
  meta: { type: 'problem', schema: [], messages: { apart: 'Feature "{{from}}" may not import feature "{{to}}": meet through app/, db/ or src/shared instead.' } },
  create(context) {
    const from = featureOf(context.filename);
    if (!from) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = featureOf(path.resolve(path.dirname(context.filename), source.value));
      if (to && to !== from) context.report({ node: source, messageId: 'apart', data: { from, to } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
const layersPlugin = { rules: { 'features-apart': featuresApart } };

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
    files: ['src/sandbox/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The sandbox runs in plain Node.' }], patterns: ourLayers('main', 'preload', 'renderer', 'cli') }] },
  },
  {
    files: ['src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The CLI runs in plain Node.' }], patterns: ourLayers('main', 'preload', 'renderer') }] },
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
  {
    files: ['src/renderer/features/**'],
    plugins: { layers: layersPlugin },
    rules: {
      'layers/features-apart': 'error',
      // db/ is the only door to IndexedDB: features use its repositories and hooks, not Dexie.
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'The page reaches the host only through the bridge.' },
          { name: 'dexie', message: 'Features reach IndexedDB through the repositories of src/renderer/db.' },
          { name: 'dexie-react-hooks', message: 'Live queries live in src/renderer/db/hooks.ts (or beside their repository in db/).' },
        ],
        patterns: [...ourLayers('main', 'preload', 'sandbox', 'cli'), nodeBuiltins],
      }],
    },
  },
);
