// The page's basics in real Chromium against the real host over a fresh data folder: the welcome page, a failed
// sync and its recovery, settings, removing an account, a list that cannot load, and the layout at several
// widths and in dark mode. Demo accounts read the local simulators; failures come from their fault rules.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectKeyMessage } from '@core/sync-errors';
import { createSimClock, startSimulator } from '../../main/simulator/index';
import { test, expect } from './host-test';
import { SCREENS_DIR, watchPageErrors } from './page-checks';
import { accountUrl, DEMO_ORG_ID, E2E_NOW, oneDemoOrgFiles } from './serve';

test.beforeAll(() => mkdirSync(SCREENS_DIR, { recursive: true }));

test.describe('an empty data folder', () => {
  test('welcome page: a project key is refused in words, the demo opens the dashboard', async ({
    page,
    app,
  }) => {
    // Starting the demo creates every demo account and fills the balance demos' history: slow on a busy machine.
    test.slow();
    // The key is checked against a local simulator standing in for OpenAI (the form's API base URL).
    const sim = await startSimulator({ seed: 3, clock: createSimClock({ startMs: Date.parse(E2E_NOW) }) });
    try {
      const errors = watchPageErrors(page);
      await page.goto(app.url);
      await expect(page.getByRole('heading', { name: 'Welcome to Creditwatch' })).toBeVisible();
      await page.getByLabel('Organization name').fill('Acme');
      await page.getByLabel('Admin key').fill('sk-proj-abcdefghijklmnop');
      await expect(page.getByLabel('Admin key')).toHaveAttribute('type', 'password');
      await page.getByText('Advanced').click();
      await page.getByLabel('API base URL').fill(sim.baseUrl);
      await page.getByRole('button', { name: 'Add organization' }).click();
      const refusal = page.getByTestId('add-org-error');
      // The app's own words for a project key, that nothing was kept, and never the key itself.
      await expect(refusal).toContainText(projectKeyMessage(true, 'openai'), { timeout: 30_000 });
      await expect(refusal).toContainText('Nothing was saved.');
      await expect(refusal).not.toContainText('abcdefghijklmnop');
      expect((await app.call('orgs:list', {})).orgs).toEqual([]);
      await page.screenshot({ path: join(SCREENS_DIR, 'welcome-error.png'), fullPage: true });

      await page.getByRole('button', { name: 'Try the demo' }).click();
      await expect(page.getByTestId('mtd-total')).toHaveText(/^\$[\d,]+\.\d\d$/, { timeout: 120_000 });
      await expect(page.getByTestId('sync-state')).toHaveText('Up to date', { timeout: 60_000 });
      await expect(page.getByTestId('spend-chart').locator('canvas')).toBeVisible();
      expect(errors).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  test('when the organization list cannot load, the page says why and retries instead of showing first-run', async ({
    page,
    app,
  }) => {
    // The host is out of reach for the page's first request for the list (as when it has stopped): the
    // browser's own connection failure, once; the retry reaches the host.
    await page.route('**/api/orgs:list', (route) => route.abort('connectionrefused'), { times: 1 });
    await page.goto(app.url);
    await expect(page.getByTestId('load-error')).toContainText('not reachable');
    await expect(page.getByRole('heading', { name: 'Welcome to Creditwatch' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome to Creditwatch' })).toBeVisible();
    await expect(page.getByTestId('load-error')).toHaveCount(0);
  });

  test('the welcome page fits a narrow window', async ({ page, app }) => {
    await page.setViewportSize({ width: 400, height: 700 });
    await page.goto(app.url);
    await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
      .toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENS_DIR, 'welcome-400.png'), fullPage: true });
  });
});

test.describe('one demo account', () => {
  test.use({ serve: { files: oneDemoOrgFiles() } });

  test('settings: a bad history length is refused in words; a chosen frequency saves', async ({
    page,
    app,
  }) => {
    await page.goto(await accountUrl(app, DEMO_ORG_ID));
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Days of history to fetch for a new account').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('settings-error')).toContainText('from 1 to 365');
    const before = await app.call('settings:get', {});
    await page.getByLabel('Check for new spend').selectOption({ label: 'Every hour' });
    await page.getByLabel('Days of history to fetch for a new account').fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');
    const after = await app.call('settings:get', {});
    expect(after.backfillDays).toBe(30);
    expect(after.syncCron).not.toBe(before.syncCron);
    await page.screenshot({ path: join(SCREENS_DIR, 'settings-saved.png'), fullPage: true });
  });

  test('settings: an organization is removed after a confirming second click', async ({ page, app }) => {
    await page.goto(await accountUrl(app, DEMO_ORG_ID));
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const list = page.getByTestId('org-list');
    await list.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByTestId('dashboard')).toBeVisible(); // one click alone removes nothing
    expect((await app.call('orgs:list', {})).orgs.map((o) => o.id)).toEqual([DEMO_ORG_ID]);
    await list.getByRole('button', { name: 'Really remove Demo organization?' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome to Creditwatch' })).toBeVisible();
    expect((await app.call('orgs:list', {})).orgs).toEqual([]);
  });

  test('layout holds at 1000×700, narrow widths and in dark mode', async ({ page, app }) => {
    await page.goto(await accountUrl(app, DEMO_ORG_ID));
    await expect(page.getByTestId('spend-chart').locator('canvas')).toBeVisible({ timeout: 45_000 });
    await page.screenshot({ path: join(SCREENS_DIR, 'dashboard-1000.png') });
    for (const width of [640, 400]) {
      await page.setViewportSize({ width, height: 700 });
      // chart.js resizes its canvas on the next frame after a resize, so poll instead of reading once.
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
          message: `horizontal overflow at ${width}px`,
        })
        .toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENS_DIR, `dashboard-${width}.png`), fullPage: true });
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
    await page.screenshot({ path: join(SCREENS_DIR, 'dashboard-dark.png') });
  });
});

test.describe('one demo account whose first request for costs is rate-limited', () => {
  // Retry-After 1800 s: the host says when it will try again, in about 30 minutes.
  test.use({ serve: { files: oneDemoOrgFiles(), demoFaults: 'costs=429:retry-after=1800x1' } });

  test('dashboard: a failed sync shows its kind, message and retry time, then clears on success', async ({
    page,
    app,
  }) => {
    const errors = watchPageErrors(page);
    await page.goto(await accountUrl(app, DEMO_ORG_ID));
    await expect(page.getByTestId('sync-error-kind')).toHaveText('Rate limited', { timeout: 45_000 });
    await expect(page.getByTestId('sync-error')).toContainText('HTTP 429');
    await expect(page.getByTestId('sync-retry')).toContainText('in about 30 minutes');
    await page.screenshot({ path: join(SCREENS_DIR, 'sync-error-then-retry.png'), fullPage: true });
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('sync-state')).toHaveText('Up to date', { timeout: 45_000 });
    await expect(page.getByTestId('sync-error')).toHaveCount(0);
    await expect(page.getByTestId('mtd-total')).toHaveText(/^\$[\d,]+\.\d\d$/);
    expect(errors).toEqual([]);
  });
});
