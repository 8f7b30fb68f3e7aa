// One import of the six files in --data into a fresh project, in this process: per-file rows/s, total
// seconds, peak RSS, project size on disk. --memory-mb sets DuckDB's memory limit (default: the setting's 384).
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/main/app';
import { confSettings } from '../src/main/services/settings/settingsStore';
import { dispatch } from '../src/main/transport/dispatch';
import type { ImportReport } from '../src/shared/reports';
import { argValue, peakRssMb } from './util';

const data = argValue('data', '');
const memoryMb = argValue('memory-mb', '');
const root = mkdtempSync(join(tmpdir(), 'cw-bench-import-'));
const app = createApp({ settings: confSettings(join(root, 'settings')), dataDir: join(root, 'app') });
const { handlers } = app;
const ctx = { emit: () => undefined };
if (memoryMb) await dispatch(handlers, 'settings.setStorage', { memoryLimitMb: Number(memoryMb) }, ctx);
const project = join(root, 'project');
await dispatch(handlers, 'project.create', { project }, ctx);
const started = performance.now();
const reply = await dispatch(handlers, 'data.importLpoint', { project, folder: data }, ctx);
const seconds = (performance.now() - started) / 1000;
if (!reply.ok) throw new Error(reply.error.message);
const report = reply.result as ImportReport;
await app.close();
const bytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? bytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
process.stdout.write(
  JSON.stringify({
    seconds,
    files: report.files.map((f) => ({ file: f.file, rows: f.rowsRead, seconds: f.seconds, rowsPerSecond: f.rowsRead / f.seconds })),
    purchaseLines: report.files.find((f) => f.kind === 'purchases')?.rowsRead ?? 0,
    projectBytes: bytes(project),
    peakRssMb: peakRssMb(),
  }) + '\n',
);
rmSync(root, { recursive: true, force: true });
