// Data folders that never mix demo and real money, in real Chromium against `creditwatch serve` without
// --demo: an empty folder starts empty (the add-account form, the demo on offer, a restore); a backup restored
// there is shown before it is written, leaves its demo account out, brings its alert settings (the webhook
// named as a warning), and the account it adds asks for its key in place.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { defaultAlertSettings } from '@core/alerts/alert-settings';
import { buildBackupBody, checksumText } from '@core/backup/backup-file';
import { LedgerFileSchema } from '@core/ledger-schema';
import { SettingsSchema, type Org } from '@core/schemas';
import { createSimClock, startSimulator, type Simulator } from '../../main/simulator/index';
import { E2E_NOW, startServe, type ServedApp } from './serve';
import { watchPageErrors } from './page-checks';

let app: ServedApp;
let sim: Simulator;
test.beforeAll(async () => {
  [app, sim] = await Promise.all([
    startServe(),
    startSimulator({ seed: 3, clock: createSimClock({ startMs: Date.parse(E2E_NOW) }) }),
  ]);
});
test.afterAll(async () => {
  await Promise.all([app?.stop(), sim?.close()]);
});

/** A backup from another machine: the demo account, and Acme (on the simulator) with one purchase. */
function backupText(): string {
  const nowMs = Date.parse(E2E_NOW);
  const orgs: Org[] = [
    {
      id: 'org_demo00000001',
      name: 'Demo organization',
      kind: 'demo',
      provider: 'openai',
      baseUrl: null,
      createdAtMs: nowMs,
      demoProfile: 'company',
    },
    {
      id: 'org_acme00000001',
      name: 'Acme',
      kind: 'live',
      provider: 'openai',
      baseUrl: sim.baseUrl,
      createdAtMs: nowMs,
    },
  ];
  const purchase = {
    id: 'p1',
    kind: 'purchase',
    atMs: nowMs - 86_400_000,
    micros: 100_000_000,
    expiresAtMs: null,
    note: '',
  };
  const ledgers = new Map(
    orgs.map((o) => [o.id, LedgerFileSchema.parse({ version: 1, entries: [purchase] })]),
  );
  const body = buildBackupBody({
    settings: { ...SettingsSchema.parse({ version: 2 }), orgs, selectedOrgId: orgs[1]!.id },
    ledgers,
    nowMs,
    appVersion: '0.1.0',
    // Port 9 refuses at once: an alert that fires during the test goes nowhere.
    alertSettings: { ...defaultAlertSettings(), webhookUrl: 'https://127.0.0.1:9/creditwatch' },
  });
  const sha256 = createHash('sha256').update(checksumText(body), 'utf8').digest('hex');
  return JSON.stringify({ ...body, sha256 }, null, 2);
}

test('an empty folder starts empty; a restore there asks first, leaves the demo out, then asks for the key', async ({
  page,
}, info) => {
  const errors = watchPageErrors(page);
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Creditwatch' })).toBeVisible();
  await expect(page.getByTestId('add-org-form')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  expect((await app.call('orgs:list', {})).orgs, 'no demo account in a real folder').toEqual([]);

  const file = info.outputPath('from-another-machine.json');
  writeFileSync(file, backupText());
  await page.getByTestId('backup-restore').getByLabel('Restore from a backup file').setInputFiles(file);
  const preview = page.getByTestId('restore-preview');
  await expect(preview).toContainText(/This restore will add 1 account \("Acme"\) and 1 ledger entry/);
  await expect(preview).toContainText('the alert settings');
  await expect(preview).toContainText('1 demo account in the backup is left out');
  await expect(page.getByTestId('restore-webhook-warning')).toContainText('https://127.0.0.1:9/creditwatch');
  expect((await app.call('orgs:list', {})).orgs, 'nothing written before the go-ahead').toEqual([]);

  await preview.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('restore-report')).toContainText(
    /^Restored: 1 account added, 1 ledger entry, /,
  );
  const card = page.locator('[data-testid="key-needed"][data-org-id="org_acme00000001"]');
  await expect(card).toContainText('Key needed: Acme');
  await expect(card).toContainText(sim.baseUrl);
  const { orgs } = await app.call('orgs:list', {});
  expect(orgs.map((o) => [o.name, o.hasKey])).toEqual([['Acme', false]]);
  expect((await app.call('alerts:getSettings', {})).webhookUrl).toBe('https://127.0.0.1:9/creditwatch');

  await card.getByLabel('Admin key').fill('sk-admin-e2e-restored-0123456789');
  await card.getByRole('button', { name: 'Save the key' }).click();
  await expect(card).toHaveCount(0, { timeout: 30_000 });
  const after = await app.call('orgs:list', {});
  expect(after.orgs.map((o) => [o.id, o.hasKey])).toEqual([['org_acme00000001', true]]);
  expect((await app.call('ledger:get', { orgId: 'org_acme00000001' })).entries.map((e) => e.id)).toEqual([
    'p1',
  ]);
  expect(errors).toEqual([]);
});
