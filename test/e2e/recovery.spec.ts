// A damaged ledger: the app restores its newest readable backup, says what came back and from when,
// and lists the backups on the page, where one can be restored.
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENS_DIR } from './page-checks';
import { accountUrl, DEMO_ORG_ID, oneDemoOrgFiles, startServe, type ServedApp } from './serve';

const ORG = DEMO_ORG_ID;
const purchase = (id: string, usd: number) => ({
  id,
  kind: 'purchase',
  atMs: Date.UTC(2026, 0, 5, 12),
  micros: usd * 1e6,
  expiresAtMs: null,
  note: `typed ${id}`,
});
const ledger = (ids: string[]) =>
  JSON.stringify({ version: 1, entries: ids.map((id, i) => purchase(id, 10 * (i + 1))) }, null, 2);
let app: ServedApp;

test.beforeAll(async () => {
  app = await startServe({
    demo: true,
    files: oneDemoOrgFiles({
      [`ledger-${ORG}.json`]: ledger(['first', 'second']).slice(0, 60), // truncated
      [`backups/ledger-${ORG}.2026-01-05T12-00-00-000Z.json`]: ledger(['first']),
      [`backups/ledger-${ORG}.2026-01-06T09-30-00-000Z.json`]: ledger(['first', 'second']),
    }),
  });
});
test.afterAll(async () => app?.stop());

test('a truncated ledger comes back from its newest backup, and older backups can be restored', async ({
  page,
}) => {
  await page.goto(await accountUrl(app, ORG));
  const banner = page.getByTestId('store-problems');
  await expect(banner).toContainText('restored the backup of 2026-01-06 09:30 UTC (2 entries');
  await expect(banner).toContainText('.corrupt-');
  expect((await app.call('ledger:get', { orgId: ORG })).entries.map((e) => e.id).sort()).toEqual([
    'first',
    'second',
  ]);

  const backups = page.getByTestId('ledger-backups');
  await backups.locator('summary').click();
  await expect(backups.getByRole('listitem')).toHaveCount(2);
  const oldest = backups.getByRole('listitem').filter({ hasText: '1 entry' });
  await oldest.getByRole('button', { name: 'Restore' }).click();
  await oldest.getByRole('button', { name: 'Really restore this backup?' }).click();
  await expect(backups.getByRole('status')).toContainText('Restored the backup of');
  await expect(backups.getByRole('status')).toContainText(': 1 entry.');
  // The list follows: the restored state is the newest backup, and the ledger as it was before the
  // restore (as rewritten at recovery, in full form) is kept right after it.
  await expect(backups.getByRole('listitem')).toHaveCount(4);
  await expect(backups.getByRole('listitem').first()).toContainText('1 entry');
  await expect(backups.getByRole('listitem').nth(1)).toContainText('2 entries');
  await page.screenshot({ path: join(SCREENS_DIR, 'ledger-backups.png'), fullPage: true });
  expect((await app.call('ledger:get', { orgId: ORG })).entries.map((e) => e.id)).toEqual(['first']);
});
