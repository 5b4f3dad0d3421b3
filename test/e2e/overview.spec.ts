// The answer at a glance, in real Chromium against `creditwatch serve --demo` at a pinned instant: both demo
// organizations side by side with the figures of `money:get` and the wrong-org flag; the company's page with the
// balance chart, its forecast range and the credit lots; no horizontal scroll at four widths; light and dark.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatUsd } from '@core/money';
import type { MoneyView } from '@core/money-view';
import { startServe, type ServedApp } from './serve';
import { SCREENS_DIR, watchPageErrors } from './page-checks';

const NOW = '2026-11-18T15:20:00Z';
let app: ServedApp;
let company: { id: string; money: MoneyView };
let personal: { id: string; money: MoneyView };
/** Every demo account's money view (five accounts: two OpenAI, Anthropic, OpenRouter, DeepSeek in CNY). */
let all: Array<{ id: string; money: MoneyView }>;

test.describe.configure({ mode: 'serial' });

async function synced(orgId: string) {
  for (let i = 0; i < 120; i++) {
    const d = await app.call('dashboard:get', { orgId });
    if (d.asOfMs !== null && d.sync.state === 'ok') return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`org ${orgId} never synced`);
}

test.beforeAll(async () => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  app = await startServe({ demo: true, now: NOW });
  const { orgs } = await app.call('orgs:list', {});
  const c = orgs.find((o) => o.demoProfile === 'company')!;
  const p = orgs.find((o) => o.demoProfile === 'personal')!;
  await synced(c.id);
  await synced(p.id);
  company = { id: c.id, money: await app.call('money:get', { orgId: c.id }) };
  personal = { id: p.id, money: await app.call('money:get', { orgId: p.id }) };
  all = [];
  for (const o of orgs) {
    await synced(o.id);
    all.push({ id: o.id, money: await app.call('money:get', { orgId: o.id }) });
  }
});
test.afterAll(async () => {
  await app?.stop();
});

async function open(page: Page) {
  await page.goto(app.url);
  await expect(page.getByTestId('overview-card')).toHaveCount(5, { timeout: 45_000 });
  await expect(page.getByTestId('ov-credit').first()).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('balance-chart')).toBeVisible({ timeout: 45_000 });
}

const card = (page: Page, orgId: string) =>
  page.locator(`[data-testid="overview-card"][data-org-id="${orgId}"]`);

test('the overview shows every demo account with the figures of money:get, a total per currency and the wrong-org flag', async ({
  page,
}) => {
  const errors = watchPageErrors(page);
  await open(page);
  const c = card(page, company.id);
  const p = card(page, personal.id);
  await expect(c.getByRole('heading', { name: 'Demo organization' })).toBeVisible();
  await expect(p.getByRole('heading', { name: 'Personal' })).toBeVisible();
  // Each card quotes the account's answer (served once per account, the same words everywhere).
  const companyAnswer = await app.call('answer:get', { orgId: company.id });
  const personalAnswer = await app.call('answer:get', { orgId: personal.id });
  await expect(c.getByTestId('ov-credit')).toHaveText(companyAnswer.figures['credit-left'].text);
  expect(companyAnswer.figures['credit-left'].valueMicros).toBe(company.money.balance!.estimateMicros);
  await expect(c.getByTestId('billing-words')).toHaveText(companyAnswer.payment.text);
  expect(companyAnswer.payment.kind).toBe('prepaid-auto-reload');
  await expect(p.getByTestId('billing-words')).toContainText('card charged after each month');
  await expect(p.getByTestId('ov-card-charges')).toHaveText(personalAnswer.figures['card-by-month-end'].text);
  await expect(p.locator(`[data-figure="card-by-month-end"][data-org="${personal.id}"]`)).toHaveCount(1);
  await expect(c.getByTestId('wrong-org-flag')).toContainText('Personal usually spends nothing');
  await expect(p.getByTestId('wrong-org-flag')).toContainText('Personal usually spends nothing and spent $');
  // The USD line adds up the USD accounts' credit only (the API's balance where the provider reports one);
  // the DeepSeek account's CNY is on a line of its own.
  const usd = all.filter((o) => o.money.currency === 'USD');
  expect(usd).toHaveLength(4);
  let usdCredit = 0;
  for (const o of usd)
    usdCredit += (await app.call('answer:get', { orgId: o.id })).figures['credit-left'].valueMicros ?? 0;
  const usdLine = page.locator('[data-testid="currency-total"][data-currency="USD"]');
  await expect(usdLine.getByTestId('total-credit')).toHaveText(formatUsd(usdCredit));
  await expect(page.locator('[data-testid="currency-total"][data-currency="CNY"]')).toContainText('CN¥');
  expect(errors).toEqual([]);
});

