import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/main/services/db/database';
import { MIGRATIONS, migrate, SCHEMA_VERSION, schemaVersion } from '../../src/main/services/project/migrations';
import type { ProjectInfo } from '../../src/shared/reports';
import { FIXTURES, harness, type Harness } from '../helpers';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(() => h.close());

/** The project file made by version 1 of the app (schema v1: six files imported, segments computed), unpacked into a folder. */
function v1Project(): string {
  const dir = join(h.root, 'v1');
  mkdirSync(dir);
  writeFileSync(join(dir, 'project.duckdb'), gunzipSync(readFileSync(join(FIXTURES, 'v1-project', 'project.duckdb.gz'))));
  return dir;
}

describe('storage migrations', () => {
  it('a project made by version 1 opens, is upgraded, and keeps its data and saved segments', async () => {
    const dir = v1Project();
    const raw = await Database.open(join(dir, 'project.duckdb'));
    expect(await raw.read(schemaVersion)).toBe(1);
    const before = await raw.all<{ n: number }>('SELECT count(*)::BIGINT AS n FROM purchases');
    await raw.close();

    const info = await h.call<ProjectInfo>('project.open', { project: dir });
    expect(info.tables.find((t) => t.table === 'purchases')!.rows).toBe(before[0].n);
    expect(info.tables.find((t) => t.table === 'purchases')!.rows).toBeGreaterThan(0);
    const db = (await h.services.projects.get(dir)).db;
    expect(await db.read(schemaVersion)).toBe(SCHEMA_VERSION);
    expect((await db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version)).toEqual(
      MIGRATIONS.filter((m) => m.version > 1).map((m) => m.version),
    );
    expect(await db.all('SELECT * FROM runs')).toEqual([]);
    // v4: amounts stay, the currency is won, and the segments saved before M had a basis read as amount.
    expect(info).toMatchObject({ currency: 'KRW', amounts: 'all' });
    const loaded = await h.call<{ tierCount: number; transitionTotal: number; spec: { monetary: string } }>('segments.load', { project: dir });
    expect(loaded.tierCount).toBe(4);
    expect(loaded.spec.monetary).toBe('amount');
    expect(loaded.transitionTotal).toBeGreaterThan(0);
    // Analytics still work on the upgraded file.
    await h.call('segments.compute', { project: dir, weights: [1, 0, 0] });
  });

  it('a new project starts at the latest version; opening it again applies nothing', async () => {
    const dir = join(h.root, 'fresh');
    await h.call('project.create', { project: dir });
    const db = (await h.services.projects.get(dir)).db;
    expect(await db.read(schemaVersion)).toBe(SCHEMA_VERSION);
    expect(await db.write('test', (s) => migrate(s, dir))).toEqual([]);
  });

  it('a failing migration leaves the file at the version before it', async () => {
    const dir = join(h.root, 'failing');
    await h.call('project.create', { project: dir });
    const db = (await h.services.projects.get(dir)).db;
    const broken = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE extra (x INTEGER); SELECT * FROM no_such_table;' }];
    await expect(db.write('test', (s) => migrate(s, dir, broken))).rejects.toThrow(/no_such_table/);
    expect(await db.read(schemaVersion)).toBe(SCHEMA_VERSION);
    expect(await db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name = 'extra'`)).toEqual([]);
  });

  it('a project from a newer version is refused and left untouched', async () => {
    const dir = join(h.root, 'newer');
    await h.call('project.create', { project: dir });
    const db = (await h.services.projects.get(dir)).db;
    await db.run(`UPDATE meta SET value = '999' WHERE key = 'schema_version'`);
    await h.call('project.close', { project: dir });
    await expect(h.call('project.open', { project: dir })).rejects.toMatchObject({ code: 'BAD_FILE', message: expect.stringContaining('newer') });
  });
});
