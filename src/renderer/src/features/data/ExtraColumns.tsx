import { t, type Lang } from '../../i18n';

/** What becomes of a purchase-file column no field maps: nothing, an attribute of each line, or of the customer. */
export type ExtraUse = 'ignore' | 'line' | 'customer';

interface Props {
  lang: Lang;
  /** The file's columns that no field maps, in file order. */
  columns: string[];
  uses: Record<string, ExtraUse>;
  onChange: (uses: Record<string, ExtraUse>) => void;
}

/** The purchase file's other columns (profit, discount, region, segment …): kept as named attributes when asked. */
export function ExtraColumns({ lang, columns, uses, onChange }: Props) {
  if (columns.length === 0) return null;
  return (
    <div className="card" data-testid="extra-columns">
      <h4>{t('wizard.extra', lang)}</h4>
      <p className="reason">{t('wizard.extra.help', lang)}</p>
      <div className="mapping-grid">
        {columns.map((c) => (
          <label key={c}>
            {c}
            <select value={uses[c] ?? 'ignore'} data-testid={`extra-${c}`} onChange={(e) => onChange({ ...uses, [c]: e.target.value as ExtraUse })}>
              <option value="ignore">{t('wizard.extra.ignore', lang)}</option>
              <option value="line">{t('wizard.extra.line', lang)}</option>
              <option value="customer">{t('wizard.extra.customer', lang)}</option>
            </select>
          </label>
        ))}
      </div>
    </div>
  );
}

/** The mapping's attribute lists from the choices, in file order. */
export function attributeLists(columns: string[], uses: Record<string, ExtraUse>): { attributes: string[]; customerAttributes: string[] } {
  return {
    attributes: columns.filter((c) => uses[c] === 'line'),
    customerAttributes: columns.filter((c) => uses[c] === 'customer'),
  };
}
