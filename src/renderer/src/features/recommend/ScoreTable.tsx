import { label, recommendModelLabel, reportModels, sampledNegatives, sharePercent } from '../../../../shared/charts';
import type { RecommendRunReport } from '../../../../shared/recommend';
import { fill, t, type Lang } from '../../i18n';

const f3 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(3));

/**
 * One row per model on the same protocols: HR@10 and NDCG@10 among 1 + N (N in the heading), the
 * time split's recall and NDCG, how much of the catalogue the lists reach and how much of them the
 * best-sellers take, and the seconds. The best model (by HR@10) is starred.
 */
export function ScoreTable({ report, lang }: { report: RecommendRunReport; lang: Lang }) {
  const rows = reportModels(report);
  const n = sampledNegatives(report) ?? '–';
  const k = rows[0]?.[1].timeSplit.k ?? 10;
  return (
    <table className="grid numbers" data-testid="recommend-models">
      <thead>
        <tr>
          <th rowSpan={2}>{t('recommend.model', lang)}</th>
          <th colSpan={2} data-testid="recommend-loo-heading">
            {fill(t('recommend.loo', lang), { n })}
          </th>
          <th colSpan={4}>{t('recommend.timeSplit', lang)}</th>
          <th rowSpan={2}>{t('recommend.seconds', lang)}</th>
        </tr>
        <tr>
          <th>HR@10</th>
          <th>NDCG@10</th>
          <th>{fill(label('recRecall', lang), { k })}</th>
          <th>{fill(label('recTimeNdcg', lang), { k })}</th>
          <th>{t('recommend.coverage', lang)}</th>
          <th>{t('recommend.topShare', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([model, r]) => (
          <tr key={model} data-model={model} className={model === report.best ? 'selected' : undefined}>
            <th>
              {recommendModelLabel(model, lang)}
              {model === report.best ? ` ★ ${t('recommend.best', lang)}` : ''}
            </th>
            <td data-metric="hr10">{f3(r.sampled.hr[9])}</td>
            <td data-metric="ndcg10">{f3(r.sampled.ndcg[9])}</td>
            <td data-metric="recall">{f3(r.timeSplit.recall)}</td>
            <td data-metric="ndcg">{f3(r.timeSplit.ndcg)}</td>
            <td data-metric="coverage">{sharePercent(r.timeSplit.coverage, lang)}</td>
            <td data-metric="topShare">{sharePercent(r.timeSplit.topShare, lang)}</td>
            <td data-metric="seconds">{r.seconds.toFixed(1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
