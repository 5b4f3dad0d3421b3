// A purchase with no recorded balance, in the demo at a pinned instant (`serve --demo --now`): `money:get`
// and the page give +$1,000 minus the demo's costs since the purchase, to the cent, taken from the
// simulator's own model; in monthly billing the page says which part goes on the card.
import { test, expect } from '@playwright/test';
import { formatUsd } from '@core/money';
import { DAY_MS, startOfUtcDay } from '@core/time';
import { DEMO_SEED } from '../../main/app/demo-backend';
import { createSimulatedSpendModel } from '../../main/simulator/index';
import { watchPageErrors } from './page-checks';
import { emptyLedger } from './empty-ledger';
import { startServe, type ServedApp, accountUrl } from './serve';

const NOW = '2026-11-18T15:20:00Z';

async function syncedDemo(app: ServedApp): Promise<string> {
  const orgId = (await app.call('orgs:list', {})).selectedOrgId!;
  await expect
    .poll(async () => (await app.call('dashboard:get', { orgId })).asOfMs, { timeout: 45_000 })
    .not.toBeNull();
  await emptyLedger(app, orgId);
  return orgId;
}

/** What /costs had shown for [fromMs, asOf) when the app last synced, from the simulator's model. */
async function spentSince(app: ServedApp, orgId: string, fromMs: number): Promise<number> {
  const asOfMs = (await app.call('dashboard:get', { orgId })).asOfMs!;
  const model = createSimulatedSpendModel({ seed: DEMO_SEED }, Date.parse(NOW));
  return model.visibleCostMicros(fromMs, asOfMs, asOfMs);
}

test('a $1,000 purchase 12 days ago and no recorded balance: +$1,000 minus the costs since', async ({
  page,
}) => {
  const app = await startServe({ demo: true, now: NOW });
  try {
    const errors = watchPageErrors(page);
    const orgId = await syncedDemo(app);
    const boughtAt = startOfUtcDay(Date.parse(NOW)) - 12 * DAY_MS;
    await app.call('ledger:addEntry', {
      orgId,
      entry: {
        id: 'e2e-buy',
        kind: 'purchase',
        atMs: boughtAt,
        micros: 1_000_000_000,
        expiresAtMs: null,
        note: '',
      },
    });
    const money = await app.call('money:get', { orgId });
    expect(money.balance!.estimateMicros).toBe(1_000_000_000 - (await spentSince(app, orgId, boughtAt)));
    expect(money.balance!.creditsAddedMicros).toBe(1_000_000_000);

    await page.goto(await accountUrl(app));
    const shown = page.getByTestId('balance-card');
    await expect(shown).toBeVisible({ timeout: 45_000 });
    // A scheduled sync may have run meanwhile: compare with the newest figures, themselves checked against truth.
    const latest = await app.call('money:get', { orgId });
    expect(latest.balance!.estimateMicros).toBe(1_000_000_000 - (await spentSince(app, orgId, boughtAt)));
    // The breakdown shows the parts (no balance recorded: from $0.00, +$1,000.00, less the costs since); its
    // total is the answer's credit left, the headline's figure.
    await expect(page.getByTestId('balance-start')).toHaveText('$0.00');
    await expect(page.getByTestId('balance-added')).toHaveText('+$1,000.00');
    await expect(page.getByTestId('balance-settled')).toHaveText(/^−\$\d{2,3}\.\d\d$/);
    const creditLeft = (await app.call('answer:get', { orgId })).figures['credit-left'];
    expect(creditLeft.valueMicros).toBe(latest.balance!.estimateMicros);
    await expect(page.getByTestId('balance-total')).toHaveText(
      `Adds up to the credit left above: ${creditLeft.text}`,
    );
    await expect(page.getByTestId('record-balance-cta')).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await app.stop();
  }
});

