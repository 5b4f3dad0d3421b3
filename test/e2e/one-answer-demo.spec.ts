// The demo at a set instant speaks with one voice: each named figure of each of the five accounts reads the
// same on the overview cards, on the account page's headline, in the alerts banner, in the notifications,
// in the tray model and in `creditwatch status --json` run against the same data folder — the words of the
// account's answer (`answer:list`), and a figure that cannot be known says so in words everywhere.
import { spawnSync } from 'node:child_process';
import { test, expect, type Page } from '@playwright/test';
import type { AccountAnswer, FigureName } from '@core/answer/account-answer';
import type { Alert } from '@core/alerts/alert-types';
import { trayModelOf } from '@core/tray-state';
import { shownNotifications, standInNotifications } from './notification-stand-in';
import { accountUrl, startServe, type ServedApp } from './serve';

const NOW = '2026-12-07T09:23:00Z';
let app: ServedApp;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  app = await startServe({ demo: true, now: NOW });
});
test.afterAll(async () => {
  await app?.stop();
});
// Playwright reads the fixtures a hook needs from its first parameter's pattern: this one needs none.
// eslint-disable-next-line no-empty-pattern
test.afterEach(async ({}, testInfo) => {
  // What the host printed, when the check failed (a host that stopped answering says why here).
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('serve output', { body: app?.output() ?? '', contentType: 'text/plain' });
});

/** Every `data-figure` element on the page: which figure, whose, and its words. */
const pageFigures = (page: Page) =>
  page.locator('[data-figure][data-org]').evaluateAll((els) =>
    els.map((e) => ({
      name: e.getAttribute('data-figure') as string,
      org: e.getAttribute('data-org') as string,
      text: (e.textContent ?? '').trim(),
    })),
  );

/** The figures on the page that do not read as the answer words them (empty when all agree). */
async function mismatches(page: Page, answers: readonly AccountAnswer[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of await pageFigures(page)) {
    const a = answers.find((x) => x.orgId === f.org);
    const want = a?.figures[f.name as FigureName]?.text;
    if (want !== f.text) out.push(`${a?.orgName ?? f.org} ${f.name}: page "${f.text}", answer "${want}"`);
  }
  return out;
}

/** Every account's answer now. A read, so it is asked again when the host had just closed an idle connection. */
const answersNow = async (): Promise<AccountAnswer[]> => {
  try {
    return (await app.call('answer:list', {})).answers;
  } catch (err) {
    if ((err as Error).message !== 'fetch failed') throw err;
    return (await app.call('answer:list', {})).answers;
  }
};

/** `creditwatch status --json` on the host's folder at `nowMs`: each figure that differs from `answers`. */
function statusMismatches(answers: readonly AccountAnswer[]): string[] {
  const status = spawnSync(
    process.execPath,
    [
      ...['dist/cli.mjs', 'status', '--data-dir', app.dataDir, '--json', '--no-sync'],
      ...['--now', new Date(answers[0]!.nowMs).toISOString()],
    ],
    { encoding: 'utf8' },
  );
  if (status.status !== 0) return [`status exited ${status.status}: ${status.stderr}`];
  const doc = JSON.parse(status.stdout) as {
    accounts: Array<{ orgId: string; figures: Record<string, { text: string; value: number | null }> }>;
  };
  const out: string[] = [];
  if (doc.accounts.length !== answers.length) out.push(`status lists ${doc.accounts.length} accounts`);
  for (const a of answers) {
    const acc = doc.accounts.find((x) => x.orgId === a.orgId);
    for (const [name, f] of Object.entries(a.figures)) {
      const got = acc?.figures[name];
      if (got?.text !== f.text || got?.value !== f.valueMicros)
        out.push(
          `${a.orgName} ${name}: status "${got?.text}" (${got?.value}), answer "${f.text}" (${f.valueMicros})`,
        );
    }
  }
  return out;
}

/** The alert kinds that quote a figure, and which. */
const QUOTES: Partial<Record<Alert['kind'], FigureName>> = {
  'low-credit': 'credit-left',
  'low-runway': 'runs-out',
  'card-charge': 'card-by-month-end',
  'reload-soon': 'next-reload',
};

