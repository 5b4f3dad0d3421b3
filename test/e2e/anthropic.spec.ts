// The demo's Claude team account in real Chromium against `creditwatch serve --demo` at a pinned instant:
// today's request count from Anthropic's Analytics API (never "0 requests so far"), and Anthropic's
// spend limits (its usage-tier cap) beside the hard limit, read from Anthropic.
import { test, expect } from '@playwright/test';
import { formatUsd } from '@core/money';
import type { OrgSummary } from '@core/schemas';
import { startServe, type ServedApp } from './serve';
import { watchPageErrors } from './page-checks';

const NOW = '2026-12-07T10:40:00Z';
let app: ServedApp;
let claude: OrgSummary;

test.beforeAll(async () => {
  app = await startServe({ demo: true, now: NOW });
  claude = (await app.call('orgs:list', {})).orgs.find((o) => o.provider === 'anthropic')!;
  await app.call('sync:now', { orgId: claude.id });
  for (let i = 0; i < 240; i++) {
    const d = await app.call('dashboard:get', { orgId: claude.id });
    const limits = await app.call('limits:get', { orgId: claude.id });
    if (d.asOfMs !== null && d.sync.state === 'ok' && limits.asOfMs !== null) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('Claude team never synced');
});
test.afterAll(async () => {
  await app?.stop();
});

test('Claude team shows today’s requests and Anthropic’s usage-tier cap', async ({ page }) => {
  const errors = watchPageErrors(page);
  const dashboard = await app.call('dashboard:get', { orgId: claude.id });
  expect(dashboard.today.requests).toBeGreaterThan(0);
  await page.goto(app.url);
  await page.getByTestId('org-switcher').selectOption(claude.id);
  const org = page.getByTestId('org-page');
  await expect(org.getByTestId('org-provider')).toHaveText('Anthropic', { timeout: 30_000 });
  const count = new Intl.NumberFormat('en-US').format(dashboard.today.requests!);
  await expect(org).toContainText(`${count} requests so far`);
  const limits = page.getByTestId('spend-limits');
  await expect(limits).toContainText('Hard spend limit: none set');
  await expect(limits).toContainText(
    `Anthropic's cap for your usage tier: ${formatUsd(5_000_000_000)} a month`,
  );
  expect(errors).toEqual([]);
});
