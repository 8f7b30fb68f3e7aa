import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archetypeProbabilities, ARCHETYPES, drawArchetype } from '../../src/main/services/generator/archetypes';
import { buildCatalog } from '../../src/main/services/generator/catalog';
import { AGES, CustomerFile, GENDERS } from '../../src/main/services/generator/customers';
import { generateLpoint, type GenerateReport } from '../../src/main/services/generator/index';
import { DOMAINS, PARAMS, RETAIL } from '../../src/main/services/generator/params';
import { rngFor } from '../../src/main/services/generator/random';
import { tempDir } from '../helpers';

/**
 * The planted shopper archetypes are recoverable: K-means on standardised per-customer features,
 * computed here straight from the generated CSV files, finds them again (adjusted Rand index ≥ 0.5).
 */
const tmp = tempDir('cw-arch-');
const SEED = 20_210_101;
const CUSTOMERS = 2_000;
let report: GenerateReport;
let dir: string;
beforeAll(async () => {
  dir = join(tmp.dir, 'data');
  report = await generateLpoint({ out: dir, customers: CUSTOMERS, seed: SEED, defects: false });
});
afterAll(() => tmp.cleanup());

const rows = (file: string) => readFileSync(join(dir, file), 'utf8').trimEnd().split('\r\n').slice(1).map((l) => l.split(','));
const K = ARCHETYPES.length;

/** Hour bands as the analyst would cut them: night 22–5, morning 6–10, midday 11–13, afternoon 14–17, evening 18–21. */
const BAND_OF_HOUR = Array.from({ length: 24 }, (_, h) => (h >= 22 || h <= 5 ? 0 : h <= 10 ? 1 : h <= 13 ? 2 : h <= 17 ? 3 : 4));
const FEATURES = [
  'weekend', 'night', 'morning', 'midday', 'afternoon', 'evening', 'online',
  ...RETAIL.map((c) => `chain ${c}`), ...DOMAINS.map((d) => `lines ${d}`),
  'log receipts', 'log lines per receipt', 'log amount per receipt', 'log service rows', 'log L.pay rows',
];

/** One row of FEATURES per buyer (customers in the purchase file), and the buyer's index in the customer file. */
let features: { x: number[][]; customer: number[] } | undefined;
function customerFeatures(): { x: number[][]; customer: number[] } {
  if (features) return features;
  const index = new Map(rows('LPOINT_BIG_COMP_01_DEMO.csv').map(([cust], i) => [cust, i]));
  const domainOfCategory = new Map(buildCatalog(PARAMS.masterSeed).categories.map((c) => [c.name, DOMAINS.indexOf(c.domain)]));
  const domainOf = new Map(rows('LPOINT_BIG_COMP_04_PD_CLAC.csv').map(([pd, , top]) => [pd, domainOfCategory.get(top)!]));
  const countBy = (file: string) => {
    const n = new Map<string, number>();
    for (const [cust] of rows(file)) n.set(cust, (n.get(cust) ?? 0) + 1);
    return n;
  };
  const services = countBy('LPOINT_BIG_COMP_03_COP_U.csv');
  const lpay = countBy('LPOINT_BIG_COMP_06_LPAY.csv');
  type Acc = { receipts: Set<string>; weekend: number; band: number[]; online: number; chain: number[]; domain: number[]; lines: number; amount: number };
  const acc = new Map<string, Acc>();
  for (const [cust, rct, chnl, cop, , pd, dt, hr, am] of rows('LPOINT_BIG_COMP_02_PDDE.csv')) {
    let a = acc.get(cust);
    if (!a) acc.set(cust, (a = { receipts: new Set(), weekend: 0, band: [0, 0, 0, 0, 0], online: 0, chain: RETAIL.map(() => 0), domain: DOMAINS.map(() => 0), lines: 0, amount: 0 }));
    a.lines++;
    a.amount += Number(am);
    a.domain[domainOf.get(pd)!]++;
    if (a.receipts.has(rct)) continue;
    a.receipts.add(rct);
    const weekday = new Date(Date.UTC(Number(dt.slice(0, 4)), Number(dt.slice(4, 6)) - 1, Number(dt.slice(6, 8)))).getUTCDay();
    if (weekday === 0 || weekday === 6) a.weekend++;
    a.band[BAND_OF_HOUR[Number(hr)]]++;
    if (chnl === '2') a.online++;
    a.chain[RETAIL.indexOf(cop as (typeof RETAIL)[number])]++;
  }
  const x: number[][] = [];
  const customer: number[] = [];
  for (const [cust, a] of acc) {
    const r = a.receipts.size;
    x.push([
      a.weekend / r, ...a.band.map((b) => b / r), a.online / r, ...a.chain.map((c) => c / r), ...a.domain.map((d) => d / a.lines),
      Math.log1p(r), Math.log1p(a.lines / r), Math.log1p(a.amount / r), Math.log1p(services.get(cust) ?? 0), Math.log1p(lpay.get(cust) ?? 0),
    ]);
    customer.push(index.get(cust)!);
  }
  return (features = { x, customer });
}

