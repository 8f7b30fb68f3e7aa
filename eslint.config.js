// Lint rules that enforce who may import whom (DESIGN.md "Processes and folders").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'events', 'stream', 'url', 'util'];

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // shared: pure TypeScript, no node, electron or DOM-only code
    files: ['src/shared/**/*.ts'],
    rules: restrict([
      { group: nodeBuiltins, message: 'src/shared must not import node modules.' },
      { group: ['electron', 'electron/*'], message: 'src/shared must not import electron.' },
      { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'], message: 'src/shared imports only src/shared.' },
    ]),
  },
  {
    // services and transports: never electron (the Electron shell is src/main/index.ts only)
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: restrict([
      { group: ['electron', 'electron/*', 'electron-store'], message: 'Only the Electron shell (src/main/index.ts, src/main/electron/) may import electron.' },
      { group: ['**/renderer/**', '**/preload/**', '**/cli/**'], message: 'main must not import renderer, preload or cli.' },
    ]),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: restrict([
      { group: nodeBuiltins, message: 'The renderer has no node access.' },
      { group: ['electron', 'electron/*'], message: 'The renderer talks to main only through window.workbench.' },
      { group: ['**/main/**', '**/cli/**', '**/preload/**'], message: 'The renderer never imports main, cli or preload.' },
    ]),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([{ group: ['**/main/**', '**/renderer/**', '**/cli/**'], message: 'The preload imports only src/shared and electron.' }]),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict([{ group: ['electron', 'electron/*', '**/renderer/**'], message: 'The CLI runs without electron.' }]),
  },
);
