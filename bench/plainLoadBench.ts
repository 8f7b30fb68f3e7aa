// The yardstick for the import: DuckDB alone loading the same six files into a fresh persisted file
// (read_csv with its own type detection, CREATE TABLE AS, checkpoint), under the same memory limit,
// with no checks, rejects, line numbers, duplicates or report. --data DIR [--memory-mb 384].
// Prints one JSON line: seconds, rows per file, peak RSS.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, quotedString } from '@duckdb/node-api';
import { DEFAULT_MEMORY_LIMIT_MB } from '../src/shared/settings';
import { argValue, peakRssMb } from './util';

const data = argValue('data', '');
const memoryMb = argValue('memory-mb', String(DEFAULT_MEMORY_LIMIT_MB));
const root = mkdtempSync(join(tmpdir(), 'cw-bench-plain-'));
try {
  const files = readdirSync(data).filter((f) => /^LPOINT_BIG_COMP_0\d_.*\.csv$/i.test(f)).sort();
  const started = performance.now();
  const instance = await DuckDBInstance.create(join(root, 'plain.duckdb'), { memory_limit: `${memoryMb}MiB` });
  const connection = await instance.connect();
  const rows: { file: string; rows: number }[] = [];
  for (const [i, file] of files.entries()) {
    await connection.run(`CREATE TABLE t${i} AS SELECT * FROM read_csv(${quotedString(join(data, file))}, header = true, ignore_errors = true)`);
    const n = await connection.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM t${i}`);
    rows.push({ file, rows: Number(n.getRows()[0][0]) });
  }
  await connection.run('CHECKPOINT');
  connection.closeSync();
  instance.closeSync();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(JSON.stringify({ seconds, files: rows, peakRssMb: peakRssMb() }) + '\n');
} finally {
  rmSync(root, { recursive: true, force: true });
}
