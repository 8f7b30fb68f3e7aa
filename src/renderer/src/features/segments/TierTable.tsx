import type { PeriodSummary, SegmentSummary } from '../../../../shared/analytics';
import { formatValue } from '../../../../shared/charts';
import { formatNumber } from '../../format';
import { fill, t, type Lang } from '../../i18n';

export type PeriodKey = 'all' | 'first' | 'second';

interface Props {
  summary: SegmentSummary;
  tiers: readonly string[];
  lang: Lang;
  periodName: (p: PeriodKey) => string;
  picked: { period: PeriodKey; tier: number } | null;
  onPick: (pick: { period: PeriodKey; tier: number }) => void;
}

const percent = (share: number, lang: Lang) => formatValue(100 * share, 'percent', lang);

/**
 * Tiers down, the whole window and the two periods across: customers and the real share of each
 * tier beside its target, a totals row, and one line per tier that a block of tied scores pushed
 * above its target (the shares and the flag come from the service).
 */
export function TierTable({ summary, tiers, lang, periodName, picked, onPick }: Props) {
  const windows: [PeriodKey, PeriodSummary][] = [['all', summary.all], ['first', summary.periods[0]], ['second', summary.periods[1]]];
  const targets = summary.all.tiers.map((tier) => tier.target);
  const over = tiers
    .map((name, tier) => ({ name, tier, windows: windows.filter(([, p]) => p.tiers[tier]?.exceedsShare) }))
    .filter((o) => o.windows.length > 0);
  return (
    <>
      <table className="grid matrix" data-testid="tier-table">
        <thead>
          <tr>
            <th rowSpan={2}>{t('segments.tier', lang)}</th>
            <th rowSpan={2}>{t('segments.target', lang)}</th>
            {windows.map(([key]) => (
              <th key={key} colSpan={2}>
                {periodName(key)}
              </th>
            ))}
          </tr>
          <tr>
            {windows.map(([key]) => [
              <th key={`${key}-n`}>{t('segments.byCustomers', lang)}</th>,
              <th key={`${key}-s`}>{t('segments.share', lang)}</th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {tiers.map((name, tier) => (
            <tr key={name}>
              <th>{name}</th>
              <td className="num" data-testid={`target-${tier}`}>{percent(targets[tier] ?? 0, lang)}</td>
              {windows.map(([key, p]) => {
                const c = p.tiers[tier];
                const isPicked = picked?.period === key && picked.tier === tier;
                const pick = () => onPick({ period: key, tier });
                return [
                  <td key={`${key}-n`} className={`num cell${isPicked ? ' selected' : ''}`} data-tier={`${key}-${tier}`} onClick={pick}>
                    {formatNumber(c?.customers ?? 0, lang)}
                  </td>,
                  <td
                    key={`${key}-s`}
                    className={`num cell${isPicked ? ' selected' : ''}${c?.exceedsShare ? ' down' : ''}`}
                    data-share={`${key}-${tier}`}
                    onClick={pick}
                  >
                    {percent(c?.share ?? 0, lang)}
                    {c?.exceedsShare ? ' ⚠' : ''}
                  </td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="tier-total">
            <th>{t('segments.total', lang)}</th>
            <td className="num">{percent(targets.reduce((a, b) => a + b, 0), lang)}</td>
            {windows.map(([key, p]) => [
              <td key={`${key}-n`} className="num">{formatNumber(p.customers, lang)}</td>,
              <td key={`${key}-s`} className="num">{percent(p.tiers.reduce((a, c) => a + c.share, 0), lang)}</td>,
            ])}
          </tr>
        </tfoot>
      </table>
      {over.map((o) => (
        <p key={o.name} className="warning" data-testid="tie-warning">
          {fill(t('segments.tiedTier', lang), {
            tier: o.name,
            target: percent(targets[o.tier] ?? 0, lang),
            shares: o.windows.map(([key, p]) => `${periodName(key)} ${percent(p.tiers[o.tier].share, lang)}`).join(', '),
          })}
        </p>
      ))}
    </>
  );
}
