// The organization page's headline figures are the `creditwatch forecast` command's answers for the same
// inputs: the company demo's stored hourly spend (read from the host's data folder), its estimated balance, its
// auto-reload rule, its credit lots, the app's horizon (31 days) and seed — the command's JSON must equal `money:get`'s forecast,
// and the page must show those figures.
import { dateWords } from '@core/words/date-words';
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_HORIZON_HOURS } from '@core/money-compute';
import { deriveSeed } from '@core/random';
import { dailyTotals, hourlyShapes, hourlySpendSeries } from '@core/spend-history';
import { DAY_MS, HOUR_MS, startOfUtcDay } from '@core/time';
import { openOrgHistory } from '../../main/services/stores/history-store';
import { startServe, type ServedApp, accountUrl } from './serve';

const NOW = '2026-11-18T15:20:00Z';
let app: ServedApp;
let tmp: string;

test.beforeAll(async () => {
  app = await startServe({ demo: true, now: NOW });
  tmp = mkdtempSync(join(tmpdir(), 'cw-parity-'));
});
test.afterAll(async () => {
  await app?.stop();
  rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

test('headline figures equal the forecast command for the same inputs', async ({ page }) => {
  const orgId = (await app.call('orgs:list', {})).orgs.find((o) => o.demoProfile === 'company')!.id;
  await expect
    .poll(async () => (await app.call('money:get', { orgId })).forecast !== null, { timeout: 45_000 })
    .toBe(true);
  await page.goto(await accountUrl(app));
  await expect(page.getByTestId('hl-next-reload-value')).toBeVisible({ timeout: 45_000 });
  const money = await app.call('money:get', { orgId });
  const nowMs = money.asOfMs;

  // The same inputs the app's balance service reads (90 days of costs, 14 of hourly usage).
  const history = await openOrgHistory(join(app.dataDir, 'history', orgId), { nowMs: () => nowMs });
  const today = startOfUtcDay(nowMs);
  const costDays = await history.costDays({ startMs: today - 90 * DAY_MS, endMs: today + DAY_MS });
  const usage = await history.usage({ startMs: today - 14 * DAY_MS, endMs: nowMs });
  const historyStart = Math.max(history.sync().cursor.backfillStartMs!, today - 90 * DAY_MS);
  const series = hourlySpendSeries(dailyTotals(costDays), hourlyShapes(usage), historyStart, nowMs);
  const csv = ['hour_utc,cost_usd']
    .concat(
      Array.from(series.usd, (usd, i) => `${new Date(series.startMs + i * HOUR_MS).toISOString()},${usd}`),
    )
    .join('\n');
  writeFileSync(join(tmp, 'history.csv'), csv);
  const rule = money.ledger.billing.reload!;
  expect(rule.action.kind).toBe('restore-to');
  const out = execFileSync(process.execPath, [
    'dist/cli.mjs',
    'forecast',
    '--history',
    join(tmp, 'history.csv'),
    '--now',
    new Date(nowMs).toISOString(),
    '--balance',
    String(money.balance!.estimateMicros / 1e6),
    '--threshold',
    String(rule.thresholdMicros / 1e6),
    '--recharge-to',
    String(rule.action.kind === 'restore-to' ? rule.action.targetMicros / 1e6 : 0),
    // The credit left in each lot, in the order it is drawn: expiring credit lowers the balance too.
    ...(money.lots ?? []).flatMap((l) => [
      '--credit',
      `${l.remainingMicros / 1e6}@${new Date(l.expiresAtMs).toISOString()}`,
    ]),
    '--horizon-hours',
    String(APP_HORIZON_HOURS),
    '--seed',
    String(deriveSeed(1, orgId)),
    '--json',
  ]).toString();
  const cli = JSON.parse(out);
  const f = money.forecast!;
  expect(cli.crossing).toEqual(f.crossing);
  expect(cli.reloads).toEqual(f.reloads);
  expect(cli.monthEnd.spendAmount).toEqual(f.monthEnd.spendAmount);

  // The page shows them, quoted from the account's answer: the likely day of the next auto-reload, the card
  // charges by month end as a count and amount, and spend until month end (the page's figures were computed
  // seconds earlier, so spend until month end may differ by a cent or two).
  const answer = await app.call('answer:get', { orgId });
  const day = dateWords(Date.parse(cli.crossing.p50), answer.nowMs, answer.timeZone);
  await expect(page.getByTestId('hl-next-reload-value')).toContainText(`around ${day}`);
  await expect(page.getByTestId('hl-next-reload-value')).toHaveText(answer.figures['next-reload'].text);
  expect(answer.cardByMonthEnd?.count).toEqual({
    low: cli.reloads.count.p10,
    mid: cli.reloads.count.p50,
    high: cli.reloads.count.p90,
  });
  await expect(page.getByTestId('hl-card-by-month-end-value')).toHaveText(
    answer.figures['card-by-month-end'].text,
  );
  const spend = await page.getByTestId('month-end-spend').innerText();
  // A ranged figure is said in whole units from 100 up (the one rounding rule), else to the cent.
  const shown = Number((spend.match(/\$[\d,]+(\.\d\d)?/)?.[0] ?? '').replace(/[$,]/g, ''));
  expect(Math.abs(shown - cli.monthEnd.spendAmount.p50)).toBeLessThan(
    cli.monthEnd.spendAmount.p50 >= 100 ? 0.51 : 0.01,
  );
});
