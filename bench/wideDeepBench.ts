/**
 * Wide & Deep training and scoring speed on synthetic retail-sized data:
 *   npx tsx bench/wideDeepBench.ts [--users 30000] [--items 5000] [--perUser 44] [--batch 256]
 *                                  [--repeats 3] [--samples 300000] [--dim 8] [--hidden 64,32,16] [--epoch]
 * Data: users × items perUser draws each (~1.2 M distinct pairs at the defaults), the side
 * fields sideFeatures.ts builds (gender, age band, two tiers, rank at six chains, affiliate, L.pay;
 * category, chain, popularity), users buying mostly from two favourite categories.
 * "step" is the fused kernel + Adam step per batch over `samples` samples of epoch 1 (the training
 * loop without sampling); "fill" is drawing one epoch's negatives and shuffling it; --epoch also
 * times a whole epoch through WideDeepTrainer (minutes). Medians over repeats; CPU-time rates are
 * printed too (steadier on a busy machine). Figures only, no assertions; the last line printed is
 * the figures as JSON.
 */
import { rngFor } from '../src/main/services/generator/random';
import { ADAM_DEFAULTS } from '../src/main/services/models/ncf/adam';
import { allocateInstances, fillEpochInstances } from '../src/main/services/models/ncf/instances';
import { interactionsFromPairs, itemsOf, pairCount } from '../src/main/services/models/recommend/interactions';
import type { FeatureBlock, SideFeatures } from '../src/main/services/models/recommend/sideFeatures';
import { initWideDeepModel, wideDeepScorer, WideDeepTrainer } from '../src/main/services/models/widedeep';
import { WideDeepKernel } from '../src/main/services/models/widedeep/kernel';
import { FeatureLookup } from '../src/main/services/models/widedeep/lookup';
import { WideDeepAdam } from '../src/main/services/models/widedeep/optimizer';
import { argValue, median, nf, peakRssMb } from './util';

const USERS = Number(argValue('users', '30000'));
const ITEMS = Number(argValue('items', '5000'));
const PER_USER = Number(argValue('perUser', '44'));
const BATCH = Number(argValue('batch', '256'));
const REPEATS = Number(argValue('repeats', '3'));
const SAMPLES = Number(argValue('samples', '300000'));
const dim = Number(argValue('dim', '8'));
const hidden = argValue('hidden', '64,32,16').split(',').map(Number);
const CATEGORIES = 60;
const CHAINS = ['A01', 'A02', 'A03', 'A04', 'A05', 'A06'];

const labels = (prefix: string, n: number) => Array.from({ length: n }, (_, k) => `${prefix}${k + 1}`);

function block(names: string[], values: string[][], rows: number, code: (row: number, field: number) => number): FeatureBlock {
  const codes = new Int32Array(rows * names.length);
  for (let r = 0; r < rows; r++) for (let f = 0; f < names.length; f++) codes[r * names.length + f] = code(r, f);
  return { names, values, codes };
}

function syntheticData() {
  const rng = rngFor(1, 'widedeep-bench');
  const category = Int32Array.from({ length: ITEMS }, () => rng.int(CATEGORIES));
  const byCategory = Array.from({ length: CATEGORIES }, () => [] as number[]);
  category.forEach((c, i) => byCategory[c].push(i));
  const user = new Int32Array(USERS * PER_USER);
  const item = new Int32Array(USERS * PER_USER);
  const favourite = new Int32Array(USERS * 2);
  for (let u = 0, k = 0; u < USERS; u++) {
    favourite[2 * u] = rng.int(CATEGORIES);
    favourite[2 * u + 1] = rng.int(CATEGORIES);
    for (let j = 0; j < PER_USER; j++, k++) {
      const r = rng.next();
      const pool = byCategory[r < 0.4 ? favourite[2 * u] : r < 0.6 ? favourite[2 * u + 1] : rng.int(CATEGORIES)];
      user[k] = u;
      item[k] = pool.length ? pool[Math.floor(pool.length * rng.next() ** 2)] : rng.int(ITEMS);
    }
  }
  const train = interactionsFromPairs(USERS, ITEMS, user, item);
  const userNames = ['gender', 'age_band', 'tier_1', 'tier_2', ...CHAINS.map((c) => `rank_${c}`), 'affiliate', 'lpay'];
  const userValues = [['F', 'M'], labels('age', 6), labels('tier', 5), labels('tier', 5), ...CHAINS.map(() => labels('q', 5)), ['no', 'yes'], ['no', 'yes']];
  const features: SideFeatures = {
    user: block(userNames, userValues, USERS, (u, f) => (f === 2 ? 1 + (favourite[2 * u] % 5) : rng.int(userValues[f].length + 1))),
    item: block(['category', 'chain', 'popularity'], [labels('cat', CATEGORIES), CHAINS, labels('q', 5)], ITEMS, (i, f) =>
      f === 0 ? category[i] + 1 : f === 1 ? 1 + rng.int(CHAINS.length) : 1 + rng.int(5),
    ),
  };
  return { train, features };
}

