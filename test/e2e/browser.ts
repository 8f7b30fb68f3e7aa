import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startBrowserServer, type BrowserServer } from '../../src/main/transport/http';
import { harness, type Harness } from '../helpers';

export const ROOT = join(import.meta.dirname, '..', '..');
export const RENDERER = join(ROOT, 'out', 'renderer');

/** The renderer build the browser-mode server serves; built once if a test run starts without it. */
export function ensureRendererBuilt(): void {
  if (existsSync(join(RENDERER, 'index.html'))) return;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT, stdio: 'ignore' });
}

/** Debian's Chromium through playwright-core (Playwright's own browser download fails offline). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A generated sample imported into a recent project, served in browser mode, with Chromium launched. */
export interface SampleInBrowser {
  h: Harness;
  server: BrowserServer;
  browser: Browser;
  project: string;
  close(): Promise<void>;
}

/** Generates `customers` (seeded), imports them into the project folder `name`, serves the renderer and launches Chromium. */
export async function sampleInBrowser(name: string, sample: { customers: number; seed: number }): Promise<SampleInBrowser> {
  ensureRendererBuilt();
  const h = harness();
  const data = join(h.root, 'data');
  await h.call('data.generateSample', { out: data, ...sample });
  const project = join(h.root, name);
  await h.call('project.create', { project });
  await h.call('data.importLpoint', { project, folder: data });
  await h.call('settings.addRecentProject', { project });
  const server = await startBrowserServer({ handlers: h.handlers, staticDir: RENDERER });
  const browser = await launchChromium();
  return {
    h,
    server,
    browser,
    project,
    close: async () => {
      await browser.close();
      await server.close();
      await h.close();
    },
  };
}
