/**
 * A data folder opened by a one-shot command (export, backup, restore) through the same stores the app
 * uses, without starting the app: nothing syncs, nothing is added (no demo organization), and a command
 * that only reads writes nothing.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '@core/time';
import { openOrgHistory, type OrgHistory } from '../services/stores/history-store';
import { createLedgerStore, type LedgerStore } from '../services/stores/ledger-store';
import { openSettingsStore, type SettingsStore } from '../services/stores/settings-store';
import { createProblemList } from '../services/stores/store-problem';
import { UsageError } from './io';
import { isSaneInstant } from '@core/sane-values';
import { displayZone, systemTimeZone } from '@core/time-zone';

export interface DataFolder {
  dataDir: string;
  settings: SettingsStore;
  ledgers: LedgerStore;
  history(orgId: string): Promise<OrgHistory>;
  /** The display zone: the settings' zone, else this machine's. */
  zone(): string;
}

/** Opens the stores of `dataDir`; `report` hears of any file that had to be set aside. */
export async function openDataFolder(
  dataDir: string,
  clock: Clock,
  report: (message: string) => void,
  opts: { mustExist?: boolean } = {},
): Promise<DataFolder> {
  if (opts.mustExist) await assertDataFolder(dataDir);
  const nowMs = () => clock.nowMs();
  const problems = createProblemList((p) => report(p.message));
  const settings = await openSettingsStore(dataDir, { onProblem: problems.report, nowMs });
  const ledgers = createLedgerStore(dataDir, { nowMs, problems });
  return {
    dataDir,
    settings,
    ledgers,
    // Commands only read: the sync engine, not they, rewinds past damaged files (and a read of a
    // damaged file still sets it aside and says so).
    history: (orgId) =>
      openOrgHistory(join(dataDir, 'history', orgId), { nowMs, problems }, { rewindDamaged: false }),
    zone: () => displayZone(settings.get().timeZone, systemTimeZone()),
  };
}

/**
 * Reading commands never create a folder: a mistyped --data-dir is an error, not a new empty folder.
 * Throws UsageError when `dataDir` is not an existing folder.
 */
export async function assertDataFolder(dataDir: string): Promise<void> {
  const isFolder = await stat(dataDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isFolder)
    throw new UsageError(
      `There is no Creditwatch data folder at ${dataDir} (give the right one with --data-dir). Nothing was created.`,
    );
}

/** Turns a file-system error into words naming the path. Example: EACCES → "permission denied". */
export function fileErrorText(path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOENT'
        ? 'the folder does not exist'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EROFS'
            ? 'the disk is read-only'
            : (err as Error).message;
  return `Cannot write ${path}: ${why}.`;
}

/** Parses `--now ISO` (an instant with a zone), or the real clock when absent. */
export function clockFromFlag(raw: string | undefined, real: Clock): Clock {
  if (raw === undefined) return real;
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(raw) || !Number.isFinite(ms))
    throw new UsageError(
      `--now must be an ISO date and time with a zone, e.g. 2026-11-18T15:20:00Z, not '${raw}'.`,
    );
  if (!isSaneInstant(ms)) throw new UsageError(`--now must be between 2015 and 2200, not '${raw}'.`);
  return { nowMs: () => ms };
}
