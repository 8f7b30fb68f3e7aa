// One verb per contract entry (workbench.project.open(args) …) and typed event subscriptions; nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { METHODS } from '../shared/contract';
import { buildApi } from '../shared/api';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../shared/channels';

const api = buildApi(
  METHODS,
  (method, args) => ipcRenderer.invoke(CALL_CHANNEL, method, args),
  (listener) => {
    const wrapped = (_e: unknown, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.off(EVENT_CHANNEL, wrapped);
  },
);

contextBridge.exposeInMainWorld('workbench', api);
