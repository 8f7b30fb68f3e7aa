import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../src/shared/contract';
import type { ExportManifest, ExportResult, TargetListPreview } from '../../src/shared/export';
import type { ChurnRunReport } from '../../src/shared/models';
import type { RecommendRunReport } from '../../src/shared/recommend';
import { dispatch } from '../../src/main/transport/dispatch';
import { harness, type Harness } from '../helpers';

let h: Harness;
let project: string;
let out: string;

beforeAll(async () => {
  h = harness();
  const data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, customers: 1500, seed: 21 });
  project = join(h.root, 'p');
  await h.call('project.create', { project });
  await h.call('data.importLpoint', { project, folder: data });
  await h.call('segments.compute', { project });
  const churn = await h.call<ChurnRunReport>('models.trainChurn', { project, models: ['gbdt', 'logistic'], seed: 3 });
  await h.call('models.scoreChurn', { project, runId: churn.run.id, model: 'gbdt' });
  await h.call<RecommendRunReport>('models.trainRecommend', { project, models: ['popularity', 'itemknn'], seed: 3, k: 5 });
  out = join(h.root, 'exports');
  mkdirSync(out);
}, 240_000);
afterAll(() => h?.close());

const db = async () => (await h.services.projects.get(project)).db;
const preview = (args: Record<string, unknown> = {}) => h.call<TargetListPreview>('export.preview', { project, ...args });
const write = (args: Record<string, unknown>) => h.call<ExportResult>('export.write', { project, ...args });
/** The CSV read back by DuckDB (all text), header first. */
const readCsv = async (path: string, encoding = 'utf-8') => {
  const rows = await (await db()).all(`SELECT * FROM read_csv($1, header = false, all_varchar = true, encoding = '${encoding}')`, [path]);
  return rows.map((r) => Object.values(r) as (string | null)[]);
};
const refusal = (call: Promise<unknown>) => call.then(() => null, (e: unknown) => e as { code: string; issues?: { key?: string }[] });

