// Every provider and currency on one page, in real Chromium against `creditwatch serve --demo` at a pinned
// instant: each USD account's month to date equals its simulator's ground truth; the overview keeps a USD line and
// a CNY line (never added up) with the figures `dashboard:get` and
// `money:get` return; the DeepSeek balance is the simulator's own; the add form asks for each provider's
// key and points out another provider's key; a conversion rate adds a labelled US-dollar figure.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatMoney } from '@core/money';
import type { Dashboard } from '@core/dashboard';
import type { MoneyView } from '@core/money-view';
import type { OrgSummary } from '@core/schemas';
import { DEMO_SIMULATORS } from '../../main/app/demo-backend';
import { startDeepSeekSimulator } from '../../main/simulator/deepseek/index';
import { createSimClock, createSimulatedSpendModel } from '../../main/simulator/index';
import { startOpenRouterSimulator } from '../../main/simulator/openrouter/index';
import { startServe, type ServedApp } from './serve';
import { SCREENS_DIR, watchPageErrors } from './page-checks';

const NOW = '2026-12-02T10:00:00Z';
let app: ServedApp;
let orgs: OrgSummary[];
const views = new Map<string, { dashboard: Dashboard; money: MoneyView }>();

test.describe.configure({ mode: 'serial' });

async function syncAndRead(orgId: string) {
  await app.call('sync:now', { orgId });
  for (let i = 0; i < 120; i++) {
    const dashboard = await app.call('dashboard:get', { orgId });
    if (dashboard.asOfMs !== null && dashboard.sync.state === 'ok') {
      views.set(orgId, { dashboard, money: await app.call('money:get', { orgId }) });
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`org ${orgId} never synced`);
}

const byProvider = (provider: string) => orgs.find((o) => o.provider === provider)!;
const deepseek = () => views.get(byProvider('deepseek').id)!;

test.beforeAll(async () => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  app = await startServe({ demo: true, now: NOW });
  orgs = (await app.call('orgs:list', {})).orgs;
  expect(orgs.map((o) => o.provider).sort()).toEqual([
    'anthropic',
    'deepseek',
    'openai',
    'openai',
    'openrouter',
  ]);
  for (const o of orgs) await syncAndRead(o.id);
});
test.afterAll(async () => {
  await app?.stop();
});

async function open(page: Page) {
  await page.goto(app.url);
  await expect(page.getByTestId('overview-card')).toHaveCount(5, { timeout: 45_000 });
  await expect(page.getByTestId('currency-total')).toHaveCount(2, { timeout: 45_000 });
}

const line = (page: Page, currency: string) =>
  page.locator(`[data-testid="currency-total"][data-currency="${currency}"]`);
const card = (page: Page, orgId: string) =>
  page.locator(`[data-testid="overview-card"][data-org-id="${orgId}"]`);

