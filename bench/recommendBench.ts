/**
 * Recommendation baselines at full scale: npx tsx bench/recommendBench.ts [--users 30000] [--items 5000]
 * [--groups 20] [--negatives 99] [--factors 32] [--iterations 8]
 * Synthetic purchases with planted taste (each user belongs to one of G groups that prefers its own
 * block of items, plus global popularity): ~40 purchases per user, ~1.2 M distinct user–item pairs.
 * Leave-one-out split, the same sampled negatives for every model; times each fit, the sampled
 * evaluation and every user's top 10 over the whole catalogue. Single thread. Figures only, no
 * assertions; the last line printed is the figures as JSON.
 * Targets (issue "Recommendation baselines"): each fit in seconds, all users' top 10 <= 30 s per model.
 */
import { pathToFileURL } from 'node:url';
import { cumulative, pick, rngFor } from '../src/main/services/generator/random';
import {
  evaluateSampled,
  fitImplicitMf,
  fitItemKnn,
  fitPopularity,
  fitRandom,
  itemsOf,
  leaveOneOut,
  pairCount,
  sampleEvaluationNegatives,
  type PurchaseRows,
  type Scorer,
} from '../src/main/services/models/recommend';
import { argValue, peakRssMb } from './util';

export interface RecommendBenchOptions {
  users?: number;
  items?: number;
  groups?: number;
  negatives?: number;
  factors?: number;
  iterations?: number;
  seed?: number;
}

export interface ModelFigures {
  model: string;
  fitSeconds: number;
  fitCpuSeconds: number;
  sampledEvalSeconds: number;
  top10AllUsersSeconds: number;
  top10AllUsersCpuSeconds: number;
  hr10: number;
  ndcg10: number;
}

export interface RecommendBenchFigures {
  users: number;
  items: number;
  rows: number;
  trainPairs: number;
  evaluatedUsers: number;
  negatives: number;
  generateSeconds: number;
  splitSeconds: number;
  negativesSeconds: number;
  models: ModelFigures[];
  peakRssMb: number;
}

/** Planted taste: user u is in group u mod G; 60 % of purchases come from the group's block, the rest from the whole catalogue, both weighted by a lognormal item popularity. Rows in day order per user. */
export function plantedPurchases(users: number, items: number, groups: number, seed: number): PurchaseRows {
  const rng = rngFor(seed, 'bench.recommend.items');
  const weight = new Float64Array(items);
  for (let i = 0; i < items; i++) weight[i] = rng.lognormal(0, 1.2);
  const all = cumulative(weight);
  const block = Math.ceil(items / groups);
  const blocks = Array.from({ length: groups }, (_, g) => cumulative(weight.subarray(g * block, Math.min(items, (g + 1) * block))));
  const user: number[] = [];
  const item: number[] = [];
  const day: number[] = [];
  for (let u = 0; u < users; u++) {
    const r = rngFor(seed, 'bench.recommend.user', u);
    const g = u % groups;
    const n = Math.max(2, Math.min(400, Math.round(r.lognormal(Math.log(40), 0.6))));
    let d = r.int(30);
    for (let k = 0; k < n; k++) {
      d += r.geometric(4);
      const i = r.chance(0.6) ? g * block + pick(blocks[g], r.next()) : pick(all, r.next());
      user.push(u);
      item.push(i);
      day.push(d);
    }
  }
  return { users, itemCount: items, user: Int32Array.from(user), item: Int32Array.from(item), day: Int32Array.from(day) };
}

const seconds = (started: number) => (performance.now() - started) / 1000;

/** Wall and CPU seconds of one call: on a busy machine the CPU figure is the steadier one. */
function time<T>(work: () => T): { result: T; seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const used = process.cpuUsage(cpu);
  return { result, seconds: seconds(started), cpuSeconds: (used.user + used.system) / 1e6 };
}

export function recommendBench(options: RecommendBenchOptions = {}): RecommendBenchFigures {
  const users = options.users ?? 30_000;
  const items = options.items ?? 5_000;
  const negatives = options.negatives ?? 99;
  let t = performance.now();
  const rows = plantedPurchases(users, items, options.groups ?? 20, options.seed ?? 7);
  const generateSeconds = seconds(t);
  t = performance.now();
  const split = leaveOneOut(rows);
  const splitSeconds = seconds(t);
  t = performance.now();
  const sampled = sampleEvaluationNegatives(split.train, split, negatives, 11);
  const negativesSeconds = seconds(t);

  const fits: [string, () => Scorer][] = [
    ['random', () => fitRandom(split.train, { seed: 3 })],
    ['popularity', () => fitPopularity(split.train)],
    ['itemKnn', () => fitItemKnn(split.train, { neighbours: 50 })],
    ['implicitMf', () => fitImplicitMf(split.train, { factors: options.factors, iterations: options.iterations, seed: 5 }).scorer],
  ];
  const models: ModelFigures[] = [];
  for (const [model, fit] of fits) {
    const fitted = time(fit);
    const scorer = fitted.result;
    const evaluation = time(() => evaluateSampled(scorer, split, sampled, [10]));
    const top = time(() => {
      let checksum = 0;
      for (let u = 0; u < users; u++) checksum += scorer.topK(u, 10, itemsOf(split.train, u))[0] ?? 0;
      return checksum;
    });
    models.push({
      model,
      fitSeconds: fitted.seconds,
      fitCpuSeconds: fitted.cpuSeconds,
      sampledEvalSeconds: evaluation.seconds,
      top10AllUsersSeconds: top.seconds,
      top10AllUsersCpuSeconds: top.cpuSeconds,
      hr10: evaluation.result.hitRate[0],
      ndcg10: evaluation.result.ndcg[0],
    });
  }
  return {
    users,
    items,
    rows: rows.user.length,
    trainPairs: pairCount(split.train),
    evaluatedUsers: split.users.length,
    negatives,
    generateSeconds,
    splitSeconds,
    negativesSeconds,
    models,
    peakRssMb: peakRssMb(),
  };
}

function print(f: RecommendBenchFigures): void {
  console.log(`Recommendation baselines, ${f.users} users × ${f.items} items, ${f.rows} rows, ${f.trainPairs} train pairs, one thread (node ${process.version})`);
  console.log(`  generate ${f.generateSeconds.toFixed(2)} s, leave-one-out ${f.splitSeconds.toFixed(2)} s (${f.evaluatedUsers} users), ${f.negatives} negatives each ${f.negativesSeconds.toFixed(2)} s`);
  for (const m of f.models) {
    console.log(
      `  ${m.model.padEnd(11)} fit ${m.fitSeconds.toFixed(2)} s (CPU ${m.fitCpuSeconds.toFixed(2)} s), sampled eval ${m.sampledEvalSeconds.toFixed(2)} s, ` +
        `top 10 for all users ${m.top10AllUsersSeconds.toFixed(2)} s (CPU ${m.top10AllUsersCpuSeconds.toFixed(2)} s, target <= 30 s); HR@10 ${m.hr10.toFixed(4)}, NDCG@10 ${m.ndcg10.toFixed(4)}`,
    );
  }
  console.log(`  peak RSS ${f.peakRssMb.toFixed(0)} MB`);
  console.log(JSON.stringify(f));
}

// Run directly (not imported): print the figures.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  print(
    recommendBench({
      users: Number(argValue('users', '30000')),
      items: Number(argValue('items', '5000')),
      groups: Number(argValue('groups', '20')),
      negatives: Number(argValue('negatives', '99')),
      factors: Number(argValue('factors', '32')),
      iterations: Number(argValue('iterations', '8')),
    }),
  );
}
