import type { DateColumnCheck as Check } from '../../../../shared/reports';
import { formatDate } from '../../format';
import { fill, t, type Lang } from '../../i18n';

interface Props {
  lang: Lang;
  check: Check | null;
  loading: boolean;
  /** The analyst answers the day/month question. */
  onChoose: (format: string) => void;
  accept: boolean;
  onAccept: (accept: boolean) => void;
}

/**
 * The date column as the import would read it, checked on the whole file before anything is
 * imported: the first and last day, the question when day and month cannot be told apart, and the
 * warnings (which the analyst must confirm to import anyway).
 */
export function DateColumnCheck({ lang, check, loading, onChoose, accept, onAccept }: Props) {
  if (loading && !check) return <p className="muted" data-testid="date-check">{t('wizard.dateChecking', lang)}</p>;
  if (!check) return null;
  const day = (iso: string | null) => (iso ? formatDate(iso, lang) : '–');
  if (check.ambiguous) {
    return (
      <div className="warning" data-testid="date-question" role="group">
        <p>{t('wizard.dateQuestion', lang)}</p>
        {check.choices.map((c) => {
          const reading = check.example?.dates.find((d) => d.format === c.format);
          return (
            <label key={c.format} className="choice">
              <input type="radio" name="date-format" value={c.format} onChange={() => onChoose(c.format)} data-testid={`date-choice-${c.format}`} />
              <strong>{c.format}</strong> {day(c.first)} ~ {day(c.last)}
              {check.example && reading && (
                <span className="muted">
                  {' '}({fill(t('wizard.dateExample', lang), { value: check.example.value })} {day(reading.date)})
                </span>
              )}
            </label>
          );
        })}
      </div>
    );
  }
  if (!check.format) {
    return (
      <p className="warning" data-testid="date-check">
        {t('wizard.dateUnreadable', lang)}: {check.reason}
      </p>
    );
  }
  return (
    <div data-testid="date-check">
      <p>
        {t('wizard.dateRange', lang)}: <span data-testid="date-range">{day(check.first)} ~ {day(check.last)}</span> ({check.format})
      </p>
      {check.warnings.length > 0 && (
        <div className="warning" data-testid="date-warnings">
          <strong>{t('wizard.dateWarnings', lang)}</strong>
          <ul>{check.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
          <label>
            <input type="checkbox" checked={accept} onChange={(e) => onAccept(e.target.checked)} data-testid="date-accept" /> {t('wizard.acceptDateWarnings', lang)}
          </label>
        </div>
      )}
    </div>
  );
}
