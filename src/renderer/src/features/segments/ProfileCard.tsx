import type { Ref } from 'react';
import { MIN_PROFILE_CUSTOMERS, type CategoryIndex, type MixProfile, type SegmentProfile } from '../../../../shared/analytics';
import { buildKlContributionChart, buildLpayEcdfChart, chainChannelLabel, formatAxis, formatValue, label } from '../../../../shared/charts';
import { Chart } from '../../components/Chart';
import { formatNumber } from '../../format';
import { fill, t, type Lang, type StringKey } from '../../i18n';

interface Props {
  profile: SegmentProfile;
  /** The selected segment as the page names it: 최우수 (기간1), 기타 → 비활동 … */
  name: string;
  /** The top tier's name (the L.pay benchmark is this tier in both periods). */
  topTier: string;
  lang: Lang;
  ref?: Ref<HTMLDivElement>;
}

const percent = (share: number | null, lang: Lang) => (share === null ? '–' : formatValue(100 * share, 'percent', lang));
const READING: Record<NonNullable<CategoryIndex['direction']>, StringKey> = { more: 'segments.more', less: 'segments.less', same: 'segments.same' };

/** The selected segment against all customers: where it buys and which services it uses (index and KL), and its L.pay use. */
export function ProfileCard({ profile, name, topTier, lang, ref }: Props) {
  const { lpay } = profile;
  const best = label('bestToBest', lang);
  const mean = (m: number | null) => percent(m, lang);
  return (
    <div className="card" data-testid="profile" ref={ref}>
      <h3>
        {t('segments.profile', lang)}: {name} ({formatNumber(profile.customers, lang)}
        {t('unit.people', lang)})
      </h3>
      {profile.smallSample && (
        <p className="warning" data-testid="small-sample">
          {fill(t('segments.smallSample', lang), { n: formatNumber(profile.customers, lang), min: MIN_PROFILE_CUSTOMERS })}
        </p>
      )}
      <MixSection mix={profile.chainChannel} title={`${name} · ${t('segments.chainChannel', lang)}`} chartName="kl-chain-channel" testId="index-chain-channel" lang={lang} />
      <MixSection
        mix={profile.affiliates}
        title={`${name} · ${t('segments.affiliates', lang)}`}
        chartName="kl-affiliates"
        testId="index-affiliates"
        empty={label('noAffiliates', lang)}
        lang={lang}
      />
      <div className="chart-grid">
        <div>
          <Chart option={buildLpayEcdfChart(lpay, name, lang)} lang={lang} name="lpay-ecdf" />
          <p className="reason" data-testid="lpay-caption">
            {fill(t(lpay.bestToBest.customers ? 'segments.lpayCaption' : 'segments.lpayNoBest', lang), {
              best,
              top: topTier,
              n: formatNumber(lpay.bestToBest.customers, lang),
              seg: mean(lpay.segment.mean),
              all: mean(lpay.all.mean),
              bestMean: mean(lpay.bestToBest.mean),
            })}
          </p>
        </div>
      </div>
    </div>
  );
}

interface MixProps {
  mix: MixProfile;
  title: string;
  chartName: string;
  testId: string;
  /** Said instead of the chart and table when nobody has any category (no affiliate uses in the data). */
  empty?: string;
  lang: Lang;
}

/** The KL chart beside a table a marketer reads: per category the two shares, the index and whether the segment uses it more or less. */
function MixSection({ mix, title, chartName, testId, empty, lang }: MixProps) {
  if (!mix.categories.length) return empty ? <p className="reason">{empty}</p> : null;
  return (
    <div className="chart-grid">
      <Chart option={buildKlContributionChart(mix, title, lang)} lang={lang} name={chartName} />
      <div>
        <table className="grid" data-testid={testId}>
          <thead>
            <tr>
              <th>{t('segments.category', lang)}</th>
              <th>{t('segments.segmentShare', lang)}</th>
              <th>{t('segments.allShare', lang)}</th>
              <th>{t('segments.index', lang)}</th>
              <th>{t('segments.reading', lang)}</th>
              <th>{t('segments.klTerm', lang)}</th>
            </tr>
          </thead>
          <tbody>
            {mix.categories.map((c) => (
              <tr key={c.category} data-category={c.category}>
                <th>{chainChannelLabel(c.category, lang)}</th>
                <td className="num">{percent(c.segmentShare, lang)}</td>
                <td className="num">{percent(c.allShare, lang)}</td>
                <td className="num" data-testid="index">{c.index === null ? '–' : formatNumber(Math.round(c.index), lang)}</td>
                <td className={c.direction === 'more' ? 'up' : c.direction === 'less' ? 'down' : undefined}>{c.direction ? t(READING[c.direction], lang) : '–'}</td>
                <td className="num">{formatAxis(c.contribution, 'plain', lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="reason">{fill(t('segments.indexNote', lang), { kl: formatValue(mix.divergence, 'plain', lang) })}</p>
      </div>
    </div>
  );
}
