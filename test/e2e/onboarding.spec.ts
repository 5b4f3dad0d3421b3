// First run: add an organization (checked against a local simulator standing in for OpenAI), then answer the
// three questions — a prepaid org with its auto-reload rule and balance, and a monthly org — and the overview
// answers with the credit left and the card charges. Bad answers explain themselves at the field.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSimClock, startSimulator, type Simulator } from '../../main/simulator/index';
import { startServe, type ServedApp } from './serve';
import { SCREENS_DIR, watchPageErrors } from './page-checks';

const NOW = '2026-11-18T15:20:00Z';
let app: ServedApp;
let sim: Simulator;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  [app, sim] = await Promise.all([
    startServe({ now: NOW }),
    startSimulator({ seed: 3, clock: createSimClock({ startMs: Date.parse(NOW) }) }),
  ]);
});
test.afterAll(async () => {
  await Promise.all([app?.stop(), sim?.close()]);
});

/** Each organization has its own key (the same key twice is the same organization, refused). */
async function addOrg(page: Page, name: string, apiKey: string) {
  const welcome = page.getByRole('heading', { name: 'Welcome to Creditwatch' });
  const headerButton = page.getByRole('navigation').getByRole('button', { name: 'Add organization' });
  await expect(welcome.or(headerButton)).toBeVisible();
  if (await headerButton.isVisible()) await headerButton.click();
  const form = page.getByTestId('add-org-form');
  await form.getByLabel('Organization name').fill(name);
  await form.getByLabel('Admin key').fill(apiKey);
  await form.getByText('Advanced').click();
  await form.getByLabel('API base URL').fill(sim.baseUrl);
  await form.getByRole('button', { name: 'Add organization' }).click();
  await expect(page.getByTestId('onboarding')).toBeVisible({ timeout: 30_000 });
}

test('a prepaid org: the rule as the billing page words it and the balance; bad answers are explained', async ({
  page,
}) => {
  const errors = watchPageErrors(page);
  await page.goto(app.url);
  await addOrg(page, 'Acme', 'sk-admin-e2e-0123456789abcdef');
  const q = page.getByTestId('onboarding');
  // Nothing is answered for the user: no way of paying is chosen, and saving asks for one.
  await expect(q.getByRole('group', { name: '1. How does Acme pay?' }).getByRole('radio')).toHaveCount(3);
  for (const radio of await q.getByRole('radio').all()) await expect(radio).not.toBeChecked();
  await q.getByTestId('onboarding-save').click();
  await expect(q.getByTestId('onboarding-mode-error')).toHaveText('Choose how this account pays.');
  await q.getByLabel(/Prepaid credit: I buy credit in advance/).check();
  // Auto recharge (OpenAI's word) starts unticked and empty.
  await expect(q.getByLabel('Auto recharge is on')).not.toBeChecked();
  await q.getByLabel('Auto recharge is on').check();
  await expect(q.getByTestId('onboarding-below')).toHaveValue('');
  await q.getByTestId('onboarding-below').fill('50');
  await q.getByTestId('onboarding-upTo').fill('20');
  await q.getByTestId('onboarding-balance').fill('12,50 €');
  await q.getByTestId('onboarding-save').click();
  await expect(q.getByText('The target balance must be above the threshold ($50).')).toBeVisible();
  await expect(
    q.getByText('The balance: amounts are in US dollars, the currency this account is billed in.'),
  ).toBeVisible();
  const orgId = (await app.call('orgs:list', {})).selectedOrgId!;
  expect((await app.call('ledger:get', { orgId })).entries, 'nothing saved').toEqual([]);
  await page.screenshot({ path: join(SCREENS_DIR, 'onboarding-errors-1280x800-light.png'), fullPage: true });

  await q.getByTestId('onboarding-below').fill('10');
  await q.getByTestId('onboarding-upTo').fill('50');
  await q.getByTestId('onboarding-balance').fill('$1,234.50');
  await q.getByTestId('onboarding-save').click();
  await expect(page.getByTestId('onboarding')).toHaveCount(0);
  const ledger = await app.call('ledger:get', { orgId });
  expect(ledger.billing.mode).toBe('prepaid');
  expect(ledger.billing.reload).toMatchObject({
    enabled: true,
    thresholdMicros: 10_000_000,
    action: { kind: 'restore-to', targetMicros: 50_000_000 },
  });
  expect(ledger.entries.map((e) => e.kind === 'observation' && e.balanceMicros)).toEqual([1_234_500_000]);
  await page.getByRole('link', { name: 'Creditwatch' }).click();
  const card = page.locator(`[data-testid="overview-card"][data-org-id="${orgId}"]`);
  // $1,234.50 recorded, less spend since: to the cent when exact, else whole dollars with the likely range
  // (the middle alone when that range is within 1 % of it).
  await expect(card.locator('[data-figure="credit-left"]')).toHaveText(
    /^\$1,2\d\d\.\d\d$|^\$1,2\d\d( \(likely \$1,2\d\d–\$1,2\d\d\))?$/,
    { timeout: 45_000 },
  );
  await expect(card.getByTestId('pay-chip')).toHaveText('Prepaid · auto recharge $10.00 → $50.00');
  expect(errors).toEqual([]);
});

