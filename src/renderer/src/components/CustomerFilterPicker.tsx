import { useState } from 'react';
import type { CustomerAttributeInfo, CustomerFilter } from '../../../shared/analytics';
import { workbench } from '../api/client';
import { useQuery } from '../api/useQuery';
import { formatNumber } from '../format';
import { t, type Lang, type StringKey } from '../i18n';

interface Props {
  lang: Lang;
  project: string;
  value: CustomerFilter | undefined;
  onChange: (filter: CustomerFilter | undefined) => void;
  onError: (e: unknown) => void;
}

const keyOf = (a: { field: string; name?: string }) => (a.field === 'attribute' || a.field === 'cluster' ? `${a.field}:${a.name}` : a.field);

/**
 * Keeps only the customers with chosen values of a customer field or attribute (a region, a
 * segment, a campaign response …); shown only where the project's customers have any.
 */
export function CustomerFilterPicker({ lang, project, value, onChange, onError }: Props) {
  const { data: attributes = [] } = useQuery({ project }, (a): Promise<CustomerAttributeInfo[]> => workbench.data.customerAttributes(a), { onError });
  const [key, setKey] = useState(value ? keyOf(value) : '');
  if (attributes.length === 0) return null;
  const picked = attributes.find((a) => keyOf(a) === key);
  const label = (a: CustomerAttributeInfo) => (a.field === 'attribute' ? a.name! : t(`side.${a.field}` as StringKey, lang));
  // A clustering's clusters: the latest run's, by their names.
  const toggle = (v: string) => {
    if (!picked) return;
    const now = value?.values ?? [];
    const values = now.includes(v) ? now.filter((x) => x !== v) : [...now, v];
    onChange(values.length ? { field: picked.field, ...(picked.name !== undefined ? { name: picked.name } : {}), values } : undefined);
  };
  return (
    <div className="row" data-testid="customer-filter">
      <label>
        {t('filter.customers', lang)}
        <select
          value={key}
          data-testid="customer-filter-field"
          onChange={(e) => {
            setKey(e.target.value);
            onChange(undefined);
          }}
        >
          <option value="">{t('filter.allCustomers', lang)}</option>
          {attributes.map((a) => (
            <option key={keyOf(a)} value={keyOf(a)}>
              {label(a)} ({a.distinct})
            </option>
          ))}
        </select>
      </label>
      {picked &&
        picked.values.map((v) => (
          <label key={v.value}>
            <input type="checkbox" checked={value?.values.includes(v.value) ?? false} onChange={() => toggle(v.value)} data-testid={`customer-filter-${v.value}`} />{' '}
            {v.value} ({formatNumber(v.customers, lang)})
          </label>
        ))}
    </div>
  );
}
