import type * as tf from '@tensorflow/tfjs';
import { loadTf, tfLoaded } from './tfjs';
import { rngFor } from '../generator/random';

/**
 * A small multilayer perceptron in TensorFlow.js for churn: standardised features → dense ReLU
 * layers with dropout → sigmoid (binary) or softmax (k classes). Our own training loop rather than
 * model.fit, so that every random choice is seeded (initial weights, dropout, the batch order each
 * epoch), progress comes per batch, a cancel stops within a batch, and the event loop gets a turn
 * between batches. Class weights scale each row's loss; early stopping keeps the best validation epoch.
 */
export interface MlpOptions {
  classes: number;
  hidden?: number[];
  dropout?: number;
  learningRate?: number;
  l2?: number;
  epochs?: number;
  batchSize?: number;
  /** Epochs without a better validation loss before stopping. */
  patience?: number;
  classWeights?: number[];
  seed: number;
}

export const MLP_DEFAULTS = { hidden: [64, 32], dropout: 0.2, learningRate: 1e-3, l2: 1e-4, epochs: 60, batchSize: 256, patience: 6 } as const;

export interface MlpHooks {
  onEpoch?(epoch: number, epochs: number, trainLoss: number, validLoss: number): void;
  onBatch?(epoch: number, batch: number, batches: number, loss: number, samplesPerSecond: number): void;
  isCancelled?(): boolean;
}

export interface MlpResult {
  model: tf.LayersModel;
  epochsRun: number;
  bestEpoch: number;
  trainLoss: number[];
  validLoss: number[];
}

interface Rows {
  x: Float32Array;
  n: number;
  y: Int32Array;
}

