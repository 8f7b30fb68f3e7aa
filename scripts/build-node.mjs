// Builds the node entries into out/node: the CLI, the browser-mode server and every worker file
// (src/main/workers/*.worker.ts), as bundled ESM with all npm packages left external. See docs/workers.md.
// `node scripts/build-node.mjs [--quiet]`; also imported by scripts/workbench.mjs to rebuild when stale.
import { mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(ROOT, 'out', 'node');
/** Touched with the build's start time: a source changed after it means the build is stale. */
export const STAMP = join(OUT, '.built');

/** Entry name (path under out/node, without extension) → source file. */
export function entries() {
  const workers = join(ROOT, 'src', 'main', 'workers');
  const list = { cli: join(ROOT, 'src', 'cli', 'index.ts'), server: join(ROOT, 'src', 'main', 'server.ts') };
  for (const file of readdirSync(workers)) {
    if (file.endsWith('.worker.ts')) list[`workers/${file.slice(0, -'.ts'.length)}`] = join(workers, file);
  }
  return list;
}

export async function buildNode({ quiet = false } = {}) {
  const started = new Date();
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: entries(),
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // shared code and lazily imported modules go to chunks in out/node itself, so import.meta.dirname
    // is out/node in every bundle that holds the worker host
    splitting: true,
    chunkNames: 'chunk-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: quiet ? 'error' : 'warning',
    metafile: true,
  });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(STAMP, '');
  utimesSync(STAMP, started, started);
  // Chunks of earlier builds go; the current ones are kept, so a CLI started a moment ago still loads.
  const outputs = new Set(Object.keys(result.metafile.outputs).map((f) => resolve(ROOT, f)));
  outputs.add(STAMP);
  for (const file of readdirSync(OUT, { recursive: true, withFileTypes: true })) {
    const path = join(file.parentPath ?? file.path, file.name);
    if (file.isFile() && !outputs.has(path)) rmSync(path);
  }
  if (!quiet) {
    const built = [...outputs].filter((f) => f.endsWith('.mjs')).map((f) => relative(ROOT, f));
    console.log(`built out/node in ${Date.now() - started.getTime()} ms: ${built.join(', ')}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildNode({ quiet: process.argv.includes('--quiet') });
}
