/**
 * The desktop app's composition root: a readable list of what the app is. No logic lives here.
 */
import { mkdir } from 'node:fs/promises';
import { app, type BrowserWindow, dialog } from 'electron';
import { untilTomorrowMs } from '@core/alerts/snooze';
import { displayZone, systemTimeZone } from '@core/time-zone';
import pkg from '../package.json';
import { createApp, type App } from './app/create-app';
import { trayModelNow } from './app/tray-source';
import { createSaveDialogDelivery } from './electron/dialogs';
import { createMainWindow, rendererUrl } from './electron/main-window';
import { createAlertNotifier } from './electron/notifications';
import { appPaths } from './electron/paths';
import { demoDataDirBeside } from './host/data-dir';
import { createFolderSwitch, type FolderKind } from './host/folder-switch';
import { createSafeStorageSecretStore } from './electron/secrets';
import { createAppTray } from './electron/tray';
import { registerHandlers, sendEvent } from './ipc/typed-ipc';
import { FolderBusyError, lockDataFolder } from './services/folder-lock';

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

/** Opens one data folder's app, holding the folder's lock until it closes. */
async function openFolder(dataDir: string, isDemo: boolean): Promise<App> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // One writer per data folder: `creditwatch serve` or a restore on the same folder keeps it.
  const lock = await lockDataFolder(dataDir, { purpose: 'desktop app' });
  try {
    const opened = await createApp({
      dataDir,
      demo: isDemo,
      version: pkg.version,
      transport: 'ipc',
      secrets: createSafeStorageSecretStore(dataDir),
      log,
      delivery: (files) => createSaveDialogDelivery(files, () => mainWindow, dataDir),
    });
    const close = opened.close.bind(opened);
    return { ...opened, close: () => close().finally(() => lock.release()) };
  } catch (err) {
    await lock.release();
    throw err;
  }
}

async function onReady(): Promise<void> {
  // `--demo` (what `npm start` adds when there is nothing to show yet): the demo, in its own folder beside
  // the user's. "Try the demo" on an empty folder opens that folder too; adding an account goes back.
  const isDemo = process.argv.includes('--demo');
  const own = appPaths.dataDir();
  const folders = { own, demo: demoDataDirBeside(own) };
  let first: App;
  try {
    first = await openFolder(isDemo ? folders.demo : folders.own, isDemo);
  } catch (err) {
    if (!(err instanceof FolderBusyError)) throw err;
    dialog.showErrorBox('Creditwatch', `${err.message} Stop it first, then open Creditwatch again.`);
    app.quit();
    return;
  }
  const folder = createFolderSwitch({
    first,
    firstKind: isDemo ? 'demo' : 'own',
    open: async (kind: FolderKind) => {
      const next = await openFolder(folders[kind], kind === 'demo');
      next.start();
      return next;
    },
    log,
  });
  const core = () => folder.current();
  const zone = () => displayZone(core().settings.get().timeZone, systemTimeZone());
  // A notification opens its account's page (`#/org/<id>`); a fragment-only change keeps the page loaded.
  const openOrg = (orgId: string) => {
    void folder.handlers['orgs:select']({ orgId }).catch(() => {});
    void showWindow().loadURL(`${rendererUrl()}#/org/${encodeURIComponent(orgId)}`);
  };
  showWindow();
  registerHandlers(folder.handlers, rendererUrl(), log);
  folder.bus.subscribe((event, payload) => sendEvent(mainWindow, event, payload));
  const notifier = createAlertNotifier(openOrg);
  folder.bus.subscribe((event, payload) => {
    if (event === 'alerts:fired')
      notifier.show((payload as { alert: Parameters<typeof notifier.show>[0] }).alert);
  });
  const tray = createAppTray({
    open: () => void showWindow(),
    openOrg,
    syncNow: () => void core().sync.syncDue(),
    pause: (hours) => {
      const now = core().clock.nowMs();
      const until =
        hours === null ? null : hours === 'tomorrow' ? untilTomorrowMs(now, zone()) : now + hours * 3_600_000;
      void core()
        .alerts.pause(until)
        .catch((err: Error) => log(`pause: ${err.message}`));
    },
    setLaunchAtLogin: (isOn) => app.setLoginItemSettings({ openAtLogin: isOn }),
    isLaunchAtLogin: () => app.getLoginItemSettings().openAtLogin,
  });
  const refreshTray = () =>
    void trayModelNow(core(), { nowMs: core().clock.nowMs(), timeZone: zone() })
      .then(tray.update)
      .catch((err: Error) => log(`tray: ${err.message}`));
  folder.bus.subscribe((event) => {
    if (
      event === 'data:changed' ||
      event === 'sync:status' ||
      event === 'alerts:changed' ||
      event === 'orgs:changed'
    )
      refreshTray();
  });
  first.start();
  app.on('before-quit', () => {
    isQuitting = true;
    void folder.close();
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
