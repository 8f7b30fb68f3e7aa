import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/main/services/db/database';
import { generateLpoint, MANIFEST_FILE, type GenerateReport } from '../../src/main/services/generator/index';
import { dispatch } from '../../src/main/transport/dispatch';
import { LPOINT_FILES } from '../../src/shared/lpointFiles';
import type { ImportReport } from '../../src/shared/reports';
import { harness, tempDir, type Harness } from '../helpers';

const tmp = tempDir('cw-gen-');
afterAll(() => tmp.cleanup());

function hashes(dir: string): string[] {
  return LPOINT_FILES.map((f) => createHash('sha256').update(readFileSync(join(dir, f.fileName))).digest('hex'));
}

const pddePath = (dir: string) => join(dir, 'LPOINT_BIG_COMP_02_PDDE.csv');

describe('determinism', () => {
  it('the same seed writes the same bytes; another seed writes different ones', async () => {
    const a = join(tmp.dir, 'a');
    const b = join(tmp.dir, 'b');
    const c = join(tmp.dir, 'c');
    await generateLpoint({ out: a, customers: 300, seed: 7 });
    await generateLpoint({ out: b, customers: 300, seed: 7 });
    await generateLpoint({ out: c, customers: 300, seed: 8 });
    expect(hashes(a)).toEqual(hashes(b));
    expect(readFileSync(join(a, MANIFEST_FILE), 'utf8')).toBe(readFileSync(join(b, MANIFEST_FILE), 'utf8'));
    const [ha, hc] = [hashes(a), hashes(c)];
    // Customers and transactions follow the seed; the catalog and branches are the app's fixed master data.
    LPOINT_FILES.forEach((f, i) => {
      if (f.kind === 'products' || f.kind === 'branches') expect(hc[i], f.fileName).toBe(ha[i]);
      else expect(hc[i], f.fileName).not.toBe(ha[i]);
    });
  });

  it('reports progress up to 1 and the line counts it wrote', async () => {
    const out = join(tmp.dir, 'progress');
    const seen: number[] = [];
    const report = await generateLpoint({ out, customers: 300, seed: 3, onProgress: (p) => seen.push(p.fraction) });
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    const physical = readFileSync(pddePath(out), 'utf8').split('\r\n').length - 1;
    expect(report.files.find((f) => f.kind === 'purchases')!.lines).toBe(physical);
  });
});

describe('file format', () => {
  it('writes the six files in the competition layout: UTF-8 without BOM, CRLF, header, value formats', async () => {
    const out = join(tmp.dir, 'format');
    await generateLpoint({ out, customers: 300, seed: 11, defects: false });
    for (const spec of LPOINT_FILES) {
      const bytes = readFileSync(join(out, spec.fileName));
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
      const text = bytes.toString('utf8');
      expect(text.split('\r\n')[0]).toBe(spec.columns.join(','));
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
    const lines = readFileSync(pddePath(out), 'utf8').trimEnd().split('\r\n').slice(1);
    expect(lines.length).toBeGreaterThan(10_000);
    const bad = lines.filter((line) => {
      const [cust, rct, ch, cop, br, pd, dt, hr, am, ct] = line.split(',');
      const online = ch === '2';
      return !(
        /^M\d{9}$/.test(cust) &&
        (online ? new RegExp(`^E0${cop[2]}\\d{9}$`).test(rct) && br === '' : new RegExp(`^${cop}\\d{9}$`).test(rct) && new RegExp(`^${cop}\\d{4}$`).test(br)) &&
        /^A0[1-6]$/.test(cop) &&
        /^PD\d{4}$/.test(pd) &&
        /^2021(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(dt) &&
        Number(hr) >= 0 && Number(hr) <= 23 && /^\d+$/.test(hr) &&
        /^\d+\.0$/.test(am) &&
        /^\d+$/.test(ct)
      );
    });
    expect(bad).toEqual([]);
    expect(lines.some((l) => l.split(',')[2] === '2')).toBe(true);
  });
});

describe('import through the handler table', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.close());

  async function importGenerated(defects: boolean): Promise<{ report: GenerateReport; imported: ImportReport; project: string }> {
    const out = join(h.root, 'data');
    const report = await generateLpoint({ out, customers: 600, seed: 5, defects });
    const project = join(h.root, 'project');
    const created = await dispatch(h.handlers, 'project.create', { project }, h.ctx);
    expect(created.ok).toBe(true);
    const reply = await dispatch(h.handlers, 'data.importLpoint', { project, folder: out }, h.ctx);
    if (!reply.ok) throw new Error(reply.error.message);
    return { report, imported: reply.result as ImportReport, project };
  }

  it('rejects exactly the planted defects, by reason and line number, and counts the planted duplicates', async () => {
    const { report, imported, project } = await importGenerated(true);
    expect(report.defects.length).toBeGreaterThanOrEqual(8);
    const planted = report.defects.map((d) => [d.line, d.reason]).sort((x, y) => (x[0] as number) - (y[0] as number));
    const db = (await h.services.projects.get(project)).db;
    const rejects = await db.all<{ file: string; line: number; reason: string }>(`SELECT file, line, reason FROM rejects ORDER BY line`);
    expect(rejects.every((r) => r.file === 'LPOINT_BIG_COMP_02_PDDE.csv')).toBe(true);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual(planted);
    const purchases = imported.files.find((f) => f.kind === 'purchases')!;
    const byReason: Record<string, number> = {};
    for (const d of report.defects) byReason[d.reason] = (byReason[d.reason] ?? 0) + 1;
    expect(purchases.rejectsByReason).toEqual(byReason);
    expect(Object.keys(byReason).sort()).toEqual(
      ['bad_amount', 'bad_count', 'bad_date', 'bad_hour', 'column_count', 'missing_customer', 'unknown_chain', 'unknown_product'],
    );
    expect(purchases.duplicates).toBe(report.duplicates);
    expect(purchases.rowsLoaded).toBe(report.files.find((f) => f.kind === 'purchases')!.rows - report.defects.length);
    for (const f of imported.files) expect(f.rowsLoaded, f.file).toBe(f.kind === 'purchases' ? purchases.rowsLoaded : report.files.find((g) => g.kind === f.kind)!.rows);
  });

  it('with defects off there are no rejects at all, and the duplicates stay', async () => {
    const { report, imported } = await importGenerated(false);
    expect(report.defects).toEqual([]);
    for (const f of imported.files) {
      expect(f.rowsRejected, f.file).toBe(0);
      expect(f.linesUnaccounted, f.file).toBe(0);
    }
    const purchases = imported.files.find((f) => f.kind === 'purchases')!;
    expect(purchases.duplicates).toBe(report.duplicates);
    expect(purchases.duplicates / purchases.rowsLoaded).toBeGreaterThan(0.045);
    expect(purchases.duplicates / purchases.rowsLoaded).toBeLessThan(0.065);
  });
});