test('monthly billing: usage before a mid-month purchase stays on the card, said in words', async ({
  page,
}) => {
  const app = await startServe({ demo: true, now: NOW });
  try {
    const orgId = await syncedDemo(app);
    const boughtAt = Date.UTC(2026, 10, 10);
    await app.call('settings:update', { timeZone: 'UTC' }); // the sentence's date, whatever the machine's zone
    const { billing } = await app.call('ledger:get', { orgId });
    await app.call('ledger:updateBilling', { orgId, billing: { ...billing, mode: 'monthly', reload: null } });
    await app.call('ledger:addEntry', {
      orgId,
      entry: {
        id: 'e2e-buy',
        kind: 'purchase',
        atMs: boughtAt,
        micros: 500_000_000,
        expiresAtMs: null,
        note: '',
      },
    });
    await page.goto(await accountUrl(app));
    const sentence = page.getByTestId('card-split-sentence');
    await expect(sentence).toBeVisible({ timeout: 45_000 });
    const money = await app.call('money:get', { orgId });
    const before = await spentSince(app, orgId, Date.UTC(2026, 10, 1));
    const after = await spentSince(app, orgId, boughtAt);
    expect(money.cardSplit!.cardMicros).toBe(before - after);
    expect(money.cardSplit!.creditDrawnMicros).toBe(after);
    await expect(page.getByTestId('card-split-card')).toHaveText(formatUsd(before - after));
    await expect(sentence).toHaveText(
      new RegExp(
        `^\\${formatUsd(before - after)} accrued before your purchase on Tue 10 Nov, .+ will be charged to your card on the 1st; usage since then draws your \\$500\\.00 credit \\(\\${formatUsd(500_000_000 - after)} left\\)\\.$`,
      ),
    );
    await expect(page.getByTestId('balance-added')).toHaveText('+$500.00');
    const creditLeft = (await app.call('answer:get', { orgId })).figures['credit-left'].text;
    await expect(page.getByTestId('balance-total')).toHaveText(
      `Adds up to the credit left above: ${creditLeft}`,
    );
    const charge = money.forecast!.monthEnd.cardChargeAmount!;
    expect(charge.p10 * 1e6).toBeGreaterThanOrEqual(Math.round((before - after) / 10_000) * 10_000 - 10_000);
  } finally {
    await app.stop();
  }
});

test('bad ledger input is refused at its field and nothing is saved', async ({ page }) => {
  const app = await startServe({ demo: true, now: NOW });
  try {
    const orgId = await syncedDemo(app);
    await app.call('settings:update', { timeZone: 'UTC' });
    await page.goto(await accountUrl(app));
    await page.getByText('Add a purchase, grant, reload or card charge').click({ timeout: 45_000 });
    const form = page.getByTestId('add-entry-form');
    const error = page.getByTestId('add-entry-form-error');
    await form.getByLabel('What happened').selectOption('grant');
    await form.getByLabel('Amount granted (USD)').fill('12,50');
    await form.getByLabel('When').fill('2026-11-10T00:00');
    await form.getByRole('button', { name: 'Add to ledger' }).click();
    await expect(error).toHaveText(
      'Amount: use a point for cents (12.50); a comma only separates thousands (1,250.50).',
    );
    await expect(form.getByLabel('Amount granted (USD)')).toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel('Amount granted (USD)').fill('$1,234.50');
    await form.getByLabel('Expires').fill('2026-11-01T00:00');
    await form.getByRole('button', { name: 'Add to ledger' }).click();
    await expect(error).toHaveText('Expires: must be after the date the credit was added.');
    await expect(form.getByLabel('Expires')).toHaveAttribute('aria-invalid', 'true');
    await form.getByLabel('What happened').selectOption('purchase');
    await form.getByLabel('Amount bought (USD)').fill('20');
    await form.getByLabel(/^Expires/).fill('');
    await form.getByLabel('When').fill('2026-11-19T09:00');
    await form.getByRole('button', { name: 'Add to ledger' }).click();
    await expect(error).toHaveText('When: that time is in the future — record what already happened.');
    await expect(form.getByLabel('When')).toHaveAttribute('aria-invalid', 'true');
    expect((await app.call('ledger:get', { orgId })).entries).toEqual([]);
  } finally {
    await app.stop();
  }
});
