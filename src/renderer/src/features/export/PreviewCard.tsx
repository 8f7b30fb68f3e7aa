import { modelLabel, recommendModelLabel } from '../../../../shared/charts';
import type { TargetListPreview } from '../../../../shared/export';
import type { ChurnModelName } from '../../../../shared/models';
import type { RecommendModelName } from '../../../../shared/recommend';
import { formatNumber } from '../../format';
import { fill, t, type Lang } from '../../i18n';

const pct = (part: number, whole: number, lang: Lang) =>
  whole > 0 ? `${new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 1 }).format((100 * part) / whole)}%` : '–';

/** The first rows keep one line each (the table scrolls sideways); a long reason is cut, whole in its tooltip. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;
const CELL = { whiteSpace: 'nowrap', maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis' } as const;

interface Props {
  preview: TargetListPreview | undefined;
  loading: boolean;
  /** Why the newest preview failed (worded), shown in place of the figures. */
  problem: string | null;
  lang: Lang;
}

/**
 * What the list will hold before it is written: how many customers, the control group per risk
 * decile, the runs it is built from, and the first rows as they will be written.
 */
export function PreviewCard({ preview, loading, problem, lang }: Props) {
  const sources = preview?.sources;
  return (
    <div className="card" data-testid="export-preview" data-loading={loading} data-customers={problem ? 0 : (preview?.customers ?? '')}>
      <h3>
        {t('export.preview', lang)} {loading && <span className="note">{t('export.previewLoading', lang)}</span>}
      </h3>
      {problem ? (
        <p className="warning" data-testid="export-preview-problem">
          {problem}
        </p>
      ) : (
        preview && (
          <>
            <p data-testid="export-count">
              <strong>
                {fill(t('export.count', lang), {
                  customers: formatNumber(preview.customers, lang),
                  control: formatNumber(preview.control, lang),
                  share: pct(preview.control, preview.customers, lang),
                  contact: formatNumber(preview.customers - preview.control, lang),
                })}
              </strong>
            </p>
            {sources && (
              <p className="note" data-testid="export-sources">
                {fill(t('export.sources', lang), {
                  segments: sources.segmentsComputedAt.replace('T', ' ').slice(0, 16),
                  churn: sources.churn ? fill(t('export.sourceChurn', lang), { model: modelLabel(sources.churn.model as ChurnModelName, lang) }) : t('export.sourceNoChurn', lang),
                  recommend: sources.recommend
                    ? fill(t('export.sourceRecommend', lang), { model: recommendModelLabel(sources.recommend.model as RecommendModelName, lang), k: sources.recommend.k })
                    : t('export.sourceNoRecommend', lang),
                })}
              </p>
            )}
            <h4>{t('export.strata', lang)}</h4>
            <table className="grid numbers" data-testid="export-strata">
              <thead>
                <tr>
                  <th>{t('export.decile', lang)}</th>
                  <th>{t('export.stratumCustomers', lang)}</th>
                  <th>{t('export.stratumControl', lang)}</th>
                </tr>
              </thead>
              <tbody>
                {preview.strata.map((s) => (
                  <tr key={s.decile ?? 'none'} data-decile={s.decile ?? ''}>
                    <th>{s.decile ?? t('export.noDecile', lang)}</th>
                    <td>{formatNumber(s.customers, lang)}</td>
                    <td data-metric="control">{formatNumber(s.control, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h4>{fill(t('export.firstRows', lang), { n: preview.rows.length })}</h4>
            <div className="scroll">
              <table className="grid" data-testid="export-rows">
                <thead>
                  <tr>
                    {preview.header.map((h, i) => (
                      <th key={i} style={NO_WRAP}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, c) => (
                        <td key={c} className={typeof cell === 'number' ? 'num' : undefined} style={CELL} title={typeof cell === 'string' && cell.length > 24 ? cell : undefined}>
                          {cell ?? ''}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )
      )}
    </div>
  );
}
