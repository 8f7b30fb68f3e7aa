import type { ProjectInfo, RejectReason } from '../../../../shared/reports';
import { formatDate, formatNumber } from '../../format';
import { fill, REASON_LABELS, t, type Lang } from '../../i18n';
import { formatValue, money } from '../../../../shared/charts';

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
              <th>{t('quality.zeroAmount', lang)}</th>
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
                {q.noAmount ? (
                  <td colSpan={2} className="reason">{t('quality.noAmount', lang)}</td>
                ) : (
                  <>
                    <td className="num">{n(q.returns)}</td>
                    <td className="num">{q.zeroAmount === undefined ? '–' : n(q.zeroAmount)}</td>
                  </>
                )}
                <td className="num">
                  {n(q.duplicates)} ({q.duplicatesDropped ? `${n(q.duplicatesDropped)} ${t('quality.dropped', lang)}` : t('quality.kept', lang)})
                  {q.duplicatesAmountDropped !== undefined && !q.noAmount && (
                    <div className="reason">{t('quality.droppedAmount', lang)} {formatValue(q.duplicatesAmountDropped, money(info.currency), lang)}</div>
                  )}
                  {q.duplicates > 0 && !q.duplicatesDropped && <div className="reason" title={t('quality.duplicatesNote', lang)}>ⓘ {t('quality.duplicatesNote', lang)}</div>}
                </td>
                <td>
                  {q.dateMin ? `${formatDate(q.dateMin, lang)} – ${formatDate(q.dateMax, lang)}` : '–'}
                  {q.attributes?.length ? <div className="reason">{t('quality.attributes', lang)}: {q.attributes.join(', ')}</div> : null}
                  {(q.derived ?? []).map((d) => (
                    <div key={d.table} className="reason" data-testid={`derived-${d.table}`}>
                      {fill(t('quality.derived', lang), { table: t(`quality.table.${d.table}`, lang), n: n(d.rows) })}
                      {d.conflicts.map((c) => ` · ${fill(t('quality.conflicts', lang), { column: c.column, n: n(c.keys) })}`).join('')}
                    </div>
                  ))}
                </td>
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
