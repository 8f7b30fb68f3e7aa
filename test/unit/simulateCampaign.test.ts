import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listValue } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignSimulateResult, SimulationManifest } from '../../src/shared/campaignSimulation';
import type { ExportManifest, ExportResult } from '../../src/shared/export';
import type { ChurnRunReport } from '../../src/shared/models';
import { harness, type Harness } from '../helpers';

let h: Harness;
let project: string;
let list: string;
let lastDay: string;

beforeAll(async () => {
  h = harness();
  const data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, customers: 1500, seed: 21 });
  project = join(h.root, 'p');
  await h.call('project.create', { project });
  await h.call('data.importLpoint', { project, folder: data });
  await h.call('segments.compute', { project });
  const churn = await h.call<ChurnRunReport>('models.trainChurn', { project, models: ['logistic'], seed: 3 });
  await h.call('models.scoreChurn', { project, runId: churn.run.id, model: 'logistic' });
  await h.call('models.trainRecommend', { project, models: ['popularity', 'itemknn'], seed: 3, k: 5 });
  mkdirSync(join(h.root, 'lists'));
  list = join(h.root, 'lists', 'list.csv');
  await h.call<ExportResult>('export.write', { project, out: list, controlShare: 0.3, seed: 5 });
  const row = await (await db()).one<{ d: string }>(`SELECT strftime(max(date), '%Y-%m-%d') AS d FROM purchases`);
  lastDay = row!.d;
}, 240_000);
afterAll(() => h?.close());

const db = async () => (await h.services.projects.get(project)).db;
const simulate = (args: Record<string, unknown>) => h.call<CampaignSimulateResult>('campaign.simulate', { project, list, ...args });
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The list's groups and recommended products, by customer, read back by DuckDB. */
const listRows = async () => {
  const rows = await (await db()).all<Record<string, string | null>>(`SELECT * FROM read_csv($1, header = true, all_varchar = true)`, [list]);
  const recCols = Object.keys(rows[0]).filter((k) => /^추천\d+ 상품코드$/.test(k));
  return new Map(rows.map((r) => [r['고객번호']!, { contacted: r['그룹'] === '발송', recs: recCols.map((c) => r[c]).filter((v): v is string => !!v) }]));
};
/** Purchase lines of the simulated file, as DuckDB parses it. */
const purchaseLines = async (path: string) =>
  (await db()).all<{ cust: string; rct_no: string; pd_c: string; de_dt: string; chnl_dv: number; buy_am: number; buy_ct: number }>(
    `SELECT * FROM read_csv($1, header = true, columns = {'cust': 'VARCHAR', 'rct_no': 'VARCHAR', 'chnl_dv': 'INTEGER', 'cop_c': 'VARCHAR', 'br_c': 'VARCHAR', 'pd_c': 'VARCHAR', 'de_dt': 'VARCHAR', 'de_hr': 'INTEGER', 'buy_am': 'DOUBLE', 'buy_ct': 'INTEGER'})`,
    [path],
  );

/** Observed purchase-rate difference (contacted − control) in a written file, and its standard error. */
async function observed(sim: CampaignSimulateResult) {
  const groups = await listRows();
  const buyers = new Set((await purchaseLines(sim.purchases)).map((l) => l.cust));
  const n = { t: 0, c: 0 };
  const s = { t: 0, c: 0 };
  for (const [cust, g] of groups) {
    const k = g.contacted ? 't' : 'c';
    n[k]++;
    if (buyers.has(cust)) s[k]++;
  }
  const pt = s.t / n.t;
  const pc = s.c / n.c;
  return { diff: pt - pc, se: Math.sqrt((pt * (1 - pt)) / n.t + (pc * (1 - pc)) / n.c), buyers: s, n };
}

