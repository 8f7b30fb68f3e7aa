import { CHURN_MODELS, type ChurnModelName } from '../../../shared/models';
import { chainLabel, modelLabel, recommendModelLabel } from '../../../shared/charts';
import { RECOMMEND_MODELS, type RecommendModelName } from '../../../shared/recommend';
import { fill, t, type Lang, type StringKey } from '../i18n';

const STEPS: Record<string, StringKey> = {
  features: 'jobs.step.features',
  catalog: 'jobs.step.catalog',
  customers: 'jobs.step.customers',
  done: 'jobs.step.done',
  profiles: 'jobs.step.profiles',
  // A recommendation run: reading the purchases, then a step per model, then saving the lists.
  data: 'recommend.step.data',
  save: 'recommend.step.save',
  sideFeatures: 'recommend.step.sideFeatures',
  // An export: choosing the customers, then writing the file.
  select: 'export.step.select',
  write: 'export.step.write',
};

/** A job's step as the tray shows it, in the UI language (file names stay as they are). */
export function jobStepLabel(step: string, lang: Lang): string {
  if ((CHURN_MODELS as readonly string[]).includes(step)) return fill(t('jobs.step.model', lang), { model: modelLabel(step as ChurnModelName, lang) });
  if ((RECOMMEND_MODELS as readonly string[]).includes(step)) return fill(t('jobs.step.model', lang), { model: recommendModelLabel(step as RecommendModelName, lang) });
  if (STEPS[step]) return t(STEPS[step], lang);
  const perChain = /^(A\d\d): (.+)$/.exec(step);
  if (perChain) return `${chainLabel(perChain[1], lang)}: ${jobStepLabel(perChain[2], lang)}`;
  // A validation: the repurchase table chain by chain, the lists model by model, then the churn models.
  const [head, rest] = step.split(/: (.+)/);
  if (head === 'repurchase' && rest) return fill(t('validation.step.repurchase', lang), { chain: chainLabel(rest, lang) });
  if (head === 'recommend' && rest) {
    const model = (RECOMMEND_MODELS as readonly string[]).includes(rest) ? recommendModelLabel(rest as RecommendModelName, lang) : rest;
    return fill(t('validation.step.recommend', lang), { model });
  }
  if (head === 'churn' && rest) {
    if (rest === 'features') return t('validation.step.churnFeatures', lang);
    if (rest === 'score') return t('validation.step.churnScore', lang);
    const model = (CHURN_MODELS as readonly string[]).includes(rest) ? modelLabel(rest as ChurnModelName, lang) : rest;
    return fill(t('validation.step.churnModel', lang), { model });
  }
  const sample = /^sample: (.+)$/.exec(step);
  if (sample) return `${t('jobs.step.sample', lang)}: ${jobStepLabel(sample[1], lang)}`;
  const k = /^k=(\d+)$/.exec(step);
  if (k) return fill(t('jobs.step.kmeans', lang), { k: k[1] });
  const check = /^check (.+)$/.exec(step);
  if (check) return fill(t('jobs.step.check', lang), { file: check[1] });
  return step;
}
