import { useEffect, useRef, useState } from 'react';
import type { SavedMapping } from '../../../../shared/contract';
import { DATE_FORMAT_SPECS } from '../../../../shared/dates';
import {
  type CustomerMapping,
  type DateFormat,
  type Encoding,
  type ProductMapping,
  type PurchaseMapping,
  WHITESPACE_DELIMITER,
} from '../../../../shared/mapping';
import type { DateColumnCheck as Check, FilePreview } from '../../../../shared/reports';
import { workbench } from '../../api/client';
import { runJob } from '../../api/jobs';
import { useQuery } from '../../api/useQuery';
import { fill, t, type Lang, type StringKey } from '../../i18n';
import { DateColumnCheck } from './DateColumnCheck';
import { AmountOptions } from './AmountOptions';
import { attributeLists, ExtraColumns, type ExtraUse } from './ExtraColumns';
import { DEFAULT_CURRENCY, detectCurrency } from '../../../../shared/money';
import { SideFileMapper, type SideFile } from './SideFileMapper';
import { useImportRun } from './useImportRun';

const CUSTOMER_FIELDS = ['customer', 'gender', 'ageBand', 'region'] as const;
const PRODUCT_FIELDS = ['product', 'name', 'category', 'subcategory'] as const;

type Field = Exclude<keyof PurchaseMapping, 'dateFormat' | 'attributes' | 'customerAttributes' | 'gender' | 'ageBand' | 'region'>;
const FIELDS: { field: Field; required: boolean }[] = [
  { field: 'customer', required: true },
  { field: 'date', required: true },
  { field: 'amount', required: false },
  { field: 'receipt', required: false },
  { field: 'hour', required: false },
  { field: 'product', required: false },
  { field: 'productName', required: false },
  { field: 'category', required: false },
  { field: 'chain', required: false },
  { field: 'channel', required: false },
  { field: 'quantity', required: false },
];
/** The delimiters offered in the list; any other single character is typed ('other'). */
const DELIMITERS: { value: string; label?: StringKey }[] = [
  { value: ',', label: 'wizard.delimiter.comma' },
  { value: '\t', label: 'wizard.delimiter.tab' },
  { value: ';', label: 'wizard.delimiter.semicolon' },
  { value: '|', label: 'wizard.delimiter.pipe' },
  { value: '^' },
  { value: '~' },
  { value: ':' },
  { value: WHITESPACE_DELIMITER, label: 'wizard.delimiter.whitespace' },
];
const OTHER = 'other';
/** '' is auto-detect; else any single character or 'whitespace'. */
type Delimiter = string;
const delimiterName = (d: string, lang: Lang): string => {
  const known = DELIMITERS.find((x) => x.value === d);
  return known?.label ? t(known.label, lang) : d === ' ' ? '" "' : d;
};
/** A typed delimiter the file options accept: one character, not a quote, CR or LF. */
const typedDelimiterOk = (d: string) => d.length === 1 && !['"', '\r', '\n'].includes(d);

interface Props {
  lang: Lang;
  project: string;
  onDone: () => Promise<void>;
  onError: (e: unknown) => void;
}

