import { describe, expect, it } from 'vitest';
import {
  brierScore,
  calibrationCurve,
  classificationReport,
  confusionMatrix,
  liftByDecile,
  logLoss,
  MetricInputError,
  mulberry32,
  multiclassLogLoss,
  ovrPrAuc,
  ovrRocAuc,
  permutationImportance,
  prAuc,
  prCurve,
  rocAuc,
  rocCurve,
  shuffleInPlace,
} from '../../src/shared/metrics';

describe('confusion matrix and classification report', () => {
  /*
   * 10 samples, 3 classes.            predicted
   *   yTrue 0 0 0 0 0 1 1 1 2 2        0  1  2 | support
   *   yPred 0 0 0 1 2 1 1 0 2 1   t0 [ 3, 1, 1 ] 5
   *                               t1 [ 1, 2, 0 ] 3
   *                               t2 [ 0, 1, 1 ] 2
   *                      predicted:    4  4  2
   * class 0: P = 3/4, R = 3/5, F1 = 2·3/(2·3 + 1 + 2) = 6/9 = 2/3
   * class 1: P = 2/4, R = 2/3, F1 = 4/(4 + 2 + 1) = 4/7
   * class 2: P = 1/2, R = 1/2, F1 = 2/(2 + 1 + 1) = 1/2
   * accuracy = (3 + 2 + 1)/10 = 0.6
   * macro:    P = (3/4 + 1/2 + 1/2)/3 = 7/12, R = (3/5 + 2/3 + 1/2)/3 = 53/90, F1 = (2/3 + 4/7 + 1/2)/3 = 73/126
   * weighted: P = (5·3/4 + 3·1/2 + 2·1/2)/10 = 0.625, R = (3 + 2 + 1)/10 = 0.6,
   *           F1 = (5·2/3 + 3·4/7 + 2·1/2)/10 = (10/3 + 12/7 + 1)/10 = 127/210
   */
  const yTrue = Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1, 2, 2]);
  const yPred = Int32Array.from([0, 0, 0, 1, 2, 1, 1, 0, 2, 1]);

  it('counts rows as the true class and columns as the predicted one', () => {
    expect(confusionMatrix(yTrue, yPred, 3)).toEqual([
      [3, 1, 1],
      [1, 2, 0],
      [0, 1, 1],
    ]);
  });

  it('gives per-class, macro and weighted precision, recall and F1 as worked out by hand', () => {
    const r = classificationReport(yTrue, yPred, 3);
    const expected = [
      { precision: 3 / 4, recall: 3 / 5, f1: 2 / 3, support: 5 },
      { precision: 1 / 2, recall: 2 / 3, f1: 4 / 7, support: 3 },
      { precision: 1 / 2, recall: 1 / 2, f1: 1 / 2, support: 2 },
    ];
    r.perClass.forEach((c, k) => {
      expect(c.precision, `class ${k}`).toBeCloseTo(expected[k].precision, 12);
      expect(c.recall, `class ${k}`).toBeCloseTo(expected[k].recall, 12);
      expect(c.f1, `class ${k}`).toBeCloseTo(expected[k].f1, 12);
      expect(c.support, `class ${k}`).toBe(expected[k].support);
    });
    expect(r.accuracy).toBeCloseTo(0.6, 12);
    expect(r.macro.precision).toBeCloseTo(7 / 12, 12);
    expect(r.macro.recall).toBeCloseTo(53 / 90, 12);
    expect(r.macro.f1).toBeCloseTo(73 / 126, 12);
    expect(r.macro.support).toBe(10);
    expect(r.weighted.precision).toBeCloseTo(0.625, 12);
    expect(r.weighted.recall).toBeCloseTo(0.6, 12);
    expect(r.weighted.f1).toBeCloseTo(127 / 210, 12);
    expect(r.confusion[0]).toEqual([3, 1, 1]);
  });

  it('follows scikit-learn when a class is never predicted or never occurs: 0, counted in macro, weightless in weighted', () => {
    /*
     * classes 0…3; yTrue 0 1 2 2, yPred 0 1 1 0. Class 2 is never predicted: precision 0/0 → 0, recall 0/2 = 0.
     * Class 3 occurs nowhere: all 0, support 0. Class 1: P = 1/2, R = 1, F1 = 2/(2 + 1 + 0) = 2/3. Class 0 the same.
     * macro P = (1/2 + 1/2 + 0 + 0)/4 = 1/4, macro F1 = (2/3 + 2/3)/4 = 1/3;
     * weighted P = (1·1/2 + 1·1/2 + 2·0 + 0)/4 = 1/4, weighted R = (1 + 1 + 0)/4 = 1/2 = accuracy.
     */
    const r = classificationReport([0, 1, 2, 2], [0, 1, 1, 0], 4);
    expect(r.perClass[2]).toEqual({ precision: 0, recall: 0, f1: 0, support: 2 });
    expect(r.perClass[3]).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
    expect(r.perClass[1].f1).toBeCloseTo(2 / 3, 12);
    expect(r.macro.precision).toBeCloseTo(1 / 4, 12);
    expect(r.macro.f1).toBeCloseTo(1 / 3, 12);
    expect(r.weighted.precision).toBeCloseTo(1 / 4, 12);
    expect(r.weighted.recall).toBeCloseTo(1 / 2, 12);
    expect(r.accuracy).toBe(0.5);
  });

  it('refuses empty input, lengths that differ and labels outside 0…k−1', () => {
    expect(() => classificationReport(new Int32Array(0), new Int32Array(0), 3)).toThrow(/classificationReport|confusionMatrix/);
    expect(() => confusionMatrix(new Int32Array(0), new Int32Array(0), 3)).toThrow(/empty input/);
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(/length mismatch: yTrue has 2 values, yPred has 1/);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/yTrue\[1\] is 3/);
    expect(() => confusionMatrix([0, 1], [0, -1], 3)).toThrow(/yPred\[1\] is -1/);
    expect(() => confusionMatrix([0, 1], [0, 1], 0)).toThrow(/classes must be an integer ≥ 1/);
    expect(() => confusionMatrix([0], [0], 1)).not.toThrow();
    expect(() => confusionMatrix([], [], 2)).toThrow(MetricInputError);
  });
});

