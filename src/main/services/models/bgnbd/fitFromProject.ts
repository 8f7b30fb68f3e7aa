import type { Sql } from '../../db/database';
import { fitBgnbd } from './fit';
import { repeatHistories, type HistoryOptions, type TimeUnit } from './summary';

export interface ProjectBgnbdFit {
  r: number;
  alpha: number;
  a: number;
  b: number;
  logLikelihood: number;
  unit: TimeUnit;
  /** Customers who bought in the period up to the calibration end. */
  customers: number;
  calibrationEnd: string;
}

/**
 * BG/NBD fitted on a project's purchase days up to the calibration end (default the last purchase
 * day), with t_x and T in weeks or days (α is a rate per that unit; r, a, b do not depend on it).
 */
export async function fitBgnbdFromProject(db: Sql, options: HistoryOptions): Promise<ProjectBgnbdFit> {
  const { calibrationEnd, histories } = await repeatHistories(db, options);
  const fit = fitBgnbd(histories);
  return { ...fit.params, logLikelihood: fit.logLikelihood, unit: options.unit, customers: fit.customers, calibrationEnd };
}
