import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

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
