import {
  buildHitRateChart,
  buildImportanceChart,
  buildLiftChart,
  buildModelComparisonChart,
  buildTimeSplitChart,
  importanceChartHeight,
  modelLabel,
  recommendModelLabel,
  reportModels,
  timeSplitChartHeight,
} from '../../../shared/charts';
import { featureLabel } from '../../../shared/featureNames';
import type { Lang } from '../../../shared/i18n';
import type { LiftTable } from '../../../shared/metrics/lift';
import { CHURN_MODELS, type ChurnModelName, type ChurnRunReport, type FeatureImportanceSummary } from '../../../shared/models';
import type { RecommendRunReport } from '../../../shared/recommend';
import type { ReportBlock, ReportSection } from './reportTypes';
import { num, pct, reportChart, rt, say, score, times, windowText } from './reportText';

/** What a churn model's result carries besides its scores (services/models/churn/train.ts). */
interface ChurnDetails {
  lift?: LiftTable | null;
  importance?: FeatureImportanceSummary | null;
}

/** The latest churn and recommendation runs: the models side by side, the best one's gains, what drives it. */
export function modelsSection(churn: ChurnRunReport | null, recommend: RecommendRunReport | null, lang: Lang): ReportSection {
  const blocks: ReportBlock[] = [{ kind: 'heading', text: rt('partChurn', lang) }];
  if (churn) blocks.push(...churnBlocks(churn, lang));
  else blocks.push({ kind: 'missing', text: rt('noChurn', lang) });
  blocks.push({ kind: 'heading', text: rt('partRecommend', lang) });
  if (recommend) blocks.push(...recommendBlocks(recommend, lang));
  else blocks.push({ kind: 'missing', text: rt('noRecommend', lang) });
  return { id: 'models', title: rt('sectionModels', lang), blocks };
}

function churnBlocks(report: ChurnRunReport, lang: Lang): ReportBlock[] {
  const [p1, p2] = report.periods;
  const period = `${windowText(p1, lang)} → ${windowText(p2, lang)}`;
  const binary = report.label === 'binary';
  const metric = binary ? 'rocAuc' : 'macroF1';
  const metricName = binary ? 'ROC-AUC' : rt('macroF1', lang);
  const known = new Set<string>(CHURN_MODELS);
  const models = [...CHURN_MODELS, ...(Object.keys(report.models) as ChurnModelName[]).filter((m) => !known.has(m))].filter((m) => report.models[m]);
  const blocks: ReportBlock[] = [
    {
      kind: 'text',
      text: say('churnFacts', lang, {
        label: rt(binary ? 'labelBinary' : 'labelTransition', lang),
        p1: windowText(p1, lang),
        p2: windowText(p2, lang),
        train: num(report.train.customers, lang),
        valid: num(report.valid.customers, lang),
        test: num(report.test.customers, lang),
        seed: report.run.seed,
        run: report.run.id,
      }),
    },
    {
      kind: 'table',
      table: {
        caption: rt('churnTable', lang),
        columns: [{ label: rt('model', lang) }, ...['ROC-AUC', 'PR-AUC', rt('accuracy', lang), rt('macroF1', lang)].map((label) => ({ label, numeric: true }))],
        rows: models.map((m) => {
          const r = report.models[m]!;
          const name = modelLabel(m, lang) + (m === report.best ? ' ★' : '');
          return r.applies ? [name, score(r.rocAuc), score(r.prAuc), score(r.accuracy), score(r.macroF1)] : [name, rt('notApplicable', lang), '', '', ''];
        }),
      },
    },
  ];

  const best = report.best;
  const bestResult = best ? report.models[best] : undefined;
  const baseline = report.models.tierRule;
  let comparison = rt('takeNoData', lang);
  if (best && bestResult?.applies) {
    const values = { metric: metricName, model: modelLabel(best, lang), value: score(bestResult[metric]) };
    comparison =
      baseline?.applies && best !== 'tierRule' && typeof baseline[metric] === 'number'
        ? say('takeBestModel', lang, { ...values, baseline: score(baseline[metric]) })
        : say('takeBestModelOnly', lang, values);
  }
  blocks.push({ kind: 'chart', chart: reportChart('churn-models', buildModelComparisonChart(report, lang), comparison, { period, height: 300 + 30 * models.length }) });

  const details = (bestResult?.applies ? bestResult.details : {}) as ChurnDetails;
  if (best && details.lift?.rows.length) {
    const top = details.lift.rows[0];
    const takeaway = say('takeGains', lang, { top: pct(top.customers / details.lift.customers, lang), gain: pct(top.cumulativeGain, lang), lift: times(top.lift, lang) });
    blocks.push({ kind: 'chart', chart: reportChart('churn-lift', buildLiftChart(details.lift, lang, best), takeaway, { period, height: 380 }) });
  }
  // The importance is measured for one model (the best that reads the features).
  const owner = models.find((m) => {
    const r = report.models[m];
    return r?.applies && (r.details as ChurnDetails).importance;
  });
  const importance = owner ? ((report.models[owner] as { details: ChurnDetails }).details.importance ?? null) : null;
  if (owner && importance) {
    const features = importance.features.slice(0, 3).map((f) => featureLabel(f.feature, lang));
    const takeaway = say('takeImportance', lang, { features: features.join(', ') });
    blocks.push({
      kind: 'chart',
      chart: reportChart('churn-importance', buildImportanceChart(importance, lang, owner), takeaway, { period, height: importanceChartHeight(importance.features.length) }),
    });
  }
  return blocks;
}