describe('ROC', () => {
  /*
   * 4 positives (0.9, 0.8, 0.6, 0.4) and 4 negatives (0.7, 0.6, 0.3, 0.1), one tie at 0.6. Given shuffled.
   * Pairs (positive above negative = 1, tie = ½), out of 4·4 = 16:
   *   0.9 beats all 4 → 4;  0.8 beats all 4 → 4;  0.6 beats 0.3, 0.1 and ties 0.6 → 2.5;  0.4 beats 0.3, 0.1 → 2
   *   AUC = 12.5/16 = 0.78125.
   * Same by ranks (ascending, tie averaged): positives hold ranks 3, 4.5, 7, 8 → 22.5; U = 22.5 − 4·5/2 = 12.5.
   */
  const scores = Float64Array.from([0.6, 0.1, 0.9, 0.7, 0.4, 0.3, 0.8, 0.6]);
  const yTrue = Uint8Array.from([1, 0, 1, 0, 1, 0, 1, 0]);

  it('ROC-AUC counts a tied pair as one half', () => {
    expect(rocAuc(yTrue, scores)).toBeCloseTo(12.5 / 16, 12);
    // breaking the tie in the positive's favour adds the missing half pair
    const untied = Float64Array.from(scores);
    untied[0] = 0.65;
    expect(rocAuc(yTrue, untied)).toBeCloseTo(13 / 16, 12);
  });

  it('gives 1 for a perfect ranking, 0 for a reversed one and 0.5 when every score is equal', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
    expect(rocAuc([0, 0, 1, 1], [0.4, 0.3, 0.2, 0.1])).toBe(0);
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
  });

  it('the curve steps through each distinct score, the tie in one step, and its trapezoid area is the AUC', () => {
    /*
     * threshold  tp fp   (fpr, tpr)
     *   +∞        0  0   (0, 0)
     *   0.9       1  0   (0, .25)
     *   0.8       2  0   (0, .5)
     *   0.7       2  1   (.25, .5)
     *   0.6       3  2   (.5, .75)   ← the positive and the negative at 0.6 enter together
     *   0.4       4  2   (.5, 1)
     *   0.3       4  3   (.75, 1)
     *   0.1       4  4   (1, 1)
     * trapezoids: .25·.5 + .25·(.5 + .75)/2 + .25·1 + .25·1 = .125 + .15625 + .25 + .25 = .78125
     */
    const curve = rocCurve(yTrue, scores)!;
    expect(curve.map((p) => [p.threshold, p.fpr, p.tpr])).toEqual([
      [Infinity, 0, 0],
      [0.9, 0, 0.25],
      [0.8, 0, 0.5],
      [0.7, 0.25, 0.5],
      [0.6, 0.5, 0.75],
      [0.4, 0.5, 1],
      [0.3, 0.75, 1],
      [0.1, 1, 1],
    ]);
    let area = 0;
    for (let i = 1; i < curve.length; i++) area += ((curve[i].fpr - curve[i - 1].fpr) * (curve[i].tpr + curve[i - 1].tpr)) / 2;
    expect(area).toBeCloseTo(0.78125, 12);
  });

  it('is undefined (null) when yTrue holds one class only', () => {
    expect(rocAuc([1, 1, 1], [0.2, 0.5, 0.9])).toBeNull();
    expect(rocAuc([0, 0], [0.2, 0.5])).toBeNull();
    expect(rocCurve([0, 0], [0.2, 0.5])).toBeNull();
  });

  it('refuses empty input, mismatched lengths, labels other than 0/1 and non-finite scores', () => {
    expect(() => rocAuc([], [])).toThrow(/rocAuc: empty input/);
    expect(() => rocAuc([0, 1, 1], [0.1, 0.2])).toThrow(/rocAuc: length mismatch: yTrue has 3 values, scores has 2/);
    expect(() => rocAuc([0, 2], [0.1, 0.2])).toThrow(/yTrue\[1\] is 2; binary labels must be 0 or 1/);
    expect(() => rocAuc([0, 1], [0.1, NaN])).toThrow(/scores\[1\] is NaN/);
    expect(() => rocCurve([], [])).toThrow(MetricInputError);
  });
});

