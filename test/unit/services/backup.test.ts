// Backup and restore through the real stores: backup → fresh data folder → restore gives identical ledgers
// and settings (property test over generated ledgers); restoring the same file again changes nothing; local
// entries are never overwritten; bad files are refused with a reason and leave every stored byte as it was.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupInputError, checksumText, type BackupBody } from '@core/backup/backup-file';
import type { LedgerEntry, LedgerFile } from '@core/ledger-schema';
import type { Org, Settings } from '@core/schemas';
import { createBackupText, restoreBackup, sha256Hex, type BackupDeps } from '../../../main/services/backup';
import { createLedgerStore } from '../../../main/services/stores/ledger-store';
import { openSettingsStore } from '../../../main/services/stores/settings-store';

const NOW = Date.UTC(2026, 10, 18, 15, 20);
const made: string[] = [];
afterAll(async () =>
  Promise.all(made.map((d) => rm(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }))),
);

async function folder(): Promise<BackupDeps> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cw-backup-'));
  made.push(dataDir);
  let t = NOW;
  // Each call a millisecond later, so safety backups made in one test never share a name.
  const nowMs = () => t++;
  return {
    dataDir,
    settings: await openSettingsStore(dataDir, { nowMs }),
    ledgers: createLedgerStore(dataDir, { nowMs }),
    nowMs,
    appVersion: '0.1.0',
  };
}

const at = fc.integer({ min: Date.UTC(2024, 0, 1), max: NOW });
const micros = fc.integer({ min: 1, max: 5_000_000_000 });
const note = fc.string({ maxLength: 40 });
const entry: fc.Arbitrary<Omit<LedgerEntry, 'id'>> = fc.oneof(
  fc.record({
    kind: fc.constant('observation' as const),
    atMs: at,
    balanceMicros: fc.integer({ min: -1e9, max: 1e10 }),
    note,
  }),
  // Credit expires after it was added, as the app accepts it.
  fc
    .record({
      kind: fc.constant('purchase' as const),
      atMs: at,
      micros,
      expiresAtMs: fc.option(at, { nil: null }),
      note,
    })
    .filter((e) => e.expiresAtMs === null || e.expiresAtMs > e.atMs),
  fc
    .record({ kind: fc.constant('grant' as const), atMs: at, micros, expiresAtMs: at, note })
    .filter((e) => e.expiresAtMs > e.atMs),
  fc.record({ kind: fc.constant('reload' as const), atMs: at, micros, note }),
  fc.record({ kind: fc.constant('card-charge' as const), atMs: at, micros, note }),
);
const ledger: fc.Arbitrary<LedgerFile> = fc
  .record({
    entries: fc.array(entry, { maxLength: 12 }),
    threshold: fc.integer({ min: 0, max: 100_000_000 }),
    hasRule: fc.boolean(),
    mode: fc.constantFrom('prepaid' as const, 'monthly' as const, 'invoiced' as const),
  })
  .map(({ entries, threshold, hasRule, mode }) => ({
    version: 1 as const,
    billing: {
      mode,
      reload: hasRule
        ? {
            enabled: true,
            thresholdMicros: threshold,
            action: { kind: 'restore-to' as const, targetMicros: threshold + 1_000_000 },
            monthlyLimit: null,
          }
        : null,
      hardLimitMicros: null,
      timeZone: 'Europe/Berlin',
    },
    entries: entries.map((e, i) => ({ ...e, id: `e-${i}` }) as LedgerEntry),
  }));
const orgName = fc.constantFrom('Acme, "Labs"', 'Ünïcode ✓', '=cmd|calc', 'Plain', '  padded');
const account = fc.constantFrom(
  { provider: 'openai' as const },
  { provider: 'anthropic' as const },
  { provider: 'openrouter' as const },
  { provider: 'deepseek' as const, currency: 'CNY' },
  { provider: 'deepseek' as const, currency: 'USD' },
  { provider: 'deepseek' as const },
);
const rates = fc.uniqueArray(
  fc.record({
    currency: fc.constantFrom('CNY', 'EUR', 'JPY'),
    usdPerUnit: fc.double({ min: 0.001, max: 10, noNaN: true }),
    setAtMs: at,
  }),
  { selector: (r) => r.currency, maxLength: 3 },
);

type OrgSpec = { name: string; ledger: LedgerFile; account?: Pick<Org, 'provider' | 'currency'> };

async function populate(
  deps: BackupDeps,
  orgs: OrgSpec[],
  cron: string,
  conversionRates: Settings['conversionRates'] = [],
) {
  const list: Org[] = orgs.map((o, i) => ({
    id: `org_gen${String(i).padStart(6, '0')}`,
    name: o.name.trim(),
    kind: 'live',
    provider: 'openai',
    baseUrl: null,
    createdAtMs: NOW - i,
    ...o.account,
  }));
  for (const [i, o] of orgs.entries()) await deps.ledgers.update(list[i]!.id, () => o.ledger);
  await deps.settings.update((s) => ({
    ...s,
    orgs: list,
    selectedOrgId: list[0]?.id ?? null,
    syncCron: cron,
    timeZone: 'Asia/Tokyo',
    conversionRates,
  }));
}

