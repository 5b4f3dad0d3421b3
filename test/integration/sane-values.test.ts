// Every stored value in a sane range, on every path: the API refuses it, restore refuses it, a file that
// holds one loads with the value repaired and the repair reported, and a zone that slipped past every
// check still leaves alerts and the money view working.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArgs } from '@core/api-contract';
import { checksumText, type BackupBody } from '@core/backup/backup-file';
import type { LedgerFile } from '@core/ledger-schema';
import { reloadRuleProblem } from '@core/reload-rule-check';
import { formatClock } from '@core/sync-errors';
import { DAY_MS } from '@core/time';
import { createApp, type App } from '../../main/app/create-app';
import { clockFromFlag } from '../../main/commands/data-folder';
import { restoreBackup } from '../../main/services/backup';
import { createMoneyService } from '../../main/services/money';
import { createFileSecretStore } from '../../main/services/secrets';
import { openOrgHistory } from '../../main/services/stores/history-store';
import { createLedgerStore, type LedgerStore } from '../../main/services/stores/ledger-store';
import { openSettingsStore } from '../../main/services/stores/settings-store';

const NOW = Date.UTC(2026, 11, 7, 10);
const ORG_ID = 'org_sanevalue01';
const ORG = {
  id: ORG_ID,
  name: 'Acme',
  kind: 'openai' as const,
  provider: 'openai' as const,
  baseUrl: 'http://127.0.0.1:9/v1',
  createdAtMs: NOW - 30 * DAY_MS,
};
const PURCHASE = { id: 'p1', kind: 'purchase', atMs: NOW - 10 * DAY_MS, micros: 100e6, note: '' };

