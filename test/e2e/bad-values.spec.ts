// One bad stored value never blanks the page: a ledger file holding entries dated beyond what a `Date` can
// hold (as a hand-edited file, or one from an older version, could) is read by the real host, which brings
// each date to the nearest it can store and says so in words; every panel keeps working, the entries stay
// listed (so they can be removed), and the file on disk keeps what was typed until the next save.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_INSTANT_MS } from '@core/sane-values';
import { test, expect } from './host-test';
import { SCREENS_DIR } from './page-checks';
import { accountUrl, DEMO_ORG_ID, E2E_NOW, oneDemoOrgFiles } from './serve';

const LEDGER = `ledger-${DEMO_ORG_ID}.json`;
const TYPED = JSON.stringify(
  {
    version: 1,
    entries: [
      {
        id: 'far',
        kind: 'purchase',
        atMs: Date.parse(E2E_NOW) - 86_400_000,
        micros: 5_000_000,
        expiresAtMs: 9e15,
        note: '',
      },
      { id: 'farther', kind: 'grant', atMs: 9e15, micros: 1_000_000, expiresAtMs: 9.1e15, note: '' },
    ],
  },
  null,
  2,
);

test.use({ serve: { files: oneDemoOrgFiles({ [LEDGER]: TYPED }) } });

test('an entry dated beyond what a Date can hold leaves the page usable', async ({ page, app }) => {
  await page.goto(await accountUrl(app, DEMO_ORG_ID));
  // The page keeps its panels: the overview, the spend figures and the organization heading.
  await expect(page.getByTestId('org-page')).toBeVisible();
  await expect(page.getByTestId('mtd-total')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeVisible();
  // The page says, in words, which dates were out of range and what they read now.
  const banner = page.getByTestId('store-problems');
  await expect(banner).toContainText('outside 2015–2200');
  await expect(banner).toContainText('2200-01-01');
  // The ledger lists both entries (so they can be removed), dated at the latest instant kept.
  const { entries } = await app.call('ledger:get', { orgId: DEMO_ORG_ID });
  expect(entries.map((e) => [e.id, e.atMs, 'expiresAtMs' in e ? e.expiresAtMs : null]).sort()).toEqual([
    ['far', Date.parse(E2E_NOW) - 86_400_000, MAX_INSTANT_MS],
    ['farther', MAX_INSTANT_MS, MAX_INSTANT_MS],
  ]);
  const ledger = page.getByTestId('ledger-list');
  await expect(ledger.getByTestId('ledger-row')).toHaveCount(2);
  await expect(ledger).toContainText('2200');
  await expect(page.getByText('an unreadable date')).toHaveCount(0);
  // What was typed is still on disk, byte for byte, until the next save (which backs it up first).
  expect(readFileSync(join(app.dataDir, LEDGER), 'utf8')).toBe(TYPED);
  await page.screenshot({ path: join(SCREENS_DIR, 'bad-values.png'), fullPage: true });
});
