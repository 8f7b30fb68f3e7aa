// Browser mode: `npm run serve` (and `npm start` where the Electron binary is missing).
// The same handler table as the desktop app, over HTTP on 127.0.0.1 with a per-start token.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeApp } from './app';
import { startBrowserServer } from './transport/http';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'no-open': { type: 'boolean', default: false },
    static: { type: 'string' },
  },
});

const staticDir = values.static ?? join(import.meta.dirname, '..', '..', 'out', 'renderer');
if (!existsSync(join(staticDir, 'index.html'))) {
  process.stderr.write(`The app is not built (${staticDir} has no index.html); run: npm run build\n`);
  process.exit(1);
}

const app = createNodeApp();
const server = await startBrowserServer({
  handlers: app.handlers,
  staticDir,
  port: values.port ? Number(values.port) : undefined,
});
process.stdout.write(`Campaign Workbench (browser mode): ${server.url}\n`);
if (!values['no-open'] && process.env.CW_NO_OPEN !== '1') openBrowser(server.url);

// Once only: a terminal's Ctrl-C may reach this process twice (directly and forwarded by a launcher).
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  await app.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/** Opens the system browser where one exists; a headless machine just keeps the printed URL. */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no browser: the URL above is enough
  }
}
