import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentTableSql } from '../../src/main/services/analytics/segmentTable';
import type { ResolvedSegmentSpec } from '../../src/shared/analytics';

/*
 * The segments statement computes R/F/M by 0/1 window factors and the scores by cuts in sorted
 * values (fast at 100 k customers); this checks it against the definitions written the plain way:
 * FILTERed aggregates, score = 1 + floor(m · (rank − 1) / n) and tier i while
 * (rank − 1) · 100 < cumulative share · n, with rank() windows over every customer. Random
 * receipts with many ties, customers without amounts, windows that cover only part of the days
 * and periods beyond the data.
 */

const YEAR = { from: '2021-01-01', to: '2021-12-31' };
const base: ResolvedSegmentSpec = {
  monetary: 'amount',
  asOf: '2022-01-01',
  window: YEAR,
  weights: [0.3, 0.2, 0.5],
  bins: 5,
  shares: [20, 20, 20],
  tierNames: null,
  periods: [
    { from: '2021-01-01', to: '2021-06-30' },
    { from: '2021-07-01', to: '2021-12-31' },
  ],
};

/** The definitions, one window at a time (suffix '', '_1', '_2'), without any of the statement's shortcuts. */
function referenceSql(spec: ResolvedSegmentSpec): string {
  const windows = [
    { s: '', w: spec.window, asOf: spec.asOf },
    ...spec.periods.map((w, i) => ({ s: `_${i + 1}`, w, asOf: new Date(Date.parse(w.to) + 86_400_000).toISOString().slice(0, 10) })),
  ];
  const m = spec.bins;
  const sum = spec.weights[0] + spec.weights[1] + spec.weights[2];
  const rfm = windows.map(({ s, w, asOf }) => {
    const f = `FILTER (WHERE date BETWEEN DATE '${w.from}' AND DATE '${w.to}')`;
    return `(DATE '${asOf}' - max(date) ${f})::INTEGER AS recency${s}, NULLIF(count(*) ${f}, 0)::INTEGER AS frequency${s}, (sum(${spec.monetary}) ${f})::DOUBLE AS monetary${s}`;
  });
  const score = (v: string, order: string, s: string) =>
    `CASE WHEN frequency${s} IS NOT NULL AND ${v} IS NOT NULL THEN 1 + (${m} * (rank() OVER (ORDER BY ${v} ${order} NULLS LAST) - 1)) // count(frequency${s}) OVER () END`;
  const scores = windows.map(({ s }) => `${score(`recency${s}`, 'DESC', s)} AS r_score${s}, ${score(`frequency${s}`, 'ASC', s)} AS f_score${s}, ${score(`monetary${s}`, 'ASC', s)} AS m_score${s}`);
  const weighted = windows.map(
    ({ s }) => `round((${spec.weights[0] / sum} * r_score${s} + ${spec.weights[1] / sum} * f_score${s} + ${spec.weights[2] / sum} * m_score${s}) * 100 / ${m}::DOUBLE, 6) AS score${s}`,
  );
  const tiers = windows.map(({ s }) => {
    const ahead = `(rank() OVER (ORDER BY score${s} DESC NULLS LAST) - 1) * 100`;
    let cumulative = 0;
    const whens = spec.shares.map((share, i) => `WHEN ${ahead} < ${(cumulative += share)}::DOUBLE * count(frequency${s}) OVER () THEN ${i}`);
    return `CASE WHEN score${s} IS NULL THEN NULL ${whens.join(' ')} ELSE ${spec.shares.length} END AS tier${s}`;
  });
  const lo = windows.map((w) => w.w.from).sort()[0];
  const hi = windows.map((w) => w.w.to).sort().at(-1)!;
  const k = spec.shares.length + 1;
  return `WITH rfm AS (SELECT customer_id, ${rfm.join(', ')} FROM receipt_facts WHERE date BETWEEN DATE '${lo}' AND DATE '${hi}' GROUP BY customer_id),
    scored AS (SELECT *, ${scores.join(', ')} FROM rfm),
    weighted AS (SELECT *, ${weighted.join(', ')} FROM scored),
    tiered AS (SELECT *, ${tiers.join(', ')} FROM weighted)
    SELECT customer_id, ${windows.map(({ s }) => ['recency', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'score', 'tier'].map((c) => c + s).join(', ')).join(', ')},
      CASE WHEN frequency_1 IS NULL AND frequency_2 IS NULL THEN NULL ELSE coalesce(tier_1, ${k}) END AS from_state,
      CASE WHEN frequency_1 IS NULL AND frequency_2 IS NULL THEN NULL ELSE coalesce(tier_2, ${k}) END AS to_state
    FROM tiered`;
}