test('a monthly org: no balance asked, the card charge for the month is shown', async ({ page }) => {
  await page.goto(app.url);
  await addOrg(page, 'Monthly Co', 'sk-admin-e2e-monthly-0123456789');
  const q = page.getByTestId('onboarding');
  await q.getByLabel(/Monthly: usage is charged to my card/).check();
  await expect(q.getByTestId('onboarding-balance')).toHaveCount(0);
  for (const scheme of ['light', 'dark'] as const)
    for (const [w, h] of [
      [1280, 800],
      [800, 600],
    ] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: w, height: h });
      await q.scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `sideways scroll at ${w} px, ${scheme}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENS_DIR, `onboarding-${w}x${h}-${scheme}.png`) });
    }
  await q.getByTestId('onboarding-save').click();
  await expect(page.getByTestId('onboarding')).toHaveCount(0);
  const orgId = (await app.call('orgs:list', {})).selectedOrgId!;
  expect((await app.call('ledger:get', { orgId })).billing.mode).toBe('monthly');
  await page.getByRole('link', { name: 'Creditwatch' }).click();
  const card = page.locator(`[data-testid="overview-card"][data-org-id="${orgId}"]`);
  await expect(card.getByTestId('pay-chip')).toHaveText('Card after each month');
  await expect(card.locator('[data-figure="card-by-month-end"]')).toHaveText(
    /^\$[\d,]+(\.\d\d)?( \(likely \$[\d,.]+–\$[\d,.]+\))?$/,
    { timeout: 45_000 },
  );
});

test('questions put off: the card and the page say "not set" with no figures until they are answered', async ({
  page,
}) => {
  const errors = watchPageErrors(page);
  await page.goto(app.url);
  await addOrg(page, 'Later Co', 'sk-admin-e2e-later-0123456789');
  await page.getByTestId('onboarding').getByRole('button', { name: 'Later' }).click();
  const orgId = (await app.call('orgs:list', {})).selectedOrgId!;
  const answer = page.getByTestId('org-answer');
  // The page folds the questions to one line and shows no figure built on a default.
  await expect(answer.getByTestId('org-billing-words')).toHaveText(
    'How does Later Co pay? Not set — answer the questions',
  );
  await expect(page.getByTestId('onboarding')).toHaveCount(0);
  await expect(answer.locator('[data-figure]')).toHaveCount(0);

  await page.getByRole('link', { name: 'Creditwatch' }).click();
  const card = page.locator(`[data-testid="overview-card"][data-org-id="${orgId}"]`);
  await expect(card.getByTestId('pay-not-set')).toContainText('How does Later Co pay? Not set');
  await expect(card.locator('.ov-hero-value')).toHaveCount(0);
  await card.getByRole('button', { name: 'answer three questions' }).click();

  // On the account's page, the questions themselves, nothing pre-chosen.
  const q = answer.getByTestId('onboarding');
  await expect(q.getByRole('group', { name: '1. How does Later Co pay?' })).toBeVisible();
  for (const radio of await q.getByRole('radio').all()) await expect(radio).not.toBeChecked();
  await q.getByLabel(/Monthly: usage is charged to my card/).check();
  await q.getByTestId('onboarding-save').click();
  await expect(answer.getByTestId('org-billing-words')).toHaveText(
    /^How it pays: card charged after each month/,
  );
  expect((await app.call('ledger:get', { orgId })).billing.mode).toBe('monthly');
  expect(errors).toEqual([]);
});
