// The demo at the edges of the calendar, each on a host whose clock starts at that instant (`serve --now`):
// month-to-date equals the simulator's ground truth and names the right month, reload counts are whole
// numbers, "as of" is right in a display zone across a daylight-saving change, a purchase expiring that day
// is accounted for, and a run that crosses midnight UTC at a month end moves to the new month.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatUsd } from '@core/money';
import { HOUR_MS, startOfUtcDay, startOfUtcMonth } from '@core/time';
import { dateTimeWords } from '@core/words/date-words';
import { DEMO_SEED } from '../../main/app/demo-backend';
import { createSimulatedSpendModel } from '../../main/simulator/index';
import { SCREENS_DIR, watchPageErrors } from './page-checks';
import { emptyLedger } from './empty-ledger';
import { startServe, type ServedApp, accountUrl } from './serve';

test.describe.configure({ mode: 'parallel' });
test.beforeAll(() => mkdirSync(SCREENS_DIR, { recursive: true }));

const EDGES = [
  { name: 'last hour of a 30-day month', now: '2026-11-30T23:40:00Z', month: 'November 2026' },
  { name: "New Year's Eve", now: '2026-12-31T23:50:00Z', month: 'December 2026' },
  { name: "New Year's Day, the month's first minutes", now: '2027-01-01T00:20:00Z', month: 'January 2027' },
  { name: 'a leap day', now: '2028-02-29T12:00:00Z', month: 'February 2028' },
  { name: 'the 1st after a 28-day February', now: '2027-03-01T00:30:00Z', month: 'March 2027' },
];

async function firstSync(app: ServedApp): Promise<{ orgId: string; asOfMs: number }> {
  const orgId = (await app.call('orgs:list', {})).selectedOrgId!;
  await expect
    .poll(async () => (await app.call('dashboard:get', { orgId })).asOfMs, { timeout: 45_000 })
    .not.toBeNull();
  // Each case sets up its own ledger, as a new organization's.
  await emptyLedger(app, orgId);
  return { orgId, asOfMs: (await app.call('dashboard:get', { orgId })).asOfMs! };
}

/** What /costs showed for this month at `asOfMs`, from the simulator's own model (not the app's store). */
function truthMonthToDate(startIso: string, asOfMs: number): number {
  const model = createSimulatedSpendModel({ seed: DEMO_SEED }, Date.parse(startIso));
  return model.visibleCostMicros(startOfUtcMonth(asOfMs), asOfMs, asOfMs);
}

async function expectMonthToDate(page: Page, app: ServedApp, startIso: string, month: string) {
  const { orgId, asOfMs } = await firstSync(app);
  const dashboard = await app.call('dashboard:get', { orgId });
  expect(dashboard.monthToDate.totalMicros).toBe(truthMonthToDate(startIso, asOfMs));
  await expect(page.getByRole('heading', { name: `Spend this month · ${month}` })).toBeVisible();
  await expect(page.getByTestId('mtd-total')).toHaveText(formatUsd(dashboard.monthToDate.totalMicros));
  return { orgId, asOfMs, dashboard };
}

for (const edge of EDGES) {
  test(`${edge.name} (${edge.now}): month-to-date and whole reload counts`, async ({ page }) => {
    const app = await startServe({ demo: true, now: edge.now });
    try {
      const errors = watchPageErrors(page);
      const { orgId, asOfMs } = await firstSync(app);
      const dashboard = await app.call('dashboard:get', { orgId });
      expect(dashboard.monthToDate.totalMicros).toBe(truthMonthToDate(edge.now, asOfMs));
      if (startOfUtcDay(asOfMs) === startOfUtcMonth(asOfMs)) {
        // On the 1st nothing of this month has settled yet: all of it is today's provisional cost.
        expect(dashboard.monthToDate.settledMicros).toBe(0);
        expect(dashboard.monthToDate.totalMicros).toBe(dashboard.today.costMicros);
      }
      await app.call('ledger:addEntry', {
        orgId,
        entry: { id: 'e2e-balance', kind: 'observation', atMs: asOfMs, balanceMicros: 40_000_000, note: '' },
      });
      const { billing } = await app.call('ledger:get', { orgId });
      await app.call('ledger:updateBilling', {
        orgId,
        billing: {
          ...billing,
          mode: 'prepaid',
          reload: {
            enabled: true,
            thresholdMicros: 20_000_000,
            action: { kind: 'restore-to', targetMicros: 60_000_000 },
            monthlyLimit: null,
          },
        },
      });
      const money = await app.call('money:get', { orgId });
      const reloads = money.forecast?.reloads;
      expect(reloads, 'a restore-to rule gives a reload forecast').toBeTruthy();
      for (const count of [reloads!.count.p10, reloads!.count.p50, reloads!.count.p90])
        expect(Number.isInteger(count), `reload count ${count} is a whole number`).toBe(true);
      // The month end is the next UTC month start (billing months in UTC by default).
      expect(Date.parse(money.forecast!.monthEnd.at)).toBe(
        Date.UTC(new Date(asOfMs).getUTCFullYear(), new Date(asOfMs).getUTCMonth() + 1, 1),
      );

      await page.goto(await accountUrl(app));
      await expect(page.getByRole('heading', { name: `Spend this month · ${edge.month}` })).toBeVisible({
        timeout: 45_000,
      });
      // A scheduled sync may have run meanwhile: compare with the newest figures, themselves checked against truth.
      const latest = await app.call('dashboard:get', { orgId });
      expect(latest.monthToDate.totalMicros).toBe(truthMonthToDate(edge.now, latest.asOfMs!));
      await expect(page.getByTestId('mtd-total')).toHaveText(formatUsd(latest.monthToDate.totalMicros));
      const shown = page.getByTestId('hl-card-by-month-end-value');
      await expect(shown).toHaveText(/reload/, { timeout: 45_000 });
      expect((await shown.textContent()) ?? '', 'counts on the page are whole numbers').not.toMatch(
        // A count of reloads ("8 reloads", "likely 3–19"), never an amount ("$40.00 reload") mistaken for one.
        /(?<![$\d,.])\d+\.\d+ reloads?|likely \d+\.\d/,
      );
      await page.screenshot({ path: join(SCREENS_DIR, `edge-${edge.now.slice(0, 10)}.png`) });
      expect(errors).toEqual([]);
    } finally {
      await app.stop();
    }
  });
}