let instance: DuckDBInstance;
let db: DuckDBConnection;
const count = async (sql: string) => Number((await db.runAndReadAll(sql)).getRows()[0][0]);

/**
 * A receipt_facts of `customers` customers with 1–8 receipts each on `days` days and few amounts (ties
 * everywhere); a share `noAmount` of the customers have no amount on any receipt.
 */
async function receipts(seed: number, customers: number, days: number, noAmount = 0.05): Promise<void> {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const rows: string[] = [];
  for (let c = 0; c < customers; c++) {
    const without = random() < noAmount;
    for (let r = 0, n = 1 + Math.floor(random() * 8); r < n; r++) {
      const amount = without ? 'NULL' : [1000, 2000, 2500, -500, 12.5, Math.floor(random() * 40) * 100][Math.floor(random() * 6)];
      rows.push(`('c${c}', DATE '2021-01-01' + ${Math.floor(random() * days)}, ${amount}, ${1 + Math.floor(random() * 3)}, ${Math.floor(random() * 5)})`);
    }
  }
  await db.run(`CREATE OR REPLACE TABLE receipt_facts AS SELECT * FROM (VALUES ${rows.join(', ')}) AS t(customer_id, date, amount, lines, quantity) ORDER BY customer_id`);
}

async function expectSameAsDefinitions(spec: ResolvedSegmentSpec): Promise<void> {
  const { sql, values } = segmentTableSql(spec, 'segments');
  await db.run(sql, values);
  await db.run(`CREATE OR REPLACE TABLE reference AS ${referenceSql(spec)}`);
  const customers = await count('SELECT count(*) FROM reference');
  expect(customers).toBeGreaterThan(0);
  expect(await count('SELECT count(*) FROM segments')).toBe(customers);
  expect(await count('SELECT count(*) FROM (SELECT * FROM segments EXCEPT ALL SELECT * FROM reference)')).toBe(0);
}

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
});
afterAll(() => {
  db.closeSync();
  instance.closeSync();
});

describe('segments by window factors and score cuts equal the definitions', () => {
  it('for every number of bins 2…10 over a year of receipts', async () => {
    await receipts(1, 400, 365);
    for (let bins = 2; bins <= 10; bins++) await expectSameAsDefinitions({ ...base, bins });
  });

  it('with a few days only (large blocks of equal values) and other weights and shares', async () => {
    await receipts(2, 300, 12);
    await expectSameAsDefinitions({ ...base, weights: [1, 0, 0], shares: [10, 30] });
    await expectSameAsDefinitions({ ...base, bins: 3, weights: [0.1, 0.7, 0.2], shares: [33.3, 33.3, 33.4] });
    await expectSameAsDefinitions({ ...base, bins: 7, shares: [5, 5, 5, 5, 5, 5, 5, 5, 5] });
  });

  it('on lines and quantity, and with customers present without an amount', async () => {
    await receipts(3, 250, 200, 0.3);
    await expectSameAsDefinitions({ ...base, monetary: 'lines' });
    await expectSameAsDefinitions({ ...base, monetary: 'quantity', bins: 4 });
    // A third of the customers are present (frequency) without monetary: NULL m_score, and the top
    // score cuts lie beyond the customers with an amount.
    await expectSameAsDefinitions({ ...base, bins: 6 });
    expect(await count('SELECT count(*) FROM segments WHERE frequency IS NOT NULL AND monetary IS NULL AND m_score IS NULL')).toBeGreaterThan(0);
  });

  it('for windows over part of the days and periods outside the window or the data', async () => {
    await receipts(4, 300, 365);
    await expectSameAsDefinitions({ ...base, asOf: '2021-12-01', window: { from: '2021-02-01', to: '2021-10-31' } });
    await expectSameAsDefinitions({
      ...base,
      asOf: '2021-12-01',
      window: { from: '2021-03-01', to: '2021-11-30' },
      periods: [
        { from: '2021-02-01', to: '2021-04-30' },
        { from: '2021-09-01', to: '2021-12-31' },
      ],
    });
    await expectSameAsDefinitions({
      ...base,
      periods: [
        { from: '2020-01-01', to: '2020-06-30' },
        { from: '2021-12-31', to: '2021-12-31' },
      ],
    });
  });
});
