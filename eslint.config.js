// @ts-check
// The import rules of ARCHITECTURE.md live here, per folder, so a wrong import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'http2',
  'dgram', 'dns', 'tls', 'cluster', 'worker_threads', 'process', 'readline', 'stream', 'url', 'zlib', 'crypto'];

/** @param {string} message */
const ban = (names, message) => names.map((name) => ({ group: [name], message }));

export const importRules = {
  core: {
    // Pure domain: no I/O, no UI, no project folder. node:crypto is the one built-in it may use.
    patterns: [
      // Gitignore-style groups: node:crypto (hashing, signatures) is the one built-in core/ may use.
      { group: [...nodeBuiltins.filter((n) => n !== 'crypto'), '!node:crypto'], message: 'core/ does no I/O: pass data in, return data out.' },
      ...ban(['electron', 'electron/*', 'electron-store', 'node-notifier', 'react', 'react-dom', 'react/*',
        'fastify', 'pg', 'better-sqlite3', 'kysely', 'conf'], 'core/ is pure domain code: no frameworks, no I/O.'),
      ...ban(['**/main/**', '**/server/**', '**/cli/**', '**/renderer/**', '**/preload/**', '**/test/**'],
        'core/ imports no other project folder.'),
    ],
  },
  engine: {
    patterns: [
      ...ban(['electron', 'electron/*', 'electron-store'], 'main/engine and main/platform never import electron: take a port (main/engine/ports.ts).'),
      ...ban(['**/main/electron/**', '**/renderer/**', '**/preload/**', '**/server/**', '**/cli/**'],
        'main/engine and main/platform depend only on core/ and their ports.'),
    ],
  },
  renderer: {
    patterns: [
      ...ban([...nodeBuiltins, 'electron', 'electron/*'], 'renderer/ talks only to window.forewarn (the AgentApi).'),
      ...ban(['**/main/**', '**/server/**', '**/cli/**', '**/preload/**'], 'renderer/ imports only core/ contracts and its own files.'),
    ],
  },
  serverAndCli: {
    patterns: [
      ...ban(['electron', 'electron/*', 'electron-store', '**/main/electron/**', '**/renderer/**', '**/preload/**'],
        'server/ and cli/ import core/ (and cli/ may import main/engine/), never the Electron shell.'),
    ],
  },
  serverOnly: {
    patterns: [...ban(['**/main/**'], 'server/ imports core/, not the agent.')],
  },
};

/** @param {{patterns: Array<{group: string[], message: string}>}} rule */
const restrict = (rule) => ({ 'no-restricted-imports': ['error', { patterns: rule.patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'coverage/', 'test-results/', 'playwright-report/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  // Tests read loosely-typed fixtures (configs, JSON) on purpose.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['core/**/*.ts'],
    rules: {
      ...restrict(importRules.core),
      // The core never reads the clock: `now` is a parameter, so every time rule is testable.
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'core/ takes `now` as a parameter.' },
        { object: 'performance', property: 'now', message: 'core/ takes `now` as a parameter.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core/ takes `now` as a parameter.' }],
    },
  },
  { files: ['main/engine/**/*.ts', 'main/platform/**/*.ts'], rules: restrict(importRules.engine) },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } }, rules: restrict(importRules.renderer) },
  { files: ['cli/**/*.ts'], rules: restrict(importRules.serverAndCli) },
  // The Electron shell composes core/, main/engine and main/platform; the sandboxed preload may load only electron.
  { files: ['main/electron/**/*.ts'], rules: restrict({ patterns: ban(['**/renderer/**', '**/server/**', '**/cli/**', '**/preload/**'], 'main/electron never imports the views, the server or the CLI.') }) },
  { files: ['preload/preload.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['*', '!electron'], allowTypeImports: true, message: 'a sandboxed preload can require only electron: import project types with `import type`.' }] }] } },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...importRules.serverAndCli.patterns, ...importRules.serverOnly.patterns] }] },
  },
  // The IT dashboard runs in the browser: no node built-ins, no server runtime; server types only via `import type`.
  {
    files: ['server/dashboard/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [
      ...ban([...nodeBuiltins, 'fastify', 'pg', 'better-sqlite3', 'kysely', 'pino', 'electron', 'electron/*'], 'server/dashboard/ runs in the browser: no node built-ins, no server runtime.'),
      { group: ['../**', '!./**'], allowTypeImports: true, message: 'server/dashboard/ imports only its own files (server types via `import type`).' },
    ] }] },
  },
);
