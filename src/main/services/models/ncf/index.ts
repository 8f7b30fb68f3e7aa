// Neural Collaborative Filtering (He et al., WWW 2017): GMF, MLP and NeuMF trained by a hand-written
// fused forward/backward kernel with Adam (lazy on embedding rows) in plain TypeScript, and NCF's
// leave-one-out evaluation (HR@10, NDCG@10 over the held-out item and its sampled negatives).
export { evaluateNcf, evaluateNcfSplit, type NcfEvalEpoch, type NcfEvalHooks, type NcfEvalOptions, type NcfEvaluation, type NcfFilesOptions } from './evaluateNcf';
export { evaluateModel, evaluatePopularity, hitRateNdcg, rankAmongNegatives, rankTestItems, type RankingMetrics, type RankingTask } from './evaluate';
export { loadNcfFiles, parseNcfSplit, type NcfFiles, type NcfSplit } from './ncfData';
export { initNcfModel, type DenseLayer, type NcfModel, type NcfModelKind, type NcfShape } from './neumf';
export type { NcfSide, NcfSideShape, NcfSideTable } from './side';
export { ncfScorer, scoreNcf } from './score';
export type { RowAdamMode } from './adam';
export { combineTowers, pretrainNeumf } from './pretrain';
export { NCF_DEFAULTS, NcfTrainer, resolveNcfOptions, trainNcf, type NcfEpoch, type NcfHooks, type NcfTrainOptions, type NcfTrainResult, type ResolvedNcfOptions } from './train';