describe('precision–recall', () => {
  // The same 8 samples as the ROC test.
  const scores = Float64Array.from([0.6, 0.1, 0.9, 0.7, 0.4, 0.3, 0.8, 0.6]);
  const yTrue = Uint8Array.from([1, 0, 1, 0, 1, 0, 1, 0]);

  it('average precision is Σ (Rₙ − Rₙ₋₁)·Pₙ with the tie as one threshold', () => {
    /*
     * threshold  tp fp   P      R     ΔR·P
     *   0.9       1  0   1      .25   .25
     *   0.8       2  0   1      .5    .25
     *   0.7       2  1   2/3    .5    0
     *   0.6       3  2   3/5    .75   .15     (split ties would give P = 3/4 here instead)
     *   0.4       4  2   2/3    1     1/6
     *   0.3, 0.1              R stays 1      0
     * AP = .25 + .25 + .15 + 1/6 = 49/60
     */
    expect(prAuc(yTrue, scores)).toBeCloseTo(49 / 60, 12);
  });

  it('the curve starts at (recall 0, precision 1) and steps through each distinct score', () => {
    const curve = prCurve(yTrue, scores)!;
    expect(curve.map((p) => p.threshold)).toEqual([Infinity, 0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.1]);
    expect(curve.map((p) => p.recall)).toEqual([0, 0.25, 0.5, 0.5, 0.75, 1, 1, 1]);
    const precision = [1, 1, 1, 2 / 3, 3 / 5, 2 / 3, 4 / 7, 4 / 8];
    curve.forEach((p, i) => expect(p.precision, `point ${i}`).toBeCloseTo(precision[i], 12));
  });

  it('is null with no positive, 1 with no negative, and 1 for a perfect ranking', () => {
    expect(prAuc([0, 0, 0], [0.1, 0.5, 0.9])).toBeNull();
    expect(prCurve([0, 0, 0], [0.1, 0.5, 0.9])).toBeNull();
    expect(prAuc([1, 1], [0.1, 0.5])).toBe(1);
    expect(prAuc([0, 1, 0, 1], [0.1, 0.8, 0.2, 0.9])).toBe(1);
    // one positive ranked last of 4: P = 1/4 at R = 1
    expect(prAuc([1, 0, 0, 0], [0.1, 0.8, 0.2, 0.9])).toBeCloseTo(0.25, 12);
  });

  it('refuses bad input like the ROC functions', () => {
    expect(() => prAuc([], [])).toThrow(/prAuc: empty input/);
    expect(() => prAuc([1], [0.1, 0.2])).toThrow(/length mismatch/);
    expect(() => prCurve([1, 0], [Infinity, 0.2])).toThrow(/scores\[0\] is Infinity/);
  });
});

