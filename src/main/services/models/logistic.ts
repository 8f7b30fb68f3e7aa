/**
 * Logistic regression (binary) and softmax regression (k classes) on standardised features: the
 * linear baseline every churn model is compared with. Full-batch Adam on the mean log-loss with an
 * L2 penalty, from zero weights (deterministic: no random choice), stopping when the loss no longer
 * falls by `tolerance` over `patience` steps, and keeping the weights with the lowest loss.
 */
export interface LogisticOptions {
  /** 2 for binary (one weight vector, P(class 1)); more for softmax. */
  classes: number;
  l2?: number;
  learningRate?: number;
  maxIterations?: number;
  tolerance?: number;
  patience?: number;
  /** Per-class weights (imbalance); default 1 each. */
  classWeights?: number[];
  /** Asked before every step: true stops at once (a cancel; the caller discards the model). */
  shouldStop?: () => boolean;
}

export interface LogisticModel {
  kind: 'logistic';
  classes: number;
  d: number;
  /** (d + 1) × outputs, row-major; the last row is the intercept. outputs = 1 (binary) or classes. */
  weights: number[];
  iterations: number;
  loss: number;
}

const outputsOf = (classes: number) => (classes === 2 ? 1 : classes);

export function trainLogistic(x: Float32Array, n: number, d: number, y: Int32Array, options: LogisticOptions): LogisticModel {
  const k = options.classes;
  const o = outputsOf(k);
  const l2 = options.l2 ?? 1e-3;
  const lr = options.learningRate ?? 0.05;
  const maxIt = options.maxIterations ?? 500;
  const tol = options.tolerance ?? 1e-6;
  const patience = options.patience ?? 10;
  const cw = options.classWeights ?? new Array<number>(k).fill(1);
  let weightSum = 0;
  for (let i = 0; i < n; i++) weightSum += cw[y[i]];
  const w = new Float64Array((d + 1) * o);
  const m = new Float64Array(w.length);
  const v = new Float64Array(w.length);
  const grad = new Float64Array(w.length);
  const z = new Float64Array(o);
  let best = Infinity;
  const bestW = new Float64Array(w.length);
  let stale = 0;
  let loss = Infinity;
  let it = 0;
  for (; it < maxIt; it++) {
    if (options.shouldStop?.()) break;
    grad.fill(0);
    loss = 0;
    for (let i = 0; i < n; i++) {
      const row = i * d;
      for (let c = 0; c < o; c++) {
        let s = w[d * o + c];
        for (let j = 0; j < d; j++) s += x[row + j] * w[j * o + c];
        z[c] = s;
      }
      const wi = cw[y[i]] / weightSum;
      if (o === 1) {
        const p = 1 / (1 + Math.exp(-z[0]));
        const t = y[i] === 1 ? 1 : 0;
        loss -= wi * (t ? Math.log(Math.max(p, 1e-12)) : Math.log(Math.max(1 - p, 1e-12)));
        const g = wi * (p - t);
        for (let j = 0; j < d; j++) grad[j] += g * x[row + j];
        grad[d] += g;
      } else {
        let max = -Infinity;
        for (let c = 0; c < o; c++) max = Math.max(max, z[c]);
        let sum = 0;
        for (let c = 0; c < o; c++) sum += (z[c] = Math.exp(z[c] - max));
        for (let c = 0; c < o; c++) {
          const p = z[c] / sum;
          const t = y[i] === c ? 1 : 0;
          if (t) loss -= wi * Math.log(Math.max(p, 1e-12));
          const g = wi * (p - t);
          for (let j = 0; j < d; j++) grad[j * o + c] += g * x[row + j];
          grad[d * o + c] += g;
        }
      }
    }
    for (let j = 0; j < d * o; j++) {
      loss += 0.5 * l2 * w[j] * w[j];
      grad[j] += l2 * w[j];
    }
    if (loss < best) bestW.set(w);
    if (loss < best - tol) stale = 0;
    else if (++stale >= patience) break;
    best = Math.min(best, loss);
    // Adam step.
    const b1 = 0.9;
    const b2 = 0.999;
    const c1 = 1 - b1 ** (it + 1);
    const c2 = 1 - b2 ** (it + 1);
    for (let j = 0; j < w.length; j++) {
      m[j] = b1 * m[j] + (1 - b1) * grad[j];
      v[j] = b2 * v[j] + (1 - b2) * grad[j] * grad[j];
      w[j] -= (lr * (m[j] / c1)) / (Math.sqrt(v[j] / c2) + 1e-8);
    }
  }
  // The weights with the lowest loss seen (Adam's last steps may wander around the minimum).
  return { kind: 'logistic', classes: k, d, weights: Array.from(bestW), iterations: it, loss: best };
}

/** Binary: P(class 1) per row. Softmax: n × classes probabilities, row-major. */
export function predictLogistic(model: LogisticModel, x: Float32Array, n: number): Float64Array {
  const { d, classes: k } = model;
  const o = outputsOf(k);
  const w = model.weights;
  const out = new Float64Array(o === 1 ? n : n * k);
  const z = new Float64Array(o);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < o; c++) {
      let s = w[d * o + c];
      for (let j = 0; j < d; j++) s += x[i * d + j] * w[j * o + c];
      z[c] = s;
    }
    if (o === 1) out[i] = 1 / (1 + Math.exp(-z[0]));
    else {
      let max = -Infinity;
      for (let c = 0; c < o; c++) max = Math.max(max, z[c]);
      let sum = 0;
      for (let c = 0; c < o; c++) sum += (z[c] = Math.exp(z[c] - max));
      for (let c = 0; c < o; c++) out[i * k + c] = z[c] / sum;
    }
  }
  return out;
}