test('the overview keeps a USD line and a CNY line, each equal to what the API returns', async ({ page }) => {
  const errors = watchPageErrors(page);
  await open(page);
  const usdOrgs = orgs.filter((o) => views.get(o.id)!.dashboard.currency === 'USD');
  expect(usdOrgs).toHaveLength(4);
  const usdMtd = usdOrgs.reduce((sum, o) => sum + views.get(o.id)!.dashboard.monthToDate.totalMicros, 0);
  await expect(line(page, 'USD').getByTestId('total-mtd')).toHaveText(formatMoney(usdMtd, 'USD'));
  await expect(line(page, 'USD')).toContainText('USD · 4 accounts');

  const ds = deepseek();
  expect(ds.dashboard.currency).toBe('CNY');
  expect(ds.money.currency).toBe('CNY');
  await expect(line(page, 'CNY')).toContainText('CNY · 1 account');
  await expect(line(page, 'CNY').getByTestId('total-mtd')).toHaveText(
    formatMoney(ds.dashboard.monthToDate.totalMicros, 'CNY'),
  );
  // Credit left is the account's one figure: the newest reading DeepSeek returned, less the spend since it.
  const dsAnswer = await app.call('answer:get', { orgId: byProvider('deepseek').id });
  const dsCredit = dsAnswer.figures['credit-left'].valueMicros!;
  expect(Math.abs(dsCredit - ds.money.apiBalance!.balanceMicros)).toBeLessThan(
    0.02 * ds.money.apiBalance!.balanceMicros,
  );
  await expect(line(page, 'CNY').getByTestId('total-credit')).toHaveText(formatMoney(dsCredit, 'CNY'));
  // No conversion rate yet: nothing is shown in dollars for CNY.
  await expect(page.getByTestId('total-converted')).toHaveCount(0);

  const d = card(page, byProvider('deepseek').id);
  await expect(d.getByTestId('provider-label')).toHaveText('DeepSeek · CNY');
  await expect(d.locator('[data-figure="credit-left"]')).toHaveText(dsAnswer.figures['credit-left'].text);
  await expect(d.locator('[data-figure="credit-left"]')).toContainText('CN¥');
  await expect(d.locator('.ov-marker')).toHaveText(/^(from DeepSeek|estimate)( · as of \d\d:\d\d)?$/);
  await expect(d.getByTestId('pay-chip')).toHaveText('Balance from DeepSeek');
  await expect(card(page, byProvider('anthropic').id).getByTestId('provider-label')).toHaveText('Anthropic');
  await expect(card(page, byProvider('openrouter').id).getByTestId('provider-label')).toHaveText(
    'OpenRouter',
  );
  expect(errors).toEqual([]);
});

test('every USD account’s month to date is its simulator’s ground truth, and the USD line is their sum', async ({
  page,
}) => {
  const startMs = Date.parse(NOW);
  const monthStart = Date.UTC(2026, 11, 1);
  const truthOf = async (o: OrgSummary, asOfMs: number): Promise<number> => {
    const profile = o.demoProfile!;
    const { seed, historyDays, shape } = DEMO_SIMULATORS[profile];
    if (o.provider === 'openai' || o.provider === 'anthropic') {
      // The cost endpoints show an hour once its cost lag has passed (OpenAI 30 minutes, Anthropic 5).
      const costLagMinutes = o.provider === 'anthropic' ? 5 : 30;
      const model = createSimulatedSpendModel({ seed, historyDays, shape, costLagMinutes }, startMs);
      return model.visibleCostMicros(monthStart, asOfMs, asOfMs);
    }
    // OpenRouter: the usage counter's growth since the reading at the month's first midnight.
    const sim = await startOpenRouterSimulator({
      seed,
      historyDays,
      shape,
      clock: createSimClock({ startMs, speed: 0 }),
    });
    try {
      return sim.balanceAt(asOfMs).usageMicros - sim.balanceAt(monthStart).usageMicros;
    } finally {
      await sim.close();
    }
  };
  let sum = 0;
  for (const o of orgs.filter((org) => org.provider !== 'deepseek')) {
    // A scheduled sync may be writing right now (its data lands a moment before its "as of"): read
    // again until the figures and their instant agree.
    let last = { stored: 0, truth: -1 };
    await expect
      .poll(
        async () => {
          const dashboard = await app.call('dashboard:get', { orgId: o.id });
          last = { stored: dashboard.monthToDate.totalMicros, truth: await truthOf(o, dashboard.asOfMs!) };
          return last.stored - last.truth;
        },
        { message: `${o.name} (${o.provider})`, timeout: 15_000 },
      )
      .toBe(0);
    expect(last.truth, `${o.name} spends this month`).toBeGreaterThan(0);
    sum += last.stored;
  }
  await open(page);
  await expect(line(page, 'USD').getByTestId('total-mtd')).toHaveText(formatMoney(sum, 'USD'));
});

