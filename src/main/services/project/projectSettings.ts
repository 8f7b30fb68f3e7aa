import { currencySchema, DEFAULT_CURRENCY } from '../../../shared/money';
import { badArgument } from '../../../shared/errors';
import type { Sql } from '../db/database';
import type { Project } from './projectStore';

/** The project's currency (ISO 4217): KRW unless an import or the analyst set another. */
export async function projectCurrency(db: Sql): Promise<string> {
  const row = await db.one<{ value: string }>(`SELECT value FROM meta WHERE key = 'currency'`);
  return row?.value ?? DEFAULT_CURRENCY;
}

/** Sets the project's currency; the caller holds the write. */
export async function setCurrency(project: Project, currency: string): Promise<string> {
  const parsed = currencySchema.safeParse(currency);
  if (!parsed.success) throw badArgument(parsed.error.issues[0].message, ['currency'], 'currencyInvalid', { value: currency });
  await project.db.run(`INSERT INTO meta VALUES ('currency', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [parsed.data]);
  return parsed.data;
}

/**
 * What the purchase lines measure: whether every line has an amount (then monetary can be money),
 * some do, or none (data without amounts: monetary is lines or quantity).
 */
export async function amountCoverage(db: Sql): Promise<'all' | 'some' | 'none'> {
  const row = await db.one<{ n: number; with: number }>(`SELECT count(*)::BIGINT AS n, count(amount)::BIGINT AS with FROM purchases`);
  if (!row || row.n === 0 || row.with === row.n) return 'all';
  return row.with === 0 ? 'none' : 'some';
}