test('the company page shows the headline, the balance chart with its range, and the credit lots', async ({
  page,
}) => {
  await open(page);
  // The host's clock runs on from the pinned instant, so "spend until month end" shrinks by about a cent a
  // minute: the page is compared with a fresh money:get to within 10 cents (seconds apart).
  const f = (await app.call('money:get', { orgId: company.id })).forecast!;
  const answer = await app.call('answer:get', { orgId: company.id });
  await expect(page.getByTestId('hl-credit-left-value')).toHaveText(answer.figures['credit-left'].text);
  const [value, low, high] = (
    (await page.getByTestId('month-end-spend').innerText()).match(/\$[\d,]+\.\d\d/g) ?? []
  ).map((t) => Number(t.replace(/[$,]/g, '')));
  expect(Math.abs(value! - f.monthEnd.spendUsd.p50)).toBeLessThan(0.1);
  expect(Math.abs(low! - f.monthEnd.spendUsd.p10)).toBeLessThan(0.1);
  expect(Math.abs(high! - f.monthEnd.spendUsd.p90)).toBeLessThan(0.1);
  await expect(page.getByTestId('hl-card-by-month-end-value')).toHaveText(
    answer.figures['card-by-month-end'].text,
  );
  await expect(page.getByTestId('hl-card-by-month-end-value')).toContainText('before Mon 30 Nov');
  await expect(page.getByTestId('lot-row')).toHaveCount(2);
  await expect(page.getByTestId('expiring-unused')).toContainText('will expire unused on Nov 30, 2026');
  // Spend by API key: the keys the simulated org spent with, largest first.
  await page.getByTestId('spend-by').getByRole('button', { name: 'API key' }).click();
  await expect(page.getByTestId('top-spenders').locator('tbody tr').first()).toContainText(/key_\w+/);
  await page.getByTestId('spend-by').getByRole('button', { name: 'Model' }).click();
  await expect(page.getByTestId('top-spenders').locator('tbody tr').first()).toContainText(
    /gpt|o\d|text-embedding|dall/,
  );
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/P10|P90|horizon/);
});

test('a what-if moves the headline and the chart, and saves nothing', async ({ page }) => {
  await open(page);
  const before = await page.getByTestId('hl-next-reload-value').innerText();
  const ledgerBefore = await app.call('ledger:get', { orgId: company.id });
  await page.getByTestId('whatif-balance').fill('60');
  await expect(page.getByTestId('headline-what-if')).toBeVisible();
  await expect(page.getByTestId('hl-credit-left-value')).toHaveText('$60.00');
  await expect(page.getByTestId('hl-next-reload-value')).not.toHaveText(before);
  await page.getByTestId('whatif-reset').click();
  await expect(page.getByTestId('headline-what-if')).toBeHidden();
  await expect(page.getByTestId('hl-next-reload-value')).toHaveText(before);
  expect(await app.call('ledger:get', { orgId: company.id })).toEqual(ledgerBefore);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const [w, h] of [
    [1280, 800],
    [800, 600],
  ] as const) {
    test(`screenshots at ${w}×${h}, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: w, height: h });
      await open(page);
      await page.screenshot({ path: join(SCREENS_DIR, `overview-${w}x${h}-${scheme}.png`) });
      await page.getByTestId('org-answer').scrollIntoViewIfNeeded();
      await page
        .getByTestId('org-answer')
        .screenshot({ path: join(SCREENS_DIR, `org-${w}x${h}-${scheme}.png`) });
    });
  }
}

test('no horizontal scroll at 390, 800, 1024 and 1440 px; axe finds no violations', async ({ page }) => {
  for (const width of [390, 800, 1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await open(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter(
          (e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('details:not([open])'),
        )
        .slice(0, 8)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(overflow, `horizontal overflow at ${width}px: ${wide.join('; ')}`).toBeLessThanOrEqual(0);
  }
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});
