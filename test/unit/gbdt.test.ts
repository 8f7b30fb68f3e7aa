import { describe, expect, it } from 'vitest';
import {
  fromJSON,
  gainImportance,
  GbdtModelError,
  predictProba,
  toJSON,
  trainGbdt,
  type GbdtModel,
  type GbdtOptions,
} from '../../src/main/services/models/gbdt';
import { binFeatures, quantileEdges } from '../../src/main/services/models/gbdt/binning';
import { buildHistogram, subtractHistogram } from '../../src/main/services/models/gbdt/histogram';
import { sortFloat32 } from '../../src/main/services/models/gbdt/radixSort';

/** A small seeded generator for the test data (independent of the model's own). */
function lcg(seed: number) {
  let s = seed >>> 0;
  const uniform = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
  const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, gauss };
}

interface Rows {
  x: Float32Array;
  y: Int32Array;
  n: number;
}

function rows(n: number, d: number, make: (row: number[], i: number) => number): Rows {
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  const row = new Array<number>(d);
  for (let i = 0; i < n; i++) {
    y[i] = make(row, i);
    for (let f = 0; f < d; f++) x[i * d + f] = row[f];
  }
  return { x, y, n };
}

/** Binary: P(1) > 0.5; multiclass: the most probable class. */
function accuracy(probs: Float64Array, y: Int32Array, k: number): number {
  let right = 0;
  for (let i = 0; i < y.length; i++) {
    let pick = 0;
    if (k === 1) pick = probs[i] > 0.5 ? 1 : 0;
    else for (let c = 1; c < k; c++) if (probs[i * k + c] > probs[i * k + pick]) pick = c;
    if (pick === y[i]) right++;
  }
  return right / y.length;
}

const logLoss = (p: Float64Array, y: Int32Array) => y.reduce((s, yi, i) => s - Math.log(yi ? p[i] : 1 - p[i]), 0) / y.length;

/** XOR with label noise: y = (x1 > 0) xor (x2 > 0), flipped with probability `noise`. */
function xor(n: number, seed: number, noise: number): Rows {
  const r = lcg(seed);
  return rows(n, 2, (row) => {
    row[0] = 2 * r.uniform() - 1;
    row[1] = 2 * r.uniform() - 1;
    const label = row[0] > 0 !== row[1] > 0 ? 1 : 0;
    return r.uniform() < noise ? 1 - label : label;
  });
}

