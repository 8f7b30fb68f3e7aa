// npm start: the desktop app where the Electron binary exists; otherwise one line saying so, then browser mode.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  const built = run('npx', ['electron-vite', 'build']);
  process.exit(built === 0 ? run(binary, ['.']) : built);
}
console.log('Electron binary not found on this machine: starting browser mode instead.');
process.exit(run('npm', ['run', '-s', 'serve']));
