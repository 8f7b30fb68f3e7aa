import { Fragment, useEffect, useMemo, useState } from 'react';
import { chainLabel, recommendModelLabel } from '../../../../shared/charts';
import type { RecommendListPage, RecommendModelName } from '../../../../shared/recommend';
import { workbench } from '../../api/client';
import { latestOnly } from '../../api/latest';
import { formatNumber } from '../../format';
import { fill, t, type Lang } from '../../i18n';

interface Props {
  project: string;
  runId: string;
  models: RecommendModelName[];
  best: RecommendModelName;
  lang: Lang;
  onError: (e: unknown) => void;
}

/** Customers per page of the sample. */
export const LIST_PAGE = 5;

const score = (v: number, lang: Lang) => new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 4 }).format(v);

/**
 * A sample of a run's saved lists: pick a model, page through the customers (code order) or type
 * one customer's code; each list best first with the product's code, name, category and score.
 */
export function ListSample({ project, runId, models, best, lang, onError }: Props) {
  const [model, setModel] = useState<RecommendModelName>(best);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState<{ customer?: string; offset: number }>({ offset: 0 });
  const [page, setPage] = useState<RecommendListPage | null>(null);
  const fetchPage = useMemo(
    () =>
      latestOnly((_signal: AbortSignal, args: { model: RecommendModelName; customer?: string; offset: number }) =>
        workbench.recommend.lists({ project, runId, model: args.model, customer: args.customer, offset: args.offset, limit: LIST_PAGE }),
      ),
    [project, runId],
  );
  useEffect(() => {
    fetchPage({ model, ...query }).then((answer) => {
      if (!answer.stale) setPage(answer.value);
    }, onError);
    return () => fetchPage.cancel();
  }, [fetchPage, model, query, onError]);

  const find = () => setQuery(typed.trim() ? { customer: typed.trim(), offset: 0 } : { offset: 0 });
  const total = page?.total ?? 0;
  const from = page && page.customers.length ? page.offset + 1 : 0;
  const to = page ? page.offset + page.customers.length : 0;
  return (
    <div className="card" data-testid="recommend-lists">
      <h3>{t('recommend.lists', lang)}</h3>
      <div className="row">
        <label>
          {t('recommend.model', lang)}{' '}
          <select
            value={model}
            onChange={(e) => {
              setModel(e.target.value as RecommendModelName);
              setQuery({ ...query, offset: 0 });
            }}
            data-testid="recommend-lists-model"
          >
            {models.map((m) => (
              <option key={m} value={m}>
                {recommendModelLabel(m, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('recommend.customer', lang)}{' '}
          <input value={typed} onChange={(e) => setTyped(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && find()} style={{ width: 140 }} data-testid="recommend-lists-customer" />
        </label>
        <button onClick={find} data-testid="recommend-lists-find">
          {t('recommend.find', lang)}
        </button>
        {query.customer !== undefined && (
          <button
            onClick={() => {
              setTyped('');
              setQuery({ offset: 0 });
            }}
          >
            {t('recommend.showAll', lang)}
          </button>
        )}
      </div>
      {page && query.customer === undefined && (
        <div className="row">
          <button onClick={() => setQuery({ offset: Math.max(0, query.offset - LIST_PAGE) })} disabled={query.offset === 0} data-testid="recommend-lists-prev">
            {t('recommend.prev', lang)}
          </button>
          <span className="note" data-testid="recommend-lists-page">
            {fill(t('recommend.page', lang), { from: formatNumber(from, lang), to: formatNumber(to, lang), total: formatNumber(total, lang) })}
          </span>
          <button onClick={() => setQuery({ offset: query.offset + LIST_PAGE })} disabled={to >= total} data-testid="recommend-lists-next">
            {t('recommend.next', lang)}
          </button>
        </div>
      )}
      {page && page.customers.length === 0 && <p className="note">{t('recommend.noList', lang)}</p>}
      {page && page.customers.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th>{t('recommend.customer', lang)}</th>
              <th>{t('recommend.rank', lang)}</th>
              <th>{t('recommend.product', lang)}</th>
              <th>{t('recommend.productName', lang)}</th>
              <th>{t('recommend.category', lang)}</th>
              <th className="num">{t('recommend.score', lang)}</th>
            </tr>
          </thead>
          <tbody>
            {page.customers.map((c) => (
              <Fragment key={c.customerId}>
                {c.items.map((item, i) => (
                  <tr key={`${item.chain ?? ''}-${item.rank}`} data-customer={c.customerId} data-rank={item.rank} data-testid="recommend-list-item">
                    {i === 0 && (
                      <th rowSpan={c.items.length} data-testid="recommend-list-customer">
                        {c.customerId}
                      </th>
                    )}
                    <td className="num">{item.chain ? `${chainLabel(item.chain, lang)} ${item.rank}` : item.rank}</td>
                    <td>{item.productId}</td>
                    <td data-testid="recommend-list-name">{item.name || '–'}</td>
                    <td>{item.category || '–'}</td>
                    <td className="num">{score(item.score, lang)}</td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
