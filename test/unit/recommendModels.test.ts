import { describe, expect, it } from 'vitest';
import { cumulative, pick, rngFor } from '../../src/main/services/generator/random';
import {
  evaluateSampled,
  fitImplicitMf,
  fitItemKnn,
  fitPopularity,
  fitPreference,
  fitRandom,
  interactionsFromPairs,
  itemNeighbours,
  itemsOf,
  leaveOneOut,
  levelOf,
  preferenceInputFromRows,
  quintileCuts,
  sampleEvaluationNegatives,
  transpose,
  type Interactions,
  type PurchaseRows,
} from '../../src/main/services/models/recommend';

/**
 * Planted taste: 600 users in 4 groups (user u in group u mod 4), 160 items in 4 blocks of 40. Each
 * user makes 8–19 purchases in day order: 70 % from the group's block, 30 % from the whole catalogue,
 * both weighted by one item popularity (lognormal), so popularity alone explains part of the data.
 */
function plantedRows(seed: number): PurchaseRows {
  const users = 600;
  const items = 160;
  const groups = 4;
  const block = items / groups;
  const rng = rngFor(seed, 'test.recommendModels.items');
  const weight = Float64Array.from({ length: items }, () => rng.lognormal(0, 1));
  const all = cumulative(weight);
  const blocks = Array.from({ length: groups }, (_, g) => cumulative(weight.subarray(g * block, (g + 1) * block)));
  const user: number[] = [];
  const item: number[] = [];
  const day: number[] = [];
  for (let u = 0; u < users; u++) {
    const r = rngFor(seed, 'test.recommendModels.user', u);
    const g = u % groups;
    const n = 8 + r.int(12);
    for (let k = 0, d = 0; k < n; k++) {
      user.push(u);
      item.push(r.chance(0.7) ? g * block + pick(blocks[g], r.next()) : pick(all, r.next()));
      day.push((d += 1 + r.int(5)));
    }
  }
  return { users, itemCount: items, user: Int32Array.from(user), item: Int32Array.from(item), day: Int32Array.from(day) };
}

describe('the baselines on planted taste (leave-one-out, 49 negatives, HR@10)', () => {
  const split = leaveOneOut(plantedRows(21));
  const negatives = sampleEvaluationNegatives(split.train, split, 49, 2);
  const hr10 = (scorer: Parameters<typeof evaluateSampled>[0]) => evaluateSampled(scorer, split, negatives, [10]).hitRate[0];
  const random = hr10(fitRandom(split.train, { seed: 1 }));
  const popularity = hr10(fitPopularity(split.train));
  const knn = hr10(fitItemKnn(split.train, { neighbours: 50 }));
  const mf = hr10(fitImplicitMf(split.train, { factors: 16, iterations: 6, seed: 3 }).scorer);

  it('random lands near 10/50 and popularity beats it clearly', () => {
    expect(random).toBeGreaterThan(0.14);
    expect(random).toBeLessThan(0.26);
    expect(popularity).toBeGreaterThan(random + 0.1);
  });

  it('item-kNN beats popularity by a clear margin', () => {
    expect(knn).toBeGreaterThan(popularity + 0.1);
  });

  it('implicit MF beats popularity by a clear margin', () => {
    expect(mf).toBeGreaterThan(popularity + 0.1);
  });
});

describe('popularity', () => {
  it('scores each item by its number of distinct buyers in train', () => {
    // users: {0, 1}, {1}, {1, 2} → item 0: 1 buyer, item 1: 3, item 2: 1, item 3: 0.
    const train = interactionsFromPairs(3, 4, [0, 0, 1, 2, 2, 1], [0, 1, 1, 1, 2, 1]);
    const out = new Float32Array(4);
    fitPopularity(train).score(2, Int32Array.from([0, 1, 2, 3]), out);
    expect(Array.from(out)).toEqual([1, 3, 1, 0]);
    expect(Array.from(fitPopularity(train).topK(0, 2, itemsOf(train, 0)))).toEqual([2, 3]);
  });
});

