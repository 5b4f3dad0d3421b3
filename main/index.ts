/**
 * The desktop app's composition root: a readable list of what the app is. No logic lives here.
 */
import { app, BrowserWindow } from 'electron';
import pkg from '../package.json';
import { createApp } from './app/create-app';
import { createSaveDialogDelivery } from './electron/dialogs';
import { createMainWindow, rendererUrl } from './electron/main-window';
import { appPaths } from './electron/paths';
import { createSafeStorageSecretStore } from './electron/secrets';
import { createAppTray } from './electron/tray';
import { registerHandlers, sendEvent } from './ipc/typed-ipc';

const log = (line: string) => process.stderr.write(`[creditwatch] ${line}\n`);

async function onReady(): Promise<void> {
  const dataDir = appPaths.dataDir();
  let mainWindow: BrowserWindow | null = null;
  const core = await createApp({
    dataDir,
    version: pkg.version,
    transport: 'ipc',
    secrets: createSafeStorageSecretStore(dataDir),
    log,
    delivery: (files) => createSaveDialogDelivery(files, () => mainWindow, dataDir),
  });
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => (mainWindow = null));
  registerHandlers(core.handlers, rendererUrl(), log);
  core.bus.subscribe((event, payload) => sendEvent(mainWindow, event, payload));
  const tray = createAppTray(
    () => mainWindow ?? (mainWindow = createMainWindow()),
    () => void core.sync.syncDue(),
  );
  core.bus.subscribe((event) => {
    if (event === 'data:changed' || event === 'sync:status') void refreshTray(core, tray);
  });
  core.start();
  app.on('before-quit', () => void core.close());
}

async function refreshTray(
  core: Awaited<ReturnType<typeof createApp>>,
  tray: ReturnType<typeof createAppTray>,
) {
  const lines = [];
  for (const org of core.settings.get().orgs) {
    const d = await core.sync.dashboard(org.id);
    const money = await core.handlers['money:get']({ orgId: org.id }).catch(() => null);
    const p50 = money?.forecast?.crossing?.p50;
    lines.push({
      name: org.name,
      mtdMicros: d.asOfMs === null ? null : d.monthToDate.totalMicros,
      asOfMs: d.asOfMs,
      error: d.sync.lastError?.message ?? null,
      balanceMicros: money?.balance?.estimateMicros ?? null,
      reloadP50Ms: p50 ? Date.parse(p50) : null,
    });
  }
  tray.update(lines);
}

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('window-all-closed', () => {
    // Keep running in the tray; the tray menu quits.
  });
  app.whenReady().then(onReady, (err: Error) => log(`start-up failed: ${err.message}`));
}
