// The answer at a glance, in real Chromium against `creditwatch serve --demo` at a pinned instant: every demo
// account on the overview (`#/`) with one hero figure from `money:get` and the wrong-org flag; the company's
// page (`#/org/<id>`) with the balance chart, its forecast range and the credit lots; back and forward between
// them; no horizontal scroll at four widths; axe on both pages, light and dark.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { formatUsd } from '@core/money';
import type { MoneyView } from '@core/money-view';
import { accountUrl, startServe, type ServedApp } from './serve';
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
  await expect(page.locator('[data-figure="credit-left"]').first()).toBeVisible({ timeout: 45_000 });
}

async function openCompany(page: Page) {
  await page.goto(await accountUrl(app, company.id));
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
  // The hero quotes the account's answer word for word.
  const answer = await app.call('answer:get', { orgId: company.id });
  await expect(c.locator('[data-figure="credit-left"]')).toHaveText(answer.figures['credit-left'].text);
  await expect(c.getByTestId('pay-chip')).toHaveText(/^Prepaid · auto recharge \$[\d.]+ → \$[\d.]+$/);
  await expect(p.getByTestId('pay-chip')).toHaveText('Card after each month');
  // The host's clock runs on from --now, so a forecast made seconds later may differ by a cent or two.
  const charge = personal.money.forecast!.monthEnd.cardChargeAmount!;
  const shownCharge = Number(
    /\$([\d,.]+)/
      .exec(await p.locator('[data-figure="card-by-month-end"]').innerText())![1]!
      .replace(/,/g, ''),
  );
  expect(Math.abs(shownCharge - charge.p50)).toBeLessThan(0.1);
  // The flag stands once, on the account that spends unexpectedly.
  await expect(c.getByTestId('wrong-org-flag')).toHaveCount(0);
  await expect(p.getByTestId('wrong-org-flag')).toContainText(/\$[\d.]+ here in 3 days, usually nothing\./);
  // Demo accounts only: the page says "Demo" once, in its title.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Demo');
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

test("Open goes to the account's page with the focus on its heading; back and forward move between the pages", async ({
  page,
}) => {
  await open(page);
  await card(page, company.id).getByRole('link', { name: 'Demo organization' }).click();
  await expect(page).toHaveURL(new RegExp(`#/org/${company.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: /Demo organization/ })).toBeFocused();
  await expect(page.getByTestId('org-switcher')).toHaveValue(company.id);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: /All accounts/ })).toBeFocused();
  await expect(page.getByTestId('overview-card')).toHaveCount(5);
  await page.goForward();
  await expect(page.getByTestId('org-page')).toBeVisible();
  await page.getByTestId('org-switcher').selectOption({ label: 'Personal (demo)' });
  await expect(page).toHaveURL(new RegExp(`#/org/${personal.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: /Personal/ })).toBeFocused();
});

test('the company page shows the headline, the balance chart with its range, and the credit lots', async ({
  page,
}) => {
  await openCompany(page);
  // The headline quotes the account's answer, figure by figure.
  const answer = await app.call('answer:get', { orgId: company.id });
  const org = page.getByTestId('org-page');
  await expect(org.locator('[data-figure="credit-left"]').first()).toHaveText(
    answer.figures['credit-left'].text,
  );
  await expect(org.locator('[data-figure="card-by-month-end"]').first()).toContainText(/\$/);
  // One row per credit: the purchase, the reloads its rule made (recorded), the grant; at this spend none of
  // it is about to expire unused.
  const credits = company.money.ledger.entries.filter((e) =>
    ['purchase', 'reload', 'grant'].includes(e.kind),
  );
  expect(credits.filter((e) => e.kind === 'reload').length).toBeGreaterThan(0);
  await expect(page.getByTestId('lot-row')).toHaveCount(credits.length);
  await expect(page.getByTestId('expiring-unused')).toHaveCount(0);
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
  await openCompany(page);
  const before = await page.getByTestId('hl-next-reload-value').innerText();
  const ledgerBefore = await app.call('ledger:get', { orgId: company.id });
  await page.getByTestId('whatif-balance').fill('60');
  await expect(page.getByTestId('headline-what-if')).toBeVisible();
  await expect(page.getByTestId('hl-credit-left-value')).toContainText('$60.00');
  await expect(page.getByTestId('hl-next-reload-value')).not.toHaveText(before);
  await page.getByTestId('whatif-reset').click();
  await expect(page.getByTestId('headline-what-if')).toBeHidden();
  await expect(page.getByTestId('hl-next-reload-value')).toHaveText(before);
  expect(await app.call('ledger:get', { orgId: company.id })).toEqual(ledgerBefore);
});

test('no horizontal scroll at 390, 800, 1024 and 1440 px on either page; axe finds no violations, light and dark', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const pages = [
    { name: 'overview', go: () => open(page) },
    { name: 'account', go: () => openCompany(page) },
  ];
  for (const target of pages)
    for (const width of [390, 800, 1024, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await target.go();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter(
            (e) =>
              e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('details:not([open])'),
          )
          .slice(0, 8)
          .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
      );
      expect(
        overflow,
        `${target.name}: horizontal overflow at ${width}px: ${wide.join('; ')}`,
      ).toBeLessThanOrEqual(0);
    }
  // Both pages, both schemes, at the narrowest and the widest width (the layout changes between them).
  for (const width of [390, 1440])
    for (const scheme of ['light', 'dark'] as const)
      for (const target of pages) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await target.go();
        const results = await new AxeBuilder({ page }).analyze();
        expect(
          results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          `${target.name}, ${scheme}, ${width} px`,
        ).toEqual([]);
      }
});

test('the first screen: at most 150 words above the fold at 1440×900, no sentence over 25 words, no red box on a fresh demo; at 390 the first hero figure shows', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page);
  const words = await page.evaluate(wordsAboveFold, 900);
  expect(words.count, words.texts.join(' | ')).toBeLessThanOrEqual(150);
  const long = words.sentences.filter((s) => s.split(/\s+/).length > 25);
  expect(long).toEqual([]);
  for (const banned of [/\bdrift\b/i, /\bprovisional\b/i, /\bsettled\b/i, /\*\/5/, /--\w/])
    expect(words.texts.join(' ')).not.toMatch(banned);
  // Red is for alerts that need action; none holds on a fresh demo.
  await expect(page.locator('.alerts-action')).toHaveCount(0);
  await expect(page.locator('[data-needs-action="true"]')).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 844 });
  const hero = page.getByTestId('overview-card').first().locator('.ov-hero-value');
  await expect(hero).toBeVisible();
  const box = (await hero.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  // One row of header at 390.
  const header = (await page.locator('.topbar').boundingBox())!;
  expect(header.height).toBeLessThan(70);
  // The alerts are one line, a counter, until opened; opened, they list their rows.
  const counter = page.getByTestId('alert-counter');
  await expect(counter).toHaveAttribute('aria-expanded', 'false');
  expect((await counter.boundingBox())!.height).toBeLessThan(50);
  const rows = page.getByTestId('alert-banner').locator('[data-kind]');
  await expect(rows).toHaveCount(0);
  await counter.click();
  await expect(counter).toHaveAttribute('aria-expanded', 'true');
  await expect(rows.first()).toBeVisible();
});

/** Words of visible text whose top is above `fold` (closed details and visually hidden text left out). */
function wordsAboveFold(fold: number): { count: number; texts: string[]; sentences: string[] } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let count = 0;
  const texts: string[] = [];
  // Sentences are read per block (a paragraph, a list item, a heading, a cell), not across the page.
  const blocks = new Set<Element>();
  while (walker.nextNode()) {
    const t = walker.currentNode;
    const el = t.parentElement;
    if (!el || el.closest('.visually-hidden, script, style')) continue;
    const det = el.closest('details');
    if (det && !det.open && !el.closest('summary')) continue;
    const range = document.createRange();
    range.selectNodeContents(t);
    const r = range.getBoundingClientRect();
    if (r.width === 0 || r.top >= fold) continue;
    const text = (t.textContent ?? '').trim();
    const n = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (n === 0) continue;
    count += n;
    texts.push(text);
    blocks.add(el.closest('p, li, h1, h2, h3, td, th, label, summary, button, dt, dd') ?? el);
  }
  const sentences = [...blocks].flatMap((b) => (b as HTMLElement).innerText.trim().split(/(?<=[.?!])\s+/));
  return { count, texts, sentences };
}
