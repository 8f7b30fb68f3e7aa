import { listValue, quotedIdentifier } from '@duckdb/node-api';
import { randomBytes } from 'node:crypto';
import { INACTIVE_STATE, NEW_STATE, tierNames } from '../../../shared/analytics';
import { badArgument, keyedError } from '../../../shared/errors';
import type { ExportSources, TargetListArgs } from '../../../shared/export';
import { fill, PRODUCT_REASONS, TARGET_GROUPS, TARGET_LIST_HEADINGS } from '../../../shared/i18n';
import { currencyDigits, currencyUnit } from '../../../shared/money';
import type { RecommendModelName } from '../../../shared/recommend';
import { riskReasonsText, type RiskReasonIn } from '../../../shared/riskReasons';
import type { Session } from '../db/session';
import { savedSegmentSpec } from '../analytics/segments';
import { SqlParams } from '../analytics/sqlParams';
import { projectCurrency } from '../project/projectSettings';

/** A target list built in a temporary table of the session: the selected customers, their group and every column. */
export interface BuiltList {
  /** The temporary table holding the final rows, in customer order; dropped by `drop`. */
  select: string;
  values: SqlParams['values'];
  header: string[];
  customers: number;
  control: number;
  strata: { decile: number | null; customers: number; control: number }[];
  stratified: boolean;
  drop(): Promise<void>;
}

/**
 * Selects the customers (segments × filters), takes the riskiest N where asked, draws the control
 * group — in each risk decile the customers ordered by md5(seed:customer) and the first
 * round(share × decile size) held out, so the draw is exact per stratum and the same seed gives the
 * same group — and lays out the columns (names in the chosen language) with the top-K products and
 * why each is recommended. All in DuckDB; only the counts and pages cross to JS.
 */
