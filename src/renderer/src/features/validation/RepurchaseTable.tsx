import { chainLabel } from '../../../../shared/charts';
import type { ValidationReport } from '../../../../shared/validation';
import { formatNumber } from '../../format';
import { fill, t, type Lang } from '../../i18n';

const f3 = (v: number | null) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(3));

/**
 * Seed 001's table: a row per preference-score threshold (0.0 … 4.5), a column per chain; each cell
 * the share of the pairs bought again in the observed months, the pair count beside it.
 */
export function RepurchaseTable({ report, lang }: { report: ValidationReport; lang: Lang }) {
  const chains = report.repurchase.chains;
  const thresholds = [...new Set(chains.flatMap((c) => c.rows.map((r) => r.threshold)))].sort((a, b) => a - b);
  return (
    <div className="scroll">
      <table className="grid numbers" data-testid="validation-repurchase-table">
        <thead>
          <tr>
            <th />
            {chains.map((c) => (
              <th key={c.chain} data-chain={c.chain}>
                {chainLabel(c.chain, lang)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {thresholds.map((th) => (
            <tr key={th} data-threshold={th.toFixed(1)}>
              <th>{fill(t('validation.threshold', lang), { t: th.toFixed(1) })}</th>
              {chains.map((c) => {
                const row = c.rows.find((r) => r.threshold === th);
                return (
                  <td key={c.chain} data-chain={c.chain} data-share={row?.share ?? ''}>
                    {row ? (
                      <>
                        {f3(row.share)} <span className="reason">({formatNumber(row.pairs, lang)})</span>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
