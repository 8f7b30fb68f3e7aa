// Customer clusters: per-customer features in SQL, K-means in the training worker, profiles and names,
// saved as a run with every customer's cluster (customer_clusters).
export { runClusters } from './clusterRun';
export { renameCluster } from './rename';
export { buildClusterFeatures, type ClusterFeatures } from './features';
export { clusterProfiles, traitWord } from './profiles';
export { DEFAULT_CATEGORY_GROUPS, resolveGroups } from './categoryGroups';
export { compareWithTruth, exportClusters, type ClusterTruthComparison } from './clusterFiles';
export { assignAndSave, assignClusters, type ClusterAssignment } from './assign';
