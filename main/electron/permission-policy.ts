/**
 * What the app's pages may ask the browser engine for: notifications (spend alerts) and nothing else —
 * no camera, microphone, geolocation, clipboard, MIDI, HID, serial, pointer lock, fullscreen requests,
 * external protocols or anything a later Electron adds. Pure, so it is tested without Electron.
 */

/** The only permission granted. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/** Whether a permission request or check is granted. Example: `'media'` → false; `'notifications'` → true. */
export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}
