// Recommendation baselines and their evaluation: leave-one-out and time splits, the shared sampled
// negatives, popularity / random / item-kNN / implicit ALS / the preference score, each fitted to a
// Scorer, and the HR@K, NDCG@K, recall, precision, coverage figures. Pure TypeScript over typed arrays,
// no I/O; bad input throws AppError BAD_ARGUMENT with one English sentence.
export { hasItem, interactionsFromPairs, itemsOf, pairCount, sampleNegatives, type Interactions } from './interactions';
export { type PurchaseRows } from './rows';
export { leaveOneOut, type LeaveOneOut } from './leaveOneOut';
export { timeSplit, type TimeSplit } from './timeSplit';
export { NEGATIVE_STREAM, sampleEvaluationNegatives, type EvaluationNegatives } from './negatives';
export { vectorScorer, type FillScores, type Scorer } from './scorer';
export { selectTop } from './selectTop';
export { transpose } from './transpose';
export { fitPopularity, itemPopularity } from './popularity';
export { fitRandom } from './randomScorer';
export { fitItemKnn, itemNeighbours, ITEM_KNN_DEFAULTS, type ItemKnnOptions, type ItemNeighbours } from './itemKnn';
export { fitImplicitMf, IMPLICIT_MF_DEFAULTS, type ImplicitMfModel, type ImplicitMfOptions } from './implicitMf';
export { LEVEL_QUANTILES, levelOf, quintileCuts } from './levels';
export { preferenceInputFromRows, type PreferenceInput } from './preferenceInput';
export { fitPreference, type PreferenceLevels, type PreferenceScorer } from './preference';
export { evaluateSampled, evaluateTimeSplit, type SampledEvaluation, type TimeSplitEvaluation } from './evaluate';
