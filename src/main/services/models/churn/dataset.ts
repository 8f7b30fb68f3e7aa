import { quotedIdentifier } from '@duckdb/node-api';
import { segmentSpecSchema, type DateWindow, type ResolvedSegmentSpec, type SegmentSpecIn } from '../../../../shared/analytics';
import { AppError, badArgument } from '../../../../shared/errors';
import { computeSegments, type SegmentTables } from '../../analytics/segments';
import type { Session } from '../../db/database';
import { buildFeatures } from './features';
import { transitionClass, type LabelKind } from './labels';

/** Fewer customers than this in the features period cannot train and test a model. */
export const MIN_CUSTOMERS = 50;

/** Everything a churn run trains and judges on: one row per customer who bought in period 1. */
export interface ChurnDataset {
  label: LabelKind;
  spec: ResolvedSegmentSpec;
  customers: string[];
  /** Feature names: the SQL features, then the period-1 RFM scores and tier. */
  names: string[];
  d: number;
  /** Row-major customers × d; NaN = missing. */
  x: Float32Array;
  /** Tiers of the RFM spec (4 by default); tier1 per customer, 0 = best. */
  tiers: number;
  tier1: Int32Array;
  /** Class per customer: binary 1 = churned (no purchase in period 2); transition = transitionClass(tier1, tier2 or tiers). */
  y: Int32Array;
  classes: number;
}

/**
 * Computes the run's own RFM segments for the two periods (into the run's tables, never the
 * analyst's saved ones), the period-1 features, and the labels.
 */
export async function churnDataset(db: Session, label: LabelKind, specIn: SegmentSpecIn, tables: SegmentTables, population: 'all' | 'lastTier' = 'all'): Promise<ChurnDataset> {
  const summary = await computeSegments(db, segmentSpecSchema.parse(specIn), tables);
  const spec = summary.spec;
  const [p1, p2] = spec.periods;
  await checkPeriodsHaveData(db, p1, p2);
  const all = await buildFeatures(db, p1);
  const tiers = spec.shares.length + 1;
  const seg = await db.all<{ customer_id: string; tier_1: number; tier_2: number | null; r_score_1: number; f_score_1: number; m_score_1: number; score_1: number }>(
    `SELECT customer_id, tier_1, tier_2, r_score_1, f_score_1, m_score_1, score_1 FROM ${quotedIdentifier(tables.segments)} WHERE tier_1 IS NOT NULL`,
  );
  const byCustomer = new Map(seg.map((s) => [s.customer_id, s]));
  // Binary churn of the last tier only: the customers whose period-1 tier is the last (기타).
  const features = population === 'lastTier' && label === 'binary' ? onlyCustomers(all, (c) => byCustomer.get(c)?.tier_1 === tiers - 1) : all;
  const n = features.customers.length;
  if (n < MIN_CUSTOMERS) {
    throw badArgument(
      `Only ${n} customers bought in period 1 (${p1.from} – ${p1.to}); a churn model needs at least ${MIN_CUSTOMERS}.`,
      ['periods', '0'],
      'tooFewCustomers',
      { n, min: MIN_CUSTOMERS },
    );
  }
  const extra = ['r_score', 'f_score', 'm_score', 'rfm_score', 'tier'];
  const d0 = features.names.length;
  const d = d0 + extra.length;
  const x = new Float32Array(n * d);
  const tier1 = new Int32Array(n);
  const y = new Int32Array(n);
  features.customers.forEach((c, i) => {
    const s = byCustomer.get(c);
    // Both come from the receipts of period 1: a customer in one and not the other is a bug, not data.
    if (!s) throw new AppError('INTERNAL', `Customer ${c} has period-1 features but no period-1 tier.`);
    x.set(features.x.subarray(i * d0, (i + 1) * d0), i * d);
    x.set([s.r_score_1, s.f_score_1, s.m_score_1, s.score_1, s.tier_1], i * d + d0);
    tier1[i] = s.tier_1;
    y[i] = label === 'binary' ? (s.tier_2 === null ? 1 : 0) : transitionClass(s.tier_1, s.tier_2 ?? tiers, tiers);
  });
  return { label, spec, customers: features.customers, names: [...features.names, ...extra], d, x, tiers, tier1, y, classes: label === 'binary' ? 2 : tiers * (tiers + 1) };
}

async function checkPeriodsHaveData(db: Session, p1: DateWindow, p2: DateWindow): Promise<void> {
  const row = await db.one<{ n1: number; n2: number }>(
    `SELECT count(*) FILTER (WHERE date BETWEEN $1::DATE AND $2::DATE)::BIGINT AS n1,
            count(*) FILTER (WHERE date BETWEEN $3::DATE AND $4::DATE)::BIGINT AS n2 FROM receipt_facts`,
    [p1.from, p1.to, p2.from, p2.to],
  );
  if (!row?.n1) throw badArgument(`No purchases in period 1 (${p1.from} – ${p1.to}).`, ['periods', '0'], 'periodEmpty', { from: p1.from, to: p1.to });
  if (!row.n2) throw badArgument(`No purchases in period 2 (${p2.from} – ${p2.to}): churn cannot be told from missing data.`, ['periods', '1'], 'periodEmpty', { from: p2.from, to: p2.to });
}

/** The rows of the customers `keep` accepts, in the same order. */
export function onlyCustomers(m: Awaited<ReturnType<typeof buildFeatures>>, keep: (customer: string) => boolean): Awaited<ReturnType<typeof buildFeatures>> {
  const d = m.names.length;
  const rows = m.customers.flatMap((c, i) => (keep(c) ? [i] : []));
  const x = new Float32Array(rows.length * d);
  rows.forEach((i, r) => x.set(m.x.subarray(i * d, (i + 1) * d), r * d));
  return { customers: rows.map((i) => m.customers[i]), names: m.names, x };
}
