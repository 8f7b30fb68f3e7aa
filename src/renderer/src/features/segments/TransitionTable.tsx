import type { MonetaryBasis, TransitionCell } from '../../../../shared/analytics';
import { formatValue, money as moneyUnit, type Unit } from '../../../../shared/charts';
import { formatNumber } from '../../format';
import { t, type Lang } from '../../i18n';

interface Props {
  cells: readonly TransitionCell[];
  from: string[];
  to: string[];
  measure: 'customers' | 'revenueSecond';
  /** What M is: money in the project's currency (formatted as such), or lines / quantity (counts). */
  money: { basis: MonetaryBasis; currency: string };
  lang: Lang;
  selected: { from: number; to: number } | null;
  onSelect: (cell: { from: number; to: number }) => void;
}

/** The transition matrix as a heatmap table: first-period tiers (and 신규) down, second-period tiers (and 비활동) across. */
export function TransitionTable({ cells, from, to, measure, money, lang, selected, onSelect }: Props) {
  const unit: Unit = money.basis === 'amount' ? moneyUnit(money.currency) : 'count';
  const show = (v: number) => (measure === 'customers' ? formatNumber(v, lang) : formatValue(v, unit, lang));
  const value = (f: number, tt: number) => cells.find((c) => c.from === f && c.to === tt)?.[measure] ?? 0;
  const max = Math.max(1, ...cells.map((c) => c[measure]));
  const rowTotal = (f: number) => to.reduce((s, _, j) => s + value(f, j), 0);
  return (
    <table className="grid matrix" data-testid="transition-matrix">
      <thead>
        <tr>
          <th>{t('segments.firstPeriod', lang)} ↓ / {t('segments.secondPeriod', lang)} →</th>
          {to.map((name) => <th key={name}>{name}</th>)}
          <th>{t('segments.total', lang)}</th>
        </tr>
      </thead>
      <tbody>
        {from.map((rowName, i) => (
          <tr key={rowName}>
            <th>{rowName}</th>
            {to.map((colName, j) => {
              const v = value(i, j);
              const isSelected = selected?.from === i && selected?.to === j;
              return (
                <td
                  key={colName}
                  className={`num cell${isSelected ? ' selected' : ''}`}
                  data-cell={`${i}-${j}`}
                  style={{ background: `rgba(38, 128, 194, ${(0.08 + 0.75 * (v / max)).toFixed(3)})` }}
                  onClick={() => onSelect({ from: i, to: j })}
                  title={`${rowName} → ${colName}`}
                >
                  {show(v)}
                </td>
              );
            })}
            <td className="num">{show(rowTotal(i))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
