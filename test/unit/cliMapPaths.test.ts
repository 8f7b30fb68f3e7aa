import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../helpers';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'scripts', 'workbench.mjs');

let tmp: { dir: string; cleanup: () => void };
beforeEach(() => {
  tmp = tempDir('cw-cli-map-');
});
afterEach(() => tmp.cleanup());

it("takes a mapping file's relative side-file paths from the mapping file's folder, and a typed delimiter", async () => {
  const maps = join(tmp.dir, 'maps');
  mkdirSync(maps);
  copyFileSync(join(FIXTURES, 'generic', 'customers_cp949.csv'), join(maps, 'customers.csv'));
  const map = join(maps, 'map.json');
  writeFileSync(
    map,
    JSON.stringify({
      purchases: { delimiter: '#', mapping: { customer: 'customer', date: 'order_date', dateFormat: 'YYYY-MM-DD', amount: 'amount' } },
      customers: { file: 'customers.csv', mapping: { customer: '고객번호', gender: '성별' } },
    }),
  );
  // Run from the repository folder: customers.csv is not there, only beside the mapping file.
  const { stdout } = await run(process.execPath, [CLI, 'import', '--project', join(tmp.dir, 'p'), '--purchases', join(FIXTURES, 'shapes', 'purchases_hash.txt'), '--map', map, '--json'], {
    cwd: ROOT,
    env: { ...process.env, XDG_CONFIG_HOME: join(tmp.dir, 'config') },
  });
  const files = (JSON.parse(stdout) as { files: { kind: string; rowsLoaded: number }[] }).files;
  expect(files.find((f) => f.kind === 'purchases')).toMatchObject({ rowsLoaded: 2 });
  expect(files.find((f) => f.kind === 'customers')?.rowsLoaded).toBeGreaterThan(0);
}, 120_000);
