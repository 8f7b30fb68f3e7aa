// Runs the built CLI (out/node/cli.mjs) in this plain node process, as a user runs it, and on exit
// writes the process's peak RSS (MiB) to the file named by CW_PEAK_RSS_FILE. The benchmarks use it to
// measure the product's memory rather than a tsx process's (tsx alone adds ~130 MB).
// Usage: CW_PEAK_RSS_FILE=F node bench/cliPeak.mjs <cli arguments>
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const file = process.env.CW_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS / 1024)));
const cli = join(import.meta.dirname, '..', 'out', 'node', 'cli.mjs');
process.argv = [process.argv[0], cli, ...process.argv.slice(2)];
await import(pathToFileURL(cli).href);