describe('campaign target list', () => {
  it('writes the previewed list in UTF-8 with BOM, Korean headings, and a manifest beside it', async () => {
    const shown = await preview();
    const path = join(out, '캠페인 목록.csv');
    const written = await write({ out: path });
    expect(written).toMatchObject({ rows: shown.customers, control: shown.control });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = await readCsv(path);
    expect(rows[0][0]?.replace('\uFEFF', '')).toBe('고객번호');
    expect(rows[0]).toContain('이탈 위험');
    expect(rows[0]).toContain('추천1 상품명');
    expect(rows.length - 1).toBe(shown.customers);
    // The preview's rows are the file's first rows, cell for cell.
    shown.rows.slice(0, 5).forEach((r, i) => expect(rows[i + 1]).toEqual(r.map((v) => (v === null ? null : String(v)))));
    const manifest = JSON.parse(readFileSync(written.manifest, 'utf8')) as ExportManifest;
    expect(written.manifest).toBe(join(out, '캠페인 목록.csv.manifest.json'));
    expect(manifest).toMatchObject({ kind: 'campaign-target-list', rows: shown.customers, control: shown.control, controlShare: 0.1, seed: 42, format: 'csv', encoding: 'utf8bom', stratifiedBy: 'riskDecile' });
    expect(manifest.sources.churn?.model).toBe('gbdt');
    expect(manifest.dataFingerprint).toMatch(/^[0-9a-f]{16}$/);
    // Recorded as a run of the project (the report and the read-back find it there).
    const runs = await h.call<{ kind: string; metrics: Record<string, unknown> }[]>('runs.list', { project, kind: 'export' });
    expect(runs[0].metrics).toMatchObject({ path, rows: shown.customers, control: shown.control });
    // Each customer's risk reasons, as phrases.
    const whyAt = rows[0].indexOf('이탈 위험 사유');
    expect(whyAt).toBeGreaterThan(0);
    const explained = rows.slice(1).filter((r) => r[whyAt]);
    expect(explained.length).toBeGreaterThan(rows.length / 4);
    expect(explained.some((r) => /최근 \d+일 구매 없음/.test(r[whyAt]!))).toBe(true);
  });

  it('draws the control group per risk decile, exactly, and the same seed draws the same customers', async () => {
    const shown = await preview({ controlShare: 0.2, seed: 7 });
    for (const s of shown.strata) expect(s.control).toBe(Math.round(0.2 * s.customers));
    expect(shown.strata.map((s) => s.decile)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ...(shown.strata.length > 10 ? [null] : [])]);
    const a = join(out, 'a.csv');
    const b = join(out, 'b.csv');
    const c = join(out, 'c.csv');
    await write({ out: a, controlShare: 0.2, seed: 7 });
    await write({ out: b, controlShare: 0.2, seed: 7 });
    await write({ out: c, controlShare: 0.2, seed: 8 });
    const control = async (p: string) => (await readCsv(p)).filter((r) => r[1] === '대조군').map((r) => r[0]);
    expect(await control(a)).toEqual(await control(b));
    expect(await control(a)).not.toEqual(await control(c));
    expect((await control(a)).length).toBe(shown.control);
  });

  it('filters: the riskiest N, a minimum risk, tiers, a chain; nobody is a clear refusal and no file', async () => {
    const d = await db();
    const top = await preview({ topN: 100 });
    expect(top.customers).toBe(100);
    const riskiest = await d.all<{ customer_id: string }>(`SELECT customer_id FROM churn_scores WHERE model = 'gbdt' ORDER BY risk DESC, customer_id LIMIT 100`);
    const path = join(out, 'top.csv');
    await write({ out: path, topN: 100, columns: ['risk'] });
    const rows = (await readCsv(path)).slice(1);
    expect(rows.map((r) => r[0]).sort()).toEqual(riskiest.map((r) => r.customer_id).sort());

    const risky = await preview({ minRisk: 0.6, columns: ['risk'] });
    const riskAt = risky.header.indexOf('이탈 위험');
    const counted = await d.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM churn_scores s JOIN segments USING (customer_id) WHERE model = 'gbdt' AND risk >= 0.6`);
    expect(risky.customers).toBe(counted!.n);
    for (const r of risky.rows) expect(Number(r[riskAt])).toBeGreaterThanOrEqual(0.6);

    const best = await preview({ tiers: [0], columns: ['tiers'], lang: 'en' });
    expect(best.header).toContain('tier_period2');
    const tierAt = best.header.indexOf('tier_period2');
    for (const r of best.rows) expect(r[tierAt]).toBe('Best');
    const a05 = await preview({ chain: 'A05' });
    const buyers = await d.one<{ n: number }>(`SELECT count(DISTINCT customer_id)::INTEGER AS n FROM receipt_facts WHERE chain = 'A05'`);
    expect(a05.customers).toBe(buyers!.n);

    const nobody = join(out, 'nobody.csv');
    const error = await refusal(write({ out: nobody, minRisk: 1, chain: 'A05' }));
    expect(error).toMatchObject({ code: 'BAD_ARGUMENT', issues: [{ key: 'exportNobody' }] });
    expect(existsSync(nobody)).toBe(false);
  });

  it('attaches each customer\'s saved top products with a reason that states a fact about them', async () => {
    const path = join(out, 'recs.csv');
    await write({ out: path, columns: ['recommendations'], recommend: { model: 'itemknn', k: 2 } });
    const [header, ...rows] = await readCsv(path);
    expect(header.slice(2)).toEqual(['추천1 상품코드', '추천1 상품명', '추천1 카테고리', '추천1 점수', '추천1 사유', '추천2 상품코드', '추천2 상품명', '추천2 카테고리', '추천2 점수', '추천2 사유']);
    const d = await db();
    const first = await d.all<{ customer_id: string; product_id: string }>(`SELECT customer_id, product_id FROM recommendations WHERE model = 'itemknn' AND rank = 1`);
    const byCustomer = new Map(first.map((r) => [r.customer_id, r.product_id]));
    let checked = 0;
    for (const r of rows) {
      if (!byCustomer.has(r[0]!)) continue;
      expect(r[2]).toBe(byCustomer.get(r[0]!));
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    // "같은 카테고리 구매 n회": n is the customer's lines in the product's category.
    const withCount = rows.find((r) => /^같은 카테고리 구매 \d+회/.test(r[6] ?? ''))!;
    const n = Number(/(\d+)회/.exec(withCount[6]!)![1]);
    const counted = await d.one<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM purchases l JOIN (SELECT product_id, any_value(category) AS category FROM products GROUP BY ALL) p USING (product_id)
       WHERE l.customer_id = $1 AND NOT l.is_return AND p.category = $2`,
      [withCount[0]!, withCount[4]!],
    );
    expect(n).toBe(counted!.n);
    expect(withCount[6]).toContain('비슷한 고객이 많이 구매');
  });

  it('a cluster is a filter and a column (the latest clustering)', async () => {
    const clustering = await h.call<{ run: { id: string } }>('clusters.run', { project, k: 3, seed: 2 });
    const one = await preview({ clusters: { clusters: [0] }, columns: ['cluster'] });
    const counted = await (await db()).one<{ n: number; name: string }>(
      `SELECT count(*)::INTEGER AS n, any_value(name) AS name FROM customer_clusters JOIN segments USING (customer_id) WHERE run_id = $1 AND cluster = 0`,
      [clustering.run.id],
    );
    expect(one.customers).toBe(counted!.n);
    expect(one.sources.clusters).toEqual({ runId: clustering.run.id });
    const at = one.header.indexOf('고객 군집');
    expect(at).toBeGreaterThan(0);
    expect(new Set(one.rows.map((r) => r[at]))).toEqual(new Set([counted!.name]));
  });

  it('CP949 for Korean Excel, and Parquet, round trip', async () => {
    const cp = join(out, 'list949.csv');
    const written = await write({ out: cp, encoding: 'cp949', columns: ['attributes', 'tiers'] });
    const text = iconv.decode(readFileSync(cp), 'cp949');
    expect(text.startsWith('고객번호,그룹,성별,연령대')).toBe(true);
    expect(text.split('\r\n').filter(Boolean).length).toBe(written.rows + 1);
    const pq = join(out, 'list.parquet');
    const parquet = await write({ out: pq, format: 'parquet', columns: ['attributes'] });
    const back = await (await db()).one<{ n: number; control: number }>(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE "그룹" = '대조군')::INTEGER AS control FROM read_parquet($1)`, [pq]);
    expect(back).toEqual({ n: parquet.rows, control: parquet.control });
    expect(existsSync(join(out, 'list.parquet.manifest.json'))).toBe(true);
  });

  it('faults: a missing folder, an existing file not to be replaced, a cancel — a clear error, no partial file', async () => {
    const missing = await refusal(write({ out: join(out, 'no-such-folder', 'x.csv') }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', issues: [{ key: 'saveFolderNotFound' }] });

    const existing = join(out, 'keep.csv');
    writeFileSync(existing, 'old list\n');
    const exists = await refusal(write({ out: existing }));
    expect(exists).toMatchObject({ issues: [{ key: 'fileExists' }] });
    expect(readFileSync(existing, 'utf8')).toBe('old list\n');
    const replaced = await write({ out: existing, overwrite: true });
    expect(readFileSync(existing).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(replaced.rows).toBeGreaterThan(0);

    const folder = join(out, 'cancel');
    mkdirSync(folder);
    const ctx = {
      emit: (name: string, payload: unknown) => {
        if (name === 'job.progress' && (payload as JobProgress).step === 'write') h.services.jobs.cancel('stop-export');
      },
    };
    const reply = await dispatch(h.handlers, 'export.write', { project, out: join(folder, 'list.csv'), jobId: 'stop-export' }, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses what it cannot build: no segments yet, a risk filter without churn scores', async () => {
    const bare = join(h.root, 'bare');
    await h.call('project.create', { project: bare });
    await h.call('data.importLpoint', { project: bare, folder: join(h.root, 'data') });
    const noSegments = await refusal(h.call('export.preview', { project: bare }));
    expect(noSegments).toMatchObject({ code: 'BAD_ARGUMENT', issues: [{ key: 'exportNoSegments' }] });
    await h.call('segments.compute', { project: bare });
    const noRisk = await refusal(h.call('export.preview', { project: bare, topN: 10 }));
    expect(noRisk).toMatchObject({ code: 'BAD_ARGUMENT', issues: [{ key: 'exportNoChurnScores' }] });
    // Without scores or lists the list still writes, in one stratum.
    const plain = await h.call<TargetListPreview>('export.preview', { project: bare });
    expect(plain.strata).toHaveLength(1);
    expect(plain.strata[0].decile).toBeNull();
    expect(plain.header).not.toContain('이탈 위험');
    // Scored customers none of whom has a reason (low risks, or scores saved before reasons existed): an empty column, not a failure.
    const churn = await h.call<ChurnRunReport>('models.trainChurn', { project: bare, models: ['logistic'], seed: 1 });
    await h.call('models.scoreChurn', { project: bare, runId: churn.run.id });
    await (await h.services.projects.get(bare)).db.run(`UPDATE churn_scores SET reasons = '[]'`);
    const quiet = await h.call<TargetListPreview>('export.preview', { project: bare, topN: 50, columns: ['risk'] });
    expect(quiet.customers).toBe(50);
    const whyAt = quiet.header.indexOf('이탈 위험 사유');
    expect(whyAt).toBeGreaterThan(0);
    expect(quiet.rows.every((r) => r[whyAt] === null)).toBe(true);
  }, 120_000);
});

describe('app version', () => {
  it('the manifests\' version is package.json\'s', async () => {
    const { APP_VERSION } = await import('../../src/shared/version');
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});
