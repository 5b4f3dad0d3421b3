// Alerts in real Chromium against `creditwatch serve --demo` at a pinned instant: a balance crossing and a
// spend spike each produce exactly one browser notification and one banner item; another sync does not
// repeat them; clearing the condition re-arms. The spike comes from a second organization served by
// `creditwatch simulate --trace` (the documented simulator, replaying an hourly trace with one hot hour).
import { test, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyLedger } from './empty-ledger';
import { startServe, type ServedApp } from './serve';
import {
  clickNotification,
  notificationRequests,
  shownNotifications,
  standInNotifications,
} from './notification-stand-in';

const NOW = '2026-11-24T14:30:00Z'; // a Tuesday; the trace's hot hour is Tuesday 14:00 UTC
const DAY_MS = 86_400_000;

/** One week of hourly spend from Monday 2026-11-16: flat, except Tuesday 14:00 at 100× (tokens and cost). */
function spikeTrace(): string {
  const rows = ['hour_utc,model,requests,input_tokens,output_tokens,cost_usd'];
  const start = Date.UTC(2026, 10, 16);
  for (let h = 0; h < 168; h++) {
    const at = start + h * 3_600_000;
    const hot = h === 24 + 14 ? 100 : 1;
    rows.push(
      `${new Date(at).toISOString().replace('.000Z', 'Z')},gpt-4o-mini,${100 * hot},${200_000 * hot},${50_000 * hot},${(0.5 * hot).toFixed(6)}`,
    );
  }
  return rows.join('\n') + '\n';
}