function standardise(x: number[][]): number[][] {
  const d = x[0].length;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const row of x) row.forEach((v, f) => (mean[f] += v / x.length));
  for (const row of x) row.forEach((v, f) => (sd[f] += (v - mean[f]) ** 2 / x.length));
  return x.map((row) => row.map((v, f) => (sd[f] > 0 ? (v - mean[f]) / Math.sqrt(sd[f]) : 0)));
}

/** Lloyd's K-means with k-means++ seeding; the restart with the lowest inertia wins. Seeded. */
function kmeans(x: number[][], k: number, seed: number, restarts = 6): number[] {
  const dist = (a: number[], b: number[]) => a.reduce((s, v, f) => s + (v - b[f]) ** 2, 0);
  let best: number[] = [];
  let bestInertia = Infinity;
  for (let run = 0; run < restarts; run++) {
    const rng = rngFor(seed, 'test-kmeans', run);
    const centres = [x[rng.int(x.length)]];
    const near = x.map((p) => dist(p, centres[0]));
    while (centres.length < k) {
      let u = rng.next() * near.reduce((s, v) => s + v, 0);
      let j = 0;
      while (j < x.length - 1 && u >= near[j]) u -= near[j++];
      centres.push(x[j]);
      x.forEach((p, i) => (near[i] = Math.min(near[i], dist(p, x[j]))));
    }
    const label = new Array<number>(x.length).fill(-1);
    let inertia = 0;
    let moved = true;
    for (let step = 0; moved && step < 100; step++) {
      moved = false;
      inertia = 0;
      for (let i = 0; i < x.length; i++) {
        const d = centres.map((centre) => dist(x[i], centre));
        const c = d.indexOf(Math.min(...d));
        if (label[i] !== c) {
          label[i] = c;
          moved = true;
        }
        inertia += d[c];
      }
      for (let j = 0; j < k; j++) {
        const members = x.filter((_, i) => label[i] === j);
        if (members.length) centres[j] = members[0].map((_, f) => members.reduce((s, m) => s + m[f], 0) / members.length);
      }
    }
    if (inertia < bestInertia) [best, bestInertia] = [label, inertia];
  }
  return best;
}

function adjustedRandIndex(a: number[], b: number[]): number {
  const pairs = (m: number) => (m * (m - 1)) / 2;
  const cells = new Map<string, number>();
  const rowsA = new Map<number, number>();
  const colsB = new Map<number, number>();
  a.forEach((x, i) => {
    cells.set(`${x}:${b[i]}`, (cells.get(`${x}:${b[i]}`) ?? 0) + 1);
    rowsA.set(x, (rowsA.get(x) ?? 0) + 1);
    colsB.set(b[i], (colsB.get(b[i]) ?? 0) + 1);
  });
  const sum = (m: Map<unknown, number>) => [...m.values()].reduce((s, v) => s + pairs(v), 0);
  const [index, sa, sb] = [sum(cells), sum(rowsA), sum(colsB)];
  const expected = (sa * sb) / pairs(a.length);
  return (index - expected) / ((sa + sb) / 2 - expected);
}

