// The build stamp: `npm start` and `npm run serve` build only when the sources changed since the last
// successful build. After a build succeeds, a fingerprint of its inputs (path, size and mtime of every file
// under src/ and of the build's configuration files) is written to out/.build-stamp.json, atomically; a start
// whose fingerprint equals the stamp's, with the build's outputs present, skips the build.
//
// `node scripts/build-stamp.mjs [--quiet]`: always builds (electron-vite, then out/node), then writes the stamp.
// `node scripts/build-stamp.mjs --if-stale [--quiet]`: builds only when the stamp does not match.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const STAMP_FILE = join('out', '.build-stamp.json');
const VERSION = 1;

/** What the build reads, relative to the root: folders are walked, and tsconfig*.json at the root is added. */
export const INPUT_DIRS = ['src'];
export const INPUT_FILES = ['scripts/build-node.mjs', 'scripts/build-stamp.mjs', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];
/** What a complete build leaves in out/: without any of these the stamp does not count. */
export const OUTPUTS = ['main/index.js', 'preload/index.cjs', 'renderer/index.html', 'node/server.mjs', 'node/cli.mjs'];

function walk(root, dir, lines) {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    lines.push(`${dir}/\tmissing`);
    return;
  }
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(root, path, lines);
    else lines.push(fileLine(root, path));
  }
}

function fileLine(root, path) {
  try {
    const s = statSync(join(root, path));
    return `${path}\t${s.size}\t${s.mtimeMs}`;
  } catch {
    return `${path}\tmissing`;
  }
}

/** The fingerprint of the build's inputs under `root`: a hash of every input file's path, size and mtime. */
export function fingerprint(root = ROOT) {
  const lines = [];
  for (const dir of INPUT_DIRS) walk(root, dir, lines);
  const configs = readdirSync(root).filter((name) => /^tsconfig.*\.json$/.test(name));
  for (const file of [...INPUT_FILES, ...configs]) lines.push(fileLine(root, file));
  lines.sort();
  return { version: VERSION, hash: createHash('sha256').update(lines.join('\n')).digest('hex'), files: lines.length };
}

export function readStamp(root = ROOT) {
  try {
    return JSON.parse(readFileSync(join(root, STAMP_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/** { fresh, reason }: fresh when out/ holds a complete build and the stamp matches the inputs as they are now. */
export function checkStamp(root = ROOT) {
  const missing = OUTPUTS.find((file) => !existsSync(join(root, 'out', file)));
  if (missing) return { fresh: false, reason: `out/${missing} is missing` };
  const stamp = readStamp(root);
  if (!stamp) return { fresh: false, reason: 'no build stamp' };
  const now = fingerprint(root);
  if (stamp.version !== now.version || stamp.hash !== now.hash) return { fresh: false, reason: 'the sources changed since the last build' };
  return { fresh: true, reason: 'up to date' };
}

/** Records `print` (taken before the build started) as the stamp: temp file + rename, so no reader sees half a file. */
export function writeStamp(root, print) {
  const file = join(root, STAMP_FILE);
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ ...print, builtAt: new Date().toISOString() }, null, 2)}\n`);
  renameSync(temp, file);
}

export function clearStamp(root = ROOT) {
  rmSync(join(root, STAMP_FILE), { force: true });
}

const node = (args) => spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' }).status ?? 1;

/**
 * Builds everything (electron-vite, then out/node) and writes the stamp; with ifStale, returns at once when
 * the stamp matches. The fingerprint is taken before the build, so a file saved during the build leaves the
 * stamp stale; the old stamp is removed first, so a failed or interrupted build never looks fresh.
 * Returns the exit status (0 when built or already up to date).
 */
export function ensureBuilt({ quiet = false, ifStale = false } = {}) {
  if (ifStale) {
    const state = checkStamp(ROOT);
    if (state.fresh) return 0;
    console.log(`Building the app (${state.reason}) …`);
  }
  const print = fingerprint(ROOT);
  clearStamp(ROOT);
  const vite = node([join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', ...(quiet ? ['--logLevel', 'error'] : [])]);
  if (vite !== 0) return vite;
  const nodeBuild = node([join(ROOT, 'scripts', 'build-node.mjs'), ...(quiet ? ['--quiet'] : [])]);
  if (nodeBuild !== 0) return nodeBuild;
  writeStamp(ROOT, print);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(ensureBuilt({ quiet: process.argv.includes('--quiet'), ifStale: process.argv.includes('--if-stale') }));
}
