import type { LossCurve } from '../../../../shared/charts';
import type { JobProgress } from '../../../../shared/contract';
import { RECOMMEND_MODELS, type RecommendModelName } from '../../../../shared/recommend';

/** What the page shows of a recommendation job while it runs, folded from its progress events. */
export interface LiveState {
  /** 'data', a model's name, or 'save'; null before the first event. */
  step: string | null;
  fraction: number | null;
  /** The newest epoch of a network, for the status line. */
  epoch: { model: RecommendModelName; epoch: number; epochs: number; loss: number; samplesPerSecond: number } | null;
  /** Loss per epoch of each fit seen (a network is fitted for the leave-one-out test, then for the time split). */
  curves: LossCurve[];
}

export const LIVE_START: LiveState = { step: null, fraction: null, epoch: null, curves: [] };

const isModel = (step: string): step is RecommendModelName => (RECOMMEND_MODELS as readonly string[]).includes(step);

/** The model of a step: 'mf', or a per-chain or per-cluster run's 'A02: mf' / '주말 가족: mf'. */
export function stepModel(step: string): RecommendModelName | null {
  const bare = /^.+: (.+)$/.exec(step)?.[1] ?? step;
  return isModel(bare) ? bare : null;
}

/** True for the steps a recommendation job reports (to pick its events while its id is not known yet). */
export const isRecommendStep = (step: string) => step === 'data' || step === 'save' || step === 'sideFeatures' || stepModel(step) !== null;

/**
 * One progress event into the state. An epoch extends its model's newest curve; epoch 1 again opens
 * the next fit (the time split's); an epoch already seen (a repeated event) changes nothing.
 */
export function foldProgress(state: LiveState, p: Pick<JobProgress, 'step' | 'fraction' | 'detail'>): LiveState {
  const next: LiveState = { ...state, step: p.step, fraction: p.fraction ?? state.fraction };
  const model = stepModel(p.step);
  if (p.detail.type !== 'training' || p.detail.phase !== 'epoch' || !model) return next;
  const { epoch, epochs, loss, samplesPerSecond } = p.detail;
  next.epoch = { model, epoch, epochs, loss, samplesPerSecond };
  const at = next.curves.map((c) => c.model).lastIndexOf(model);
  const last = at >= 0 ? next.curves[at] : undefined;
  if (last && epoch === last.loss.length + 1) {
    next.curves = next.curves.map((c, i) => (i === at ? { ...c, loss: [...c.loss, loss], samplesPerSecond } : c));
  } else if (epoch === 1 && (!last || last.loss.length > 0)) {
    next.curves = [...next.curves, { model, loss: [loss], samplesPerSecond, ...(last ? { fit: 'timeSplit' as const } : {}) }];
  }
  return next;
}

export type ModelState = 'waiting' | 'running' | 'done';

/** Each chosen model's state: those before the current step are done; all are once the lists are saved. */
export function modelStates(models: readonly RecommendModelName[], step: string | null): { model: RecommendModelName; state: ModelState }[] {
  const ordered = RECOMMEND_MODELS.filter((m) => models.includes(m));
  const model = step ? stepModel(step) : null;
  const current = step === 'save' ? ordered.length : model ? ordered.indexOf(model) : -1;
  return ordered.map((model, i) => ({ model, state: i < current ? 'done' : i === current ? 'running' : 'waiting' }));
}