interface Rate {
  samplesPerSecond: number;
  cpuSamplesPerSecond: number;
}

function timeRepeats(repeats: number, samples: number, work: () => void): Rate {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    work();
    const used = process.cpuUsage(c);
    wall.push(samples / ((performance.now() - t) / 1000));
    cpu.push(samples / ((used.user + used.system) / 1e6));
  }
  return { samplesPerSecond: median(wall), cpuSamplesPerSecond: median(cpu) };
}

async function main(): Promise<void> {
  let t = performance.now();
  const { train, features } = syntheticData();
  const pairs = pairCount(train);
  const dataSeconds = (performance.now() - t) / 1000;
  console.log(`Wide & Deep: ${nf.format(USERS)} users × ${nf.format(ITEMS)} items, ${nf.format(pairs)} pairs; dim ${dim}, hidden [${hidden}], batch ${BATCH} [data ${dataSeconds.toFixed(1)} s]`);

  const inst = allocateInstances(train, 4);
  const fill = timeRepeats(REPEATS, inst.length, () => fillEpochInstances(train, 4, 1, 1, inst));
  console.log(`  fill (negatives + shuffle): ${nf.format(fill.samplesPerSecond)} samples/s (${(inst.length / fill.samplesPerSecond).toFixed(1)} s for ${nf.format(inst.length)} samples)`);

  const model = initWideDeepModel({ users: USERS, items: ITEMS, features, crossField: 'category', dim, hidden }, 1);
  const kernel = new WideDeepKernel(model, new FeatureLookup(model, features), BATCH);
  const adam = new WideDeepAdam(model, ADAM_DEFAULTS);
  const n = Math.min(inst.length, Math.floor(SAMPLES / BATCH) * BATCH);
  const pass = () => {
    for (let s = 0; s < n; s += BATCH) {
      kernel.batch(inst.users, inst.items, inst.labels, s, BATCH);
      adam.step(kernel);
    }
  };
  pass(); // warm-up (JIT)
  const step = timeRepeats(REPEATS, n, pass);
  console.log(`  step (kernel + Adam), batch ${BATCH}: ${nf.format(step.samplesPerSecond)} samples/s (CPU ${nf.format(step.cpuSamplesPerSecond)})`);
  console.log(
    `    → one epoch of ${nf.format(inst.length)} samples ≈ ${(inst.length / step.samplesPerSecond + inst.length / fill.samplesPerSecond).toFixed(0)} s; ` +
      `${model.tables.length} embedding tables (${nf.format(model.embeddings.length)} weights), ${nf.format(model.wide.length)} wide weights`,
  );

  const scorer = wideDeepScorer(model, features);
  const scoreUsers = 200;
  t = performance.now();
  for (let u = 0; u < scoreUsers; u++) scorer.topK(u, 10, itemsOf(train, u));
  const topKMs = (performance.now() - t) / scoreUsers;
  console.log(`  topK(10) over ${nf.format(ITEMS)} items: ${topKMs.toFixed(1)} ms per user`);

  let epoch: { seconds: number; samplesPerSecond: number } | null = null;
  if (process.argv.includes('--epoch')) {
    const trainer = new WideDeepTrainer(train, features, { dim, hidden, batchSize: BATCH, seed: 1 });
    const cpu = process.cpuUsage();
    const e = (await trainer.epoch())!;
    const used = process.cpuUsage(cpu);
    epoch = { seconds: e.seconds, samplesPerSecond: e.samplesPerSecond };
    console.log(`  whole epoch (WideDeepTrainer): ${e.seconds.toFixed(1)} s, ${nf.format(e.samplesPerSecond)} samples/s (CPU ${((used.user + used.system) / 1e6).toFixed(1)} s), loss ${e.loss.toFixed(4)}`);
  }
  console.log(`  peak RSS ${peakRssMb().toFixed(0)} MB`);
  console.log(
    JSON.stringify({
      users: USERS,
      items: ITEMS,
      pairs,
      samplesPerEpoch: inst.length,
      dim,
      hidden,
      batch: BATCH,
      step,
      fill,
      topKMsPerUser: topKMs,
      epoch,
      peakRssMb: peakRssMb(),
    }),
  );
}

void main();