describe('item-kNN', () => {
  // users: u0 {0, 1}, u1 {0, 1, 2}, u2 {2}; every item has 2 buyers.
  // co(0,1) = 2 → cos = 2/√(2·2) = 1; co(0,2) = 1 → 1/2; co(1,2) = 1 → 1/2.
  const train = interactionsFromPairs(3, 3, [0, 0, 1, 1, 1, 2], [0, 1, 0, 1, 2, 2]);

  it('computes cosine similarities over the binary matrix and keeps the k nearest', () => {
    const nb = itemNeighbours(train, 2);
    expect(Array.from(nb.size)).toEqual([2, 2, 2]);
    expect(Array.from(nb.neighbour.subarray(0, 2))).toEqual([1, 2]);
    expect(Array.from(nb.similarity.subarray(0, 2))).toEqual([1, 0.5]);
    // Item 2's neighbours tie at 1/2: the lower item first.
    expect(Array.from(nb.neighbour.subarray(4, 6))).toEqual([0, 1]);
    const one = itemNeighbours(train, 1);
    expect(Array.from(one.neighbour)).toEqual([1, 0, 0]);
  });

  it("scores an item by the summed similarities from the user's items", () => {
    // u2 owns item 2: score(0) = s(2,0) = 1/2, score(1) = s(2,1) = 1/2, score(2) = 0 (no self-similarity).
    const out = new Float32Array(3);
    fitItemKnn(train).score(2, Int32Array.from([0, 1, 2]), out);
    expect(Array.from(out)).toEqual([0.5, 0.5, 0]);
    // u0 owns 0 and 1: score(2) = s(0,2) + s(1,2) = 1.
    fitItemKnn(train).score(0, Int32Array.from([2]), out);
    expect(out[0]).toBe(1);
  });

  it('matches a dense cosine computation on random data', () => {
    const rng = rngFor(9, 'test.itemKnn.dense');
    const users = 80;
    const items = 30;
    const u: number[] = [];
    const i: number[] = [];
    for (let a = 0; a < users; a++) {
      for (let b = 0; b < items; b++) {
        if (!rng.chance(0.15)) continue;
        u.push(a);
        i.push(b);
      }
    }
    const data = interactionsFromPairs(users, items, u, i);
    const byItem = transpose(data);
    const nb = itemNeighbours(data, items);
    for (let a = 0; a < items; a++) {
      for (let s = 0; s < nb.size[a]; s++) {
        const b = nb.neighbour[a * items + s];
        const ua = new Set(itemsOf(byItem, a));
        const common = Array.from(itemsOf(byItem, b)).filter((x) => ua.has(x)).length;
        expect(nb.similarity[a * items + s]).toBeCloseTo(common / Math.sqrt(ua.size * itemsOf(byItem, b).length), 6);
      }
    }
  });
});

