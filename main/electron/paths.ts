/** Paths of the desktop app's files: data in Electron's per-user folder, UI from the build output. */
import { app } from 'electron';
import { fileURLToPath } from 'node:url';

export const appPaths = {
  /** CREDITWATCH_DATA_DIR overrides the folder (tests, portable installs). */
  dataDir: () => process.env.CREDITWATCH_DATA_DIR ?? app.getPath('userData'),
  rendererIndex: () => fileURLToPath(new URL('../renderer/index.html', import.meta.url)),
  preload: () => fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
  trayIcon: () => fileURLToPath(new URL('../assets/tray-icon.png', import.meta.url)),
};
