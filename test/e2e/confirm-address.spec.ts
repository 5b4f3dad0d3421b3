// An account a backup brings back with its own address comes back paused: Settings → Organizations shows
// "paused: confirm this address" with the address, and only the user's "Confirm this address" pairs a key
// with it. The backup is restored through the host's API, as the page's restore does.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { E2E_NOW, startServe, type ServedApp } from './serve';
import { watchPageErrors } from './page-checks';

const ADDRESS = 'https://proxy.example.test/v1';
let app: ServedApp;

test.beforeAll(async () => {
  app = await startServe({ demo: true });
});
test.afterAll(async () => {
  await app?.stop();
});

function backupWithAddress(): string {
  const body = {
    format: 'creditwatch-backup',
    version: 1,
    createdAt: E2E_NOW,
    appVersion: '0.1.0',
    note: 'n',
    settings: {
      syncCron: '*/5 * * * *',
      backfillDays: 90,
      timeZone: null,
      selectedOrgId: null,
      conversionRates: [],
    },
    orgs: [
      {
        org: {
          id: 'org_viaproxy0001',
          name: 'Via proxy',
          kind: 'openai',
          provider: 'openai',
          baseUrl: ADDRESS,
          createdAtMs: Date.UTC(2025, 11, 1),
        },
        ledger: { version: 1, entries: [] },
      },
    ],
  };
  const sha256 = createHash('sha256').update(JSON.stringify(body), 'utf8').digest('hex');
  return JSON.stringify({ ...body, sha256 });
}

test('a restored account with its own address waits for the user to confirm it', async ({ page }) => {
  const errors = watchPageErrors(page);
  const report = await app.call('backup:restore', { text: backupWithAddress() });
  expect(report.orgsAdded).toEqual(['Via proxy']);
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  const row = page.getByTestId('org-list').getByRole('listitem').filter({ hasText: 'Via proxy' });
  await expect(row.getByTestId('address-to-confirm')).toHaveText(`paused: confirm this address — ${ADDRESS}`);
  await row.getByRole('button', { name: 'Confirm this address' }).click();
  await expect(row.getByTestId('address-to-confirm')).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Confirm this address' })).toHaveCount(0);
  const { orgs } = await app.call('orgs:list', {});
  expect(orgs.find((o) => o.name === 'Via proxy')?.addressToConfirm).toBeUndefined();
  expect(errors).toEqual([]);
});
