// One full-scale generation in this process: prints seconds, lines/s and peak RSS as JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLpoint } from '../src/main/services/generator';
import { argValue, peakRssMb } from './util';

const customers = Number(argValue('customers', '29913'));
const out = argValue('out', '');
const dir = out || mkdtempSync(join(tmpdir(), 'cw-bench-gen-'));
const report = await generateLpoint({ out: dir, customers });
const purchases = report.files.find((f) => f.kind === 'purchases')!.rows;
const lines = report.files.reduce((sum, f) => sum + f.rows, 0);
process.stdout.write(
  JSON.stringify({ customers, seconds: report.seconds, purchaseLines: purchases, allLines: lines, linesPerSecond: lines / report.seconds, peakRssMb: peakRssMb() }) + '\n',
);
if (!out) rmSync(dir, { recursive: true, force: true });
