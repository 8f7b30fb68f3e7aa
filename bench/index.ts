// npm run bench [-- --customers N --runs R] (or -- --scaling, see scalingBench.ts): the figures the issues ask for, each run in its own
// process so peak memory is that run's. Prints; never asserts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { argValue, median, nf } from './util';
import { cliImport } from './cliImport';

if (process.argv.includes('--scaling')) {
  execFileSync(join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx'), [join(import.meta.dirname, 'scalingBench.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(0);
}

const customers = argValue('customers', '29913');
const runs = Number(argValue('runs', '3'));
const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
const run = (script: string, args: string[]) =>
  JSON.parse(execFileSync(tsx, [join(import.meta.dirname, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n').pop()!);

console.log(`Campaign Workbench benchmarks — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`Sample size: ${nf.format(Number(customers))} customers; ${runs} runs each, median shown\n`);

const data = mkdtempSync(join(tmpdir(), 'cw-bench-data-'));
try {
  console.log('Generate (target: full scale <= 60 s, peak RSS <= 1.5 GB)');
  const gens = [];
  for (let i = 0; i < runs; i++) gens.push(run('generateBench.ts', ['--customers', customers, ...(i === 0 ? ['--out', data] : [])]));
  const g = gens[0];
  console.log(`  purchase lines ${nf.format(g.purchaseLines)}, all lines ${nf.format(g.allLines)}`);
  console.log(`  seconds: median ${median(gens.map((x) => x.seconds)).toFixed(2)} (runs ${gens.map((x) => x.seconds.toFixed(2)).join(', ')})`);
  console.log(`  lines/s: median ${nf.format(median(gens.map((x) => x.linesPerSecond)))}`);
  console.log(`  peak RSS: max ${nf.format(Math.max(...gens.map((x) => x.peakRssMb)))} MB\n`);

  console.log('Import of the six files, side by side with DuckDB alone loading them (runs interleaved; targets: CLI <= 7 s and <= 2x the plain load, peak RSS <= 1 GiB)');
  const plains = [];
  const clis = [];
  for (let i = 0; i < runs; i++) {
    plains.push(run('plainLoadBench.ts', ['--data', data]));
    clis.push(cliImport(data));
  }
  const s2 = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
  const plain = median(plains.map((x) => x.seconds));
  const cli = median(clis.map((x) => x.seconds));
  console.log(`  plain DuckDB load (CREATE TABLE AS read_csv, no checks): median ${plain.toFixed(2)} s (runs ${s2(plains.map((x) => x.seconds))}), peak RSS ${nf.format(Math.max(...plains.map((x) => x.peakRssMb)))} MB`);
  console.log(`  import through the CLI (fresh process and project): median ${cli.toFixed(2)} s (runs ${s2(clis.map((x) => x.seconds))}) = ${(cli / plain).toFixed(2)}x the plain load`);
  for (const [i, f] of clis[0].report.files.entries()) {
    const perFile = clis.map((x) => x.report.files[i].rowsRead / x.report.files[i].seconds);
    console.log(`  ${f.file.padEnd(32)} ${nf.format(f.rowsRead).padStart(10)} rows  ${nf.format(median(perFile)).padStart(10)} rows/s`);
  }
  console.log(`  peak RSS of the CLI process: max ${nf.format(Math.max(...clis.map((x) => x.peakRssMb)))} MiB\n`);

  console.log('CLI start-up, built output (target: --help <= 0.5 s, info on this project <= 1 s)');
  const c = run('cliBench.ts', ['--data', data, '--runs', '5']);
  console.log(`  node out/node/cli.mjs --help: median ${c.help.toFixed(2)} s (runs ${s2(c.helpRuns)})`);
  console.log(`  node scripts/workbench.mjs --help (rebuild check included): median ${c.launcher.toFixed(2)} s; npm run adds npm's own start-up`);
  console.log(`  info --project (full data): median ${c.info.toFixed(2)} s (runs ${s2(c.infoRuns)})\n`);

  console.log('Churn training (every model on one split; binary, then transition)');
  execFileSync(tsx, [join(import.meta.dirname, 'churnBench.ts'), '--data', data], { stdio: 'inherit' });
  console.log('');

  console.log('Customer clusters (K-means, 30,000 × 30 synthetic rows; targets: one fit <= 3 s, scan k = 2..12 <= 20 s)');
  execFileSync(tsx, [join(import.meta.dirname, 'kmeansBench.ts')], { stdio: 'inherit' });
  console.log('');

  console.log('Recommendations on the sample (every model on both protocols, then every customer\'s top 10; target: the lists <= 30 s per model)');
  execFileSync(tsx, [join(import.meta.dirname, 'recommendRunBench.ts'), '--data', data, '--models', 'popularity,itemknn,mf,preference,neumf,widedeep', '--epochs', '3'], { stdio: 'inherit' });
  console.log('NeuMF without the side features in its MLP tower (--no-side-features)');
  execFileSync(tsx, [join(import.meta.dirname, 'recommendRunBench.ts'), '--data', data, '--models', 'neumf', '--epochs', '3', '--extra', '--no-side-features'], { stdio: 'inherit' });
  console.log('');

  console.log('NeuMF training speed: the hand-written kernel vs TensorFlow.js (wasm), batch 256 and 1024 (target: >= 150,000 samples/s at 8 factors, batch 256)');
  execFileSync(tsx, [join(import.meta.dirname, 'ncfBench.ts')], { stdio: 'inherit' });
  console.log('');

  console.log('The one-command pipeline: generate → import → segment → churn → score → recommend → validate → export (target: full scale <= 15 min)');
  execFileSync(tsx, [join(import.meta.dirname, 'pipelineBench.ts'), '--customers', customers], { stdio: 'inherit' });
  console.log('');

  const analytics = join(import.meta.dirname, 'analyticsBench.ts');
  if (existsSync(analytics)) {
    console.log('Analytics (overview queries, RFM, segments)');
    execFileSync(tsx, [analytics, '--data', data], { stdio: 'inherit' });
  }
} finally {
  rmSync(data, { recursive: true, force: true });
}
