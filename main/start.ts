/**
 * `npm start`: opens the desktop app when Electron's binary is installed; otherwise says so plainly and
 * runs the same monitor in the browser through `creditwatch serve`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, type ElectronBinary } from './electron/binary';
import { defaultDataDir } from './host/data-dir';
import { firstRunArgs, folderHasAccounts } from './host/first-run';

const DOWNLOAD_TIMEOUT_MS = 180_000;

/** Electron 45 fetches its binary on first use; try that once (quietly), so a connected machine just works. */
function ensureElectron(): ElectronBinary {
  const found = findElectronBinary();
  if (found.found || process.env.CI || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return found;
  let installer: string;
  try {
    installer = createRequire(import.meta.url).resolve('electron/install.js', { paths: [process.cwd()] });
  } catch {
    return found;
  }
  process.stderr.write("Fetching Electron's binary (once)…\n");
  const result = spawnSync(process.execPath, [installer], { encoding: 'utf8', timeout: DOWNLOAD_TIMEOUT_MS });
  const after = findElectronBinary();
  if (after.found) return after;
  const why =
    (result.stderr || result.error?.message || '').split('\n').find((l) => l.trim()) ?? 'no reason given';
  return { found: false, reason: `${found.reason}; fetching it failed: ${why.trim()}` };
}

const electron = ensureElectron();
const mainEntry = fileURLToPath(new URL('./main/index.mjs', import.meta.url));
const cliEntry = fileURLToPath(new URL('./cli.mjs', import.meta.url));
// With no key and nothing in the user's folder, the demo opens (from its own folder).
const extraArgs = firstRunArgs(process.argv.slice(2), process.env, () => folderHasAccounts(defaultDataDir()));

if (electron.found) {
  const child = spawn(electron.path, [mainEntry, ...extraArgs], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stderr.write(
    [
      '',
      `Creditwatch's desktop window needs Electron's binary, and it is not installed here (${electron.reason}).`,
      'This is normal on offline machines, CI and behind proxies that block the download. To get the window, run',
      "'npx install-electron' where the download is allowed, then 'npm start' again. Meanwhile the same monitor",
      'runs in your browser: open the address printed below (it works only on this machine and carries a one-time token).',
      '',
      '',
    ].join('\n'),
  );
  const child = spawn(process.execPath, [cliEntry, 'serve', ...extraArgs], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code) => process.exit(code ?? 0));
}
