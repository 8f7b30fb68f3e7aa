import type { Session } from '../db/database';

/**
 * The SQL that gives each staged row (`ord`, its ordinal among the rows DuckDB's reader returned) its
 * line in the file: an expression, and where the gaps are many a join to add to the FROM clause.
 * `errors` holds the lines the reader rejected; `blank` the empty lines it skipped (from our own scan).
 */
export async function lineNumbers(
  db: Session,
  file: { kind: string; format: 'csv' | 'parquet' },
  errors: string,
  structural: number,
  blank: number[],
): Promise<{ lineExpr: string; lineJoin: string }> {
  const steps = `line_steps_${file.kind}`;
  // A CSV header is line 1, so without reader errors the k-th row read (ordinality k) is line k + 1
  // (in Parquet, row k). Lines the reader rejected or skipped (empty lines) are missing from the
  // ordinality count: the k-th row then sits after every such line that has fewer than k good rows before it.
  let lineExpr = file.format === 'csv' ? '(ord + 1)' : 'ord';
  let lineJoin = '';
  if (structural > 0 || blank.length > 0) {
    const blanks = `blank_lines_${file.kind}`;
    await db.run(`CREATE OR REPLACE TEMP TABLE ${blanks} (line BIGINT)`);
    // Line numbers are integers from our own scan: safe to write into the statement, in slices.
    for (let i = 0; i < blank.length; i += 10_000) {
      await db.run(`INSERT INTO ${blanks} VALUES ${blank.slice(i, i + 10_000).map((n) => `(${Math.trunc(n)})`).join(', ')}`);
    }
    await db.run(`
      CREATE OR REPLACE TEMP TABLE ${steps} AS
      WITH rj AS (SELECT line - 1 - row_number() OVER (ORDER BY line) AS good_before, row_number() OVER (ORDER BY line) AS seen
                  FROM (SELECT line FROM ${errors} UNION ALL SELECT line FROM ${blanks}))
      SELECT good_before, max(seen) AS seen FROM rj GROUP BY good_before;
      DROP TABLE ${blanks};`);
    const rows = await db.all<{ good_before: number; seen: number }>(`SELECT good_before, seen FROM ${steps} ORDER BY good_before`);
    if (rows.length <= MAX_STEP_TREE) {
      // Up to thousands of broken lines: a CASE tree over the steps (about 13 comparisons a row) is far
      // cheaper than a join over every row, which sorts all of them (100 M lines: minutes and memory).
      lineExpr = `(ord + 1 + ${stepTree(rows, 0, rows.length, 0)})`;
    } else {
      lineExpr = `(ord + 1 + coalesce(${steps}.seen, 0))`;
      lineJoin = `ASOF LEFT JOIN ${steps} ON ord > ${steps}.good_before`;
    }
  }
  return { lineExpr, lineJoin };
}

/** More steps than this (lines the reader dropped) are looked up with a join instead of a CASE tree. */
const MAX_STEP_TREE = 8192;

/**
 * The count of dropped lines before row `ord`: the `seen` of the last step whose `good_before` is
 * below `ord` (steps ascending by good_before), as nested CASEs that halve the steps at each level.
 */
function stepTree(steps: { good_before: number; seen: number }[], lo: number, hi: number, below: number): string {
  if (lo >= hi) return String(below);
  const mid = (lo + hi) >> 1;
  return `CASE WHEN ord > ${steps[mid].good_before} THEN ${stepTree(steps, mid + 1, hi, steps[mid].seen)} ELSE ${stepTree(steps, lo, mid, below)} END`;
}
