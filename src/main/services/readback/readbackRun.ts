import { listValue } from '@duckdb/node-api';
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { addDays } from '../../../shared/dates/calendar';
import { keyedError } from '../../../shared/errors';
import type { ReadbackArgs, ReadbackOutcome, ReadbackReport, ReadbackSegmentRow } from '../../../shared/readback';
import { bootstrapUplift, meanUplift, rateUplift } from '../../../shared/uplift';
import type { Session } from '../db/session';
import type { Project } from '../project/projectStore';
import { finishRun, startRun } from '../runs/runs';
import { readContacts } from './contactsFile';
import { readList, type ListedCustomer } from './listFile';

interface Outcome {
  customer: string;
  bought: number;
  receipts: number;
  amount: number;
  boughtRec: number;
  boughtCat: number;
  /** Days from the contact to the first purchase (1 = the contact day); null without one. */
  firstDay: number | null;
}

/**
 * Reads a campaign back: the exported list (its manifest one of this project's exports, with a control
 * group), who was contacted when, and the purchases in each customer's window after the contact (the
 * newer data appended to the project). Treatment = listed for contact and reached; control = held out
 * and not contacted. Every outcome with its uplift and 95 % interval, the purchase rate by risk decile,
 * tier and cluster, the groups day by day. Bad input is refused before anything is written; the report
 * is recorded as a run of kind 'readback'.
 */
