/**
 * The tray icon: state icon drawn at run time (core pixels, PNG at the edge), the chosen figure as the
 * macOS title, the glance as tooltip and as the menu's first lines (Linux AppIndicator ignores clicks
 * and may hide tooltips), re-set on every change. Decisions live in core's tray model.
 */
import { Menu, Tray, app, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { TrayModel } from '@core/tray-state';
import { trayIconPngs } from '../services/tray-icons';

export interface TrayActions {
  open(): void;
  /** Opens an account's page (`#/org/<id>`). */
  openOrg(orgId: string): void;
  syncNow(): void;
  pause(hours: 1 | 'tomorrow' | null): void;
  setLaunchAtLogin(isOn: boolean): void;
  isLaunchAtLogin(): boolean;
}

export interface AppTray {
  update(model: TrayModel): void;
  destroy(): void;
}

const isMac = process.platform === 'darwin';
// 16 px on Windows and macOS (template, menu bar), 22 px for Linux panels; each with an @2x.
const BASE_SIZE = process.platform === 'linux' ? 22 : 16;

function iconFor(model: TrayModel) {
  const image = nativeImage.createEmpty();
  for (const { scaleFactor, png } of trayIconPngs(model.state, BASE_SIZE, isMac))
    image.addRepresentation({ scaleFactor, buffer: png });
  if (isMac) image.setTemplateImage(true);
  return image;
}

/** Creates the tray in the 'stale' state until the first model arrives. */
export function createAppTray(actions: TrayActions): AppTray {
  const initial: TrayModel = {
    state: 'stale',
    isDimmed: true,
    figure: '',
    tooltip: 'Creditwatch',
    menuLines: [],
    menuOrgIds: [],
  };
  const tray = new Tray(iconFor(initial));
  tray.on('click', actions.open);
  const apply = (model: TrayModel) => {
    tray.setImage(iconFor(model));
    tray.setToolTip(model.tooltip);
    if (isMac) tray.setTitle(model.figure);
    // An account's line (and an alert's) opens that account's page; the others are words only.
    const glance: MenuItemConstructorOptions[] = model.menuLines.map((label, i) => {
      const orgId = model.menuOrgIds[i] ?? null;
      return orgId === null ? { label, enabled: false } : { label, click: () => actions.openOrg(orgId) };
    });
    tray.setContextMenu(
      Menu.buildFromTemplate([
        ...glance,
        { type: 'separator' },
        { label: 'Sync now', click: actions.syncNow },
        { label: 'Open Creditwatch', click: actions.open },
        { label: 'Pause notifications for 1 hour', click: () => actions.pause(1) },
        { label: 'Pause notifications until tomorrow', click: () => actions.pause('tomorrow') },
        { label: 'Resume notifications', click: () => actions.pause(null) },
        {
          label: 'Launch at login',
          type: 'checkbox',
          checked: actions.isLaunchAtLogin(),
          click: (item) => actions.setLaunchAtLogin(item.checked),
        },
        { type: 'separator' },
        { label: 'Quit', click: () => app.quit() },
      ]),
    );
  };
  apply(initial);
  return { update: apply, destroy: () => tray.destroy() };
}
