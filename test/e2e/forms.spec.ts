// Every form runs its save one way: while the host has not answered, the form says it is busy and its button
// cannot send the values twice; a refusal is shown in words where the user looks, and the focus goes to it
// (to the field it is about when there is one). In real Chromium against `creditwatch serve --demo`; the
// host's answer is held back by the test (not by a clock) so the busy state is seen for certain.
import { test, expect, type Page, type Route } from '@playwright/test';
import { accountUrl, startServe, type ServedApp } from './serve';

let app: ServedApp;

test.beforeAll(async () => {
  app = await startServe({ demo: true });
});
test.afterAll(async () => {
  await app?.stop();
});

/** Holds the page's next request on `channel` until `release()`; `asked` settles when the page sent it. */
async function holdNext(page: Page, channel: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let asked!: () => void;
  const wasAsked = new Promise<void>((r) => (asked = r));
  await page.route(`**/api/${channel}`, async (route: Route) => {
    asked();
    await released;
    await route.continue();
  });
  return { asked: wasAsked, release };
}

test('the export form is busy while the host checks it, then shows the refusal and takes the focus to it', async ({
  page,
}) => {
  await page.goto(await accountUrl(app));
  await expect(page.getByTestId('as-of')).toBeVisible({ timeout: 45_000 });
  await page.getByRole('button', { name: 'Export & backup' }).click();
  const form = page.getByTestId('export-form');
  await form.getByLabel('From (UTC day)').fill('2026-11-18');
  await form.getByLabel('To (UTC day, included)').fill('2026-11-02');
  const held = await holdNext(page, 'export:save');
  await form.getByRole('button', { name: 'Export' }).click();
  await held.asked;

  // Pending: said on the form and on its button, which cannot be pressed again.
  await expect(form).toHaveAttribute('aria-busy', 'true');
  const busy = form.getByRole('button', { name: 'Exporting…' });
  await expect(busy).toBeDisabled();
  await expect(page.getByTestId('export-error')).toHaveCount(0);

  held.release();
  const error = page.getByTestId('export-error');
  await expect(error).toContainText('The range is reversed');
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error).toBeFocused();
  await expect(form).toHaveAttribute('aria-busy', 'false');
  await expect(form.getByRole('button', { name: 'Export' })).toBeEnabled();

  // Changing a field puts the old message away.
  await form.getByLabel('To (UTC day, included)').fill('2026-11-18');
  await expect(error).toHaveCount(0);
});

test('a balance the form cannot read is shown at its field, which takes the focus; nothing is recorded', async ({
  page,
}) => {
  const { selectedOrgId } = await app.call('orgs:list', {});
  const before = (await app.call('ledger:get', { orgId: selectedOrgId! })).entries.length;
  await page.goto(await accountUrl(app));
  await page.getByText('Record a new balance from the billing page').click({ timeout: 45_000 });
  const form = page.getByTestId('record-balance-form');
  const amount = form.getByLabel(/Balance shown/);
  await amount.fill('twelve dollars');
  await form.getByRole('button', { name: 'Record balance' }).click();

  const error = page.getByTestId('record-balance-form-error');
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(amount).toHaveAttribute('aria-describedby', (await error.getAttribute('id'))!);
  await expect(amount).toBeFocused();
  expect((await app.call('ledger:get', { orgId: selectedOrgId! })).entries).toHaveLength(before);
});

test('the settings form says what it refuses, is busy while saving, then says it saved', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByTestId('overview-card').first()).toBeVisible({ timeout: 45_000 });
  await page.getByRole('button', { name: 'Settings' }).click();
  const panel = page.getByTestId('settings-panel');
  const days = panel.getByLabel('Days of history to fetch for a new account');
  await days.fill('400');
  await panel.getByRole('button', { name: 'Save settings' }).click();
  // Checked in the page before anything is sent: said under the form, focus on the message.
  const error = page.getByTestId('settings-error');
  await expect(error).toHaveText('Days of history must be a whole number from 1 to 365.');
  await expect(error).toBeFocused();

  await days.fill('30');
  const held = await holdNext(page, 'settings:update');
  await panel.getByRole('button', { name: 'Save settings' }).click();
  await held.asked;
  await expect(panel.getByRole('button', { name: 'Saving…' })).toBeDisabled();
  await expect(panel.locator('form').first()).toHaveAttribute('aria-busy', 'true');
  await expect(error).toHaveCount(0); // the old message does not stay under values being sent again
  held.release();
  await expect(panel.locator('form').first().getByRole('status')).toHaveText('Saved.');
  await expect(panel.getByRole('button', { name: 'Save settings' })).toBeEnabled();
  expect((await app.call('settings:get', {})).backfillDays).toBe(30);
});
