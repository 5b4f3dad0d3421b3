// The renderer in real Chromium over the in-memory fake API: interaction, live events, layout and CSP,
// independent of the host. The specs against `creditwatch serve` cover the real wiring.
import { test, expect, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server';
import { FAKE_PROJECT_KEY_MESSAGE, type FakeApi } from './fake-ui/fake-api';
import { SCREENS_DIR, watchPageErrors } from './page-checks';
import { FAKE_UI_NOW } from './fake-ui/fake-now';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The fake demo account's page (the fake API names its first account org_fake000001). */
const DEMO_PAGE = '#/org/org_fake000001';
let outDir = '';
let server: Awaited<ReturnType<typeof serveStatic>>;

test.beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'cw-fake-ui-'));
  await build({
    entryPoints: { main: join(ROOT, 'test/e2e/fake-ui/entry.tsx') },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    alias: { '@core': join(ROOT, 'main/core') },
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'warning',
  });
  copyFileSync(join(ROOT, 'renderer/index.html'), join(outDir, 'index.html'));
  server = await serveStatic(outDir);
  mkdirSync(SCREENS_DIR, { recursive: true });
});

test.afterAll(async () => {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

function fake(page: Page) {
  return {
    failNextSync: (error: Parameters<FakeApi['failNextSync']>[0]) =>
      page.evaluate((e) => (window as unknown as { fakeApi: FakeApi }).fakeApi.failNextSync(e), error),
  };
}

test('welcome page: a project key is refused in words, the demo opens the dashboard', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Creditwatch' })).toBeVisible();
  await page.getByLabel('Organization name').fill('Acme');
  await page.getByLabel('Admin key').fill('sk-proj-abcdefghijklmnop');
  await expect(page.getByLabel('Admin key')).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Add organization' }).click();
  await expect(page.getByTestId('add-org-error')).toHaveText(FAKE_PROJECT_KEY_MESSAGE);
  await page.screenshot({ path: join(SCREENS_DIR, 'fake-welcome-error.png'), fullPage: true });

  await page.getByRole('button', { name: 'Try the demo' }).click();
  await expect(page.getByTestId('mtd-total')).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(page.getByTestId('sync-state')).toHaveText('Up to date');
  await expect(page.getByTestId('spend-chart').locator('canvas')).toBeVisible();
  expect(errors).toEqual([]);
});

test('dashboard: a failed sync shows its kind, message and retry time, then clears on success', async ({
  page,
}) => {
  const errors = watchPageErrors(page);
  await page.goto(`${server.url}?demo=1${DEMO_PAGE}`);
  await expect(page.getByTestId('mtd-total')).toBeVisible();
  await fake(page).failNextSync({
    kind: 'rate-limited',
    message: 'OpenAI is rate-limiting this key. Creditwatch will retry on its own.',
    status: 429,
    retryAtMs: Date.parse(FAKE_UI_NOW) + 30 * 60_000,
  });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-error-kind')).toHaveText('Rate limited');
  await expect(page.getByTestId('sync-error')).toContainText('HTTP 429');
  await expect(page.getByTestId('sync-retry')).toContainText('in about 30 minutes');
  await page.screenshot({ path: join(SCREENS_DIR, 'fake-sync-error.png'), fullPage: true });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('Up to date');
  await expect(page.getByTestId('sync-error')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('settings: a bad history length is refused in words; a chosen frequency saves', async ({ page }) => {
  await page.goto(`${server.url}?demo=1${DEMO_PAGE}`);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Days of history to fetch for a new account').fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-error')).toContainText('from 1 to 365');
  await page.getByLabel('Check for new spend').selectOption({ label: 'Every hour' });
  await page.getByLabel('Days of history to fetch for a new account').fill('30');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await page.screenshot({ path: join(SCREENS_DIR, 'fake-settings.png'), fullPage: true });
});

test('settings: an organization is removed after a confirming second click', async ({ page }) => {
  await page.goto(`${server.url}?demo=1${DEMO_PAGE}`);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const list = page.getByTestId('org-list');
  await list.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByTestId('dashboard')).toBeVisible(); // one click alone removes nothing
  await list.getByRole('button', { name: 'Really remove Demo organization?' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Creditwatch' })).toBeVisible();
});

test('when the organization list cannot load, the page says why and retries instead of showing first-run', async ({
  page,
}) => {
  await page.goto(`${server.url}?failOrgs=1`);
  await expect(page.getByTestId('load-error')).toContainText('not reachable');
  await expect(page.getByRole('heading', { name: 'Welcome to Creditwatch' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Creditwatch' })).toBeVisible();
});

test('layout holds at 1000×700, narrow widths and in dark mode', async ({ page }) => {
  await page.goto(`${server.url}?demo=1${DEMO_PAGE}`);
  await expect(page.getByTestId('spend-chart').locator('canvas')).toBeVisible();
  await page.screenshot({ path: join(SCREENS_DIR, 'fake-dashboard-1000.png') });
  for (const width of [640, 400]) {
    await page.setViewportSize({ width, height: 700 });
    // chart.js resizes its canvas on the next frame after a resize, so poll instead of reading once.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
        message: `horizontal overflow at ${width}px`,
      })
      .toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENS_DIR, `fake-dashboard-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.emulateMedia({ colorScheme: 'dark' });
  // Dark mode is on: the page's background turns dark (each RGB channel under 80).
  await expect
    .poll(() =>
      page.evaluate(() =>
        Math.max(
          ...(getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? ['255'])
            .slice(0, 3)
            .map(Number),
        ),
      ),
    )
    .toBeLessThan(80);
  await page.screenshot({ path: join(SCREENS_DIR, 'fake-dashboard-dark.png') });
});

test('the welcome page fits a narrow window', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 700 });
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(SCREENS_DIR, 'fake-welcome-400.png'), fullPage: true });
});