let dir: string;
let app: App | null = null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cw-sane-'));
});
afterEach(async () => {
  await app?.close();
  app = null;
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const open = async () =>
  (app = await createApp({
    dataDir: dir,
    version: 't',
    transport: 'http',
    secrets: createFileSecretStore(dir),
    demo: false,
    clock: { nowMs: () => NOW },
  }));

describe('the API refuses values out of range', () => {
  const add = (entry: Record<string, unknown>) => () =>
    parseArgs('ledger:addEntry', { orgId: ORG_ID, entry: { ...PURCHASE, ...entry } });

  it('refuses an expiry beyond what a date can show, and a purchase dated 1970', () => {
    expect(add({ expiresAtMs: 9e15 })).toThrow(/between 2015 and 2200/);
    expect(add({ atMs: Date.UTC(1970, 0, 2) })).toThrow(/between 2015 and 2200/);
    expect(add({ atMs: NOW - DAY_MS })).not.toThrow();
  });

  it('refuses unknown time zones, control characters in names and addresses that are not http(s)', () => {
    expect(() => parseArgs('settings:update', { timeZone: 'Mars/Olympus' })).toThrow(/not a time zone/);
    expect(() =>
      parseArgs('ledger:updateBilling', {
        orgId: ORG_ID,
        billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'Mars/Olympus' },
      }),
    ).toThrow(/not a time zone/);
    const org = { name: 'Acme', apiKey: 'sk-admin-0123456789', baseUrl: null };
    expect(() => parseArgs('orgs:add', { ...org, name: 'Ac\u001b[2Jme' })).toThrow(/control characters/);
    expect(() => parseArgs('orgs:add', { ...org, baseUrl: 'javascript:alert(1)' })).toThrow(/http/);
    expect(() => parseArgs('orgs:add', { ...org, baseUrl: 'https://proxy.example/v1' })).not.toThrow();
  });

  it('refuses "restore to $1,000.000001 below $1,000" as a rule that charges again and again', () => {
    const billing = {
      mode: 'prepaid' as const,
      hardLimitMicros: null,
      timeZone: 'UTC',
      reload: {
        enabled: true,
        thresholdMicros: 1_000_000_000,
        action: { kind: 'restore-to' as const, targetMicros: 1_000_000_001 },
        monthlyLimit: null,
      },
    };
    expect(reloadRuleProblem(billing, 0)).toMatch(/again and again/);
    const fine = {
      ...billing,
      reload: { ...billing.reload, action: { kind: 'restore-to' as const, targetMicros: 1_001_000_000 } },
    };
    expect(reloadRuleProblem(fine, 0)).toBeNull();
  });
});

describe('the command line refuses instants out of range', () => {
  it('refuses --now in 1970 or past 2200', () => {
    const real = { nowMs: () => NOW };
    expect(() => clockFromFlag('1970-01-02T00:00:00Z', real)).toThrow(/between 2015 and 2200/);
    expect(() => clockFromFlag('2500-01-01T00:00:00Z', real)).toThrow(/between 2015 and 2200/);
    expect(clockFromFlag('2026-11-18T15:20:00Z', real).nowMs()).toBe(Date.UTC(2026, 10, 18, 15, 20));
  });
});

describe('a file holding a bad value loads with it repaired, and says so', () => {
  it('brings a 9e15 expiry and a 1970 date into range; the page, the export and the money view work', async () => {
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ version: 1, orgs: [ORG], selectedOrgId: ORG_ID, timeZone: 'Mars/Olympus' }),
    );
    const ledger = {
      version: 1,
      billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'Mars/Olympus' },
      entries: [
        { ...PURCHASE, expiresAtMs: 9e15 },
        { id: 'old', kind: 'purchase', atMs: Date.UTC(1970, 0, 2), micros: 5e6, expiresAtMs: null, note: '' },
      ],
    };
    await writeFile(join(dir, `ledger-${ORG_ID}.json`), JSON.stringify(ledger));
    const a = await open();
    const view = await a.handlers['ledger:get']({ orgId: ORG_ID });
    expect(view.entries.map((e) => e.id).sort()).toEqual(['old', 'p1']); // nothing dropped
    for (const e of view.entries) {
      expect(new Date(e.atMs).toISOString()).toMatch(/^20/);
      if ('expiresAtMs' in e && e.expiresAtMs !== null)
        expect(new Date(e.expiresAtMs).toISOString()).toMatch(/^2200-01-01/);
    }
    expect(view.billing.timeZone).toBe('UTC');
    expect(a.settings.get().timeZone).toBeNull();
    const { problems } = await a.handlers['app:problems']({});
    const words = problems.map((p) => p.message).join('\n');
    expect(words).toMatch(/Mars\/Olympus/);
    expect(words).toMatch(/Entry p1: its expiry \(9000000000000000\) was outside 2015–2200/);
    expect(words).toMatch(/Entry old: its date .* was outside 2015–2200; it now reads 2015-01-01/);
    // The file on disk keeps what the user typed until the next save.
    expect(await readFile(join(dir, `ledger-${ORG_ID}.json`), 'utf8')).toContain('9000000000000000');

    await expect(a.handlers['money:get']({ orgId: ORG_ID })).resolves.toBeTruthy();
    await expect(a.alerts.evaluate()).resolves.toBeTruthy();
    const plan = a.files.plan({
      org: ORG_ID,
      from: '2026-11-01',
      to: '2026-12-07',
      what: 'ledger',
      format: 'csv',
    });
    let csv = '';
    for await (const chunk of a.files.chunks(plan)) csv += chunk;
    expect(csv).toContain('p1');
    expect(csv).toContain('2200-01-01');
  });

  it('turns off a stored add-fixed rule the "again and again" check refuses, and says so', async () => {
    const seen: string[] = [];
    const rule = {
      enabled: true,
      thresholdMicros: 1e12,
      action: { kind: 'add-fixed', amountMicros: 1 },
      monthlyLimit: null,
    };
    await writeFile(
      join(dir, `ledger-${ORG_ID}.json`),
      JSON.stringify({
        version: 1,
        billing: { mode: 'prepaid', reload: rule, hardLimitMicros: null, timeZone: 'UTC' },
        entries: [],
      }),
    );
    const store = createLedgerStore(dir, {
      nowMs: () => NOW,
      problems: { report: (p) => seen.push(p.message), list: () => [] },
    });
    const loaded = await store.get(ORG_ID);
    expect(loaded.billing.reload).toMatchObject({ enabled: false, action: { amountMicros: 1 } }); // kept, off
    expect(seen.join(' ')).toMatch(/auto-reload rule was turned off: .*again and again/);
  });
});

