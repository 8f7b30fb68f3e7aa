// Wide & Deep (Cheng et al., DLRS 2016) over implicit feedback with side features: a wide linear
// part over item ids, item fields and (category × user field) crosses, plus a deep part over
// embeddings of ids and every side field, trained jointly on BCE with per-epoch negatives by a
// hand-written fused kernel with Adam (the NeuMF kernel's design and pieces, ../ncf).
export { initWideDeepModel, type Segment, type WideDeepModel, type WideDeepShape } from './model';
export { wideDeepScorer } from './score';
export {
  resolveWideDeepOptions,
  trainWideDeep,
  WIDE_DEEP_DEFAULTS,
  WideDeepTrainer,
  type ResolvedWideDeepOptions,
  type WideDeepEpoch,
  type WideDeepHooks,
  type WideDeepOptions,
  type WideDeepTrainResult,
} from './train';
