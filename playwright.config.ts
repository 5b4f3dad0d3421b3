// End-to-end tests: the renderer in real (Debian) Chromium against `creditwatch serve`, and the Electron smoke
// spec where an Electron binary exists. Browsers are never downloaded: CHROMIUM_PATH, a system Chromium or
// Chrome, else the Chromium inside the @sparticuz/chromium npm package (see test/support/find-chromium.ts).
import { defineConfig } from '@playwright/test';
import { findChromium } from './test/support/find-chromium';

const chromium = await findChromium();
// The screenshot comparisons run only on the Chromium their stored images were made with (test/e2e/screens.spec.ts).
process.env.CREDITWATCH_CHROMIUM_SOURCE = chromium.source;
if (!process.env.CREDITWATCH_CHROMIUM_LOGGED) {
  process.env.CREDITWATCH_CHROMIUM_LOGGED = '1';
  console.log(`Chromium for the browser tests: ${chromium.executablePath} (${chromium.source})`);
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export default defineConfig({
  // Playwright empties its output dir on start; keep it apart so other reports in test-results/ survive.
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  projects: [
    {
      name: 'chromium',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1000, height: 700 },
        launchOptions: {
          executablePath: chromium.executablePath,
          args: CHROMIUM_ARGS,
        },
        trace: 'off',
        screenshot: 'only-on-failure',
      },
    },
    {
      name: 'electron',
      testDir: 'test/electron',
    },
  ],
});