test('each figure of each demo account has one value wherever it appears', async ({ page }) => {
  test.setTimeout(240_000);
  await expect
    .poll(async () => (await answersNow()).every((a) => a.staleness.lastSyncMs !== null), {
      timeout: 120_000,
    })
    .toBe(true);
  await standInNotifications(page, { permission: 'granted', answer: 'granted' });
  await page.goto(app.url);
  await expect(page.locator('[data-figure="credit-left"]').first()).toBeVisible({ timeout: 45_000 });

  // A balance recorded on "Personal" (prepaid, no auto-reload) that is below the $10 alert: the alert is
  // raised while the page is open, as a notification and in the banner.
  const orgs = (await app.call('orgs:list', {})).orgs;
  const personal = orgs.find((o) => o.demoProfile === 'personal')!;
  await app.call('ledger:updateBilling', {
    orgId: personal.id,
    billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
  });
  const { nowMs } = await app.call('app:info', {});
  await app.call('ledger:addEntry', {
    orgId: personal.id,
    entry: { id: 'e2e-low', kind: 'observation', atMs: nowMs - 60_000, balanceMicros: 4_000_000, note: '' },
  });
  await expect
    .poll(async () => (await shownNotifications(page)).some((n) => n.tag === `low-credit:${personal.id}`), {
      timeout: 30_000,
    })
    .toBe(true);

  // Overview: every card figure is the answer's words.
  await expect.poll(async () => mismatches(page, await answersNow()), { timeout: 30_000 }).toEqual([]);
  const answers = await answersNow();
  const onOverview = await pageFigures(page);
  for (const a of answers)
    expect(
      onOverview.some((f) => f.org === a.orgId),
      `${a.orgName} has figures on its card`,
    ).toBe(true);

  // Notifications and the banner: the alert's words, which quote the figure they name as the answer does.
  const { active } = await app.call('alerts:get', {});
  const shown = await shownNotifications(page);
  for (const n of shown) {
    const alert = active.find((x) => x.id === n.tag);
    if (!alert) continue; // raised and since cleared
    expect(n.body, n.tag).toBe(alert.body);
  }
  const lowNote = shown.find((n) => n.tag === `low-credit:${personal.id}`)!;
  const personalAnswer = answers.find((a) => a.orgId === personal.id)!;
  expect(lowNote.body).toContain(personalAnswer.figures['credit-left'].text);
  const counter = page.getByTestId('alert-counter');
  if ((await counter.getAttribute('aria-expanded')) === 'false') await counter.click();
  for (const alert of active) {
    const quoted = QUOTES[alert.kind];
    const answer = answers.find((a) => a.orgId === alert.orgId)!;
    if (quoted && answer.figures[quoted].atMs !== null)
      expect(alert.body + alert.title, alert.id).toContain(answer.figures[quoted].text);
    const row = page
      .locator(`[data-testid="alert-group"][data-org-id="${alert.orgId}"]`)
      .locator(`[data-testid="alert-item"][data-kind="${alert.kind}"]`);
    if ((await row.count()) > 0) await expect(row.first()).toContainText(alert.body);
  }

  // The tray model over the same answers and alerts: each account's line quotes its credit left.
  const tray = trayModelOf({
    answers,
    active,
    nowMs: answers[0]!.nowMs,
    figure: 'credit',
    pinnedOrgId: null,
    timeZone: answers[0]!.timeZone,
  });
  for (const a of answers) {
    const line = tray.menuLines.find((l) => l.startsWith(`${a.orgName}: `));
    expect(line, a.orgName).toBeDefined();
    if (a.figures['credit-left'].isKnown) expect(line).toContain(`credit ${a.figures['credit-left'].text}`);
  }

  // Each account's page: its headline figures are the answer's words; what is not known says so.
  for (const a of answers) {
    await page.goto(await accountUrl(app, a.orgId));
    await expect(page.locator(`[data-figure="credit-left"][data-org="${a.orgId}"]`).first()).toBeVisible({
      timeout: 45_000,
    });
    await expect.poll(async () => mismatches(page, await answersNow()), { timeout: 30_000 }).toEqual([]);
    for (const f of (await pageFigures(page)).filter((x) => x.org === a.orgId)) {
      const fig = a.figures[f.name as FigureName];
      if (!fig.isKnown) expect(f.text, `${a.orgName} ${f.name}`).toMatch(/^not known yet — /);
    }
  }

  // `creditwatch status --json` on the same folder at the answers' instant: the same words and values. A
  // scheduled sync landing between the two reads changes the data itself, so a difference is read again.
  let differ: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    differ = statusMismatches(await answersNow());
    if (differ.length === 0) break;
  }
  expect(differ).toEqual([]);
});