export async function buildTargetList(db: Session, args: TargetListArgs, sources: ExportSources & { recommendWindow: { from: string; to: string } | null; recommendChains: boolean }): Promise<BuiltList> {
  const { spec } = await savedSegmentSpec(db);
  const k = spec.shares.length + 1;
  for (const t of args.tiers ?? []) if (t > k) throw badArgument(`There are ${k} tiers and 비활동 (${k}); ${t} is none of them.`, ['tiers'], 'tierMissing', { k, max: k - 1, tier: t });
  for (const [from, to] of args.transitions ?? []) {
    if (from > k || to > k || (from === k && to === k)) throw badArgument(`No transition ${from} → ${to}.`, ['transitions'], 'transitionMissing');
  }
  const p = new SqlParams();
  const where: string[] = [];
  if (args.tiers?.length) where.push(`to_state IN (SELECT unnest(${p.add(listValue(args.tiers))}::INTEGER[]))`);
  if (args.transitions?.length) {
    where.push(`(from_state, to_state) IN (SELECT (unnest(${p.add(listValue(args.transitions.map((t) => t[0])))}::INTEGER[]), unnest(${p.add(listValue(args.transitions.map((t) => t[1])))}::INTEGER[])))`);
  }
  if (args.chain || args.channel) {
    const conds = [`date BETWEEN ${p.date(spec.window.from)} AND ${p.date(spec.window.to)}`];
    if (args.chain) conds.push(`chain = ${p.add(args.chain)}`);
    if (args.channel) conds.push(`channel ${args.channel === 'online' ? '=' : '<>'} 2`);
    where.push(`customer_id IN (SELECT customer_id FROM receipt_facts WHERE ${conds.join(' AND ')})`);
  }
  if (args.genders?.length) where.push(`gender IN (SELECT unnest(${p.add(listValue(args.genders))}::VARCHAR[]))`);
  if (args.ageBands?.length) where.push(`age_band IN (SELECT unnest(${p.add(listValue(args.ageBands))}::VARCHAR[]))`);
  if (args.minRisk !== undefined) where.push(`risk >= ${p.add(args.minRisk)}`);
  if (args.clusters) where.push(`cluster IN (SELECT unnest(${p.add(listValue(args.clusters.clusters))}::INTEGER[]))`);
  const churn = sources.churn;
  const riskCte = churn
    ? `risk AS (SELECT customer_id, risk FROM churn_scores WHERE run_id = ${p.add(churn.runId)} AND model = ${p.add(churn.model)})`
    : `risk AS (SELECT NULL::VARCHAR AS customer_id, NULL::DOUBLE AS risk WHERE false)`;
  const clusterCte = sources.clusters
    ? `clu AS (SELECT customer_id, cluster, name AS cluster_name FROM customer_clusters WHERE run_id = ${p.add(sources.clusters.runId)})`
    : `clu AS (SELECT NULL::VARCHAR AS customer_id, NULL::INTEGER AS cluster, NULL::VARCHAR AS cluster_name WHERE false)`;
  const top = args.topN !== undefined ? `ORDER BY risk DESC NULLS LAST, customer_id LIMIT ${p.add(args.topN)}` : '';
  const table = `target_${randomBytes(6).toString('hex')}`;
  await db.run(
    `CREATE TEMP TABLE ${table} AS
     WITH cust AS (SELECT customer_id, any_value(gender) AS gender, any_value(age_band) AS age_band, any_value(region) AS region FROM customers GROUP BY customer_id),
     ${riskCte}, ${clusterCte},
     base AS (
       SELECT s.*, cust.gender, cust.age_band, cust.region, risk.risk, clu.cluster, clu.cluster_name
       FROM segments s LEFT JOIN cust USING (customer_id) LEFT JOIN risk USING (customer_id) LEFT JOIN clu USING (customer_id)),
     picked AS (SELECT * FROM base ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${top}),
     strata AS (SELECT *, CASE WHEN risk IS NULL THEN NULL ELSE ntile(10) OVER (PARTITION BY risk IS NULL ORDER BY risk DESC, customer_id) END AS decile FROM picked),
     drawn AS (SELECT *, row_number() OVER (PARTITION BY decile ORDER BY md5(${p.add(String(args.seed))} || ':' || customer_id), customer_id) AS draw,
                      count(*) OVER (PARTITION BY decile) AS stratum FROM strata)
     SELECT *, draw <= round(${p.add(args.controlShare)} * stratum) AS control FROM drawn`,
    p.values,
  );
  const drop = async () => {
    await db.run(`DROP TABLE IF EXISTS ${table}`);
    await db.run(`DROP TABLE IF EXISTS ${table}_why`);
  };
  try {
    const strata = await db.all<{ decile: number | null; customers: number; control: number }>(
      `SELECT decile, count(*)::INTEGER AS customers, count(*) FILTER (WHERE control)::INTEGER AS control FROM ${table} GROUP BY decile ORDER BY decile NULLS LAST`,
    );
    const customers = strata.reduce((s, r) => s + r.customers, 0);
    if (customers === 0) throw keyedError('BAD_ARGUMENT', 'No customer matches these filters; widen them (fewer tiers, a lower risk, another chain…).', 'exportNobody');
    if (churn && args.columns.includes('risk')) await riskReasonTable(db, table, churn, args.lang);
    const layout = await columnsOf(db, args, sources, table, k, spec.tierNames ?? null);
    return {
      select: layout.sql,
      values: layout.values,
      header: layout.header,
      customers,
      control: strata.reduce((s, r) => s + r.control, 0),
      strata,
      stratified: strata.some((s) => s.decile !== null),
      drop,
    };
  } catch (error) {
    await drop();
    throw error;
  }
}

