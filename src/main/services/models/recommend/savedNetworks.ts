import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyedError } from '../../../../shared/errors';
import type { RecommendModelName } from '../../../../shared/recommend';
import { writeFileAtomic } from '../../files/atomicFile';
import { unpackModel } from './packedModel';

/** The format tag of a saved network's description file. */
export const SAVED_NETWORK_FORMAT = 'campaign-workbench/network@1';

/** A run's trained network as its lists were ranked by, with the customer and product codes of its indices. */
export interface SavedNetwork {
  format: typeof SAVED_NETWORK_FORMAT;
  model: Extract<RecommendModelName, 'neumf' | 'widedeep'>;
  /** The part of a per-chain or per-cluster run it belongs to (null: the whole run). */
  chain: string | null;
  cluster: number | null;
  /** Index → code, as the network's user and item indices. */
  customers: string[];
  products: string[];
  /** The network (and the side features it was trained on), packed by packModel: arrays live in the .bin file. */
  network: unknown;
}

/** What the worker hands back for one network: packModel's description and blob of { model, features }. */
export interface PackedNetwork {
  json: string;
  bin: Uint8Array;
}

/** The file stem of a network in a run's folder: `neumf`, `A02-widedeep`, `cluster-3-neumf`. */
export function networkStem(model: string, part: { chain: string | null; cluster: number | null }): string {
  const prefix = part.cluster !== null ? `cluster-${part.cluster}-` : part.chain ? `${part.chain.replace(/[^A-Za-z0-9_-]/g, '_')}-` : '';
  return `${prefix}${model}`;
}

/**
 * Writes `<stem>.json` (the description with the customer and product codes) and `<stem>.bin` (the
 * weights) into the run's folder, each atomically; returns both paths.
 */
export function writeNetwork(dir: string, meta: Omit<SavedNetwork, 'format' | 'network'>, packed: PackedNetwork): string[] {
  const stem = networkStem(meta.model, meta);
  const bin = join(dir, `${stem}.bin`);
  const json = join(dir, `${stem}.json`);
  writeFileAtomic(bin, packed.bin);
  const head = JSON.stringify({ format: SAVED_NETWORK_FORMAT, ...meta });
  // The description goes in as it was packed (no parse and re-stringify of a large text).
  writeFileAtomic(json, `${head.slice(0, -1)},"network":${packed.json}}`);
  return [json, bin];
}

/** A saved network with its arrays restored: `network` is { model, features } as the worker packed it. */
export function readNetwork<T>(jsonPath: string): Omit<SavedNetwork, 'network'> & { network: T } {
  let saved: SavedNetwork;
  try {
    saved = JSON.parse(readFileSync(jsonPath, 'utf8')) as SavedNetwork;
  } catch (error) {
    throw keyedError('BAD_ARGUMENT', `Cannot read the saved network ${jsonPath}: ${(error as Error).message}`, 'networkUnreadable', { file: jsonPath });
  }
  if (saved.format !== SAVED_NETWORK_FORMAT) throw keyedError('BAD_ARGUMENT', `${jsonPath} is not a saved network of this version (format ${String(saved.format)}).`, 'networkUnreadable', { file: jsonPath });
  const bin = readFileSync(jsonPath.replace(/\.json$/, '.bin'));
  const network = unpackModel<T>(JSON.stringify(saved.network), new Uint8Array(bin.buffer, bin.byteOffset, bin.byteLength));
  return { ...saved, network };
}
