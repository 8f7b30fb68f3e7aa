import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../src/main/security';
import { bindIpc, CALL_CHANNEL, type IpcEventLike } from '../../src/main/transport/ipc';
import type { Reply } from '../../src/main/transport/dispatch';
import { harness, type Harness } from '../helpers';

const APP = 'file:///opt/cw/out/renderer/index.html';

let h: Harness;
beforeEach(() => {
  h = harness();
});
afterEach(() => h.close());

/** Stands in for Electron's ipcMain (not our code): records the handler the binding registers. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcEventLike, method: unknown, args: unknown) => Promise<Reply>>();
  return { handle: (channel: string, fn: (event: IpcEventLike, method: unknown, args: unknown) => Promise<Reply>) => handlers.set(channel, fn), handlers };
}

describe('the Electron IPC binding', () => {
  it('serves the app page through the same gate and refuses other senders without running anything', async () => {
    const ipc = fakeIpcMain();
    bindIpc(ipc, h.handlers, (url) => isTrustedSender(url, APP));
    const call = ipc.handlers.get(CALL_CHANNEL)!;
    const sent: unknown[] = [];
    const event = (url: string | null): IpcEventLike => ({
      senderFrame: url === null ? null : { url },
      sender: { send: (...args: unknown[]) => sent.push(args) },
    });
    const project = join(h.root, 'p');
    expect(await call(event('https://evil.example/'), 'project.create', { project })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(event(null), 'project.create', { project })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(project)).toBe(false);
    expect(await call(event(APP), 'project.create', { project: 7 })).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    expect(await call(event(APP), 'project.create', { project })).toMatchObject({ ok: true });
  });
});
