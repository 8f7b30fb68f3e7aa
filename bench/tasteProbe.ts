// Product-level personal structure of a generated sample: can a personal recommender beat popularity?
// Reads a generated folder's purchase file (02_PDDE) with plain Node and prints JSON with
//  - leave-one-out: each customer's last distinct product (the one whose first purchase is latest)
//    against 49 negatives drawn uniformly (seeded) from products the customer never bought, the same
//    for each model; HR@10 and NDCG@10 of popularity and of item-kNN cosine (top-50 neighbours of the
//    candidate, score = sum of its similarities to the customer's items);
//  - time split: train on lines before --cutoff (default 2021-10-01), test = products new to the
//    customer after it; full ranking over the products the customer has not bought; recall@10 =
//    hits / min(10, new products).
// Usage: npx tsx bench/tasteProbe.ts --data DIR [--seed 1] [--cutoff 20211001] [--neighbours 50]
//    or: npx tsx bench/tasteProbe.ts --customers N [--data-seed S]   (generates into a temporary folder first)
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLpoint } from '../src/main/services/generator';
import { argValue } from './util';

let data = argValue('data', '');
const generateCustomers = Number(argValue('customers', '0'));
let generatedSeconds: number | undefined;
if (!data && generateCustomers > 0) {
  data = mkdtempSync(join(tmpdir(), 'cw-taste-probe-'));
  const dataSeed = argValue('data-seed', '');
  const report = await generateLpoint({ out: data, customers: generateCustomers, ...(dataSeed ? { seed: Number(dataSeed) } : {}) });
  generatedSeconds = report.seconds;
  process.on('exit', () => rmSync(data, { recursive: true, force: true }));
}
if (!data) throw new Error('tasteProbe needs --data DIR (a folder written by generate) or --customers N.');
const seed = Number(argValue('seed', '1'));
const cutoffText = argValue('cutoff', '20211001');
const neighbours = Number(argValue('neighbours', '50'));
const K = 10;
const NEGATIVES = 49;

/** Day number (days since 1970) of YYYYMMDD, or -1 when it is not a date. */
function dayOf(ymd: string): number {
  if (!/^\d{8}$/.test(ymd)) return -1;
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(4, 6)) - 1;
  const d = Number(ymd.slice(6, 8));
  const t = Date.UTC(y, m, d);
  const date = new Date(t);
  if (date.getUTCMonth() !== m || date.getUTCDate() !== d) return -1;
  return t / 86_400_000;
}
const cutoff = dayOf(cutoffText);

