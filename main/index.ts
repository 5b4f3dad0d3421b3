/**
 * The desktop app's composition root: a readable list of what the app is. No logic lives here.
 */
import { app, BrowserWindow } from 'electron';
import { untilTomorrowMs } from '@core/alerts/snooze';
import pkg from '../package.json';
import { createApp } from './app/create-app';
import { trayModelNow } from './app/tray-source';
import { createSaveDialogDelivery } from './electron/dialogs';
import { createMainWindow, rendererUrl } from './electron/main-window';
import { createAlertNotifier } from './electron/notifications';
import { appPaths } from './electron/paths';
import { createSafeStorageSecretStore } from './electron/secrets';
import { createAppTray } from './electron/tray';
import { registerHandlers, sendEvent } from './ipc/typed-ipc';

const log = (line: string) => process.stderr.write(`[creditwatch] ${line}\n`);
let isQuitting = false;
let mainWindow: BrowserWindow | null = null;

/** Shows the window (creating it again if needed); closing it only hides it: the app lives in the tray. */
function showWindow(): BrowserWindow {
  if (!mainWindow) {
    const win = createMainWindow();
    win.on('close', (event) => {
      if (!isQuitting) {
        event.preventDefault();
        win.hide();
      }
    });
    win.on('closed', () => (mainWindow = null));
    mainWindow = win;
  }
  mainWindow.show();
  mainWindow.focus();
  return mainWindow;
}

async function onReady(): Promise<void> {
  const dataDir = appPaths.dataDir();
  const core = await createApp({
    dataDir,
    version: pkg.version,
    transport: 'ipc',
    secrets: createSafeStorageSecretStore(dataDir),
    log,
    delivery: (files) => createSaveDialogDelivery(files, () => mainWindow, dataDir),
  });
  const zone = () => core.settings.get().timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  // A notification opens its account's page (`#/org/<id>`); a fragment-only change keeps the page loaded.
  const openOrg = (orgId: string) => {
    void core.handlers['orgs:select']({ orgId }).catch(() => {});
    void showWindow().loadURL(`${rendererUrl()}#/org/${encodeURIComponent(orgId)}`);
  };
  showWindow();
  registerHandlers(core.handlers, rendererUrl(), log);
  core.bus.subscribe((event, payload) => sendEvent(mainWindow, event, payload));
  const notifier = createAlertNotifier(openOrg);
  core.bus.subscribe((event, payload) => {
    if (event === 'alerts:fired')
      notifier.show((payload as { alert: Parameters<typeof notifier.show>[0] }).alert);
  });
  const tray = createAppTray({
    open: () => void showWindow(),
    syncNow: () => void core.sync.syncDue(),
    pause: (hours) => {
      const now = core.clock.nowMs();
      const until =
        hours === null ? null : hours === 'tomorrow' ? untilTomorrowMs(now, zone()) : now + hours * 3_600_000;
      void core.alerts.pause(until).catch((err: Error) => log(`pause: ${err.message}`));
    },
    setLaunchAtLogin: (isOn) => app.setLoginItemSettings({ openAtLogin: isOn }),
    isLaunchAtLogin: () => app.getLoginItemSettings().openAtLogin,
  });
  const refreshTray = () =>
    void trayModelNow(core, { nowMs: core.clock.nowMs(), timeZone: zone() })
      .then(tray.update)
      .catch((err: Error) => log(`tray: ${err.message}`));
  core.bus.subscribe((event) => {
    if (event === 'data:changed' || event === 'sync:status' || event === 'alerts:changed') refreshTray();
  });
  core.start();
  app.on('before-quit', () => {
    isQuitting = true;
    void core.close();
  });
}

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => void showWindow());
  app.on('window-all-closed', () => {
    // Keep running in the tray; the tray menu quits.
  });
  app.whenReady().then(onReady, (err: Error) => log(`start-up failed: ${err.message}`));
}
