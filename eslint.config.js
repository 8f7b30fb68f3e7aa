// Lint rules that enforce who may import whom (DESIGN.md "Processes and folders").
// Package imports are checked with no-restricted-imports, one block per folder; imports between our
// own folders are checked by resolved path (layers/boundaries below), so '../../x' and '../x' from
// different depths are judged the same. test/unit/lintRules.test.ts shows each rule firing.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)];

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// ───────────── Boundaries between our own folders, by the imported file's path ─────────────

const FEATURE = /^src\/renderer\/src\/features\/([^/]+)\//;
const WORKER_FILE = /^src\/main\/workers\/([^/]+)/;

/** Each zone: which importing files it governs, which imported paths (repo-relative, no extension) it refuses. */
const ZONES = [
  {
    name: 'services',
    applies: (file) => file.startsWith('src/main/services/'),
    refuses: (target) => target.startsWith('src/main/transport/') || target === 'src/main/app',
    message: 'Services never import the transports or the composition root (src/main/app.ts); those call services, not the other way round.',
  },
  {
    name: 'features',
    applies: (file) => FEATURE.test(file),
    refuses: (target, file) => FEATURE.test(`${target}/`) && FEATURE.exec(`${target}/`)[1] !== FEATURE.exec(file)[1],
    message: 'A renderer feature never imports another feature; move what both need to src/renderer/src (components, api) or src/shared.',
  },
  {
    // The doors into src/main/workers: host.ts and the run wrappers that start a worker through it
    // (run*.ts, *InWorker.ts). A worker file (*.worker.ts, e.g. a test's fixture worker) may also
    // import the worker side of protocol.ts; nothing else outside the folder imports a worker's files.
    name: 'workers',
    applies: (file) => !file.startsWith('src/main/workers/'),
    refuses: (target, file) => {
      const name = WORKER_FILE.exec(target)?.[1];
      if (name === undefined || /^(host|run\w*|\w+InWorker)$/.test(name)) return false;
      return !(name === 'protocol' && /\.worker\.ts$/.test(file));
    },
    message: 'Outside src/main/workers, start workers through src/main/workers/host.ts or its run wrappers (run*.ts, *InWorker.ts), never import a worker file itself.',
  },
];

const stripExtension = (path) => path.replace(/\.(d\.ts|tsx?|mts|cts|mjs|cjs|js)$/, '');

const boundaries = {
  meta: { type: 'problem', schema: [], docs: { description: 'Imports between our own folders follow DESIGN.md.' } },
  create(context) {
    const toRepo = (absolute) => relative(context.cwd, absolute).split(sep).join('/');
    const file = toRepo(context.filename);
    const zones = ZONES.filter((z) => z.applies(file));
    if (!zones.length) return {};
    const check = (source) => {
      const spec = source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = stripExtension(toRepo(resolve(dirname(context.filename), spec)));
      for (const zone of zones) {
        if (zone.refuses(target, file)) context.report({ node: source, message: `${zone.message} ('${spec}')` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.source ?? node.argument?.literal),
    };
  },
};

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
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.ts', 'bench/**/*.ts'],
    plugins: { layers: { rules: { boundaries } } },
    rules: { 'layers/boundaries': 'error' },
  },
  {
    // shared: pure TypeScript for every process: no node, electron, react or DOM-only code
    files: ['src/shared/**/*.ts'],
    rules: restrict([
      { group: nodeBuiltins, message: 'src/shared must not import node modules.' },
      { group: ['electron', 'electron/*'], message: 'src/shared must not import electron.' },
      { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'src/shared must not import react; components live in src/renderer.' },
      {
        group: ['echarts', 'echarts/*'],
        allowTypeImports: true,
        message: 'src/shared builds ECharts options as plain objects; only `import type` from echarts (the runtime needs a DOM).',
      },
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
    // preload: electron and src/shared only (a sandboxed preload gets no node built-ins and bundles what it imports)
    files: ['src/preload/**/*.ts'],
    rules: restrict([
      { group: nodeBuiltins, message: 'The preload is sandboxed: no node built-ins.' },
      { regex: '^(?!electron(/|$)|\\.)', message: 'The preload imports no npm package except electron.' },
      { group: ['**/main/**', '**/renderer/**', '**/cli/**'], message: 'The preload imports only src/shared and electron.' },
    ]),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict([{ group: ['electron', 'electron/*', '**/renderer/**'], message: 'The CLI runs without electron.' }]),
  },
);
