/**
 * Losses and their first and second derivatives on the raw scores. Scores are n × K row-major
 * (K = 1 for binary, k for multiclass). Every row carries the weight of its class.
 */
const MIN_HESSIAN = 1e-16;
const MIN_PRIOR = 1e-7;

/** Starting scores: the log-odds of the weighted base rate (binary), the centred log priors (multiclass). */
export function baseScores(y: Int32Array, w: Float64Array, K: number, numClass: number): Float64Array {
  const mass = new Float64Array(numClass);
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    mass[y[i]] += w[i];
    total += w[i];
  }
  const prior = (c: number) => Math.min(1 - MIN_PRIOR, Math.max(MIN_PRIOR, mass[c] / total));
  if (K === 1) return Float64Array.of(Math.log(prior(1) / (1 - prior(1))));
  const out = new Float64Array(K);
  let mean = 0;
  for (let c = 0; c < K; c++) mean += (out[c] = Math.log(prior(c))) / K;
  for (let c = 0; c < K; c++) out[c] -= mean;
  return out;
}

export const sigmoid = (s: number) => 1 / (1 + Math.exp(-s));

/** Binary log-loss: g = w(p − y), h = w·p(1 − p). */
export function binaryGradients(scores: Float64Array, y: Int32Array, w: Float64Array, grad: Float64Array, hess: Float64Array): void {
  for (let i = 0; i < y.length; i++) {
    const p = sigmoid(scores[i]);
    grad[i] = w[i] * (p - y[i]);
    hess[i] = w[i] * Math.max(p * (1 - p), MIN_HESSIAN);
  }
}

/** Softmax of every row of the n × K scores into probs (same shape). */
export function softmaxRows(scores: Float64Array, n: number, K: number, probs: Float64Array): void {
  for (let i = 0, o = 0; i < n; i++, o += K) {
    let max = -Infinity;
    for (let c = 0; c < K; c++) max = Math.max(max, scores[o + c]);
    let sum = 0;
    for (let c = 0; c < K; c++) sum += probs[o + c] = Math.exp(scores[o + c] - max);
    for (let c = 0; c < K; c++) probs[o + c] /= sum;
  }
}

/** Softmax cross-entropy for class c (the diagonal of the Hessian): g = w(p_c − [y = c]), h = w·p_c(1 − p_c). */
export function softmaxGradients(probs: Float64Array, K: number, c: number, y: Int32Array, w: Float64Array, grad: Float64Array, hess: Float64Array): void {
  for (let i = 0, o = c; i < y.length; i++, o += K) {
    const p = probs[o];
    grad[i] = w[i] * (p - (y[i] === c ? 1 : 0));
    hess[i] = w[i] * Math.max(p * (1 - p), MIN_HESSIAN);
  }
}

/** Weighted mean log-loss of the raw scores (binary when K = 1, softmax otherwise), computed stably. */
export function meanLoss(scores: Float64Array, y: Int32Array, w: Float64Array, K: number): number {
  let sum = 0;
  let total = 0;
  for (let i = 0, o = 0; i < y.length; i++, o += K) {
    let loss: number;
    if (K === 1) {
      const s = scores[i];
      // log(1 + e^s) − y·s, without overflow
      loss = (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - y[i] * s;
    } else {
      let max = -Infinity;
      for (let c = 0; c < K; c++) max = Math.max(max, scores[o + c]);
      let sumExp = 0;
      for (let c = 0; c < K; c++) sumExp += Math.exp(scores[o + c] - max);
      loss = max + Math.log(sumExp) - scores[o + y[i]];
    }
    sum += w[i] * loss;
    total += w[i];
  }
  return sum / total;
}
