/**
 * Backup and restore of what the user typed (settings, organizations, ledgers, billing rules, alert
 * settings) through the existing stores. A restore parses and plans first (pure, @core/backup), changes
 * nothing on any problem, can show that plan without writing (a preview), leaves demo accounts out,
 * writes a backup of the current state and a journal before its first write (an interrupted restore is
 * finished at the next start: restore-recovery.ts), and writes nothing when there is nothing new.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AlertSettings } from '@core/alerts/alert-settings';
import { planAlertSettings } from '@core/backup/alert-settings-plan';
import { assertRestorable } from '@core/backup/backup-checks';
import { buildBackupBody, checksumText, parseBackup } from '@core/backup/backup-file';
import { withoutDemoAccounts } from '@core/backup/demo-accounts';
import { planRestore } from '@core/backup/restore-plan';
import { holdRestoredAddresses, withoutReservedOrgs } from '@core/backup/reserved-ids';
import type { RestoreResult } from '@core/api-contract';
import type { LedgerFile } from '@core/ledger-schema';
import type { LedgerStore } from './stores/ledger-store';
import type { SettingsStore } from './stores/settings-store';
import { beginRestoreJournal, endRestoreJournal } from './restore-journal';

/** The alert settings as a backup reads and a restore writes them. */
export interface AlertSettingsPort {
  get(): AlertSettings;
  save(next: AlertSettings): Promise<void>;
}

export interface BackupDeps {
  settings: SettingsStore;
  ledgers: LedgerStore;
  /** Alert settings (absent: backups leave them out and restores leave them alone). */
  alertSettings?: AlertSettingsPort;
  dataDir: string;
  nowMs(): number;
  appVersion: string;
}

/** What a restore did: the contract's `RestoreResult`, which the UI and the CLI both show. */
export type RestoreReport = RestoreResult;

/** sha256 in hex. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The backup of the current data as JSON text (pretty-printed, people may read it). */
export async function createBackupText(deps: BackupDeps): Promise<string> {
  const settings = deps.settings.get();
  const ledgers = new Map<string, LedgerFile>();
  for (const org of settings.orgs) ledgers.set(org.id, await deps.ledgers.get(org.id));
  const body = buildBackupBody({
    settings,
    ledgers,
    nowMs: deps.nowMs(),
    appVersion: deps.appVersion,
    ...(deps.alertSettings ? { alertSettings: deps.alertSettings.get() } : {}),
  });
  return `${JSON.stringify({ ...body, sha256: sha256Hex(checksumText(body)) }, null, 2)}\n`;
}

/** Writes text to `path` via a file beside it (mode 0600), so a failure leaves no half-written file. */
export async function writeTextFile(path: string, text: string): Promise<void> {
  const partial = `${path}.partial-${process.pid}`;
  try {
    await writeFile(partial, text, { mode: 0o600, flag: 'wx' });
    await rename(partial, path);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

/**
 * Merges a backup into the data folder; throws BackupInputError (nothing changed) when it cannot be used.
 * With `preview`, reports what it would do and writes nothing.
 */
export async function restoreBackup(
  deps: BackupDeps,
  text: string,
  opts: { acceptEdited?: boolean; preview?: boolean } = {},
): Promise<RestoreReport> {
  const settings = deps.settings.get();
  // Demo accounts are left out (the demo has its own folder); everything else must pass the API's checks.
  const { backup: withoutDemos, leftOut } = withoutDemoAccounts(parseBackup(text, sha256Hex, opts));
  assertRestorable(withoutDemos, deps.nowMs());
  // The checksum only catches accidents: reserved ids and addresses from the file are never trusted.
  const guarded = withoutReservedOrgs(withoutDemos, settings.orgs);
  const backup = guarded.backup;
  const ids = new Set([...settings.orgs.map((o) => o.id), ...backup.orgs.map((o) => o.org.id)]);
  const current = new Map<string, LedgerFile>();
  for (const id of ids) current.set(id, await deps.ledgers.get(id));
  const planned = holdRestoredAddresses(planRestore({ settings, ledgers: current }, backup));
  const plan = { ...planned, conflicts: [...guarded.conflicts, ...planned.conflicts] };
  const alertPlan = deps.alertSettings
    ? planAlertSettings(deps.alertSettings.get(), backup.alertSettings)
    : { next: null, conflict: null };
  const hasChanges = plan.hasChanges || alertPlan.next !== null;
  let safetyBackupPath: string | null = null;
  if (hasChanges && !opts.preview) {
    const dir = join(deps.dataDir, 'backups');
    await mkdir(dir, { recursive: true });
    const stamp = new Date(deps.nowMs()).toISOString().replace(/[:.]/g, '-');
    safetyBackupPath = join(dir, `before-restore-${stamp}.json`);
    await writeTextFile(safetyBackupPath, await createBackupText(deps));
    await beginRestoreJournal(deps.dataDir, {
      startedAtMs: deps.nowMs(),
      acceptEdited: opts.acceptEdited ?? false,
      text,
    });
    // Ledgers first, then settings, so an organization appears only once its ledger is in place.
    for (const change of plan.ledgers) await deps.ledgers.update(change.org.id, () => change.next);
    if (plan.settingsChanged) await deps.settings.update(() => plan.nextSettings);
    if (alertPlan.next) await deps.alertSettings?.save(alertPlan.next);
    await endRestoreJournal(deps.dataDir);
  }
  return {
    changed: hasChanges,
    orgsAdded: plan.orgsAdded.map((o) => o.name),
    entriesAdded: plan.ledgers.reduce((a, l) => a + l.addedEntries, 0),
    billingRulesTaken: plan.ledgers.filter((l) => l.billingTaken).length,
    settingsChanged: plan.settingsChanged,
    conflicts: alertPlan.conflict ? [...plan.conflicts, alertPlan.conflict] : plan.conflicts,
    safetyBackupPath,
    isPreview: opts.preview === true,
    alertSettingsTaken: alertPlan.next !== null,
    webhookUrl: alertPlan.next?.webhookUrl ?? null,
    demoAccountsLeftOut: leftOut,
  };
}
