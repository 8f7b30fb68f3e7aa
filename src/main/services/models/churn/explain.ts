import type * as tf from '@tensorflow/tfjs';
import { tfLoaded } from '../tfjs';
import { pAlive } from '../bgnbd';
import { loadMlp } from '../mlp';
import { applyModel, type ScoringRows, type StoredModel } from './applyModel';
import { standardise } from './split';

/**
 * Why a customer is at risk: per customer, the features that push the churn risk up most, as the
 * campaign export lists them ("최근 64일 구매 없음 · 구매 횟수 3회 (보통 9회)"; wording in
 * src/shared/riskReasons.ts). Saved as JSON in churn_scores.reasons:
 *   [{"feature": "recency_days", "value": 64, "reference": 12, "delta": 0.21}, …]
 * value = the customer's value (null where missing), reference = the median over the scored
 * customers (null where nobody has one), delta = the risk it adds over the reference.
 *
 * Occlusion, model-agnostic: delta_ij = risk(x_i) − risk(x_i with feature j set to its reference).
 * Vectorised per feature: one model call on the whole matrix per feature (groups + 1 calls; in blocks
 * of 50,000 customers, so memory stays bounded), so the cost is that of scoring a few dozen times
 * (24,000 customers: gbdt 3.4 s, mlp 1.7 s, logistic 1 s). Pure, runs in the training worker.
 *
 * Features that measure the same thing are occluded together, and one name stands for them, so that
 * the RFM scores never crowd out the raw features they are made from:
 *   recency_days + r_score, receipts + f_score, monetary + m_score (named by the raw feature; by the
 *   score only when the model lacks the raw one), and tier + rfm_score (the composite, named `tier`),
 *   which is left out of a customer's list when recency, frequency or monetary is already in it.
 *
 * Per model kind:
 *   - logistic, gbdt, mlp: every feature (group) as above.
 *   - tierRule reads only the customer's RFM tier: one reason at most, `tier`, when the customer's tier
 *     churns more than the median tier.
 *   - bgnbd reads the repeat history (x, t_x, T), not the features: one recency reason at most,
 *     `recency_days` (days since the last purchase day, + 1 as the feature counts them), occluding
 *     T − t_x with its median over the repeat buyers. A customer with one purchase day (x = 0) has
 *     P(alive) = 1 under BG/NBD, so risk 0 and no reason.
 * A listed delta is always at least MIN_DELTA (one percentage point: a smaller push is the model's
 * noise, not a reason to read), so a low-risk customer may have an empty list.
 */
export interface RiskReason {
  feature: string;
  value: number | null;
  reference: number | null;
  delta: number;
}

export interface ExplainRequest {
  entry: StoredModel;
  rows: ScoringRows;
  /** The training's feature names, in the matrix's column order. */
  names: readonly string[];
  /** Reasons per customer (default 3). */
  top?: number;
  /** Transition models: the class ids whose probabilities sum to the risk (→ 비활동); absent or null = binary (P(class 1)). */
  riskClasses?: readonly number[] | null;
  /** Customers per round of model calls (default BLOCK_ROWS; the result does not depend on it). */
  blockRows?: number;
}

/** The smallest risk a listed reason adds (one percentage point). */
export const MIN_DELTA = 0.01;

/** Feature families occluded together: the raw feature first (it names the reason), then its derived score(s). */
const FAMILIES: readonly (readonly string[])[] = [
  ['recency_days', 'r_score'],
  ['receipts', 'f_score'],
  ['monetary', 'm_score'],
  ['tier', 'rfm_score'],
];
/** The composite score family (named `tier`): dropped from a list that holds recency, frequency or monetary. */
const COMPOSITE = 'tier';
const RFM_PARTS = new Set(['recency_days', 'r_score', 'receipts', 'f_score', 'monetary', 'm_score']);

interface Group {
  /** The name the reason carries. */
  name: string;
  /** Column of the named feature (its value and reference are reported). */
  column: number;
  columns: number[];
  /** The group holds the tier, which the tier rule reads from rows.tier: occluded there too. */
  tier: boolean;
}

