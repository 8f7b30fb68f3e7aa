// CLI start-up: --help, and info on a full-scale project, each in a fresh process as a user runs it.
// Needs the built CLI (npm run build). Prints JSON with the medians; never asserts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argValue, median } from './util';

const data = argValue('data', '');
const runs = Number(argValue('runs', '5'));
const root = join(import.meta.dirname, '..');
const cli = join(root, 'out', 'node', 'cli.mjs');
const launcher = join(root, 'scripts', 'workbench.mjs');
const home = mkdtempSync(join(tmpdir(), 'cw-bench-cli-'));
const env = { ...process.env, XDG_CONFIG_HOME: join(home, 'config') };
const timed = (args: string[]): number => {
  const started = performance.now();
  execFileSync(process.execPath, args, { env, stdio: 'ignore' });
  return (performance.now() - started) / 1000;
};
const times = (args: string[]) => Array.from({ length: runs }, () => timed(args));
try {
  const help = times([cli, '--help']);
  const launched = times([launcher, '--help']);
  const project = join(home, 'project');
  execFileSync(process.execPath, [cli, 'import', '--project', project, '--lpoint', data], { env, stdio: 'ignore' });
  const info = times([cli, 'info', '--project', project]);
  process.stdout.write(JSON.stringify({ help: median(help), helpRuns: help, launcher: median(launched), info: median(info), infoRuns: info }) + '\n');
} finally {
  rmSync(home, { recursive: true, force: true });
}
