// One import of the six files in --data into a fresh project, in this process: per-file rows/s, total seconds, peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/main/app';
import { confSettings } from '../src/main/services/settings/settingsStore';
import { dispatch } from '../src/main/transport/dispatch';
import type { ImportReport } from '../src/shared/reports';
import { argValue, peakRssMb } from './util';

const data = argValue('data', '');
const root = mkdtempSync(join(tmpdir(), 'cw-bench-import-'));
const app = createApp({ settings: confSettings(join(root, 'settings')), dataDir: join(root, 'app') });
const { handlers } = app;
const ctx = { emit: () => undefined };
const project = join(root, 'project');
await dispatch(handlers, 'project.create', { project }, ctx);
const started = performance.now();
const reply = await dispatch(handlers, 'data.importLpoint', { project, folder: data }, ctx);
const seconds = (performance.now() - started) / 1000;
if (!reply.ok) throw new Error(reply.error.message);
const report = reply.result as ImportReport;
process.stdout.write(
  JSON.stringify({
    seconds,
    files: report.files.map((f) => ({ file: f.file, rows: f.rowsRead, seconds: f.seconds, rowsPerSecond: f.rowsRead / f.seconds })),
    peakRssMb: peakRssMb(),
  }) + '\n',
);
await app.close();
rmSync(root, { recursive: true, force: true });
