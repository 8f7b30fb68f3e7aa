/**
 * NCF training speed, ours vs TensorFlow.js (wasm), and NCF's MovieLens-1M evaluation:
 *   npx tsx bench/ncfBench.ts [--factors 8] [--layers 64,32,16,8] [--repeats 5] [--tfBatches 40]
 *   npx tsx bench/ncfBench.ts --ml1m [--model neumf|gmf|mlp] [--epochs 20] [--factors 8] [--layers 64,32,16,8]
 *                             [--lr 0.001] [--negatives 4] [--batch 256] [--seed 1] [--pretrain 0] [--pretrainLr LR]
 *                             [--l2 0] [--embeddingAdam catchUp|lazy] [--data DIR]
 * Speed: NeuMF on MovieLens-1M-sized random ids (6,040 users × 3,706 items, 20 % positives), batch
 * 256 and 1024, one thread. "ours" is the fused kernel + Adam step per batch (the training loop
 * without sampling); "ours epoch" is a whole training epoch on a planted dataset of ~1M samples
 * (negative sampling and shuffle included). TF.js runs the same model (tf.gather embeddings
 * with a scatterND gradient, matMul layers, sigmoid cross-entropy, tf.train.adam) on the wasm
 * backend. Samples/s are medians over repeats; CPU-time rates are printed too (steadier on a busy machine). Figures only, no
 * assertions; the last line printed is the figures as JSON.
 * --pretrain E trains GMF and MLP for E epochs each first, then NeuMF from them (Adam at --pretrainLr).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { rngFor } from '../src/main/services/generator/random';
import { evaluateNcf, initNcfModel, NcfTrainer, type NcfModel, type NcfModelKind } from '../src/main/services/models/ncf';
import { NcfKernel } from '../src/main/services/models/ncf/kernel';
import { NcfAdam } from '../src/main/services/models/ncf/optimizer';
import { ADAM_DEFAULTS, type RowAdamMode } from '../src/main/services/models/ncf/adam';
import { interactionsFromPairs } from '../src/main/services/models/recommend/interactions';
import type { SideFeatures } from '../src/main/services/models/recommend/sideFeatures';
import { tfBackend } from '../src/main/services/models/tfBackend';
import { argValue, median, nf, peakRssMb } from './util';

const USERS = 6040;
const ITEMS = 3706;
const factors = Number(argValue('factors', '8'));
const layers = argValue('layers', '64,32,16,8').split(',').map(Number);

/** Random (user, item, label) samples, ~20 % positive like NCF's 1 positive : 4 negatives. */
function randomSamples(n: number, seed: number) {
  const rng = rngFor(seed, 'ncf-bench');
  const users = new Int32Array(n);
  const items = new Int32Array(n);
  const labels = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    users[s] = rng.int(USERS);
    items[s] = rng.int(ITEMS);
    labels[s] = rng.next() < 0.2 ? 1 : 0;
  }
  return { users, items, labels };
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

/**
 * Side features shaped like the sample's (sideFeatures.ts): 12 customer fields (gender, age band, two
 * tiers, six chain ranks, affiliate, L.pay) and 3 product fields (category, main chain, popularity).
 */
function sampleShapedFeatures(): SideFeatures {
  const rng = rngFor(2, 'ncf-bench-side');
  const block = (names: string[], card: number[], rows: number) => ({
    names,
    values: card.map((c) => Array.from({ length: c }, (_, k) => String(k))),
    codes: Int32Array.from({ length: rows * card.length }, (_, k) => rng.int(card[k % card.length] + 1)),
  });
  const user = [2, 6, 5, 5, 5, 5, 5, 5, 5, 5, 2, 2];
  return { user: block(user.map((_, f) => `u${f}`), user, USERS), item: block(['category', 'chain', 'popularity'], [60, 6, 5], ITEMS) };
}

/** Our kernel + optimizer over `samples` samples, batch by batch (with side features when given). */
function oursRate(batch: number, repeats: number, features?: SideFeatures): Rate {
  const side = features ? { features, dim: 8 } : undefined;
  const model = initNcfModel({ kind: 'neumf', users: USERS, items: ITEMS, factors, layers, side }, 1);
  const kernel = new NcfKernel(model, batch, features);
  const adam = new NcfAdam(model, ADAM_DEFAULTS);
  const n = Math.floor(400_000 / batch) * batch;
  const d = randomSamples(n, 1);
  const pass = () => {
    for (let s = 0; s < n; s += batch) {
      kernel.batch(d.users, d.items, d.labels, s, batch);
      adam.step(kernel);
    }
  };
  pass(); // warm-up (JIT)
  return timeRepeats(repeats, n, pass);
}

