// Customer clusters: standardisation, K-means (k-means++, seeded restarts, canonical labels), the
// silhouette, the k-scan, a 2-D PCA for the scatter plot and the adjusted Rand index. Pure TypeScript,
// no I/O; bad input throws AppError BAD_ARGUMENT with one English sentence.
export { fitScaler, scaleRows, type Scaler, type ScalerOptions, type ScalerParams } from './scale';
export { assign, fitKMeans, KMEANS_DEFAULTS, type KMeansOptions, type KMeansResult } from './kmeans';
export { SILHOUETTE_DEFAULTS, silhouetteOfSample, silhouetteSample, silhouetteScore, type SilhouetteOptions, type SilhouetteSample } from './silhouette';
export { elbow, scanK, type ScanOptions, type ScanResult, type ScanRow } from './scan';
export { pca2, type PcaOptions, type PcaResult } from './pca';
export { adjustedRandIndex } from './ari';
