import { useState } from 'react';
import { guessColumns, SIDE_SYNONYMS } from '../../../../shared/mapping';
import type { FilePreview } from '../../../../shared/reports';
import { workbench } from '../../api/client';
import { useLatest } from '../../api/useQuery';
import { t, type Lang, type StringKey } from '../../i18n';

export interface SideFile {
  file: string;
  mapping: Record<string, string>;
  /** The file's other columns, kept as named attributes (customer files). */
  attributes: string[];
}

type SideField = keyof typeof SIDE_SYNONYMS;

interface Props<F extends SideField> {
  lang: Lang;
  title: StringKey;
  /** The fields to map; the first is required (the key). */
  fields: readonly F[];
  /** Offer to keep the unmapped columns as named attributes (a campaign response, a segment …). */
  keepOthers?: boolean;
  testId: string;
  onChange: (value: SideFile | null) => void;
  onError: (e: unknown) => void;
}

/** An optional customer or product file beside the purchases: its path, a preview of its columns, and their mapping. */
export function SideFileMapper<F extends SideField>({ lang, title, fields, keepOthers = false, testId, onChange, onError }: Props<F>) {
  const [file, setFile] = useState('');
  const [preview, setPreview] = useState<FilePreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [others, setOthers] = useState(keepOthers);

  const publish = (nextFile: string, next: Record<string, string>, header = preview?.header ?? [], keep = others) => {
    const mapped = new Set(Object.values(next));
    const attributes = keep ? header.filter((h) => !mapped.has(h)) : [];
    onChange(nextFile && next[fields[0]] ? { file: nextFile, mapping: next, attributes } : null);
  };
  const latest = useLatest();
  const load = async () => {
    const ticket = latest.begin(); // a preview of a file no longer in the field is dropped
    try {
      const p = await workbench.data.previewFile({ file });
      if (!ticket.isCurrent()) return;
      setPreview(p);
      // Guess by name, else the first column for the key.
      const guess = { ...guessColumns(p.header, fields) } as Record<string, string>;
      guess[fields[0]] ??= p.header[0];
      setMapping(guess);
      publish(file, guess, p.header);
    } catch (e) {
      if (ticket.isCurrent()) onError(e);
    }
  };
  return (
    <div className="side-file" data-testid={testId}>
      <div className="row">
        <label>
          {t(title, lang)}
          <input value={file} onChange={(e) => { latest.cancel(); setFile(e.target.value); setPreview(null); onChange(null); }} size={50} />
        </label>
        <button disabled={!file} onClick={() => void load()}>{t('wizard.preview', lang)}</button>
      </div>
      {preview && (
        <div className="row">
          {fields.map((f, i) => (
            <label key={f}>
              {t(`side.${f}` as StringKey, lang)}
              {i === 0 && <em> ({t('wizard.required', lang)})</em>}
              <select
                value={mapping[f] ?? ''}
                onChange={(e) => {
                  const next = { ...mapping, [f]: e.target.value };
                  if (!e.target.value) delete next[f];
                  setMapping(next);
                  publish(file, next);
                }}
              >
                <option value="">{t('wizard.unmapped', lang)}</option>
                {preview.header.map((h) => <option key={h} value={h}>{h}</option>)}
              </select>
            </label>
          ))}
          {keepOthers && (
            <label>
              <input
                type="checkbox"
                checked={others}
                onChange={(e) => {
                  setOthers(e.target.checked);
                  publish(file, mapping, preview.header, e.target.checked);
                }}
              />{' '}
              {t('side.keepOthers', lang)}
            </label>
          )}
          <span className="reason">
            {t('wizard.encoding', lang)}: {preview.encoding}
          </span>
        </div>
      )}
    </div>
  );
}
