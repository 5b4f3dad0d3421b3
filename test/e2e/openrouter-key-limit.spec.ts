// The demo's OpenRouter account in real Chromium against `creditwatch serve --demo` at a pinned instant:
// the spend-limits panel shows the credit limit of the key Creditwatch reads with (GET /api/v1/key; the
// demo key has none) and when it was read from OpenRouter.
import { test, expect } from '@playwright/test';
import type { OrgSummary } from '@core/schemas';
import { startServe, type ServedApp } from './serve';
import { watchPageErrors } from './page-checks';

const NOW = '2026-12-07T10:40:00Z';
let app: ServedApp;
let router: OrgSummary;

test.beforeAll(async () => {
  app = await startServe({ demo: true, now: NOW });
  router = (await app.call('orgs:list', {})).orgs.find((o) => o.provider === 'openrouter')!;
  await app.call('sync:now', { orgId: router.id });
  for (let i = 0; i < 240; i++) {
    const limits = await app.call('limits:get', { orgId: router.id });
    if (limits.asOfMs !== null) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the OpenRouter key limit was never read');
});
test.afterAll(async () => {
  await app?.stop();
});

test('the OpenRouter account shows its key’s credit limit, read from OpenRouter', async ({ page }) => {
  const errors = watchPageErrors(page);
  const view = await app.call('limits:get', { orgId: router.id });
  expect(view.keyLimit).toMatchObject({ limitMicros: null, remainingMicros: null });
  await page.goto(app.url);
  await page.getByTestId('org-switcher').selectOption(router.id);
  const limits = page.getByTestId('spend-limits');
  await expect(limits.getByTestId('key-limit')).toHaveText('Key credit limit: none set', { timeout: 30_000 });
  await limits.locator('summary').click();
  await expect(limits).toContainText('Read from OpenRouter');
  await expect(limits).toContainText('limit of the key Creditwatch reads with');
  expect(errors).toEqual([]);
});
