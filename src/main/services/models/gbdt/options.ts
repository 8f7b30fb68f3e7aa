/** Training options of the histogram GBDT, their defaults, and the checks run before training. */
export type GbdtObjective = 'binary' | 'multiclass';

export interface GbdtOptions {
  /** 'binary' (log-loss, y in {0, 1}) or 'multiclass' (softmax, one tree per class per round). Default 'binary'. */
  objective?: GbdtObjective;
  /** Multiclass only: number of classes k. Default max(y) + 1 (set it when a rare class may be absent from the sample). */
  numClass?: number;
  /** Maximum boosting rounds. Default 200. */
  rounds?: number;
  /** Shrinkage applied to every leaf value. Default 0.1. */
  learningRate?: number;
  /** Leaves per tree (trees grow leaf-wise, best gain first). Default 31. */
  maxLeaves?: number;
  /** Depth limit on top of maxLeaves; 0 = none. Default 8. */
  maxDepth?: number;
  /** Minimum training rows in a leaf. Default 20. */
  minSamplesLeaf?: number;
  /** Minimum sum of hessians in a leaf (XGBoost's min_child_weight). Default 1e-3. */
  minSumHessian?: number;
  /** A split must gain more than this (gain = ½[G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)]). Default 0. */
  minGainToSplit?: number;
  /** L2 penalty λ on leaf values: leaf = −G/(H+λ) · learningRate. Default 1. */
  lambda?: number;
  /** Quantile bins per feature, 2..255, computed on the training rows; NaN has its own bin on top. Default 255. */
  bins?: number;
  /** Fraction of rows drawn (without replacement) for each round. Default 1. */
  rowSubsample?: number;
  /** Fraction of features drawn for each tree. Default 1. */
  colSubsample?: number;
  /** Seed of every random choice (row and column draws). Default 0. */
  seed?: number;
  /** With a validation set: stop after this many rounds without a lower validation loss and keep the best round; 0 = off. Default 20. */
  earlyStoppingRounds?: number;
  /** Weight of each class id in the gradients and in both reported losses. Default: all 1. */
  classWeights?: readonly number[];
}

export interface ResolvedGbdtOptions {
  objective: GbdtObjective;
  numClass: number;
  rounds: number;
  learningRate: number;
  maxLeaves: number;
  maxDepth: number;
  minSamplesLeaf: number;
  minSumHessian: number;
  minGainToSplit: number;
  lambda: number;
  bins: number;
  rowSubsample: number;
  colSubsample: number;
  seed: number;
  earlyStoppingRounds: number;
  classWeights: number[];
}

export const GBDT_DEFAULTS = {
  objective: 'binary',
  rounds: 200,
  learningRate: 0.1,
  maxLeaves: 31,
  maxDepth: 8,
  minSamplesLeaf: 20,
  minSumHessian: 1e-3,
  minGainToSplit: 0,
  lambda: 1,
  bins: 255,
  rowSubsample: 1,
  colSubsample: 1,
  seed: 0,
  earlyStoppingRounds: 20,
} as const satisfies Omit<ResolvedGbdtOptions, 'numClass' | 'classWeights'>;

function ensure(name: string, value: unknown, ok: boolean, rule: string): void {
  if (!ok) throw new RangeError(`GBDT option ${name} must be ${rule}, got ${String(value)}`);
}

const isInt = (v: number, min: number, max = Number.MAX_SAFE_INTEGER) => Number.isInteger(v) && v >= min && v <= max;
const isNum = (v: number, min: number, max = Infinity) => Number.isFinite(v) && v >= min && v <= max;

/** Fills in the defaults and checks every option; `maxClassId` is the largest class id in the training labels. */
export function resolveGbdtOptions(options: GbdtOptions, maxClassId: number): ResolvedGbdtOptions {
  // Only the known keys, so a resolved (and saved) options object never carries stray fields.
  const o: Omit<ResolvedGbdtOptions, 'numClass' | 'classWeights'> = { ...GBDT_DEFAULTS };
  for (const key of Object.keys(GBDT_DEFAULTS) as Array<keyof typeof GBDT_DEFAULTS>) {
    if (options[key] !== undefined) (o as Record<string, unknown>)[key] = options[key];
  }
  ensure('objective', o.objective, o.objective === 'binary' || o.objective === 'multiclass', "'binary' or 'multiclass'");
  const numClass = o.objective === 'binary' ? 2 : (options.numClass ?? Math.max(2, maxClassId + 1));
  if (o.objective === 'binary') {
    ensure('numClass', options.numClass, options.numClass === undefined || options.numClass === 2, '2 (or unset) for the binary objective');
  } else {
    ensure('numClass', numClass, isInt(numClass, 2, 10_000), 'an integer from 2 to 10000');
  }
  ensure('rounds', o.rounds, isInt(o.rounds, 1), 'an integer >= 1');
  ensure('learningRate', o.learningRate, isNum(o.learningRate, Number.MIN_VALUE), 'a finite number > 0');
  ensure('maxLeaves', o.maxLeaves, isInt(o.maxLeaves, 2, 1 << 16), 'an integer from 2 to 65536');
  ensure('maxDepth', o.maxDepth, isInt(o.maxDepth, 0, 64), 'an integer from 0 (no limit) to 64');
  ensure('minSamplesLeaf', o.minSamplesLeaf, isInt(o.minSamplesLeaf, 1), 'an integer >= 1');
  ensure('minSumHessian', o.minSumHessian, isNum(o.minSumHessian, 0), 'a finite number >= 0');
  ensure('minGainToSplit', o.minGainToSplit, isNum(o.minGainToSplit, 0), 'a finite number >= 0');
  ensure('lambda', o.lambda, isNum(o.lambda, 0), 'a finite number >= 0');
  ensure('bins', o.bins, isInt(o.bins, 2, 255), 'an integer from 2 to 255');
  ensure('rowSubsample', o.rowSubsample, isNum(o.rowSubsample, Number.MIN_VALUE, 1), 'a number in (0, 1]');
  ensure('colSubsample', o.colSubsample, isNum(o.colSubsample, Number.MIN_VALUE, 1), 'a number in (0, 1]');
  ensure('seed', o.seed, isInt(o.seed, 0, 2 ** 32 - 1), 'an integer from 0 to 2^32 - 1');
  ensure('earlyStoppingRounds', o.earlyStoppingRounds, isInt(o.earlyStoppingRounds, 0), 'an integer >= 0 (0 = off)');
  const classWeights = options.classWeights ? [...options.classWeights] : new Array<number>(numClass).fill(1);
  ensure('classWeights', options.classWeights, classWeights.length === numClass, `an array of ${numClass} weights (one per class)`);
  for (const w of classWeights) ensure('classWeights', options.classWeights, isNum(w, Number.MIN_VALUE), 'finite weights > 0');
  if (maxClassId >= numClass) throw new RangeError(`GBDT: y holds class id ${maxClassId}, but the ${o.objective} objective has classes 0..${numClass - 1}`);
  return { ...o, numClass, classWeights };
}
