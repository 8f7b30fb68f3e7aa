import { quotedIdentifier } from '@duckdb/node-api';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentSpecSchema, type DateWindow } from '../../../../shared/analytics';
import { keyedError } from '../../../../shared/errors';
import type { ChurnModelName, ChurnRunReport, ChurnScoreSummary } from '../../../../shared/models';
import { addDays, daysBetween } from '../../../../shared/dates';
import { purchaseDateRange } from '../../analytics/segmentSpec';
import { computeSegments, runSegmentTables } from '../../analytics/segments';
import type { Project } from '../../project/projectStore';
import { getRun } from '../../runs/runs';
import type { WorkerHost } from '../../../workers/host';
import { explainInWorker, scoreInWorker } from '../../../workers/trainInWorker';
import { customerHistories } from '../bgnbd';
import type { StoredModel } from './applyModel';
import { buildFeatures } from './features';
import { onlyCustomers } from './dataset';
import type { RiskReason } from './explain';
import { transitionOf } from './labels';

/**
 * Scores every customer with a trained run's model on the latest period (the run's period 2 when it
 * ends on the last purchase day, else a window as long as period 1 ending then): the current churn risk (binary: P(no purchase next
 * period); transition: the summed probability of the →비활동 classes), the most likely class and the
 * reasons (the features that push the risk up most, services/models/churn/explain.ts; JSON), written
 * to churn_scores for the export and validation steps (the run's earlier scores replaced).
 */
export async function scoreChurn(project: Project, runId: string, asked: ChurnModelName | undefined, host: WorkerHost): Promise<ChurnScoreSummary> {
  const { db } = project;
  const run = await getRun(db, runId);
  if (run.kind !== 'churn' || run.status !== 'done') throw keyedError('BAD_ARGUMENT', `Run ${runId} is not a finished churn training run.`, 'notChurnRun', { run: runId });
  const report = run.metrics as unknown as ChurnRunReport;
  // The latest period: the run's period 2 when it ends on the last purchase day (H2 after H1), else a
  // window as long as period 1 ending then.
  const [p1, p2] = report.periods;
  const { to: last } = await purchaseDateRange(db);
  const latest: DateWindow = p2.to === last ? p2 : { from: addDays(last, -daysBetween(p1.from, p1.to)), to: last };
  const [{ model, customers, risk, predicted, reasons }] = await scoreWindow(project, runId, asked ? [asked] : [], latest, host, { explain: true });
  const n = customers.length;
  await project.commit(() =>
    db.transaction(async () => {
      await db.run(`DELETE FROM churn_scores WHERE run_id = $1`, [runId]);
      for (let i = 0; i < n; i += 2000) {
        const values: (string | number)[] = [];
        const rows: string[] = [];
        for (let k = i; k < Math.min(n, i + 2000); k++) {
          const b = values.length;
          values.push(customers[k], risk[k], predicted[k], JSON.stringify(reasons?.[k] ?? []));
          rows.push(`($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4})`);
        }
        await db.run(
          `INSERT INTO churn_scores (run_id, model, customer_id, risk, predicted, window_from, window_to, scored_at, reasons)
           SELECT '${runId.replace(/'/g, "''")}', '${model}', c, r, p, DATE '${latest.from}', DATE '${latest.to}', now()::TIMESTAMP, e FROM (VALUES ${rows.join(', ')}) v(c, r, p, e)`,
          values,
        );
      }
    }),
  );
  const high = Array.from(risk).filter((r) => r >= 0.5).length;
  return { runId, model, window: latest, customers: n, meanRisk: n ? risk.reduce((a, b) => a + b, 0) / n : 0, highRisk: high };
}

/** Every customer's risk from a run's model, the features taken from `latest` only (and the RFM tiers from it and the window before). */
export interface WindowScores {
  model: ChurnModelName;
  customers: string[];
  risk: Float64Array;
  predicted: string[];
  /** With `explain`: per customer, up to three features that push the risk up most, largest first (explain.ts). */
  reasons?: RiskReason[][];
}

/**
 * A run's models (the asked ones, else the run's best) applied to the customers who bought in
 * `latest`: nothing after latest.to is read, so the validation can score as of a cut-off. The
 * features are built once for all the models. With `explain`, each model's reasons too.
 */
