import { fromJSON, predictProba } from '../gbdt';
import { predictLogistic, type LogisticModel } from '../logistic';
import { loadMlp, predictMlp } from '../mlp';
import { pAlive, type BgnbdParams } from '../bgnbd';
import { standardise } from './split';
import { predictTierRule, type TierRuleModel } from './tierRule';
import type { Histories } from './train';

/** A saved model as models.json holds it (the MLP's weights read from its file). */
export type StoredModel =
  | { kind: 'tierRule'; model: TierRuleModel }
  | { kind: 'logistic'; model: LogisticModel; standardiser: { mean: number[]; std: number[] } }
  | { kind: 'bgnbd'; params: BgnbdParams; unit: 'week' }
  | { kind: 'gbdt'; model: string }
  | { kind: 'mlp'; topology: unknown; weightSpecs: unknown; weights: Uint8Array; standardiser: { mean: number[]; std: number[] } };

export interface ScoringRows {
  /** Row-major n × d in the training's feature order; NaN = missing. */
  x: Float32Array;
  n: number;
  d: number;
  tier: Int32Array;
  histories: Histories | null;
}

/** Binary: P(churn) per row; transition: n × classes probabilities. Runs where TensorFlow.js lives (the training worker). */
export async function applyModel(entry: StoredModel, rows: ScoringRows): Promise<Float64Array> {
  const all = Int32Array.from({ length: rows.n }, (_, i) => i);
  const scaled = (s: { mean: number[]; std: number[] }) => standardise(rows.x, rows.d, all, { mean: Float64Array.from(s.mean), std: Float64Array.from(s.std) });
  switch (entry.kind) {
    case 'tierRule':
      return predictTierRule(entry.model, rows.tier, all);
    case 'logistic':
      return predictLogistic(entry.model, scaled(entry.standardiser), rows.n);
    case 'gbdt':
      return predictProba(fromJSON(entry.model), rows.x, rows.n);
    case 'bgnbd': {
      if (!rows.histories) throw new Error('BG/NBD scoring needs the repeat histories.');
      const h = rows.histories;
      return Float64Array.from(h, (c) => 1 - pAlive(entry.params, c.x, c.tx, c.T));
    }
    case 'mlp': {
      const model = await loadMlp({ topology: entry.topology, weightSpecs: entry.weightSpecs, weights: entry.weights });
      try {
        return predictMlp(model, scaled(entry.standardiser), rows.n, rows.d);
      } finally {
        model.dispose();
      }
    }
  }
}
