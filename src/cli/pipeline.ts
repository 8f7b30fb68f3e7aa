import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgsIn, Method, Result } from '../shared/contract';
import { FULL_SCALE_CUSTOMERS } from '../main/services/calibration/facts';
import type { RecommendModelName } from '../shared/recommend';

/** A contract call as the CLI (or a bench) makes it. */
export type Call = <M extends Method>(method: M, args: ArgsIn<M>) => Promise<Result<M>>;

export interface PipelineOptions {
  out: string;
  customers?: number;
  seed?: number;
  /** The recommenders trained and validated (default the four fast ones; the networks take minutes each at full scale). */
  recommendModels?: RecommendModelName[];
  /** The list: customers at this churn risk or more (default 0.5), or the riskiest N. */
  minRisk?: number;
  topN?: number;
}

export interface PipelineStep {
  step: string;
  seconds: number;
  detail: string;
}

export interface PipelineResult {
  out: string;
  project: string;
  list: string;
  /** The HTML report and the PowerPoint deck. */
  report: string;
  deck: string;
  steps: PipelineStep[];
  seconds: number;
}

/**
 * The main job headless: generate the sample → import → segment → train and score churn → train the
 * recommenders → validate on the last three months → write the target list (CSV), then the HTML report
 * and the PowerPoint deck. OUT holds the list, the report and the deck at its top level and the project (and the
 * generated files) inside it. Every step is the same contract call the app makes.
 */
export async function runPipeline(call: Call, options: PipelineOptions, onStep: (s: PipelineStep, index: number, total: number) => void = () => undefined): Promise<PipelineResult> {
  const { out } = options;
  const project = join(out, 'project');
  const data = join(out, 'sample-data');
  if (existsSync(project) && readdirSync(project).length) {
    throw Object.assign(new Error(`${project} already holds a project; choose an empty folder for --out.`), { code: 'BAD_ARGUMENT' });
  }
  const seed = options.seed ?? 42;
  const steps: PipelineStep[] = [];
  const started = performance.now();
  const total = 9;
  const step = async <T>(name: string, work: () => Promise<T>, detail: (r: T) => string): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    const s = { step: name, seconds: (performance.now() - t0) / 1000, detail: detail(result) };
    steps.push(s);
    onStep(s, steps.length, total);
    return result;
  };
  const n = (v: number) => v.toLocaleString('en-US');

  await step('generate', () => call('data.generateSample', { out: data, customers: options.customers ?? FULL_SCALE_CUSTOMERS, seed }), (r) => `${n(r.customers)} customers, ${n(r.files.reduce((s, f) => s + f.rows, 0))} rows`);
  await step('import', async () => {
    await call('project.create', { project });
    return call('data.importLpoint', { project, folder: data });
  }, (r) => `${n(r.files.reduce((s, f) => s + f.rowsLoaded, 0))} rows loaded, ${n(r.files.reduce((s, f) => s + f.rowsRejected, 0))} rejected (kept with their reasons)`);
  await step('segment', () => call('segments.compute', { project }), (r) => `${n(r.all.customers)} customers in ${r.tierCount} tiers; ${n(r.transitionTotal)} in the transition matrix`);
  const churn = await step('churn', () => call('models.trainChurn', { project, seed }), (r) => {
    const best = r.best ? r.models[r.best] : undefined;
    return `best ${r.best ?? '–'}${best?.applies ? ` (test ROC-AUC ${best.rocAuc?.toFixed(3) ?? '–'})` : ''}`;
  });
  await step('score', () => call('models.scoreChurn', { project, runId: churn.run.id }), (r) => `${n(r.customers)} customers scored with ${r.model}; ${n(r.highRisk)} at risk 0.5 or more`);
  await step(
    'recommend',
    () => call('models.trainRecommend', { project, seed, models: options.recommendModels }),
    (r) => `best ${r.best} (HR@10 ${r.models[r.best]?.sampled.hr[9]?.toFixed(3)}); top ${r.k} saved for ${n(r.saved.customers)} customers`,
  );
  await step(
    'validate',
    () => call('validation.run', { project, seed, recommendModels: options.recommendModels }),
    (r) => {
      const best = r.recommend.models.reduce((a, b) => (b.hitRate > a.hitRate ? b : a));
      const gbdt = r.churn.models.find((m) => m.model === r.churn.best);
      return `observed ${r.observe.from} – ${r.observe.to}: ${best.model} hit rate ${best.hitRate.toFixed(3)} (×${(best.lift ?? 0).toFixed(2)} popularity); churn ${r.churn.best} ROC-AUC ${gbdt?.rocAuc?.toFixed(3) ?? '–'}`;
    },
  );
  const list = join(out, 'target-list.csv');
  const risk = options.topN !== undefined ? { topN: options.topN } : { minRisk: options.minRisk ?? 0.5 };
  await step('export', () => call('export.write', { project, out: list, seed, ...risk }), (r) => `${n(r.rows)} customers (${n(r.control)} control) → ${r.path}`);
  const report = await step('report', () => call('report.write', { project, outDir: out, names: { html: 'report.html', deck: 'deck.pptx' } }), (r) => `${r.slides} slides → ${r.html}, ${r.deck}`);
  return { out, project, list, report: report.html, deck: report.deck, steps, seconds: (performance.now() - started) / 1000 };
}
