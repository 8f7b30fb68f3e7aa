// `npm run workbench -- <args>`: runs the built CLI (out/node/cli.mjs) in this process, rebuilding it
// first when any file under src/ (or the build script) is newer than the last build. See docs/workers.md.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildNode, OUT, ROOT, STAMP } from './build-node.mjs';

/** The newest modification time (ms) of a file under `dir`. */
function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    if (time > max) max = time;
  }
  return max;
}

function stale() {
  if (!existsSync(STAMP) || !existsSync(join(OUT, 'cli.mjs'))) return true;
  const built = statSync(STAMP).mtimeMs;
  return newest(join(ROOT, 'src')) > built || statSync(join(ROOT, 'scripts', 'build-node.mjs')).mtimeMs > built;
}

if (stale()) {
  try {
    await buildNode({ quiet: true });
  } catch {
    process.exit(1); // esbuild has printed the errors
  }
}
// The CLI reads process.argv.slice(2): the same arguments whether it is started directly or from here.
await import(pathToFileURL(join(OUT, 'cli.mjs')).href);
