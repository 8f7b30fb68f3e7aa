import type * as TF from '@tensorflow/tfjs';

/**
 * TensorFlow.js, loaded on first use. Importing it costs about a quarter of a second (its bundles
 * are parsed and evaluated), which every CLI command paid at start-up when it was a static import,
 * though only training, scoring and explaining with a network need it.
 */
let loaded: typeof TF | null = null;
let loading: Promise<typeof TF> | null = null;

export async function loadTf(): Promise<typeof TF> {
  if (loaded) return loaded;
  loading ??= import('@tensorflow/tfjs').then((tf) => (loaded = tf));
  return loading;
}

/** The module once loadTf() has resolved: for synchronous code that only runs on a model, which loading made. */
export function tfLoaded(): typeof TF {
  if (!loaded) throw new Error('TensorFlow.js is used before loadTf() resolved');
  return loaded;
}
