/**
 * Training speed of the histogram GBDT at the churn model's size:
 *   npx tsx bench/gbdtBench.ts [--rows 30000] [--features 60] [--rounds 300] [--classRounds 100] [--only LABEL]
 * Synthetic rows with interactions and 5 % missing values; binary and 20-class labels. Single
 * thread, default tree options (31 leaves, 255 bins), no early stopping so every round is timed.
 * LABEL: binary, binary-subsampled (0.8 rows, 0.8 columns), multiclass-20, multiclass-20-subsampled
 * (0.5 rows, 0.5 columns); each in its own process gives the steadiest figures.
 * Wall seconds and CPU seconds are both printed: on a busy machine the CPU figure is the steadier one.
 * Figures only, no assertions.
 */
import { predictProba, trainGbdt, type GbdtOptions } from '../src/main/services/models/gbdt';
import { argValue, nf } from './util';

const n = Number(argValue('rows', '30000'));
const d = Number(argValue('features', '60'));
const rounds = Number(argValue('rounds', '300'));
const classRounds = Number(argValue('classRounds', '100'));

let state = 12345;
const random = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 4294967296;
};
const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const x = new Float32Array(n * d);
for (let i = 0; i < n * d; i++) x[i] = random() < 0.05 ? NaN : i % d < 10 ? Math.floor(random() * 12) : gauss();
const v = (i: number, f: number) => (Number.isNaN(x[i * d + f]) ? 0 : x[i * d + f]);
const latent = (i: number) => 0.8 * v(i, 10) - 0.5 * v(i, 11) * v(i, 12) + 0.3 * v(i, 0) - 0.2 * Math.abs(v(i, 13)) + 0.7 * gauss();
const yBinary = new Int32Array(n);
const yClass = new Int32Array(n);
for (let i = 0; i < n; i++) {
  const z = latent(i);
  yBinary[i] = z > 0.5 ? 1 : 0;
  // 20 classes: 4 origin tiers from one feature × 5 destinations from the latent score
  const origin = Math.min(3, Math.floor(v(i, 1) / 3));
  const dest = Math.max(0, Math.min(4, Math.floor(z + 2.5)));
  yClass[i] = origin * 5 + dest;
}

const only = argValue('only', '');

function time(label: string, y: Int32Array, options: GbdtOptions, r: number): void {
  if (only && label !== only) return;
  let last = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const model = trainGbdt(x, n, d, y, { ...options, rounds: r, earlyStoppingRounds: 0 }, { onRound: (_, loss) => (last = loss) });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const scoring = performance.now();
  predictProba(model, x, n);
  const scoreSeconds = (performance.now() - scoring) / 1000;
  const leaves = model.trees.reduce((s, t) => s + t.leafValue.length, 0) / model.trees.length;
  console.log(
    `  ${label.padEnd(26)} ${r} rounds in ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s) = ${((seconds / r) * 1000).toFixed(1)} ms/round, ` +
      `${nf.format((n * r) / seconds)} rows·rounds/s; ${model.trees.length} trees, ${leaves.toFixed(1)} leaves/tree; train loss ${last.toFixed(4)}; ` +
      `scoring ${n} rows ${scoreSeconds.toFixed(2)} s`,
  );
}

console.log(`GBDT training, ${nf.format(n)} rows × ${d} features, one thread (node ${process.version})`);
time('binary', yBinary, { objective: 'binary' }, rounds);
time('binary-subsampled', yBinary, { objective: 'binary', rowSubsample: 0.8, colSubsample: 0.8 }, rounds);
time('multiclass-20', yClass, { objective: 'multiclass', numClass: 20 }, classRounds);
time('multiclass-20-subsampled', yClass, { objective: 'multiclass', numClass: 20, rowSubsample: 0.5, colSubsample: 0.5 }, classRounds);
