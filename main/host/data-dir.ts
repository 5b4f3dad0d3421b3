/**
 * Where the Node host keeps its files by default: the same per-user folder the desktop app uses
 * (Electron's userData for an app named "Creditwatch"), so both hosts see the same organizations. The
 * demo has a folder of its own beside it, so demo money never mixes with real money.
 */
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** The platform's per-user application-data folder for Creditwatch. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.CREDITWATCH_DATA_DIR) return env.CREDITWATCH_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Creditwatch');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Creditwatch');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Creditwatch');
}

/**
 * The demo's own folder, beside a real one.
 *
 * Example: `/home/ann/.config/Creditwatch` → `/home/ann/.config/Creditwatch-demo`.
 */
export function demoDataDirBeside(dataDir: string): string {
  return join(dirname(dataDir), `${basename(dataDir)}-demo`);
}
