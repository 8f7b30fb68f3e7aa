// Histogram gradient-boosted trees (binary log-loss, multiclass softmax) in plain TypeScript: the
// churn model's own GBDT, since no maintained JS library exists (DESIGN.md). Pure: no I/O.
export { trainGbdt, type GbdtHooks, type GbdtValidation } from './train';
export { predictProba, predictRaw, gainImportance } from './predict';
export { toJSON, fromJSON, GbdtModelError } from './serialize';
export { GBDT_DEFAULTS, resolveGbdtOptions, type GbdtObjective, type GbdtOptions, type ResolvedGbdtOptions } from './options';
export type { GbdtModel, GbdtStopReason } from './model';
export type { GbdtTree } from './tree';
