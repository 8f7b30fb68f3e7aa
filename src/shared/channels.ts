/**
 * The names calls and events travel under, shared by both ends of each transport so they cannot
 * drift apart. Event names themselves (job.progress …) are the contract's (./contract.ts).
 */

/** Electron IPC: renderer → main calls (ipcRenderer.invoke / ipcMain.handle). */
export const CALL_CHANNEL = 'workbench:call';
/** Electron IPC: main → renderer events, sent as (channel, eventName, payload). */
export const EVENT_CHANNEL = 'workbench:event';

/** Browser mode: calls are POST {HTTP_API_PREFIX}{method}; events are server-sent on HTTP_EVENTS_PATH. */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EVENTS_PATH = '/api/events';
