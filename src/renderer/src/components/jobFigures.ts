import type { JobDetail } from '../../../shared/contract';
import { formatNumber } from '../format';
import { t, type Lang } from '../i18n';

/** The figures under a job's bar: rows and rows/s for imports; epoch, batch, loss and samples/s for training. */
export function jobFigures(detail: JobDetail, lang: Lang): string {
  const n = (v: number) => formatNumber(v, lang);
  if (detail.type === 'rows') return `${n(detail.rowsDone)} ${t('jobs.rows', lang)} · ${n(detail.rowsPerSecond)} ${t('jobs.perSecond', lang)}`;
  const metrics = Object.entries(detail.metrics).map(([name, v]) => `${name} ${v.toFixed(4)}`);
  return [
    `${t('jobs.epoch', lang)} ${n(detail.epoch)}/${n(detail.epochs)}`,
    `${t('jobs.batch', lang)} ${n(detail.batch)}/${n(detail.batches)}`,
    `${t('jobs.loss', lang)} ${detail.loss.toFixed(4)}`,
    ...metrics,
    `${n(Math.round(detail.samplesPerSecond))} ${t('jobs.samplesPerSecond', lang)}`,
  ].join(' · ');
}
