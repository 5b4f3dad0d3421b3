// "Balance & forecast" in real Chromium against `creditwatch serve --demo`: record a balance, set an auto-reload
// rule, reconcile a far-off balance, refuse an invalid rule, and what-if without saving.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { emptyLedger } from './empty-ledger';
import { accountUrl, startServe, type ServedApp } from './serve';
import { SCREENS_DIR, watchPageErrors } from './page-checks';

let app: ServedApp;
let orgId: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  app = await startServe({ demo: true });
  orgId = (await app.call('orgs:list', {})).selectedOrgId!;
  // These specs start from an empty ledger, as a new organization does: the demo's seeded entries and rule go.
  await emptyLedger(app, orgId);
});
test.afterAll(async () => {
  await app?.stop();
});

async function open(page: Page) {
  await page.goto(await accountUrl(app));
  await expect(page.getByTestId('money-section')).toBeVisible({ timeout: 45_000 });
  // The forecast needs the first sync's history.
  await expect(page.getByTestId('confidence')).toBeVisible({ timeout: 45_000 });
  // Billing settings are folded on the account page; these checks use them.
  await page.getByTestId('billing-settings').locator('summary').click();
}

async function shot(page: Page, name: string) {
  await page.getByTestId('money-section').screenshot({ path: join(SCREENS_DIR, `money-${name}.png`) });
}

test('recording the billing-page balance brings the estimate and the crossing forecast', async ({ page }) => {
  const errors = watchPageErrors(page);
  await open(page);
  const cta = page.getByTestId('record-balance-cta');
  await expect(cta).toContainText('Record the balance shown on your OpenAI billing page');
  await expect(cta.getByRole('link', { name: 'billing overview' })).toHaveAttribute(
    'href',
    'https://platform.openai.com/settings/organization/billing/overview',
  );
  await shot(page, 'no-balance');
  await cta.getByLabel(/Balance shown/).fill('100');
  await cta.getByRole('button', { name: 'Record balance' }).click();

  // The breakdown shows the parts from the recorded balance; its total is the headline's credit left, once.
  await expect(page.getByTestId('balance-start')).toHaveText('$100.00');
  await expect(page.getByTestId('balance-settled')).toHaveText(/^(−\$[\d,]+\.\d\d|\$0\.00)$/);
  // The answer knows the credit left once the costs since the reading are in (a sync follows the record; on a
  // busy machine it may land after the page first shows the parts).
  await expect
    .poll(async () => (await app.call('answer:get', { orgId })).figures['credit-left'].isKnown, {
      timeout: 45_000,
    })
    .toBe(true);
  const creditLeft = (await app.call('answer:get', { orgId })).figures['credit-left'].text;
  await expect(page.getByTestId('hl-credit-left-value')).toHaveText(creditLeft);
  await expect(page.getByTestId('balance-total')).toHaveText(
    `Adds up to the credit left above: ${creditLeft}`,
  );
  await expect(page.getByTestId('balance-estimate')).toHaveCount(0);
  await expect(page.getByTestId('first-balance-notice')).toBeVisible();
  // When it runs out is the answer's figure, in the headline only (the forecast panel does not repeat it).
  await expect(page.getByTestId('hl-runs-out-value')).toHaveText(/^around \w{3} \d+ \w{3}/);
  await expect(page.getByTestId('month-end-spend')).toHaveText(/^Spend from now to /);
  const ledger = await app.call('ledger:get', { orgId });
  expect(ledger.entries.map((e) => [e.kind, e.kind === 'observation' && e.balanceMicros])).toEqual([
    ['observation', 100_000_000],
  ]);
  await shot(page, 'balance-recorded');
  expect(errors).toEqual([]);
});

test('a restore-to rule brings reloads and card charges until month end', async ({ page }) => {
  await open(page);
  const form = page.getByTestId('billing-form');
  await form.getByLabel('Auto recharge: charge my card when the credit balance runs low').check();
  await form.getByLabel('When the balance falls below (USD)').fill('20');
  await form.getByLabel('Target balance (USD)').fill('60');
  await form.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(page.getByTestId('billing-saved')).toHaveText('Saved.');
  await expect(page.getByTestId('hl-next-reload-value')).toHaveText(
    /^around .*\$40\.00( \(\d+% chance before .*\))?$/,
  );
  // Card charges by month end as a distribution: a chance and a reload, or a count and an amount.
  await expect(page.getByTestId('hl-card-by-month-end-value')).toHaveText(/reload/);
  const { billing } = await app.call('ledger:get', { orgId });
  expect(billing.reload).toMatchObject({
    enabled: true,
    thresholdMicros: 20_000_000,
    action: { kind: 'restore-to', targetMicros: 60_000_000 },
  });
  await shot(page, 'rule-set');
});

