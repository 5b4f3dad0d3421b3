// Which Chromium the browser tests drive, found without downloading anything: CHROMIUM_PATH, else a Chromium
// or Chrome installed on the system, else the one inside the @sparticuz/chromium npm package (so
// `npm ci && npm test` works on a machine with Node alone). CREDITWATCH_CHROMIUM=packaged takes the
// packaged one whatever is installed: CI sets it so that the path a fresh machine takes is the one tested.
import { existsSync } from 'node:fs';

export interface FoundChromium {
  executablePath: string;
  /** Where it came from, for the test log. */
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

const SYSTEM_PATHS: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

/** Finds a Chromium; throws with what was tried when there is none. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundChromium> {
  const choice = env.CREDITWATCH_CHROMIUM?.trim();
  if (choice === 'packaged') return packagedChromium();
  if (choice) throw new Error(`CREDITWATCH_CHROMIUM is '${choice}': the only value it takes is 'packaged'.`);
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
  }
  const system = (SYSTEM_PATHS[process.platform] ?? []).find((p) => existsSync(p));
  if (system) return { executablePath: system, source: 'system' };
  return packagedChromium();
}

/** The Chromium inside the @sparticuz/chromium npm package, which `npm ci` installs. */
async function packagedChromium(): Promise<FoundChromium> {
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    // Unpacks its brotli-compressed binary into the temp folder once, then reuses it.
    return { executablePath: await packaged.executablePath(), source: '@sparticuz/chromium' };
  } catch (err) {
    throw new Error(
      `No Chromium found: set CHROMIUM_PATH, install Chromium (Debian: apt-get install chromium), or run ` +
        `npm ci so that @sparticuz/chromium is present (${(err as Error).message}).`,
    );
  }
}
