/**
 * The main window with secure defaults: isolated, sandboxed, no Node in the page, no new windows,
 * no navigation away from the app; http(s) links open in the user's browser.
 */
import { BrowserWindow, shell, type Session } from 'electron';
import { pathToFileURL } from 'node:url';
import { appPaths } from './paths';
import { isPermissionAllowed } from './permission-policy';

/** Creates and loads the main window. */
export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 640,
    minHeight: 480,
    title: 'Creditwatch',
    show: false,
    webPreferences: {
      preload: appPaths.preload(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click must not open a link in a new window either.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  limitPermissions(win.webContents.session);
  const appUrl = pathToFileURL(appPaths.rendererIndex()).href;
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== appUrl) {
      event.preventDefault();
      openExternalSafely(url);
    }
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appUrl);
  return win;
}

/** The URL the renderer is served from (the IPC sender check compares against it). */
export function rendererUrl(): string {
  return pathToFileURL(appPaths.rendererIndex()).href;
}

/** Denies every permission request and check except notifications. */
function limitPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionAllowed(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}

function openExternalSafely(url: string): void {
  if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
}
