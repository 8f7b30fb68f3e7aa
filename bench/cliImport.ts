// The import as a user runs it: `workbench import` of a folder through the built CLI (out/node/cli.mjs),
// in a fresh node process (bench/cliPeak.mjs, which reports the process's peak RSS) into a fresh project.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportReport } from '../src/shared/reports';

export interface CliImport {
  seconds: number;
  peakRssMb: number;
  report: ImportReport;
  projectBytes: number;
}

const bytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? bytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);

/** One CLI import of `folder`; `memoryMb` sets the DuckDB memory limit first (the settings command, its own process). */
export function cliImport(folder: string, memoryMb?: string): CliImport {
  const home = mkdtempSync(join(tmpdir(), 'cw-bench-cli-import-'));
  const env = { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), CW_PEAK_RSS_FILE: join(home, 'peak') };
  const cli = (args: string[]) => execFileSync(process.execPath, [join(import.meta.dirname, 'cliPeak.mjs'), ...args], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  try {
    if (memoryMb) cli(['settings', '--memory-mb', memoryMb]);
    const project = join(home, 'project');
    const started = performance.now();
    const out = cli(['import', '--project', project, '--lpoint', folder, '--json']);
    const seconds = (performance.now() - started) / 1000;
    return { seconds, peakRssMb: Number(readFileSync(join(home, 'peak'), 'utf8')), report: JSON.parse(out) as ImportReport, projectBytes: bytes(project) };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
