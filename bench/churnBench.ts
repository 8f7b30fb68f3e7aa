// Churn training at the size of --data (default: generated full scale): every model on one split, binary
// and transition, with the targets beside the figures. Peak RSS counts this process and the
// training worker (one process, threads share it). Figures only: npx tsx bench/churnBench.ts --data DIR
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/main/app';
import { confSettings } from '../src/main/services/settings/settingsStore';
import { dispatch } from '../src/main/transport/dispatch';
import type { ChurnRunReport } from '../src/shared/models';
import { argValue, peakRssMb } from './util';

const data = argValue('data', '');
if (!data) throw new Error('churnBench needs --data DIR (six L.POINT files)');
const root = mkdtempSync(join(tmpdir(), 'cw-bench-churn-'));
const app = createApp({ settings: confSettings(join(root, 'settings')), dataDir: join(root, 'app') });
const ctx = { emit: () => undefined };
try {
  const project = join(root, 'project');
  await dispatch(app.handlers, 'project.create', { project }, ctx);
  const imported = await dispatch(app.handlers, 'data.importLpoint', { project, folder: data }, ctx);
  if (!imported.ok) throw new Error(imported.error.message);
  const f3 = (v: number | null | undefined) => (v === null || v === undefined ? '  –  ' : v.toFixed(3));
  for (const label of ['binary', 'transition'] as const) {
    const started = performance.now();
    const reply = await dispatch(app.handlers, 'models.trainChurn', { project, label, seed: 42 }, ctx);
    if (!reply.ok) throw new Error(reply.error.message);
    const r = reply.result as ChurnRunReport;
    const wall = (performance.now() - started) / 1000;
    console.log(`  ${label}: ${r.train.customers + r.valid.customers + r.test.customers} customers (test ${r.test.customers}), backend ${r.run.backend}, whole run ${wall.toFixed(1)} s (target <= 90 s)`);
    console.log('    model      ROC-AUC  PR-AUC  accuracy  macro-F1  seconds');
    for (const [name, m] of Object.entries(r.models)) {
      if (!m?.applies) console.log(`    ${name.padEnd(10)} does not apply`);
      else console.log(`    ${name.padEnd(10)} ${f3(m.rocAuc).padStart(7)}  ${f3(m.prAuc).padStart(6)}  ${f3(m.accuracy).padStart(8)}  ${f3(m.macroF1).padStart(8)}  ${m.seconds.toFixed(1).padStart(7)}${name === 'mlp' || name === 'gbdt' ? ' (target <= 30 s)' : ''}`);
    }
    const tier = r.models.tierRule;
    const best = r.best ? r.models[r.best] : undefined;
    if (tier?.applies && best?.applies) {
      console.log(
        label === 'binary'
          ? `    best ${r.best} ROC-AUC ${f3(best.rocAuc)} vs tier rule ${f3(tier.rocAuc)}: +${((best.rocAuc ?? 0) - (tier.rocAuc ?? 0)).toFixed(3)} (target >= +0.05)`
          : `    best ${r.best} accuracy ${f3(best.accuracy)} / macro-F1 ${f3(best.macroF1)} vs tier rule ${f3(tier.accuracy)} / ${f3(tier.macroF1)}`,
      );
    }
  }
  console.log(`  peak RSS (main process and training worker): ${peakRssMb().toFixed(0)} MB (target <= 2,048 MB)`);
} finally {
  await app.close();
  rmSync(root, { recursive: true, force: true });
}
