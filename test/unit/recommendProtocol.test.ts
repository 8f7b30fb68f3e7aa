import { describe, expect, it } from 'vitest';
import { rngFor } from '../../src/main/services/generator/random';
import {
  evaluateSampled,
  evaluateTimeSplit,
  fitPopularity,
  hasItem,
  itemsOf,
  leaveOneOut,
  sampleEvaluationNegatives,
  selectTop,
  timeSplit,
  vectorScorer,
  type EvaluationNegatives,
  type PurchaseRows,
} from '../../src/main/services/models/recommend';

/** Rows from (user, item, day) triples. */
function rowsOf(users: number, itemCount: number, triples: [number, number, number][]): PurchaseRows {
  return {
    users,
    itemCount,
    user: Int32Array.from(triples.map((t) => t[0])),
    item: Int32Array.from(triples.map((t) => t[1])),
    day: Int32Array.from(triples.map((t) => t[2])),
  };
}

/** Random purchases in day order per user: `users` users, 3–12 rows each over `items` items. */
function randomRows(users: number, items: number, seed: number): PurchaseRows {
  const triples: [number, number, number][] = [];
  for (let u = 0; u < users; u++) {
    const rng = rngFor(seed, 'test.recommendProtocol.rows', u);
    const n = 3 + rng.int(10);
    let day = 0;
    for (let k = 0; k < n; k++) triples.push([u, rng.int(items), (day += rng.int(3))]);
  }
  return rowsOf(users, items, triples);
}

describe('leave-one-out', () => {
  // user 0: A(0)@1, B(1)@2, A@3, C(2)@4, B@5 → first purchases A@1, B@2, C@4: C is the last distinct product,
  //         although B was bought last.
  // user 1: X(3)@1 then Y(4)@1, same day → the later row wins: Y.
  // user 2: Z(5) twice → one distinct product: skipped. user 3: no rows: empty.
  const rows = rowsOf(4, 6, [
    [0, 0, 1],
    [1, 3, 1],
    [0, 1, 2],
    [1, 4, 1],
    [0, 0, 3],
    [2, 5, 4],
    [0, 2, 4],
    [2, 5, 6],
    [0, 1, 5],
  ]);
  const split = leaveOneOut(rows);

  it('holds out the product whose first purchase comes last', () => {
    expect(Array.from(split.users)).toEqual([0, 1]);
    expect(Array.from(split.heldOut)).toEqual([2, 4]);
  });

  it('keeps every other product in train, drops all rows of the held-out one, and counts who was not evaluated', () => {
    expect(Array.from(itemsOf(split.train, 0))).toEqual([0, 1]);
    expect(Array.from(itemsOf(split.train, 1))).toEqual([3]);
    expect(Array.from(itemsOf(split.train, 2))).toEqual([5]);
    expect(Array.from(itemsOf(split.train, 3))).toEqual([]);
    expect(Array.from(split.trainRow)).toEqual([1, 1, 1, 0, 1, 1, 0, 1, 1]);
    expect(split.skippedUsers).toBe(1);
    expect(split.emptyUsers).toBe(1);
  });

  it('refuses rows out of time order within a user', () => {
    expect(() => leaveOneOut(rowsOf(1, 3, [[0, 0, 5], [0, 1, 4]]))).toThrow(/not in time order/);
  });
});