/** Any purchase CSV or Parquet: preview with encoding and delimiter, map the columns, import; the mapping can be saved and reused. */
export function MappedImportWizard({ lang, project, onDone, onError }: Props) {
  const [file, setFile] = useState('');
  const [encoding, setEncoding] = useState<Encoding | 'auto'>('auto');
  const [delimiter, setDelimiter] = useState<Delimiter | ''>('');
  const [typingDelimiter, setTypingDelimiter] = useState(false);
  // The preview asked for last: a quick change of encoding or delimiter never shows an older answer.
  const [previewArgs, setPreviewArgs] = useState<{ file: string; encoding: Encoding | 'auto'; delimiter: Delimiter | ''; n: number } | null>(null);
  const { data: preview = null } = useQuery(
    previewArgs,
    (a): Promise<FilePreview> => workbench.data.previewFile({ file: a.file, encoding: a.encoding, delimiter: a.delimiter || undefined }),
    { onError },
  );
  const [mapping, setMapping] = useState<Partial<PurchaseMapping>>({});
  const [customers, setCustomers] = useState<SideFile | null>(null);
  const [products, setProducts] = useState<SideFile | null>(null);
  const [saveAs, setSaveAs] = useState('');
  const [acceptDates, setAcceptDates] = useState(false);
  const [extraUses, setExtraUses] = useState<Record<string, ExtraUse>>({});
  const [currencyChoice, setCurrencyChoice] = useState<string | null>(null);
  const { busy, done, run } = useImportRun(onDone, onError);

  const { data: saved = [] } = useQuery({ project, done }, (a): Promise<SavedMapping[]> => workbench.data.mappings({ project: a.project }), { onError });

  // Another file (or another header: a new delimiter or encoding) is guessed afresh; the same file and
  // header keep what the analyst chose.
  const guessedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!preview) return;
    const key = `${preview.file}\u0001${preview.header.join('\u0001')}`;
    if (guessedFor.current === key) return;
    guessedFor.current = key;
    setMapping({ dateFormat: 'auto', ...preview.guess });
    setExtraUses({});
    setCurrencyChoice(null);
    setAcceptDates(false);
  }, [preview]);
  // The date column read as the import would, over the whole file, whenever the column or format changes.
  const dateArgs = previewArgs && mapping.date ? { ...previewArgs, column: mapping.date, dateFormat: mapping.dateFormat ?? 'auto' } : null;
  const { data: dates = null, loading: datesLoading } = useQuery(
    dateArgs,
    (a): Promise<Check> => workbench.data.checkDates({ file: a.file, encoding: a.encoding, delimiter: a.delimiter || undefined, column: a.column, dateFormat: a.dateFormat }),
    { onError },
  );
  const datesBlock = !dates || dates.ambiguous || !dates.format || (dates.warnings.length > 0 && !acceptDates);
  const load = (enc = encoding, delim = delimiter) => setPreviewArgs((prev) => ({ file, encoding: enc, delimiter: delim, n: (prev?.n ?? 0) + 1 }));
  const missing = !mapping.customer || !mapping.date || !mapping.dateFormat;
  const mappedColumns = new Set(FIELDS.map((f) => mapping[f.field]).filter(Boolean));
  const extraColumns = preview ? preview.header.filter((h) => !mappedColumns.has(h)) : [];
  // The amount cells' sign ($, €, ₩ …) names the currency unless the analyst chose one.
  const amountIndex = preview && mapping.amount ? preview.header.indexOf(mapping.amount) : -1;
  const detectedCurrency = preview && amountIndex >= 0 ? detectCurrency(preview.rows.map((r) => r[amountIndex] ?? '')) : null;
  const currency = currencyChoice ?? detectedCurrency ?? DEFAULT_CURRENCY;
  const blocked = missing || datesBlock;
  const applySaved = (m: PurchaseMapping) => {
    setMapping(m);
    setExtraUses(Object.fromEntries([...(m.attributes ?? []).map((c) => [c, 'line']), ...(m.customerAttributes ?? []).map((c) => [c, 'customer'])]));
  };
  const start = () =>
    run(() =>
      runJob('data.importMapped', {
        project,
        purchases: {
          file,
          encoding,
          delimiter: delimiter || undefined,
          mapping: { ...(mapping as PurchaseMapping), ...attributeLists(extraColumns, extraUses) },
        },
        customers: customers
          ? { file: customers.file, mapping: { ...(customers.mapping as Omit<CustomerMapping, 'attributes'>), attributes: customers.attributes } }
          : undefined,
        products: products ? { file: products.file, mapping: products.mapping as ProductMapping } : undefined,
        currency: mapping.amount ? currency : undefined,
        saveAs: saveAs || undefined,
        acceptDateWarnings: acceptDates,
      }),
    );

  return (
    <div data-testid="mapped-wizard">
      <div className="row">
        <label>
          {t('wizard.file', lang)}
          <input value={file} onChange={(e) => setFile(e.target.value)} size={60} data-testid="mapped-file" />
        </label>
        <button disabled={!file} onClick={() => void load()} data-testid="mapped-preview">{t('wizard.preview', lang)}</button>
      </div>
      {saved.length > 0 && (
        <div className="row">
          {t('wizard.saved', lang)}:
          {saved.map((s) => (
            <button key={s.name} className="link" onClick={() => applySaved(s.map.purchases.mapping)}>{s.name}</button>
          ))}
        </div>
      )}
      {preview && (
        <>
          <div className="row">
            <label>
              {t('wizard.encoding', lang)}
              <select
                value={encoding}
                data-testid="mapped-encoding"
                onChange={(e) => {
                  const enc = e.target.value as Encoding | 'auto';
                  setEncoding(enc);
                  void load(enc, delimiter);
                }}
              >
                <option value="auto">{t('wizard.auto', lang)}</option>
                <option value="utf-8">UTF-8</option>
                <option value="utf-8-bom">UTF-8 (BOM)</option>
                <option value="cp949">CP949 / EUC-KR</option>
              </select>
            </label>
            <span data-testid="mapped-detected">
              {t('wizard.detected', lang)}: {preview.encodingDetected ?? '–'}
            </span>
            {preview.format === 'csv' && (
              <label>
                {t('wizard.delimiter', lang)}
                <select
                  value={typingDelimiter || (delimiter && !DELIMITERS.some((x) => x.value === delimiter)) ? OTHER : delimiter}
                  data-testid="mapped-delimiter"
                  onChange={(e) => {
                    const d = e.target.value;
                    setTypingDelimiter(d === OTHER);
                    if (d === OTHER) return; // waits for the typed character
                    setDelimiter(d);
                    void load(encoding, d);
                  }}
                >
                  <option value="">{t('wizard.auto', lang)} ({delimiterName(preview.delimiter ?? ',', lang)})</option>
                  {DELIMITERS.map((d) => (
                    <option key={d.value} value={d.value}>{delimiterName(d.value, lang)}</option>
                  ))}
                  <option value={OTHER}>{t('wizard.delimiter.other', lang)}</option>
                </select>
              </label>
            )}
            {preview.format === 'csv' && (typingDelimiter || (delimiter && !DELIMITERS.some((x) => x.value === delimiter))) && (
              <label>
                {t('wizard.delimiter.typed', lang)}
                <input
                  maxLength={1}
                  size={2}
                  defaultValue={DELIMITERS.some((x) => x.value === delimiter) ? '' : delimiter}
                  data-testid="mapped-delimiter-typed"
                  onChange={(e) => {
                    const d = e.target.value;
                    if (!typedDelimiterOk(d)) return;
                    setDelimiter(d);
                    void load(encoding, d);
                  }}
                />
              </label>
            )}
          </div>
          {preview.delimiterNote && (
            <p className="warning" data-testid="mapped-delimiter-note">
              {fill(t((preview.delimitersTried?.length ?? 0) > 1 ? 'wizard.delimiter.notDetected' : 'wizard.delimiter.wrongChoice', lang), {
                tried: (preview.delimitersTried ?? []).map((d) => delimiterName(d, lang)).join(', '),
              })}
            </p>
          )}
          <div className="scroll">
            <table className="grid" data-testid="mapped-preview-table">
              <thead>
                <tr>{preview.header.map((h) => <th key={h}>{h}</th>)}</tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, 8).map((r, i) => (
                  <tr key={i}>{r.map((v, j) => <td key={j}>{v}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
          <h4>{t('wizard.mapping', lang)}</h4>
          <div className="mapping-grid">
            {FIELDS.map(({ field, required }) => (
              <label key={field}>
                {t(`field.${field}` as StringKey, lang)}
                {required && <em> ({t('wizard.required', lang)})</em>}
                <select
                  value={mapping[field] ?? ''}
                  data-testid={`map-${field}`}
                  onChange={(e) => setMapping({ ...mapping, [field]: e.target.value || undefined })}
                >
                  <option value="">{t('wizard.unmapped', lang)}</option>
                  {preview.header.map((h) => <option key={h} value={h}>{h}</option>)}
                </select>
              </label>
            ))}
            <label>
              {t('field.dateFormat', lang)}
              <select value={mapping.dateFormat ?? 'auto'} data-testid="map-dateFormat" onChange={(e) => setMapping({ ...mapping, dateFormat: e.target.value as DateFormat })}>
                <option value="auto">{t('wizard.dateAuto', lang)}</option>
                {DATE_FORMAT_SPECS.filter((s) => !s.aliasOf).map((s) => (
                  <option key={s.name} value={s.name}>{s.name} ({s.example})</option>
                ))}
              </select>
            </label>
          </div>
          <AmountOptions lang={lang} hasAmount={Boolean(mapping.amount)} currency={currency} detected={detectedCurrency} onCurrency={setCurrencyChoice} />
          <ExtraColumns lang={lang} columns={extraColumns} uses={extraUses} onChange={setExtraUses} />
          <DateColumnCheck
            lang={lang}
            check={dates}
            loading={datesLoading}
            onChoose={(format) => setMapping({ ...mapping, dateFormat: format })}
            accept={acceptDates}
            onAccept={setAcceptDates}
          />
          <SideFileMapper lang={lang} title="wizard.customersFile" fields={CUSTOMER_FIELDS} keepOthers testId="side-customers" onChange={setCustomers} onError={onError} />
          <SideFileMapper lang={lang} title="wizard.productsFile" fields={PRODUCT_FIELDS} testId="side-products" onChange={setProducts} onError={onError} />
          <div className="row">
            <label>
              {t('wizard.saveAs', lang)}
              <input value={saveAs} onChange={(e) => setSaveAs(e.target.value)} size={16} data-testid="mapped-save-as" />
            </label>
            <button disabled={blocked || busy} onClick={() => void start()} data-testid="mapped-import">
              {t('wizard.import', lang)}
            </button>
            {missing && <span className="warning">{t('wizard.missing', lang)}</span>}
          </div>
        </>
      )}
      {done && <p className="saved" data-testid="mapped-done">{t('import.done', lang)}: {done}</p>}
    </div>
  );
}
