/** Pure ECharts option builders, one per chart; Korean labels by default, English with lang 'en'. */
export { buildAffiliateUsageChart } from './affiliateUsageChart';
export { buildChainStackedChart } from './chainStackedChart';
export { buildChannelSplitChart } from './channelSplitChart';
export { buildChurnOriginChart } from './churnOriginChart';
export {
  buildCalibrationChart,
  buildConfusionChart,
  buildLiftChart,
  buildModelComparisonChart,
  buildTrainingCurveChart,
  confusionChartHeight,
  modelLabel,
  COMPARISON_COLORS,
  CONFUSION_SCALE,
  LIFT_COLORS,
  MODEL_COLORS,
  type ComparisonMetric,
  type TrainingCurve,
} from './churnCharts';
export {
  buildClusterMapChart,
  buildClusterScanChart,
  buildClusterTierChart,
  buildClusterTraitsChart,
  CLUSTER_COLORS,
  CLUSTER_TIER_SCALE,
  clusterColor,
  clusterName,
  clusterTierChartHeight,
  clusterTraitsChartHeight,
  SCAN_COLORS,
  signedZ,
  tierNamesIn,
  TRAIT_COLORS,
  type ScanMarks,
} from './clusterCharts';
export { buildImportanceChart, importanceChartHeight, IMPORTANCE_SHOWN } from './importanceChart';
export { buildKlContributionChart } from './klContributionChart';
export {
  buildHitRateChart,
  buildNdcgChart,
  buildRecommendLossChart,
  buildTimeSplitChart,
  lossCurvesOf,
  recommendModelLabel,
  reportModels,
  sampledNegatives,
  sharePercent,
  RECOMMEND_COLORS,
  TIME_SPLIT_COLORS,
  timeSplitChartHeight,
  type LossCurve,
} from './recommendCharts';
export { buildLpayEcdfChart } from './lpayEcdfChart';
export { buildMonthlyBuyersChart, buildMonthlyRevenueChart, buildReceiptValueChart } from './monthlyLineChart';
export { buildReceiptsHistogram } from './receiptsHistogram';
export { buildTransitionHeatmap, type TransitionMeasure } from './transitionHeatmap';
export { buildTransitionSankey } from './transitionSankey';
export { partialMonths, type Coverage, type PartialMonth } from './coverage';
export { withPeriod } from './exportTitle';
export { INACTIVE_COLOR, NEW_COLOR, stateColors, TIER_COLORS, tierColor } from './tierPalette';
export { chainLabel, chainChannelLabel, label, type Lang } from './labels';
export { formatAxis, formatValue, money, type Money, type Unit } from './numberFormat';
export {
  buildGainsChart,
  buildRecommendCheckChart,
  buildRepurchaseChart,
  chainColor,
  checkedModels,
  recommendLift,
  topDecileGain,
  CHAIN_COLORS,
  GAINS_RANDOM_COLOR,
} from './validationCharts';
export {
  buildReadbackOutcomeChart,
  buildReadbackSegmentChart,
  buildReadbackSeriesChart,
  outcomeLabel,
  pointsText,
  segmentByLabel,
  segmentKeyLabel,
  READBACK_COLORS,
  type ReadbackSegmentBy,
} from './readbackCharts';
