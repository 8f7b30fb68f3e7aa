import { describe, expect, it } from 'vitest';
import { rngFor } from '../../src/main/services/generator/random';
import { predictLogistic, trainLogistic } from '../../src/main/services/models/logistic';

describe('logistic regression (the linear baseline)', () => {
  it('recovers the coefficients of data drawn from a known logistic model', () => {
    const rng = rngFor(1, 'logistic');
    const n = 20_000;
    const x = new Float32Array(n * 2);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      x[2 * i] = rng.normal();
      x[2 * i + 1] = rng.normal();
      const p = 1 / (1 + Math.exp(-(2 * x[2 * i] - 1 * x[2 * i + 1] + 0.5)));
      y[i] = rng.next() < p ? 1 : 0;
    }
    const model = trainLogistic(x, n, 2, y, { classes: 2, l2: 0, maxIterations: 2000, learningRate: 0.05 });
    const [w1, w2, b] = model.weights;
    expect(Math.abs(w1 - 2)).toBeLessThan(0.12);
    expect(Math.abs(w2 + 1)).toBeLessThan(0.08);
    expect(Math.abs(b - 0.5)).toBeLessThan(0.08);
    const p = predictLogistic(model, new Float32Array([0, 0]), 1);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-b)), 10);
  });

  it('softmax: three classes along one axis, far better than the majority class, rows sum to 1', () => {
    const rng = rngFor(2, 'softmax');
    const n = 3000;
    const x = new Float32Array(n);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = i % 3;
      x[i] = (y[i] - 1) * 3 + rng.normal() * 0.8;
    }
    const model = trainLogistic(x, n, 1, y, { classes: 3, maxIterations: 1500 });
    const p = predictLogistic(model, x, n);
    let right = 0;
    for (let i = 0; i < n; i++) {
      const row = [p[3 * i], p[3 * i + 1], p[3 * i + 2]];
      expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 9);
      if (row.indexOf(Math.max(...row)) === y[i]) right++;
    }
    expect(right / n).toBeGreaterThan(0.85); // the majority class gets 1/3
  });

  it('class weights move the decision toward the up-weighted class', () => {
    const n = 400;
    const x = new Float32Array(n);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = (Math.floor(i / 10) % 20) / 10 - 1; // each block of ten: one positive, nine negatives, the same x
      y[i] = i % 10 === 0 ? 1 : 0; // 10 % positives, unrelated to x
    }
    const plain = predictLogistic(trainLogistic(x, n, 1, y, { classes: 2 }), new Float32Array([0]), 1)[0];
    const weighted = predictLogistic(trainLogistic(x, n, 1, y, { classes: 2, classWeights: [1, 9] }), new Float32Array([0]), 1)[0];
    expect(plain).toBeLessThan(0.2);
    expect(weighted).toBeGreaterThan(0.45); // 1 × 9 positives weigh as much as 9 × 1 negatives: 0.5
  });

  it('a stop asked mid-training ends it before the next step (a cancel in the worker sees it without the event loop)', () => {
    const n = 500;
    const x = Float32Array.from({ length: n }, (_, i) => Math.sin(i));
    const y = Int32Array.from(x, (v) => (v > 0 ? 1 : 0));
    let asked = 0;
    const model = trainLogistic(x, n, 1, y, { classes: 2, maxIterations: 1000, tolerance: 0, shouldStop: () => ++asked > 5 });
    expect(model.iterations).toBe(5);
    expect(asked).toBe(6);
  });
});
