import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../src/shared/export';
import type { ChurnRunReport } from '../../src/shared/models';
import type { ReadbackReport } from '../../src/shared/readback';
import { rateUplift } from '../../src/shared/uplift';
import { harness, type Harness } from '../helpers';

let h: Harness;
let project: string;
let list: ExportResult;
let rows: { customer: string; control: boolean; rec1: string | null }[];
const contactsPath = () => join(h.root, 'contacts.csv');
/** The planted answer: who bought, who bought their first recommended product. */
const plan = { treatmentBought: 0, controlBought: 0, treatmentRec: 0, controlRec: 0, treatment: 0, control: 0 };

beforeAll(async () => {
  h = harness();
  const data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, customers: 1500, seed: 31 });
  project = join(h.root, 'p');
  await h.call('project.create', { project });
  await h.call('data.importLpoint', { project, folder: data });
  await h.call('segments.compute', { project });
  const churn = await h.call<ChurnRunReport>('models.trainChurn', { project, models: ['logistic'], seed: 3 });
  await h.call('models.scoreChurn', { project, runId: churn.run.id });
  await h.call('models.trainRecommend', { project, models: ['popularity', 'itemknn'], seed: 3 });
  list = await h.call<ExportResult>('export.write', { project, out: join(h.root, 'list.csv'), controlShare: 0.3, seed: 5, recommend: { k: 2 } });
  const db = (await h.services.projects.get(project)).db;
  const read = await db.all<{ c: string; g: string; r: string | null }>(
    `SELECT "고객번호" AS c, "그룹" AS g, "추천1 상품코드" AS r FROM read_csv($1, header = true, all_varchar = true)`,
    [list.path],
  );
  rows = read.map((r) => ({ customer: r.c, control: r.g === '대조군', rec1: r.r }));
  // The campaign: contacted on 2022-01-02 (the control's clock starts then too); every 10th contact-group customer not reached.
  const contactLines = ['고객번호,발송여부,채널,발송일'];
  const lines: string[] = [];
  let i = 0;
  let line = 0;
  for (const r of rows) {
    i++;
    const reached = !r.control && i % 10 !== 0;
    contactLines.push(`${r.customer},${r.control || !reached ? 'N' : 'Y'},${r.control ? '' : '문자'},2022-01-02`);
    if (!r.control && !reached) continue;
    // Treatment: 40 % buy (customers i % 5 < 2), half of those buy their first recommendation; control: 25 % (i % 4 === 0), a fifth of those.
    const buys = r.control ? i % 4 === 0 : i % 5 < 2;
    const rec = buys && r.rec1 !== null && (r.control ? i % 20 === 0 : i % 5 === 0);
    if (r.control) plan.control++;
    else plan.treatment++;
    if (!buys) continue;
    if (r.control) plan.controlBought++;
    else plan.treatmentBought++;
    if (rec && r.control) plan.controlRec++;
    if (rec && !r.control) plan.treatmentRec++;
    const product = rec ? r.rec1! : 'PD0001';
    // Day 3 after the contact; a line 40 days later falls outside the 30-day window and must not count.
    lines.push(`('${r.customer}', 'R-${i}', 1, 'A02', NULL, '${product}', DATE '2022-01-04', 12, 10000, 1, false, 900, ${++line})`);
    lines.push(`('${r.customer}', 'L-${i}', 1, 'A02', NULL, '${r.rec1 ?? 'PD0001'}', DATE '2022-02-20', 12, 5000, 1, false, 900, ${++line})`);
  }
  writeFileSync(contactsPath(), '\uFEFF' + contactLines.join('\r\n') + '\r\n');
  await db.run(
    `INSERT INTO purchases (customer_id, receipt_id, channel, chain, branch_id, product_id, date, hour, amount, quantity, is_return, import_id, line) VALUES ${lines.join(', ')}`,
  );
}, 240_000);
afterAll(() => h?.close());

const readBack = (args: Record<string, unknown> = {}) => h.call<ReadbackReport>('readback.run', { project, list: list.path, contacts: contactsPath(), ...args });
const refusal = (call: Promise<unknown>) => call.then(() => null, (e: unknown) => e as { code: string; issues?: { key?: string }[] });