describe('gbdt: a split worked by hand', () => {
  /*
   * Five rows, two features, y = 0 0 1 1 1:
   *   x0: 1 2 3 4 5      x1: 5 1 4 2 3
   * Base score = log-odds of the base rate 0.6 = ln 1.5, so every row has p = 0.6,
   * g = p − y (0.6 for y = 0, −0.4 for y = 1), h = p(1 − p) = 0.24. Totals G = 0, H = 1.2.
   * With λ = 1, gain = ½ [G_L²/(H_L+1) + G_R²/(H_R+1) − 0]:
   *   x0 <= 1.5: L {y0}          G_L = 0.6,  H_L = 0.24 → ½ (0.36/1.24 + 0.36/1.96) = 0.2370
   *   x0 <= 2.5: L {y0, y0}      G_L = 1.2,  H_L = 0.48 → ½ (1.44/1.48 + 1.44/1.72) = 0.9051  ← best
   *   x0 <= 3.5: L {y0, y0, y1}  G_L = 0.8,  H_L = 0.72 → ½ (0.64/1.72 + 0.64/1.48) = 0.4022
   *   x0 <= 4.5: L {y0, y0, y1, y1} G_L = 0.4, H_L = 0.96 → ½ (0.16/1.96 + 0.16/1.24) = 0.1053
   *   x1 (sorted y: 0 1 1 1 0): the best cuts are x1 <= 1.5 and x1 <= 4.5, each 0.2370.
   * Leaves with learning rate 1: left −G_L/(H_L+λ) = −1.2/1.48 = −0.81081, right 1.2/1.72 = 0.69767.
   * No missing value in training, so NaN follows the bigger side (right, 3 rows).
   */
  const x = Float32Array.from([1, 5, 2, 1, 3, 4, 4, 2, 5, 3]);
  const y = Int32Array.from([0, 0, 1, 1, 1]);
  const oneSplit: GbdtOptions = { rounds: 1, learningRate: 1, lambda: 1, minSamplesLeaf: 1, minSumHessian: 0, maxLeaves: 2, earlyStoppingRounds: 0 };

  it('picks feature 0 at 2.5 with the hand-computed gain and leaf values', () => {
    const model = trainGbdt(x, 5, 2, y, oneSplit);
    expect(model.baseScore[0]).toBeCloseTo(Math.log(1.5), 12);
    const [tree] = model.trees;
    expect([...tree.feature]).toEqual([0]);
    expect(tree.threshold[0]).toBe(2.5);
    expect(tree.gain[0]).toBeCloseTo(0.5 * (1.44 / 1.48 + 1.44 / 1.72), 10);
    expect(tree.leafValue[0]).toBeCloseTo(-1.2 / 1.48, 10);
    expect(tree.leafValue[1]).toBeCloseTo(1.2 / 1.72, 10);
    expect([...tree.leafCount]).toEqual([2, 3]);
    expect(tree.defaultLeft[0]).toBe(0);
    const sigmoid = (s: number) => 1 / (1 + Math.exp(-s));
    const p = predictProba(model, Float32Array.from([2, 0, 4, 0, NaN, 0]), 3);
    expect(p[0]).toBeCloseTo(sigmoid(Math.log(1.5) - 1.2 / 1.48), 12);
    expect(p[1]).toBeCloseTo(sigmoid(Math.log(1.5) + 1.2 / 1.72), 12);
    expect(p[2]).toBeCloseTo(p[1], 12);
  });

  it('finds feature 1’s weaker best cut when it is the only feature', () => {
    const x1 = Float32Array.from([5, 1, 4, 2, 3]);
    const model = trainGbdt(x1, 5, 1, y, oneSplit);
    expect(model.trees[0].gain[0]).toBeCloseTo(0.5 * (0.36 / 1.24 + 0.36 / 1.96), 10);
    expect([1.5, 4.5]).toContain(model.trees[0].threshold[0]);
  });

  it('does not split when minSamplesLeaf or minGainToSplit rule every cut out', () => {
    for (const rule of [{ minSamplesLeaf: 3 }, { minGainToSplit: 0.91 }]) {
      const model = trainGbdt(x, 5, 2, y, { ...oneSplit, ...rule });
      expect(model.trees[0].feature.length).toBe(0);
      expect(model.trees[0].leafValue[0]).toBeCloseTo(0, 12); // −G/(H+λ) with G = 0
    }
    // minGainToSplit just under the best gain still allows it
    expect(trainGbdt(x, 5, 2, y, { ...oneSplit, minGainToSplit: 0.9 }).trees[0].threshold[0]).toBe(2.5);
  });
});