export async function explainRisk(request: ExplainRequest): Promise<RiskReason[][]> {
  const { entry, rows, names } = request;
  const top = request.top ?? 3;
  if (entry.kind === 'bgnbd') return explainBgnbd(entry, rows, top);
  const risk = riskOf(request.riskClasses ?? null);
  const { n, d, x } = rows;
  const reference = new Float32Array(d);
  // The tier's reference is a tier (the lower median), not a point between two.
  const tierRef = medianInt(rows.tier);
  for (let j = 0; j < d; j++) reference[j] = names[j] === 'tier' ? tierRef : median(x, n, d, j);
  const groups = entry.kind === 'tierRule' ? tierGroup(names) : featureGroups(names);
  const model = await predictor(entry);
  const out: RiskReason[][] = [];
  try {
    // Blocks of customers, so that the deltas (groups × rows) stay small however many are scored.
    const size = Math.max(1, request.blockRows ?? BLOCK_ROWS);
    for (let start = 0; start < n; start += size) {
      const m = Math.min(size, n - start);
      const block: ScoringRows = { ...rows, n: m, x: x.subarray(start * d, (start + m) * d), tier: rows.tier.subarray(start, start + m) };
      const deltas = await blockDeltas(block, groups, reference, tierRef, (r) => model.predict(r).then((p) => risk(p, r.n)));
      for (let i = 0; i < m; i++) {
        const chosen = choose(groups, (g) => deltas[g * m + i], top);
        out.push(
          chosen.map((g) => {
            const j = groups[g].column;
            const value = entry.kind === 'tierRule' ? block.tier[i] : block.x[i * d + j];
            const ref = entry.kind === 'tierRule' ? tierRef : reference[j];
            return { feature: groups[g].name, value: finite(value), reference: finite(ref), delta: round(deltas[g * m + i], 5) };
          }),
        );
      }
    }
  } finally {
    model.dispose();
  }
  return out;
}

/** Customers explained per round of model calls. */
const BLOCK_ROWS = 50_000;

/** deltas[g * n + i]: what group g adds to customer i's risk (one model call per group, and one for the risk itself). */
async function blockDeltas(
  rows: ScoringRows,
  groups: readonly Group[],
  reference: Float32Array,
  tierRef: number,
  riskOfRows: (rows: ScoringRows) => Promise<Float64Array>,
): Promise<Float64Array> {
  const { n, d, x } = rows;
  const deltas = new Float64Array(groups.length * n);
  const base = await riskOfRows(rows);
  const work = new Float32Array(x);
  const flatTier = new Int32Array(n).fill(tierRef);
  for (let g = 0; g < groups.length; g++) {
    const { columns } = groups[g];
    for (const j of columns) for (let i = 0; i < n; i++) work[i * d + j] = reference[j];
    const occluded = await riskOfRows({ ...rows, x: work, tier: groups[g].tier ? flatTier : rows.tier });
    for (let i = 0; i < n; i++) deltas[g * n + i] = base[i] - occluded[i];
    for (const j of columns) for (let i = 0; i < n; i++) work[i * d + j] = x[i * d + j];
  }
  return deltas;
}

/** One customer's reasons: the groups adding at least MIN_DELTA, largest first, the composite RFM score only without its parts. */
function choose(groups: readonly Group[], delta: (g: number) => number, top: number): number[] {
  const mine = groups
    .map((_, g) => g)
    .filter((g) => delta(g) >= MIN_DELTA)
    .sort((a, b) => delta(b) - delta(a) || a - b);
  const chosen: number[] = [];
  for (const g of mine) {
    if (chosen.length === top) break;
    const name = groups[g].name;
    if (name === COMPOSITE && chosen.some((c) => RFM_PARTS.has(groups[c].name))) continue;
    if (RFM_PARTS.has(name)) {
      const composite = chosen.findIndex((c) => groups[c].name === COMPOSITE);
      if (composite >= 0) chosen.splice(composite, 1);
    }
    chosen.push(g);
  }
  return chosen;
}

/** Rows scored per batch by the network (TensorFlow.js predicts 32 rows at a time unless told). */
const MLP_BATCH = 8192;

/**
 * The model as a function of the rows, for the d + 1 calls: applyModel, except the network, which is
 * loaded once and predicts in large batches (with applyModel's 32-row default, 60 calls on 24,000
 * customers took 41 s; this way under 2 s). Same standardisation as applyModel.
 */
