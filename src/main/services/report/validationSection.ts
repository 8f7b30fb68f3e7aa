import type { EChartsOption } from 'echarts';
import { modelLabel, recommendModelLabel } from '../../../shared/charts';
import { buildGainsChart, buildRecommendCheckChart, buildRepurchaseChart } from '../../../shared/charts/validationCharts';
import type { Lang } from '../../../shared/i18n';
import type { ValidationReport } from '../../../shared/validation';
import type { ReportBlock, ReportSection } from './reportTypes';
import { fixed, num, pct, reportChart, rt, say, score, times, windowText } from './reportText';

/** Pairs scoring at least t at any chain, and the share of them bought again (pooled over the chains). */
export function pooledRepurchase(report: ValidationReport): { threshold: number; pairs: number; share: number | null }[] {
  const by = new Map<number, { pairs: number; judged: number; bought: number }>();
  for (const chain of report.repurchase.chains) {
    for (const row of chain.rows) {
      const acc = by.get(row.threshold) ?? { pairs: 0, judged: 0, bought: 0 };
      acc.pairs += row.pairs;
      if (row.share !== null) {
        acc.judged += row.pairs;
        acc.bought += row.share * row.pairs;
      }
      by.set(row.threshold, acc);
    }
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([threshold, a]) => ({ threshold, pairs: a.pairs, share: a.judged ? a.bought / a.judged : null }));
}

/**
 * The latest validation: learned before the cut-off, checked on the months after it. The takeaway of
 * the repurchase table names the highest threshold that still holds 5 % of the pairs (a rule fixed in
 * advance, so the figure is not picked for being the best one).
 */
export function validationSection(report: ValidationReport | null, lang: Lang): ReportSection {
  const title = rt('sectionValidation', lang);
  if (!report) return { id: 'validation', title, blocks: [{ kind: 'missing', text: rt('noValidation', lang) }] };
  const blocks: ReportBlock[] = [
    {
      kind: 'text',
      text: say('valFacts', lang, {
        learn: windowText(report.learn, lang),
        observe: windowText(report.observe, lang),
        cutoff: report.cutoff,
        seed: report.run.seed,
        run: report.run.id,
      }),
    },
  ];

  const pooled = pooledRepurchase(report);
  const base = pooled[0];
  const shown = [...pooled].reverse().find((r) => r.share !== null && base && r.pairs >= 0.05 * base.pairs);
  const repurchaseText =
    base && shown && base.share !== null
      ? say('takeRepurchase', lang, { threshold: fixed(shown.threshold, lang, 1), share: pct(shown.share, lang), base: pct(base.share, lang) })
      : rt('takeNoData', lang);

  const checks = report.recommend.models;
  const best = [...checks].filter((m) => m.model !== 'popularity').sort((a, b) => b.hitRate - a.hitRate)[0] ?? checks[0];
  const recommendText = best
    ? best.lift !== null && best.model !== 'popularity'
      ? say('takeRecommendCheck', lang, { model: recommendModelLabel(best.model, lang), hitRate: pct(best.hitRate, lang), lift: times(best.lift, lang) })
      : say('takeRecommendCheckOnly', lang, { model: recommendModelLabel(best.model, lang), hitRate: pct(best.hitRate, lang) })
    : rt('takeNoData', lang);

  const churnBest = report.churn.models.find((m) => m.model === report.churn.best) ?? report.churn.models[0];
  const first = churnBest?.deciles[0];
  const gainsText =
    churnBest && first && report.churn.customers
      ? say('takeValidationGains', lang, { top: pct(first.customers / report.churn.customers, lang), gain: pct(first.gain, lang), model: modelLabel(churnBest.model, lang), auc: score(churnBest.rocAuc) })
      : rt('takeNoData', lang);

  // These charts name their learned and observed windows in their own notes: no period line is added.
  const chart = (id: string, build: (r: ValidationReport, l: Lang) => EChartsOption, takeaway: string, height = 380) =>
    blocks.push({ kind: 'chart', chart: reportChart(`validation-${id}`, build(report, lang), takeaway, { height }) });
  chart('repurchase', buildRepurchaseChart, repurchaseText, 400);
  blocks.push({
    kind: 'table',
    table: {
      caption: rt('valRepurchaseTable', lang),
      columns: [{ label: rt('threshold', lang), numeric: true }, { label: rt('pairs', lang), numeric: true }, { label: rt('repurchased', lang), numeric: true }],
      rows: pooled.map((r) => [fixed(r.threshold, lang, 1), num(r.pairs, lang), pct(r.share, lang)]),
    },
  });

  chart('recommend-check', buildRecommendCheckChart, recommendText);
  blocks.push({
    kind: 'table',
    table: {
      caption: say('valRecommendTable', lang, { k: report.recommend.k }),
      columns: [
        { label: rt('model', lang) },
        ...(['listed', 'hitCustomers', 'hitRate', 'precision', 'recall', 'lift'] as const).map((key) => ({ label: rt(key, lang), numeric: true })),
      ],
      rows: checks.map((m) => [
        recommendModelLabel(m.model, lang),
        num(m.customers, lang),
        num(m.hitCustomers, lang),
        pct(m.hitRate, lang),
        pct(m.precision, lang),
        pct(m.recall, lang),
        m.lift === null ? '–' : `×${times(m.lift, lang)}`,
      ]),
    },
  });

  chart('gains', buildGainsChart, gainsText);
  const gainAt = (m: (typeof report.churn.models)[number], d: number) => pct(m.deciles[d - 1]?.gain ?? null, lang);
  blocks.push({
    kind: 'table',
    table: {
      caption: rt('valChurnTable', lang),
      columns: [
        { label: rt('model', lang) },
        { label: 'ROC-AUC', numeric: true },
        { label: rt('topDecileLift', lang), numeric: true },
        { label: say('gainAt', lang, { top: '10%' }), numeric: true },
        { label: say('gainAt', lang, { top: '30%' }), numeric: true },
      ],
      rows: report.churn.models.map((m) => [
        modelLabel(m.model, lang) + (m.model === report.churn.best ? ' ★' : ''),
        score(m.rocAuc),
        m.deciles[0] ? `×${times(m.deciles[0].lift, lang)}` : '–',
        gainAt(m, 1),
        gainAt(m, 3),
      ]),
    },
  });
  return { id: 'validation', title, blocks };
}
