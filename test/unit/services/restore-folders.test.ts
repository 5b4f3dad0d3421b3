// Restore keeps folders apart and recoverable: demo accounts are left out (never duplicated), alert settings
// travel in the backup (the webhook shown before restoring), a preview writes nothing, and a restore cut off
// between its ledger writes and its settings write is finished — and reported — at the next start.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultAlertSettings, type AlertSettings } from '@core/alerts/alert-settings';
import type { Org } from '@core/schemas';
import { createApp } from '../../../main/app/create-app';
import { createBackupText, restoreBackup, type BackupDeps } from '../../../main/services/backup';
import { createFileSecretStore } from '../../../main/services/secrets';
import { finishInterruptedRestore } from '../../../main/services/restore-recovery';
import { openAlertStore } from '../../../main/services/stores/alert-store';
import { createLedgerStore } from '../../../main/services/stores/ledger-store';
import { openSettingsStore } from '../../../main/services/stores/settings-store';

const NOW = Date.UTC(2026, 10, 18, 15, 20);
const made: string[] = [];
afterAll(async () =>
  Promise.all(made.map((d) => rm(d, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }))),
);

async function folder(dataDir?: string): Promise<BackupDeps> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'cw-restore-')));
  if (!dataDir) made.push(dir);
  let t = NOW;
  const nowMs = () => t++;
  const alerts = await openAlertStore(dir, { nowMs });
  return {
    dataDir: dir,
    settings: await openSettingsStore(dir, { nowMs }),
    ledgers: createLedgerStore(dir, { nowMs }),
    alertSettings: { get: () => alerts.settings(), save: (next) => alerts.saveSettings(next) },
    nowMs,
    appVersion: '0.1.0',
  };
}

const org = (id: string, name: string, kind: Org['kind'] = 'live'): Org => ({
  id,
  name,
  kind,
  provider: 'openai',
  baseUrl: null,
  createdAtMs: NOW,
  ...(kind === 'demo' ? { demoProfile: 'company' as const } : {}),
});
const purchase = (id: string) => ({
  id,
  kind: 'purchase' as const,
  atMs: NOW - 86_400_000,
  micros: 50_000_000,
  expiresAtMs: null,
  note: '',
});

/** A folder with the demo account, a real account with one entry, and alert settings with a webhook. */
async function source(): Promise<BackupDeps> {
  const deps = await folder();
  const orgs = [org('org_demo00000001', 'Demo organization', 'demo'), org('org_acme00000001', 'Acme')];
  for (const o of orgs) await deps.ledgers.update(o.id, (l) => ({ ...l, entries: [purchase(`p-${o.id}`)] }));
  await deps.settings.update((s) => ({ ...s, orgs, selectedOrgId: orgs[0]!.id }));
  const alerts: AlertSettings = {
    ...defaultAlertSettings(),
    webhookUrl: 'https://hooks.example.com/creditwatch',
    defaults: { lowCreditMicros: 50_000_000 },
  };
  await deps.alertSettings!.save(alerts);
  return deps;
}

describe('restore into another folder', () => {
  it('previews first (nothing written), then adds the real account and the alert settings, never the demo', async () => {
    const text = await createBackupText(await source());
    const target = await folder();
    // The target already runs the demo: a restore must not add a second one.
    await target.settings.update((s) => ({
      ...s,
      orgs: [org('org_demo00000009', 'Demo organization', 'demo')],
    }));
    const before = await readdir(target.dataDir, { recursive: true });

    const preview = await restoreBackup(target, text, { preview: true });
    expect(preview).toMatchObject({
      isPreview: true,
      changed: true,
      orgsAdded: ['Acme'],
      entriesAdded: 1,
      alertSettingsTaken: true,
      webhookUrl: 'https://hooks.example.com/creditwatch',
      demoAccountsLeftOut: ['Demo organization'],
    });
    expect(await readdir(target.dataDir, { recursive: true }), 'a preview writes nothing').toEqual(before);

    const done = await restoreBackup(target, text);
    expect(done).toMatchObject({ isPreview: false, changed: true, orgsAdded: ['Acme'] });
    const names = target.settings.get().orgs.map((o) => o.name);
    expect(names).toEqual(['Demo organization', 'Acme']);
    expect(target.alertSettings!.get().webhookUrl).toBe('https://hooks.example.com/creditwatch');
    expect(target.alertSettings!.get().defaults.lowCreditMicros).toBe(50_000_000);
    expect((await restoreBackup(target, text)).changed, 'a second restore finds nothing to do').toBe(false);
  });

  it("keeps alert settings changed here, listing the backup's as a difference", async () => {
    const text = await createBackupText(await source());
    const target = await folder();
    await target.alertSettings!.save({
      ...defaultAlertSettings(),
      quietHours: { start: '22:00', end: '07:00' },
    });
    const report = await restoreBackup(target, text);
    expect(report.alertSettingsTaken).toBe(false);
    expect(report.conflicts.map((c) => c.message)).toContain(
      "The alert settings differ from the backup's; kept this machine's.",
    );
    expect(target.alertSettings!.get().webhookUrl).toBeNull();
  });
});

describe('a restore cut off half-way', () => {
  it('is finished at the next start and reported, so no ledger is left without its account', async () => {
    const text = await createBackupText(await source());
    const target = await folder();
    // The process dies after the ledgers are written, before the settings are.
    const dying: BackupDeps = {
      ...target,
      settings: {
        get: target.settings.get,
        update: () => Promise.reject(new Error('killed')),
      },
    };
    await expect(restoreBackup(dying, text)).rejects.toThrow('killed');
    expect(await readdir(target.dataDir)).toContain('ledger-org_acme00000001.json');
    expect(target.settings.get().orgs).toEqual([]);

    const app = await createApp({
      dataDir: target.dataDir,
      version: 't',
      transport: 'http',
      secrets: createFileSecretStore(target.dataDir),
    });
    try {
      expect((await app.handlers['orgs:list']({})).orgs.map((o) => o.name)).toEqual(['Acme']);
      const { problems } = await app.handlers['app:problems']({});
      expect(problems.map((p) => p.message).join('\n')).toMatch(
        /A restore started at .* was cut off before it finished; Creditwatch finished it now\. 1 account added now \(Acme\)/,
      );
      expect(await readdir(target.dataDir)).not.toContain('restore-journal.json');
    } finally {
      await app.close();
    }
  });

  it('a journal that cannot be used is reported and kept aside', async () => {
    const target = await folder();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(target.dataDir, 'restore-journal.json'), '{"version":1,"text":');
    const message = await finishInterruptedRestore(target);
    expect(message).toMatch(/could not be finished now/);
    expect((await readdir(target.dataDir)).some((n) => n.startsWith('restore-journal.json.failed-'))).toBe(
      true,
    );
    expect(await finishInterruptedRestore(target), 'reported once').toBeNull();
  });
});