describe('time split', () => {
  // cut-off day 10.
  // user 0: 0@1, 1@2 | 2@12, 0@13 → train {0, 1}, test {2} (0 is a repeat, not new).
  // user 1: 0@3 | 3@11, 4@12      → train {0}, test {3, 4}.
  // user 2: 1@5 | 1@15            → train {1}, test {} → not evaluated.
  const rows = rowsOf(3, 6, [
    [0, 0, 1],
    [0, 1, 2],
    [1, 0, 3],
    [2, 1, 5],
    [1, 3, 11],
    [0, 2, 12],
    [1, 4, 12],
    [0, 0, 13],
    [2, 1, 15],
  ]);
  const split = timeSplit(rows, 10);

  it('trains on the rows before the cut-off and tests on products new to the user', () => {
    expect(Array.from(itemsOf(split.train, 0))).toEqual([0, 1]);
    expect(Array.from(itemsOf(split.test, 0))).toEqual([2]);
    expect(Array.from(itemsOf(split.test, 1))).toEqual([3, 4]);
    expect(Array.from(itemsOf(split.test, 2))).toEqual([]);
    expect(Array.from(split.users)).toEqual([0, 1]);
  });

  it('evaluates popularity by hand: recall, precision, NDCG, coverage and best-seller share', () => {
    // Train popularity: item 0 → 2 users, item 1 → 2 users, items 2–5 → 0 (ties go to the lower item).
    // K = 2. user 0 leaves out {0, 1} → [2, 3]; relevant {2}: recall 1, precision 1/2, NDCG 1.
    //        user 1 leaves out {0}    → [1, 2]; relevant {3, 4}: recall 0, precision 0, NDCG 0.
    // Means: recall 1/2, precision 1/4, NDCG 1/2. Coverage {1, 2, 3} of 6 = 1/2.
    // Best-sellers at share 0.34: ceil(2.04) = 3 items → 0, 1, 2; slots 2, 3, 1, 2 → 3 of 4 = 0.75.
    const scorer = fitPopularity(split.train);
    const e = evaluateTimeSplit(scorer, split, 2, { bestSellerShare: 0.34 });
    expect(e.users).toBe(2);
    expect(e.recall).toBeCloseTo(0.5, 12);
    expect(e.precision).toBeCloseTo(0.25, 12);
    expect(e.ndcg).toBeCloseTo(0.5, 12);
    expect(e.coverage).toBeCloseTo(0.5, 12);
    expect(e.bestSellerSlots).toBeCloseTo(0.75, 12);
    // At the default 1 % one item is a best-seller: item 0 (tied with 1, lower index), never recommended here.
    expect(evaluateTimeSplit(scorer, split, 2).bestSellerSlots).toBe(0);
  });
});