/** The SELECT over the temporary table that writes the list: the chosen column groups in a fixed order, names in the language. */
async function columnsOf(
  db: Session,
  args: TargetListArgs,
  sources: ExportSources & { recommendWindow: { from: string; to: string } | null; recommendChains: boolean },
  table: string,
  k: number,
  customNames: readonly string[] | null,
): Promise<{ sql: string; values: SqlParams['values']; header: string[] }> {
  const lang = args.lang;
  const h = (key: keyof typeof TARGET_LIST_HEADINGS, params: Record<string, string | number> = {}) => fill(TARGET_LIST_HEADINGS[key][lang], params);
  const p = new SqlParams();
  const want = new Set(args.columns);
  const header = [h('customer'), h('group')];
  const cols = [`t.customer_id`, `CASE WHEN t.control THEN ${p.add(TARGET_GROUPS.control[lang])} ELSE ${p.add(TARGET_GROUPS.contact[lang])} END`];
  const ctes: string[] = [];
  const joins: string[] = [];
  if (want.has('attributes')) {
    header.push(h('gender'), h('ageBand'), h('region'));
    cols.push('t.gender', 't.age_band', 't.region');
  }
  if (want.has('rfm')) {
    const currency = await projectCurrency(db);
    header.push(h('recency'), h('frequency'), h('monetary', { currency: lang === 'ko' ? currencyUnit(currency, lang) : currency }), h('rScore'), h('fScore'), h('mScore'), h('score'));
    cols.push('t.recency', 't.frequency', `round(t.monetary, ${currencyDigits(currency)})`, 't.r_score', 't.f_score', 't.m_score', 'round(t.score, 2)');
  }
  if (want.has('tiers')) {
    const names = tierNames(customNames, k, lang);
    const from = p.add(listValue([...names, NEW_STATE[lang]]));
    const to = p.add(listValue([...names, INACTIVE_STATE[lang]]));
    const arrow = lang === 'ko' ? '→' : ' → ';
    header.push(h('tier1'), h('tier2'), h('transition'));
    cols.push(
      `list_extract(${to}::VARCHAR[], t.tier_1 + 1)`,
      `list_extract(${to}::VARCHAR[], t.tier_2 + 1)`,
      `CASE WHEN t.from_state IS NULL THEN NULL ELSE list_extract(${from}::VARCHAR[], t.from_state + 1) || '${arrow}' || list_extract(${to}::VARCHAR[], t.to_state + 1) END`,
    );
  }
  if (want.has('risk') && sources.churn) {
    header.push(h('risk'), h('riskDecile'), h('riskReasons'));
    cols.push('round(t.risk, 4)', 't.decile', 'why.text');
    joins.push(`LEFT JOIN ${table}_why why USING (customer_id)`);
  }
  if (want.has('cluster') && sources.clusters) {
    header.push(h('cluster'));
    cols.push('t.cluster_name');
  }
  const rec = sources.recommend;
  if (want.has('recommendations') && rec && sources.recommendWindow) {
    const chainFilter = sources.recommendChains && args.chain ? `AND chain = ${p.add(args.chain)}` : '';
    ctes.push(
      `prod AS (SELECT product_id, any_value(name) AS name, any_value(category) AS category FROM products GROUP BY product_id)`,
      `recs AS (SELECT customer_id, product_id, score, row_number() OVER (PARTITION BY customer_id ORDER BY rank, score DESC, product_id) AS rn
                FROM (SELECT customer_id, product_id, min(rank) AS rank, max(score) AS score FROM recommendations
                      WHERE run_id = ${p.add(rec.runId)} AND model = ${p.add(rec.model)} ${chainFilter} AND customer_id IN (SELECT customer_id FROM ${table})
                      GROUP BY customer_id, product_id))`,
      `catn AS (SELECT l.customer_id, pr.category, count(*)::INTEGER AS n FROM purchases l JOIN prod pr USING (product_id)
                WHERE NOT l.is_return AND l.date BETWEEN ${p.date(sources.recommendWindow.from)} AND ${p.date(sources.recommendWindow.to)}
                  AND l.customer_id IN (SELECT customer_id FROM ${table}) GROUP BY ALL)`,
      `rr AS (SELECT r.customer_id, r.rn, r.product_id, pr.name, pr.category, r.score, coalesce(c.n, 0) AS n
              FROM recs r LEFT JOIN prod pr USING (product_id) LEFT JOIN catn c ON c.customer_id = r.customer_id AND c.category = pr.category
              WHERE r.rn <= ${p.add(rec.k)})`,
    );
    const same = p.add(PRODUCT_REASONS.sameCategory[lang]);
    const fresh = p.add(PRODUCT_REASONS.newCategory[lang]);
    const how = p.add(modelReason(rec.model as RecommendModelName)[lang]);
    const wide: string[] = [];
    for (let i = 1; i <= rec.k; i++) {
      header.push(h('recCode', { n: i }), h('recName', { n: i }), h('recCategory', { n: i }), h('recScore', { n: i }), h('recReason', { n: i }));
      wide.push(
        `max(product_id) FILTER (WHERE rn = ${i}) AS rec${i}_code`,
        `max(name) FILTER (WHERE rn = ${i}) AS rec${i}_name`,
        `max(category) FILTER (WHERE rn = ${i}) AS rec${i}_category`,
        `round(max(score) FILTER (WHERE rn = ${i}), 4) AS rec${i}_score`,
        `max(CASE WHEN n > 0 THEN replace(${same}, '{n}', n::VARCHAR) ELSE ${fresh} END || ' · ' || ${how}) FILTER (WHERE rn = ${i}) AS rec${i}_reason`,
      );
      cols.push(`w.rec${i}_code`, `w.rec${i}_name`, `w.rec${i}_category`, `w.rec${i}_score`, `w.rec${i}_reason`);
    }
    ctes.push(`w AS (SELECT customer_id, ${wide.join(', ')} FROM rr GROUP BY customer_id)`);
    joins.push('LEFT JOIN w USING (customer_id)');
  }
  // Named by the headings: Parquet's columns are the CSV's headings.
  const named = cols.map((c, i) => `${c} AS ${quotedIdentifier(header[i])}`);
  const sql = `${ctes.length ? `WITH ${ctes.join(',\n')}\n` : ''}SELECT ${named.join(', ')} FROM ${table} t ${joins.join(' ')} ORDER BY t.customer_id`;
  return { sql, values: p.values, header };
}

