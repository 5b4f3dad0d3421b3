// One figure, one request: in real Chromium against `creditwatch serve --demo` at a pinned instant, the overview
// and then an account's page (reached without reloading the page) ask the host for that account's dashboard,
// balance view and answer once, from the page's one server cache. The clock does not move, so no sync runs
// and no event asks for fresh figures in between.
import { test, expect, type Request } from '@playwright/test';
import { REFRESH_MS } from '../../renderer/api/server-state';
import { startServe, type ServedApp } from './serve';

const NOW = '2026-11-18T15:20:00Z';
let app: ServedApp;
let companyId: string;

test.beforeAll(async () => {
  app = await startServe({ demo: true, now: NOW });
  const { orgs } = await app.call('orgs:list', {});
  companyId = orgs.find((o) => o.demoProfile === 'company')!.id;
  for (const org of orgs) {
    for (let i = 0; i < 120; i++) {
      const d = await app.call('dashboard:get', { orgId: org.id });
      if (d.asOfMs !== null && d.sync.state === 'ok') break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
});
test.afterAll(async () => {
  await app?.stop();
});

/** How many requests on `channel` named `orgId`. */
function count(requests: Request[], channel: string, orgId: string): number {
  return requests.filter(
    (r) => r.url().endsWith(`/api/${channel}`) && (r.postDataJSON() as { orgId?: string })?.orgId === orgId,
  ).length;
}

test('the overview and the account page share one request per figure', async ({ page }) => {
  const requests: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/')) requests.push(r);
  });
  await page.goto(app.url);
  await expect(page.getByTestId('overview-card')).toHaveCount(5, { timeout: 45_000 });
  await expect(page.locator('[data-figure="credit-left"]').first()).toBeVisible({ timeout: 45_000 });
  await page.evaluate((id) => (location.hash = `#/org/${encodeURIComponent(id)}`), companyId);
  await expect(page.getByTestId('balance-chart')).toBeVisible({ timeout: 45_000 });
  // Back to the overview: its figures are on screen at once, from the same cache.
  await page.evaluate(() => (location.hash = '#/'));
  await expect(page.getByTestId('overview-card')).toHaveCount(5);

  expect(count(requests, 'dashboard:get', companyId)).toBe(1);
  expect(count(requests, 'money:get', companyId)).toBe(1);
  expect(count(requests, 'answer:get', companyId)).toBe(1);
});

/** Requests on `channel` (whatever their arguments). */
function onChannel(requests: Request[], channel: string): Request[] {
  return requests.filter((r) => r.url().endsWith(`/api/${channel}`));
}

/**
 * At most one request, plus one for each minute's refresh that fell while the view was on screen (a slow,
 * busy machine may take longer than a minute over the test; a quick run must show exactly one).
 */
function oncePerRefresh(asked: number[], endMs: number): number {
  return asked.length === 0 ? 0 : 1 + Math.floor((endMs - asked[0]!) / REFRESH_MS);
}

test('the page clock, the store problems, the alert settings and the spend limits are asked once', async ({
  page,
}) => {
  const requests: Request[] = [];
  const askedAt = new Map<Request, number>();
  page.on('request', (r) => {
    if (r.method() !== 'POST' || !r.url().includes('/api/')) return;
    requests.push(r);
    askedAt.set(r, Date.now());
  });
  await page.goto(app.url);
  await expect(page.getByTestId('overview-card')).toHaveCount(5, { timeout: 45_000 });
  await expect(page.getByTestId('alert-settings')).toBeVisible();
  // Each account page and the overview twice: every view mounts its loaders again.
  for (let round = 0; round < 2; round++) {
    await page.evaluate((id) => (location.hash = `#/org/${encodeURIComponent(id)}`), companyId);
    await expect(page.getByTestId('balance-chart')).toBeVisible({ timeout: 45_000 });
    await expect.poll(() => count(requests, 'limits:get', companyId)).toBeGreaterThan(0);
    await page.evaluate(() => (location.hash = '#/'));
    await expect(page.getByTestId('alert-settings')).toBeVisible();
  }
  // Opening the settings shows the stored ones at once, from the cache.
  await page.getByTestId('alert-settings').locator('summary').click();
  await expect(page.getByRole('button', { name: 'Save alert settings' })).toBeVisible();
  const endMs = Date.now();

  const times = (list: Request[]) => list.map((r) => askedAt.get(r)!);
  const limits = onChannel(requests, 'limits:get').filter(
    (r) => (r.postDataJSON() as { orgId?: string }).orgId === companyId,
  );
  expect(onChannel(requests, 'app:info')).toHaveLength(1); // the clock is asked once, never refreshed
  for (const list of [
    onChannel(requests, 'alerts:getSettings'),
    limits,
    onChannel(requests, 'app:problems'),
  ]) {
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThanOrEqual(oncePerRefresh(times(list), endMs));
  }
});
