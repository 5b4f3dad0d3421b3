/**
 * The one place main touches `ipcMain`: every request channel is registered with a trusted-sender
 * check and the contract's zod parse, and push events go to the app's windows only.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import {
  REQUEST_ARGS,
  type EventChannel,
  type EventPayloads,
  type Handlers,
  type RequestChannel,
} from '@core/api-contract';
import { dispatchRequest } from '@core/api-dispatch';
import type { IpcEnvelope } from './envelope';
import { isTrustedSender } from './trusted-sender';

/** Registers every handler on `ipcMain.handle`. Returns a function that removes them. */
export function registerHandlers(
  handlers: Handlers,
  rendererUrl: string,
  log: (line: string) => void,
): () => void {
  const channels = Object.keys(REQUEST_ARGS) as RequestChannel[];
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, raw: unknown): Promise<IpcEnvelope<unknown>> => {
      if (!isTrustedSender(event, rendererUrl)) {
        log(`refused IPC ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return {
          ok: false,
          error: { code: 'rejected', message: 'Refused: not sent by the Creditwatch window.' },
        };
      }
      return dispatchRequest(handlers, channel, raw, log, 'IPC');
    });
  }
  return () => channels.forEach((c) => ipcMain.removeHandler(c));
}

/** Sends a push event to a window, if it is still open. */
export function sendEvent<E extends EventChannel>(
  win: BrowserWindow | null,
  event: E,
  payload: EventPayloads[E],
): void {
  if (win && !win.isDestroyed()) win.webContents.send(event, payload);
}
