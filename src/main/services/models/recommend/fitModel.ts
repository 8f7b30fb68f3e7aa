import { AppError } from '../../../../shared/errors';
import type { RecommendModelName } from '../../../../shared/recommend';
import { trainNcf } from '../ncf';
import type { NcfModel } from '../ncf/neumf';
import { pretrainNeumf } from '../ncf/pretrain';
import { ncfScorer } from '../ncf/score';
import { trainWideDeep, wideDeepScorer } from '../widedeep';
import type { RecommendComputeHooks, RecommendComputeInput } from './computeTypes';
import { fitImplicitMf } from './implicitMf';
import { pairCount, type Interactions } from './interactions';
import { fitItemKnn } from './itemKnn';
import { fitPopularity } from './popularity';
import { fitPreference } from './preference';
import { preferenceInputFromRows } from './preferenceInput';
import type { Scorer } from './scorer';
import type { SideFeatures } from './sideFeatures';

export interface FittedModel {
  scorer: Scorer;
  /** The networks: loss per epoch and the median training speed. */
  loss?: number[];
  samplesPerSecond?: number;
  /** The networks: the trained weights and the side features they read (saved with the run). */
  network?: { model: unknown; features: SideFeatures | null };
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
      return {
        scorer: wideDeepScorer(trained.model, features),
        loss: trained.epochs.map((e) => e.loss),
        samplesPerSecond: median(trained.epochs.map((e) => e.samplesPerSecond)),
        network: { model: trained.model, features },
      };
    }
    case 'neumf':
      return fitNeumf(input, train, hooks);
  }
}

/** NeuMF's learning rate after pre-trained towers (the towers train at Adam's default 0.001): the NCF code's recipe, which reached HR@10 0.709 on MovieLens-1M here. */
export const NEUMF_PRETRAINED_LEARNING_RATE = 0.0001;

/**
 * NeuMF, optionally from pre-trained GMF and MLP towers (input.pretrainEpochs each, NCF §3.4.1). The
 * progress counts every epoch of the three: GMF 1..P, MLP P+1..2P, NeuMF 2P+1..2P+E; the loss curve
 * is NeuMF's own.
 */
async function fitNeumf(input: RecommendComputeInput, train: Interactions, hooks: RecommendComputeHooks): Promise<FittedModel> {
  const pre = input.pretrainEpochs ?? 0;
  const total = 2 * pre + input.epochs;
  const side = input.sideFeatures ? (input.features ?? undefined) : undefined;
  if (input.sideFeatures && !side) throw new Error('NeuMF with side features needs the side features.');
  const options = { model: 'neumf' as const, factors: input.factors, negatives: input.trainNegatives, epochs: input.epochs, seed: input.seed, side };
  let initial: NcfModel | undefined;
  if (pre > 0) {
    const samples = pairCount(train) * (1 + input.trainNegatives);
    const pretrained = await pretrainNeumf(
      train,
      { ...options, epochs: pre },
      {
        isCancelled: hooks.isCancelled,
        onPretrainEpoch: (kind, epoch, loss, seconds) => hooks.onEpoch?.('neumf', (kind === 'gmf' ? 0 : pre) + epoch, total, loss, seconds > 0 ? samples / seconds : 0),
      },
    );
    if (!pretrained) throw cancelled();
    initial = pretrained;
  }
  const trained = await trainNcf(
    train,
    { ...options, initial, learningRate: initial ? NEUMF_PRETRAINED_LEARNING_RATE : undefined },
    {
      isCancelled: hooks.isCancelled,
      onEpoch: (epoch, loss, _s, sps) => hooks.onEpoch?.('neumf', 2 * pre + epoch, total, loss, sps),
    },
  );
  if (trained.stopReason === 'cancelled') throw cancelled();
  const m = trained.model;
  const features = side ?? null;
  return {
    scorer: ncfScorer(m, features),
    loss: trained.epochs.map((e) => e.loss),
    samplesPerSecond: median(trained.epochs.map((e) => e.samplesPerSecond)),
    network: { model: m, features },
  };
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