function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The catalog's product codes: lines with any other code (planted defects) are skipped.
const catalog = new Set(readFileSync(join(data, 'LPOINT_BIG_COMP_04_PD_CLAC.csv'), 'utf8').split('\r\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean));

// ---- read: per customer, per product, the first (day, hour, line) key; and whether bought before the cut-off.
const custIndex = new Map<string, number>();
const firstKey: Map<number, number>[] = [];
const before: Set<number>[] = [];
const seenProducts = new Set<number>();
let lines = 0;
let skipped = 0;

function line(text: string, lineNo: number): void {
  const f = text.split(',');
  if (f.length !== 10) return void skipped++;
  const [cust, , , , , pd, dt, hr] = f;
  const day = dayOf(dt);
  const hour = Number(hr);
  if (!/^M\d{9}$/.test(cust) || !catalog.has(pd) || day < 0 || !(hour >= 0 && hour <= 23) || !/^\d+$/.test(hr)) return void skipped++;
  const p = Number(pd.slice(2)) - 1;
  let u = custIndex.get(cust);
  if (u === undefined) {
    u = firstKey.length;
    custIndex.set(cust, u);
    firstKey.push(new Map());
    before.push(new Set());
  }
  lines++;
  seenProducts.add(p);
  const key = (day * 24 + hour) * 1e7 + lineNo;
  const m = firstKey[u];
  const k = m.get(p);
  if (k === undefined || key < k) m.set(p, key);
  if (day < cutoff) before[u].add(p);
}

async function read(path: string): Promise<void> {
  let rest = '';
  let lineNo = 0;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 22 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      if (lineNo > 0) line(text.slice(start, end), lineNo);
      lineNo++;
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  if (rest) line(rest, lineNo);
}

const started = performance.now();
await read(join(data, 'LPOINT_BIG_COMP_02_PDDE.csv'));
const P = Math.max(...seenProducts) + 1;
const universe = Int32Array.from([...seenProducts].sort((a, b) => a - b));
const U = firstKey.length;

/** Item-kNN cosine over binary customer × product sets: for each item its top neighbours, and the reverse lists. */
interface Knn {
  /** rev[i]: items j that have i among their neighbours, with sim(i, j). */
  revItem: Int32Array[];
  revSim: Float64Array[];
  /** nb[j]: j's neighbours and similarities. */
  nbItem: Int32Array[];
  nbSim: Float64Array[];
}

function buildKnn(sets: Int32Array[]): Knn {
  const co = new Int32Array(P * P);
  const n = new Int32Array(P);
  for (const items of sets) {
    for (let a = 0; a < items.length; a++) {
      const i = items[a];
      n[i]++;
      const row = i * P;
      for (let b = a + 1; b < items.length; b++) co[row + items[b]]++;
    }
  }
  const nbItem: Int32Array[] = [];
  const nbSim: Float64Array[] = [];
  const sim = new Float64Array(P);
  const order = new Int32Array(P);
  for (let j = 0; j < P; j++) {
    let count = 0;
    for (let i = 0; i < P; i++) {
      if (i === j || n[i] === 0 || n[j] === 0) continue;
      const c = i < j ? co[i * P + j] : co[j * P + i];
      if (c === 0) continue;
      sim[i] = c / Math.sqrt(n[i] * n[j]);
      order[count++] = i;
    }
    const top = Array.from(order.subarray(0, count)).sort((a, b) => sim[b] - sim[a] || a - b).slice(0, neighbours);
    nbItem.push(Int32Array.from(top));
    nbSim.push(Float64Array.from(top, (i) => sim[i]));
  }
  const revCount = new Int32Array(P);
  for (const list of nbItem) for (const i of list) revCount[i]++;
  const revItem = Array.from(revCount, (c) => new Int32Array(c));
  const revSim = Array.from(revCount, (c) => new Float64Array(c));
  revCount.fill(0);
  nbItem.forEach((list, j) => list.forEach((i, k) => {
    revItem[i][revCount[i]] = j;
    revSim[i][revCount[i]++] = nbSim[j][k];
  }));
  return { revItem, revSim, nbItem, nbSim };
}

function popularityOf(sets: Int32Array[]): Float64Array {
  const pop = new Float64Array(P);
  for (const items of sets) for (const i of items) pop[i]++;
  return pop;
}

// ---- leave-one-out: the last distinct product of each customer with at least two.
const looTrain: Int32Array[] = [];
const looHeld: number[] = [];
const looUser: number[] = [];
for (let u = 0; u < U; u++) {
  const m = firstKey[u];
  if (m.size < 2) continue;
  let last = -1;
  let lastKey = -Infinity;
  for (const [p, k] of m) if (k > lastKey) [last, lastKey] = [p, k];
  looTrain.push(Int32Array.from([...m.keys()].filter((p) => p !== last)).sort());
  looHeld.push(last);
  looUser.push(u);
}
const looKnn = buildKnn(looTrain);
const looPop = popularityOf(looTrain);
const mark = new Uint8Array(P);
const rand = mulberry32(seed);
const hits = { popularity: 0, itemKnn: 0 };
const ndcg = { popularity: 0, itemKnn: 0 };
const candidates = new Int32Array(NEGATIVES + 1);
for (let r = 0; r < looTrain.length; r++) {
  const owned = firstKey[looUser[r]];
  const train = looTrain[r];
  for (const i of train) mark[i] = 1;
  candidates[0] = looHeld[r];
  for (let k = 1; k <= NEGATIVES; k++) {
    let j: number;
    do j = universe[Math.floor(rand() * universe.length)];
    while (owned.has(j));
    candidates[k] = j;
  }
  const knnScore = (j: number) => {
    let s = 0;
    const items = looKnn.nbItem[j];
    const sims = looKnn.nbSim[j];
    for (let k = 0; k < items.length; k++) if (mark[items[k]]) s += sims[k];
    return s;
  };
  for (const [model, score] of [['popularity', (j: number) => looPop[j]], ['itemKnn', knnScore]] as const) {
    const pos = score(candidates[0]);
    let rank = 0;
    for (let k = 1; k <= NEGATIVES; k++) {
      const s = score(candidates[k]);
      if (s > pos) rank++;
      else if (s === pos) rank += 0.5; // ties: the expected rank under a random order
    }
    if (rank < K) {
      hits[model]++;
      ndcg[model] += 1 / Math.log2(rank + 2);
    }
  }
  for (const i of train) mark[i] = 0;
}
const looN = looTrain.length;

// ---- time split: train before the cut-off, test = products new to the customer after it.
const tsTrain: Int32Array[] = [];
const tsTest: Int32Array[] = [];
for (let u = 0; u < U; u++) {
  const b = before[u];
  if (b.size === 0) continue;
  const fresh = [...firstKey[u].keys()].filter((p) => !b.has(p));
  tsTrain.push(Int32Array.from(b).sort());
  tsTest.push(Int32Array.from(fresh));
}
const tsKnn = buildKnn(tsTrain);
const tsPop = popularityOf(tsTrain);
const popOrder = Array.from(universe).sort((a, b) => tsPop[b] - tsPop[a] || a - b);
const recall = { popularity: 0, itemKnn: 0 };
let tsN = 0;
let tsNew = 0;
const score = new Float64Array(P);
const target = new Uint8Array(P);
for (let r = 0; r < tsTrain.length; r++) {
  const test = tsTest[r];
  if (test.length === 0) continue;
  tsN++;
  tsNew += test.length;
  const train = tsTrain[r];
  for (const i of train) mark[i] = 1;
  for (const i of test) target[i] = 1;
  const denominator = Math.min(K, test.length);
  // popularity: the K most popular products the customer has not bought
  let got = 0;
  let h = 0;
  for (const j of popOrder) {
    if (mark[j]) continue;
    if (target[j]) h++;
    if (++got === K) break;
  }
  recall.popularity += h / denominator;
  // item-kNN: scores by reverse neighbour lists; unscored products fall back to popularity order
  score.fill(0);
  for (const i of train) {
    const items = tsKnn.revItem[i];
    const sims = tsKnn.revSim[i];
    for (let k = 0; k < items.length; k++) score[items[k]] += sims[k];
  }
  const ranked = Array.from(universe).filter((j) => !mark[j]).sort((a, b) => score[b] - score[a] || tsPop[b] - tsPop[a] || a - b);
  h = 0;
  for (let k = 0; k < K && k < ranked.length; k++) if (target[ranked[k]]) h++;
  recall.itemKnn += h / denominator;
  for (const i of train) mark[i] = 0;
  for (const i of test) target[i] = 0;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
process.stdout.write(
  JSON.stringify(
    {
      data: generatedSeconds === undefined ? data : `generated: ${generateCustomers} customers in ${generatedSeconds.toFixed(1)} s`,
      lines,
      skipped,
      customers: U,
      products: universe.length,
      leaveOneOut: {
        customers: looN,
        negatives: NEGATIVES,
        hr10: { popularity: round(hits.popularity / looN), itemKnn: round(hits.itemKnn / looN) },
        ndcg10: { popularity: round(ndcg.popularity / looN), itemKnn: round(ndcg.itemKnn / looN) },
      },
      timeSplit: {
        cutoff: cutoffText,
        customers: tsN,
        newProductsPerCustomer: round(tsNew / Math.max(1, tsN)),
        recall10: { popularity: round(recall.popularity / tsN), itemKnn: round(recall.itemKnn / tsN) },
        ratio: round(recall.itemKnn / recall.popularity),
      },
      seconds: round((performance.now() - started) / 1000),
    },
    null,
    1,
  ) + '\n',
);
