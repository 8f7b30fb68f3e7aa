import { describe, expect, it } from 'vitest';
import { allowNavigation, CONTENT_SECURITY_POLICY, isTrustedSender, windowOpenHandler, windowOptions } from '../../src/main/security';

const FILE_APP = 'file:///opt/cw/out/renderer/index.html';
const DEV_APP = 'http://localhost:5173/';

describe('Electron window security', () => {
  it('hardens the window', () => {
    const prefs = windowOptions('/opt/cw/out/preload/index.cjs').webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('has a strict CSP without remote sources or eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
  });

  it('denies navigation away from the app and every window.open', () => {
    expect(allowNavigation(FILE_APP, FILE_APP)).toBe(true);
    expect(allowNavigation('file:///etc/passwd', FILE_APP)).toBe(false);
    expect(allowNavigation('https://example.com/', FILE_APP)).toBe(false);
    expect(allowNavigation('http://localhost:5173/#/data', DEV_APP)).toBe(true);
    expect(allowNavigation('http://localhost:5174/', DEV_APP)).toBe(false);
    expect(allowNavigation('not a url', DEV_APP)).toBe(false);
    expect(windowOpenHandler()).toEqual({ action: 'deny' });
  });

  it('serves IPC only to the app page', () => {
    expect(isTrustedSender(FILE_APP, FILE_APP)).toBe(true);
    expect(isTrustedSender(undefined, FILE_APP)).toBe(false);
    expect(isTrustedSender('https://evil.example/', FILE_APP)).toBe(false);
  });
});
