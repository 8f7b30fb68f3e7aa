import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { loadTf } from './tfjs';
import type { TrainingBackendChoice } from '../../../shared/settings';

/** The TensorFlow.js backend a run trains on, as recorded with the run. */
export type TfBackend = 'tensorflow' | 'wasm' | 'cpu';

const picked = new Map<TrainingBackendChoice, Promise<TfBackend>>();

/**
 * The backend for a choice (settings): 'auto' takes @tensorflow/tfjs-node (native; an optional
 * dependency whose install fails offline) if it loads, else the wasm backend with SIMD (its binaries
 * ship in the npm package), else plain JS (cpu). A named backend is used where it is available, and
 * falls back in the same order where it is not (the run records the one it got). Each choice is
 * resolved once per process; switching choices switches TensorFlow.js's global backend.
 */
export async function tfBackend(choice: TrainingBackendChoice = 'auto'): Promise<TfBackend> {
  let pending = picked.get(choice);
  if (!pending) {
    pending = pick(choice);
    picked.set(choice, pending);
  }
  const backend = await pending;
  const tf = await loadTf();
  if (tf.getBackend() !== backend) await tf.setBackend(backend);
  return backend;
}

async function pick(choice: TrainingBackendChoice): Promise<TfBackend> {
  const tf = await loadTf();
  if (choice === 'auto' || choice === 'tensorflow') {
    try {
      // A variable name keeps bundlers from resolving the optional package at build time.
      const native = '@tensorflow/tfjs-node';
      await import(/* @vite-ignore */ native);
      if (await tf.setBackend('tensorflow')) return 'tensorflow';
    } catch {
      // Not installed here (its install downloads libtensorflow): wasm next.
    }
  }
  if (choice !== 'cpu') {
    try {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      const require = createRequire(import.meta.url);
      wasm.setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`);
      if (await tf.setBackend('wasm')) return 'wasm';
    } catch {
      // No wasm either: the plain JS backend always works.
    }
  }
  await tf.setBackend('cpu');
  return 'cpu';
}
