import type { Session } from '../db/database';

/**
 * Exact duplicates among the loaded rows: lines equal in every column, beyond the first of each, and
 * their amount. The lines' 64-bit hashes are sorted (DuckDB's sort spills to disk within the memory
 * limit at any size, where grouping 100 M lines runs out of memory), and a line whose hash equals the
 * one before it is a duplicate. A second hash (the columns in the other order) must agree too; where
 * it does not, two different lines share the first hash, and the lines are grouped by their columns.
 */
export async function duplicateLines(
  db: Session,
  checked: string,
  cols: string[],
  amount: string,
  kind: string,
  { withAmount }: { withAmount: boolean },
): Promise<{ lines: number; amount: number | null }> {
  const hashes = `line_hashes_${kind}`;
  // The amount only travels through the sort when it is asked for (dropped duplicates report theirs).
  await db.run(`
    CREATE OR REPLACE TEMP TABLE ${hashes} AS
    SELECT hash(${cols.join(', ')}) AS h, hash(${[...cols].reverse().join(', ')}) AS h2${withAmount ? `, ${amount} AS a` : ''}
    FROM ${checked} WHERE reason IS NULL ORDER BY h`);
  // lag() over the stored order streams (one pass, no second sort).
  const row = await db.one<{ lines: number; amount: number | null; clashes: number }>(`
    SELECT count(*) FILTER (WHERE h = ph)::BIGINT AS lines, ${withAmount ? 'sum(a) FILTER (WHERE h = ph)::DOUBLE' : 'NULL::DOUBLE'} AS amount,
           count(*) FILTER (WHERE h = ph AND h2 <> ph2)::BIGINT AS clashes
    FROM (SELECT h, h2${withAmount ? ', a' : ''}, lag(h) OVER () AS ph, lag(h2) OVER () AS ph2 FROM ${hashes})`);
  await db.run(`DROP TABLE ${hashes}`);
  if (!row?.clashes) return { lines: row?.lines ?? 0, amount: row?.amount ?? null };
  const exact = await db.one<{ lines: number; amount: number | null }>(`
    SELECT coalesce(sum(n - 1), 0)::BIGINT AS lines, sum((n - 1) * ${amount})::DOUBLE AS amount
    FROM (SELECT ${cols.join(', ')}, count(*) AS n FROM ${checked} WHERE reason IS NULL GROUP BY ALL) WHERE n > 1`);
  return { lines: exact?.lines ?? 0, amount: exact?.amount ?? null };
}
