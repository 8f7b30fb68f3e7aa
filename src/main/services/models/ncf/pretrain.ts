import type { Interactions } from '../recommend/interactions';
import type { NcfModel } from './neumf';
import { copySide } from './side';
import { trainNcf, type NcfHooks, type NcfTrainOptions } from './train';

/**
 * NeuMF from pre-trained towers (NCF §3.4.1): GMF and MLP are trained alone, then NeuMF takes their
 * embeddings and MLP layers, and its prediction unit is α·h_GMF ⊕ (1−α)·h_MLP with α = 0.5, the
 * bias likewise (NeuMF.py's load_pretrain_model). With options.side the MLP tower trains with the
 * side features and hands its side tables to the NeuMF (GMF has none). Null when cancelled.
 */
export async function pretrainNeumf(
  data: Interactions,
  options: NcfTrainOptions,
  hooks: NcfHooks & { onPretrainEpoch?(kind: 'gmf' | 'mlp', epoch: number, loss: number, seconds: number): void } = {},
  alpha = 0.5,
): Promise<NcfModel | null> {
  const towers: NcfModel[] = [];
  for (const kind of ['gmf', 'mlp'] as const) {
    const run = await trainNcf(data, { ...options, model: kind, initial: undefined }, {
      isCancelled: hooks.isCancelled,
      now: hooks.now,
      onEpoch: (epoch, loss, seconds) => hooks.onPretrainEpoch?.(kind, epoch, loss, seconds),
    });
    if (run.stopReason === 'cancelled') return null;
    towers.push(run.model);
  }
  return combineTowers(towers[0], towers[1], alpha);
}

/** The NeuMF made of a trained GMF and a trained MLP (weights copied, the MLP's side part too; output unit weighted α / 1−α). */
export function combineTowers(gmf: NcfModel, mlp: NcfModel, alpha = 0.5): NcfModel {
  if (gmf.kind !== 'gmf' || mlp.kind !== 'mlp') throw new Error(`combineTowers: needs a GMF and an MLP (got ${gmf.kind}, ${mlp.kind})`);
  if (gmf.users !== mlp.users || gmf.items !== mlp.items) throw new Error('combineTowers: the towers were trained on different data');
  const F = gmf.factors;
  const width = F + mlp.output.nIn;
  const kernel = new Float32Array(width);
  for (let f = 0; f < F; f++) kernel[f] = alpha * gmf.output.kernel[f];
  for (let m = 0; m < mlp.output.nIn; m++) kernel[F + m] = (1 - alpha) * mlp.output.kernel[m];
  const bias = Float32Array.of(alpha * gmf.output.bias[0] + (1 - alpha) * mlp.output.bias[0]);
  return {
    kind: 'neumf',
    users: gmf.users,
    items: gmf.items,
    factors: F,
    layers: [...mlp.layers],
    gmfUser: gmf.gmfUser.slice(),
    gmfItem: gmf.gmfItem.slice(),
    mlpUser: mlp.mlpUser.slice(),
    mlpItem: mlp.mlpItem.slice(),
    dense: mlp.dense.map((l) => ({ nIn: l.nIn, nOut: l.nOut, kernel: l.kernel.slice(), bias: l.bias.slice() })),
    output: { nIn: width, nOut: 1, kernel, bias },
    ...(mlp.side ? { side: copySide(mlp.side) } : {}),
  };
}
