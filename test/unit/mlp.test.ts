import { describe, expect, it } from 'vitest';
import { rngFor } from '../../src/main/services/generator/random';
import { predictLogistic, trainLogistic } from '../../src/main/services/models/logistic';
import { loadMlp, predictMlp, saveMlp, trainMlp } from '../../src/main/services/models/mlp';
import { tfBackend } from '../../src/main/services/models/tfBackend';
import { rocAuc } from '../../src/shared/metrics';

/** Two features; class 1 inside the unit circle (a boundary no linear model can draw). */
function circle(n: number, seed: number) {
  const rng = rngFor(seed, 'circle');
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = rng.normal();
    x[2 * i + 1] = rng.normal();
    y[i] = x[2 * i] ** 2 + x[2 * i + 1] ** 2 < 1.2 ? 1 : 0;
  }
  return { x, n, y };
}

describe('MLP (TensorFlow.js)', () => {
  it('runs on the wasm backend here (tfjs-node does not install offline)', async () => {
    expect(['tensorflow', 'wasm']).toContain(await tfBackend());
  });

  it('learns a circular boundary the linear baseline cannot, and the same seed gives the same model', async () => {
    const train = circle(3000, 1);
    const valid = circle(500, 2);
    const test = circle(1000, 3);
    const options = { classes: 2, seed: 5, epochs: 40, hidden: [32, 16], dropout: 0 };
    const a = await trainMlp(2, train, valid, options);
    const mlpAuc = rocAuc(test.y, predictMlp(a.model, test.x, test.n, 2))!;
    const linear = trainLogistic(train.x, train.n, 2, train.y, { classes: 2 });
    const linearAuc = rocAuc(test.y, predictLogistic(linear, test.x, test.n))!;
    expect(mlpAuc).toBeGreaterThan(0.95);
    expect(linearAuc).toBeLessThan(0.65);
    const b = await trainMlp(2, train, valid, options);
    const head = test.x.subarray(0, 100);
    expect(Array.from(predictMlp(b.model, head, 50, 2))).toEqual(Array.from(predictMlp(a.model, head, 50, 2)));
    expect(b.validLoss).toEqual(a.validLoss);
    // Saved and reloaded (as the run's files), it answers the same.
    const again = await loadMlp(await saveMlp(a.model));
    expect(Array.from(predictMlp(again, test.x, test.n, 2))).toEqual(Array.from(predictMlp(a.model, test.x, test.n, 2)));
    for (const m of [a.model, b.model, again]) m.dispose();
  }, 60_000);

  it('softmax over three classes sums to 1; a cancel stops within the epoch', async () => {
    const rng = rngFor(4, 'blobs');
    const n = 900;
    const x = new Float32Array(n * 2);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = i % 3;
      x[2 * i] = [-2, 0, 2][y[i]] + rng.normal() * 0.5;
      x[2 * i + 1] = rng.normal();
    }
    const rows = { x, n, y };
    let batches = 0;
    const cancelled = await trainMlp(2, rows, rows, { classes: 3, seed: 1, epochs: 50, batchSize: 64 }, {
      onBatch: () => (batches += 1),
      isCancelled: () => batches >= 3,
    });
    expect(batches).toBe(3);
    expect(cancelled.trainLoss).toEqual([]); // no epoch finished
    cancelled.model.dispose();
    const full = await trainMlp(2, rows, rows, { classes: 3, seed: 1, epochs: 30 });
    const p = predictMlp(full.model, x, n, 2);
    let right = 0;
    for (let i = 0; i < n; i++) {
      const row = [p[3 * i], p[3 * i + 1], p[3 * i + 2]];
      expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 5);
      if (row.indexOf(Math.max(...row)) === y[i]) right++;
    }
    expect(right / n).toBeGreaterThan(0.9);
    full.model.dispose();
  }, 60_000);
});