export async function readBack(project: Project, args: ReadbackArgs): Promise<ReadbackReport> {
  const { db } = project;
  const started = performance.now();
  const list = await readList(db, args.list);
  const contacts = await readContacts(db, args.contacts, args.map);
  const listed = new Map(list.customers.map((c) => [c.customer, c]));
  const strangers = contacts.filter((c) => !listed.has(c.customer));
  if (strangers.length) {
    throw keyedError(
      'BAD_ARGUMENT',
      `${strangers.length} customers of the contact file are not on the list (e.g. ${strangers[0].customer}); use the contact file of this list.`,
      'readbackContactsNotListed',
      { n: strangers.length, customer: strangers[0].customer },
    );
  }
  if (!contacts.length) throw keyedError('BAD_ARGUMENT', `${basename(args.contacts)} has no contacts.`, 'readbackNoContacts', { file: basename(args.contacts) });
  const dates = contacts.map((c) => c.date).sort();
  const lastNeeded = addDays(dates[dates.length - 1], args.window - 1);
  const range = await db.one<{ last: string | null }>(`SELECT strftime(max(date), '%Y-%m-%d') AS last FROM purchases`);
  if (!range?.last || range.last < lastNeeded) {
    throw keyedError(
      'BAD_ARGUMENT',
      `The outcome window runs to ${lastNeeded}, past the purchases in the project (last day ${range?.last ?? '–'}): import the newer purchases first (import --append), or choose a shorter window.`,
      'readbackWindowPastData',
      { needed: lastNeeded, last: range?.last ?? '–' },
    );
  }

  // Treatment: listed for contact and contacted; control: held out and not contacted.
  const byCustomer = new Map(contacts.map((c) => [c.customer, c]));
  const contactDate = dates[0];
  const groups = { treatment: 0, control: 0, notContacted: 0, controlContacted: 0 };
  const judged: { c: ListedCustomer; treatment: boolean; date: string }[] = [];
  for (const c of list.customers) {
    const contact = byCustomer.get(c.customer);
    if (c.control) {
      if (contact?.contacted) groups.controlContacted++;
      else {
        groups.control++;
        // The control's clock starts on the campaign's first contact day (or its own row's date).
        judged.push({ c, treatment: false, date: contact?.date ?? contactDate });
      }
    } else if (contact?.contacted) {
      groups.treatment++;
      judged.push({ c, treatment: true, date: contact.date });
    } else groups.notContacted++;
  }
  if (!groups.treatment || !groups.control) {
    throw keyedError('BAD_ARGUMENT', `The contact file leaves ${groups.treatment} contacted and ${groups.control} control customers: both groups are needed.`, 'readbackEmptyGroup', {
      treatment: groups.treatment,
      control: groups.control,
    });
  }
  const outcomes = await customerOutcomes(db, judged, args.window);
  const treated = judged.map((j) => j.treatment);
  const split = <K extends keyof Outcome>(key: K) => {
    const t: number[] = [];
    const c: number[] = [];
    outcomes.forEach((o, i) => (treated[i] ? t : c).push(Number(o[key] ?? 0)));
    return { t, c };
  };
  const rate = (key: 'bought' | 'boughtRec' | 'boughtCat', name: ReadbackOutcome['outcome']): ReadbackOutcome => {
    const { t, c } = split(key);
    const r = rateUplift({ n: t.length, successes: sum(t) }, { n: c.length, successes: sum(c) });
    return { outcome: name, kind: 'rate', treatment: r.treatment, control: r.control, uplift: r.uplift, ratio: r.ratio, ciLow: r.ciLow, ciHigh: r.ciHigh, pValue: r.pValue, significant: r.significant, required: r.required };
  };
  const mean = (key: 'receipts' | 'amount', name: ReadbackOutcome['outcome']): ReadbackOutcome => {
    const { t, c } = split(key);
    const w = meanUplift(t, c);
    const b = bootstrapUplift(t, c, { seed: args.seed });
    return {
      outcome: name,
      kind: 'mean',
      treatment: w.treatment,
      control: w.control,
      uplift: w.uplift,
      ratio: w.ratio,
      ciLow: w.ciLow,
      ciHigh: w.ciHigh,
      pValue: w.pValue,
      significant: w.significant,
      bootstrap: { ciLow: b.ciLow, ciHigh: b.ciHigh, seed: args.seed, resamples: b.resamples },
    };
  };
  const hasRecs = list.customers.some((c) => c.recommended.length > 0);
  const rows: ReadbackOutcome[] = [
    rate('bought', 'bought'),
    mean('receipts', 'receipts'),
    mean('amount', 'amount'),
    ...(hasRecs ? [rate('boughtRec', 'boughtRecommended'), rate('boughtCat', 'boughtCategory')] : []),
  ];
  const segments: ReadbackReport['segments'] = [];
  for (const [by, pick] of [
    ['riskDecile', (c: ListedCustomer) => c.decile],
    ['tier', (c: ListedCustomer) => c.tier],
    ['cluster', (c: ListedCustomer) => c.cluster],
  ] as const) {
    if (judged.every((j) => pick(j.c) === null)) continue;
    segments.push({ by, rows: segmentRows(judged.map((j) => pick(j.c) ?? '–'), treated, outcomes) });
  }
  const series = Array.from({ length: args.window }, (_, d) => {
    const by = (t: boolean) => {
      let n = 0;
      let yes = 0;
      outcomes.forEach((o, i) => {
        if (treated[i] !== t) return;
        n++;
        if (o.firstDay !== null && o.firstDay <= d + 1) yes++;
      });
      return n ? yes / n : 0;
    };
    return { day: d + 1, treatment: by(true), control: by(false) };
  });
  const amongBuyers = (t: boolean) => {
    const buyers = outcomes.filter((o, i) => treated[i] === t && o.bought);
    return buyers.length && hasRecs ? buyers.filter((o) => o.boughtRec).length / buyers.length : null;
  };
  const channels: Record<string, number> = {};
  for (const c of contacts) if (c.contacted) channels[c.channel ?? '–'] = (channels[c.channel ?? '–'] ?? 0) + 1;
  const run = await project.commit(() => startRun(db, project.dir, { kind: 'readback', settings: { ...args }, seed: args.seed }));
  const report: ReadbackReport = {
    run: { id: run.runId, seconds: 0, seed: args.seed },
    list: { file: list.manifest.file, createdAt: list.manifest.createdAt, rows: list.customers.length, exportRun: list.exportRun, model: list.manifest.sources.recommend?.model ?? null },
    contacts: { from: dates[0], to: dates[dates.length - 1], channels },
    window: { days: args.window, lastDay: lastNeeded },
    groups,
    outcomes: rows,
    segments,
    series,
    recommendedAmongBuyers: { treatment: amongBuyers(true), control: amongBuyers(false) },
  };
  report.run.seconds = (performance.now() - started) / 1000;
  await project.commit(() => finishRun(db, run.runId, { status: 'done', metrics: report as unknown as Record<string, unknown> }));
  return report;
}