describe('evaluation negatives', () => {
  const rows = randomRows(300, 60, 5);
  const split = leaveOneOut(rows);

  it('never returns a positive, train or held out, and never repeats an item for a user', () => {
    const negatives = sampleEvaluationNegatives(split.train, split, 20, 1);
    expect(negatives.items.length).toBe(split.users.length * 20);
    for (let k = 0; k < split.users.length; k++) {
      const u = split.users[k];
      const drawn = Array.from(negatives.items.subarray(k * 20, (k + 1) * 20));
      expect(new Set(drawn).size).toBe(20);
      for (const i of drawn) {
        expect(i).not.toBe(split.heldOut[k]);
        expect(hasItem(split.train, u, i)).toBe(false);
      }
    }
  });

  it('takes the few-free-items path without positives too (a user with 45 of 60 items, 14 free, 10 drawn)', () => {
    const triples: [number, number, number][] = [];
    for (let i = 0; i < 46; i++) triples.push([0, i, i]);
    const one = rowsOf(1, 60, triples);
    const s = leaveOneOut(one);
    expect(Array.from(s.heldOut)).toEqual([45]);
    const negatives = sampleEvaluationNegatives(s.train, s, 10, 4);
    const drawn = Array.from(negatives.items);
    expect(new Set(drawn).size).toBe(10);
    for (const i of drawn) expect(i).toBeGreaterThanOrEqual(46);
    expect(() => sampleEvaluationNegatives(s.train, s, 15, 4)).toThrow(/leaving 14/);
  });

  it('is reproducible by seed: same seed, same draws; another seed, other draws', () => {
    const a = sampleEvaluationNegatives(split.train, split, 20, 7);
    const b = sampleEvaluationNegatives(split.train, split, 20, 7);
    const c = sampleEvaluationNegatives(split.train, split, 20, 8);
    expect(Array.from(b.items)).toEqual(Array.from(a.items));
    let same = 0;
    for (let k = 0; k < a.items.length; k++) if (a.items[k] === c.items[k]) same++;
    // Independent uniform draws over ~50 free items agree by chance about 1 time in 50.
    expect(same / a.items.length).toBeLessThan(0.1);
  });

  it("gives a user the same draws whichever other users are evaluated (one stream per user)", () => {
    const all = sampleEvaluationNegatives(split.train, split, 20, 7);
    const some = { users: split.users.filter((_, k) => k % 3 === 1), heldOut: split.heldOut.filter((_, k) => k % 3 === 1) };
    const part = sampleEvaluationNegatives(split.train, some, 20, 7);
    expect(Array.from(part.items.subarray(0, 20))).toEqual(Array.from(all.items.subarray(20, 40)));
  });

  it('draws every free item about equally often', () => {
    // One user owning items 0–4 (4 held out): 15 free items of 20; 3 drawn per seed over 3000 seeds →
    // each free item expected 3000·3/15 = 600 times (sd ≈ 22); allow ±15 %.
    const s = leaveOneOut(rowsOf(1, 20, [[0, 0, 0], [0, 1, 1], [0, 2, 2], [0, 3, 3], [0, 4, 4]]));
    const seen = new Array<number>(20).fill(0);
    for (let seed = 0; seed < 3000; seed++) for (const i of sampleEvaluationNegatives(s.train, s, 3, seed).items) seen[i]++;
    expect(seen.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    for (let i = 5; i < 20; i++) {
      expect(seen[i]).toBeGreaterThan(510);
      expect(seen[i]).toBeLessThan(690);
    }
  });
});

describe('sampled evaluation', () => {
  // Item scores (every user alike): 0.1, 0.9, 0.5, 0.5, 0.3, 0.7.
  const table = Float32Array.from([0.1, 0.9, 0.5, 0.5, 0.3, 0.7]);
  const scorer = vectorScorer(6, (_user, out) => out.set(table));
  const split = { users: Int32Array.from([0, 1]), heldOut: Int32Array.from([2, 1]) };
  const negatives: EvaluationNegatives = { users: split.users, count: 2, items: Int32Array.from([3, 4, 0, 5]), seed: 0 };

  it('ranks each held-out item among its negatives, ties against it', () => {
    // user 0: positive 2 (0.5) vs 3 (0.5, tie → ahead) and 4 (0.3) → rank 1.
    // user 1: positive 1 (0.9) vs 0 (0.1) and 5 (0.7) → rank 0.
    // HR@1 = 1/2, HR@2 = 1; NDCG@1 = 1/2, NDCG@2 = (1/log2(3) + 1)/2.
    const e = evaluateSampled(scorer, split, negatives, [1, 2]);
    expect(Array.from(e.ranks)).toEqual([1, 0]);
    expect(e.hitRate).toEqual([0.5, 1]);
    expect(e.ndcg[0]).toBeCloseTo(0.5, 12);
    expect(e.ndcg[1]).toBeCloseTo((1 / Math.log2(3) + 1) / 2, 6);
    expect(e.negatives).toBe(2);
    expect(e.users).toBe(2);
  });

  it('refuses negatives drawn for other users', () => {
    const other = { ...negatives, users: Int32Array.from([0, 2]) };
    expect(() => evaluateSampled(scorer, split, other)).toThrow(/other users/);
  });
});

describe('top-k selection', () => {
  it('returns the k best, best first, ties to the lower index, skipping excluded items', () => {
    // values: 3, 7, 7, 1, 9, 7 → order 4 (9), 1, 2, 5 (7s by index), 0 (3), 3 (1).
    const values = Float32Array.from([3, 7, 7, 1, 9, 7]);
    expect(Array.from(selectTop(values, 3))).toEqual([4, 1, 2]);
    expect(Array.from(selectTop(values, 10))).toEqual([4, 1, 2, 5, 0, 3]);
    expect(Array.from(selectTop(values, 3, Int32Array.from([1, 4])))).toEqual([2, 5, 0]);
    expect(Array.from(selectTop(values, 0))).toEqual([]);
  });

  it('agrees with a full sort on random values with many ties', () => {
    const rng = rngFor(3, 'test.selectTop');
    const values = Float32Array.from({ length: 500 }, () => rng.int(40));
    const exclude = Int32Array.from([0, 7, 100, 499]);
    const expected = Array.from({ length: 500 }, (_, i) => i)
      .filter((i) => !exclude.includes(i))
      .sort((a, b) => values[b] - values[a] || a - b)
      .slice(0, 25);
    expect(Array.from(selectTop(values, 25, exclude))).toEqual(expected);
  });
});