export async function trainMlp(d: number, train: Rows, valid: Rows, options: MlpOptions, hooks: MlpHooks = {}): Promise<MlpResult> {
  const tf = await loadTf();
  const o = { ...MLP_DEFAULTS, ...options };
  const binary = o.classes === 2;
  const outputs = binary ? 1 : o.classes;
  const model = tf.sequential();
  o.hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        ...(i === 0 ? { inputShape: [d] } : {}),
        kernelInitializer: tf.initializers.heNormal({ seed: o.seed + i }),
        kernelRegularizer: tf.regularizers.l2({ l2: o.l2 }),
      }),
    );
    if (o.dropout > 0) model.add(tf.layers.dropout({ rate: o.dropout, seed: o.seed + 100 + i }));
  });
  model.add(
    tf.layers.dense({ units: outputs, activation: binary ? 'sigmoid' : 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: o.seed + 1000 }) }),
  );
  const optimizer = tf.train.adam(o.learningRate);
  const weights = o.classWeights ?? new Array<number>(o.classes).fill(1);
  const rowWeight = (y: Int32Array) => Float32Array.from(y, (c) => weights[c]);
  const target = (y: Int32Array, idx: ArrayLike<number>) => {
    if (binary) return tf.tensor2d(Float32Array.from(idx, (i) => y[i]), [idx.length, 1]);
    return tf.oneHot(tf.tensor1d(Int32Array.from(idx, (i) => y[i]), 'int32'), o.classes).toFloat();
  };
  const lossOf = (pred: tf.Tensor, t: tf.Tensor, w: tf.Tensor1D): tf.Scalar => {
    const eps = 1e-7;
    const p = pred.clipByValue(eps, 1 - eps);
    const perRow = binary
      ? t.mul(p.log()).add(tf.scalar(1).sub(t).mul(tf.scalar(1).sub(p).log())).neg().reshape([-1])
      : t.mul(p.log()).sum(1).neg();
    return perRow.mul(w).sum().div(w.sum()) as tf.Scalar;
  };

  const xValid = tf.tensor2d(valid.x, [valid.n, d]);
  const tValid = target(valid.y, Array.from({ length: valid.n }, (_, i) => i));
  const wValid = tf.tensor1d(rowWeight(valid.y));
  const batches = Math.max(1, Math.ceil(train.n / o.batchSize));
  const rng = rngFor(o.seed, 'mlp-batches');
  const order = Int32Array.from({ length: train.n }, (_, i) => i);
  const trainLoss: number[] = [];
  const validLoss: number[] = [];
  let best = Infinity;
  let bestEpoch = 0;
  let bestWeights: tf.Tensor[] | null = null;
  let stale = 0;
  let epoch = 0;
  try {
    for (epoch = 1; epoch <= o.epochs; epoch++) {
      for (let i = train.n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      let sum = 0;
      let seen = 0;
      for (let b = 0; b < batches; b++) {
        if (hooks.isCancelled?.()) return finish();
        const started = performance.now();
        const idx = order.subarray(b * o.batchSize, Math.min(train.n, (b + 1) * o.batchSize));
        const xb = new Float32Array(idx.length * d);
        idx.forEach((r, k) => xb.set(train.x.subarray(r * d, (r + 1) * d), k * d));
        const yb = Int32Array.from(idx, (r) => train.y[r]);
        const loss = tf.tidy(() => {
          const x = tf.tensor2d(xb, [idx.length, d]);
          const t = target(train.y, idx);
          const w = tf.tensor1d(rowWeight(yb));
          return optimizer.minimize(() => lossOf(model.apply(x, { training: true }) as tf.Tensor, t, w).add(regularisation(model)) as tf.Scalar, true)!;
        });
        const value = (await loss.data())[0];
        loss.dispose();
        sum += value * idx.length;
        seen += idx.length;
        hooks.onBatch?.(epoch, b + 1, batches, value, idx.length / Math.max(1e-6, (performance.now() - started) / 1000));
        // A turn for the event loop (other calls, progress, cancel) between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const v = tf.tidy(() => lossOf(model.predict(xValid) as tf.Tensor, tValid, wValid));
      const vl = (await v.data())[0];
      v.dispose();
      trainLoss.push(sum / seen);
      validLoss.push(vl);
      hooks.onEpoch?.(epoch, o.epochs, sum / seen, vl);
      if (vl < best - 1e-5) {
        best = vl;
        bestEpoch = epoch;
        bestWeights?.forEach((t) => t.dispose());
        bestWeights = model.getWeights().map((t) => t.clone());
        stale = 0;
      } else if (++stale >= o.patience) break;
    }
    return finish();
  } finally {
    xValid.dispose();
    tValid.dispose();
    wValid.dispose();
    optimizer.dispose();
  }

  function finish(): MlpResult {
    if (bestWeights) {
      model.setWeights(bestWeights);
      bestWeights.forEach((t) => t.dispose());
      bestWeights = null;
    }
    return { model, epochsRun: Math.min(epoch, o.epochs), bestEpoch, trainLoss, validLoss };
  }
}

/** The layers' L2 penalties (model.apply does not add them to our own loss). */
function regularisation(model: tf.LayersModel): tf.Scalar {
  const tf = tfLoaded();
  const penalties = (model.losses as unknown as (() => tf.Scalar)[]).map((f) => f());
  return penalties.length ? (tf.addN(penalties) as tf.Scalar) : tf.scalar(0);
}

/** Binary: P(class 1) per row; else rows × classes. */
export function predictMlp(model: tf.LayersModel, x: Float32Array, n: number, d: number): Float64Array {
  // Binary has one sigmoid output per row, softmax one per class: row-major either way. TF.js predicts
  // 32 rows at a time unless told otherwise: scoring every customer goes in batches of 8,192.
  const tf = tfLoaded();
  return Float64Array.from(tf.tidy(() => (model.predict(tf.tensor2d(x, [n, d]), { batchSize: 8192 }) as tf.Tensor).dataSync()));
}

/** The model as files (topology JSON + weights), for the run's folder; reloaded with loadMlp. */
export async function saveMlp(model: tf.LayersModel): Promise<{ topology: unknown; weightSpecs: unknown; weights: Uint8Array }> {
  const tf = await loadTf();
  let saved: { topology: unknown; weightSpecs: unknown; weights: Uint8Array } | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = { topology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs, weights: Buffer.from(artifacts.weightData as ArrayBuffer) };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return saved!;
}

export async function loadMlp(files: { topology: unknown; weightSpecs: unknown; weights: Uint8Array }): Promise<tf.LayersModel> {
  const tf = await loadTf();
  const weightData = files.weights.buffer.slice(files.weights.byteOffset, files.weights.byteOffset + files.weights.byteLength) as ArrayBuffer;
  return tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: files.topology as tf.io.ModelArtifacts['modelTopology'], weightSpecs: files.weightSpecs as tf.io.WeightsManifestEntry[], weightData }),
  );
}
