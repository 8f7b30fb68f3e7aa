/**
 * Overview and Segments at full scale: npx tsx bench/analyticsBench.ts [--customers 29913] [--data DIR] [--runs 5]
 * Generates the sample into a temp folder (or takes the L.POINT files in --data), imports it through
 * the handler table, then prints the median of each measurement. Figures only, no assertions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/main/app';
import type { Session } from '../src/main/services/db/database';
import * as analytics from '../src/main/services/analytics';
import { generateLpoint } from '../src/main/services/generator';
import { confSettings } from '../src/main/services/settings/settingsStore';
import { OVERVIEW_QUERIES, overviewFilterSchema, segmentSpecSchema } from '../src/shared/analytics';
import { argValue, median, nf } from './util';

const customers = Number(argValue('customers', '29913'));
const runs = Number(argValue('runs', '5'));
const given = argValue('data', '');

async function timeIt(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}
const line = (label: string, ms: number, target: number) =>
  console.log(`  ${label.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms   (target <= ${target} ms${ms > target ? ', MISSED' : ''})`);

const root = mkdtempSync(join(tmpdir(), 'cw-bench-analytics-'));
const app = createApp({ settings: confSettings(join(root, 'settings')), dataDir: join(root, 'app-data') });
const { services } = app;
try {
  const { handlers } = app;
  const ctx = { emit: () => undefined };
  let started = performance.now();
  const data = given || join(root, 'data');
  if (!given) {
    const generated = await generateLpoint({ out: data, customers });
    const lines = generated.files.find((f) => f.kind === 'purchases')!.rows;
    console.log(`  generated ${nf.format(customers)} customers, ${nf.format(lines)} purchase lines in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const project = join(root, 'project');
  await handlers['project.create']({ project }, ctx);
  started = performance.now();
  await handlers['data.importLpoint']({ project, folder: data, dropDuplicates: false, replace: false }, ctx);
  console.log(`  imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const db = (await services.projects.get(project)).db;
  const write = <T>(work: (session: Session) => Promise<T>) => db.write('bench', work);
  started = performance.now();
  await write((s) => analytics.ensureReceiptFacts(s));
  console.log(`  receipt_facts (one row per receipt, read by every query below) built once in ${(performance.now() - started).toFixed(0)} ms`);
  console.log(`  median of ${runs} runs:`);

  const spec = segmentSpecSchema.parse({});
  line('RFM (year + H1 + H2) + transitions, saved', await timeIt(() => write((s) => analytics.computeSegments(s, spec))), 1000);
  const reweighted = [
    [0.5, 0.3, 0.2],
    [0.2, 0.2, 0.6],
  ] as const;
  let w = 0;
  line('segments recomputed after a weight change', await timeIt(() => write((s) => analytics.computeSegments(s, segmentSpecSchema.parse({ weights: reweighted[w++ % 2] })))), 1000);
  line('saved segments loaded (summary only)', await timeIt(() => analytics.loadSegments(db)), 1000);
  line('segment profile 기타→비활동 (KL, L.pay ECDF)', await timeIt(() => analytics.segmentProfile(db, { kind: 'transition', from: 3, to: 4 })), 1000);

  for (const [label, filter] of [
    ['all data', overviewFilterSchema.parse({})],
    ['A01+A02, offline, Mar-Aug', overviewFilterSchema.parse({ chains: ['A01', 'A02'], channel: 'offline', from: '2021-03-01', to: '2021-08-31' })],
  ] as const) {
    console.log(`  Overview queries, ${label}:`);
    for (const name of OVERVIEW_QUERIES) line(`  ${name}`, await timeIt(() => analytics[name](db, filter)), 300);
  }
} finally {
  await app.close();
  rmSync(root, { recursive: true, force: true });
}
