import { useMemo } from 'react';
import { buildReadbackOutcomeChart, buildReadbackSegmentChart, buildReadbackSeriesChart, formatValue } from '../../../../shared/charts';
import type { ReadbackReport as Report } from '../../../../shared/readback';
import { Chart } from '../../components/Chart';
import { formatDate } from '../../format';
import { fill, t, type Lang } from '../../i18n';
import { OutcomesTable } from './OutcomesTable';
import { SegmentsTable } from './SegmentsTable';

/** Series names of an option as handed to the chart (for the page's data attributes). */
const seriesNames = (option: { series?: unknown }) => (Array.isArray(option.series) ? option.series.map((s: { name?: string }) => s.name ?? '') : []);
const share = (v: number | null, lang: Lang) => (v === null ? '–' : formatValue(100 * v, 'percent', lang));

/**
 * A read-back's report: the list, the contact dates and the window; who is compared; the outcomes
 * table; the day-by-day, outcome and per-decile charts; the tables per breakdown; the recommended
 * products among the buyers.
 */
export function ReadbackReport({ report, lang, currency }: { report: Report; lang: Lang; currency: string }) {
  const series = useMemo(() => buildReadbackSeriesChart(report, lang), [report, lang]);
  const outcomes = useMemo(() => buildReadbackOutcomeChart(report, lang), [report, lang]);
  const segmentCharts = useMemo(() => report.segments.map((s) => ({ by: s.by, option: buildReadbackSegmentChart(report, s.by, lang) })), [report, lang]);
  const period = `${formatDate(report.contacts.from, lang)} ~ ${formatDate(report.window.lastDay, lang)}`;
  const name = `readback-${report.run.id}`;
  const g = report.groups;
  const rec = report.recommendedAmongBuyers;
  return (
    <div data-testid="readback-report" data-run={report.run.id}>
      <div className="card">
        <h3>{t('readback.report', lang)}</h3>
        <p data-testid="readback-summary">
          {fill(t('readback.summary', lang), {
            file: report.list.file,
            from: formatDate(report.contacts.from, lang),
            to: formatDate(report.contacts.to, lang),
            days: report.window.days,
            lastDay: formatDate(report.window.lastDay, lang),
            seed: report.run.seed,
          })}
        </p>
        <p data-testid="readback-groups">
          {fill(t('readback.groups', lang), {
            treatment: formatValue(g.treatment, 'people', lang),
            control: formatValue(g.control, 'people', lang),
            notContacted: formatValue(g.notContacted, 'people', lang),
            controlContacted: formatValue(g.controlContacted, 'people', lang),
          })}
        </p>
      </div>
      <div className="card" data-testid="readback-outcomes-card">
        <h3>{t('readback.outcomes', lang)}</h3>
        <OutcomesTable report={report} lang={lang} currency={currency} />
        {rec.treatment !== null && (
          <p data-testid="readback-recommended">{fill(t('readback.recommended', lang), { treatment: share(rec.treatment, lang), control: share(rec.control, lang) })}</p>
        )}
      </div>
      <div className="card">
        <h3>{t('readback.charts', lang)}</h3>
        <div className="chart-grid">
          <div data-testid="readback-series-series" data-series={JSON.stringify(seriesNames(series))}>
            <Chart period={period} option={series} lang={lang} name={`${name}-series`} testId="readback-series-chart" />
          </div>
          <div data-testid="readback-outcome-series" data-series={JSON.stringify(seriesNames(outcomes).slice(0, 1))}>
            <Chart period={period} option={outcomes} lang={lang} name={`${name}-outcomes`} testId="readback-outcome-chart" />
          </div>
        </div>
      </div>
      {report.segments.length > 0 && (
        <div className="card" data-testid="readback-segments">
          <h3>{t('readback.segments', lang)}</h3>
          {report.segments.map((s) => {
            const chart = segmentCharts.find((c) => c.by === s.by)!;
            return (
              <div key={s.by}>
                <SegmentsTable segment={s} lang={lang} />
                <Chart period={period} option={chart.option} lang={lang} name={`${name}-${s.by}`} testId={`readback-segment-chart-${s.by}`} />
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
