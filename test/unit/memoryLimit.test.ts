import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../src/shared/settings';
import type { ImportReport, ProjectInfo } from '../../src/shared/reports';
import { harness, type Harness } from '../helpers';

// Imports the same generated files twice: with the default memory limit, and with one so small
// that DuckDB must spill to disk. The reports, the rows and their line numbers must be the same.
let h: Harness;
let data: string;
beforeAll(async () => {
  h = harness();
  data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, customers: 1500, seed: 5 });
}, 120_000);
afterAll(() => h.close());

/** Everything an import decides, without timings. */
const decisions = (r: ImportReport) => r.files.map(({ seconds: _s, importId: _i, ...rest }) => rest);

describe('a memory limit', () => {
  it('a tiny limit spills to the project folder and imports exactly the same rows, rejects and report', async () => {
    const roomy = join(h.root, 'roomy');
    await h.call('project.create', { project: roomy });
    const a = await h.call<ImportReport>('data.importLpoint', { project: roomy, folder: data });

    const settings = await h.call<Settings>('settings.setStorage', { memoryLimitMb: 64, spillFolder: 'project' });
    expect(settings).toMatchObject({ memoryLimitMb: 64, spillFolder: 'project' });
    const tight = join(h.root, 'tight');
    await h.call('project.create', { project: tight });
    const db = (await h.services.projects.get(tight)).db;
    expect(await db.all(`SELECT current_setting('memory_limit') AS m`)).toEqual([{ m: '64.0 MiB' }]);
    const b = await h.call<ImportReport>('data.importLpoint', { project: tight, folder: data });
    expect(decisions(b)).toEqual(decisions(a));

    const digest = async (project: string) =>
      (await h.services.projects.get(project)).db.all(
        `SELECT 'purchases' AS t, count(*)::BIGINT AS n, sum(hash(customer_id, receipt_id, product_id, date, amount, line))::HUGEINT::VARCHAR AS h FROM purchases
         UNION ALL SELECT 'rejects', count(*)::BIGINT, sum(hash(file, line, reason, detail))::HUGEINT::VARCHAR FROM rejects ORDER BY 1`,
      );
    expect(await digest(tight)).toEqual(await digest(roomy));
    // receipt_facts built in slices and everything on one DuckDB thread (as 100 M lines need): the same report and the same receipts.
    process.env.CW_ROWS_PER_PASS = '20000';
    try {
      const sliced = join(h.root, 'sliced');
      await h.call('project.create', { project: sliced });
      const settings = async () =>
        (await (await h.services.projects.get(sliced)).db.all(`SELECT current_setting('threads')::INTEGER AS t, current_setting('block_allocator_memory') AS b`))[0];
      const before = await settings();
      expect(before.b).toBe('0 bytes');
      const c = await h.call<ImportReport>('data.importLpoint', { project: sliced, folder: data });
      // The threads are given back; the block-allocator region (big-data mode, slices.ts) stays, the limit's size.
      expect(await settings()).toEqual({ t: before.t, b: '64.0 MiB' });
      expect(decisions(c)).toEqual(decisions(a));
      expect(await digest(sliced)).toEqual(await digest(roomy));
      const facts = async (project: string) =>
        (await h.services.projects.get(project)).db.all(
          `SELECT count(*)::BIGINT AS n, sum(hash(customer_id, chain, channel, date, lines, amount, quantity))::HUGEINT::VARCHAR AS h FROM receipt_facts`,
        );
      expect((await facts(sliced))[0].n).toBeGreaterThan(20_000);
      expect(await facts(sliced)).toEqual(await facts(roomy));
    } finally {
      delete process.env.CW_ROWS_PER_PASS;
    }
    const info = await h.call<ProjectInfo>('project.info', { project: tight });
    expect(info.buyers).toBe((await h.call<ProjectInfo>('project.info', { project: roomy })).buyers);
    // It did spill: DuckDB made its temporary folder inside the project (and cleans its files up).
    expect(existsSync(join(tight, 'project.duckdb.tmp'))).toBe(true);
    expect(readdirSync(join(tight, 'project.duckdb.tmp')).filter((f) => f.endsWith('.block'))).toEqual([]);
  }, 120_000);

  it('a new limit reaches an open project that has spilled (DuckDB cannot switch its spill folder; the limit still changes)', async () => {
    const spilled = (await h.services.projects.get(join(h.root, 'tight'))).db;
    await h.call('settings.setStorage', { memoryLimitMb: 96 });
    expect(await spilled.all(`SELECT current_setting('memory_limit') AS m`)).toEqual([{ m: '96.0 MiB' }]);
    await h.call('settings.setStorage', { memoryLimitMb: 64 });
    expect(await spilled.all(`SELECT current_setting('memory_limit') AS m`)).toEqual([{ m: '64.0 MiB' }]);
  });

  it('refuses a spill folder that is not "project", "system" or an absolute path, and a limit under the minimum', async () => {
    await expect(h.call('settings.setStorage', { spillFolder: 'relative/dir' })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(h.call('settings.setStorage', { memoryLimitMb: 8 })).rejects.toMatchObject({ code: 'BAD_ARGUMENT', message: expect.stringContaining('at least 32 MiB') });
  });
});