describe('one-vs-rest macro ROC-AUC and PR-AUC', () => {
  /*
   * 6 samples, k = 4, class 3 never occurs. Probability rows (p0, p1, p2, p3):
   *   y0: .6 .2 .1 .1 | y0: .3 .3 .3 .1 | y1: .2 .5 .2 .1 | y1: .4 .4 .1 .1 | y2: .1 .2 .6 .1 | y2: .3 .1 .5 .1
   * class 0: positives .6, .3; negatives .2, .4, .1, .3.
   *   pairs: .6 beats 4 → 4; .3 beats .2 and .1, ties .3 → 2.5; AUC = 6.5/8 = 0.8125
   *   AP: .6 (tp1 fp0, P 1, R .5) → .5; .4 (fp1); .3 (tp2 fp2, P .5, R 1) → .5·.5 = .25; AP = .75
   * class 1: positives .5, .4 above every negative (.2 .3 .2 .1) → AUC 1, AP 1
   * class 2: positives .6, .5 above every negative (.1 .3 .2 .1) → AUC 1, AP 1
   * class 3: absent → skipped. Macro AUC = (.8125 + 1 + 1)/3 = 0.9375; macro AP = (.75 + 1 + 1)/3 = 11/12
   */
  const yTrue = Int32Array.from([0, 0, 1, 1, 2, 2]);
  const probs = Float64Array.from([
    0.6, 0.2, 0.1, 0.1,
    0.3, 0.3, 0.3, 0.1,
    0.2, 0.5, 0.2, 0.1,
    0.4, 0.4, 0.1, 0.1,
    0.1, 0.2, 0.6, 0.1,
    0.3, 0.1, 0.5, 0.1,
  ]);

  it('averages the per-class values over the classes present and names the class skipped', () => {
    const roc = ovrRocAuc(yTrue, probs, 4);
    expect(roc.perClass[0]).toBeCloseTo(0.8125, 12);
    expect(roc.perClass.slice(1)).toEqual([1, 1, null]);
    expect(roc.macro).toBeCloseTo(0.9375, 12);
    expect(roc.skipped).toEqual([{ classIndex: 3, reason: 'absent' }]);

    const pr = ovrPrAuc(yTrue, probs, 4);
    expect(pr.perClass[0]).toBeCloseTo(0.75, 12);
    expect(pr.perClass.slice(1)).toEqual([1, 1, null]);
    expect(pr.macro).toBeCloseTo(11 / 12, 12);
    expect(pr.skipped).toEqual([{ classIndex: 3, reason: 'absent' }]);
  });

  it('skips every class when yTrue holds one class only (macro ROC-AUC null)', () => {
    const roc = ovrRocAuc([1, 1], [0.2, 0.8, 0.4, 0.6], 2);
    expect(roc.macro).toBeNull();
    expect(roc.skipped).toEqual([
      { classIndex: 0, reason: 'absent' },
      { classIndex: 1, reason: 'onlyClass' },
    ]);
    // PR for the one class present is defined: precision is 1 everywhere
    expect(ovrPrAuc([1, 1], [0.2, 0.8, 0.4, 0.6], 2).macro).toBe(1);
  });

  it('refuses a matrix of the wrong size, labels out of range and empty input', () => {
    expect(() => ovrRocAuc(yTrue, probs.subarray(1), 4)).toThrow(/ovrRocAuc: length mismatch: probabilities has 23 values, expected .* 6 × 4/);
    expect(() => ovrPrAuc([0, 4], new Float64Array(8), 4)).toThrow(/yTrue\[1\] is 4/);
    expect(() => ovrRocAuc([], [], 3)).toThrow(/empty input/);
  });
});

