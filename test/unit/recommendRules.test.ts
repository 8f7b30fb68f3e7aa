import { describe, expect, it } from 'vitest';
import { rngFor } from '../../src/main/services/generator/random';
import { DEFAULT_RULES, excludedBestSellers as bestSellerMask, excludedFor, selectTopK, type UserRows } from '../../src/main/services/models/recommend/rules';

/** Three customers over six products; the window's last day is day 99. Rows (item, day) per customer, in day order. */
function data(): UserRows {
  // u0: item 0 on days 10 and 95, item 1 on days 20 and 40; u1: item 0 (5, 99), item 2 (50); u2: items 0, 3, 1.
  const perUser = [
    [[0, 10], [1, 20], [1, 40], [0, 95]],
    [[0, 5], [2, 50], [0, 99]],
    [[0, 1], [3, 2], [1, 3]],
  ];
  const userStart = new Int32Array(4);
  perUser.forEach((r, u) => (userStart[u + 1] = userStart[u] + r.length));
  const flat = perUser.flatMap((r, u) => r.map(([i, d]) => [u, i, d]));
  return {
    rows: { users: 3, itemCount: 6, user: Int32Array.from(flat, (r) => r[0]), item: Int32Array.from(flat, (r) => r[1]), day: Int32Array.from(flat, (r) => r[2]) },
    userStart,
  };
}
const LAST = 99;

describe('recommendation business rules', () => {
  it('the top x % best-sellers: ceil(share × items) items with the most buyers', () => {
    const d = data();
    // Buyers: p0 3, p1 2, p2 1, p3 1, p4 0, p5 0. 1 % of 6 → 1 item; 34 % → 3 items (ties by index: p2 before p3).
    expect(Array.from(bestSellerMask(d, 0.01))).toEqual([1, 0, 0, 0, 0, 0]);
    expect(Array.from(bestSellerMask(d, 0.34))).toEqual([1, 1, 1, 0, 0, 0]);
    expect(Array.from(bestSellerMask(d, 0))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(() => bestSellerMask(d, 1)).toThrow(/excludeTopShare/);
  });

  it('new-only excludes everything the customer bought; with repurchase allowed only the last n days are excluded', () => {
    const d = data();
    const none = new Uint8Array(6);
    const out = new Uint8Array(6);
    excludedFor(d, 0, { ...DEFAULT_RULES, newOnly: true }, LAST, none, out);
    expect(Array.from(out)).toEqual([1, 1, 0, 0, 0, 0]);
    // The last 7 days are 93..99: u0 bought p0 on day 95, p1 last on day 40.
    excludedFor(d, 0, { ...DEFAULT_RULES, newOnly: false, excludeRecentDays: 7 }, LAST, none, out);
    expect(Array.from(out)).toEqual([1, 0, 0, 0, 0, 0]);
    excludedFor(d, 0, { ...DEFAULT_RULES, newOnly: false, excludeRecentDays: 0 }, LAST, none, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0, 0, 0]);
    // The global mask (best-sellers) is always there.
    excludedFor(d, 2, { ...DEFAULT_RULES, newOnly: false, excludeRecentDays: 7 }, LAST, bestSellerMask(d, 0.01), out);
    expect(Array.from(out)).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it('top K skips excluded and NaN scores, ties by item index, and stops when the catalogue runs out', () => {
    const scores = Float32Array.from([0.9, 0.5, NaN, 0.7, 0.5, 0.1]);
    const items = new Int32Array(10);
    const s = new Float32Array(10);
    expect(selectTopK(scores, Uint8Array.from([1, 0, 0, 0, 0, 0]), 3, items, s)).toBe(3);
    expect(Array.from(items.subarray(0, 3))).toEqual([3, 1, 4]);
    expect(selectTopK(scores, new Uint8Array(6), 10, items, s)).toBe(5);
    expect(Array.from(items.subarray(0, 5))).toEqual([0, 3, 1, 4, 5]);
  });

  it('variety draws K distinct items from the top pool, best first, reproducibly by seed', () => {
    const scores = Float32Array.from({ length: 100 }, (_, i) => 100 - i);
    const none = new Uint8Array(100);
    const draw = (seed: number) => {
      const items = new Int32Array(5);
      selectTopK(scores, none, 5, items, new Float32Array(5), { pool: 30, rng: rngFor(seed, 'variety') });
      return Array.from(items);
    };
    const a = draw(1);
    expect(a).toEqual(draw(1));
    expect(new Set(a).size).toBe(5);
    for (const i of a) expect(i).toBeLessThan(30);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    // Over many seeds the draws are not always the plain top 5, and better items are drawn more often.
    const counts = new Array(30).fill(0);
    let plain = 0;
    for (let seed = 0; seed < 400; seed++) {
      const d = draw(seed);
      if (d.join() === '0,1,2,3,4') plain++;
      for (const i of d) counts[i]++;
    }
    expect(plain).toBeLessThan(400);
    expect(counts.slice(0, 10).reduce((x, y) => x + y, 0)).toBeGreaterThan(counts.slice(20, 30).reduce((x, y) => x + y, 0));
  });
});