test('an invalid rule is refused at the field; what only the server can check comes back in its words', async ({
  page,
}) => {
  await open(page);
  const form = page.getByTestId('billing-form');
  await form.getByLabel('When the balance falls below (USD)').fill('60');
  await form.getByLabel('Target balance (USD)').fill('20');
  await form.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(page.getByTestId('billing-error-actionAmount')).toHaveText(
    'The target balance must be above the threshold ($60).',
  );
  // The same rule sent by a script meets the server's own check.
  const bad = {
    ...(await app.call('ledger:get', { orgId })).billing,
    reload: {
      enabled: true,
      thresholdMicros: 60_000_000,
      action: { kind: 'restore-to' as const, targetMicros: 20_000_000 },
      monthlyLimit: null,
    },
  };
  await expect(app.call('ledger:updateBilling', { orgId, billing: bad })).rejects.toThrow(
    /reload target must be above the threshold/,
  );
  await form.getByLabel('When the balance falls below (USD)').fill('20');
  await form.getByLabel('Target balance (USD)').fill('60');
  await form.getByLabel('Billing months in time zone').fill('Mars/Olympus_Mons');
  await form.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(page.getByTestId('billing-server-error')).toContainText('is not a time zone');
  await shot(page, 'invalid-rule');
  expect((await app.call('ledger:get', { orgId })).billing.timeZone).toBe('UTC');
});

test('a second balance far from the estimate shows the drift and a likely cause', async ({ page }) => {
  await open(page);
  const estimate = (await app.call('money:get', { orgId })).balance!.estimateMicros;
  await page.getByText('Record a new balance from the billing page').click();
  const form = page.getByTestId('record-balance-form');
  await form.getByLabel(/Balance shown/).fill(((estimate + 300_000_000) / 1e6).toFixed(2));
  await form.getByRole('button', { name: 'Record balance' }).click();
  await expect(page.getByTestId('drift')).toHaveText(/^\+\$(29\d|30\d)\.\d\d$/);
  await expect(page.getByTestId('drift-summary')).toContainText('higher than expected');
  await expect(page.getByTestId('drift-causes').locator('li').first()).not.toBeEmpty();
  await shot(page, 'drift');
  // After a reload the drift is still shown (never hidden).
  await page.reload();
  await expect(page.getByTestId('drift')).toHaveText(/^\+\$/, { timeout: 45_000 });
});

test('what-if changes the headline live and saves nothing', async ({ page }) => {
  await open(page);
  const saved = await page.getByTestId('hl-next-reload-value').textContent();
  await page.getByTestId('whatif-balance').fill('25');
  await page.getByTestId('whatif-threshold').fill('20');
  await expect(page.getByTestId('whatif-result')).toContainText('What-if, not saved.');
  // The what-if's answer, quoted alike beside the fields and in the headline above.
  await expect(page.getByTestId('whatif-date')).toHaveText(/^around /);
  await expect(page.getByTestId('hl-next-reload-value')).toHaveText(
    (await page.getByTestId('whatif-date').textContent()) ?? '',
  );
  expect(await page.getByTestId('whatif-date').textContent()).not.toBe(saved);
  await page.getByTestId('whatif-target').fill('200');
  // Restoring to $200 from the $20 threshold charges $180 a reload.
  await expect(page.getByTestId('whatif-date')).toContainText('$180.00');
  await expect(page.getByTestId('whatif-card')).toHaveText(/reload/);
  await shot(page, 'what-if');
  const before = await app.call('ledger:get', { orgId });
  expect(before.billing.reload).toMatchObject({
    thresholdMicros: 20_000_000,
    action: { targetMicros: 60_000_000 },
  });

  await page.reload();
  await expect(page.getByTestId('confidence')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('whatif-result')).toHaveCount(0);
  await expect(page.getByTestId('whatif-target')).toHaveValue('60');
  expect(await app.call('ledger:get', { orgId })).toEqual(before);

  // The section holds in a narrow window: nothing wider than the page.
  await page.setViewportSize({ width: 400, height: 700 });
  await expect(page.getByTestId('balance-card')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  await shot(page, 'narrow-400');
});
