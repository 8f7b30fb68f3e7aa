import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/main/services/db/database';
import { rngFor } from '../../src/main/services/generator/random';
import {
  customerHistories,
  expectedTransactions,
  fitBgnbd,
  fitBgnbdFromProject,
  logLikelihood,
  logLikelihoodWithGradient,
  pAlive,
  repeatHistories,
  simulateBgnbd,
  standardErrors,
  type BgnbdParams,
  type RepeatHistory,
  type SimulatedCustomer,
} from '../../src/main/services/models/bgnbd';
import { digamma } from '../../src/main/services/models/bgnbd/digamma';
import { hyp2f1 } from '../../src/main/services/models/bgnbd/hyp2f1';
import { lgamma } from '../../src/main/services/models/bgnbd/lgamma';
import { bfgs } from '../../src/main/services/models/bgnbd/optimize';
import { insertRows, type Line } from '../analyticsRows';
import { harness, type Harness } from '../helpers';

const EULER = 0.5772156649015329;
/** Fader, Hardie & Lee's CDNOW estimates (weeks): the shape of a real retail customer base. */
const CDNOW: BgnbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const KEYS = ['r', 'alpha', 'a', 'b'] as const;

describe('special functions', () => {
  it('lgamma matches closed forms and reference values', () => {
    const cases: [number, number][] = [
      [1, 0],
      [2, 0],
      [3, Math.log(2)],
      [10, Math.log(362880)], // 9!
      [0.5, 0.5 * Math.log(Math.PI)], // Γ(½) = √π
      [1.5, Math.log(Math.sqrt(Math.PI) / 2)],
      [3.5, Math.log((15 * Math.sqrt(Math.PI)) / 8)],
      [0.1, 2.2527126517342055], // reference: CPython's math.lgamma
      [1e-8, 18.42068073818021], // ≈ −ln x − γx
      [1000.5, 5908.674175848678],
      [1e6, 12815504.569147611],
    ];
    for (const [x, want] of cases) expect(Math.abs(lgamma(x) - want)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(want)));
    // ln Γ(x + 1) = ln Γ(x) + ln x across the switch to the reflection formula at ½ and at large x.
    for (const x of [0.2, 0.49, 0.51, 0.77, 4.2, 33.3, 250.25]) expect(lgamma(x + 1) - lgamma(x)).toBeCloseTo(Math.log(x), 12);
    expect(lgamma(0)).toBeNaN();
    expect(lgamma(-1.5)).toBeNaN();
  });

  it('digamma matches closed forms and the derivative of lgamma', () => {
    expect(digamma(1)).toBeCloseTo(-EULER, 14);
    expect(digamma(2)).toBeCloseTo(1 - EULER, 14);
    expect(digamma(0.5)).toBeCloseTo(-EULER - 2 * Math.log(2), 14);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 14); // H₉ − γ
    for (const x of [0.3, 1.7, 9.99, 10.01, 55]) {
      const h = 1e-5;
      expect(digamma(x)).toBeCloseTo((lgamma(x + h) - lgamma(x - h)) / (2 * h), 7);
    }
  });

  it('hyp2f1 matches closed forms up to z near 1', () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99, 0.999]) {
      const rel = (got: number, want: number) => Math.abs(got / want - 1);
      // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z
      if (z > 0) expect(rel(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-12);
      // ₂F₁(a, b; b; z) = (1 − z)^−a
      expect(rel(hyp2f1(0.7, 2.4, 2.4, z), Math.pow(1 - z, -0.7))).toBeLessThan(1e-12);
      // ₂F₁(½, ½; 3/2; z) = arcsin(√z)/√z
      if (z > 0) expect(rel(hyp2f1(0.5, 0.5, 1.5, z), Math.asin(Math.sqrt(z)) / Math.sqrt(z))).toBeLessThan(1e-12);
    }
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
  });

  it('BFGS finds the minimum of the Rosenbrock valley', () => {
    const rosenbrock = ([x, y]: number[]) => ({
      value: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
      gradient: [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    });
    const min = bfgs(rosenbrock, [-1.2, 1]);
    expect(min.converged).toBe(true);
    expect(min.point[0]).toBeCloseTo(1, 6);
    expect(min.point[1]).toBeCloseTo(1, 6);
  });
});