describe('planted structure', () => {
  let db: Database;
  let report: GenerateReport;
  beforeAll(async () => {
    const out = join(tmp.dir, 'structure');
    report = await generateLpoint({ out, customers: 1_500, seed: 21, defects: false });
    db = await Database.open(':memory:');
    await db.run(`CREATE TABLE p AS SELECT cust, pd_c, strptime(de_dt, '%Y%m%d')::DATE AS dt FROM read_csv('${pddePath(out)}', all_varchar = true)`);
    await db.run(`CREATE TABLE pc AS SELECT pd_c, clac_hlv_nm AS cat FROM read_csv('${join(out, 'LPOINT_BIG_COMP_04_PD_CLAC.csv')}', all_varchar = true)`);
  });
  afterAll(() => db.close());

  it('customers marked to drop out in H2 buy far less in H2 than the others', async () => {
    const h2 = report.groundTruth.dropouts.filter((d) => d.date >= '20210701');
    expect(h2.length).toBeGreaterThan(50);
    await db.run(`CREATE TABLE drop AS SELECT * FROM (VALUES ${h2.map((d) => `('${d.cust}')`).join(', ')}) t(cust)`);
    const rows = await db.all<{ dropout: boolean; ratio: number }>(`
      SELECT cust IN (SELECT cust FROM drop) AS dropout,
             count(*) FILTER (WHERE dt >= DATE '2021-07-01') / count(*) FILTER (WHERE dt < DATE '2021-07-01') AS ratio
      FROM p GROUP BY ALL ORDER BY dropout`);
    const [others, dropouts] = rows;
    expect(dropouts.ratio).toBeLessThan(0.5 * others.ratio);
    // Activity fades before the dropout date: Q2 already below Q1 for them, unlike the others.
    const fade = await db.all<{ dropout: boolean; q2q1: number }>(`
      SELECT cust IN (SELECT cust FROM drop) AS dropout,
             count(*) FILTER (WHERE quarter(dt) = 2) / count(*) FILTER (WHERE quarter(dt) = 1) AS q2q1
      FROM p GROUP BY ALL ORDER BY dropout`);
    expect(fade[1].q2q1).toBeLessThan(fade[0].q2q1);
  });

  it('category taste is recoverable: the H1 top category predicts H2 better than the popular one', async () => {
    const row = await db.one<{ n: number; personal: number; popular: number }>(`
      WITH lines AS (SELECT cust, cat, dt < DATE '2021-07-01' AS h1 FROM p JOIN pc USING (pd_c)),
      counts AS (SELECT cust, h1, cat, count(*) AS n FROM lines GROUP BY ALL),
      top AS (SELECT cust, h1, arg_max(cat, n) AS cat, sum(n) AS lines FROM counts GROUP BY ALL),
      popular AS (SELECT arg_max(cat, n) AS cat FROM (SELECT cat, count(*) AS n FROM lines WHERE h1 GROUP BY cat)),
      pairs AS (SELECT a.cust, a.cat AS h1cat, b.cat AS h2cat FROM top a JOIN top b ON a.cust = b.cust AND a.h1 AND NOT b.h1
                WHERE a.lines >= 20 AND b.lines >= 10)
      SELECT count(*) AS n, avg((h1cat = h2cat)::INT) AS personal, avg((h2cat = (SELECT cat FROM popular))::INT) AS popular FROM pairs`);
    expect(row!.n).toBeGreaterThan(300);
    expect(row!.personal).toBeGreaterThan(row!.popular + 0.1);
  });
});
