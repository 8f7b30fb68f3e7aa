import { buildReadbackOutcomeChart, buildReadbackSeriesChart, outcomeLabel, pointsText } from '../../../shared/charts/readbackCharts';
import type { Lang } from '../../../shared/i18n';
import type { ReadbackOutcome, ReadbackReport } from '../../../shared/readback';
import type { ReportBlock, ReportSection } from './reportTypes';
import { fixed, num, pct, people, reportChart, rt, say, windowText } from './reportText';

/** Points as the takeaway writes them: 3.1 (one decimal, ko-KR / en-US). */
const pts = (share: number, lang: Lang) => fixed(100 * share, lang, 1);

/**
 * The purchase rate's sentence: higher or lower by so many points with the interval when significant,
 * otherwise "not significant" and how many customers a conclusive test would need.
 */
export function readbackTakeaway(bought: ReadbackOutcome | undefined, lang: Lang): string {
  if (!bought) return rt('takeNoData', lang);
  const interval = { low: pts(bought.ciLow, lang), high: pts(bought.ciHigh, lang) };
  if (bought.significant) return say(bought.uplift >= 0 ? 'takeReadbackHigher' : 'takeReadbackLower', lang, { diff: pts(Math.abs(bought.uplift), lang), ...interval });
  const plain = say('takeReadbackNotSignificant', lang, { diff: `${bought.uplift > 0 ? '+' : ''}${pts(bought.uplift, lang)}`, ...interval });
  return bought.required ? plain + say('takeReadbackRequired', lang, { treatment: num(bought.required.treatment, lang), control: num(bought.required.control, lang) }) : plain;
}

/** An outcome's figure in the table: rates in %, differences of rates in points, means as numbers. */
function figure(o: ReadbackOutcome, v: number, lang: Lang, signed: boolean): string {
  if (o.kind === 'rate') return signed ? pointsText(v, lang) : pct(v, lang);
  return `${signed && v > 0 ? '+' : ''}${num(v, lang, o.outcome === 'receipts' ? 2 : 0)}`;
}

/**
 * The latest campaign read-back: the contacted against the control group of an exported list. The
 * day-by-day chart carries the purchase rate's sentence; the outcome chart names the significant outcomes.
 */
export function readbackSection(report: ReadbackReport | null, lang: Lang): ReportSection {
  const title = rt('sectionReadback', lang);
  if (!report) return { id: 'readback', title, blocks: [{ kind: 'missing', text: rt('noReadback', lang) }] };
  const blocks: ReportBlock[] = [
    {
      kind: 'text',
      text: say('rbFacts', lang, {
        file: report.list.file,
        exportRun: report.list.exportRun,
        contacts: windowText(report.contacts, lang),
        days: report.window.days,
        lastDay: report.window.lastDay,
        treatment: people(report.groups.treatment, lang),
        control: people(report.groups.control, lang),
        seed: report.run.seed,
        run: report.run.id,
      }),
    },
  ];
  const bought = report.outcomes.find((o) => o.outcome === 'bought');
  blocks.push({ kind: 'chart', chart: reportChart('readback-series', buildReadbackSeriesChart(report, lang), readbackTakeaway(bought, lang), { height: 380 }) });
  const significant = report.outcomes.filter((o) => o.kind === 'rate' && o.significant).map((o) => outcomeLabel(o.outcome, lang));
  const outcomesText = significant.length ? say('takeReadbackOutcomes', lang, { names: significant.join(', ') }) : rt('takeReadbackNoneSignificant', lang);
  blocks.push({ kind: 'chart', chart: reportChart('readback-outcomes', buildReadbackOutcomeChart(report, lang), outcomesText, { height: 380 }) });
  blocks.push({
    kind: 'table',
    table: {
      caption: rt('rbOutcomeTable', lang),
      columns: [
        { label: rt('rbOutcome', lang) },
        ...(['rbTreatment', 'rbControl', 'rbUplift', 'rbInterval'] as const).map((key) => ({ label: rt(key, lang), numeric: true })),
        { label: 'p', numeric: true },
        { label: rt('rbSignificant', lang) },
      ],
      rows: report.outcomes.map((o) => [
        outcomeLabel(o.outcome, lang),
        figure(o, o.treatment, lang, false),
        figure(o, o.control, lang, false),
        figure(o, o.uplift, lang, true),
        `${figure(o, o.ciLow, lang, true)} ~ ${figure(o, o.ciHigh, lang, true)}`,
        o.pValue === null ? '–' : o.pValue < 0.0001 ? '< 0.0001' : o.pValue.toFixed(4),
        o.significant ? '✓' : '',
      ]),
    },
  });
  return { id: 'readback', title, blocks };
}
