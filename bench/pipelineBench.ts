// The one-command pipeline at a given size, in this process (the same contract calls as `workbench pipeline`):
// each step's seconds, the total and the peak RSS. Prints; never asserts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeApp } from '../src/main/app';
import { dispatch } from '../src/main/transport/dispatch';
import { runPipeline, type Call } from '../src/cli/pipeline';
import { argValue, nf, peakRssMb } from './util';

const customers = Number(argValue('customers', '29913'));
const home = mkdtempSync(join(tmpdir(), 'cw-bench-pipeline-'));
process.env.XDG_CONFIG_HOME = join(home, 'config');
const app = createNodeApp();
const call: Call = async (method, args) => {
  const reply = await dispatch(app.handlers, method, args, { emit: () => undefined });
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
  return reply.result as never;
};
try {
  const result = await runPipeline(call, { out: join(home, 'out'), customers }, (s, i, total) =>
    console.log(`  [${i}/${total}] ${s.step.padEnd(9)} ${s.seconds.toFixed(1).padStart(6)} s  ${s.detail}`),
  );
  console.log(`  total ${result.seconds.toFixed(1)} s for ${nf.format(customers)} customers (target: full scale <= 900 s); peak RSS ${nf.format(peakRssMb())} MB`);
} finally {
  await app.close();
  rmSync(home, { recursive: true, force: true });
}
