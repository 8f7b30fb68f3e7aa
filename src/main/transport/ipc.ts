import { CALL_CHANNEL, EVENT_CHANNEL } from '../../shared/channels';
import type { EventName, Events } from '../../shared/contract';
import type { Handlers } from './handlers';
import { dispatch, type Reply } from './dispatch';

export { CALL_CHANNEL, EVENT_CHANNEL };

/** What the IPC binding needs from Electron, kept as a narrow interface so this file never imports electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, method: unknown, args: unknown) => Promise<Reply>): void;
}
export interface IpcEventLike {
  senderFrame: { url: string } | null;
  sender: { send(channel: string, event: string, payload: unknown): void };
}

export function bindIpc(ipcMain: IpcMainLike, handlers: Handlers, isTrusted: (url: string | undefined) => boolean): void {
  ipcMain.handle(CALL_CHANNEL, async (event, method, args) => {
    if (!isTrusted(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the app window.' } };
    }
    const emit = <E extends EventName>(name: E, payload: Events[E]) => event.sender.send(EVENT_CHANNEL, name, payload);
    return dispatch(handlers, typeof method === 'string' ? method : '', args, { emit });
  });
}
