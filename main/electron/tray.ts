/**
 * The tray icon: month-to-date spend at a glance (tooltip from core's tray model), click to show the
 * window, a menu to sync now or quit.
 */
import { Menu, Tray, app, nativeImage, type BrowserWindow } from 'electron';
import { trayTooltip, type TrayOrgLine } from '@core/tray-model';
import { appPaths } from './paths';

export interface AppTray {
  update(lines: TrayOrgLine[]): void;
  destroy(): void;
}

/** Creates the tray; `syncAll` backs the "Sync now" item. */
export function createAppTray(getWindow: () => BrowserWindow | null, syncAll: () => void): AppTray {
  const tray = new Tray(nativeImage.createFromPath(appPaths.trayIcon()));
  const show = () => {
    const win = getWindow();
    if (win) {
      win.show();
      win.focus();
    }
  };
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Creditwatch', click: show },
      { label: 'Sync now', click: syncAll },
      { type: 'separator' },
      { label: 'Quit', click: () => app.quit() },
    ]),
  );
  tray.on('click', show);
  tray.setToolTip(trayTooltip([], app.getLocale()));
  return {
    update: (lines) => tray.setToolTip(trayTooltip(lines, app.getLocale())),
    destroy: () => tray.destroy(),
  };
}
