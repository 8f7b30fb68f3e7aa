import { AppError } from '../../../shared/errors';
import type { RecommendModelName } from '../../../shared/recommend';
import type { RepurchaseRow } from '../../../shared/validation';
import { allPairs, knownCategories, repurchaseByScore, topLists, type RecommendComputeHooks, type RecommendComputeInput, type RecommendLists } from '../models/recommend/compute';
import { fitModel } from '../models/recommend/fitModel';
import { fitPreference } from '../models/recommend/preference';
import { preferenceInputFromRows } from '../models/recommend/preferenceInput';
import type { PurchaseRows } from '../models/recommend/rows';

/**
 * The validation's numbers, pure (no DuckDB), run in the training worker. The callers give these
 * functions rows that end before the cut-off (lists) or mark which rows come before it (the
 * repurchase table): nothing bought after the cut-off reaches a model.
 */

export interface ValidationListsResult {
  lists: Partial<Record<RecommendModelName, RecommendLists>>;
  seconds: Partial<Record<RecommendModelName, number>>;
}

/** Each model fitted on every row given (all before the cut-off), then every customer's top K under the rules as of `lastDay`. */
export async function validationLists(input: RecommendComputeInput, hooks: RecommendComputeHooks = {}): Promise<ValidationListsResult> {
  const categories = knownCategories(input.itemCategory);
  const all = allPairs(input.rows);
  const lists: ValidationListsResult['lists'] = {};
  const seconds: ValidationListsResult['seconds'] = {};
  for (const model of input.models) {
    if (hooks.isCancelled?.()) throw cancelledError();
    hooks.onModel?.(model, 'start');
    const started = performance.now();
    const fit = await fitModel(model, input, categories, all, undefined, input.lastDay, hooks);
    lists[model] = topLists(input, fit.scorer);
    seconds[model] = (performance.now() - started) / 1000;
    hooks.onModel?.(model, 'done');
  }
  return { lists, seconds };
}

export interface RepurchaseInput {
  rows: PurchaseRows;
  itemCategory: Int32Array;
  cutoffDay: number;
}

/**
 * The seed's repurchase table for one chain's rows: the preference score fitted on the rows before
 * the cut-off only (as of the day before it), then the share of the pairs scoring ≥ t bought again
 * from the cut-off on.
 */
export function repurchaseTable(input: RepurchaseInput): RepurchaseRow[] {
  const { rows, cutoffDay } = input;
  const include = new Uint8Array(rows.day.length);
  for (let r = 0; r < include.length; r++) include[r] = rows.day[r] < cutoffDay ? 1 : 0;
  const scorer = fitPreference(preferenceInputFromRows(rows, knownCategories(input.itemCategory), { include, today: cutoffDay - 1 }));
  return repurchaseByScore(rows, cutoffDay, scorer);
}

function cancelledError(): AppError {
  return new AppError('CANCELLED', 'The validation was cancelled.');
}
