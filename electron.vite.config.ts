import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/** Every src/main/workers/*.worker.ts, built to out/main/workers/<name>.worker.js (docs/workers.md). */
const workerInputs = Object.fromEntries(
  readdirSync(resolve(import.meta.dirname, 'src/main/workers'))
    .filter((file) => file.endsWith('.worker.ts'))
    .map((file) => [`workers/${file.slice(0, -'.ts'.length)}`, resolve(import.meta.dirname, 'src/main/workers', file)]),
);

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/main/index.ts'), ...workerInputs },
        // shared chunks next to index.js (not in chunks/), so the worker host finds workers/ from any of them
        output: { chunkFileNames: 'chunk-[hash].js' },
      },
      externalizeDeps: true,
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
      externalizeDeps: { exclude: ['zod'] },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    build: { rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') } },
    plugins: [react()],
  },
});