async function predictor(entry: StoredModel): Promise<{ predict: (rows: ScoringRows) => Promise<Float64Array>; dispose: () => void }> {
  if (entry.kind !== 'mlp') return { predict: (rows) => applyModel(entry, rows), dispose: () => undefined };
  const net = await loadMlp({ topology: entry.topology, weightSpecs: entry.weightSpecs, weights: entry.weights });
  const s = { mean: Float64Array.from(entry.standardiser.mean), std: Float64Array.from(entry.standardiser.std) };
  return {
    predict: async (rows) => {
      const all = Int32Array.from({ length: rows.n }, (_, i) => i);
      const scaled = standardise(rows.x, rows.d, all, s);
      const tf = tfLoaded();
      return Float64Array.from(tf.tidy(() => (net.predict(tf.tensor2d(scaled, [rows.n, rows.d]), { batchSize: MLP_BATCH }) as tf.Tensor).dataSync()));
    },
    dispose: () => net.dispose(),
  };
}

/** The tier rule reads the tier only. */
function tierGroup(names: readonly string[]): Group[] {
  const j = names.indexOf('tier');
  // No tier column: the reported value is read from rows.tier, the column index only names it.
  return [{ name: 'tier', column: j, columns: j >= 0 ? [j] : [], tier: true }];
}

function featureGroups(names: readonly string[]): Group[] {
  const groups: Group[] = [];
  const grouped = new Set<number>();
  for (const family of FAMILIES) {
    const columns = family.map((f) => names.indexOf(f)).filter((j) => j >= 0);
    if (!columns.length) continue;
    columns.forEach((j) => grouped.add(j));
    groups.push({ name: names[columns[0]], column: columns[0], columns, tier: family.includes('tier') });
  }
  names.forEach((name, j) => {
    if (!grouped.has(j)) groups.push({ name, column: j, columns: [j], tier: false });
  });
  return groups;
}

/** BG/NBD: recency only (see the file's comment). */
function explainBgnbd(entry: Extract<StoredModel, { kind: 'bgnbd' }>, rows: ScoringRows, top: number): RiskReason[][] {
  const h = rows.histories;
  if (!h) throw new Error('BG/NBD explanation needs the repeat histories.');
  const gaps = Float32Array.from(
    h.filter((c) => c.x > 0),
    (c) => c.T - c.tx,
  );
  const ref = gaps.length ? median(gaps, gaps.length, 1, 0) : NaN;
  const days = (weeks: number) => Math.round(weeks * 7) + 1;
  return h.map((c) => {
    if (c.x === 0 || Number.isNaN(ref) || top < 1) return [];
    const risk = 1 - pAlive(entry.params, c.x, c.tx, c.T);
    const occluded = 1 - pAlive(entry.params, c.x, Math.min(c.T, Math.max(0, c.T - ref)), c.T);
    const delta = risk - occluded;
    return delta >= MIN_DELTA ? [{ feature: 'recency_days', value: days(c.T - c.tx), reference: days(ref), delta: round(delta, 5) }] : [];
  });
}

/** The risk per row from a model's output: binary P(class 1), or the summed probabilities of the churn classes. */
function riskOf(riskClasses: readonly number[] | null): (p: Float64Array, n: number) => Float64Array {
  if (!riskClasses) return (p) => p;
  return (p, n) => {
    const classes = p.length / n;
    const risk = new Float64Array(n);
    for (let i = 0; i < n; i++) for (const c of riskClasses) risk[i] += p[i * classes + c];
    return risk;
  };
}

/** Median of column j over the rows where it is not NaN; NaN when none. */
function median(x: Float32Array, n: number, d: number, j: number): number {
  const v: number[] = [];
  for (let i = 0; i < n; i++) {
    const value = x[i * d + j];
    if (!Number.isNaN(value)) v.push(value);
  }
  if (!v.length) return NaN;
  const sorted = Float64Array.from(v).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function medianInt(values: Int32Array): number {
  if (!values.length) return 0;
  const sorted = Int32Array.from(values).sort();
  return sorted[(sorted.length - 1) >> 1];
}

/** A value as JSON carries it: float32 noise rounded off, missing as null. */
function finite(v: number): number | null {
  return Number.isFinite(v) ? round(v, 4) : null;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
