// Worker file: churn model training off the main thread (started by the long-lived training host).
// TensorFlow.js and its backend load once per worker; every run after the first reuses them.
import { AppError } from '../../shared/errors';
import { trainChurnModels, type TrainedModels } from '../services/models/churn/train';
import { tfBackend } from '../services/models/tfBackend';
import { onRequest } from './protocol';
import type { ScoreRequest, TrainProgress, TrainRequest } from './trainInWorker';
import { applyModel } from '../services/models/churn/applyModel';

onRequest<TrainRequest, TrainedModels & { backend: string }, TrainProgress>('trainChurn', async (r, { progress, cancelled }) => {
  const backend = r.models.includes('mlp') ? `tfjs-${await tfBackend()}` : 'js';
  const trained = await trainChurnModels(r.data, r.split, r.models, r.histories, r.seed, {
    isCancelled: cancelled,
    throwIfCancelled: () => {
      if (cancelled()) throw new AppError('CANCELLED', 'The training was cancelled.');
    },
    onModel: (model, phase) => progress({ kind: 'model', model, phase }),
    onRound: (model, round, trainLoss, validLoss) => progress({ kind: 'round', model, round, trainLoss, validLoss }),
  });
  return { ...trained, backend };
});

onRequest<ScoreRequest, Float64Array>('scoreChurn', async (r) => {
  if (r.entry.kind === 'mlp') await tfBackend();
  return applyModel(r.entry, r.rows);
});
