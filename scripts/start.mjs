// npm start: the desktop app where the Electron binary exists; otherwise one line saying so, then browser mode.
// Either way the app is built first only when its sources changed since the last build (scripts/build-stamp.mjs).
// Browser mode runs the built server in this process; `npm start -- --port 5173 --no-open` passes its options on.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from './build-stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron binary's path, read without require('electron'), which tries a download when it is missing. */
function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron');
    return existsSync(bin) ? bin : null;
  }
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(bin) ? bin : null;
}

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

const binary = electronBinary();
if (binary) {
  const built = ensureBuilt({ ifStale: true });
  process.exit(built === 0 ? run(binary, ['.']) : built);
}
console.log('Electron binary not found on this machine: starting browser mode instead.');
const built = ensureBuilt({ quiet: true, ifStale: true });
if (built !== 0) process.exit(built);
// The server reads process.argv.slice(2): the same options whether it is started directly or from here.
await import(pathToFileURL(join(root, 'out', 'node', 'server.mjs')).href);
