/**
 * The RFM-tier rule, the baseline a churn model must beat: each period-1 tier's class shares on
 * the training rows. Binary: a customer's churn score is the churn rate of their tier. Transition:
 * the tier's shares are the probabilities, and the prediction is its most frequent transition.
 */
export interface TierRuleModel {
  kind: 'tierRule';
  tiers: number;
  classes: number;
  /** tiers × classes, row-major: the share of each class among the tier's training customers. */
  shares: number[];
}

export function fitTierRule(tier1: Int32Array, y: Int32Array, rows: Int32Array, tiers: number, classes: number): TierRuleModel {
  const counts = new Float64Array(tiers * classes);
  const totals = new Float64Array(tiers);
  const overall = new Float64Array(classes);
  for (const i of rows) {
    counts[tier1[i] * classes + y[i]] += 1;
    totals[tier1[i]] += 1;
    overall[y[i]] += 1;
  }
  const shares: number[] = [];
  for (let t = 0; t < tiers; t++) {
    for (let c = 0; c < classes; c++) {
      // A tier without training customers falls back to the overall shares.
      shares.push(totals[t] > 0 ? counts[t * classes + c] / totals[t] : overall[c] / rows.length);
    }
  }
  return { kind: 'tierRule', tiers, classes, shares };
}

/** Binary (classes 2): P(class 1) per row; else rows × classes. */
export function predictTierRule(model: TierRuleModel, tier1: Int32Array, rows: Int32Array): Float64Array {
  const { classes } = model;
  if (classes === 2) return Float64Array.from(rows, (i) => model.shares[tier1[i] * 2 + 1]);
  const out = new Float64Array(rows.length * classes);
  rows.forEach((i, r) => {
    for (let c = 0; c < classes; c++) out[r * classes + c] = model.shares[tier1[i] * classes + c];
  });
  return out;
}
