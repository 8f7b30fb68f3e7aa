import { binFeatures } from './binning';
import { binnedLeafOf, growTree, type GrowContext } from './growTree';
import type { GbdtModel, GbdtStopReason } from './model';
import { baseScores, binaryGradients, meanLoss, softmaxGradients, softmaxRows } from './objective';
import { resolveGbdtOptions, type GbdtOptions } from './options';
import { sampleSorted, seededRandom } from './random';
import { leafOf, type GbdtTree } from './tree';

export interface GbdtHooks {
  /** After every round: the 1-based round, the weighted mean training log-loss, the validation loss (null without validation rows). */
  onRound?(round: number, trainLoss: number, validLoss: number | null): void;
  /** Asked before every round; true ends training with the rounds completed so far (cancel). */
  shouldStop?(): boolean;
}

/** Held-out rows for early stopping: n × d row-major like the training rows. */
export interface GbdtValidation {
  x: Float32Array;
  n: number;
  y: Int32Array;
}

/**
 * Trains a histogram GBDT. x is n × d row-major (NaN = missing), y the class ids 0..k−1.
 * Pure: no I/O, no clock, every random draw from options.seed. With `valid` and
 * earlyStoppingRounds > 0, training stops once the validation loss has not improved for that many
 * rounds and the model keeps the best round (also when cancelled); otherwise it keeps every
 * completed round.
 */
export function trainGbdt(
  x: Float32Array,
  n: number,
  d: number,
  y: Int32Array,
  options: GbdtOptions = {},
  hooks: GbdtHooks = {},
  valid?: GbdtValidation,
): GbdtModel {
  checkRows('training', x, n, d, y);
  if (valid) checkRows('validation', valid.x, valid.n, d, valid.y);
  let maxClass = 0;
  for (let i = 0; i < n; i++) maxClass = Math.max(maxClass, y[i]);
  if (valid) for (let i = 0; i < valid.n; i++) maxClass = Math.max(maxClass, valid.y[i]);
  const o = resolveGbdtOptions(options, maxClass);
  const K = o.objective === 'binary' ? 1 : o.numClass;

  const binned = binFeatures(x, n, d, o.bins);
  const w = rowWeights(y, o.classWeights);
  const baseScore = baseScores(y, w, K, o.numClass);
  const scores = repeatRows(baseScore, n);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const probs = K > 1 ? new Float64Array(n * K) : null;
  const validScores = valid ? repeatRows(baseScore, valid.n) : null;
  const validWeights = valid ? rowWeights(valid.y, o.classWeights) : null;

  const random = seededRandom(o.seed);
  const m = o.rowSubsample < 1 ? Math.max(1, Math.round(o.rowSubsample * n)) : n;
  const sample = Int32Array.from({ length: n }, (_, i) => i);
  const inBag = new Uint8Array(n).fill(1);
  const nFeatures = o.colSubsample < 1 ? Math.max(1, Math.round(o.colSubsample * d)) : d;
  const features = Int32Array.from({ length: d }, (_, f) => f);
  const ctx: GrowContext = {
    binned,
    d,
    idx: new Int32Array(n),
    scratch: new Int32Array(n),
    pool: [],
    rules: { lambda: o.lambda, minSamplesLeaf: o.minSamplesLeaf, minSumHessian: o.minSumHessian, minGainToSplit: o.minGainToSplit },
    maxLeaves: o.maxLeaves,
    maxDepth: o.maxDepth,
    learningRate: o.learningRate,
  };

  const trees: GbdtTree[] = [];
  const trainLoss: number[] = [];
  const validLoss: number[] | null = valid ? [] : null;
  const earlyStopping = valid !== undefined && o.earlyStoppingRounds > 0;
  let bestLoss = Infinity;
  let bestRound = 0;
  let roundsRun = 0;
  let stopReason: GbdtStopReason = 'rounds';

  for (let round = 1; round <= o.rounds; round++) {
    if (hooks.shouldStop?.()) {
      stopReason = 'cancelled';
      break;
    }
    if (m < n) {
      sampleSorted(n, m, random, sample);
      inBag.fill(0);
      for (let j = 0; j < m; j++) inBag[sample[j]] = 1;
    }
    if (probs) softmaxRows(scores, n, K, probs);
    for (let c = 0; c < K; c++) {
      if (probs) softmaxGradients(probs, K, c, y, w, grad, hess);
      else binaryGradients(scores, y, w, grad, hess);
      if (nFeatures < d) sampleSorted(d, nFeatures, random, features);
      ctx.idx.set(sample.subarray(0, m));
      const grown = growTree(ctx, grad, hess, m, nFeatures < d ? features.subarray(0, nFeatures) : features);
      const { tree } = grown;
      for (let l = 0; l < tree.leafValue.length; l++) {
        const v = tree.leafValue[l];
        for (let j = grown.leafBegin[l]; j < grown.leafEnd[l]; j++) scores[ctx.idx[j] * K + c] += v;
      }
      if (m < n) {
        for (let i = 0; i < n; i++) if (!inBag[i]) scores[i * K + c] += tree.leafValue[binnedLeafOf(grown, binned, i * d)];
      }
      if (valid && validScores) {
        for (let i = 0; i < valid.n; i++) validScores[i * K + c] += tree.leafValue[leafOf(tree, valid.x, i * d)];
      }
      trees.push(tree);
    }
    roundsRun = round;
    const tl = meanLoss(scores, y, w, K);
    const vl = valid && validScores && validWeights ? meanLoss(validScores, valid.y, validWeights, K) : null;
    trainLoss.push(tl);
    if (vl !== null) validLoss!.push(vl);
    hooks.onRound?.(round, tl, vl);
    if (vl !== null && vl < bestLoss) {
      bestLoss = vl;
      bestRound = round;
    } else if (earlyStopping && round - bestRound >= o.earlyStoppingRounds) {
      stopReason = 'earlyStopping';
      break;
    }
  }

  const kept = earlyStopping ? bestRound : roundsRun;
  return {
    objective: o.objective,
    numClass: o.numClass,
    numFeatures: d,
    treesPerRound: K,
    baseScore,
    trees: trees.slice(0, kept * K),
    options: o,
    training: { roundsRun, bestRound: kept, stopReason, trainLoss, validLoss },
  };
}

function checkRows(what: string, x: Float32Array, n: number, d: number, y: Int32Array): void {
  if (!Number.isInteger(d) || d < 1 || d > 1 << 20) throw new RangeError(`GBDT: d (features) must be an integer >= 1, got ${d}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`GBDT: the ${what} rows need n >= 1, got ${n}`);
  if (!(x instanceof Float32Array) || x.length !== n * d) throw new RangeError(`GBDT: ${what} x must be a Float32Array of n × d = ${n * d} values, got ${x?.length}`);
  if (!(y instanceof Int32Array) || y.length !== n) throw new RangeError(`GBDT: ${what} y must be an Int32Array of n = ${n} class ids, got ${y?.length}`);
  for (let i = 0; i < n; i++) if (y[i] < 0) throw new RangeError(`GBDT: ${what} y[${i}] = ${y[i]} is not a class id (0..k−1)`);
}

function rowWeights(y: Int32Array, classWeights: number[]): Float64Array {
  const w = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) w[i] = classWeights[y[i]];
  return w;
}

function repeatRows(row: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * row.length);
  for (let i = 0; i < n; i++) out.set(row, i * row.length);
  return out;
}
