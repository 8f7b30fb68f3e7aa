import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStamp, clearStamp, fingerprint, OUTPUTS, readStamp, STAMP_FILE, writeStamp } from '../../scripts/build-stamp.mjs';
import { tempDir } from '../helpers';

let root: string;
let cleanup: () => void;

const put = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

/** A small project tree: sources, build configuration, and a complete build in out/. */
beforeEach(() => {
  ({ dir: root, cleanup } = tempDir('cw-stamp-'));
  put('src/main/server.ts', 'export {};\n');
  put('src/renderer/index.html', '<!doctype html>\n');
  put('scripts/build-node.mjs', '// build\n');
  put('scripts/build-stamp.mjs', '// stamp\n');
  put('electron.vite.config.ts', 'export default {};\n');
  put('package.json', '{}\n');
  put('package-lock.json', '{}\n');
  put('tsconfig.json', '{}\n');
  put('tsconfig.node.json', '{}\n');
  for (const file of OUTPUTS) put(join('out', file), 'built\n');
});
afterEach(() => cleanup());

/** A build that succeeded: the fingerprint as it was before it started, written after. */
const stampNow = () => writeStamp(root, fingerprint(root));
/** An mtime a minute later than now, so the change shows whatever the file system's time resolution. */
const touch = (path: string) => {
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(root, path), later, later);
};

describe('the build stamp (npm start builds only when the sources changed)', () => {
  it('a fresh stamp matches, and is written atomically', () => {
    expect(checkStamp(root)).toEqual({ fresh: false, reason: 'no build stamp' });
    stampNow();
    expect(checkStamp(root)).toEqual({ fresh: true, reason: 'up to date' });
    expect(readStamp(root)).toMatchObject({ version: 1, hash: fingerprint(root).hash, files: fingerprint(root).files });
    // no temp file left next to it
    expect(readdirSync(join(root, 'out')).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(fingerprint(root)).toEqual(fingerprint(root));
  });

  it('touching a source file, changing one, adding one or removing one makes it stale', () => {
    stampNow();
    touch('src/main/server.ts');
    expect(checkStamp(root)).toMatchObject({ fresh: false, reason: 'the sources changed since the last build' });

    stampNow();
    const before = fingerprint(root).hash;
    writeFileSync(join(root, 'src/main/server.ts'), 'export const x = 1;\n');
    expect(fingerprint(root).hash).not.toBe(before);
    expect(checkStamp(root).fresh).toBe(false);

    stampNow();
    put('src/shared/new.ts', 'export {};\n');
    expect(checkStamp(root).fresh).toBe(false);

    stampNow();
    rmSync(join(root, 'src/shared/new.ts'));
    expect(checkStamp(root).fresh).toBe(false);
  });

  it('the build configuration counts too: the build scripts, the vite config, package files and every tsconfig', () => {
    for (const file of ['scripts/build-node.mjs', 'electron.vite.config.ts', 'package-lock.json', 'package.json', 'tsconfig.node.json']) {
      stampNow();
      touch(file);
      expect(checkStamp(root).fresh, file).toBe(false);
    }
    stampNow();
    put('tsconfig.extra.json', '{}\n');
    expect(checkStamp(root).fresh).toBe(false);
    // files outside the inputs do not
    stampNow();
    put('docs/notes.md', 'x\n');
    put('out/renderer/assets/other.js', 'x\n');
    expect(checkStamp(root).fresh).toBe(true);
  });

  it('a missing out/ (or a part of the build missing) is stale, whatever the stamp says', () => {
    stampNow();
    rmSync(join(root, 'out', 'node', 'server.mjs'));
    expect(checkStamp(root)).toEqual({ fresh: false, reason: 'out/node/server.mjs is missing' });
    stampNow();
    rmSync(join(root, 'out'), { recursive: true });
    expect(checkStamp(root).fresh).toBe(false);
    expect(existsSync(join(root, STAMP_FILE))).toBe(false);
  });

  it('a file saved while the build ran leaves the stamp stale (the fingerprint is taken before the build)', () => {
    const before = fingerprint(root);
    touch('src/renderer/index.html'); // the analyst saves during the build
    writeStamp(root, before); // the build finishes
    expect(checkStamp(root).fresh).toBe(false);
  });

  it('a cleared stamp (a build started and failed) is stale; an unreadable stamp is too', () => {
    stampNow();
    clearStamp(root);
    expect(checkStamp(root).fresh).toBe(false);
    writeFileSync(join(root, STAMP_FILE), '{ half a fi');
    expect(checkStamp(root)).toEqual({ fresh: false, reason: 'no build stamp' });
  });
});
