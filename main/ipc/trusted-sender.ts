/**
 * Which IPC messages main answers: only those from our own page's main frame. Kept apart from
 * typed-ipc.ts (which imports Electron's `ipcMain`) so it is unit-tested in plain Node.
 */

/** The part of an IPC event the check reads (Electron's `IpcMainInvokeEvent` has it). */
export interface IpcSenderEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * Whether an IPC message comes from our own page's main frame (not an iframe, not another origin).
 *
 * Example: a frame at `file:///app/renderer/index.html#/org/org_1` with no parent, against
 * `file:///app/renderer/index.html` → true; the same URL inside an iframe, or `https://evil.example/` → false.
 */
export function isTrustedSender(event: IpcSenderEvent, rendererUrl: string): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && frame.url.split('#')[0] === rendererUrl;
}