/** A whole epoch through NcfTrainer (sampling + shuffle + batches) on ~200k pairs × 5. */
async function oursEpochRate(batch: number, repeats: number): Promise<Rate> {
  const rng = rngFor(2, 'ncf-bench-pairs');
  const pairs = 200_000;
  const u = new Int32Array(pairs);
  const i = new Int32Array(pairs);
  for (let k = 0; k < pairs; k++) {
    u[k] = rng.int(USERS);
    i[k] = rng.int(ITEMS);
  }
  const data = interactionsFromPairs(USERS, ITEMS, u, i);
  const trainer = new NcfTrainer(data, { factors, layers, batchSize: batch, seed: 1 });
  await trainer.epoch();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c = process.cpuUsage();
    const e = (await trainer.epoch())!;
    const used = process.cpuUsage(c);
    wall.push(e.samplesPerSecond);
    cpu.push(e.samples / ((used.user + used.system) / 1e6));
  }
  return { samplesPerSecond: median(wall), cpuSamplesPerSecond: median(cpu) };
}

/**
 * tf.gather with its gradient written as tf.scatterND (duplicates summed): the wasm backend has no
 * UnsortedSegmentSum, which tf.gather's own gradient needs, so embeddings cannot train there
 * otherwise (tf.layers.embedding gathers too). The gradient is dense over the table, as in Keras.
 */
const gatherRows = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [table, index, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([index]);
  const shape = table.shape;
  return {
    value: tf.gather(table, index),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [tf.scatterND(tf.expandDims(saved[0], 1), dy, shape), tf.zerosLike(saved[0])],
  };
}) as (table: tf.Tensor, index: tf.Tensor) => tf.Tensor;

/** The same NeuMF in TF.js from our initial weights, trained by tf.train.adam (dense, as Keras) batch by batch. */
function tfjsRate(model: NcfModel, batch: number, batches: number, repeats: number): Rate {
  const E = layers[0] / 2;
  const v = (a: Float32Array, shape: number[]) => tf.variable(tf.tensor(a, shape));
  const gU = v(model.gmfUser, [USERS, factors]);
  const gI = v(model.gmfItem, [ITEMS, factors]);
  const mU = v(model.mlpUser, [USERS, E]);
  const mI = v(model.mlpItem, [ITEMS, E]);
  // Our kernels are nOut × nIn; TF.js multiplies by nIn × nOut.
  const dense = model.dense.map((l) => ({ w: tf.variable(tf.tensor(l.kernel, [l.nOut, l.nIn]).transpose()), b: v(l.bias, [l.nOut]) }));
  const outW = v(model.output.kernel, [model.output.nIn, 1]);
  const outB = v(model.output.bias, [1]);
  const optimizer = tf.train.adam(0.001);
  const n = batch * batches;
  const d = randomSamples(n, 3);
  const inputs = Array.from({ length: batches }, (_, b) => ({
    u: tf.tensor1d(d.users.subarray(b * batch, (b + 1) * batch), 'int32'),
    i: tf.tensor1d(d.items.subarray(b * batch, (b + 1) * batch), 'int32'),
    y: tf.tensor2d(Float32Array.from(d.labels.subarray(b * batch, (b + 1) * batch)), [batch, 1]),
  }));
  const pass = () => {
    for (const { u, i, y } of inputs) {
      const loss = optimizer.minimize(() => {
        const gmf = tf.mul(gatherRows(gU, u), gatherRows(gI, i));
        let h: tf.Tensor = tf.concat([gatherRows(mU, u), gatherRows(mI, i)], 1);
        for (const l of dense) h = tf.relu(tf.add(tf.matMul(h, l.w), l.b));
        const logit = tf.add(tf.matMul(tf.concat([gmf, h], 1), outW), outB);
        return tf.losses.sigmoidCrossEntropy(y, logit) as tf.Scalar;
      }, true);
      loss?.dataSync();
      loss?.dispose();
    }
  };
  pass();
  const rate = timeRepeats(repeats, n, pass);
  for (const t of [gU, gI, mU, mI, outW, outB, ...dense.flatMap((l) => [l.w, l.b])]) t.dispose();
  for (const t of inputs) tf.dispose([t.u, t.i, t.y]);
  optimizer.dispose();
  return rate;
}

