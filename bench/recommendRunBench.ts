// The recommendation run on a generated sample, as a user runs it (the built CLI, a fresh process):
//   npx tsx bench/recommendRunBench.ts --data DIR [--models popularity,itemknn,mf,preference] [--epochs 3] [--extra "--no-side-features"]
// Imports DIR into a temporary project, trains, prints per model HR@10 (49 negatives), time-split
// recall@10, the model's seconds and the seconds spent ranking every customer's list (target: <= 30 s),
// and the process's peak RSS. Figures only; the last line is JSON.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argValue, nf } from './util';

const data = argValue('data', '');
if (!data) throw new Error('recommendRunBench needs --data DIR (a generated sample)');
const models = argValue('models', 'popularity,itemknn,mf,preference');
const epochs = argValue('epochs', '3');
/** More `train recommend` flags, space-separated (e.g. "--no-side-features --pretrain 2"). */
const extra = argValue('extra', '').split(' ').filter(Boolean);
const cli = join(import.meta.dirname, '..', 'out', 'node', 'cli.mjs');
const home = mkdtempSync(join(tmpdir(), 'cw-bench-recommend-'));
try {
  const env = { ...process.env, XDG_CONFIG_HOME: join(home, 'config') };
  const project = join(home, 'project');
  execFileSync(process.execPath, [cli, 'import', '--project', project, '--lpoint', data], { env, stdio: 'ignore' });
  const out = execFileSync('/usr/bin/time', ['-f', 'PEAK_RSS_KB %M', process.execPath, cli, 'train', 'recommend', '--project', project, '--models', models, '--epochs', epochs, ...extra, '--json'], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const report = JSON.parse(out);
  const rows = Object.values(report.models) as { model: string; seconds: number; listSeconds: number; sampled: { hr: number[]; negatives: number }; timeSplit: { recall: number }; samplesPerSecond?: number }[];
  console.log(`  ${nf.format(report.data.customers)} customers, ${nf.format(report.data.products)} products, ${nf.format(report.data.pairs)} pairs; run ${report.run.seconds.toFixed(1)} s (networks: ${epochs} epochs${extra.length ? ` ${extra.join(' ')}` : ''})`);
  for (const r of rows) {
    console.log(
      `  ${r.model.padEnd(11)} hr10 ${r.sampled.hr[9].toFixed(3)} (N=${r.sampled.negatives})  recall10 ${r.timeSplit.recall.toFixed(3)}  ` +
        `model ${r.seconds.toFixed(1).padStart(6)} s  lists for every customer ${r.listSeconds.toFixed(1).padStart(5)} s` +
        (r.samplesPerSecond ? `  ${nf.format(r.samplesPerSecond)} samples/s` : ''),
    );
  }
  console.log(JSON.stringify({ customers: report.data.customers, seconds: report.run.seconds, models: rows.map((r) => ({ model: r.model, hr10: r.sampled.hr[9], recall10: r.timeSplit.recall, seconds: r.seconds, listSeconds: r.listSeconds })) }));
} finally {
  rmSync(home, { recursive: true, force: true });
}
