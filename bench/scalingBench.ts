// npm run bench -- --scaling [--sizes 3000,30000,100000] [--memory-mb 384]: import time, rows/s, peak RSS
// and project size per data size, under the memory limit. Each size is generated once (kept in
// --keep DIR when given, to reuse); each import runs through the built CLI in its own process (peak RSS
// is that process's: bench/cliPeak.mjs). Prints; never asserts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argValue, nf } from './util';
import { cliImport } from './cliImport';

const sizes = argValue('sizes', '3000,30000,100000').split(',').map(Number);
const memoryMb = argValue('memory-mb', '384');
const keep = argValue('keep', '');
const cli = join(import.meta.dirname, '..', 'scripts', 'workbench.mjs');
const root = keep || mkdtempSync(join(tmpdir(), 'cw-bench-scaling-'));
console.log(`Import scaling under a ${memoryMb} MiB DuckDB memory limit (target: peak RSS <= 1 GiB at every size; time and size linear)`);
console.log('  customers   purchase lines   seconds   lines/s     peak RSS   project size');
try {
  for (const customers of sizes) {
    const data = join(root, `c${customers}`);
    if (!existsSync(join(data, 'LPOINT_BIG_COMP_02_PDDE.csv'))) {
      mkdirSync(data, { recursive: true });
      execFileSync(process.execPath, [cli, 'generate', '--out', data, '--customers', String(customers)], { stdio: 'ignore' });
    }
    const r = cliImport(data, memoryMb);
    const lines = r.report.files.find((f) => f.kind === 'purchases')?.rowsRead ?? 0;
    console.log(
      `  ${nf.format(customers).padStart(9)}   ${nf.format(lines).padStart(14)}   ${r.seconds.toFixed(1).padStart(7)}   ${nf.format(lines / r.seconds).padStart(7)}   ${nf.format(r.peakRssMb).padStart(6)} MiB  ${nf.format(r.projectBytes / 2 ** 20).padStart(8)} MiB`,
    );
  }
} finally {
  if (!keep) rmSync(root, { recursive: true, force: true });
}
