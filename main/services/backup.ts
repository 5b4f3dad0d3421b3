/**
 * Backup and restore of what the user typed (settings, organizations, ledgers, billing rules) through the
 * existing stores. A restore parses and plans first (pure, @core/backup), changes nothing on any problem,
 * writes a backup of the current state before its first write, and writes nothing when there is nothing new.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertRestorable } from '@core/backup/backup-checks';
import { buildBackupBody, checksumText, parseBackup } from '@core/backup/backup-file';
import { planRestore } from '@core/backup/restore-plan';
import type { RestoreResult } from '@core/api-contract';
import type { LedgerFile } from '@core/ledger-schema';
import type { LedgerStore } from './stores/ledger-store';
import type { SettingsStore } from './stores/settings-store';

export interface BackupDeps {
  settings: SettingsStore;
  ledgers: LedgerStore;
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
  const body = buildBackupBody({ settings, ledgers, nowMs: deps.nowMs(), appVersion: deps.appVersion });
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

/** Merges a backup into the data folder; throws BackupInputError (nothing changed) when it cannot be used. */
export async function restoreBackup(
  deps: BackupDeps,
  text: string,
  opts: { acceptEdited?: boolean } = {},
): Promise<RestoreReport> {
  const backup = parseBackup(text, sha256Hex, opts);
  assertRestorable(backup, deps.nowMs());
  const settings = deps.settings.get();
  const ids = new Set([...settings.orgs.map((o) => o.id), ...backup.orgs.map((o) => o.org.id)]);
  const current = new Map<string, LedgerFile>();
  for (const id of ids) current.set(id, await deps.ledgers.get(id));
  const plan = planRestore({ settings, ledgers: current }, backup);
  let safetyBackupPath: string | null = null;
  if (plan.hasChanges) {
    const dir = join(deps.dataDir, 'backups');
    await mkdir(dir, { recursive: true });
    const stamp = new Date(deps.nowMs()).toISOString().replace(/[:.]/g, '-');
    safetyBackupPath = join(dir, `before-restore-${stamp}.json`);
    await writeTextFile(safetyBackupPath, await createBackupText(deps));
    // Ledgers first, then settings, so an organization appears only once its ledger is in place.
    for (const change of plan.ledgers) await deps.ledgers.update(change.org.id, () => change.next);
    if (plan.settingsChanged) await deps.settings.update(() => plan.nextSettings);
  }
  return {
    changed: plan.hasChanges,
    orgsAdded: plan.orgsAdded.map((o) => o.name),
    entriesAdded: plan.ledgers.reduce((a, l) => a + l.addedEntries, 0),
    billingRulesTaken: plan.ledgers.filter((l) => l.billingTaken).length,
    settingsChanged: plan.settingsChanged,
    conflicts: plan.conflicts,
    safetyBackupPath,
  };
}
