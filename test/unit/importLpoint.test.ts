import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/transport/dispatch';
import type { JobProgress } from '../../src/shared/contract';
import type { ImportReport, ProjectInfo } from '../../src/shared/reports';
import { writePurchases } from '../writePurchases';
import { fixtureCopy, harness, type Harness } from '../helpers';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(() => h.close());

const call = <T,>(method: string, args: unknown) => h.call<T>(method, args);

async function importFixture(options: Record<string, unknown> = {}) {
  const project = join(h.root, 'project');
  await call('project.create', { project });
  const folder = fixtureCopy('lpoint', h.root);
  const report = await call<ImportReport>('data.importLpoint', { project, folder, ...options });
  return { project, folder, report };
}

describe('L.POINT import', () => {
  it('loads good rows and keeps every rejected row with its line number and reason', async () => {
    const { project, report } = await importFixture();
    const purchases = report.files.find((f) => f.kind === 'purchases')!;
    expect(purchases.rowsRead).toBe(15);
    expect(purchases.rowsLoaded).toBe(7);
    expect(purchases.rowsRejected).toBe(8);
    expect(purchases.rejectsByReason).toEqual({
      bad_date: 1,
      bad_hour: 1,
      missing_customer: 1,
      bad_amount: 1,
      bad_count: 1,
      unknown_chain: 1,
      unknown_product: 1,
      column_count: 1,
    });
    const db = (await h.services.projects.get(project)).db;
    const rejects = await db.all<{ line: number; reason: string; raw: string }>(
      `SELECT line, reason, raw FROM rejects WHERE file = 'LPOINT_BIG_COMP_02_PDDE.csv' ORDER BY line`,
    );
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [8, 'bad_date'],
      [9, 'bad_hour'],
      [10, 'missing_customer'],
      [11, 'bad_amount'],
      [12, 'bad_count'],
      [13, 'unknown_chain'],
      [14, 'unknown_product'],
      [15, 'column_count'],
    ]);
    expect(rejects.find((r) => r.line === 11)!.raw).toContain('천원');
    // Good rows keep their own line numbers, also after the structurally broken line 15.
    const lines = await db.all<{ line: number }>(`SELECT line FROM purchases ORDER BY line`);
    expect(lines.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 16]);
  });
});

