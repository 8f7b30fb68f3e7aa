import type { ProjectInfo, RejectReason } from '../../../../shared/reports';
import { formatDate, formatNumber } from '../../format';
import { REASON_LABELS, t, type Lang } from '../../i18n';

/** Per imported file: rows read, loaded, rejected per reason, returns, duplicates, dates. */
export function QualityReport({ lang, info }: { lang: Lang; info: ProjectInfo }) {
  const n = (v: number) => formatNumber(v, lang);
  return (
    <div className="card" data-testid="quality-report">
      <h3>{t('quality.title', lang)}</h3>
      {info.imports.length === 0 ? (
        <p>{t('quality.none', lang)}</p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th>{t('quality.file', lang)}</th>
              <th>{t('quality.read', lang)}</th>
              <th>{t('quality.loaded', lang)}</th>
              <th>{t('quality.rejected', lang)}</th>
              <th>{t('quality.returns', lang)}</th>
              <th>{t('quality.duplicates', lang)}</th>
              <th>{t('dateRange', lang)}</th>
            </tr>
          </thead>
          <tbody>
            {info.imports.map((q) => (
              <tr key={q.importId} data-kind={q.kind}>
                <td>{q.file}</td>
                <td className="num">{n(q.rowsRead)}</td>
                <td className="num">{n(q.rowsLoaded)}</td>
                <td>
                  <span className="num">{n(q.rowsRejected)}</span>
                  {Object.entries(q.rejectsByReason).map(([reason, count]) => (
                    <div key={reason} className="reason">
                      {REASON_LABELS[reason as RejectReason][lang]} {n(count ?? 0)}
                    </div>
                  ))}
                  {q.linesUnaccounted > 0 && (
                    <div className="warning">
                      {t('quality.unaccounted', lang)} {n(q.linesUnaccounted)}
                    </div>
                  )}
                </td>
                <td className="num">{n(q.returns)}</td>
                <td className="num">
                  {n(q.duplicates)} ({q.duplicatesDropped ? `${n(q.duplicatesDropped)} ${t('quality.dropped', lang)}` : t('quality.kept', lang)})
                </td>
                <td>{q.dateMin ? `${formatDate(q.dateMin, lang)} – ${formatDate(q.dateMax, lang)}` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        {t('quality.customersWithoutPurchases', lang)}: {n(info.customersWithoutPurchases)} · {t('quality.unknownCustomers', lang)}:{' '}
        {n(info.purchasesOfUnknownCustomers)}
      </p>
    </div>
  );
}
