// Worker file: churn model training, recommenders and customer clustering off the main thread (started by the long-lived training host).
// TensorFlow.js and its backend load once per worker; every run after the first reuses them.
import { AppError } from '../../shared/errors';
import { trainChurnModels, type TrainedModels } from '../services/models/churn/train';
import { tfBackend } from '../services/models/tfBackend';
import { onRequest } from './protocol';
import { BATCH_PROGRESS_MS, type RecommendProgress, type ScoreRequest, type TrainProgress, type TrainRequest } from './trainInWorker';
import { computeRecommendations, type RecommendComputeInput, type RecommendComputeResult } from '../services/models/recommend/compute';
import { applyModel } from '../services/models/churn/applyModel';
import { repurchaseTable, validationLists, type RepurchaseInput, type ValidationListsResult } from '../services/validation/compute';
import type { RepurchaseRow } from '../../shared/validation';
import { computeClusters, type ClusterComputeInput, type ClusterComputeResult } from '../services/analytics/clusters/compute';
import { explainRisk, type ExplainRequest, type RiskReason } from '../services/models/churn/explain';

onRequest<TrainRequest, TrainedModels & { backend: string }, TrainProgress>('trainChurn', async (r, { progress, cancelled }) => {
  const backend = r.models.includes('mlp') ? `tfjs-${await tfBackend(r.backend)}` : 'js';
  let lastBatch = 0;
  const trained = await trainChurnModels(r.data, r.split, r.models, r.histories, r.seed, {
    isCancelled: cancelled,
    throwIfCancelled: () => {
      if (cancelled()) throw new AppError('CANCELLED', 'The training was cancelled.');
    },
    onModel: (model, phase) => progress({ kind: 'model', model, phase }),
    onRound: (model, round, trainLoss, validLoss) => progress({ kind: 'round', model, round, trainLoss, validLoss }),
    onBatch: (model, epoch, batch, batches, loss, samplesPerSecond) => {
      const now = performance.now();
      if (now - lastBatch < BATCH_PROGRESS_MS) return;
      lastBatch = now;
      progress({ kind: 'batch', model, epoch, batch, batches, loss, samplesPerSecond });
    },
  });
  return { ...trained, backend };
});

onRequest<ScoreRequest, Float64Array>('scoreChurn', async (r) => {
  if (r.entry.kind === 'mlp') await tfBackend();
  return applyModel(r.entry, r.rows);
});

onRequest<ClusterComputeInput, ClusterComputeResult, { k: number; done: number; total: number }>('clusters', async (r, { progress, cancelled }) =>
  computeClusters(r, (row, done, total) => {
    if (cancelled()) throw new AppError('CANCELLED', 'The clustering was cancelled.');
    progress({ k: row.k, done, total });
  }),
);

onRequest<RecommendComputeInput, RecommendComputeResult, RecommendProgress>('recommend', async (r, { progress, cancelled }) =>
  computeRecommendations(r, {
    isCancelled: cancelled,
    onModel: (model, phase) => progress({ kind: 'model', model, phase }),
    onEpoch: (model, epoch, epochs, loss, samplesPerSecond) => progress({ kind: 'epoch', model, epoch, epochs, loss, samplesPerSecond }),
  }),
);

onRequest<RecommendComputeInput, ValidationListsResult, RecommendProgress>('validationLists', async (r, { progress, cancelled }) =>
  validationLists(r, {
    isCancelled: cancelled,
    onModel: (model, phase) => progress({ kind: 'model', model, phase }),
    onEpoch: (model, epoch, epochs, loss, samplesPerSecond) => progress({ kind: 'epoch', model, epoch, epochs, loss, samplesPerSecond }),
  }),
);

onRequest<RepurchaseInput, RepurchaseRow[]>('repurchaseTable', async (r) => repurchaseTable(r));

onRequest<ExplainRequest, RiskReason[][]>('explainChurn', async (r) => {
  if (r.entry.kind === 'mlp') await tfBackend();
  return explainRisk(r);
});
