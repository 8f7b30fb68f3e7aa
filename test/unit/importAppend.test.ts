import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/transport/dispatch';
import type { JobProgress } from '../../src/shared/contract';
import type { ImportReport, ProjectInfo } from '../../src/shared/reports';
import { harness, type Harness } from '../helpers';

let h: Harness;
let sample: string;
let header: string;
let productsHeader: string;

beforeAll(async () => {
  h = harness();
  sample = join(h.root, 'sample');
  await h.call('data.generateSample', { out: sample, customers: 120, seed: 11 });
  header = readFileSync(join(sample, 'LPOINT_BIG_COMP_02_PDDE.csv'), 'utf8').split(/\r?\n/)[0];
  productsHeader = readFileSync(join(sample, 'LPOINT_BIG_COMP_04_PD_CLAC.csv'), 'utf8').split(/\r?\n/)[0];
}, 120_000);
afterAll(() => h?.close());

const call = <T,>(method: string, args: unknown) => h.call<T>(method, args);
let projects = 0;

/** A fresh project holding the whole sample. */
async function sampleProject() {
  const project = join(h.root, `project-${++projects}`);
  await call('project.create', { project });
  await call<ImportReport>('data.importLpoint', { project, folder: sample });
  const db = (await h.services.projects.get(project)).db;
  const count = async (where = 'true') => (await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM purchases WHERE ${where}`))!.n;
  const info = () => call<ProjectInfo>('project.info', { project });
  return { project, db, count, info };
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const compact = (day: string) => day.replaceAll('-', '');

/**
 * A purchase file in the sample's format: `perDay` lines on each day of [from, to], copied from the
 * project's own valid lines (known customers, products, branches) under new receipt numbers.
 */
async function purchaseFile(db: Awaited<ReturnType<typeof sampleProject>>['db'], name: string, from: string, to: string, perDay = 3): Promise<{ folder: string; lines: number }> {
  const templates = await db.all<Record<string, string | number>>(
    `SELECT customer_id, channel, chain, branch_id, product_id, hour, amount, quantity FROM purchases WHERE amount > 0 ORDER BY import_id, line LIMIT ${perDay}`,
  );
  const rows: string[] = [];
  for (let day = from, d = 0; day <= to; day = addDays(day, 1), d++) {
    templates.forEach((t, i) => {
      rows.push([t.customer_id, `APPEND${d}X${i}`, t.channel, t.chain, t.branch_id, t.product_id, compact(day), t.hour, t.amount, t.quantity].join(','));
    });
  }
  const folder = join(h.root, name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'LPOINT_BIG_COMP_02_PDDE.csv'), [header, ...rows].join('\r\n') + '\r\n');
  return { folder, lines: rows.length };
}

/** receipt_facts must hold exactly the purchases: every line and every won once. */
async function factsMatch(db: Awaited<ReturnType<typeof sampleProject>>['db']) {
  const facts = await db.one<{ lines: number; amount: number }>(`SELECT sum(lines)::BIGINT AS lines, round(sum(amount), 2) AS amount FROM receipt_facts`);
  const lines = await db.one<{ lines: number; amount: number }>(`SELECT count(*)::BIGINT AS lines, round(sum(amount), 2) AS amount FROM purchases`);
  expect(facts).toEqual(lines);
}

describe('the append rules for new purchase data', () => {
  it('appends a file dated after the project, extends its range, refuses the same file again', async () => {
    const { project, db, count, info } = await sampleProject();
    const before = await info();
    const rows = await count();
    const from = addDays(before.dateMax!, 1);
    const to = addDays(before.dateMax!, 7);
    const { folder, lines } = await purchaseFile(db, 'next-week', from, to);

    const report = await call<ImportReport>('data.importLpoint', { project, folder, append: true });
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ kind: 'purchases', rowsRead: lines, rowsLoaded: lines, rowsRejected: 0, dateMin: from, dateMax: to });
    expect(report.replacedRows).toEqual([]);
    expect(await count()).toBe(rows + lines);
    expect(await count(`date BETWEEN DATE '${from}' AND DATE '${to}'`)).toBe(lines);
    const after = await info();
    expect([after.dateMin, after.dateMax]).toEqual([before.dateMin, to]);
    expect(after.imports.map((q) => q.file)).toContain('LPOINT_BIG_COMP_02_PDDE.csv');
    expect(after.imports).toHaveLength(before.imports.length + 1);
    await factsMatch(db);

    const again = await dispatch(h.handlers, 'data.importLpoint', { project, folder, append: true }, h.ctx);
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_IMPORTED', issues: [{ key: 'alreadyImported' }] } });
    expect(await count()).toBe(rows + lines);
  }, 60_000);

  it('refuses a file overlapping the last week, naming both ranges; nothing changes', async () => {
    const { project, db, info } = await sampleProject();
    const before = await info();
    const from = addDays(before.dateMax!, -6);
    const to = addDays(before.dateMax!, 3);
    const { folder } = await purchaseFile(db, 'overlap', from, to);
    const reply = await dispatch(h.handlers, 'data.importLpoint', { project, folder, append: true }, h.ctx);
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'ALREADY_IMPORTED',
        message: expect.stringContaining('--replace-dates'),
        issues: [
          {
            key: 'appendDatesOverlap',
            params: { file: 'LPOINT_BIG_COMP_02_PDDE.csv', table: 'purchases', from, to, projectFrom: before.dateMin, projectTo: before.dateMax, overlapTo: before.dateMax },
          },
        ],
      },
    });
    expect(await info()).toEqual(before);
  }, 60_000);

  it('with replaceDates, the project rows of the file range are replaced, counted exactly and reported', async () => {
    const { project, db, count, info } = await sampleProject();
    const before = await info();
    const rows = await count();
    const from = addDays(before.dateMax!, -6);
    const to = before.dateMax!;
    const inWeek = await count(`date BETWEEN DATE '${from}' AND DATE '${to}'`);
    expect(inWeek).toBeGreaterThan(0);
    const { folder, lines } = await purchaseFile(db, 'replace-week', from, to, 2);

    const report = await call<ImportReport>('data.importLpoint', { project, folder, append: true, replaceDates: true });
    expect(report.replacedRows).toEqual([{ table: 'purchases', file: 'LPOINT_BIG_COMP_02_PDDE.csv', from, to, rows: inWeek }]);
    expect(report.files[0].rowsLoaded).toBe(lines);
    expect(await count()).toBe(rows - inWeek + lines);
    expect(await count(`date BETWEEN DATE '${from}' AND DATE '${to}'`)).toBe(lines);
    expect(await count(`date BETWEEN DATE '${from}' AND DATE '${to}' AND receipt_id NOT LIKE 'APPEND%'`)).toBe(0);
    const after = await info();
    expect([after.dateMin, after.dateMax]).toEqual([before.dateMin, before.dateMax]);
    await factsMatch(db);
  }, 60_000);

  it('a cancel mid-append (after the old rows were deleted) leaves the project as it was', async () => {
    const { project, db, info } = await sampleProject();
    const before = await info();
    const { folder, lines } = await purchaseFile(db, 'cancel-week', addDays(before.dateMax!, -6), before.dateMax!, 3);
    // The forced update after staging (half-way for one file): the write, with its delete, comes next.
    const ctx = {
      emit: (name: string, payload: unknown) => {
        const p = payload as JobProgress;
        if (name === 'job.progress' && p.step === 'LPOINT_BIG_COMP_02_PDDE.csv' && p.fraction === 0.5 && p.detail.type === 'rows' && p.detail.rowsDone === lines) {
          h.services.jobs.cancel('append-cancel');
        }
      },
    };
    const reply = await dispatch(h.handlers, 'data.importLpoint', { project, folder, append: true, replaceDates: true, jobId: 'append-cancel' }, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await info()).toEqual(before);
  }, 60_000);

  it('master files in an append folder: one imported before is skipped with a note, known keys are skipped, new keys added', async () => {
    const { project, db, info } = await sampleProject();
    const before = await info();
    const products = await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM products`);
    const known = readFileSync(join(sample, 'LPOINT_BIG_COMP_04_PD_CLAC.csv'), 'utf8').split(/\r?\n/)[1];
    const cols = productsHeader.split(',');
    const fresh = cols.map((c) => ({ pd_c: 'PDNEW1', pd_nm: '신상품 김치', clac_hlv_nm: '식품', clac_mcls_nm: '김치' })[c] ?? '').join(',');

    const same = join(h.root, 'same-master');
    mkdirSync(same);
    writeFileSync(join(same, 'LPOINT_BIG_COMP_04_PD_CLAC.csv'), readFileSync(join(sample, 'LPOINT_BIG_COMP_04_PD_CLAC.csv')));
    const skipped = await call<ImportReport>('data.importLpoint', { project, folder: same, append: true });
    expect(skipped.files).toEqual([]);
    expect(skipped.skipped).toEqual([{ file: 'LPOINT_BIG_COMP_04_PD_CLAC.csv', reason: expect.stringContaining('nothing new to append') }]);
    expect(await info()).toEqual(before);
    // Without append the same file is refused, as before.
    const refused = await dispatch(h.handlers, 'data.importLpoint', { project, folder: same }, h.ctx);
    expect(refused).toMatchObject({ ok: false, error: { code: 'ALREADY_IMPORTED' } });

    const mixed = join(h.root, 'new-master');
    mkdirSync(mixed);
    writeFileSync(join(mixed, 'LPOINT_BIG_COMP_04_PD_CLAC.csv'), [productsHeader, known, fresh].join('\r\n') + '\r\n');
    const report = await call<ImportReport>('data.importLpoint', { project, folder: mixed, append: true });
    expect(report.files[0]).toMatchObject({ kind: 'products', rowsRead: 2, rowsLoaded: 1, rowsRejected: 0, keysSkipped: 1 });
    expect((await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM products`))!.n).toBe(products!.n + 1);
    expect((await db.one<{ name: string }>(`SELECT name FROM products WHERE product_id = 'PDNEW1'`))!.name).toBe('신상품 김치');
  }, 60_000);
});