test('a grant that expires later today is used until then and the rest is called out as expiring', async () => {
  const now = '2026-12-15T09:00:00Z';
  const app = await startServe({ demo: true, now });
  try {
    const { orgId, asOfMs } = await firstSync(app);
    const expiresAtMs = asOfMs + 3 * HOUR_MS;
    expect(startOfUtcDay(expiresAtMs)).toBe(startOfUtcDay(asOfMs));
    await app.call('ledger:addEntry', {
      orgId,
      entry: {
        id: 'e2e-observed',
        kind: 'observation',
        atMs: asOfMs - 3 * HOUR_MS,
        balanceMicros: 0,
        note: '',
      },
    });
    await app.call('ledger:addEntry', {
      orgId,
      entry: {
        id: 'e2e-grant',
        kind: 'grant',
        atMs: asOfMs - 2 * HOUR_MS,
        micros: 50_000_000,
        expiresAtMs,
        note: 'expires today',
      },
    });
    const money = await app.call('money:get', { orgId });
    // The demo spends about a dollar an hour: most of the $50 is still there, and most of that expires.
    expect(money.balance!.estimateMicros).toBeGreaterThan(40_000_000);
    expect(money.balance!.estimateMicros).toBeLessThanOrEqual(50_000_000);
    const expiring = money.forecast!.expiringUnusedAmount!;
    expect(expiring.p50).toBeGreaterThan(30);
    expect(expiring.p90).toBeLessThanOrEqual(50);
  } finally {
    await app.stop();
  }
});

test('a display zone across a daylight-saving change shows "as of" in that zone', async ({ page }) => {
  // US clocks go back at 06:00 UTC on 1 November 2026 (02:00 EDT → 01:00 EST).
  const now = '2026-11-01T05:55:00Z';
  const app = await startServe({ demo: true, now });
  try {
    await app.call('settings:update', { timeZone: 'America/New_York' });
    await firstSync(app);
    await page.goto(await accountUrl(app));
    const asOf = page.getByTestId('as-of');
    await expect(asOf).toBeVisible({ timeout: 45_000 });
    const ms = Date.parse((await asOf.getAttribute('datetime'))!);
    const expected = dateTimeWords(ms, ms, 'America/New_York');
    await expect(asOf).toHaveText(expected);
    // Month-to-date follows UTC months (cost buckets are UTC days), whatever the display zone.
    await expect(page.getByRole('heading', { name: 'Spend this month · November 2026' })).toBeVisible();
  } finally {
    await app.stop();
  }
});

test('a run that crosses midnight UTC at a month end moves to the new month on the next sync', async ({
  page,
}) => {
  const now = '2026-11-30T23:59:40Z';
  const app = await startServe({ demo: true, now });
  try {
    const { orgId, asOfMs } = await firstSync(app);
    expect(new Date(asOfMs).getUTCMonth()).toBe(10);
    await page.goto(await accountUrl(app));
    await expect(page.getByRole('heading', { name: 'Spend this month · November 2026' })).toBeVisible({
      timeout: 45_000,
    });
    // The host's clock runs in real time from --now: wait until it is past midnight UTC.
    await expect
      .poll(async () => (await app.call('app:info', {})).nowMs, { timeout: 40_000, intervals: [1_000] })
      .toBeGreaterThan(Date.UTC(2026, 11, 1, 0, 0, 2));
    const status = await app.call('sync:now', { orgId });
    expect(status.state).toBe('ok');
    const after = await expectMonthToDate(page, app, now, 'December 2026');
    expect(after.dashboard.monthToDate.settledMicros).toBe(0);
  } finally {
    await app.stop();
  }
});
