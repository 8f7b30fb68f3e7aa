import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/transport/dispatch';
import type { ImportReport } from '../../src/shared/reports';
import { harness, SHARED_LPOINT, type Harness } from '../helpers';

const available = existsSync(join(SHARED_LPOINT, 'LPOINT_BIG_COMP_01_DEMO.csv'));

describe.skipIf(!available)('the real L.POINT master tables (../shared/data/lpoint2022)', () => {
  let h: Harness;
  let report: ImportReport;
  let project: string;
  beforeAll(async () => {
    h = harness();
    const folder = join(h.root, 'lpoint');
    mkdirSync(folder);
    for (const f of ['LPOINT_BIG_COMP_01_DEMO.csv', 'LPOINT_BIG_COMP_04_PD_CLAC.csv', 'LPOINT_BIG_COMP_05_BR.csv']) {
      cpSync(join(SHARED_LPOINT, f), join(folder, f));
    }
    project = join(h.root, 'project');
    await dispatch(h.handlers, 'project.create', { project }, h.ctx);
    const reply = await dispatch(h.handlers, 'data.importLpoint', { project, folder }, h.ctx);
    if (!reply.ok) throw new Error(reply.error.message);
    report = reply.result as ImportReport;
  });
  afterAll(() => h.close());

  it('import exactly: 29,913 customers, 1,933 products, 8,808 branches, nothing rejected', () => {
    const byKind = Object.fromEntries(report.files.map((f) => [f.kind, f]));
    expect(byKind.customers).toMatchObject({ rowsRead: 29_913, rowsLoaded: 29_913, rowsRejected: 0 });
    expect(byKind.products).toMatchObject({ rowsRead: 1_933, rowsLoaded: 1_933, rowsRejected: 0 });
    expect(byKind.branches).toMatchObject({ rowsRead: 8_808, rowsLoaded: 8_808, rowsRejected: 0 });
    expect(report.missing).toEqual(['purchases', 'services', 'payments']);
  });

  it('keep the published distributions (gender, branches per chain)', async () => {
    const db = (await h.services.projects.get(project)).db;
    expect(await db.all('SELECT gender, count(*)::BIGINT AS n FROM customers GROUP BY gender ORDER BY gender')).toEqual([
      { gender: '남성', n: 9_830 },
      { gender: '여성', n: 20_083 },
    ]);
    const chains = await db.all<{ chain: string; n: number }>('SELECT chain, count(*)::BIGINT AS n FROM branches GROUP BY chain');
    expect(Object.fromEntries(chains.map((c) => [c.chain, c.n]))).toMatchObject({ A01: 66, A04: 5_646, E01: 43 });
    const last = await db.one('SELECT product_id, name, category FROM products ORDER BY product_id DESC LIMIT 1');
    expect(last).toEqual({ product_id: 'PD1933', name: '남녀공용향수세트', category: '화장품/뷰티케어' });
  });
});