/**
 * Each selected customer's risk reasons (saved with the churn scores: the features that push the
 * risk up most) as a phrase in the list's language, in a temporary table beside the list.
 */
async function riskReasonTable(db: Session, table: string, churn: NonNullable<ExportSources['churn']>, lang: 'ko' | 'en'): Promise<void> {
  const hasColumn = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_columns() WHERE table_name = 'churn_scores' AND column_name = 'reasons'`);
  const rows = hasColumn?.n
    ? await db.all<{ customer_id: string; reasons: string | null }>(
        `SELECT customer_id, reasons FROM churn_scores WHERE run_id = $1 AND model = $2 AND customer_id IN (SELECT customer_id FROM ${table})`,
        [churn.runId, churn.model],
      )
    : [];
  const currency = await projectCurrency(db);
  const ids: string[] = [];
  const texts: string[] = [];
  for (const r of rows) {
    if (!r.reasons) continue;
    const text = riskReasonsText(JSON.parse(r.reasons) as RiskReasonIn[], lang, 3, { currency });
    if (!text) continue;
    ids.push(r.customer_id);
    texts.push(text);
  }
  await db.run(`CREATE TEMP TABLE ${table}_why (customer_id VARCHAR, text VARCHAR)`);
  // An empty list has no element type for DuckDB to bind: nothing to insert then.
  if (ids.length) await db.run(`INSERT INTO ${table}_why SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[])`, [listValue(ids), listValue(texts)]);
}

/** How the model picks: the collaborative models by similar customers, popularity by everyone, the preference score by the customer's own habits. */
function modelReason(model: RecommendModelName): { ko: string; en: string } {
  if (model === 'popularity') return PRODUCT_REASONS.popular;
  if (model === 'preference') return PRODUCT_REASONS.preference;
  return PRODUCT_REASONS.similarCustomers;
}
