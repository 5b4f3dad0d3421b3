/**
 * The ledger files (`ledger-<org>.json`): what the user typed — balances, purchases, grants, reloads,
 * billing rule. The most precious data Creditwatch holds, so: versioned and validated like every file,
 * every state written is backed up (a damaged file falls back to its newest readable backup, and backups
 * that predate a damaged load are never rotated away), duplicate ids repaired on load, writes one at a
 * time per org, and an org's ledger is archived (never deleted) when the org is removed.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { dedupeLedgerEntries } from '@core/ledger-dedupe';
import { LEDGER_VERSION, LedgerFileSchema, type LedgerFile } from '@core/ledger-schema';
import { repairLedgerRaw, repairReloadRule } from '@core/sane-repair';
import { backupStamp, type BackupInfo } from './backups';
import { createKeyedWriteQueue, ensurePrivateDir } from './private-file';
import { openVersionedFile, type FileContext, type FileSpec, type VersionedFile } from './versioned-file';

export const LEDGER_BACKUPS_KEPT = 10;

export const LEDGER_SPEC: FileSpec<LedgerFile> = {
  label: 'ledger',
  version: LEDGER_VERSION,
  schema: LedgerFileSchema,
  migrations: {},
  defaults: () => LedgerFileSchema.parse({ version: LEDGER_VERSION }),
  indent: 2, // people may read or repair this file by hand
  describe: (l) =>
    `${l.entries.length} ${l.entries.length === 1 ? 'entry' : 'entries'}, ${l.billing.mode} billing${l.billing.reload ? ' with an auto-reload rule' : ''}`,
  repair: (ledger) => {
    const rule = repairReloadRule(ledger);
    const deduped = dedupeLedgerEntries(rule.data);
    return { data: deduped.data, notes: [...rule.notes, ...deduped.notes] };
  },
  repairRaw: repairLedgerRaw,
};

/** A ledger backup as the user sees it. */
export interface LedgerBackup extends BackupInfo {
  /** How many entries it holds, or null when it cannot be read. */
  entries: number | null;
}

export interface LedgerStore {
  get(orgId: string): Promise<LedgerFile>;
  /**
   * Applies `mutate` to the current ledger and writes it (backed up); throws if the result is
   * invalid. Runs inside the org's write queue, so checks made in `mutate` hold under concurrency;
   * returning the very same object writes nothing.
   */
  update(orgId: string, mutate: (ledger: LedgerFile) => LedgerFile): Promise<LedgerFile>;
  /** The org's backups, newest first. */
  backups(orgId: string): Promise<LedgerBackup[]>;
  /** Makes a backup the current ledger (the ledger as it was stays among the backups, so this can be undone). */
  restore(orgId: string, backupName: string): Promise<LedgerFile>;
  /** Moves an org's ledger to `removed/` (the user may want it back); its backups stay. */
  archive(orgId: string): Promise<void>;
}

/** Opens ledgers lazily under `dataDir`. */
export function createLedgerStore(dataDir: string, ctx: FileContext): LedgerStore {
  const files = new Map<string, Promise<VersionedFile<LedgerFile>>>();
  const pathOf = (orgId: string) => join(dataDir, `ledger-${orgId}.json`);
  const open = (orgId: string) => {
    let file = files.get(orgId);
    if (!file) {
      file = openVersionedFile(pathOf(orgId), LEDGER_SPEC, ctx, {
        dir: join(dataDir, 'backups'),
        prefix: `ledger-${orgId}`,
        keep: LEDGER_BACKUPS_KEPT,
      });
      files.set(orgId, file);
    }
    return file;
  };
  // One write at a time per org, so two quick edits cannot overwrite each other.
  const serialized = createKeyedWriteQueue();
  const save = async (file: VersionedFile<LedgerFile>, next: LedgerFile) => {
    LEDGER_SPEC.schema.parse(next); // refuse before touching the disk
    await file.backup(); // a state no backup holds yet (a hand edit, an older version's file)
    await file.write(next);
    await file.backup(); // the new state: a damaged file can always come back to the last write
    return file.data();
  };

  return {
    get: (orgId) => serialized(orgId, async () => (await open(orgId)).data()),
    update: (orgId, mutate) =>
      serialized(orgId, async () => {
        const file = await open(orgId);
        const next = mutate(file.data());
        return next === file.data() ? next : save(file, next);
      }),
    backups: (orgId) =>
      serialized(orgId, async () => {
        const file = await open(orgId);
        return Promise.all(
          (await file.backups()).map(async (b) => ({
            ...b,
            entries: await file.readBackup(b.name).then(
              (l) => l.entries.length,
              () => null,
            ),
          })),
        );
      }),
    restore: (orgId, backupName) =>
      serialized(orgId, async () => {
        const file = await open(orgId);
        return save(file, await file.readBackup(backupName));
      }),
    archive: (orgId) =>
      serialized(orgId, async () => {
        files.delete(orgId);
        const removedDir = join(dataDir, 'removed');
        await ensurePrivateDir(removedDir);
        try {
          await rename(pathOf(orgId), join(removedDir, `ledger-${orgId}.${backupStamp(ctx.nowMs())}.json`));
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      }),
  };
}