describe('gbdt: known behaviour', () => {
  it('fits XOR, which a logistic regression cannot', () => {
    const train = xor(3000, 1, 0.03);
    const test = xor(1000, 2, 0.03);
    const model = trainGbdt(train.x, train.n, 2, train.y, { rounds: 100 });
    const gbdtAccuracy = accuracy(predictProba(model, test.x, test.n), test.y, 1);
    expect(gbdtAccuracy).toBeGreaterThanOrEqual(0.9);

    // Logistic regression on (1, x1, x2) by gradient descent: a line cannot split XOR.
    const w = [0, 0, 0];
    for (let epoch = 0; epoch < 300; epoch++) {
      const grad = [0, 0, 0];
      for (let i = 0; i < train.n; i++) {
        const a = train.x[2 * i];
        const b = train.x[2 * i + 1];
        const e = 1 / (1 + Math.exp(-(w[0] + w[1] * a + w[2] * b))) - train.y[i];
        grad[0] += e;
        grad[1] += e * a;
        grad[2] += e * b;
      }
      for (let j = 0; j < 3; j++) w[j] -= (0.5 * grad[j]) / train.n;
    }
    const linear = new Float64Array(test.n);
    for (let i = 0; i < test.n; i++) linear[i] = 1 / (1 + Math.exp(-(w[0] + w[1] * test.x[2 * i] + w[2] * test.x[2 * i + 1])));
    const linearAccuracy = accuracy(linear, test.y, 1);
    expect(linearAccuracy).toBeGreaterThan(0.35);
    expect(linearAccuracy).toBeLessThan(0.65);
  });

  it('separates three Gaussian blobs far better than the majority class, with probabilities summing to 1', () => {
    const centres = [
      [0, 0],
      [3, 0],
      [0, 3],
    ];
    const blobs = (n: number, seed: number) => {
      const r = lcg(seed);
      return rows(n, 2, (row, i) => {
        const c = i % 4 < 2 ? 0 : (i % 4) - 1; // classes 0, 0, 1, 2: majority share 0.5
        row[0] = centres[c][0] + 0.7 * r.gauss();
        row[1] = centres[c][1] + 0.7 * r.gauss();
        return c;
      });
    };
    const train = blobs(1200, 3);
    const test = blobs(600, 4);
    const model = trainGbdt(train.x, train.n, 2, train.y, { objective: 'multiclass', rounds: 60 });
    expect(model.numClass).toBe(3);
    expect(model.trees.length).toBe(60 * 3);
    const probs = predictProba(model, test.x, test.n);
    expect(probs.length).toBe(test.n * 3);
    for (let i = 0; i < test.n; i++) {
      expect(probs[3 * i] + probs[3 * i + 1] + probs[3 * i + 2]).toBeCloseTo(1, 12);
      for (let c = 0; c < 3; c++) expect(probs[3 * i + c]).toBeGreaterThan(0);
    }
    const majority = test.y.filter((c) => c === 0).length / test.n;
    expect(majority).toBeCloseTo(0.5, 2);
    expect(accuracy(probs, test.y, 3)).toBeGreaterThanOrEqual(0.9);
  });

  it('stops early on noise and keeps the best validation round', () => {
    const r = lcg(5);
    const noise = (n: number) =>
      rows(n, 5, (row) => {
        for (let f = 0; f < 5; f++) row[f] = r.uniform();
        return r.uniform() < 0.5 ? 1 : 0;
      });
    const train = noise(600);
    const valid = noise(400);
    const seen: Array<number | null> = [];
    const model = trainGbdt(
      train.x,
      train.n,
      5,
      train.y,
      { rounds: 300, learningRate: 0.3, minSamplesLeaf: 5, earlyStoppingRounds: 10 },
      { onRound: (round, _train, validLoss) => seen.push(validLoss) },
      valid,
    );
    const { roundsRun, bestRound, stopReason, validLoss } = model.training;
    expect(stopReason).toBe('earlyStopping');
    expect(roundsRun).toBeLessThan(300);
    expect(seen.length).toBe(roundsRun);
    expect(validLoss).toEqual(seen);
    const best = validLoss!.indexOf(Math.min(...validLoss!)) + 1;
    expect(bestRound).toBe(best);
    expect(roundsRun).toBe(best + 10);
    expect(model.trees.length).toBe(best);
    // The kept model scores the validation rows at the best round's loss.
    expect(logLoss(predictProba(model, valid.x, valid.n), valid.y)).toBeCloseTo(validLoss![best - 1], 10);
  });

  it('is deterministic for a seed and differs with another seed when subsampling', () => {
    const data = xor(800, 6, 0.05);
    const x4 = new Float32Array(data.n * 4);
    const r = lcg(7);
    for (let i = 0; i < data.n; i++) x4.set([data.x[2 * i], data.x[2 * i + 1], r.uniform(), r.uniform()], 4 * i);
    const options: GbdtOptions = { rounds: 30, rowSubsample: 0.7, colSubsample: 0.5, seed: 11 };
    const a = trainGbdt(x4, data.n, 4, data.y, options);
    const b = trainGbdt(x4, data.n, 4, data.y, options);
    const c = trainGbdt(x4, data.n, 4, data.y, { ...options, seed: 12 });
    expect(toJSON(a)).toBe(toJSON(b));
    expect(predictProba(a, x4, data.n)).toEqual(predictProba(b, x4, data.n));
    const pa = predictProba(a, x4, data.n);
    const pc = predictProba(c, x4, data.n);
    expect(pa.some((p, i) => Math.abs(p - pc[i]) > 1e-6)).toBe(true);
  });

  it('respects maxLeaves and maxDepth, and ranks the informative features first by gain', () => {
    const data = xor(1000, 17, 0.02);
    const r = lcg(18);
    const x4 = new Float32Array(data.n * 4);
    for (let i = 0; i < data.n; i++) x4.set([r.uniform(), data.x[2 * i], r.uniform(), data.x[2 * i + 1]], 4 * i);
    const depth = (tree: GbdtModel['trees'][number], node = 0): number =>
      tree.feature.length === 0 ? 0 : 1 + Math.max(...[tree.left[node], tree.right[node]].map((c) => (c < 0 ? 0 : depth(tree, c))));
    const leafy = trainGbdt(x4, data.n, 4, data.y, { rounds: 20, maxLeaves: 5, maxDepth: 0, minSamplesLeaf: 1 });
    expect(Math.max(...leafy.trees.map((t) => t.leafValue.length))).toBe(5);
    const shallow = trainGbdt(x4, data.n, 4, data.y, { rounds: 20, maxLeaves: 31, maxDepth: 2, minSamplesLeaf: 1 });
    expect(Math.max(...shallow.trees.map((t) => depth(t)))).toBe(2);
    expect(Math.max(...shallow.trees.map((t) => t.leafValue.length))).toBe(4);
    const importance = gainImportance(leafy);
    expect(Math.min(importance[1], importance[3])).toBeGreaterThan(2 * Math.max(importance[0], importance[2]));
  });

  it('handles missing values: learns where NaN goes and scores NaN rows', () => {
    // y = 1 when x0 is missing or x0 > 0.5; x1 is noise, and entirely missing in x2.
    const r = lcg(8);
    const data = (n: number) =>
      rows(n, 3, (row) => {
        const missing = r.uniform() < 0.3;
        row[0] = missing ? NaN : r.uniform();
        row[1] = r.uniform();
        row[2] = NaN;
        return missing || row[0] > 0.5 ? 1 : 0;
      });
    const train = data(1500);
    const model = trainGbdt(train.x, train.n, 3, train.y, { rounds: 40 });
    const p = predictProba(model, Float32Array.from([NaN, 0.5, NaN, 0.9, 0.5, NaN, 0.1, 0.5, NaN, NaN, NaN, NaN]), 4);
    expect(p[0]).toBeGreaterThan(0.9);
    expect(p[1]).toBeGreaterThan(0.9);
    expect(p[2]).toBeLessThan(0.1);
    expect(Number.isFinite(p[3])).toBe(true);
    // A model that saw no missing value still scores one (it follows the bigger side).
    const complete = xor(500, 9, 0);
    const noNaN = trainGbdt(complete.x, complete.n, 2, complete.y, { rounds: 10 });
    const q = predictProba(noNaN, Float32Array.from([NaN, 0.5, NaN, NaN]), 2);
    expect(q.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it('class weights shift the predictions toward the up-weighted class', () => {
    const r = lcg(10);
    const train = rows(2000, 1, (row) => {
      const positive = r.uniform() < 0.1;
      row[0] = r.gauss() + (positive ? 1 : 0);
      return positive ? 1 : 0;
    });
    const grid = Float32Array.from({ length: 41 }, (_, i) => -2 + i / 10);
    const plain = predictProba(trainGbdt(train.x, train.n, 1, train.y, { rounds: 50 }), grid, grid.length);
    const weighted = predictProba(trainGbdt(train.x, train.n, 1, train.y, { rounds: 50, classWeights: [1, 9] }), grid, grid.length);
    const mean = (p: Float64Array) => p.reduce((s, v) => s + v, 0) / p.length;
    expect(mean(weighted)).toBeGreaterThan(mean(plain) + 0.2);
    expect(weighted.filter((p) => p > 0.5).length).toBeGreaterThan(plain.filter((p) => p > 0.5).length);
  });

  it('shouldStop() cancels within one round and keeps the completed rounds', () => {
    const data = xor(500, 12, 0.05);
    let rounds = 0;
    let stop = false;
    let roundsAfterStop = 0;
    const model = trainGbdt(
      data.x,
      data.n,
      2,
      data.y,
      { objective: 'multiclass', rounds: 100 },
      {
        onRound: () => {
          if (stop) roundsAfterStop++;
          if (++rounds === 3) stop = true;
        },
        shouldStop: () => stop,
      },
    );
    expect(roundsAfterStop).toBe(0);
    expect(model.training).toMatchObject({ roundsRun: 3, bestRound: 3, stopReason: 'cancelled' });
    expect(model.trees.length).toBe(3 * 2);
  });
});

describe('gbdt: saving and loading', () => {
  const data = xor(600, 13, 0.05);
  // Some missing values so that "present / missing" splits (threshold +Infinity) can appear.
  for (let i = 0; i < data.n; i += 7) data.x[2 * i] = NaN;
  const binary = trainGbdt(data.x, data.n, 2, data.y, { rounds: 20 });
  const multi = trainGbdt(data.x, data.n, 2, data.y, { objective: 'multiclass', numClass: 3, rounds: 10, classWeights: [1, 2, 1] });

  it('round-trips through JSON with identical predictions', () => {
    for (const model of [binary, multi]) {
      const json = toJSON(model);
      const loaded = fromJSON(json);
      expect(predictProba(loaded, data.x, data.n)).toEqual(predictProba(model, data.x, data.n));
      expect(toJSON(loaded)).toBe(json);
      expect(loaded.options).toEqual(model.options);
    }
  });

  it('saves the "present / missing" split, whose threshold is +Infinity', () => {
    // One distinct value plus missing rows: the only possible cut sends values left, NaN right.
    const model = trainGbdt(Float32Array.from([1, 1, 1, NaN, NaN, NaN]), 6, 1, Int32Array.from([0, 0, 0, 1, 1, 1]), {
      rounds: 3,
      minSamplesLeaf: 1,
    });
    expect(model.trees[0].threshold[0]).toBe(Infinity);
    expect(model.trees[0].defaultLeft[0]).toBe(0);
    const json = toJSON(model);
    expect(JSON.parse(json).trees[0].threshold).toEqual([null]);
    const probe = Float32Array.from([1, NaN, 1e30]);
    const p = predictProba(fromJSON(json), probe, 3);
    expect(p).toEqual(predictProba(model, probe, 3));
    expect(p[0]).toBeLessThan(0.5);
    expect(p[1]).toBeGreaterThan(0.5);
  });

  it('refuses a corrupted or incompatible model with a clear error', () => {
    const json = toJSON(binary);
    interface Saved {
      format: unknown;
      version: unknown;
      numClass: unknown;
      options: Record<string, unknown>;
      trees: Array<{ feature: unknown[]; left: unknown[]; leafValue: unknown[] }>;
    }
    const edit = (change: (o: Saved) => void) => {
      const o = JSON.parse(json) as Saved;
      change(o);
      return JSON.stringify(o);
    };
    const cases: Array<[string, RegExp]> = [
      [json.slice(0, json.length / 2), /not valid JSON/],
      ['[]', /is not an object/],
      [edit((o) => (o.format = 'something-else')), /Not a GBDT model/],
      [edit((o) => (o.version = 2)), /Incompatible GBDT model: version 2/],
      [edit((o) => (o.trees[0].left[0] = 0)), /trees\[0\]: node 0 has an impossible child 0/],
      [edit((o) => (o.trees[1].feature[0] = 5)), /trees\[1\]\.feature\[0\] = 5/],
      [edit((o) => (o.trees[2].leafValue[0] = 'x')), /trees\[2\]\.leafValue\[0\] = "x" is not a finite number/],
      [edit((o) => o.trees[3].leafValue.pop()), /trees\[3\]\.leafValue has/],
      [edit((o) => o.trees.pop()), /bestRound 20 does not match 19 trees/],
      [edit((o) => (o.options.learningRate = -1)), /options: GBDT option learningRate/],
      [edit((o) => (o.numClass = 3)), /numClass 3 with the binary objective/],
    ];
    for (const [text, message] of cases) {
      expect(() => fromJSON(text)).toThrow(GbdtModelError);
      expect(() => fromJSON(text)).toThrow(message);
    }
  });

  it('checks the shape of what it scores', () => {
    expect(() => predictProba(binary, new Float32Array(5), 2)).toThrow(/n × 2/);
  });
});

describe('gbdt: options and inputs', () => {
  const data = xor(100, 14, 0);
  const bad: Array<[GbdtOptions, RegExp]> = [
    [{ bins: 256 }, /bins must be an integer from 2 to 255/],
    [{ learningRate: 0 }, /learningRate/],
    [{ rowSubsample: 1.5 }, /rowSubsample/],
    [{ classWeights: [1] }, /classWeights must be an array of 2/],
    [{ objective: 'multiclass', numClass: 1 }, /numClass/],
    [{ seed: -1 }, /seed/],
  ];
  it.each(bad)('refuses %j', (options, message) => {
    expect(() => trainGbdt(data.x, data.n, 2, data.y, options)).toThrow(message);
  });

  it('refuses labels outside the classes and mis-sized inputs', () => {
    const y3 = Int32Array.from(data.y, (v, i) => (i === 0 ? 2 : v));
    expect(() => trainGbdt(data.x, data.n, 2, y3, {})).toThrow(/class id 2, but the binary objective has classes 0..1/);
    expect(() => trainGbdt(data.x, data.n, 3, data.y, {})).toThrow(/n × d/);
    expect(() => trainGbdt(data.x, data.n, 2, data.y.subarray(1), {})).toThrow(/Int32Array of n = 100/);
  });
});

describe('gbdt internals', () => {
  it('bins by quantiles, one bin per value when few, ties never split', () => {
    expect([...quantileEdges(Float64Array.from([1, 1, 1, 2, 3]), 255)]).toEqual([1.5, 2.5]);
    // 4 bins over 1..100 plus 50 more copies of 7 (150 values). Greedy: close a bin once it holds
    // rest/binsLeft values: 150/4 = 37.5 is first reached at 7 (6 + 51 = 57 values, the heavy value
    // whole), then 93/3 = 31 values (8..38), then 62/2 = 31 (39..69), the last bin takes 70..100.
    const values = Float64Array.from([...Array.from({ length: 100 }, (_, i) => i + 1), ...Array<number>(50).fill(7)]).sort();
    expect([...quantileEdges(values, 4)]).toEqual([7.5, 38.5, 69.5]);
    const binned = binFeatures(Float32Array.from([NaN, 1, 2, 3]), 4, 1, 255);
    expect([...binned.slots]).toEqual([0, 1, 2, 3]);
  });

  it('radix-sorts float32 like a numeric sort, infinities and signs included', () => {
    const r = lcg(15);
    const values = Float32Array.from({ length: 5000 }, (_, i) => (i % 97 === 0 ? [Infinity, -Infinity, 0, -1e-40][i % 4] : (r.uniform() - 0.5) * 10 ** (r.uniform() * 20 - 10)));
    const expected = [...values].sort((a, b) => a - b);
    sortFloat32(values, new Uint32Array(values.length));
    expect([...values]).toEqual(expected);
  });

  it('histogram subtraction gives the sibling’s histogram', () => {
    const r = lcg(16);
    const n = 200;
    const d = 3;
    const x = Float32Array.from({ length: n * d }, () => (r.uniform() < 0.1 ? NaN : Math.floor(r.uniform() * 10)));
    const binned = binFeatures(x, n, d, 255);
    const grad = Float64Array.from({ length: n }, () => r.uniform() - 0.5);
    const hess = Float64Array.from({ length: n }, () => r.uniform());
    const idx = Int32Array.from({ length: n }, (_, i) => i);
    const size = binned.offset[d] * 3;
    const all = new Float64Array(size);
    const head = new Float64Array(size);
    const tail = new Float64Array(size);
    buildHistogram(all, binned.slots, d, idx, 0, n, grad, hess, null);
    buildHistogram(head, binned.slots, d, idx, 0, 70, grad, hess, null);
    buildHistogram(tail, binned.slots, d, idx, 70, n, grad, hess, null);
    subtractHistogram(all, head, binned.offset, null);
    all.forEach((v, s) => expect(v).toBeCloseTo(tail[s], 12));
  });
});
