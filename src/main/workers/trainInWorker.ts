// Churn training in the long-lived training worker: the dataset's arrays cross once, the models,
// scores and test predictions come back; progress per model and per round (epoch).
import type { ChurnModelName } from '../../shared/models';
import type { ChurnDataset } from '../services/models/churn/dataset';
import type { Split } from '../services/models/churn/split';
import type { Histories, TrainedModels } from '../services/models/churn/train';
import { WorkerHost, workerFile } from './host';
import type { ScoringRows, StoredModel } from '../services/models/churn/applyModel';

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
}

export type TrainProgress =
  | { kind: 'model'; model: ChurnModelName; phase: 'start' | 'done' }
  | { kind: 'round'; model: ChurnModelName; round: number; trainLoss: number; validLoss: number | null };

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
