import { currencyChoices } from '../../../../shared/money';
import { t, type Lang } from '../../i18n';

interface Props {
  lang: Lang;
  /** Whether an amount column is mapped. */
  hasAmount: boolean;
  currency: string;
  /** What the amount cells' signs say ($, €, ₩ …), or null. */
  detected: string | null;
  onCurrency: (currency: string) => void;
}

/** The amounts' currency (detected from the cells where they carry a sign), or what monetary will be without amounts. */
export function AmountOptions({ lang, hasAmount, currency, detected, onCurrency }: Props) {
  if (!hasAmount) {
    return (
      <p className="note" data-testid="no-amount-note">
        {t('wizard.noAmount', lang)}
      </p>
    );
  }
  const options = currencyChoices(currency);
  return (
    <div className="row">
      <label>
        {t('wizard.currency', lang)}
        <select value={currency} onChange={(e) => onCurrency(e.target.value)} data-testid="map-currency">
          {options.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </select>
      </label>
      {detected && (
        <span className="reason" data-testid="currency-detected">
          {t('wizard.detected', lang)}: {detected}
        </span>
      )}
    </div>
  );
}
