import type { GbdtObjective, ResolvedGbdtOptions } from './options';
import type { GbdtTree } from './tree';

export const GBDT_FORMAT = 'campaign-workbench/gbdt';
export const GBDT_VERSION = 1;

export type GbdtStopReason = 'rounds' | 'earlyStopping' | 'cancelled';

/** A trained ensemble: everything scoring needs, plus how training went. */
export interface GbdtModel {
  objective: GbdtObjective;
  /** 2 for binary. */
  numClass: number;
  numFeatures: number;
  /** Trees added per round: 1 (binary) or numClass (one per class). */
  treesPerRound: number;
  /** Starting raw score of each of the treesPerRound outputs. */
  baseScore: Float64Array;
  /** Round-major: tree r · treesPerRound + c is round r + 1's tree for output c. Kept rounds only. */
  trees: GbdtTree[];
  options: ResolvedGbdtOptions;
  training: {
    /** Rounds trained before stopping (may exceed the kept rounds after early stopping). */
    roundsRun: number;
    /** Rounds kept in `trees`: the best validation round, or every completed round without validation. */
    bestRound: number;
    stopReason: GbdtStopReason;
    /** Weighted mean log-loss after each round run. */
    trainLoss: number[];
    validLoss: number[] | null;
  };
}