/** Per judged customer, what they did in their own window after the contact (day 1 = the contact day). */
async function customerOutcomes(db: Session, judged: { c: ListedCustomer; date: string }[], window: number): Promise<Outcome[]> {
  const table = `readback_${randomBytes(6).toString('hex')}`;
  const recCustomers: string[] = [];
  const recProducts: string[] = [];
  for (const { c } of judged) {
    for (const p of c.recommended) {
      recCustomers.push(c.customer);
      recProducts.push(p);
    }
  }
  await db.run(
    `CREATE TEMP TABLE ${table} AS SELECT unnest($1::VARCHAR[]) AS customer_id, unnest($2::DATE[]) AS day0`,
    [listValue(judged.map((j) => j.c.customer)), listValue(judged.map((j) => j.date))],
  );
  await db.run(`CREATE TEMP TABLE ${table}_rec (customer_id VARCHAR, product_id VARCHAR)`);
  if (recCustomers.length) await db.run(`INSERT INTO ${table}_rec SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[])`, [listValue(recCustomers), listValue(recProducts)]);
  try {
    const rows = await db.all<{ customer_id: string; receipts: number; amount: number; bought_rec: boolean; bought_cat: boolean; first_day: number | null }>(
      `WITH prod AS (SELECT product_id, any_value(category) AS category FROM products GROUP BY product_id),
            recs AS (SELECT DISTINCT r.customer_id, r.product_id, pr.category FROM ${table}_rec r LEFT JOIN prod pr USING (product_id)),
            lines AS (
              SELECT t.customer_id, CASE WHEN p.receipt_id IS NULL THEN '#' || p.import_id || ':' || p.line ELSE p.receipt_id END AS receipt_id, p.product_id, coalesce(p.amount, 0) AS amount, (p.date - t.day0)::INTEGER + 1 AS d, pr.category
              FROM ${table} t JOIN purchases p ON p.customer_id = t.customer_id LEFT JOIN prod pr ON pr.product_id = p.product_id
              WHERE NOT p.is_return AND p.date BETWEEN t.day0 AND t.day0 + ${Math.trunc(window) - 1}),
            flagged AS (
              SELECT l.*,
                     EXISTS (SELECT 1 FROM recs r WHERE r.customer_id = l.customer_id AND r.product_id = l.product_id) AS is_rec,
                     EXISTS (SELECT 1 FROM recs r WHERE r.customer_id = l.customer_id AND r.category = l.category) AS is_cat
              FROM lines l)
       SELECT t.customer_id,
              count(DISTINCT f.receipt_id)::INTEGER AS receipts,
              coalesce(sum(f.amount), 0)::DOUBLE AS amount,
              coalesce(bool_or(f.is_rec), false) AS bought_rec,
              coalesce(bool_or(f.is_cat), false) AS bought_cat,
              min(f.d) AS first_day
       FROM ${table} t LEFT JOIN flagged f USING (customer_id)
       GROUP BY t.customer_id`,
    );
    const by = new Map(rows.map((r) => [r.customer_id, r]));
    return judged.map(({ c }) => {
      const r = by.get(c.customer);
      const firstDay = r?.first_day ?? null;
      return {
        customer: c.customer,
        bought: firstDay === null ? 0 : 1,
        receipts: r?.receipts ?? 0,
        amount: r?.amount ?? 0,
        boughtRec: r?.bought_rec ? 1 : 0,
        boughtCat: r?.bought_cat ? 1 : 0,
        firstDay,
      };
    });
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${table}`);
    await db.run(`DROP TABLE IF EXISTS ${table}_rec`);
  }
}

/** The purchase rate's uplift per group of customers, in the groups' order of first appearance sorted as text. */
function segmentRows(keys: string[], treated: boolean[], outcomes: Outcome[]): ReadbackSegmentRow[] {
  const acc = new Map<string, ReadbackSegmentRow>();
  keys.forEach((key, i) => {
    const row = acc.get(key) ?? { key, treatment: { n: 0, bought: 0 }, control: { n: 0, bought: 0 }, uplift: null, ciLow: null, ciHigh: null, significant: false };
    const g = treated[i] ? row.treatment : row.control;
    g.n++;
    g.bought += outcomes[i].bought;
    acc.set(key, row);
  });
  const rows = [...acc.values()].sort((a, b) => a.key.localeCompare(b.key, 'ko', { numeric: true }));
  for (const r of rows) {
    if (!r.treatment.n || !r.control.n) continue;
    const u = rateUplift({ n: r.treatment.n, successes: r.treatment.bought }, { n: r.control.n, successes: r.control.bought });
    Object.assign(r, { uplift: u.uplift, ciLow: u.ciLow, ciHigh: u.ciHigh, significant: u.significant });
  }
  return rows;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
