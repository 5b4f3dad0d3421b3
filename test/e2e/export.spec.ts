// Export & backup in real Chromium against `creditwatch serve --demo` with a pinned clock: the CSV the page
// downloads adds up to the simulator's ground truth to the cent for the chosen range, the CLI writes the same
// file from the same data folder, a JSON export is valid against the published schema, and a backup made in
// the page restores as "nothing to do" on the same machine.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import Papa from 'papaparse';
import { formatUsd } from '@core/money';
import { createSimulatedSpendModel } from '../../main/simulator/index';
import { DEMO_SEED } from '../../main/app/demo-backend';
import { accountUrl, startServe, type ServedApp } from './serve';
import { SCREENS_DIR, watchPageErrors } from './page-checks';

const NOW = '2026-11-18T15:20:00Z';
const FROM = '2026-11-03';
const TO = '2026-11-18';
const run = promisify(execFile);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

let app: ServedApp;
test.beforeAll(async () => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  app = await startServe({ demo: true, now: NOW });
});
test.afterAll(async () => {
  await app?.stop();
});

async function openPanel(page: import('@playwright/test').Page) {
  await page.goto(await accountUrl(app));
  await expect(page.getByTestId('as-of')).toBeVisible({ timeout: 45_000 });
  await page.getByRole('button', { name: 'Export & backup' }).click();
  await expect(page.getByTestId('files-panel')).toBeVisible();
}

async function download(page: import('@playwright/test').Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

test('a CSV export from the page equals the simulator ground truth; the CLI writes the same file', async ({
  page,
}) => {
  const errors = watchPageErrors(page);
  await openPanel(page);
  const form = page.getByTestId('export-form');
  await form.getByLabel('What').selectOption('costs');
  await form.getByLabel('From (UTC day)').fill(FROM);
  await form.getByLabel('To (UTC day, included)').fill(TO);
  const csv = await download(page, () => form.getByRole('button', { name: 'Export' }).click());
  await page.screenshot({ path: join(SCREENS_DIR, 'export-panel.png') });
  expect(csv.name).toBe(`creditwatch-costs-demo-organization-${FROM}-${TO}.csv`);

  const { selectedOrgId } = await app.call('orgs:list', {});
  const asOfMs = (await app.call('dashboard:get', { orgId: selectedOrgId! })).asOfMs!;
  const parsed = Papa.parse<Record<string, string>>(csv.text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const totalMicros = parsed.data.reduce((a, r) => a + Math.round(Number(r.cost_usd) * 1e6), 0);
  const model = createSimulatedSpendModel({ seed: DEMO_SEED }, asOfMs);
  const truth = model.visibleCostMicros(Date.parse(`${FROM}T00:00:00Z`), asOfMs, asOfMs);
  expect(truth).toBeGreaterThan(0);
  expect(formatUsd(totalMicros)).toBe(formatUsd(truth));
  expect(totalMicros).toBe(truth);
  const days = new Set(parsed.data.map((r) => r.date_utc));
  expect([...days].sort()[0]).toBe(FROM);
  expect([...days].sort().at(-1)).toBe(TO);

  const { nowMs } = await app.call('app:info', {});
  const cli = await run(process.execPath, [
    'dist/cli.mjs',
    'export',
    '--data-dir',
    app.dataDir,
    '--now',
    new Date(nowMs).toISOString(),
    '--org',
    'Demo organization',
    '--from',
    FROM,
    '--to',
    TO,
    '--what',
    'costs',
  ]);
  expect(cli.stdout).toBe(csv.text);
  expect(errors.filter((e) => !e.includes('/download/'))).toEqual([]);
});

test('the Export & backup panel has no accessibility violations', async ({ page }) => {
  await openPanel(page);
  const result = await new AxeBuilder({ page }).include('[data-testid="files-panel"]').analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('a JSON export parses against the published schema', async ({ page }) => {
  await openPanel(page);
  const form = page.getByTestId('export-form');
  await form.getByLabel('What').selectOption('snapshots');
  await form.getByLabel('JSON (scripts)').check();
  const json = await download(page, () => form.getByRole('button', { name: 'Export' }).click());
  const doc = JSON.parse(json.text) as { table: string; rows: unknown[] };
  const schema = JSON.parse(readFileSync('main/core/export/export.schema.json', 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  expect(doc.table).toBe('snapshots');
  expect(doc.rows.length).toBeGreaterThan(0);
});

test('a JSON ledger export of every account names each provider and the currency of its amounts', async ({
  page,
}) => {
  await openPanel(page);
  const form = page.getByTestId('export-form');
  await form.getByLabel('Organization').selectOption('all');
  await form.getByLabel('What').selectOption('ledger');
  await form.getByLabel('JSON (scripts)').check();
  const json = await download(page, () => form.getByRole('button', { name: 'Export' }).click());
  const doc = JSON.parse(json.text) as {
    organizations: Array<{ name: string; provider: string; currency: string }>;
    rows: Array<{ org_name: string; provider: string; currency: string }>;
  };
  const schema = JSON.parse(readFileSync('main/core/export/export.schema.json', 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  const accounts = Object.fromEntries(doc.organizations.map((o) => [o.name, `${o.provider} ${o.currency}`]));
  expect(accounts).toMatchObject({
    'Claude team': 'anthropic USD',
    OpenRouter: 'openrouter USD',
    DeepSeek: 'deepseek CNY',
  });
  expect(doc.organizations).toHaveLength(5);
  // Every row carries its own account's provider and currency (DeepSeek's amounts are in yuan).
  expect(new Set(doc.rows.map((r) => r.org_name)).size).toBe(5);
  for (const r of doc.rows) expect(`${r.provider} ${r.currency}`).toBe(accounts[r.org_name]);
});

test('a reversed range is refused in the page with the reason, and nothing downloads', async ({ page }) => {
  await openPanel(page);
  const form = page.getByTestId('export-form');
  await form.getByLabel('From (UTC day)').fill('2026-11-18');
  await form.getByLabel('To (UTC day, included)').fill('2026-11-02');
  let downloads = 0;
  page.on('download', () => downloads++);
  await form.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByTestId('export-error')).toContainText('The range is reversed');
  expect(downloads).toBe(0);
});

test('a backup made in the page restores as "nothing to do"; a cut-short file is refused', async ({
  page,
}, info) => {
  await openPanel(page);
  const panel = page.getByTestId('backup-restore');
  const backup = await download(page, () => panel.getByRole('button', { name: 'Save a backup' }).click());
  expect(backup.name).toBe('creditwatch-backup-2026-11-18.json');
  expect(backup.text).toContain('Admin keys are never included');
  const file = info.outputPath('backup.json');
  writeFileSync(file, backup.text);
  await panel.getByLabel('Restore from a backup file').setInputFiles(file);
  await expect(page.getByTestId('restore-report')).toContainText('Nothing to restore');
  const cut = info.outputPath('cut.json');
  writeFileSync(cut, backup.text.slice(0, 120));
  await panel.getByLabel('Restore from a backup file').setInputFiles(cut);
  await expect(page.getByTestId('restore-error')).toContainText('not complete JSON');
});
