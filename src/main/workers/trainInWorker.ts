// Churn training in the long-lived training worker: the dataset's arrays cross once, the models,
// scores and test predictions come back; progress per model and per round (epoch).
import type { ChurnModelName } from '../../shared/models';
import type { TrainingBackendChoice } from '../../shared/settings';
import type { ChurnDataset } from '../services/models/churn/dataset';
import type { Split } from '../services/models/churn/split';
import type { Histories, TrainedModels } from '../services/models/churn/train';
import { WorkerHost, workerFile } from './host';
import type { ClusterComputeInput, ClusterComputeResult } from '../services/analytics/clusters/compute';
import type { ScoringRows, StoredModel } from '../services/models/churn/applyModel';
import type { RecommendComputeInput, RecommendComputeResult } from '../services/models/recommend/compute';
import type { RecommendModelName } from '../../shared/recommend';
import type { RepurchaseRow } from '../../shared/validation';
import type { RepurchaseInput, ValidationListsResult } from '../services/validation/compute';
import type { ExplainRequest, RiskReason } from '../services/models/churn/explain';

export type RecommendProgress =
  | { kind: 'model'; model: RecommendModelName; phase: 'start' | 'done' }
  | { kind: 'epoch'; model: RecommendModelName; epoch: number; epochs: number; loss: number; samplesPerSecond: number };

export interface ScoreRequest {
  entry: StoredModel;
  rows: ScoringRows;
}

export interface TrainRequest {
  data: ChurnDataset;
  split: Split;
  models: ChurnModelName[];
  histories: Histories | null;
  seed: number;
  /** The backend the settings ask for (default auto). */
  backend?: TrainingBackendChoice;
}

export type TrainProgress =
  | { kind: 'model'; model: ChurnModelName; phase: 'start' | 'done' }
  | { kind: 'round'; model: ChurnModelName; round: number; trainLoss: number; validLoss: number | null }
  | { kind: 'batch'; model: ChurnModelName; epoch: number; batch: number; batches: number; loss: number; samplesPerSecond: number };

/** Batch progress leaves the worker at most this often (epoch ends always do). */
export const BATCH_PROGRESS_MS = 200;

/** One training worker per process (tfjs-node must never load in two threads); closed with the app. */
export function trainingHost(): WorkerHost {
  return new WorkerHost(workerFile('train'), { graceMs: 3000 });
}

export function trainInWorker(
  host: WorkerHost,
  request: TrainRequest,
  controls: { onProgress?: (p: TrainProgress) => void; signal?: AbortSignal },
): Promise<TrainedModels & { backend: string }> {
  return host.request('trainChurn', request, controls);
}

/** A saved model applied to new rows, in the training worker (where TensorFlow.js is loaded). */
export function scoreInWorker(host: WorkerHost, request: ScoreRequest): Promise<Float64Array> {
  return host.request('scoreChurn', request);
}

/** The numbers of a clustering (scaling, k scan, K-means, PCA) in the training worker; progress per k of the scan. */
export function clusterInWorker(
  host: WorkerHost,
  request: ClusterComputeInput,
  controls: { onProgress?: (p: { k: number; done: number; total: number }) => void; signal?: AbortSignal },
): Promise<ClusterComputeResult> {
  return host.request('clusters', request, controls);
}

/** A recommendation run's numbers (every model on both protocols, then the lists) in the training worker; progress per model and epoch. */
export function recommendInWorker(
  host: WorkerHost,
  request: RecommendComputeInput,
  controls: { onProgress?: (p: RecommendProgress) => void; signal?: AbortSignal },
): Promise<RecommendComputeResult> {
  return host.request('recommend', request, controls);
}

/** The validation's top-K lists: each model fitted on the rows before the cut-off (they end there), in the training worker. */
export function validationListsInWorker(
  host: WorkerHost,
  request: RecommendComputeInput,
  controls: { onProgress?: (p: RecommendProgress) => void; signal?: AbortSignal },
): Promise<ValidationListsResult> {
  return host.request('validationLists', request, controls);
}

/** One chain's repurchase table (the preference score fitted before the cut-off) in the training worker. */
export function repurchaseInWorker(host: WorkerHost, request: RepurchaseInput, controls: { signal?: AbortSignal } = {}): Promise<RepurchaseRow[]> {
  return host.request('repurchaseTable', request, controls);
}

/** Per customer, the features that push a saved model's churn risk up most (occlusion; services/models/churn/explain.ts), in the training worker. */
export function explainInWorker(host: WorkerHost, request: ExplainRequest): Promise<RiskReason[][]> {
  return host.request('explainChurn', request);
}