describe('lift by decile', () => {
  /*
   * 20 customers, 6 positives (overall rate 0.3). By original index: [score, churned]
   * Sorted by score, highest first (position: index score y); the two 0.80s keep index order, 3 before 12:
   *   D1: 1 .95 1, 6 .90 1     → 2 pos, rate 1,  lift 1/.3 = 3.333, gain 2/6,  cum. lift (2/2)/.3 = 3.333
   *   D2: 10 .85 0, 3 .80 1    → 1 pos, rate .5, lift 1.667,      gain 3/6,  cum. lift (3/4)/.3 = 2.5
   *   D3: 12 .80 0, 8 .70 0    → 0,     rate 0,  lift 0,          gain 3/6,  cum. lift (3/6)/.3 = 1.667
   *   D4: 15 .65 1, 5 .60 0    → 1,     .5,      1.667,           gain 4/6,  (4/8)/.3 = 1.667
   *   D5: 13 .55 0, 17 .50 0   → 0,     0,       0,               gain 4/6,  (4/10)/.3 = 1.333
   *   D6: 0 .45 1, 9 .40 0     → 1,     .5,      1.667,           gain 5/6,  (5/12)/.3 = 1.389
   *   D7: 16 .35 0, 2 .30 0    → 0                                gain 5/6,  (5/14)/.3 = 1.190
   *   D8: 14 .25 0, 18 .20 0   → 0                                gain 5/6,  (5/16)/.3 = 1.042
   *   D9: 7 .15 1, 19 .10 0    → 1,     .5,      1.667,           gain 6/6,  (6/18)/.3 = 1.111
   *   D10: 4 .05 0, 11 .01 0   → 0                                gain 1,    1
   * Breaking the 0.80 tie the other way would move the positive from D2 to D3.
   */
  const customers: [number, number][] = [
    [0.45, 1], [0.95, 1], [0.3, 0], [0.8, 1], [0.05, 0], [0.6, 0], [0.9, 1], [0.15, 1], [0.7, 0], [0.4, 0],
    [0.85, 0], [0.01, 0], [0.8, 0], [0.55, 0], [0.25, 0], [0.65, 1], [0.35, 0], [0.5, 0], [0.2, 0], [0.1, 0],
  ];
  const scores = Float64Array.from(customers.map((c) => c[0]));
  const yTrue = Uint8Array.from(customers.map((c) => c[1]));

  it('builds the marketer table worked out by hand', () => {
    const t = liftByDecile(yTrue, scores)!;
    expect(t.customers).toBe(20);
    expect(t.positives).toBe(6);
    expect(t.overallRate).toBeCloseTo(0.3, 12);
    expect(t.rows.map((r) => r.group)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(t.rows.map((r) => r.customers)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(t.rows.map((r) => r.positives)).toEqual([2, 1, 0, 1, 0, 1, 0, 0, 1, 0]);
    expect(t.rows.map((r) => r.rate)).toEqual([1, 0.5, 0, 0.5, 0, 0.5, 0, 0, 0.5, 0]);
    const lift = [10 / 3, 5 / 3, 0, 5 / 3, 0, 5 / 3, 0, 0, 5 / 3, 0];
    const gain = [2 / 6, 3 / 6, 3 / 6, 4 / 6, 4 / 6, 5 / 6, 5 / 6, 5 / 6, 1, 1];
    const cumulativeLift = [10 / 3, 2.5, 5 / 3, 5 / 3, 4 / 3, 25 / 18, 25 / 21, 25 / 24, 10 / 9, 1];
    t.rows.forEach((r, i) => {
      expect(r.lift, `decile ${i + 1}`).toBeCloseTo(lift[i], 12);
      expect(r.cumulativeGain, `decile ${i + 1}`).toBeCloseTo(gain[i], 12);
      expect(r.cumulativeLift, `decile ${i + 1}`).toBeCloseTo(cumulativeLift[i], 12);
    });
    expect(t.rows.map((r) => [r.maxScore, r.minScore])).toEqual([
      [0.95, 0.9], [0.85, 0.8], [0.8, 0.7], [0.65, 0.6], [0.55, 0.5], [0.45, 0.4], [0.35, 0.3], [0.25, 0.2], [0.15, 0.1], [0.05, 0.01],
    ]);
  });

  it('splits a tie on a decile boundary by original index, whatever the input order', () => {
    // Swap which customer of the 0.80 pair is the positive: the positive now has the later index (12).
    const swapped = Uint8Array.from(yTrue);
    swapped[3] = 0;
    swapped[12] = 1;
    const t = liftByDecile(swapped, scores)!;
    expect(t.rows[1].positives).toBe(0);
    expect(t.rows[2].positives).toBe(1);
  });

  it('cuts n not divisible by 10 at ⌊g·n/10⌋: 25 customers give groups of 2 and 3 alternately', () => {
    const n = 25;
    const y = new Uint8Array(n);
    y[0] = 1;
    const s = Float64Array.from({ length: n }, (_, i) => n - i);
    const t = liftByDecile(y, s)!;
    expect(t.rows.map((r) => r.customers)).toEqual([2, 3, 2, 3, 2, 3, 2, 3, 2, 3]);
    expect(t.rows[0].lift).toBeCloseTo(0.5 / (1 / 25), 12);
    expect(t.rows[9].cumulativeGain).toBe(1);
  });

  it('returns null with no positive, throws with fewer customers than groups or bad input', () => {
    expect(liftByDecile(new Uint8Array(10), Float64Array.from({ length: 10 }, (_, i) => i))).toBeNull();
    expect(() => liftByDecile([1, 0, 1], [0.3, 0.2, 0.1])).toThrow(/3 customers cannot fill 10 groups/);
    expect(liftByDecile([1, 0, 1], [0.3, 0.2, 0.1], 3)!.rows.map((r) => r.positives)).toEqual([1, 0, 1]);
    expect(() => liftByDecile([], [])).toThrow(/liftByDecile: empty input/);
    expect(() => liftByDecile([1, 0], [0.3])).toThrow(/length mismatch/);
  });
});

describe('calibration', () => {
  /*
   * 10 predictions, default 10 bins of width 0.1:
   *   p: .05 .15 .12 .55 .58 .95 .91 .99 1.0 0.0
   *   y:  0   0   1   1   0   1   1   1   0   0
   * bin 0 [0, .1):  .05(0), 0(0)                → 2, mean .025,  observed 0,   gap .025
   * bin 1 [.1, .2): .15(0), .12(1)              → 2, mean .135,  observed .5,  gap .365
   * bin 5 [.5, .6): .55(1), .58(0)              → 2, mean .565,  observed .5,  gap .065
   * bin 9 [.9, 1]:  .95(1) .91(1) .99(1) 1(0)   → 4, mean .9625, observed .75, gap .2125
   * ECE = (2·.025 + 2·.365 + 2·.065 + 4·.2125)/10 = (.05 + .73 + .13 + .85)/10 = .176
   * Brier: .0025 + .0225 + .7744 + .2025 + .3364 + .0025 + .0081 + .0001 + 1 + 0 = 2.349 → .2349
   */
  const p = Float64Array.from([0.05, 0.15, 0.12, 0.55, 0.58, 0.95, 0.91, 0.99, 1.0, 0.0]);
  const y = Uint8Array.from([0, 0, 1, 1, 0, 1, 1, 1, 0, 0]);

  it('bins by hand, with the Brier score and the expected calibration error', () => {
    const c = calibrationCurve(y, p);
    expect(c.bins).toHaveLength(10);
    expect(c.bins.map((b) => b.count)).toEqual([2, 2, 0, 0, 0, 2, 0, 0, 0, 4]);
    const mean = [0.025, 0.135, null, null, null, 0.565, null, null, null, 0.9625];
    const observed = [0, 0.5, null, null, null, 0.5, null, null, null, 0.75];
    c.bins.forEach((b, i) => {
      if (mean[i] === null) expect(b.meanPredicted, `bin ${i}`).toBeNull();
      else expect(b.meanPredicted, `bin ${i}`).toBeCloseTo(mean[i]!, 12);
      expect(b.observedRate, `bin ${i}`).toBe(observed[i]);
    });
    expect(c.bins[3]).toMatchObject({ lower: 0.3, upper: 0.4 });
    expect(c.bins[9].upper).toBe(1);
    expect(c.ece).toBeCloseTo(0.176, 12);
    expect(c.brier).toBeCloseTo(0.2349, 12);
    expect(brierScore(y, p)).toBeCloseTo(0.2349, 12);
  });

  it('puts a probability on an edge into the bin that starts there (0.3 → [0.3, 0.4)), 1 into the last bin', () => {
    const c = calibrationCurve([0, 1, 0, 1, 1], [0.1, 0.3, 0.7, 0.2, 1], 10);
    expect(c.bins.map((b) => b.count)).toEqual([0, 1, 1, 1, 0, 0, 0, 1, 0, 1]);
    const five = calibrationCurve([0, 1, 1], [0.2, 0.4, 0.6], 5);
    expect(five.bins.map((b) => b.count)).toEqual([0, 1, 1, 1, 0]);
    // where floor(p·bins) misses in floating point: (1/49)·49 = 0.999… (floor says bin 0), and the double
    // just below 17/25 times 25 rounds up to 17 (floor says bin 17); the edge comparison gets both right
    const b49 = calibrationCurve([1], [1 / 49], 49).bins;
    expect(b49[1].count).toBe(1);
    expect(b49[0].count).toBe(0);
    const justBelow = 17 / 25 - Number.EPSILON / 2;
    expect(justBelow).toBeLessThan(17 / 25);
    const b25 = calibrationCurve([1], [justBelow], 25).bins;
    expect(b25[16].count).toBe(1);
    expect(b25[17].count).toBe(0);
  });

  it('a perfectly calibrated bin set has ECE 0', () => {
    // bin [.2, .3): four at .25, one positive; bin [.7, .8): four at .75, three positive
    const c = calibrationCurve([1, 0, 0, 0, 1, 1, 1, 0], [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75]);
    expect(c.ece).toBeCloseTo(0, 12);
    // Brier: 2·(.75² + 3·.25²)/8 = 2·.75/8 = .1875
    expect(c.brier).toBeCloseTo(0.1875, 12);
  });

  it('refuses probabilities outside [0, 1], empty input and mismatched lengths', () => {
    expect(() => calibrationCurve([0, 1], [0.5, 1.2])).toThrow(/probabilities\[1\] is 1.2; probabilities must lie in \[0, 1\]/);
    expect(() => calibrationCurve([], [])).toThrow(/calibrationCurve: empty input/);
    expect(() => brierScore([0, 1], [0.5])).toThrow(/length mismatch/);
    expect(() => calibrationCurve([0], [0.5], 0)).toThrow(/bins must be an integer ≥ 1/);
  });
});

describe('log-loss', () => {
  it('binary: −mean(y ln p + (1 − y) ln(1 − p))', () => {
    // y 1 0 1 0, p .9 .1 .8 .35 → −(ln .9 + ln .9 + ln .8 + ln .65)/4 = (0.1053605·2 + 0.2231436 + 0.4307829)/4
    expect(logLoss([1, 0, 1, 0], [0.9, 0.1, 0.8, 0.35])).toBeCloseTo(0.2161619, 6);
    expect(logLoss([1, 0], [0.5, 0.5])).toBeCloseTo(Math.LN2, 12);
  });

  it('binary: clips a certain mistake to −ln 1e-15 ≈ 34.54 instead of Infinity', () => {
    expect(logLoss([0], [1])).toBeCloseTo(-Math.log(1e-15), 6);
    expect(logLoss([1], [1])).toBeLessThan(1e-14);
  });

  it('multiclass: −mean ln p(true class)', () => {
    // y 0 2 1; p(true) = .7, .6, .5 → (0.3566749 + 0.5108256 + 0.6931472)/3 = 0.5202159
    const p = Float64Array.from([0.7, 0.2, 0.1, 0.1, 0.3, 0.6, 0.25, 0.5, 0.25]);
    expect(multiclassLogLoss([0, 2, 1], p, 3)).toBeCloseTo(0.5202159, 6);
  });

  it('refuses rows that do not sum to 1, probabilities out of range, bad shapes', () => {
    expect(() => multiclassLogLoss([0], [0.5, 0.4], 2)).toThrow(/row 0 of probabilities sums to 0.9/);
    expect(() => multiclassLogLoss([0, 1], [0.5, 0.5], 2)).toThrow(/length mismatch/);
    expect(() => logLoss([0, 1], [-0.1, 0.5])).toThrow(/probabilities\[0\] is -0.1/);
    expect(() => logLoss([], [])).toThrow(/logLoss: empty input/);
  });
});

describe('permutation importance', () => {
  /*
   * 8 rows, 2 features. The "model" predicts 1 when feature 0 > 0.5 and ignores feature 1; labels are
   * exactly that rule, so the baseline accuracy is 1. Shuffling feature 1 changes nothing (drop exactly
   * 0 every repeat); shuffling feature 0 breaks the rule for some rows (drop > 0).
   */
  const n = 8;
  const d = 2;
  const f0 = [0.9, 0.1, 0.8, 0.2, 0.7, 0.3, 0.6, 0.4];
  const f1 = [5, 3, 8, 1, 9, 2, 7, 4];
  const x = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    x[i * d] = f0[i];
    x[i * d + 1] = f1[i];
  }
  const labels = f0.map((v) => (v > 0.5 ? 1 : 0));
  const accuracy = (data: Float32Array) => {
    let correct = 0;
    for (let i = 0; i < n; i++) if ((data[i * d] > 0.5 ? 1 : 0) === labels[i]) correct++;
    return correct / n;
  };

  it('gives the unused feature zero importance and the used one a positive one, ranked first', () => {
    const before = x.slice();
    const r = permutationImportance(accuracy, x, n, d, ['f0', 'f1'], { repeats: 5, seed: 7 });
    expect(r.baseline).toBe(1);
    expect(r.features.map((f) => f.feature)).toEqual(['f0', 'f1']);
    const [used, unused] = r.features;
    expect(used.index).toBe(0);
    expect(used.mean).toBeGreaterThan(0);
    expect(used.drops).toHaveLength(5);
    expect(unused).toMatchObject({ feature: 'f1', index: 1, mean: 0, std: 0, drops: [0, 0, 0, 0, 0] });
    expect(Array.from(x)).toEqual(Array.from(before));
  });

  it('leaves x unchanged even when predictScore writes into what it is given, and shuffles only within a column', () => {
    const before = x.slice();
    const sorted = (a: number[]) => [...a].sort((p, q) => p - q);
    const seen: number[][] = [];
    permutationImportance(
      (data) => {
        seen.push(sorted(Array.from({ length: n }, (_, i) => data[i * d])), sorted(Array.from({ length: n }, (_, i) => data[i * d + 1])));
        return 0;
      },
      x,
      n,
      d,
      ['f0', 'f1'],
      { repeats: 3, seed: 1 },
    );
    // every call sees each column as a permutation of its original values (no value leaks between columns)
    expect(seen).toHaveLength(2 * (1 + 2 * 3));
    for (let k = 0; k < seen.length; k += 2) {
      expect(seen[k]).toEqual(sorted(Array.from(x.filter((_, i) => i % d === 0))));
      expect(seen[k + 1]).toEqual(sorted(f1));
    }
    permutationImportance(
      (data) => {
        data.fill(-1);
        return 0;
      },
      x,
      n,
      d,
      ['f0', 'f1'],
      { repeats: 2, seed: 1 },
    );
    expect(Array.from(x)).toEqual(Array.from(before));
  });

  it('takes the mean and population std of the drops, in the documented call order', () => {
    // scores handed back in call order: baseline 1; f0 repeats .5 .7 .9 → drops .5 .3 .1, mean .3,
    // std √((.2² + 0 + .2²)/3) = √(.08/3); f1 repeats 1.1 1.1 1.1 → drops −.1, mean −.1, std 0 → ranked last
    const sequence = [1, 0.5, 0.7, 0.9, 1.1, 1.1, 1.1];
    let call = 0;
    const r = permutationImportance(() => sequence[call++], x, n, d, ['a', 'b'], { repeats: 3, seed: 0 });
    expect(call).toBe(7);
    expect(r.features[0].feature).toBe('a');
    expect(r.features[0].mean).toBeCloseTo(0.3, 12);
    expect(r.features[0].std).toBeCloseTo(Math.sqrt(0.08 / 3), 12);
    expect(r.features[1].mean).toBeCloseTo(-0.1, 12);
    expect(r.features[1].std).toBeCloseTo(0, 12);
  });

  it('is repeatable with the same seed', () => {
    const a = permutationImportance(accuracy, x, n, d, ['f0', 'f1'], { repeats: 4, seed: 42 });
    const b = permutationImportance(accuracy, x, n, d, ['f0', 'f1'], { repeats: 4, seed: 42 });
    expect(b).toEqual(a);
  });

  it('refuses a shape that does not match, missing names, zero repeats and a non-finite metric', () => {
    const opts = { repeats: 2, seed: 1 };
    expect(() => permutationImportance(accuracy, x, n, 3, ['a', 'b', 'c'], opts)).toThrow(/x has 16 values, expected n × d = 8 × 3/);
    expect(() => permutationImportance(accuracy, x, n, d, ['a'], opts)).toThrow(/1 feature names for 2 columns/);
    expect(() => permutationImportance(accuracy, x, n, d, ['a', 'b'], { repeats: 0, seed: 1 })).toThrow(/repeats must be an integer ≥ 1/);
    expect(() => permutationImportance(() => NaN, x, n, d, ['a', 'b'], opts)).toThrow(/predictScore returned NaN/);
    expect(() => permutationImportance(accuracy, new Float32Array(0), 0, d, ['a', 'b'], opts)).toThrow(/n must be an integer ≥ 1/);
  });
});

describe('mulberry32 and the shuffle', () => {
  it('is deterministic per seed, stays in [0, 1) and is roughly uniform', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const c = mulberry32(124);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    const r = mulberry32(9);
    let sum = 0;
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 10_000; i++) {
      const v = r();
      if (!(v >= 0 && v < 1)) outside++;
      sum += v;
      buckets[Math.floor(v * 10)]++;
    }
    expect(outside).toBe(0);
    expect(sum / 10_000).toBeGreaterThan(0.48);
    expect(sum / 10_000).toBeLessThan(0.52);
    for (const count of buckets) expect(count).toBeGreaterThan(900);
  });

  it('shuffles into a permutation of the same values', () => {
    const values = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    shuffleInPlace(values, mulberry32(5));
    expect(Array.from(values).sort((p, q) => p - q)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(values)).not.toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
