/**
 * The preload: exposes exactly the `CreditwatchApi` contract as `window.creditwatch` — an allow-listed
 * `invoke` and `on` — and nothing of Electron or Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNELS, REQUEST_ARGS, type CreditwatchApi } from '../main/core/api-contract';
import type { IpcEnvelope } from '../main/ipc/envelope';

const requestChannels = new Set(Object.keys(REQUEST_ARGS));
const eventChannels = new Set<string>(EVENT_CHANNELS);

const api: CreditwatchApi = {
  async invoke(channel, args) {
    if (!requestChannels.has(channel)) throw new Error(`Unknown API call: ${String(channel)}`);
    const envelope = (await ipcRenderer.invoke(channel, args)) as IpcEnvelope<never>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.result;
  },
  on(event, listener) {
    if (!eventChannels.has(event)) throw new Error(`Unknown event: ${String(event)}`);
    const wrapped = (_e: unknown, payload: Parameters<typeof listener>[0]) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('creditwatch', api);