describe('BG/NBD log-likelihood', () => {
  /*
   * Worked by hand with r = 0.5, α = 2, a = 1.5, b = 3, from eq. 6 written as
   * L = A1·A2·(A3 + [x > 0] A4), A1 = Γ(r+x)/Γ(r)·α^r, A2 = Γ(a+b)Γ(b+x)/(Γ(b)Γ(a+b+x)),
   * A3 = (α+T)^−(r+x), A4 = a/(b+x−1)·(α+t_x)^−(r+x). The Γ ratios are finite products:
   * Γ(r+x)/Γ(r) = r(r+1)…(r+x−1), Γ(b+x)/Γ(b) = b…(b+x−1), Γ(a+b)/Γ(a+b+x) = 1/((a+b)…(a+b+x−1)).
   *
   * Customer 1: x = 0, T = 10. A1 = α^r = √2, A2 = 1, A3 = 12^−0.5, no A4.
   *   L = √2/√12 = (2/12)^0.5, ln L = −½ ln 6 = −0.8958797346140275.
   * Customer 2: x = 2, t_x = 4, T = 10. A1 = 0.5·1.5·√2 = 0.75√2; A2 = (3·4)/(4.5·5.5) = 16/33;
   *   ln(A1·A2) = ln(0.75·1.41421356·0.48484848) = ln 0.51426 = −0.6650273213985072;
   *   A3 = 12^−2.5 = 0.0020046884346862; A4 = 1.5/4 · 6^−2.5 = 0.375 · 0.0113402 = 0.0042525863589986;
   *   ln(A3 + A4) = ln 0.0062572747936848 = −5.074010525128643; ln L = −5.73903784652715.
   * Customer 3 (three customers with this history): x = 1, t_x = 1, T = 5. A1 = 0.5√2; A2 = 3/4.5 = 2/3;
   *   ln(A1·A2) = ln 0.4714045 = −0.752038698388137; A3 = 7^−1.5 = 0.05399492471560389;
   *   A4 = 1.5/3 · 3^−1.5 = 0.09622504486493763; ln(A3 + A4) = −1.8956545952236827; ln L = −2.6476932936118196.
   * Total: −0.8958797346140275 − 5.73903784652715 − 3 × 2.6476932936118196 = −14.577997461976636.
   */
  const params: BgnbdParams = { r: 0.5, alpha: 2, a: 1.5, b: 3 };
  const one: RepeatHistory = { x: 0, tx: 0, T: 10, count: 1 };
  const two: RepeatHistory = { x: 2, tx: 4, T: 10, count: 1 };
  const three: RepeatHistory = { x: 1, tx: 1, T: 5, count: 3 };

  it('matches the hand-computed value', () => {
    expect(logLikelihood(params, [one])).toBeCloseTo(-0.5 * Math.log(6), 12);
    expect(logLikelihood(params, [two])).toBeCloseTo(Math.log(0.75 * Math.SQRT2 * (16 / 33)) + Math.log(12 ** -2.5 + 0.375 * 6 ** -2.5), 12);
    expect(Math.abs(logLikelihood(params, [two]) - -5.73903784652715)).toBeLessThan(1e-9);
    expect(Math.abs(logLikelihood(params, [{ ...three, count: 1 }]) - -2.6476932936118196)).toBeLessThan(1e-9);
    expect(Math.abs(logLikelihood(params, [one, two, three]) - -14.577997461976636)).toBeLessThan(1e-9);
  });

  it('stays finite where A3 and A4 underflow (the log-sum trick)', () => {
    // (α + T)^−(r + x) with x = 400 is about 10^−1000: the terms themselves are 0 in doubles.
    const heavy: RepeatHistory = { x: 400, tx: 300, T: 310, count: 1 };
    const ll = logLikelihood(params, [heavy]);
    expect(Number.isFinite(ll)).toBe(true);
    const lnA12 = lgamma(400.5) - lgamma(0.5) + 0.5 * Math.log(2) + lgamma(4.5) + lgamma(403) - lgamma(3) - lgamma(404.5);
    const lnA3 = -400.5 * Math.log(312);
    const lnA4 = Math.log(1.5 / 402) - 400.5 * Math.log(302);
    // A4 dominates: ln(A3 + A4) = lnA4 + ln(1 + e^(lnA3 − lnA4)).
    expect(ll).toBeCloseTo(lnA12 + lnA4 + Math.log1p(Math.exp(lnA3 - lnA4)), 8);
  });

  it('has the analytic gradient of its finite differences', () => {
    const data = simulateBgnbd(CDNOW, 2000, { seed: 3, T: { min: 20, max: 40 } });
    const at: BgnbdParams = { r: 0.3, alpha: 5, a: 0.9, b: 2 };
    const { value, gradient } = logLikelihoodWithGradient(at, data);
    expect(value).toBe(logLikelihood(at, data));
    for (const k of KEYS) {
      const h = 1e-6 * at[k];
      const numeric = (logLikelihood({ ...at, [k]: at[k] + h }, data) - logLikelihood({ ...at, [k]: at[k] - h }, data)) / (2 * h);
      expect(Math.abs(gradient[k] - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
    }
  });
});

describe('P(alive) and conditional expectations', () => {
  it('P(alive) is 1 without repeat purchases and falls with the gap since the last one', () => {
    // x = 0: dropout happens only right after a repeat purchase, so nobody with x = 0 has dropped out.
    expect(pAlive(CDNOW, 0, 0, 52)).toBe(1);
    expect(pAlive(CDNOW, 0, 0, 1)).toBe(1);
    // A frequent buyer (10 repeats) seen for 52 weeks: the longer since the last purchase, the less likely alive.
    const byGap = [52, 48, 40, 30, 20].map((tx) => pAlive(CDNOW, 10, tx, 52));
    expect(byGap[0]).toBeGreaterThan(0.9);
    for (let i = 1; i < byGap.length; i++) expect(byGap[i]).toBeLessThan(byGap[i - 1]);
    expect(byGap.at(-1)!).toBeLessThan(0.01);
    // The same 20-week gap says more about a frequent buyer than about an occasional one.
    expect(pAlive(CDNOW, 10, 32, 52)).toBeLessThan(pAlive(CDNOW, 2, 32, 52));
    // The P(alive) formula written out for one case.
    const { r, alpha, a, b } = CDNOW;
    expect(pAlive(CDNOW, 3, 20, 39)).toBeCloseTo(1 / (1 + (a / (b + 2)) * ((alpha + 39) / (alpha + 20)) ** (r + 3)), 14);
  });

  /**
   * The tower property on customers simulated from the model: within any group picked by the history
   * alone, the share alive at T is the mean of P(alive), and the purchases in the next 39 weeks average
   * the mean of E[Y(39) | history]. Checked within 4 standard errors of the simulation (100 000 customers).
   */
  it('match what customers simulated from the model do', () => {
    const groups: [string, (c: SimulatedCustomer) => boolean][] = [
      ['all', () => true],
      ['no repeat', (c) => c.x === 0],
      ['3+ repeats', (c) => c.x >= 3],
      ['20+ weeks since the last repeat', (c) => c.x >= 1 && c.T - c.tx > 20],
    ];
    for (const params of [CDNOW, { r: 1.2, alpha: 5, a: 1.5, b: 4 }]) {
      const sim = simulateBgnbd(params, 100_000, { seed: 7, T: { min: 26, max: 52 }, horizon: 39 });
      for (const [name, keep] of groups) {
        const g = sim.filter(keep);
        expect(g.length, name).toBeGreaterThan(5000);
        const mean = (f: (c: SimulatedCustomer) => number) => g.reduce((s, c) => s + f(c), 0) / g.length;
        const alive = mean((c) => (c.alive ? 1 : 0));
        const predictedAlive = mean((c) => pAlive(params, c.x, c.tx, c.T));
        expect(Math.abs(alive - predictedAlive), name).toBeLessThanOrEqual(4 * Math.sqrt((predictedAlive * (1 - predictedAlive)) / g.length) + 1e-12);
        const future = mean((c) => c.future);
        const futureSe = Math.sqrt(mean((c) => (c.future - future) ** 2) / g.length);
        const predicted = mean((c) => expectedTransactions(params, 39, c.x, c.tx, c.T));
        expect(Math.abs(future - predicted), name).toBeLessThan(4 * futureSe);
      }
    }
  });

  it('E[Y(t)] is continuous through a = 1, where eq. 10 is 0/0', () => {
    const at = (a: number) => expectedTransactions({ ...CDNOW, a }, 26, 4, 30, 40);
    const exact = at(1);
    expect(Number.isFinite(exact)).toBe(true);
    expect(exact).toBeGreaterThan(0);
    expect(Math.abs(at(1 + 1e-9) - exact)).toBeLessThan(1e-7);
    expect(Math.abs(at(1.001) - exact)).toBeLessThan(0.01 * exact);
    expect(Math.abs(at(0.999) - exact)).toBeLessThan(0.01 * exact);
    // a new customer over 0 weeks buys nothing; over longer periods more.
    expect(expectedTransactions(CDNOW, 0, 0, 0, 0)).toBe(0);
    expect(expectedTransactions(CDNOW, 52, 0, 0, 0)).toBeGreaterThan(expectedTransactions(CDNOW, 26, 0, 0, 0));
  });
});

describe('fitting BG/NBD', () => {
  /*
   * Parameters recovered from customers simulated with them. The tolerance is 15 % on each parameter:
   * with these designs the standard errors from the observed information (standardErrors on this very
   * fit) are r 1.1 %, α 2.0 %, a 3.9 %, b 5.2 % (CDNOW-like, 30 000 customers seen for 1–2 years) and
   * r 1.3 %, α 1.7 %, a 2.8 %, b 3.7 % (a > 1, 20 000 customers), so 15 % is at least 2.9 standard errors
   * (b, CDNOW-like) and 3.8 or more on the rest; the truth is also required within 4 of them. The CDNOW
   * window itself (27–39 weeks) identifies a and b too weakly for that (SE ≈ 15–20 % at 5 000 customers),
   * hence the longer windows. Fitted (seed 2024): r 0.2411, α 4.357, a 0.8098, b 2.423 and
   * r 1.199, α 4.999, a 1.534, b 4.100.
   */
  const designs: { name: string; truth: BgnbdParams; customers: number; T: { min: number; max: number } }[] = [
    { name: 'CDNOW-like (a < 1)', truth: CDNOW, customers: 30_000, T: { min: 52, max: 104 } },
    { name: 'a > 1', truth: { r: 1.2, alpha: 5, a: 1.5, b: 4 }, customers: 20_000, T: { min: 52, max: 104 } },
  ];
  for (const { name, truth, customers, T } of designs) {
    it(`recovers the parameters customers were simulated with: ${name}`, () => {
      const data = simulateBgnbd(truth, customers, { seed: 2024, T });
      const fit = fitBgnbd(data);
      expect(fit.converged).toBe(true);
      expect(fit.customers).toBe(customers);
      for (const k of KEYS) expect(Math.abs(fit.params[k] / truth[k] - 1), k).toBeLessThan(0.15);
      // The maximum is at least as likely as the truth, and not implausibly more (2ΔLL ~ χ²₄: 20 is p ≈ 0.0005).
      const gain = fit.logLikelihood - logLikelihood(truth, data);
      expect(gain).toBeGreaterThanOrEqual(0);
      expect(gain).toBeLessThan(10);
      expect(fit.logLikelihood).toBeCloseTo(logLikelihood(fit.params, data), 6);
      // The gradient vanishes there, and the truth lies within 4 standard errors.
      const { gradient } = logLikelihoodWithGradient(fit.params, data);
      const se = standardErrors(fit.params, data);
      for (const k of KEYS) {
        expect(Math.abs(gradient[k] * fit.params[k]), k).toBeLessThan(1e-6 * Math.abs(fit.logLikelihood));
        expect(se[k], k).toBeGreaterThan(0);
        expect(Math.abs(fit.params[k] - truth[k]), k).toBeLessThan(4 * se[k]);
      }
    });
  }

  it('aggregated histories give the fit of the customers one by one', () => {
    // Whole-day histories repeat a lot; grouping them must not change the likelihood or the estimate.
    const sim = simulateBgnbd(CDNOW, 3000, { seed: 11, T: { min: 30, max: 40 } });
    const byDay = sim.map(({ x, tx, T }) => ({ x, tx: Math.round(tx), T: Math.round(T), count: 1 }));
    const groups = new Map<string, RepeatHistory>();
    for (const h of byDay) {
      const key = `${h.x}:${h.tx}:${h.T}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { ...h });
    }
    const grouped = [...groups.values()];
    expect(grouped.length).toBeLessThan(byDay.length / 2);
    expect(logLikelihood(CDNOW, grouped)).toBeCloseTo(logLikelihood(CDNOW, byDay), 6);
    const a = fitBgnbd(byDay);
    const b = fitBgnbd(grouped);
    expect(b.customers).toBe(3000);
    for (const k of KEYS) expect(b.params[k]).toBeCloseTo(a.params[k], 4);
  });

  it('refuses histories it cannot fit', () => {
    expect(() => fitBgnbd([])).toThrow(/no customers/);
    expect(() => fitBgnbd([{ x: 0, tx: 0, T: 10, count: 5 }])).toThrow(/no customer bought again/);
    expect(() => fitBgnbd([{ x: 2, tx: 12, T: 10, count: 1 }])).toThrow(/not possible/);
  });
});

describe('BG/NBD on a project', () => {
  let h: Harness;
  let db: Database;
  beforeEach(async () => {
    h = harness();
    const dir = join(h.root, 'project');
    await h.handlers['project.create']({ project: dir }, h.ctx);
    db = (await h.services.projects.get(dir)).db;
  });
  afterEach(() => h.close());

  // u1 buys on 01-04 (two receipts, three lines: one day), 01-18 and 02-01. u2 buys on 01-11 and
  // only returns something on 01-25 (no purchase). u3 buys on 01-25 and 03-01, the last purchase day.
  // u4 buys once, on 01-11, like u2.
  const LINES: Line[] = [
    ['u1', 'r1', 'A01', 1, '2021-01-04', 1000],
    ['u1', 'r1', 'A01', 1, '2021-01-04', 500],
    ['u1', 'r2', 'A02', 1, '2021-01-04', 300],
    ['u1', 'r3', 'A02', 2, '2021-01-18', 2000],
    ['u1', 'r4', 'A01', 1, '2021-02-01', 700],
    ['u2', 'r5', 'A02', 1, '2021-01-11', 400],
    ['u2', 'r6', 'A02', 1, '2021-01-25', -400],
    ['u3', 'r7', 'A06', 2, '2021-01-25', 900],
    ['u3', 'r8', 'A06', 2, '2021-03-01', 900],
    ['u4', 'r9', 'A03', 1, '2021-01-11', 100],
  ];

  it('counts distinct purchase days after the first, with T from the first purchase to the calibration end', async () => {
    await insertRows(db, { lines: LINES });
    // Default end: the last purchase day, 2021-03-01. In days:
    // u1 first 01-04: x = 2 (01-18, 02-01), t_x = 28, T = 56; u2, u4 first 01-11: x = 0, T = 49;
    // u3 first 01-25: x = 1, t_x = 35, T = 35.
    const days = await repeatHistories(db, { unit: 'day' });
    expect(days.calibrationEnd).toBe('2021-03-01');
    expect(days.histories).toEqual([
      { x: 0, tx: 0, T: 49, count: 2 },
      { x: 1, tx: 35, T: 35, count: 1 },
      { x: 2, tx: 28, T: 56, count: 1 },
    ]);
    // Up to 01-31, in weeks: u1 x = 1 (01-18), t_x = 2, T = 27/7; u2, u4 T = 20/7; u3 x = 0, T = 6/7.
    const weeks = await repeatHistories(db, { unit: 'week', calibrationEnd: '2021-01-31' });
    expect(weeks.histories).toEqual([
      { x: 0, tx: 0, T: 6 / 7, count: 1 },
      { x: 0, tx: 0, T: 20 / 7, count: 2 },
      { x: 1, tx: 2, T: 27 / 7, count: 1 },
    ]);
    // From 01-15: u1's first purchase day in the period is 01-18 (x = 1, t_x = 14, T = 42); u2 and u4 drop out.
    const from = await repeatHistories(db, { unit: 'day', from: '2021-01-15' });
    expect(from.histories).toEqual([
      { x: 1, tx: 14, T: 42, count: 1 },
      { x: 1, tx: 35, T: 35, count: 1 },
    ]);
    const perCustomer = await customerHistories(db, { unit: 'day' });
    expect(perCustomer.customers).toEqual([
      { customerId: 'u1', x: 2, tx: 28, T: 56 },
      { customerId: 'u2', x: 0, tx: 0, T: 49 },
      { customerId: 'u3', x: 1, tx: 35, T: 35 },
      { customerId: 'u4', x: 0, tx: 0, T: 49 },
    ]);
  });

  it('refuses bad dates and an empty period', async () => {
    await expect(repeatHistories(db, { unit: 'day' })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await insertRows(db, { lines: LINES });
    await expect(repeatHistories(db, { unit: 'day', calibrationEnd: '2021-02-30' })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(repeatHistories(db, { unit: 'day', from: '2021-02-01', calibrationEnd: '2021-01-31' })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(repeatHistories(db, { unit: 'day', from: '2021-04-01' })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
  });

  it('fits the histories its SQL builds, in weeks or days', async () => {
    // 1 000 customers buying as BG/NBD says (λ ~ Gamma(0.9, 20 days), dropout p ~ Beta(1, 4)) on whole
    // days of 2021-01 … 2021-06, with extra receipts and lines on purchase days and return-only days.
    const rng = rngFor(5, 'bgnbd-project');
    const lines: Line[] = [];
    const bought = new Map<string, Set<number>>();
    for (let c = 0; c < 1000; c++) {
      const id = `c${String(c).padStart(4, '0')}`;
      const first = rng.int(120);
      const days = new Set<number>([first]);
      const lambda = rng.gamma(0.9) / 20;
      const g = rng.gamma(1);
      const p = g / (g + rng.gamma(4));
      for (let t = first; ; ) {
        t += rng.exponential(1 / lambda);
        if (!(t <= 180)) break;
        days.add(Math.floor(t));
        if (rng.chance(p)) break;
      }
      bought.set(id, days);
      for (const d of days) lines.push([id, `${id}-${d}`, 'A01', 1, isoDay(d), 1000]);
      const some = () => [...days][rng.int(days.size)];
      if (rng.chance(0.3)) lines.push([id, `${id}-again`, 'A02', 2, isoDay(some()), 800]); // a second receipt that day
      if (rng.chance(0.3)) lines.push([id, `${id}-${first}`, 'A01', 1, isoDay(first), 200]); // a second line on a receipt
      if (rng.chance(0.3)) lines.push([id, `${id}-ret`, 'A01', 1, isoDay(Math.min(181, first + 1 + rng.int(30))), -500]);
    }
    await insertLines(db, lines);
    const end = 170;
    const expected = new Map<string, RepeatHistory>();
    let repeats = 0;
    for (const days of bought.values()) {
      const inPeriod = [...days].filter((d) => d <= end).sort((p, q) => p - q);
      if (!inPeriod.length) continue;
      const h = { x: inPeriod.length - 1, tx: inPeriod.at(-1)! - inPeriod[0], T: end - inPeriod[0], count: 1 };
      repeats += h.x;
      const key = `${h.x}:${h.tx}:${h.T}`;
      const g = expected.get(key);
      if (g) g.count++;
      else expected.set(key, h);
    }
    const sorted = [...expected.values()].sort((p, q) => p.x - q.x || p.tx - q.tx || p.T - q.T);
    const customers = sorted.reduce((s, g) => s + g.count, 0);
    expect(customers).toBe(1000);

    const { histories } = await repeatHistories(db, { unit: 'day', calibrationEnd: isoDay(end) });
    expect(histories).toEqual(sorted);

    const inDays = await fitBgnbdFromProject(db, { unit: 'day', calibrationEnd: isoDay(end) });
    const direct = fitBgnbd(sorted);
    expect(inDays).toMatchObject({ unit: 'day', customers, calibrationEnd: isoDay(end) });
    for (const k of KEYS) expect(inDays[k]).toBe(direct.params[k]);
    expect(inDays.logLikelihood).toBe(direct.logLikelihood);

    // Weeks rescale time by 7: α by 7, r, a and b unchanged, and the density of the x purchase times
    // by 7 per purchase, so LL(weeks) = LL(days) + Σx · ln 7.
    const inWeeks = await fitBgnbdFromProject(db, { unit: 'week', calibrationEnd: isoDay(end) });
    expect(inWeeks.unit).toBe('week');
    expect((inWeeks.alpha * 7) / inDays.alpha).toBeCloseTo(1, 4);
    for (const k of ['r', 'a', 'b'] as const) expect(inWeeks[k] / inDays[k]).toBeCloseTo(1, 4);
    expect(inWeeks.logLikelihood).toBeCloseTo(inDays.logLikelihood + repeats * Math.log(7), 5);
  });
});

/** Purchase lines in one statement (insertRows writes one statement a line: too slow for thousands). */
async function insertLines(db: Database, lines: Line[]): Promise<void> {
  const values: string[] = [];
  const params: (string | number)[] = [];
  lines.forEach(([customer, receipt, chain, channel, date, amount], i) => {
    const at = params.length;
    params.push(customer, receipt, chain, date, amount);
    values.push(`($${at + 1}, $${at + 2}, ${channel}, $${at + 3}, $${at + 4}::DATE, $${at + 5}::DOUBLE, ${i + 1})`);
  });
  await db.run(
    `INSERT INTO purchases (customer_id, receipt_id, channel, chain, branch_id, product_id, date, hour, amount, quantity, is_return, import_id, line)
     SELECT c, r, ch, chain, NULL, 'PD0001', d, 12, amt, 1, amt <= 0, 1, n FROM (VALUES ${values.join(', ')}) v(c, r, ch, chain, d, amt, n)`,
    params,
  );
}

/** Day n of 2021 (0 = 2021-01-01) as YYYY-MM-DD. */
function isoDay(n: number): string {
  return new Date(Date.UTC(2021, 0, 1 + n)).toISOString().slice(0, 10);
}
