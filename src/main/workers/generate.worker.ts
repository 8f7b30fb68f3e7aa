// Worker file: the sample-data generator off the main thread (started by generateInWorker).
import { generateLpoint, type GenerateReport } from '../services/generator';
import { onRequest } from './protocol';
import type { GenerateProgress, WorkerGenerateOptions } from './generateInWorker';

onRequest<WorkerGenerateOptions, GenerateReport, GenerateProgress>('generate', (options, { progress, cancelled }) =>
  generateLpoint({ ...options, onProgress: progress, cancelled }),
);
