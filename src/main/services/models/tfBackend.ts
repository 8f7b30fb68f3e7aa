import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';

/** The TensorFlow.js backend a run trains on, as recorded with the run. */
export type TfBackend = 'tensorflow' | 'wasm' | 'cpu';

let chosen: Promise<TfBackend> | null = null;

/**
 * Picks the backend once per process: @tensorflow/tfjs-node (native; an optional dependency whose
 * install fails offline) if it loads, else the wasm backend with SIMD (its binaries ship in the npm
 * package), else plain JS (cpu). `prefer` forces one where it is available (settings, tests).
 */
export function tfBackend(prefer?: TfBackend): Promise<TfBackend> {
  chosen ??= pick(prefer);
  return chosen;
}

async function pick(prefer?: TfBackend): Promise<TfBackend> {
  if (prefer !== 'wasm' && prefer !== 'cpu') {
    try {
      // A variable name keeps bundlers from resolving the optional package at build time.
      const native = '@tensorflow/tfjs-node';
      await import(/* @vite-ignore */ native);
      if (await tf.setBackend('tensorflow')) return 'tensorflow';
    } catch {
      // Not installed here (its install downloads libtensorflow): wasm next.
    }
  }
  if (prefer !== 'cpu') {
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