async function state(deps: BackupDeps) {
  const settings = deps.settings.get();
  const ledgers = [];
  for (const o of settings.orgs) ledgers.push(await deps.ledgers.get(o.id));
  return { settings, ledgers };
}

async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    try {
      out[name] = await readFile(join(dir, name), 'utf8');
    } catch {
      out[name] = '(folder)';
    }
  }
  return out;
}

describe('backup and restore', () => {
  it('backup → fresh folder → restore gives identical ledgers and settings; a second restore changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ name: orgName, ledger, account }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('*/5 * * * *', '*/15 * * * *'),
        rates,
        async (orgs, cron, conversionRates) => {
          const source = await folder();
          await populate(source, orgs, cron, conversionRates);
          const text = await createBackupText(source);
          expect(text).not.toMatch(/sk-admin|apiKey/);
          const target = await folder();
          const first = await restoreBackup(target, text);
          expect(first.changed).toBe(true);
          expect(first.conflicts).toEqual([]);
          expect(await state(target)).toEqual(await state(source));
          const before = await files(target.dataDir);
          const second = await restoreBackup(target, text);
          expect(second).toMatchObject({
            changed: false,
            entriesAdded: 0,
            orgsAdded: [],
            safetyBackupPath: null,
          });
          expect(await files(target.dataDir)).toEqual(before);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('merges by entry id: new entries added, a changed entry and a changed rule are conflicts that keep local values', async () => {
    const source = await folder();
    const base: LedgerFile = {
      version: 1,
      billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
      entries: [
        { id: 'a', kind: 'reload', atMs: NOW - 10, micros: 5, note: '' },
        { id: 'b', kind: 'reload', atMs: NOW - 9, micros: 6, note: '' },
      ],
    };
    await populate(source, [{ name: 'Acme', ledger: base }], '*/5 * * * *');
    const text = await createBackupText(source);
    const target = await folder();
    await populate(
      target,
      [
        {
          name: 'Acme',
          ledger: {
            ...base,
            billing: { ...base.billing, mode: 'monthly' },
            entries: [{ id: 'b', kind: 'reload', atMs: NOW - 9, micros: 7, note: 'mine' }],
          },
        },
      ],
      '*/5 * * * *',
    );
    const report = await restoreBackup(target, text);
    expect(report.entriesAdded).toBe(1);
    expect(report.conflicts.map((c) => c.message)).toEqual([
      "Ledger entry b (reload) differs from the backup's; kept this machine's.",
      "The billing rule differs from the backup's; kept this machine's.",
    ]);
    const merged = await target.ledgers.get('org_gen000000');
    expect(merged.billing.mode).toBe('monthly');
    expect(merged.entries.find((e) => e.id === 'b')).toMatchObject({ micros: 7, note: 'mine' });
    expect(merged.entries.map((e) => e.id).sort()).toEqual(['a', 'b']);
    expect(report.safetyBackupPath).toMatch(/before-restore-/);
    const safety = JSON.parse(await readFile(report.safetyBackupPath!, 'utf8')) as {
      orgs: { ledger: LedgerFile }[];
    };
    expect(safety.orgs[0]?.ledger.entries).toHaveLength(1);
  });

  it('refuses a truncated, newer, hand-edited or inconsistent backup and changes nothing', async () => {
    const source = await folder();
    await populate(
      source,
      [
        {
          name: 'Acme',
          ledger: {
            version: 1,
            billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
            entries: [{ id: 'x', kind: 'reload', atMs: NOW - 5, micros: 9, note: '' }],
          },
        },
      ],
      '*/5 * * * *',
    );
    const text = await createBackupText(source);
    const doc = JSON.parse(text) as Record<string, unknown> & { orgs: { ledger: LedgerFile }[] };
    const edited = structuredClone(doc);
    edited.orgs[0]!.ledger.entries[0]!.note = 'changed by hand';
    const dup = structuredClone(doc);
    dup.orgs[0]!.ledger.entries.push(dup.orgs[0]!.ledger.entries[0]!);
    const cases: [string, string, RegExp][] = [
      ['truncated', text.slice(0, text.length / 2), /not complete JSON/],
      ['newer', JSON.stringify({ ...doc, version: 3 }), /newer Creditwatch \(backup version 3/],
      ['not a backup', '{"hello":1}', /not a Creditwatch backup/],
      ['hand-edited', JSON.stringify(edited), /changed after Creditwatch wrote it/],
      [
        'bad field',
        JSON.stringify({ ...doc, orgs: [{ ...doc.orgs[0], org: { id: 'nope' } }] }),
        /invalid content/,
      ],
    ];
    const target = await folder();
    await populate(
      target,
      [
        {
          name: 'Mine',
          ledger: {
            version: 1,
            billing: { mode: 'monthly', reload: null, hardLimitMicros: null, timeZone: 'UTC' },
            entries: [],
          },
        },
      ],
      '*/10 * * * *',
    );
    const before = await files(target.dataDir);
    for (const [what, bad, message] of cases) {
      const attempt = restoreBackup(target, bad);
      await expect(attempt, what).rejects.toBeInstanceOf(BackupInputError);
      await expect(restoreBackup(target, bad), what).rejects.toThrow(message);
    }
    // An edited file is restored when the user says so — but a duplicate id still is not.
    await expect(restoreBackup(target, JSON.stringify(dup), { acceptEdited: true })).rejects.toThrow(
      /duplicate entry id: x/,
    );
    expect(await files(target.dataDir)).toEqual(before);
    const accepted = await restoreBackup(target, JSON.stringify(edited), { acceptEdited: true });
    // Same org id here under another name: the name is a conflict (kept), the entry is merged in.
    expect(accepted.entriesAdded).toBe(1);
    expect(accepted.conflicts.map((c) => c.message).join('\n')).toMatch(
      /is "Mine" here and "Acme" in the backup/,
    );
    expect(target.settings.get().orgs.map((o) => o.name)).toEqual(['Mine']);
  });

  it('says in the file that keys and cost history are not in it', async () => {
    const deps = await folder();
    await writeFile(join(deps.dataDir, 'keys.json'), '{"org_x":"sk-admin-secret"}');
    const text = await createBackupText(deps);
    expect(text).toContain('Admin keys are never included');
    expect(text).toContain('Cost and usage history is not included');
    expect(text).not.toContain('sk-admin-secret');
  });

  it('a DeepSeek account in CNY keeps its provider and currency, and the rates travel with the settings', async () => {
    const source = await folder();
    const empty: LedgerFile = {
      version: 1,
      billing: { mode: 'prepaid', reload: null, hardLimitMicros: null, timeZone: 'Asia/Shanghai' },
      entries: [
        { id: 'p1', kind: 'purchase', atMs: NOW - 1000, micros: 50_000_000, expiresAtMs: null, note: '' },
      ],
    };
    const cny = [{ currency: 'CNY', usdPerUnit: 0.14, setAtMs: NOW - 5000 }];
    await populate(
      source,
      [
        { name: 'OpenAI', ledger: empty },
        { name: 'DeepSeek', ledger: empty, account: { provider: 'deepseek', currency: 'CNY' } },
      ],
      '*/5 * * * *',
      cny,
    );
    const text = await createBackupText(source);
    const doc = JSON.parse(text) as BackupBody;
    expect(doc.orgs[1]?.org).toMatchObject({ name: 'DeepSeek', provider: 'deepseek', currency: 'CNY' });
    expect(doc.settings.conversionRates).toEqual(cny);
    const target = await folder();
    await restoreBackup(target, text);
    expect(target.settings.get().orgs[1]).toMatchObject({ provider: 'deepseek', currency: 'CNY' });
    expect(target.settings.get().conversionRates).toEqual(cny);

    // A machine with its own CNY rate keeps it (a conflict), and takes a currency it has no rate for.
    const other = await folder();
    await other.settings.update((s) => ({
      ...s,
      conversionRates: [{ currency: 'CNY', usdPerUnit: 0.15, setAtMs: NOW }],
    }));
    const withEur = JSON.parse(text) as BackupBody;
    withEur.settings.conversionRates.push({ currency: 'EUR', usdPerUnit: 1.1, setAtMs: NOW });
    const report = await restoreBackup(other, JSON.stringify(withEur), { acceptEdited: true });
    expect(report.conflicts.map((c) => c.message)).toContain(
      'Conversion rate of CNY: this machine has 0.15 USD, the backup 0.14 USD; kept 0.15 USD.',
    );
    expect(other.settings.get().conversionRates.map((r) => [r.currency, r.usdPerUnit])).toEqual([
      ['CNY', 0.15],
      ['EUR', 1.1],
    ]);
  });

  it('a backup written before other providers (no provider, currency or rates) restores as OpenAI in USD', async () => {
    const source = await folder();
    await populate(
      source,
      [{ name: 'Acme', ledger: (await source.ledgers.get('x')) as LedgerFile }],
      '*/5 * * * *',
    );
    const doc = JSON.parse(await createBackupText(source)) as BackupBody & { sha256: string };
    // The file as the older version wrote it (backup version 1, a live account's kind 'openai'): no such
    // fields, its checksum over what it held.
    const { provider: _p, ...newOrg } = doc.orgs[0]!.org;
    const oldOrg = { ...newOrg, kind: 'openai' };
    const { conversionRates: _r, ...oldSettings } = doc.settings;
    const old = { ...doc, version: 1, settings: oldSettings, orgs: [{ ...doc.orgs[0]!, org: oldOrg }] };
    const oldText = JSON.stringify({ ...old, sha256: sha256Hex(checksumText(old as unknown as BackupBody)) });
    expect(oldText).not.toContain('"provider"');
    expect(oldText).not.toContain('conversionRates');
    const target = await folder();
    const report = await restoreBackup(target, oldText);
    expect(report.conflicts).toEqual([]);
    expect(target.settings.get().orgs).toEqual([{ ...oldOrg, kind: 'live', provider: 'openai' }]);
    expect(target.settings.get().conversionRates).toEqual([]);
  });
});