describe('implicit MF (ALS with conjugate gradient)', () => {
  const split = leaveOneOut(plantedRows(4));

  it('is reproducible by seed', () => {
    const a = fitImplicitMf(split.train, { factors: 8, iterations: 2, seed: 1 });
    const b = fitImplicitMf(split.train, { factors: 8, iterations: 2, seed: 1 });
    const c = fitImplicitMf(split.train, { factors: 8, iterations: 2, seed: 2 });
    expect(Array.from(b.itemFactors)).toEqual(Array.from(a.itemFactors));
    expect(Array.from(c.itemFactors)).not.toEqual(Array.from(a.itemFactors));
  });

  it('solves the confidence-weighted normal equations: with F conjugate-gradient steps the last half-sweep is exact', () => {
    // After the final item half-sweep, each y_i solves (XᵀX + λ·n_i·I + α Σ_{u∋i} x_u x_uᵀ) y_i = (1 + α) Σ_{u∋i} x_u,
    // n_i = the item's buyers (at least 1).
    const f = 6;
    const lambda = 0.5;
    const alpha = 4;
    const m = fitImplicitMf(split.train, { factors: f, iterations: 3, cgSteps: f, regularization: lambda, alpha, seed: 7 });
    const byItem = transpose(split.train);
    const x = m.userFactors;
    let worst = 0;
    for (let i = 0; i < split.train.itemCount; i += 7) {
      const a = new Float64Array(f * f);
      const b = new Float64Array(f);
      for (let u = 0; u < split.train.users; u++) for (let p = 0; p < f; p++) for (let q = 0; q < f; q++) a[p * f + q] += x[u * f + p] * x[u * f + q];
      for (let p = 0; p < f; p++) a[p * f + p] += lambda * Math.max(1, itemsOf(byItem, i).length);
      for (const u of itemsOf(byItem, i)) {
        for (let p = 0; p < f; p++) {
          b[p] += (1 + alpha) * x[u * f + p];
          for (let q = 0; q < f; q++) a[p * f + q] += alpha * x[u * f + p] * x[u * f + q];
        }
      }
      let residual = 0;
      let norm = 0;
      for (let p = 0; p < f; p++) {
        let s = 0;
        for (let q = 0; q < f; q++) s += a[p * f + q] * m.itemFactors[i * f + q];
        residual += (s - b[p]) ** 2;
        norm += b[p] ** 2;
      }
      worst = Math.max(worst, Math.sqrt(residual / norm));
    }
    expect(worst).toBeLessThan(1e-3);
  });

  it('lowers the weighted loss as sweeps go on', () => {
    const loss = (train: Interactions, iterations: number) => {
      const lambda = 1;
      const alpha = 10;
      const f = 8;
      const m = fitImplicitMf(train, { factors: f, iterations, regularization: lambda, alpha, seed: 5 });
      let total = 0;
      const all = new Float32Array(train.itemCount);
      const everything = Int32Array.from({ length: train.itemCount }, (_, i) => i);
      for (let u = 0; u < train.users; u++) {
        m.scorer.score(u, everything, all);
        const own = new Set(itemsOf(train, u));
        for (let i = 0; i < train.itemCount; i++) total += own.has(i) ? (1 + alpha) * (1 - all[i]) ** 2 : all[i] ** 2;
      }
      const byItem = transpose(train);
      const penalty = (factors: Float32Array, rows: Interactions) => {
        for (let r = 0; r < rows.users; r++) {
          let norm = 0;
          for (let d = 0; d < f; d++) norm += factors[r * f + d] ** 2;
          total += lambda * Math.max(1, itemsOf(rows, r).length) * norm;
        }
      };
      penalty(m.userFactors, train);
      penalty(m.itemFactors, byItem);
      return total;
    };
    const one = loss(split.train, 1);
    const five = loss(split.train, 5);
    expect(five).toBeLessThan(one);
  });

  it('refuses bad options', () => {
    expect(() => fitImplicitMf(split.train, { factors: 0 })).toThrow(/factors/);
    expect(() => fitImplicitMf(split.train, { regularization: -1 })).toThrow(/regularization/);
  });
});