test('the DeepSeek balance is the simulator’s own, to the cent', async ({ page }) => {
  const { apiBalance } = deepseek().money;
  expect(apiBalance).not.toBeNull();
  // The simulator's model follows its clock's start day: start the ground truth at the reading's instant.
  const { seed, historyDays, shape } = DEMO_SIMULATORS.deepseek;
  const truth = await startDeepSeekSimulator({
    seed,
    historyDays,
    shape,
    currency: 'CNY',
    clock: createSimClock({ startMs: apiBalance!.atMs, speed: 0 }),
  });
  try {
    expect(new Date(apiBalance!.atMs).toISOString().slice(0, 10)).toBe(NOW.slice(0, 10));
    const reading = truth.balanceAt(apiBalance!.atMs);
    expect(reading.currency).toBe('CNY');
    expect(apiBalance!.balanceMicros).toBe(reading.totalMicros);
    // To the cent in the API above; the card quotes the account's answer, estimated from that reading.
    await open(page);
    const answer = await app.call('answer:get', { orgId: byProvider('deepseek').id });
    const credit = answer.figures['credit-left'];
    // The card quotes the account's one credit figure: the reading to the cent while nothing is spent since,
    // else the estimate from it (the host's clock runs on from --now), whose note names the reading.
    await expect(card(page, byProvider('deepseek').id).locator('[data-figure="credit-left"]')).toHaveText(
      credit.text,
    );
    if (credit.source === 'provider') expect(credit.text).toBe(formatMoney(reading.totalMicros, 'CNY'));
    else {
      expect(credit.note).toMatch(/^estimated from the balance DeepSeek reported at /);
      expect(credit.valueMicros!).toBeLessThanOrEqual(reading.totalMicros);
    }
  } finally {
    await truth.close();
  }
});

