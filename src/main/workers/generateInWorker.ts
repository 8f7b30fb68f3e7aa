// The sample-data generator run in a worker thread, with progress and cancel.
import type { GenerateOptions, GenerateReport } from '../services/generator';
import { runInWorker } from './host';

/** generateLpoint's options without the callbacks (they cannot cross to a thread). */
export type WorkerGenerateOptions = Omit<GenerateOptions, 'onProgress' | 'cancelled'>;
export type GenerateProgress = Parameters<NonNullable<GenerateOptions['onProgress']>>[0];

export interface GenerateInWorkerControls {
  onProgress?: (progress: GenerateProgress) => void;
  /** Abort: the generator stops at its next check; CANCELLED once the thread is gone. */
  signal?: AbortSignal;
  /** How long after an abort the worker may run before it is terminated (default 2000 ms). */
  graceMs?: number;
}

/**
 * Runs generateLpoint in its own worker thread: the same files, byte for byte, as in-process.
 * Rejects with the generator's AppError (BAD_ARGUMENT, IO), CANCELLED, or INTERNAL if the thread dies.
 */
export async function generateInWorker(options: WorkerGenerateOptions, controls: GenerateInWorkerControls = {}): Promise<GenerateReport> {
  return runInWorker<GenerateReport, GenerateProgress>('generate', 'generate', options, controls);
}