async function startTraceSimulator(): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'cw-spike-'));
  const file = join(dir, 'spike.csv');
  writeFileSync(file, spikeTrace());
  const child: ChildProcess = spawn(
    process.execPath,
    ['dist/cli.mjs', 'simulate', '--port', '0', '--trace', file, '--start', NOW],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulator did not start:\n${output}`)), 20_000);
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const m = /listening at (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  return {
    baseUrl,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

const countTag = async (page: Page, prefix: string) =>
  (await shownNotifications(page)).filter((n) => n.tag.startsWith(prefix)).length;

let app: ServedApp;
let sim: Awaited<ReturnType<typeof startTraceSimulator>>;
let demoOrgId: string;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  sim = await startTraceSimulator();
  app = await startServe({ demo: true, now: NOW });
  demoOrgId = (await app.call('orgs:list', {})).selectedOrgId!;
  // No auto-reload here: the demo's seeded rule would top a $5 balance up within the hour.
  await emptyLedger(app, demoOrgId);
});
test.afterAll(async () => {
  await app?.stop();
  await sim?.stop();
});

const observe = (usd: number, atMs: number) =>
  app.call('ledger:addEntry', {
    orgId: demoOrgId,
    entry: { id: crypto.randomUUID(), kind: 'observation', atMs, balanceMicros: usd * 1e6, note: '' },
  });

test('a balance crossing and a spend spike notify once each, and re-arm after clearing', async ({ page }) => {
  test.setTimeout(120_000);
  // Notifications for every alert, the spike's information included (by default only what needs action).
  await app.call('alerts:updateSettings', { notify: 'all' });
  // The user accepts the page's offer (the stand-in answers as a browser whose user clicked "Allow").
  await standInNotifications(page, { permission: 'default', answer: 'granted' });
  await page.goto(app.url); // the overview lists every account's alerts
  await expect(page.getByTestId('ov-line-this-month').first()).toContainText('$', { timeout: 45_000 });
  await page.getByRole('button', { name: 'Show alerts as desktop notifications' }).click();
  await expect(page.getByTestId('notify-status')).toHaveCount(0);
  expect(await notificationRequests(page)).toEqual({ requests: 1, refused: 0 });
  const { nowMs } = await app.call('app:info', {});

  // 1. The balance crosses the $10 low-credit line.
  await observe(5, nowMs - 60_000);
  const banner = page.getByTestId('alert-banner');
  await expect(banner.locator('[data-kind="low-credit"]')).toHaveCount(1);
  await expect.poll(() => countTag(page, 'low-credit:')).toBe(1);
  expect((await shownNotifications(page)).find((n) => n.tag.startsWith('low-credit:'))?.title).toMatch(
    /credit low/,
  );

  // 2. An organization whose usage this hour is far above the same hour yesterday: information, listed once
  // the alerts are opened (folded, the page lists only what needs action).
  await expect(banner.locator('[data-kind="low-credit"]')).toHaveAttribute('data-needs-action', 'true');
  await banner.getByTestId('alert-counter').click();
  await app.call('orgs:add', { name: 'Spiky', apiKey: 'sk-admin-e2e-spike-000000', baseUrl: sim.baseUrl });
  await expect(banner.locator('[data-kind="spend-spike"]')).toHaveCount(1, { timeout: 30_000 });
  await expect.poll(() => countTag(page, 'spend-spike:')).toBe(1);
  const spike = (await shownNotifications(page)).find((n) => n.tag.startsWith('spend-spike:'))!;
  expect(spike.title).toMatch(/Spiky: usage \d+× the usual/);

  // A click on a notification opens its organization in the page and closes the notification.
  const spikyId = (await app.call('orgs:list', {})).orgs.find((o) => o.name === 'Spiky')!.id;
  const switcher = page.getByTestId('org-switcher');
  await switcher.selectOption(demoOrgId);
  expect(await clickNotification(page, spike.tag)).toBe(true);
  await expect(switcher).toHaveValue(spikyId);
  await expect
    .poll(async () => (await shownNotifications(page)).find((n) => n.tag === spike.tag)?.isClosed)
    .toBe(true);
  await switcher.selectOption(demoOrgId);

  // 3. Another sync of every org does not repeat them.
  const before = (await app.call('alerts:get', {})).evaluatedMs!;
  for (const org of (await app.call('orgs:list', {})).orgs) await app.call('sync:now', { orgId: org.id });
  await expect.poll(async () => (await app.call('alerts:get', {})).evaluatedMs!).toBeGreaterThan(before);
  expect([await countTag(page, 'low-credit:'), await countTag(page, 'spend-spike:')]).toEqual([1, 1]);
  await expect(banner.locator('[data-kind="low-credit"]')).toHaveCount(1);

  // 4. Clearing the condition ends the episode; crossing again notifies again (once).
  await observe(1000, nowMs);
  await expect(banner.locator('[data-kind="low-credit"]')).toHaveCount(0);
  await observe(5, nowMs + 1000);
  await expect.poll(() => countTag(page, 'low-credit:')).toBe(2);
  await expect(banner.locator('[data-kind="low-credit"]')).toHaveCount(1);
  // The history keeps the whole story (on the overview, with the alert settings).
  await page.getByRole('link', { name: /All accounts/ }).click();
  await page.getByTestId('alert-history').locator('summary').click();
  await expect(page.getByTestId('alert-history')).toContainText(
    /Demo organization: credit low · notified · cleared/,
  );
});

test('notifications are offered by a button, and a refusal is said in the page', async ({ page }) => {
  await standInNotifications(page, { permission: 'default', answer: 'denied' });
  await page.goto(app.url);
  const offer = page.getByTestId('notify-status');
  await expect(offer.getByRole('button', { name: 'Show alerts as desktop notifications' })).toBeVisible();
  expect(await notificationRequests(page)).toEqual({ requests: 0, refused: 0 }); // never asked on load
  await offer.getByRole('button').click();
  // The user said no: the page says so, and the banner remains.
  await expect(page.getByTestId('notify-status')).toContainText('blocked');
  await expect(page.getByTestId('alert-banner')).toBeVisible();
  expect((await notificationRequests(page)).requests).toBe(1);
});

test("the page states the browser's own notification permission as it finds it", async ({ page }) => {
  // No stand-in: the Chromium under test answers. The packaged headless one blocks notifications from the
  // start: the page then does not repeat the browser's decision at the top, and says it in the alert
  // settings. A full Chromium offers them, then refuses a request nobody can answer, said at the top.
  // Either way the page says so in words, and never claims they are on.
  await page.goto(app.url);
  await expect(page.getByTestId('alert-settings')).toBeVisible({ timeout: 45_000 });
  const found = await page.evaluate(() => Notification.permission);
  expect(found).not.toBe('granted');
  if (found === 'default') {
    const status = page.getByTestId('notify-status');
    await status.getByRole('button', { name: 'Show alerts as desktop notifications' }).click();
    await expect(status).toContainText('Desktop notifications are blocked');
  } else {
    await expect(page.getByTestId('notify-status')).toHaveCount(0);
    await page.getByTestId('alert-settings').locator('summary').click();
    await expect(page.getByTestId('notify-blocked')).toContainText('Desktop notifications are blocked');
  }
});

test('a snooze in the past is refused with a clear message', async () => {
  const { nowMs } = await app.call('app:info', {});
  await expect(
    app.call('alerts:snooze', { alertId: `low-credit:${demoOrgId}`, untilMs: nowMs - DAY_MS }),
  ).rejects.toThrow(/A snooze must end in the future/);
});

test('alert settings refuse quiet hours that start and end together and a webhook that is not https', async ({
  page,
}) => {
  await page.goto(app.url);
  const form = page.getByTestId('alert-settings');
  await form.locator('summary').click();
  await form.getByLabel('Quiet hours from').fill('07:00');
  await form.getByLabel('until').fill('07:00');
  await form.getByRole('button', { name: 'Save alert settings' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'quiet hours must end at a different time than they start',
  );
  await form.getByLabel('until').fill('06:00');
  await form.getByLabel(/Webhook/).fill('http://hooks.example.com/x');
  await form.getByRole('button', { name: 'Save alert settings' }).click();
  await expect(form.getByRole('alert')).toContainText('must use https://');
  expect((await app.call('alerts:getSettings', {})).quietHours).toBeNull(); // nothing saved on a refusal
  await form.getByLabel(/Webhook/).fill('');
  await form.getByRole('button', { name: 'Save alert settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  expect((await app.call('alerts:getSettings', {})).quietHours).toEqual({ start: '07:00', end: '06:00' });
});
