/**
 * The Electron shell's security settings as pure functions, so they are unit-tested without
 * Electron: hardened window options, a strict CSP, and guards that deny navigation,
 * window.open and IPC from anything but the app's own page.
 */
export interface HardenedWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  spellcheck: false;
}

export function windowOptions(preload: string) {
  const webPreferences: HardenedWebPreferences = {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  };
  return { width: 1400, height: 900, minWidth: 1024, minHeight: 700, show: false, title: 'Campaign Workbench', webPreferences };
}

/** No remote content, no inline scripts, no eval; styles inline only for the chart library. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The app's own page: file://…/renderer/index.html, or the electron-vite dev server. */
export function isAppUrl(url: string, appUrl: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
  return target.origin === app.origin;
}

/** will-navigate: the page may only reload itself; everything else is denied. */
export function allowNavigation(url: string, appUrl: string): boolean {
  return isAppUrl(url, appUrl);
}

/** setWindowOpenHandler: every window.open and target=_blank is denied. */
export function windowOpenHandler(): { action: 'deny' } {
  return { action: 'deny' };
}

/** IPC calls are served only to the app's own top frame. */
export function isTrustedSender(senderFrameUrl: string | undefined, appUrl: string): boolean {
  return senderFrameUrl !== undefined && isAppUrl(senderFrameUrl, appUrl);
}