describe('import report', () => {
  it('counts exact duplicate lines, keeps them by default and drops them on request', async () => {
    const kept = await importFixture();
    const purchases = kept.report.files.find((f) => f.kind === 'purchases')!;
    expect(purchases.duplicates).toBe(1);
    expect(purchases.duplicatesDropped).toBe(0);
    expect(purchases.rowsLoaded).toBe(7);
    h.close();
    h = harness();
    const dropped = await importFixture({ dropDuplicates: true });
    const p2 = dropped.report.files.find((f) => f.kind === 'purchases')!;
    expect(p2.duplicates).toBe(1);
    expect(p2.duplicatesDropped).toBe(1);
    expect(p2.rowsLoaded).toBe(6);
    const db = (await h.services.projects.get(dropped.project)).db;
    expect((await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM purchases'))!.n).toBe(6);
  });

  it('keeps returns (amount <= 0) and flags them', async () => {
    const { project, report } = await importFixture();
    expect(report.files.find((f) => f.kind === 'purchases')!.returns).toBe(1);
    const db = (await h.services.projects.get(project)).db;
    const returns = await db.all<{ amount: number; line: number }>('SELECT amount, line FROM purchases WHERE is_return');
    expect(returns).toEqual([{ amount: -4000, line: 5 }]);
  });

  it('reports the date range, customers without purchases and purchases of unknown customers', async () => {
    const { project } = await importFixture();
    const info = await call<ProjectInfo>('project.info', { project });
    expect(info.dateMin).toBe('2021-01-01');
    expect(info.dateMax).toBe('2021-12-31');
    expect(info.customersWithoutPurchases).toBe(1); // M000000003: all of their lines were rejected
    expect(info.purchasesOfUnknownCustomers).toBe(1); // M000000005 is not in the customer file
    expect(Object.fromEntries(info.tables.map((t) => [t.table, t.rows]))).toMatchObject({
      customers: 4,
      products: 4,
      branches: 3,
      purchases: 7,
      services: 2,
      payments: 2,
      rejects: 8,
    });
  });

  it('imports any subset of the six files and reports what is missing', async () => {
    const project = join(h.root, 'project');
    await call('project.create', { project });
    const folder = fixtureCopy('lpoint', h.root);
    for (const f of readdirSync(folder)) if (!/0[14]_/.test(f)) rmSync(join(folder, f));
    writeFileSync(join(folder, 'notes.csv'), 'a,b\r\n1,2\r\n');
    const report = await call<ImportReport>('data.importLpoint', { project, folder });
    expect(report.files.map((f) => f.kind)).toEqual(['products', 'customers']);
    expect(report.missing).toEqual(['purchases', 'services', 'branches', 'payments']);
    expect(report.skipped).toEqual([{ file: 'notes.csv', reason: 'not an L.POINT file (name and header not recognised)' }]);
  });

  it('keeps Korean text intact, including a quoted name with a comma', async () => {
    const { project } = await importFixture();
    const db = (await h.services.projects.get(project)).db;
    const names = await db.all<{ name: string }>('SELECT name FROM products ORDER BY product_id');
    expect(names.map((n) => n.name)).toEqual(['일반스낵', '일반우유', '두부, 국산', '국산맥주']);
  });
});

describe('re-import and rollback', () => {
  it('refuses a file whose content was already imported, unless replace is given', async () => {
    const { project, folder, report } = await importFixture();
    // The hashes are computed while the files are staged: each file's report and imports row has its real SHA-256.
    const db0 = (await h.services.projects.get(project)).db;
    const stored = await db0.all<{ file: string; sha256: string }>('SELECT file, sha256 FROM imports ORDER BY file');
    expect(stored).toHaveLength(6);
    for (const row of stored) {
      const sha = createHash('sha256').update(readFileSync(join(folder, row.file))).digest('hex');
      expect(row.sha256).toBe(sha);
      expect(report.files.find((f) => f.file === row.file)?.sha256).toBe(sha);
    }
    const again = await dispatch(h.handlers, 'data.importLpoint', { project, folder }, h.ctx);
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_IMPORTED' } });
    const db = (await h.services.projects.get(project)).db;
    const count = async () => (await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM purchases'))!.n;
    expect(await count()).toBe(7);
    const replaced = await call<ImportReport>('data.importLpoint', { project, folder, replace: true });
    expect(replaced.files).toHaveLength(6);
    expect(await count()).toBe(7);
    expect((await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM rejects'))!.n).toBe(8);
    expect((await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM imports'))!.n).toBe(6);
  });

  it('a cancel mid-file leaves the project exactly as it was', async () => {
    const { project } = await importFixture();
    const before = await call<ProjectInfo>('project.info', { project });
    const big = join(h.root, 'big');
    mkdirSync(big);
    writePurchases(join(big, 'LPOINT_BIG_COMP_02_PDDE.csv'), 600_000);
    const ctx = {
      emit: (name: string, payload: unknown) => {
        const p = payload as JobProgress;
        if (name === 'job.progress' && p.step === 'LPOINT_BIG_COMP_02_PDDE.csv') h.services.jobs.cancel('cancel-me');
      },
    };
    const reply = await dispatch(h.handlers, 'data.importLpoint', { project, folder: big, jobId: 'cancel-me' }, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const after = await call<ProjectInfo>('project.info', { project });
    expect(after).toEqual(before);
  });
});

describe('bad files', () => {
  it('refuses a file that is not UTF-8, naming the line, before touching the project', async () => {
    const project = join(h.root, 'project');
    await call('project.create', { project });
    const folder = fixtureCopy('lpoint', h.root);
    const pdde = join(folder, 'LPOINT_BIG_COMP_02_PDDE.csv');
    const lines = readFileSync(pdde);
    // Line 3 re-encoded as CP949-like bytes: invalid as UTF-8.
    const bad = Buffer.concat([lines.subarray(0, lines.indexOf('M000000001,A01000000001,1,A01,A010001,PD0002')), Buffer.from([0xc0, 0xcf, 0xb9, 0xdd, 0x2c]), lines.subarray(lines.indexOf('M000000001,A01000000001,1,A01,A010001,PD0002'))]);
    writeFileSync(pdde, bad);
    const reply = await dispatch(h.handlers, 'data.importLpoint', { project, folder }, h.ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_FILE', message: expect.stringContaining('line 3') } });
    const info = await call<ProjectInfo>('project.info', { project });
    expect(info.tables.every((t) => t.rows === 0)).toBe(true);
  });

  it('an unterminated quote is a malformed reject and the swallowed lines are counted, not lost silently', async () => {
    const project = join(h.root, 'project');
    await call('project.create', { project });
    const folder = join(h.root, 'quote');
    mkdirSync(folder);
    const header = 'cust,rct_no,chnl_dv,cop_c,br_c,pd_c,de_dt,de_hr,buy_am,buy_ct';
    const ok = 'M1,R1,1,A01,A010001,PD0001,20210101,10,1980,1';
    writeFileSync(join(folder, 'LPOINT_BIG_COMP_02_PDDE.csv'), [header, ok, 'M1,"R2,1,A01,A010001,PD0001,20210101,10,1980,1', ok, ok].join('\r\n') + '\r\n');
    const report = await call<ImportReport>('data.importLpoint', { project, folder });
    const q = report.files[0];
    expect(q.rowsLoaded).toBe(1);
    expect(q.rejectsByReason).toEqual({ malformed: 1 });
    expect(q.rowsLoaded + q.rowsRejected + q.linesUnaccounted).toBe(4);
  });
});

describe('a project during an import', () => {
  it('serves reads from the state before the import while it runs, refuses to close, then shows the new rows', async () => {
    const { project } = await importFixture();
    const before = await call<ProjectInfo>('project.info', { project });
    const big = join(h.root, 'busy');
    mkdirSync(big);
    writePurchases(join(big, 'LPOINT_BIG_COMP_02_PDDE.csv'), 300_000);
    let signal: () => void = () => undefined;
    const staging = new Promise<void>((resolve) => (signal = resolve));
    const ctx = {
      emit: (name: string, payload: unknown) => {
        if (name === 'job.progress' && (payload as JobProgress).step === 'LPOINT_BIG_COMP_02_PDDE.csv') signal();
      },
    };
    const running = dispatch(h.handlers, 'data.importLpoint', { project, folder: big }, ctx);
    await staging;
    const [info, overview, closing] = await Promise.all([
      dispatch(h.handlers, 'project.info', { project }, h.ctx),
      dispatch(h.handlers, 'analytics.overview', { project }, h.ctx),
      dispatch(h.handlers, 'project.close', { project }, h.ctx),
    ]);
    expect(info).toEqual({ ok: true, result: before });
    expect(overview).toMatchObject({ ok: true });
    expect(closing).toMatchObject({ ok: false, error: { code: 'BUSY', message: expect.stringContaining('import') } });
    expect(await running).toMatchObject({ ok: true });
    const after = await call<ProjectInfo>('project.info', { project });
    const purchases = (i: ProjectInfo) => i.tables.find((t) => t.table === 'purchases')!.rows;
    expect(purchases(after)).toBeGreaterThan(purchases(before) + 200_000);
  });
});

describe('rollback on a failure mid-file', () => {
  it('an error while loading the purchase file undoes the catalog and customers loaded before it', async () => {
    const { project } = await importFixture();
    const before = await call<ProjectInfo>('project.info', { project });
    mkdirSync(join(h.root, 'second'));
    const folder = fixtureCopy('lpoint', join(h.root, 'second'));
    writePurchases(join(folder, 'LPOINT_BIG_COMP_02_PDDE.csv'), 1_000_000);
    // Products and customers are new content (a changed file), so they load first; then the
    // purchase file runs out of memory half-way, as it would on a laptop with too little RAM.
    writeFileSync(join(folder, 'LPOINT_BIG_COMP_04_PD_CLAC.csv'), readFileSync(join(folder, 'LPOINT_BIG_COMP_04_PD_CLAC.csv'), 'utf8') + 'PD0005,생수,음료,생수\r\n');
    const db = (await h.services.projects.get(project)).db;
    await db.run(`SET memory_limit = '48MB'`);
    const reply = await dispatch(h.handlers, 'data.importLpoint', { project, folder, replace: true }, h.ctx);
    await db.run(`RESET memory_limit`);
    expect(reply).toMatchObject({ ok: false, error: { code: 'IMPORT_FAILED', message: expect.stringContaining('LPOINT_BIG_COMP_02_PDDE.csv') } });
    expect(await call<ProjectInfo>('project.info', { project })).toEqual(before);
  });
});

describe('line numbers at scale', () => {
  it('keeps line numbers right when many lines are broken (hundreds of reader rejects)', async () => {
    const project = join(h.root, 'project');
    await call('project.create', { project });
    const folder = join(h.root, 'broken');
    mkdirSync(folder);
    const lines = ['cust,rct_no,chnl_dv,cop_c,br_c,pd_c,de_dt,de_hr,buy_am,buy_ct'];
    for (let line = 2; line <= 20_001; line++) {
      // every 37th line lacks columns; the receipt number carries the line it sits on
      lines.push(line % 37 === 0 ? `M1,R${line},1,A01` : `M1,R${line},1,A01,A010001,PD0001,20210101,10,1000,1`);
    }
    writeFileSync(join(folder, 'LPOINT_BIG_COMP_02_PDDE.csv'), lines.join('\r\n') + '\r\n');
    const report = await call<ImportReport>('data.importLpoint', { project, folder });
    expect(report.files[0].rejectsByReason).toEqual({ column_count: 540 });
    const db = (await h.services.projects.get(project)).db;
    expect(await db.one(`SELECT count(*)::BIGINT AS n, count(*) FILTER (WHERE 'R' || line <> receipt_id)::BIGINT AS wrong FROM purchases`)).toEqual({ n: 19_460, wrong: 0 });
    expect(await db.one(`SELECT count(*) FILTER (WHERE line % 37 <> 0)::BIGINT AS wrong FROM rejects`)).toEqual({ wrong: 0 });
  });

  it('keeps line numbers right past the CASE tree too (thousands of gaps: the join path)', async () => {
    const project = join(h.root, 'project');
    await call('project.create', { project });
    const folder = join(h.root, 'gaps');
    mkdirSync(folder);
    const lines = ['cust,rct_no,chnl_dv,cop_c,br_c,pd_c,de_dt,de_hr,buy_am,buy_ct'];
    // 9,000 rows, each followed by an empty line (9,000 gaps, more than the tree takes), and every 1,000th row broken
    for (let i = 0; i < 9_000; i++) {
      const line = lines.length + 1;
      lines.push(i % 1_000 === 999 ? `M1,R${line},1` : `M1,R${line},1,A01,A010001,PD0001,20210101,10,1000,1`, '');
    }
    writeFileSync(join(folder, 'LPOINT_BIG_COMP_02_PDDE.csv'), lines.join('\n') + '\n');
    const report = await call<ImportReport>('data.importLpoint', { project, folder });
    expect(report.files[0]).toMatchObject({ rowsLoaded: 8_991, rejectsByReason: { column_count: 9 }, blankLines: 9_000 });
    const db = (await h.services.projects.get(project)).db;
    expect(await db.one(`SELECT count(*) FILTER (WHERE 'R' || line <> receipt_id)::BIGINT AS wrong FROM purchases`)).toEqual({ wrong: 0 });
    expect(await db.all(`SELECT line FROM rejects ORDER BY line LIMIT 2`)).toEqual([{ line: 2_000 }, { line: 4_000 }]);
  });

  it('every loaded row keeps the line it came from, also when the reader works in parallel', async () => {
    const project = join(h.root, 'project');
    await call('project.create', { project });
    const folder = join(h.root, 'big');
    mkdirSync(folder);
    writePurchases(join(folder, 'LPOINT_BIG_COMP_02_PDDE.csv'), 400_000); // receipt A02<i> sits on line i + 2
    await call('data.importLpoint', { project, folder });
    const db = (await h.services.projects.get(project)).db;
    const row = await db.one<{ n: number; wrong: number }>(
      `SELECT count(*)::BIGINT AS n, count(*) FILTER (WHERE line <> CAST(substr(receipt_id, 4) AS BIGINT) + 2)::BIGINT AS wrong FROM purchases`,
    );
    expect(row).toEqual({ n: 400_000, wrong: 0 });
  });
});