describe('preference score', () => {
  it('cuts quintiles at the 20/40/60/80 % order statistics and levels values 1–5', () => {
    // values 1…10: cuts at sorted positions floor(p·9) = 1, 3, 5, 7 → 2, 4, 6, 8.
    const cuts = quintileCuts(Float64Array.from([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]));
    expect(cuts).toEqual([2, 4, 6, 8]);
    // 1 and 2 (equal to the first cut) → 1; 3 → 2; 8 → 4; 9, 10 → 5.
    expect([1, 2, 3, 8, 9, 10].map((v) => levelOf(v, cuts))).toEqual([1, 1, 2, 4, 5, 5]);
  });

  /*
   * 5 users, 4 items; items 0, 1 in category 0, items 2, 3 in category 1. User u buys item 0 (u + 1)
   * times on days 0, 10, 20, …, and item 2 once on day 3. Pair counts: item 0 → 1, 2, 3, 4, 5; item 2 → 1 ×5.
   */
  const triples: [number, number, number][] = [];
  for (let u = 0; u < 5; u++) {
    for (let k = 0; k <= u; k++) triples.push([u, 0, 10 * k]);
    triples.push([u, 2, 3]);
  }
  triples.sort((a, b) => a[2] - b[2]);
  const rows: PurchaseRows = {
    users: 5,
    itemCount: 4,
    user: Int32Array.from(triples.map((t) => t[0])),
    item: Int32Array.from(triples.map((t) => t[1])),
    day: Int32Array.from(triples.map((t) => t[2])),
  };
  const input = preferenceInputFromRows(rows, Int32Array.from([0, 0, 1, 1]), { today: 50 });
  const model = fitPreference(input);

  it('builds counts, last days, repurchase intervals and category shares from the rows', () => {
    // user 3: item 0 four times (days 0, 10, 20, 30), item 2 once (day 3).
    expect(Array.from(itemsOf(input.pairs, 3))).toEqual([0, 2]);
    const at = input.pairs.offsets[3];
    expect(Array.from(input.count.subarray(at, at + 2))).toEqual([4, 1]);
    expect(Array.from(input.lastDay.subarray(at, at + 2))).toEqual([30, 3]);
    // Item 0 is re-bought every 10 days by users 1–4 → mean interval 10; nobody re-buys items 1–3 → the overall mean, 10.
    expect(Array.from(input.meanInterval)).toEqual([10, 10, 10, 10]);
    // user 3's shares: category 0 = 4/5, category 1 = 1/5.
    const c = input.categoryOffsets[3];
    expect(Array.from(input.categories.subarray(c, c + 2))).toEqual([0, 1]);
    expect(input.categoryShares[c]).toBeCloseTo(0.8, 6);
    expect(input.categoryShares[c + 1]).toBeCloseTo(0.2, 6);
  });

  it("the buy level rises with the customer's purchase count of the product", () => {
    // Counts over the 10 pairs: 1 ×6, 2, 3, 4, 5 → cuts at positions 1, 3, 5, 7 of 1,1,1,1,1,1,2,3,4,5 → 1, 1, 1, 3.
    expect(model.cuts.buy).toEqual([1, 1, 1, 3]);
    const buy = [0, 1, 2, 3, 4].map((u) => model.levels(u, 0).buy);
    // counts 1 → 1; 2, 3 → 4; 4, 5 → 5.
    expect(buy).toEqual([1, 4, 4, 5, 5]);
    for (let u = 1; u < 5; u++) expect(buy[u]).toBeGreaterThanOrEqual(buy[u - 1]);
    expect(buy[4]).toBeGreaterThan(buy[0]);
    // Never bought: level 0.
    expect(model.levels(0, 1).buy).toBe(0);
  });

  it('scores (2·buy + categoryShare + interval)/4, and a never-bought product by its category alone', () => {
    const out = new Float32Array(4);
    for (let u = 0; u < 5; u++) {
      model.score(u, Int32Array.from([0, 1, 2, 3]), out);
      for (let i = 0; i < 4; i++) {
        const l = model.levels(u, i);
        expect(out[i]).toBeCloseTo((2 * l.buy + l.categoryShare + l.interval) / 4, 6);
        expect(l.score).toBeCloseTo(out[i], 6);
      }
      // Item 1 shares item 0's category but was never bought: only the category level counts.
      expect(model.levels(u, 1).buy).toBe(0);
      expect(model.levels(u, 1).interval).toBe(0);
      expect(out[1]).toBeCloseTo(model.levels(u, 0).categoryShare / 4, 6);
    }
    // The heaviest buyer of item 0 ranks it first.
    expect(model.topK(4, 1)[0]).toBe(0);
  });

  it('the interval level is highest where the product is due (elapsed ≈ its interval) and falls as the pair lapses', () => {
    // today 50, interval 10: item 2 last bought day 3 → ratio 4.7 for everyone; item 0 last bought day 10·u → ratios 5, 4, 3, 2, 1.
    // Closeness −|ln r|: u = 4 (r = 1, due now) is nearest, u = 0 (r = 5) farthest.
    const interval = [0, 1, 2, 3, 4].map((u) => model.levels(u, 0).interval);
    for (let u = 1; u < 5; u++) expect(interval[u]).toBeGreaterThanOrEqual(interval[u - 1]);
    expect(interval[4]).toBeGreaterThan(interval[0]);
  });
});
