import { AppError } from '../../../../shared/errors';
import type { RecommendModelName } from '../../../../shared/recommend';
import { scoreNcf, trainNcf } from '../ncf';
import { ncfAllItems } from '../ncf/scoreAll';
import { trainWideDeep, wideDeepScorer } from '../widedeep';
import type { RecommendComputeHooks, RecommendComputeInput } from './computeTypes';
import { fitImplicitMf } from './implicitMf';
import type { Interactions } from './interactions';
import { fitItemKnn } from './itemKnn';
import { fitPopularity } from './popularity';
import { fitPreference } from './preference';
import { preferenceInputFromRows } from './preferenceInput';
import { vectorScorer, type Scorer } from './scorer';

export interface FittedModel {
  scorer: Scorer;
  /** The networks: loss per epoch and the median training speed. */
  loss?: number[];
  samplesPerSecond?: number;
}

const cancelled = () => new AppError('CANCELLED', 'The training was cancelled.');

/**
 * One recommender fitted on `train`. The preference score reads the input's rows directly: `include`
 * marks the rows it may see (undefined = all) and `today` is the day its recency is measured from.
 */
export async function fitModel(
  model: RecommendModelName,
  input: RecommendComputeInput,
  categories: Int32Array,
  train: Interactions,
  include: Uint8Array | undefined,
  today: number,
  hooks: RecommendComputeHooks = {},
): Promise<FittedModel> {
  switch (model) {
    case 'popularity':
      return { scorer: fitPopularity(train) };
    case 'itemknn':
      return { scorer: fitItemKnn(train) };
    case 'mf':
      return { scorer: fitImplicitMf(train, { seed: input.seed }).scorer };
    case 'preference':
      return { scorer: fitPreference(preferenceInputFromRows(input.rows, categories, { include, today })) };
    case 'widedeep': {
      if (!input.features) throw new Error('Wide & Deep needs the side features.');
      const features = input.features;
      const trained = await trainWideDeep(
        train,
        features,
        { dim: input.factors, negatives: input.trainNegatives, epochs: input.epochs, seed: input.seed },
        {
          isCancelled: hooks.isCancelled,
          onEpoch: (epoch, loss, _s, sps) => hooks.onEpoch?.(model, epoch, input.epochs, loss, sps),
        },
      );
      if (trained.stopReason === 'cancelled') throw cancelled();
      return { scorer: wideDeepScorer(trained.model, features), loss: trained.epochs.map((e) => e.loss), samplesPerSecond: median(trained.epochs.map((e) => e.samplesPerSecond)) };
    }
    case 'neumf': {
      const trained = await trainNcf(
        train,
        { model: 'neumf', factors: input.factors, negatives: input.trainNegatives, epochs: input.epochs, seed: input.seed },
        {
          isCancelled: hooks.isCancelled,
          onEpoch: (epoch, loss, _s, sps) => hooks.onEpoch?.(model, epoch, input.epochs, loss, sps),
        },
      );
      if (trained.stopReason === 'cancelled') throw cancelled();
      const m = trained.model;
      const scorer = vectorScorer(train.itemCount, ncfAllItems(m), (user, candidates, out) => out.set(scoreNcf(m, new Int32Array(candidates.length).fill(user), candidates)));
      return { scorer, loss: trained.epochs.map((e) => e.loss), samplesPerSecond: median(trained.epochs.map((e) => e.samplesPerSecond)) };
    }
  }
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