function recommendBlocks(report: RecommendRunReport, lang: Lang): ReportBlock[] {
  const rows = reportModels(report);
  const at10 = (hr: number[]) => hr[9] ?? hr[hr.length - 1] ?? null;
  const k = rows[0]?.[1].timeSplit.k ?? report.k;
  const blocks: ReportBlock[] = [
    {
      kind: 'text',
      text: say('recFacts', lang, {
        window: windowText(report.window, lang),
        cutoff: report.cutoff,
        customers: num(report.data.customers, lang),
        products: num(report.data.products, lang),
        k: report.k,
        seed: report.run.seed,
        run: report.run.id,
      }),
    },
    {
      kind: 'table',
      table: {
        caption: rt('recTable', lang),
        columns: [
          { label: rt('model', lang) },
          { label: rt('hr10', lang), numeric: true },
          { label: rt('ndcg10', lang), numeric: true },
          { label: say('recallK', lang, { k }), numeric: true },
          { label: rt('precision', lang), numeric: true },
          { label: rt('coverage', lang), numeric: true },
        ],
        rows: rows.map(([m, r]) => [
          recommendModelLabel(m, lang) + (m === report.best ? ' ★' : ''),
          score(at10(r.sampled.hr)),
          score(at10(r.sampled.ndcg)),
          score(r.timeSplit.recall),
          score(r.timeSplit.precision),
          pct(r.timeSplit.coverage, lang),
        ]),
      },
    },
  ];
  const period = windowText(report.window, lang);
  const best = report.models[report.best];
  const pop = report.models.popularity;
  const bestHr = best ? at10(best.sampled.hr) : null;
  const popHr = pop ? at10(pop.sampled.hr) : null;
  let hitText = rt('takeNoData', lang);
  if (best && bestHr !== null) {
    const values = { model: recommendModelLabel(report.best, lang), value: score(bestHr) };
    hitText =
      report.best !== 'popularity' && popHr
        ? say('takeHitRate', lang, { ...values, baseline: score(popHr), ratio: times(bestHr / popHr, lang) })
        : say('takeHitRateOnly', lang, values);
  }
  blocks.push({ kind: 'chart', chart: reportChart('recommend-hit-rate', buildHitRateChart(report, lang), hitText, { period, height: 380 }) });

  let top = rows[0];
  for (const row of rows) if (row[1].timeSplit.recall > top[1].timeSplit.recall) top = row;
  const timeText = top
    ? say('takeTimeSplit', lang, { cutoff: report.cutoff, recall: pct(top[1].timeSplit.recall, lang), model: recommendModelLabel(top[0], lang), k })
    : rt('takeNoData', lang);
  blocks.push({ kind: 'chart', chart: reportChart('recommend-time-split', buildTimeSplitChart(report, lang), timeText, { period, height: timeSplitChartHeight(rows.length) }) });
  return blocks;
}
