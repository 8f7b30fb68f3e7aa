import type { GbdtModel } from './model';
import { sigmoid, softmaxRows } from './objective';
import { leafOf } from './tree';

const PREDICT_BLOCK = 256;

/** Raw scores, n × treesPerRound row-major (log-odds for binary, softmax inputs for multiclass). */
export function predictRaw(model: GbdtModel, x: Float32Array, n: number): Float64Array {
  const d = model.numFeatures;
  if (!Number.isInteger(n) || n < 0 || x.length !== n * d) {
    throw new RangeError(`GBDT predict: x must hold n × ${d} values (n = ${n}), got ${x.length}`);
  }
  const K = model.treesPerRound;
  const out = new Float64Array(n * K);
  for (let i = 0; i < n; i++) out.set(model.baseScore, i * K);
  // Blocks of rows against one tree at a time: the tree and the block stay in cache, where row by
  // row over thousands of trees (multiclass) would stream every tree from memory for each row.
  // Each row still adds its trees in order, so scores match training's bit for bit.
  const { trees } = model;
  for (let start = 0; start < n; start += PREDICT_BLOCK) {
    const end = Math.min(n, start + PREDICT_BLOCK);
    for (let t = 0; t < trees.length; t++) {
      const tree = trees[t];
      const c = t % K;
      for (let i = start; i < end; i++) out[i * K + c] += tree.leafValue[leafOf(tree, x, i * d)];
    }
  }
  return out;
}

/** Probabilities: n values P(class 1) for binary; n × k row-major (each row sums to 1) for multiclass. */
export function predictProba(model: GbdtModel, x: Float32Array, n: number): Float64Array {
  const raw = predictRaw(model, x, n);
  if (model.treesPerRound === 1) {
    for (let i = 0; i < raw.length; i++) raw[i] = sigmoid(raw[i]);
    return raw;
  }
  const probs = new Float64Array(raw.length);
  softmaxRows(raw, n, model.treesPerRound, probs);
  return probs;
}

/** Total split gain per feature over the kept trees (a quick importance; permutation importance lives with the report). */
export function gainImportance(model: GbdtModel): Float64Array {
  const out = new Float64Array(model.numFeatures);
  for (const tree of model.trees) for (let node = 0; node < tree.feature.length; node++) out[tree.feature[node]] += tree.gain[node];
  return out;
}
