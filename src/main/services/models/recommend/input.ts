/**
 * The checks the recommenders and the evaluation protocol run on their input, and the error they throw:
 * an AppError with code BAD_ARGUMENT and one English sentence naming what to fix.
 */
import { AppError } from '../../../../shared/errors';
import type { Interactions } from './interactions';

export function badInput(message: string): AppError {
  return new AppError('BAD_ARGUMENT', message);
}

/** An option that must be a whole number in [min, max]. */
export function checkInteger(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw badInput(`${name} must be a whole number ${range}; got ${value}.`);
  }
}

/** An option that must be a finite number ≥ min. */
export function checkNumber(name: string, value: number, min: number): void {
  if (!Number.isFinite(value) || value < min) throw badInput(`${name} must be a finite number ≥ ${min}; got ${value}.`);
}

/** Interactions whose offsets and items are consistent (sizes, bounds); rows are trusted to be sorted as interactionsFromPairs builds them. */
export function checkInteractions(data: Interactions, what = 'The training interactions'): void {
  checkInteger(`${what}: users`, data.users, 0);
  checkInteger(`${what}: itemCount`, data.itemCount, 1);
  if (data.offsets.length !== data.users + 1) throw badInput(`${what} have ${data.offsets.length} offsets for ${data.users} users; expected users + 1.`);
  if (data.offsets[data.users] !== data.items.length) throw badInput(`${what} end at offset ${data.offsets[data.users]} but hold ${data.items.length} items.`);
}