export async function scoreWindow(
  project: Project,
  runId: string,
  asked: readonly ChurnModelName[],
  latest: DateWindow,
  host: WorkerHost,
  options: { explain?: boolean } = {},
): Promise<WindowScores[]> {
  const { db } = project;
  const run = await getRun(db, runId);
  if (run.kind !== 'churn' || run.status !== 'done') throw keyedError('BAD_ARGUMENT', `Run ${runId} is not a finished churn training run.`, 'notChurnRun', { run: runId });
  const report = run.metrics as unknown as ChurnRunReport;
  const models = asked.length ? asked : report.best ? [report.best] : [];
  if (!models.length) throw keyedError('BAD_ARGUMENT', `Run ${runId} has no model that applies.`, 'runNoModel', { run: runId });
  const saved = readModels(project.dir, run.artifacts);
  const entries = models.map((model) => {
    const entry = saved.models[model];
    if (!entry) {
      const trained = Object.keys(saved.models).join(', ');
      throw keyedError('BAD_ARGUMENT', `Run ${runId} has no ${model} model (it trained ${trained}).`, 'runMissingModel', { run: runId, model, trained });
    }
    if (entry.kind === 'mlp') entry.weights = readWeights(project.dir, run.artifacts);
    return { model, entry };
  });
  const days = daysBetween(latest.from, latest.to) + 1;
  const previous: DateWindow = { from: addDays(latest.from, -days), to: addDays(latest.from, -1) };
  const tables = runSegmentTables(`run_${runId.replace(/[^A-Za-z0-9]/g, '_')}_scoring`);
  try {
    await project.commit(() => computeSegments(db, segmentSpecSchema.parse({ periods: [previous, latest] }), tables));
    const built = await buildFeatures(db, latest);
    const seg = await db.all<{ customer_id: string; tier_2: number; r_score_2: number; f_score_2: number; m_score_2: number; score_2: number }>(
      `SELECT customer_id, tier_2, r_score_2, f_score_2, m_score_2, score_2 FROM ${quotedIdentifier(tables.segments)} WHERE tier_2 IS NOT NULL`,
    );
    const byCustomer = new Map(seg.map((s) => [s.customer_id, s]));
    // A model of the last tier's churn scores the customers of the last tier only.
    const features = report.population === 'lastTier' ? onlyCustomers(built, (c) => byCustomer.get(c)?.tier_2 === saved.tiers - 1) : built;
    // The training's columns in its order; a chain or affiliate the latest window lacks is missing (NaN).
    const d = saved.features.length;
    const n = features.customers.length;
    const from = saved.features.map((name) => features.names.indexOf(name));
    const x = new Float32Array(n * d).fill(NaN);
    const tier = new Int32Array(n);
    const d0 = features.names.length;
    features.customers.forEach((c, i) => {
      const s = byCustomer.get(c);
      const rfm: Record<string, number> = s ? { r_score: s.r_score_2, f_score: s.f_score_2, m_score: s.m_score_2, rfm_score: s.score_2, tier: s.tier_2 } : {};
      tier[i] = s?.tier_2 ?? saved.tiers - 1;
      saved.features.forEach((name, j) => {
        x[i * d + j] = from[j] >= 0 ? features.x[i * d0 + from[j]] : (rfm[name] ?? NaN);
      });
    });
    const wantsHistories = entries.some((e) => e.entry.kind === 'bgnbd');
    const histories = wantsHistories
      ? await (async () => {
          const h = await customerHistories(db, { calibrationEnd: latest.to, from: latest.from, unit: 'week' });
          const byId = new Map(h.customers.map((c) => [c.customerId, c]));
          return features.customers.map((id) => byId.get(id) ?? { x: 0, tx: 0, T: 0 });
        })()
      : null;
    const classes = report.classes.length;
    const out: WindowScores[] = [];
    const riskClasses = classes === 2 ? null : report.classes.flatMap((_, c) => (transitionOf(c, saved.tiers).to === saved.tiers ? [c] : []));
    for (const { model, entry } of entries) {
      const rows = { x, n, d, tier, histories: entry.kind === 'bgnbd' ? histories : null };
      const p = await scoreInWorker(host, { entry, rows });
      const risk = new Float64Array(n);
      const predicted: string[] = [];
      for (let i = 0; i < n; i++) {
        if (classes === 2) {
          risk[i] = p[i];
          predicted.push(p[i] >= 0.5 ? report.classes[1] : report.classes[0]);
        } else {
          let best = 0;
          for (let c = 0; c < classes; c++) {
            if (transitionOf(c, saved.tiers).to === saved.tiers) risk[i] += p[i * classes + c];
            if (p[i * classes + c] > p[i * classes + best]) best = c;
          }
          predicted.push(report.classes[best]);
        }
      }
      const reasons = options.explain ? await explainInWorker(host, { entry, rows, names: saved.features, top: 3, riskClasses }) : undefined;
      out.push({ model, customers: features.customers, risk, predicted, ...(reasons ? { reasons } : {}) });
    }
    return out;
  } finally {
    await project
      .commit(async () => {
        for (const t of [tables.segments, tables.spec]) await db.run(`DROP TABLE IF EXISTS ${quotedIdentifier(t)}`);
      })
      .catch(() => undefined);
  }
}

interface SavedModels {
  features: string[];
  label: 'binary' | 'transition';
  tiers: number;
  models: Partial<Record<ChurnModelName, StoredModel>>;
}

/** The run's models.json, checked: a damaged or foreign file is refused with a clear message. */
function readModels(dir: string, artifacts: string[]): SavedModels {
  const found = artifacts.find((a) => a.endsWith('models.json'));
  const file = found ?? 'models.json';
  const path = found ? join(dir, found) : null;
  if (!path || !existsSync(path)) throw keyedError('NOT_FOUND', `The run's model file is missing (${file}); train again.`, 'modelFileMissing', { file });
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw keyedError('BAD_FILE', `The model file ${file} is damaged (not JSON); train again.`, 'modelFileNotJson', { file });
  }
  const m = parsed as Partial<SavedModels>;
  if (!m || !Array.isArray(m.features) || typeof m.tiers !== 'number' || typeof m.models !== 'object' || m.models === null) {
    throw keyedError('BAD_FILE', `The model file ${file} is damaged (its features, tiers or models are missing); train again.`, 'modelFileIncomplete', { file });
  }
  return m as SavedModels;
}

function readWeights(dir: string, artifacts: string[]): Uint8Array {
  const file = artifacts.find((a) => a.endsWith('mlp.weights.bin'));
  if (!file || !existsSync(join(dir, file))) throw keyedError('NOT_FOUND', `The MLP's weights file is missing; train again.`, 'weightsFileMissing');
  return readFileSync(join(dir, file));
}
