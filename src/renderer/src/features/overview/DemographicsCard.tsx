import type { DemographicBreakdown } from '../../../../shared/analytics';
import { formatValue, money } from '../../../../shared/charts/numberFormat';
import { t, type Lang, type StringKey } from '../../i18n';

const FIELD_LABELS: Record<DemographicBreakdown['field'], StringKey> = { gender: 'side.gender', ageBand: 'side.ageBand', region: 'side.region' };
/** Regions beyond this many are summed into one row. */
const MAX_ROWS = 12;

interface Props {
  breakdowns: DemographicBreakdown[];
  currency: string;
  lang: Lang;
}

/** Who the buyers were: customers, share and revenue per gender, age band and region (from the customer file). */
export function DemographicsCard({ breakdowns, currency, lang }: Props) {
  if (breakdowns.length === 0) return <p className="card note" data-testid="overview-no-demographics">{t('demo.none', lang)}</p>;
  return (
    <div className="card" data-testid="overview-demographics">
      <h3>{t('demo.title', lang)}</h3>
      <div className="demo-grid">
        {breakdowns.map((b) => {
          const total = b.rows.reduce((n, r) => n + r.customers, 0);
          const known = b.rows.filter((r) => r.value !== null);
          const unknown = b.rows.find((r) => r.value === null);
          const shown = known.slice(0, MAX_ROWS);
          const rest = known.slice(MAX_ROWS);
          const rows = [
            ...shown.map((r) => ({ ...r, label: r.value as string })),
            ...(rest.length ? [{ label: t('demo.others', lang), customers: rest.reduce((n, r) => n + r.customers, 0), revenue: rest.some((r) => r.revenue !== null) ? rest.reduce((n, r) => n + (r.revenue ?? 0), 0) : null }] : []),
            ...(unknown ? [{ ...unknown, label: t('demo.unknown', lang) }] : []),
          ];
          return (
            <table key={b.field} className="numbers demo" data-testid={`demo-${b.field}`}>
              <thead>
                <tr>
                  <th>{t(FIELD_LABELS[b.field], lang)}</th>
                  <th>{t('kpi.customers', lang)}</th>
                  <th>{t('demo.share', lang)}</th>
                  <th>{t('kpi.revenue', lang)}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const share = total ? (r.customers / total) * 100 : 0;
                  return (
                    <tr key={r.label}>
                      <td>{r.label}</td>
                      <td>{formatValue(r.customers, 'people', lang)}</td>
                      <td>
                        <span className="bar" style={{ width: `${Math.round(share * 0.6)}px` }} /> {formatValue(share, 'percent', lang)}
                      </td>
                      <td>{formatValue(r.revenue, money(currency), lang)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          );
        })}
      </div>
    </div>
  );
}