describe('campaign read-back', () => {
  it('finds the planted uplift: contacted against control, with the interval of the counts', async () => {
    const r = await readBack();
    expect(r.groups).toMatchObject({ treatment: plan.treatment, control: plan.control, controlContacted: 0 });
    expect(r.groups.notContacted).toBeGreaterThan(0);
    const bought = r.outcomes.find((o) => o.outcome === 'bought')!;
    const expected = rateUplift({ n: plan.treatment, successes: plan.treatmentBought }, { n: plan.control, successes: plan.controlBought });
    expect(bought.treatment).toBeCloseTo(plan.treatmentBought / plan.treatment, 12);
    expect(bought.control).toBeCloseTo(plan.controlBought / plan.control, 12);
    expect(bought.uplift).toBeCloseTo(expected.uplift, 12);
    expect([bought.ciLow, bought.ciHigh]).toEqual([expected.ciLow, expected.ciHigh]);
    expect(bought.significant).toBe(true);
    // One receipt of 10,000 per buyer inside the window; the later line is outside it.
    const amount = r.outcomes.find((o) => o.outcome === 'amount')!;
    expect(amount.treatment).toBeCloseTo((10000 * plan.treatmentBought) / plan.treatment, 6);
    expect(amount.bootstrap!.ciLow).toBeLessThan(amount.uplift);
    const rec = r.outcomes.find((o) => o.outcome === 'boughtRecommended')!;
    expect(rec.treatment).toBeCloseTo(plan.treatmentRec / plan.treatment, 12);
    expect(rec.control).toBeCloseTo(plan.controlRec / plan.control, 12);
    // Day by day: nobody before day 3 (the purchases are on 2022-01-04, the contact on 2022-01-02).
    expect(r.series[1]).toEqual({ day: 2, treatment: 0, control: 0 });
    expect(r.series[2].treatment).toBeCloseTo(bought.treatment, 12);
    expect(r.segments.map((s) => s.by)).toEqual(expect.arrayContaining(['riskDecile', 'tier']));
    const deciles = r.segments.find((s) => s.by === 'riskDecile')!.rows;
    expect(deciles.reduce((s, d) => s + d.treatment.n + d.control.n, 0)).toBe(plan.treatment + plan.control);
    const runs = await h.call<{ kind: string; runId: string }[]>('runs.list', { project, kind: 'readback' });
    expect(runs[0].runId).toBe(r.run.id);
  });

  it('reads a CP949 contact file the same way, and takes the list\'s manifest in place of the list', async () => {
    const cp = join(h.root, 'contacts-949.csv');
    writeFileSync(cp, iconv.encode(readFileSync(contactsPath(), 'utf8').replace('\uFEFF', ''), 'cp949'));
    const a = await readBack();
    const b = await readBack({ contacts: cp });
    expect(b.outcomes).toEqual(a.outcomes);
    const byManifest = await readBack({ list: list.manifest });
    expect(byManifest.outcomes).toEqual(a.outcomes);
    expect(b.contacts.channels).toEqual({ 문자: a.groups.treatment });
  });

  it('reads another system\'s contact file through a map (its own headings, values and date form, CP949)', async () => {
    const own = readFileSync(contactsPath(), 'utf8').replace('\uFEFF', '').trim().split('\r\n').slice(1);
    const theirs = ['회원ID,캠페인발송,발송채널,발송일자', ...own.map((l) => {
      const [c, y, ch] = l.split(',');
      return `${c},${y === 'Y' ? '발송완료' : '제외'},${ch},20220102`;
    })];
    const path = join(h.root, 'crm-export.csv');
    writeFileSync(path, iconv.encode(theirs.join('\r\n') + '\r\n', 'cp949'));
    const map = { customer: '회원ID', contacted: '캠페인발송', date: '발송일자', channel: '발송채널', yes: ['발송완료'] };
    const a = await readBack();
    const b = await readBack({ contacts: path, map });
    expect(b.groups).toEqual(a.groups);
    expect(b.outcomes).toEqual(a.outcomes);
    // Without the map the file's headings are not the app's: a clear refusal.
    expect(await refusal(readBack({ contacts: path }))).toMatchObject({ issues: [{ key: 'contactsColumn' }] });
  });

  it('refuses what it cannot read back, with a clear reason and no run written', async () => {
    const before = (await h.call<unknown[]>('runs.list', { project, kind: 'readback' })).length;
    // The window runs past the data (2022-01-02 + 59 days > 2022-02-20).
    expect(await refusal(readBack({ window: 60 }))).toMatchObject({ issues: [{ key: 'readbackWindowPastData' }] });
    // A contact for a customer not on the list.
    const stranger = join(h.root, 'contacts-stranger.csv');
    writeFileSync(stranger, readFileSync(contactsPath(), 'utf8') + 'ZZ999,Y,문자,2022-01-02\r\n');
    expect(await refusal(readBack({ contacts: stranger }))).toMatchObject({ issues: [{ key: 'readbackContactsNotListed' }] });
    // A list with no control group.
    const noControl = await h.call<ExportResult>('export.write', { project, out: join(h.root, 'all-contact.csv'), controlShare: 0 });
    expect(await refusal(readBack({ list: noControl.path }))).toMatchObject({ issues: [{ key: 'readbackNoControl' }] });
    // Another project's list: a manifest that matches none of this project's exports.
    const foreign = join(h.root, 'foreign.csv');
    copyFileSync(list.path, foreign);
    const manifest = JSON.parse(readFileSync(list.manifest, 'utf8')) as Record<string, unknown>;
    writeFileSync(`${foreign}.manifest.json`, JSON.stringify({ ...manifest, createdAt: '2020-01-01T00:00:00.000Z' }));
    expect(await refusal(readBack({ list: foreign }))).toMatchObject({ issues: [{ key: 'readbackForeignList' }] });
    expect((await h.call<unknown[]>('runs.list', { project, kind: 'readback' })).length).toBe(before);
  });
});
