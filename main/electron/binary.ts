/**
 * Finds the installed Electron binary without triggering Electron's on-demand download (which hangs
 * or fails offline and behind proxies). Used by `npm start` and the Electron test specs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

/** Where the `electron` package's binary is, or why it is not there. */
export function findElectronBinary(fromDir: string = process.cwd()): ElectronBinary {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      process.platform === 'win32' ? 'electron.exe' : 'electron',
    );
    return existsSync(path)
      ? { found: true, path }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no binary at ${path}` };
  }
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(join(fromDir, 'noop.js')).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed (run npm ci)' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { found: false, reason: `Electron's binary was never downloaded into ${pkgDir}` };
  }
  const path = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path)
    ? { found: true, path }
    : { found: false, reason: `Electron's binary is missing at ${path}` };
}
