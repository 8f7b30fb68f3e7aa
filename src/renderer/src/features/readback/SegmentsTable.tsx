import { formatValue, pointsText, segmentByLabel, segmentKeyLabel } from '../../../../shared/charts';
import type { ReadbackReport } from '../../../../shared/readback';
import { formatNumber } from '../../format';
import { t, type Lang } from '../../i18n';

type Segment = ReadbackReport['segments'][number];

const rate = (g: { n: number; bought: number }, lang: Lang) => (g.n ? formatValue((100 * g.bought) / g.n, 'percent', lang) : '–');

/** The purchase rate per group of one breakdown (risk decile, tier or cluster): each side with its count, the uplift and its interval. */
export function SegmentsTable({ segment, lang }: { segment: Segment; lang: Lang }) {
  return (
    <div className="scroll">
      <table className="grid numbers" data-testid={`readback-segment-${segment.by}`}>
        <thead>
          <tr>
            <th>{segmentByLabel(segment.by, lang)}</th>
            <th>{t('readback.treatment', lang)}</th>
            <th>{t('readback.control', lang)}</th>
            <th>{t('readback.uplift', lang)}</th>
            <th>{t('readback.interval', lang)}</th>
            <th>{t('readback.significant', lang)}</th>
          </tr>
        </thead>
        <tbody>
          {segment.rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th>{segmentKeyLabel(segment.by, r.key, lang)}</th>
              <td>
                {rate(r.treatment, lang)} <span className="reason">({formatNumber(r.treatment.n, lang)})</span>
              </td>
              <td>
                {rate(r.control, lang)} <span className="reason">({formatNumber(r.control.n, lang)})</span>
              </td>
              <td>{pointsText(r.uplift, lang)}</td>
              <td>{r.ciLow === null || r.ciHigh === null ? '–' : `${pointsText(r.ciLow, lang)} ~ ${pointsText(r.ciHigh, lang)}`}</td>
              <td>{r.significant ? t('readback.yes', lang) : t('readback.no', lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
