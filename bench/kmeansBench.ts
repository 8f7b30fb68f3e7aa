/**
 * Customer clusters at full scale: npx tsx bench/kmeansBench.ts [--rows 30000] [--features 30] [--groups 5]
 * Synthetic standardised rows with planted Gaussian groups; times one K-means fit (k = groups,
 * restarts 4), the whole k-scan 2 … 12 (fits + silhouettes) and one silhouette on its own. Single
 * thread. Figures only, no assertions; the last line printed is the figures as JSON.
 * Targets (issue "Customer clusters"): one fit <= 3 s, the whole scan <= 20 s on the 2-core machine.
 */
import { pathToFileURL } from 'node:url';
import { adjustedRandIndex, fitKMeans, scanK, silhouetteScore } from '../src/main/services/models/kmeans';
import { mulberry32 } from '../src/shared/metrics/random';
import { argValue } from './util';

export interface KMeansBenchOptions {
  rows?: number;
  features?: number;
  groups?: number;
  seed?: number;
}

export interface KMeansBenchFigures {
  rows: number;
  features: number;
  groups: number;
  fitSeconds: number;
  fitCpuSeconds: number;
  fitIterations: number;
  fitAri: number;
  scanSeconds: number;
  scanCpuSeconds: number;
  scanSuggestedK: number;
  scanBestSilhouetteK: number | null;
  scanElbowK: number | null;
  scanIterations: number[];
  silhouetteSeconds: number;
  silhouetteCpuSeconds: number;
  silhouette: number | null;
}

/** Planted groups: centres drawn N(0, 2²) per column, rows N(centre, 1); group sizes uneven (weights 1 … groups). */
export function plantedRows(n: number, d: number, groups: number, seed: number): { x: Float64Array; truth: Int32Array } {
  const random = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = new Float64Array(groups * d);
  for (let i = 0; i < centres.length; i++) centres[i] = 2 * gauss();
  const totalWeight = (groups * (groups + 1)) / 2;
  const x = new Float64Array(n * d);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let r = random() * totalWeight;
    let g = 0;
    while (g < groups - 1 && r >= g + 1) r -= ++g;
    truth[i] = g;
    for (let f = 0; f < d; f++) x[i * d + f] = centres[g * d + f] + gauss();
  }
  return { x, truth };
}

export async function kmeansBench(options: KMeansBenchOptions = {}): Promise<KMeansBenchFigures> {
  const n = options.rows ?? 30_000;
  const d = options.features ?? 30;
  const groups = options.groups ?? 5;
  const { x, truth } = plantedRows(n, d, groups, options.seed ?? 7);

  /** Wall and CPU seconds of one call: on a busy machine the CPU figure is the steadier one. */
  const time = <T>(work: () => T): { result: T; seconds: number; cpuSeconds: number } => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = work();
    const used = process.cpuUsage(cpu);
    return { result, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
  const fit = time(() => fitKMeans(x, n, d, { k: groups, restarts: 4, seed: 1 }));
  const scan = time(() => scanK(x, n, d, { kMin: 2, kMax: 12, restarts: 4, seed: 1 }));
  const silhouette = time(() => silhouetteScore(x, n, d, fit.result.labels));

  return {
    rows: n,
    features: d,
    groups,
    fitSeconds: fit.seconds,
    fitCpuSeconds: fit.cpuSeconds,
    fitIterations: fit.result.iterations,
    fitAri: adjustedRandIndex(truth, fit.result.labels),
    scanSeconds: scan.seconds,
    scanCpuSeconds: scan.cpuSeconds,
    scanSuggestedK: scan.result.suggestedK,
    scanBestSilhouetteK: scan.result.bestSilhouetteK,
    scanElbowK: scan.result.elbowK,
    scanIterations: scan.result.rows.map((r) => r.iterations),
    silhouetteSeconds: silhouette.seconds,
    silhouetteCpuSeconds: silhouette.cpuSeconds,
    silhouette: silhouette.result,
  };
}

function print(f: KMeansBenchFigures): void {
  console.log(`K-means, ${f.rows} rows × ${f.features} features, ${f.groups} planted groups, one thread (node ${process.version})`);
  console.log(`  one fit (k = ${f.groups}, restarts 4): ${f.fitSeconds.toFixed(2)} s, CPU ${f.fitCpuSeconds.toFixed(2)} s (target <= 3 s), ${f.fitIterations} iterations, ARI vs planted ${f.fitAri.toFixed(4)}`);
  console.log(`  scan k = 2 … 12 (fits + silhouettes): ${f.scanSeconds.toFixed(2)} s, CPU ${f.scanCpuSeconds.toFixed(2)} s (target <= 20 s); iterations ${f.scanIterations.join(', ')}`);
  console.log(`    suggested k ${f.scanSuggestedK} (best silhouette ${f.scanBestSilhouetteK}, elbow ${f.scanElbowK})`);
  console.log(`  silhouette (3,000-row sample of ${f.rows}): ${f.silhouetteSeconds.toFixed(2)} s, CPU ${f.silhouetteCpuSeconds.toFixed(2)} s, score ${f.silhouette?.toFixed(4)}`);
  console.log(JSON.stringify(f));
}

// Run directly (not imported): print the figures.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void kmeansBench({ rows: Number(argValue('rows', '30000')), features: Number(argValue('features', '30')), groups: Number(argValue('groups', '5')) }).then(print);
}
