// The demo dashboard in real Chromium against `creditwatch serve --demo`: month-to-date spend equals the
// simulator's own ground truth (its spend model, same seed) to the cent, at the as-of time the API reports.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatUsd } from '@core/money';
import { dateTimeWords } from '@core/words/date-words';
import { startOfUtcDay, startOfUtcMonth } from '@core/time';
import { createSimulatedSpendModel } from '../../main/simulator/index';
import { DEMO_SEED } from '../../main/app/demo-backend';
import { startServe, type ServedApp, accountUrl } from './serve';
import { SCREENS_DIR, watchPageErrors } from './page-checks';

let app: ServedApp;

test.beforeAll(async () => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  app = await startServe({ demo: true });
});
test.afterAll(async () => {
  await app?.stop();
});

test('the demo dashboard shows month-to-date spend equal to the simulator ground truth', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.goto(await accountUrl(app));
  await expect(page.getByTestId('as-of')).toBeVisible({ timeout: 45_000 });

  const { selectedOrgId } = await app.call('orgs:list', {});
  expect(selectedOrgId, 'serve --demo selects the demo org').not.toBeNull();
  const dashboard = await app.call('dashboard:get', { orgId: selectedOrgId! });
  const asOfMs = dashboard.asOfMs;
  expect(asOfMs, 'a successful sync happened').not.toBeNull();

  // Ground truth from the simulator's spend model (not the app's store): what /costs showed at asOfMs.
  // The model's history starts from the UTC day the demo simulator started; that is asOfMs's day here.
  const model = createSimulatedSpendModel({ seed: DEMO_SEED }, asOfMs!);
  const truthMtd = model.visibleCostMicros(startOfUtcMonth(asOfMs!), asOfMs!, asOfMs!);
  const truthToday = model.visibleCostMicros(startOfUtcDay(asOfMs!), asOfMs!, asOfMs!);
  expect(truthMtd, 'the demo org spends money this month').toBeGreaterThan(0);

  await expect(page.getByTestId('mtd-total')).toHaveText(formatUsd(truthMtd));
  await expect(page.getByTestId('today-cost')).toHaveText(formatUsd(truthToday));
  await expect(page.getByTestId('sync-state')).toHaveText('Up to date');
  // The chart comes with the account's answer, which a loaded machine may still be computing at an hour's turn.
  await expect(page.getByTestId('spend-chart').locator('canvas')).toBeVisible({ timeout: 45_000 });
  await page.screenshot({ path: join(SCREENS_DIR, 'demo-dashboard.png') });

  // "as of" is the API's as-of time in the browser's zone, in core's one date wording.
  const shownAsOf = await page.getByTestId('as-of').textContent();
  const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  expect(shownAsOf).toBe(dateTimeWords(asOfMs!, asOfMs!, browserZone));
  expect(errors).toEqual([]);
});

test('"Sync now" runs a sync and the figures follow the live events', async ({ page }) => {
  await page.goto(await accountUrl(app));
  await expect(page.getByTestId('as-of')).toBeVisible({ timeout: 45_000 });
  const before = await app.call('dashboard:get', { orgId: (await app.call('orgs:list', {})).selectedOrgId! });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect
    .poll(async () => (await app.call('dashboard:get', { orgId: before.org.id })).sync.lastSuccessMs ?? 0)
    .toBeGreaterThan(before.sync.lastSuccessMs ?? 0);
  const after = await app.call('dashboard:get', { orgId: before.org.id });
  await expect(page.getByTestId('mtd-total')).toHaveText(formatUsd(after.monthToDate.totalMicros));
  await expect(page.getByTestId('sync-state')).toHaveText('Up to date');
});

test('how often to sync is a choice of 5, 15 or 60 minutes; the server still refuses a bad schedule in words', async ({
  page,
}) => {
  await page.goto(await accountUrl(app));
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const often = page.getByLabel('Check for new spend');
  await expect(often).toHaveValue('*/5 * * * *');
  expect(await often.locator('option').allTextContents()).toEqual([
    'Every 5 minutes',
    'Every 15 minutes',
    'Every hour',
  ]);
  await often.selectOption({ label: 'Every 15 minutes' });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveText('Saved.');
  expect((await app.call('settings:get', {})).syncCron).toBe('*/15 * * * *');

  // A script can still set a schedule; a bad one is refused in words, and the page keeps it as a choice.
  await expect(
    app.call('settings:update', { syncCron: '* * * * * *' }),
    'more often than once a minute is refused',
  ).rejects.toThrow(/more often than once a minute/);
  await expect(
    app.call('settings:update', { syncCron: '' }),
    'the server refuses an empty schedule in words too',
  ).rejects.toThrow(/The schedule is empty/);
  await app.call('settings:update', { syncCron: '*/10 * * * *' });
  await page.reload();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByLabel('Check for new spend')).toHaveValue('*/10 * * * *');
  await expect(page.getByLabel('Check for new spend').locator('option:checked')).toHaveText(
    'As set before (a custom schedule)',
  );
  await page.screenshot({ path: join(SCREENS_DIR, 'settings-sync-frequency.png') });
});

test('a sync started elsewhere (a script, the schedule) reaches the open page through the event stream', async ({
  page,
}) => {
  await page.goto(await accountUrl(app));
  const asOf = page.getByTestId('as-of');
  await expect(asOf).toBeVisible({ timeout: 45_000 });
  const before = await asOf.getAttribute('datetime');
  const { selectedOrgId } = await app.call('orgs:list', {});
  // Out of band: the page did not ask, so only the pushed events can tell it.
  const status = await app.call('sync:now', { orgId: selectedOrgId! });
  expect(status.state).toBe('ok');
  const expected = new Date(status.lastSuccessMs!).toISOString();
  expect(expected).not.toBe(before);
  // Well inside the one-minute safety-net refresh, so only an event can have updated it.
  await expect(asOf).toHaveAttribute('datetime', expected, { timeout: 10_000 });
});
