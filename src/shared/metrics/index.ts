/**
 * Model evaluation metrics for the churn report: classification report and confusion matrix, ROC and
 * precision–recall (binary and one-vs-rest), the decile lift table, calibration, log-loss and permutation
 * importance. Pure TypeScript (no node, DOM or DuckDB). Bad input throws MetricInputError; a metric that
 * is undefined for its input (one class only) returns null.
 */
export { MetricInputError, type Labels, type Scores } from './input';
export { classificationReport, confusionMatrix, type ClassificationReport, type ClassScores } from './classification';
export { prAuc, prCurve, rocAuc, rocCurve, type PrPoint, type RocPoint } from './ranking';
export { ovrPrAuc, ovrRocAuc, type OneVsRestScore, type SkippedClass } from './oneVsRest';
export { liftByDecile, type LiftRow, type LiftTable } from './lift';
export { brierScore, calibrationCurve, type CalibrationBin, type CalibrationCurve } from './calibration';
export { LOG_LOSS_EPSILON, logLoss, multiclassLogLoss } from './logLoss';
export { permutationImportance, type FeatureImportance, type PermutationImportance, type PermutationOptions } from './importance';
export { mulberry32, shuffleInPlace } from './random';
export { bestSellerMask, bestSellerSlotShare, catalogueCoverage, hitRateAtK, ndcgAtK, precisionAtK, recallAtK, sampledNdcgAtK, sampledRank } from './topK';
