import { label, recommendModelLabel, reportModels, sampledNegatives } from '../../../../shared/charts';
import type { RecommendRunReport } from '../../../../shared/recommend';
import { formatNumber } from '../../format';
import { fill, t, type Lang } from '../../i18n';
import { partKind, partRows, skippedParts } from './parts';

const f3 = (v: number | null) => (v === null ? '–' : v.toFixed(3));

/**
 * The own figures of each part of a per-chain or per-cluster run (the headline table holds their
 * weighted means): a row per chain or cluster with its customers, and per model HR@10 among 1 + N
 * (with the customers it evaluated) and the time split's recall, the part's best model starred;
 * then the parts that could not be trained, with the reason.
 */
export function PartsTable({ report, lang }: { report: RecommendRunReport; lang: Lang }) {
  const kind = partKind(report);
  if (!kind) return null;
  const models = reportModels(report).map(([m]) => m);
  const rows = partRows(report, lang);
  const skipped = skippedParts(report, lang);
  const k = reportModels(report)[0]?.[1].timeSplit.k ?? report.k;
  return (
    <div className="card" data-testid="recommend-parts" data-kind={kind}>
      <h3>{t(`recommend.parts.${kind}`, lang)}</h3>
      <table className="grid numbers" data-testid="recommend-parts-table">
        <thead>
          <tr>
            <th rowSpan={2}>{t(`recommend.part.${kind}`, lang)}</th>
            <th rowSpan={2}>{t('recommend.partCustomers', lang)}</th>
            {models.map((m) => (
              <th key={m} colSpan={2}>
                {recommendModelLabel(m, lang)}
              </th>
            ))}
          </tr>
          <tr>
            {models.map((m) => [
              <th key={`${m}-hr`}>{fill(t('recommend.partHr', lang), { n: sampledNegatives(report) ?? '–' })}</th>,
              <th key={`${m}-recall`}>{fill(label('recRecall', lang), { k })}</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-part={row.key} data-best={row.best} data-testid="recommend-part">
              <th data-testid="recommend-part-name">{row.label}</th>
              <td data-metric="customers">{formatNumber(row.customers, lang)}</td>
              {row.cells.map((cell, i) =>
                cell
                  ? [
                      <td key={`${cell.model}-hr`} data-model={cell.model} data-metric="hr10" className={cell.best ? 'selected' : undefined}>
                        {f3(cell.hr10)}
                        {cell.best ? ` ★` : ''} <span className="note">({fill(t('recommend.partEvaluated', lang), { n: formatNumber(cell.evaluated, lang) })})</span>
                      </td>,
                      <td key={`${cell.model}-recall`} data-model={cell.model} data-metric="recall">
                        {f3(cell.recall)}
                      </td>,
                    ]
                  : [<td key={`${models[i]}-hr`}>–</td>, <td key={`${models[i]}-recall`}>–</td>],
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {skipped.length > 0 && (
        <div data-testid="recommend-parts-skipped">
          <p className="note">{t(`recommend.skipped.${kind}`, lang)}:</p>
          <ul className="note">
            {skipped.map((s, i) => (
              <li key={`${i}-${s.label}`} data-testid="recommend-part-skipped">
                {s.label}: {s.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
