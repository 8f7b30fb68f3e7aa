import type { KpiValue, OverviewKpis } from '../../../../shared/analytics';
import { formatValue, money, type Unit } from '../../../../shared/charts/numberFormat';
import { formatChange, formatDate } from '../../format';
import { fill, t, type Lang, type StringKey } from '../../i18n';

interface Props {
  kpis: OverviewKpis;
  currency: string;
  lang: Lang;
}

/** Change of the second half against the first, in % (shares: in percentage points). */
function change(v: KpiValue, points: boolean): number | null {
  if (v.first === null || v.second === null) return null;
  if (points) return (v.second - v.first) * 100;
  return v.first === 0 ? null : ((v.second - v.first) / v.first) * 100;
}

function Kpi({ label, value, unit, lang, share = false }: { label: StringKey; value: KpiValue; unit: Unit; lang: Lang; share?: boolean }) {
  const shown = (x: number | null) => (x === null ? '–' : formatValue(share ? x * 100 : x, unit, lang));
  const delta = change(value, share);
  const deltaText = delta === null ? '–' : `${formatChange(delta, lang)}${share ? t('kpi.points', lang) : '%'}`;
  return (
    <div className="kpi" data-testid={`kpi-${label.slice("kpi.".length)}`}>
      <div className="kpi-label">{t(label, lang)}</div>
      <div className="kpi-value">{shown(value.total)}</div>
      <div className="kpi-halves">
        {shown(value.first)} → {shown(value.second)}{' '}
        <span className={delta === null ? '' : delta >= 0 ? 'up' : 'down'}>({deltaText})</span>
      </div>
    </div>
  );
}

/** The headline figures: the window's total, and the first half → the second half with the change. */
export function KpiCards({ kpis, currency, lang }: Props) {
  const cash = money(currency);
  const h = kpis.halves;
  return (
    <div className="card" data-testid="overview-kpis">
      <p className="note">
        {kpis.window && h
          ? fill(t('kpi.window', lang), {
              from: formatDate(kpis.window.from, lang),
              to: formatDate(kpis.window.to, lang),
              firstTo: formatDate(h.firstTo, lang),
              secondFrom: formatDate(h.secondFrom, lang),
            })
          : t('kpi.noData', lang)}
      </p>
      <div className="kpi-grid">
        <Kpi label="kpi.customers" value={kpis.customers} unit="people" lang={lang} />
        <Kpi label="kpi.revenue" value={kpis.revenue} unit={cash} lang={lang} />
        <Kpi label="kpi.receipts" value={kpis.receipts} unit="count" lang={lang} />
        <Kpi label="kpi.spendPerCustomer" value={kpis.spendPerCustomer} unit={cash} lang={lang} />
        <Kpi label="kpi.repeatShare" value={kpis.repeatShare} unit="percent" lang={lang} share />
        <div className="kpi" data-testid="kpi-flow">
          <div className="kpi-label">{t('kpi.flow', lang)}</div>
          <div className="kpi-value">
            <span className="up">+{formatValue(kpis.newCustomers, 'people', lang)}</span> / <span className="down">−{formatValue(kpis.lostCustomers, 'people', lang)}</span>
          </div>
          <div className="kpi-halves">{fill(t('kpi.flowDetail', lang), { retained: formatValue(kpis.retainedCustomers, 'people', lang) })}</div>
        </div>
      </div>
    </div>
  );
}