test('the DeepSeek page shows CNY, the API balance as settled and no billing-page prompt', async ({
  page,
}) => {
  const errors = watchPageErrors(page);
  await open(page);
  const ds = deepseek();
  await card(page, byProvider('deepseek').id).getByTestId('ov-open').click();
  const org = page.getByTestId('org-page');
  await expect(org.getByTestId('org-provider')).toHaveText('DeepSeek · CNY', { timeout: 30_000 });
  await expect(org.getByTestId('mtd-total')).toHaveText(
    formatMoney(ds.dashboard.monthToDate.totalMicros, 'CNY'),
  );
  await expect(org.getByTestId('spend-source')).toContainText('read from the fall of the balance since');
  await expect(org.getByTestId('api-balance-note')).toContainText('The balance comes from the DeepSeek API');
  await expect(org.getByTestId('record-balance-cta')).toHaveCount(0);
  // Spend read from the balance has nothing to split by project, model or key.
  await expect(org.getByTestId('spend-by')).toHaveCount(0);
  await expect(org).toContainText(`Balance from the DeepSeek API, as of`);
  await expect(org.getByText(formatMoney(ds.money.apiBalance!.balanceMicros, 'CNY')).first()).toBeVisible();
  await expect(org.getByLabel('Amount bought (CNY)')).toHaveCount(1);
  await expect(org.getByText('$', { exact: false }).filter({ hasText: /(^|[^N¥])\$\d/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the add form names the provider’s key and points out another provider’s key', async ({ page }) => {
  await open(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Add organization' }).click();
  const form = page.getByTestId('add-org-form');
  await form.getByRole('radio', { name: 'Anthropic' }).check();
  const key = form.getByLabel('Admin API key');
  await expect(key).toHaveAttribute('placeholder', 'sk-ant-admin01-…');
  await expect(form.getByRole('link', { name: /Create the Admin API key/ })).toHaveAttribute(
    'href',
    'https://platform.claude.com/settings/admin-keys',
  );
  await key.fill('sk-admin-0123456789abcdef0123456789abcdef');
  await expect(form.getByTestId('key-mismatch')).toHaveText(
    'This is an OpenAI key, and this account is on Anthropic. Choose OpenAI as the provider, or paste an Anthropic Admin API key (sk-ant-admin01-…).',
  );
  await expect(form.getByRole('button', { name: 'Add organization' })).toBeDisabled();
  await form.screenshot({ path: join(SCREENS_DIR, 'providers-add-form-mismatch.png') });
  await form.getByRole('radio', { name: 'DeepSeek' }).check();
  await expect(form.getByLabel('Account name')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Add account' })).toBeVisible();
  await expect(form.getByTestId('key-mismatch')).toContainText('this account is on DeepSeek');
});

test('a CNY conversion rate adds a labelled dollar figure; a bad rate is refused at its field', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  const rates = page.getByTestId('conversion-rates');
  await rates.getByLabel('Currency code').fill('CNY');
  await rates.getByLabel('1 unit is worth (US dollars)').fill('-1');
  await rates.getByRole('button', { name: 'Save rate' }).click();
  await expect(rates.getByTestId('rate-error-rate')).toHaveText('A rate must be more than zero.');
  await rates.getByLabel('Currency code').fill('XQZ');
  await rates.getByLabel('1 unit is worth (US dollars)').fill('0.14');
  await rates.getByRole('button', { name: 'Save rate' }).click();
  await expect(rates.getByTestId('rate-error-currency')).toContainText('three-letter currency code');
  await rates.getByLabel('Currency code').fill('CNY');
  await rates.getByRole('button', { name: 'Save rate' }).click();
  await expect(rates.getByTestId('rate-row')).toHaveCount(1);
  const ds = deepseek();
  const converted = line(page, 'CNY').getByTestId('total-converted');
  await expect(converted).toContainText(
    `≈ ${formatMoney(Math.round(ds.dashboard.monthToDate.totalMicros * 0.14), 'USD')} this month`,
  );
  await expect(converted).toContainText('in US dollars at your rate 1 CNY = $0.14, set Wed 2 Dec');
  await expect(line(page, 'USD').getByTestId('total-converted')).toHaveCount(0);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
});

test('the low-credit line of CNY accounts is set in CNY, apart from the US-dollar one', async ({ page }) => {
  await open(page);
  const form = page.getByTestId('alert-settings');
  await form.locator('summary').click();
  await expect(form.getByLabel(/USD, every US-dollar account/)).toBeVisible();
  await form.getByTestId('low-credit-CNY').fill('abc');
  await form.getByRole('button', { name: 'Save alert settings' }).click();
  await expect(form.getByRole('alert')).toContainText('The CNY low-credit line must be an amount in CNY');
  expect((await app.call('alerts:getSettings', {})).currencyDefaults).toEqual({});
  await form.getByTestId('low-credit-CNY').fill('50');
  await form.getByRole('button', { name: 'Save alert settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  const saved = await app.call('alerts:getSettings', {});
  expect(saved.currencyDefaults).toEqual({ CNY: { lowCreditMicros: 50_000_000 } });
  expect(saved.defaults.lowCreditMicros).toBeUndefined(); // the US-dollar line is untouched
});

for (const width of [1280, 800])
  for (const scheme of ['light', 'dark'] as const)
    test(`the overview and the DeepSeek page fit ${width} px, ${scheme} (screenshots kept for review)`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await open(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page
        .getByTestId('overview')
        .screenshot({ path: join(SCREENS_DIR, `providers-overview-${width}-${scheme}.png`) });
      await card(page, byProvider('deepseek').id).getByTestId('ov-open').click();
      await expect(page.getByTestId('org-provider')).toHaveText('DeepSeek · CNY', { timeout: 30_000 });
      await expect(page.getByTestId('money-section')).toBeVisible({ timeout: 30_000 });
      await page
        .getByTestId('org-page')
        .screenshot({ path: join(SCREENS_DIR, `providers-deepseek-${width}-${scheme}.png`) });
    });
