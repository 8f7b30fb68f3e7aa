import { addDays, daysBetween } from '../../../shared/dates';
import { badArgument } from '../../../shared/errors';
import type { ValidationArgs } from '../../../shared/validation';
import type { Sql } from '../db/database';
import { purchaseDateRange } from '../analytics/segmentSpec';
import { defaultCutoff } from '../models/recommend/recommendRun';

export interface ValidationDates {
  /** Learned from: [learn.from, cutoff − 1]; observed: [cutoff, observe.to]. */
  learn: { from: string; to: string };
  observe: { from: string; to: string };
  cutoff: string;
  /** The churn check: features period, label period (both before the cut-off) and the scored window (just before it). */
  churn: { periods: [{ from: string; to: string }, { from: string; to: string }]; scored: { from: string; to: string } };
}

/**
 * The validation's dates: the default cut-off leaves the data's last three months observed. The churn
 * model is trained on the two windows before the cut-off, each as long as the observed months
 * (features, then label), and scored on the last of them: it then predicts the observed months the way
 * it was trained to predict its label window.
 */
export async function validationDates(db: Sql, args: ValidationArgs): Promise<ValidationDates> {
  const range = await purchaseDateRange(db);
  const from = args.learnFrom ?? range.from;
  const to = args.observeTo ?? range.to;
  if (!from || !to) throw badArgument('The project has no purchases to validate on.', ['cutoff'], 'periodEmpty', { from: '', to: '' });
  if (from > to) throw badArgument(`The learning starts (${from}) after the observation ends (${to}).`, ['learnFrom'], 'rangeReversed', { from, to });
  const cutoff = args.cutoff ?? defaultCutoff({ from, to });
  if (!(cutoff > from && cutoff <= to)) {
    throw badArgument(`The cut-off ${cutoff} must fall after ${from} and on or before ${to}, the data's last day.`, ['cutoff'], 'cutoffOutside', { cutoff, from, to });
  }
  const observedDays = daysBetween(cutoff, to) + 1;
  const learnDays = daysBetween(from, cutoff);
  // Two churn windows as long as the observed months must fit before the cut-off (at least a week each).
  const length = Math.min(observedDays, Math.floor(learnDays / 2));
  if (length < 7) {
    throw badArgument(
      `Only ${learnDays} days before the cut-off ${cutoff}: the churn check needs two windows of at least 7 days before it.`,
      ['cutoff'],
      'learnTooShort',
      { cutoff, days: learnDays },
    );
  }
  const p2 = { from: addDays(cutoff, -length), to: addDays(cutoff, -1) };
  const p1 = { from: addDays(p2.from, -length), to: addDays(p2.from, -1) };
  return { learn: { from, to: addDays(cutoff, -1) }, observe: { from: cutoff, to }, cutoff, churn: { periods: [p1, p2], scored: p2 } };
}