describe('shopper archetypes', () => {
  it('are recorded per customer in the manifest, with their Korean and English names', () => {
    const truth = report.groundTruth.archetypes;
    expect(K).toBeGreaterThanOrEqual(4);
    expect(K).toBeLessThanOrEqual(6);
    expect(truth.keys).toEqual(ARCHETYPES.map((a) => a.key));
    expect(truth.ko.every((name) => /[가-힣]/.test(name))).toBe(true);
    expect(truth.en.every((name) => /^[a-z][a-z -]+$/.test(name))).toBe(true);
    expect(truth.byCustomer).toMatch(new RegExp(`^[0-${K - 1}]{${CUSTOMERS}}$`));
    expect(truth.counts.reduce((s, n) => s + n, 0)).toBe(CUSTOMERS);
    truth.counts.forEach((n, k) => expect(n, truth.keys[k]).toBe([...truth.byCustomer].filter((c) => Number(c) === k).length));
    const manifest = JSON.parse(readFileSync(report.manifest, 'utf8'));
    expect(manifest.groundTruth.archetypes).toEqual(truth);
    expect(manifest.params.archetypes.kinds.map((a: { key: string }) => a.key)).toEqual(truth.keys);
  });

  it('are drawn from their own stream per customer: deterministic by seed, different for another seed', async () => {
    const people = new CustomerFile(SEED, CUSTOMERS);
    const redrawn = Array.from({ length: CUSTOMERS }, (_, i) => drawArchetype(rngFor(SEED, 'archetype', i), people.get(i))).join('');
    expect(redrawn).toBe(report.groundTruth.archetypes.byCustomer);
    const other = await generateLpoint({ out: join(tmp.dir, 'other'), customers: 300, seed: SEED + 1, defects: false });
    const same = [...other.groundTruth.archetypes.byCustomer].filter((c, i) => c === report.groundTruth.archetypes.byCustomer[i]).length;
    expect(same).toBeLessThan(300 * 0.5);
  });

  it('come in the shares PARAMS gives for the customers’ age bands and genders (within 3 points)', () => {
    const expected = new Array<number>(K).fill(0);
    for (const [, gender, age] of rows('LPOINT_BIG_COMP_01_DEMO.csv')) {
      const p = archetypeProbabilities({ gender: GENDERS.indexOf(gender), age: AGES.indexOf(age) });
      p.forEach((v, k) => (expected[k] += v / CUSTOMERS));
    }
    const observed = report.groundTruth.archetypes.counts.map((n) => n / CUSTOMERS);
    observed.forEach((share, k) => {
      expect(share, ARCHETYPES[k].key).toBeGreaterThan(0.08);
      expect(Math.abs(share - expected[k]), ARCHETYPES[k].key).toBeLessThan(0.03);
    });
    // The demographic tilts are real: the young lean online, the old to daily fresh food.
    const young = archetypeProbabilities({ gender: 0, age: 0 });
    const old = archetypeProbabilities({ gender: 0, age: 5 });
    const k = (key: string) => ARCHETYPES.findIndex((a) => a.key === key);
    expect(young[k('onlineSingle')]).toBeGreaterThan(2 * old[k('onlineSingle')]);
    expect(old[k('dailyFresh')]).toBeGreaterThan(2 * young[k('dailyFresh')]);
  });

  it('show in the behaviour: each archetype leads on its signature feature', () => {
    const { x, customer } = customerFeatures();
    const truth = customer.map((i) => Number(report.groundTruth.archetypes.byCustomer[i]));
    const meanOf = (feature: string, k: number) => {
      const f = FEATURES.indexOf(feature);
      const members = x.filter((_, i) => truth[i] === k);
      return members.reduce((s, row) => s + row[f], 0) / members.length;
    };
    const signature: Record<string, string> = {
      weekendFamily: 'weekend', onlineSingle: 'online', dailyFresh: 'lines fresh', departmentRegular: 'chain A01', convenienceDining: 'chain A04',
    };
    for (const [key, feature] of Object.entries(signature)) {
      const k = ARCHETYPES.findIndex((a) => a.key === key);
      expect(k, key).toBeGreaterThanOrEqual(0);
      const others = ARCHETYPES.map((_, j) => j).filter((j) => j !== k).map((j) => meanOf(feature, j));
      expect(meanOf(feature, k), `${key}: ${feature}`).toBeGreaterThan(1.5 * Math.max(...others));
    }
  });

  it('are recovered by K-means on standardised per-customer features (adjusted Rand index ≥ 0.5)', () => {
    const { x, customer } = customerFeatures();
    expect(x.length).toBeGreaterThan(CUSTOMERS * 0.8);
    expect(x[0]).toHaveLength(FEATURES.length);
    const truth = customer.map((i) => Number(report.groundTruth.archetypes.byCustomer[i]));
    const labels = kmeans(standardise(x), K, 7);
    const ari = adjustedRandIndex(labels, truth);
    expect(ari).toBeGreaterThanOrEqual(0.5);
    // The index is not generous: the same clusters against a shuffled truth score about 0.
    const rng = rngFor(1, 'test-shuffle');
    const shuffled = [...truth];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    expect(Math.abs(adjustedRandIndex(labels, shuffled))).toBeLessThan(0.05);
  });
});