describe('a zone that slipped past every check', () => {
  it('formats clock times in the system zone instead of throwing', () => {
    expect(() => formatClock(NOW, 'Mars/Olympus')).not.toThrow();
  });

  it('leaves the money view answering (months counted in UTC)', async () => {
    const bad: LedgerFile = {
      version: 1,
      billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'Mars/Olympus' },
      entries: [{ ...PURCHASE, kind: 'purchase', expiresAtMs: null }],
    };
    const ledgers = { get: async () => bad } as unknown as LedgerStore;
    const history = await openOrgHistory(join(dir, 'history'), { nowMs: () => NOW });
    const money = createMoneyService({
      ledgers,
      history: async () => history,
      nowMs: () => NOW,
      orgOf: () => ({ ...ORG, kind: 'live' }),
    });
    const view = await money.view(ORG_ID);
    expect(view.balance?.estimateMicros).toBe(100e6);
  });
});

describe('restore refuses what the app refuses', () => {
  const backupText = (org: Record<string, unknown>, ledger: Record<string, unknown> = {}) => {
    const body = {
      format: 'creditwatch-backup',
      version: 1,
      createdAt: new Date(NOW).toISOString(),
      appVersion: 't',
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
          org: { ...ORG, baseUrl: null, ...org },
          ledger: {
            version: 1,
            billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
            entries: [],
            ...ledger,
          },
        },
      ],
    } as unknown as BackupBody;
    const sha256 = createHash('sha256').update(checksumText(body), 'utf8').digest('hex');
    return JSON.stringify({ ...body, sha256 });
  };
  const restore = async (text: string) => {
    const settings = await openSettingsStore(dir, { nowMs: () => NOW });
    const ledgers = createLedgerStore(dir, { nowMs: () => NOW });
    return restoreBackup({ settings, ledgers, dataDir: dir, nowMs: () => NOW, appVersion: 't' }, text);
  };

  it.each([
    ['a javascript: base URL', backupText({ baseUrl: 'javascript:alert(1)' }), /http/],
    ['control characters in a name', backupText({ name: 'Ac\u0007me' }), /control characters/],
    [
      'a date in 2100',
      backupText({}, { entries: [{ ...PURCHASE, atMs: Date.UTC(2100, 0, 1), expiresAtMs: null }] }),
      /future/,
    ],
    [
      'an expiry before the purchase',
      backupText({}, { entries: [{ ...PURCHASE, expiresAtMs: PURCHASE.atMs - DAY_MS }] }),
      /Expires: must be after/,
    ],
    [
      'the refused add-fixed reload rule',
      backupText(
        {},
        {
          billing: {
            mode: 'prepaid',
            hardLimitMicros: null,
            timeZone: 'UTC',
            reload: {
              enabled: true,
              thresholdMicros: 1e12,
              action: { kind: 'add-fixed', amountMicros: 1 },
              monthlyLimit: null,
            },
          },
        },
      ),
      /again and again/,
    ],
    [
      'an unknown zone',
      backupText(
        {},
        { billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'Mars/Olympus' } },
      ),
      /time zone/,
    ],
  ])('refuses %s, changing nothing', async (_what, text, message) => {
    await expect(restore(text)).rejects.toThrow(message);
    const settings = await openSettingsStore(dir, { nowMs: () => NOW });
    expect(settings.get().orgs).toEqual([]);
  });

  it('leaves a demo-kind organization out (the demo has its own folder), changing nothing', async () => {
    const report = await restore(backupText({ kind: 'demo' }));
    expect(report).toMatchObject({ changed: false, orgsAdded: [] });
    expect(report.demoAccountsLeftOut).toHaveLength(1);
    const settings = await openSettingsStore(dir, { nowMs: () => NOW });
    expect(settings.get().orgs).toEqual([]);
  });

  it('still restores a sound backup', async () => {
    const report = await restore(backupText({}, { entries: [{ ...PURCHASE, expiresAtMs: null }] }));
    expect(report).toMatchObject({ changed: true, orgsAdded: ['Acme'], entriesAdded: 1 });
  });
});