async function speed(): Promise<void> {
  const repeats = Number(argValue('repeats', '5'));
  const tfBatches = Number(argValue('tfBatches', '40'));
  const backend = await tfBackend('wasm');
  console.log(`NCF training speed: NeuMF factors ${factors}, MLP [${layers}], ${USERS} users × ${ITEMS} items; one thread (node ${process.version}), TF.js backend ${backend}`);
  const rows: Record<string, unknown>[] = [];
  for (const batch of [256, 1024]) {
    const ours = oursRate(batch, repeats);
    const epoch = await oursEpochRate(batch, Math.max(1, Math.floor(repeats / 2)));
    const model = initNcfModel({ kind: 'neumf', users: USERS, items: ITEMS, factors, layers }, 1);
    const tfjs = tfjsRate(model, batch, Math.max(4, Math.round((tfBatches * 256) / batch)), repeats);
    const fmt = (r: Rate) => `${nf.format(r.samplesPerSecond)}/s (CPU-time ${nf.format(r.cpuSamplesPerSecond)}/s)`;
    console.log(`  batch ${batch}: ours ${fmt(ours)}; ours whole epoch ${fmt(epoch)}; TF.js ${backend} ${fmt(tfjs)}; ours/TF.js ${(ours.samplesPerSecond / tfjs.samplesPerSecond).toFixed(1)}×`);
    rows.push({ batch, ours, oursEpoch: epoch, tfjs, backend });
  }
  const side = oursRate(256, repeats, sampleShapedFeatures());
  console.log(`  batch 256 with the sample's 15 side fields (8 wide each) in the MLP tower: ours ${nf.format(side.samplesPerSecond)}/s (CPU-time ${nf.format(side.cpuSamplesPerSecond)}/s)`);
  rows.push({ batch: 256, sideFeatures: 15, ours: side });
  console.log(`  peak RSS ${peakRssMb().toFixed(0)} MB`);
  console.log(JSON.stringify({ factors, layers, rows, peakRssMb: peakRssMb() }));
}

async function ml1m(): Promise<void> {
  const dir = argValue('data', join(import.meta.dirname, '..', '..', 'shared', 'data', 'ncf-ml1m'));
  const train = join(dir, 'ml-1m.train.rating.RECONSTRUCTED');
  if (!existsSync(train)) throw new Error(`no NCF data at ${dir}`);
  const model = argValue('model', 'neumf') as NcfModelKind;
  const pretrainEpochs = Number(argValue('pretrain', '0'));
  const options = {
    train,
    test: join(dir, 'ml-1m.test.rating'),
    negatives: join(dir, 'ml-1m.test.negative'),
    model,
    epochs: Number(argValue('epochs', '20')),
    factors,
    layers,
    learningRate: Number(argValue('lr', '0.001')),
    trainNegatives: Number(argValue('negatives', '4')),
    batchSize: Number(argValue('batch', '256')),
    seed: Number(argValue('seed', '1')),
    l2: Number(argValue('l2', '0')),
    embeddingAdam: argValue('embeddingAdam', 'catchUp') as RowAdamMode,
    pretrainEpochs,
    pretrainedLearningRate: Number(argValue('pretrainLr', argValue('lr', '0.001'))),
  };
  console.log(`NCF MovieLens-1M: ${JSON.stringify({ ...options, train: undefined, test: undefined, negatives: undefined })}`);
  const cpu = process.cpuUsage();
  const run = await evaluateNcf(options, {
    onPretrainEpoch: (kind, epoch, loss, seconds) => console.log(`  pre-train ${kind} epoch ${epoch}: loss ${loss.toFixed(4)} [${seconds.toFixed(1)} s]`),
    onEvaluated: (r) =>
      console.log(`  epoch ${String(r.epoch).padStart(2)}: loss ${r.loss.toFixed(4)}  HR@10 ${r.hr10.toFixed(4)}  NDCG@10 ${r.ndcg10.toFixed(4)}  [${r.seconds.toFixed(1)} s, ${nf.format(r.samplesPerSecond)} samples/s]`),
  });
  console.log(`  init HR@10 ${run.initial?.hr.toFixed(4)} NDCG@10 ${run.initial?.ndcg.toFixed(4)}; popularity HR@10 ${run.popularity.hr.toFixed(4)} NDCG@10 ${run.popularity.ndcg.toFixed(4)}`);
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(
    `  best epoch ${run.best?.epoch}: HR@10 ${run.best?.hr10.toFixed(4)} NDCG@10 ${run.best?.ndcg10.toFixed(4)}; total ${(run.totalSeconds / 60).toFixed(1)} min ` +
      `(CPU ${(cpuSeconds / 60).toFixed(1)} min); peak RSS ${peakRssMb().toFixed(0)} MB`,
  );
  console.log(JSON.stringify({ ...run, model: undefined, cpuSeconds, peakRssMb: peakRssMb() }));
}

void (process.argv.includes('--ml1m') ? ml1m() : speed());