describe('simulating a campaign on an exported list', () => {
  it('writes one contact row per listed customer and purchases inside the window, of listed customers and known products', async () => {
    const out = join(h.root, 'sim-a');
    const sim = await simulate({ out, days: 14 });
    const groups = await listRows();
    expect(groups.size).toBeGreaterThan(1000);
    const bytes = readFileSync(sim.contacts);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n').map((l) => l.split(','));
    expect(header).toEqual(['고객번호', '발송여부', '채널', '발송일']);
    expect(rows).toHaveLength(groups.size);
    for (const [cust, flag, channel, day] of rows) {
      expect(flag).toBe(groups.get(cust)!.contacted ? 'Y' : 'N');
      expect(day).toBe(plusDays(lastDay, 1));
      if (flag === 'Y') expect(['문자', '앱푸시', '이메일']).toContain(channel);
      else expect(channel).toBe('');
    }
    const lines = await purchaseLines(sim.purchases);
    expect(lines.length).toBeGreaterThan(100);
    const from = plusDays(lastDay, 1).replaceAll('-', '');
    const to = plusDays(lastDay, 14).replaceAll('-', '');
    for (const l of lines) {
      expect(l.de_dt >= from && l.de_dt <= to).toBe(true);
      expect(groups.has(l.cust)).toBe(true);
      expect(l.buy_am).toBeGreaterThan(0);
      expect(l.buy_ct).toBeGreaterThanOrEqual(1);
    }
    const known = await (await db()).one<{ unknown: number; clashes: number }>(
      `WITH sim AS (SELECT unnest($1::VARCHAR[]) AS pd_c, unnest($2::VARCHAR[]) AS rct_no)
       SELECT count(*) FILTER (WHERE pd_c NOT IN (SELECT product_id FROM products))::INTEGER AS unknown,
              count(*) FILTER (WHERE rct_no IN (SELECT receipt_id FROM purchases))::INTEGER AS clashes FROM sim`,
      [listValue(lines.map((l) => l.pd_c)), listValue(lines.map((l) => l.rct_no))],
    );
    expect(known).toEqual({ unknown: 0, clashes: 0 });
    // The L.POINT header, as the generator writes it.
    expect(readFileSync(sim.purchases, 'utf8').split('\r\n')[0]).toBe('cust,rct_no,chnl_dv,cop_c,br_c,pd_c,de_dt,de_hr,buy_am,buy_ct');
    const manifest = JSON.parse(readFileSync(sim.manifest, 'utf8')) as SimulationManifest;
    const listManifest = JSON.parse(readFileSync(`${list}.manifest.json`, 'utf8')) as ExportManifest;
    expect(manifest).toMatchObject({ kind: 'campaign-simulation', seed: 42, days: 14, window: { from: plusDays(lastDay, 1), to: plusDays(lastDay, 14) } });
    expect(manifest.list.dataFingerprint).toBe(listManifest.dataFingerprint);
    expect(manifest.counts.listed).toBe(groups.size);
    expect(manifest.counts.control).toBe(listManifest.control);
    expect(new Set(lines.map((l) => l.cust)).size).toBe(manifest.counts.buyers.contact + manifest.counts.buyers.control);
    expect(lines.length).toBe(manifest.counts.lines);
  });

  it('the written purchase-rate difference matches the applied uplift within 4 standard errors, and 0 without uplift', async () => {
    const up = await simulate({ out: join(h.root, 'sim-up'), uplift: 0.1, days: 14, seed: 7 });
    expect(up.truth.uplift.asked).toBe(0.1);
    expect(up.truth.uplift.applied).toBeGreaterThan(0.03);
    expect(up.truth.uplift.applied).toBeLessThanOrEqual(0.1);
    const a = await observed(up);
    expect(Math.abs(a.diff - up.truth.uplift.applied)).toBeLessThan(4 * a.se);
    const none = await simulate({ out: join(h.root, 'sim-none'), uplift: 0, days: 14, seed: 7 });
    expect(none.truth.uplift.applied).toBe(0);
    const b = await observed(none);
    expect(Math.abs(b.diff)).toBeLessThan(4 * b.se);
    // The same draws with and without the uplift: the uplift adds buyers among the contacted only.
    expect(a.buyers.c).toBe(b.buyers.c);
    expect(a.buyers.t).toBeGreaterThan(b.buyers.t);
  });

  it('recommended products are bought more often by the contacted than by the control', async () => {
    const sim = await simulate({ out: join(h.root, 'sim-rec'), recUplift: 0.2, days: 14 });
    const groups = await listRows();
    const bought = { t: 0, c: 0 };
    const listed = { t: 0, c: 0 };
    const lines = await purchaseLines(sim.purchases);
    const byCustomer = new Map<string, Set<string>>();
    for (const l of lines) byCustomer.set(l.cust, (byCustomer.get(l.cust) ?? new Set()).add(l.pd_c));
    for (const [cust, g] of groups) {
      const k = g.contacted ? 't' : 'c';
      listed[k] += g.recs.length;
      bought[k] += g.recs.filter((r) => byCustomer.get(cust)?.has(r)).length;
    }
    expect(listed.t).toBeGreaterThan(0);
    expect(listed.c).toBeGreaterThan(0);
    expect(bought.t / listed.t).toBeGreaterThan(2 * (bought.c / listed.c));
    expect(sim.truth.counts.recommendedBought.contact).toBeGreaterThan(0);
  });

  it('the same seed writes the same bytes, another seed other purchases; CP949 and Parquet lists give the same result', async () => {
    const a = await simulate({ out: join(h.root, 'seed-a'), seed: 11 });
    const b = await simulate({ out: join(h.root, 'seed-b'), seed: 11 });
    const c = await simulate({ out: join(h.root, 'seed-c'), seed: 12 });
    for (const key of ['contacts', 'purchases'] as const) expect(readFileSync(b[key]).equals(readFileSync(a[key]))).toBe(true);
    expect(readFileSync(c.purchases).equals(readFileSync(a.purchases))).toBe(false);
    const cp949 = join(h.root, 'lists', 'list-cp949.csv');
    const parquet = join(h.root, 'lists', 'list.parquet');
    await h.call('export.write', { project, out: cp949, controlShare: 0.3, seed: 5, encoding: 'cp949' });
    await h.call('export.write', { project, out: parquet, controlShare: 0.3, seed: 5, format: 'parquet' });
    for (const other of [cp949, parquet]) {
      const d = await h.call<CampaignSimulateResult>('campaign.simulate', { project, list: other, out: join(h.root, `seed-${other.slice(-3)}`), seed: 11 });
      expect(readFileSync(d.purchases).equals(readFileSync(a.purchases))).toBe(true);
      expect(readFileSync(d.contacts).equals(readFileSync(a.contacts))).toBe(true);
    }
  });

  it('refuses a list from another project or other data, with its key, and writes nothing', async () => {
    const dir = join(h.root, 'tampered');
    mkdirSync(dir);
    const copy = join(dir, 'list.csv');
    cpSync(list, copy);
    const manifest = JSON.parse(readFileSync(`${list}.manifest.json`, 'utf8')) as ExportManifest;
    writeFileSync(`${copy}.manifest.json`, JSON.stringify({ ...manifest, dataFingerprint: '0123456789abcdef' }));
    const out = join(h.root, 'sim-refused');
    const error = await simulate({ list: copy, out }).then(
      () => null,
      (e: unknown) => e as { code: string; issues?: { key?: string }[] },
    );
    expect(error?.code).toBe('BAD_ARGUMENT');
    expect(error?.issues?.[0]?.key).toBe('simulateListOtherProject');
    expect(existsSync(out)).toBe(false);
  });
});
