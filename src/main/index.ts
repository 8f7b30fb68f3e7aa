// The Electron shell only: window, security, and the contract bound to ipcMain.
// Everything that owns data lives in services/, which never import electron.
import { app, BrowserWindow, ipcMain, session } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA, type Settings } from '../shared/settings';
import { createApp } from './app';
import { allowNavigation, CONTENT_SECURITY_POLICY, isTrustedSender, windowOpenHandler, windowOptions } from './security';
import { bindIpc } from './transport/ipc';

const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;

const store = new Store<Settings>({ schema: SETTINGS_SCHEMA as never, defaults: DEFAULT_SETTINGS });
const workbench = createApp({ settings: store, dataDir: app.getPath('userData') });
bindIpc(ipcMain, workbench.handlers, (url) => isTrustedSender(url, rendererUrl));

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url, rendererUrl)) event.preventDefault();
  });
  contents.setWindowOpenHandler(windowOpenHandler);
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

async function createWindow(): Promise<void> {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const win = new BrowserWindow(windowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  win.once('ready-to-show', () => win.show());
  await win.loadURL(rendererUrl);
}

app.whenReady().then(createWindow, (error: unknown) => {
  console.error(error);
  app.exit(1);
});
app.on('window-all-closed', () => {
  void workbench.close().finally(() => app.quit());
});
